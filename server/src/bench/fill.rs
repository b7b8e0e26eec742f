//! Realistic volumes of data for the benchmarks (issue 8): offices with their weekly hours,
//! bookings, requests with their families, and the cases (team, notes, help plan, court reports)
//! of the requests taken in charge.
//!
//! The data come in layers, so that the same pages can be measured at 1×, 10× and 100×. Layer 0 is
//! the present: bookings from six months ago to six months ahead, the requests of the last six
//! months (some still waiting in the queues, most taken in charge, the older ones closed). Layer k
//! is the same year of work k years earlier, all of it past and closed, with `offices` more
//! offices of its own (bookable, with hours, whose bookings are all in the past) and its own staff,
//! now disabled: people leave, and a worker's page should not carry a century of cases.
//!
//! Speed decides the design: 100× is ten million bookings. Every row is made inside the database by
//! set-based `INSERT … SELECT` statements over a few temporary tables of one connection (the open
//! days of the layer, the slots they offer, the requests to make), one transaction per layer; Rust
//! only computes what SQL cannot (the Italian holidays, the Rome offset of each day). The numbers
//! written into the SQL are our own integers, never input. Values that vary are picked by
//! arithmetic on a row's index, so the data are the same at every run.
//!
//! The rows are valid by construction, and the database checks them: a slot's bookings are picked
//! among its seats (a seat is booked at most once), so the capacity trigger and CHECK never refuse
//! one. On SQLite every constraint and trigger runs; on PostgreSQL a superuser's fill skips the
//! row triggers (foreign keys, seat count) for its own transactions only, and counts the seats
//! itself (see [`fill_layer`]). Timestamps are written in the format sqlx gives `DateTime<Utc>` on
//! SQLite (`2026-03-02T08:30:00+00:00`, compared as text by the application's queries),
//! `timestamptz` on PostgreSQL.

use std::time::Instant;

use app::db::{Backend, Db};
use app::on_db;
use chrono::{Datelike, Months, NaiveDate, TimeZone};
use sqlx::pool::PoolConnection;
use sqlx::{Postgres, Sqlite};

/// How much to add for one layer of data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Volumes {
    /// Layer 0: the offices there should be (counting those the seed made); layer k: offices added.
    pub offices: usize,
    /// Bookings of one year of the layer (about 8 % cancelled).
    pub bookings: usize,
    /// Requests of the layer, each with its family; those taken in charge with their case.
    pub requests: usize,
}

impl Volumes {
    /// The issue's volumes: 10 offices, 100 000 bookings, 20 000 requests and their cases.
    pub const ISSUE: Volumes = Volumes {
        offices: 10,
        bookings: 100_000,
        requests: 20_000,
    };
}

/// What the database holds after a fill (totals, not only what the fill added), and how long the
/// fill took.
#[derive(Clone, Debug, PartialEq)]
pub struct Filled {
    pub offices: i64,
    pub bookings: i64,
    pub requests: i64,
    pub cases: i64,
    pub seconds: f64,
}

/// Personal data of past bookings are erased this long after, whatever came of them (the default of
/// `SPORTELLO_RETENTION_DAYS`): the fill writes them already erased, as the hourly job would have,
/// so the first pass of the restarted server has nothing to do.
const RETENTION_DAYS: i64 = 90;
/// An urgent request waiting this long has been escalated (the default of
/// `SPORTELLO_URGENT_WAIT_HOURS`), and a court deadline this near has been warned about
/// (`SPORTELLO_DEADLINE_WARNING_DAYS`): written as done, so no burst of emails at start.
const URGENT_WAIT_SECONDS: i64 = 24 * 3600;
const DEADLINE_WARNING_DAYS: i64 = 14;
/// Court mandates ask for a report within this many days.
const REPORT_DAYS: i64 = 90;
/// One booking in this many is cancelled.
const CANCELLED_PER: usize = 12;
/// Bookings of layer k are numbered from k × LAYER_SERIALS (cancelled ones from half-way), which
/// keeps codes, link hashes and idempotency keys unique across layers.
const LAYER_SERIALS: i64 = 1_000_000_000;
/// The most layers: serials must stay below 31^8, the number of booking codes.
const MAX_LAYERS: u32 = 800;
const DAY: i64 = 86_400;

/// The booking code alphabet of `app::booking::codes` (no 0/O, 1/I/L).
const CODE_ALPHABET: &str = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/// A code is its serial times this number, plus an offset, modulo 31^8: distinct serials give
/// distinct codes, and neighbours do not look alike. (Small enough that the product fits in 64 bits.)
const CODE_MULTIPLIER: i64 = 7_368_787;
const CODE_OFFSET: i64 = 123_456_789_012;

#[rustfmt::skip]
const GIVEN_NAMES: [&str; 48] = [
    "Giulia", "Marco", "Sara", "Luca", "Chiara", "Andrea", "Francesca", "Matteo", "Elena", "Davide",
    "Martina", "Simone", "Valentina", "Stefano", "Alessia", "Paolo", "Federica", "Giorgio", "Laura",
    "Roberto", "Silvia", "Antonio", "Anna", "Giuseppe", "Fatima", "Mohamed", "Ioana", "Andrei",
    "Elisa", "Lorenzo", "Giada", "Riccardo", "Aurora", "Tommaso", "Sofia", "Leonardo", "Beatrice",
    "Gabriele", "Camilla", "Edoardo", "Noemi", "Samuele", "Amina", "Youssef", "Olena", "Bogdan",
    "Mei", "Kevin",
];
#[rustfmt::skip]
const FAMILY_NAMES: [&str; 48] = [
    "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino",
    "Greco", "Bruno", "Gallo", "Conti", "Costa", "Giordano", "Mancini", "Rizzo", "Lombardi",
    "Moretti", "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli",
    "Martini", "Leone", "Longo", "Gentile", "Martinelli", "Vitale", "Lombardo", "Serra", "Coppola",
    "De Santis", "Marchetti", "Parisi", "Villa", "Popescu", "El Amrani", "Hu", "Kovalenko", "Hoxha",
    "Sanchez", "Cattaneo", "Pellegrini",
];
/// Where the offices of layer 0 are (the comuni around the seeded one).
#[rustfmt::skip]
const PLACES: [&str; 16] = [
    "Bresso", "Cormano", "Cusano Milanino", "Cologno Monzese", "Paderno Dugnano", "Nova Milanese",
    "Muggiò", "Sesto San Giovanni", "Brugherio", "Bollate", "Novate Milanese",
    "Cernusco sul Naviglio", "Vimodrone", "Carugate", "Varedo", "Desio",
];

/// The two SQL dialects, where they differ: written once, side by side.
#[derive(Clone, Copy)]
struct Dialect(Backend);

impl Dialect {
    /// A timestamp column's value from Unix seconds.
    fn ts(self, seconds: &str) -> String {
        match self.0 {
            Backend::Sqlite => format!("strftime('%Y-%m-%dT%H:%M:%S+00:00', {seconds}, 'unixepoch')"),
            Backend::Postgres => format!("to_timestamp({seconds})"),
        }
    }

    /// A date column's value: the UTC day of Unix seconds.
    fn day(self, seconds: &str) -> String {
        match self.0 {
            Backend::Sqlite => format!("date({seconds}, 'unixepoch')"),
            Backend::Postgres => format!("CAST(to_timestamp({seconds}) AT TIME ZONE 'UTC' AS DATE)"),
        }
    }

    /// Unix seconds of a timestamp column.
    fn seconds(self, column: &str) -> String {
        match self.0 {
            Backend::Sqlite => format!("CAST(strftime('%s', {column}) AS INTEGER)"),
            Backend::Postgres => format!("CAST(EXTRACT(EPOCH FROM {column}) AS BIGINT)"),
        }
    }

    /// Seconds since midnight of a time-of-day column.
    fn seconds_of_day(self, column: &str) -> String {
        match self.0 {
            Backend::Sqlite => format!("CAST(strftime('%s', '1970-01-01 ' || {column}) AS INTEGER)"),
            Backend::Postgres => format!("CAST(EXTRACT(EPOCH FROM {column}) AS BIGINT)"),
        }
    }

    /// A time-of-day literal ("08:30:00").
    fn time(self, literal: &str) -> String {
        match self.0 {
            Backend::Sqlite => format!("'{literal}'"),
            Backend::Postgres => format!("CAST('{literal}' AS TIME)"),
        }
    }

    /// A number written with `width` digits, zeros in front.
    fn padded(self, number: &str, width: usize) -> String {
        match self.0 {
            Backend::Sqlite => format!("printf('%0{width}d', {number})"),
            Backend::Postgres => format!("lpad(CAST({number} AS TEXT), {width}, '0')"),
        }
    }

    /// The numbers 0..=last into `fill_n`.
    fn numbers(self, last: i64) -> String {
        match self.0 {
            Backend::Sqlite => format!(
                "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {last})
                 INSERT INTO fill_n (i) SELECT i FROM n"
            ),
            Backend::Postgres => format!("INSERT INTO fill_n (i) SELECT generate_series(0, {last})"),
        }
    }

    fn begin(self) -> &'static str {
        self.0.pick("BEGIN IMMEDIATE", "BEGIN")
    }
}

