//! Handing a resident to a person, over real websockets: the queue with
//! places, an agent taking the chat, messages both ways, handing back to the
//! bot, two agents racing, agents dropping, restarts, and the message left out
//! of hours; on SQLite, and on PostgreSQL when the tests are given one.

use std::time::Duration;

use councilbot::commands::agent::{self, AgentCommand};
use councilbot::config::Config;
use councilbot::staff::Role;
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::{Message, http};
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

use crate::helpers::{Client, TestApp, TestDatabase, spawn_on, test_config};
use crate::staff::http_post;

const PASSWORD: &str = "a long enough password";
const WAIT: Duration = Duration::from_secs(10);

/// Staff work round the clock in these tests, unless a test says otherwise.
fn always_open(config: &mut Config) {
    config.handoff.opening_hours = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .map(|day| ((*day).to_owned(), "00:00-24:00".to_owned()))
        .collect();
}

async fn add_agent(config: &Config, name: &str, languages: &str, role: Role) {
    let command = AgentCommand::Add {
        name: name.to_owned(),
        languages: languages.to_owned(),
        topics: None,
        role,
        password_stdin: true,
    };
    let input = format!("{PASSWORD}\n");
    agent::run(config, command, input.as_bytes(), &mut Vec::new())
        .await
        .expect("account added");
}

/// Signs in; returns the session cookie (`name=value`).
async fn sign_in(app: &TestApp, name: &str) -> String {
    let response = http_post(
        app,
        "/console/login",
        &[],
        &json!({"name": name, "password": PASSWORD}),
    )
    .await;
    assert_eq!(response.status, 200, "{}", response.body);
    let cookie = response.header("set-cookie").expect("a session cookie");
    cookie.split(';').next().unwrap_or_default().to_owned()
}

/// A staff console's socket.
struct Console {
    socket: WebSocketStream<MaybeTlsStream<TcpStream>>,
}

impl Console {
    /// Opens `/ws/agent` with these headers; the HTTP status on refusal.
    async fn open(app: &TestApp, headers: &[(&str, &str)]) -> Result<Console, u16> {
        let mut request = format!("ws://{}/ws/agent", app.address)
            .into_client_request()
            .expect("request");
        for (name, value) in headers {
            request.headers_mut().insert(
                http::HeaderName::from_bytes(name.as_bytes()).expect("header name"),
                value.parse().expect("header"),
            );
        }
        match tokio_tungstenite::connect_async(request).await {
            Ok((socket, _)) => Ok(Console { socket }),
            Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
                Err(response.status().as_u16())
            }
            Err(other) => panic!("agent socket: {other}"),
        }
    }

    /// Signs `name` in and opens the console.
    async fn signed_in(app: &TestApp, name: &str) -> Console {
        let cookie = sign_in(app, name).await;
        let mut console = Console::open(app, &[("cookie", &cookie)])
            .await
            .expect("console opens");
        console.until("welcome", |_| true).await;
        console
    }

    async fn send(&mut self, frame: Value) {
        self.socket
            .send(Message::Text(frame.to_string().into()))
            .await
            .expect("send");
    }

    /// Skips frames until one of `kind` for which `wanted` holds.
    async fn until(&mut self, kind: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let next = tokio::time::timeout_at(deadline, self.socket.next())
                .await
                .unwrap_or_else(|_| panic!("no {kind} frame in time"));
            match next {
                Some(Ok(Message::Text(text))) => {
                    let frame: Value = serde_json::from_str(&text).expect("JSON");
                    if frame["type"] == kind && wanted(&frame) {
                        return frame;
                    }
                }
                Some(Ok(Message::Close(frame))) => panic!("console closed: {frame:?}"),
                Some(Ok(_)) => {}
                other => panic!("console socket ended: {other:?}"),
            }
        }
    }

    /// The `ok` or `error` frame answering a request of this kind.
    async fn answer_to(&mut self, request: &str) -> Value {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let next = tokio::time::timeout_at(deadline, self.socket.next())
                .await
                .unwrap_or_else(|_| panic!("no answer to {request} in time"));
            if let Some(Ok(Message::Text(text))) = next {
                let frame: Value = serde_json::from_str(&text).expect("JSON");
                let answer = frame["type"] == "ok" || frame["type"] == "error";
                if answer && frame["request"] == request {
                    return frame;
                }
            }
        }
    }

    /// Waits until the queue lists `conversation`.
    async fn sees_waiting(&mut self, conversation: &str) -> Value {
        self.until("queue", |frame| lists(frame, conversation))
            .await
    }

    async fn close(mut self) {
        let _ = self.socket.close(None).await;
    }
}

