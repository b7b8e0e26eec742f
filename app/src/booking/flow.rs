//! Which step of the booking flow a query stands at, and what that step shows. Each step checks
//! everything chosen before it again (an office closed, a slot taken meanwhile): the address is
//! only a list of wishes.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime};
use chrono_tz::Europe::Rome;

use super::availability::{free_slots_on, month_availability};
use super::slots::{bookable_between, month_bounds, utc_bounds};
use super::store::{self, OfficeCalendar};
use super::{Booker, BookingQuery, BookingStep, BookingTopic, FreeSlot, MonthView};
use crate::error::AppError;
use crate::state::AppState;

/// The notices of a step shown again (messages of `booking.ftl`).
pub const SLOT_TAKEN: &str = "booking-slot-gone";
const DAY_FULL: &str = "booking-day-full";

/// The day a query or a form names, if it names one (see [`validation::day`]).
pub fn parse_day(raw: Option<&str>) -> Option<NaiveDate> {
    crate::validation::day(raw?)
}

/// The time a query or a form names, if it names one.
pub fn parse_time(raw: Option<&str>) -> Option<NaiveTime> {
    crate::validation::clock_time(raw?)
}

/// The first day of the month a query names (`YYYY-MM`), if it names one.
pub fn parse_month(raw: Option<&str>) -> Option<NaiveDate> {
    crate::validation::month(raw?)
}

fn first_of_month(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// The office and topic a query names, if they exist.
struct Chosen {
    calendar: OfficeCalendar,
    topic: BookingTopic,
}

pub async fn resolve(state: &AppState, booker: &Booker, query: BookingQuery) -> Result<BookingStep, AppError> {
    let now = state.clock.now();
    let today = now.with_timezone(&Rome).date_naive();
    let mut query = query;

    // A service page pre-selects its topic, and the office when there is only one.
    if let Some(service) = query.servizio.as_deref().filter(|s| !s.is_empty()) {
        if query.argomento.is_none() {
            query.argomento = store::topic_of_service(&state.db, service).await?;
        }
        if query.sede.is_none() {
            let offices = store::offices(&state.db).await?;
            if offices.len() == 1 {
                query.sede = offices.first().map(|office| office.slug.clone());
            }
        }
    }

    // The chosen office alone is read, however many there are; one that does not receive by
    // appointment (no weekly windows) is as good as unknown.
    let calendar = match query.sede.as_deref() {
        Some(slug) => super::desk::calendar(state, booker, slug, today)
            .await?
            .filter(|calendar| calendar.receives_by_appointment()),
        None => None,
    };
    let Some(calendar) = calendar else {
        return Ok(BookingStep::Office {
            offices: store::offices(&state.db).await?,
            topic: query.argomento,
        });
    };
    let topics = store::topics(&state.db).await?;
    let Some(topic) = topics
        .iter()
        .find(|topic| Some(topic.slug.as_str()) == query.argomento.as_deref())
        .cloned()
    else {
        return Ok(BookingStep::Topic {
            office: calendar.office.clone(),
            topics,
        });
    };
    let chosen = Chosen { calendar, topic };

    let Some(date) = parse_day(query.giorno.as_deref()) else {
        let month = parse_month(query.mese.as_deref());
        return day_step(state, chosen, month, None).await;
    };
    let slots = free_slots(state, &chosen.calendar, date).await?;
    if slots.is_empty() {
        return day_step(state, chosen, Some(first_of_month(date)), Some(DAY_FULL)).await;
    }
    let wanted = parse_time(query.ora.as_deref());
    match slots.iter().find(|slot| Some(slot.starts) == wanted) {
        Some(slot) => Ok(BookingStep::Details {
            office: chosen.calendar.office,
            topic: chosen.topic,
            slot: *slot,
        }),
        None => Ok(BookingStep::Time {
            office: chosen.calendar.office,
            topic: chosen.topic,
            date,
            slots,
            notice: wanted.map(|_| SLOT_TAKEN.to_owned()),
        }),
    }
}

/// The free slots of one day: one indexed read of the day's seats.
pub async fn free_slots(
    state: &AppState,
    calendar: &OfficeCalendar,
    date: NaiveDate,
) -> Result<Vec<FreeSlot>, AppError> {
    let (from, until) = utc_bounds(date, date + Duration::days(1));
    let taken = store::seats_taken(&state.db, &calendar.office.slug, from, until).await?;
    Ok(free_slots_on(calendar, &taken, state.clock.now(), date))
}

/// The month view: the asked month if one may book in it, else the month of the first bookable day.
async fn day_step(
    state: &AppState,
    chosen: Chosen,
    asked: Option<NaiveDate>,
    notice: Option<&'static str>,
) -> Result<BookingStep, AppError> {
    let month = month_view(state, &chosen.calendar, asked).await?;
    Ok(BookingStep::Day {
        office: chosen.calendar.office,
        topic: chosen.topic,
        month,
        notice: notice.map(str::to_owned),
    })
}

/// One month of an office's free days: `asked` if one may book in it, else the month of the first
/// bookable day. One indexed range read of the month's seats.
pub async fn month_view(
    state: &AppState,
    calendar: &OfficeCalendar,
    asked: Option<NaiveDate>,
) -> Result<MonthView, AppError> {
    let now = state.clock.now();
    let (earliest, last_day) = bookable_between(&calendar.rules, now);
    let first_bookable_month = first_of_month(earliest.with_timezone(&Rome).date_naive());
    let last_month = first_of_month(last_day);
    let first = asked
        .map(first_of_month)
        .filter(|month| (first_bookable_month..=last_month).contains(month))
        .unwrap_or(first_bookable_month);
    let Some((first, next)) = month_bounds(first.year(), first.month()) else {
        return Err(AppError::NotFound);
    };
    let (from, until) = utc_bounds(first, next);
    let taken = store::seats_taken(&state.db, &calendar.office.slug, from, until).await?;
    Ok(MonthView {
        first,
        days: month_availability(calendar, &taken, now, first, next),
        previous: (first > first_bookable_month).then(|| first_of_month(first - Duration::days(1))),
        next: (next <= last_month).then_some(next),
    })
}
