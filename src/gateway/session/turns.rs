//! A started session's frames: resident messages, language choices and pings.
//! Each turn's writes are committed before anything is acknowledged or sent.

use super::queue::{QueueChannel, SessionServices};
use super::{Flow, Session};
use crate::conversation::{self, Input, Turn};
use crate::gateway::protocol::{self, ClientFrame, FrameError, MAX_CLIENT_ID, ServerFrame};
use crate::lang::{LangTag, messages};
use crate::redact::redact;
use crate::store::{CaseDesk, ConversationRow, EventRow, StoreError, Unit, now_millis};

/// Longest button payload accepted.
const MAX_PAYLOAD: usize = 128;

impl Session {
    pub(super) async fn handle_text(&mut self, text: &str) -> Flow {
        let limit = self.app.config.server.max_message_bytes;
        // JSON may escape every character as \uXXXX; anything longer is refused unread.
        if text.len() > frame_limit(limit) {
            return self
                .send_error(
                    messages::ERROR_MESSAGE_TOO_LONG,
                    &[("limit", limit.into())],
                    None,
                )
                .await;
        }
        match protocol::parse(text) {
            Ok(ClientFrame::Message { id, text, payload }) => {
                self.handle_message(id, text, payload).await
            }
            Ok(ClientFrame::SetLanguage { lang }) => self.handle_set_language(lang).await,
            Ok(ClientFrame::Ping {}) => self.send(&ServerFrame::Pong {}).await,
            Ok(ClientFrame::Hello { .. }) => {
                self.send_error(messages::ERROR_INVALID_FRAME, &[], None)
                    .await
            }
            Err(FrameError::Malformed) => {
                self.send_error(messages::ERROR_MALFORMED_JSON, &[], None)
                    .await
            }
            Err(FrameError::UnknownType(kind)) => {
                self.send_error(
                    messages::ERROR_UNKNOWN_FRAME_TYPE,
                    &[("type", kind.into())],
                    None,
                )
                .await
            }
            // The parser's explanation may quote what the client sent: not logged.
            Err(FrameError::Invalid { id, .. }) => {
                self.send_error(messages::ERROR_INVALID_FRAME, &[], id)
                    .await
            }
        }
    }

    async fn handle_message(&mut self, id: String, text: String, payload: Option<String>) -> Flow {
        if !is_client_id(&id) || payload.as_ref().is_some_and(|p| p.len() > MAX_PAYLOAD) {
            return self
                .send_error(messages::ERROR_INVALID_FRAME, &[], None)
                .await;
        }
        if let Some(&seq) = self.client_ids.get(&id) {
            return self
                .send(&ServerFrame::Ack {
                    id,
                    seq,
                    duplicate: true,
                })
                .await;
        }
        let limit = self.app.config.server.max_message_bytes;
        if text.trim().is_empty() && payload.is_none() {
            return self
                .send_error(messages::ERROR_MESSAGE_EMPTY, &[], Some(id))
                .await;
        }
        if text.len() > limit {
            return self
                .send_error(
                    messages::ERROR_MESSAGE_TOO_LONG,
                    &[("limit", limit.into())],
                    Some(id),
                )
                .await;
        }
        if !self.within_rate_limits() {
            // Not acknowledged, so the client keeps it and may send it again later.
            return self
                .send_error(messages::ERROR_RATE_LIMITED, &[], Some(id))
                .await;
        }
        let before = self.state.clone();
        let seq = self.next_seq;
        let content = self.app.content.load_full();
        let input = Input {
            text: &text,
            payload: payload.as_deref(),
        };
        let (app, conversation_id) = (self.app.clone(), self.conversation_id.clone());
        let services = services(&app, &conversation_id, &self.queue);
        let turn =
            conversation::turn(&content, &mut self.state.conversation, input, &services).await;
        let note = turn.handoff.clone();
        let replies = if note.is_some() {
            turn.messages.clone()
        } else {
            Vec::new()
        };
        let stored_text = if self.app.config.privacy.redact_transcripts {
            redact(&text)
        } else {
            text.clone()
        };
        let resident = ServerFrame::Resident {
            seq,
            id: id.clone(),
            text: stored_text,
        };
        let resident_event = self.event(
            seq,
            "resident",
            Some(id.clone()),
            None,
            None,
            resident.to_json(),
        );
        let (turn_event, frame) = self.turn_event(seq + 1, Some(id.clone()), turn);
        match self.commit(vec![resident_event, turn_event], seq + 2).await {
            Ok(()) => {
                self.next_seq = seq + 2;
                self.client_ids.insert(id.clone(), seq);
                self.after_turn(note, &replies).await;
                if self
                    .send(&ServerFrame::Ack {
                        id,
                        seq,
                        duplicate: false,
                    })
                    .await
                    == Flow::Stop
                {
                    return Flow::Stop;
                }
                self.send_json(frame).await
            }
            Err(error) => {
                self.state = before;
                self.commit_failed(error, Some(id)).await
            }
        }
    }

