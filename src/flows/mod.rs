//! Intents and flows: the YAML model, parsing, matching and the engine that
//! runs flows. Pure: no I/O; reading the files is `content`'s job, storing
//! cases is the caller's (through [`engine::Effect`]).

pub mod engine;
mod example_index;
mod intent_phrases;
pub mod matcher;
pub mod model;
pub mod parse;
mod progress;
pub mod reference;
pub mod slots;
mod speech;
mod unknown_words;
pub mod words;

/// Payloads of the bot's buttons, sent back with the label as text.
pub mod payload {
    /// Asks for a person; `handoff:<topic>` says about what.
    pub const HANDOFF: &str = "handoff";
    /// Chooses a language: `lang:cy`.
    pub const LANGUAGE_PREFIX: &str = "lang:";
    /// Answers the current question: `answer:yes`, `answer:garden`.
    pub const ANSWER_PREFIX: &str = "answer:";
    /// A global command: `command:cancel`, `command:continue`.
    pub const COMMAND_PREFIX: &str = "command:";
    /// Starts an intent: `intent:report-pothole`.
    pub const INTENT_PREFIX: &str = "intent:";
    /// Shows an FAQ answer: `faq:council-tax-bands`.
    pub const FAQ_PREFIX: &str = "faq:";
}