/// One item of `list`, chosen by the non-negative SQL integer `index` (the list packed into one
/// literal, cut at a fixed width: no lookup per row).
fn pick(list: &[&str], index: &str) -> String {
    let width = list.iter().map(|s| s.chars().count()).max().unwrap_or(1);
    let packed: String = list.iter().map(|s| format!("{s:<width$}")).collect();
    // A quote doubled in the literal is still one character of the value.
    let packed = packed.replace('\'', "''");
    // substr counts characters on both databases; the width is in characters too.
    format!(
        "rtrim(substr('{packed}', CAST(({index}) % {n} AS INTEGER) * {width} + 1, {width}))",
        n = list.len()
    )
}

/// `CASE {expr} WHEN k0 THEN v0 … END`.
fn case_of(expr: &str, arms: &[(i64, String)], otherwise: &str) -> String {
    let arms: String = arms.iter().map(|(k, v)| format!(" WHEN {k} THEN {v}")).collect();
    format!("(CASE {expr}{arms} ELSE {otherwise} END)")
}

/// The booking code of the SQL integer `serial`: 8 characters of the code alphabet.
fn code_of(serial: &str) -> String {
    let scrambled = format!("((({serial}) * {CODE_MULTIPLIER} + {CODE_OFFSET}) % {})", 31_i64.pow(8));
    (0..8)
        .rev()
        .map(|k| {
            format!(
                "substr('{CODE_ALPHABET}', CAST(({scrambled} / {}) % 31 AS INTEGER) + 1, 1)",
                31_i64.pow(k)
            )
        })
        .collect::<Vec<_>>()
        .join(" || ")
}

/// Unix seconds of local midnight (Europe/Rome) of `day`. Offices open in the daytime, so the
/// offset of noon is the one of every slot of the day.
fn rome_midnight(day: NaiveDate) -> i64 {
    let noon = day.and_hms_opt(12, 0, 0).unwrap_or_default();
    let offset = chrono_tz::Europe::Rome
        .from_local_datetime(&noon)
        .earliest()
        .map(|t| i64::from(chrono::Offset::fix(t.offset()).local_minus_utc()))
        .unwrap_or(3600);
    day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc().timestamp() - offset
}

fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

fn invalid(message: String) -> sqlx::Error {
    sqlx::Error::Configuration(message.into())
}

/// One connection held for the whole fill: the temporary tables live on it.
enum Session {
    Sqlite(PoolConnection<Sqlite>),
    Postgres(PoolConnection<Postgres>),
}

impl Session {
    async fn open(db: &Db) -> Result<Self, sqlx::Error> {
        Ok(match db {
            Db::Sqlite(pool) => Session::Sqlite(pool.acquire().await?),
            Db::Postgres(pool) => Session::Postgres(pool.acquire().await?),
        })
    }

    fn dialect(&self) -> Dialect {
        match self {
            Session::Sqlite(_) => Dialect(Backend::Sqlite),
            Session::Postgres(_) => Dialect(Backend::Postgres),
        }
    }

    /// Runs one statement (not prepared, not cached: most are made for one layer); rows changed.
    async fn run(&mut self, sql: &str) -> Result<u64, sqlx::Error> {
        let started = Instant::now();
        let rows = match self {
            Session::Sqlite(c) => sqlx::raw_sql(sql).execute(&mut **c).await.map(|r| r.rows_affected()),
            Session::Postgres(c) => sqlx::raw_sql(sql).execute(&mut **c).await.map(|r| r.rows_affected()),
        }?;
        let statement: String = sql.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
        tracing::debug!(statement, rows, seconds = started.elapsed().as_secs_f64(), "bench fill");
        Ok(rows)
    }

    /// One integer (a count, a maximum; NULL is 0).
    async fn number(&mut self, sql: &str) -> Result<i64, sqlx::Error> {
        let sql = format!("SELECT CAST(COALESCE(({sql}), 0) AS BIGINT)");
        match self {
            Session::Sqlite(c) => sqlx::query_scalar(&sql).persistent(false).fetch_one(&mut **c).await,
            Session::Postgres(c) => sqlx::query_scalar(&sql).persistent(false).fetch_one(&mut **c).await,
        }
    }

    /// Rows of (integer, text, optional integer).
    async fn rows(&mut self, sql: &str) -> Result<Vec<(i64, String, Option<i64>)>, sqlx::Error> {
        match self {
            Session::Sqlite(c) => sqlx::query_as(sql).persistent(false).fetch_all(&mut **c).await,
            Session::Postgres(c) => sqlx::query_as(sql).persistent(false).fetch_all(&mut **c).await,
        }
    }

    async fn dates(&mut self, sql: &str) -> Result<Vec<(NaiveDate, NaiveDate)>, sqlx::Error> {
        match self {
            Session::Sqlite(c) => sqlx::query_as(sql).persistent(false).fetch_all(&mut **c).await,
            Session::Postgres(c) => sqlx::query_as(sql).persistent(false).fetch_all(&mut **c).await,
        }
    }

    /// Runs `work` in one transaction, rolled back if it fails.
    async fn transaction<T>(
        &mut self,
        work: impl AsyncFnOnce(&mut Session) -> Result<T, sqlx::Error>,
    ) -> Result<T, sqlx::Error> {
        let begin = self.dialect().begin();
        self.run(begin).await?;
        match work(self).await {
            Ok(value) => {
                self.run("COMMIT").await?;
                Ok(value)
            }
            Err(error) => {
                let _ = self.run("ROLLBACK").await;
                Err(error)
            }
        }
    }
}

/// What every layer needs to know of the database as the seed left it.
struct Context {
    /// Active units, in order: (id, code).
    units: Vec<(i64, String)>,
    /// Active booking topics: (id, slug, unit id).
    topics: Vec<(i64, String, Option<i64>)>,
    comune: Option<i64>,
    /// The organisation's patron saint's day, closed like a holiday.
    patron: Vec<app::opening::holidays::LocalHoliday>,
    /// Closures of every office.
    closures: Vec<(NaiveDate, NaiveDate)>,
    /// The Argon2 hash of a random password nobody knows, for the staff the fill makes.
    password_hash: String,
    /// PostgreSQL, as a superuser: the fill may skip the row triggers (see [`fill_layer`]).
    skip_triggers: bool,
}

impl Context {
    async fn read(session: &mut Session) -> Result<Self, sqlx::Error> {
        let units: Vec<(i64, String)> = session
            .rows("SELECT id, code, CAST(NULL AS BIGINT) FROM units WHERE active ORDER BY position, id")
            .await?
            .into_iter()
            .map(|(id, code, _)| (id, code))
            .collect();
        let topics = session
            .rows("SELECT id, slug, unit_id FROM booking_topics WHERE active ORDER BY position, id")
            .await?;
        if units.is_empty() || topics.is_empty() {
            return Err(invalid(
                "the database has no units or no booking topics: start the server once on it first".into(),
            ));
        }
        let comune = Some(session.number("SELECT MIN(id) FROM comuni").await?).filter(|id| *id > 0);
        let month = session
            .number("SELECT patron_month FROM organisation WHERE id = 1")
            .await?;
        let day = session
            .number("SELECT patron_day FROM organisation WHERE id = 1")
            .await?;
        let patron = if month > 0 && day > 0 {
            vec![app::opening::holidays::LocalHoliday {
                month: u32::try_from(month).unwrap_or(1),
                day: u32::try_from(day).unwrap_or(1),
                name: "patrono".into(),
            }]
        } else {
            Vec::new()
        };
        let closures = session
            .dates("SELECT starts_on, ends_on FROM closures WHERE office_id IS NULL")
            .await?;
        let skip_triggers = match session {
            Session::Postgres(_) => {
                session
                    .number("SELECT CASE WHEN rolsuper THEN 1 ELSE 0 END FROM pg_roles WHERE rolname = current_user")
                    .await?
                    == 1
            }
            Session::Sqlite(_) => false,
        };
        Ok(Self {
            units,
            topics,
            comune,
            patron,
            closures,
            password_hash: String::new(),
            skip_triggers,
        })
    }

    fn comune_sql(&self) -> String {
        self.comune.map_or_else(|| "NULL".into(), |id| id.to_string())
    }

    fn topic(&self, slug: &str) -> Option<i64> {
        self.topics.iter().find(|(_, s, _)| s == slug).map(|(id, _, _)| *id)
    }

    /// How often each topic is chosen when booking, out of 20 (unknown topics once).
    fn booking_weights(&self) -> Vec<(i64, i64)> {
        self.topics
            .iter()
            .map(|(id, slug, _)| {
                let weight = match slug.as_str() {
                    "informazioni" => 4,
                    "figli-e-famiglia" | "aiuti-economici" => 5,
                    "tribunale" | "lavoro" => 2,
                    _ => 1,
                };
                (*id, weight)
            })
            .collect()
    }

    /// A topic by weight, for the SQL integer `index`.
    fn weighted_topic(weights: &[(i64, i64)], index: &str) -> String {
        let total: i64 = weights.iter().map(|(_, w)| w).sum::<i64>().max(1);
        let mut arms = String::new();
        let mut upto = 0;
        for (id, weight) in weights {
            upto += weight;
            arms.push_str(&format!(" WHEN ({index}) % {total} < {upto} THEN {id}"));
        }
        let last = weights.last().map_or(0, |(id, _)| *id);
        format!("(CASE{arms} ELSE {last} END)")
    }

