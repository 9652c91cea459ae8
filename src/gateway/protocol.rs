//! The resident socket's JSON frames (`/ws/chat`), version 1. Every frame has a
//! `type`; `docs/protocol.md` shows an example of each.

use serde::{Deserialize, Serialize};

use crate::conversation::BotMessage;
use crate::lang::{Direction, LangTag};

/// The protocol version this server speaks.
pub const VERSION: u32 = 1;

/// Longest client message id accepted.
pub const MAX_CLIENT_ID: usize = 64;

/// Frames a resident's client sends.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum ClientFrame {
    /// First frame: starts or resumes a conversation.
    Hello {
        v: u32,
        #[serde(default)]
        resume_token: Option<String>,
        /// The highest `seq` the client has; later events are replayed.
        #[serde(default)]
        last_seq: Option<i64>,
        /// The page's language (`<html lang>`), a hint.
        #[serde(default)]
        page_lang: Option<String>,
        /// An explicit language choice for a new conversation.
        #[serde(default)]
        lang: Option<String>,
        /// What the page the widget is on is about (its title, or what the
        /// council's embed says), shown to staff who take the chat.
        #[serde(default)]
        page: Option<String>,
    },
    /// Something the resident typed, or a button they pressed.
    Message {
        id: String,
        text: String,
        #[serde(default)]
        payload: Option<String>,
    },
    /// The resident chose a language; `null` follows the language they write in.
    SetLanguage {
        lang: Option<String>,
    },
    Ping {},
}

/// The types a client may send, for the "unknown frame type" error.
pub const CLIENT_FRAME_TYPES: &[&str] = &["hello", "message", "set_language", "ping"];

/// Frames the server sends.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ServerFrame {
    Welcome {
        v: u32,
        conversation_id: String,
        resume_token: String,
        resumed: bool,
        lang: LangTag,
        pinned: bool,
        languages: Vec<LanguageEntry>,
        /// The highest seq in the conversation so far.
        last_seq: i64,
        max_message_bytes: usize,
    },
    /// The message with client id `id` was received and stored as `seq`.
    Ack {
        id: String,
        seq: i64,
        duplicate: bool,
    },
    /// A resident message, sent only when replaying a resumed conversation.
    Resident {
        seq: i64,
        id: String,
        text: String,
    },
    /// The bot's reply to `reply_to` (or to nothing: the greeting, a language change).
    Turn {
        seq: i64,
        reply_to: Option<String>,
        detected: Option<LangTag>,
        lang: LangTag,
        messages: Vec<BotMessage>,
    },
    /// The resident's place in the queue for a person, sent when it
    /// changes; not stored (a resumed client is sent the current one).
    Queue {
        position: usize,
        wait_minutes: u32,
        text: String,
        lang: LangTag,
        dir: Direction,
    },
    /// Something the resident should know that is not a reply.
    Notice {
        code: String,
        text: String,
        lang: LangTag,
        dir: Direction,
    },
    /// A frame could not be accepted; the connection stays open unless it says so.
    Error {
        code: String,
        text: String,
        lang: LangTag,
        dir: Direction,
        #[serde(skip_serializing_if = "Option::is_none")]
        id: Option<String>,
    },
    Pong {},
}

/// One of the council's languages, for the language switcher.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LanguageEntry {
    pub code: LangTag,
    pub name: String,
    pub dir: Direction,
}

impl LanguageEntry {
    /// Every council language, in the switcher's order.
    pub fn all(languages: &crate::lang::Languages) -> Vec<LanguageEntry> {
        languages
            .all()
            .iter()
            .map(|info| LanguageEntry {
                code: info.tag.clone(),
                name: info.name.clone(),
                dir: info.direction,
            })
            .collect()
    }
}

/// Why a text frame could not be read as a client frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FrameError {
    /// Not JSON at all.
    Malformed,
    /// JSON, but its `type` is missing or unknown.
    UnknownType(String),
    /// A known type with missing, extra or mistyped fields.
    Invalid { detail: String, id: Option<String> },
}

/// Reads one text frame.
pub fn parse(text: &str) -> Result<ClientFrame, FrameError> {
    if let Ok(frame) = serde_json::from_str::<ClientFrame>(text) {
        return Ok(frame);
    }
    // Only a rejected frame pays for the second, diagnostic parse.
    let value: serde_json::Value = serde_json::from_str(text).map_err(|_| FrameError::Malformed)?;
    let kind = value
        .get("type")
        .and_then(serde_json::Value::as_str)
        .unwrap_or_default();
    if !CLIENT_FRAME_TYPES.contains(&kind) {
        return Err(FrameError::UnknownType(kind.chars().take(32).collect()));
    }
    let id = value
        .get("id")
        .and_then(serde_json::Value::as_str)
        .map(|id| id.chars().take(MAX_CLIENT_ID).collect());
    let detail = match serde_json::from_value::<ClientFrame>(value) {
        Err(error) => error.to_string(),
        Ok(_) => "unreadable frame".to_owned(),
    };
    Err(FrameError::Invalid { detail, id })
}

impl ServerFrame {
    pub fn to_json(&self) -> String {
        // Serialising these plain structs cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_client_frame() {
        let hello = parse(r#"{"type":"hello","v":1,"page_lang":"cy"}"#).unwrap();
        assert!(
            matches!(hello, ClientFrame::Hello { v: 1, page_lang: Some(ref l), .. } if l == "cy")
        );
        let message = parse(r#"{"type":"message","id":"c-1","text":"hi"}"#).unwrap();
        assert_eq!(
            message,
            ClientFrame::Message {
                id: "c-1".into(),
                text: "hi".into(),
                payload: None
            }
        );
        assert_eq!(
            parse(r#"{"type":"set_language","lang":null}"#).unwrap(),
            ClientFrame::SetLanguage { lang: None }
        );
        assert_eq!(parse(r#"{"type":"ping"}"#).unwrap(), ClientFrame::Ping {});
    }

    #[test]
    fn tells_malformed_unknown_and_invalid_apart() {
        assert_eq!(parse("{not json"), Err(FrameError::Malformed));
        assert_eq!(
            parse(r#"{"type":"dance"}"#),
            Err(FrameError::UnknownType("dance".into()))
        );
        assert_eq!(
            parse(r#"{"text":"no type"}"#),
            Err(FrameError::UnknownType(String::new()))
        );
        let Err(FrameError::Invalid { detail, id }) = parse(r#"{"type":"message","id":"c-9"}"#)
        else {
            panic!("missing text should be invalid");
        };
        assert!(detail.contains("text"), "{detail}");
        assert_eq!(id.as_deref(), Some("c-9"));
        assert!(matches!(
            parse(r#"{"type":"message","id":"c","text":"x","colour":1}"#),
            Err(FrameError::Invalid { .. })
        ));
    }

    #[test]
    fn lone_surrogates_are_malformed_not_a_crash() {
        assert_eq!(
            parse(r#"{"type":"message","id":"c","text":"\ud800"}"#),
            Err(FrameError::Malformed)
        );
    }
}
