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
/// A resident has joined the queue for a person.
pub const HANDOFF_QUEUED: Msg = msg("handoff-queued", &["position", "minutes"]);
/// Their place changed while waiting.
pub const HANDOFF_PLACE: Msg = msg("handoff-place", &["position", "minutes"]);
pub const HANDOFF_AGENT_JOINED: Msg = msg("handoff-agent-joined", &["name"]);
pub const HANDOFF_HANDED_BACK: Msg = msg("handoff-handed-back", &["name"]);
pub const HANDOFF_CLOSED: Msg = msg("handoff-closed", &["name"]);
/// The agent's connection was lost and the resident is back in the queue.
pub const HANDOFF_AGENT_LOST: Msg = msg("handoff-agent-lost", &["name"]);
/// The agent passed the chat on to colleagues who cover the subject.
pub const HANDOFF_TRANSFERRED: Msg = msg("handoff-transferred", &["name"]);
pub const HANDOFF_LEFT_QUEUE: Msg = msg("handoff-left-queue", &[]);
pub const HANDOFF_LEFT_CHAT: Msg = msg("handoff-left-chat", &["name"]);
pub const HANDOFF_ALREADY_WAITING: Msg = msg("handoff-already-waiting", &[]);
pub const HANDOFF_ALREADY_WITH_AGENT: Msg = msg("handoff-already-with-agent", &["name"]);
/// The chat with a person ended while the resident was away.
pub const HANDOFF_ENDED_AWAY: Msg = msg("handoff-ended-away", &[]);
/// Why nobody can answer now; a "leave a message" flow follows.
pub const HANDOFF_UNAVAILABLE_CLOSED: Msg = msg("handoff-unavailable-closed", &[]);
pub const HANDOFF_UNAVAILABLE_BUSY: Msg = msg("handoff-unavailable-busy", &[]);
pub const HANDOFF_UNAVAILABLE_ERROR: Msg = msg("handoff-unavailable-error", &[]);
pub const RESUME_NOT_FOUND: Msg = msg("resume-not-found", &[]);
/// Follows an FAQ answer: when the council last checked it.
pub const FAQ_REVIEWED: Msg = msg("faq-reviewed", &["date"]);
/// Before an FAQ answer in another language than the conversation's.
pub const FAQ_IN_OTHER_LANGUAGE: Msg = msg("faq-in-other-language", &["language", "code"]);

pub const BUTTON_YES: Msg = msg("button-yes", &[]);
pub const BUTTON_NO: Msg = msg("button-no", &[]);
pub const BUTTON_CANCEL: Msg = msg("button-cancel", &[]);
pub const BUTTON_CARRY_ON: Msg = msg("button-carry-on", &[]);
pub const FLOW_CANCELLED: Msg = msg("flow-cancelled", &[]);
pub const FLOW_RESTARTED: Msg = msg("flow-restarted", &[]);
pub const FLOW_CONFIRM_NO: Msg = msg("flow-confirm-no", &[]);
pub const FLOW_SWITCH_OFFER: Msg = msg("flow-switch-offer", &["current", "other"]);
pub const FLOW_ACTION_FAILED: Msg = msg("flow-action-failed", &[]);
pub const INTENT_CLARIFY: Msg = msg("intent-clarify", &[]);
pub const COMMAND_NOTHING_TO_CANCEL: Msg = msg("command-nothing-to-cancel", &[]);
pub const COMMAND_CHOOSE_LANGUAGE: Msg = msg("command-choose-language", &[]);
pub const SLOT_TOO_MANY_TRIES: Msg = msg("slot-too-many-tries", &[]);
pub const CASE_STATUS_OPEN: Msg = msg("case-status-open", &[]);
pub const CASE_STATUS_IN_PROGRESS: Msg = msg("case-status-in-progress", &[]);
pub const CASE_STATUS_CLOSED: Msg = msg("case-status-closed", &[]);

/// Why an answer to a question was not accepted; each may use `$min` and `$max`.
pub const SLOT_INVALID: &[Msg] = &[
    msg("slot-invalid-text", SLOT_BOUNDS),
    msg("slot-invalid-number", SLOT_BOUNDS),
    msg("slot-invalid-number-range", SLOT_BOUNDS),
    msg("slot-invalid-date", SLOT_BOUNDS),
    msg("slot-invalid-date-future", SLOT_BOUNDS),
    msg("slot-invalid-date-past", SLOT_BOUNDS),
    msg("slot-invalid-time", SLOT_BOUNDS),
    msg("slot-invalid-postcode", SLOT_BOUNDS),
    msg("slot-invalid-email", SLOT_BOUNDS),
    msg("slot-invalid-phone", SLOT_BOUNDS),
    msg("slot-invalid-choice", SLOT_BOUNDS),
    msg("slot-invalid-yes-no", SLOT_BOUNDS),
    msg("slot-invalid-reference", SLOT_BOUNDS),
];
const SLOT_BOUNDS: &[&str] = &["min", "max"];

