//! The words of every email about a booking (the confirmation, the reminder, a move, a
//! cancellation, a new private link, a cancellation by the office) and of its calendar file.
//!
//! A booking made in another language than Italian (at `/en/prenota`, `/ar/prenota`…) gets them in
//! that language first, then the same message in Italian: the family reads its own, and the
//! desk, a relative or a cultural mediator can read the Italian. Neutral like every email of the
//! service: the Segretariato Sociale, never the topic or what the family wrote. The sentences are
//! in `app/locales/*/email.ftl`.

use chrono::{NaiveDate, NaiveTime};

use crate::dates::{clock, long_date_in};
use crate::i18n::Language;
use crate::mail::outbox::{OutgoingEmail, ITALIAN_FOLLOWS};

/// An email's subject and text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Letter {
    pub subject: String,
    pub body: String,
    /// The language it is written in first (then in Italian, when another).
    pub language: Language,
}

impl Letter {
    /// The email of this letter, to `to`.
    pub fn to(self, to: String) -> OutgoingEmail {
        OutgoingEmail {
            to,
            reply_to: None,
            subject: self.subject,
            body: self.body,
            attachment: None,
            language: self.language,
        }
    }
}

/// The appointment an email is about.
pub struct Meeting<'a> {
    pub given_name: &'a str,
    pub family_name: &'a str,
    pub office_name: &'a str,
    pub office_address: &'a str,
    pub date: NaiveDate,
    pub starts: NaiveTime,
    pub ends: NaiveTime,
    pub code: &'a str,
}

impl<'a> Meeting<'a> {
    /// The appointment of `given_name family_name` at `office` in `slot`.
    pub fn in_slot(
        given_name: &'a str,
        family_name: &'a str,
        office: &'a super::BookingOffice,
        slot: &super::slots::Slot,
        code: &'a str,
    ) -> Self {
        Meeting {
            given_name,
            family_name,
            office_name: &office.name,
            office_address: &office.address,
            date: slot.local_start.date(),
            starts: slot.local_start.time(),
            ends: slot.local_end.time(),
            code,
        }
    }
}

/// `write` in `language`, then in Italian after it when `language` is another.
fn bilingual(language: Language, write: impl Fn(&Words) -> (String, Vec<String>)) -> Letter {
    let compose = |language| {
        let (subject, paragraphs) = write(&Words(language));
        (subject, paragraphs.join("\n\n") + "\n")
    };
    let (italian_subject, italian_body) = compose(Language::Italian);
    if language == Language::Italian {
        return Letter {
            subject: italian_subject,
            body: italian_body,
            language,
        };
    }
    let (subject, body) = compose(language);
    Letter {
        subject: format!("{subject} / {italian_subject}"),
        body: format!(
            "{body}\n{}\n\n{ITALIAN_FOLLOWS}\n\n{italian_body}",
            Words(language).say("email-italian-follows")
        ),
        language,
    }
}

/// The sentences of one language, and the parts every email shares.
struct Words(Language);

impl Words {
    fn say(&self, key: &str) -> String {
        self.0.text(key)
    }

