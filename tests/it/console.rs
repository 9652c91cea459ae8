//! The staff console page (`/console`) in headless Chromium, against a real
//! server: its security headers; signing in through the form; a resident's
//! chat arriving in the queue, taken, answered (the resident's socket gets
//! the reply), a live resident message (markup shown as text), a reload back
//! into the chat, closing with an outcome; an accessible name on every
//! control; a console opened elsewhere; signing out; and the callbacks list,
//! handing back and transferring.

use councilbot::commands::agent::{self, AgentCommand};
use councilbot::config::Config;
use councilbot::staff::Role;
use std::time::Duration;

use futures_util::StreamExt;
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

use crate::browser::{Browser, WAIT};
use crate::helpers::{Client, TestApp, spawn_on, test_config};
use crate::staff::{http_post, http_request};

const PASSWORD: &str = "console test passphrase";
const ARABIC_ASK: &str = "أريد التحدث إلى موظف";
const MARKUP: &str = "<img src=x onerror=alert(1)>";

type AgentSocket = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// A server whose staff hours never end, with `sam` (English and Arabic)
/// and `alex` (English).
async fn app_with_staff() -> (TestApp, tempfile::TempDir) {
    let data = tempfile::tempdir().expect("temp dir");
    let mut config: Config = test_config(data.path());
    config.handoff.opening_hours = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .into_iter()
        .map(|day| (day.to_owned(), "00:00-24:00".to_owned()))
        .collect();
    for (name, languages) in [("sam", "en,ar"), ("alex", "en")] {
        let command = AgentCommand::Add {
            name: name.to_owned(),
            languages: languages.to_owned(),
            topics: None,
            role: Role::Agent,
            password_stdin: true,
        };
        let input = format!("{PASSWORD}\n");
        agent::run(&config, command, input.as_bytes(), &mut Vec::new())
            .await
            .expect("an account");
    }
    (spawn_on(config, None).await, data)
}

/// Signs `name` in over HTTP and opens a console socket outside the browser;
/// returns the socket and its welcome.
async fn console_socket(app: &TestApp, name: &str) -> (AgentSocket, Value) {
    let login = http_post(
        app,
        "/console/login",
        &[],
        &json!({"name": name, "password": PASSWORD}),
    )
    .await;
    let cookie = login.header("set-cookie").expect("a session cookie");
    let pair = cookie.split(';').next().unwrap_or_default();
    let mut request = format!("ws://{}/ws/agent", app.address)
        .into_client_request()
        .expect("request");
    request
        .headers_mut()
        .insert("cookie", pair.parse().expect("cookie"));
    let (mut socket, _) = tokio_tungstenite::connect_async(request)
        .await
        .expect("the console socket connects");
    loop {
        let next = tokio::time::timeout(WAIT, socket.next())
            .await
            .expect("a welcome in time");
        if let Some(Ok(Message::Text(text))) = next {
            let frame: Value = serde_json::from_str(&text).expect("JSON");
            if frame["type"] == "welcome" {
                return (socket, frame);
            }
        }
    }
}

#[tokio::test]
async fn the_console_is_served_with_a_strict_content_security_policy() {
    let (app, _data) = app_with_staff().await;
    for (path, content_type) in [
        ("/console", "text/html"),
        ("/console/console.js", "text/javascript"),
        ("/console/console.css", "text/css"),
    ] {
        let response = http_request(&app, "GET", path, &[], "").await;
        assert_eq!(response.status, 200, "{path}");
        let header = |name: &str| response.header(name).unwrap_or_default().to_owned();
        assert!(header("content-type").starts_with(content_type), "{path}");
        let policy = header("content-security-policy");
        for directive in [
            "default-src 'none'",
            "script-src 'self'",
            "connect-src 'self'",
            "frame-ancestors 'none'",
        ] {
            assert!(policy.contains(directive), "{path}: {policy}");
        }
        assert!(!policy.contains("unsafe"), "{path}: {policy}");
        assert_eq!(header("x-content-type-options"), "nosniff", "{path}");
        assert_eq!(header("referrer-policy"), "no-referrer", "{path}");
    }
    let page = http_request(&app, "GET", "/console", &[], "").await;
    assert_eq!(page.header("cache-control"), Some("no-store"));
    assert!(
        !page.body.contains("<script>") && !page.body.contains("style="),
        "no inline script or style: the policy would block them"
    );
    app.stop().await.unwrap();
}

