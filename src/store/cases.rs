//! Cases residents report through flows, with their reference numbers; and
//! [`CaseDesk`], the conversation's [`Services`] backed by this store.

use std::collections::BTreeMap;

use jiff::tz::TimeZone;
use sqlx::Row;

use super::{Store, StoreError, now_millis};
use crate::conversation::Services;
use crate::flows::engine::{CaseSummary, Effect, EffectResult, NewCase};
use crate::flows::reference::{RANDOM_CHARS, Reference};

/// References tried before a case is given up (a clash is one in millions).
const REFERENCE_ATTEMPTS: usize = 8;

/// A stored case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRow {
    pub reference: Reference,
    pub conversation_id: Option<String>,
    pub intent: String,
    pub topic: String,
    pub lang: String,
    pub details: BTreeMap<String, String>,
    /// `open`, `in_progress` or `closed`.
    pub status: String,
    pub created_at: i64,
}

impl Store {
    /// Stores a new case under a fresh, unique reference.
    pub async fn create_case(
        &self,
        case: &NewCase,
        conversation_id: Option<&str>,
    ) -> Result<Reference, StoreError> {
        let details = serde_json::to_string(&case.slots).unwrap_or_default();
        for _ in 0..REFERENCE_ATTEMPTS {
            let reference = random_reference();
            let now = now_millis();
            let inserted = sqlx::query(
                "INSERT INTO cases (reference, conversation_id, intent, topic, lang, details, status, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8)",
            )
            .bind(reference.as_str())
            .bind(conversation_id)
            .bind(&case.intent)
            .bind(&case.topic)
            .bind(&case.lang)
            .bind(&details)
            .bind(now)
            .bind(now)
            .execute(self.pool())
            .await;
            match inserted {
                Ok(_) => return Ok(reference),
                Err(error)
                    if error
                        .as_database_error()
                        .is_some_and(|db| db.is_unique_violation()) =>
                {
                    continue;
                }
                Err(error) => return Err(error.into()),
            }
        }
        Err(StoreError::Corrupt(
            "no free reference number after several tries".to_owned(),
        ))
    }

    /// The case with this reference, if there is one.
    pub async fn find_case(&self, reference: &Reference) -> Result<Option<CaseRow>, StoreError> {
        let row = sqlx::query(
            "SELECT reference, conversation_id, intent, topic, lang, details, status, created_at FROM cases WHERE reference = $1",
        )
        .bind(reference.as_str())
        .fetch_all(self.pool())
        .await?
        .into_iter()
        .next();
        let Some(row) = row else { return Ok(None) };
        let stored: String = row.try_get("reference")?;
        let details: String = row.try_get("details")?;
        Ok(Some(CaseRow {
            reference: Reference::parse(&stored)
                .ok_or_else(|| StoreError::Corrupt(format!("case reference {stored:?}")))?,
            conversation_id: row.try_get("conversation_id")?,
            intent: row.try_get("intent")?,
            topic: row.try_get("topic")?,
            lang: row.try_get("lang")?,
            details: serde_json::from_str(&details)
                .map_err(|e| StoreError::Corrupt(e.to_string()))?,
            status: row.try_get("status")?,
            created_at: row.try_get("created_at")?,
        }))
    }
}

fn random_reference() -> Reference {
    let mut bytes = [0_u8; RANDOM_CHARS];
    getrandom::fill(&mut bytes)
        .unwrap_or_else(|error| panic!("the operating system's random source failed: {error}"));
    Reference::from_random(bytes)
}

/// A conversation's services, backed by the store and the council's clock.
pub struct CaseDesk<'a> {
    pub store: &'a Store,
    pub zone: &'a TimeZone,
    /// The conversation cases are created from, if it has an id.
    pub conversation_id: Option<&'a str>,
}

impl Services for CaseDesk<'_> {
    fn today(&self) -> jiff::civil::Date {
        jiff::Timestamp::now().to_zoned(self.zone.clone()).date()
    }

    async fn perform(&self, effect: &Effect) -> EffectResult {
        match effect {
            Effect::CreateCase(case) => {
                match self.store.create_case(case, self.conversation_id).await {
                    Ok(reference) => {
                        tracing::info!(topic = %case.topic, "case created");
                        EffectResult::CaseCreated(reference)
                    }
                    Err(error) => {
                        tracing::error!(%error, "could not store a case");
                        EffectResult::Failed
                    }
                }
            }
            Effect::FindCase(reference) => match self.store.find_case(reference).await {
                Ok(case) => EffectResult::CaseFound(case.map(|case| {
                    CaseSummary {
                        created: jiff::Timestamp::from_millisecond(case.created_at)
                            .map(|t| t.to_zoned(self.zone.clone()).date())
                            .unwrap_or_else(|_| self.today()),
                        reference: case.reference,
                        intent: case.intent,
                        status: case.status,
                    }
                })),
                Err(error) => {
                    tracing::error!(%error, "could not look a case up");
                    EffectResult::Failed
                }
            },
        }
    }
}
