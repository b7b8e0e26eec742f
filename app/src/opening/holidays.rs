//! Italian public holidays (and the comune's patron saint's day), when offices are closed.

use chrono::{Datelike, NaiveDate};

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" computus).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("the computus gives a real date")
}

/// A day of the year observed locally, e.g. the patron saint of the comune.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalHoliday {
    pub month: u32,
    pub day: u32,
    pub name: String,
}

/// The name of the holiday on `date`, if it is one: national holidays (Legge 260/1949 and later
/// laws), Easter Monday, and the local holidays given.
pub fn holiday_name(date: NaiveDate, local: &[LocalHoliday]) -> Option<String> {
    let fixed = match (date.month(), date.day()) {
        (1, 1) => Some("Capodanno"),
        (1, 6) => Some("Epifania"),
        (4, 25) => Some("Festa della Liberazione"),
        (5, 1) => Some("Festa del Lavoro"),
        (6, 2) => Some("Festa della Repubblica"),
        (8, 15) => Some("Ferragosto"),
        // San Francesco d'Assisi, a national holiday again from 2026.
        (10, 4) if date.year() >= 2026 => Some("San Francesco d'Assisi"),
        (11, 1) => Some("Ognissanti"),
        (12, 8) => Some("Immacolata Concezione"),
        (12, 25) => Some("Natale"),
        (12, 26) => Some("Santo Stefano"),
        _ => None,
    };
    if let Some(name) = fixed {
        return Some(name.to_owned());
    }
    let easter = easter_sunday(date.year());
    if date == easter {
        return Some("Pasqua".to_owned());
    }
    if date == easter + chrono::Duration::days(1) {
        return Some("Lunedì dell'Angelo".to_owned());
    }
    local
        .iter()
        .find(|holiday| holiday.month == date.month() && holiday.day == date.day())
        .map(|holiday| holiday.name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn easter_falls_where_the_calendar_says() {
        for (year, month, day) in [
            (2000, 4, 23),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2028, 4, 16),
            (2029, 4, 1),
            (2030, 4, 21),
            (2038, 4, 25),
        ] {
            assert_eq!(easter_sunday(year), date(year, month, day), "Easter {year}");
        }
    }

    #[test]
    fn easter_monday_is_a_holiday_every_year() {
        assert_eq!(
            holiday_name(date(2026, 4, 6), &[]).as_deref(),
            Some("Lunedì dell'Angelo")
        );
        assert_eq!(
            holiday_name(date(2027, 3, 29), &[]).as_deref(),
            Some("Lunedì dell'Angelo")
        );
        assert_eq!(
            holiday_name(date(2028, 4, 17), &[]).as_deref(),
            Some("Lunedì dell'Angelo")
        );
        assert_eq!(holiday_name(date(2026, 4, 7), &[]), None);
    }

    #[test]
    fn national_and_local_holidays() {
        assert_eq!(
            holiday_name(date(2026, 6, 2), &[]).as_deref(),
            Some("Festa della Repubblica")
        );
        assert_eq!(holiday_name(date(2026, 12, 26), &[]).as_deref(), Some("Santo Stefano"));
        assert_eq!(holiday_name(date(2025, 10, 4), &[]), None, "not yet a holiday in 2025");
        assert_eq!(
            holiday_name(date(2026, 10, 4), &[]).as_deref(),
            Some("San Francesco d'Assisi")
        );
        let patron = [LocalHoliday {
            month: 12,
            day: 7,
            name: "Sant'Ambrogio".into(),
        }];
        assert_eq!(
            holiday_name(date(2026, 12, 7), &patron).as_deref(),
            Some("Sant'Ambrogio")
        );
        assert_eq!(holiday_name(date(2026, 12, 7), &[]), None);
        assert_eq!(holiday_name(date(2026, 3, 3), &patron), None);
    }
}
