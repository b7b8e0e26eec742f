//! Dates and times as Italian readers expect them: "martedì 1 dicembre 2026", "9:30".

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc};
use chrono_tz::Europe::Rome;

pub const WEEKDAYS: [&str; 7] = [
    "lunedì",
    "martedì",
    "mercoledì",
    "giovedì",
    "venerdì",
    "sabato",
    "domenica",
];

pub const MONTHS: [&str; 12] = [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
];

/// "9:30".
pub fn clock(time: NaiveTime) -> String {
    time.format("%-H:%M").to_string()
}

/// "martedì 7 aprile".
pub fn day_and_month(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        WEEKDAYS[date.weekday().num_days_from_monday() as usize],
        date.day(),
        MONTHS[date.month0() as usize]
    )
}

/// "martedì 7 aprile 2026".
pub fn long_date(date: NaiveDate) -> String {
    format!("{} {}", day_and_month(date), date.year())
}

/// "martedì 7 aprile 2026 alle 9:30": an instant, in Italian time.
pub fn moment(at: DateTime<Utc>) -> String {
    let local = at.with_timezone(&Rome);
    format!("{} alle {}", long_date(local.date_naive()), clock(local.time()))
}

/// "martedì 7 aprile 2026": the day of an instant, in Italian time.
pub fn day_of(at: DateTime<Utc>) -> String {
    long_date(at.with_timezone(&Rome).date_naive())
}

/// "dicembre 2026".
pub fn month_and_year(date: NaiveDate) -> String {
    format!("{} {}", MONTHS[date.month0() as usize], date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_in_italian() {
        let date = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(long_date(date), "martedì 1 dicembre 2026");
        assert_eq!(month_and_year(date), "dicembre 2026");
        assert_eq!(clock(NaiveTime::from_hms_opt(9, 30, 0).unwrap()), "9:30");
        // 8:30 UTC on a winter day is 9:30 in Italy.
        let at = DateTime::parse_from_rfc3339("2026-12-01T08:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(moment(at), "martedì 1 dicembre 2026 alle 9:30");
        assert_eq!(day_of(at), "martedì 1 dicembre 2026");
    }
}
