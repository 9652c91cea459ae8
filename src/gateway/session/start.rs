//! The start of a session: waiting for `hello`, then starting a new conversation
//! or resuming a stored one and replaying what the client missed.

use std::net::IpAddr;

use futures_util::{Stream, StreamExt};
use tokio::sync::mpsc;
use tokio::time::Instant;

use super::{
    ClientIds, Flow, HELLO_TIMEOUT, Inbound, Outbound, Session, StoredState, close, error_frame,
};
use crate::conversation::{self, ConversationState};
use crate::gateway::AppState;
use crate::gateway::limits::RateLimit;
use crate::gateway::protocol::{
    self, ClientFrame, FrameError, LanguageEntry, ServerFrame, VERSION,
};
use crate::gateway::registry::Claim;
use crate::lang::{Arg, LangTag, messages};
use crate::store::{ConversationRow, now_millis};
use crate::token::{is_token, random_hex, token_hash};

/// What the client said in `hello`.
struct Hello {
    resume_token: Option<String>,
    last_seq: i64,
    page_lang: Option<LangTag>,
    lang: Option<LangTag>,
    page: Option<String>,
}

/// The longest page description kept, in characters.
const MAX_PAGE_CHARS: usize = 200;

/// Waits for `hello` and opens the conversation; `None` if the socket ends first.
pub(super) async fn handshake<S>(
    app: &AppState,
    peer: IpAddr,
    inbound: &mut S,
    out: &mpsc::Sender<Outbound>,
) -> Option<Session>
where
    S: Stream<Item = Inbound> + Unpin,
{
    let deadline = Instant::now() + HELLO_TIMEOUT;
    let early = Early {
        app,
        out,
        lang: app.content.load().languages.default().clone(),
    };
    loop {
        let frame = tokio::select! {
            frame = tokio::time::timeout_at(deadline, inbound.next()) => frame,
            () = app.shutdown.cancelled() => {
                early.close(close::GOING_AWAY, "server shutting down").await;
                return None;
            }
        };
        let Ok(frame) = frame else {
            early.close(close::NORMAL, "no hello").await;
            return None;
        };
        let text = match frame? {
            Inbound::Text(text) => text,
            Inbound::Binary => {
                early.error(messages::ERROR_BINARY_NOT_SUPPORTED, &[]).await;
                continue;
            }
            Inbound::InvalidUtf8 | Inbound::TooLarge => {
                early.error(messages::ERROR_INVALID_FRAME, &[]).await;
                early.close(close::INVALID_DATA, "unreadable frame").await;
                return None;
            }
        };
        match protocol::parse(&text) {
            Ok(ClientFrame::Hello {
                v,
                resume_token,
                last_seq,
                page_lang,
                lang,
                page,
            }) if v == VERSION => {
                let parse = |code: Option<String>| code.and_then(|c| LangTag::parse(&c).ok());
                let hello = Hello {
                    resume_token,
                    last_seq: last_seq.unwrap_or(0).max(0),
                    page_lang: parse(page_lang),
                    lang: parse(lang),
                    page: page
                        .map(|page| page.trim().chars().take(MAX_PAGE_CHARS).collect::<String>())
                        .filter(|page| !page.is_empty() && !page.chars().any(char::is_control)),
                };
                return open(app, peer, out, hello).await;
            }
            Ok(ClientFrame::Hello { v, .. }) => {
                early
                    .error(
                        messages::ERROR_UNSUPPORTED_VERSION,
                        &[("version", v.into())],
                    )
                    .await;
                early
                    .close(close::UNSUPPORTED_VERSION, "unsupported protocol version")
                    .await;
                return None;
            }
            Ok(ClientFrame::Ping {}) => early.send(&ServerFrame::Pong {}).await,
            Err(FrameError::Invalid { .. }) if text.contains("\"hello\"") => {
                early.error(messages::ERROR_INVALID_FRAME, &[]).await
            }
            _ => early.error(messages::ERROR_HELLO_REQUIRED, &[]).await,
        }
    }
}