    /// The unit that follows a request on `topic_id`: the topic's, or (for "non so" and plain
    /// information) one of the units in turn.
    fn unit_of(&self, topic: &str, index: &str) -> String {
        let arms: Vec<(i64, String)> = self
            .topics
            .iter()
            .filter_map(|(id, _, unit)| unit.map(|unit| (*id, unit.to_string())))
            .collect();
        let in_turn = case_of(
            &format!("({index}) % {}", self.units.len()),
            &self
                .units
                .iter()
                .enumerate()
                .map(|(k, (id, _))| (k as i64, id.to_string()))
                .collect::<Vec<_>>(),
            &self.units[0].0.to_string(),
        );
        case_of(topic, &arms, &in_turn)
    }

    /// The position of a unit id among the units (the block of its staff).
    fn unit_index(&self, unit: &str) -> String {
        let arms: Vec<(i64, String)> = self
            .units
            .iter()
            .enumerate()
            .map(|(k, (id, _))| (*id, k.to_string()))
            .collect();
        case_of(unit, &arms, "0")
    }

    /// The unit court mandates go to: Minori, or the first unit.
    fn court_unit(&self) -> i64 {
        self.units
            .iter()
            .find(|(_, code)| code == "minori")
            .unwrap_or(&self.units[0])
            .0
    }
}

/// How the staff of a layer are laid out: per unit, in this order, `workers` social workers,
/// `specialists` psychologists, `specialists` educators and one coordinator, with consecutive ids
/// from `base + 1`.
#[derive(Clone, Copy)]
struct Staff {
    base: i64,
    workers: i64,
    specialists: i64,
}

impl Staff {
    fn block(self) -> i64 {
        self.workers + 2 * self.specialists + 1
    }

    /// The id of the SQL `slot` in the block of the unit at SQL position `unit_index`.
    fn id(self, unit_index: &str, slot: &str) -> String {
        format!("({} + ({unit_index}) * {} + {slot})", self.base + 1, self.block())
    }

    fn worker(self, unit_index: &str, index: &str) -> String {
        self.id(unit_index, &format!("({index}) % {}", self.workers))
    }

    fn psychologist(self, unit_index: &str, index: &str) -> String {
        self.id(
            unit_index,
            &format!("{} + ({index}) % {}", self.workers, self.specialists),
        )
    }

    fn educator(self, unit_index: &str, index: &str) -> String {
        self.id(
            unit_index,
            &format!("{} + ({index}) % {}", self.workers + self.specialists, self.specialists),
        )
    }

    fn coordinator(self, unit_index: &str) -> String {
        self.id(unit_index, &(self.block() - 1).to_string())
    }
}

const TEMP_TABLES: [&str; 5] = ["fill_n", "fill_offices", "fill_days", "fill_slots", "fill_requests"];

/// Fills layers `from..to` (see the module's comment): layer 0 is the present, layer k ≥ 1 the
/// year k years back. `fill(db, today, v, 0, 1)`, then `(1, 10)`, then `(10, 100)` give 1×, 10×
/// and 100× the data; a layer is filled once. `today` is the day of the measurements (bookings
/// before it are past, after it future). Returns the totals in the database afterwards.
pub async fn fill(db: &Db, today: NaiveDate, volumes: &Volumes, from: u32, to: u32) -> Result<Filled, sqlx::Error> {
    let started = Instant::now();
    if to > MAX_LAYERS {
        return Err(invalid(format!("at most {MAX_LAYERS} layers")));
    }
    if volumes.bookings >= (LAYER_SERIALS / 2) as usize {
        return Err(invalid("too many bookings for one layer".into()));
    }
    let mut session = Session::open(db).await?;
    let result = fill_layers(&mut session, today, volumes, from, to).await;
    let cleanup = drop_temp_tables(&mut session).await;
    result?;
    cleanup?;
    let mut filled = Filled {
        offices: session.number("SELECT COUNT(*) FROM offices").await?,
        bookings: session.number("SELECT COUNT(*) FROM bookings").await?,
        requests: session.number("SELECT COUNT(*) FROM requests").await?,
        cases: session.number("SELECT COUNT(*) FROM cases").await?,
        seconds: 0.0,
    };
    filled.seconds = started.elapsed().as_secs_f64();
    Ok(filled)
}

async fn drop_temp_tables(session: &mut Session) -> Result<(), sqlx::Error> {
    for table in TEMP_TABLES {
        session.run(&format!("DROP TABLE IF EXISTS {table}")).await?;
    }
    if let Session::Sqlite(_) = session {
        session.run("PRAGMA cache_size = -2000").await?;
        session.run("PRAGMA wal_checkpoint(TRUNCATE)").await?;
    }
    Ok(())
}

async fn create_temp_tables(session: &mut Session, numbers: i64) -> Result<(), sqlx::Error> {
    let dialect = session.dialect();
    drop_temp_tables(session).await?;
    if let Session::Sqlite(_) = session {
        // A large page cache for the fill only: the indexes of ten million bookings do not fit
        // in the default 2 MB, and every insert would read its pages back from disk.
        session.run("PRAGMA cache_size = -524288").await?;
        session.run("PRAGMA temp_store = MEMORY").await?;
    }
    session
        .run(
            "CREATE TEMP TABLE fill_n (i BIGINT PRIMARY KEY);
             CREATE TEMP TABLE fill_offices (id BIGINT PRIMARY KEY);
             CREATE TEMP TABLE fill_days (day_s BIGINT PRIMARY KEY, weekday BIGINT NOT NULL);
             CREATE TEMP TABLE fill_slots (ord BIGINT PRIMARY KEY, office_id BIGINT NOT NULL, start_s BIGINT NOT NULL,
                                           end_s BIGINT NOT NULL, capacity BIGINT NOT NULL, seat0 BIGINT NOT NULL);
             CREATE TEMP TABLE fill_requests (i BIGINT PRIMARY KEY, origin TEXT NOT NULL, booking_id BIGINT,
                                              topic_id BIGINT NOT NULL, office_id BIGINT, created_s BIGINT NOT NULL,
                                              unit_id BIGINT, ui BIGINT, urgency TEXT, assigned_s BIGINT, closed_s BIGINT,
                                              state TEXT, size BIGINT);",
        )
        .await?;
    session.run(&dialect.numbers(numbers)).await?;
    analyze(session, "fill_n").await
}

/// PostgreSQL's estimates for the generated rows are huge, which turns on JIT compilation: it
/// costs more than it saves here (a second per layer). For the open transaction only.
async fn no_jit(session: &mut Session) -> Result<(), sqlx::Error> {
    if let Session::Postgres(_) = session {
        session.run("SET LOCAL jit = off").await?;
    }
    Ok(())
}

/// PostgreSQL plans joins on temporary tables blind until they are analysed (autovacuum never
/// sees them): a slot query then takes seconds instead of milliseconds.
async fn analyze(session: &mut Session, table: &str) -> Result<(), sqlx::Error> {
    if let Session::Postgres(_) = session {
        session.run(&format!("ANALYZE {table}")).await?;
    }
    Ok(())
}

async fn fill_layers(
    session: &mut Session,
    today: NaiveDate,
    volumes: &Volumes,
    from: u32,
    to: u32,
) -> Result<(), sqlx::Error> {
    if from >= to {
        return Ok(());
    }
    let mut context = Context::read(session).await?;
    context.password_hash = app::access::accounts::hash_password(app::access::accounts::random_password()).await;
    create_temp_tables(session, (volumes.requests.max(64) as i64) + 1).await?;
    for layer in from..to {
        let started = Instant::now();
        session
            .transaction(async |s: &mut Session| fill_layer(s, &context, today, volumes, layer).await)
            .await?;
        tracing::info!(
            layer,
            seconds = started.elapsed().as_secs_f64(),
            "bench fill: layer done"
        );
    }
    if let Session::Postgres(_) = session {
        // What autovacuum would do soon after: plans made on statistics of the filled tables.
        session.run("ANALYZE").await?;
    }
    Ok(())
}

