//! The stages of DESIGN.md, run in their fixed order for every resident message.
//!
//! Each stage looks at the turn and either lets it go on, replies, or asks for a
//! person; the first reply ends the turn. The handoff stage runs only when asked.

use std::time::Instant;

use super::{
    BotMessage, Button, ConversationState, Input, Source, Turn, fallback, flow, handoff, intent,
    knowledge, language, localised_message, payload, safeguarding,
};
use crate::content::Content;
use crate::lang::{Detection, LangTag, messages};
use crate::text;

/// What a stage decided about the turn.
pub(crate) enum Outcome {
    /// Not mine: the next stage looks at it.
    Continue,
    /// The bot's answer; later stages do not run.
    Reply(Vec<BotMessage>),
    /// The resident should reach a person.
    Handoff(HandoffRequest),
}

/// Why a person is wanted, for routing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HandoffRequest {
    /// The intent, FAQ or safeguarding rule that led here, when known.
    pub topic: Option<String>,
}

/// One stage of the pipeline.
pub(crate) trait Stage: Sync {
    fn name(&self) -> &'static str;
    fn run(&self, turn: &mut TurnContext<'_>) -> Outcome;
}

/// Everything a stage may look at or change during one turn.
pub(crate) struct TurnContext<'a> {
    pub content: &'a Content,
    pub state: &'a mut ConversationState,
    pub input: Input<'a>,
    /// The message folded for matching (see `text::fold`).
    pub folded: String,
    pub detection: Detection,
    /// The language replies are written in; settled by the language stage.
    pub lang: LangTag,
}

impl TurnContext<'_> {
    /// The folded message split into words.
    pub(crate) fn words(&self) -> Vec<&str> {
        text::words(&self.folded).collect()
    }
}

/// The stages in DESIGN.md's order; the fallback stage always replies.
static STAGES: &[&dyn Stage] = &[
    &safeguarding::Stage,
    &language::Stage,
    &flow::Stage,
    &intent::Stage,
    &knowledge::Stage,
    &fallback::Stage,
];

/// Runs one resident message through the pipeline.
pub fn turn(content: &Content, state: &mut ConversationState, input: Input<'_>) -> Turn {
    let started = Instant::now();
    // A button press carries the bot's own label: nothing to detect.
    let detection = match input.payload {
        Some(_) => Detection {
            lang: None,
            confident: false,
        },
        None => content.detector.detect(input.text),
    };
    let lang = state.lang.clone();
    let mut context = TurnContext {
        content,
        folded: text::fold(input.text),
        state,
        input,
        detection,
        lang,
    };
    let mut answered = None;
    for stage in STAGES {
        match stage.run(&mut context) {
            Outcome::Continue => continue,
            Outcome::Reply(messages) => answered = Some((stage.name(), messages)),
            Outcome::Handoff(request) => {
                answered = Some((
                    handoff::Stage.name(),
                    handoff::Stage.reply(&mut context, &request),
                ));
            }
        }
        break;
    }
    let (stage, messages) =
        answered.unwrap_or_else(|| ("fallback", fallback::Stage.reply(&mut context)));
    if stage != "fallback" {
        context.state.misses = 0;
    }
    tracing::info!(
        stage,
        source = messages.first().map_or("none", |m| m.source.kind()),
        detected = context.detection.lang.as_ref().map(LangTag::as_str),
        lang = %context.state.lang,
        latency_us = started.elapsed().as_micros() as u64,
        "turn"
    );
    Turn {
        detected: context.detection.lang,
        lang: context.state.lang.clone(),
        messages,
    }
}

/// The first message of a new conversation: a greeting in its language and a
/// button for each of the council's other languages, named in that language.
pub fn greet(content: &Content, state: &ConversationState) -> Turn {
    let source = Source::System {
        id: messages::GREETING.id.to_owned(),
    };
    let mut greeting = localised_message(content, &state.lang, messages::GREETING.id, &[], source);
    greeting.buttons = content
        .languages
        .all()
        .iter()
        .filter(|info| info.tag != state.lang)
        .map(|info| Button {
            label: info.name.clone(),
            payload: format!("{}{}", payload::LANGUAGE_PREFIX, info.tag),
        })
        .collect();
    Turn {
        detected: None,
        lang: state.lang.clone(),
        messages: vec![greeting],
    }
}

/// The resident chose the language `code` names (`Some`), or asked the bot to
/// follow the language they write in again (`None`).
pub fn set_language(content: &Content, state: &mut ConversationState, code: Option<&str>) -> Turn {
    let messages = language::choose(content, state, code);
    Turn {
        detected: None,
        lang: state.lang.clone(),
        messages,
    }
}