/// Signs `sam` in through the form, after one wrong password.
async fn sign_in(browser: &mut Browser) {
    browser
        .wait_for(
            "!document.getElementById('signin').hidden",
            "the sign-in form",
        )
        .await;
    browser.type_into("#signin-name", "sam").await;
    browser
        .type_into("#signin-password", "not the password")
        .await;
    browser.click("#signin-submit").await;
    browser
        .wait_for(
            "document.getElementById('signin-error').textContent.includes('Wrong name or password')",
            "the wrong-password message",
        )
        .await;
    browser
        .eval("document.getElementById('signin-password').value = ''")
        .await;
    browser.type_into("#signin-password", PASSWORD).await;
    browser.press("Enter", false).await;
    socket_opens(browser).await;
}

async fn socket_opens(browser: &mut Browser) {
    browser
        .wait_for(
            "document.documentElement.dataset.socket === 'open'",
            "the console's socket to open",
        )
        .await;
}

/// A resident who asks for a person in Arabic; returns the client and the
/// conversation id.
async fn arabic_resident_asks_for_a_person(app: &TestApp) -> (Client, String) {
    let mut resident = Client::connect(app).await;
    let (welcome, _) = resident.start(json!({})).await;
    let conversation = welcome["conversation_id"]
        .as_str()
        .expect("an id")
        .to_owned();
    let (_, turn) = resident.say("r-1", ARABIC_ASK).await;
    let queued = &turn["messages"][0];
    assert_eq!(queued["source"]["kind"], "handoff", "{turn}");
    assert_eq!(queued["dir"], "rtl", "{turn}");
    (resident, conversation)
}

/// A JavaScript string literal.
fn js(text: &str) -> String {
    json!(text).to_string()
}

async fn transcript_shows(browser: &mut Browser, text: &str, what: &str) {
    let condition = format!(
        "[...document.querySelectorAll('#transcript .text')].some(e => e.textContent === {})",
        js(text)
    );
    browser.wait_for(&condition, what).await;
}

/// The next turn the resident gets, skipping queue updates.
async fn next_turn(resident: &mut Client) -> Value {
    loop {
        let frame = resident.recv().await;
        if frame["type"] == "turn" {
            return frame;
        }
    }
}

async fn take_the_chat(browser: &mut Browser, resident: &mut Client, conversation: &str) {
    let item = format!("#queue li[data-conversation={}]", js(conversation));
    browser
        .wait_for(
            &format!("document.querySelector({})", js(&item)),
            "the chat in the queue",
        )
        .await;
    assert_eq!(
        browser.eval("document.title").await,
        "(1) Queue – councilbot console"
    );
    let queued_text = browser
        .eval(&format!(
            "document.querySelector({}).textContent",
            js(&item)
        ))
        .await;
    let queued_text = queued_text.as_str().unwrap_or_default();
    assert!(
        queued_text.contains(ARABIC_ASK) && queued_text.contains("Arabic (ar)"),
        "{queued_text}"
    );
    browser
        .wait_for(
            "document.getElementById('announcer').textContent.includes('New chat waiting')",
            "the new chat to be announced",
        )
        .await;
    browser.click(&format!("{item} button.take")).await;
    let joined = next_turn(resident).await;
    assert!(
        joined["messages"][0]["text"]
            .as_str()
            .unwrap_or_default()
            .contains("sam"),
        "{joined}"
    );
    transcript_shows(browser, ARABIC_ASK, "the resident's message").await;
    // The resident's message carries the language detected in it; the bot's
    // Arabic handoff message is right-to-left and says where it came from.
    let shown = browser
        .eval(
            "(() => { const t = [...document.querySelectorAll('#transcript li')]; \
             const asked = t.find(li => li.classList.contains('from-resident')); \
             const bot = t.find(li => li.querySelector('.who').textContent.startsWith('Bot · handoff')); \
             return {asked: asked.querySelector('.text').lang, who: asked.querySelector('.who').textContent, \
             dir: bot && bot.querySelector('.text').dir, title: document.title}; })()",
        )
        .await;
    assert_eq!(shown["asked"], "ar", "{shown}");
    assert!(
        shown["who"].as_str().unwrap_or_default().contains("Arabic"),
        "{shown}"
    );
    assert_eq!(shown["dir"], "rtl", "{shown}");
    assert_eq!(shown["title"], "councilbot console", "the queue is empty");
}

