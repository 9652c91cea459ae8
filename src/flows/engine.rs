//! Runs flows: asks each slot in turn, validates answers, confirms, and asks
//! the caller to perform actions (store a case, look one up) through
//! [`Progress::Effect`], resuming with the result. Pure: it reads and writes
//! only the flow's state, and speaks in [`Utterance`]s the conversation
//! localises.

use std::collections::BTreeMap;

use jiff::civil::Date;

use super::model::{Intent, IntentSet, SlotKind, Step, StepKind};
use super::payload;
use super::reference::Reference;
use super::slots::{self, Invalid, SlotValue};
use super::words::LanguageWords;

pub use super::progress::{
    ArgValue, ButtonSpec, CaseSummary, Effect, EffectResult, FlowState, NewCase, Progress,
    Utterance,
};
pub use super::speech::person_button;

/// Wrong answers to one question before a person is offered.
pub const MAX_TRIES: u8 = 3;

/// The resident's language and day, as the engine needs them.
pub struct Env<'a> {
    /// The resident's language (BCP 47), recorded with cases.
    pub lang: &'a str,
    pub words: &'a LanguageWords,
    pub today: Date,
    /// Localises a Fluent id in the resident's language (for choice labels).
    pub text: &'a dyn Fn(&str) -> String,
}

/// An answer to the waiting question, checked by [`Engine::check`] and not
/// yet applied: the value it gives, or why it is refused.
#[derive(Debug)]
pub struct Checked(Result<SlotValue, Invalid>);

impl Checked {
    /// Whether the question would take this answer.
    pub fn accepted(&self) -> bool {
        self.0.is_ok()
    }
}

/// Runs the council's flows.
pub struct Engine<'a> {
    pub intents: &'a IntentSet,
    pub env: Env<'a>,
}

