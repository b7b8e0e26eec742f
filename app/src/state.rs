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
    /// How bookings are reminded and how long their personal data are kept.
    pub booking: BookingSettings,
    /// The audit trail's key and the checkpoint of its head, both outside the database.
    pub audit_key: crate::audit::AuditKey,
    pub audit_checkpoint: crate::audit::checkpoint::CheckpointFile,
    /// The keys that seal secrets at rest (second-factor secrets, case documents), outside the
    /// database.
    pub data_keys: Arc<crate::sealing::DataKeys>,
    /// When coordinators are told about waiting urgent requests and near court deadlines.
    pub escalation: EscalationSettings,
    /// Where the case documents are kept, and how large one may be.
    pub documents: DocumentSettings,
    /// The address of the right-to-left stylesheet (`/css/sportello-rtl.<hash>.css`, built by
    /// `scripts/build-style`) that Arabic pages use instead of the usual one; `None` where the
    /// site has none (a server started without building the style), and they keep the usual one.
    pub right_to_left_stylesheet: Option<Arc<str>>,
    /// The identity providers the personal area offers (SPID, CIE…), in the configuration's order;
    /// empty when the organisation has registered with none, and the area cannot be entered.
    pub identity_providers: Arc<[IdentityProviderChoice]>,
}

/// An identity provider as the sign-in page offers it: its key in the configuration (what the form
/// sends) and its name on the button ("Entra con SPID").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdentityProviderChoice {
    pub key: String,
    pub name: String,
}

/// The case documents' folder, outside the web root (`SPORTELLO_DOCUMENTS_DIR`), and the largest
/// file accepted (`SPORTELLO_DOCUMENT_MAX_BYTES`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentSettings {
    pub dir: std::path::PathBuf,
    pub max_bytes: usize,
}

impl DocumentSettings {
    /// 10 MiB: a scanned decree of a few pages, or a phone photo of a certificate.
    pub const DEFAULT_MAX_BYTES: usize = 10 * 1024 * 1024;
}

/// When a unit's coordinators are told (on their queue page, and once by email).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EscalationSettings {
    /// An urgent request still waiting after this many hours (`SPORTELLO_URGENT_WAIT_HOURS`).
    pub urgent_wait_hours: u32,
    /// A court's report deadline within this many days (`SPORTELLO_DEADLINE_WARNING_DAYS`).
    pub deadline_warning_days: u32,
}

impl Default for EscalationSettings {
    fn default() -> Self {
        Self {
            urgent_wait_hours: 24,
            deadline_warning_days: 14,
        }
    }
}

/// Settings of the booking engine that come from the environment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BookingSettings {
    /// The reminder leaves this many hours before the appointment (`SPORTELLO_REMINDER_HOURS`).
    pub reminder_hours: u32,
    /// Personal data of cancelled bookings, and of past ones that led to no request, are erased
    /// this many days after (`SPORTELLO_RETENTION_DAYS`).
    pub retention_days: u32,
    /// Future bookings one email address or phone number may hold
    /// (`SPORTELLO_MAX_BOOKINGS_PER_CONTACT`).
    pub max_future_per_contact: u32,
}

impl Default for BookingSettings {
    fn default() -> Self {
        Self {
            reminder_hours: 24,
            retention_days: 90,
            max_future_per_contact: 3,
        }
    }
}

impl AppState {
    /// The state of the current request, in a server function or a page rendered on the server.
    pub fn current() -> Self {
        leptos::prelude::expect_context::<AppState>()
    }

    /// Replaces the name every page shows (after an administrator changed it, here or on another
    /// instance).
    pub fn set_organisation_name(&self, name: String) {
        if let Ok(mut current) = self.organisation_name.write() {
            *current = name;
        }
    }

    pub fn organisation_name(&self) -> String {
        self.organisation_name
            .read()
            .map(|name| name.clone())
            .unwrap_or_default()
    }
}
