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
    match app.store.ping().await {
        Ok(()) => (
            StatusCode::OK,
            Json(json!({ "status": "ready", "languages": languages })),
        ),
        Err(error) => {
            tracing::warn!(%error, "store not reachable");
            let body = json!({ "status": "not ready", "reason": "store not reachable", "languages": languages });
            (StatusCode::SERVICE_UNAVAILABLE, Json(body))
        }
    }
}
