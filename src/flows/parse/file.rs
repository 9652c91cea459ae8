//! The shapes of an intent file, as serde reads them.

use std::collections::BTreeMap;

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct IntentFile {
    pub(super) id: String,
    #[serde(default)]
    pub(super) title: Option<TextSpec>,
    #[serde(default)]
    pub(super) topic: Option<String>,
    #[serde(default)]
    pub(super) command: Option<String>,
    #[serde(default)]
    pub(super) suggest: bool,
    pub(super) examples: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub(super) keywords: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub(super) require: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub(super) exclude: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub(super) reply: Option<TextSpec>,
    #[serde(default)]
    pub(super) links: Vec<LinkFile>,
    #[serde(default)]
    pub(super) steps: Vec<StepFile>,
}

/// A Fluent message id, or the text itself per language.
#[derive(Deserialize, Clone)]
#[serde(untagged)]
pub(super) enum TextSpec {
    Id(String),
    Inline(BTreeMap<String, String>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LinkFile {
    pub(super) title: TextSpec,
    pub(super) url: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ChoiceFile {
    pub(super) value: String,
    pub(super) label: TextSpec,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StepFile {
    pub(super) ask: Option<String>,
    #[serde(rename = "type")]
    pub(super) kind: Option<String>,
    pub(super) prompt: Option<TextSpec>,
    pub(super) choices: Option<Vec<ChoiceFile>>,
    #[serde(default)]
    pub(super) not_future: bool,
    #[serde(default)]
    pub(super) not_past: bool,
    pub(super) min: Option<f64>,
    pub(super) max: Option<f64>,
    pub(super) say: Option<TextSpec>,
    #[serde(default)]
    pub(super) links: Vec<LinkFile>,
    pub(super) confirm: Option<TextSpec>,
    pub(super) action: Option<String>,
    pub(super) slot: Option<String>,
    pub(super) found: Option<TextSpec>,
    pub(super) not_found: Option<TextSpec>,
    #[serde(default)]
    pub(super) when: BTreeMap<String, OneOrMany>,
    #[serde(default)]
    pub(super) end: bool,
}

#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum OneOrMany {
    One(String),
    Many(Vec<String>),
}
