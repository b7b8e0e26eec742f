//! The server's background work, started with it and stopped with it: the mail worker, the
//! periodic watch (audit trail, escalations, the organisation's name, the hourly housekeeping) and
//! the listener that tells the public pages' cache what another instance changed.

use std::sync::Arc;

use app::state::AppState;

use crate::mailer::{self, Mailer};
use crate::page_cache::{self, PageCache};

/// The running workers, to stop with the server.
pub struct Jobs {
    stop: tokio::sync::watch::Sender<bool>,
    mail: tokio::task::JoinHandle<()>,
    others: Vec<tokio::task::JoinHandle<()>>,
}

impl Jobs {
    /// Tells the mail worker to take no more emails and waits, until `deadline`, for it to settle
    /// the one in its hands (sent, or back in the queue); the other workers hold nothing that a
    /// stop could lose, and are stopped at once.
    pub async fn stop(self, deadline: tokio::time::Instant) {
        let _ = self.stop.send(true);
        for other in &self.others {
            other.abort();
        }
        if tokio::time::timeout_at(deadline, self.mail).await.is_err() {
            tracing::warn!("the mail worker was still sending at the shutdown deadline; its email stays leased and is sent after the lease runs out");
        }
    }
}

/// Spawns every background worker on the running runtime.
pub fn start(
    state: &AppState,
    mailer: Mailer,
    mail_from: Arc<lettre::message::Mailbox>,
    watch_every: std::time::Duration,
    pages: Arc<PageCache>,
) -> Jobs {
    let (stop, stop_asked) = tokio::sync::watch::channel(false);
    Jobs {
        stop,
        mail: tokio::spawn(mailer::run(state.clone(), mailer, mail_from, stop_asked)),
        others: vec![
            tokio::spawn(keep_watch(state.clone(), watch_every, pages.clone())),
            tokio::spawn(page_cache::listen_for_changes(pages)),
        ],
    }
}

/// Every few minutes: verifies the audit trail written since the checkpoint (and moves the
/// checkpoint on), tells coordinators about urgent requests waiting too long and court deadlines
/// drawing near, and rereads the organisation's name, which another instance may have changed;
/// and once an hour by the application's clock (so a test can move to the day the data expire),
/// the housekeeping.
async fn keep_watch(state: AppState, every: std::time::Duration, pages: Arc<PageCache>) {
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut housekept_at: Option<chrono::DateTime<chrono::Utc>> = None;
    loop {
        tick.tick().await;
        let now = state.clock.now();
        if housekept_at.is_none_or(|last| now - last >= chrono::Duration::hours(1)) {
            housekeeping(&state).await;
            housekept_at = Some(now);
        }
        match app::staff::audit_page::store::check_since_checkpoint(&state).await {
            // A broken trail is logged and recorded by the check itself.
            Ok(report) => crate::metrics::record_audit_check(report.is_intact(), now),
            Err(error) => tracing::warn!(error = %error, "cannot check the audit trail; will retry"),
        }
        match app::queues::escalation::run(&state).await {
            Ok(0) => {}
            Ok(told) => tracing::info!(told, "coordinators told about urgent requests and court deadlines"),
            Err(error) => tracing::warn!(error = %error, "cannot check escalations; will retry"),
        }
        match app::organisation::store::organisation_name(&state.db).await {
            Ok(name) if name != state.organisation_name() => {
                state.set_organisation_name(name);
                pages.forget_all();
            }
            Ok(_) => {}
            Err(error) => tracing::warn!(error = %error, "cannot reread the organisation's name; will retry"),
        }
    }
}

/// The hourly housekeeping: erases the personal data kept longer than needed (see
/// `app::booking::retention`), expired sessions and old sign-in attempts, and removes the files
/// of uploads cut short.
async fn housekeeping(state: &AppState) {
    match app::booking::retention::erase_expired(&state.db, state.clock.now(), state.booking.retention_days).await {
        Ok(erased) if erased != app::booking::retention::Erased::default() => {
            tracing::info!(?erased, "expired personal data erased")
        }
        Ok(_) => {}
        Err(error) => tracing::warn!(error = %error, "cannot erase expired personal data; will retry"),
    }
    let now = state.clock.now();
    for table in crate::staff::SESSION_TABLES {
        if let Err(error) = crate::staff::delete_expired_sessions(&state.db, table, now).await {
            tracing::warn!(error = %error, table, "cannot delete expired sessions; will retry");
        }
    }
    if let Err(error) = app::access::auth::forget_old_attempts(&state.db, now).await {
        tracing::warn!(error = %error, "cannot forget old sign-in attempts; will retry");
    }
    if let Err(error) = app::files::sweep_orphans(state).await {
        tracing::warn!(error = %error, "cannot sweep the documents folder; will retry");
    }
}
