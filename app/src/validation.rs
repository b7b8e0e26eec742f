//! Values people type, parsed once into types that can only hold acceptable values ("parse, don't
//! validate"), and the days and times of date and time fields. Every form handler reads what people
//! typed through these, so a refusal reads the same everywhere; the property tests at the end feed
//! them arbitrary text (any script, control characters, overlong input) and check that they never
//! panic and that what they accept reads back the same.

use std::fmt;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

use crate::i18n::say;

/// Why a typed value was refused: a sentence for the page, in the language of the request being
/// served (Italian in the back office; see `app/locales/*/validation.ftl`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid(pub String);

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Invalid {}

/// An email address as people write it: one `@`, a dotted domain, no spaces, at most 254 characters.
/// Deliberately not the full RFC 5322 grammar: we need an address a message can reach.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let value = raw.trim();
        if value.is_empty() {
            return Err(Invalid(say("valid-email-missing")));
        }
        let example = || Invalid(say("valid-email-example"));
        if value.chars().count() > 254 || value.chars().any(char::is_whitespace) {
            return Err(example());
        }
        let Some((local, domain)) = value.split_once('@') else {
            return Err(example());
        };
        let domain_ok = !domain.contains('@')
            && domain.contains('.')
            && domain.split('.').all(|label| {
                !label.is_empty()
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_alphanumeric() || c == '-')
            });
        if local.is_empty() || local.len() > 64 || !domain_ok {
            return Err(example());
        }
        Ok(Self(format!("{local}@{}", domain.to_lowercase())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Email {
    type Error = Invalid;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Email> for String {
    fn from(value: Email) -> Self {
        value.0
    }
}

/// A first name or surname: letters of any script (with their accents and vowel marks, however the
/// keyboard composed them), spaces, apostrophes, hyphens and dots, at least one letter; 1–100
/// characters after trimming. Kept in Unicode's composed form (NFC), so the same name typed on two
/// devices is the same text when the service looks for a person it already knows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonName(String);

/// Which of a person's names a field holds, for what its message says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NamePart {
    Given,
    Family,
}

impl PersonName {
    pub fn parse(raw: &str, part: NamePart) -> Result<Self, Invalid> {
        let message = |what: &str| {
            let part = match part {
                NamePart::Given => "given",
                NamePart::Family => "family",
            };
            Invalid(say(&format!("valid-{part}-name-{what}")))
        };
        let composed: String = raw.nfc().collect();
        let value = composed.split_whitespace().collect::<Vec<_>>().join(" ");
        if value.is_empty() {
            return Err(message("missing"));
        }
        if value.chars().count() > 100 {
            return Err(message("too-long"));
        }
        let allowed = |c: char| c.is_alphabetic() || is_combining_mark(c) || matches!(c, ' ' | '\'' | '’' | '-' | '.');
        if !value.chars().all(allowed) || !value.chars().any(char::is_alphabetic) {
            return Err(message("letters"));
        }
        Ok(Self(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A telephone number as people write it: digits with spaces, dots, dashes, slashes or brackets,
/// an optional leading `+`; 6 to 15 digits. Kept as typed (trimmed), since people read it back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phone(String);

impl Phone {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let value = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        let rest = value.strip_prefix('+').unwrap_or(&value);
        let digits = rest.chars().filter(char::is_ascii_digit).count();
        let allowed = rest
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '/' | '(' | ')'));
        if !allowed || !(6..=15).contains(&digits) {
            return Err(Invalid(say("valid-phone")));
        }
        Ok(Self(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An Italian codice fiscale (16 characters, last one the check character), upper case. Numbers
/// replaced by letters (omocodia) are accepted: the check character covers them as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodiceFiscale(String);

impl CodiceFiscale {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let value: String = raw.split_whitespace().collect::<String>().to_uppercase();
        let shape_ok = value.len() == 16
            && value.chars().enumerate().all(|(i, c)| match i {
                0..=5 | 8 | 11 | 15 => c.is_ascii_uppercase(),
                _ => c.is_ascii_digit() || "LMNPQRSTUV".contains(c),
            });
        if !shape_ok {
            return Err(Invalid(say("valid-cf-shape")));
        }
        if Self::check_character(&value[..15]) != value.chars().nth(15) {
            return Err(Invalid(say("valid-cf-check")));
        }
        Ok(Self(value))
    }

    /// The 16th character, from the first 15 (Ministry of Finance decree of 23 December 1976).
    fn check_character(first15: &str) -> Option<char> {
        // Values of a character in an odd position (1st, 3rd…), digits and letters alike.
        const ODD: [u32; 26] = [
            1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
        ];
        let mut sum = 0;
        for (i, c) in first15.chars().enumerate() {
            let index = if c.is_ascii_digit() {
                c as u32 - '0' as u32
            } else {
                c as u32 - 'A' as u32
            };
            sum += if i % 2 == 0 { *ODD.get(index as usize)? } else { index };
        }
        char::from_u32('A' as u32 + sum % 26)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Text as a person typed it, without what no person types: control characters (a NUL, a pasted
/// terminal colour) and the invisible marks that reverse the direction of the text after them,
/// which could make a note read differently from what it says. Line breaks become `\n` (browsers
/// send a text area's as `\r\n`, which would count twice against its length), tabs stay, and
/// accents are composed (NFC). Every posted form's fields pass through it before they are read.
pub fn as_typed(raw: &str) -> String {
    let direction_override = |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    raw.replace("\r\n", "\n")
        .replace('\r', "\n")
        .nfc()
        .filter(|&c| matches!(c, '\n' | '\t') || !(c.is_control() || direction_override(c)))
        .collect()
}

/// A day, as a date field sends it (`2026-06-15`) or as a person types it where the browser shows a
/// plain text box instead of a calendar (`15/06/2026`, `15.6.2026`, `15-06-2026`). The year has four
/// digits; what the day may be (not in the future, not before 1900…) is the form's own rule.
pub fn day(raw: &str) -> Option<NaiveDate> {
    let raw = raw.trim();
    let separator = raw.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let parts: Vec<&str> = raw.split(separator).collect();
    let [first, second, third] = parts[..] else {
        return None;
    };
    let number = |part: &str| (1..=4).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
    if !(number(first) && number(second) && number(third)) || second.len() > 2 {
        return None;
    }
    // Year first, as a date field sends it, or last, as Italians write it.
    let (year, month, day) = match (first.len(), third.len()) {
        (4, 1..=2) => (first, second, third),
        (1..=2, 4) => (third, second, first),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// A time of day, as a time field sends it (`09:30`) or as people write it (`9:30`, `9.30`, `9`).
pub fn clock_time(raw: &str) -> Option<NaiveTime> {
    let raw = raw.trim();
    let (hours, minutes) = raw.split_once([':', '.']).unwrap_or((raw, "00"));
    let digits = |part: &str, most: usize| (1..=most).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
    if !digits(hours, 2) || !digits(minutes, 2) || minutes.len() != 2 {
        return None;
    }
    NaiveTime::from_hms_opt(hours.parse().ok()?, minutes.parse().ok()?, 0)
}

/// The first day of a month sent as `2026-06` (a month field, the calendar's links).
pub fn month(raw: &str) -> Option<NaiveDate> {
    let (year, month) = raw.trim().split_once('-')?;
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if year.len() != 4 || !(1..=2).contains(&month.len()) || !digits(year) || !digits(month) {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_addresses_and_lowercases_the_domain() {
        assert_eq!(
            Email::parse(" Anna.Bianchi@Comune.IT ").unwrap().as_str(),
            "Anna.Bianchi@comune.it"
        );
        assert!(Email::parse("a@posta.xn--e1afmkfd.it").is_ok());
    }

    #[test]
    fn refuses_addresses_a_message_cannot_reach() {
        for raw in [
            "",
            "anna",
            "anna@",
            "@comune.it",
            "anna@comune",
            "anna bianchi@comune.it",
            "a@b@c.it",
            "a@-x.it",
        ] {
            assert!(Email::parse(raw).is_err(), "{raw:?} should be refused");
        }
    }

    #[test]
    fn email_deserialises_only_when_valid() {
        assert!(serde_json::from_str::<Email>("\"x@y.it\"").is_ok());
        assert!(serde_json::from_str::<Email>("\"x@y\"").is_err());
    }

    #[test]
    fn codice_fiscale_is_checked_by_its_last_character() {
        // A well-known valid example, typed in lower case with spaces.
        assert_eq!(
            CodiceFiscale::parse("rss mra 80a01 h501u").unwrap().as_str(),
            "RSSMRA80A01H501U"
        );
        // One character changed: the check fails.
        assert!(CodiceFiscale::parse("RSSMRA80A01H501V").is_err());
        assert!(CodiceFiscale::parse("RSSMRA80A01H50").is_err());
        assert!(CodiceFiscale::parse("123456789012345X").is_err());
        // Omocodia: the last digit of the comune code replaced by a letter (1 -> M), check recomputed.
        assert!(CodiceFiscale::parse("RSSMRA80A01H50MM").is_ok());
    }

    #[test]
    fn phone_numbers_need_enough_digits() {
        assert_eq!(Phone::parse(" +39 333 123 4567 ").unwrap().as_str(), "+39 333 123 4567");
        assert!(Phone::parse("02.66023.549").is_ok());
        assert!(Phone::parse("12345").is_err());
        assert!(Phone::parse("chiamami").is_err());
    }

    #[test]
    fn names_keep_accents_and_apostrophes() {
        assert_eq!(
            PersonName::parse("  D'Angelo  ", NamePart::Family).unwrap().as_str(),
            "D'Angelo"
        );
        assert_eq!(
            PersonName::parse("Niccolò  Maria", NamePart::Given).unwrap().as_str(),
            "Niccolò Maria"
        );
        assert_eq!(PersonName::parse("", NamePart::Given).unwrap_err().0, "Scrivi il nome.");
        assert!(PersonName::parse("Anna<script>", NamePart::Given).is_err());
    }
}

/// Property tests: thousands of generated inputs per run, in every script the families write in.
#[cfg(test)]
mod properties {
    use chrono::{Datelike, Timelike};
    use proptest::prelude::*;
    use unicode_normalization::{is_nfc, UnicodeNormalization};

    use super::*;

    /// A letter of one of the scripts of the languages the service meets: Latin with its accents,
    /// Arabic (with a vowel mark now and then), Chinese, Cyrillic (Ukrainian letters included),
    /// Albanian and Romanian letters.
    fn letter() -> impl Strategy<Value = String> {
        prop_oneof![
            prop::char::range('a', 'z').prop_map(String::from),
            prop::char::range('A', 'Z').prop_map(String::from),
            prop::sample::select(vec![
                "à", "è", "é", "ì", "ò", "ù", "ç", "ë", "ș", "ț", "ă", "â", "î", "ñ"
            ])
            .prop_map(str::to_owned),
            (
                prop::char::range('\u{0628}', '\u{064A}'),
                prop::option::of(prop::char::range('\u{064B}', '\u{0652}'))
            )
                .prop_filter("an Arabic letter", |(c, _)| c.is_alphabetic())
                .prop_map(|(c, mark)| mark.map_or(c.to_string(), |m| format!("{c}{m}"))),
            prop::char::range('\u{4E00}', '\u{9FA5}').prop_map(String::from),
            prop::char::range('\u{0410}', '\u{044F}').prop_map(String::from),
            prop::sample::select(vec!["і", "ї", "є", "ґ"]).prop_map(str::to_owned),
        ]
    }

    /// A name of one to three words, joined as names are (space, apostrophe, hyphen).
    fn name() -> impl Strategy<Value = String> {
        let word = prop::collection::vec(letter(), 1..10)
            .prop_map(|letters| letters.concat())
            .boxed();
        (
            word.clone(),
            prop::collection::vec((prop::sample::select(vec![" ", "'", "-", "’"]), word), 0..3),
        )
            .prop_map(|(first, rest)| {
                rest.into_iter()
                    .fold(first, |name, (joint, word)| format!("{name}{joint}{word}"))
            })
    }

    /// Fifteen characters shaped as a codice fiscale's first fifteen (omocodia included).
    fn codice_fiscale_start() -> impl Strategy<Value = String> {
        let letter = prop::char::range('A', 'Z');
        let digit = prop_oneof![
            prop::char::range('0', '9'),
            prop::sample::select("LMNPQRSTUV".chars().collect::<Vec<_>>())
        ];
        (
            prop::collection::vec(letter.clone(), 6),
            prop::collection::vec(digit.clone(), 2),
            letter.clone(),
            prop::collection::vec(digit.clone(), 2),
            letter,
            prop::collection::vec(digit, 3),
        )
            .prop_map(|(a, b, c, d, e, f)| a.into_iter().chain(b).chain([c]).chain(d).chain([e]).chain(f).collect())
    }

    proptest! {
        #[test]
        fn nothing_typed_makes_a_parser_panic(raw in any::<String>()) {
            let _ = Email::parse(&raw);
            let _ = PersonName::parse(&raw, NamePart::Given);
            let _ = Phone::parse(&raw);
            let _ = CodiceFiscale::parse(&raw);
            let _ = (day(&raw), clock_time(&raw), month(&raw));
        }

        #[test]
        fn typed_text_keeps_no_control_character_and_reads_the_same_twice(raw in any::<String>()) {
            let kept = as_typed(&raw);
            prop_assert!(!kept.chars().any(|c| c.is_control() && c != '\n' && c != '\t'), "{:?}", kept);
            prop_assert!(!kept.contains('\r') && is_nfc(&kept));
            prop_assert_eq!(as_typed(&kept), kept.clone());
            // What a person types is kept whole: letters of any script, line breaks, punctuation.
            let plain: String = raw.chars().filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '\n' | '.' | ',')).collect();
            prop_assert_eq!(as_typed(&plain), plain.nfc().collect::<String>());
        }

        #[test]
        fn what_is_accepted_reads_back_the_same(raw in "\\PC{0,40}") {
            if let Ok(email) = Email::parse(&raw) {
                prop_assert_eq!(Email::parse(email.as_str()).unwrap(), email);
            }
            if let Ok(name) = PersonName::parse(&raw, NamePart::Given) {
                prop_assert_eq!(PersonName::parse(name.as_str(), NamePart::Given).unwrap(), name.clone());
                prop_assert!(!name.as_str().chars().any(|c| c.is_control() || c == '<' || c == '>'));
            }
            if let Ok(phone) = Phone::parse(&raw) {
                prop_assert_eq!(Phone::parse(phone.as_str()).unwrap(), phone);
            }
            if let Some(date) = day(&raw) {
                prop_assert_eq!(day(&date.format("%Y-%m-%d").to_string()), Some(date));
            }
        }

        #[test]
        fn names_in_any_script_are_accepted_composed(name in name()) {
            let parsed = PersonName::parse(&name, NamePart::Given);
            prop_assert!(parsed.is_ok(), "{:?} refused: {:?}", name, parsed);
            let parsed = parsed.unwrap();
            prop_assert!(is_nfc(parsed.as_str()));
            // Typed with the accents as separate marks (as some keyboards send them), the same name.
            let decomposed: String = name.nfd().collect();
            prop_assert_eq!(PersonName::parse(&decomposed, NamePart::Given).unwrap(), parsed);
        }

        #[test]
        fn names_with_control_characters_or_markup_are_refused(
            name in name(),
            intruder in prop::sample::select(vec!['\u{0}', '\u{7}', '\u{1b}', '<', '>', '"', '&', ';', '\u{202E}']),
            at in any::<prop::sample::Index>(),
        ) {
            let mut chars: Vec<char> = name.chars().collect();
            chars.insert(at.index(chars.len() + 1), intruder);
            let typed: String = chars.into_iter().collect();
            prop_assert!(PersonName::parse(&typed, NamePart::Given).is_err(), "{:?} accepted", typed);
        }

        #[test]
        fn overlong_names_are_refused(name in prop::collection::vec(letter(), 101..140)) {
            prop_assert!(PersonName::parse(&name.concat(), NamePart::Family).is_err());
        }

        #[test]
        fn addresses_people_write_are_accepted_with_the_domain_in_lower_case(
            local in "[A-Za-z0-9][A-Za-z0-9._%+-]{0,20}",
            domain in "[A-Za-z0-9]{1,12}(\\.[A-Za-z]{2,6}){1,2}",
        ) {
            let email = Email::parse(&format!(" {local}@{domain} ")).unwrap();
            prop_assert_eq!(email.as_str(), format!("{local}@{}", domain.to_lowercase()));
        }

        #[test]
        fn a_codice_fiscale_is_accepted_with_its_check_character_only(
            start in codice_fiscale_start(),
            other in prop::char::range('A', 'Z'),
        ) {
            let check = CodiceFiscale::check_character(&start).unwrap();
            let code = format!("{start}{check}");
            prop_assert_eq!(CodiceFiscale::parse(&code).map(|parsed| parsed.as_str().to_owned()), Ok(code.clone()));
            // As people type it: lower case, in groups.
            let typed = format!("{} {} {}", &code[..6], &code[6..11], &code[11..]).to_lowercase();
            prop_assert_eq!(CodiceFiscale::parse(&typed).map(|parsed| parsed.as_str().to_owned()), Ok(code.clone()));
            if other != check {
                let changed = format!("{start}{other}");
                prop_assert!(CodiceFiscale::parse(&changed).is_err());
            }
        }

        #[test]
        fn phone_numbers_keep_what_was_typed(
            prefix in prop::option::of("\\+[0-9]{2}"),
            groups in prop::collection::vec("[0-9]{2,4}", 2..4),
        ) {
            let typed = format!("{} {}", prefix.clone().unwrap_or_default(), groups.join(" "));
            let digits = typed.chars().filter(char::is_ascii_digit).count();
            let parsed = Phone::parse(&typed);
            prop_assert_eq!(parsed.is_ok(), (6..=15).contains(&digits), "{:?}", typed);
            if let Ok(phone) = parsed {
                prop_assert_eq!(phone.as_str(), typed.trim());
            }
        }

        #[test]
        fn a_day_reads_the_same_however_it_is_written(
            date in (1900i32..=2100, 1u32..=12, 1u32..=31).prop_filter_map("a real day", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
        ) {
            for written in [
                date.format("%Y-%m-%d").to_string(),
                date.format("%d/%m/%Y").to_string(),
                format!(" {}.{}.{} ", date.day(), date.month(), date.year()),
                date.format("%d-%m-%Y").to_string(),
            ] {
                prop_assert_eq!(day(&written), Some(date), "{}", written);
            }
        }

        #[test]
        fn a_time_reads_the_same_however_it_is_written(hour in 0u32..24, minute in 0u32..60) {
            let time = NaiveTime::from_hms_opt(hour, minute, 0).unwrap();
            for written in [format!("{hour:02}:{minute:02}"), format!("{hour}:{minute:02}"), format!("{hour}.{minute:02}")] {
                prop_assert_eq!(clock_time(&written), Some(time), "{}", written);
            }
            prop_assert_eq!(clock_time(&hour.to_string()).map(|t| t.hour()), Some(hour));
        }
    }

    #[test]
    fn days_and_times_that_do_not_exist_are_refused() {
        for raw in [
            "2026-02-30",
            "31/04/2026",
            "2026-13-01",
            "15/06/26",
            "2026/06/15x",
            "15/06.2026",
            "+2026-06-15",
            "",
            "oggi",
        ] {
            assert_eq!(day(raw), None, "{raw:?}");
        }
        for raw in ["24:00", "9:5", "9:60", "ore 9", "-1:00", "9:30:00", ""] {
            assert_eq!(clock_time(raw), None, "{raw:?}");
        }
        assert_eq!(month("2026-06"), NaiveDate::from_ymd_opt(2026, 6, 1));
        assert_eq!(month("2026-13"), None);
    }
}
