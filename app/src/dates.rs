//! Dates and times as each language's readers expect them: "martedì 1 dicembre 2026",
//! "Tuesday 1 December 2026", "2026年12月1日 星期二"; times on the 24-hour clock everywhere ("9:30"),
//! as in Italy, where every appointment takes place.
//!
//! The names of days and months come from chrono's locale data (glibc's, through
//! `pure-rust-locales`); the order of the parts is each language's own, below. Digits stay the
//! ones on the office's signs and in the family's email (0–9), in Arabic too, as Arabic-speaking
//! countries on the Mediterranean write them. The functions without a language are the Italian
//! of the back office and of the Italian half of every email.

use chrono::{DateTime, Datelike, Locale, NaiveDate, NaiveTime, Utc};
use chrono_tz::Europe::Rome;

use crate::i18n::Language;

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

/// Ukrainian names a month alone in the nominative ("грудень 2026") and in a date in the genitive
/// ("1 грудня"); the locale data has only the genitive.
const UKRAINIAN_MONTHS: [&str; 12] = [
    "січень",
    "лютий",
    "березень",
    "квітень",
    "травень",
    "червень",
    "липень",
    "серпень",
    "вересень",
    "жовтень",
    "листопад",
    "грудень",
];

/// How a language writes a day: its locale data and the order of the parts (chrono's `%A` weekday,
/// `%-d` day, `%B` month, `%Y` year), for a full date and for a month.
struct Conventions {
    locale: Locale,
    long_date: &'static str,
    day_and_month: &'static str,
    month_and_year: &'static str,
}

fn conventions(language: Language) -> Conventions {
    let plain = |locale| Conventions {
        locale,
        long_date: "%A %-d %B %Y",
        day_and_month: "%A %-d %B",
        month_and_year: "%B %Y",
    };
    // The weekday set off by a comma: "marți, 1 decembrie 2026".
    let with_comma = |locale| Conventions {
        locale,
        long_date: "%A, %-d %B %Y",
        day_and_month: "%A, %-d %B",
        month_and_year: "%B %Y",
    };
    match language {
        Language::Italian => plain(Locale::it_IT),
        Language::English => plain(Locale::en_GB),
        Language::French => plain(Locale::fr_FR),
        // Egyptian Arabic's month names (ديسمبر), the most widely read.
        Language::Arabic => plain(Locale::ar_EG),
        Language::Spanish => Conventions {
            locale: Locale::es_ES,
            long_date: "%A, %-d de %B de %Y",
            day_and_month: "%A, %-d de %B",
            month_and_year: "%B de %Y",
        },
        Language::Chinese => Conventions {
            locale: Locale::zh_CN,
            long_date: "%Y年%-m月%-d日 %A",
            day_and_month: "%-m月%-d日 %A",
            month_and_year: "%Y年%-m月",
        },
        Language::Romanian => with_comma(Locale::ro_RO),
        Language::Albanian => with_comma(Locale::sq_AL),
        Language::Ukrainian => Conventions {
            locale: Locale::uk_UA,
            long_date: "%A, %-d %B %Y р.",
            day_and_month: "%A, %-d %B",
            month_and_year: "%B %Y",
        },
    }
}

/// "9:30".
pub fn clock(time: NaiveTime) -> String {
    time.format("%-H:%M").to_string()
}

/// "martedì 7 aprile".
pub fn day_and_month(date: NaiveDate) -> String {
    day_and_month_in(Language::Italian, date)
}

/// "martedì 7 aprile", "Tuesday 7 April", in `language`.
pub fn day_and_month_in(language: Language, date: NaiveDate) -> String {
    let conventions = conventions(language);
    date.format_localized(conventions.day_and_month, conventions.locale)
        .to_string()
}

/// "martedì 7 aprile 2026".
pub fn long_date(date: NaiveDate) -> String {
    long_date_in(Language::Italian, date)
}

/// "martedì 7 aprile 2026", "Tuesday 7 April 2026", "2026年4月7日 星期二", in `language`.
pub fn long_date_in(language: Language, date: NaiveDate) -> String {
    let conventions = conventions(language);
    date.format_localized(conventions.long_date, conventions.locale)
        .to_string()
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
    month_and_year_in(Language::Italian, date)
}

/// "dicembre 2026", "December 2026", "2026年12月", in `language`.
pub fn month_and_year_in(language: Language, date: NaiveDate) -> String {
    if language == Language::Ukrainian {
        return format!("{} {}", UKRAINIAN_MONTHS[date.month0() as usize], date.year());
    }
    let conventions = conventions(language);
    date.format_localized(conventions.month_and_year, conventions.locale)
        .to_string()
}

/// The days of the week, Monday first, as (full name, short name) in `language`: a calendar's
/// column headings.
pub fn weekdays_in(language: Language) -> [(String, String); 7] {
    let locale = conventions(language).locale;
    // 7 December 2026 is a Monday.
    let monday = NaiveDate::from_ymd_opt(2026, 12, 7).expect("a real day");
    std::array::from_fn(|i| {
        let day = monday + chrono::Duration::days(i as i64);
        (
            day.format_localized("%A", locale).to_string(),
            day.format_localized("%a", locale).to_string(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_in_italian() {
        let date = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(long_date(date), "martedì 1 dicembre 2026");
        assert_eq!(day_and_month(date), "martedì 1 dicembre");
        assert_eq!(month_and_year(date), "dicembre 2026");
        assert_eq!(clock(NaiveTime::from_hms_opt(9, 30, 0).unwrap()), "9:30");
        // 8:30 UTC on a winter day is 9:30 in Italy.
        let at = DateTime::parse_from_rfc3339("2026-12-01T08:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(moment(at), "martedì 1 dicembre 2026 alle 9:30");
        assert_eq!(day_of(at), "martedì 1 dicembre 2026");
        for (i, (full, _)) in weekdays_in(Language::Italian).iter().enumerate() {
            assert_eq!(full, WEEKDAYS[i]);
        }
    }

    #[test]
    fn each_language_writes_a_day_its_own_way() {
        let date = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let expected = [
            (Language::English, "Tuesday 1 December 2026", "December 2026"),
            (Language::French, "mardi 1 décembre 2026", "décembre 2026"),
            (Language::Spanish, "martes, 1 de diciembre de 2026", "diciembre de 2026"),
            (Language::Arabic, "الثلاثاء 1 ديسمبر 2026", "ديسمبر 2026"),
            (Language::Chinese, "2026年12月1日 星期二", "2026年12月"),
            (Language::Romanian, "marți, 1 decembrie 2026", "decembrie 2026"),
            (Language::Albanian, "e martë, 1 dhjetor 2026", "dhjetor 2026"),
            (Language::Ukrainian, "вівторок, 1 грудня 2026 р.", "грудень 2026"),
        ];
        for (language, long, month) in expected {
            assert_eq!(long_date_in(language, date), long, "{language:?}");
            assert_eq!(month_and_year_in(language, date), month, "{language:?}");
        }
        assert_eq!(
            weekdays_in(Language::English)[0],
            ("Monday".to_owned(), "Mon".to_owned())
        );
        assert_eq!(weekdays_in(Language::Chinese)[6].0, "星期日");
    }
}
