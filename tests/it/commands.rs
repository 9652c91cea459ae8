//! The editors' commands: `check` and `chat`, through the library and the binary.

use std::process::Command;

use councilbot::commands::{chat, check};
use councilbot::conversation::InMemoryServices;

use crate::helpers::{copy_dir, repo, test_config};

fn load_demo() -> councilbot::content::Content {
    let data = tempfile::tempdir().unwrap();
    councilbot::content::load(&test_config(data.path()))
        .expect("demo content loads")
        .content
}

fn services() -> InMemoryServices {
    InMemoryServices::new(jiff::civil::date(2026, 11, 22))
}

#[tokio::test]
async fn chat_json_prints_one_line_per_input_line() {
    let content = load_demo();
    let input = "hello, I need help with the thingy over there\n/lang cy\n/reset\n\n/nonsense\n/hint pl\n/1\n/quit\nnever read\n";
    let mut out = Vec::new();
    let options = chat::Options {
        json: true,
        prompt: true,
    };
    chat::run(&content, &services(), options, input.as_bytes(), &mut out)
        .await
        .unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 8, "one line per input line up to /quit");
    assert_eq!(
        (lines[0]["detected"].as_str(), lines[0]["lang"].as_str()),
        (Some("en"), Some("en"))
    );
    assert_eq!(lines[0]["messages"][0]["source"]["kind"], "fallback");
    assert_eq!(lines[1]["lang"], "cy");
    assert_eq!(lines[2]["messages"][0]["source"]["id"], "greeting");
    assert!(
        lines[3]["error"].is_string(),
        "an empty line is answered with an error line"
    );
    assert!(lines[4]["error"].as_str().unwrap().contains("/nonsense"));
    assert_eq!(
        lines[5]["lang"], "pl",
        "/hint starts again as if on a Polish page"
    );
    assert_eq!(
        lines[6]["lang"], "en",
        "/1 pressed the first language button (English)"
    );
    assert_eq!(lines[7]["messages"], serde_json::json!([]));
}

#[tokio::test]
async fn chat_without_json_is_readable_text() {
    let content = load_demo();
    let mut out = Vec::new();
    let input = "I can smell gas\n/quit\n".as_bytes();
    chat::run(
        &content,
        &services(),
        chat::Options::default(),
        input,
        &mut out,
    )
    .await
    .unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("bot [en · system]: Hello!"), "{text}");
    assert!(text.contains("bot [en · safeguarding]"), "{text}");
}

#[test]
fn check_passes_the_demo_council() {
    let data = tempfile::tempdir().unwrap();
    let mut out = Vec::new();
    assert!(check::run(&test_config(data.path()), &mut out).unwrap());
    let text = String::from_utf8(out).unwrap();
    assert!(!text.contains("error:"), "{text}");
}

/// A copy of the demo content that a test may break.
fn broken_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for folder in ["locales/en", "locales/cy", "safeguarding"] {
        let from = repo().join(folder);
        std::fs::create_dir_all(dir.path().join(folder)).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(
                entry.path(),
                dir.path().join(folder).join(entry.file_name()),
            )
            .unwrap();
        }
    }
    dir
}

