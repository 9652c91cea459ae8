//! The knowledge base over the resident socket: answers quote the document,
//! cite its page with its title and review date, offer related answers, fall
//! back along the language's chain saying so, and leave unanswerable
//! questions to the fallback.

use serde_json::{Value, json};

use crate::helpers::{Client, spawn_app};

fn first(turn: &Value) -> &Value {
    &turn["messages"][0]
}

#[tokio::test]
async fn an_answer_quotes_and_cites_its_page() {
    let app = spawn_app().await;
    let mut client = Client::started(&app, json!({"lang": "en"})).await;
    let (_, turn) = client.say("m1", "how often is the black bin emptied").await;
    let answer = first(&turn);
    assert_eq!(
        answer["source"],
        json!({
            "kind": "faq",
            "id": "bin-collection-days",
            "title": "Find your bin collection day",
            "url": "https://www.glanafon.example/bins-and-recycling/collection-days"
        })
    );
    assert_eq!(
        answer["links"],
        json!([{
            "title": "Find your bin collection day",
            "url": "https://www.glanafon.example/bins-and-recycling/collection-days"
        }])
    );
    let text = answer["text"].as_str().unwrap();
    assert!(
        text.starts_with("Enter your postcode in our online bin day checker"),
        "the document's own summary is quoted: {text}"
    );
    assert!(
        text.ends_with("Last checked by the council on 14 September 2026."),
        "{text}"
    );
    assert!(text.len() < 600, "a quote, not the whole page");
    assert_eq!(
        (answer["lang"].as_str(), answer["dir"].as_str()),
        (Some("en"), Some("ltr"))
    );
    app.stop().await.unwrap();
}

#[tokio::test]
async fn related_answers_are_buttons_that_show_them() {
    let app = spawn_app().await;
    let mut client = Client::started(&app, json!({"lang": "en"})).await;
    let (_, turn) = client
        .say("m1", "do students get a council tax discount")
        .await;
    let answer = first(&turn);
    assert_eq!(answer["source"]["id"], "council-tax-discounts");
    let buttons = answer["buttons"].as_array().expect("related answers");
    let related = &buttons[0];
    let payload = related["payload"].as_str().unwrap();
    assert!(payload.starts_with("faq:"), "{related}");
    client
        .send(json!({"type": "message", "id": "m2", "text": related["label"], "payload": payload}))
        .await;
    client.expect("ack").await;
    let turn = client.expect("turn").await;
    assert_eq!(
        first(&turn)["source"]["id"],
        payload.trim_start_matches("faq:"),
        "pressing it shows that answer"
    );
    app.stop().await.unwrap();
}

#[tokio::test]
async fn translated_answers_come_in_the_residents_language() {
    let app = spawn_app().await;
    let mut welsh = Client::started(&app, json!({"lang": "cy"})).await;
    let (_, turn) = welsh.say("m1", "pryd mae'r biniau'n cael eu casglu").await;
    let answer = first(&turn);
    assert_eq!(answer["source"]["id"], "bin-collection-days");
    assert_eq!(
        answer["source"]["title"],
        "Dod o hyd i'ch diwrnod casglu biniau"
    );
    assert_eq!(answer["lang"], "cy");
    assert!(
        answer["text"]
            .as_str()
            .unwrap()
            .contains("Gwiriwyd gan y cyngor ddiwethaf ar 14 Medi 2026"),
        "{answer}"
    );

    let mut arabic = Client::started(&app, json!({"lang": "ar"})).await;
    let (_, turn) = arabic
        .say("m1", "هل يمكن وضع الزجاج في الصندوق الأزرق")
        .await;
    let answer = first(&turn);
    assert_eq!(answer["source"]["id"], "recycling-what-goes-where");
    assert_eq!(
        (answer["lang"].as_str(), answer["dir"].as_str()),
        (Some("ar"), Some("rtl"))
    );
    app.stop().await.unwrap();
}

#[tokio::test]
async fn an_answer_only_in_english_says_so_in_welsh() {
    let app = spawn_app().await;
    let mut client = Client::started(&app, json!({"lang": "cy"})).await;
    let (_, turn) = client
        .say("m1", "when are the household recycling centres open")
        .await;
    assert_eq!(turn["lang"], "cy", "the chosen language stays");
    let messages = turn["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 2, "{turn}");
    assert_eq!(messages[0]["lang"], "cy");
    assert!(
        messages[0]["text"].as_str().unwrap().contains("Saesneg"),
        "the note says the answer is in English: {}",
        messages[0]
    );
    assert_eq!(messages[1]["lang"], "en");
    assert_eq!(messages[1]["source"]["id"], "recycling-centres");
    app.stop().await.unwrap();
}

#[tokio::test]
async fn unanswerable_questions_reach_the_fallback() {
    let app = spawn_app().await;
    let mut client = Client::started(&app, json!({"lang": "en"})).await;
    for (id, question) in [
        ("m1", "who is the prime minister"),
        ("m2", "what year did the titanic sink"),
    ] {
        let (_, turn) = client.say(id, question).await;
        assert_eq!(
            first(&turn)["source"]["kind"],
            "fallback",
            "{question}: {turn}"
        );
    }
    app.stop().await.unwrap();
}

#[tokio::test]
async fn an_faq_answer_beats_an_information_intent_only_when_it_fits_better() {
    let app = spawn_app().await;
    let mut client = Client::started(&app, json!({"lang": "en"})).await;
    for (id, question, source) in [
        ("m1", "how do i pay my council tax", "pay-council-tax"),
        (
            "m2",
            "how are council tax bands worked out",
            "council-tax-bands",
        ),
        ("m3", "my bin was not collected", "missed-bin"),
    ] {
        let (_, turn) = client.say(id, question).await;
        assert_eq!(first(&turn)["source"]["id"], source, "{question}: {turn}");
        client
            .send(json!({"type": "message", "id": format!("{id}-x"), "text": "cancel"}))
            .await;
        client.expect("ack").await;
        client.expect("turn").await;
    }
    app.stop().await.unwrap();
}
