//! The load client: the measurements that take several steps (a booking is a draft, then its
//! confirmation), signed-in workers (the queue), or checks in the database afterwards.

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use app::booking::confirm::{store_booking, Insert, NewBooking};
use app::booking::details::BookingDetails;
use app::db::Db;
use app::mail::outbox::OutgoingEmail;
use app::on_db;
use chrono::{DateTime, Utc};

/// The topic every benchmark booking is about (any seeded topic would do).
const TOPIC: &str = "figli-e-famiglia";

/// A browser-like client of the server at `base`: its own cookies, and the headers the cross-site
/// check expects from a form of the site.
#[derive(Clone)]
pub struct Browser {
    base: String,
    client: reqwest::Client,
    signed_in: bool,
}

impl Browser {
    pub fn new(base: &str) -> Self {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .pool_max_idle_per_host(4)
            .build()
            .expect("an HTTP client");
        Self {
            base: base.trim_end_matches('/').to_owned(),
            client,
            signed_in: false,
        }
    }

    /// A GET that the page cache does not answer (it serves only requests without cookies): what
    /// rendering the page costs. A signed-in browser sends its session cookie anyway.
    pub async fn get_uncached(&self, path: &str) -> Result<(u16, String), reqwest::Error> {
        let mut request = self.client.get(format!("{}{path}", self.base));
        if !self.signed_in {
            request = request.header("cookie", "benchmark=1");
        }
        let answer = request.send().await?;
        let status = answer.status().as_u16();
        Ok((status, answer.text().await?))
    }

    /// Posts a form; the status and the `Location` it answers with.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Result<(u16, String), reqwest::Error> {
        let answer = self
            .client
            .post(format!("{}{path}", self.base))
            .header("origin", &self.base)
            .header("sec-fetch-site", "same-origin")
            .form(fields)
            .send()
            .await?;
        let location = answer
            .headers()
            .get("location")
            .and_then(|l| l.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        Ok((answer.status().as_u16(), location))
    }

    pub async fn sign_in(base: &str, user: &str, password: &str) -> Result<Self, String> {
        let mut browser = Self::new(base);
        browser.signed_in = true;
        let (status, _) = browser
            .post(
                app::access::HOME_PATH,
                &[("utente", user), ("password", password), ("codice_totp", "")],
            )
            .await
            .map_err(|e| e.to_string())?;
        if status == 303 {
            Ok(browser)
        } else {
            Err(format!("{user} could not sign in ({status})"))
        }
    }
}

/// A free seat as the booking pages offer it.
#[derive(Clone, Debug)]
pub struct FreeSlot {
    pub office: String,
    pub day: String,
    pub time: String,
    pub seats: u32,
}

/// Every free slot of `offices` a citizen is offered now, read from the month views and the day
/// pages of this month and the next two (the booking horizon), rendered for the occasion: the
/// direct confirmations change the database behind the server's back, which its page cache
/// would only see at the next minute.
pub async fn free_slots(browser: &Browser, offices: &[String], today: chrono::NaiveDate) -> Vec<FreeSlot> {
    let mut slots = Vec::new();
    for office in offices {
        let mut days = Vec::new();
        for months_ahead in 0..3 {
            let month = today
                .checked_add_months(chrono::Months::new(months_ahead))
                .unwrap_or(today)
                .format("%Y-%m");
            let path = format!("/prenota?sede={office}&argomento={TOPIC}&mese={month}");
            let Ok((200, page)) = browser.get_uncached(&path).await else {
                continue;
            };
            for link in page.split("giorno=").skip(1) {
                let day: String = link.chars().take(10).collect();
                if !days.contains(&day) {
                    days.push(day);
                }
            }
        }
        for day in days {
            let path = format!("/prenota?sede={office}&argomento={TOPIC}&giorno={day}");
            let Ok((200, page)) = browser.get_uncached(&path).await else {
                continue;
            };
            for choice in page.split("name=\"ora\" value=\"").skip(1) {
                let time: String = choice.chars().take(5).collect();
                let label = choice.split("</label>").next().unwrap_or_default();
                let seats = label
                    .rsplit('(')
                    .next()
                    .and_then(|text| text.split(' ').next())
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(0);
                if seats > 0 {
                    slots.push(FreeSlot {
                        office: office.clone(),
                        day: day.clone(),
                        time,
                        seats,
                    });
                }
            }
        }
    }
    slots
}

