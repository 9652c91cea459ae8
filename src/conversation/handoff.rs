//! Stage 7, handoff: puts a resident who asks for a person in the queue, and
//! keeps the bot out of the way while they wait or talk with one.
//!
//! Asking goes through [`Services::request_handoff`]; the answer is the
//! resident's place and wait, or why nobody can answer now, in which case the
//! council's "leave a message" flow starts, so asking for a person is never a
//! dead end. While a handoff is open the bot is silent: the resident's
//! messages go to the agent ([`HandoffNote::Forward`]); only safeguarding and
//! the global commands still answer (cancel leaves the queue or the chat).
//! What the queue says back (an agent joined, wrote, or ended the chat)
//! becomes turns through [`from_queue`] and [`attached`].

use super::pipeline::{HandoffRequest, Outcome, TurnContext, with_engine};
use super::{
    BotMessage, ConversationState, HandoffState, Services, Source, Turn, flow, localised_message,
    payload, render,
};
use crate::content::Content;
use crate::flows::engine::Progress;
use crate::flows::model::Command;
use crate::handoff::{Attached, EndReason, Place, ToResident, Unavailable};
use crate::lang::{Arg, LangTag, messages};

/// Longest summary of the resident's request shown in the staff queue.
const SUMMARY_CHARS: usize = 200;

/// What a conversation asks of the queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoffWish {
    /// The resident's language (detected, even where the council has no
    /// content in it), for routing to an agent who speaks it.
    pub lang: LangTag,
    pub topic: Option<String>,
    pub urgent: bool,
    /// What the resident said, redacted.
    pub summary: String,
    /// The page the resident is on, as the widget described it.
    pub page: Option<String>,
}

/// What the caller tells the queue after the turn is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HandoffNote {
    /// The resident wrote to their agent (or to the queue).
    Forward(String),
    /// The resident left the queue or ended the chat.
    Left,
}

/// The stage that runs while a handoff is open, after the language stage.
pub(crate) struct ActiveStage;

impl super::pipeline::Stage for ActiveStage {
    fn name(&self) -> &'static str {
        "handoff"
    }

    fn run(&self, turn: &mut TurnContext<'_>) -> Outcome {
        let Some(handoff) = turn.state.handoff.clone() else {
            return Outcome::Continue;
        };
        let command = match turn.input.payload {
            Some(pressed) if pressed.starts_with(payload::HANDOFF) => Some(Command::Handoff),
            Some(pressed) => pressed
                .strip_prefix(payload::COMMAND_PREFIX)
                .and_then(Command::parse),
            None => turn.command(),
        };
        match command {
            Some(Command::Cancel | Command::Restart) => {
                turn.state.handoff = None;
                let (id, args) = match &handoff {
                    HandoffState::Waiting => (messages::HANDOFF_LEFT_QUEUE.id, Vec::new()),
                    HandoffState::WithAgent { agent_name } => (
                        messages::HANDOFF_LEFT_CHAT.id,
                        vec![("name", Arg::Text(agent_name.clone()))],
                    ),
                };
                Outcome::Left(vec![notice(turn.content, &turn.lang, id, &args)])
            }
            Some(Command::Handoff) => {
                let (id, args) = match &handoff {
                    HandoffState::Waiting => (messages::HANDOFF_ALREADY_WAITING.id, Vec::new()),
                    HandoffState::WithAgent { agent_name } => (
                        messages::HANDOFF_ALREADY_WITH_AGENT.id,
                        vec![("name", Arg::Text(agent_name.clone()))],
                    ),
                };
                Outcome::Reply(vec![notice(turn.content, &turn.lang, id, &args)])
            }
            Some(Command::Language) => flow::command_outcome(turn, Command::Language),
            None => Outcome::Silent,
        }
    }
}

/// Asks the queue for a person; the reply says the resident's place, or why
/// nobody can answer now and how to leave a message.
pub(crate) async fn request(
    turn: &mut TurnContext<'_>,
    request: &HandoffRequest,
    services: &impl Services,
) -> Vec<BotMessage> {
    if turn.state.handoff.is_some() {
        let id = messages::HANDOFF_ALREADY_WAITING.id;
        return vec![notice(turn.content, &turn.lang, id, &[])];
    }
    let from_safeguarding = request
        .topic
        .as_deref()
        .and_then(|topic| topic.strip_prefix("safeguarding:"))
        .map(str::to_owned);
    let urgent = from_safeguarding.is_some() || turn.state.safeguarding.is_some();
    let topic = from_safeguarding
        .or_else(|| request.topic.clone())
        .or_else(|| turn.state.safeguarding.clone());
    // A confident detection routes to an agent who speaks the language the
    // resident writes, even one the council has no content in.
    let lang = match &turn.detection {
        detection if detection.confident => detection.lang.clone(),
        _ => None,
    }
    .unwrap_or_else(|| turn.lang.clone());
    let summary: String = crate::redact::redact(turn.input.text)
        .chars()
        .take(SUMMARY_CHARS)
        .collect();
    let wish = HandoffWish {
        lang,
        topic: topic.clone(),
        urgent,
        summary,
        page: turn.state.page.clone(),
    };
    tracing::info!(
        topic = topic.as_deref().unwrap_or("none"),
        urgent,
        "handoff requested"
    );
    match services.request_handoff(wish).await {
        Ok(place) => {
            turn.state.handoff = Some(HandoffState::Waiting);
            turn.state.flow = None;
            let args = place_args(place);
            vec![notice(
                turn.content,
                &turn.lang,
                messages::HANDOFF_QUEUED.id,
                &args,
            )]
        }
        Err(reason) => unavailable(turn, reason),
    }
}

