//! The bare websocket echo: the same stack as councilbot's resident socket
//! (axum's websocket upgrade over tungstenite, the multi-threaded tokio
//! runtime with its default settings, a 4 KiB read buffer, TCP_NODELAY) doing nothing but
//! sending each text frame back. What it serves is this machine's limit.

use axum::Router;
use axum::extract::WebSocketUpgrade;
use axum::extract::ws::{Message, WebSocket};
use axum::response::Response;
use axum::routing::get;

/// Runs until killed; prints `listening <address>` once it accepts.
pub(crate) fn run() {
    let runtime = tokio::runtime::Runtime::new().expect("tokio runtime");
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the echo server");
        println!("listening {}", listener.local_addr().expect("address"));
        let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
            let _ = tcp.set_nodelay(true);
        });
        let app = Router::new().route("/ws", get(upgrade));
        axum::serve(listener, app).await.expect("echo server");
    });
}

async fn upgrade(upgrade: WebSocketUpgrade) -> Response {
    upgrade.read_buffer_size(4 * 1024).on_upgrade(echo)
}

async fn echo(mut socket: WebSocket) {
    while let Some(Ok(message)) = socket.recv().await {
        let reply = match message {
            Message::Text(text) => Message::Text(text),
            Message::Binary(bytes) => Message::Binary(bytes),
            Message::Close(_) => return,
            Message::Ping(_) | Message::Pong(_) => continue,
        };
        if socket.send(reply).await.is_err() {
            return;
        }
    }
}