/// Fills in the details step for `slot` as person number `n` (an address of their own: one
/// address holds a limited number of bookings); the draft's id.
pub async fn draft(browser: &Browser, slot: &FreeSlot, n: usize) -> Result<String, String> {
    let email = format!("persona.{n}@prova.example.it");
    let given_name = format!("Persona {}", in_letters(n));
    let fields = [
        ("sede", slot.office.as_str()),
        ("argomento", TOPIC),
        ("giorno", slot.day.as_str()),
        ("ora", slot.time.as_str()),
        ("nome", given_name.as_str()),
        ("cognome", "Prova"),
        ("email", email.as_str()),
        ("telefono", ""),
        ("codice_fiscale", ""),
        ("lingua", "it"),
        ("accessibilita", ""),
        ("motivo", "Vorrei parlare della scuola di mio figlio"),
        ("privacy", "si"),
    ];
    match browser.post(app::booking::PATH, &fields).await {
        Ok((303, location)) => Ok(location.rsplit('=').next().unwrap_or_default().to_owned()),
        Ok((status, _)) => Err(format!("the details step answered {status}")),
        Err(error) => Err(error.to_string()),
    }
}

/// `n` written with letters only (a name may hold no digits): 0 is "a", 26 is "ba".
fn in_letters(mut n: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'a' + (n % 26) as u8);
        n /= 26;
        if n == 0 {
            break;
        }
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Runs `work(worker, i)` for every `i` in `0..count`, by one task per worker at once, each `i`
/// taken by exactly one task; how long it took.
async fn share_out<W, F, Fut>(count: usize, workers: Vec<W>, work: F) -> Duration
where
    W: Clone + Send + 'static,
    F: Fn(W, usize) -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let tasks: Vec<_> = workers
        .into_iter()
        .map(|worker| {
            let (next, work) = (next.clone(), work.clone());
            tokio::spawn(async move {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= count {
                        break;
                    }
                    work(worker.clone(), i).await;
                }
            })
        })
        .collect();
    for task in tasks {
        let _ = task.await;
    }
    started.elapsed()
}

/// How the attempts of a run ended; the first refusal and the first failure are said.
#[derive(Default)]
struct Outcomes {
    confirmed: AtomicUsize,
    refused: AtomicUsize,
    failed: AtomicUsize,
}

impl Outcomes {
    fn confirmed(&self) {
        self.confirmed.fetch_add(1, Ordering::SeqCst);
    }

    fn refused(&self, what: impl std::fmt::Display) {
        if self.refused.fetch_add(1, Ordering::SeqCst) == 0 {
            eprintln!("refused: {what}");
        }
    }

    fn failed(&self, what: impl std::fmt::Display) {
        if self.failed.fetch_add(1, Ordering::SeqCst) == 0 {
            eprintln!("failed: {what}");
        }
    }

    fn rate(&self, attempts: usize, took: Duration) -> Rate {
        let seconds = took.as_secs_f64();
        let confirmed = self.confirmed.load(Ordering::SeqCst);
        Rate {
            attempts,
            confirmed,
            server_errors: self.failed.load(Ordering::SeqCst),
            confirmed_per_second: confirmed as f64 / seconds,
            attempts_per_second: attempts as f64 / seconds,
        }
    }
}

/// Drafts for `seats` (one per seat, in order), made by 8 browsers at once; the failures are
/// counted, and the first one said.
pub async fn drafts(base: &str, seats: &[FreeSlot], first_person: usize) -> Vec<String> {
    let made = Arc::new(Mutex::new(Vec::new()));
    let outcomes = Arc::new(Outcomes::default());
    let slots = Arc::new(seats.to_vec());
    let browsers = (0..8).map(|_| Browser::new(base)).collect();
    let (kept, counted) = (made.clone(), outcomes.clone());
    share_out(seats.len(), browsers, move |browser: Browser, i| {
        let (made, outcomes, slots) = (kept.clone(), counted.clone(), slots.clone());
        async move {
            match draft(&browser, &slots[i], first_person + i).await {
                Ok(id) => made.lock().unwrap().push(id),
                Err(error) => outcomes.failed(format!("a draft: {error}")),
            }
        }
    })
    .await;
    let failed = outcomes.failed.load(Ordering::SeqCst);
    if failed > 0 {
        eprintln!("{failed} of {} drafts failed", seats.len());
    }
    let made = made.lock().unwrap().clone();
    made
}

