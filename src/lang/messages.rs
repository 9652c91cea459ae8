//! Every Fluent message the code formats, with the variables it passes.
//!
//! Code refers to messages only through these constants, and `check` verifies
//! that each resolves in every council language and uses no other variable, so
//! an editor cannot break a message the bot needs without `check` saying so.
//! Error codes sent to clients are the message ids without the `error-` prefix.

/// A message id and the variables the code provides to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Msg {
    pub id: &'static str,
    pub variables: &'static [&'static str],
}

const fn msg(id: &'static str, variables: &'static [&'static str]) -> Msg {
    Msg { id, variables }
}

/// The language's name in itself, for the language switcher.
pub const LANGUAGE_NAME: Msg = msg("language-name", &[]);
pub const GREETING: Msg = msg("greeting", &[]);
pub const LANGUAGE_CHANGED: Msg = msg("language-changed", &["language"]);
pub const LANGUAGE_AUTO: Msg = msg("language-auto", &[]);
pub const LANGUAGE_NOT_AVAILABLE: Msg = msg("language-not-available", &["code"]);
pub const FALLBACK_NOT_SURE: Msg = msg("fallback-not-sure", &[]);
pub const FALLBACK_OFFER_PERSON: Msg = msg("fallback-offer-person", &[]);
pub const BUTTON_SPEAK_TO_PERSON: Msg = msg("button-speak-to-person", &[]);
pub const HANDOFF_CONTACT: Msg = msg("handoff-contact", &[]);
pub const RESUME_NOT_FOUND: Msg = msg("resume-not-found", &[]);

pub const ERROR_MALFORMED_JSON: Msg = msg("error-malformed-json", &[]);
pub const ERROR_UNKNOWN_FRAME_TYPE: Msg = msg("error-unknown-frame-type", &["type"]);
pub const ERROR_INVALID_FRAME: Msg = msg("error-invalid-frame", &[]);
pub const ERROR_INVALID_UTF8: Msg = msg("error-invalid-utf8", &[]);
pub const ERROR_MESSAGE_EMPTY: Msg = msg("error-message-empty", &[]);
pub const ERROR_MESSAGE_TOO_LONG: Msg = msg("error-message-too-long", &["limit"]);
pub const ERROR_BINARY_NOT_SUPPORTED: Msg = msg("error-binary-not-supported", &[]);
pub const ERROR_RATE_LIMITED: Msg = msg("error-rate-limited", &[]);
pub const ERROR_HELLO_REQUIRED: Msg = msg("error-hello-required", &[]);
pub const ERROR_UNSUPPORTED_VERSION: Msg = msg("error-unsupported-version", &["version"]);
pub const ERROR_REPLACED: Msg = msg("error-replaced", &[]);
pub const ERROR_INTERNAL: Msg = msg("error-internal", &[]);

/// Every message above; `check` verifies each of them.
pub const REQUIRED: &[Msg] = &[
    LANGUAGE_NAME,
    GREETING,
    LANGUAGE_CHANGED,
    LANGUAGE_AUTO,
    LANGUAGE_NOT_AVAILABLE,
    FALLBACK_NOT_SURE,
    FALLBACK_OFFER_PERSON,
    BUTTON_SPEAK_TO_PERSON,
    HANDOFF_CONTACT,
    RESUME_NOT_FOUND,
    ERROR_MALFORMED_JSON,
    ERROR_UNKNOWN_FRAME_TYPE,
    ERROR_INVALID_FRAME,
    ERROR_INVALID_UTF8,
    ERROR_MESSAGE_EMPTY,
    ERROR_MESSAGE_TOO_LONG,
    ERROR_BINARY_NOT_SUPPORTED,
    ERROR_RATE_LIMITED,
    ERROR_HELLO_REQUIRED,
    ERROR_UNSUPPORTED_VERSION,
    ERROR_REPLACED,
    ERROR_INTERNAL,
];

impl Msg {
    /// The error code clients see for an `error-…` message: `message-too-long`.
    pub fn code(&self) -> &'static str {
        self.id.strip_prefix("error-").unwrap_or(self.id)
    }
}
