//! One resident's conversation: the pipeline of DESIGN.md over plain state.
//!
//! `turn` takes the conversation's state and one resident message and returns the
//! bot's replies. It does no I/O of its own: what needs the outside world (today's
//! date, storing a case, looking one up) goes through the [`Services`] the caller
//! passes, so the websocket session, the `chat` command and the tests all drive
//! the very same code. Persisting state and delivering replies is the caller's job.

mod fallback;
mod flow;
mod handoff;
mod intent;
mod knowledge;
mod language;
mod pipeline;
pub mod safeguarding;
mod services;

use std::future::Future;

use serde::{Deserialize, Serialize};

use crate::content::Content;
use crate::flows::engine::{ArgValue, Effect, EffectResult, FlowState, Utterance};
use crate::lang::{Arg, Direction, LangTag, messages};

pub use crate::flows::payload;
pub use handoff::{HandoffNote, HandoffWish, attached, from_queue, place_notice};
pub use pipeline::{greet, set_language, turn};
pub use services::InMemoryServices;

/// What a conversation needs from outside: the date, and the effects of flows.
pub trait Services: Sync {
    /// Today, in the council's time zone.
    fn today(&self) -> jiff::civil::Date;
    /// Stores a case or looks one up for a flow.
    fn perform(&self, effect: &Effect) -> impl Future<Output = EffectResult> + Send;
    /// Puts the resident in the queue for a person. Where there is no queue
    /// (the `chat` command), nobody is available and the resident is offered
    /// to leave a message.
    fn request_handoff(
        &self,
        wish: HandoffWish,
    ) -> impl Future<Output = Result<crate::handoff::Place, crate::handoff::Unavailable>> + Send
    {
        let _ = wish;
        async { Err(crate::handoff::Unavailable::NoAgent) }
    }
}

/// What the bot remembers about a conversation between messages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConversationState {
    /// The language the conversation is in now.
    pub lang: LangTag,
    /// Set when the resident chose the language explicitly.
    #[serde(default)]
    pub pinned: bool,
    /// The language of the page the widget was opened on, if it said.
    #[serde(default)]
    pub page_hint: Option<LangTag>,
    /// Consecutive messages nothing could answer.
    #[serde(default)]
    pub misses: u32,
    /// The flow in progress, if any.
    #[serde(default)]
    pub flow: Option<FlowState>,
    /// Waiting for a person, or talking with one: the bot stays silent.
    #[serde(default)]
    pub handoff: Option<HandoffState>,
    /// The last safeguarding rule that matched: a person asked for after it
    /// is urgent.
    #[serde(default)]
    pub safeguarding: Option<String>,
    /// What the page the resident is on is about, as the widget said.
    #[serde(default)]
    pub page: Option<String>,
}

/// Where a conversation's handoff to a person stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "stage", rename_all = "snake_case")]
pub enum HandoffState {
    Waiting,
    WithAgent { agent_name: String },
}

impl ConversationState {
    /// A new conversation: in the chosen language, else the page's, else the default.
    pub fn new(content: &Content, chosen: Option<&LangTag>, page_hint: Option<&LangTag>) -> Self {
        let languages = &content.languages;
        let chosen = chosen.and_then(|tag| languages.negotiate(tag));
        let page_hint = page_hint.cloned();
        let inputs = crate::lang::policy::Inputs {
            pinned: chosen.as_ref(),
            page_hint: page_hint.as_ref(),
            ..Default::default()
        };
        let (lang, _) = crate::lang::policy::resolve(languages, &inputs);
        ConversationState {
            lang,
            pinned: chosen.is_some(),
            page_hint,
            misses: 0,
            flow: None,
            handoff: None,
            safeguarding: None,
            page: None,
        }
    }
}

/// One resident message as the pipeline sees it.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// What the resident typed, or the label of the button they pressed.
    pub text: &'a str,
    /// The payload of the button pressed, if any (`handoff`, `lang:cy`).
    pub payload: Option<&'a str>,
}

