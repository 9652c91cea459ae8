//! The resident widget (`/widget.js`) on the demo council's page (`/`) in
//! headless Chromium, against a real server: what is served and under which
//! policy; a resident asking an FAQ question (answer and citation link),
//! typing markup (shown as text), going through a flow with buttons,
//! switching to Arabic (right-to-left), reloading (the conversation comes
//! back); the same by keyboard only; the offline notice with the council's
//! contact details when the server stops, and the unsent message delivered
//! once when it is back; and axe-core on the open widget.

use std::path::PathBuf;

use councilbot::lang::messages;
use serde_json::{Value, json};
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use crate::browser::Browser;
use crate::helpers::{TestApp, repo, spawn_app, test_config};
use crate::staff::http_request;

const MARKUP: &str = "<img src=x onerror=alert(1)>";
const BIN_DAY_URL: &str = "https://www.glanafon.example/bins-and-recycling/collection-days";
const COUNCIL_PHONE: &str = "01632 960 100";

/// A JavaScript string literal.
fn js(text: &str) -> String {
    json!(text).to_string()
}

/// The widget's shadow root, as a JavaScript expression.
const ROOT: &str = "document.querySelector('[data-councilbot]').shadowRoot";

/// The first element in the widget's shadow root matching `selector`.
fn widget(selector: &str) -> String {
    format!(
        "(document.querySelector('[data-councilbot]') && {ROOT}.querySelector({}))",
        js(selector)
    )
}

/// Whether some element matching `selector` in the widget has exactly `text`.
fn widget_has_text(selector: &str, text: &str) -> String {
    format!(
        "!!document.querySelector('[data-councilbot]') && [...{ROOT}.querySelectorAll({})].some(e => e.textContent === {})",
        js(selector),
        js(text)
    )
}

async fn open_demo_page(browser: &mut Browser, app: &TestApp) {
    browser.navigate(&format!("http://{}/", app.address)).await;
    browser
        .wait_for(
            &format!(
                "{} && {0}.textContent === 'Chat with us'",
                widget(".launcher")
            ),
            "the widget's launcher",
        )
        .await;
}

async fn open_widget(browser: &mut Browser) {
    browser.click_element(&widget(".launcher")).await;
    browser
        .wait_for(
            &format!(
                "!{}.hidden && {ROOT}.activeElement === {}",
                widget(".panel"),
                widget("textarea")
            ),
            "the panel open with the focus in the message box",
        )
        .await;
    connected(browser).await;
}

async fn connected(browser: &mut Browser) {
    browser
        .wait_for(
            &format!("{}.dataset.status === 'open'", widget(".cb")),
            "the widget's socket to open",
        )
        .await;
}

/// Types `text` in the message box and presses Enter.
async fn say(browser: &mut Browser, text: &str) {
    browser
        .eval(&format!("{}.focus()", widget("textarea")))
        .await;
    browser.insert_text(text).await;
    browser.press("Enter", false).await;
    browser
        .wait_for(
            &widget_has_text(".mine .text", text),
            "my message in the conversation",
        )
        .await;
}

async fn bot_says(browser: &mut Browser, fragment: &str) {
    let condition = format!(
        "[...{ROOT}.querySelectorAll('.bot .text, .agent .text')].some(e => e.textContent.includes({}))",
        js(fragment)
    );
    browser.wait_for(&condition, fragment).await;
}

/// What the page logged that a policy blocked or that went wrong.
fn problems(browser: &Browser) -> Vec<String> {
    browser
        .log()
        .iter()
        .filter(|line| {
            line.contains("Content Security Policy")
                || line.starts_with("exception")
                || line.starts_with("console.error")
        })
        .cloned()
        .collect()
}

