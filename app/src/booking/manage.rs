//! Seeing, cancelling and moving a booking: through its private link (`/prenota/gestisci?t=…`), or
//! in the families' area by the person whose codice fiscale it was booked with ([`BookingKey`]).
//!
//! The link's token is compared by its hash, the only form the database keeps; the area's key is
//! the booking's id and the person's codice fiscale together, and every read and change through it
//! has its audit row, in the same transaction, with the person as actor. Cancelling and
//! moving are single conditional updates: the booking must still be confirmed and its start beyond
//! the office's cut-off, and a move's new seat is taken by the same `slot_seats` rule as a new
//! booking (the triggers release the old seat and take the new one in the same statement). The
//! notice to the citizen is queued in the same transaction.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Europe::Rome;

use super::codes::token_hash;
use super::flow::{free_slots, month_view, parse_day, parse_month, parse_time};
use super::letters::{self, Meeting};
use super::notices::reminder_due;
use super::store::{self, OfficeCalendar};
use super::{BookingKey, CancelForm, ManagePlace, ManageView, ManagedBooking, MoveForm, MoveStep, NewLinkForm};
use crate::audit::{Entry, Outcome, RecordKind};
use crate::error::AppError;
use crate::forms::{FieldErrors, FormOutcome};
use crate::i18n::{say, say_with, Language};
use crate::on_db;
use crate::state::AppState;

#[derive(sqlx::FromRow)]
struct BookingRow {
    id: i64,
    code: String,
    office_slug: String,
    topic: String,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    status: String,
    given_name: String,
    family_name: String,
    email: Option<String>,
    booked_in: String,
}

impl BookingRow {
    /// The language the booking was made in: its emails speak it.
    fn language(&self) -> Language {
        Language::from_code(&self.booked_in).unwrap_or_default()
    }
}

/// A token as it arrives in an address: 64 hex characters, or nothing.
fn well_formed(token: &str) -> Option<&str> {
    let token = token.trim();
    (token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())).then_some(token)
}

/// The booking a key opens: the private link's (by its token's hash), or the one with this id
/// booked with this codice fiscale, or with the email its person confirmed in the area (read
/// here, from `citizens`). Each key leaves the other's binds empty, so one statement serves both.
const KEY_MATCHES: &str = "(b.manage_token_hash = $1
        OR (b.id = $2 AND (b.codice_fiscale = $3
                           OR lower(b.email) = (SELECT c.confirmed_email FROM citizens c WHERE c.codice_fiscale = $3))))
    AND b.erased_at IS NULL";

/// The three binds of [`KEY_MATCHES`] for `key`.
fn key_binds(key: &BookingKey) -> (Option<String>, Option<i64>, Option<String>) {
    match key {
        BookingKey::Link(token) => (well_formed(token).map(token_hash), None, None),
        BookingKey::Owner { id, codice_fiscale, .. } => (None, Some(*id), Some(codice_fiscale.clone())),
    }
}

/// The booking `key` opens. Through the area, the read is recorded (`area.appuntamento`), and so
/// is an id that is not the person's (refused, as not found).
async fn booking_row(state: &AppState, key: &BookingKey) -> Result<Option<BookingRow>, AppError> {
    let (hash, id, codice_fiscale) = key_binds(key);
    if hash.is_none() && id.is_none() {
        return Ok(None);
    }
    let select = format!(
        "SELECT b.id, b.code, o.slug AS office_slug, t.name AS topic, b.starts_at, b.ends_at, b.status,
                b.given_name, b.family_name, b.email, b.booked_in
           FROM bookings b
           JOIN offices o ON o.id = b.office_id
           JOIN booking_topics t ON t.id = b.topic_id
          WHERE {KEY_MATCHES}"
    );
    let now = state.clock.now();
    let begin = state.db.begin_writing();
    let row = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let row: Option<BookingRow> = sqlx::query_as(&select)
            .bind(&hash)
            .bind(id)
            .bind(&codice_fiscale)
            .fetch_optional(&mut *tx)
            .await?;
        if let BookingKey::Owner { id, actor, .. } = key {
            let outcome = if row.is_some() { Outcome::Ok } else { Outcome::Denied };
            let entry = Entry::new(actor.clone(), "area.appuntamento")
                .records(RecordKind::Booking, [*id])
                .outcome(outcome);
            crate::audit!(&mut *tx, &state.audit_key, now, entry)?;
        }
        tx.commit().await?;
        row
    });
    Ok(row)
}

