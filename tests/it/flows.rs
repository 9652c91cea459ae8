//! The demo council's flows end to end over the websocket, in several
//! languages: typed answers, buttons, confirmations, reference numbers, and
//! everything a resident may do in the middle of a flow.

use serde_json::{Value, json};

use crate::helpers::{Client, TestApp, spawn_app, spawn_on, test_config};

/// One step of a scripted conversation: what the resident sends (text, and a
/// button payload), and what the first message of the reply must be.
struct Step {
    text: String,
    payload: Option<&'static str>,
    /// `intent:<id>`, `handoff`, `system:<id>`, `fallback`, `safeguarding:<id>`.
    source: &'static str,
    /// Something the reply's text (all messages) must contain, if anything.
    contains: Option<String>,
}

fn say(text: impl Into<String>, source: &'static str) -> Step {
    Step {
        text: text.into(),
        payload: None,
        source,
        contains: None,
    }
}

fn press(text: &'static str, payload: &'static str, source: &'static str) -> Step {
    Step {
        text: text.into(),
        payload: Some(payload),
        source,
        contains: None,
    }
}

fn expect(text: impl Into<String>, source: &'static str, contains: impl Into<String>) -> Step {
    Step {
        text: text.into(),
        payload: None,
        source,
        contains: Some(contains.into()),
    }
}

fn source_of(message: &Value) -> String {
    let source = &message["source"];
    match source["id"].as_str() {
        Some(id) => format!("{}:{id}", source["kind"].as_str().unwrap()),
        None => source["kind"].as_str().unwrap().to_owned(),
    }
}