/// Everything one layer adds, inside the open transaction.
async fn fill_layer(
    s: &mut Session,
    context: &Context,
    today: NaiveDate,
    volumes: &Volumes,
    layer: u32,
) -> Result<(), sqlx::Error> {
    let sql = s.dialect();
    let k = i64::from(layer);
    let today_s = rome_midnight(today);
    no_jit(s).await?;
    if context.skip_triggers {
        // On PostgreSQL every row's foreign keys and the capacity count are row triggers, which
        // take half of the fill's time. The rows are correct by construction (the same statements
        // run with every check on SQLite, and on PostgreSQL without superuser rights), so a
        // superuser's fill skips the triggers for this transaction only (SET LOCAL ends with it:
        // nothing stays switched off) and counts the seats itself below. CHECK, NOT NULL and
        // unique constraints are still checked.
        s.run("SET LOCAL session_replication_role = replica").await?;
    }
    // The layer's year: six months either side of today, k years back.
    let window_start = today
        .checked_sub_months(Months::new(6 + 12 * layer))
        .ok_or_else(|| invalid("date out of range".into()))?;
    let window_end = window_start
        .checked_add_months(Months::new(12))
        .ok_or_else(|| invalid("date out of range".into()))?;

    // Offices: layer 0 brings the count up to `offices`; each older layer adds `offices`.
    let existing = s.number("SELECT COUNT(*) FROM offices").await?;
    let new_offices = if layer == 0 {
        (volumes.offices as i64 - existing).max(0)
    } else {
        volumes.offices as i64
    };
    add_offices(s, context, layer, new_offices, today_s).await?;
    s.run("DELETE FROM fill_offices").await?;
    // The layer's bookings go to the offices of the present (the seeded ones and those of layer
    // 0) and to the layer's own.
    s.run(&format!(
        "INSERT INTO fill_offices (id) SELECT id FROM offices
          WHERE active AND (slug NOT LIKE 'sede-%' OR slug LIKE 'sede-{k:03}-%')"
    ))
    .await?;

    // The open days of the year, with the instant of their local midnight.
    s.run("DELETE FROM fill_days").await?;
    let days: Vec<(i64, u32)> = window_start
        .iter_days()
        .take_while(|day| *day < window_end)
        .filter(|day| app::opening::holidays::holiday_name(*day, &context.patron).is_none())
        .filter(|day| !context.closures.iter().any(|(from, to)| from <= day && day <= to))
        .map(|day| (rome_midnight(day), day.weekday().number_from_monday()))
        .collect();
    for chunk in days.chunks(200) {
        let values: Vec<String> = chunk.iter().map(|(at, weekday)| format!("({at}, {weekday})")).collect();
        s.run(&format!(
            "INSERT INTO fill_days (day_s, weekday) VALUES {}",
            values.join(", ")
        ))
        .await?;
    }

    analyze(s, "fill_offices").await?;
    analyze(s, "fill_days").await?;

    // Every slot of those days, with its seats numbered across the year (seat0: the first).
    s.run("DELETE FROM fill_slots").await?;
    let opens = sql.seconds_of_day("h.opens");
    let closes = sql.seconds_of_day("h.closes");
    s.run(&format!(
        "INSERT INTO fill_slots (ord, office_id, start_s, end_s, capacity, seat0)
         SELECT ROW_NUMBER() OVER (ORDER BY start_s, office_id) - 1, office_id, start_s, start_s + len, capacity,
                SUM(capacity) OVER (ORDER BY start_s, office_id ROWS UNBOUNDED PRECEDING) - capacity
           FROM (SELECT DISTINCT o.id AS office_id, d.day_s + {opens} + k.i * o.slot_minutes * 60 AS start_s,
                        o.slot_minutes * 60 AS len, o.slot_capacity AS capacity
                   FROM fill_days d
                   JOIN office_hours h ON h.weekday = d.weekday
                   JOIN fill_offices f ON f.id = h.office_id
                   JOIN offices o ON o.id = h.office_id
                   JOIN fill_n k ON k.i < ({closes} - {opens}) / (o.slot_minutes * 60)) AS s"
    ))
    .await?;
    analyze(s, "fill_slots").await?;
    let slots = s.number("SELECT COUNT(*) FROM fill_slots").await?;
    let seats = s.number("SELECT SUM(capacity) FROM fill_slots").await?;
    let past_seats = s
        .number(&format!(
            "SELECT SUM(capacity) FROM fill_slots WHERE start_s < {today_s}"
        ))
        .await?;
    let bookings_before = s.number("SELECT MAX(id) FROM bookings").await?;
    let cancelled = ((volumes.bookings / CANCELLED_PER) as i64).min(slots);
    let confirmed = (volumes.bookings as i64 - cancelled).min(seats);
    let requests = volumes.requests as i64;
    // About 55 % of the requests come from an interview: one visited past booking in `every`
    // leads to one.
    let visited = confirmed * past_seats / seats.max(1) * 11 / 12;
    let wanted = (requests * 55 / 100).max(1);
    let every = ((visited + wanted - 1) / wanted).max(1);
    if confirmed > 0 {
        add_bookings(s, context, layer, today_s, confirmed, seats, every).await?;
    }
    if cancelled > 0 {
        add_cancelled(s, context, layer, today_s, cancelled, slots).await?;
    }
    if context.skip_triggers && confirmed > 0 {
        // What the capacity trigger would have counted; its CHECK still refuses a slot over
        // capacity.
        s.run(&format!(
            "INSERT INTO slot_seats (office_id, starts_at, capacity, taken)
             SELECT b.office_id, b.starts_at, o.slot_capacity, COUNT(*)
               FROM bookings b JOIN offices o ON o.id = b.office_id
              WHERE b.id > {bookings_before} AND b.status = 'confermata'
              GROUP BY b.office_id, b.starts_at, o.slot_capacity
             ON CONFLICT (office_id, starts_at)
             DO UPDATE SET taken = slot_seats.taken + excluded.taken, capacity = excluded.capacity"
        ))
        .await?;
    }

    if requests > 0 {
        let staff = add_staff(s, context, layer, volumes, today_s).await?;
        // The requests' time: the past part of the year.
        let from_s = rome_midnight(window_start);
        let until_s = rome_midnight(window_end).min(today_s);
        plan_requests(s, context, layer, today_s, (from_s, until_s), requests, bookings_before).await?;
        add_requests(s, context, staff, layer, today_s).await?;
    }
    Ok(())
}

/// `count` new offices, bookable like the seeded one: weekly windows (longer, with more desks,
/// as the issue's volume of bookings asks), 30-minute slots, the seeded booking rules otherwise.
async fn add_offices(
    s: &mut Session,
    context: &Context,
    layer: u32,
    count: i64,
    now_s: i64,
) -> Result<(), sqlx::Error> {
    if count == 0 {
        return Ok(());
    }
    let sql = s.dialect();
    let mut rows = Vec::new();
    let mut slugs = Vec::new();
    for j in 1..=count {
        let place = PLACES[(j as usize - 1) % PLACES.len()];
        let slug = if layer == 0 {
            let mut slug = format!("sportello-{}", app::catalogue::search::slugify(place));
            if j as usize > PLACES.len() {
                slug.push_str(&format!("-{j}"));
            }
            slug
        } else {
            format!("sede-{layer:03}-{j:03}")
        };
        let name = if layer == 0 {
            format!("Sportello sociale di {place}")
        } else {
            format!("Sportello sociale di {place} (sede {layer}.{j})")
        };
        rows.push(format!(
            "({}, {}, {}, {}, {}, {}, {}, 30, {}, 60, 24, 24)",
            quoted(&slug),
            quoted(&name),
            context.comune_sql(),
            quoted(&format!("Via Roma {j}, {place}")),
            quoted(&format!("02 6602{:04}", (layer as i64 * 37 + j) % 10_000)),
            quoted(&format!("{slug}@esempio.it")),
            sql.ts(&now_s.to_string()),
            4 + j % 3,
        ));
        slugs.push(quoted(&slug));
    }
    s.run(&format!(
        "INSERT INTO offices (slug, name, comune_id, address, phone, email, created_at, slot_minutes, slot_capacity,
                              booking_horizon_days, min_notice_hours, cancel_cutoff_hours)
         VALUES {}",
        rows.join(", ")
    ))
    .await?;
    // Monday to Friday mornings, Monday to Thursday afternoons.
    for (last_day, opens, closes) in [(5, "08:30:00", "12:30:00"), (4, "14:00:00", "17:00:00")] {
        s.run(&format!(
            "INSERT INTO office_hours (office_id, weekday, opens, closes)
             SELECT o.id, d.i, {}, {} FROM offices o JOIN fill_n d ON d.i BETWEEN 1 AND {last_day}
              WHERE o.slug IN ({})",
            sql.time(opens),
            sql.time(closes),
            slugs.join(", ")
        ))
        .await?;
    }
    Ok(())
}

