//! Live content: editors' changes to a running server's content folder apply
//! within a second, a change with errors is not applied (and `/readyz` says
//! why), and resident messages sent during the swaps all get their answer.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::helpers::{Client, TestApp, copy_dir, http_get, repo, spawn_on, test_config};

/// How long a change may take to go live before the test fails. The goal, a
/// second in a release build, is measured by `benches/knowledge.rs`; tests
/// run unoptimised on a busy machine, where one reload takes about 2 s.
const LIVE_WITHIN: Duration = Duration::from_secs(15);

/// A copy of the demo council's content in a temporary folder, to edit.
fn copy_content(into: &Path) {
    for folder in ["intents", "knowledge-base", "locales", "safeguarding"] {
        copy_dir(&repo().join(folder), &into.join(folder));
    }
}

/// A server watching its own copy of the demo content, serving.
async fn watched_app() -> (TestApp, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_content(&content);
    let mut config = test_config(dir.path());
    config.content.dir = content;
    config.content.watch = true;
    config.server.rate_limit_burst = 10_000;
    config.server.rate_limit_per_minute = 60_000;
    config.server.address_rate_limit_burst = 10_000;
    config.server.address_rate_limit_per_minute = 60_000;
    let app = spawn_on(config, None).await;
    assert_eq!(ready(&app).await["content"]["generation"], 1);
    (app, dir)
}

/// Writes a file the way editors' tools do: to a temporary name, then renamed
/// over the old one.
fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let scratch = path.with_extension("tmp");
    std::fs::write(&scratch, text).unwrap();
    std::fs::rename(&scratch, path).unwrap();
}

async fn ready(app: &TestApp) -> Value {
    let (_, body) = http_get(app, "/readyz").await;
    serde_json::from_str(&body).unwrap()
}