#[test]
fn check_names_file_and_line_of_each_mistake() {
    let content = broken_copy();
    let root = content.path();
    std::fs::write(
        root.join("locales/cy/broken.ftl"),
        "good = Da\nbad = { $x\n",
    )
    .unwrap();
    let bot = std::fs::read_to_string(root.join("locales/en/bot.ftl")).unwrap();
    std::fs::write(
        root.join("locales/en/bot.ftl"),
        bot.replace(
            "No problem, I'll carry on in { $language }.",
            "Carrying on in { $lingo }.",
        ),
    )
    .unwrap();
    std::fs::write(
        root.join("safeguarding/extra.yaml"),
        "id: gas-leak\nmessage: safeguarding-nothing\nphrases:\n  en: [boom]\ncolour: red\n",
    )
    .unwrap();
    std::fs::write(
        root.join("safeguarding/typo.yaml"),
        "id: flood\nmessage: safeguarding-nothing\nphrases:\n  en: [flooding]\n",
    )
    .unwrap();

    let data = tempfile::tempdir().unwrap();
    let mut config = test_config(data.path());
    config.content.dir = root.to_owned();
    let mut out = Vec::new();
    assert!(
        !check::run(&config, &mut out).unwrap(),
        "errors fail the check"
    );
    let text = String::from_utf8(out).unwrap();
    for expected in [
        "locales/cy/broken.ftl:2: error: Fluent syntax",
        "locales/en/bot.ftl:",
        "uses $lingo, but it is given only $language",
        "safeguarding/extra.yaml:5: error: not a valid safeguarding rule: unknown field `colour`",
        "safeguarding/typo.yaml:2: error: message `safeguarding-nothing` does not exist",
        "error(s)",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}

#[test]
fn the_binary_runs_check_and_chat() {
    let binary = env!("CARGO_BIN_EXE_councilbot");
    let data = tempfile::tempdir().unwrap();
    let status = Command::new(binary)
        .args(["check", "--content"])
        .arg(repo())
        .env("COUNCILBOT_DATA_DIR", data.path())
        .current_dir(data.path())
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stdout)
    );

    let broken = broken_copy();
    std::fs::write(broken.path().join("locales/en/bad.ftl"), "oops = {\n").unwrap();
    let failed = Command::new(binary)
        .args(["check", "--content"])
        .arg(broken.path())
        .current_dir(data.path())
        .output()
        .unwrap();
    assert_eq!(failed.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&failed.stdout).contains("locales/en/bad.ftl:1: error"));

    let bad_config = data.path().join("bad.yaml");
    std::fs::write(&bad_config, "server:\n  listn: 1\n").unwrap();
    let refused = Command::new(binary)
        .args(["check", "--config"])
        .arg(&bad_config)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("unknown field `listn`"));

    let mut chat = Command::new(binary)
        .args(["chat", "--json", "--content"])
        .arg(repo())
        .current_dir(data.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    chat.stdin
        .take()
        .unwrap()
        .write_all("dzień dobry\n/quit\n".as_bytes())
        .unwrap();
    let output = chat.wait_with_output().unwrap();
    let first: serde_json::Value = serde_json::from_str(
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(first["detected"], "pl");
}

#[test]
fn chat_json_runs_a_welsh_flow_to_its_reference() {
    let data = tempfile::tempdir().unwrap();
    let mut chat = Command::new(env!("CARGO_BIN_EXE_councilbot"))
        .args(["chat", "--json", "--content"])
        .arg(repo())
        .env("COUNCILBOT_DATA_DIR", data.path())
        .current_dir(data.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    let script = "mae twll mawr yn y ffordd\nStryd y Castell\ntwll dwfn\nie\n/quit\n";
    chat.stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    let output = chat.wait_with_output().unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    assert!(
        lines[..4]
            .iter()
            .all(|l| l["lang"] == "cy" && l["messages"][0]["source"]["id"] == "report-pothole"),
        "{lines:?}"
    );
    assert!(
        lines[3]["messages"][0]["text"]
            .as_str()
            .unwrap()
            .contains("CB-"),
        "{}",
        lines[3]
    );
    assert!(
        data.path().join("councilbot.db").is_file(),
        "chat keeps cases in the configured store"
    );
}

/// Writes `files` (path, text) into a copy of the demo content and runs `check`.
fn check_with(files: &[(&str, &str)]) -> (bool, String) {
    let content = broken_copy();
    let root = content.path();
    for folder in ["intents", "locales/pl", "locales/ar"] {
        std::fs::create_dir_all(root.join(folder)).unwrap();
        for entry in std::fs::read_dir(repo().join(folder)).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), root.join(folder).join(entry.file_name())).unwrap();
        }
    }
    copy_dir(&repo().join("knowledge-base"), &root.join("knowledge-base"));
    for (path, text) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let data = tempfile::tempdir().unwrap();
    let mut config = test_config(data.path());
    config.content.dir = root.to_owned();
    let mut out = Vec::new();
    let ok = check::run(&config, &mut out).unwrap();
    (ok, String::from_utf8(out).unwrap())
}

