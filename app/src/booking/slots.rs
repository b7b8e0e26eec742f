//! The slots an office offers: its weekly windows cut into slots of its length, on the days it is
//! open (not on holidays or closures), from the minimum notice to the booking horizon.
//!
//! Pure computation: the seats already taken come from the database (`slot_seats`, one indexed
//! range read per month), which also refuses a booking over capacity on its own.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Europe::Rome;
use serde::{Deserialize, Serialize};

use crate::opening::schedule::Schedule;

/// How an office takes appointments.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingRules {
    pub slot_minutes: u32,
    /// Parallel desks: people received in the same slot.
    pub capacity: u32,
    pub horizon_days: u32,
    pub min_notice_hours: u32,
    pub cancel_cutoff_hours: u32,
}

/// One slot, in local time for people and in UTC for the database.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    pub local_start: NaiveDateTime,
    pub local_end: NaiveDateTime,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

/// A local wall-clock time as an instant. Offices do not open in the hour the clocks skip or repeat
/// (02:00–03:00), but should one, the earlier reading is taken and a skipped time is no slot.
pub fn rome_to_utc(local: NaiveDateTime) -> Option<DateTime<Utc>> {
    local
        .and_local_timezone(Rome)
        .earliest()
        .map(|instant| instant.with_timezone(&Utc))
}

/// Every slot of `date` by the weekly windows (none on holidays and closures), in time order.
pub fn slots_on(schedule: &Schedule<'_>, rules: &BookingRules, date: NaiveDate) -> Vec<Slot> {
    let length = Duration::minutes(i64::from(rules.slot_minutes.max(1)));
    let mut slots = Vec::new();
    for (opens, closes) in schedule.windows_on(date) {
        let mut start = date.and_time(opens);
        let window_end = date.and_time(closes);
        while start + length <= window_end {
            let end = start + length;
            if let (Some(starts_at), Some(ends_at)) = (rome_to_utc(start), rome_to_utc(end)) {
                slots.push(Slot {
                    local_start: start,
                    local_end: end,
                    starts_at,
                    ends_at,
                });
            }
            start = end;
        }
    }
    slots
}

/// The window in which a citizen may book at `now`: from the minimum notice to the end of the
/// horizon's last day (local).
pub fn bookable_between(rules: &BookingRules, now: DateTime<Utc>) -> (DateTime<Utc>, NaiveDate) {
    let earliest = now + Duration::hours(i64::from(rules.min_notice_hours));
    let last_day = now.with_timezone(&Rome).date_naive() + Duration::days(i64::from(rules.horizon_days));
    (earliest, last_day)
}

/// Whether a slot may be booked at `now` by a citizen (the front desk may skip the notice).
pub fn is_bookable(rules: &BookingRules, slot: &Slot, now: DateTime<Utc>) -> bool {
    let (earliest, last_day) = bookable_between(rules, now);
    slot.starts_at >= earliest && slot.local_start.date() <= last_day
}

/// The first and the day after the last day of `month` (`year`, 1–12), or `None` if out of range.
pub fn month_bounds(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    Some((first, next))
}

/// The instants that bound the local days `[from, until)`, for the database's range read.
pub fn utc_bounds(from: NaiveDate, until: NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
    let start = rome_to_utc(from.and_hms_opt(0, 0, 0).unwrap_or_default()).unwrap_or_default();
    let end = rome_to_utc(until.and_hms_opt(0, 0, 0).unwrap_or_default()).unwrap_or_default();
    (start, end)
}

