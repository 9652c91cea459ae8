//! One resident socket's session: the protocol of `protocol.rs` over any stream
//! of inbound frames and a channel of outbound ones, so tests can drive it
//! without a socket.
//!
//! The session owns its conversation's state without locks and `select!`s on
//! the next frame, a takeover by a newer socket, shutdown and an idle timer.
//! Everything a turn writes (the resident's message, the bot's turn, the new
//! state) is committed to the store before the message is acknowledged or the
//! turn sent, numbered by a per-conversation `seq`; a failed commit acknowledges
//! nothing and leaves the state as it was, so the client simply sends again.

mod queue;
mod start;
mod turns;

use std::collections::HashMap;
use std::net::IpAddr;
use std::time::Duration;

use futures_util::{Stream, StreamExt};
use serde::{Deserialize, Serialize};
use tokio::sync::mpsc;
use tokio::time::Instant;
use tracing::Instrument;

pub(crate) use turns::frame_limit;

use super::AppState;
use super::limits::RateLimit;
use super::protocol::ServerFrame;
use super::registry::Claim;
use crate::conversation::ConversationState;
use crate::lang::Arg;
use crate::lang::messages::{self, Msg};

/// A frame from the resident's socket, as the session sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Inbound {
    Text(String),
    Binary,
    /// A text frame that was not UTF-8; the socket layer cannot continue after it.
    InvalidUtf8,
    /// A frame larger than the socket accepts; the socket layer closes after it.
    TooLarge,
}

/// What the session asks the socket's writer to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Outbound {
    Frame(String),
    Close { code: u16, reason: &'static str },
}

/// Close codes the server uses.
pub(crate) mod close {
    pub(crate) const NORMAL: u16 = 1000;
    pub(crate) const GOING_AWAY: u16 = 1001;
    pub(crate) const INVALID_DATA: u16 = 1007;
    pub(crate) const TOO_BIG: u16 = 1009;
    pub(crate) const INTERNAL: u16 = 1011;
    pub(crate) const TRY_AGAIN_LATER: u16 = 1013;
    /// The conversation was taken over by a newer connection.
    pub(crate) const REPLACED: u16 = 4000;
    /// The client spoke a protocol version this server does not.
    pub(crate) const UNSUPPORTED_VERSION: u16 = 4001;
}

/// How long a new socket may take to send `hello`.
const HELLO_TIMEOUT: Duration = Duration::from_secs(30);

/// The conversation's state as stored between sockets. States stored before
/// migration 0007 also hold `recent`, the last few client message ids, which
/// is ignored: the session loads every id from the store (see [`ClientIds`]).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct StoredState {
    conversation: ConversationState,
}

/// Every client message id of the conversation and the seq it was stored as,
/// so a message sent again is acknowledged as a duplicate and not answered
/// twice. Complete because only the owning session writes the conversation,
/// and it loads the stored ids after taking the conversation over. Keyed by
/// what the client sent, so the map keeps std's randomly seeded hashing.
type ClientIds = HashMap<String, i64>;

/// A live session: one socket attached to one conversation.
struct Session {
    app: AppState,
    out: mpsc::Sender<Outbound>,
    peer: IpAddr,
    conversation_id: String,
    claim: Claim,
    /// This session's write token: the store refuses writes by other owners.
    owner: String,
    state: StoredState,
    client_ids: ClientIds,
    next_seq: i64,
    created_at: i64,
    rate: RateLimit,
    /// The channel the handoff queue talks to this session on.
    queue: queue::QueueChannel,
}

/// What to do after handling a frame.
#[derive(Debug, PartialEq, Eq)]
enum Flow {
    Continue,
    Stop,
}

/// Runs a resident socket's session to its end.
pub(crate) async fn run<S>(app: AppState, peer: IpAddr, mut inbound: S, out: mpsc::Sender<Outbound>)
where
    S: Stream<Item = Inbound> + Unpin,
{
    // The handshake's and each frame's futures are boxed: they are large and
    // short-lived, while this one lives as long as the socket, idle or not,
    // and is what 10,000 idle residents cost.
    let Some(session) = Box::pin(start::handshake(&app, peer, &mut inbound, &out)).await else {
        return;
    };
    // Every log line of this conversation carries its id (never what was typed).
    let span = tracing::info_span!("conversation", id = %session.conversation_id);
    serve(app, session, inbound).instrument(span).await;
}

