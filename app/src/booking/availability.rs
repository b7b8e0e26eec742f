//! What is free: the slots of an office, less the seats already taken, within what a citizen may
//! book at this moment.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::slots::{bookable_between, days_of, is_bookable, slots_on, Slot};
use super::store::OfficeCalendar;
use super::{DayAvailability, FreeSlot};

/// Seats taken per slot start, as read by [`super::store::seats_taken`].
pub type Taken = HashMap<DateTime<Utc>, u32>;

fn free_seats(calendar: &OfficeCalendar, taken: &Taken, slot: &Slot) -> u32 {
    calendar
        .rules
        .capacity
        .saturating_sub(taken.get(&slot.starts_at).copied().unwrap_or(0))
}

fn free_slot(calendar: &OfficeCalendar, taken: &Taken, slot: &Slot) -> FreeSlot {
    FreeSlot {
        date: slot.local_start.date(),
        starts: slot.local_start.time(),
        ends: slot.local_end.time(),
        free_seats: free_seats(calendar, taken, slot),
    }
}

/// The slots of `date` a citizen may book now that still have a seat.
pub fn free_slots_on(calendar: &OfficeCalendar, taken: &Taken, now: DateTime<Utc>, date: NaiveDate) -> Vec<FreeSlot> {
    slots_on(&calendar.schedule(), &calendar.rules, date)
        .iter()
        .filter(|slot| is_bookable(&calendar.rules, slot, now))
        .map(|slot| free_slot(calendar, taken, slot))
        .filter(|slot| slot.free_seats > 0)
        .collect()
}

/// Every day of `[first, next)` with its number of free slots.
pub fn month_availability(
    calendar: &OfficeCalendar,
    taken: &Taken,
    now: DateTime<Utc>,
    first: NaiveDate,
    next: NaiveDate,
) -> Vec<DayAvailability> {
    days_of(first, next)
        .map(|date| DayAvailability {
            date,
            free_slots: u32::try_from(free_slots_on(calendar, taken, now, date).len()).unwrap_or(u32::MAX),
        })
        .collect()
}

/// How far around a taken slot [`nearest_free`] looks, in days: the range `taken` must cover.
pub const ALTERNATIVES_SPAN_DAYS: i64 = 14;

/// The `count` free slots nearest in time to `wanted` (a slot that was taken meanwhile), within
/// [`ALTERNATIVES_SPAN_DAYS`] on either side, earliest first among equals.
pub fn nearest_free(
    calendar: &OfficeCalendar,
    taken: &Taken,
    now: DateTime<Utc>,
    wanted: DateTime<Utc>,
    count: usize,
) -> Vec<FreeSlot> {
    let (earliest, last_day) = bookable_between(&calendar.rules, now);
    let wanted_day = wanted.with_timezone(&chrono_tz::Europe::Rome).date_naive();
    let from = (wanted_day - Duration::days(ALTERNATIVES_SPAN_DAYS))
        .max(earliest.with_timezone(&chrono_tz::Europe::Rome).date_naive());
    let until = (wanted_day + Duration::days(ALTERNATIVES_SPAN_DAYS)).min(last_day);
    let mut candidates: Vec<(i64, Slot)> = days_of(from, until + Duration::days(1))
        .flat_map(|date| slots_on(&calendar.schedule(), &calendar.rules, date))
        .filter(|slot| slot.starts_at != wanted && is_bookable(&calendar.rules, slot, now))
        .filter(|slot| free_seats(calendar, taken, slot) > 0)
        .map(|slot| ((slot.starts_at - wanted).num_seconds().abs(), slot))
        .collect();
    candidates.sort_by_key(|(distance, slot)| (*distance, slot.starts_at));
    let mut nearest: Vec<FreeSlot> = candidates
        .into_iter()
        .take(count)
        .map(|(_, slot)| free_slot(calendar, taken, &slot))
        .collect();
    nearest.sort_by_key(|slot| (slot.date, slot.starts));
    nearest
}
