//! Stage 3, active flow: the buttons the bot offered, the global commands that
//! work at every step (cancel, start again, speak to a person, change
//! language), and answers to the question a flow is waiting on. A message that
//! is clearly another intent, not an answer, gets an offer to switch.

use super::pipeline::{HandoffRequest, Outcome, TurnContext, with_engine};
use super::{BotMessage, Button, Source, greet, language_buttons, localised_message, payload};
use crate::flows::engine::{Checked, Engine};
use crate::flows::model::{Command, Intent};
use crate::lang::messages;

pub(crate) struct Stage;

impl super::pipeline::Stage for Stage {
    fn name(&self) -> &'static str {
        "flow"
    }

    fn run(&self, turn: &mut TurnContext<'_>) -> Outcome {
        if let Some(pressed) = turn.input.payload
            && let Some(outcome) = pressed_button(turn, pressed)
        {
            return outcome;
        }
        if turn.input.payload.is_none()
            && let Some(command) = turn.command()
        {
            return command_outcome(turn, command);
        }
        if turn.state.flow.is_none() {
            return Outcome::Continue;
        }
        answer(turn)
    }
}

/// What a button the bot offered means now.
fn pressed_button(turn: &mut TurnContext<'_>, pressed: &str) -> Option<Outcome> {
    if pressed == payload::HANDOFF {
        return Some(command_outcome(turn, Command::Handoff));
    }
    if let Some(topic) = pressed
        .strip_prefix(payload::HANDOFF)
        .and_then(|rest| rest.strip_prefix(':'))
    {
        turn.state.flow = None;
        return Some(Outcome::Handoff(HandoffRequest {
            topic: Some(topic.to_owned()),
        }));
    }
    if let Some(command) = pressed.strip_prefix(payload::COMMAND_PREFIX) {
        if command == "continue" {
            // A stale button (the flow has ended) is just text.
            turn.state.flow.as_ref()?;
            return Some(engine_step(turn, |engine, flow| engine.ask_again(flow)));
        }
        return Command::parse(command).map(|command| command_outcome(turn, command));
    }
    if let Some(id) = pressed.strip_prefix(payload::INTENT_PREFIX) {
        let intent = turn.content.intents.get(id)?;
        return Some(start_intent(turn, intent));
    }
    if pressed.starts_with(payload::ANSWER_PREFIX) && turn.state.flow.is_some() {
        let text = turn.input.text;
        return Some(engine_step(turn, |engine, flow| {
            engine.answer(flow, text, Some(pressed))
        }));
    }
    None
}

/// Starts an intent, or carries out its command.
pub(crate) fn start_intent(turn: &mut TurnContext<'_>, intent: &Intent) -> Outcome {
    if let Some(command) = intent.command {
        return command_outcome(turn, command);
    }
    let message = turn.input.text;
    engine_step(turn, |engine, flow| engine.start(flow, intent, message))
}

/// Carries out a global command.
pub(crate) fn command_outcome(turn: &mut TurnContext<'_>, command: Command) -> Outcome {
    match command {
        Command::Cancel => {
            let message = if turn.state.flow.take().is_some() {
                messages::FLOW_CANCELLED
            } else {
                messages::COMMAND_NOTHING_TO_CANCEL
            };
            Outcome::Reply(vec![system(turn, message.id)])
        }
        Command::Restart => match turn.state.flow {
            Some(_) => engine_step(turn, |engine, flow| {
                engine.restart(flow, messages::FLOW_RESTARTED.id)
            }),
            None => Outcome::Reply(greet(turn.content, turn.state).messages),
        },
        Command::Handoff => {
            let topic = turn.state.flow.take().and_then(|flow| {
                turn.content
                    .intents
                    .get(&flow.intent)
                    .map(|i| i.topic.clone())
            });
            Outcome::Handoff(HandoffRequest { topic })
        }
        Command::Language => {
            let mut choose = system(turn, messages::COMMAND_CHOOSE_LANGUAGE.id);
            choose.buttons = language_buttons(turn.content, &turn.lang);
            Outcome::Reply(vec![choose])
        }
    }
}

