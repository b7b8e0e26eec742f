//! `sportello-bench`: the benchmark suite's data filler and load client, driven by `scripts/bench`
//! (which documents the whole run). Each command prints one line of figures, separated by spaces,
//! for the script to put in docs/performance.md.
//!
//! ```text
//! sportello-bench fill DATABASE_URL FROM TO          layers FROM..TO of data (0..1 is the 1× volume)
//! sportello-bench worker DATABASE_URL USER PASSWORD  a social worker of the Servizio Minori
//! sportello-bench page BASE PATH TIMES [USER PASSWORD]
//!                                                    p50 and p90 ms of PATH, rendered (past the cache)
//! sportello-bench bookings BASE DATABASE_URL many|few COUNT CLIENTS
//!                                                    confirmations directly and over HTTP, checked
//! sportello-bench claims BASE DATABASE_URL REQUESTS WORKERS
//!                                                    WORKERS take a queue of REQUESTS empty
//! sportello-bench chart OUT.svg TITLE DESCRIPTION X_LABEL Y_LABEL LOG_X NAME=x:y,x:y …
//! ```

use std::process::ExitCode;

use server::bench::chart::{Chart, Series};
use server::bench::client::{self, Browser};
use server::bench::fill;
use server::config::DatabaseLocation;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runtime = tokio::runtime::Runtime::new().expect("an async runtime");
    match runtime.block_on(run(&args)) {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("sportello-bench: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn database(url: &str, connections: u32) -> Result<app::db::Db, String> {
    let location = DatabaseLocation::parse(Some(url), std::path::Path::new(".")).map_err(|e| e.to_string())?;
    server::database::connect(&location, connections)
        .await
        .map_err(|e| e.to_string())
}

fn number<T: std::str::FromStr>(text: Option<&String>, what: &str) -> Result<T, String> {
    text.and_then(|t| t.parse().ok())
        .ok_or_else(|| format!("{what}: a number is needed"))
}

fn arg<'a>(args: &'a [String], i: usize, what: &str) -> Result<&'a str, String> {
    args.get(i)
        .map(String::as_str)
        .ok_or_else(|| format!("{what} is missing"))
}

fn today() -> chrono::NaiveDate {
    chrono::Utc::now().with_timezone(&chrono_tz::Europe::Rome).date_naive()
}

const BENCH_UNIT: &str = "minori";

async fn run(args: &[String]) -> Result<String, String> {
    match args.first().map(String::as_str) {
        Some("fill") => {
            let db = database(arg(args, 1, "DATABASE_URL")?, 4).await?;
            let (from, to) = (number(args.get(2), "FROM")?, number(args.get(3), "TO")?);
            let filled = fill::fill(&db, today(), &fill::Volumes::ISSUE, from, to)
                .await
                .map_err(|e| e.to_string())?;
            Ok(format!(
                "{} {} {} {} {:.1}",
                filled.offices, filled.bookings, filled.requests, filled.cases, filled.seconds
            ))
        }
        Some("worker") => {
            let db = database(arg(args, 1, "DATABASE_URL")?, 2).await?;
            let hash = app::access::accounts::hash_password(arg(args, 3, "PASSWORD")?.to_owned()).await;
            fill::staff_account(
                &db,
                arg(args, 2, "USER")?,
                "assistente_sociale",
                Some(BENCH_UNIT),
                &hash,
            )
            .await
            .map_err(|e| e.to_string())?;
            Ok("ok".to_owned())
        }
        Some("page") => {
            let (base, path) = (arg(args, 1, "BASE")?, arg(args, 2, "PATH")?);
            let times: usize = number(args.get(3), "TIMES")?;
            let browser = match (args.get(4), args.get(5)) {
                (Some(user), Some(password)) => Browser::sign_in(base, user, password).await?,
                _ => Browser::new(base),
            };
            client::time_page(&browser, path, 3).await?; // Warm up.
            let took = client::time_page(&browser, path, times).await?;
            let at = |q: f64| took[((took.len() - 1) as f64 * q).round() as usize];
            Ok(format!("{:.2} {:.2}", at(0.5), at(0.9)))
        }
        Some("bookings") => bookings(args).await,
        Some("claims") => claims(args).await,
        Some("chart") => {
            let out = arg(args, 1, "OUT.svg")?;
            let series = args
                .iter()
                .skip(7)
                .map(|spec| {
                    let (name, points) = spec.split_once('=').ok_or("a series is NAME=x:y,x:y")?;
                    let points = points
                        .split(',')
                        .map(|point| {
                            let (x, y) = point.split_once(':').ok_or("a point is x:y")?;
                            Ok((x.parse().map_err(|_| "x")?, y.parse().map_err(|_| "y")?))
                        })
                        .collect::<Result<Vec<(f64, f64)>, &str>>()?;
                    Ok(Series {
                        name: name.to_owned(),
                        points,
                    })
                })
                .collect::<Result<Vec<_>, &str>>()?;
            let chart = Chart {
                title: arg(args, 2, "TITLE")?,
                description: arg(args, 3, "DESCRIPTION")?,
                x_label: arg(args, 4, "X_LABEL")?,
                y_label: arg(args, 5, "Y_LABEL")?,
                log_x: arg(args, 6, "LOG_X")? == "1",
                series,
            };
            std::fs::write(out, chart.svg()).map_err(|e| e.to_string())?;
            Ok(out.to_owned())
        }
        _ => Err("see the commands at the top of server/src/bin/sportello-bench.rs".to_owned()),
    }
}