/// Runs a script in a fresh conversation opened on a page in `lang`.
async fn run(app: &TestApp, lang: &str, script: &[Step]) -> Vec<Value> {
    let mut client = Client::started(app, json!({"page_lang": lang})).await;
    let mut turns = Vec::new();
    for (n, step) in script.iter().enumerate() {
        let id = format!("m{n}");
        let mut frame = json!({"type": "message", "id": id, "text": step.text});
        if let Some(payload) = step.payload {
            frame["payload"] = json!(payload);
        }
        client.send(frame).await;
        client.expect("ack").await;
        let turn = client.expect("turn").await;
        let first = &turn["messages"][0];
        assert_eq!(
            source_of(first),
            step.source,
            "[{lang}] step {n} {:?}: {turn}",
            step.text
        );
        let text: String = turn["messages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["text"].as_str().unwrap())
            .collect();
        if let Some(needle) = &step.contains {
            assert!(
                text.contains(needle.as_str()),
                "[{lang}] step {n} {:?}: {needle:?} not in {text}",
                step.text
            );
        }
        turns.push(turn);
    }
    client.close().await;
    turns
}

/// The reference number in a turn's text.
fn reference_in(turn: &Value) -> String {
    let text: String = turn["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    let start = text.find("CB-").expect("a reference number");
    text[start..start + 10].to_owned()
}

#[tokio::test]
async fn pothole_and_missed_bin_reports_get_references_in_four_languages() {
    let app = spawn_app().await;
    let pothole_en = [
        say(
            "there's a massive pothole on my road",
            "intent:report-pothole",
        ),
        say(
            "outside 12 High Street, by the bus stop",
            "intent:report-pothole",
        ),
        expect(
            "about a foot wide and deep, right in the middle of the road",
            "intent:report-pothole",
            "12 High Street",
        ),
        expect("yes", "intent:report-pothole", "CB-"),
    ];
    let pothole_cy = [
        say(
            "mae twll mawr yn y ffordd tu allan i'r tŷ",
            "intent:report-pothole",
        ),
        say("Stryd Fawr, ger yr ysgol", "intent:report-pothole"),
        expect(
            "twll dwfn tua troedfedd ar draws",
            "intent:report-pothole",
            "Stryd Fawr",
        ),
        expect("ie", "intent:report-pothole", "CB-"),
    ];
    let bin_en = [
        say("my bin wasn't collected today", "intent:missed-bin"),
        say("CF10 3AB", "intent:missed-bin"),
        say("yesterday", "intent:missed-bin"),
        expect("Garden waste", "intent:missed-bin", "CF10 3AB"),
        expect("yes that's right", "intent:missed-bin", "CB-"),
    ];
    let bin_cy = [
        say("chafodd fy min i ddim ei gasglu", "intent:missed-bin"),
        say("cf10 3ab", "intent:missed-bin"),
        say("ddoe", "intent:missed-bin"),
        press("Ailgylchu", "answer:recycling", "intent:missed-bin"),
        expect("ie", "intent:missed-bin", "CB-"),
    ];
    let bin_pl = [
        say(
            "nie odebrali moich śmieci w tym tygodniu",
            "intent:missed-bin",
        ),
        say("CF10 3AB", "intent:missed-bin"),
        say("wczoraj", "intent:missed-bin"),
        press("Recykling", "answer:recycling", "intent:missed-bin"),
        expect("tak", "intent:missed-bin", "CB-"),
    ];
    let bin_ar = [
        say("لم يتم جمع القمامة هذا الأسبوع", "intent:missed-bin"),
        say("CF10 3AB", "intent:missed-bin"),
        say("أمس", "intent:missed-bin"),
        press("إعادة التدوير", "answer:recycling", "intent:missed-bin"),
        expect("نعم", "intent:missed-bin", "CB-"),
    ];
    let mut references = Vec::new();
    for (lang, script) in [
        ("en", &pothole_en[..]),
        ("cy", &pothole_cy),
        ("en", &bin_en),
        ("cy", &bin_cy),
        ("pl", &bin_pl),
        ("ar", &bin_ar),
    ] {
        let turns = run(&app, lang, script).await;
        let last = turns.last().unwrap();
        assert_eq!(last["lang"], lang, "answered in {lang} throughout");
        references.push(reference_in(last));
    }
    let mut unique = references.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        references.len(),
        "every case gets its own reference: {references:?}"
    );
    app.stop().await.unwrap();
}

#[tokio::test]
async fn information_flows_answer_with_links_in_english_and_welsh() {
    let app = spawn_app().await;
    for (lang, council_tax, library, branch, permit, renew) in [
        (
            "en",
            "how can I pay my council tax",
            "what time does the library open",
            "Llanfair Library",
            "I need a parking permit",
            "renew",
        ),
        (
            "cy",
            "sut dw i'n talu treth y cyngor",
            "pryd mae'r llyfrgell ar agor",
            "Llyfrgell Llanfair",
            "dw i angen trwydded barcio",
            "adnewyddu",
        ),
    ] {
        let turns = run(&app, lang, &[say(council_tax, "intent:pay-council-tax")]).await;
        assert_eq!(
            turns[0]["messages"][0]["links"][0]["url"],
            "https://www.glanafon.example/council-tax/pay"
        );
        let turns = run(
            &app,
            lang,
            &[
                say(library, "intent:library-hours"),
                say(branch, "intent:library-hours"),
            ],
        )
        .await;
        assert!(
            turns[1]["messages"][0]["text"]
                .as_str()
                .unwrap()
                .contains("9:30"),
            "{}",
            turns[1]
        );
        let turns = run(
            &app,
            lang,
            &[
                say(permit, "intent:parking-permit"),
                say(renew, "intent:parking-permit"),
            ],
        )
        .await;
        assert_eq!(
            turns[1]["messages"][0]["links"][0]["url"],
            "https://www.glanafon.example/parking/permits/renew"
        );
    }
    app.stop().await.unwrap();
}

#[tokio::test]
async fn noise_and_housing_repair_flows_branch_on_answers() {
    let app = spawn_app().await;
    run(
        &app,
        "en",
        &[
            say(
                "the dog next door barks all night",
                "intent:noise-complaint",
            ),
            press("A barking dog", "answer:dog", "intent:noise-complaint"),
            say("14 Heol y Coed", "intent:noise-complaint"),
            say("every night from about 10pm", "intent:noise-complaint"),
            say("no thanks", "intent:noise-complaint"),
            expect("yes", "intent:noise-complaint", "CB-"),
        ],
    )
    .await;
    run(
        &app,
        "cy",
        &[
            say(
                "mae'r cymdogion yn chwarae cerddoriaeth uchel bob nos",
                "intent:noise-complaint",
            ),
            press("Cerddoriaeth", "answer:music", "intent:noise-complaint"),
            say("rhif 3 Ffordd y Môr", "intent:noise-complaint"),
            say("bob nos Wener", "intent:noise-complaint"),
            say("ie", "intent:noise-complaint"),
            say("07700 900123", "intent:noise-complaint"),
            expect("ie", "intent:noise-complaint", "CB-"),
        ],
    )
    .await;
    // An emergency gets the 24-hour number and no case; anything else a case.
    run(
        &app,
        "en",
        &[
            say("my boiler has broken", "intent:housing-repair"),
            expect("No heating", "intent:housing-repair", "01632 960 999"),
        ],
    )
    .await;
    run(
        &app,
        "cy",
        &[
            say(
                "mae angen trwsio'r ffenest yn fy nhŷ cyngor",
                "intent:housing-repair",
            ),
            press("Dim un o'r rhain", "answer:none", "intent:housing-repair"),
            say("5 Maes y Coed, Glanafon", "intent:housing-repair"),
            say("ffenest y gegin wedi torri", "intent:housing-repair"),
            say("unrhyw fore", "intent:housing-repair"),
            expect("ie", "intent:housing-repair", "CB-"),
        ],
    )
    .await;
    app.stop().await.unwrap();
}

#[tokio::test]
async fn references_are_kept_across_a_restart_and_can_be_looked_up() {
    let data = tempfile::tempdir().unwrap();
    let app = spawn_on(test_config(data.path()), None).await;
    let turns = run(
        &app,
        "en",
        &[
            say("report a pothole", "intent:report-pothole"),
            say("Ffordd y Môr", "intent:report-pothole"),
            say("a deep hole", "intent:report-pothole"),
            expect("yes", "intent:report-pothole", "CB-"),
        ],
    )
    .await;
    let reference = reference_in(turns.last().unwrap());
    app.stop().await.unwrap();

    let restarted = spawn_on(test_config(data.path()), None).await;
    // Asked in Welsh on the restarted server: found, with its status.
    let asked = run(
        &restarted,
        "cy",
        &[expect(
            format!("be di hanes {reference}?"),
            "intent:case-status",
            reference.clone(),
        )],
    )
    .await;
    assert_eq!(asked[0]["messages"][0]["lang"], "cy");
    run(
        &restarted,
        "en",
        &[
            say("what's happening with my report", "intent:case-status"),
            expect("CB-0000-00", "intent:case-status", "CB-0000-00"),
        ],
    )
    .await;
    restarted.stop().await.unwrap();
}

#[tokio::test]
async fn wrong_answers_are_explained_and_a_person_is_offered_after_three() {
    let app = spawn_app().await;
    let turns = run(
        &app,
        "en",
        &[
            say("my bins weren't emptied", "intent:missed-bin"),
            expect("not sure", "intent:missed-bin", "postcode"),
            expect("still don't know", "intent:missed-bin", "postcode"),
            say("no idea", "intent:missed-bin"),
        ],
    )
    .await;
    let payloads: Vec<&str> = turns[3]["messages"][0]["buttons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["payload"].as_str().unwrap())
        .collect();
    assert_eq!(payloads, ["handoff:waste", "command:cancel"]);
    let turns = run(
        &app,
        "pl",
        &[
            say("nie odebrali śmieci", "intent:missed-bin"),
            say("CF10 3AB", "intent:missed-bin"),
            say("jutro", "intent:missed-bin"),
        ],
    )
    .await;
    let messages = turns[2]["messages"].as_array().unwrap();
    assert_eq!(
        messages.len(),
        2,
        "the reason, then the question again: {messages:?}"
    );
    assert_eq!(messages[0]["lang"], "pl", "the reason comes in Polish");
    assert_ne!(messages[0]["text"], messages[1]["text"]);
    app.stop().await.unwrap();
}

#[tokio::test]
async fn commands_work_in_the_middle_of_a_flow() {
    let app = spawn_app().await;
    run(
        &app,
        "en",
        &[
            say("I want to report a pothole", "intent:report-pothole"),
            say("cancel", "system:flow-cancelled"),
            say("cancel", "system:command-nothing-to-cancel"),
        ],
    )
    .await;
    run(
        &app,
        "cy",
        &[
            say("mae twll yn y ffordd", "intent:report-pothole"),
            say("canslo", "system:flow-cancelled"),
        ],
    )
    .await;
    run(
        &app,
        "en",
        &[
            say("my bin wasn't collected", "intent:missed-bin"),
            say("start again", "intent:missed-bin"),
            say("can I speak to a person please", "handoff"),
        ],
    )
    .await;
    // A free-text answer that only sounds like a command is an answer.
    run(
        &app,
        "en",
        &[
            say("the music next door is so loud", "intent:noise-complaint"),
            press("Music", "answer:music", "intent:noise-complaint"),
            expect(
                "12 High St, please make it stop",
                "intent:noise-complaint",
                "When does it usually happen",
            ),
        ],
    )
    .await;
    app.stop().await.unwrap();
}

#[tokio::test]
async fn a_different_request_mid_flow_is_offered_not_swallowed() {
    let app = spawn_app().await;
    let turns = run(
        &app,
        "en",
        &[
            say("report a pothole", "intent:report-pothole"),
            say(
                "actually how do I pay my council tax",
                "intent:report-pothole",
            ),
        ],
    )
    .await;
    let offer = &turns[1]["messages"][0];
    assert!(
        offer["text"].as_str().unwrap().contains("Pay council tax"),
        "{offer}"
    );
    let payloads: Vec<&str> = offer["buttons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["payload"].as_str().unwrap())
        .collect();
    assert_eq!(payloads, ["intent:pay-council-tax", "command:continue"]);

    let mut client = Client::started(&app, json!({})).await;
    client.say("a", "report a pothole").await;
    client
        .say("b", "actually how do I pay my council tax")
        .await;
    client.send(json!({"type": "message", "id": "c", "text": "Pay council tax", "payload": "intent:pay-council-tax"})).await;
    client.expect("ack").await;
    let switched = client.expect("turn").await;
    assert_eq!(switched["messages"][0]["source"]["id"], "pay-council-tax");
    app.stop().await.unwrap();
}

#[tokio::test]
async fn switching_language_mid_flow_keeps_the_answers() {
    let app = spawn_app().await;
    let mut client = Client::started(&app, json!({})).await;
    client.say("a", "my bin wasn't collected").await;
    client.say("b", "CF10 3AB").await;
    client
        .send(json!({"type": "set_language", "lang": "cy"}))
        .await;
    let switched = client.expect("turn").await;
    let messages = switched["messages"].as_array().unwrap();
    assert_eq!(
        messages.len(),
        2,
        "the change is confirmed and the question asked again: {switched}"
    );
    assert_eq!(messages[1]["source"]["id"], "missed-bin");
    assert_eq!(messages[1]["lang"], "cy", "the question comes in Welsh");
    let (_, bin) = client.say("c", "ddoe").await;
    assert_eq!(bin["messages"][0]["lang"], "cy");
    client.send(json!({"type": "message", "id": "d", "text": "Gwastraff bwyd", "payload": "answer:food"})).await;
    client.expect("ack").await;
    let confirm = client.expect("turn").await;
    let text = confirm["messages"][0]["text"].as_str().unwrap();
    assert!(
        text.contains("CF10 3AB"),
        "the postcode given in English is kept: {text}"
    );
    app.stop().await.unwrap();
}

#[tokio::test]
async fn greetings_thanks_and_a_person() {
    let app = spawn_app().await;
    for (lang, hello, thanks, person) in [
        (
            "en",
            "hiya",
            "thanks very much",
            "can I talk to a real person",
        ),
        (
            "cy",
            "bore da",
            "diolch yn fawr",
            "dw i isio siarad efo rhywun",
        ),
        (
            "pl",
            "dzień dobry",
            "dziękuję bardzo",
            "chcę porozmawiać z pracownikiem",
        ),
        ("ar", "مرحبا", "شكرا جزيلا", "أريد التحدث مع موظف"),
    ] {
        run(
            &app,
            lang,
            &[
                say(hello, "intent:greeting"),
                say(thanks, "intent:thanks"),
                say(person, "handoff"),
            ],
        )
        .await;
    }
    app.stop().await.unwrap();
}