/// Shift+Enter starts a new line; Enter sends both lines.
async fn reply_reaches_the_resident(browser: &mut Browser, resident: &mut Client) {
    browser.type_into("#reply", "Hello, I'm Sam.").await;
    browser.press("Enter", true).await;
    browser.type_into("#reply", "How can I help?").await;
    assert_eq!(
        browser.eval("document.getElementById('reply').value").await,
        "Hello, I'm Sam.\nHow can I help?"
    );
    browser.press("Enter", false).await;
    let reply = next_turn(resident).await;
    let message = &reply["messages"][0];
    assert_eq!(message["source"], json!({"kind": "agent", "name": "sam"}));
    assert_eq!(message["text"], "Hello, I'm Sam.\nHow can I help?");
    browser
        .wait_for(
            "document.querySelector('#transcript [data-state=\"delivered\"]')",
            "the reply marked delivered",
        )
        .await;
    assert_eq!(
        browser.eval("document.getElementById('reply').value").await,
        ""
    );
}

/// Markup a resident types is shown as text: no element is created from it.
async fn resident_markup_stays_text(browser: &mut Browser, resident: &mut Client) {
    let (_, silent) = resident.say("r-2", MARKUP).await;
    assert_eq!(silent["messages"], json!([]), "the bot stays quiet");
    transcript_shows(browser, MARKUP, "the resident's live message").await;
    assert_eq!(
        browser
            .eval("document.querySelectorAll('img').length")
            .await,
        0
    );
    browser
        .wait_for(
            &format!(
                "document.getElementById('announcer').textContent.includes({})",
                js(&format!("Resident: {MARKUP}"))
            ),
            "the live message announced",
        )
        .await;
}

/// After a reload the session is still there (no form), and the chat is in
/// "My chats" with its stored transcript, my reply included.
async fn reload_keeps_the_chat(browser: &mut Browser, app: &TestApp, conversation: &str) {
    browser
        .navigate(&format!("http://{}/console", app.address))
        .await;
    browser
        .wait_for(
            "document.documentElement.dataset.socket === 'open'",
            "the console to reconnect without the form",
        )
        .await;
    let open = format!(
        "#chats li[data-conversation={}] button.open",
        js(conversation)
    );
    browser
        .wait_for(&format!("document.querySelector({})", js(&open)), "my chat")
        .await;
    browser.click(&open).await;
    transcript_shows(
        browser,
        "Hello, I'm Sam.\nHow can I help?",
        "my stored reply",
    )
    .await;
    transcript_shows(browser, MARKUP, "the stored resident message").await;
    let agent_label = browser
        .eval("[...document.querySelectorAll('#transcript .from-agent .who')].map(e => e.textContent).join()")
        .await;
    assert!(
        agent_label
            .as_str()
            .unwrap_or_default()
            .contains("Agent sam"),
        "{agent_label}"
    );
}

