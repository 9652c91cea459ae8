//! One step of a flow: a question, a confirmation, something said, or an action.

use super::file::{ChoiceFile, OneOrMany, StepFile, TextSpec};
use super::{Parser, is_identifier, is_variable};
use crate::flows::model::{Choice, Condition, Slot, SlotKind, Step, StepKind};
use crate::yaml;

impl Parser<'_> {
    pub(super) fn step(&mut self, step: StepFile, number: usize) -> Option<Step> {
        let when = step
            .when
            .iter()
            .map(|(slot, values)| Condition {
                slot: slot.clone(),
                values: match values {
                    OneOrMany::One(value) => vec![value.clone()],
                    OneOrMany::Many(values) => values.clone(),
                },
            })
            .collect();
        let end = step.end;
        let kinds = [
            step.ask.is_some(),
            step.say.is_some() && step.action.is_none(),
            step.confirm.is_some(),
            step.action.is_some(),
        ];
        let line = self.step_line(&step);
        if kinds.iter().filter(|k| **k).count() != 1 {
            self.error(
                line,
                format!(
                    "step {number} must have exactly one of `ask`, `say`, `confirm` or `action`"
                ),
            );
            return None;
        }
        let place = format!("step-{number}");
        let kind = if let Some(slot) = step.ask.clone() {
            StepKind::Ask(self.slot(slot, step, &place, line)?)
        } else if let Some(message) = step.confirm {
            StepKind::Confirm {
                message: self.text_id(message, &place, "confirm"),
            }
        } else if let Some(action) = step.action.clone() {
            self.action(&action, step, &place, line)?
        } else {
            let message = self.text_id(step.say?, &place, "say");
            let links = self.links(step.links, &place);
            StepKind::Say { message, links }
        };
        Some(Step {
            kind,
            when,
            end,
            line,
        })
    }

    pub(super) fn step_line(&self, step: &StepFile) -> Option<usize> {
        let find = |key: &str, value: &Option<String>| {
            value
                .as_deref()
                .and_then(|v| yaml::line_of(self.text, key, v))
        };
        find("ask", &step.ask)
            .or_else(|| find("action", &step.action))
            .or_else(|| match &step.say {
                Some(TextSpec::Id(id)) => yaml::line_of(self.text, "say", id),
                _ => None,
            })
            .or_else(|| match &step.confirm {
                Some(TextSpec::Id(id)) => yaml::line_of(self.text, "confirm", id),
                _ => None,
            })
    }

    pub(super) fn slot(
        &mut self,
        name: String,
        step: StepFile,
        place: &str,
        line: Option<usize>,
    ) -> Option<Slot> {
        if !is_variable(&name) {
            self.error(line, format!("slot name {name:?} must be letters, digits and underscores, starting with a letter (it becomes the Fluent variable ${name})"));
            return None;
        }
        let Some(type_name) = step.kind.as_deref() else {
            self.error(
                line,
                format!(
                    "slot `{name}` needs a `type`: one of {}",
                    SlotKind::NAMES.join(", ")
                ),
            );
            return None;
        };
        let Some(kind) = SlotKind::parse(type_name) else {
            self.error(
                yaml::line_of(self.text, "type", type_name),
                format!(
                    "unknown slot type {type_name:?}; the types are {}",
                    SlotKind::NAMES.join(", ")
                ),
            );
            return None;
        };
        let Some(prompt) = step.prompt else {
            self.error(
                line,
                format!("slot `{name}` needs a `prompt`: the question to ask"),
            );
            return None;
        };
        let prompt = self.text_id(prompt, &format!("{place}-prompt"), "prompt");
        let choices = match (kind, step.choices) {
            (SlotKind::Choice, Some(choices)) if !choices.is_empty() => {
                self.choices(choices, place)
            }
            (SlotKind::Choice, _) => {
                self.error(
                    line,
                    format!("slot `{name}` is a choice, so it needs `choices`"),
                );
                return None;
            }
            (_, Some(_)) => {
                self.error(
                    line,
                    format!("slot `{name}` has `choices`, but only type choice uses them"),
                );
                Vec::new()
            }
            (_, None) => Vec::new(),
        };
        Some(Slot {
            name,
            kind,
            prompt,
            choices,
            not_future: step.not_future,
            not_past: step.not_past,
            min: step.min,
            max: step.max,
        })
    }

    pub(super) fn choices(&mut self, choices: Vec<ChoiceFile>, place: &str) -> Vec<Choice> {
        choices
            .into_iter()
            .map(|choice| {
                if !is_identifier(&choice.value) {
                    self.error(
                        yaml::line_of(self.text, "value", &choice.value),
                        format!(
                            "choice value {:?} must be lowercase letters, digits and dashes",
                            choice.value
                        ),
                    );
                }
                let label =
                    self.text_id(choice.label, &format!("{place}-{}", choice.value), "label");
                Choice {
                    value: choice.value,
                    label,
                }
            })
            .collect()
    }

    pub(super) fn action(
        &mut self,
        action: &str,
        step: StepFile,
        place: &str,
        line: Option<usize>,
    ) -> Option<StepKind> {
        match action {
            "create_case" => {
                let Some(say) = step.say else {
                    self.error(line, "action create_case needs `say`: the message that gives the resident their { $reference }".to_owned());
                    return None;
                };
                Some(StepKind::CreateCase {
                    message: self.text_id(say, place, "say"),
                })
            }
            "case_status" => {
                let (Some(slot), Some(found), Some(not_found)) =
                    (step.slot, step.found, step.not_found)
                else {
                    self.error(line, "action case_status needs `slot` (the reference slot), `found` and `not_found`".to_owned());
                    return None;
                };
                let found = self.text_id(found, &format!("{place}-found"), "found");
                let not_found = self.text_id(not_found, &format!("{place}-not-found"), "not_found");
                Some(StepKind::CaseStatus {
                    slot,
                    found,
                    not_found,
                })
            }
            "handoff" => Some(StepKind::Handoff),
            other => {
                self.error(
                    line,
                    format!(
                        "unknown action {other:?}; actions are create_case, case_status and handoff"
                    ),
                );
                None
            }
        }
    }
}
