//! The command-line tools for content editors: `check` validates the content
//! folder, `chat` talks to the bot in a terminal. They read and write through
//! the given streams, so tests drive them like a terminal would.

pub mod agent;
pub mod chat;
pub mod check;
