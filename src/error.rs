//! The small set of error kinds every module's error maps into.
//!
//! Each module keeps its own `thiserror` enum; `kind()` on it names one of these,
//! and only `gateway` turns a kind into an HTTP status or a websocket error frame.

/// What kind of failure an error is, independent of the module it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The caller sent something malformed or out of bounds.
    BadRequest,
    /// The thing asked for does not exist (or no longer exists).
    NotFound,
    /// No valid credentials were presented.
    Unauthorised,
    /// Credentials were valid but do not allow this.
    Forbidden,
    /// The request clashes with the current state.
    Conflict,
    /// A dependency (store, content) is not available right now.
    Unavailable,
    /// A bug or an unexpected failure; details are logged, never sent.
    Internal,
}