#[tokio::test]
async fn the_widget_its_strings_and_the_demo_page_are_served() {
    let app = spawn_app().await;
    let script = http_request(&app, "GET", "/widget.js", &[], "").await;
    assert_eq!(script.status, 200);
    assert!(
        script
            .header("content-type")
            .unwrap_or_default()
            .starts_with("text/javascript")
    );
    assert!(script.body.len() < 40 * 1024, "{} bytes", script.body.len());
    assert!(
        !script.body.contains("innerHTML"),
        "text is inserted as text"
    );

    let page = http_request(&app, "GET", "/", &[], "").await;
    assert_eq!(page.status, 200);
    let policy = page.header("content-security-policy").unwrap_or_default();
    for directive in [
        "script-src 'self'",
        "style-src 'self'",
        "connect-src 'self'",
    ] {
        assert!(policy.contains(directive), "{policy}");
    }
    assert!(!policy.contains("unsafe"), "{policy}");
    assert!(page.body.contains("data-council=\"glanafon\""));
    assert!(!page.body.contains("<script>") && !page.body.contains("style="));

    for (asked, lang, dir, launcher) in [
        ("cy", "cy", "ltr", "Sgwrsiwch â ni"),
        ("pl-PL", "pl", "ltr", "Porozmawiaj z nami"),
        ("ar", "ar", "rtl", "تحدّث معنا"),
        ("fr", "en", "ltr", "Chat with us"),
    ] {
        let answer = http_request(
            &app,
            "GET",
            &format!("/widget/strings?lang={asked}"),
            &[],
            "",
        )
        .await;
        assert_eq!(answer.status, 200, "{asked}");
        assert_eq!(answer.header("access-control-allow-origin"), Some("*"));
        let strings: Value = serde_json::from_str(&answer.body).expect("JSON");
        assert_eq!(strings["lang"], lang, "{asked}");
        assert_eq!(strings["dir"], dir, "{asked}");
        assert_eq!(strings["strings"]["widget-launcher"]["text"], launcher);
        assert_eq!(
            strings["strings"]["widget-contact-phone"]["text"],
            COUNCIL_PHONE
        );
        assert_eq!(
            strings["strings"]["widget-agent"]["text"]
                .as_str()
                .map(|t| t.contains("{name}")),
            Some(true)
        );
        for message in messages::WIDGET {
            let text = strings["strings"][message.id]["text"]
                .as_str()
                .unwrap_or_default();
            assert!(
                !text.is_empty() && text != message.id,
                "{asked}: {}",
                message.id
            );
        }
        let names: Vec<&str> = strings["languages"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|language| language["name"].as_str())
            .collect();
        assert!(
            names.contains(&"Cymraeg") && names.contains(&"العربية"),
            "{names:?}"
        );
    }
    app.stop().await.unwrap();
}

/// Asks how to find the bin day: the answer comes with its citation link.
async fn faq_answer_with_its_citation(browser: &mut Browser) {
    say(browser, "how do I find my bin day").await;
    bot_says(browser, "bin day checker").await;
    let link = browser
        .wait_for(
            &format!(
                "(() => {{ const a = {}; return a && {{href: a.href, text: a.textContent, target: a.target}}; }})()",
                widget(&format!(".links a[href={}]", js(BIN_DAY_URL)))
            ),
            "the citation link",
        )
        .await;
    let text = link["text"].as_str().unwrap_or_default();
    assert!(
        text.starts_with("Source: Find your bin collection day") && text.contains("new tab"),
        "{link}"
    );
    assert_eq!(link["target"], "_blank");
}

/// Markup typed by the resident is shown as text; no element comes of it.
async fn markup_stays_text(browser: &mut Browser) {
    say(browser, MARKUP).await;
    bot_says(browser, "Sorry").await;
    let images = browser
        .eval(&format!(
            "document.querySelectorAll('img').length + {ROOT}.querySelectorAll('img').length"
        ))
        .await;
    assert_eq!(images, 0);
}