/// The instant before which a booking starting at `starts_at` may still be changed online.
fn changeable(calendar: &OfficeCalendar, starts_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    starts_at - Duration::hours(i64::from(calendar.rules.cancel_cutoff_hours)) > now
}

async fn calendar_of(state: &AppState, office_slug: &str) -> Result<Option<OfficeCalendar>, AppError> {
    let today = state.clock.now().with_timezone(&Rome).date_naive();
    Ok(store::office_calendar(&state.db, office_slug, today).await?)
}

fn managed(row: &BookingRow, calendar: &OfficeCalendar, now: DateTime<Utc>) -> ManagedBooking {
    let start = row.starts_at.with_timezone(&Rome);
    ManagedBooking {
        code: row.code.clone(),
        office: calendar.office.clone(),
        topic: row.topic.clone(),
        date: start.date_naive(),
        starts: start.time(),
        ends: row.ends_at.with_timezone(&Rome).time(),
        given_name: row.given_name.clone(),
        family_name: row.family_name.clone(),
        cancelled: row.status != "confermata",
        changeable: row.status == "confermata" && changeable(calendar, row.starts_at, now),
        cutoff_hours: calendar.rules.cancel_cutoff_hours,
    }
}

/// What the manage page shows: the booking, and when moving it, the month or the day's free times.
pub async fn view(
    state: &AppState,
    key: &BookingKey,
    moving: bool,
    month: Option<String>,
    day: Option<String>,
) -> Result<Option<ManageView>, AppError> {
    let Some(row) = booking_row(state, key).await? else {
        return Ok(None);
    };
    let Some(calendar) = calendar_of(state, &row.office_slug).await? else {
        return Ok(None);
    };
    let booking = managed(&row, &calendar, state.clock.now());
    let moving = if !moving || !booking.changeable {
        MoveStep::NotMoving
    } else {
        match parse_day(day.as_deref()) {
            Some(date) => MoveStep::Time {
                date,
                slots: free_slots(state, &calendar, date).await?,
            },
            None => MoveStep::Day(month_view(state, &calendar, parse_month(month.as_deref())).await?),
        }
    };
    Ok(Some(ManageView { booking, moving }))
}

fn done(place: &ManagePlace, outcome: &str) -> FormOutcome {
    FormOutcome::Done {
        next: place.link(&[("esito", outcome.to_owned())]),
    }
}

/// "Too late to do it online": `message` is `error-too-late-cancel` or `error-too-late-move`.
fn too_late(calendar: &OfficeCalendar, message: &str) -> String {
    say_with(
        message,
        &[
            ("hours", calendar.rules.cancel_cutoff_hours.to_string()),
            ("phone", calendar.office.phone.clone()),
        ],
    )
}

/// A private link that opens no booking (a message of `booking.ftl`).
const GONE: &str = "error-link-gone";

/// The booking and its office's calendar that a posted key opens, or the answer for the field
/// `field` when it opens none.
async fn opened(
    state: &AppState,
    key: &BookingKey,
    field: &str,
) -> Result<Result<(BookingRow, OfficeCalendar), FormOutcome>, AppError> {
    let Some(row) = booking_row(state, key).await? else {
        return Ok(Err(FormOutcome::invalid(field, say(GONE))));
    };
    let Some(calendar) = calendar_of(state, &row.office_slug).await? else {
        return Ok(Err(FormOutcome::invalid(field, say(GONE))));
    };
    Ok(Ok((row, calendar)))
}