/// The confirmed bookings: `count` of the year's `seats`, spread evenly (seat q is booked when
/// ⌊(q+1)·count/seats⌋ passes a whole number, so no seat twice and no slot over capacity). Past
/// ones were received (or missed) and have their interview's outcome; those older than the
/// retention period are already erased, whatever came of them, as the hourly job would have (a
/// backlog left here would be erased in batches while the bench measures, and measured with it).
async fn add_bookings(
    s: &mut Session,
    context: &Context,
    layer: u32,
    today_s: i64,
    count: i64,
    seats: i64,
    every: i64,
) -> Result<(), sqlx::Error> {
    let sql = s.dialect();
    let tag = i64::from(layer) * LAYER_SERIALS;
    let topic = Context::weighted_topic(&context.booking_weights(), "r * 7 + 3");
    let cutoff = today_s - RETENTION_DAYS * DAY;
    let erased = format!("(end_s < {cutoff})");
    let lead = "(86400 * (1 + r % 20) + 3600 * (r % 9))";
    let statement = format!(
        "INSERT INTO bookings (code, office_id, topic_id, starts_at, ends_at, status, given_name, family_name, email, phone,
                               language, interpreter, about, manage_token_hash, idempotency_key, created_at,
                               reminder_sent_at, erased_at, visit_state, visit_state_at, outcome, outcome_note)
         SELECT {code}, office_id, {topic}, {starts}, {ends}, 'confermata',
                CASE WHEN {erased} THEN '' ELSE {given} END,
                CASE WHEN {erased} THEN '' ELSE {family} END,
                CASE WHEN {erased} THEN NULL ELSE 'persona' || serial || '@esempio.it' END,
                CASE WHEN {erased} OR r % 3 <> 0 THEN NULL ELSE '333 ' || (1000000 + r % 8999999) END,
                CASE r % 20 WHEN 0 THEN 'en' WHEN 1 THEN 'ar' WHEN 2 THEN 'ro' WHEN 3 THEN 'es' WHEN 4 THEN 'uk' ELSE 'it' END,
                r % 20 = 1,
                CASE WHEN {erased} OR r % 4 <> 0 THEN ''
                     ELSE {about} END,
                {token}, 'fill-' || serial, {created},
                CASE WHEN visit <> 0 AND created_s < start_s - 86400 THEN {reminder} END,
                CASE WHEN {erased} THEN {erased_at} END,
                CASE visit WHEN 0 THEN 'attesa' WHEN 1 THEN 'assente' ELSE 'concluso' END,
                CASE visit WHEN 0 THEN NULL WHEN 1 THEN {missed_at} ELSE {ends} END,
                CASE oc WHEN 2 THEN 'presa_in_carico' WHEN 1 THEN 'informazioni' END,
                CASE WHEN oc = 1 AND NOT {erased} THEN 'Date informazioni sui servizi e sui documenti da preparare.' END
           FROM (SELECT office_id, start_s, end_s, r, serial, visit,
                        CASE WHEN visit = 2 AND r % {every} = {one} THEN 2 WHEN visit = 2 THEN 1 ELSE 0 END AS oc,
                        CASE WHEN start_s - {lead} < {now} THEN start_s - {lead} ELSE {now} - 3600 * (1 + r % 48) END AS created_s
                   FROM (SELECT office_id, start_s, end_s, r, {tag} + r AS serial,
                                CASE WHEN start_s >= {today_s} THEN 0 WHEN (r / {every}) % 12 = 5 THEN 1 ELSE 2 END AS visit
                           FROM (SELECT s.office_id, s.start_s, s.end_s, ((s.seat0 + k.i) * {count}) / {seats} AS r
                                   FROM fill_slots s JOIN fill_n k ON k.i < s.capacity
                                  WHERE ((s.seat0 + k.i + 1) * {count}) / {seats} > ((s.seat0 + k.i) * {count}) / {seats}) AS q
                        ) AS b) AS c",
        code = code_of("serial"),
        starts = sql.ts("start_s"),
        ends = sql.ts("end_s"),
        given = pick(&GIVEN_NAMES, "r * 7 + 1"),
        family = pick(&FAMILY_NAMES, "r * 11 + 5"),
        about = pick(
            &[
                "Vorrei capire quali aiuti ci sono per la mia famiglia.",
                "Ho bisogno di un consiglio per mio figlio.",
                "Vorrei informazioni su contributi e documenti.",
                "Cerco aiuto per trovare un lavoro.",
            ],
            "r / 4"
        ),
        token = sql.padded("serial", 64),
        created = sql.ts("created_s"),
        reminder = sql.ts("start_s - 86400"),
        erased_at = sql.ts(&format!("end_s + {}", RETENTION_DAYS * DAY)),
        missed_at = sql.ts("start_s + 900"),
        one = 1 % every,
        now = today_s,
    );
    s.run(&statement).await?;
    Ok(())
}

/// Cancelled bookings, one in some slots spread over the year: cancelled by the person, a day
/// before or (for those still ahead) recently.
async fn add_cancelled(
    s: &mut Session,
    context: &Context,
    layer: u32,
    today_s: i64,
    count: i64,
    slots: i64,
) -> Result<(), sqlx::Error> {
    let sql = s.dialect();
    let tag = i64::from(layer) * LAYER_SERIALS + LAYER_SERIALS / 2;
    let topic = Context::weighted_topic(&context.booking_weights(), "r * 7 + 3");
    let cutoff = today_s - RETENTION_DAYS * DAY;
    let erased = format!("(cancelled_s < {cutoff})");
    let statement = format!(
        "INSERT INTO bookings (code, office_id, topic_id, starts_at, ends_at, status, given_name, family_name, email, phone,
                               manage_token_hash, idempotency_key, created_at, cancelled_at, cancel_reason, erased_at)
         SELECT {code}, office_id, {topic}, {starts}, {ends}, 'annullata',
                CASE WHEN {erased} THEN '' ELSE {given} END,
                CASE WHEN {erased} THEN '' ELSE {family} END,
                CASE WHEN {erased} THEN NULL ELSE 'persona' || serial || '@esempio.it' END,
                NULL, {token}, 'fill-' || serial, {created}, {cancelled},
                CASE WHEN {erased} THEN NULL ELSE 'dal cittadino' END,
                CASE WHEN {erased} THEN {erased_at} END
           FROM (SELECT office_id, start_s, end_s, r, serial,
                        CASE WHEN start_s - 86400 * (3 + r % 20) < {now} - 7200 THEN start_s - 86400 * (3 + r % 20)
                             ELSE {now} - 7200 END AS created_s,
                        CASE WHEN start_s - 86400 < {now} - 60 THEN start_s - 86400 ELSE {now} - 60 END AS cancelled_s
                   FROM (SELECT office_id, start_s, end_s, (ord * {count}) / {slots} AS r,
                                {tag} + (ord * {count}) / {slots} AS serial
                           FROM fill_slots
                          WHERE ((ord + 1) * {count}) / {slots} > (ord * {count}) / {slots}) AS b) AS c",
        code = code_of("serial"),
        starts = sql.ts("start_s"),
        ends = sql.ts("end_s"),
        given = pick(&GIVEN_NAMES, "r * 5 + 2"),
        family = pick(&FAMILY_NAMES, "r * 13 + 7"),
        token = sql.padded("serial", 64),
        created = sql.ts("created_s"),
        cancelled = sql.ts("cancelled_s"),
        erased_at = sql.ts(&format!("cancelled_s + {}", RETENTION_DAYS * DAY)),
        now = today_s,
    );
    s.run(&statement).await?;
    Ok(())
}

/// The layer's staff, as laid out by [`Staff`]: in layer 0 active (coordinators with an email
/// address, for the escalations), in older layers disabled (they have left).
async fn add_staff(
    s: &mut Session,
    context: &Context,
    layer: u32,
    volumes: &Volumes,
    now_s: i64,
) -> Result<Staff, sqlx::Error> {
    let sql = s.dialect();
    let units = context.units.len() as i64;
    // Some 1 000 requests a year per social worker of a unit.
    let workers = (volumes.requests as i64 / units / 1000).max(5);
    let staff = Staff {
        base: s.number("SELECT MAX(id) FROM staff_users").await?,
        workers,
        specialists: (workers / 3).max(1),
    };
    let prefix = if layer == 0 {
        String::new()
    } else {
        format!("a{layer:03}.")
    };
    let mut users = Vec::new();
    let mut roles = Vec::new();
    let mut id = staff.base;
    for (unit_id, code) in &context.units {
        let kinds = [
            ("assistente", staff.workers),
            ("psicologo", staff.specialists),
            ("educatore", staff.specialists),
            ("coordinatore", 1),
        ];
        for (kind, count) in kinds {
            for n in 1..=count {
                id += 1;
                let username = if kind == "coordinatore" {
                    format!("{prefix}{code}.{kind}")
                } else {
                    format!("{prefix}{code}.{kind}{n:02}")
                };
                let username: String = username.to_lowercase().chars().take(64).collect();
                let display = format!(
                    "{} {}",
                    GIVEN_NAMES[(id as usize * 7) % GIVEN_NAMES.len()],
                    FAMILY_NAMES[(id as usize * 5 + layer as usize) % FAMILY_NAMES.len()]
                );
                let email = if layer == 0 && kind == "coordinatore" {
                    quoted(&format!("{username}@esempio.it"))
                } else {
                    "NULL".into()
                };
                users.push(format!(
                    "({id}, {}, {}, {email}, {}, {}, {})",
                    quoted(&username),
                    quoted(&display),
                    quoted(&context.password_hash),
                    if layer == 0 { "FALSE" } else { "TRUE" },
                    sql.ts(&(now_s - (i64::from(layer) + 1) * 365 * DAY).to_string()),
                ));
                let role = if kind == "coordinatore" {
                    "coordinatore"
                } else {
                    "assistente_sociale"
                };
                roles.push(format!("({id}, '{role}', {unit_id})"));
            }
        }
    }
    s.run(&format!(
        "INSERT INTO staff_users (id, username, display_name, email, password_hash, disabled, created_at) VALUES {}",
        users.join(", ")
    ))
    .await?;
    s.run(&format!(
        "INSERT INTO staff_roles (user_id, role, unit_id) VALUES {}",
        roles.join(", ")
    ))
    .await?;
    Ok(staff)
}