/// The resident's answer to the waiting question, unless it is plainly a
/// request for something else.
fn answer(turn: &mut TurnContext<'_>) -> Outcome {
    let text = turn.input.text;
    let (content, lang, today) = (turn.content, turn.lang.clone(), turn.today);
    let checked = with_engine(content, &lang, today, |engine| {
        engine.check(&turn.state.flow, text, None)
    });
    if let Some(offer) = switch_offer(turn, checked.as_ref().map(Checked::accepted)) {
        return Outcome::Reply(vec![offer]);
    }
    engine_step(turn, |engine, flow| match checked {
        Some(checked) => engine.apply(flow, checked),
        None => engine.answer(flow, text, None),
    })
}

/// An offer to leave the current flow for another intent the message clearly
/// asks for: a free-text answer must match it strongly, a refused answer need
/// only match it plainly.
fn switch_offer(turn: &mut TurnContext<'_>, accepted: Option<bool>) -> Option<BotMessage> {
    let content = turn.content;
    let current = content.intents.get(&turn.state.flow.as_ref()?.intent)?;
    let lang = turn.lang.clone();
    let ranked = turn.ranked(&lang);
    let weights = content.matcher.weights();
    let needed = if accepted == Some(false) {
        weights.threshold
    } else {
        weights.switch_threshold
    };
    let (best, score) = *ranked.first()?;
    let other = &content.intents.all()[best];
    if score < needed
        || other.id == current.id
        || other.command.is_some()
        || accepted == Some(true) && !free_text(turn)
    {
        return None;
    }
    let title = |intent: &Intent| {
        intent
            .title
            .as_ref()
            .map(|id| content.localiser.text(&turn.lang, id).text)
    };
    let (current_title, other_title) = (title(current)?, title(other)?);
    let args = [
        ("current", current_title.into()),
        ("other", other_title.clone().into()),
    ];
    let source = Source::Intent {
        id: current.id.clone(),
    };
    let mut offer = localised_message(
        content,
        &turn.lang,
        messages::FLOW_SWITCH_OFFER.id,
        &args,
        source,
    );
    offer.buttons = vec![
        Button {
            label: other_title,
            payload: format!("{}{}", payload::INTENT_PREFIX, other.id),
        },
        Button {
            label: content
                .localiser
                .text(&turn.lang, messages::BUTTON_CARRY_ON.id)
                .text,
            payload: format!("{}continue", payload::COMMAND_PREFIX),
        },
    ];
    Some(offer)
}

/// Whether the waiting question takes any text (so every message "validates").
fn free_text(turn: &TurnContext<'_>) -> bool {
    let Some(flow) = &turn.state.flow else {
        return false;
    };
    turn.content.intents.get(&flow.intent).and_then(|intent| intent.steps.get(flow.step)).is_some_and(|step| {
        matches!(&step.kind, crate::flows::model::StepKind::Ask(slot) if slot.kind == crate::flows::model::SlotKind::Text)
    })
}

/// Runs the engine on the conversation's flow, in the turn's language.
fn engine_step(
    turn: &mut TurnContext<'_>,
    step: impl FnOnce(
        &Engine<'_>,
        &mut Option<crate::flows::engine::FlowState>,
    ) -> crate::flows::engine::Progress,
) -> Outcome {
    let (content, lang, today) = (turn.content, turn.lang.clone(), turn.today);
    Outcome::Flow(with_engine(content, &lang, today, |engine| {
        step(engine, &mut turn.state.flow)
    }))
}

fn system(turn: &TurnContext<'_>, id: &str) -> BotMessage {
    localised_message(
        turn.content,
        &turn.lang,
        id,
        &[],
        Source::System { id: id.to_owned() },
    )
}
