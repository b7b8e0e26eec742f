//! The booking engine's reads: an office's calendar (rules, windows, closures, the patron saint's
//! day), the seats taken in a range of time, and what a citizen chooses from (offices, topics).
//!
//! Every read is bounded: a month's availability is one range read of `slot_seats` on its primary
//! key (office, start), however many bookings the office has ever had.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::slots::BookingRules;
use super::{BookingOffice, BookingTopic};
use crate::db::Db;
use crate::on_db;
use crate::opening::holidays::LocalHoliday;
use crate::opening::schedule::{Closure, Schedule};
use crate::opening::OpeningWindow;
use crate::organisation::store::{closures_of, patron_holiday, windows_of, ClosureRow, WindowRow};

/// Everything that decides which slots an office offers.
#[derive(Clone, Debug)]
pub struct OfficeCalendar {
    pub office: BookingOffice,
    pub rules: BookingRules,
    pub windows: Vec<OpeningWindow>,
    pub closures: Vec<Closure>,
    pub local_holidays: Vec<LocalHoliday>,
}

impl OfficeCalendar {
    /// Whether the office has weekly windows, as every office listed by [`offices`] has.
    pub fn receives_by_appointment(&self) -> bool {
        !self.windows.is_empty()
    }

    pub fn schedule(&self) -> Schedule<'_> {
        Schedule {
            windows: &self.windows,
            closures: &self.closures,
            local_holidays: &self.local_holidays,
        }
    }
}

#[derive(sqlx::FromRow)]
struct OfficeRow {
    id: i64,
    slug: String,
    name: String,
    address: String,
    phone: String,
    slot_minutes: i64,
    slot_capacity: i64,
    booking_horizon_days: i64,
    min_notice_hours: i64,
    cancel_cutoff_hours: i64,
}

#[derive(sqlx::FromRow)]
struct PatronRow {
    patron_name: Option<String>,
    patron_month: Option<i64>,
    patron_day: Option<i64>,
}

const OFFICE_COLUMNS: &str = "o.id, o.slug, o.name, o.address, o.phone, o.slot_minutes, o.slot_capacity, \
                              o.booking_horizon_days, o.min_notice_hours, o.cancel_cutoff_hours";

/// An office with the organisation's patron saint, read together (one query fewer for every
/// booking step).
#[derive(sqlx::FromRow)]
struct OfficeWithPatron {
    #[sqlx(flatten)]
    office: OfficeRow,
    #[sqlx(flatten)]
    patron: PatronRow,
}

fn to_u32(value: i64) -> u32 {
    u32::try_from(value).unwrap_or(0)
}

impl OfficeRow {
    fn office(&self) -> BookingOffice {
        BookingOffice {
            slug: self.slug.clone(),
            name: self.name.clone(),
            address: self.address.clone(),
            phone: self.phone.clone(),
        }
    }

    fn rules(&self) -> BookingRules {
        BookingRules {
            slot_minutes: to_u32(self.slot_minutes),
            capacity: to_u32(self.slot_capacity),
            horizon_days: to_u32(self.booking_horizon_days),
            min_notice_hours: to_u32(self.min_notice_hours),
            cancel_cutoff_hours: to_u32(self.cancel_cutoff_hours),
        }
    }
}

/// The active offices that receive by appointment (those with weekly windows), by name.
pub async fn offices(db: &Db) -> Result<Vec<BookingOffice>, sqlx::Error> {
    let sql = format!(
        "SELECT {OFFICE_COLUMNS} FROM offices o
          WHERE o.active AND EXISTS (SELECT 1 FROM office_hours h WHERE h.office_id = o.id)
          ORDER BY o.name"
    );
    let rows: Vec<OfficeRow> = on_db!(db, pool => sqlx::query_as(&sql).fetch_all(pool).await?);
    Ok(rows.iter().map(OfficeRow::office).collect())
}

/// The topics a citizen chooses from, in the order staff set.
pub async fn topics(db: &Db) -> Result<Vec<BookingTopic>, sqlx::Error> {
    let rows: Vec<(String, String, String)> = on_db!(db, pool => {
        sqlx::query_as("SELECT slug, name, hint FROM booking_topics WHERE active ORDER BY position, name")
            .fetch_all(pool)
            .await?
    });
    Ok(rows
        .into_iter()
        .map(|(slug, name, hint)| BookingTopic { slug, name, hint })
        .collect())
}

/// The booking topic a service page pre-selects, if the service exists and has one.
pub async fn topic_of_service(db: &Db, service_slug: &str) -> Result<Option<String>, sqlx::Error> {
    on_db!(db, pool => {
        sqlx::query_scalar(
            "SELECT t.slug FROM services s JOIN booking_topics t ON t.id = s.booking_topic_id
              WHERE s.slug = $1 AND s.active AND t.active",
        )
        .bind(service_slug)
        .fetch_optional(pool)
        .await
    })
}

/// One office's calendar, with the closures that have not ended by `today`; `None` for an unknown
/// or inactive office.
pub async fn office_calendar(db: &Db, slug: &str, today: NaiveDate) -> Result<Option<OfficeCalendar>, sqlx::Error> {
    let sql = format!(
        "SELECT {OFFICE_COLUMNS}, g.patron_name, g.patron_month, g.patron_day
           FROM offices o LEFT JOIN organisation g ON g.id = 1
          WHERE o.slug = $1 AND o.active"
    );
    let (office, patron, windows, closures): (Option<OfficeRow>, PatronRow, Vec<WindowRow>, Vec<ClosureRow>) = on_db!(db, pool => {
        let found: Option<OfficeWithPatron> = sqlx::query_as(&sql).bind(slug).fetch_optional(pool).await?;
        let Some(OfficeWithPatron { office, patron }) = found else { return Ok(None) };
        let windows: Vec<WindowRow> = sqlx::query_as(
            "SELECT office_id AS owner_id, weekday, opens, closes FROM office_hours WHERE office_id = $1
              ORDER BY weekday, opens",
        )
        .bind(office.id)
        .fetch_all(pool)
        .await?;
        let closures: Vec<ClosureRow> = sqlx::query_as(
            "SELECT office_id, starts_on, ends_on, reason FROM closures
              WHERE (office_id = $1 OR office_id IS NULL) AND ends_on >= $2 ORDER BY starts_on",
        )
        .bind(office.id)
        .bind(today)
        .fetch_all(pool)
        .await?;
        (Some(office), patron, windows, closures)
    });
    let Some(office) = office else { return Ok(None) };
    Ok(Some(OfficeCalendar {
        windows: windows_of(office.id, &windows),
        closures: closures_of(Some(office.id), &closures),
        local_holidays: patron_holiday(patron.patron_name, patron.patron_month, patron.patron_day),
        rules: office.rules(),
        office: office.office(),
    }))
}

/// The seats taken in each slot of the office that starts in `[from, until)`: one range read on
/// `slot_seats`' primary key.
pub async fn seats_taken(
    db: &Db,
    office_slug: &str,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<HashMap<DateTime<Utc>, u32>, sqlx::Error> {
    let rows: Vec<(DateTime<Utc>, i64)> = on_db!(db, pool => {
        sqlx::query_as(
            "SELECT s.starts_at, s.taken FROM slot_seats s
              WHERE s.office_id = (SELECT id FROM offices WHERE slug = $1)
                AND s.starts_at >= $2 AND s.starts_at < $3",
        )
        .bind(office_slug)
        .bind(from)
        .bind(until)
        .fetch_all(pool)
        .await?
    });
    Ok(rows.into_iter().map(|(start, taken)| (start, to_u32(taken))).collect())
}
