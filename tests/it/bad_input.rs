//! Bad input on the resident socket: a localised error frame, and the
//! connection stays usable (except where the websocket protocol forbids it).

use serde_json::json;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::protocol::frame::Frame;
use tokio_tungstenite::tungstenite::protocol::frame::coding::{Data, OpCode};

use crate::helpers::{Client, spawn_app, spawn_app_with};

#[tokio::test]
async fn malformed_unknown_and_invalid_frames_get_localised_errors() {
    let app = spawn_app().await;
    let mut client = Client::started(&app, json!({"page_lang": "cy"})).await;

    client.send_raw(Message::text("{this is not json")).await;
    let error = client.expect("error").await;
    assert_eq!(error["code"], "malformed-json");
    assert_eq!(
        error["lang"], "cy",
        "errors come in the conversation's language"
    );
    assert!(!error["text"].as_str().unwrap().is_empty());
    client.ping().await;

    client.send(json!({"type": "dance"})).await;
    let error = client.expect("error").await;
    assert_eq!(error["code"], "unknown-frame-type");
    assert!(error["text"].as_str().unwrap().contains("dance"));
    client.ping().await;

    client.send(json!({"type": "message", "id": "c-1"})).await;
    let error = client.expect("error").await;
    assert_eq!(
        (error["code"].as_str(), error["id"].as_str()),
        (Some("invalid-frame"), Some("c-1"))
    );
    client.ping().await;

    client
        .send_raw(Message::text(
            r#"{"type":"message","id":"c-2","text":"\ud800"}"#,
        ))
        .await;
    assert_eq!(client.expect("error").await["code"], "malformed-json");
    client.ping().await;

    let (ack, _) = client.say("c-3", "still here").await;
    assert_eq!(ack["seq"], 2, "rejected frames used no seqs");
    app.stop().await.unwrap();
}

#[tokio::test]
async fn empty_and_oversized_messages_are_refused_with_their_id() {
    let app = spawn_app_with(|config| config.server.max_message_bytes = 100).await;
    let mut client = Client::started(&app, json!({"page_lang": "pl"})).await;

    client
        .send(json!({"type": "message", "id": "c-1", "text": "   "}))
        .await;
    let error = client.expect("error").await;
    assert_eq!(
        (error["code"].as_str(), error["id"].as_str()),
        (Some("message-empty"), Some("c-1"))
    );
    assert_eq!(error["lang"], "pl");

    client
        .send(json!({"type": "message", "id": "c-2", "text": "ą".repeat(51)}))
        .await;
    let error = client.expect("error").await;
    assert_eq!(
        (error["code"].as_str(), error["id"].as_str()),
        (Some("message-too-long"), Some("c-2"))
    );
    assert!(
        error["text"].as_str().unwrap().contains("100"),
        "the limit is named: {error}"
    );

    // Far beyond the limit: refused without being read.
    client
        .send(json!({"type": "message", "id": "c-3", "text": "x".repeat(5_000)}))
        .await;
    assert_eq!(client.expect("error").await["code"], "message-too-long");
    client.ping().await;
    let (ack, _) = client.say("c-4", "krótko").await;
    assert_eq!(ack["duplicate"], false);
    app.stop().await.unwrap();
}

#[tokio::test]
async fn binary_frames_are_refused_and_the_socket_stays_open() {
    let app = spawn_app().await;
    let mut client = Client::started(&app, json!({"page_lang": "ar"})).await;
    client
        .send_raw(Message::binary(vec![0_u8, 159, 146, 150]))
        .await;
    let error = client.expect("error").await;
    assert_eq!(error["code"], "binary-not-supported");
    assert_eq!(error["dir"], "rtl");
    client.ping().await;
    app.stop().await.unwrap();
}

#[tokio::test]
async fn invalid_utf8_is_answered_then_the_client_resumes_without_loss() {
    let app = spawn_app().await;
    let mut client = Client::connect(&app).await;
    let (welcome, _) = client.start(json!({})).await;
    let token = welcome["resume_token"].as_str().unwrap().to_owned();
    client.say("c-1", "hello").await;

    let frame = Frame::message(vec![b'{', 0xff, 0xfe, b'}'], OpCode::Data(Data::Text), true);
    client.send_raw(Message::Frame(frame)).await;
    assert_eq!(client.expect("error").await["code"], "invalid-utf8");
    // RFC 6455 requires failing the connection with 1007; the conversation lives on.
    assert_eq!(client.expect_close().await, 1007);

    let mut resumed = Client::connect(&app).await;
    resumed
        .send(json!({"type": "hello", "v": 1, "resume_token": token, "last_seq": 3}))
        .await;
    assert_eq!(resumed.expect("welcome").await["resumed"], true);
    let (ack, _) = resumed.say("c-2", "hello again").await;
    assert_eq!(ack["seq"], 4);
    app.stop().await.unwrap();
}

