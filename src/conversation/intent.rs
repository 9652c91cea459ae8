//! Stage 4, intent: matches the message against the council's intents in the
//! turn's language and starts the winner's flow.
//!
//! The demo council has no intents yet; intent matching plugs in here (issue 3)
//! through the same `Stage` interface, so messages go on to the knowledge base.

use super::pipeline::{Outcome, TurnContext};

pub(crate) struct Stage;

impl super::pipeline::Stage for Stage {
    fn name(&self) -> &'static str {
        "intent"
    }

    fn run(&self, _turn: &mut TurnContext<'_>) -> Outcome {
        Outcome::Continue
    }
}
