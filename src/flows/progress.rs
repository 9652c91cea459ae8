//! What the flow engine keeps and says: a flow's state, the utterances it asks
//! the conversation to put into words, and the effects it asks the caller to
//! perform.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::model::LinkSpec;
use super::reference::Reference;
use super::slots::SlotValue;

/// Where a conversation is in a flow; stored with the conversation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlowState {
    pub intent: String,
    /// The step waiting for an answer (or about to run).
    pub step: usize,
    #[serde(default)]
    pub slots: BTreeMap<String, SlotValue>,
    #[serde(default)]
    pub tries: u8,
}

/// Something the bot says, for the conversation to put into words.
#[derive(Debug, Clone, PartialEq)]
pub struct Utterance {
    /// Fluent id.
    pub message: String,
    pub args: Vec<(String, ArgValue)>,
    pub buttons: Vec<ButtonSpec>,
    pub links: Vec<LinkSpec>,
    /// Holds a resident's answers, so it is redacted when stored.
    pub personal: bool,
    /// The intent speaking (for the message's source).
    pub intent: String,
}

/// A message argument: plain text, or a Fluent id to localise first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArgValue {
    Text(String),
    Message(String),
}

/// A button: a Fluent id for its label and the payload it sends back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ButtonSpec {
    pub label: String,
    pub payload: String,
}

/// What happens next.
#[derive(Debug, Clone, PartialEq)]
pub enum Progress {
    /// Say these, then wait for the resident.
    Say(Vec<Utterance>),
    /// Say these, perform the effect, then call [`Engine::resume`].
    Effect(Vec<Utterance>, Effect),
    /// Say these, then pass the resident to a person about `topic`.
    Handoff(Vec<Utterance>, String),
}

/// Work only the caller can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    CreateCase(NewCase),
    FindCase(Reference),
}

/// A case to store, with the flow's answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCase {
    pub intent: String,
    pub topic: String,
    /// The language the resident was answering in.
    pub lang: String,
    /// Slot name to canonical value.
    pub slots: BTreeMap<String, String>,
}

/// What a stored case tells a resident who asks about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseSummary {
    pub reference: Reference,
    /// The intent that created it (its title names it to the resident).
    pub intent: String,
    /// `open`, `in_progress` or `closed`.
    pub status: String,
    pub created: Date,
}

/// How an effect went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EffectResult {
    CaseCreated(Reference),
    CaseFound(Option<CaseSummary>),
    Failed,
}