/// Reporting a missed bin asks questions, the last with buttons; pressing
/// one sends its label, and the next question's buttons replace them.
async fn flow_with_buttons(browser: &mut Browser) {
    say(browser, "report a missed bin").await;
    bot_says(browser, "What's your postcode?").await;
    say(browser, "GL1 1AA").await;
    bot_says(browser, "Which day").await;
    say(browser, "yesterday").await;
    browser
        .wait_for(
            &widget_has_text(".choices button", "Recycling (blue box)"),
            "the bins as buttons",
        )
        .await;
    assert_eq!(
        browser
            .eval(&format!("{ROOT}.activeElement === {}", widget("textarea")))
            .await,
        true,
        "new buttons do not take the focus from the message box"
    );
    let button = format!(
        "[...{ROOT}.querySelectorAll('.choices button')].find(b => b.textContent === 'Recycling (blue box)')"
    );
    let size = browser
        .eval(&format!("(() => {{ const r = {button}.getBoundingClientRect(); return [r.width, r.height]; }})()"))
        .await;
    assert!(
        size[0].as_f64() >= Some(24.0) && size[1].as_f64() >= Some(24.0),
        "{size}"
    );
    browser.click_element(&button).await;
    browser
        .wait_for(
            &widget_has_text(".mine .text", "Recycling (blue box)"),
            "the pressed button's label as my message",
        )
        .await;
    bot_says(browser, "Is that right?").await;
    browser
        .wait_for(
            &format!(
                "[...{ROOT}.querySelectorAll('.choices button')].map(b => b.textContent).join() === 'Yes,No'"
            ),
            "only the new question's buttons",
        )
        .await;
}

/// Choosing Arabic turns the panel and the bot's messages right-to-left.
async fn switch_to_arabic(browser: &mut Browser) {
    let options = browser
        .eval(&format!(
            "[...{}.options].map(o => o.textContent)",
            widget("select")
        ))
        .await;
    for name in ["English", "Cymraeg", "Polski", "العربية"] {
        assert!(options.to_string().contains(name), "{options}");
    }
    browser
        .eval(&format!(
            "(() => {{ const s = {}; s.value = 'ar'; s.dispatchEvent(new Event('change')); }})()",
            widget("select")
        ))
        .await;
    browser
        .wait_for(
            &format!(
                "{0}.dir === 'rtl' && {0}.lang === 'ar' && {1}.textContent === 'تحدّث معنا'",
                widget(".cb"),
                widget(".launcher span")
            ),
            "the widget in Arabic, right-to-left",
        )
        .await;
    let last = browser
        .wait_for(
            &format!(
                "(() => {{ const t = [...{ROOT}.querySelectorAll('.bot .text')].pop(); \
                 return t.lang === 'ar' && {{dir: t.dir, text: t.textContent}}; }})()"
            ),
            "the bot's answer in Arabic",
        )
        .await;
    assert_eq!(last["dir"], "rtl", "{last}");
}

/// After a reload the panel is open again with the whole conversation, once.
async fn reload_restores_the_conversation(browser: &mut Browser, app: &TestApp) {
    let before = browser
        .eval(&format!(
            "[...{ROOT}.querySelectorAll('.msg .text')].map(e => e.textContent)"
        ))
        .await;
    browser.navigate(&format!("http://{}/", app.address)).await;
    connected(browser).await;
    browser
        .wait_for(
            &format!(
                "!{}.hidden && {}",
                widget(".panel"),
                widget(&format!(".links a[href={}]", js(BIN_DAY_URL)))
            ),
            "the restored conversation",
        )
        .await;
    let after = browser
        .wait_for(
            &format!(
                "(() => {{ const t = [...{ROOT}.querySelectorAll('.msg .text')].map(e => e.textContent); \
                 return t.length >= {} && t; }})()",
                before.as_array().map(Vec::len).unwrap_or_default()
            ),
            "every message back",
        )
        .await;
    // Stored transcripts have personal data redacted (the postcode).
    let expected: Vec<String> = before
        .as_array()
        .into_iter()
        .flatten()
        .map(|text| {
            text.as_str()
                .unwrap_or_default()
                .replace("GL1 1AA", "[postcode]")
        })
        .collect();
    assert_eq!(
        after,
        json!(expected),
        "the same messages, in order, none twice"
    );
    assert_eq!(browser.eval(&format!("{}.dir", widget(".cb"))).await, "rtl");
    assert!(after.to_string().contains(MARKUP));
}

/// The axe-core source from `tests/browser/node_modules`.
fn axe_source() -> String {
    let path: PathBuf = repo().join("tests/browser/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "cannot read {}: {error}; run `npm ci --prefix tests/browser` to install axe-core",
            path.display()
        )
    })
}

