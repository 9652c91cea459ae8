//! What the engine says: questions with their buttons, and messages carrying
//! the flow's answers as arguments.

use jiff::civil::Date;

use super::engine::{ArgValue, ButtonSpec, Engine, FlowState, Utterance};
use super::model::{Intent, SlotKind, Step, StepKind};
use super::payload;

impl Engine<'_> {
    /// The question a waiting step asks, with its buttons.
    pub(super) fn question(
        &self,
        intent: &Intent,
        step: &Step,
        flow: &Option<FlowState>,
    ) -> Vec<Utterance> {
        match &step.kind {
            StepKind::Ask(slot) => {
                let mut prompt = self.utter(intent, &slot.prompt, flow, false);
                prompt.buttons = match slot.kind {
                    SlotKind::Choice => slot
                        .choices
                        .iter()
                        .map(|c| ButtonSpec {
                            label: c.label.clone(),
                            payload: format!("{}{}", payload::ANSWER_PREFIX, c.value),
                        })
                        .collect(),
                    SlotKind::YesNo => yes_no_buttons(),
                    _ => Vec::new(),
                };
                vec![prompt]
            }
            StepKind::Confirm { message } => {
                let mut confirm = self.utter(intent, message, flow, true);
                confirm.buttons = yes_no_buttons();
                vec![confirm]
            }
            _ => Vec::new(),
        }
    }

    /// A message with the flow's answers as arguments.
    pub(super) fn utter(
        &self,
        intent: &Intent,
        message: &str,
        flow: &Option<FlowState>,
        personal: bool,
    ) -> Utterance {
        let mut args = Vec::new();
        let mut holds_personal = false;
        if let Some(state) = flow {
            for (name, value) in &state.slots {
                let slot = intent.steps.iter().find_map(|s| match &s.kind {
                    StepKind::Ask(slot) if &slot.name == name => Some(slot),
                    _ => None,
                });
                let argument = match slot.map(|s| s.kind) {
                    Some(SlotKind::Choice) => ArgValue::Message(value.display.clone()),
                    Some(SlotKind::YesNo) => ArgValue::Message(format!("button-{}", value.value)),
                    _ => ArgValue::Text(value.display.clone()),
                };
                holds_personal |= slot.is_some_and(|s| s.kind.is_personal());
                args.push((name.clone(), argument));
            }
        }
        Utterance {
            message: message.to_owned(),
            args,
            buttons: Vec::new(),
            links: Vec::new(),
            personal: personal && holds_personal,
            intent: intent.id.clone(),
        }
    }

    pub(super) fn say_generic(&self, intent: &Intent, message: &str) -> Utterance {
        Utterance {
            message: message.to_owned(),
            args: Vec::new(),
            buttons: Vec::new(),
            links: Vec::new(),
            personal: false,
            intent: intent.id.clone(),
        }
    }

    pub(super) fn date_display(&self, date: Date) -> String {
        self.env.words.date_display(date)
    }
}

pub(super) fn yes_no_buttons() -> Vec<ButtonSpec> {
    vec![
        ButtonSpec {
            label: "button-yes".to_owned(),
            payload: format!("{}yes", payload::ANSWER_PREFIX),
        },
        ButtonSpec {
            label: "button-no".to_owned(),
            payload: format!("{}no", payload::ANSWER_PREFIX),
        },
    ]
}

/// The "speak to a person" button about `topic`.
pub fn person_button(topic: &str) -> ButtonSpec {
    ButtonSpec {
        label: "button-speak-to-person".to_owned(),
        payload: format!("{}:{topic}", payload::HANDOFF),
    }
}