/// The audit row of a change made through the area (none through the private link, whose holder
/// nobody knows).
fn change_entry(key: &BookingKey, action: &'static str, booking_id: i64) -> Option<Entry> {
    match key {
        BookingKey::Link(_) => None,
        BookingKey::Owner { actor, .. } => {
            Some(Entry::new(actor.clone(), action).records(RecordKind::Booking, [booking_id]))
        }
    }
}

/// "Annulla l'appuntamento" through the private link.
pub async fn cancel_by_link(state: &AppState, form: CancelForm) -> Result<FormOutcome, AppError> {
    let place = ManagePlace::private_link(&form.t);
    cancel(state, &BookingKey::Link(form.t), &place).await
}

/// "Annulla l'appuntamento": the page of `place` says it is done.
pub async fn cancel(state: &AppState, key: &BookingKey, place: &ManagePlace) -> Result<FormOutcome, AppError> {
    let (row, calendar) = match opened(state, key, "annulla").await? {
        Ok(opened) => opened,
        Err(answer) => return Ok(answer),
    };
    if row.status != "confermata" {
        return Ok(done(place, "annullata"));
    }
    let now = state.clock.now();
    let latest_start = now + Duration::hours(i64::from(calendar.rules.cancel_cutoff_hours));
    let booking = managed(&row, &calendar, now);
    let notice = row.email.clone().map(|to| {
        let meeting = Meeting {
            given_name: &booking.given_name,
            family_name: &booking.family_name,
            office_name: &calendar.office.name,
            office_address: &calendar.office.address,
            date: booking.date,
            starts: booking.starts,
            ends: booking.ends,
            code: &booking.code,
        };
        letters::cancelled(row.language(), &meeting).to(to)
    });
    let audit_row = change_entry(key, "area.appuntamento.annulla", row.id);
    let (hash, id, codice_fiscale) = key_binds(key);
    let update = format!(
        "UPDATE bookings SET status = 'annullata', cancelled_at = $4, cancel_reason = 'dal cittadino'
          WHERE id IN (SELECT b.id FROM bookings b WHERE {KEY_MATCHES}) AND status = 'confermata' AND starts_at > $5"
    );
    let begin = state.db.begin_writing();
    let cancelled = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let updated = sqlx::query(&update)
            .bind(&hash)
            .bind(id)
            .bind(&codice_fiscale)
            .bind(now)
            .bind(latest_start)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if updated == 1 {
            if let Some(notice) = &notice {
                crate::enqueue_email!(&mut *tx, now, notice)?;
            }
            crate::withdraw_reminder!(tx, row.id);
            if let Some(entry) = &audit_row {
                crate::audit!(&mut *tx, &state.audit_key, now, entry)?;
            }
        }
        tx.commit().await?;
        updated == 1
    });
    if cancelled {
        state.mail_ready.notify_one();
        return Ok(done(place, "annullata"));
    }
    Ok(FormOutcome::invalid(
        "annulla",
        too_late(&calendar, "error-too-late-cancel"),
    ))
}

/// "Sposta l'appuntamento" through the private link.
pub async fn move_by_link(state: &AppState, form: MoveForm) -> Result<FormOutcome, AppError> {
    let place = ManagePlace::private_link(&form.t);
    move_to(state, &BookingKey::Link(form.t.clone()), &place, &form).await
}

