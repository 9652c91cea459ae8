//! Test helpers: a server on a free local port with the demo council, and a
//! websocket client that speaks the resident protocol.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use councilbot::RunError;
use councilbot::config::Config;
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};
use tokio_util::sync::CancellationToken;

/// How long a test waits for any one frame.
const FRAME_TIMEOUT: Duration = Duration::from_secs(10);

/// The repository root, which is the demo council's content folder.
pub(crate) fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies a folder and everything in it.
pub(crate) fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// A running server and what it needs to stop cleanly.
pub(crate) struct TestApp {
    pub(crate) address: SocketAddr,
    pub(crate) shutdown: CancellationToken,
    pub(crate) data_dir: PathBuf,
    server: Option<JoinHandle<Result<(), RunError>>>,
    _data: Option<tempfile::TempDir>,
}

impl TestApp {
    /// Stops the server and waits until it has committed everything.
    pub(crate) async fn stop(mut self) -> Result<(), RunError> {
        self.shutdown.cancel();
        let server = self.server.take().expect("server handle");
        server.await.expect("server task")
    }

    /// Hands the data directory over so another server can start on it.
    pub(crate) async fn stop_keeping_data(mut self) -> tempfile::TempDir {
        let data = self._data.take().expect("data dir");
        self.shutdown.cancel();
        self.server
            .take()
            .expect("server")
            .await
            .expect("server task")
            .expect("clean stop");
        data
    }
}

/// The demo council's configuration with its state in a fresh temporary folder.
pub(crate) fn test_config(data: &std::path::Path) -> Config {
    let mut config = Config::default();
    config.content.dir = repo();
    // Tests share the repository's content; the reload tests watch a copy.
    config.content.watch = false;
    config.storage.data_dir = data.join("data");
    config
}

/// Starts the demo council on 127.0.0.1:0; the socket is bound before serving,
/// so clients can connect at once.
pub(crate) async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// As [`spawn_app`], with the configuration adjusted first.
pub(crate) async fn spawn_app_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
    let data = tempfile::tempdir().expect("temp dir");
    let mut config = test_config(data.path());
    adjust(&mut config);
    spawn_on(config, Some(data)).await
}

/// Starts a server with exactly this configuration.
pub(crate) async fn spawn_on(config: Config, data: Option<tempfile::TempDir>) -> TestApp {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address");
    let shutdown = CancellationToken::new();
    let data_dir = config.storage.data_dir.clone();
    let server = tokio::spawn(councilbot::run(config, listener, shutdown.clone()));
    TestApp {
        address,
        shutdown,
        data_dir,
        server: Some(server),
        _data: data,
    }
}

/// A resident's websocket connection.
pub(crate) struct Client {
    socket: WebSocketStream<MaybeTlsStream<TcpStream>>,
}

impl Client {
    pub(crate) async fn connect(app: &TestApp) -> Client {
        let (socket, _) = tokio_tungstenite::connect_async(format!("ws://{}/ws/chat", app.address))
            .await
            .expect("websocket connects");
        Client { socket }
    }

