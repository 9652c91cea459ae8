//! The compiled form of `intents/*.yaml`: what the matcher and the engine use.
//! Every text is a Fluent message id by now; inline texts were given ids when
//! they were parsed.

use std::collections::HashMap;

use crate::lang::LangTag;
use crate::text::Phrase;

/// All of the council's intents.
#[derive(Debug, Default)]
pub struct IntentSet {
    intents: Vec<Intent>,
    by_id: HashMap<String, usize>,
}

impl IntentSet {
    pub fn new(intents: Vec<Intent>) -> IntentSet {
        let by_id = intents
            .iter()
            .enumerate()
            .map(|(i, intent)| (intent.id.clone(), i))
            .collect();
        IntentSet { intents, by_id }
    }

    pub fn get(&self, id: &str) -> Option<&Intent> {
        self.by_id.get(id).map(|index| &self.intents[*index])
    }

    pub fn all(&self) -> &[Intent] {
        &self.intents
    }

    /// The intent that carries out `command`, if the council has one.
    pub fn command(&self, command: Command) -> Option<&Intent> {
        self.intents
            .iter()
            .find(|intent| intent.command == Some(command))
    }
}

/// One intent or flow.
#[derive(Debug, Clone)]
pub struct Intent {
    pub id: String,
    /// Fluent id of a short title, for buttons ("Report a pothole").
    pub title: Option<String>,
    /// What staff and analytics call it; the id unless set.
    pub topic: String,
    pub command: Option<Command>,
    /// Offered as a suggestion when the bot is not sure.
    pub suggest: bool,
    pub examples: HashMap<LangTag, Vec<String>>,
    /// Phrases that make this intent likelier when present.
    pub keywords: HashMap<LangTag, Vec<Phrase>>,
    /// If given for a language, one of these must be present to match.
    pub require: HashMap<LangTag, Vec<Phrase>>,
    /// Any of these present rules this intent out.
    pub exclude: HashMap<LangTag, Vec<Phrase>>,
    pub steps: Vec<Step>,
}

impl Intent {
    /// Whether the intent only gives information: no questions, cases,
    /// look-ups or handoff, and not a command. An FAQ answer that fits the
    /// message better may answer instead.
    pub fn only_informs(&self) -> bool {
        self.command.is_none()
            && self
                .steps
                .iter()
                .all(|step| matches!(step.kind, StepKind::Say { .. }))
    }
}

/// Global commands: they work at every step of every flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    Cancel,
    Restart,
    Handoff,
    Language,
}

impl Command {
    pub fn parse(text: &str) -> Option<Command> {
        Some(match text {
            "cancel" => Command::Cancel,
            "restart" => Command::Restart,
            "handoff" => Command::Handoff,
            "language" => Command::Language,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Command::Cancel => "cancel",
            Command::Restart => "restart",
            Command::Handoff => "handoff",
            Command::Language => "language",
        }
    }
}

/// One step of a flow.
#[derive(Debug, Clone)]
pub struct Step {
    pub kind: StepKind,
    /// Runs only when every named slot holds one of the listed values.
    pub when: Vec<Condition>,
    /// The flow ends after this step.
    pub end: bool,
    /// Where the step is written, for findings.
    pub line: Option<usize>,
}

#[derive(Debug, Clone)]
pub enum StepKind {
    /// Asks for a slot and waits for a valid answer.
    Ask(Slot),
    /// Shows the answers and waits for yes or no.
    Confirm { message: String },
    /// Says something (with links) and goes on.
    Say {
        message: String,
        links: Vec<LinkSpec>,
    },
    /// Stores a case with the answers; `message` gets `$reference`.
    CreateCase { message: String },
    /// Looks up the reference in `slot` and says `found` or `not_found`.
    CaseStatus {
        slot: String,
        found: String,
        not_found: String,
    },
    /// Passes the resident to a person, about the intent's topic.
    Handoff,
}

/// A question in a flow.
#[derive(Debug, Clone)]
pub struct Slot {
    /// Also the Fluent variable later messages use: `{ $location }`.
    pub name: String,
    pub kind: SlotKind,
    pub prompt: String,
    pub choices: Vec<Choice>,
    /// Dates: refuse dates after today / before today.
    pub not_future: bool,
    pub not_past: bool,
    /// Numbers: the allowed range.
    pub min: Option<f64>,
    pub max: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotKind {
    Text,
    Number,
    Date,
    Time,
    Postcode,
    Email,
    Phone,
    Choice,
    YesNo,
    Reference,
}

impl SlotKind {
    pub const NAMES: &'static [&'static str] = &[
        "text",
        "number",
        "date",
        "time",
        "postcode",
        "email",
        "phone",
        "choice",
        "yes_no",
        "reference",
    ];

    pub fn parse(text: &str) -> Option<SlotKind> {
        Some(match text {
            "text" => SlotKind::Text,
            "number" => SlotKind::Number,
            "date" => SlotKind::Date,
            "time" => SlotKind::Time,
            "postcode" => SlotKind::Postcode,
            "email" => SlotKind::Email,
            "phone" => SlotKind::Phone,
            "choice" => SlotKind::Choice,
            "yes_no" => SlotKind::YesNo,
            "reference" => SlotKind::Reference,
            _ => return None,
        })
    }

    /// Whether answers hold personal data (kept out of stored transcripts).
    pub fn is_personal(self) -> bool {
        matches!(
            self,
            SlotKind::Text | SlotKind::Postcode | SlotKind::Email | SlotKind::Phone
        )
    }
}

#[derive(Debug, Clone)]
pub struct Choice {
    pub value: String,
    /// Fluent id of the button label.
    pub label: String,
}

#[derive(Debug, Clone)]
pub struct Condition {
    pub slot: String,
    pub values: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkSpec {
    /// Fluent id of the link text.
    pub title: String,
    pub url: String,
}
