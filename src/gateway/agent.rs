//! `GET /ws/agent`: the staff console's live connection. Signed-in staff who
//! take chats see the queue they can answer and their own chats, take a chat,
//! read its transcript, reply, hand it back to the bot, pass it on, close it
//! with an outcome, and work through the callbacks residents left.
//!
//! The socket is a thin translator: every decision is the handoff queue's,
//! and transcripts and callbacks are read from the store. Frames are JSON
//! with a `type`; `docs/handoff.md` lists them with examples.

use std::time::Duration;

use axum::extract::State;
use axum::extract::ws::{WebSocket, WebSocketUpgrade};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use futures_util::{Stream, StreamExt};
use serde::Deserialize;
use serde_json::{Value, json};
use tokio::sync::{mpsc, oneshot};
use tracing::Instrument;

use super::AppState;
use super::resident::{inbound, write};
use super::session::{Inbound, Outbound, close};
use super::staff::{StaffUser, same_origin};
use crate::flows::reference::Reference;
use crate::handoff::{
    AgentProfile, ChatItem, Delivery, DeskError, EndReason, Entry, OUTCOMES, ToAgent, ToResident,
    Transfer,
};
use crate::staff::Agent;

const OUTBOUND_QUEUE: usize = 64;
const READ_BUFFER: usize = 4 * 1024;
const SOCKET_LIMIT: usize = 64 * 1024;
/// Longest reply an agent can send, in characters.
const MAX_REPLY_CHARS: usize = 4000;
/// How long a reply may take to be stored by the resident's session.
const DELIVERY_TIMEOUT: Duration = Duration::from_secs(5);
/// Protocol version of the staff socket.
const VERSION: u32 = 1;

/// A frame from the console.
#[derive(Debug, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
enum ConsoleFrame {
    Status {
        available: bool,
        #[serde(default)]
        capacity: Option<usize>,
    },
    Take {
        conversation: String,
    },
    Reply {
        conversation: String,
        id: String,
        text: String,
    },
    HandBack {
        conversation: String,
    },
    Close {
        conversation: String,
        outcome: String,
    },
    Transfer {
        conversation: String,
        #[serde(default)]
        agent: Option<String>,
        #[serde(default)]
        topic: Option<String>,
    },
    Transcript {
        conversation: String,
    },
    Agents {},
    Callbacks {},
    CallbackDone {
        reference: String,
    },
    Ping {},
}

pub(crate) async fn agent_socket(
    State(app): State<AppState>,
    user: StaffUser,
    headers: HeaderMap,
    upgrade: WebSocketUpgrade,
) -> Response {
    if !same_origin(&headers) {
        return (
            StatusCode::FORBIDDEN,
            "the console must be opened from this server",
        )
            .into_response();
    }
    if !user.agent.role.takes_chats() {
        return (StatusCode::FORBIDDEN, "this account does not take chats").into_response();
    }
    let tasks = app.tasks.clone();
    upgrade
        .read_buffer_size(READ_BUFFER)
        .max_message_size(SOCKET_LIMIT)
        .max_frame_size(SOCKET_LIMIT)
        .on_upgrade(move |socket| tasks.track_future(serve(app, user.agent, socket)))
}

async fn serve(app: AppState, agent: Agent, socket: WebSocket) {
    let (sink, stream) = socket.split();
    let (out, queue) = mpsc::channel(OUTBOUND_QUEUE);
    let writer = tokio::spawn(write(sink, queue));
    let span = tracing::info_span!("agent", name = %agent.name);
    Console::run(app, agent, inbound(stream), out)
        .instrument(span)
        .await;
    let _ = writer.await;
}

/// One console connection.
struct Console {
    app: AppState,
    agent: Agent,
    out: mpsc::Sender<Outbound>,
}

