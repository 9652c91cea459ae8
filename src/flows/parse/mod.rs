//! Reads one `intents/*.yaml` file into an [`Intent`], with every problem found
//! on the way. Texts may be a Fluent id or inline `{lang: text}`; inline texts
//! are given ids (`<intent>--<where>`) and returned for the localiser, so the
//! rest of councilbot sees only Fluent ids.

mod file;
mod steps;
mod structure;
mod texts;

use file::IntentFile;

use super::model::{Command, Intent, Step, StepKind};
use crate::lang::LangTag;
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
    pub(super) fn error(&mut self, line: Option<usize>, message: String) {
        self.problems.push(Problem {
            line,
            error: true,
            message,
        });
    }

    pub(super) fn warning(&mut self, line: Option<usize>, message: String) {
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
}

/// Lowercase letters, digits and dashes, starting with a letter.
pub(super) fn is_identifier(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_lowercase())
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A Fluent variable name: letters, digits and underscores, starting with a letter.
pub(super) fn is_variable(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_alphabetic())
        && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}
