//! Conversations and their event logs: rows, queued writes and reads.

use sqlx::any::AnyRow;
use sqlx::{Any, AssertSqlSafe, Row, Transaction};
use tokio::sync::oneshot;

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
    /// The session allowed to write it (a random token per session).
    pub owner: String,
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

/// Everything one turn writes: the conversation's new state and its new events,
/// committed together or not at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub conversation: ConversationRow,
    pub events: Vec<EventRow>,
}

impl Store {
    /// Commits a unit and returns once it is durable. Refused with
    /// [`StoreError::NotOwner`] if another session has taken the conversation
    /// over, and with [`StoreError::Duplicate`] if an event's seq is stored
    /// already. A client message id is not checked here: the owning session
    /// does that (see [`Store::client_message_ids`]).
    pub async fn commit(&self, unit: Unit) -> Result<(), StoreError> {
        let (reply, result) = oneshot::channel();
        self.enqueue(WriteOp::Commit(unit, reply)).await?;
        result.await.map_err(|_| StoreError::Closed)?
    }

    /// Makes `owner` the only session that may write the conversation; any
    /// other session's later writes are refused. Returns the conversation as
    /// the takeover left it (what any earlier owner committed is in it), or
    /// `None` if it does not exist.
    pub async fn take_over(
        &self,
        conversation_id: &str,
        owner: &str,
        now: i64,
    ) -> Result<Option<ConversationRow>, StoreError> {
        let row = sqlx::query(
            "UPDATE conversations SET owner = $1, updated_at = $2 WHERE id = $3 \
             RETURNING id, resume_token_hash, lang, state, owner, next_seq, created_at, updated_at",
        )
        .bind(owner)
        .bind(now)
        .bind(conversation_id)
        .fetch_all(self.pool())
        .await?
        .into_iter()
        .next();
        row.map(|row| conversation_from_row(&row)).transpose()
    }

    /// Every client message id a conversation holds, with the seq each was
    /// stored as. The session that owns the conversation loads them when it
    /// takes it over: it alone may write the conversation from then on, so
    /// with these it recognises any message sent again (the store keeps no
    /// index of its own for that; see migration 0007).
    pub async fn client_message_ids(
        &self,
        conversation_id: &str,
    ) -> Result<Vec<(String, i64)>, StoreError> {
        let rows = sqlx::query(
            "SELECT client_id, seq FROM conversation_events \
             WHERE conversation = (SELECT number FROM conversations WHERE id = $1) \
             AND client_id IS NOT NULL",
        )
        .bind(conversation_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| Ok((row.try_get("client_id")?, row.try_get("seq")?)))
            .collect()
    }

    /// The conversation a resume token belongs to, if any.
    pub async fn find_conversation(
        &self,
        resume_token_hash: &str,
    ) -> Result<Option<ConversationRow>, StoreError> {
        let row = sqlx::query(
            "SELECT id, resume_token_hash, lang, state, owner, next_seq, created_at, updated_at \
             FROM conversations WHERE resume_token_hash = $1",
        )
        .bind(resume_token_hash)
        .fetch_all(self.pool())
        .await?
        .into_iter()
        .next();
        row.map(|row| conversation_from_row(&row)).transpose()
    }

    /// A conversation's events after `seq`, oldest first.
    pub async fn events_after(
        &self,
        conversation_id: &str,
        seq: i64,
    ) -> Result<Vec<EventRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT seq, kind, client_id, detected, lang, body, created_at FROM conversation_events \
             WHERE conversation = (SELECT number FROM conversations WHERE id = $1) AND seq > $2 \
             ORDER BY seq",
        )
        .bind(conversation_id)
        .bind(seq)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| event_from_row(conversation_id, row))
            .collect()
    }
}

