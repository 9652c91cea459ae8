//! Snapshots of the protocol's frames and the bot's words in each demo language:
//! a change to either shows up in review as a diff of `tests/it/snapshots/`.

use serde_json::{Value, json};

use crate::helpers::{Client, spawn_app};

/// Replaces what differs between runs.
fn stable(mut frame: Value) -> Value {
    for field in ["conversation_id", "resume_token"] {
        if frame.get(field).is_some() {
            frame[field] = json!(format!("[{field}]"));
        }
    }
    frame
}

#[tokio::test]
async fn frames_in_each_language() {
    let app = spawn_app().await;
    for lang in ["en", "cy", "pl", "ar"] {
        let mut client = Client::connect(&app).await;
        let (welcome, greeting) = client.start(json!({"page_lang": lang})).await;
        let (ack, fallback) = client.say("c-1", "zxqv wibble").await;
        client
            .send(json!({"type": "message", "id": "c-2", "text": ""}))
            .await;
        let error = client.expect("error").await;
        let frames = json!({
            "welcome": stable(welcome),
            "greeting": greeting,
            "ack": ack,
            "fallback": fallback,
            "error": error,
        });
        insta::assert_json_snapshot!(format!("frames_{lang}"), frames);
    }
    app.stop().await.unwrap();
}