/// The layer's requests, planned in `fill_requests`: first those of the interviews that led to a
/// request (the bookings marked `presa_in_carico`), then spontaneous ones, referrals and court
/// mandates spread over the days of `span`, in office hours; with their unit, urgency, and when they were taken in charge and
/// closed. In layer 0 those not yet taken in charge by today wait in the queue, and the cases whose
/// planned end is still ahead are open; older layers are all closed.
async fn plan_requests(
    s: &mut Session,
    context: &Context,
    layer: u32,
    today_s: i64,
    span: (i64, i64),
    requests: i64,
    bookings_before: i64,
) -> Result<(), sqlx::Error> {
    let sql = s.dialect();
    s.run("DELETE FROM fill_requests").await?;
    s.run(&format!(
        "INSERT INTO fill_requests (i, origin, booking_id, topic_id, office_id, created_s)
         SELECT ROW_NUMBER() OVER (ORDER BY b.id), 'appuntamento', b.id, b.topic_id, b.office_id, {ended} + 1800
           FROM bookings b
          WHERE b.id > {bookings_before} AND b.outcome = 'presa_in_carico'
          ORDER BY b.id
          LIMIT {requests}",
        ended = sql.seconds("b.ends_at"),
    ))
    .await?;
    let from_interviews = s.number("SELECT COUNT(*) FROM fill_requests").await?;
    let others = requests - from_interviews;
    if others > 0 {
        let (from_s, until_s) = span;
        let days = ((until_s - from_s) / DAY).max(1);
        let with_unit: Vec<(i64, i64)> = context
            .booking_weights()
            .into_iter()
            .filter(|(id, _)| context.topics.iter().any(|(t, _, unit)| t == id && unit.is_some()))
            .collect();
        let weights = if with_unit.is_empty() {
            context.booking_weights()
        } else {
            with_unit
        };
        let court_topic = context
            .topic("tribunale")
            .unwrap_or_else(|| weights.first().map_or(context.topics[0].0, |(id, _)| *id));
        let offices = s
            .rows("SELECT id, slug, CAST(NULL AS BIGINT) FROM offices WHERE active AND slug NOT LIKE 'sede-%' ORDER BY id")
            .await?;
        let office = case_of(
            &format!("n.i % {}", offices.len().max(1)),
            &offices
                .iter()
                .enumerate()
                .map(|(k, (id, _, _))| (k as i64, id.to_string()))
                .collect::<Vec<_>>(),
            "NULL",
        );
        s.run(&format!(
            "INSERT INTO fill_requests (i, origin, booking_id, topic_id, office_id, created_s)
             SELECT {from_interviews} + n.i,
                    CASE WHEN n.i % 20 < 9 THEN 'spontanea' WHEN n.i % 20 < 16 THEN 'segnalazione' ELSE 'mandato' END,
                    NULL,
                    CASE WHEN n.i % 20 >= 16 THEN {court_topic} ELSE {topic} END,
                    {office},
                    {from_s} + 86400 * (((n.i - 1) * {days}) / {others}) + 30600 + (n.i * 7919) % 28800
               FROM fill_n n WHERE n.i BETWEEN 1 AND {others}",
            topic = Context::weighted_topic(&weights, "n.i * 3 + 1"),
        ))
        .await?;
    }
    let unit = context.unit_of("topic_id", "i");
    s.run(&format!(
        "UPDATE fill_requests SET unit_id = CASE WHEN origin = 'mandato' THEN {court} ELSE {unit} END,
                                  size = 2 + (i * 7) % 3,
                                  urgency = CASE WHEN origin = 'mandato' THEN CASE WHEN i % 3 = 0 THEN 'urgente' ELSE 'prioritaria' END
                                                 WHEN i % 20 = 7 THEN 'urgente'
                                                 WHEN i % 20 IN (2, 11, 13, 17) THEN 'prioritaria'
                                                 ELSE 'ordinaria' END",
        court = context.court_unit(),
    ))
    .await?;
    s.run(&format!(
        "UPDATE fill_requests SET ui = {ui},
                                  assigned_s = created_s + (i * 37) % 3600
                                      + CASE urgency WHEN 'urgente' THEN 3600 * (2 + i % 20)
                                                     WHEN 'prioritaria' THEN 86400 * (1 + i % 5)
                                                     ELSE 86400 * (2 + i % 25) END",
        ui = context.unit_index("unit_id"),
    ))
    .await?;
    s.run(&format!(
        "UPDATE fill_requests SET closed_s = assigned_s + 86400 * (35 + (i * 13) % 100),
                                  state = CASE WHEN {layer} > 0 THEN 'chiusa'
                                               WHEN assigned_s >= {today_s} THEN 'in_coda'
                                               WHEN assigned_s + 86400 * (35 + (i * 13) % 100) < {today_s} THEN 'chiusa'
                                               ELSE 'assegnata' END"
    ))
    .await?;
    analyze(s, "fill_requests").await?;
    Ok(())
}

