//! Prometheus metrics, for the people who keep the service running: served on a listen address of
//! their own (`SPORTELLO_METRICS_LISTEN`, off by default), never on the public one, and holding no
//! personal data — counts, ages and times only.
//!
//! Two kinds of figure:
//! - **this process's**, counted as things happen (`metrics` facade, `metrics-exporter-prometheus`
//!   recorder): requests by route pattern, method and status with their latency, bookings
//!   confirmed, the audit trail's last check;
//! - **the service's**, read from the database at each scrape, so every instance reports the same
//!   whole: the mail outbox, each unit's queue, the bookings to come, the audit checkpoint.

use std::net::SocketAddr;
use std::sync::OnceLock;
use std::time::Duration;

use app::db::Db;
use app::state::AppState;
use axum::http::{header, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use chrono::{DateTime, Utc};
use metrics::{counter, gauge, histogram};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

pub const METRICS_PATH: &str = "/metrics";

const REQUESTS: &str = "sportello_http_requests_total";
const REQUEST_SECONDS: &str = "sportello_http_request_duration_seconds";
/// From a page served from memory (about a millisecond) to the statement limit (10 s).
const LATENCY_BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

static RECORDER: OnceLock<PrometheusHandle> = OnceLock::new();

/// The process's recorder, installed once (the first server of a process that asks for metrics;
/// the other servers of a test process share it).
fn recorder() -> Result<PrometheusHandle, String> {
    if let Some(handle) = RECORDER.get() {
        return Ok(handle.clone());
    }
    let recorder = PrometheusBuilder::new()
        .set_buckets_for_metric(Matcher::Full(REQUEST_SECONDS.to_owned()), LATENCY_BUCKETS)
        .map_err(|e| e.to_string())?
        .build_recorder();
    let handle = recorder.handle();
    match metrics::set_global_recorder(recorder) {
        Ok(()) => {
            let _ = RECORDER.set(handle.clone());
            Ok(handle)
        }
        // Another thread installed it first.
        Err(_) => RECORDER
            .get()
            .cloned()
            .ok_or_else(|| "a metrics recorder of another kind is installed".to_owned()),
    }
}

/// One answered request, by its route pattern (never its path, which may carry a token), its
/// method and its status.
pub fn record_request(route: &str, method: &Method, status: StatusCode, took: Duration) {
    // Without metrics (the default) a request costs nothing here, not even its labels.
    if RECORDER.get().is_none() {
        return;
    }
    counter!(REQUESTS, "route" => route.to_owned(), "method" => method.to_string(), "status" => status.as_str().to_owned())
        .increment(1);
    histogram!(REQUEST_SECONDS, "route" => route.to_owned(), "method" => method.to_string()).record(took.as_secs_f64());
}

/// What the periodic check of the audit trail found, and when.
pub fn record_audit_check(intact: bool, at: DateTime<Utc>) {
    gauge!("sportello_audit_trail_intact").set(if intact { 1.0 } else { 0.0 });
    gauge!("sportello_audit_last_check_timestamp_seconds").set(at.timestamp() as f64);
}

/// The metrics listener, bound at start so a taken address stops the start, not the first scrape.
pub struct MetricsListener {
    listener: tokio::net::TcpListener,
    handle: PrometheusHandle,
}

impl MetricsListener {
    pub async fn bind(address: SocketAddr) -> Result<Self, crate::startup::StartupError> {
        let handle = recorder().map_err(crate::startup::StartupError::Metrics)?;
        let listener = tokio::net::TcpListener::bind(address)
            .await
            .map_err(|e| crate::startup::StartupError::Listen(address, e))?;
        Ok(Self { listener, handle })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().expect("a bound listener has an address")
    }

    /// Serves `GET /metrics` until `stop` resolves.
    pub async fn serve(self, state: AppState, stop: impl std::future::Future<Output = ()> + Send + 'static) {
        let upkeep = self.handle.clone();
        // Without the exporter's own HTTP server, its upkeep (draining histograms) is ours to run.
        let upkeeping = tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(5));
            loop {
                tick.tick().await;
                upkeep.run_upkeep();
            }
        });
        let handle = self.handle;
        let router = Router::new().route(
            METRICS_PATH,
            get(move || {
                let (state, handle) = (state.clone(), handle.clone());
                async move { scrape(&state, &handle).await }
            }),
        );
        if let Err(error) = axum::serve(self.listener, router).with_graceful_shutdown(stop).await {
            tracing::error!(error = %error, "the metrics listener stopped");
        }
        upkeeping.abort();
    }
}