/// One seat per free slot and seat, spread over offices, days and times.
pub fn every_seat(slots: &[FreeSlot]) -> Vec<FreeSlot> {
    let mut seats = Vec::new();
    for slot in slots {
        for _ in 0..slot.seats {
            seats.push(slot.clone());
        }
    }
    // Interleave offices and days, as real bookings arrive.
    let mut spread = Vec::with_capacity(seats.len());
    let stride = 7;
    for start in 0..stride {
        spread.extend(seats.iter().skip(start).step_by(stride).cloned());
    }
    spread
}

#[derive(Debug, Default)]
pub struct Rate {
    pub attempts: usize,
    pub confirmed: usize,
    pub server_errors: usize,
    pub confirmed_per_second: f64,
    pub attempts_per_second: f64,
}

/// The confirmation POSTs of `drafts`, by `clients` browsers at once.
pub async fn confirm_over_http(base: &str, drafts: Vec<String>, clients: usize) -> Rate {
    let count = drafts.len();
    let drafts = Arc::new(drafts);
    let outcomes = Arc::new(Outcomes::default());
    let browsers = (0..clients).map(|_| Browser::new(base)).collect();
    let counted = outcomes.clone();
    let took = share_out(count, browsers, move |browser: Browser, i| {
        let (drafts, outcomes) = (drafts.clone(), counted.clone());
        async move {
            match browser.post(app::booking::SUMMARY_PATH, &[("bozza", &drafts[i])]).await {
                Ok((303, location)) if location.starts_with(app::booking::CONFIRMED_PATH) => outcomes.confirmed(),
                Ok((status, _)) if status < 500 => outcomes.refused(format!("a confirmation over HTTP ({status})")),
                Ok((status, _)) => outcomes.failed(format!("a confirmation over HTTP ({status})")),
                Err(error) => outcomes.failed(format!("a confirmation over HTTP: {error}")),
            }
        }
    })
    .await;
    outcomes.rate(count, took)
}

#[derive(sqlx::FromRow)]
struct DraftRow {
    id: String,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    details: String,
}

/// The ceiling: the confirmation's own transaction (`app::booking::confirm::store_booking`) for
/// each of `drafts`, issued straight to the database by `clients` tasks at once, with emails of
/// the same size as the server's. Nothing else: no HTTP, no page, no checks before the write.
pub async fn confirm_directly(db: &Db, drafts: &[String], clients: usize) -> Result<Rate, sqlx::Error> {
    let mut rows: Vec<DraftRow> = Vec::new();
    for id in drafts {
        let row: DraftRow = on_db!(db, pool => sqlx::query_as("SELECT id, starts_at, ends_at, details FROM booking_drafts WHERE id = $1")
            .bind(id).fetch_one(pool).await?);
        rows.push(row);
    }
    let now = Utc::now();
    let prepared: Vec<(DraftRow, BookingDetails)> = rows
        .into_iter()
        .map(|row| {
            let details = serde_json::from_str(&row.details).expect("a draft's details");
            (row, details)
        })
        .collect();
    let count = prepared.len();
    let prepared = Arc::new(prepared);
    let outcomes = Arc::new(Outcomes::default());
    let counted = outcomes.clone();
    let took = share_out(count, vec![db.clone(); clients], move |db: Db, i| {
        let (prepared, outcomes) = (prepared.clone(), counted.clone());
        async move {
            let (row, details) = &prepared[i];
            let code = app::booking::codes::new_code();
            let email = details.email.clone().map(|to| OutgoingEmail {
                to,
                reply_to: None,
                subject: "Il tuo appuntamento presso il Segretariato Sociale".to_owned(),
                body: "x".repeat(900),
                attachment: Some(app::mail::outbox::Attachment {
                    name: format!("appuntamento-{code}.ics"),
                    content_type: "text/calendar".to_owned(),
                    body: "x".repeat(700),
                }),
                language: app::i18n::Language::Italian,
            });
            let reminder = email
                .clone()
                .map(|email| (row.starts_at - chrono::Duration::hours(24), email));
            let booking = NewBooking {
                draft_id: &row.id,
                code: &code,
                token_hash: app::booking::codes::token_hash(&app::booking::codes::new_secret()),
                starts_at: row.starts_at,
                ends_at: row.ends_at,
                details,
                now,
                max_future_per_contact: 3,
                booked_by: None,
                booked_in: "it",
                email,
                reminder,
            };
            match store_booking(&db, &booking).await {
                Ok(Insert::Booked) => outcomes.confirmed(),
                Ok(other) => outcomes.refused(format!("a direct confirmation: {other:?}")),
                Err(error) => outcomes.failed(format!("a direct confirmation: {error:?}")),
            }
        }
    })
    .await;
    Ok(outcomes.rate(count, took))
}

