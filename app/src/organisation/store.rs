//! Queries about the organisation, its comuni, units, offices and phone lines.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use super::{Office, Organisation, PhoneLine, SiteInfo, Unit};
use crate::db::Db;
use crate::on_db;
use crate::opening::holidays::LocalHoliday;
use crate::opening::schedule::{Closure, Schedule};
use crate::opening::OpeningWindow;

#[derive(sqlx::FromRow)]
struct OrganisationRow {
    name: String,
    address: String,
    phone: String,
    email: String,
    patron_name: Option<String>,
    patron_month: Option<i64>,
    patron_day: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct OfficeRow {
    id: i64,
    slug: String,
    name: String,
    comune: Option<String>,
    address: String,
    phone: String,
    email: String,
}

#[derive(sqlx::FromRow)]
struct PhoneLineRow {
    id: i64,
    name: String,
    number: String,
}

/// A weekly window of an office or a phone line (`owner_id` is the one or the other).
#[derive(sqlx::FromRow)]
pub(crate) struct WindowRow {
    pub owner_id: i64,
    pub weekday: i64,
    pub opens: NaiveTime,
    pub closes: NaiveTime,
}

#[derive(sqlx::FromRow)]
pub(crate) struct ClosureRow {
    pub office_id: Option<i64>,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub reason: String,
}

/// What the queries of [`site_info`] return, before the badges are computed.
struct Rows {
    organisation: OrganisationRow,
    comuni: Vec<(String,)>,
    units: Vec<(String, String, String)>,
    offices: Vec<OfficeRow>,
    office_windows: Vec<WindowRow>,
    lines: Vec<PhoneLineRow>,
    line_windows: Vec<WindowRow>,
    closures: Vec<ClosureRow>,
}

/// Everything the public pages show about the service, with the opening badges as of `now`, in
/// eight small queries whatever the number of offices.
pub async fn site_info(db: &Db, now: DateTime<Utc>) -> Result<SiteInfo, sqlx::Error> {
    let today = now.with_timezone(&chrono_tz::Europe::Rome).date_naive();
    let rows = on_db!(db, pool => Rows {
        organisation: sqlx::query_as(
            "SELECT name, address, phone, email, patron_name, patron_month, patron_day FROM organisation WHERE id = 1",
        )
        .fetch_one(pool)
        .await?,
        comuni: sqlx::query_as("SELECT name FROM comuni WHERE active ORDER BY name").fetch_all(pool).await?,
        units: sqlx::query_as("SELECT code, name, description FROM units WHERE active ORDER BY position, name")
            .fetch_all(pool)
            .await?,
        offices: sqlx::query_as(
            "SELECT o.id, o.slug, o.name, c.name AS comune, o.address, o.phone, o.email
               FROM offices o LEFT JOIN comuni c ON c.id = o.comune_id
              WHERE o.active ORDER BY o.name",
        )
        .fetch_all(pool)
        .await?,
        office_windows: sqlx::query_as(
            "SELECT h.office_id AS owner_id, h.weekday, h.opens, h.closes
               FROM office_hours h JOIN offices o ON o.id = h.office_id
              WHERE o.active ORDER BY h.office_id, h.weekday, h.opens",
        )
        .fetch_all(pool)
        .await?,
        lines: sqlx::query_as("SELECT id, name, number FROM phone_lines WHERE active ORDER BY id").fetch_all(pool).await?,
        line_windows: sqlx::query_as(
            "SELECT h.phone_line_id AS owner_id, h.weekday, h.opens, h.closes
               FROM phone_line_hours h JOIN phone_lines l ON l.id = h.phone_line_id
              WHERE l.active ORDER BY h.phone_line_id, h.weekday, h.opens",
        )
        .fetch_all(pool)
        .await?,
        // Only closures that have not ended: the table keeps the past, the badges need the future.
        closures: sqlx::query_as(
            "SELECT office_id, starts_on, ends_on, reason FROM closures WHERE ends_on >= $1 ORDER BY starts_on",
        )
        .bind(today)
        .fetch_all(pool)
        .await?,
    });
    Ok(assemble(rows, now))
}

/// The windows of owner `id`, from rows ordered by owner (every query of them says so): its run
/// is found by binary search, so that many offices do not cost offices × windows.
pub(crate) fn windows_of(id: i64, windows: &[WindowRow]) -> Vec<OpeningWindow> {
    let start = windows.partition_point(|w| w.owner_id < id);
    windows[start..]
        .iter()
        .take_while(|w| w.owner_id == id)
        .map(|w| OpeningWindow {
            weekday: u8::try_from(w.weekday).unwrap_or(0),
            opens: w.opens,
            closes: w.closes,
        })
        .collect()
}

/// The closures of one office (`Some(id)`) or of the phone lines (`None`): the place's own, and
/// those of every office (`office_id` NULL).
pub(crate) fn closures_of(office: Option<i64>, closures: &[ClosureRow]) -> Vec<Closure> {
    closures
        .iter()
        .filter(|c| c.office_id.is_none() || c.office_id == office)
        .map(|c| Closure {
            from: c.starts_on,
            to: c.ends_on,
            reason: c.reason.clone(),
        })
        .collect()
}

fn assemble(rows: Rows, now: DateTime<Utc>) -> SiteInfo {
    let organisation = rows.organisation;
    let local_holidays = patron_holiday(
        organisation.patron_name.clone(),
        organisation.patron_month,
        organisation.patron_day,
    );
    let badge = |hours: &[OpeningWindow], closures: Vec<Closure>| {
        Schedule {
            windows: hours,
            closures: &closures,
            local_holidays: &local_holidays,
        }
        .badge_at(now)
    };
    SiteInfo {
        organisation: Organisation {
            name: organisation.name,
            address: organisation.address,
            phone: organisation.phone,
            email: organisation.email,
        },
        comuni: rows.comuni.into_iter().map(|(name,)| name).collect(),
        units: rows
            .units
            .into_iter()
            .map(|(code, name, description)| Unit {
                code,
                name,
                description,
            })
            .collect(),
        offices: rows
            .offices
            .into_iter()
            .map(|row| {
                let hours = windows_of(row.id, &rows.office_windows);
                Office {
                    badge: badge(&hours, closures_of(Some(row.id), &rows.closures)),
                    hours,
                    id: row.id,
                    slug: row.slug,
                    name: row.name,
                    comune: row.comune,
                    address: row.address,
                    phone: row.phone,
                    email: row.email,
                }
            })
            .collect(),
        phone_lines: rows
            .lines
            .into_iter()
            .map(|line| {
                let hours = windows_of(line.id, &rows.line_windows);
                PhoneLine {
                    badge: badge(&hours, closures_of(None, &rows.closures)),
                    hours,
                    name: line.name,
                    number: line.number,
                }
            })
            .collect(),
    }
}

/// The patron saint's day as a local holiday, when the organisation has set one.
pub(crate) fn patron_holiday(name: Option<String>, month: Option<i64>, day: Option<i64>) -> Vec<LocalHoliday> {
    match (name, month, day) {
        (Some(name), Some(month), Some(day)) => vec![LocalHoliday {
            month: u32::try_from(month).unwrap_or(0),
            day: u32::try_from(day).unwrap_or(0),
            name,
        }],
        _ => Vec::new(),
    }
}

/// The organisation's name, shown in every page's header.
pub async fn organisation_name(db: &Db) -> Result<String, sqlx::Error> {
    on_db!(db, pool => sqlx::query_scalar("SELECT name FROM organisation WHERE id = 1").fetch_one(pool).await)
}

/// Where messages for the service itself go (e.g. a "richiedi assistenza" form).
pub async fn organisation_email(db: &Db) -> Result<String, sqlx::Error> {
    on_db!(db, pool => sqlx::query_scalar("SELECT email FROM organisation WHERE id = 1").fetch_one(pool).await)
}
