//! What every request handler and server function needs from the running server.

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use tokio::sync::Notify;

use crate::clock::Clock;
use crate::db::Db;

/// Shared by all requests; cheap to clone. Server functions get it with
/// `expect_context::<AppState>()`, axum handlers with `State<AppState>`.
#[derive(Clone, Debug, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub clock: Arc<dyn Clock>,
    /// Wakes the email sender when a message is queued, so it leaves at once rather than at the
    /// next poll.
    pub mail_ready: Arc<Notify>,
    /// The address the portal is reached at, used in links inside emails.
    pub public_url: String,
    /// The organisation's name for every page's header, read once at start (it rarely changes; the
    /// administration pages will refresh it when they change it).
    pub organisation_name: Arc<std::sync::RwLock<String>>,
}

impl AppState {
    /// The state of the current request, in a server function or a page rendered on the server.
    pub fn current() -> Self {
        leptos::prelude::expect_context::<AppState>()
    }

    pub fn organisation_name(&self) -> String {
        self.organisation_name
            .read()
            .map(|name| name.clone())
            .unwrap_or_default()
    }
}