/// "Sposta l'appuntamento" to another free time of the same office (the day and time of `form`).
pub async fn move_to(
    state: &AppState,
    key: &BookingKey,
    place: &ManagePlace,
    form: &MoveForm,
) -> Result<FormOutcome, AppError> {
    let (row, calendar) = match opened(state, key, "ora").await? {
        Ok(opened) => opened,
        Err(answer) => return Ok(answer),
    };
    let now = state.clock.now();
    if row.status != "confermata" || !changeable(&calendar, row.starts_at, now) {
        return Ok(FormOutcome::invalid("ora", too_late(&calendar, "error-too-late-move")));
    }
    let slot = parse_day(Some(&form.giorno))
        .zip(parse_time(Some(&form.ora)))
        .and_then(|(date, time)| super::confirm::bookable_slot(state, &calendar, date, time));
    let Some(slot) = slot else {
        return Ok(FormOutcome::invalid("ora", say("error-choose-listed")));
    };
    if slot.starts_at == row.starts_at {
        return Ok(done(place, "spostata"));
    }
    let latest_start = now + Duration::hours(i64::from(calendar.rules.cancel_cutoff_hours));
    let meeting = Meeting::in_slot(&row.given_name, &row.family_name, &calendar.office, &slot, &row.code);
    let notice = row
        .email
        .clone()
        .map(|to| letters::moved(row.language(), &meeting).to(to));
    // The reminder leads back to where the booking was moved from: the private link or the area.
    let private_link = format!(
        "{}{}",
        state.public_url.trim_end_matches('/'),
        row.language().href(&place.link(&[]))
    );
    let new_reminder = row
        .email
        .clone()
        .map(|to| letters::reminder(row.language(), &meeting, &private_link, &calendar.office.phone).to(to));
    let audit_row = change_entry(key, "area.appuntamento.sposta", row.id);
    let (hash, id, codice_fiscale) = key_binds(key);
    let update = format!(
        "UPDATE bookings SET starts_at = $4, ends_at = $5, moved_at = $6
          WHERE id IN (SELECT b.id FROM bookings b WHERE {KEY_MATCHES}) AND status = 'confermata' AND starts_at > $7"
    );
    let begin = state.db.begin_writing();
    let moved = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let updated = sqlx::query(&update)
            .bind(&hash)
            .bind(id)
            .bind(&codice_fiscale)
            .bind(slot.starts_at)
            .bind(slot.ends_at)
            .bind(now)
            .bind(latest_start)
            .execute(&mut *tx)
            .await;
        match updated {
            Ok(result) if result.rows_affected() == 1 => {
                if let Some(notice) = &notice {
                    crate::enqueue_email!(&mut *tx, now, notice)?;
                }
                // The reminder follows the appointment to its new time.
                crate::withdraw_reminder!(tx, row.id);
                if let (Some(reminder), Some(due)) = (&new_reminder, reminder_due(slot.starts_at, state.booking.reminder_hours, now)) {
                    crate::queue_reminder!(tx, now, row.id, due, reminder);
                }
                if let Some(entry) = &audit_row {
                    crate::audit!(&mut *tx, &state.audit_key, now, entry)?;
                }
                tx.commit().await?;
                Ok(true)
            }
            Ok(_) => {
                tx.rollback().await?;
                Ok(false)
            }
            Err(sqlx::Error::Database(e)) if e.kind() == sqlx::error::ErrorKind::CheckViolation => {
                tx.rollback().await?;
                Err(())
            }
            Err(other) => return Err(other.into()),
        }
    });
    match moved {
        Ok(true) => {
            state.mail_ready.notify_one();
            Ok(done(place, "spostata"))
        }
        Ok(false) => Ok(FormOutcome::invalid("ora", too_late(&calendar, "error-too-late-move"))),
        Err(()) => Ok(FormOutcome::invalid("ora", say("error-just-taken"))),
    }
}

