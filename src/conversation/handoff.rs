//! Stage 7, handoff: runs only when another stage or the resident asks for a
//! person.
//!
//! Until the staff queue exists (issue 5) it gives the council's own contact
//! routes in the resident's language, so asking for a person is never a dead end.

use super::pipeline::{HandoffRequest, TurnContext};
use super::{BotMessage, Source, localised_message};
use crate::lang::messages;

pub(crate) struct Stage;

impl Stage {
    pub(crate) fn name(&self) -> &'static str {
        "handoff"
    }

    pub(crate) fn reply(
        &self,
        turn: &mut TurnContext<'_>,
        request: &HandoffRequest,
    ) -> Vec<BotMessage> {
        tracing::info!(
            topic = request.topic.as_deref().unwrap_or("none"),
            "handoff requested"
        );
        vec![localised_message(
            turn.content,
            &turn.lang,
            messages::HANDOFF_CONTACT.id,
            &[],
            Source::Handoff,
        )]
    }
}
