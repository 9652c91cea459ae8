//! councilbot's integration tests: one binary, a real server on a local port per
//! test, and real websocket clients.

mod bad_input;
mod commands;
mod health;
mod helpers;
mod language_eval;
mod languages;
mod operations;
mod resume;
mod safeguarding;
mod snapshots;
mod storage;