fn lists(frame: &Value, conversation: &str) -> bool {
    frame["chats"]
        .as_array()
        .is_some_and(|chats| chats.iter().any(|c| c["conversation"] == conversation))
}

/// A server with the demo council, staff hours as `adjust` says, and the
/// agents `sam` (English, Welsh) and `alex` (English).
async fn app_with_agents(adjust: impl FnOnce(&mut Config)) -> (TestApp, Config, tempfile::TempDir) {
    let data = tempfile::tempdir().unwrap();
    let mut config = test_config(data.path());
    always_open(&mut config);
    adjust(&mut config);
    add_agent(&config, "sam", "en,cy", Role::Agent).await;
    add_agent(&config, "alex", "en", Role::Agent).await;
    let app = spawn_on(config.clone(), None).await;
    (app, config, data)
}

/// A resident who has asked for a person; returns the client, the
/// conversation id and the turn that answered.
async fn queued_resident(app: &TestApp, text: &str) -> (Client, String, Value) {
    let mut resident = Client::connect(app).await;
    let (welcome, _) = resident
        .start(json!({"page": "Council Tax – Glanafon"}))
        .await;
    let conversation = welcome["conversation_id"].as_str().unwrap().to_owned();
    let (_, turn) = resident.say("r-1", text).await;
    (resident, conversation, turn)
}

/// Answers the "leave a message" flow the bot has just offered; returns the
/// reference the resident is given.
pub(crate) async fn leave_a_message(resident: &mut Client) -> String {
    for (id, answer) in [
        ("m1", "yes"),
        ("m2", "Jane Jones"),
        ("m3", "by email"),
        ("m4", "jane@example.com"),
        ("m5", "I need a new recycling box"),
    ] {
        resident.say(id, answer).await;
    }
    let (_, done) = resident.say("m6", "yes").await;
    let text = done["messages"][0]["text"].as_str().unwrap_or_default();
    text.split_whitespace()
        .find(|word| word.starts_with("CB-"))
        .map(|word| word.trim_end_matches(['.', ',']).to_owned())
        .unwrap_or_else(|| panic!("a reference in {done}"))
}

