//! A started session's frames: resident messages, language choices and pings,
//! each stored with its seq before it is acknowledged or answered.

use super::{Flow, REMEMBERED_IDS, Session};
use crate::conversation::{self, Input, Turn};
use crate::gateway::protocol::{self, ClientFrame, FrameError, MAX_CLIENT_ID, ServerFrame};
use crate::lang::{LangTag, messages};
use crate::redact::redact;
use crate::store::{ConversationRow, EventRow, now_millis};

/// Longest button payload accepted.
const MAX_PAYLOAD: usize = 128;

impl Session {
    pub(super) async fn handle_text(&mut self, text: &str) -> Flow {
        let limit = self.app.config.server.max_message_bytes;
        // JSON may escape every character as \uXXXX; anything longer is refused unread.
        if text.len() > frame_limit(limit) {
            self.send_error(
                messages::ERROR_MESSAGE_TOO_LONG,
                &[("limit", limit.into())],
                None,
            )
            .await;
            return Flow::Continue;
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
                .await;
            }
            Err(FrameError::Invalid { detail, id }) => {
                tracing::debug!(%detail, "invalid frame");
                self.send_error(messages::ERROR_INVALID_FRAME, &[], id)
                    .await;
            }
        }
        Flow::Continue
    }

    async fn handle_message(&mut self, id: String, text: String, payload: Option<String>) {
        if id.is_empty()
            || id.chars().count() > MAX_CLIENT_ID
            || payload.as_ref().is_some_and(|p| p.len() > MAX_PAYLOAD)
        {
            self.send_error(messages::ERROR_INVALID_FRAME, &[], None)
                .await;
            return;
        }
        if let Some(seq) = self.remembered(&id) {
            self.send(&ServerFrame::Ack {
                id,
                seq,
                duplicate: true,
            })
            .await;
            return;
        }
        let limit = self.app.config.server.max_message_bytes;
        if text.trim().is_empty() && payload.is_none() {
            self.send_error(messages::ERROR_MESSAGE_EMPTY, &[], Some(id))
                .await;
            return;
        }
        if text.len() > limit {
            self.send_error(
                messages::ERROR_MESSAGE_TOO_LONG,
                &[("limit", limit.into())],
                Some(id),
            )
            .await;
            return;
        }
        if !self.rate.take() {
            // Not acknowledged, so the client keeps it and may send it again later.
            self.send_error(messages::ERROR_RATE_LIMITED, &[], Some(id))
                .await;
            return;
        }
        let seq = self.take_seq();
        self.remember(&id, seq);
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
        self.store_event(
            seq,
            "resident",
            Some(id.clone()),
            None,
            None,
            resident.to_json(),
        )
        .await;
        self.send(&ServerFrame::Ack {
            id: id.clone(),
            seq,
            duplicate: false,
        })
        .await;

        let content = self.app.content.load_full();
        let input = Input {
            text: &text,
            payload: payload.as_deref(),
        };
        let turn = conversation::turn(&content, &mut self.state.conversation, input);
        self.emit_turn(Some(id), turn).await;
    }

    async fn handle_set_language(&mut self, lang: Option<String>) {
        let content = self.app.content.load_full();
        let turn =
            conversation::set_language(&content, &mut self.state.conversation, lang.as_deref());
        self.emit_turn(None, turn).await;
    }

    /// Numbers, stores and sends a bot turn, then stores the conversation's state.
    pub(super) async fn emit_turn(&mut self, reply_to: Option<String>, turn: Turn) {
        let seq = self.take_seq();
        let detected = turn.detected.as_ref().map(LangTag::to_string);
        let lang = Some(turn.lang.to_string());
        let frame = ServerFrame::Turn {
            seq,
            reply_to,
            detected: turn.detected,
            lang: turn.lang,
            messages: turn.messages,
        };
        self.store_event(seq, "turn", None, detected, lang, frame.to_json())
            .await;
        self.save_conversation().await;
        self.send(&frame).await;
    }

    fn take_seq(&mut self) -> i64 {
        let seq = self.next_seq;
        self.next_seq += 1;
        seq
    }

    fn remembered(&self, id: &str) -> Option<i64> {
        self.state
            .recent
            .iter()
            .find(|(known, _)| known == id)
            .map(|(_, seq)| *seq)
    }

    fn remember(&mut self, id: &str, seq: i64) {
        if self.state.recent.len() == REMEMBERED_IDS {
            self.state.recent.pop_front();
        }
        self.state.recent.push_back((id.to_owned(), seq));
    }

    async fn store_event(
        &self,
        seq: i64,
        kind: &str,
        client_id: Option<String>,
        detected: Option<String>,
        lang: Option<String>,
        body: String,
    ) {
        let row = EventRow {
            conversation_id: self.conversation_id.clone(),
            seq,
            kind: kind.to_owned(),
            client_id,
            detected,
            lang,
            body,
            created_at: now_millis(),
        };
        if let Err(error) = self.app.store.append_event(row).await {
            tracing::error!(%error, seq, "could not queue conversation event");
        }
    }

    pub(super) async fn save_conversation(&self) {
        let row = ConversationRow {
            id: self.conversation_id.clone(),
            resume_token_hash: self.claim.key.clone(),
            lang: self.state.conversation.lang.to_string(),
            state: serde_json::to_string(&self.state).unwrap_or_default(),
            next_seq: self.next_seq,
            created_at: self.created_at,
            updated_at: now_millis(),
        };
        if let Err(error) = self.app.store.save_conversation(row).await {
            tracing::error!(%error, "could not queue conversation state");
        }
    }
}

/// The largest text frame read at all for a message limit of `limit` bytes.
pub(crate) fn frame_limit(limit: usize) -> usize {
    limit.saturating_mul(6).saturating_add(1024)
}
