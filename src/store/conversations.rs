//! Conversations and their event logs: rows, queued writes and reads.

use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use super::writer::WriteOp;
use super::{Store, StoreError};

/// A conversation as stored: who may resume it and the bot's state for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConversationRow {
    pub id: String,
    /// SHA-256 of the resume token; the token itself is never stored.
    pub resume_token_hash: String,
    pub lang: String,
    /// The conversation's state as JSON.
    pub state: String,
    /// The seq the next event will get.
    pub next_seq: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

/// One event of a conversation's log: a resident message or a bot turn, stored
/// as the JSON frame the resident's client is sent on replay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRow {
    pub conversation_id: String,
    pub seq: i64,
    /// `resident` or `turn`.
    pub kind: String,
    /// The client's message id, for resident messages.
    pub client_id: Option<String>,
    pub detected: Option<String>,
    pub lang: Option<String>,
    pub body: String,
    pub created_at: i64,
}

impl Store {
    /// Queues an insert-or-update of a conversation.
    pub async fn save_conversation(&self, row: ConversationRow) -> Result<(), StoreError> {
        self.enqueue(WriteOp::SaveConversation(row)).await
    }

    /// Queues an event; events are committed in the order they were queued.
    pub async fn append_event(&self, row: EventRow) -> Result<(), StoreError> {
        self.enqueue(WriteOp::AppendEvent(row)).await
    }

    /// The conversation a resume token belongs to, if any.
    pub async fn find_conversation(
        &self,
        resume_token_hash: &str,
    ) -> Result<Option<ConversationRow>, StoreError> {
        let row = sqlx::query(
            "SELECT id, resume_token_hash, lang, state, next_seq, created_at, updated_at \
             FROM conversations WHERE resume_token_hash = $1",
        )
        .bind(resume_token_hash)
        .fetch_optional(self.pool())
        .await?;
        row.map(|row| conversation_from_row(&row)).transpose()
    }

    /// A conversation's events after `seq`, oldest first.
    pub async fn events_after(
        &self,
        conversation_id: &str,
        seq: i64,
    ) -> Result<Vec<EventRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT conversation_id, seq, kind, client_id, detected, lang, body, created_at \
             FROM conversation_events WHERE conversation_id = $1 AND seq > $2 ORDER BY seq",
        )
        .bind(conversation_id)
        .bind(seq)
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(event_from_row).collect()
    }
}

fn conversation_from_row(row: &AnyRow) -> Result<ConversationRow, StoreError> {
    Ok(ConversationRow {
        id: row.try_get("id")?,
        resume_token_hash: row.try_get("resume_token_hash")?,
        lang: row.try_get("lang")?,
        state: row.try_get("state")?,
        next_seq: row.try_get("next_seq")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

fn event_from_row(row: &AnyRow) -> Result<EventRow, StoreError> {
    Ok(EventRow {
        conversation_id: row.try_get("conversation_id")?,
        seq: row.try_get("seq")?,
        kind: row.try_get("kind")?,
        client_id: row.try_get("client_id")?,
        detected: row.try_get("detected")?,
        lang: row.try_get("lang")?,
        body: row.try_get("body")?,
        created_at: row.try_get("created_at")?,
    })
}

pub(super) async fn upsert(
    transaction: &mut Transaction<'_, Any>,
    row: &ConversationRow,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO conversations (id, resume_token_hash, lang, state, next_seq, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (id) DO UPDATE SET lang = excluded.lang, state = excluded.state, \
         next_seq = excluded.next_seq, updated_at = excluded.updated_at",
    )
    .bind(&row.id)
    .bind(&row.resume_token_hash)
    .bind(&row.lang)
    .bind(&row.state)
    .bind(row.next_seq)
    .bind(row.created_at)
    .bind(row.updated_at)
    .execute(&mut **transaction)
    .await?;
    Ok(())
}

pub(super) async fn insert_event(
    transaction: &mut Transaction<'_, Any>,
    row: &EventRow,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO conversation_events (conversation_id, seq, kind, client_id, detected, lang, body, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&row.conversation_id)
    .bind(row.seq)
    .bind(&row.kind)
    .bind(&row.client_id)
    .bind(&row.detected)
    .bind(&row.lang)
    .bind(&row.body)
    .bind(row.created_at)
    .execute(&mut **transaction)
    .await?;
    Ok(())
}
