//! councilbot: a multilingual, rule-based chat service for council websites.
//!
//! Residents chat through a widget over `/ws/chat`; each message runs through the
//! pipeline of DESIGN.md (safeguarding, language, active flow, intent, knowledge
//! base, fallback, handoff) and the bot answers from the council's own content.
//!
//! # Layout
//! - [`config`]: typed configuration (defaults < file < env < flags).
//! - [`content`]: loads and checks the council's content folder into `Content`.
//! - [`lang`]: language tags, detection, the language policy, Fluent strings.
//! - [`conversation`]: the message pipeline over plain conversation state; no I/O.
//! - [`kb`]: the FAQ knowledge base: per-language tantivy indexes and answers.
//! - [`gateway`]: HTTP and websockets: routes, the resident protocol, sessions,
//!   staff sign-in and the staff console's socket.
//! - [`handoff`]: the queue for a person: one task owning who waits and which
//!   agent has which chat.
//! - [`staff`]: staff accounts, roles, passwords and sign-in.
//! - [`store`]: SQLite or PostgreSQL through sqlx; the only database code.
//! - [`commands`]: `check` and `chat` for content editors, `agent` for operators.
//! - [`text`], [`redact`], [`yaml`]: normalisation and matching, personal-data
//!   redaction, and the one place YAML is parsed.

pub mod commands;
pub mod config;
pub mod content;
pub mod conversation;
pub mod error;
pub mod flows;
pub mod gateway;
pub mod handoff;
pub mod kb;
pub mod lang;
pub mod redact;
pub mod staff;
pub mod store;
pub mod text;
mod token;
pub mod yaml;

use std::sync::Arc;

use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use config::Config;
use content::Findings;
use gateway::AppState;
use store::{Store, StoreError};

/// Why the server could not start or stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("the content has errors:\n{0}")]
    Content(Findings),
    #[error("store: {0}")]
    Store(#[from] StoreError),
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
    #[error("configuration: {0}")]
    Config(String),
}

/// Loads the content, opens the store and serves on `listener` until `shutdown`
/// is cancelled; then closes every resident socket and commits what is queued.
pub async fn run(
    config: Config,
    listener: TcpListener,
    shutdown: CancellationToken,
) -> Result<(), RunError> {
    let started = std::time::Instant::now();
    config.council.time_zone().map_err(RunError::Config)?;
    let loaded = content::load(&config).map_err(RunError::Content)?;
    for finding in loaded.findings.iter() {
        tracing::warn!(%finding, "content");
    }
    let store = Store::open(
        &config.storage.effective_database_url(),
        &config.storage.data_dir,
    )
    .await?;
    let zone = config.council.time_zone().map_err(RunError::Config)?;
    let handoff = handoff::Handoff::start(&config, store.clone(), zone)
        .await
        .map_err(|error| RunError::Config(error.to_string()))?;
    let state = AppState::new(config, loaded, store.clone(), handoff, shutdown.clone());
    if state.config.content.watch {
        let watching = content::watch::spawn(
            Arc::clone(&state.config),
            Arc::clone(&state.content),
            Arc::clone(&state.reloads),
            shutdown.clone(),
        );
        match watching {
            Ok(_) => {
                tracing::info!(dir = %state.config.content.dir.display(), "watching content for changes")
            }
            Err(error) => {
                tracing::warn!(%error, "cannot watch the content folder; changes need a restart")
            }
        }
    }
    let app = gateway::router(state.clone());
    tracing::info!(
        council = %state.config.council.name,
        address = %listener.local_addr()?,
        backend = ?store.backend(),
        startup_ms = started.elapsed().as_millis() as u64,
        "councilbot ready"
    );
    // Each connection knows its peer's address, for the per-address rate limit.
    let app = app.into_make_service_with_connect_info::<std::net::SocketAddr>();
    // A turn is two small frames (ack, then the reply): without TCP_NODELAY
    // the second waits for the client's delayed ACK, up to 40 ms.
    let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
        if let Err(error) = tcp.set_nodelay(true) {
            tracing::debug!(%error, "cannot set TCP_NODELAY");
        }
    });
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown.cancelled_owned())
        .await?;
    // axum does not wait for upgraded sockets; their sessions see the same token.
    state.tasks.close();
    state.tasks.wait().await;
    store.close().await;
    tracing::info!("councilbot stopped");
    Ok(())
}
