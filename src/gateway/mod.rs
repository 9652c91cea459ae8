//! The only code that knows axum, websockets and HTTP: routes, the resident
//! protocol and sockets, and the health endpoints.

mod agent;
mod console;
mod health;
mod limits;
pub mod protocol;
mod registry;
mod resident;
mod session;
mod staff;
mod widget;

use std::sync::Arc;

use arc_swap::ArcSwap;
use axum::Router;
use axum::routing::get;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::config::Config;
use crate::content::{Content, ReloadStatus};
use crate::store::Store;

/// Shared handles for every request and socket. Cloning costs a few reference
/// count increments: it holds only `Arc`s and handles.
#[derive(Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    /// The current content; a reload swaps in a new one whole.
    pub content: Arc<ArcSwap<Content>>,
    /// What the last content reload did, for `/readyz`.
    pub reloads: Arc<ReloadStatus>,
    pub store: Store,
    /// The queue for a person.
    pub handoff: crate::handoff::Handoff,
    /// The council's time zone (validated at start).
    pub zone: jiff::tz::TimeZone,
    pub(crate) sessions: registry::Registry,
    pub(crate) addresses: Arc<limits::AddressLimits>,
    /// Failed staff sign-ins, for throttling.
    pub(crate) logins: Arc<crate::staff::LoginThrottle>,
    /// Cancelled when the server starts shutting down.
    pub shutdown: CancellationToken,
    /// Every resident socket's task, so shutdown can wait for them.
    pub tasks: TaskTracker,
}

impl AppState {
    pub fn new(
        config: Config,
        loaded: crate::content::Loaded,
        store: Store,
        handoff: crate::handoff::Handoff,
        shutdown: CancellationToken,
    ) -> AppState {
        let zone = config
            .council
            .time_zone()
            .unwrap_or(jiff::tz::TimeZone::UTC);
        AppState {
            zone,
            reloads: Arc::new(ReloadStatus::started(&loaded.findings)),
            content: Arc::new(ArcSwap::from_pointee(loaded.content)),
            store,
            handoff,
            sessions: registry::Registry::default(),
            addresses: Arc::new(limits::AddressLimits::new(
                config.server.address_rate_limit_burst,
                config.server.address_rate_limit_per_minute,
            )),
            logins: Arc::new(crate::staff::LoginThrottle::new(
                config.staff.login_attempts,
                std::time::Duration::from_secs(config.staff.lockout_minutes * 60),
            )),
            config: Arc::new(config),
            shutdown,
            tasks: TaskTracker::new(),
        }
    }

    /// Resident sockets open now.
    pub fn live_sessions(&self) -> usize {
        self.sessions.len()
    }
}

/// Every route the server answers.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/ws/chat", get(resident::chat_socket))
        .route("/ws/agent", get(agent::agent_socket))
        .merge(staff::routes())
        .merge(console::routes())
        .merge(widget::routes())
        .with_state(state)
}