/// Prints: direct confirmations/s, HTTP confirmations/s, HTTP attempts/s, confirmed over HTTP,
/// attempts over HTTP, server errors, overbooked slots, confirmed bookings without their email,
/// direct attempts/s.
async fn bookings(args: &[String]) -> Result<String, String> {
    let base = arg(args, 1, "BASE")?;
    let clients: usize = number(args.get(5), "CLIENTS")?;
    // The direct transactions at their fastest: on SQLite one after another (it has one write lock,
    // and writers that wait for it sleep); on PostgreSQL through a pool as large as the server's.
    let url = arg(args, 2, "DATABASE_URL")?;
    let connections = if url.starts_with("sqlite") {
        1
    } else {
        server::database::POOL_SIZE
    };
    let db = database(url, connections).await?;
    let few = arg(args, 3, "many|few")? == "few";
    let count: usize = number(args.get(4), "COUNT")?;
    let offices: Vec<String> = app::on_db!(&db, pool => sqlx::query_scalar("SELECT slug FROM offices ORDER BY id")
        .fetch_all(pool).await.map_err(|e| e.to_string())?);
    let free = client::free_slots(&Browser::new(base), &offices, today()).await;
    let (direct_seats, http_seats) = if few {
        // Two slots for the direct run and two others for HTTP, each wanted by COUNT people.
        if free.len() < 4 {
            return Err(format!("only {} free slots", free.len()));
        }
        let wanted = |slots: &[client::FreeSlot]| (0..count).map(|i| slots[i % 2].clone()).collect::<Vec<_>>();
        (wanted(&free[0..2]), wanted(&free[2..4]))
    } else {
        let seats = client::every_seat(&free);
        let n = count.min(seats.len() / 2);
        if n == 0 {
            return Err("no free seats".to_owned());
        }
        (seats[..n].to_vec(), seats[n..2 * n].to_vec())
    };
    // People are numbered apart from any earlier run on this database.
    let first = (chrono::Utc::now().timestamp() % 100_000) as usize * 10_000;
    let direct_drafts = client::drafts(base, &direct_seats, first).await;
    let http_drafts = client::drafts(base, &http_seats, first + direct_seats.len()).await;
    let direct = client::confirm_directly(&db, &direct_drafts, clients)
        .await
        .map_err(|e| e.to_string())?;
    let http = client::confirm_over_http(base, http_drafts.clone(), clients).await;
    let mut all = direct_drafts;
    all.extend(http_drafts);
    let checks = client::check_bookings(&db, &all).await.map_err(|e| e.to_string())?;
    // A booking made without its confirmation saying so, or the reverse, would be lost to a citizen.
    if checks.confirmed != (direct.confirmed + http.confirmed) as i64 {
        return Err(format!(
            "{} bookings in the database, {} confirmations answered as done",
            checks.confirmed,
            direct.confirmed + http.confirmed
        ));
    }
    Ok(format!(
        "{:.0} {:.0} {:.0} {} {} {} {} {} {:.0}",
        direct.confirmed_per_second,
        http.confirmed_per_second,
        http.attempts_per_second,
        http.confirmed,
        http.attempts,
        http.server_errors + direct.server_errors,
        checks.overbooked_slots,
        checks.without_email,
        direct.attempts_per_second
    ))
}

/// Prints: claims/s, claims, distinct requests claimed, requests still waiting, server errors.
async fn claims(args: &[String]) -> Result<String, String> {
    let base = arg(args, 1, "BASE")?;
    let db = database(arg(args, 2, "DATABASE_URL")?, 4).await?;
    let requests: usize = number(args.get(3), "REQUESTS")?;
    let workers: usize = number(args.get(4), "WORKERS")?;
    let password = "benchmark-coda-2026";
    let hash = app::access::accounts::hash_password(password.to_owned()).await;
    let names = fill::claim_queue(&db, BENCH_UNIT, requests, workers, "presa.", &hash, today())
        .await
        .map_err(|e| e.to_string())?;
    let unit: i64 = app::on_db!(&db, pool => sqlx::query_scalar("SELECT id FROM units WHERE code = $1")
        .bind(BENCH_UNIT).fetch_one(pool).await.map_err(|e| e.to_string())?);
    let mut browsers = Vec::new();
    for name in &names {
        browsers.push(Browser::sign_in(base, name, password).await?);
    }
    let claims = client::claim_all(&db, browsers, unit)
        .await
        .map_err(|e| e.to_string())?;
    Ok(format!(
        "{:.0} {} {} {} {}",
        claims.claims_per_second, claims.claimed, claims.distinct, claims.still_waiting, claims.server_errors
    ))
}