/// Word lists answers are read with (`answer-yes = yes, yeah, yep`).
pub const WORD_LISTS: &[Msg] = &[
    msg("answer-yes", &[]),
    msg("answer-no", &[]),
    msg("date-today", &[]),
    msg("date-yesterday", &[]),
    msg("date-tomorrow", &[]),
    msg("date-months", &[]),
    msg("date-weekdays", &[]),
];

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

/// Every message above but the slot and word lists; `check` verifies each of
/// them, and those lists too.
pub const REQUIRED: &[Msg] = &[
    BUTTON_YES,
    BUTTON_NO,
    BUTTON_CANCEL,
    BUTTON_CARRY_ON,
    FLOW_CANCELLED,
    FLOW_RESTARTED,
    FLOW_CONFIRM_NO,
    FLOW_SWITCH_OFFER,
    FLOW_ACTION_FAILED,
    INTENT_CLARIFY,
    COMMAND_NOTHING_TO_CANCEL,
    COMMAND_CHOOSE_LANGUAGE,
    SLOT_TOO_MANY_TRIES,
    CASE_STATUS_OPEN,
    CASE_STATUS_IN_PROGRESS,
    CASE_STATUS_CLOSED,
    LANGUAGE_NAME,
    GREETING,
    LANGUAGE_CHANGED,
    LANGUAGE_AUTO,
    LANGUAGE_NOT_AVAILABLE,
    FALLBACK_NOT_SURE,
    FALLBACK_OFFER_PERSON,
    BUTTON_SPEAK_TO_PERSON,
    HANDOFF_CONTACT,
    HANDOFF_QUEUED,
    HANDOFF_PLACE,
    HANDOFF_AGENT_JOINED,
    HANDOFF_HANDED_BACK,
    HANDOFF_CLOSED,
    HANDOFF_AGENT_LOST,
    HANDOFF_TRANSFERRED,
    HANDOFF_LEFT_QUEUE,
    HANDOFF_LEFT_CHAT,
    HANDOFF_ALREADY_WAITING,
    HANDOFF_ALREADY_WITH_AGENT,
    HANDOFF_ENDED_AWAY,
    HANDOFF_UNAVAILABLE_CLOSED,
    HANDOFF_UNAVAILABLE_BUSY,
    HANDOFF_UNAVAILABLE_ERROR,
    RESUME_NOT_FOUND,
    FAQ_REVIEWED,
    FAQ_IN_OTHER_LANGUAGE,
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

/// The resident widget's own strings (`locales/<lang>/widget.ftl`), served to
/// it by `GET /widget/strings` so the widget has no text of its own. The
/// variables are filled in by the widget, not the server.
pub const WIDGET: &[Msg] = &[
    msg("widget-launcher", &[]),
    msg("widget-title", &[]),
    msg("widget-automated", &[]),
    msg("widget-close", &[]),
    msg("widget-end-chat", &[]),
    msg("widget-ended", &[]),
    msg("widget-new-chat", &[]),
    msg("widget-log-label", &[]),
    msg("widget-input-label", &[]),
    msg("widget-send", &[]),
    msg("widget-language-label", &[]),
    msg("widget-language-auto", &[]),
    msg("widget-you", &[]),
    msg("widget-assistant", &[]),
    msg("widget-agent", &["name"]),
    msg("widget-source", &["title"]),
    msg("widget-new-tab", &[]),
    msg("widget-connecting", &[]),
    msg("widget-reconnecting", &[]),
    msg("widget-unsent", &[]),
    msg("widget-offline", &[]),
    msg("widget-retry", &[]),
    msg("widget-contact-phone", &[]),
    msg("widget-contact-email", &[]),
];

/// Everything `check` verifies: [`REQUIRED`], [`SLOT_INVALID`],
/// [`WORD_LISTS`] and [`WIDGET`].
pub fn all_required() -> impl Iterator<Item = &'static Msg> {
    REQUIRED
        .iter()
        .chain(SLOT_INVALID)
        .chain(WORD_LISTS)
        .chain(WIDGET)
}

impl Msg {
    /// The error code clients see for an `error-…` message: `message-too-long`.
    pub fn code(&self) -> &'static str {
        self.id.strip_prefix("error-").unwrap_or(self.id)
    }
}