impl Console {
    async fn run<S>(app: AppState, agent: Agent, mut inbound: S, out: mpsc::Sender<Outbound>)
    where
        S: Stream<Item = Inbound> + Unpin,
    {
        let (events_tx, mut events) = mpsc::channel(OUTBOUND_QUEUE);
        let profile = AgentProfile {
            id: agent.id.clone(),
            name: agent.name.clone(),
            languages: agent.languages.clone(),
            topics: agent.topics.clone(),
        };
        let connection = app.handoff.agent_online(profile, events_tx).await;
        let console = Console { app, agent, out };
        console.welcome().await;
        loop {
            tokio::select! {
                frame = inbound.next() => match frame {
                    Some(Inbound::Text(text)) => console.handle(&text).await,
                    Some(Inbound::Binary) => console.error("invalid-frame", "send JSON text frames", None).await,
                    Some(Inbound::InvalidUtf8 | Inbound::TooLarge) | None => break,
                },
                Some(event) = events.recv() => {
                    if !console.on_queue_event(event).await {
                        break;
                    }
                }
                () = console.app.shutdown.cancelled() => {
                    console.close(close::GOING_AWAY, "server shutting down").await;
                    break;
                }
            }
        }
        console
            .app
            .handoff
            .agent_offline(&console.agent.id, connection)
            .await;
    }

    async fn welcome(&self) {
        let (available, capacity) = self
            .app
            .handoff
            .status(&self.agent.id)
            .await
            .unwrap_or((true, self.app.config.handoff.chats_per_agent));
        self.send(json!({
            "type": "welcome",
            "v": VERSION,
            "agent": {
                "id": self.agent.id,
                "name": self.agent.name,
                "languages": self.agent.languages,
                "topics": self.agent.topics,
                "role": self.agent.role,
            },
            "available": available,
            "capacity": capacity,
            "outcomes": OUTCOMES,
        }))
        .await;
    }

    /// What the queue says; false when this console has been replaced.
    async fn on_queue_event(&self, event: ToAgent) -> bool {
        let frame = match event {
            ToAgent::Queue(items) => {
                json!({"type": "queue", "chats": items.iter().map(queue_item).collect::<Vec<_>>()})
            }
            ToAgent::Chats(items) => {
                json!({"type": "chats", "chats": items.iter().map(chat_item).collect::<Vec<_>>()})
            }
            ToAgent::ResidentSaid {
                conversation_id,
                text,
                replies,
            } => {
                json!({"type": "resident", "conversation": conversation_id, "text": text, "replies": replies})
            }
            ToAgent::ResidentLeft { conversation_id } => {
                json!({"type": "left", "conversation": conversation_id})
            }
            ToAgent::Replaced => {
                self.error(
                    "replaced",
                    "you signed in to the console somewhere else",
                    None,
                )
                .await;
                self.close(close::REPLACED, "replaced").await;
                return false;
            }
        };
        self.send(frame).await;
        true
    }

    async fn handle(&self, text: &str) {
        let frame = match serde_json::from_str::<ConsoleFrame>(text) {
            Ok(frame) => frame,
            Err(error) => {
                let message = format!("not a console frame: {error}");
                return self.error("invalid-frame", &message, None).await;
            }
        };
        match frame {
            ConsoleFrame::Status {
                available,
                capacity,
            } => {
                let handoff = &self.app.handoff;
                handoff
                    .set_status(&self.agent.id, available, capacity)
                    .await;
                self.welcome().await;
            }
            ConsoleFrame::Take { conversation } => {
                let taken = self.app.handoff.take(&self.agent.id, &conversation).await;
                match taken {
                    Ok(_) => self.done("take", &conversation).await,
                    Err(error) => self.refused("take", &conversation, error).await,
                }
                if self.owns(&conversation).await {
                    self.transcript(&conversation).await;
                }
            }
            ConsoleFrame::Reply {
                conversation,
                id,
                text,
            } => self.reply(conversation, id, text).await,
            ConsoleFrame::HandBack { conversation } => {
                self.finish(&conversation, EndReason::HandedBack, None, "hand_back")
                    .await;
            }
            ConsoleFrame::Close {
                conversation,
                outcome,
            } => {
                if !OUTCOMES.contains(&outcome.as_str()) {
                    let message = format!("outcome must be one of {}", OUTCOMES.join(", "));
                    return self
                        .error("invalid-outcome", &message, Some(&conversation))
                        .await;
                }
                self.finish(&conversation, EndReason::Closed, Some(outcome), "close")
                    .await;
            }
            ConsoleFrame::Transfer {
                conversation,
                agent,
                topic,
            } => self.transfer(conversation, agent, topic).await,
            ConsoleFrame::Transcript { conversation } => {
                if self.owns(&conversation).await {
                    self.transcript(&conversation).await;
                } else {
                    self.refused("transcript", &conversation, DeskError::NotYours)
                        .await;
                }
            }
            ConsoleFrame::Agents {} => self.agents().await,
            ConsoleFrame::Callbacks {} => self.callbacks().await,
            ConsoleFrame::CallbackDone { reference } => self.callback_done(&reference).await,
            ConsoleFrame::Ping {} => self.send(json!({"type": "pong"})).await,
        }
    }

