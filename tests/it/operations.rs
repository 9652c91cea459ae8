//! What operators rely on: the `serve` command with its flags and environment,
//! JSON logs without personal data, and a clean stop on SIGTERM.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};

use serde_json::json;

use crate::helpers::repo;

/// Starts the real binary on a free port with JSON logs at `level`; returns
/// the process, its address, and the log lines gathered (by a thread, so the
/// server never blocks on a full pipe).
fn start_server(
    level: &str,
    data: &std::path::Path,
) -> (std::process::Child, String, Arc<Mutex<Vec<String>>>) {
    let mut server = Command::new(env!("CARGO_BIN_EXE_councilbot"))
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(data.join("state"))
        .args(["--content"])
        .arg(repo())
        .env("COUNCILBOT_LOG_FORMAT", "json")
        .env("RUST_LOG", level)
        .current_dir(data)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let logs = Arc::new(Mutex::new(Vec::new()));
    let (ready, address) = std::sync::mpsc::channel();
    let stderr = server.stderr.take().unwrap();
    let gathered = Arc::clone(&logs);
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Ok(json) = serde_json::from_str::<serde_json::Value>(&line)
                && json["fields"]["message"] == "councilbot ready"
            {
                let _ = ready.send(
                    json["fields"]["address"]
                        .as_str()
                        .unwrap_or_default()
                        .to_owned(),
                );
            }
            gathered.lock().unwrap().push(line);
        }
    });
    let address = address
        .recv_timeout(std::time::Duration::from_secs(30))
        .expect("the server gets ready");
    (server, address, logs)
}

#[test]
fn logs_carry_turn_facts_but_nothing_a_resident_typed() {
    let data = tempfile::tempdir().unwrap();
    let (mut server, address, logs) = start_server("councilbot=trace,info", data.path());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let (mut socket, _) = tokio_tungstenite::connect_async(format!("ws://{address}/ws/chat")).await.unwrap();
        use futures_util::{SinkExt, StreamExt};
        use tokio_tungstenite::tungstenite::Message;
        let frames = [
            json!({"type": "hello", "v": 1}),
            json!({"type": "message", "id": "c-1", "text": "porcupine, my email is jo.bloggs@example.com and I smell gas"}),
            json!({"type": "message", "id": "c-2", "text": "my bin was not collected"}),
            json!({"type": "message", "id": "c-3", "text": "aardvark CF10 3AB 07700 900123"}),
        ];
        for frame in frames {
            socket.send(Message::text(frame.to_string())).await.unwrap();
            // Wait for the reply to each frame, so every turn is logged.
            loop {
                let Some(Ok(Message::Text(text))) = socket.next().await else { panic!("socket closed") };
                let reply: serde_json::Value = serde_json::from_str(&text).unwrap();
                if reply["type"] == "turn" {
                    break;
                }
            }
        }
    });
    Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(server.wait().unwrap().success());
    std::thread::sleep(std::time::Duration::from_millis(100));
    let logs = logs.lock().unwrap().join("\n");
    assert!(
        logs.contains("\"stage\":\"safeguarding\""),
        "turns are logged with their stage:\n{logs}"
    );
    assert!(logs.contains("latency_us"));
    assert!(
        logs.contains("\"name\":\"conversation\""),
        "turns carry the conversation span"
    );
    for typed in ["porcupine", "jo.bloggs", "07700", "aardvark", "CF10"] {
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