#[test]
fn check_reports_each_kind_of_intent_mistake_with_file_and_line() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "intents/syntax.yaml",
            "id: broken\nexamples: [unclosed\n",
            "intents/syntax.yaml:2: error: not a valid intent",
        ),
        (
            "intents/unknown.yaml",
            "id: unknown-field\nexamples: {en: [x y z]}\nreply: hello\ncolour: red\n",
            "intents/unknown.yaml:4: error: not a valid intent: unknown field `colour`",
        ),
        (
            "intents/missing.yaml",
            "id: no-examples\nreply: hello\n",
            "intents/missing.yaml:1: error: not a valid intent: missing field `examples`",
        ),
        (
            "intents/duplicate.yaml",
            "id: greeting\nexamples: {en: [ahoy there]}\nreply: hi\n",
            "error: intent id `greeting` is already used by intents/",
        ),
        (
            "intents/no-welsh.yaml",
            "id: only-english\nexamples: {en: [only in english please]}\nreply: {en: Hello}\n",
            "warning: no cy examples",
        ),
        (
            "intents/fluent.yaml",
            "id: bad-message\nexamples: {en: [a message that is missing]}\nreply: no-such-message\n",
            "error: message `no-such-message` does not exist",
        ),
        (
            "intents/slot-type.yaml",
            "id: bad-type\nexamples: {en: [what type is this]}\nsteps:\n  - ask: size\n    type: shoe\n    prompt: greeting\n",
            "intents/slot-type.yaml:5: error: unknown slot type \"shoe\"",
        ),
        (
            "intents/unreachable.yaml",
            "id: dead-end\nexamples: {en: [this ends early]}\nsteps:\n  - say: greeting\n    end: true\n  - say: greeting\n",
            "error: step 2 can never run",
        ),
        (
            "intents/never.yaml",
            "id: never-runs\nexamples: {en: [choose something]}\nsteps:\n  - ask: pick\n    type: yes_no\n    prompt: greeting\n  - say: greeting\n    when: {pick: maybe}\n",
            "can never run: slot `pick` has no value \"maybe\"",
        ),
        (
            "intents/collide.yaml",
            "id: collides\nexamples: {en: [report a pothole]}\nreply: {en: Hi}\n",
            "collides with an example of",
        ),
        (
            "intents/variable.yaml",
            "id: early-variable\nexamples: {en: [ask me early]}\nsteps:\n  - ask: name\n    type: text\n    prompt: {en: \"Hello { $name }\"}\n",
            "uses $name, which is not known at that step",
        ),
    ];
    for (path, text, expected) in cases {
        let (ok, report) = check_with(&[(path, text)]);
        assert!(
            report.contains(expected),
            "{path}: expected {expected:?} in:\n{report}"
        );
        if report
            .lines()
            .any(|l| l.starts_with(path) && l.contains(": error:"))
        {
            assert!(!ok, "{path}: errors fail the check");
        }
    }
}

