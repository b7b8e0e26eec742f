//! The operators' Prometheus metrics: on an address of their own, never the public one, and the
//! figures move when the things they count happen.

use std::time::Duration;

use reqwest::StatusCode;

use crate::booking::{draft_for, draft_id};
use crate::cases::mandate_in_queue;
use crate::harness::TestApp;
use crate::on_both_databases;

/// The value of the sample `name` whose labels include `labels`, in Prometheus' text format.
fn value(text: &str, name: &str, labels: &[(&str, &str)]) -> Option<f64> {
    text.lines().filter(|line| !line.starts_with('#')).find_map(|line| {
        let (series, number) = line.rsplit_once(' ')?;
        let (metric, rest) = series.split_once('{').unwrap_or((series, "}"));
        if metric != name {
            return None;
        }
        let written = rest.strip_suffix('}')?;
        labels
            .iter()
            .all(|(label, wanted)| written.split(',').any(|pair| pair == format!("{label}=\"{wanted}\"")))
            .then(|| number.parse().ok())
            .flatten()
    })
}

async fn scrape(app: &TestApp) -> String {
    let address = app.metrics_address.as_ref().expect("metrics asked for");
    let answer = reqwest::get(format!("{address}/metrics"))
        .await
        .expect("the metrics answer");
    assert_eq!(answer.status(), StatusCode::OK);
    assert!(answer.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/plain; version=0.0.4"));
    answer.text().await.unwrap()
}

on_both_databases! {
    async fn the_operators_metrics_are_apart_and_move_when_things_happen(app: TestApp, settings = |s| {
        s.metrics_listen = Some("127.0.0.1:0".parse().unwrap());
        s.audit_check_every = Duration::from_millis(200);
    }) {
        // Never on the portal's own address.
        assert_eq!(app.get("/metrics").await.status(), StatusCode::NOT_FOUND);
        let before = scrape(&app).await;
        assert_eq!(value(&before, "sportello_database_up", &[]), Some(1.0), "{before}");
        assert_eq!(value(&before, "sportello_queue_requests", &[("unit", "minori")]), Some(0.0), "{before}");
        assert_eq!(value(&before, "sportello_bookings_upcoming", &[]), Some(0.0));
        assert_eq!(value(&before, "sportello_outbox_emails", &[("state", "failed")]), Some(0.0));

        // A family books: the confirmation is counted, the page answered is counted and timed, the
        // booking is among those to come, its reminder waits in the outbox for its day.
        let summary = draft_for(&app, "Anna", "09:30").await;
        let confirmed = app.post_form("/prenota/riepilogo", &[("bozza", &draft_id(&summary))]).await;
        assert_eq!(confirmed.status(), StatusCode::SEE_OTHER);
        app.wait_for_emails(1).await;
        let after = scrape(&app).await;
        assert_eq!(value(&after, "sportello_bookings_confirmed_total", &[("by", "famiglia")]), Some(1.0), "{after}");
        assert_eq!(value(&after, "sportello_bookings_upcoming", &[]), Some(1.0));
        let confirmations = [("route", "/prenota/riepilogo"), ("method", "POST"), ("status", "303")];
        assert_eq!(value(&after, "sportello_http_requests_total", &confirmations), Some(1.0), "{after}");
        let timed = [("route", "/prenota/riepilogo"), ("method", "POST")];
        assert_eq!(value(&after, "sportello_http_request_duration_seconds_count", &timed), Some(1.0));
        assert!(value(&after, "sportello_http_request_duration_seconds_bucket", &[("route", "/prenota/riepilogo"), ("le", "10")]).is_some());
        assert_eq!(value(&after, "sportello_outbox_emails", &[("state", "scheduled")]), Some(1.0), "the reminder");
        assert!(!after.contains("bozza=") && !after.contains("Anna"), "no address with its query, no personal data");

        // A court's mandate reaches the Servizio Minori's queue, and waits there.
        mandate_in_queue(&app).await;
        let queued = scrape(&app).await;
        assert_eq!(value(&queued, "sportello_queue_requests", &[("unit", "minori")]), Some(1.0));
        assert_eq!(value(&queued, "sportello_queue_urgent_requests", &[("unit", "minori")]), Some(0.0));
        let waited = value(&queued, "sportello_queue_oldest_wait_seconds", &[("unit", "minori")]).unwrap();
        assert!((86_400.0..90_000.0).contains(&waited), "queued a day ago: {waited}");
        app.execute("UPDATE requests SET urgency = 'urgente'").await;
        assert_eq!(value(&scrape(&app).await, "sportello_queue_urgent_requests", &[("unit", "minori")]), Some(1.0));

        // An email given up on shows, for the front desk to call the family.
        app.execute("UPDATE email_outbox SET status = 'failed', next_attempt_at = created_at WHERE status = 'pending'").await;
        assert_eq!(value(&scrape(&app).await, "sportello_outbox_emails", &[("state", "failed")]), Some(1.0));

        // The audit trail's periodic check: intact, and when; the checkpoint's time.
        app.wait_for_a_watch_turn().await;
        let watched = scrape(&app).await;
        assert_eq!(value(&watched, "sportello_audit_trail_intact", &[]), Some(1.0), "{watched}");
        assert!(value(&watched, "sportello_audit_last_check_timestamp_seconds", &[]).is_some_and(|at| at > 0.0));
        let checkpoint = value(&watched, "sportello_audit_checkpoint_timestamp_seconds", &[]).unwrap();
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs_f64();
        assert!((now - checkpoint).abs() < 60.0, "moved on just now");
    }
}
