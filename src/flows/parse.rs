//! Reads one `intents/*.yaml` file into an [`Intent`], with every problem found
//! on the way. Texts may be a Fluent id or inline `{lang: text}`; inline texts
//! are given ids (`<intent>--<where>`) and returned for the localiser, so the
//! rest of councilbot sees only Fluent ids.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use super::model::{Choice, Command, Condition, Intent, LinkSpec, Slot, SlotKind, Step, StepKind};
use crate::lang::LangTag;
use crate::text::Phrase;
use crate::yaml;

/// A problem in an intent file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: Option<usize>,
    pub error: bool,
    pub message: String,
}

/// An inline text, to become a Fluent message in its language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineText {
    pub id: String,
    pub lang: LangTag,
    pub text: String,
    pub line: Option<usize>,
}

/// A parsed intent and its inline texts.
pub struct Parsed {
    pub intent: Intent,
    pub inline: Vec<InlineText>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IntentFile {
    id: String,
    #[serde(default)]
    title: Option<TextSpec>,
    #[serde(default)]
    topic: Option<String>,
    #[serde(default)]
    command: Option<String>,
    #[serde(default)]
    suggest: bool,
    examples: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    keywords: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    require: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    exclude: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    reply: Option<TextSpec>,
    #[serde(default)]
    links: Vec<LinkFile>,
    #[serde(default)]
    steps: Vec<StepFile>,
}

/// A Fluent message id, or the text itself per language.
#[derive(Deserialize, Clone)]
#[serde(untagged)]
enum TextSpec {
    Id(String),
    Inline(BTreeMap<String, String>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LinkFile {
    title: TextSpec,
    url: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChoiceFile {
    value: String,
    label: TextSpec,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StepFile {
    ask: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    prompt: Option<TextSpec>,
    choices: Option<Vec<ChoiceFile>>,
    #[serde(default)]
    not_future: bool,
    #[serde(default)]
    not_past: bool,
    min: Option<f64>,
    max: Option<f64>,
    say: Option<TextSpec>,
    #[serde(default)]
    links: Vec<LinkFile>,
    confirm: Option<TextSpec>,
    action: Option<String>,
    slot: Option<String>,
    found: Option<TextSpec>,
    not_found: Option<TextSpec>,
    #[serde(default)]
    when: BTreeMap<String, OneOrMany>,
    #[serde(default)]
    end: bool,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// Parses one file; `None` when it cannot be read as an intent at all.
pub fn parse(text: &str) -> (Option<Parsed>, Vec<Problem>) {
    let file: IntentFile = match yaml::from_str(text) {
        Ok(file) => file,
        Err(error) => {
            let message = format!(
                "not a valid intent: {}",
                error.message.replace(
                    "data did not match any variant of untagged enum TextSpec",
                    "expected a Fluent message id or a map of language code to text"
                )
            );
            return (
                None,
                vec![Problem {
                    line: error.line,
                    error: true,
                    message,
                }],
            );
        }
    };
    let mut parser = Parser {
        text,
        id: file.id.clone(),
        problems: Vec::new(),
        inline: Vec::new(),
    };
    let intent = parser.intent(file);
    let Parser {
        problems, inline, ..
    } = parser;
    (intent.map(|intent| Parsed { intent, inline }), problems)
}

struct Parser<'a> {
    text: &'a str,
    id: String,
    problems: Vec<Problem>,
    inline: Vec<InlineText>,
}

impl Parser<'_> {
    fn error(&mut self, line: Option<usize>, message: String) {
        self.problems.push(Problem {
            line,
            error: true,
            message,
        });
    }

    fn warning(&mut self, line: Option<usize>, message: String) {
        self.problems.push(Problem {
            line,
            error: false,
            message,
        });
    }

    fn intent(&mut self, file: IntentFile) -> Option<Intent> {
        if !is_identifier(&file.id) {
            let line = yaml::line_of(self.text, "id", &file.id);
            self.error(line, format!("id {:?} must be lowercase letters, digits and dashes, starting with a letter (e.g. report-pothole)", file.id));
            return None;
        }
        let command = file.command.as_deref().and_then(|name| {
            let parsed = Command::parse(name);
            if parsed.is_none() {
                let line = yaml::line_of(self.text, "command", name);
                self.error(
                    line,
                    format!(
                        "unknown command {name:?}; commands are cancel, restart, handoff, language"
                    ),
                );
            }
            parsed
        });
        let title = file.title.map(|spec| self.text_id(spec, "title", "title"));
        if file.suggest && title.is_none() {
            let line = yaml::line_of(self.text, "suggest", "");
            self.warning(line, "`suggest: true` needs a `title` to show on the suggestion button; this intent will not be suggested".to_owned());
        }
        let examples = self.examples(&file.examples);
        let keywords = self.phrases("keywords", &file.keywords);
        let require = self.phrases("require", &file.require);
        let exclude = self.phrases("exclude", &file.exclude);
        let mut steps = Vec::new();
        if let Some(reply) = file.reply {
            let message = self.text_id(reply, "reply", "reply");
            let links = self.links(file.links, "reply");
            let line = yaml::line_of(self.text, "reply", "");
            steps.push(Step {
                kind: StepKind::Say { message, links },
                when: Vec::new(),
                end: false,
                line,
            });
        } else if !file.links.is_empty() {
            self.error(
                yaml::line_of(self.text, "links", ""),
                "`links` at the top of an intent go with `reply`; put them on a `say` step instead"
                    .to_owned(),
            );
        }
        for (number, step) in file.steps.into_iter().enumerate() {
            if let Some(step) = self.step(step, number + 1) {
                steps.push(step);
            }
        }
        if steps.is_empty() && command.is_none() {
            self.error(
                yaml::line_of(self.text, "id", &file.id),
                "this intent does nothing: give it a `reply` or `steps`".to_owned(),
            );
        }
        self.check_structure(&steps);
        let topic = file.topic.unwrap_or_else(|| file.id.clone());
        Some(Intent {
            id: file.id,
            title,
            topic,
            command,
            suggest: file.suggest,
            examples,
            keywords,
            require,
            exclude,
            steps,
        })
    }

    /// Steps that can never run, and conditions on slots that do not exist yet.
    fn check_structure(&mut self, steps: &[Step]) {
        let mut asked: Vec<&Slot> = Vec::new();
        let mut ended_at: Option<usize> = None;
        for (index, step) in steps.iter().enumerate() {
            if let Some(end) = ended_at {
                self.error(
                    step.line,
                    format!(
                        "step {} can never run: the flow always ends at step {end}",
                        index + 1
                    ),
                );
            }
            for condition in &step.when {
                self.check_condition(condition, &asked, index + 1, step.line);
            }
            match &step.kind {
                StepKind::Ask(slot) => {
                    if asked.iter().any(|earlier| earlier.name == slot.name) {
                        self.error(step.line, format!("slot `{}` is asked twice", slot.name));
                    }
                    asked.push(slot);
                }
                StepKind::CaseStatus { slot, .. }
                    if !asked
                        .iter()
                        .any(|s| &s.name == slot && s.kind == SlotKind::Reference) =>
                {
                    self.error(step.line, format!("case_status reads slot `{slot}`, which no earlier step asks for as type reference"));
                }
                _ => {}
            }
            let always_ends =
                step.when.is_empty() && (step.end || matches!(step.kind, StepKind::Handoff));
            if always_ends && ended_at.is_none() {
                ended_at = Some(index + 1);
            }
        }
    }

    fn check_condition(
        &mut self,
        condition: &Condition,
        asked: &[&Slot],
        number: usize,
        line: Option<usize>,
    ) {
        let Some(slot) = asked.iter().find(|slot| slot.name == condition.slot) else {
            self.error(
                line,
                format!(
                    "step {number} depends on slot `{}`, which no earlier step asks for",
                    condition.slot
                ),
            );
            return;
        };
        let possible: Vec<&str> = match slot.kind {
            SlotKind::Choice => slot.choices.iter().map(|c| c.value.as_str()).collect(),
            SlotKind::YesNo => vec!["yes", "no"],
            _ => return,
        };
        for value in &condition.values {
            if !possible.contains(&value.as_str()) {
                self.error(line, format!("step {number} can never run: slot `{}` has no value {value:?} (it can be {})", slot.name, possible.join(", ")));
            }
        }
    }

    fn examples(
        &mut self,
        examples: &BTreeMap<String, Vec<String>>,
    ) -> HashMap<LangTag, Vec<String>> {
        let mut parsed = HashMap::new();
        for (code, list) in examples {
            let Some(lang) = self.language(code) else {
                continue;
            };
            for example in list {
                if example.trim().is_empty() {
                    self.error(
                        yaml::line_of(self.text, code, ""),
                        format!("an empty example in {code}"),
                    );
                }
            }
            parsed.insert(
                lang,
                list.iter()
                    .filter(|e| !e.trim().is_empty())
                    .cloned()
                    .collect(),
            );
        }
        parsed
    }

    fn phrases(
        &mut self,
        field: &str,
        lists: &BTreeMap<String, Vec<String>>,
    ) -> HashMap<LangTag, Vec<Phrase>> {
        let mut parsed = HashMap::new();
        for (code, list) in lists {
            let Some(lang) = self.language(code) else {
                continue;
            };
            let mut phrases = Vec::new();
            for phrase in list {
                match Phrase::parse(phrase) {
                    Some(compiled) => phrases.push(compiled),
                    None => self.error(
                        yaml::line_of_value(self.text, phrase),
                        format!("{field} phrase {phrase:?} has no words to match"),
                    ),
                }
            }
            parsed.insert(lang, phrases);
        }
        parsed
    }

    fn language(&mut self, code: &str) -> Option<LangTag> {
        match LangTag::parse(code) {
            Ok(lang) => Some(lang),
            Err(error) => {
                self.error(yaml::line_of(self.text, code, ""), error.to_string());
                None
            }
        }
    }

    /// The Fluent id for a text: the id as written, or a new one for inline text.
    fn text_id(&mut self, spec: TextSpec, place: &str, key: &str) -> String {
        match spec {
            TextSpec::Id(id) => id,
            TextSpec::Inline(texts) => {
                let id = format!("{}--{place}", self.id);
                for (code, text) in texts {
                    let Some(lang) = self.language(&code) else {
                        continue;
                    };
                    let line = yaml::line_of(self.text, &code, &text)
                        .or_else(|| yaml::line_of(self.text, key, ""));
                    self.inline.push(InlineText {
                        id: id.clone(),
                        lang,
                        text,
                        line,
                    });
                }
                id
            }
        }
    }

    fn links(&mut self, links: Vec<LinkFile>, place: &str) -> Vec<LinkSpec> {
        links
            .into_iter()
            .enumerate()
            .map(|(n, link)| {
                if !(link.url.starts_with("https://") || link.url.starts_with("http://")) {
                    self.error(
                        yaml::line_of(self.text, "url", &link.url),
                        format!("link {:?} must start with https:// (or http://)", link.url),
                    );
                }
                let title = self.text_id(link.title, &format!("{place}-link-{}", n + 1), "title");
                LinkSpec {
                    title,
                    url: link.url,
                }
            })
            .collect()
    }

    fn step(&mut self, step: StepFile, number: usize) -> Option<Step> {
        let when = step
            .when
            .iter()
            .map(|(slot, values)| Condition {
                slot: slot.clone(),
                values: match values {
                    OneOrMany::One(value) => vec![value.clone()],
                    OneOrMany::Many(values) => values.clone(),
                },
            })
            .collect();
        let end = step.end;
        let kinds = [
            step.ask.is_some(),
            step.say.is_some() && step.action.is_none(),
            step.confirm.is_some(),
            step.action.is_some(),
        ];
        let line = self.step_line(&step);
        if kinds.iter().filter(|k| **k).count() != 1 {
            self.error(
                line,
                format!(
                    "step {number} must have exactly one of `ask`, `say`, `confirm` or `action`"
                ),
            );
            return None;
        }
        let place = format!("step-{number}");
        let kind = if let Some(slot) = step.ask.clone() {
            StepKind::Ask(self.slot(slot, step, &place, line)?)
        } else if let Some(message) = step.confirm {
            StepKind::Confirm {
                message: self.text_id(message, &place, "confirm"),
            }
        } else if let Some(action) = step.action.clone() {
            self.action(&action, step, &place, line)?
        } else {
            let message = self.text_id(step.say?, &place, "say");
            let links = self.links(step.links, &place);
            StepKind::Say { message, links }
        };
        Some(Step {
            kind,
            when,
            end,
            line,
        })
    }

    fn step_line(&self, step: &StepFile) -> Option<usize> {
        let find = |key: &str, value: &Option<String>| {
            value
                .as_deref()
                .and_then(|v| yaml::line_of(self.text, key, v))
        };
        find("ask", &step.ask)
            .or_else(|| find("action", &step.action))
            .or_else(|| match &step.say {
                Some(TextSpec::Id(id)) => yaml::line_of(self.text, "say", id),
                _ => None,
            })
            .or_else(|| match &step.confirm {
                Some(TextSpec::Id(id)) => yaml::line_of(self.text, "confirm", id),
                _ => None,
            })
    }

    fn slot(
        &mut self,
        name: String,
        step: StepFile,
        place: &str,
        line: Option<usize>,
    ) -> Option<Slot> {
        if !is_variable(&name) {
            self.error(line, format!("slot name {name:?} must be letters, digits and underscores, starting with a letter (it becomes the Fluent variable ${name})"));
            return None;
        }
        let Some(type_name) = step.kind.as_deref() else {
            self.error(
                line,
                format!(
                    "slot `{name}` needs a `type`: one of {}",
                    SlotKind::NAMES.join(", ")
                ),
            );
            return None;
        };
        let Some(kind) = SlotKind::parse(type_name) else {
            self.error(
                yaml::line_of(self.text, "type", type_name),
                format!(
                    "unknown slot type {type_name:?}; the types are {}",
                    SlotKind::NAMES.join(", ")
                ),
            );
            return None;
        };
        let Some(prompt) = step.prompt else {
            self.error(
                line,
                format!("slot `{name}` needs a `prompt`: the question to ask"),
            );
            return None;
        };
        let prompt = self.text_id(prompt, &format!("{place}-prompt"), "prompt");
        let choices = match (kind, step.choices) {
            (SlotKind::Choice, Some(choices)) if !choices.is_empty() => {
                self.choices(choices, place)
            }
            (SlotKind::Choice, _) => {
                self.error(
                    line,
                    format!("slot `{name}` is a choice, so it needs `choices`"),
                );
                return None;
            }
            (_, Some(_)) => {
                self.error(
                    line,
                    format!("slot `{name}` has `choices`, but only type choice uses them"),
                );
                Vec::new()
            }
            (_, None) => Vec::new(),
        };
        Some(Slot {
            name,
            kind,
            prompt,
            choices,
            not_future: step.not_future,
            not_past: step.not_past,
            min: step.min,
            max: step.max,
        })
    }

    fn choices(&mut self, choices: Vec<ChoiceFile>, place: &str) -> Vec<Choice> {
        choices
            .into_iter()
            .map(|choice| {
                if !is_identifier(&choice.value) {
                    self.error(
                        yaml::line_of(self.text, "value", &choice.value),
                        format!(
                            "choice value {:?} must be lowercase letters, digits and dashes",
                            choice.value
                        ),
                    );
                }
                let label =
                    self.text_id(choice.label, &format!("{place}-{}", choice.value), "label");
                Choice {
                    value: choice.value,
                    label,
                }
            })
            .collect()
    }

    fn action(
        &mut self,
        action: &str,
        step: StepFile,
        place: &str,
        line: Option<usize>,
    ) -> Option<StepKind> {
        match action {
            "create_case" => {
                let Some(say) = step.say else {
                    self.error(line, "action create_case needs `say`: the message that gives the resident their { $reference }".to_owned());
                    return None;
                };
                Some(StepKind::CreateCase {
                    message: self.text_id(say, place, "say"),
                })
            }
            "case_status" => {
                let (Some(slot), Some(found), Some(not_found)) =
                    (step.slot, step.found, step.not_found)
                else {
                    self.error(line, "action case_status needs `slot` (the reference slot), `found` and `not_found`".to_owned());
                    return None;
                };
                let found = self.text_id(found, &format!("{place}-found"), "found");
                let not_found = self.text_id(not_found, &format!("{place}-not-found"), "not_found");
                Some(StepKind::CaseStatus {
                    slot,
                    found,
                    not_found,
                })
            }
            "handoff" => Some(StepKind::Handoff),
            other => {
                self.error(
                    line,
                    format!(
                        "unknown action {other:?}; actions are create_case, case_status and handoff"
                    ),
                );
                None
            }
        }
    }
}

/// Lowercase letters, digits and dashes, starting with a letter.
fn is_identifier(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_lowercase())
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A Fluent variable name: letters, digits and underscores, starting with a letter.
fn is_variable(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_alphabetic())
        && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}