/// Asks `question` until `wanted` holds for the bot's first message; returns
/// how long that took.
async fn until(
    app: &TestApp,
    client: &mut Client,
    question: &str,
    wanted: impl Fn(&Value) -> bool,
) -> Duration {
    static ASKED: AtomicU32 = AtomicU32::new(0);
    let started = Instant::now();
    loop {
        // Message ids are unique in a conversation: a repeated id is a resend.
        let id = format!("until-{}", ASKED.fetch_add(1, Ordering::Relaxed));
        let (_, turn) = client.say(&id, question).await;
        if wanted(&turn["messages"][0]) {
            return started.elapsed();
        }
        if started.elapsed() > LIVE_WITHIN {
            panic!(
                "not live after {:?}: {}\n/readyz: {}",
                started.elapsed(),
                turn["messages"][0],
                ready(app).await
            );
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Four residents asking questions in a loop until `stop`; each task fails if
/// a message goes unanswered.
async fn residents_talking(
    app: &TestApp,
    stop: &Arc<AtomicBool>,
    answered: &Arc<AtomicU32>,
) -> Vec<tokio::task::JoinHandle<()>> {
    let mut traffic = Vec::new();
    for resident in 0..4 {
        let mut client = Client::started(app, json!({})).await;
        let (stop, answered) = (Arc::clone(stop), Arc::clone(answered));
        traffic.push(tokio::spawn(async move {
            let mut sent = 0;
            while !stop.load(Ordering::Relaxed) {
                sent += 1;
                let text = [
                    "how do i find my bin day",
                    "is there a zebra crossing survey",
                    "hello",
                ][sent % 3];
                let (ack, turn) = client.say(&format!("r{resident}-{sent}"), text).await;
                assert_eq!(ack["id"], format!("r{resident}-{sent}"));
                assert!(!turn["messages"].as_array().unwrap().is_empty(), "{turn}");
                answered.fetch_add(1, Ordering::Relaxed);
            }
            client.close().await;
        }));
    }
    traffic
}

/// Waits until `/readyz` reports a rejected change; returns the report.
async fn until_rejected(app: &TestApp) -> Value {
    let deadline = Instant::now() + LIVE_WITHIN;
    loop {
        let report = ready(app).await;
        if report["content"]["last"] == "rejected" {
            return report;
        }
        assert!(
            Instant::now() < deadline,
            "the broken change was never reported: {report}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

const NEW_DOCUMENT: &str = "---\nid: zebra-crossings\ntitle: Ask for a zebra crossing\nurl: https://www.glanafon.example/roads/zebra-crossings\nreviewed: 2026-11-01\nsummary: Ask the road safety team for a zebra crossing survey; they reply within 20 working days.\n---\nThe road safety team looks at every request for a new zebra crossing.\n";

/// Residents keep talking while content changes: every message gets its ack
/// and turn, and none is answered with an error.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn content_changes_apply_live_under_traffic() {
    let (app, dir) = watched_app().await;
    let content = dir.path().join("content");
    let stop = Arc::new(AtomicBool::new(false));
    let answered = Arc::new(AtomicU32::new(0));
    let traffic = residents_talking(&app, &stop, &answered).await;
    let mut editor = Client::started(&app, json!({})).await;
    let question = "how do I get a zebra crossing survey";
    let faq_id = |message: &Value| message["source"]["id"].as_str().map(str::to_owned);

    // Add a document: answered within a second or so.
    let document = content.join("knowledge-base/en/roads/zebra-crossings.md");
    write(&document, NEW_DOCUMENT);
    let added = until(&app, &mut editor, question, |m| {
        faq_id(m).as_deref() == Some("zebra-crossings")
    })
    .await;

    // Change it: the new text is quoted.
    write(
        &document,
        &NEW_DOCUMENT.replace("within 20 working days", "within 10 working days"),
    );
    let changed = until(&app, &mut editor, question, |m| {
        m["text"]
            .as_str()
            .is_some_and(|t| t.contains("within 10 working days"))
    })
    .await;

    // Break it: not applied, the last good content keeps answering, and
    // /readyz names the file and line.
    write(
        &document,
        &NEW_DOCUMENT.replace("reviewed: 2026-11-01", "reviewed: first of November"),
    );
    let report = until_rejected(&app).await;
    assert_eq!(
        report["status"], "ready",
        "the previous content still serves"
    );
    let findings = report["content"]["findings"].to_string();
    assert!(
        findings.contains("knowledge-base/en/roads/zebra-crossings.md:5"),
        "{findings}"
    );
    let (_, turn) = editor.say("still-there", question).await;
    assert_eq!(
        faq_id(&turn["messages"][0]).as_deref(),
        Some("zebra-crossings")
    );

    // Delete it: no longer answered.
    std::fs::remove_file(&document).unwrap();
    let deleted = until(&app, &mut editor, question, |m| {
        faq_id(m).as_deref() != Some("zebra-crossings")
    })
    .await;
    assert_eq!(ready(&app).await["content"]["last"], "applied");

    // Locales and intents are live too.
    let bot = content.join("locales/en/bot.ftl");
    let text = std::fs::read_to_string(&bot).unwrap();
    write(
        &bot,
        &text.replace(
            "I'm still not sure how to help with that.",
            "Hmm, I'm still stuck.",
        ),
    );
    until(&app, &mut editor, "qwzx vbnm", |m| {
        m["text"].as_str().is_some_and(|t| t.starts_with("Hmm"))
    })
    .await;

    stop.store(true, Ordering::Relaxed);
    for resident in traffic {
        resident.await.expect("every message answered");
    }
    let answered = answered.load(Ordering::Relaxed);
    println!(
        "live after: added {added:?}, changed {changed:?}, deleted {deleted:?}; {answered} messages answered meanwhile"
    );
    assert!(
        answered > 20,
        "traffic flowed during the changes ({answered})"
    );
    app.stop().await.unwrap();
}

/// A server whose intents break while it runs keeps serving what it had.
#[tokio::test]
async fn a_broken_intent_is_not_applied() {
    let (app, dir) = watched_app().await;
    let intents: PathBuf = dir.path().join("content/intents");
    let any = std::fs::read_dir(&intents)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "yaml"))
        .unwrap();
    let text = std::fs::read_to_string(&any).unwrap();
    write(&any, &format!("{text}\nno_such_field: true\n"));
    let report = until_rejected(&app).await;
    assert!(
        report["content"]["findings"]
            .to_string()
            .contains("no_such_field"),
        "{report}"
    );
    assert_eq!(report["content"]["generation"], 1, "nothing was applied");
    let mut client = Client::started(&app, json!({})).await;
    let (_, turn) = client.say("m1", "how do i find my bin day").await;
    assert_eq!(turn["messages"][0]["source"]["kind"], "faq");
    app.stop().await.unwrap();
}

/// A reload parses again only the FAQ pages that changed and rebuilds only
/// their language's index, yet answers and warns exactly as a fresh load of
/// the same files does.
#[test]
fn a_reload_rebuilds_only_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_content(&content);
    let mut config = test_config(dir.path());
    config.content.dir = content.clone();
    let first = councilbot::content::load(&config).unwrap().content;

    let page = content.join("knowledge-base/cy/bins/bin-collection-days.md");
    let text = std::fs::read_to_string(&page).unwrap();
    let changed = text.replacen("summary: ", "summary: Newid prawf. ", 1);
    assert_ne!(changed, text, "the page has a summary");
    write(&page, &changed);

    let reloaded = councilbot::content::load_after(&config, Some(&first)).unwrap();
    let fresh = councilbot::content::load(&config).unwrap();
    let tag = |code: &str| councilbot::lang::LangTag::parse(code).unwrap();
    let knowledge = &reloaded.content.knowledge;
    for code in ["en", "pl", "ar"] {
        assert!(
            knowledge.shares_index(&first.knowledge, &tag(code)),
            "{code} did not change and keeps its index"
        );
    }
    assert!(!knowledge.shares_index(&first.knowledge, &tag("cy")));
    let welsh = knowledge
        .document(&tag("cy"), "bin-collection-days")
        .unwrap();
    assert!(
        welsh.excerpt.starts_with("Newid prawf."),
        "{}",
        welsh.excerpt
    );

    let warnings = |findings: &councilbot::content::Findings| -> Vec<String> {
        findings.sorted().iter().map(ToString::to_string).collect()
    };
    assert_eq!(warnings(&reloaded.findings), warnings(&fresh.findings));
    let dev = std::fs::read_to_string(repo().join("tests/data/faq-dev.tsv")).unwrap();
    let mut compared = 0;
    for line in dev.lines().filter(|line| !line.starts_with('#')) {
        let mut fields = line.split('\t');
        let (Some(code), Some(question)) = (fields.next(), fields.nth(1)) else {
            continue;
        };
        let Ok(lang) = councilbot::lang::LangTag::parse(code) else {
            continue;
        };
        let answer = |content: &councilbot::content::Content| {
            content
                .knowledge
                .answer(std::slice::from_ref(&lang), &lang, question)
                .map(|answer| (answer.best.document.id.clone(), answer.best.score))
        };
        assert_eq!(answer(&reloaded.content), answer(&fresh.content), "{line}");
        compared += 1;
    }
    assert!(compared > 100, "compared {compared} questions");
}