/// Days of the month in order, for the calendar grid.
pub fn days_of(first: NaiveDate, next: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    first.iter_days().take_while(move |day| *day < next)
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveTime, TimeZone};

    use super::*;
    use crate::opening::holidays::LocalHoliday;
    use crate::opening::schedule::Closure;
    use crate::opening::OpeningWindow;

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// The Segretariato's seeded hours: Mon–Thu 9:30–12:30 and 14:30–15:30, Fri 9:30–12:30.
    fn windows() -> Vec<OpeningWindow> {
        let mut windows = Vec::new();
        for weekday in 1..=5 {
            windows.push(OpeningWindow {
                weekday,
                opens: time(9, 30),
                closes: time(12, 30),
            });
            if weekday < 5 {
                windows.push(OpeningWindow {
                    weekday,
                    opens: time(14, 30),
                    closes: time(15, 30),
                });
            }
        }
        windows
    }

    const RULES: BookingRules = BookingRules {
        slot_minutes: 30,
        capacity: 2,
        horizon_days: 60,
        min_notice_hours: 24,
        cancel_cutoff_hours: 24,
    };

    #[test]
    fn a_weekday_is_cut_into_slots_within_each_window() {
        let windows = windows();
        let schedule = Schedule {
            windows: &windows,
            closures: &[],
            local_holidays: &[],
        };
        // Tuesday 1 December 2026: 6 morning slots and 2 afternoon ones.
        let slots = slots_on(&schedule, &RULES, date(2026, 12, 1));
        assert_eq!(slots.len(), 8);
        assert_eq!(slots[0].local_start.time(), time(9, 30));
        assert_eq!(slots[5].local_end.time(), time(12, 30));
        assert_eq!(slots[6].local_start.time(), time(14, 30));
        // Winter: Rome is UTC+1.
        assert_eq!(slots[0].starts_at, Utc.with_ymd_and_hms(2026, 12, 1, 8, 30, 0).unwrap());
        // Friday: mornings only.
        assert_eq!(slots_on(&schedule, &RULES, date(2026, 12, 4)).len(), 6);
        // Saturday: closed.
        assert!(slots_on(&schedule, &RULES, date(2026, 12, 5)).is_empty());
    }

    #[test]
    fn a_slot_that_would_overrun_its_window_is_not_offered() {
        let windows = vec![OpeningWindow {
            weekday: 2,
            opens: time(9, 30),
            closes: time(12, 30),
        }];
        let schedule = Schedule {
            windows: &windows,
            closures: &[],
            local_holidays: &[],
        };
        let rules = BookingRules {
            slot_minutes: 45,
            ..RULES
        };
        let slots = slots_on(&schedule, &rules, date(2026, 12, 1));
        // 9:30, 10:15, 11:00, 11:45 — a fifth would end at 13:15.
        assert_eq!(slots.len(), 4);
        assert_eq!(slots[3].local_end.time(), time(12, 30));
    }

    #[test]
    fn holidays_closures_and_the_patron_close_whole_days() {
        let windows = windows();
        let closures = [Closure {
            from: date(2026, 12, 28),
            to: date(2026, 12, 31),
            reason: "chiusura natalizia".into(),
        }];
        let patron = [LocalHoliday {
            name: "San Biagio".into(),
            month: 2,
            day: 3,
        }];
        let schedule = Schedule {
            windows: &windows,
            closures: &closures,
            local_holidays: &patron,
        };
        assert!(slots_on(&schedule, &RULES, date(2026, 12, 8)).is_empty(), "Immacolata");
        assert!(
            slots_on(&schedule, &RULES, date(2027, 3, 29)).is_empty(),
            "Easter Monday 2027"
        );
        assert!(slots_on(&schedule, &RULES, date(2026, 12, 29)).is_empty(), "closure");
        assert!(slots_on(&schedule, &RULES, date(2027, 2, 3)).is_empty(), "patron");
        assert_eq!(slots_on(&schedule, &RULES, date(2027, 2, 4)).len(), 8);
    }

    #[test]
    fn times_are_rome_times_on_both_sides_of_the_clock_change() {
        let windows = windows();
        let schedule = Schedule {
            windows: &windows,
            closures: &[],
            local_holidays: &[],
        };
        // Friday 27 March 2026 is winter time (UTC+1); Monday 30 March is summer time (UTC+2).
        let before = slots_on(&schedule, &RULES, date(2026, 3, 27));
        let after = slots_on(&schedule, &RULES, date(2026, 3, 30));
        assert_eq!(
            before[0].starts_at,
            Utc.with_ymd_and_hms(2026, 3, 27, 8, 30, 0).unwrap()
        );
        assert_eq!(after[0].starts_at, Utc.with_ymd_and_hms(2026, 3, 30, 7, 30, 0).unwrap());
    }

    #[test]
    fn the_notice_and_the_horizon_bound_what_a_citizen_may_book() {
        let windows = windows();
        let schedule = Schedule {
            windows: &windows,
            closures: &[],
            local_holidays: &[],
        };
        // Monday 30 November 2026, 10:00 in Rome.
        let now = Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap();
        let tomorrow = slots_on(&schedule, &RULES, date(2026, 12, 1));
        // 24 hours of notice: tomorrow 9:30 is too soon, 10:00 is just in time.
        assert!(!is_bookable(&RULES, &tomorrow[0], now));
        assert!(is_bookable(&RULES, &tomorrow[1], now));
        // 60 days ahead: 29 January is the last bookable day.
        let last = slots_on(&schedule, &RULES, date(2027, 1, 29));
        let beyond = slots_on(&schedule, &RULES, date(2027, 2, 1));
        assert!(is_bookable(&RULES, &last[0], now));
        assert!(!is_bookable(&RULES, &beyond[0], now));
    }

    #[test]
    fn month_bounds_cover_december_and_refuse_nonsense() {
        assert_eq!(month_bounds(2026, 12), Some((date(2026, 12, 1), date(2027, 1, 1))));
        assert_eq!(month_bounds(2026, 13), None);
        assert_eq!(days_of(date(2027, 2, 1), date(2027, 3, 1)).count(), 28);
    }
}
