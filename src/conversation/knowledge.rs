//! Stage 5, knowledge base: answers free questions from the council's FAQ files,
//! quoting the document and citing its page.
//!
//! The FAQ index plugs in here (issue 4) through the same `Stage` interface;
//! until then every message that reaches this stage goes on to the fallback.

use super::pipeline::{Outcome, TurnContext};

pub(crate) struct Stage;

impl super::pipeline::Stage for Stage {
    fn name(&self) -> &'static str {
        "knowledge"
    }

    fn run(&self, _turn: &mut TurnContext<'_>) -> Outcome {
        Outcome::Continue
    }
}
