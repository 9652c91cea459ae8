//! [`Services`] kept in memory with a fixed date: for tests, and anywhere a
//! conversation should run without a database.

use std::sync::{Mutex, PoisonError};

use jiff::civil::Date;

use super::{HandoffWish, Services};
use crate::flows::engine::{CaseSummary, Effect, EffectResult, NewCase};
use crate::flows::reference::Reference;
use crate::handoff::{Place, Unavailable};

/// Cases in memory, a calendar that always says `today`, and a queue that
/// always gives the same answer.
pub struct InMemoryServices {
    today: Date,
    cases: Mutex<Vec<(Reference, NewCase)>>,
    handoff: Result<Place, Unavailable>,
    wishes: Mutex<Vec<HandoffWish>>,
}

impl InMemoryServices {
    pub fn new(today: Date) -> InMemoryServices {
        InMemoryServices {
            today,
            cases: Mutex::new(Vec::new()),
            handoff: Err(Unavailable::NoAgent),
            wishes: Mutex::new(Vec::new()),
        }
    }

    /// The same, with the queue answering every request for a person so.
    pub fn with_handoff(mut self, answer: Result<Place, Unavailable>) -> InMemoryServices {
        self.handoff = answer;
        self
    }

    /// What residents asked the queue for so far.
    pub fn wishes(&self) -> Vec<HandoffWish> {
        self.wishes
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
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

    async fn request_handoff(&self, wish: HandoffWish) -> Result<Place, Unavailable> {
        self.wishes
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(wish);
        self.handoff
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