    async fn owns(&self, conversation: &str) -> bool {
        self.app.handoff.owns(&self.agent.id, conversation).await
    }

    async fn reply(&self, conversation: String, id: String, text: String) {
        let text = text.trim().to_owned();
        if text.is_empty() || text.chars().count() > MAX_REPLY_CHARS || id.len() > 64 {
            let message =
                format!("a reply is 1 to {MAX_REPLY_CHARS} characters, with an id of at most 64");
            let frame = json!({"type": "error", "code": "invalid-reply", "message": message, "request": "reply", "conversation": conversation, "id": id});
            return self.send(frame).await;
        }
        let delivery = self
            .app
            .handoff
            .reply(&self.agent.id, &conversation, text.clone())
            .await;
        match delivery {
            Err(error) => {
                let frame = json!({"type": "error", "code": error_code(error), "message": error.to_string(), "request": "reply", "conversation": conversation, "id": id});
                self.send(frame).await;
            }
            Ok((Delivery::Kept, _)) => {
                self.send(json!({"type": "sent", "conversation": conversation, "id": id, "delivered": false, "kept": true}))
                    .await;
            }
            Ok((Delivery::Live(resident), agent_name)) => {
                // The resident's session stores and sends it; the console
                // hears the outcome without waiting here.
                let out = self.out.clone();
                tokio::spawn(async move {
                    let delivered = deliver(resident, agent_name, text).await;
                    let frame = json!({"type": "sent", "conversation": conversation, "id": id, "delivered": delivered, "kept": false});
                    let _ = out.send(Outbound::Frame(frame.to_string())).await;
                });
            }
        }
    }

    async fn finish(
        &self,
        conversation: &str,
        reason: EndReason,
        outcome: Option<String>,
        request: &str,
    ) {
        let finished = self
            .app
            .handoff
            .finish(&self.agent.id, conversation, reason, outcome)
            .await;
        match finished {
            Ok(()) => self.done(request, conversation).await,
            Err(error) => self.refused(request, conversation, error).await,
        }
    }

    async fn transfer(&self, conversation: String, agent: Option<String>, topic: Option<String>) {
        let to = match agent {
            Some(agent) => Transfer::Agent(agent),
            None => Transfer::Topic(topic.filter(|t| !t.trim().is_empty())),
        };
        let moved = self
            .app
            .handoff
            .transfer(&self.agent.id, &conversation, to)
            .await;
        match moved {
            Ok(()) => self.done("transfer", &conversation).await,
            Err(error) => self.refused("transfer", &conversation, error).await,
        }
    }

    /// The conversation so far: every stored resident message and bot turn.
    async fn transcript(&self, conversation: &str) {
        match self.app.store.events_after(conversation, 0).await {
            Ok(events) => {
                let events: Vec<Value> = events
                    .iter()
                    .filter_map(|event| serde_json::from_str(&event.body).ok())
                    .collect();
                self.send(
                    json!({"type": "transcript", "conversation": conversation, "events": events}),
                )
                .await;
            }
            Err(error) => {
                tracing::error!(%error, "could not read a transcript");
                self.error(
                    "unavailable",
                    "the transcript cannot be read right now",
                    Some(conversation),
                )
                .await;
            }
        }
    }

