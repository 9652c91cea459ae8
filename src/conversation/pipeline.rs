//! The stages of DESIGN.md, run in their fixed order for every resident message.
//!
//! Each stage looks at the turn and either lets it go on, replies, asks for a
//! person, or hands over to a flow; the first that does not go on ends the
//! turn. The handoff stage runs only when asked. Flow effects (storing a case)
//! are performed through [`Services`] and the flow resumed, until it has said
//! all it will say this turn.

use std::time::Instant;

use jiff::civil::Date;

use super::{
    BotMessage, ConversationState, HandoffNote, Input, Services, Source, Turn, fallback, flow,
    handoff, intent, knowledge, language, language_buttons, localised_message, render,
    safeguarding,
};
use crate::content::Content;
use crate::flows::engine::{Engine, Env, Progress};
use crate::flows::words::LanguageWords;
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
    /// A flow has something to say, do or hand over.
    Flow(Progress),
    /// A person has the conversation: the bot says nothing, the message
    /// goes to them.
    Silent,
    /// The resident left the queue or the chat with a person.
    Left(Vec<BotMessage>),
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
    pub today: Date,
    /// The intent matcher's rankings of the message so far, by language.
    rankings: Vec<(LangTag, Vec<(usize, f32)>)>,
}

impl TurnContext<'_> {
    /// Every intent's score for the message in `lang`, best first. Ranked
    /// once per turn and language: the commands, a flow's switch offer and
    /// the intent stage all ask for it.
    pub(crate) fn ranked(&mut self, lang: &LangTag) -> &[(usize, f32)] {
        let position = match self.rankings.iter().position(|(known, _)| known == lang) {
            Some(position) => position,
            None => {
                let ranked = self.content.matcher.rank_folded(
                    &self.content.intents,
                    lang,
                    self.input.text,
                    &self.folded,
                );
                self.rankings.push((lang.clone(), ranked));
                self.rankings.len() - 1
            }
        };
        &self.rankings[position].1
    }

    /// The global command the message plainly says in the turn's language.
    pub(crate) fn command(&mut self) -> Option<crate::flows::model::Command> {
        let lang = self.lang.clone();
        let content = self.content;
        content
            .matcher
            .command(&content.intents, self.ranked(&lang))
    }

    /// The folded message split into words.
    pub(crate) fn words(&self) -> Vec<&str> {
        text::words(&self.folded).collect()
    }
}

