//! The staff console's page and script, embedded in the binary.

use axum::Router;

use super::AppState;

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
}
