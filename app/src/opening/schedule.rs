//! "Aperto ora / prossima apertura" for a weekly schedule with closures and holidays.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use chrono_tz::Europe::Rome;

use super::holidays::{holiday_name, LocalHoliday};
use super::{OpeningBadge, OpeningWindow};

/// A period when an office is closed although its weekly hours say open (summer closure, works…).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Closure {
    pub from: NaiveDate,
    /// Inclusive.
    pub to: NaiveDate,
    /// Said to people: "chiusura estiva", "lavori di ristrutturazione".
    pub reason: String,
}

/// Everything that decides when a place is open.
#[derive(Clone, Copy, Debug)]
pub struct Schedule<'a> {
    pub windows: &'a [OpeningWindow],
    pub closures: &'a [Closure],
    pub local_holidays: &'a [LocalHoliday],
}

/// Where things stand at a given instant, in Italian local time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    Open {
        until: NaiveDateTime,
    },
    Closed {
        reason_today: Option<String>,
        next_opening: Option<NaiveDateTime>,
    },
}

/// How far ahead to look for the next opening before saying "closed until further notice".
const LOOK_AHEAD_DAYS: i64 = 90;

impl Schedule<'_> {
    /// Why `date` is closed all day (a holiday or a closure), if it is.
    fn closed_all_day(&self, date: NaiveDate) -> Option<String> {
        if let Some(name) = holiday_name(date, self.local_holidays) {
            return Some(name);
        }
        self.closures
            .iter()
            .find(|c| c.from <= date && date <= c.to)
            .map(|c| c.reason.clone())
    }

    /// The windows of `date` in time order (none on holidays and closures).
    pub fn windows_on(&self, date: NaiveDate) -> Vec<(NaiveTime, NaiveTime)> {
        if self.closed_all_day(date).is_some() {
            return Vec::new();
        }
        let weekday = date.weekday().number_from_monday() as u8;
        let mut windows: Vec<_> = self
            .windows
            .iter()
            .filter(|w| w.weekday == weekday)
            .map(|w| (w.opens, w.closes))
            .collect();
        windows.sort();
        windows
    }

    /// Open or closed at `now`; times are compared as Italian wall-clock times, which is what the
    /// windows are written in, so summer and winter time need no special case.
    pub fn status_at(&self, now: DateTime<Utc>) -> Status {
        let local = now.with_timezone(&Rome).naive_local();
        let today = local.date();
        for (opens, closes) in self.windows_on(today) {
            if opens <= local.time() && local.time() < closes {
                return Status::Open {
                    until: today.and_time(closes),
                };
            }
        }
        let next_opening = (0..=LOOK_AHEAD_DAYS).find_map(|offset| {
            let date = today + Duration::days(offset);
            self.windows_on(date)
                .into_iter()
                .map(|(opens, _)| date.and_time(opens))
                .find(|opening| *opening > local)
        });
        Status::Closed {
            reason_today: self.closed_all_day(today),
            next_opening,
        }
    }

    /// The badge people read.
    pub fn badge_at(&self, now: DateTime<Utc>) -> OpeningBadge {
        let today = now.with_timezone(&Rome).date_naive();
        match self.status_at(now) {
            Status::Open { until } => OpeningBadge {
                open: true,
                until: Some(until.time()),
                closed_today: None,
                next_opening: None,
                today,
            },
            Status::Closed {
                reason_today,
                next_opening,
            } => OpeningBadge {
                open: false,
                until: None,
                closed_today: reason_today,
                next_opening,
                today,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// The Segretariato's phone-line hours: Mon–Thu 9:30–12:30 and 14:30–15:30, Fri 9:30–12:30.
    fn phone_line() -> Vec<OpeningWindow> {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        let mut windows = Vec::new();
        for weekday in 1..=5 {
            windows.push(OpeningWindow {
                weekday,
                opens: t(9, 30),
                closes: t(12, 30),
            });
            if weekday <= 4 {
                windows.push(OpeningWindow {
                    weekday,
                    opens: t(14, 30),
                    closes: t(15, 30),
                });
            }
        }
        windows
    }

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    fn badge(now: DateTime<Utc>, closures: &[Closure], local: &[LocalHoliday]) -> String {
        let windows = phone_line();
        Schedule {
            windows: &windows,
            closures,
            local_holidays: local,
        }
        .badge_at(now)
        .text(crate::i18n::Language::Italian)
    }

    #[test]
    fn open_and_closed_through_an_ordinary_day() {
        // Monday 2 March 2026, winter time (UTC+1).
        assert_eq!(
            badge(utc(2026, 3, 2, 8, 0), &[], &[]),
            "Chiuso ora. Riapre oggi alle 9:30"
        );
        assert_eq!(badge(utc(2026, 3, 2, 8, 30), &[], &[]), "Aperto ora, fino alle 12:30");
        assert_eq!(
            badge(utc(2026, 3, 2, 11, 30), &[], &[]),
            "Chiuso ora. Riapre oggi alle 14:30"
        );
        assert_eq!(badge(utc(2026, 3, 2, 14, 29), &[], &[]), "Aperto ora, fino alle 15:30");
        assert_eq!(
            badge(utc(2026, 3, 2, 14, 30), &[], &[]),
            "Chiuso ora. Riapre domani alle 9:30"
        );
    }

    #[test]
    fn friday_afternoon_points_to_monday_with_its_date() {
        // Friday 6 March 2026 at 14:00 in Rome.
        assert_eq!(
            badge(utc(2026, 3, 6, 13, 0), &[], &[]),
            "Chiuso ora. Riapre lunedì 9 marzo alle 9:30"
        );
    }

    #[test]
    fn easter_monday_is_closed_and_good_friday_is_not() {
        // Easter 2026 is 5 April: Friday 3 April open, Monday 6 April closed.
        assert_eq!(badge(utc(2026, 4, 3, 8, 0), &[], &[]), "Aperto ora, fino alle 12:30");
        assert_eq!(
            badge(utc(2026, 4, 6, 8, 0), &[], &[]),
            "Chiuso oggi (Lunedì dell'Angelo). Riapre domani alle 9:30"
        );
        // Thursday before Easter Monday 2027 (29 March): after hours, reopens Friday.
        assert_eq!(
            badge(utc(2027, 3, 25, 16, 0), &[], &[]),
            "Chiuso ora. Riapre domani alle 9:30"
        );
        assert_eq!(
            badge(utc(2027, 3, 26, 12, 0), &[], &[]),
            "Chiuso ora. Riapre martedì 30 marzo alle 9:30",
            "Friday afternoon before Easter 2027: the weekend and Easter Monday are skipped"
        );
    }

    #[test]
    fn closures_and_the_patron_saint_close_the_office() {
        let summer = [Closure {
            from: NaiveDate::from_ymd_opt(2026, 8, 10).unwrap(),
            to: NaiveDate::from_ymd_opt(2026, 8, 21).unwrap(),
            reason: "chiusura estiva".into(),
        }];
        assert_eq!(
            badge(utc(2026, 8, 12, 8, 0), &summer, &[]),
            "Chiuso oggi (chiusura estiva). Riapre lunedì 24 agosto alle 9:30"
        );
        let patron = [LocalHoliday {
            month: 12,
            day: 7,
            name: "Sant'Ambrogio".into(),
        }];
        // Monday 7 December 2026, then the Immacolata on Tuesday 8: next opening Wednesday 9.
        assert_eq!(
            badge(utc(2026, 12, 7, 9, 0), &[], &patron),
            "Chiuso oggi (Sant'Ambrogio). Riapre mercoledì 9 dicembre alle 9:30"
        );
    }

    #[test]
    fn the_days_the_clocks_change() {
        // Summer time starts on Sunday 29 March 2026. 9:45 in Rome is 8:45 UTC before, 7:45 UTC after.
        assert_eq!(badge(utc(2026, 3, 27, 8, 45), &[], &[]), "Aperto ora, fino alle 12:30");
        assert_eq!(
            badge(utc(2026, 3, 27, 8, 15), &[], &[]),
            "Chiuso ora. Riapre oggi alle 9:30"
        );
        assert_eq!(badge(utc(2026, 3, 30, 7, 45), &[], &[]), "Aperto ora, fino alle 12:30");
        assert_eq!(
            badge(utc(2026, 3, 30, 7, 15), &[], &[]),
            "Chiuso ora. Riapre oggi alle 9:30"
        );
        // Winter time returns on Sunday 25 October 2026: 9:45 in Rome is 8:45 UTC again.
        assert_eq!(badge(utc(2026, 10, 23, 7, 45), &[], &[]), "Aperto ora, fino alle 12:30");
        assert_eq!(badge(utc(2026, 10, 26, 8, 45), &[], &[]), "Aperto ora, fino alle 12:30");
        assert_eq!(
            badge(utc(2026, 10, 26, 7, 45), &[], &[]),
            "Chiuso ora. Riapre oggi alle 9:30"
        );
        // Saturday evening before the change: the next opening is Monday morning.
        assert_eq!(
            badge(utc(2026, 10, 24, 20, 0), &[], &[]),
            "Chiuso ora. Riapre lunedì 26 ottobre alle 9:30"
        );
        // 23:30 UTC on Saturday is already 1:30 on Sunday in Rome: Monday is "domani".
        assert_eq!(
            badge(utc(2026, 10, 24, 23, 30), &[], &[]),
            "Chiuso ora. Riapre domani alle 9:30"
        );
    }

    #[test]
    fn no_hours_at_all_says_so() {
        let schedule = Schedule {
            windows: &[],
            closures: &[],
            local_holidays: &[],
        };
        assert_eq!(
            schedule
                .badge_at(utc(2026, 3, 2, 9, 0))
                .text(crate::i18n::Language::Italian),
            "Chiuso ora. Nessuna apertura prevista nei prossimi tre mesi"
        );
    }
}