/// Replies possible before a conversation exists, in the default language.
struct Early<'a> {
    app: &'a AppState,
    out: &'a mpsc::Sender<Outbound>,
    lang: LangTag,
}

impl Early<'_> {
    async fn send(&self, frame: &ServerFrame) {
        let _ = self.out.send(Outbound::Frame(frame.to_json())).await;
    }

    async fn close(&self, code: u16, reason: &'static str) {
        let _ = self.out.send(Outbound::Close { code, reason }).await;
    }

    async fn error(&self, message: messages::Msg, args: &[(&str, Arg)]) {
        self.send(&error_frame(self.app, &self.lang, message, args, None))
            .await;
    }
}

async fn open(
    app: &AppState,
    peer: IpAddr,
    out: &mpsc::Sender<Outbound>,
    hello: Hello,
) -> Option<Session> {
    let early = Early {
        app,
        out,
        lang: hello
            .page_lang
            .clone()
            .unwrap_or_else(|| app.content.load().languages.default().clone()),
    };
    let Some(token) = hello.resume_token.as_deref() else {
        return start_new(app, peer, out, &hello, false).await;
    };
    if !is_token(token) {
        return start_new(app, peer, out, &hello, true).await;
    }
    let key = token_hash(token);
    // An older socket on this conversation is asked to end first, and this one
    // never runs beside it.
    let Ok(claim) = app.sessions.claim(&key).await else {
        early.error(messages::ERROR_INTERNAL, &[]).await;
        early
            .close(close::TRY_AGAIN_LATER, "conversation busy")
            .await;
        return None;
    };
    match find(app, &key).await {
        Some(row) => resume(app, peer, out, claim, row, token, &hello).await,
        None => {
            app.sessions.release(&claim);
            start_new(app, peer, out, &hello, true).await
        }
    }
}

/// The stored conversation for a token, if it exists and has not expired.
async fn find(app: &AppState, key: &str) -> Option<ConversationRow> {
    let row = match app.store.find_conversation(key).await {
        Ok(row) => row?,
        Err(error) => {
            tracing::error!(%error, "store unavailable while resuming");
            return None;
        }
    };
    let ttl_ms = i64::try_from(app.config.server.resume_ttl_hours.saturating_mul(3_600_000))
        .unwrap_or(i64::MAX);
    (row.updated_at.saturating_add(ttl_ms) >= now_millis()).then_some(row)
}

async fn start_new(
    app: &AppState,
    peer: IpAddr,
    out: &mpsc::Sender<Outbound>,
    hello: &Hello,
    resume_failed: bool,
) -> Option<Session> {
    let content = app.content.load_full();
    let token = random_hex(32);
    let claim = app.sessions.claim(&token_hash(&token)).await.ok()?;
    let mut conversation =
        ConversationState::new(&content, hello.lang.as_ref(), hello.page_lang.as_ref());
    conversation.page.clone_from(&hello.page);
    let mut session = Session {
        app: app.clone(),
        out: out.clone(),
        peer,
        conversation_id: random_hex(12),
        claim,
        owner: random_hex(16),
        state: StoredState { conversation },
        client_ids: ClientIds::new(),
        next_seq: 1,
        created_at: now_millis(),
        rate: rate_limit(app),
        queue: Default::default(),
    };
    let greeting = conversation::greet(&content, &session.state.conversation);
    let seq = session.next_seq;
    let (event, frame) = session.turn_event(seq, None, greeting);
    if let Err(error) = session.commit(vec![event], seq + 1).await {
        tracing::error!(%error, "could not store a new conversation");
        session
            .send_error(messages::ERROR_INTERNAL, &[], None)
            .await;
        session.close(close::INTERNAL, "store unavailable").await;
        app.sessions.release(&session.claim);
        return None;
    }
    session.next_seq = seq + 1;
    session.send(&session.welcome(&token, false)).await;
    if resume_failed {
        let localised = content.localiser.text(
            &session.state.conversation.lang,
            messages::RESUME_NOT_FOUND.id,
        );
        let code = messages::RESUME_NOT_FOUND.id.to_owned();
        session
            .send(&ServerFrame::Notice {
                code,
                dir: localised.lang.direction(),
                text: localised.text,
                lang: localised.lang,
            })
            .await;
    }
    session.send_json(frame).await;
    Some(session)
}

