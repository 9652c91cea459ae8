//! [`Services`] kept in memory with a fixed date: for tests, and anywhere a
//! conversation should run without a database.

use std::sync::{Mutex, PoisonError};

use jiff::civil::Date;

use super::Services;
use crate::flows::engine::{CaseSummary, Effect, EffectResult, NewCase};
use crate::flows::reference::Reference;

/// Cases in memory, and a calendar that always says `today`.
pub struct InMemoryServices {
    today: Date,
    cases: Mutex<Vec<(Reference, NewCase)>>,
}

impl InMemoryServices {
    pub fn new(today: Date) -> InMemoryServices {
        InMemoryServices {
            today,
            cases: Mutex::new(Vec::new()),
        }
    }

    /// The cases created so far.
    pub fn cases(&self) -> Vec<(Reference, NewCase)> {
        self.cases
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

impl Services for InMemoryServices {
    fn today(&self) -> Date {
        self.today
    }

    async fn perform(&self, effect: &Effect) -> EffectResult {
        let mut cases = self.cases.lock().unwrap_or_else(PoisonError::into_inner);
        match effect {
            Effect::CreateCase(case) => {
                let count = u8::try_from(cases.len() % 256).unwrap_or(0);
                let reference = Reference::from_random([7, 3, 11, count / 32, count % 32]);
                cases.push((reference.clone(), case.clone()));
                EffectResult::CaseCreated(reference)
            }
            Effect::FindCase(reference) => {
                EffectResult::CaseFound(cases.iter().find(|(r, _)| r == reference).map(
                    |(r, case)| CaseSummary {
                        reference: r.clone(),
                        intent: case.intent.clone(),
                        status: "open".to_owned(),
                        created: self.today,
                    },
                ))
            }
        }
    }
}
