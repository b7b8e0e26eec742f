//! PostgreSQL goes down in the middle of the day, as in a crash or a failover, while families are
//! booking: the server answers its "temporarily unavailable" page with the request id, quickly,
//! never a 500 or a request that hangs; `/health` says 503; and minutes of work are not lost. As
//! soon as the database is back every page answers again, and each booking a family was told
//! about is there exactly once, whoever pressed "Conferma" again after a 503.
//!
//! The database is a cluster of the test's own ([`OwnPostgres`]): the shared server the other
//! tests use is never stopped.

use std::collections::{BTreeSet, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use server::config::DatabaseLocation;

use crate::harness::{browser, start_app, test_settings, Backend};
use crate::own_postgres::OwnPostgres;
use crate::staff::demo_browser;

/// The connection and statement limits the server runs with here: an answer during the outage
/// must come within them, with some room for a slow machine.
const ACQUIRE: Duration = Duration::from_secs(2);
const STATEMENT: Duration = Duration::from_secs(2);
const ANSWER_WITHIN: Duration = Duration::from_secs(8);
/// How long the database stays down.
const DOWN_FOR: Duration = Duration::from_secs(3);
/// "Within seconds": from the database's start to the server's health saying so.
const BACK_WITHIN: Duration = Duration::from_secs(10);
const FAMILIES: usize = 4;

/// What one request got: its status, how long it took, and whether a 503 showed its request id.
struct Seen {
    what: &'static str,
    status: StatusCode,
    took: Duration,
    shows_request_id: bool,
    /// The page, when a 503 did not show its request id.
    page: Option<String>,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_crashes_under_load_and_no_booking_is_lost_or_doubled() {
    let Some(cluster) = OwnPostgres::start() else {
        return;
    };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut settings = test_settings(dir.path(), DatabaseLocation::Postgres { url: cluster.url() });
    settings.database_timeouts = server::database::Timeouts {
        acquire: ACQUIRE,
        statement: STATEMENT,
    };
    let app = start_app(settings, Backend::Postgres, dir, None).await;
    let desk = demo_browser(&app, "sportello").await;

    // The slots families will book, each once: every free time of the weekdays of March and April.
    let mut slots = VecDeque::new();
    let first = chrono::NaiveDate::from_ymd_opt(2026, 3, 3).unwrap();
    for day in first.iter_days().take(59).map(|day| day.to_string()) {
        let page = app
            .get(&format!(
                "/prenota?sede=segretariato-sociale&argomento=figli-e-famiglia&giorno={day}"
            ))
            .await
            .text()
            .await
            .unwrap();
        for time in page
            .split("name=\"ora\" value=\"")
            .skip(1)
            .filter_map(|rest| rest.get(..5))
        {
            slots.push_back((day.clone(), time.to_owned()));
        }
    }
    assert!(slots.len() > 100, "slots to book: {}", slots.len());
    let slots = Arc::new(Mutex::new(slots));
    let seen = Arc::new(Mutex::new(Vec::<Seen>::new()));
    let confirmed = Arc::new(Mutex::new(BTreeSet::<String>::new()));
    let stop = Arc::new(AtomicBool::new(false));

    let families: Vec<_> = (0..FAMILIES)
        .map(|family| {
            let (address, slots, seen, confirmed, stop) = (
                app.address.clone(),
                slots.clone(),
                seen.clone(),
                confirmed.clone(),
                stop.clone(),
            );
            tokio::spawn(async move {
                let client = browser();
                let name = ["Anna", "Bashir", "Chiara", "Dumitru"][family % 4];
                while !stop.load(Ordering::Relaxed) {
                    let Some((day, time)) = slots.lock().unwrap().pop_front() else {
                        break;
                    };
                    if let Some(draft) = book(&client, &address, &day, &time, name, &seen).await {
                        confirmed.lock().unwrap().insert(draft);
                    }
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            })
        })
        .collect();

    // Bookings before the fault.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let before = confirmed.lock().unwrap().len();
    assert!(
        before > 0,
        "families book before the fault: {:?}",
        seen.lock()
            .unwrap()
            .iter()
            .map(|s| (s.what, s.status))
            .collect::<Vec<_>>()
    );

    cluster.crash();
    let down_since = Instant::now();
    // While it is down: the health check, a page of the back office and the booking forms
    // (the families go on) answer 503 with the request id, each within the limits.
    let mut probes = 0;
    while down_since.elapsed() < DOWN_FOR {
        let started = Instant::now();
        let health = app.get("/health").await;
        assert_eq!(
            health.status(),
            StatusCode::SERVICE_UNAVAILABLE,
            "the health check says the database is down"
        );
        assert!(
            started.elapsed() < ANSWER_WITHIN,
            "the health check took {:?}",
            started.elapsed()
        );
        let started = Instant::now();
        let page = app.get_as(&desk, "/operatori/agenda").await;
        let took = started.elapsed();
        let status = page.status();
        let request_id = page
            .headers()
            .get("x-request-id")
            .map(|id| id.to_str().unwrap().to_owned());
        let body = page.text().await.unwrap();
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
        assert!(took < ANSWER_WITHIN, "the agenda took {took:?}");
        let request_id = request_id.expect("every answer has a request id");
        assert!(
            body.contains("Il servizio non è raggiungibile in questo momento"),
            "{body}"
        );
        assert!(body.contains(&format!("<code>{request_id}</code>")), "{body}");
        probes += 1;
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(probes > 0);

    cluster.start_again();
    let up_since = Instant::now();
    loop {
        if app.get("/health").await.status() == StatusCode::OK {
            break;
        }
        assert!(
            up_since.elapsed() < BACK_WITHIN,
            "the server sees the database again within seconds"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let health_back_after = up_since.elapsed();
    loop {
        if app.get_as(&desk, "/operatori/agenda").await.status() == StatusCode::OK {
            break;
        }
        assert!(
            up_since.elapsed() < BACK_WITHIN,
            "the back office answers again within seconds, still signed in"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let during_and_before = confirmed.lock().unwrap().len();
    // Bookings after it.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    stop.store(true, Ordering::Relaxed);
    for family in families {
        family.await.expect("a family's bookings");
    }
    let confirmed = confirmed.lock().unwrap().clone();
    assert!(
        confirmed.len() > during_and_before,
        "families book again after the fault"
    );

    // Every answer was a whole page: never a 500, and during the fault a quick 503 with its id.
    let seen = std::mem::take(&mut *seen.lock().unwrap());
    let unavailable: Vec<&Seen> = seen
        .iter()
        .filter(|s| s.status == StatusCode::SERVICE_UNAVAILABLE)
        .collect();
    eprintln!(
        "bookings: {before} before the fault, {} in all; {} answers 503, the slowest in {:?}; /health 200 {health_back_after:?} after the database's start",
        confirmed.len(),
        unavailable.len(),
        unavailable.iter().map(|s| s.took).max().unwrap_or_default()
    );
    assert!(!unavailable.is_empty(), "the families met the fault");
    for answer in &seen[..] {
        assert!(
            !answer.status.is_server_error() || answer.status == StatusCode::SERVICE_UNAVAILABLE,
            "{}: {}",
            answer.what,
            answer.status
        );
        assert!(answer.took < ANSWER_WITHIN, "{} took {:?}", answer.what, answer.took);
    }
    if let Some(hidden) = unavailable.iter().find(|s| !s.shows_request_id) {
        let page = hidden.page.clone().unwrap_or_default();
        let at = page.find("<main").unwrap_or(0);
        panic!("every 503 shows its request id; {}: {}", hidden.what, &page[at..]);
    }

    // Nothing lost, nothing doubled: each booking a family was told about is there, once, with
    // its one reminder; no other booking exists.
    let db = app.db.clone();
    let (bookings, drafts_booked, reminders, reminded): (i64, i64, i64, i64) = app::on_db!(&db, pool => {
        let bookings = sqlx::query_scalar("SELECT COUNT(*) FROM bookings").fetch_one(pool).await.unwrap();
        let drafts = sqlx::query_scalar("SELECT COUNT(DISTINCT booking_id) FROM booking_drafts WHERE booking_id IS NOT NULL")
            .fetch_one(pool).await.unwrap();
        let reminders = sqlx::query_scalar("SELECT COUNT(*) FROM email_outbox WHERE kind = 'promemoria'")
            .fetch_one(pool).await.unwrap();
        let reminded = sqlx::query_scalar("SELECT COUNT(DISTINCT booking_id) FROM email_outbox WHERE kind = 'promemoria'")
            .fetch_one(pool).await.unwrap();
        (bookings, drafts, reminders, reminded)
    });
    let told = i64::try_from(confirmed.len()).unwrap();
    assert_eq!(bookings, told, "as many bookings as confirmations shown");
    assert_eq!(drafts_booked, told, "each confirmed draft made its own booking");
    assert_eq!((reminders, reminded), (told, told), "one reminder per booking");
    for draft in &confirmed {
        let booked: Option<i64> = app::on_db!(&db, pool => sqlx::query_scalar("SELECT booking_id FROM booking_drafts WHERE id = $1")
            .bind(draft).fetch_one(pool).await.unwrap());
        assert!(booked.is_some(), "draft {draft} was confirmed to its family");
    }
    app.assert_trail_intact().await;
    drop(app);
    drop(cluster);
}

/// A family books `day` at `time`: the details form, then "Conferma", pressed again after each
/// "temporarily unavailable" page, as a person would. The draft when the booking was confirmed;
/// `None` when the slot could not be booked (taken, or the details refused).
async fn book(
    client: &reqwest::Client,
    address: &str,
    day: &str,
    time: &str,
    name: &str,
    seen: &Mutex<Vec<Seen>>,
) -> Option<String> {
    let details = crate::booking::details_on(day, name, time);
    let summary = loop {
        let (status, location) = post(client, address, "/prenota", &details, "the details form", seen).await;
        match status {
            StatusCode::SEE_OTHER => break location,
            StatusCode::SERVICE_UNAVAILABLE => tokio::time::sleep(Duration::from_millis(200)).await,
            _ => return None,
        }
    };
    let draft = summary.rsplit('=').next().unwrap_or_default().to_owned();
    loop {
        let (status, location) = post(
            client,
            address,
            "/prenota/riepilogo",
            &[("bozza", &draft)],
            "the confirmation",
            seen,
        )
        .await;
        match status {
            StatusCode::SEE_OTHER => {
                assert!(location.starts_with("/prenota/confermata"), "{location}");
                return Some(draft);
            }
            StatusCode::SERVICE_UNAVAILABLE => tokio::time::sleep(Duration::from_millis(200)).await,
            _ => return None,
        }
    }
}

/// Posts a form and notes what came back; the status and the `location`.
async fn post(
    client: &reqwest::Client,
    address: &str,
    path: &str,
    fields: &[(&str, &str)],
    what: &'static str,
    seen: &Mutex<Vec<Seen>>,
) -> (StatusCode, String) {
    let started = Instant::now();
    let answer = client
        .post(format!("{address}{path}"))
        .header("accept", "text/html")
        .header("origin", address)
        .header("sec-fetch-site", "same-origin")
        .timeout(Duration::from_secs(30))
        .form(fields)
        .send()
        .await
        .unwrap_or_else(|error| panic!("{what} got no answer: {error:?}"));
    let status = answer.status();
    let location = answer
        .headers()
        .get("location")
        .map(|value| value.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let request_id = answer
        .headers()
        .get("x-request-id")
        .map(|id| id.to_str().unwrap().to_owned());
    let body = answer.text().await.expect("a whole answer");
    let took = started.elapsed();
    // A page shows it as code; a form shown again, in the sentence above its fields.
    let shows_request_id = request_id.is_some_and(|id| body.contains(&id));
    let page = (status == StatusCode::SERVICE_UNAVAILABLE && !shows_request_id).then(|| body.clone());
    seen.lock().unwrap().push(Seen {
        what,
        status,
        took,
        shows_request_id,
        page,
    });
    (status, location)
}
