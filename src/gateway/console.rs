//! The staff console's page, script and style sheet (`GET /console`,
//! `/console/console.js`, `/console/console.css`), embedded in the binary from
//! `widget/console.*` so a deployment is still one file.
//!
//! Every answer carries a strict Content-Security-Policy: the page runs only
//! its own script and style, talks only to its own origin (the sign-in routes
//! and `/ws/agent`), and cannot be framed. The console itself builds its DOM
//! with `textContent`, so nothing a resident typed can become markup. This
//! module serves files only; sign-in is `staff.rs`'s and the socket `agent.rs`'s.

use axum::Router;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::AppState;

const PAGE: &str = include_str!("../../widget/console.html");
const SCRIPT: &str = include_str!("../../widget/console.js");
const STYLE: &str = include_str!("../../widget/console.css");

/// Own script, style and socket only; no framing, no plugins, no forms posted
/// elsewhere. `connect-src 'self'` also covers the same-origin `ws://`/`wss://`
/// socket in current browsers (the browser test checks it in Chromium).
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
    style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; \
    form-action 'none'; frame-ancestors 'none'";

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/console", get(page))
        .route("/console/console.js", get(script))
        .route("/console/console.css", get(style))
}

async fn page() -> Response {
    // The page is tiny and must never outlive a release in a cache: no-store.
    asset("text/html; charset=utf-8", "no-store", PAGE)
}

async fn script() -> Response {
    // Revalidated on every load (no version in the name), so an upgrade takes
    // effect at the next reload.
    asset("text/javascript; charset=utf-8", "no-cache", SCRIPT)
}

async fn style() -> Response {
    asset("text/css; charset=utf-8", "no-cache", STYLE)
}

fn asset(content_type: &'static str, cache: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, cache),
            (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::REFERRER_POLICY, "no-referrer"),
            (header::X_FRAME_OPTIONS, "DENY"),
        ],
        body,
    )
        .into_response()
}