/// Families and persons, the requests and their history, and the cases of those taken in charge:
/// team, notes, help plan with one intervention, court reports of the mandates.
async fn add_requests(
    s: &mut Session,
    context: &Context,
    staff: Staff,
    layer: u32,
    today_s: i64,
) -> Result<(), sqlx::Error> {
    let sql = s.dialect();
    let family_base = s.number("SELECT MAX(id) FROM families").await?;
    let person_base = s.number("SELECT MAX(id) FROM persons").await?;
    let request_base = s.number("SELECT MAX(id) FROM requests").await?;
    let case_base = s.number("SELECT MAX(id) FROM cases").await?;
    let note_base = s.number("SELECT MAX(id) FROM case_notes").await?;
    let plan_base = s.number("SELECT MAX(id) FROM help_plans").await?;
    let worker = staff.worker("ui", "i");
    let coordinator = staff.coordinator("ui");
    let created = sql.ts("created_s");
    let assigned = sql.ts("assigned_s");
    let closed = sql.ts("closed_s");
    let now = today_s;

    s.run(&format!(
        "INSERT INTO families (id, comune_id, created_at) SELECT {family_base} + i, {comune}, {created} FROM fill_requests",
        comune = context.comune_sql(),
    ))
    .await?;
    // Two to four persons: one or two parents, the children.
    let parent = "(m.i = 0 OR (m.i = 1 AND f.size = 4))";
    s.run(&format!(
        "INSERT INTO persons (id, given_name, family_name, birth_date, created_at)
         SELECT {person_base} + (f.i - 1) * 4 + m.i + 1, {given}, {family},
                {born},
                {created}
           FROM fill_requests f JOIN fill_n m ON m.i < f.size",
        given = pick(&GIVEN_NAMES, &format!("f.i * 5 + m.i * 17 + {layer}")),
        family = pick(&FAMILY_NAMES, &format!("f.i * 3 + {layer}")),
        born = sql.day(&format!(
            "f.created_s - 86400 * CASE WHEN {parent} THEN 10220 + (f.i * 131 + m.i * 17) % 8030
                                        ELSE 100 + (f.i * 97 + m.i * 1777) % 6200 END"
        )),
        created = sql.ts("f.created_s"),
    ))
    .await?;
    s.run(&format!(
        "INSERT INTO family_members (family_id, person_id, role)
         SELECT {family_base} + f.i, {person_base} + (f.i - 1) * 4 + m.i + 1,
                CASE WHEN {parent} THEN 'genitore' ELSE 'figlio' END
           FROM fill_requests f JOIN fill_n m ON m.i < f.size"
    ))
    .await?;

    let closure_reason = pick(
        &[
            "Obiettivi del progetto raggiunti: la famiglia non ha più bisogno del servizio.",
            "La famiglia si è trasferita in un altro comune: pratica inviata al servizio competente.",
            "Contributo erogato e situazione stabile: nessun altro intervento necessario.",
        ],
        "i",
    );
    s.run(&format!(
        "INSERT INTO cases (id, family_id, unit_id, responsible_id, opened_at, closed_at, closure_requested_at,
                            closure_requested_by, closure_reason, closed_by)
         SELECT {case_base} + i, {family_base} + i, unit_id, {worker}, {assigned},
                CASE WHEN state = 'chiusa' THEN {closed} END,
                CASE WHEN state = 'chiusa' THEN {asked} END,
                CASE WHEN state = 'chiusa' THEN {worker} END,
                CASE WHEN state = 'chiusa' THEN {closure_reason} END,
                CASE WHEN state = 'chiusa' THEN {coordinator} END
           FROM fill_requests WHERE state <> 'in_coda'",
        asked = sql.ts("closed_s - 86400 * (1 + i % 6)"),
    ))
    .await?;

    // Waiting (or waited, if taken later) past the escalation limits: marked as told.
    let taken_or_now = format!("(CASE WHEN state = 'in_coda' THEN {now} ELSE assigned_s END)");
    let warn_from = (REPORT_DAYS - DEADLINE_WARNING_DAYS) * DAY;
    let referrer_kind = pick(&["scuola", "pediatra", "ospedale", "ats", "altro_servizio"], "i / 20");
    let referrer_name = pick(
        &[
            "Istituto comprensivo Giovanni XXIII",
            "Pediatra di libera scelta",
            "Ospedale Bassini, pronto soccorso pediatrico",
            "ATS Città Metropolitana di Milano",
            "Consultorio familiare",
        ],
        "i / 20",
    );
    let notes = format!(
        "CASE WHEN origin = 'mandato' THEN '' ELSE {} END",
        pick(
            &[
                "",
                "La famiglia chiede un sostegno per la gestione dei figli dopo la separazione.",
                "Difficoltà economiche dopo la perdita del lavoro; due figli minori.",
                "La scuola segnala assenze frequenti e fatica nello studio.",
            ],
            "i",
        )
    );
    s.run(&format!(
        "INSERT INTO requests (id, origin, booking_id, family_id, topic_id, urgency, unit_id, state, case_id, assigned_to,
                               assigned_at, escalated_at, deadline_warned_at, notes, referrer_kind, referrer_name,
                               referrer_contact, court, decree_number, decree_date, court_request, report_due_on,
                               office_id, created_at)
         SELECT {request_base} + i, origin, booking_id, {family_base} + i, topic_id, urgency, unit_id, state,
                CASE WHEN state <> 'in_coda' THEN {case_base} + i END,
                CASE WHEN state <> 'in_coda' THEN {worker} END,
                CASE WHEN state <> 'in_coda' THEN {assigned} END,
                CASE WHEN urgency = 'urgente' AND {taken_or_now} > created_s + {URGENT_WAIT_SECONDS}
                     THEN {escalated} END,
                CASE WHEN origin = 'mandato' AND {taken_or_now} > created_s + {warn_from} THEN {warned} END,
                {notes},
                CASE WHEN origin = 'segnalazione' THEN {referrer_kind} END,
                CASE WHEN origin = 'segnalazione' THEN {referrer_name} END,
                CASE WHEN origin = 'segnalazione' THEN '02 6600' || (1000 + i % 9000) END,
                CASE WHEN origin = 'mandato' THEN
                     CASE WHEN i % 2 = 0 THEN 'Tribunale per i Minorenni di Milano' ELSE 'Tribunale ordinario di Monza' END END,
                CASE WHEN origin = 'mandato' THEN 'V.G. ' || (100 + i % 4000) || '/' || substr(CAST({created_day} AS TEXT), 1, 4) END,
                CASE WHEN origin = 'mandato' THEN {decree_day} END,
                CASE WHEN origin = 'mandato' THEN 'Indagine psico-sociale sul nucleo familiare e relazione al Tribunale.' END,
                CASE WHEN origin = 'mandato' THEN {due_day} END,
                office_id, {created}
           FROM fill_requests",
        escalated = sql.ts(&format!("created_s + {URGENT_WAIT_SECONDS} + 300")),
        warned = sql.ts(&format!("created_s + {warn_from} + 300")),
        created_day = sql.day("created_s"),
        decree_day = sql.day("created_s - 86400 * (5 + i % 20)"),
        due_day = sql.day(&format!("created_s + {}", REPORT_DAYS * DAY)),
    ))
    .await?;
    s.run(&format!(
        "INSERT INTO request_persons (request_id, person_id)
         SELECT {request_base} + f.i, {person_base} + (f.i - 1) * 4 + m.i + 1
           FROM fill_requests f JOIN fill_n m ON m.i < f.size"
    ))
    .await?;
    s.run(&format!(
        "INSERT INTO request_events (request_id, at, staff_id, kind, to_unit_id)
         SELECT {request_base} + i, {created}, NULL, 'creata', unit_id FROM fill_requests"
    ))
    .await?;
    s.run(&format!(
        "INSERT INTO request_events (request_id, at, staff_id, kind)
         SELECT {request_base} + i, {assigned}, {worker}, 'assegnata' FROM fill_requests WHERE state <> 'in_coda'"
    ))
    .await?;
    s.run(&format!(
        "INSERT INTO request_events (request_id, at, staff_id, kind)
         SELECT {request_base} + i, {closed}, {coordinator}, 'chiusa' FROM fill_requests WHERE state = 'chiusa'"
    ))
    .await?;

    // The team: a psychologist and an educator, three days in.
    s.run(&format!(
        "INSERT INTO case_team (case_id, staff_id, profession, added_by, added_at)
         SELECT {case_base} + f.i,
                CASE m.i WHEN 0 THEN {psychologist} ELSE {educator} END,
                CASE m.i WHEN 0 THEN 'psicologo' ELSE 'educatore' END,
                {f_worker}, {added}
           FROM fill_requests f JOIN fill_n m ON m.i < 2
          WHERE f.state <> 'in_coda' AND f.assigned_s + 259200 < {now}",
        psychologist = staff.psychologist("f.ui", "f.i"),
        educator = staff.educator("f.ui", "f.i"),
        f_worker = staff.worker("f.ui", "f.i"),
        added = sql.ts("f.assigned_s + 259200"),
    ))
    .await?;
    // Two notes: the first interview, and a visit or a call (for a mandate, the report to the
    // court, which its court report is then sent with).
    let written = "(f.assigned_s + CASE m.i WHEN 0 THEN 172800 ELSE 1728000 END)";
    let kind = "CASE WHEN m.i = 0 THEN 'colloquio'
                     WHEN f.origin = 'mandato' THEN 'relazione_ag'
                     WHEN f.i % 2 = 0 THEN 'visita_domiciliare' ELSE 'telefonata' END";
    let body = format!(
        "CASE WHEN m.i = 0 THEN {first} WHEN f.origin = 'mandato' THEN {report} ELSE {second} END",
        first = pick(
            &[
                "Primo colloquio con la famiglia: raccolte le informazioni sulla situazione e concordati i prossimi passi.",
                "Colloquio con la madre: racconta le difficoltà degli ultimi mesi; fissato un nuovo incontro.",
            ],
            "f.i"
        ),
        report = quoted("Relazione inviata all'Autorità Giudiziaria con l'esito dell'indagine psico-sociale."),
        second = pick(
            &[
                "Visita a casa: la situazione è tranquilla, i bambini frequentano la scuola con regolarità.",
                "Telefonata con il padre per organizzare gli incontri della prossima settimana.",
            ],
            "f.i"
        ),
    );
    s.run(&format!(
        "INSERT INTO case_notes (id, case_id, kind, happened_on, body, author_id, written_at)
         SELECT {note_base} + (f.i - 1) * 2 + m.i + 1, {case_base} + f.i, {kind}, {happened}, {body},
                {f_worker}, {written_at}
           FROM fill_requests f JOIN fill_n m ON m.i < 2
          WHERE f.state <> 'in_coda' AND {written} < {now}",
        happened = sql.day(&format!("{written} - 3600")),
        f_worker = staff.worker("f.ui", "f.i"),
        written_at = sql.ts(written),
    ))
    .await?;

    // One help plan per case: concluded with the case, active after a month, a draft before.
    let plan_state = format!(
        "CASE WHEN state = 'chiusa' THEN 'concluso' WHEN assigned_s + 2592000 < {now} THEN 'attivo' ELSE 'bozza' END"
    );
    s.run(&format!(
        "INSERT INTO help_plans (id, case_id, state, goals, review_on, outcome, created_by, created_at)
         SELECT {plan_base} + i, {case_base} + i, {plan_state},
                {goals},
                CASE WHEN state <> 'chiusa' AND assigned_s + 2592000 < {now} THEN {review} END,
                CASE WHEN state = 'chiusa' THEN 'Obiettivi raggiunti; la famiglia prosegue in autonomia.' END,
                {worker},
                {plan_created}
           FROM fill_requests WHERE state <> 'in_coda'",
        goals = pick(
            &[
                "Sostenere i genitori nella cura dei figli e nei rapporti con la scuola.",
                "Ritrovare un lavoro stabile e rientrare nelle spese della casa.",
                "Accompagnare il ragazzo nel percorso scolastico e nel tempo libero.",
            ],
            "i"
        ),
        review = sql.day(&format!("{now} + 86400 * ((i * 11) % 120)")),
        plan_created = sql.ts(&format!(
            "CASE WHEN assigned_s + 432000 < {now} THEN assigned_s + 432000 ELSE assigned_s + 60 END"
        )),
    ))
    .await?;
    let kinds_of = |code: &str| -> &'static [&'static str] {
        match code {
            "minori" => &[
                "sostegno_socio_educativo",
                "educativi_diurni",
                "sostegno_psicologico",
                "incontri_protetti",
                "affido",
                "consulenza",
                "comunita",
            ],
            "welfare_generativo" => &["contributo_economico", "sisl", "consulenza"],
            _ => &["consulenza"],
        }
    };
    let kind = case_of(
        "ui",
        &context
            .units
            .iter()
            .enumerate()
            .map(|(k, (_, code))| (k as i64, pick(kinds_of(code), "i")))
            .collect::<Vec<_>>(),
        "'consulenza'",
    );
    let started = format!("(state = 'chiusa' OR assigned_s + 2592000 < {now})");
    s.run(&format!(
        "INSERT INTO plan_interventions (plan_id, kind, assignment, planned_start, legal_basis, mandate_id, consent_on,
                                         started_on, ended_on, added_by, added_at)
         SELECT {plan_base} + i, {kind},
                {assignment},
                {planned},
                CASE WHEN origin = 'mandato' THEN 'mandato' ELSE 'consenso' END,
                CASE WHEN origin = 'mandato' THEN {request_base} + i END,
                CASE WHEN origin <> 'mandato' AND {started} THEN {consent} END,
                CASE WHEN {started} THEN {planned} END,
                CASE WHEN state = 'chiusa' THEN {ended} END,
                {worker}, {plan_created}
           FROM fill_requests WHERE state <> 'in_coda'",
        assignment = pick(
            &[
                "Educatore del servizio: due incontri a settimana a casa.",
                "Assistente sociale: colloqui mensili con i genitori.",
                "Psicologo del consultorio: percorso di dieci incontri.",
            ],
            "i"
        ),
        planned = sql.day("assigned_s + 2592000"),
        consent = sql.day("assigned_s + 2160000"),
        ended = sql.day("closed_s - 172800"),
        plan_created = sql.ts(&format!(
            "CASE WHEN assigned_s + 432000 < {now} THEN assigned_s + 432000 ELSE assigned_s + 60 END"
        )),
    ))
    .await?;
    // A mandate's report: sent with its note once written, otherwise due (and warned about when
    // near, as the watch would have).
    let report_written = "(assigned_s + 1728000)";
    s.run(&format!(
        "INSERT INTO court_reports (case_id, mandate_id, due_on, sent_on, note_id, warned_at, created_at)
         SELECT {case_base} + i, {request_base} + i, {due_day},
                CASE WHEN {report_written} < {now} THEN {sent_day} END,
                CASE WHEN {report_written} < {now} THEN {note_base} + (i - 1) * 2 + 2 END,
                CASE WHEN {report_written} >= {now} AND created_s + {warn_from} < {now} THEN {warned} END,
                {assigned}
           FROM fill_requests WHERE origin = 'mandato' AND state <> 'in_coda'",
        due_day = sql.day(&format!("created_s + {}", REPORT_DAYS * DAY)),
        sent_day = sql.day(&format!("{report_written} - 3600")),
        warned = sql.ts(&format!("created_s + {warn_from} + 300")),
    ))
    .await?;

    if let Session::Postgres(_) = s {
        // Rows were given their ids: move the identity sequences past them.
        for table in [
            "staff_users",
            "families",
            "persons",
            "requests",
            "cases",
            "case_notes",
            "help_plans",
        ] {
            s.run(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
            ))
            .await?;
        }
    }
    Ok(())
}

