//! "Aggiungi al calendario": an appointment as an iCalendar file (RFC 5545), attached to the
//! confirmation email and downloadable from the confirmation page and the private link's page.
//! Neutral like the emails: the Segretariato Sociale, never the topic.

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike};

use super::codes::token_hash;
use crate::error::AppError;
use crate::on_db;
use crate::state::AppState;

/// What the calendar file says about an appointment.
pub struct Appointment<'a> {
    pub code: &'a str,
    /// The language the booking was made in: the title and description say it, then Italian.
    pub language: crate::i18n::Language,
    pub office_name: &'a str,
    pub office_address: &'a str,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

pub const CONTENT_TYPE: &str = "text/calendar; charset=utf-8; method=PUBLISH";

/// The file's name, e.g. `appuntamento-K7MP3XQ9.ics`.
pub fn file_name(code: &str) -> String {
    format!("appuntamento-{code}.ics")
}

/// The calendar file; `stamp` is when it was made (the application's clock).
pub fn ics(appointment: &Appointment<'_>, stamp: DateTime<Utc>) -> String {
    let (summary, description) = super::letters::calendar_entry(appointment.language, appointment.code);
    let event = Event::new()
        // The booking code is unique: a move sends the same event with the new times.
        .uid(&format!("{}@sportello", appointment.code))
        .summary(&summary)
        .description(&description)
        .location(&format!("{}, {}", appointment.office_name, appointment.office_address))
        .starts(appointment.starts_at)
        .ends(appointment.ends_at)
        .timestamp(stamp)
        .done();
    Calendar::new().name("Sportello").push(event).done().to_string()
}

#[derive(sqlx::FromRow)]
struct Row {
    code: String,
    office_name: String,
    office_address: String,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    booked_in: String,
}

/// The calendar file of a confirmed booking, found by its draft (the confirmation page) or by its
/// private link's token; `None` if neither opens a confirmed booking. Returns (code, file).
pub async fn for_booking(
    state: &AppState,
    draft: Option<&str>,
    token: Option<&str>,
) -> Result<Option<(String, String)>, AppError> {
    const SELECT: &str = "SELECT b.code, o.name AS office_name, o.address AS office_address, b.starts_at, b.ends_at,
                                   b.booked_in
                            FROM bookings b JOIN offices o ON o.id = b.office_id";
    let row: Option<Row> = match (draft, token) {
        (Some(draft), _) if !draft.is_empty() => on_db!(&state.db, pool => {
            sqlx::query_as(&format!(
                "{SELECT} JOIN booking_drafts d ON d.booking_id = b.id WHERE d.id = $1 AND b.status = 'confermata'"
            ))
            .bind(draft)
            .fetch_optional(pool)
            .await?
        }),
        (_, Some(token)) if !token.is_empty() => on_db!(&state.db, pool => {
            sqlx::query_as(&format!("{SELECT} WHERE b.manage_token_hash = $1 AND b.status = 'confermata'"))
                .bind(token_hash(token.trim()))
                .fetch_optional(pool)
                .await?
        }),
        _ => None,
    };
    Ok(row.map(|row| {
        let file = ics(
            &Appointment {
                code: &row.code,
                language: crate::i18n::Language::from_code(&row.booked_in).unwrap_or_default(),
                office_name: &row.office_name,
                office_address: &row.office_address,
                starts_at: row.starts_at,
                ends_at: row.ends_at,
            },
            state.clock.now(),
        );
        (row.code, file)
    }))
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn the_file_is_a_neutral_event_at_the_right_instant() {
        let at = |h| Utc.with_ymd_and_hms(2026, 12, 1, h, 30, 0).unwrap();
        let file = ics(
            &Appointment {
                code: "K7MP3XQ9",
                language: crate::i18n::Language::Italian,
                office_name: "Segretariato Sociale",
                office_address: "Via XXV Aprile 4, Cinisello Balsamo",
                starts_at: at(8),
                ends_at: at(9),
            },
            at(7),
        );
        assert!(file.starts_with("BEGIN:VCALENDAR"));
        assert!(file.contains("DTSTART:20261201T083000Z"), "{file}");
        assert!(file.contains("DTEND:20261201T093000Z"));
        assert!(file.contains("UID:K7MP3XQ9@sportello"));
        assert!(file.contains("SUMMARY:Appuntamento presso il Segretariato Sociale"));
    }

    #[test]
    fn a_booking_made_in_another_language_has_its_event_in_it_then_in_italian() {
        let at = |h| Utc.with_ymd_and_hms(2026, 12, 1, h, 30, 0).unwrap();
        let file = ics(
            &Appointment {
                code: "K7MP3XQ9",
                language: crate::i18n::Language::English,
                office_name: "Segretariato Sociale",
                office_address: "Via XXV Aprile 4",
                starts_at: at(8),
                ends_at: at(9),
            },
            at(7),
        );
        let unfolded = file.replace("\r\n ", "");
        assert!(
            unfolded.contains(
                "SUMMARY:Appointment at the Social Secretariat / Appuntamento presso il Segretariato Sociale"
            ),
            "{unfolded}"
        );
    }
}
