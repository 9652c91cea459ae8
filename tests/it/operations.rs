//! What operators rely on: the `serve` command with its flags and environment,
//! JSON logs without personal data, and a clean stop on SIGTERM.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};

use serde_json::json;

use crate::helpers::{Client, repo, spawn_app};

/// A log sink the test can read back.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn logs_carry_turn_facts_but_nothing_a_resident_typed() {
    let captured = Captured::default();
    let sink = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter("trace")
        .json()
        .with_writer(move || sink.clone())
        .finish();
    // The test's runtime runs the server on this thread, so this catches its logs.
    let _guard = tracing::subscriber::set_default(subscriber);

    let app = spawn_app().await;
    let mut client = Client::started(&app, json!({})).await;
    client
        .say(
            "c-1",
            "porcupine, my email is jo.bloggs@example.com and I smell gas",
        )
        .await;
    client.say("c-2", "aardvark 07700 900123").await;
    app.stop().await.unwrap();

    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains("\"stage\":\"safeguarding\""),
        "turns are logged with their stage:\n{logs}"
    );
    assert!(logs.contains("latency_us"));
    assert!(
        logs.contains("\"name\":\"conversation\""),
        "turns carry the conversation span:\n{logs}"
    );
    for typed in ["porcupine", "jo.bloggs", "07700", "aardvark"] {
        assert!(!logs.contains(typed), "{typed:?} reached the logs");
    }
}

#[test]
fn serve_starts_with_flags_logs_json_and_stops_on_sigterm() {
    let data = tempfile::tempdir().unwrap();
    let mut server = Command::new(env!("CARGO_BIN_EXE_councilbot"))
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(data.path().join("state"))
        .args(["--content"])
        .arg(repo())
        .env("COUNCILBOT_LOG_FORMAT", "json")
        .env_remove("RUST_LOG")
        .current_dir(data.path())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(server.stderr.take().unwrap()).lines();
    let ready: serde_json::Value = lines
        .by_ref()
        .map_while(Result::ok)
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(&line).ok())
        .find(|line| line["fields"]["message"] == "councilbot ready")
        .expect("a JSON 'ready' log line");
    let address = ready["fields"]["address"].as_str().unwrap().to_owned();
    assert!(
        data.path().join("state/councilbot.db").is_file(),
        "the data dir from --data-dir holds the database"
    );

    let mut stream = std::net::TcpStream::connect(&address).unwrap();
    use std::io::{Read, Write};
    write!(
        stream,
        "GET /readyz HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");

    Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    let stopped = lines
        .map_while(Result::ok)
        .any(|line| line.contains("councilbot stopped"));
    assert!(stopped, "the server logs its clean stop");
    assert!(server.wait().unwrap().success());
}
