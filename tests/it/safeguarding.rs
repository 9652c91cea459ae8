//! Safeguarding runs first on every message, in the resident's language.

use serde_json::json;

use crate::helpers::{Client, spawn_app};

#[tokio::test]
async fn risk_phrases_get_emergency_numbers_and_a_person() {
    let app = spawn_app().await;
    let mut client = Client::started(&app, json!({})).await;
    let cases = [
        (
            "I've got nowhere to sleep tonight",
            "homelessness",
            "01632 960 999",
        ),
        (
            "my partner hits me when he's drunk",
            "domestic-abuse",
            "0808 80 10 800",
        ),
        ("i want to end my life", "self-harm", "116 123"),
        ("I can smell gas in the hallway", "gas-leak", "0800 111 999"),
    ];
    for (number, (text, rule, phone)) in cases.iter().enumerate() {
        let (_, turn) = client.say(&format!("s{number}"), text).await;
        let message = &turn["messages"][0];
        assert_eq!(
            message["source"],
            json!({"kind": "safeguarding", "id": rule}),
            "{text}"
        );
        assert!(
            message["text"].as_str().unwrap().contains(phone),
            "{text}: {message}"
        );
        let offers_person = message["buttons"].as_array().is_some_and(|b| {
            b.iter()
                .any(|b| b["payload"].as_str().unwrap().starts_with("handoff"))
        });
        assert_eq!(offers_person, *rule != "gas-leak", "{text}");
    }
    app.stop().await.unwrap();
}

#[tokio::test]
async fn risk_phrases_are_answered_in_the_language_they_are_written_in() {
    let app = spawn_app().await;
    let mut client = Client::started(&app, json!({})).await;
    for (id, text, lang) in [
        ("s1", "czuję gaz w mieszkaniu", "pl"),
        ("s2", "dw i'n ddigartref heno", "cy"),
        ("s3", "أشم رائحة غاز في المطبخ", "ar"),
    ] {
        let (_, turn) = client.say(id, text).await;
        let message = &turn["messages"][0];
        assert_eq!(message["source"]["kind"], "safeguarding", "{text}");
        assert_eq!(message["lang"], lang, "{text}");
    }
    app.stop().await.unwrap();
}

#[tokio::test]
async fn ordinary_questions_do_not_trigger_safeguarding() {
    let app = spawn_app().await;
    let mut client = Client::started(&app, json!({})).await;
    for (id, text) in [
        ("o1", "how do I pay my gas bill"),
        ("o2", "when is the garden waste collected"),
        ("o3", "my home address has changed"),
    ] {
        let (_, turn) = client.say(id, text).await;
        assert_ne!(
            turn["messages"][0]["source"]["kind"], "safeguarding",
            "{text}"
        );
    }
    app.stop().await.unwrap();
}

#[tokio::test]
async fn asking_for_a_person_after_misses_is_never_a_dead_end() {
    let app = spawn_app().await;
    let mut client = Client::started(&app, json!({})).await;
    let (_, first) = client.say("m1", "zxqv wibble").await;
    assert_eq!(first["messages"][0]["source"]["kind"], "fallback");
    let suggestions = first["messages"][0]["buttons"]
        .as_array()
        .expect("suggested topics after one miss");
    assert!(
        suggestions
            .iter()
            .all(|b| b["payload"].as_str().unwrap().starts_with("intent:")),
        "no person offered after one miss, only topics: {suggestions:?}"
    );
    let (_, second) = client.say("m2", "flibbertigibbet quux").await;
    let button = &second["messages"][0]["buttons"][0];
    assert_eq!(
        button["payload"], "handoff",
        "a person is offered after two misses"
    );

    client
        .send(json!({"type": "message", "id": "m3", "text": button["label"], "payload": "handoff"}))
        .await;
    client.expect("ack").await;
    let handoff = client.expect("turn").await;
    assert_eq!(handoff["messages"][0]["source"]["kind"], "handoff");
    // Nobody is signed in to the staff console: the resident can leave a
    // message, or is given the council's contact details.
    let offer = &handoff["messages"][1];
    assert!(
        offer["text"].as_str().unwrap().contains("leave a message"),
        "{handoff}"
    );
    assert_eq!(offer["buttons"].as_array().unwrap().len(), 2, "yes or no");
    client
        .send(json!({"type": "message", "id": "m4", "text": "No", "payload": "answer:no"}))
        .await;
    client.expect("ack").await;
    let contact = client.expect("turn").await;
    assert!(
        contact["messages"][0]["text"]
            .as_str()
            .unwrap()
            .contains("01632 960 100"),
        "{contact}"
    );
    app.stop().await.unwrap();
}
