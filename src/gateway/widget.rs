//! The resident widget and the demo council's page: `GET /widget.js` (the
//! embeddable script, from `widget/widget.js`), `GET /widget/strings` (its
//! words in one language, from `locales/<lang>/widget.ftl`), and `GET /` (a
//! page of the made-up Glanafon County Council with the widget embedded, and
//! its style sheet at `/widget/demo.css`).
//!
//! The widget has no text of its own: every label comes from the council's
//! Fluent files through the strings endpoint, with the council's phone and
//! email for the notice it shows when the chat cannot be reached. The demo
//! page carries the same strict Content-Security-Policy a careful council
//! would, so the browser tests prove the widget works under it. This module
//! serves files and strings only; the conversation is `resident.rs`'s.

use axum::Json;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::AppState;
use super::protocol::LanguageEntry;
use crate::lang::{Arg, Direction, LangTag, messages};

const SCRIPT: &str = include_str!("../../widget/widget.js");
const DEMO_PAGE: &str = include_str!("../../widget/demo.html");
const DEMO_STYLE: &str = include_str!("../../widget/demo.css");

/// The demo page runs only its own script and style and talks only to its
/// own origin, as a council's page might; the widget must work under it.
const DEMO_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
    connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; \
    frame-ancestors 'none'";

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(demo_page))
        .route("/widget/demo.css", get(demo_style))
        .route("/widget.js", get(script))
        .route("/widget/strings", get(strings))
}

async fn demo_page() -> Response {
    asset("text/html; charset=utf-8", "no-store", DEMO_PAGE)
}

async fn demo_style() -> Response {
    asset("text/css; charset=utf-8", "no-cache", DEMO_STYLE)
}

async fn script() -> Response {
    // Loaded by councils' pages on other origins: no framing or policy
    // headers matter for a script, but it must be allowed cross-origin.
    // Revalidated on every load so an upgrade reaches residents at once.
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (
                header::HeaderName::from_static("cross-origin-resource-policy"),
                "cross-origin",
            ),
        ],
        SCRIPT,
    )
        .into_response()
}

fn asset(content_type: &'static str, cache: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, cache),
            (header::CONTENT_SECURITY_POLICY, DEMO_POLICY),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::REFERRER_POLICY, "no-referrer"),
            (header::X_FRAME_OPTIONS, "DENY"),
        ],
        body,
    )
        .into_response()
}

#[derive(Debug, Deserialize)]
struct StringsQuery {
    lang: Option<String>,
}

/// The widget's words in one language.
#[derive(Debug, Serialize)]
struct WidgetStrings {
    /// The council language the request was matched to.
    lang: LangTag,
    dir: Direction,
    /// That language, then its fallbacks: where the strings came from.
    chain: Vec<LangTag>,
    /// Message id to text; each says its own language, since a string missing
    /// from a translation comes from a fallback language.
    strings: BTreeMap<&'static str, WidgetString>,
    languages: Vec<LanguageEntry>,
}

#[derive(Debug, Serialize)]
struct WidgetString {
    text: String,
    lang: LangTag,
    dir: Direction,
}

/// `GET /widget/strings?lang=cy`: the widget's strings in the council language
/// nearest to `lang` (the default language when none is near), with the
/// council's contact details. Public text, so any origin may read it.
async fn strings(State(app): State<AppState>, Query(query): Query<StringsQuery>) -> Response {
    let content = app.content.load();
    let languages = &content.languages;
    let lang = query
        .lang
        .as_deref()
        .and_then(|text| LangTag::parse(text).ok())
        .and_then(|tag| languages.negotiate(&tag))
        .unwrap_or_else(|| languages.default().clone());
    let chain = languages
        .info(&lang)
        .map(|info| info.chain.clone())
        .unwrap_or_else(|| vec![lang.clone()]);
    let strings = messages::WIDGET
        .iter()
        .map(|message| {
            // Variables stay as `{name}` placeholders for the widget to fill.
            let placeholders: Vec<(&str, Arg)> = message
                .variables
                .iter()
                .map(|variable| (*variable, Arg::Text(format!("{{{variable}}}"))))
                .collect();
            let localised = content.localiser.format(&lang, message.id, &placeholders);
            let entry = WidgetString {
                text: localised.text,
                dir: localised.lang.direction(),
                lang: localised.lang,
            };
            (message.id, entry)
        })
        .collect();
    let body = WidgetStrings {
        dir: lang.direction(),
        chain,
        strings,
        languages: LanguageEntry::all(languages),
        lang,
    };
    (
        [
            (header::CACHE_CONTROL, "no-cache"),
            (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        Json(body),
    )
        .into_response()
}