#[test]
fn check_reports_each_kind_of_faq_mistake_with_file_and_line() {
    let good = "---\nid: skips\ntitle: Skip permits\nurl: https://www.glanafon.example/skips\nreviewed: 2026-05-01\n---\nApply online for a skip permit.\n";
    let cases: &[(&str, &str, &str)] = &[
        (
            "knowledge-base/en/no-front-matter.md",
            "# Skips\n\nApply online.\n",
            "knowledge-base/en/no-front-matter.md:1: error: a document must start with front matter",
        ),
        (
            "knowledge-base/en/bad-yaml.md",
            "---\nid: skips\ntitle: [unclosed\n---\nBody\n",
            "knowledge-base/en/bad-yaml.md:3: error: front matter:",
        ),
        (
            "knowledge-base/en/unknown.md",
            "---\nid: skips\ntitle: Skips\ncolour: red\n---\nBody\n",
            "knowledge-base/en/unknown.md:4: error: front matter: unknown field `colour`",
        ),
        (
            "knowledge-base/en/no-title.md",
            "---\nid: skips\n---\nBody\n",
            "knowledge-base/en/no-title.md:2: error: front matter: missing field `title`",
        ),
        (
            "knowledge-base/en/empty-title.md",
            "---\nid: skips\ntitle: \"\"\n---\nBody\n",
            "knowledge-base/en/empty-title.md:3: error: `title` is empty",
        ),
        (
            "knowledge-base/en/date.md",
            "---\nid: skips\ntitle: Skips\nreviewed: 31/02/2026\n---\nBody\n",
            "knowledge-base/en/date.md:4: error: reviewed \"31/02/2026\" is not a date",
        ),
        (
            "knowledge-base/en/empty.md",
            "---\nid: skips\ntitle: Skips\n---\n\n",
            "knowledge-base/en/empty.md:5: error: the document has no body",
        ),
        (
            "knowledge-base/en/bins/duplicate.md",
            "---\nid: bin-collection-days\ntitle: Bins again\n---\nBody\n",
            "knowledge-base/en/bins/duplicate.md:2: error: id \"bin-collection-days\" is already used by knowledge-base/en/bins/bin-collection-days.md",
        ),
        (
            "knowledge-base/cy/skips.md",
            "---\nid: sgipiau\ntitle: Trwyddedau sgip\n---\nGwnewch gais ar-lein.\n",
            "knowledge-base/cy/skips.md:2: warning: id \"sgipiau\" is in cy only",
        ),
        (
            "knowledge-base/en/synonyms.yaml",
            "- [ctax, council tax\n",
            "knowledge-base/en/synonyms.yaml:",
        ),
        (
            "knowledge-base/fr/skips.md",
            good,
            "warning: fr is not one of the council's languages",
        ),
    ];
    for (path, text, expected) in cases {
        let (ok, report) = check_with(&[(path, text)]);
        assert!(
            report.contains(expected),
            "{path}: expected {expected:?} in:\n{report}"
        );
        let is_error = expected.contains(": error:") || path.ends_with("synonyms.yaml");
        assert_eq!(
            !ok, is_error,
            "{path}: only errors fail the check\n{report}"
        );
    }
    let (ok, report) = check_with(&[("knowledge-base/en/skips.md", good)]);
    assert!(
        ok && !report.contains("skips"),
        "a good new answer passes:\n{report}"
    );
}

#[test]
fn check_reports_bad_staff_hours_and_a_missing_leave_a_message_intent() {
    let data = tempfile::tempdir().unwrap();
    let mut config = test_config(data.path());
    config
        .handoff
        .opening_hours
        .insert("mon".to_owned(), "9am-5pm".to_owned());
    config.handoff.closed_dates = vec!["Christmas".to_owned()];
    config.handoff.leave_message_intent = "no-such-intent".to_owned();
    let mut out = Vec::new();
    let ok = councilbot::commands::check::run(&config, &mut out).unwrap();
    let report = String::from_utf8(out).unwrap();
    assert!(!ok, "{report}");
    for expected in [
        "error: handoff.opening_hours.mon: \"9am\" is not a time",
        "error: handoff.closed_dates: \"Christmas\" is not a date",
        "warning: handoff.leave_message_intent: there is no intent \"no-such-intent\"",
    ] {
        assert!(report.contains(expected), "{expected} in:\n{report}");
    }
}
