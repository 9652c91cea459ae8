//! Staff accounts and their console sign-in sessions. Reads and writes go
//! straight to the pool: they are rare, small and need no batching.
//!
//! A session's token is never stored, only its SHA-256, so a copy of the
//! database signs no one in. Removing an account or changing its password
//! ends its sessions.

use std::time::Duration;

use sqlx::Row;
use sqlx::any::AnyRow;

use super::{Store, StoreError, now_millis};
use crate::lang::LangTag;
use crate::staff::{Agent, Role, TOKEN_BYTES, random_hex, token_hash};

/// `SELECT`s an account's columns, in the order [`agent_from_row`] reads them.
macro_rules! select_agents {
    ($rest:literal) => {
        concat!(
            "SELECT id, name, languages, topics, role, password_hash FROM agents ",
            $rest
        )
    };
}

/// An account with its password hash: for checking a password, nothing else.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub agent: Agent,
    /// An Argon2id PHC string.
    pub password_hash: String,
}

/// A console sign-in that has not expired, and whose it is.
#[derive(Debug, Clone)]
pub struct StaffSession {
    pub agent: Agent,
    /// What state-changing requests must echo in `X-CSRF-Token`.
    pub csrf: String,
    pub expires_at: i64,
}

impl Store {
    /// Stores a new account; a name already taken is [`StoreError::Duplicate`].
    pub async fn add_agent(&self, agent: &Agent, password_hash: &str) -> Result<(), StoreError> {
        let now = now_millis();
        sqlx::query(
            "INSERT INTO agents (id, name, password_hash, languages, topics, role, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&agent.id)
        .bind(&agent.name)
        .bind(password_hash)
        .bind(json_list(agent.languages.iter().map(LangTag::as_str)))
        .bind(json_list(agent.topics.iter().map(String::as_str)))
        .bind(agent.role.as_str())
        .bind(now)
        .bind(now)
        .execute(self.pool())
        .await
        .map_err(StoreError::from_write)?;
        Ok(())
    }

    pub async fn agent_by_name(&self, name: &str) -> Result<Option<Agent>, StoreError> {
        Ok(self.credentials(name).await?.map(|found| found.agent))
    }

    pub async fn agent_by_id(&self, id: &str) -> Result<Option<Agent>, StoreError> {
        let row = sqlx::query(select_agents!("WHERE id = $1"))
            .bind(id)
            .fetch_all(self.pool())
            .await?
            .into_iter()
            .next();
        row.map(|row| agent_from_row(&row)).transpose()
    }

    /// The account signing in as `name`, with its password hash.
    pub async fn credentials(&self, name: &str) -> Result<Option<Credentials>, StoreError> {
        let row = sqlx::query(select_agents!("WHERE name = $1"))
            .bind(name)
            .fetch_all(self.pool())
            .await?
            .into_iter()
            .next();
        let Some(row) = row else { return Ok(None) };
        Ok(Some(Credentials {
            agent: agent_from_row(&row)?,
            password_hash: row.try_get("password_hash")?,
        }))
    }

    /// Every account, by name.
    pub async fn list_agents(&self) -> Result<Vec<Agent>, StoreError> {
        let rows = sqlx::query(select_agents!("ORDER BY name"))
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(agent_from_row).collect()
    }

    /// Removes the account and ends its sessions; `false` if there was none.
    pub async fn remove_agent(&self, name: &str) -> Result<bool, StoreError> {
        let mut transaction = self.pool().begin().await?;
        sqlx::query(
            "DELETE FROM staff_sessions WHERE agent_id IN (SELECT id FROM agents WHERE name = $1)",
        )
        .bind(name)
        .execute(&mut *transaction)
        .await?;
        let removed = sqlx::query("DELETE FROM agents WHERE name = $1")
            .bind(name)
            .execute(&mut *transaction)
            .await?;
        transaction.commit().await?;
        Ok(removed.rows_affected() > 0)
    }

    /// Replaces the password hash and ends the account's sessions, so a
    /// password changed because it leaked locks the leaker out at once;
    /// `false` if there is no such account.
    pub async fn set_password(&self, name: &str, password_hash: &str) -> Result<bool, StoreError> {
        let mut transaction = self.pool().begin().await?;
        let updated =
            sqlx::query("UPDATE agents SET password_hash = $1, updated_at = $2 WHERE name = $3")
                .bind(password_hash)
                .bind(now_millis())
                .bind(name)
                .execute(&mut *transaction)
                .await?;
        sqlx::query(
            "DELETE FROM staff_sessions WHERE agent_id IN (SELECT id FROM agents WHERE name = $1)",
        )
        .bind(name)
        .execute(&mut *transaction)
        .await?;
        transaction.commit().await?;
        Ok(updated.rows_affected() > 0)
    }

    /// Starts a console session for the account, lasting `lifetime`; returns
    /// the session token (for the cookie) and its CSRF token. Expired
    /// sessions are cleared out on the way.
    pub async fn create_session(
        &self,
        agent_id: &str,
        lifetime: Duration,
    ) -> Result<(String, String), StoreError> {
        let now = now_millis();
        let lifetime = i64::try_from(lifetime.as_millis()).unwrap_or(i64::MAX);
        sqlx::query("DELETE FROM staff_sessions WHERE expires_at <= $1")
            .bind(now)
            .execute(self.pool())
            .await?;
        let token = random_hex(TOKEN_BYTES);
        let csrf = random_hex(TOKEN_BYTES);
        sqlx::query(
            "INSERT INTO staff_sessions (token_hash, agent_id, csrf_token, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash(&token))
        .bind(agent_id)
        .bind(&csrf)
        .bind(now)
        .bind(now.saturating_add(lifetime))
        .execute(self.pool())
        .await
        .map_err(StoreError::from_write)?;
        Ok((token, csrf))
    }

    /// The unexpired session with this token, and its account as it is now.
    pub async fn session_by_token(&self, token: &str) -> Result<Option<StaffSession>, StoreError> {
        let row = sqlx::query(
            "SELECT a.id, a.name, a.languages, a.topics, a.role, s.csrf_token, s.expires_at \
             FROM staff_sessions s JOIN agents a ON a.id = s.agent_id \
             WHERE s.token_hash = $1 AND s.expires_at > $2",
        )
        .bind(token_hash(token))
        .bind(now_millis())
        .fetch_all(self.pool())
        .await?
        .into_iter()
        .next();
        let Some(row) = row else { return Ok(None) };
        Ok(Some(StaffSession {
            agent: agent_from_row(&row)?,
            csrf: row.try_get("csrf_token")?,
            expires_at: row.try_get("expires_at")?,
        }))
    }

    /// Ends the session with this token, if there is one.
    pub async fn delete_session(&self, token: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM staff_sessions WHERE token_hash = $1")
            .bind(token_hash(token))
            .execute(self.pool())
            .await?;
        Ok(())
    }
}

fn json_list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    serde_json::to_string(&items.collect::<Vec<_>>()).unwrap_or_else(|_| "[]".to_owned())
}

fn agent_from_row(row: &AnyRow) -> Result<Agent, StoreError> {
    let corrupt = |what: &str| StoreError::Corrupt(format!("agent {what}"));
    let languages: String = row.try_get("languages")?;
    let languages: Vec<String> =
        serde_json::from_str(&languages).map_err(|_| corrupt("languages"))?;
    let topics: String = row.try_get("topics")?;
    let role: String = row.try_get("role")?;
    Ok(Agent {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        languages: languages
            .iter()
            .map(|tag| LangTag::parse(tag))
            .collect::<Result<_, _>>()
            .map_err(|_| corrupt("languages"))?,
        topics: serde_json::from_str(&topics).map_err(|_| corrupt("topics"))?,
        role: role.parse::<Role>().map_err(|_| corrupt("role"))?,
    })
}
