//! Greeting, answering in each demo language, the page hint and pinning.

use serde_json::json;

use crate::helpers::{Client, spawn_app};

#[tokio::test]
async fn greets_in_the_default_language_with_the_councils_languages() {
    let app = spawn_app().await;
    let mut client = Client::connect(&app).await;
    let (welcome, greeting) = client.start(json!({})).await;

    assert_eq!(welcome["v"], 1);
    assert_eq!(welcome["resumed"], false);
    assert_eq!(welcome["lang"], "en");
    assert_eq!(welcome["resume_token"].as_str().unwrap().len(), 64);
    let names: Vec<&str> = welcome["languages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["name"].as_str().unwrap())
        .collect();
    for name in ["English", "Cymraeg", "Polski", "العربية"] {
        assert!(names.contains(&name), "{name} missing from {names:?}");
    }
    let arabic = welcome["languages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["code"] == "ar")
        .unwrap();
    assert_eq!(arabic["dir"], "rtl");

    assert_eq!(greeting["seq"], 1);
    assert_eq!(greeting["detected"], serde_json::Value::Null);
    let message = &greeting["messages"][0];
    assert_eq!(
        message["source"],
        json!({"kind": "system", "id": "greeting"})
    );
    assert_eq!(message["lang"], "en");
    assert!(
        message["text"]
            .as_str()
            .unwrap()
            .contains("Glanafon County Council")
    );
    let payloads: Vec<&str> = message["buttons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["payload"].as_str().unwrap())
        .collect();
    assert_eq!(
        payloads.len(),
        3,
        "one button per other language: {payloads:?}"
    );
    assert!(payloads.contains(&"lang:cy"));
    app.stop().await.unwrap();
}

#[tokio::test]
async fn the_page_hint_chooses_the_greeting_language() {
    let app = spawn_app().await;
    let mut client = Client::connect(&app).await;
    let (welcome, greeting) = client.start(json!({"page_lang": "cy-GB"})).await;
    assert_eq!(welcome["lang"], "cy");
    assert_eq!(greeting["messages"][0]["lang"], "cy");
    assert!(
        greeting["messages"][0]["text"]
            .as_str()
            .unwrap()
            .contains("Cyngor Sir Glanafon")
    );
    app.stop().await.unwrap();
}

#[tokio::test]
async fn answers_in_the_language_the_resident_writes() {
    let app = spawn_app().await;
    let mut client = Client::started(&app, json!({})).await;
    let cases = [
        (
            "cy",
            "dw i isio talu treth y cyngor os gwelwch yn dda",
            "ltr",
        ),
        (
            "pl",
            "dzień dobry, chciałbym zapłacić podatek lokalny",
            "ltr",
        ),
        ("ar", "مرحبا، أريد أن أدفع ضريبة المجلس", "rtl"),
        ("en", "hello, how do I pay my council tax please", "ltr"),
    ];
    for (number, (lang, text, dir)) in cases.iter().enumerate() {
        let (_, turn) = client.say(&format!("m{number}"), text).await;
        assert_eq!(turn["detected"], *lang, "detected for {text}");
        assert_eq!(turn["lang"], *lang, "conversation language after {text}");
        let message = &turn["messages"][0];
        assert_eq!(message["lang"], *lang, "reply language for {text}");
        assert_eq!(message["dir"], *dir);
        assert!(message["source"]["kind"].is_string());
    }
    app.stop().await.unwrap();
}

#[tokio::test]
async fn a_pinned_language_holds_whatever_the_resident_writes() {
    let app = spawn_app().await;
    let mut client = Client::started(&app, json!({})).await;
    client
        .send(json!({"type": "set_language", "lang": "cy"}))
        .await;
    let changed = client.expect("turn").await;
    assert_eq!(changed["lang"], "cy");
    assert_eq!(
        changed["messages"][0]["source"],
        json!({"kind": "system", "id": "language-changed"})
    );

    let (_, turn) = client
        .say("m1", "dzień dobry, chciałbym zapłacić podatek lokalny")
        .await;
    assert_eq!(turn["detected"], "pl", "detection is still reported");
    assert_eq!(turn["lang"], "cy", "but the pinned language answers");
    assert_eq!(turn["messages"][0]["lang"], "cy");

    client
        .send(json!({"type": "set_language", "lang": null}))
        .await;
    client.expect("turn").await;
    let (_, turn) = client
        .say("m2", "dzień dobry, chciałbym zapłacić podatek lokalny")
        .await;
    assert_eq!(turn["lang"], "pl", "unpinned, detection decides again");
    app.stop().await.unwrap();
}

#[tokio::test]
async fn short_or_foreign_messages_keep_the_conversation_language() {
    let app = spawn_app().await;
    let mut client = Client::started(&app, json!({"page_lang": "cy"})).await;
    let (_, turn) = client.say("m1", "ok").await;
    assert_eq!(turn["lang"], "cy", "one ambiguous word does not switch");
    let (_, turn) = client
        .say("m2", "bonjour, je voudrais payer la taxe d'habitation")
        .await;
    assert_eq!(
        turn["detected"], "fr",
        "a language without content is still reported"
    );
    assert_eq!(
        turn["lang"], "cy",
        "but the bot keeps answering in a language it has"
    );
    app.stop().await.unwrap();
}

#[tokio::test]
async fn a_language_button_pins_that_language() {
    let app = spawn_app().await;
    let mut client = Client::started(&app, json!({})).await;
    client
        .send(json!({"type": "message", "id": "b1", "text": "Polski", "payload": "lang:pl"}))
        .await;
    client.expect("ack").await;
    let turn = client.expect("turn").await;
    assert_eq!(turn["lang"], "pl");
    assert_eq!(turn["messages"][0]["lang"], "pl");
    let (_, turn) = client
        .say("m1", "hello, how do I pay my council tax please")
        .await;
    assert_eq!(turn["lang"], "pl");
    app.stop().await.unwrap();
}