/// The bot's answer to one input.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Turn {
    /// The language detected in the resident's message, any language at all.
    pub detected: Option<LangTag>,
    /// The conversation's language after this turn.
    pub lang: LangTag,
    pub messages: Vec<BotMessage>,
    /// What the caller must tell the queue once the turn is stored.
    #[serde(skip)]
    pub handoff: Option<HandoffNote>,
}

/// One message from the bot.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BotMessage {
    pub text: String,
    /// The language this text is in (a fallback language if the text fell back).
    pub lang: LangTag,
    pub dir: Direction,
    pub source: Source,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub buttons: Vec<Button>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// Repeats a resident's answers, so its stored copy is redacted.
    #[serde(skip)]
    pub personal: bool,
}

/// Which stage produced a reply, for citations and analytics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    Intent {
        id: String,
    },
    Faq {
        id: String,
        title: String,
        url: Option<String>,
    },
    Safeguarding {
        id: String,
    },
    Fallback,
    Handoff,
    Agent {
        name: Option<String>,
    },
    /// The bot's own housekeeping: greeting, language change, notices.
    System {
        id: String,
    },
}

impl Source {
    pub fn kind(&self) -> &'static str {
        match self {
            Source::Intent { .. } => "intent",
            Source::Faq { .. } => "faq",
            Source::Safeguarding { .. } => "safeguarding",
            Source::Fallback => "fallback",
            Source::Handoff => "handoff",
            Source::Agent { .. } => "agent",
            Source::System { .. } => "system",
        }
    }
}

/// A quick reply: the label is shown and sent back as the text, the payload tells
/// the bot what it means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Button {
    pub label: String,
    pub payload: String,
}

/// A link shown with a message (a citation, a council page).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    pub title: String,
    pub url: String,
}

/// Builds a bot message from a Fluent message in `lang` (or its fallback).
pub(crate) fn localised_message(
    content: &Content,
    lang: &LangTag,
    message_id: &str,
    args: &[(&str, crate::lang::Arg)],
    source: Source,
) -> BotMessage {
    let localised = content.localiser.format(lang, message_id, args);
    BotMessage {
        text: localised.text,
        dir: localised.lang.direction(),
        lang: localised.lang,
        source,
        buttons: Vec::new(),
        links: Vec::new(),
        personal: false,
    }
}

/// Puts a flow's utterance into words in `lang`.
pub(crate) fn render(content: &Content, lang: &LangTag, utterance: Utterance) -> BotMessage {
    let localiser = &content.localiser;
    let args: Vec<(&str, Arg)> = utterance
        .args
        .iter()
        .map(|(name, value)| {
            let value = match value {
                ArgValue::Text(text) => Arg::Text(text.clone()),
                ArgValue::Message(id) => Arg::Text(localiser.text(lang, id).text),
            };
            (name.as_str(), value)
        })
        .collect();
    let source = Source::Intent {
        id: utterance.intent,
    };
    let mut message = localised_message(content, lang, &utterance.message, &args, source);
    message.buttons = utterance
        .buttons
        .into_iter()
        .map(|button| Button {
            label: localiser.text(lang, &button.label).text,
            payload: button.payload,
        })
        .collect();
    message.links = utterance
        .links
        .into_iter()
        .map(|link| Link {
            title: localiser.text(lang, &link.title).text,
            url: link.url,
        })
        .collect();
    message.personal = utterance.personal;
    message
}

/// A button for each council language other than `lang`, named in itself.
pub(crate) fn language_buttons(content: &Content, lang: &LangTag) -> Vec<Button> {
    content
        .languages
        .all()
        .iter()
        .filter(|info| &info.tag != lang)
        .map(|info| Button {
            label: info.name.clone(),
            payload: format!("{}{}", payload::LANGUAGE_PREFIX, info.tag),
        })
        .collect()
}

/// The "speak to a person" button in `lang`.
pub(crate) fn person_button(content: &Content, lang: &LangTag, topic: Option<&str>) -> Button {
    let label = content
        .localiser
        .text(lang, messages::BUTTON_SPEAK_TO_PERSON.id)
        .text;
    let payload = match topic {
        Some(topic) => format!("{}:{topic}", payload::HANDOFF),
        None => payload::HANDOFF.to_owned(),
    };
    Button { label, payload }
}
