//! councilbot's integration tests: one binary, a real server on a local port per
//! test, and real websocket clients.

mod bad_input;
mod browser;
mod commands;
mod console;
mod faq_eval;
mod flows;
mod handoff;
mod health;
mod helpers;
mod intent_eval;
mod knowledge;
mod language_eval;
mod languages;
mod operations;
mod reload;
mod resume;
mod robustness;
mod safeguarding;
mod snapshots;
mod staff;
mod storage;
mod widget;