impl Engine<'_> {
    /// Starts `intent` from its first step. Answers the starting `message`
    /// already gives in an unmistakable form (a reference number, a postcode, an
    /// email address, a phone number) are taken, and not asked for again.
    pub fn start(&self, flow: &mut Option<FlowState>, intent: &Intent, message: &str) -> Progress {
        let mut slots = BTreeMap::new();
        let context = slots::Context {
            words: self.env.words,
            today: self.env.today,
            labels: &[],
        };
        for step in &intent.steps {
            if let StepKind::Ask(slot) = &step.kind
                && matches!(
                    slot.kind,
                    SlotKind::Reference | SlotKind::Postcode | SlotKind::Email | SlotKind::Phone
                )
                && let Ok(value) = slots::validate(slot, message, None, &context)
            {
                slots.insert(slot.name.clone(), value);
            }
        }
        *flow = Some(FlowState {
            intent: intent.id.clone(),
            step: 0,
            slots,
            tries: 0,
        });
        self.advance(flow, Vec::new())
    }

    /// The resident answered the current question (typed, or `pressed` a button).
    pub fn answer(
        &self,
        flow: &mut Option<FlowState>,
        text: &str,
        pressed: Option<&str>,
    ) -> Progress {
        match self.check(flow, text, pressed) {
            Some(checked) => self.apply(flow, checked),
            None => self.advance(flow, Vec::new()),
        }
    }

    /// Whether `text` would be accepted as the answer to the waiting question,
    /// without answering it; `None` when nothing is waiting.
    pub fn would_accept(&self, flow: &Option<FlowState>, text: &str) -> Option<bool> {
        self.check(flow, text, None)
            .map(|checked| checked.accepted())
    }

    /// Checks an answer to the waiting question without answering it, so a
    /// caller can look at the outcome first and then [`Engine::apply`] it
    /// without checking again (localising and folding the question's choices
    /// is most of the cost). `None` when no question is waiting.
    pub fn check(
        &self,
        flow: &Option<FlowState>,
        text: &str,
        pressed: Option<&str>,
    ) -> Option<Checked> {
        let (_, step) = self.current(flow)?;
        let choice = pressed.and_then(|p| p.strip_prefix(payload::ANSWER_PREFIX));
        let yes_no;
        let (slot, labels) = match &step.kind {
            StepKind::Ask(slot) => (
                slot,
                slot.choices
                    .iter()
                    .map(|c| (self.env.text)(&c.label))
                    .collect::<Vec<_>>(),
            ),
            StepKind::Confirm { .. } => {
                yes_no = yes_no_slot();
                (&yes_no, Vec::new())
            }
            _ => return None,
        };
        let context = slots::Context {
            words: self.env.words,
            today: self.env.today,
            labels: &labels,
        };
        Some(Checked(slots::validate(slot, text, choice, &context)))
    }

    /// Answers the waiting question with an answer [`Engine::check`] checked.
    pub fn apply(&self, flow: &mut Option<FlowState>, checked: Checked) -> Progress {
        let Some((intent, step)) = self.current(flow) else {
            return self.advance(flow, Vec::new());
        };
        match (&step.kind, checked.0) {
            (StepKind::Ask(slot), Ok(value)) => self.accept(flow, slot.name.clone(), value),
            (StepKind::Confirm { .. }, Ok(yes)) if yes.value == "yes" => {
                self.next(flow, Vec::new())
            }
            (StepKind::Confirm { .. }, Ok(_)) => self.restart(flow, "flow-confirm-no"),
            (StepKind::Ask(_) | StepKind::Confirm { .. }, Err(invalid)) => {
                self.reject(flow, intent, step, invalid)
            }
            _ => self.advance(flow, Vec::new()),
        }
    }

    /// Continues after an effect the caller performed.
    pub fn resume(&self, flow: &mut Option<FlowState>, result: EffectResult) -> Progress {
        let Some((intent, step)) = self.current(flow) else {
            return Progress::Say(Vec::new());
        };
        let mut said = Vec::new();
        match (&step.kind, result) {
            (StepKind::CreateCase { message }, EffectResult::CaseCreated(reference)) => {
                if let Some(state) = flow.as_mut() {
                    let value = SlotValue {
                        value: reference.to_string(),
                        display: reference.to_string(),
                    };
                    state.slots.insert("reference".to_owned(), value);
                }
                said.push(self.utter(intent, message, flow, true));
            }
            (StepKind::CaseStatus { found, .. }, EffectResult::CaseFound(Some(case))) => {
                let mut utterance = self.utter(intent, found, flow, false);
                utterance.args.push((
                    "status".to_owned(),
                    ArgValue::Message(format!("case-status-{}", case.status.replace('_', "-"))),
                ));
                utterance.args.push((
                    "date".to_owned(),
                    ArgValue::Text(self.date_display(case.created)),
                ));
                let topic = match self.intents.get(&case.intent).and_then(|i| i.title.clone()) {
                    Some(title) => ArgValue::Message(title),
                    None => ArgValue::Text(case.intent),
                };
                utterance.args.push(("topic".to_owned(), topic));
                said.push(utterance);
            }
            (StepKind::CaseStatus { not_found, .. }, EffectResult::CaseFound(None)) => {
                said.push(self.utter(intent, not_found, flow, false));
            }
            _ => {
                *flow = None;
                let mut failed = self.say_generic(intent, "flow-action-failed");
                failed.buttons.push(person_button(&intent.topic));
                return Progress::Say(vec![failed]);
            }
        }
        if step.end {
            *flow = None;
            return Progress::Say(said);
        }
        self.next(flow, said)
    }

    /// The current question again (after a language change, or "carry on").
    pub fn ask_again(&self, flow: &mut Option<FlowState>) -> Progress {
        self.advance(flow, Vec::new())
    }

    /// Clears the answers and starts the flow again, after `message`.
    pub fn restart(&self, flow: &mut Option<FlowState>, message: &str) -> Progress {
        let Some(state) = flow.as_mut() else {
            return Progress::Say(Vec::new());
        };
        state.step = 0;
        state.slots.clear();
        state.tries = 0;
        let intent = state.intent.clone();
        let said = self
            .intents
            .get(&intent)
            .map(|i| vec![self.say_generic(i, message)])
            .unwrap_or_default();
        self.advance(flow, said)
    }

    fn current<'i>(&'i self, flow: &Option<FlowState>) -> Option<(&'i Intent, &'i Step)> {
        let state = flow.as_ref()?;
        let intent = self.intents.get(&state.intent)?;
        Some((intent, intent.steps.get(state.step)?))
    }

    fn accept(&self, flow: &mut Option<FlowState>, name: String, value: SlotValue) -> Progress {
        if let Some(state) = flow.as_mut() {
            state.slots.insert(name, value);
        }
        self.next(flow, Vec::new())
    }

    fn next(&self, flow: &mut Option<FlowState>, said: Vec<Utterance>) -> Progress {
        if let Some(state) = flow.as_mut() {
            state.step += 1;
            state.tries = 0;
        }
        self.advance(flow, said)
    }

    fn reject(
        &self,
        flow: &mut Option<FlowState>,
        intent: &Intent,
        step: &Step,
        invalid: Invalid,
    ) -> Progress {
        let tries = flow.as_mut().map_or(MAX_TRIES, |state| {
            state.tries = state.tries.saturating_add(1);
            state.tries
        });
        if tries >= MAX_TRIES {
            if let Some(state) = flow.as_mut() {
                state.tries = 0;
            }
            let mut stuck = self.say_generic(intent, "slot-too-many-tries");
            stuck.buttons.push(person_button(&intent.topic));
            stuck.buttons.push(ButtonSpec {
                label: "button-cancel".to_owned(),
                payload: format!("{}cancel", payload::COMMAND_PREFIX),
            });
            return Progress::Say(vec![stuck]);
        }
        let mut why = self.say_generic(intent, invalid.message_id());
        if let StepKind::Ask(slot) = &step.kind {
            let bound = |value: Option<f64>| {
                ArgValue::Text(value.map(|v| v.to_string()).unwrap_or_default())
            };
            why.args.push(("min".to_owned(), bound(slot.min)));
            why.args.push(("max".to_owned(), bound(slot.max)));
        }
        let mut said = vec![why];
        said.extend(self.question(intent, step, flow));
        Progress::Say(said)
    }

    /// Runs steps from the current one until one waits for the resident, asks
    /// for an effect, hands off, or the flow ends.
    fn advance(&self, flow: &mut Option<FlowState>, mut said: Vec<Utterance>) -> Progress {
        loop {
            let Some(state) = flow.as_ref() else {
                return Progress::Say(said);
            };
            let Some(intent) = self.intents.get(&state.intent) else {
                // The flow was removed by a content change.
                *flow = None;
                return Progress::Say(said);
            };
            let Some(step) = intent.steps.get(state.step) else {
                *flow = None;
                return Progress::Say(said);
            };
            if !conditions_hold(step, &state.slots) {
                if let Some(state) = flow.as_mut() {
                    state.step += 1;
                }
                continue;
            }
            match &step.kind {
                StepKind::Ask(slot) if state.slots.contains_key(&slot.name) => {
                    if let Some(state) = flow.as_mut() {
                        state.step += 1;
                    }
                }
                StepKind::Ask(_) | StepKind::Confirm { .. } => {
                    said.extend(self.question(intent, step, flow));
                    return Progress::Say(said);
                }
                StepKind::Say { message, links } => {
                    let mut utterance = self.utter(intent, message, flow, false);
                    utterance.links.clone_from(links);
                    said.push(utterance);
                    if step.end {
                        *flow = None;
                        return Progress::Say(said);
                    }
                    if let Some(state) = flow.as_mut() {
                        state.step += 1;
                    }
                }
                StepKind::CreateCase { .. } => {
                    let slots = state
                        .slots
                        .iter()
                        .map(|(name, value)| (name.clone(), value.value.clone()))
                        .collect();
                    let case = NewCase {
                        intent: intent.id.clone(),
                        topic: intent.topic.clone(),
                        lang: self.env.lang.to_owned(),
                        slots,
                    };
                    return Progress::Effect(said, Effect::CreateCase(case));
                }
                StepKind::CaseStatus { slot, .. } => {
                    let Some(reference) = state
                        .slots
                        .get(slot)
                        .and_then(|v| Reference::parse(&v.value))
                    else {
                        *flow = None;
                        return Progress::Say(said);
                    };
                    return Progress::Effect(said, Effect::FindCase(reference));
                }
                StepKind::Handoff => {
                    let topic = intent.topic.clone();
                    *flow = None;
                    return Progress::Handoff(said, topic);
                }
            }
        }
    }
}

fn conditions_hold(step: &Step, slots: &BTreeMap<String, SlotValue>) -> bool {
    step.when.iter().all(|condition| {
        slots
            .get(&condition.slot)
            .is_some_and(|value| condition.values.contains(&value.value))
    })
}

/// A confirmation read as a yes/no question.
fn yes_no_slot() -> super::model::Slot {
    super::model::Slot {
        name: String::new(),
        kind: SlotKind::YesNo,
        prompt: String::new(),
        choices: Vec::new(),
        not_future: false,
        not_past: false,
        min: None,
        max: None,
    }
}

#[cfg(test)]
#[path = "engine_tests.rs"]
mod tests;
