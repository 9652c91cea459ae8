//! `GET /ws/chat`: the origin check, the upgrade, and the glue between the
//! websocket and the session (a reader stream and a writer task).

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures_util::stream::{SplitSink, SplitStream};
use futures_util::{SinkExt, Stream, StreamExt};
use tokio::sync::mpsc;

use super::AppState;
use super::session::{self, Inbound, Outbound};

/// Frames the session may queue before it waits for the socket.
const OUTBOUND_QUEUE: usize = 32;
/// The socket's read buffer; tungstenite's default (128 KiB, zero-filled per
/// connection) would cost over a gigabyte for 10,000 idle residents.
const READ_BUFFER: usize = 4 * 1024;
/// The largest websocket message read at all; a larger one closes the socket (1009).
const SOCKET_LIMIT: usize = 64 * 1024;
/// A client that takes longer than this to take a frame is treated as gone, so
/// a resident who stops reading cannot hold up shutdown or a takeover.
const SEND_TIMEOUT: Duration = Duration::from_secs(5);

pub(crate) async fn chat_socket(
    State(app): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    upgrade: WebSocketUpgrade,
) -> Response {
    if !origin_allowed(&app.config.server.allowed_origins, &headers) {
        let refusal = "this site is not allowed to open the council's chat";
        return (StatusCode::FORBIDDEN, refusal).into_response();
    }
    let client = client_address(peer.ip(), &headers, app.config.server.trust_forwarded_for);
    // Frames over the message limit are answered with an error and the socket
    // stays open; the websocket layer itself only guards memory, far above it.
    let socket_limit = session::frame_limit(app.config.server.max_message_bytes).max(SOCKET_LIMIT);
    let tasks = app.tasks.clone();
    upgrade
        .read_buffer_size(READ_BUFFER)
        .max_message_size(socket_limit)
        .max_frame_size(socket_limit)
        .on_upgrade(move |socket| tasks.track_future(serve(app, client, socket)))
}

async fn serve(app: AppState, client: IpAddr, socket: WebSocket) {
    let (sink, stream) = socket.split();
    let (out, queue) = mpsc::channel(OUTBOUND_QUEUE);
    let writer = tokio::spawn(write(sink, queue));
    session::run(app, client, inbound(stream), out).await;
    let _ = writer.await;
}

/// The client's address: the peer's, or behind a trusted proxy the first
/// address in `X-Forwarded-For`.
pub(super) fn client_address(
    peer: IpAddr,
    headers: &HeaderMap,
    trust_forwarded_for: bool,
) -> IpAddr {
    if !trust_forwarded_for {
        return peer;
    }
    headers
        .get("x-forwarded-for")
        .and_then(|value| value.to_str().ok())
        .and_then(|list| list.split(',').next())
        .and_then(|first| first.trim().parse().ok())
        .unwrap_or(peer)
}

/// The socket's messages as the session sees them. Pings are answered by the
/// websocket layer itself; a read error ends the stream after saying why.
pub(super) fn inbound(stream: SplitStream<WebSocket>) -> impl Stream<Item = Inbound> + Unpin {
    Box::pin(futures_util::stream::unfold(
        Some(stream),
        |stream| async move {
            let mut stream = stream?;
            loop {
                match stream.next().await? {
                    Ok(Message::Text(text)) => {
                        return Some((Inbound::Text(text.to_string()), Some(stream)));
                    }
                    Ok(Message::Binary(_)) => return Some((Inbound::Binary, Some(stream))),
                    Ok(Message::Ping(_) | Message::Pong(_)) => {}
                    Ok(Message::Close(_)) => return None,
                    Err(error) => return read_error(error).map(|item| (item, None)),
                }
            }
        },
    ))
}