/// Every control the accessibility tree exposes has a name.
async fn every_control_has_a_name(browser: &mut Browser) {
    const CONTROLS: [&str; 9] = [
        "button",
        "combobox",
        "textbox",
        "searchbox",
        "checkbox",
        "radio",
        "link",
        "spinbutton",
        "slider",
    ];
    let nodes = browser.accessibility_tree().await;
    let controls: Vec<&Value> = nodes
        .iter()
        .filter(|node| node["ignored"] != true)
        .filter(|node| CONTROLS.contains(&node["role"]["value"].as_str().unwrap_or_default()))
        .collect();
    let unnamed: Vec<String> = controls
        .iter()
        .filter(|node| {
            node["name"]["value"]
                .as_str()
                .unwrap_or_default()
                .trim()
                .is_empty()
        })
        .map(|node| node.to_string())
        .collect();
    assert!(controls.len() >= 10, "only {} controls", controls.len());
    assert!(unnamed.is_empty(), "controls without a name: {unnamed:#?}");
}

async fn close_the_chat(browser: &mut Browser, resident: &mut Client) {
    browser
        .eval(
            "(() => { const s = document.getElementById('outcome'); s.value = 'resolved'; \
             s.dispatchEvent(new Event('change')); return s.value; })()",
        )
        .await;
    browser.click("#close-chat").await;
    let closing = next_turn(resident).await;
    let message = &closing["messages"][0];
    assert_eq!(message["source"]["kind"], "handoff", "{closing}");
    assert!(
        message["text"].as_str().unwrap_or_default().contains("sam"),
        "{closing}"
    );
    browser
        .wait_for(
            "document.getElementById('chat-status').textContent === 'You closed this chat.' \
             && document.querySelectorAll('#chats li').length === 0",
            "the chat to end in the console",
        )
        .await;
}