/// The whole journey, on the given configuration.
async fn resident_reaches_a_person_and_comes_back_to_the_bot(
    config_adjust: impl FnOnce(&mut Config),
) {
    let (app, _config, _data) = app_with_agents(config_adjust).await;
    let mut sam = Console::signed_in(&app, "sam").await;
    let (mut resident, conversation, turn) =
        queued_resident(&app, "can I speak to a person please").await;
    let queued = &turn["messages"][0];
    assert_eq!(queued["source"]["kind"], "handoff", "{turn}");
    assert!(
        queued["text"]
            .as_str()
            .unwrap()
            .contains("number 1 in the queue"),
        "{turn}"
    );

    let waiting = sam.sees_waiting(&conversation).await;
    let item = &waiting["chats"][0];
    assert_eq!(item["lang"], "en");
    assert_eq!(item["page"], "Council Tax – Glanafon", "staff see the page");
    assert!(
        item["summary"]
            .as_str()
            .unwrap()
            .contains("speak to a person")
    );

    // While waiting, the bot stays quiet.
    let (_, quiet) = resident.say("r-2", "my bins were not collected").await;
    assert_eq!(quiet["messages"], json!([]), "{quiet}");

    sam.send(json!({"type": "take", "conversation": conversation}))
        .await;
    sam.until("ok", |f| f["request"] == "take").await;
    let transcript = sam.until("transcript", |_| true).await;
    let events = transcript["events"].to_string();
    assert!(events.contains("my bins were not collected"), "{events}");
    assert!(events.contains("speak to a person"), "{events}");

    let joined = resident.expect("turn").await;
    assert_eq!(joined["messages"][0]["source"]["kind"], "handoff");
    assert!(
        joined["messages"][0]["text"]
            .as_str()
            .unwrap()
            .contains("sam")
    );

    let (_, silent) = resident.say("r-3", "it was the blue box").await;
    assert_eq!(silent["messages"], json!([]));
    let said = sam.until("resident", |_| true).await;
    assert_eq!(said["text"], "it was the blue box");
    assert_eq!(said["conversation"], conversation);

    sam.send(json!({"type": "reply", "conversation": conversation, "id": "a-1", "text": "Sorry about that, I'll book a return visit."}))
        .await;
    let reply = resident.expect("turn").await;
    let message = &reply["messages"][0];
    assert_eq!(message["source"], json!({"kind": "agent", "name": "sam"}));
    assert_eq!(
        message["text"],
        "Sorry about that, I'll book a return visit."
    );
    let sent = sam.until("sent", |_| true).await;
    assert_eq!(
        (sent["id"].clone(), sent["delivered"].clone()),
        (json!("a-1"), json!(true))
    );

    sam.send(json!({"type": "hand_back", "conversation": conversation}))
        .await;
    sam.until("ok", |f| f["request"] == "hand_back").await;
    let back = resident.expect("turn").await;
    assert!(
        back["messages"][0]["text"]
            .as_str()
            .unwrap()
            .contains("passed you back"),
        "{back}"
    );
    let (_, answer) = resident.say("r-4", "how do I find my bin day").await;
    assert_eq!(
        answer["messages"][0]["source"]["kind"], "faq",
        "the bot answers again"
    );
    sam.close().await;
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_resident_reaches_a_person_and_comes_back_to_the_bot() {
    resident_reaches_a_person_and_comes_back_to_the_bot(|_| {}).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn handoff_works_the_same_on_postgres() {
    let Ok(base) = std::env::var("COUNCILBOT_TEST_DATABASE_URL") else {
        eprintln!("COUNCILBOT_TEST_DATABASE_URL not set; PostgreSQL not tested here");
        return;
    };
    let database = TestDatabase::create(&base).await;
    let url = database.url.clone();
    resident_reaches_a_person_and_comes_back_to_the_bot(move |config| {
        config.storage.database_url = Some(url);
    })
    .await;
    database.drop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_agents_race_for_one_chat_and_exactly_one_wins() {
    let (app, _config, _data) = app_with_agents(|_| {}).await;
    let mut sam = Console::signed_in(&app, "sam").await;
    let mut alex = Console::signed_in(&app, "alex").await;
    let (mut resident, conversation, _) = queued_resident(&app, "speak to a person").await;
    sam.sees_waiting(&conversation).await;
    alex.sees_waiting(&conversation).await;
    let take = json!({"type": "take", "conversation": conversation});
    tokio::join!(sam.send(take.clone()), alex.send(take));
    let (sam_says, alex_says) = tokio::join!(sam.answer_to("take"), alex.answer_to("take"));
    let kinds = [sam_says["type"].clone(), alex_says["type"].clone()];
    assert!(
        kinds.contains(&json!("ok")) && kinds.contains(&json!("error")),
        "exactly one wins: {sam_says} {alex_says}"
    );
    let loser = if sam_says["type"] == "error" {
        &sam_says
    } else {
        &alex_says
    };
    assert_eq!(loser["code"], "not-waiting");
    let joined = resident.expect("turn").await;
    assert_eq!(
        joined["messages"].as_array().unwrap().len(),
        1,
        "one agent joined"
    );
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn out_of_hours_the_resident_leaves_a_message_with_a_reference() {
    let (app, _config, _data) = app_with_agents(|config| {
        config.handoff.opening_hours.clear();
    })
    .await;
    let mut sam = Console::signed_in(&app, "sam").await;
    let (mut resident, _, turn) = queued_resident(&app, "speak to a person").await;
    let texts: Vec<&str> = turn["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert!(
        texts[0].contains("isn't available to chat right now"),
        "{turn}"
    );
    assert!(texts[1].contains("leave a message"), "{turn}");
    let reference = leave_a_message(&mut resident).await;

    sam.send(json!({"type": "callbacks"})).await;
    let callbacks = sam.until("callbacks", |_| true).await;
    let case = callbacks["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|case| case["reference"] == reference.as_str())
        .unwrap_or_else(|| panic!("{reference} listed in {callbacks}"))
        .clone();
    assert_eq!(case["details"]["email"], "jane@example.com");
    assert_eq!(case["details"]["question"], "I need a new recycling box");
    sam.send(json!({"type": "callback_done", "reference": reference}))
        .await;
    let after = sam.until("callbacks", |_| true).await;
    assert!(!after.to_string().contains(&reference), "{after}");
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nobody_online_for_the_language_offers_a_message_instead() {
    let (app, _config, _data) = app_with_agents(|_| {}).await;
    // Nobody is signed in to a console.
    let (_, _, turn) = queued_resident(&app, "speak to a person").await;
    assert!(
        turn["messages"][0]["text"]
            .as_str()
            .unwrap()
            .contains("no one in our team can chat"),
        "{turn}"
    );
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_chat_goes_back_to_the_queue_when_its_agent_drops() {
    let (app, _config, _data) = app_with_agents(|config| {
        config.handoff.agent_grace_secs = 1;
    })
    .await;
    let mut sam = Console::signed_in(&app, "sam").await;
    let mut alex = Console::signed_in(&app, "alex").await;
    let (mut resident, conversation, _) = queued_resident(&app, "speak to a person").await;
    sam.sees_waiting(&conversation).await;
    sam.send(json!({"type": "take", "conversation": conversation}))
        .await;
    sam.until("ok", |f| f["request"] == "take").await;
    resident.expect("turn").await;
    sam.close().await;

    let lost = resident.expect("turn").await;
    assert!(
        lost["messages"][0]["text"]
            .as_str()
            .unwrap()
            .contains("back in the queue"),
        "{lost}"
    );
    let place = resident.expect("queue").await;
    assert_eq!(place["position"], 1);
    alex.sees_waiting(&conversation).await;
    alex.send(json!({"type": "take", "conversation": conversation}))
        .await;
    alex.until("ok", |f| f["request"] == "take").await;
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_agent_sees_safeguarding_answers_and_can_pass_the_chat_on() {
    let (app, _config, _data) = app_with_agents(|_| {}).await;
    let mut sam = Console::signed_in(&app, "sam").await;
    let (mut resident, conversation, _) = queued_resident(&app, "speak to a person").await;
    sam.sees_waiting(&conversation).await;
    sam.send(json!({"type": "take", "conversation": conversation}))
        .await;
    sam.answer_to("take").await;
    resident.expect("turn").await;

    let (_, danger) = resident.say("r-2", "I can smell gas in the kitchen").await;
    assert_eq!(danger["messages"][0]["source"]["kind"], "safeguarding");
    let seen = sam.until("resident", |_| true).await;
    assert_eq!(
        seen["replies"][0]["source"]["kind"], "safeguarding",
        "{seen}"
    );

    sam.send(json!({"type": "transfer", "conversation": conversation, "topic": "housing-repairs"}))
        .await;
    sam.answer_to("transfer").await;
    let passed = resident.expect("turn").await;
    assert!(
        passed["messages"][0]["text"]
            .as_str()
            .unwrap()
            .contains("passed your chat to colleagues"),
        "{passed}"
    );
    let waiting = sam.sees_waiting(&conversation).await;
    assert_eq!(waiting["chats"][0]["topic"], "housing-repairs");
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_resident_who_leaves_while_waiting_leaves_the_queue() {
    let (app, _config, _data) = app_with_agents(|config| {
        config.handoff.resident_grace_secs = 1;
    })
    .await;
    let mut sam = Console::signed_in(&app, "sam").await;
    let (resident, conversation, _) = queued_resident(&app, "speak to a person").await;
    sam.sees_waiting(&conversation).await;
    resident.close().await;
    sam.until("queue", |frame| !lists(frame, &conversation))
        .await;
    sam.send(json!({"type": "take", "conversation": conversation}))
        .await;
    assert_eq!(sam.answer_to("take").await["code"], "not-waiting");
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_keeps_the_queue_and_the_transcript() {
    let data = tempfile::tempdir().unwrap();
    let mut config = test_config(data.path());
    always_open(&mut config);
    add_agent(&config, "sam", "en", Role::Agent).await;
    let app = spawn_on(config.clone(), None).await;
    let mut sam = Console::signed_in(&app, "sam").await;
    let mut resident = Client::connect(&app).await;
    let (welcome, _) = resident.start(json!({})).await;
    let token = welcome["resume_token"].as_str().unwrap().to_owned();
    let conversation = welcome["conversation_id"].as_str().unwrap().to_owned();
    resident.say("r-1", "speak to a person").await;
    sam.sees_waiting(&conversation).await;
    sam.close().await;
    resident.close().await;
    app.stop().await.unwrap();

    let restarted = spawn_on(config, None).await;
    let mut resident = Client::connect(&restarted).await;
    resident
        .send(json!({"type": "hello", "v": 1, "resume_token": token, "last_seq": 3}))
        .await;
    assert_eq!(resident.expect("welcome").await["resumed"], true);
    let place = resident.expect("queue").await;
    assert_eq!(place["position"], 1);
    let mut sam = Console::signed_in(&restarted, "sam").await;
    sam.sees_waiting(&conversation).await;
    sam.send(json!({"type": "take", "conversation": conversation}))
        .await;
    let transcript = sam.until("transcript", |_| true).await;
    assert!(transcript.to_string().contains("speak to a person"));
    restarted.stop().await.unwrap();
}

#[tokio::test]
async fn the_agent_socket_refuses_strangers() {
    let (app, config, _data) = app_with_agents(|_| {}).await;
    assert_eq!(Console::open(&app, &[]).await.err(), Some(401));
    let bogus = [("cookie", "councilbot_staff=not-a-session")];
    assert_eq!(Console::open(&app, &bogus).await.err(), Some(401));
    let cookie = sign_in(&app, "sam").await;
    let elsewhere = [
        ("cookie", cookie.as_str()),
        ("origin", "https://evil.example"),
    ];
    assert_eq!(Console::open(&app, &elsewhere).await.err(), Some(403));
    add_agent(&config, "edith", "en", Role::Editor).await;
    let editor = sign_in(&app, "edith").await;
    assert_eq!(
        Console::open(&app, &[("cookie", editor.as_str())])
            .await
            .err(),
        Some(403),
        "editors take no chats"
    );
    let mut sam = Console::open(&app, &[("cookie", &cookie)]).await.unwrap();
    sam.until("welcome", |_| true).await;
    sam.send(json!({"type": "take", "conversation": "no-such-chat"}))
        .await;
    let refused = sam.until("error", |_| true).await;
    assert_eq!(refused["code"], "not-waiting");
    sam.send(json!({"type": "reply", "conversation": "no-such-chat", "id": "1", "text": "hi"}))
        .await;
    assert_eq!(sam.until("error", |_| true).await["code"], "not-yours");
    let long = "x".repeat(4001);
    sam.send(json!({"type": "reply", "conversation": "no-such-chat", "id": "2", "text": long}))
        .await;
    assert_eq!(sam.until("error", |_| true).await["code"], "invalid-reply");
    sam.send(json!({"type": "close", "conversation": "no-such-chat", "outcome": "shrug"}))
        .await;
    assert_eq!(
        sam.until("error", |_| true).await["code"],
        "invalid-outcome"
    );
    sam.send(json!({"type": "launch"})).await;
    assert_eq!(sam.until("error", |_| true).await["code"], "invalid-frame");
    app.stop().await.unwrap();
}

/// The pipeline's side of a handoff, without a server: what the resident is
/// told for each answer of the queue, and what the caller is asked to tell it.
mod pipeline {
    use councilbot::content::Content;
    use councilbot::conversation::{
        self, ConversationState, HandoffNote, HandoffState, InMemoryServices, Input,
    };
    use councilbot::handoff::{Place, Unavailable};
    use councilbot::lang::LangTag;

    use crate::helpers::test_config;

    fn demo() -> Content {
        let data = tempfile::tempdir().unwrap();
        councilbot::content::load(&test_config(data.path()))
            .expect("demo content")
            .content
    }

    fn services(answer: Result<Place, Unavailable>) -> InMemoryServices {
        InMemoryServices::new(jiff::civil::date(2026, 12, 7)).with_handoff(answer)
    }

    async fn say(
        content: &Content,
        state: &mut ConversationState,
        text: &str,
        services: &InMemoryServices,
    ) -> conversation::Turn {
        let input = Input {
            text,
            payload: None,
        };
        conversation::turn(content, state, input, services).await
    }

    #[tokio::test]
    async fn each_reason_nobody_can_answer_is_said_and_a_message_offered() {
        let content = demo();
        for (reason, expected) in [
            (Unavailable::Closed, "isn't available to chat right now"),
            (Unavailable::NoAgent, "no one in our team can chat"),
            (Unavailable::TooLong, "no one in our team can chat"),
            (
                Unavailable::Error,
                "can't connect you to our team right now",
            ),
        ] {
            let mut state = ConversationState::new(&content, None, None);
            let turn = say(
                &content,
                &mut state,
                "speak to a person",
                &services(Err(reason)),
            )
            .await;
            assert!(
                turn.messages[0].text.contains(expected),
                "{reason:?}: {turn:?}"
            );
            assert!(
                turn.messages[1].text.contains("leave a message"),
                "{turn:?}"
            );
            assert_eq!(state.handoff, None);
            assert_eq!(
                state.flow.as_ref().map(|f| f.intent.as_str()),
                Some("leave-a-message")
            );
        }
    }

    #[tokio::test]
    async fn while_waiting_the_bot_is_silent_and_cancel_leaves_the_queue() {
        let content = demo();
        let queue = services(Ok(Place {
            position: 3,
            wait_minutes: 12,
        }));
        let mut state = ConversationState::new(&content, None, None);
        let turn = say(&content, &mut state, "speak to a person", &queue).await;
        assert!(
            turn.messages[0].text.contains("number 3 in the queue"),
            "{turn:?}"
        );
        assert!(turn.messages[0].text.contains("12 min"), "{turn:?}");
        assert_eq!(state.handoff, Some(HandoffState::Waiting));

        let quiet = say(&content, &mut state, "when is my bin collected", &queue).await;
        assert!(quiet.messages.is_empty(), "{quiet:?}");
        assert_eq!(
            quiet.handoff,
            Some(HandoffNote::Forward("when is my bin collected".to_owned()))
        );

        let again = say(&content, &mut state, "speak to a person", &queue).await;
        assert!(
            again.messages[0].text.contains("already in the queue"),
            "{again:?}"
        );

        let danger = say(&content, &mut state, "I can smell gas", &queue).await;
        assert_eq!(danger.messages[0].source.kind(), "safeguarding");
        assert!(
            matches!(danger.handoff, Some(HandoffNote::Forward(_))),
            "the agent sees it"
        );

        let left = say(&content, &mut state, "cancel", &queue).await;
        assert_eq!(left.handoff, Some(HandoffNote::Left));
        assert!(left.messages[0].text.contains("left the queue"), "{left:?}");
        assert_eq!(state.handoff, None);
        let answered = say(&content, &mut state, "how do I find my bin day", &queue).await;
        assert_eq!(answered.messages[0].source.kind(), "faq");
    }

    #[tokio::test]
    async fn after_safeguarding_a_person_is_urgent_and_routed_by_the_written_language() {
        let content = demo();
        let queue = services(Ok(Place {
            position: 1,
            wait_minutes: 1,
        }));
        let mut state = ConversationState::new(&content, None, None);
        say(
            &content,
            &mut state,
            "I have nowhere to sleep tonight",
            &queue,
        )
        .await;
        say(&content, &mut state, "speak to a person", &queue).await;
        let mut polish = ConversationState::new(&content, None, None);
        say(
            &content,
            &mut polish,
            "chcę rozmawiać z człowiekiem",
            &queue,
        )
        .await;
        let wishes = queue.wishes();
        assert!(wishes[0].urgent, "{wishes:?}");
        assert_eq!(wishes[0].topic.as_deref(), Some("homelessness"));
        assert_eq!(wishes[0].lang, LangTag::parse("en").unwrap());
        assert!(!wishes[1].urgent);
        assert_eq!(wishes[1].lang, LangTag::parse("pl").unwrap(), "{wishes:?}");
    }
}