/// "Hai perso il collegamento?": the booking code and the email or phone given when booking. When
/// they match a confirmed booking with an email, a new private link is sent there and the old one
/// stops working (its pending reminder is re-made with the new link). The answer is the same
/// whether or not anything matched, so the form tells nobody which bookings exist.
pub async fn send_new_link(state: &AppState, form: NewLinkForm) -> Result<FormOutcome, AppError> {
    let mut errors = FieldErrors::new();
    let code = super::codes::normalise_code(&form.codice);
    if code.len() != super::codes::CODE_LENGTH {
        errors.add("codice", say("error-code-shape"));
    }
    let contact = form.contatto.trim().to_owned();
    if contact.is_empty() {
        errors.add("contatto", say("error-contact-missing"));
    }
    if !errors.is_empty() {
        return Ok(FormOutcome::Invalid(errors));
    }
    let now = state.clock.now();
    let email = crate::validation::Email::parse(&contact)
        .ok()
        .map(|e| e.as_str().to_owned());
    let phone = crate::validation::Phone::parse(&contact)
        .ok()
        .map(|p| p.as_str().to_owned());
    #[derive(sqlx::FromRow)]
    struct Found {
        id: i64,
        office_slug: String,
        starts_at: DateTime<Utc>,
        ends_at: DateTime<Utc>,
        given_name: String,
        family_name: String,
        email: Option<String>,
        booked_in: String,
    }
    let found: Option<Found> = on_db!(&state.db, pool => {
        sqlx::query_as(
            "SELECT b.id, o.slug AS office_slug, b.starts_at, b.ends_at, b.given_name, b.family_name, b.email,
                    b.booked_in
               FROM bookings b JOIN offices o ON o.id = b.office_id
              WHERE b.code = $1 AND b.status = 'confermata' AND b.starts_at > $2 AND b.email IS NOT NULL
                AND ((b.email = $3) OR (b.phone IS NOT NULL AND b.phone = $4))",
        )
        .bind(&code)
        .bind(now)
        .bind(&email)
        .bind(&phone)
        .fetch_optional(pool)
        .await?
    });
    let sent = FormOutcome::Done {
        next: format!("{}?inviato=1", super::NEW_LINK_PATH),
    };
    let (Some(found), Some(calendar)) = (
        found.as_ref(),
        match &found {
            Some(found) => calendar_of(state, &found.office_slug).await?,
            None => None,
        },
    ) else {
        return Ok(sent);
    };
    let Some(to) = found.email.clone() else {
        return Ok(sent);
    };
    let token = super::codes::new_secret();
    let language = Language::from_code(&found.booked_in).unwrap_or_default();
    let private_link = super::private_link(&state.public_url, language, &token);
    let start = found.starts_at.with_timezone(&Rome);
    let meeting = Meeting {
        given_name: &found.given_name,
        family_name: &found.family_name,
        office_name: &calendar.office.name,
        office_address: &calendar.office.address,
        date: start.date_naive(),
        starts: start.time(),
        ends: found.ends_at.with_timezone(&Rome).time(),
        code: &code,
    };
    let new_link = letters::new_link(language, &meeting, &private_link).to(to.clone());
    let new_reminder = letters::reminder(language, &meeting, &private_link, &calendar.office.phone).to(to.clone());
    let had_reminder = on_db!(&state.db, pool => {
        let mut tx = pool.begin().await?;
        let withdrawn = sqlx::query(
            "DELETE FROM email_outbox WHERE kind = 'promemoria' AND status = 'pending' AND booking_id = $1",
        )
        .bind(found.id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        sqlx::query("UPDATE bookings SET manage_token_hash = $1 WHERE id = $2")
            .bind(token_hash(&token))
            .bind(found.id)
            .execute(&mut *tx)
            .await?;
        // A new link cuts every old way in, the confirmation page's address too.
        sqlx::query("DELETE FROM booking_drafts WHERE booking_id = $1")
            .bind(found.id)
            .execute(&mut *tx)
            .await?;
        crate::enqueue_email!(&mut *tx, now, &new_link)?;
        if withdrawn > 0 {
            if let Some(due) = reminder_due(found.starts_at, state.booking.reminder_hours, now) {
                crate::queue_reminder!(tx, now, found.id, due, &new_reminder);
            }
        }
        tx.commit().await?;
        withdrawn > 0
    });
    tracing::info!(
        reminder_renewed = had_reminder,
        "a new private link was sent for a booking"
    );
    state.mail_ready.notify_one();
    Ok(sent)
}