/// Nobody can answer now: says why, then starts the council's "leave a
/// message" flow (or, without one, gives the council's contact routes).
fn unavailable(turn: &mut TurnContext<'_>, reason: Unavailable) -> Vec<BotMessage> {
    let content = turn.content;
    let why = match reason {
        Unavailable::Closed => messages::HANDOFF_UNAVAILABLE_CLOSED,
        Unavailable::NoAgent | Unavailable::TooLong => messages::HANDOFF_UNAVAILABLE_BUSY,
        Unavailable::Error => messages::HANDOFF_UNAVAILABLE_ERROR,
    };
    tracing::info!(reason = ?reason, "no one available; offering to take a message");
    let mut replies = vec![notice(content, &turn.lang, why.id, &[])];
    let Some(intent) = content.intents.get(&content.settings.leave_message_intent) else {
        replies.push(notice(
            content,
            &turn.lang,
            messages::HANDOFF_CONTACT.id,
            &[],
        ));
        return replies;
    };
    let (lang, today) = (turn.lang.clone(), turn.today);
    let progress = with_engine(content, &lang, today, |engine| {
        engine.start(&mut turn.state.flow, intent, "")
    });
    if let Progress::Say(said) = progress {
        replies.extend(said.into_iter().map(|u| render(content, &lang, u)));
    }
    replies
}

/// The resident's place as a message, for the queue updates sent while
/// they wait (not stored in the transcript: it changes all the time).
pub fn place_notice(content: &Content, state: &ConversationState, place: Place) -> BotMessage {
    let args = place_args(place);
    notice(content, &state.lang, messages::HANDOFF_PLACE.id, &args)
}

fn place_args(place: Place) -> Vec<(&'static str, Arg)> {
    vec![
        ("position", Arg::from(place.position)),
        ("minutes", Arg::from(place.wait_minutes as usize)),
    ]
}

/// What the queue told a resident's session, as the turn to store and send
/// (and the place, for a queue update); `None` for nothing to say.
pub fn from_queue(
    content: &Content,
    state: &mut ConversationState,
    event: &ToResident,
) -> Option<Turn> {
    let lang = state.lang.clone();
    let name = |agent_name: &str| vec![("name", Arg::Text(agent_name.to_owned()))];
    let message = match event {
        ToResident::Place(_) => return None,
        ToResident::Joined { agent_name } => {
            state.handoff = Some(HandoffState::WithAgent {
                agent_name: agent_name.clone(),
            });
            let id = messages::HANDOFF_AGENT_JOINED.id;
            notice(content, &lang, id, &name(agent_name))
        }
        ToResident::Said {
            agent_name, text, ..
        } => agent_message(content, state, agent_name, text),
        ToResident::Ended { agent_name, reason } => {
            state.handoff = None;
            let id = match reason {
                EndReason::HandedBack => messages::HANDOFF_HANDED_BACK.id,
                EndReason::Closed => messages::HANDOFF_CLOSED.id,
            };
            notice(content, &lang, id, &name(agent_name))
        }
        ToResident::Requeued { agent_name } => {
            state.handoff = Some(HandoffState::Waiting);
            let id = messages::HANDOFF_AGENT_LOST.id;
            notice(content, &lang, id, &name(agent_name))
        }
        ToResident::Transferred { agent_name } => {
            state.handoff = Some(HandoffState::Waiting);
            let id = messages::HANDOFF_TRANSFERRED.id;
            notice(content, &lang, id, &name(agent_name))
        }
    };
    Some(bare_turn(state, vec![message]))
}

/// A returning resident's handoff as the queue knows it: the turn to store
/// and send (what the agent wrote meanwhile, or that the chat has ended),
/// and their place if they are still waiting.
pub fn attached(
    content: &Content,
    state: &mut ConversationState,
    attached: Attached,
) -> (Option<Turn>, Option<Place>) {
    match attached {
        Attached::Waiting(place) => {
            state.handoff = Some(HandoffState::Waiting);
            (None, Some(place))
        }
        Attached::WithAgent {
            agent_name,
            pending,
        } => {
            state.handoff = Some(HandoffState::WithAgent {
                agent_name: agent_name.clone(),
            });
            let said: Vec<BotMessage> = pending
                .iter()
                .map(|text| agent_message(content, state, &agent_name, text))
                .collect();
            let turn = (!said.is_empty()).then(|| bare_turn(state, said));
            (turn, None)
        }
        Attached::None if state.handoff.is_some() => {
            state.handoff = None;
            let id = messages::HANDOFF_ENDED_AWAY.id;
            let message = notice(content, &state.lang, id, &[]);
            (Some(bare_turn(state, vec![message])), None)
        }
        Attached::None => (None, None),
    }
}

/// An agent's message, marked with the language it is written in when that
/// is clear (an agent may answer an Arabic speaker in Arabic in an English
/// conversation), so the widget shows it the right way round.
fn agent_message(
    content: &Content,
    state: &ConversationState,
    agent_name: &str,
    text: &str,
) -> BotMessage {
    let detection = content.detector.detect(text);
    let lang = detection
        .lang
        .filter(|_| detection.confident)
        .and_then(|lang| content.languages.negotiate(&lang))
        .unwrap_or_else(|| state.lang.clone());
    BotMessage {
        text: text.to_owned(),
        dir: lang.direction(),
        lang,
        source: Source::Agent {
            name: Some(agent_name.to_owned()),
        },
        buttons: Vec::new(),
        links: Vec::new(),
        personal: true,
    }
}

fn bare_turn(state: &ConversationState, messages: Vec<BotMessage>) -> Turn {
    Turn {
        detected: None,
        lang: state.lang.clone(),
        messages,
        handoff: None,
    }
}

fn notice(content: &Content, lang: &LangTag, id: &str, args: &[(&str, Arg)]) -> BotMessage {
    localised_message(content, lang, id, args, Source::Handoff)
}
