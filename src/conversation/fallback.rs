//! Stage 6, fallback: a localised "not sure" with the council's suggested
//! topics as buttons, and after repeated misses an offer of a person, so no
//! conversation ends in a dead end.

use super::pipeline::{Outcome, TurnContext};
use super::{BotMessage, Button, Source, localised_message, payload, person_button};
use crate::lang::messages;

pub(crate) struct Stage;

impl super::pipeline::Stage for Stage {
    fn name(&self) -> &'static str {
        "fallback"
    }

    fn run(&self, turn: &mut TurnContext<'_>) -> Outcome {
        Outcome::Reply(self.reply(turn))
    }
}

impl Stage {
    pub(crate) fn reply(&self, turn: &mut TurnContext<'_>) -> Vec<BotMessage> {
        turn.state.misses = turn.state.misses.saturating_add(1);
        let offer_person = turn.state.misses >= turn.content.settings.offer_person_after_misses;
        let message = if offer_person {
            messages::FALLBACK_OFFER_PERSON
        } else {
            messages::FALLBACK_NOT_SURE
        };
        let mut reply =
            localised_message(turn.content, &turn.lang, message.id, &[], Source::Fallback);
        if offer_person {
            reply
                .buttons
                .push(person_button(turn.content, &turn.lang, None));
        } else {
            reply.buttons = suggestions(turn);
        }
        vec![reply]
    }
}

/// Buttons for the intents the council marked `suggest`, at most four.
fn suggestions(turn: &TurnContext<'_>) -> Vec<Button> {
    let content = turn.content;
    content
        .intents
        .all()
        .iter()
        .filter(|intent| intent.suggest)
        .filter_map(|intent| {
            let title = intent.title.as_ref()?;
            Some(Button {
                label: content.localiser.text(&turn.lang, title).text,
                payload: format!("{}{}", payload::INTENT_PREFIX, intent.id),
            })
        })
        .take(4)
        .collect()
}