async fn resume(
    app: &AppState,
    peer: IpAddr,
    out: &mpsc::Sender<Outbound>,
    claim: Claim,
    row: ConversationRow,
    token: &str,
    hello: &Hello,
) -> Option<Session> {
    let owner = random_hex(16);
    // From here on, writes by any other session (on any instance) are refused.
    // The row is read again by the takeover: an older session on another
    // instance may have committed a turn since `find`.
    let Ok(Some(row)) = app.store.take_over(&row.id, &owner, now_millis()).await else {
        app.sessions.release(&claim);
        return start_new(app, peer, out, hello, true).await;
    };
    let Ok(mut state) = serde_json::from_str::<StoredState>(&row.state) else {
        tracing::error!(conversation = %row.id, "stored conversation state unreadable; starting afresh");
        app.sessions.release(&claim);
        return start_new(app, peer, out, hello, true).await;
    };
    if hello.page_lang.is_some() {
        state.conversation.page_hint.clone_from(&hello.page_lang);
    }
    if hello.page.is_some() {
        state.conversation.page.clone_from(&hello.page);
    }
    // Read after the takeover: no other session adds one from here on.
    let client_ids = match app.store.client_message_ids(&row.id).await {
        Ok(ids) => ids.into_iter().collect(),
        Err(error) => {
            tracing::error!(%error, "could not read the conversation's message ids");
            app.sessions.release(&claim);
            let early = Early {
                app,
                out,
                lang: state.conversation.lang.clone(),
            };
            early.error(messages::ERROR_INTERNAL, &[]).await;
            early
                .close(close::TRY_AGAIN_LATER, "store unavailable")
                .await;
            return None;
        }
    };
    let session = Session {
        app: app.clone(),
        out: out.clone(),
        peer,
        conversation_id: row.id,
        claim,
        owner,
        state,
        client_ids,
        next_seq: row.next_seq,
        created_at: row.created_at,
        rate: rate_limit(app),
        queue: Default::default(),
    };
    if let Err(error) = session.commit(Vec::new(), session.next_seq).await {
        tracing::warn!(%error, "could not store the resumed conversation's page language");
    }
    if session.send(&session.welcome(token, true)).await == Flow::Stop {
        return None;
    }
    match app
        .store
        .events_after(&session.conversation_id, hello.last_seq)
        .await
    {
        Ok(events) => {
            for event in events {
                let _ = out.send(Outbound::Frame(event.body)).await;
            }
        }
        Err(error) => tracing::error!(%error, "could not replay conversation"),
    }
    Some(session)
}

impl Session {
    fn welcome(&self, token: &str, resumed: bool) -> ServerFrame {
        let content = self.app.content.load();
        let languages = LanguageEntry::all(&content.languages);
        ServerFrame::Welcome {
            v: VERSION,
            conversation_id: self.conversation_id.clone(),
            resume_token: token.to_owned(),
            resumed,
            lang: self.state.conversation.lang.clone(),
            pinned: self.state.conversation.pinned,
            languages,
            last_seq: self.next_seq - 1,
            max_message_bytes: self.app.config.server.max_message_bytes,
        }
    }
}

fn rate_limit(app: &AppState) -> RateLimit {
    RateLimit::new(
        app.config.server.rate_limit_burst,
        app.config.server.rate_limit_per_minute,
    )
}
