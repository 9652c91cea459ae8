//! SQLite's way of committing a batch of units: the whole batch in one call
//! to the connection's thread, whatever its size. A statement per chunk plus
//! `BEGIN` and `COMMIT` each took a call and a wake-up of the writer task.
//!
//! The statement text never changes, so it stays prepared. Its three
//! parameters carry every row:
//!
//! - `?1`: the conversations' rows as a JSON array of arrays,
//! - `?2`: the events' rows, likewise,
//! - `?3`: the long texts (each state and each event's body) one after the
//!   other as a blob. The rows name each text by its byte offset and length,
//!   and `substr` cuts it out. The texts are themselves JSON, and inside a
//!   JSON array every quote in them would be escaped here and unescaped again
//!   by SQLite: most of what the batch carries, and most of its cost.
//!
//! `jsonb_each` parses each array once; each row's fields are then read from
//! the binary form.
//!
//! There is no row count to check in between, so a conversation another
//! session owns must stop the statement itself: its upsert sets `owner` to
//! NULL, which the column refuses. Any error leaves the transaction open;
//! [`rollback`] ends it, and the caller writes each unit on its own to find
//! which one failed and why.

use super::StoreError;
use super::conversations::Unit;

const BATCH: &str = "BEGIN; \
    INSERT INTO conversations (id, resume_token_hash, lang, state, owner, next_seq, created_at, updated_at) \
    SELECT value ->> 0, value ->> 1, value ->> 2, CAST(substr(?3, value ->> 3, value ->> 4) AS TEXT), \
    value ->> 5, value ->> 6, value ->> 7, value ->> 8 \
    FROM jsonb_each(?1) WHERE true \
    ON CONFLICT (id) DO UPDATE SET lang = excluded.lang, state = excluded.state, \
    next_seq = excluded.next_seq, updated_at = excluded.updated_at, \
    owner = CASE WHEN conversations.owner = excluded.owner THEN excluded.owner END; \
    INSERT INTO conversation_events (conversation, seq, kind, client_id, detected, lang, body, created_at) \
    SELECT (SELECT number FROM conversations WHERE id = value ->> 0), value ->> 1, value ->> 2, \
    value ->> 3, value ->> 4, value ->> 5, CAST(substr(?3, value ->> 6, value ->> 7) AS TEXT), value ->> 8 \
    FROM jsonb_each(?2); \
    COMMIT";

/// The batch's long texts, end to end.
#[derive(Default)]
struct Texts(Vec<u8>);

impl Texts {
    /// Adds `text` and says where it is: its 1-based byte offset (as `substr`
    /// counts in a blob) and its length in bytes.
    fn add(&mut self, text: &str) -> (usize, usize) {
        let at = self.0.len() + 1;
        self.0.extend_from_slice(text.as_bytes());
        (at, text.len())
    }
}

pub(super) async fn write_units(
    connection: &mut sqlx::AnyConnection,
    units: &[&Unit],
) -> Result<(), StoreError> {
    let mut texts = Texts::default();
    let mut conversations = Vec::with_capacity(units.len());
    let mut events = Vec::with_capacity(units.len() * 2);
    for unit in units {
        let row = &unit.conversation;
        let (at, len) = texts.add(&row.state);
        conversations.push((
            &row.id,
            &row.resume_token_hash,
            &row.lang,
            at,
            len,
            &row.owner,
            row.next_seq,
            row.created_at,
            row.updated_at,
        ));
        for event in &unit.events {
            let (at, len) = texts.add(&event.body);
            events.push((
                &event.conversation_id,
                event.seq,
                &event.kind,
                &event.client_id,
                &event.detected,
                &event.lang,
                at,
                len,
                event.created_at,
            ));
        }
    }
    let encode = |error: serde_json::Error| StoreError::Database(sqlx::Error::Encode(error.into()));
    let conversations = serde_json::to_string(&conversations).map_err(encode)?;
    let events = serde_json::to_string(&events).map_err(encode)?;
    sqlx::query(BATCH)
        .bind(conversations)
        .bind(events)
        .bind(texts.0)
        .execute(&mut *connection)
        .await?;
    Ok(())
}

/// Ends a transaction that [`write_units`] left open after an error.
pub(super) async fn rollback(connection: &mut sqlx::AnyConnection) -> Result<(), StoreError> {
    use sqlx::Executor;
    match connection.execute("ROLLBACK").await {
        Ok(_) => Ok(()),
        // The failed statement may have ended the transaction itself.
        Err(sqlx::Error::Database(error)) if error.message().contains("no transaction") => Ok(()),
        Err(error) => Err(error.into()),
    }
}
