//! Handoffs (residents waiting for or talking with staff) and the callbacks
//! residents leave when nobody can answer.
//!
//! Written by the handoff queue's task as it changes, and read back whole at
//! start, so a restart keeps the queue and who has which chat.

use sqlx::Row;
use sqlx::any::AnyRow;

use super::{CaseRow, Store, StoreError, now_millis};
use crate::flows::reference::Reference;

/// An open handoff as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoffRow {
    pub id: String,
    pub conversation_id: String,
    pub lang: String,
    pub topic: Option<String>,
    pub urgent: bool,
    pub summary: String,
    pub page: Option<String>,
    /// `waiting` or `with_agent`.
    pub status: String,
    pub agent_id: Option<String>,
    pub agent_name: Option<String>,
    /// What the agent wrote while the resident was away.
    pub pending: Vec<String>,
    pub queued_at: i64,
    pub assigned_at: Option<i64>,
}

/// A new handoff, waiting.
#[derive(Debug, Clone, Copy)]
pub struct NewHandoff<'a> {
    pub id: &'a str,
    pub conversation_id: &'a str,
    pub lang: &'a str,
    pub topic: Option<&'a str>,
    pub urgent: bool,
    pub summary: &'a str,
    pub page: Option<&'a str>,
    pub queued_at: i64,
}

impl Store {
    /// Stores a new waiting handoff; a conversation with one open already is
    /// refused as a duplicate.
    pub async fn insert_handoff(&self, handoff: NewHandoff<'_>) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO handoffs (id, conversation_id, lang, topic, urgent, summary, page, status, pending, queued_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'waiting', '[]', $8)",
        )
        .bind(handoff.id)
        .bind(handoff.conversation_id)
        .bind(handoff.lang)
        .bind(handoff.topic)
        .bind(i64::from(handoff.urgent))
        .bind(handoff.summary)
        .bind(handoff.page)
        .bind(handoff.queued_at)
        .execute(self.pool())
        .await
        .map_err(StoreError::from_write)?;
        Ok(())
    }

    /// Gives a waiting handoff to an agent; false if it was no longer waiting
    /// (another instance's agent took it first).
    pub async fn assign_handoff(
        &self,
        id: &str,
        agent_id: &str,
        agent_name: &str,
        at: i64,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE handoffs SET status = 'with_agent', agent_id = $1, agent_name = $2, assigned_at = $3 \
             WHERE id = $4 AND status = 'waiting'",
        )
        .bind(agent_id)
        .bind(agent_name)
        .bind(at)
        .bind(id)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Passes a handoff in a chat to another agent.
    pub async fn reassign_handoff(
        &self,
        id: &str,
        agent_id: &str,
        agent_name: &str,
        at: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE handoffs SET agent_id = $1, agent_name = $2, assigned_at = $3 WHERE id = $4 AND status = 'with_agent'",
        )
        .bind(agent_id)
        .bind(agent_name)
        .bind(at)
        .bind(id)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Puts a handoff back in the queue, under `topic`.
    pub async fn requeue_handoff(&self, id: &str, topic: Option<&str>) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE handoffs SET status = 'waiting', agent_id = NULL, agent_name = NULL, assigned_at = NULL, topic = $1 \
             WHERE id = $2 AND status <> 'ended'",
        )
        .bind(topic)
        .bind(id)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Ends a handoff with its outcome.
    pub async fn end_handoff(&self, id: &str, outcome: &str) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE handoffs SET status = 'ended', outcome = $1, ended_at = $2 WHERE id = $3",
        )
        .bind(outcome)
        .bind(now_millis())
        .bind(id)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Keeps what an agent wrote while the resident was away.
    pub async fn set_handoff_pending(
        &self,
        id: &str,
        pending: &[String],
    ) -> Result<(), StoreError> {
        let pending = serde_json::to_string(pending).unwrap_or_else(|_| "[]".to_owned());
        sqlx::query("UPDATE handoffs SET pending = $1 WHERE id = $2")
            .bind(pending)
            .bind(id)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Every handoff not ended, oldest first.
    pub async fn open_handoffs(&self) -> Result<Vec<HandoffRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, conversation_id, lang, topic, urgent, summary, page, status, agent_id, agent_name, pending, queued_at, assigned_at \
             FROM handoffs WHERE status <> 'ended' ORDER BY queued_at",
        )
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(handoff_row).collect()
    }

    /// How a conversation's latest handoff ended, if it has ended.
    pub async fn handoff_outcome(
        &self,
        conversation_id: &str,
    ) -> Result<Option<String>, StoreError> {
        let row = sqlx::query(
            "SELECT outcome FROM handoffs WHERE conversation_id = $1 ORDER BY queued_at DESC LIMIT 1",
        )
        .bind(conversation_id)
        .fetch_all(self.pool())
        .await?
        .into_iter()
        .next();
        Ok(row.map(|row| row.try_get("outcome")).transpose()?.flatten())
    }

    /// Open cases that `intent` created: the callbacks residents asked for.
    pub async fn callbacks(&self, intent: &str) -> Result<Vec<CaseRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT reference FROM cases WHERE intent = $1 AND status = 'open' ORDER BY created_at",
        )
        .bind(intent)
        .fetch_all(self.pool())
        .await?;
        let mut cases = Vec::with_capacity(rows.len());
        for row in rows {
            let stored: String = row.try_get("reference")?;
            let reference = Reference::parse(&stored)
                .ok_or_else(|| StoreError::Corrupt(format!("case reference {stored:?}")))?;
            if let Some(case) = self.find_case(&reference).await? {
                cases.push(case);
            }
        }
        Ok(cases)
    }

    /// Sets a case's status; false if there is no such case.
    pub async fn set_case_status(
        &self,
        reference: &Reference,
        status: &str,
    ) -> Result<bool, StoreError> {
        let done =
            sqlx::query("UPDATE cases SET status = $1, updated_at = $2 WHERE reference = $3")
                .bind(status)
                .bind(now_millis())
                .bind(reference.as_str())
                .execute(self.pool())
                .await?;
        Ok(done.rows_affected() == 1)
    }
}

fn handoff_row(row: &AnyRow) -> Result<HandoffRow, StoreError> {
    let pending: String = row.try_get("pending")?;
    let urgent: i64 = row.try_get("urgent")?;
    Ok(HandoffRow {
        id: row.try_get("id")?,
        conversation_id: row.try_get("conversation_id")?,
        lang: row.try_get("lang")?,
        topic: row.try_get("topic")?,
        urgent: urgent != 0,
        summary: row.try_get("summary")?,
        page: row.try_get("page")?,
        status: row.try_get("status")?,
        agent_id: row.try_get("agent_id")?,
        agent_name: row.try_get("agent_name")?,
        pending: serde_json::from_str(&pending).map_err(|e| StoreError::Corrupt(e.to_string()))?,
        queued_at: row.try_get("queued_at")?,
        assigned_at: row.try_get("assigned_at")?,
    })
}