async fn scrape(state: &AppState, handle: &PrometheusHandle) -> Response {
    let now = state.clock.now();
    let database_up = match service_figures(&state.db, now).await {
        Ok(figures) => {
            figures.publish();
            true
        }
        Err(error) => {
            tracing::warn!(error = %error, "metrics: the database did not answer; the service's figures are the last read");
            false
        }
    };
    gauge!("sportello_database_up").set(if database_up { 1.0 } else { 0.0 });
    if let Some(written) = std::fs::metadata(state.audit_checkpoint.path())
        .and_then(|metadata| metadata.modified())
        .ok()
        .and_then(|written| written.duration_since(std::time::UNIX_EPOCH).ok())
    {
        gauge!("sportello_audit_checkpoint_timestamp_seconds").set(written.as_secs_f64());
    }
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")],
        handle.render(),
    )
        .into_response()
}

/// One unit's queue: requests waiting, urgent ones among them, the oldest's arrival.
#[derive(sqlx::FromRow)]
struct QueueRow {
    unit: String,
    waiting: i64,
    urgent: Option<i64>,
    oldest: Option<DateTime<Utc>>,
}

/// The service's figures, read in one go.
struct ServiceFigures {
    now: DateTime<Utc>,
    emails_due: i64,
    oldest_due: Option<DateTime<Utc>>,
    emails_scheduled: i64,
    emails_failed: i64,
    queues: Vec<QueueRow>,
    bookings_upcoming: i64,
}

impl ServiceFigures {
    fn publish(&self) {
        let age =
            |since: Option<DateTime<Utc>>| since.map_or(0.0, |since| (self.now - since).num_seconds().max(0) as f64);
        gauge!("sportello_outbox_emails", "state" => "due").set(self.emails_due as f64);
        gauge!("sportello_outbox_emails", "state" => "scheduled").set(self.emails_scheduled as f64);
        gauge!("sportello_outbox_emails", "state" => "failed").set(self.emails_failed as f64);
        gauge!("sportello_outbox_oldest_due_seconds").set(age(self.oldest_due));
        for queue in &self.queues {
            gauge!("sportello_queue_requests", "unit" => queue.unit.clone()).set(queue.waiting as f64);
            gauge!("sportello_queue_urgent_requests", "unit" => queue.unit.clone())
                .set(queue.urgent.unwrap_or(0) as f64);
            gauge!("sportello_queue_oldest_wait_seconds", "unit" => queue.unit.clone()).set(age(queue.oldest));
        }
        gauge!("sportello_bookings_upcoming").set(self.bookings_upcoming as f64);
    }
}

async fn service_figures(db: &Db, now: DateTime<Utc>) -> Result<ServiceFigures, sqlx::Error> {
    app::on_db!(db, pool => {
        let (emails_due, oldest_due): (i64, Option<DateTime<Utc>>) = sqlx::query_as(
            "SELECT COUNT(*), MIN(created_at) FROM email_outbox WHERE status IN ('pending', 'sending') AND next_attempt_at <= $1",
        )
        .bind(now)
        .fetch_one(pool)
        .await?;
        let emails_scheduled: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM email_outbox WHERE status = 'pending' AND next_attempt_at > $1",
        )
        .bind(now)
        .fetch_one(pool)
        .await?;
        let emails_failed: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM email_outbox WHERE status = 'failed'")
            .fetch_one(pool)
            .await?;
        let queues: Vec<QueueRow> = sqlx::query_as(
            "SELECT u.code AS unit, COUNT(r.id) AS waiting,
                    SUM(CASE WHEN r.urgency = 'urgente' THEN 1 ELSE 0 END) AS urgent,
                    MIN(r.created_at) AS oldest
               FROM units u LEFT JOIN requests r ON r.unit_id = u.id AND r.state = 'in_coda'
              WHERE u.active
              GROUP BY u.code",
        )
        .fetch_all(pool)
        .await?;
        let bookings_upcoming: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM bookings WHERE status = 'confermata' AND starts_at >= $1",
        )
        .bind(now)
        .fetch_one(pool)
        .await?;
        Ok(ServiceFigures {
            now,
            emails_due,
            oldest_due,
            emails_scheduled,
            emails_failed,
            queues,
            bookings_upcoming,
        })
    })
}