    async fn agents(&self) {
        let agents: Vec<Value> = self
            .app
            .handoff
            .agents_online()
            .await
            .into_iter()
            .filter(|(id, _)| *id != self.agent.id)
            .map(|(id, name)| json!({"id": id, "name": name}))
            .collect();
        self.send(json!({"type": "agents", "agents": agents})).await;
    }

    async fn callbacks(&self) {
        let intent = &self.app.config.handoff.leave_message_intent;
        match self.app.store.callbacks(intent).await {
            Ok(cases) => {
                let cases: Vec<Value> = cases
                    .iter()
                    .map(|case| {
                        json!({
                            "reference": case.reference.as_str(),
                            "created_at": case.created_at,
                            "lang": case.lang,
                            "details": case.details,
                            "conversation": case.conversation_id,
                        })
                    })
                    .collect();
                self.send(json!({"type": "callbacks", "cases": cases}))
                    .await;
            }
            Err(error) => {
                tracing::error!(%error, "could not read callbacks");
                self.error("unavailable", "callbacks cannot be read right now", None)
                    .await;
            }
        }
    }

    async fn callback_done(&self, reference: &str) {
        let Some(parsed) = Reference::parse(reference) else {
            return self
                .error("not-found", "no callback has that reference", None)
                .await;
        };
        match self.app.store.set_case_status(&parsed, "closed").await {
            Ok(true) => {
                tracing::info!(reference = %parsed.as_str(), "callback done");
                self.send(
                    json!({"type": "ok", "request": "callback_done", "reference": parsed.as_str()}),
                )
                .await;
                self.callbacks().await;
            }
            Ok(false) => {
                self.error("not-found", "no callback has that reference", None)
                    .await
            }
            Err(error) => {
                tracing::error!(%error, "could not close a callback");
                self.error(
                    "unavailable",
                    "the callback cannot be updated right now",
                    None,
                )
                .await;
            }
        }
    }

    async fn done(&self, request: &str, conversation: &str) {
        self.send(json!({"type": "ok", "request": request, "conversation": conversation}))
            .await;
    }

    async fn refused(&self, request: &str, conversation: &str, error: DeskError) {
        let code = error_code(error);
        self.send(json!({"type": "error", "code": code, "message": error.to_string(), "request": request, "conversation": conversation}))
            .await;
    }

    async fn error(&self, code: &str, message: &str, conversation: Option<&str>) {
        self.send(json!({"type": "error", "code": code, "message": message, "conversation": conversation}))
            .await;
    }

    async fn send(&self, frame: Value) {
        let _ = self.out.send(Outbound::Frame(frame.to_string())).await;
    }

    async fn close(&self, code: u16, reason: &'static str) {
        let _ = self.out.send(Outbound::Close { code, reason }).await;
    }
}

fn error_code(error: DeskError) -> &'static str {
    match error {
        DeskError::NotWaiting => "not-waiting",
        DeskError::NotYours => "not-yours",
        DeskError::NotYourSkill => "not-your-skill",
        DeskError::AtCapacity => "at-capacity",
        DeskError::NoSuchAgent => "no-such-agent",
    }
}

/// Hands a reply to the resident's session; true once it is stored and sent.
async fn deliver(resident: mpsc::Sender<ToResident>, agent_name: String, text: String) -> bool {
    let (delivered, outcome) = oneshot::channel();
    let said = ToResident::Said {
        agent_name,
        text,
        delivered,
    };
    if resident.send(said).await.is_err() {
        return false;
    }
    matches!(
        tokio::time::timeout(DELIVERY_TIMEOUT, outcome).await,
        Ok(Ok(true))
    )
}

fn queue_item(item: &Entry) -> Value {
    json!({
        "conversation": item.conversation_id,
        "lang": item.lang,
        "topic": item.topic,
        "urgent": item.urgent,
        "summary": item.summary,
        "page": item.page,
        "queued_at": item.queued_at,
    })
}

fn chat_item(item: &ChatItem) -> Value {
    json!({
        "conversation": item.conversation_id,
        "lang": item.lang,
        "topic": item.topic,
        "urgent": item.urgent,
        "summary": item.summary,
        "page": item.page,
        "assigned_at": item.assigned_at,
        "resident_connected": item.resident_connected,
    })
}
