//! Checks over a whole flow: steps that can never run, and conditions on
//! answers that are not asked for yet.

use super::Parser;
use crate::flows::model::{Condition, Slot, SlotKind, Step, StepKind};

impl Parser<'_> {
    /// Steps that can never run, and conditions on slots that do not exist yet.
    pub(super) fn check_structure(&mut self, steps: &[Step]) {
        let mut asked: Vec<&Slot> = Vec::new();
        let mut ended_at: Option<usize> = None;
        for (index, step) in steps.iter().enumerate() {
            if let Some(end) = ended_at {
                self.error(
                    step.line,
                    format!(
                        "step {} can never run: the flow always ends at step {end}",
                        index + 1
                    ),
                );
            }
            for condition in &step.when {
                self.check_condition(condition, &asked, index + 1, step.line);
            }
            match &step.kind {
                StepKind::Ask(slot) => {
                    if asked.iter().any(|earlier| earlier.name == slot.name) {
                        self.error(step.line, format!("slot `{}` is asked twice", slot.name));
                    }
                    asked.push(slot);
                }
                StepKind::CaseStatus { slot, .. }
                    if !asked
                        .iter()
                        .any(|s| &s.name == slot && s.kind == SlotKind::Reference) =>
                {
                    self.error(step.line, format!("case_status reads slot `{slot}`, which no earlier step asks for as type reference"));
                }
                _ => {}
            }
            let always_ends =
                step.when.is_empty() && (step.end || matches!(step.kind, StepKind::Handoff));
            if always_ends && ended_at.is_none() {
                ended_at = Some(index + 1);
            }
        }
    }

    pub(super) fn check_condition(
        &mut self,
        condition: &Condition,
        asked: &[&Slot],
        number: usize,
        line: Option<usize>,
    ) {
        let Some(slot) = asked.iter().find(|slot| slot.name == condition.slot) else {
            self.error(
                line,
                format!(
                    "step {number} depends on slot `{}`, which no earlier step asks for",
                    condition.slot
                ),
            );
            return;
        };
        let possible: Vec<&str> = match slot.kind {
            SlotKind::Choice => slot.choices.iter().map(|c| c.value.as_str()).collect(),
            SlotKind::YesNo => vec!["yes", "no"],
            _ => return,
        };
        for value in &condition.values {
            if !possible.contains(&value.as_str()) {
                self.error(line, format!("step {number} can never run: slot `{}` has no value {value:?} (it can be {})", slot.name, possible.join(", ")));
            }
        }
    }
}