/// Runs `with` on a flow engine speaking the turn's language.
pub(crate) fn with_engine<R>(
    content: &Content,
    lang: &LangTag,
    today: Date,
    with: impl FnOnce(&Engine<'_>) -> R,
) -> R {
    let fallback_words = LanguageWords::default();
    let words = content.words.get(lang).unwrap_or(&fallback_words);
    let text = |id: &str| content.localiser.text(lang, id).text;
    let engine = Engine {
        intents: &content.intents,
        env: Env {
            lang: lang.as_str(),
            words,
            today,
            text: &text,
        },
    };
    with(&engine)
}

/// The stages in DESIGN.md's order; the fallback stage always replies.
static STAGES: &[&dyn Stage] = &[
    &safeguarding::Stage,
    &language::Stage,
    &handoff::ActiveStage,
    &flow::Stage,
    &intent::Stage,
    &knowledge::Stage,
    &fallback::Stage,
];

/// Runs one resident message through the pipeline.
pub async fn turn(
    content: &Content,
    state: &mut ConversationState,
    input: Input<'_>,
    services: &impl Services,
) -> Turn {
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
    let today = services.today();
    let mut context = TurnContext {
        content,
        folded: text::fold(input.text),
        state,
        input,
        detection,
        lang,
        today,
        rankings: Vec::new(),
    };
    let mut answered = None;
    let mut note = None;
    for stage in STAGES {
        let outcome = stage.run(&mut context);
        answered = match outcome {
            Outcome::Continue => continue,
            Outcome::Reply(messages) => Some((stage.name(), messages)),
            Outcome::Silent => Some((stage.name(), Vec::new())),
            Outcome::Left(messages) => {
                note = Some(HandoffNote::Left);
                Some((stage.name(), messages))
            }
            Outcome::Handoff(request) => Some((
                "handoff",
                handoff::request(&mut context, &request, services).await,
            )),
            Outcome::Flow(progress) => {
                let messages = drive(&mut context, progress, services).await;
                // A flow that had nothing to say (all its steps skipped) must
                // not leave the resident without an answer.
                if messages.is_empty() {
                    None
                } else {
                    Some((stage.name(), messages))
                }
            }
        };
        break;
    }
    let (stage, messages) =
        answered.unwrap_or_else(|| ("fallback", fallback::Stage.reply(&mut context)));
    if stage != "fallback" {
        context.state.misses = 0;
    }
    // While a person has the conversation, they see every message, even one
    // safeguarding answered.
    if note.is_none() && context.state.handoff.is_some() {
        note = Some(HandoffNote::Forward(input.text.to_owned()));
    }
    tracing::info!(
        stage,
        source = messages.first().map_or("none", |m| m.source.kind()),
        flow = context.state.flow.as_ref().map(|f| f.intent.as_str()),
        detected = context.detection.lang.as_ref().map(LangTag::as_str),
        lang = %context.state.lang,
        latency_us = started.elapsed().as_micros() as u64,
        "turn"
    );
    Turn {
        detected: context.detection.lang,
        lang: context.state.lang.clone(),
        messages,
        handoff: note,
    }
}

/// Says what a flow says, performing its effects and resuming it, until it
/// waits for the resident, ends or hands over.
pub(crate) async fn drive(
    context: &mut TurnContext<'_>,
    mut progress: Progress,
    services: &impl Services,
) -> Vec<BotMessage> {
    let mut messages = Vec::new();
    loop {
        let (content, lang) = (context.content, context.lang.clone());
        match progress {
            Progress::Say(said) => {
                messages.extend(said.into_iter().map(|u| render(content, &lang, u)));
                return messages;
            }
            Progress::Handoff(said, topic) => {
                messages.extend(said.into_iter().map(|u| render(content, &lang, u)));
                let request = HandoffRequest { topic: Some(topic) };
                messages.extend(handoff::request(context, &request, services).await);
                return messages;
            }
            Progress::Effect(said, effect) => {
                messages.extend(said.into_iter().map(|u| render(content, &lang, u)));
                let result = services.perform(&effect).await;
                progress = with_engine(content, &lang, context.today, |engine| {
                    engine.resume(&mut context.state.flow, result)
                });
            }
        }
    }
}

/// The first message of a new conversation: a greeting in its language and a
/// button for each of the council's other languages, named in that language.
pub fn greet(content: &Content, state: &ConversationState) -> Turn {
    let source = Source::System {
        id: messages::GREETING.id.to_owned(),
    };
    let mut greeting = localised_message(content, &state.lang, messages::GREETING.id, &[], source);
    greeting.buttons = language_buttons(content, &state.lang);
    Turn {
        detected: None,
        lang: state.lang.clone(),
        messages: vec![greeting],
        handoff: None,
    }
}

/// The resident chose the language `code` names (`Some`), or asked the bot to
/// follow the language they write in again (`None`). A flow in progress asks
/// its question again in the new language.
pub async fn set_language(
    content: &Content,
    state: &mut ConversationState,
    code: Option<&str>,
    services: &impl Services,
) -> Turn {
    let mut messages = language::choose(content, state, code);
    if state.flow.is_some() {
        let lang = state.lang.clone();
        let today = services.today();
        let progress = with_engine(content, &lang, today, |engine| {
            engine.ask_again(&mut state.flow)
        });
        if let Progress::Say(said) = progress {
            messages.extend(said.into_iter().map(|u| render(content, &lang, u)));
        }
    }
    Turn {
        detected: None,
        lang: state.lang.clone(),
        messages,
        handoff: None,
    }
}