fn read_error(error: axum::Error) -> Option<Inbound> {
    match error.into_inner().downcast::<tungstenite::Error>() {
        Ok(error) => match *error {
            tungstenite::Error::Utf8(_) => Some(Inbound::InvalidUtf8),
            tungstenite::Error::Capacity(_) => Some(Inbound::TooLarge),
            other => {
                tracing::debug!(error = %other, "resident socket ended");
                None
            }
        },
        Err(other) => {
            tracing::debug!(error = %other, "resident socket ended");
            None
        }
    }
}

/// Frames written to the socket before it is flushed.
const FRAMES_PER_FLUSH: usize = 16;

/// Owns the socket's send half and drains the session's queue into it. Ends
/// (dropping the queue, which the session notices) when the client is gone or
/// too slow to take a frame.
///
/// Frames already queued together (an `ack` and its `turn`) go out in one
/// write to the socket, not one each.
pub(super) async fn write(
    mut sink: SplitSink<WebSocket, Message>,
    mut queue: mpsc::Receiver<Outbound>,
) {
    while let Some(first) = queue.recv().await {
        let mut closing = false;
        let written = async {
            let mut next = Some(first);
            let mut fed = 0;
            while let Some(outbound) = next.take() {
                let message = match outbound {
                    Outbound::Frame(text) => Message::Text(text.into()),
                    Outbound::Close { code, reason } => {
                        closing = true;
                        Message::Close(Some(CloseFrame {
                            code,
                            reason: reason.into(),
                        }))
                    }
                };
                sink.feed(message).await?;
                fed += 1;
                if !closing && fed < FRAMES_PER_FLUSH {
                    next = queue.try_recv().ok();
                }
            }
            sink.flush().await
        };
        match tokio::time::timeout(SEND_TIMEOUT, written).await {
            Ok(Ok(())) if !closing => {}
            Ok(_) => return,
            Err(_) => {
                tracing::debug!("socket too slow to read; closing it");
                return;
            }
        }
    }
    let _ = tokio::time::timeout(SEND_TIMEOUT, sink.close()).await;
}

/// Browsers send `Origin` with websocket upgrades. An empty allow-list admits
/// only the server's own origin; `*` admits any; a request without `Origin`
/// (not a browser) is admitted.
fn origin_allowed(allowed: &[String], headers: &HeaderMap) -> bool {
    let Some(origin) = headers
        .get(header::ORIGIN)
        .and_then(|value| value.to_str().ok())
    else {
        return true;
    };
    if allowed
        .iter()
        .any(|entry| entry == "*" || entry.trim_end_matches('/').eq_ignore_ascii_case(origin))
    {
        return true;
    }
    let host = headers
        .get(header::HOST)
        .and_then(|value| value.to_str().ok());
    let origin_host = origin.split_once("://").map(|(_, rest)| rest);
    allowed.is_empty() && host.is_some() && origin_host == host
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(origin: Option<&str>, host: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, host.parse().unwrap());
        if let Some(origin) = origin {
            headers.insert(header::ORIGIN, origin.parse().unwrap());
        }
        headers
    }

    #[test]
    fn same_origin_only_by_default() {
        assert!(origin_allowed(
            &[],
            &headers(Some("http://bot.example:8080"), "bot.example:8080")
        ));
        assert!(!origin_allowed(
            &[],
            &headers(Some("https://evil.example"), "bot.example:8080")
        ));
        assert!(
            origin_allowed(&[], &headers(None, "bot.example:8080")),
            "non-browser clients"
        );
    }

    #[test]
    fn listed_origins_and_wildcard() {
        let allowed = vec!["https://www.glanafon.example/".to_owned()];
        assert!(origin_allowed(
            &allowed,
            &headers(Some("https://www.glanafon.example"), "bot.example")
        ));
        assert!(
            !origin_allowed(
                &allowed,
                &headers(Some("https://bot.example"), "bot.example")
            ),
            "a list replaces same-origin"
        );
        assert!(origin_allowed(
            &["*".to_owned()],
            &headers(Some("https://anything.example"), "bot.example")
        ));
    }
}