/// Runs axe-core on the page with the widget open, shadow DOM included.
async fn no_accessibility_violations(browser: &mut Browser) {
    let source = axe_source();
    browser.eval(&format!("{source};\ntrue")).await;
    let violations = browser
        .eval(
            "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v => \
             ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' > '))})))",
        )
        .await;
    assert_eq!(violations, json!([]), "axe-core found violations");
    let checked = browser
        .eval(
            "axe.run(document).then(r => r.passes.flatMap(p => p.nodes.map(n => n.target)) \
             .filter(t => Array.isArray(t[0]) || t.length > 1).length)",
        )
        .await;
    assert!(
        checked.as_u64() > Some(10),
        "axe looked inside the widget's shadow root: {checked}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_resident_chats_in_the_widget_on_the_demo_page() {
    let app = spawn_app().await;
    let mut browser = Browser::launch().await;
    open_demo_page(&mut browser, &app).await;
    open_widget(&mut browser).await;
    bot_says(&mut browser, "automated assistant").await;
    assert!(
        browser
            .eval(&format!("{}.textContent", widget(".about")))
            .await
            .to_string()
            .contains("automated assistant")
    );
    faq_answer_with_its_citation(&mut browser).await;
    markup_stays_text(&mut browser).await;
    flow_with_buttons(&mut browser).await;
    switch_to_arabic(&mut browser).await;
    no_accessibility_violations(&mut browser).await;
    reload_restores_the_conversation(&mut browser, &app).await;
    let problems = problems(&browser);
    assert!(problems.is_empty(), "{problems:#?}");
    drop(browser);
    app.stop().await.unwrap();
}

/// Which element has the focus, inside the widget or out.
async fn focused(browser: &mut Browser) -> Value {
    browser
        .eval(&format!(
            "(() => {{ const inside = document.activeElement === document.querySelector('[data-councilbot]'); \
             const e = inside ? {ROOT}.activeElement : document.activeElement; \
             return e ? {{inside, tag: e.tagName.toLowerCase(), cls: e.className, text: e.textContent}} : null; }})()"
        ))
        .await
}

/// At 320 CSS pixels wide (a phone, or 1280 pixels at 400% zoom) the open
/// panel fits the screen with no sideways scrolling, styled from its
/// constructed style sheet; with reduced motion asked for, nothing moves.
async fn reflows_at_320_pixels_without_motion(browser: &mut Browser) {
    let animation = format!("getComputedStyle({}).animationName", widget(".panel"));
    assert_eq!(
        browser.eval(&animation).await,
        "cb-in",
        "it opens with a slide"
    );
    browser
        .command(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": 320, "height": 640, "deviceScaleFactor": 2, "mobile": true}),
        )
        .await;
    browser
        .command(
            "Emulation.setEmulatedMedia",
            json!({"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]}),
        )
        .await;
    let layout = browser
        .eval(&format!(
            "(() => {{ const p = {}.getBoundingClientRect(); const s = getComputedStyle({0}); \
             const t = {}.getBoundingClientRect(); \
             return {{left: p.left, right: p.right, position: s.position, animation: s.animationName, \
             textarea: t.right <= 320 && t.width > 100, scroll: document.documentElement.scrollWidth}}; }})()",
            widget(".panel"),
            widget("textarea")
        ))
        .await;
    assert_eq!(layout["position"], "fixed", "styled: {layout}");
    assert_eq!(layout["animation"], "none", "{layout}");
    assert!(layout["left"].as_f64() >= Some(0.0), "{layout}");
    assert!(layout["right"].as_f64() <= Some(320.0), "{layout}");
    assert_eq!(layout["textarea"], true, "{layout}");
    assert!(layout["scroll"].as_f64() <= Some(320.0), "{layout}");
    browser
        .command("Emulation.clearDeviceMetricsOverride", json!({}))
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_widget_works_with_the_keyboard_alone() {
    let app = spawn_app().await;
    let mut browser = Browser::launch().await;
    open_demo_page(&mut browser, &app).await;
    let mut reached = false;
    for _ in 0..20 {
        browser.press("Tab", false).await;
        let now = focused(&mut browser).await;
        if now["inside"] == true && now["cls"] == "launcher" {
            reached = true;
            break;
        }
    }
    assert!(reached, "Tab reaches the launcher");
    browser.press("Enter", false).await;
    browser
        .wait_for(
            &format!("{ROOT}.activeElement === {}", widget("textarea")),
            "the focus in the message box",
        )
        .await;
    connected(&mut browser).await;
    for (text, reply) in [
        ("report a missed bin", "postcode"),
        ("GL1 1AA", "Which day"),
    ] {
        browser.insert_text(text).await;
        browser.press("Enter", false).await;
        bot_says(&mut browser, reply).await;
    }
    browser.insert_text("yesterday").await;
    browser.press("Enter", false).await;
    browser
        .wait_for(&widget(".choices button"), "the bins as buttons")
        .await;
    assert_eq!(focused(&mut browser).await["tag"], "textarea", "not stolen");
    // Back from the message box to the last button, and press it.
    browser.press("Tab", true).await;
    assert_eq!(focused(&mut browser).await["text"], "Food waste caddy");
    browser.press("Enter", false).await;
    browser
        .wait_for(
            &format!("{ROOT}.activeElement && {ROOT}.activeElement.textContent === 'Yes'"),
            "the focus on the next question's first button",
        )
        .await;
    reflows_at_320_pixels_without_motion(&mut browser).await;
    browser.press("Escape", false).await;
    browser
        .wait_for(
            &format!(
                "{}.hidden && {ROOT}.activeElement === {}",
                widget(".panel"),
                widget(".launcher")
            ),
            "Esc to close the panel and the focus back on the launcher",
        )
        .await;
    assert_eq!(
        browser
            .eval(&format!(
                "{}.getAttribute('aria-expanded')",
                widget(".launcher")
            ))
            .await,
        "false"
    );
    let problems = problems(&browser);
    assert!(problems.is_empty(), "{problems:#?}");
    drop(browser);
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_widget_shows_contact_details_while_offline_and_sends_once_back() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = crate::helpers::spawn_on(test_config(data.path()), None).await;
    let address = app.address;
    let mut browser = Browser::launch().await;
    open_demo_page(&mut browser, &app).await;
    open_widget(&mut browser).await;
    bot_says(&mut browser, "automated assistant").await;

    app.stop().await.unwrap();
    browser
        .wait_for(
            &format!("{}.textContent.includes('Reconnecting')", widget(".status")),
            "the reconnecting state",
        )
        .await;
    let notice = browser
        .wait_for(
            &format!(
                "!{0}.hidden && {0}.textContent.includes({1}) && {0}.textContent",
                widget(".offline"),
                js(COUNCIL_PHONE)
            ),
            "the offline notice with the council's phone number",
        )
        .await;
    assert!(
        notice.to_string().contains("contact@glanafon.example"),
        "{notice}"
    );
    assert_eq!(
        browser
            .eval(&format!("{}.getAttribute('href')", widget(".offline a")))
            .await,
        "tel:01632960100"
    );
    say(&mut browser, "how do I find my bin day").await;
    browser
        .wait_for(&widget(".mine .unsent-note"), "the message marked not sent")
        .await;

    // The server comes back on the same address and data: the widget resumes
    // and sends the waiting message, which is answered once.
    let listener = TcpListener::bind(address)
        .await
        .expect("the same port again");
    let shutdown = CancellationToken::new();
    let server = tokio::spawn(councilbot::run(
        test_config(data.path()),
        listener,
        shutdown.clone(),
    ));
    browser.click_element(&widget(".retry")).await;
    connected(&mut browser).await;
    browser
        .wait_for(
            &format!(
                "{}.hidden && !{}",
                widget(".offline"),
                widget(".unsent-note")
            ),
            "the notice gone and the message sent",
        )
        .await;
    bot_says(&mut browser, "bin day checker").await;
    let counts = browser
        .eval(&format!(
            "[[...{ROOT}.querySelectorAll('.mine .text')].filter(e => e.textContent === 'how do I find my bin day').length, \
             {ROOT}.querySelectorAll('.links a').length]"
        ))
        .await;
    assert_eq!(counts, json!([1, 1]), "sent and answered once");
    drop(browser);
    shutdown.cancel();
    server.await.expect("server task").expect("clean stop");
}