#[derive(Debug)]
pub struct BookingChecks {
    /// Slots holding more confirmed bookings than their office's seats (counted from the
    /// bookings themselves, not from the triggers' own tally).
    pub overbooked_slots: i64,
    /// Confirmed bookings of these drafts without their confirmation email in the outbox.
    pub without_email: i64,
    /// Bookings of these drafts in the database: as many as the confirmations answered as done.
    pub confirmed: i64,
}

/// What the database holds after the confirmations of `drafts`.
pub async fn check_bookings(db: &Db, drafts: &[String]) -> Result<BookingChecks, sqlx::Error> {
    let overbooked_slots: i64 = on_db!(db, pool => sqlx::query_scalar(
        "SELECT COUNT(*)
           FROM (SELECT office_id, starts_at, COUNT(*) AS booked FROM bookings
                  WHERE status = 'confermata' GROUP BY office_id, starts_at) AS per_slot
           JOIN offices o ON o.id = per_slot.office_id
          WHERE per_slot.booked > o.slot_capacity",
    ).fetch_one(pool).await?);
    let mut confirmed = 0;
    let mut without_email = 0;
    for chunk in drafts.chunks(500) {
        let list = chunk.iter().map(|id| format!("'{id}'")).collect::<Vec<_>>().join(",");
        let (c, w): (i64, i64) = on_db!(db, pool => sqlx::query_as(&format!(
            "SELECT COUNT(*),
                    COALESCE(SUM(CASE WHEN NOT EXISTS (
                        SELECT 1 FROM email_outbox o WHERE o.to_address = b.email AND o.kind IS DISTINCT FROM 'promemoria')
                        THEN 1 ELSE 0 END), 0)
               FROM booking_drafts d JOIN bookings b ON b.id = d.booking_id
              WHERE d.id IN ({list}) AND b.status = 'confermata'"
        )).fetch_one(pool).await?);
        confirmed += c;
        without_email += w;
    }
    Ok(BookingChecks {
        overbooked_slots,
        without_email,
        confirmed,
    })
}

/// Milliseconds each of `times` GETs of `path` took, one after the other, past the page cache.
pub async fn time_page(browser: &Browser, path: &str, times: usize) -> Result<Vec<f64>, String> {
    let mut took = Vec::with_capacity(times);
    for _ in 0..times {
        let started = Instant::now();
        let (status, _) = browser.get_uncached(path).await.map_err(|e| e.to_string())?;
        if status != 200 {
            return Err(format!("{path} answered {status}"));
        }
        took.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    took.sort_by(f64::total_cmp);
    Ok(took)
}

#[derive(Debug)]
pub struct Claims {
    pub workers: usize,
    pub claimed: usize,
    pub distinct: usize,
    pub still_waiting: i64,
    pub server_errors: usize,
    pub seconds: f64,
    pub claims_per_second: f64,
}

/// `browsers` (signed-in workers of the unit) press "Prendi il prossimo" until the queue is empty.
pub async fn claim_all(db: &Db, browsers: Vec<Browser>, unit: i64) -> Result<Claims, sqlx::Error> {
    let workers = browsers.len();
    let taken = Arc::new(Mutex::new(Vec::new()));
    let errors = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for browser in browsers {
        let (taken, errors) = (taken.clone(), errors.clone());
        tasks.push(tokio::spawn(async move {
            let unit = unit.to_string();
            loop {
                match browser.post(app::queues::CLAIM_NEXT_PATH, &[("unita", &unit)]).await {
                    Ok((303, location)) => match location.split("presa=").nth(1) {
                        Some(id) => taken.lock().unwrap().push(id.to_owned()),
                        None => break,
                    },
                    Ok((status, _)) if status < 500 => break, // The queue is empty.
                    _ => {
                        errors.fetch_add(1, Ordering::SeqCst);
                    }
                }
            }
        }));
    }
    for task in tasks {
        let _ = task.await;
    }
    let seconds = started.elapsed().as_secs_f64();
    let taken = Arc::try_unwrap(taken)
        .map(|t| t.into_inner().unwrap())
        .unwrap_or_default();
    let distinct = taken.iter().collect::<HashSet<_>>().len();
    let still_waiting: i64 = on_db!(db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM requests WHERE unit_id = $1 AND state = 'in_coda'")
        .bind(unit).fetch_one(pool).await?);
    Ok(Claims {
        workers,
        claimed: taken.len(),
        distinct,
        still_waiting,
        server_errors: errors.load(Ordering::SeqCst),
        seconds,
        claims_per_second: taken.len() as f64 / seconds,
    })
}