fn conversation_from_row(row: &AnyRow) -> Result<ConversationRow, StoreError> {
    Ok(ConversationRow {
        id: row.try_get("id")?,
        resume_token_hash: row.try_get("resume_token_hash")?,
        lang: row.try_get("lang")?,
        state: row.try_get("state")?,
        owner: row.try_get("owner")?,
        next_seq: row.try_get("next_seq")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

fn event_from_row(conversation_id: &str, row: &AnyRow) -> Result<EventRow, StoreError> {
    Ok(EventRow {
        conversation_id: conversation_id.to_owned(),
        seq: row.try_get("seq")?,
        kind: row.try_get("kind")?,
        client_id: row.try_get("client_id")?,
        detected: row.try_get("detected")?,
        lang: row.try_get("lang")?,
        body: row.try_get("body")?,
        created_at: row.try_get("created_at")?,
    })
}

/// Writes a unit inside `transaction`: the conversation first (its events
/// refer to it), each write only if the unit's session still owns it.
pub(super) async fn write_unit(
    transaction: &mut Transaction<'_, Any>,
    unit: &Unit,
) -> Result<(), StoreError> {
    let row = &unit.conversation;
    let written = sqlx::query(
        "INSERT INTO conversations (id, resume_token_hash, lang, state, owner, next_seq, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (id) DO UPDATE SET lang = excluded.lang, state = excluded.state, \
         next_seq = excluded.next_seq, updated_at = excluded.updated_at \
         WHERE conversations.owner = excluded.owner",
    )
    .bind(&row.id)
    .bind(&row.resume_token_hash)
    .bind(&row.lang)
    .bind(&row.state)
    .bind(&row.owner)
    .bind(row.next_seq)
    .bind(row.created_at)
    .bind(row.updated_at)
    .execute(&mut **transaction)
    .await?;
    if written.rows_affected() == 0 {
        return Err(StoreError::NotOwner);
    }
    for event in &unit.events {
        insert_event(transaction, event, &row.owner).await?;
    }
    Ok(())
}

/// Rows one multi-row statement carries at most.
const ROWS_PER_STATEMENT: usize = 64;

/// `items` in runs of a power of two rows (64, 32, … 1), so that a handful of
/// statement shapes serve every batch and each stays prepared on the writer's
/// connection instead of being parsed again for each new batch size.
pub(super) fn power_of_two_chunks<T>(mut items: &[T]) -> impl Iterator<Item = &[T]> {
    std::iter::from_fn(move || {
        if items.is_empty() {
            return None;
        }
        let size = items.len().min(ROWS_PER_STATEMENT);
        let size = 1 << size.ilog2();
        let (chunk, rest) = items.split_at(size);
        items = rest;
        Some(chunk)
    })
}

/// Writes many units in one PostgreSQL transaction with a few multi-row
/// statements instead of several statements per unit: the store's cost per
/// turn under load. Any unit that cannot be written (taken over, a seq
/// stored already) fails the whole call, and the caller writes each unit on its own
/// to find which. SQLite's form is [`super::sqlite_batch::write_units`].
pub(super) async fn write_units_postgres(
    transaction: &mut Transaction<'_, Any>,
    units: &[&Unit],
) -> Result<(), StoreError> {
    for chunk in power_of_two_chunks(units) {
        let mut sql = String::from(
            "INSERT INTO conversations (id, resume_token_hash, lang, state, owner, next_seq, created_at, updated_at) VALUES ",
        );
        push_placeholders_with(&mut sql, chunk.len(), 8, ("", ""));
        sql.push_str(
            " ON CONFLICT (id) DO UPDATE SET lang = excluded.lang, state = excluded.state, \
             next_seq = excluded.next_seq, updated_at = excluded.updated_at \
             WHERE conversations.owner = excluded.owner",
        );
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for unit in chunk {
            let row = &unit.conversation;
            query = query
                .bind(&row.id)
                .bind(&row.resume_token_hash)
                .bind(&row.lang)
                .bind(&row.state)
                .bind(&row.owner)
                .bind(row.next_seq)
                .bind(row.created_at)
                .bind(row.updated_at);
        }
        let written = query.execute(&mut **transaction).await?;
        // A conversation another session owns is left alone by the upsert.
        if written.rows_affected() != chunk.len() as u64 {
            return Err(StoreError::NotOwner);
        }
    }
    // Every conversation was just written by its owner inside this
    // transaction, so its events need no ownership check of their own.
    let events: Vec<&EventRow> = units.iter().flat_map(|unit| &unit.events).collect();
    for chunk in power_of_two_chunks(&events) {
        let mut sql = String::from(
            "INSERT INTO conversation_events (conversation, seq, kind, client_id, detected, lang, body, created_at) VALUES ",
        );
        // Each row's first value is its conversation's id, looked up here.
        push_placeholders_with(&mut sql, chunk.len(), 8, CONVERSATION_NUMBER);
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for event in chunk {
            query = query
                .bind(&event.conversation_id)
                .bind(event.seq)
                .bind(&event.kind)
                .bind(&event.client_id)
                .bind(&event.detected)
                .bind(&event.lang)
                .bind(&event.body)
                .bind(event.created_at);
        }
        query
            .execute(&mut **transaction)
            .await
            .map_err(StoreError::from_write)?;
    }
    Ok(())
}

/// The number of the conversation whose id is the placeholder in between.
const CONVERSATION_NUMBER: (&str, &str) = ("(SELECT number FROM conversations WHERE id = ", ")");

/// `rows` groups of `columns` numbered parameters: `($1, $2), ($3, $4)`, the
/// first of each group inside `first` (`(f($1), $2)`). The statements built
/// with it hold only fixed text and these placeholders; every value is bound.
fn push_placeholders_with(sql: &mut String, rows: usize, columns: usize, first: (&str, &str)) {
    use std::fmt::Write;
    for row in 0..rows {
        sql.push_str(if row == 0 { "(" } else { ", (" });
        for column in 0..columns {
            let n = row * columns + column + 1;
            let _ = match column {
                0 => write!(sql, "{}${n}{}", first.0, first.1),
                _ => write!(sql, ", ${n}"),
            };
        }
        sql.push(')');
    }
}

async fn insert_event(
    transaction: &mut Transaction<'_, Any>,
    row: &EventRow,
    owner: &str,
) -> Result<(), StoreError> {
    let written = sqlx::query(
        "INSERT INTO conversation_events (conversation, seq, kind, client_id, detected, lang, body, created_at) \
         SELECT number, $2, $3, $4, $5, $6, $7, $8 FROM conversations WHERE id = $1 AND owner = $9",
    )
    .bind(&row.conversation_id)
    .bind(row.seq)
    .bind(&row.kind)
    .bind(&row.client_id)
    .bind(&row.detected)
    .bind(&row.lang)
    .bind(&row.body)
    .bind(row.created_at)
    .bind(owner)
    .execute(&mut **transaction)
    .await
    .map_err(StoreError::from_write)?;
    if written.rows_affected() == 0 {
        return Err(StoreError::NotOwner);
    }
    Ok(())
}