    async fn handle_set_language(&mut self, lang: Option<String>) -> Flow {
        if !self.within_rate_limits() {
            return self
                .send_error(messages::ERROR_RATE_LIMITED, &[], None)
                .await;
        }
        let before = self.state.clone();
        let content = self.app.content.load_full();
        let (app, conversation_id) = (self.app.clone(), self.conversation_id.clone());
        let services = services(&app, &conversation_id, &self.queue);
        let turn = conversation::set_language(
            &content,
            &mut self.state.conversation,
            lang.as_deref(),
            &services,
        )
        .await;
        match self.emit_turn(None, turn).await {
            Ok(flow) => flow,
            Err(error) => {
                self.state = before;
                self.commit_failed(error, None).await
            }
        }
    }

    /// Numbers, commits and sends a bot turn that answers no message.
    pub(super) async fn emit_turn(
        &mut self,
        reply_to: Option<String>,
        turn: Turn,
    ) -> Result<Flow, StoreError> {
        let seq = self.next_seq;
        let (event, frame) = self.turn_event(seq, reply_to, turn);
        self.commit(vec![event], seq + 1).await?;
        self.next_seq = seq + 1;
        Ok(self.send_json(frame).await)
    }

    /// After a failed commit: a newer socket owns the conversation, or the
    /// store could not take the write (nothing was acknowledged; try again).
    ///
    /// A seq the store holds already means an earlier commit of this session
    /// landed though it was reported as failed (a connection lost as it
    /// committed), so the session's state, numbering and message ids are
    /// behind the store's. The client is asked to resume, which reads them
    /// all again; a message it then sends again is recognised.
    pub(super) async fn commit_failed(&self, error: StoreError, id: Option<String>) -> Flow {
        match error {
            StoreError::NotOwner => return self.replaced().await,
            StoreError::Duplicate => {
                tracing::warn!("the store is ahead of this session; asking the client to resume");
                self.send_error(messages::ERROR_INTERNAL, &[], id).await;
                self.close(super::close::TRY_AGAIN_LATER, "resume to catch up")
                    .await;
                return Flow::Stop;
            }
            _ => {}
        }
        tracing::error!(%error, "could not store a turn");
        self.send_error(messages::ERROR_INTERNAL, &[], id).await
    }

    fn within_rate_limits(&mut self) -> bool {
        self.rate.take() && self.app.addresses.take(self.peer)
    }

    /// The turn's stored copy, and its frame as JSON to send: the same text,
    /// written once, unless transcripts are redacted and a message repeats a
    /// resident's answer, which the copy then redacts.
    pub(super) fn turn_event(
        &self,
        seq: i64,
        reply_to: Option<String>,
        turn: Turn,
    ) -> (EventRow, String) {
        let detected = turn.detected.as_ref().map(LangTag::to_string);
        let lang = Some(turn.lang.to_string());
        let frame = ServerFrame::Turn {
            seq,
            reply_to,
            detected: turn.detected,
            lang: turn.lang,
            messages: turn.messages,
        };
        let sent = frame.to_json();
        let redacted = match &frame {
            ServerFrame::Turn { messages, .. }
                if self.app.config.privacy.redact_transcripts
                    && messages.iter().any(|m| m.personal) =>
            {
                let mut copy = frame.clone();
                if let ServerFrame::Turn { messages, .. } = &mut copy {
                    for message in messages.iter_mut().filter(|m| m.personal) {
                        message.text = redact(&message.text);
                    }
                }
                Some(copy.to_json())
            }
            _ => None,
        };
        let stored = redacted.unwrap_or_else(|| sent.clone());
        (self.event(seq, "turn", None, detected, lang, stored), sent)
    }

    fn event(
        &self,
        seq: i64,
        kind: &str,
        client_id: Option<String>,
        detected: Option<String>,
        lang: Option<String>,
        body: String,
    ) -> EventRow {
        EventRow {
            conversation_id: self.conversation_id.clone(),
            seq,
            kind: kind.to_owned(),
            client_id,
            detected,
            lang,
            body,
            created_at: now_millis(),
        }
    }

    /// Commits the conversation's current state (with `next_seq`) and `events`.
    pub(super) async fn commit(
        &self,
        events: Vec<EventRow>,
        next_seq: i64,
    ) -> Result<(), StoreError> {
        let conversation = ConversationRow {
            id: self.conversation_id.clone(),
            resume_token_hash: self.claim.key.clone(),
            lang: self.state.conversation.lang.to_string(),
            state: serde_json::to_string(&self.state).unwrap_or_default(),
            owner: self.owner.clone(),
            next_seq,
            created_at: self.created_at,
            updated_at: now_millis(),
        };
        self.app
            .store
            .commit(Unit {
                conversation,
                events,
            })
            .await
    }
}

/// 1 to 64 characters, none of them control characters.
fn is_client_id(id: &str) -> bool {
    !id.is_empty() && id.chars().count() <= MAX_CLIENT_ID && !id.chars().any(char::is_control)
}

/// The largest text frame read at all for a message limit of `limit` bytes.
pub(crate) fn frame_limit(limit: usize) -> usize {
    limit.saturating_mul(6).saturating_add(1024)
}

/// What a turn of a conversation may call on: the store and the queue.
fn services<'a>(
    app: &'a crate::gateway::AppState,
    conversation_id: &'a str,
    queue: &'a QueueChannel,
) -> SessionServices<'a> {
    SessionServices {
        desk: CaseDesk {
            store: &app.store,
            zone: &app.zone,
            conversation_id: Some(conversation_id),
        },
        handoff: &app.handoff,
        conversation_id,
        queue,
    }
}