    /// Connects sending this `Origin` header; returns the HTTP status on refusal.
    pub(crate) async fn connect_from(app: &TestApp, origin: &str) -> Result<Client, u16> {
        let mut request = format!("ws://{}/ws/chat", app.address)
            .into_client_request()
            .expect("request");
        request
            .headers_mut()
            .insert("origin", origin.parse().expect("origin"));
        match tokio_tungstenite::connect_async(request).await {
            Ok((socket, _)) => Ok(Client { socket }),
            Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
                Err(response.status().as_u16())
            }
            Err(other) => panic!("unexpected connect error: {other}"),
        }
    }

    pub(crate) async fn send(&mut self, frame: Value) {
        self.socket
            .send(Message::text(frame.to_string()))
            .await
            .expect("send");
    }

    pub(crate) async fn send_raw(&mut self, message: Message) {
        self.socket.send(message).await.expect("send");
    }

    /// The next text frame as JSON; panics if none arrives in time.
    pub(crate) async fn recv(&mut self) -> Value {
        loop {
            let message = tokio::time::timeout(FRAME_TIMEOUT, self.socket.next())
                .await
                .expect("a frame in time")
                .expect("socket open")
                .expect("frame reads");
            match message {
                Message::Text(text) => {
                    return serde_json::from_str(&text).expect("server sends JSON");
                }
                Message::Close(frame) => panic!("socket closed: {frame:?}"),
                _ => continue,
            }
        }
    }

    /// The next frame, which must have this `type`.
    pub(crate) async fn expect(&mut self, kind: &str) -> Value {
        let frame = self.recv().await;
        assert_eq!(frame["type"], kind, "expected a {kind} frame, got {frame}");
        frame
    }

    /// Waits for the server to close the socket; returns the close code.
    pub(crate) async fn expect_close(&mut self) -> u16 {
        loop {
            let next = tokio::time::timeout(FRAME_TIMEOUT, self.socket.next())
                .await
                .expect("close in time");
            match next {
                Some(Ok(Message::Close(Some(frame)))) => return frame.code.into(),
                Some(Ok(Message::Close(None))) | None | Some(Err(_)) => return 1005,
                Some(Ok(Message::Text(text))) => panic!("expected close, got {text}"),
                Some(Ok(_)) => continue,
            }
        }
    }

    /// Sends `hello` and returns the welcome and the greeting turn (new conversations).
    pub(crate) async fn start(&mut self, hello: Value) -> (Value, Value) {
        let mut frame = json!({"type": "hello", "v": 1});
        merge(&mut frame, hello);
        self.send(frame).await;
        let welcome = self.expect("welcome").await;
        let greeting = self.expect("turn").await;
        (welcome, greeting)
    }

    /// Sends a message and returns its ack and the bot's turn.
    pub(crate) async fn say(&mut self, id: &str, text: &str) -> (Value, Value) {
        self.send(json!({"type": "message", "id": id, "text": text}))
            .await;
        let ack = self.expect("ack").await;
        let turn = self.expect("turn").await;
        (ack, turn)
    }

    /// Proves the socket is still usable and nothing else was queued before.
    pub(crate) async fn ping(&mut self) {
        self.send(json!({"type": "ping"})).await;
        self.expect("pong").await;
    }

    /// Connects and starts a new conversation with this `hello` (page language and the like).
    pub(crate) async fn started(app: &TestApp, hello: Value) -> Client {
        let mut client = Client::connect(app).await;
        client.start(hello).await;
        client
    }

    pub(crate) async fn close(mut self) {
        let _ = self.socket.close(None).await;
    }
}

fn merge(target: &mut Value, extra: Value) {
    if let (Some(target), Value::Object(extra)) = (target.as_object_mut(), extra) {
        target.extend(extra);
    }
}

/// A plain HTTP GET; returns the status and body.
pub(crate) async fn http_get(app: &TestApp, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(app.address).await.expect("connect");
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        app.address
    );
    stream.write_all(request.as_bytes()).await.expect("write");
    let mut response = String::new();
    stream.read_to_string(&mut response).await.expect("read");
    let status = response
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .expect("status line");
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, body)| body.to_owned())
        .unwrap_or_default();
    (status, body)
}

/// A database of its own on the test server, dropped afterwards.
pub(crate) struct TestDatabase {
    base: String,
    name: String,
    pub(crate) url: String,
}

impl TestDatabase {
    pub(crate) async fn create(base: &str) -> TestDatabase {
        sqlx::any::install_default_drivers();
        let mut bytes = [0_u8; 6];
        getrandom::fill(&mut bytes).unwrap();
        let name = format!(
            "councilbot_it_{}",
            bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
        );
        let admin = sqlx::AnyPool::connect(base)
            .await
            .expect("test PostgreSQL reachable");
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&admin)
            .await
            .unwrap();
        admin.close().await;
        let (prefix, _) = base.rsplit_once('/').unwrap();
        TestDatabase {
            base: base.to_owned(),
            url: format!("{prefix}/{name}"),
            name,
        }
    }

    pub(crate) async fn drop(self) {
        let admin = sqlx::AnyPool::connect(&self.base).await.unwrap();
        let statement = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        sqlx::query(sqlx::AssertSqlSafe(statement))
            .execute(&admin)
            .await
            .unwrap();
        admin.close().await;
    }
}