#[tokio::test]
async fn frames_before_hello_and_wrong_versions_are_refused() {
    let app = spawn_app().await;
    let mut client = Client::connect(&app).await;
    client
        .send(json!({"type": "message", "id": "c-1", "text": "hi"}))
        .await;
    assert_eq!(client.expect("error").await["code"], "hello-required");
    client.ping().await;
    client.start(json!({})).await;

    let mut old = Client::connect(&app).await;
    old.send(json!({"type": "hello", "v": 99})).await;
    let error = old.expect("error").await;
    assert_eq!(error["code"], "unsupported-version");
    assert_eq!(old.expect_close().await, 4001);
    app.stop().await.unwrap();
}

#[tokio::test]
async fn a_fast_sender_is_asked_to_slow_down_and_nothing_is_lost() {
    let app = spawn_app_with(|config| {
        config.server.rate_limit_burst = 3;
        config.server.rate_limit_per_minute = 120;
    })
    .await;
    let mut client = Client::started(&app, json!({"page_lang": "en"})).await;
    for n in 1..=3 {
        client.say(&format!("c-{n}"), "hello").await;
    }
    client
        .send(json!({"type": "message", "id": "c-4", "text": "hello"}))
        .await;
    let error = client.expect("error").await;
    assert_eq!(
        (error["code"].as_str(), error["id"].as_str()),
        (Some("rate-limited"), Some("c-4"))
    );
    client.ping().await;
    // Unacknowledged, the message stays with the client, which sends it again.
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    let (ack, _) = client.say("c-4", "hello").await;
    assert_eq!(
        (ack["seq"].as_i64(), ack["duplicate"].as_bool()),
        (Some(8), Some(false))
    );
    app.stop().await.unwrap();
}

#[tokio::test]
async fn other_sites_cannot_open_the_chat() {
    let app = spawn_app().await;
    let refused = Client::connect_from(&app, "https://evil.example").await;
    assert_eq!(refused.err(), Some(403));
    let allowed = Client::connect_from(&app, &format!("http://{}", app.address)).await;
    assert!(allowed.is_ok(), "the server's own origin is allowed");

    let listed = spawn_app_with(|config| {
        config.server.allowed_origins = vec!["https://www.glanafon.example".into()]
    })
    .await;
    assert!(
        Client::connect_from(&listed, "https://www.glanafon.example")
            .await
            .is_ok()
    );
    assert_eq!(
        Client::connect_from(&listed, "https://evil.example")
            .await
            .err(),
        Some(403)
    );
    app.stop().await.unwrap();
    listed.stop().await.unwrap();
}

#[tokio::test]
async fn control_characters_in_message_ids_are_refused() {
    let app = spawn_app().await;
    let mut client = Client::started(&app, json!({})).await;
    client
        .send(json!({"type": "message", "id": "x\u{0000}", "text": "hello"}))
        .await;
    assert_eq!(client.expect("error").await["code"], "invalid-frame");
    let (ack, _) = client.say("c-1", "hello").await;
    assert_eq!(ack["seq"], 2, "the refused message used no seq");
    app.stop().await.unwrap();
}

#[tokio::test]
async fn language_changes_count_against_the_rate_limit() {
    let app = spawn_app_with(|config| {
        config.server.rate_limit_burst = 3;
        config.server.rate_limit_per_minute = 1;
    })
    .await;
    let mut client = Client::started(&app, json!({})).await;
    for lang in ["cy", "pl", "ar"] {
        client
            .send(json!({"type": "set_language", "lang": lang}))
            .await;
        client.expect("turn").await;
    }
    client
        .send(json!({"type": "set_language", "lang": "en"}))
        .await;
    assert_eq!(client.expect("error").await["code"], "rate-limited");
    app.stop().await.unwrap();
}

/// Floods the server with frames whose replies it never reads, until the
/// server must be waiting on it.
async fn flood_without_reading(client: &mut Client) {
    for _ in 0..40_000 {
        client.send_raw(Message::text("{not json")).await;
    }
}

#[tokio::test]
async fn a_client_that_stops_reading_holds_up_neither_shutdown_nor_a_resume() {
    let app = spawn_app().await;
    let mut stuck = Client::connect(&app).await;
    let (welcome, _) = stuck.start(json!({})).await;
    let token = welcome["resume_token"].as_str().unwrap().to_owned();
    stuck.say("c-1", "hello").await;
    flood_without_reading(&mut stuck).await;

    let mut resumed = Client::connect(&app).await;
    resumed
        .send(json!({"type": "hello", "v": 1, "resume_token": token, "last_seq": 3}))
        .await;
    let welcome = tokio::time::timeout(
        std::time::Duration::from_secs(30),
        resumed.expect("welcome"),
    )
    .await
    .unwrap();
    assert_eq!(welcome["resumed"], true);
    let (ack, _) = resumed.say("c-2", "still me").await;
    assert_eq!(ack["seq"], 4, "one session at a time: no seq is reused");

    let mut another = Client::started(&app, json!({})).await;
    flood_without_reading(&mut another).await;
    let stopped = tokio::time::timeout(std::time::Duration::from_secs(30), app.stop()).await;
    assert!(
        stopped.is_ok(),
        "shutdown finished although a client stopped reading"
    );
}
