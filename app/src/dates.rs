//! Dates and times as Italian readers expect them: "martedì 1 dicembre 2026", "9:30".

use chrono::{Datelike, NaiveDate, NaiveTime};

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
    }
}
