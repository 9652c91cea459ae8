//! Stage 3, active flow: global commands that work at every step, then the answer
//! to a question a flow is waiting on.
//!
//! Today it handles the "speak to a person" command from the bot's buttons; the
//! YAML flows with typed slots plug in here (issue 3), before intent matching.

use super::payload;
use super::pipeline::{HandoffRequest, Outcome, TurnContext};

pub(crate) struct Stage;

impl super::pipeline::Stage for Stage {
    fn name(&self) -> &'static str {
        "flow"
    }

    fn run(&self, turn: &mut TurnContext<'_>) -> Outcome {
        let Some(pressed) = turn.input.payload else {
            return Outcome::Continue;
        };
        if pressed == payload::HANDOFF {
            return Outcome::Handoff(HandoffRequest { topic: None });
        }
        if let Some(topic) = pressed
            .strip_prefix(payload::HANDOFF)
            .and_then(|rest| rest.strip_prefix(':'))
        {
            return Outcome::Handoff(HandoffRequest {
                topic: Some(topic.to_owned()),
            });
        }
        Outcome::Continue
    }
}
