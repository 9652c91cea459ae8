//! Stage 4, intent: matches the message against the council's intents in the
//! turn's language (and in the detected language, when that is another council
//! language the policy did not switch to) and starts the winner's flow. Two
//! close candidates get a question with a button for each. An intent that
//! only gives information leaves the message to the knowledge base when an
//! FAQ answer covers it clearly better.

use super::flow::start_intent;
use super::knowledge;
use super::pipeline::{Outcome, TurnContext};
use super::{Button, Source, localised_message, payload};
use crate::flows::matcher::Match;
use crate::lang::{LangTag, messages};

pub(crate) struct Stage;

impl super::pipeline::Stage for Stage {
    fn name(&self) -> &'static str {
        "intent"
    }

    fn run(&self, turn: &mut TurnContext<'_>) -> Outcome {
        if turn.input.payload.is_some() {
            return Outcome::Continue;
        }
        let (mut decision, mut score) = decide(turn, &turn.lang.clone());
        if decision == Match::NoMatch
            && let Some(detected) = turn
                .detection
                .lang
                .as_ref()
                .and_then(|l| turn.content.languages.negotiate(l))
            && detected != turn.lang
        {
            (decision, score) = decide(turn, &detected);
        }
        let content = turn.content;
        match decision {
            Match::Winner(index)
                if content.intents.all()[index].only_informs()
                    && knowledge::answers_better(turn, score) =>
            {
                Outcome::Continue
            }
            Match::Winner(index) => start_intent(turn, &content.intents.all()[index]),
            Match::Ambiguous(first, second) => clarify(turn, first, second),
            Match::NoMatch => Outcome::Continue,
        }
    }
}

/// The matcher's decision in `lang`, with the best intent's score.
fn decide(turn: &mut TurnContext<'_>, lang: &LangTag) -> (Match, f32) {
    let content = turn.content;
    let ranked = turn.ranked(lang);
    let best = ranked.first().map_or(0.0, |(_, score)| *score);
    (content.matcher.decide(ranked), best)
}

/// "Did you mean…?" with a button for each candidate that has a title; with
/// fewer than two titled candidates, the better one simply starts.
fn clarify(turn: &mut TurnContext<'_>, first: usize, second: usize) -> Outcome {
    let content = turn.content;
    let intents = content.intents.all();
    let buttons: Vec<Button> = [first, second]
        .iter()
        .filter_map(|index| {
            let intent = &intents[*index];
            let title = intent.title.as_ref()?;
            Some(Button {
                label: content.localiser.text(&turn.lang, title).text,
                payload: format!("{}{}", payload::INTENT_PREFIX, intent.id),
            })
        })
        .collect();
    if buttons.len() < 2 {
        return start_intent(turn, &intents[first]);
    }
    let source = Source::System {
        id: messages::INTENT_CLARIFY.id.to_owned(),
    };
    let mut question = localised_message(
        content,
        &turn.lang,
        messages::INTENT_CLARIFY.id,
        &[],
        source,
    );
    question.buttons = buttons;
    Outcome::Reply(vec![question])
}