/// A staff account with one role (for a unit: social worker or coordinator; for the front desk,
/// the first office; administrators need none), with an Argon2 hash made by
/// `app::access::accounts::hash_password`. An existing account with that name gets the hash and the
/// role. Returns its id.
pub async fn staff_account(
    db: &Db,
    username: &str,
    role: &str,
    unit_code: Option<&str>,
    password_hash: &str,
) -> Result<i64, sqlx::Error> {
    let unit_role = matches!(role, "assistente_sociale" | "coordinatore");
    if unit_role && unit_code.is_none() {
        return Err(invalid(format!("the role {role} is held for a unit")));
    }
    let grant = match role {
        "sportello" => {
            "INSERT INTO staff_roles (user_id, role, office_id) VALUES ($1, $2, (SELECT MIN(id) FROM offices))
                        ON CONFLICT DO NOTHING"
        }
        "assistente_sociale" | "coordinatore" => {
            "INSERT INTO staff_roles (user_id, role, unit_id)
                                                  SELECT $1, $2, id FROM units WHERE code = $3
                                                  ON CONFLICT DO NOTHING"
        }
        _ => "INSERT INTO staff_roles (user_id, role) VALUES ($1, $2) ON CONFLICT DO NOTHING",
    };
    let now = chrono::Utc::now();
    let begin = db.begin_writing();
    on_db!(db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO staff_users (username, display_name, password_hash, created_at) VALUES ($1, $1, $2, $3)
             ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, disabled = FALSE
             RETURNING id",
        )
        .bind(username.to_lowercase())
        .bind(password_hash)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        let query = sqlx::query(grant).bind(id).bind(role);
        let query = if unit_role { query.bind(unit_code.unwrap_or_default()) } else { query };
        query.execute(&mut *tx).await?;
        let held: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM staff_roles WHERE user_id = $1 AND role = $2")
            .bind(id)
            .bind(role)
            .fetch_one(&mut *tx)
            .await?;
        if held == 0 {
            tx.rollback().await?;
            return Err(invalid(format!("no unit with code {}", unit_code.unwrap_or_default())));
        }
        tx.commit().await?;
        Ok(id)
    })
}

/// The claims benchmark's fixture: `requests` requests waiting (`in_coda`) in the queue of the unit
/// `unit_code`, each with a family of its own (a parent and a child), created over the 30 days
/// before `today`, plus `workers` social workers of that unit named `{prefix}{i:02}` (from 01)
/// with `password_hash`. Returns the usernames.
pub async fn claim_queue(
    db: &Db,
    unit_code: &str,
    requests: usize,
    workers: usize,
    prefix: &str,
    password_hash: &str,
    today: NaiveDate,
) -> Result<Vec<String>, sqlx::Error> {
    let mut session = Session::open(db).await?;
    let result = claim_fixture(&mut session, unit_code, requests as i64, today).await;
    let cleanup = drop_temp_tables(&mut session).await;
    result?;
    cleanup?;
    drop(session);
    let mut names = Vec::with_capacity(workers);
    for i in 1..=workers {
        let name = format!("{prefix}{i:02}");
        staff_account(db, &name, "assistente_sociale", Some(unit_code), password_hash).await?;
        names.push(name.to_lowercase());
    }
    Ok(names)
}

async fn claim_fixture(s: &mut Session, unit_code: &str, requests: i64, today: NaiveDate) -> Result<(), sqlx::Error> {
    if requests == 0 {
        return Ok(());
    }
    let sql = s.dialect();
    let context = Context::read(s).await?;
    let Some((unit, _)) = context.units.iter().find(|(_, code)| code == unit_code) else {
        return Err(invalid(format!("no active unit with code {unit_code}")));
    };
    let unit = *unit;
    let topic = context
        .topics
        .iter()
        .find(|(_, _, u)| *u == Some(unit))
        .unwrap_or(&context.topics[0])
        .0;
    create_temp_tables(s, requests + 1).await?;
    let now = rome_midnight(today);
    let month = 30 * DAY;
    s.transaction(async |s: &mut Session| {
        no_jit(s).await?;
        let family_base = s.number("SELECT MAX(id) FROM families").await?;
        let person_base = s.number("SELECT MAX(id) FROM persons").await?;
        let request_base = s.number("SELECT MAX(id) FROM requests").await?;
        let office = s.number("SELECT MIN(id) FROM offices").await?;
        s.run(&format!(
            "INSERT INTO fill_requests (i, origin, topic_id, office_id, created_s, unit_id, urgency, state, size)
             SELECT n.i, 'spontanea', {topic}, {office}, {now} - 600 - (n.i * 7919) % {month}, {unit},
                    CASE WHEN n.i % 20 = 7 THEN 'urgente' WHEN n.i % 5 = 2 THEN 'prioritaria' ELSE 'ordinaria' END,
                    'in_coda', 2
               FROM fill_n n WHERE n.i BETWEEN 1 AND {requests}"
        ))
        .await?;
        analyze(s, "fill_requests").await?;
        s.run(&format!(
            "INSERT INTO families (id, comune_id, created_at) SELECT {family_base} + i, {comune}, {created} FROM fill_requests",
            comune = context.comune_sql(),
            created = sql.ts("created_s"),
        ))
        .await?;
        s.run(&format!(
            "INSERT INTO persons (id, given_name, family_name, birth_date, created_at)
             SELECT {person_base} + (f.i - 1) * 2 + m.i + 1, {given}, {family}, {born}, {created}
               FROM fill_requests f JOIN fill_n m ON m.i < 2",
            given = pick(&GIVEN_NAMES, "f.i * 5 + m.i * 17"),
            family = pick(&FAMILY_NAMES, "f.i * 3"),
            born = sql.day("f.created_s - 86400 * CASE WHEN m.i = 0 THEN 12000 + f.i % 5000 ELSE 400 + f.i % 5000 END"),
            created = sql.ts("f.created_s"),
        ))
        .await?;
        s.run(&format!(
            "INSERT INTO family_members (family_id, person_id, role)
             SELECT {family_base} + f.i, {person_base} + (f.i - 1) * 2 + m.i + 1,
                    CASE WHEN m.i = 0 THEN 'genitore' ELSE 'figlio' END
               FROM fill_requests f JOIN fill_n m ON m.i < 2"
        ))
        .await?;
        s.run(&format!(
            "INSERT INTO requests (id, origin, family_id, topic_id, urgency, unit_id, state, escalated_at, office_id, created_at)
             SELECT {request_base} + i, origin, {family_base} + i, topic_id, urgency, unit_id, 'in_coda',
                    CASE WHEN urgency = 'urgente' AND created_s + {URGENT_WAIT_SECONDS} < {now}
                         THEN {escalated} END,
                    office_id, {created}
               FROM fill_requests",
            escalated = sql.ts(&format!("created_s + {URGENT_WAIT_SECONDS} + 300")),
            created = sql.ts("created_s"),
        ))
        .await?;
        s.run(&format!(
            "INSERT INTO request_persons (request_id, person_id)
             SELECT {request_base} + f.i, {person_base} + (f.i - 1) * 2 + m.i + 1 FROM fill_requests f JOIN fill_n m ON m.i < 2"
        ))
        .await?;
        s.run(&format!(
            "INSERT INTO request_events (request_id, at, kind, to_unit_id)
             SELECT {request_base} + i, {created}, 'creata', unit_id FROM fill_requests",
            created = sql.ts("created_s"),
        ))
        .await?;
        if let Session::Postgres(_) = s {
            for table in ["families", "persons", "requests"] {
                s.run(&format!(
                    "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
                ))
                .await?;
            }
        }
        Ok(())
    })
    .await
}
