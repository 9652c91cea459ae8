//! `GET /healthz` (the process is up) and `GET /readyz` (content loaded and the
//! store answering), for load balancers and operators.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde_json::json;

use super::AppState;

pub(crate) async fn healthz() -> &'static str {
    "ok"
}

pub(crate) async fn readyz(State(app): State<AppState>) -> (StatusCode, Json<serde_json::Value>) {
    let content = app.content.load();
    let languages: Vec<String> = content
        .languages
        .all()
        .iter()
        .map(|info| info.tag.to_string())
        .collect();
    // A rejected change leaves the previous content serving: still ready.
    let reload = app.reloads.report();
    match app.store.ping().await {
        Ok(()) => (
            StatusCode::OK,
            Json(json!({ "status": "ready", "languages": languages, "content": reload })),
        ),
        Err(error) => {
            tracing::warn!(%error, "store not reachable");
            let body = json!({ "status": "not ready", "reason": "store not reachable", "languages": languages, "content": reload });
            (StatusCode::SERVICE_UNAVAILABLE, Json(body))
        }
    }
}