async fn serve<S>(app: AppState, mut session: Session, mut inbound: S)
where
    S: Stream<Item = Inbound> + Unpin,
{
    let idle = Duration::from_secs(app.config.server.idle_timeout_secs.max(1));
    let mut idle_deadline = Instant::now() + idle;
    if Box::pin(session.attach_to_queue()).await == Flow::Stop {
        session.detach_from_queue().await;
        app.sessions.release(&session.claim);
        return;
    }
    loop {
        let flow = tokio::select! {
            frame = inbound.next() => {
                let Some(frame) = frame else { break };
                idle_deadline = Instant::now() + idle;
                Box::pin(session.handle(frame)).await
            }
            Some(()) = session.claim.detach_requests.recv() => Box::pin(session.replaced()).await,
            Some(event) = queue::next_event(&mut session.queue) => {
                Box::pin(session.on_queue_event(event)).await
            }
            () = app.shutdown.cancelled() => {
                Box::pin(session.close(close::GOING_AWAY, "server shutting down")).await;
                Flow::Stop
            }
            () = tokio::time::sleep_until(idle_deadline) => {
                Box::pin(session.close(close::NORMAL, "idle")).await;
                Flow::Stop
            }
        };
        if flow == Flow::Stop {
            break;
        }
    }
    Box::pin(session.detach_from_queue()).await;
    app.sessions.release(&session.claim);
}

impl Session {
    async fn handle(&mut self, frame: Inbound) -> Flow {
        match frame {
            Inbound::Text(text) => self.handle_text(&text).await,
            Inbound::Binary => {
                self.send_error(messages::ERROR_BINARY_NOT_SUPPORTED, &[], None)
                    .await
            }
            Inbound::InvalidUtf8 => {
                // RFC 6455 §8.1: the connection must be failed; the client resumes.
                self.send_error(messages::ERROR_INVALID_UTF8, &[], None)
                    .await;
                self.close(close::INVALID_DATA, "invalid utf-8").await;
                Flow::Stop
            }
            Inbound::TooLarge => {
                let limit = self.app.config.server.max_message_bytes;
                self.send_error(
                    messages::ERROR_MESSAGE_TOO_LONG,
                    &[("limit", limit.into())],
                    None,
                )
                .await;
                self.close(close::TOO_BIG, "message too big").await;
                Flow::Stop
            }
        }
    }

    /// Another socket took the conversation over: say so and end.
    async fn replaced(&self) -> Flow {
        self.send_error(messages::ERROR_REPLACED, &[], None).await;
        self.close(close::REPLACED, "replaced").await;
        Flow::Stop
    }

    /// Queues a frame for the socket; `Stop` if the socket's writer has gone
    /// (the client stopped reading or disconnected).
    async fn send(&self, frame: &ServerFrame) -> Flow {
        self.send_json(frame.to_json()).await
    }

    /// As [`Session::send`], for a frame already written as JSON.
    async fn send_json(&self, frame: String) -> Flow {
        match self.out.send(Outbound::Frame(frame)).await {
            Ok(()) => Flow::Continue,
            Err(_) => Flow::Stop,
        }
    }

    async fn close(&self, code: u16, reason: &'static str) {
        let _ = self.out.send(Outbound::Close { code, reason }).await;
    }

    /// Sends a localised error frame in the conversation's language.
    async fn send_error(&self, message: Msg, args: &[(&str, Arg)], id: Option<String>) -> Flow {
        let frame = error_frame(&self.app, &self.state.conversation.lang, message, args, id);
        self.send(&frame).await
    }
}

/// A localised error frame.
fn error_frame(
    app: &AppState,
    lang: &crate::lang::LangTag,
    message: Msg,
    args: &[(&str, Arg)],
    id: Option<String>,
) -> ServerFrame {
    let localised = app.content.load().localiser.format(lang, message.id, args);
    ServerFrame::Error {
        code: message.code().to_owned(),
        dir: localised.lang.direction(),
        text: localised.text,
        lang: localised.lang,
        id,
    }
}

#[cfg(test)]
mod tests {
    use super::StoredState;

    /// States stored before migration 0007 carry the last few client message
    /// ids as `recent`; they must still resume.
    #[test]
    fn a_state_stored_with_recent_ids_still_reads() {
        let stored = r#"{"conversation":{"lang":"cy","pinned":true,"page_hint":null,"misses":1,
            "flow":null,"handoff":null,"safeguarding":null,"page":null},
            "recent":[["m-1",2],["m-2",4]]}"#;
        let state: StoredState = serde_json::from_str(stored).unwrap();
        assert_eq!(state.conversation.lang.to_string(), "cy");
        assert!(state.conversation.pinned);
        let written = serde_json::to_value(&state).unwrap();
        assert!(written.get("recent").is_none(), "{written}");
    }
}