/// Opening the console elsewhere stops this one, which says so instead of
/// reconnecting (and taking the console back).
async fn opening_it_elsewhere_stops_this_console(browser: &mut Browser, app: &TestApp) {
    let (elsewhere, _) = console_socket(app, "sam").await;
    browser
        .wait_for(
            "document.documentElement.dataset.socket === 'replaced' \
             && document.getElementById('notice').textContent.includes('another tab')",
            "the replaced console to say so",
        )
        .await;
    // A reconnect would come within 1.25 s (the first back-off, with jitter).
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(
        browser
            .eval("document.documentElement.dataset.socket")
            .await,
        "replaced",
        "no reconnecting"
    );
    drop(elsewhere);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_answers_a_resident_from_the_console_in_a_browser() {
    let (app, _data) = app_with_staff().await;
    let mut browser = Browser::launch().await;
    browser
        .navigate(&format!("http://{}/console", app.address))
        .await;
    sign_in(&mut browser).await;
    let (mut resident, conversation) = arabic_resident_asks_for_a_person(&app).await;
    take_the_chat(&mut browser, &mut resident, &conversation).await;
    reply_reaches_the_resident(&mut browser, &mut resident).await;
    resident_markup_stays_text(&mut browser, &mut resident).await;
    reload_keeps_the_chat(&mut browser, &app, &conversation).await;
    every_control_has_a_name(&mut browser).await;
    close_the_chat(&mut browser, &mut resident).await;
    opening_it_elsewhere_stops_this_console(&mut browser, &app).await;

    browser.click("#signout").await;
    browser
        .wait_for(
            "!document.getElementById('signin').hidden",
            "the form after signing out",
        )
        .await;
    let me = browser
        .eval("fetch('/console/me').then(r => r.status)")
        .await;
    assert_eq!(me, 401, "signed out on the server too");

    // The policy let the page run and reach its socket, and blocked nothing.
    let problems: Vec<&String> = browser
        .log()
        .iter()
        .filter(|line| {
            line.contains("Content Security Policy")
                || line.starts_with("exception")
                || line.starts_with("console.error")
        })
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    resident.close().await;
    drop(browser);
    app.stop().await.unwrap();
}

/// A resident who finds nobody online leaves a message; returns its reference.
async fn resident_leaves_a_message(app: &TestApp) -> String {
    let mut resident = Client::started(app, json!({})).await;
    let (_, offer) = resident.say("m0", "speak to a person").await;
    assert!(offer.to_string().contains("leave a message"), "{offer}");
    crate::handoff::leave_a_message(&mut resident).await
}

/// Takes the English resident's chat waiting in the browser's queue.
async fn take_waiting(browser: &mut Browser, conversation: &str) {
    let take = format!(
        "#queue li[data-conversation={}] button.take",
        js(conversation)
    );
    browser
        .wait_for(
            &format!("document.querySelector({})", js(&take)),
            "the chat waiting",
        )
        .await;
    browser.click(&take).await;
    transcript_shows(browser, "speak to a person", "the taken chat").await;
}

async fn english_resident_waiting(app: &TestApp) -> (Client, String) {
    let mut resident = Client::connect(app).await;
    let (welcome, _) = resident.start(json!({})).await;
    let conversation = welcome["conversation_id"]
        .as_str()
        .expect("an id")
        .to_owned();
    let (_, turn) = resident.say("r-1", "speak to a person").await;
    assert_eq!(turn["messages"][0]["source"]["kind"], "handoff", "{turn}");
    (resident, conversation)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn callbacks_hand_back_and_transfer_work_from_the_console() {
    let (app, _data) = app_with_staff().await;
    // Nobody is signed in yet, so the resident is offered to leave a message.
    let reference = resident_leaves_a_message(&app).await;

    let mut browser = Browser::launch().await;
    browser
        .navigate(&format!("http://{}/console", app.address))
        .await;
    sign_in(&mut browser).await;
    let row = format!("#callbacks tr[data-reference={}]", js(&reference));
    let shown = browser
        .wait_for(
            &format!(
                "document.querySelector({}) && document.querySelector({0}).textContent",
                js(&row)
            ),
            "the callback listed",
        )
        .await;
    let shown = shown.as_str().unwrap_or_default();
    for detail in [
        "Jane Jones",
        "jane@example.com",
        "I need a new recycling box",
    ] {
        assert!(shown.contains(detail), "{detail} in {shown}");
    }
    browser.click(&format!("{row} button")).await;
    browser
        .wait_for(
            &format!("!document.querySelector({})", js(&row)),
            "the callback to be done",
        )
        .await;

    // Hand back: the bot answers the resident again.
    let (mut resident, conversation) = english_resident_waiting(&app).await;
    take_waiting(&mut browser, &conversation).await;
    next_turn(&mut resident).await; // sam joined
    browser.click("#hand-back").await;
    let back = next_turn(&mut resident).await;
    assert!(back.to_string().contains("passed you back"), "{back}");
    browser
        .wait_for(
            "document.getElementById('chat-status').textContent.includes('handed this chat back')",
            "the console to say the chat was handed back",
        )
        .await;

    // Transfer to alex, who is online in another console.
    let (_alex, alex_welcome) = console_socket(&app, "alex").await;
    let alex_id = alex_welcome["agent"]["id"]
        .as_str()
        .expect("alex's id")
        .to_owned();
    let (mut resident, conversation) = english_resident_waiting(&app).await;
    take_waiting(&mut browser, &conversation).await;
    next_turn(&mut resident).await; // sam joined
    let option = format!("agent:{alex_id}");
    browser
        .wait_for(
            &format!(
                "[...document.getElementById('transfer-to').options].some(o => o.value === {})",
                js(&option)
            ),
            "alex offered as a transfer target",
        )
        .await;
    browser
        .eval(&format!(
            "document.getElementById('transfer-to').value = {}",
            js(&option)
        ))
        .await;
    browser.click("#transfer").await;
    let joined = next_turn(&mut resident).await;
    assert!(joined.to_string().contains("alex"), "{joined}");
    browser
        .wait_for(
            "document.getElementById('chat-status').textContent.includes('transferred')",
            "the console to say the chat was transferred",
        )
        .await;
    drop(browser);
    app.stop().await.unwrap();
}