    fn say_with(&self, key: &str, values: &[(&'static str, String)]) -> String {
        self.0.text_with(key, values)
    }

    fn greeting(&self, given_name: &str, family_name: &str) -> String {
        self.say_with("email-greeting", &[("name", format!("{given_name} {family_name}"))])
    }

    fn when(&self, meeting: &Meeting<'_>) -> String {
        self.say_with(
            "booking-when",
            &[
                ("date", long_date_in(self.0, meeting.date)),
                ("starts", clock(meeting.starts)),
                ("ends", clock(meeting.ends)),
            ],
        )
    }

    /// When, where and the code, one per line; `when_key` says "Quando:" or "Nuovo giorno:".
    fn facts(&self, meeting: &Meeting<'_>, when_key: &str) -> String {
        [
            self.say_with(when_key, &[("when", self.when(meeting))]),
            self.say_with(
                "email-where",
                &[("place", format!("{}, {}", meeting.office_name, meeting.office_address))],
            ),
            self.say_with("email-code", &[("code", meeting.code.to_owned())]),
        ]
        .join("\n")
    }
}

/// The confirmation, with the private link; `phone` is the office's (may be empty).
pub fn confirmation(language: Language, meeting: &Meeting<'_>, private_link: &str, phone: &str) -> Letter {
    bilingual(language, |w| {
        let mut paragraphs = vec![
            w.greeting(meeting.given_name, meeting.family_name),
            w.say("email-confirmation-intro"),
            w.facts(meeting, "email-when"),
            w.say("email-bring-id-free"),
            format!("{}\n{private_link}", w.say("email-private-link")),
        ];
        if !phone.is_empty() {
            paragraphs.push(w.say_with("email-call-if-not-coming", &[("phone", phone.to_owned())]));
        }
        paragraphs.push(w.say("email-not-emergency"));
        (w.say("email-confirmation-subject"), paragraphs)
    })
}

/// The reminder, some hours before.
pub fn reminder(language: Language, meeting: &Meeting<'_>, private_link: &str, phone: &str) -> Letter {
    bilingual(language, |w| {
        let paragraphs = vec![
            w.greeting(meeting.given_name, meeting.family_name),
            w.say("email-reminder-intro"),
            w.facts(meeting, "email-when"),
            w.say("email-bring-id"),
            format!(
                "{}\n{private_link}\n{}",
                w.say("email-reminder-change"),
                w.say_with("email-or-call", &[("phone", phone.to_owned())])
            ),
        ];
        (w.say("email-reminder-subject"), paragraphs)
    })
}

/// The family cancelled the appointment with its private link.
pub fn cancelled(language: Language, meeting: &Meeting<'_>) -> Letter {
    bilingual(language, |w| {
        let paragraphs = vec![
            w.greeting(meeting.given_name, meeting.family_name),
            w.say_with(
                "email-cancelled-intro",
                &[
                    ("date", long_date_in(w.0, meeting.date)),
                    ("time", clock(meeting.starts)),
                ],
            ),
            w.say_with("email-code", &[("code", meeting.code.to_owned())]),
            w.say("email-book-again"),
        ];
        (w.say("email-cancelled-subject"), paragraphs)
    })
}

/// The family moved the appointment with its private link (which stays the same).
pub fn moved(language: Language, meeting: &Meeting<'_>) -> Letter {
    bilingual(language, |w| {
        let paragraphs = vec![
            w.greeting(meeting.given_name, meeting.family_name),
            w.say("email-moved-intro"),
            w.facts(meeting, "email-new-day"),
        ];
        (w.say("email-moved-subject"), paragraphs)
    })
}

/// The desk moved the appointment, as agreed with the family: a new private link.
pub fn moved_by_desk(language: Language, meeting: &Meeting<'_>, private_link: &str) -> Letter {
    bilingual(language, |w| {
        let paragraphs = vec![
            w.greeting(meeting.given_name, meeting.family_name),
            w.say("email-desk-moved-intro"),
            w.facts(meeting, "email-new-day"),
            format!("{}\n{private_link}", w.say("email-desk-moved-link")),
        ];
        (w.say("email-moved-subject"), paragraphs)
    })
}

/// A new private link, asked for on "Hai perso il collegamento?".
pub fn new_link(language: Language, meeting: &Meeting<'_>, private_link: &str) -> Letter {
    bilingual(language, |w| {
        let paragraphs = vec![
            w.greeting(meeting.given_name, meeting.family_name),
            format!(
                "{}\n{private_link}",
                w.say_with(
                    "email-new-link-intro",
                    &[
                        ("date", long_date_in(w.0, meeting.date)),
                        ("time", clock(meeting.starts)),
                        ("code", meeting.code.to_owned()),
                    ],
                )
            ),
            w.say("email-new-link-old"),
        ];
        (w.say("email-new-link-subject"), paragraphs)
    })
}

/// An appointment the office cancelled, as its email names it.
pub struct OfficeCancellation<'a> {
    pub given_name: &'a str,
    pub family_name: &'a str,
    pub office_name: &'a str,
    pub date: NaiveDate,
    pub starts: NaiveTime,
    pub code: &'a str,
    /// The office's reason as staff wrote it, in Italian ("perché la sede resterà chiusa (…)"):
    /// said in the Italian text only.
    pub why: &'a str,
    /// Where to book again.
    pub rebook: &'a str,
    pub phone: &'a str,
}

/// The office cancelled the appointment (closed that day, fewer places, the desk for a caller).
pub fn cancelled_by_office(language: Language, cancelled: &OfficeCancellation<'_>) -> Letter {
    bilingual(language, |w| {
        let paragraphs = vec![
            w.greeting(cancelled.given_name, cancelled.family_name),
            w.say_with(
                "email-office-cancelled-intro",
                &[
                    ("date", long_date_in(w.0, cancelled.date)),
                    ("time", clock(cancelled.starts)),
                    ("office", cancelled.office_name.to_owned()),
                    ("why", cancelled.why.to_owned()),
                ],
            ),
            w.say_with("email-code", &[("code", cancelled.code.to_owned())]),
            format!(
                "{}\n{}\n\n{}",
                w.say("email-office-cancelled-rebook"),
                cancelled.rebook,
                w.say_with("email-or-call", &[("phone", cancelled.phone.to_owned())])
            ),
        ];
        (w.say("email-office-cancelled-subject"), paragraphs)
    })
}

/// The calendar file's title and description ("Aggiungi al calendario"), in `language` and
/// Italian.
pub fn calendar_entry(language: Language, code: &str) -> (String, String) {
    let entry = |language: Language| {
        (
            language.text("calendar-summary"),
            language.text_with("calendar-description", &[("code", code.to_owned())]),
        )
    };
    let (italian_summary, italian_description) = entry(Language::Italian);
    if language == Language::Italian {
        return (italian_summary, italian_description);
    }
    let (summary, description) = entry(language);
    (
        format!("{summary} / {italian_summary}"),
        format!("{description}\n\n{italian_description}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meeting() -> Meeting<'static> {
        Meeting {
            given_name: "Amina",
            family_name: "Haddad",
            office_name: "Segretariato Sociale",
            office_address: "Via XXV Aprile 4",
            date: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            starts: NaiveTime::from_hms_opt(9, 30, 0).unwrap(),
            ends: NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
            code: "K7MP3XQ9",
        }
    }

    #[test]
    fn an_italian_booking_gets_italian_only() {
        let letter = confirmation(
            Language::Italian,
            &meeting(),
            "https://x/prenota/gestisci?t=1",
            "02 1234",
        );
        assert_eq!(letter.subject, "Il tuo appuntamento presso il Segretariato Sociale");
        assert!(letter.body.starts_with("Gentile Amina Haddad,\n\n"), "{}", letter.body);
        assert!(letter
            .body
            .contains("Quando: martedì 1 dicembre 2026, dalle 9:30 alle 10:00\n"));
        assert!(letter.body.contains("Codice della prenotazione: K7MP3XQ9"));
        assert!(letter.body.contains("https://x/prenota/gestisci?t=1"));
        assert!(letter.body.contains("112") && !letter.body.contains("Italiano ————"));
    }

    #[test]
    fn another_language_comes_first_then_the_italian() {
        let letter = confirmation(
            Language::Arabic,
            &meeting(),
            "https://x/ar/prenota/gestisci?t=1",
            "02 1234",
        );
        assert!(letter
            .subject
            .ends_with(" / Il tuo appuntamento presso il Segretariato Sociale"));
        let (arabic, italian) = letter.body.split_once(ITALIAN_FOLLOWS).expect("the Italian after");
        assert!(
            arabic.contains("الثلاثاء 1 ديسمبر 2026") && arabic.contains("K7MP3XQ9"),
            "{arabic}"
        );
        assert!(!arabic.contains("Gentile"));
        assert!(italian.contains("Gentile Amina Haddad") && italian.contains("martedì 1 dicembre 2026"));
        for language in Language::ALL {
            let letter = reminder(language, &meeting(), "link", "02 1234");
            assert!(
                letter.body.contains("K7MP3XQ9") && letter.body.contains("02 1234"),
                "{language:?}"
            );
            assert!(!letter.body.contains("Unknown"), "{language:?}");
        }
    }

    #[test]
    fn the_offices_reason_is_given_in_italian_only() {
        let why = "perché la sede resterà chiusa (disinfestazione)";
        let cancelled = OfficeCancellation {
            given_name: "Amina",
            family_name: "Haddad",
            office_name: "Segretariato Sociale",
            date: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            starts: NaiveTime::from_hms_opt(9, 30, 0).unwrap(),
            code: "K7MP3XQ9",
            why,
            rebook: "https://x/en/prenota",
            phone: "02 1234",
        };
        let letter = cancelled_by_office(Language::English, &cancelled);
        let (english, italian) = letter.body.split_once(ITALIAN_FOLLOWS).unwrap();
        assert!(!english.contains(why) && italian.contains(why));
        assert!(english.contains("https://x/en/prenota"));
    }
}
