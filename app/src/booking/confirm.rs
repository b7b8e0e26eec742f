//! From the details to a booking: the draft that keeps what was typed, the confirmation that turns
//! it into a booking (once, whatever the number of clicks), and the choice of another slot when the
//! chosen one was taken meanwhile.
//!
//! The seat is never checked in Rust before it is taken: the insert either fits within the slot's
//! capacity or the database refuses it (`slot_seats`' CHECK), and the confirmation email is queued
//! in the same transaction, so a booking confirmed to the citizen always has its email.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Europe::Rome;

use super::availability::{nearest_free, ALTERNATIVES_SPAN_DAYS};
use super::codes::{new_code, new_secret, token_hash};
use super::details::{BookingDetails, DetailsForm};
use super::flow::{free_slots, parse_day, parse_time};
use super::letters;
use super::notices::reminder_due;
use super::slots::{is_bookable, Slot};
use super::store::{self, OfficeCalendar};
use super::{Booker, BookingTopic, ChangeSlotForm, ConfirmForm, DraftView, CONFIRMED_PATH, SUMMARY_PATH};
use crate::error::AppError;
use crate::forms::FormOutcome;
use crate::i18n::{say, say_with, use_language, Language};
use crate::mail::outbox::{Attachment, OutgoingEmail};
use crate::on_db;
use crate::state::AppState;

/// How long a draft waits for its confirmation.
const DRAFT_LIFETIME: Duration = Duration::hours(2);
/// How many free slots are offered when the chosen one was taken.
const ALTERNATIVES: usize = 3;

/// What the forms say when the booking cannot go on (messages of `booking.ftl`, said in the
/// language of the request).
pub const SLOT_TAKEN: &str = "error-slot-taken";
const DRAFT_EXPIRED: &str = "error-draft-expired";

fn summary_path(draft: &str) -> String {
    format!("{SUMMARY_PATH}?bozza={draft}")
}

/// The slot of `calendar` on `date` at `time`, if the office offers it and a citizen may still book it.
pub(super) fn bookable_slot(
    state: &AppState,
    calendar: &OfficeCalendar,
    date: NaiveDate,
    time: NaiveTime,
) -> Option<Slot> {
    super::slots::slots_on(&calendar.schedule(), &calendar.rules, date)
        .into_iter()
        .find(|slot| slot.local_start.time() == time && is_bookable(&calendar.rules, slot, state.clock.now()))
}

/// The details step: checks the fields and the slot, then keeps both in a draft and goes on to the
/// summary.
pub async fn submit_details(state: &AppState, booker: &Booker, form: DetailsForm) -> Result<FormOutcome, AppError> {
    let details = match form.parse() {
        Ok(details) => details,
        Err(errors) => return Ok(FormOutcome::Invalid(errors)),
    };
    let today = state.clock.now().with_timezone(&Rome).date_naive();
    let Some(calendar) = super::desk::calendar(state, booker, &form.sede, today).await? else {
        return Ok(FormOutcome::invalid("ora", say(DRAFT_EXPIRED)));
    };
    let topic = store::topics(&state.db)
        .await?
        .into_iter()
        .find(|topic| topic.slug == form.argomento);
    let (Some(topic), Some(date), Some(time)) = (topic, parse_day(Some(&form.giorno)), parse_time(Some(&form.ora)))
    else {
        return Ok(FormOutcome::invalid("ora", say(DRAFT_EXPIRED)));
    };
    let free = free_slots(state, &calendar, date).await?;
    let Some(slot) = bookable_slot(state, &calendar, date, time).filter(|_| free.iter().any(|s| s.starts == time))
    else {
        return Ok(FormOutcome::invalid("ora", say(super::flow::SLOT_TAKEN)));
    };
    let id = new_secret();
    let now = state.clock.now();
    let details_json = serde_json::to_string(&details).map_err(|e| AppError::internal("draft details", &e))?;
    on_db!(&state.db, pool => {
        sqlx::query(
            "INSERT INTO booking_drafts (id, office_id, topic_id, starts_at, ends_at, details, created_at, expires_at)
             VALUES ($1, (SELECT id FROM offices WHERE slug = $2), (SELECT id FROM booking_topics WHERE slug = $3),
                     $4, $5, $6, $7, $8)",
        )
        .bind(&id).bind(&calendar.office.slug).bind(&topic.slug)
        .bind(slot.starts_at).bind(slot.ends_at).bind(&details_json).bind(now).bind(now + DRAFT_LIFETIME)
        .execute(pool)
        .await?;
    });
    Ok(FormOutcome::Done {
        next: summary_path(&id),
    })
}

#[derive(sqlx::FromRow)]
struct DraftRow {
    office_slug: String,
    topic_slug: String,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    details: String,
    expires_at: DateTime<Utc>,
    code: Option<String>,
    topic_name: String,
    topic_hint: String,
    topic_active: bool,
}

const DRAFT_QUERY: &str = "SELECT o.slug AS office_slug, t.slug AS topic_slug, d.starts_at, d.ends_at, d.details,
                                  d.expires_at, b.code, t.name AS topic_name, t.hint AS topic_hint,
                                  t.active AS topic_active
                             FROM booking_drafts d
                             JOIN offices o ON o.id = d.office_id
                             JOIN booking_topics t ON t.id = d.topic_id
                             LEFT JOIN bookings b ON b.id = d.booking_id
                            WHERE d.id = $1";

async fn draft_row(state: &AppState, id: &str) -> Result<Option<DraftRow>, AppError> {
    if id.len() != 64 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let row: Option<DraftRow> =
        on_db!(&state.db, pool => sqlx::query_as(DRAFT_QUERY).bind(id).fetch_optional(pool).await?);
    // A confirmed draft stays readable (the confirmation page) until it is cleaned away.
    Ok(row.filter(|row| row.code.is_some() || row.expires_at > state.clock.now()))
}

/// The draft as the summary and confirmation pages show it; `None` if unknown or expired.
pub async fn load_draft(state: &AppState, booker: &Booker, id: &str) -> Result<Option<DraftView>, AppError> {
    let Some((mut draft, calendar, starts_at)) = draft_with_calendar(state, booker, id).await? else {
        return Ok(None);
    };
    if draft.code.is_none() {
        let free = free_slots(state, &calendar, draft.date).await?;
        if !free.iter().any(|slot| slot.starts == draft.starts) {
            let from = starts_at - Duration::days(ALTERNATIVES_SPAN_DAYS + 1);
            let until = starts_at + Duration::days(ALTERNATIVES_SPAN_DAYS + 1);
            let taken = store::seats_taken(&state.db, &calendar.office.slug, from, until).await?;
            draft.still_free = false;
            draft.alternatives = nearest_free(&calendar, &taken, state.clock.now(), starts_at, ALTERNATIVES);
        }
    }
    Ok(Some(draft))
}

/// The draft, taken as still free, with its office's calendar as `booker` may book it and the
/// slot's start; `None` if unknown or expired.
async fn draft_with_calendar(
    state: &AppState,
    booker: &Booker,
    id: &str,
) -> Result<Option<(DraftView, OfficeCalendar, DateTime<Utc>)>, AppError> {
    let Some(row) = draft_row(state, id).await? else {
        return Ok(None);
    };
    let today = state.clock.now().with_timezone(&Rome).date_naive();
    let Some(calendar) = super::desk::calendar(state, booker, &row.office_slug, today).await? else {
        return Ok(None);
    };
    if !row.topic_active {
        return Ok(None);
    }
    let topic = BookingTopic {
        slug: row.topic_slug,
        name: row.topic_name,
        hint: row.topic_hint,
    };
    let details: BookingDetails =
        serde_json::from_str(&row.details).map_err(|e| AppError::internal("draft details", &e))?;
    let start = row.starts_at.with_timezone(&Rome);
    let draft = DraftView {
        id: id.to_owned(),
        office: calendar.office.clone(),
        topic,
        date: start.date_naive(),
        starts: start.time(),
        ends: row.ends_at.with_timezone(&Rome).time(),
        details,
        code: row.code,
        still_free: true,
        alternatives: Vec::new(),
    };
    Ok(Some((draft, calendar, row.starts_at)))
}

/// A confirmed booking as it is written: the booking, its draft's mark, its email and reminder.
pub struct NewBooking<'a> {
    pub draft_id: &'a str,
    pub code: &'a str,
    pub token_hash: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub details: &'a BookingDetails,
    pub now: DateTime<Utc>,
    pub max_future_per_contact: i64,
    /// An operator booking for someone who phoned.
    pub booked_by: Option<i64>,
    /// The language it was made in (its code): its emails speak it.
    pub booked_in: &'a str,
    pub email: Option<OutgoingEmail>,
    /// When the reminder leaves, and what it says.
    pub reminder: Option<(DateTime<Utc>, OutgoingEmail)>,
}

/// The confirmation's transaction: the seat (or the database's refusal), the draft's mark, the
/// confirmation email and the reminder, all or nothing. The benchmark (`scripts/bench`) also runs
/// it directly, as the ceiling of what a confirmation can cost.
pub async fn store_booking(db: &crate::db::Db, booking: &NewBooking<'_>) -> Result<Insert, AppError> {
    let details = booking.details;
    let erased =
        serde_json::to_string(&BookingDetails::default()).map_err(|e| AppError::internal("draft details", &e))?;
    let begin = db.begin_writing();
    let outcome = on_db!(db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let inserted = sqlx::query_scalar::<_, i64>(
            "INSERT INTO bookings (code, office_id, topic_id, starts_at, ends_at, given_name, family_name, email,
                                   phone, codice_fiscale, language, interpreter, accessibility_needs, about,
                                   manage_token_hash, idempotency_key, created_at, booked_by_staff_id, booked_in)
             SELECT $1, office_id, topic_id, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, id, $14, $17, $18
               FROM booking_drafts
              WHERE id = $15
                -- One email or phone holds at most $16 future bookings (anti-abuse; on
                -- PostgreSQL two simultaneous bookings of one person may both pass).
                AND (SELECT COUNT(*) FROM bookings
                      WHERE status = 'confermata' AND starts_at > $14
                        AND ((email IS NOT NULL AND email = $6) OR (phone IS NOT NULL AND phone = $7))) < $16
             RETURNING id",
        )
        .bind(booking.code).bind(booking.starts_at).bind(booking.ends_at)
        .bind(&details.given_name).bind(&details.family_name)
        .bind(&details.email).bind(&details.phone).bind(&details.codice_fiscale)
        .bind(&details.language).bind(details.interpreter)
        .bind(&details.accessibility_needs).bind(&details.about)
        .bind(&booking.token_hash).bind(booking.now).bind(booking.draft_id).bind(booking.max_future_per_contact)
        .bind(booking.booked_by)
        .bind(booking.booked_in)
        .fetch_optional(&mut *tx)
        .await;
        match inserted {
            Ok(None) => {
                tx.rollback().await?;
                Insert::TooMany
            }
            Ok(Some(booking_id)) => {
                // The booking holds the details now: the draft keeps only the way to its
                // confirmation, so its address is no second key to the citizen's data.
                sqlx::query("UPDATE booking_drafts SET booking_id = $1, details = $3 WHERE id = $2")
                    .bind(booking_id).bind(booking.draft_id).bind(&erased)
                    .execute(&mut *tx)
                    .await?;
                if let Some(email) = &booking.email {
                    crate::enqueue_email!(&mut *tx, booking.now, email)?;
                }
                if let Some((due, reminder)) = &booking.reminder {
                    crate::queue_reminder!(tx, booking.now, booking_id, *due, reminder);
                }
                tx.commit().await?;
                Insert::Booked
            }
            Err(error) => {
                tx.rollback().await?;
                classify(error)?
            }
        }
    });
    Ok(outcome)
}

/// What the database said to a booking insert.
#[derive(Debug)]
pub enum Insert {
    Booked,
    /// The slot is full: the CHECK on `slot_seats` refused the seat.
    Full,
    /// A unique value clashed: this draft was confirmed by a concurrent request, or (rarely) the
    /// random code was already in use.
    Clash,
    /// The email or phone already holds the most future bookings allowed.
    TooMany,
}

/// A refused booking insert: a full slot or a clash, both expected under concurrency; anything
/// else is a real failure.
fn classify(error: sqlx::Error) -> Result<Insert, AppError> {
    match &error {
        sqlx::Error::Database(e) if e.kind() == sqlx::error::ErrorKind::CheckViolation => Ok(Insert::Full),
        sqlx::Error::Database(e) if e.kind() == sqlx::error::ErrorKind::UniqueViolation => Ok(Insert::Clash),
        _ => Err(error.into()),
    }
}

/// Confirms the draft: one booking, whatever the number of identical confirmations.
pub async fn confirm(state: &AppState, booker: &Booker, form: ConfirmForm) -> Result<FormOutcome, AppError> {
    let id = form.bozza.trim().to_owned();
    let confirmed = format!("{CONFIRMED_PATH}?bozza={id}");
    // Whether the seat is still free is not asked: the insert below takes it or is refused.
    let Some((draft, calendar, _)) = draft_with_calendar(state, booker, &id).await? else {
        return Ok(FormOutcome::invalid("orario", say(DRAFT_EXPIRED)));
    };
    if draft.code.is_some() {
        return Ok(FormOutcome::Done { next: confirmed });
    }
    let now = state.clock.now();
    let Some(slot) = bookable_slot(state, &calendar, draft.date, draft.starts) else {
        return Ok(FormOutcome::invalid("orario", say(SLOT_TAKEN)));
    };
    // An operator booking for someone who phoned: recorded on the booking.
    let booked_by = super::desk::operator_for(state, booker, &draft.office.slug).await?;
    // The language its emails speak: the one of the summary the family confirmed; for a caller
    // the desk books, the one the caller chose to speak, when the portal has it.
    let language = match booked_by {
        Some(_) => Language::from_code(&draft.details.language).unwrap_or_default(),
        None => use_language(),
    };
    for _attempt in 0..3 {
        let code = new_code();
        let token = new_secret();
        let private_link = super::private_link(&state.public_url, language, &token);
        let email = draft.details.email.clone().map(|to| {
            let letter = letters::confirmation(language, &meeting(&draft, &code), &private_link, &draft.office.phone);
            OutgoingEmail {
                attachment: Some(Attachment {
                    name: super::calendar::file_name(&code),
                    content_type: super::calendar::CONTENT_TYPE.to_owned(),
                    body: super::calendar::ics(
                        &super::calendar::Appointment {
                            code: &code,
                            language,
                            office_name: &draft.office.name,
                            office_address: &draft.office.address,
                            starts_at: slot.starts_at,
                            ends_at: slot.ends_at,
                        },
                        now,
                    ),
                }),
                ..letter.to(to)
            }
        });
        let reminder = email.as_ref().and_then(|email| {
            let due = reminder_due(slot.starts_at, state.booking.reminder_hours, now)?;
            Some((
                due,
                letters::reminder(language, &meeting(&draft, &code), &private_link, &draft.office.phone)
                    .to(email.to.clone()),
            ))
        });
        let booking = NewBooking {
            draft_id: &id,
            code: &code,
            token_hash: token_hash(&token),
            starts_at: slot.starts_at,
            ends_at: slot.ends_at,
            details: &draft.details,
            now,
            max_future_per_contact: i64::from(state.booking.max_future_per_contact),
            booked_by,
            booked_in: language.code(),
            email,
            reminder,
        };
        let outcome = store_booking(&state.db, &booking).await?;
        match outcome {
            Insert::Booked => {
                state.mail_ready.notify_one();
                // For the operators' metrics (a no-op where no recorder is installed).
                let by = if booked_by.is_some() { "sportello" } else { "famiglia" };
                metrics::counter!("sportello_bookings_confirmed_total", "by" => by).increment(1);
                return Ok(FormOutcome::Done { next: confirmed });
            }
            Insert::Full => return Ok(FormOutcome::invalid("orario", say(SLOT_TAKEN))),
            Insert::TooMany => {
                return Ok(FormOutcome::invalid(
                    "orario",
                    say_with(
                        "error-too-many",
                        &[
                            ("max", state.booking.max_future_per_contact.to_string()),
                            ("phone", draft.office.phone.clone()),
                        ],
                    ),
                ))
            }
            Insert::Clash => {
                // The same draft confirmed at the same moment by another request: that one booked.
                if let Some(done) = load_draft(state, booker, &id).await? {
                    if done.code.is_some() {
                        return Ok(FormOutcome::Done { next: confirmed });
                    }
                }
                // Otherwise the random code was taken: try another.
            }
        }
    }
    Err(AppError::Conflict(say("error-booking-failed")))
}

/// Moves a draft whose slot was taken to one of the offered free slots, then back to the summary.
pub async fn change_slot(state: &AppState, booker: &Booker, form: ChangeSlotForm) -> Result<FormOutcome, AppError> {
    let id = form.bozza.trim().to_owned();
    let Some(draft) = load_draft(state, booker, &id).await? else {
        return Ok(FormOutcome::invalid("orario", say(DRAFT_EXPIRED)));
    };
    if draft.code.is_some() {
        return Ok(FormOutcome::Done {
            next: format!("{CONFIRMED_PATH}?bozza={id}"),
        });
    }
    let chosen = form
        .scelta
        .split_once('T')
        .and_then(|(day, time)| Some((parse_day(Some(day))?, parse_time(Some(time))?)));
    let today = state.clock.now().with_timezone(&Rome).date_naive();
    let calendar = super::desk::calendar(state, booker, &draft.office.slug, today).await?;
    let slot = match (chosen, &calendar) {
        (Some((date, time)), Some(calendar)) => bookable_slot(state, calendar, date, time),
        _ => None,
    };
    let Some(slot) = slot else {
        return Ok(FormOutcome::invalid("orario", say("error-choose-listed")));
    };
    on_db!(&state.db, pool => {
        sqlx::query("UPDATE booking_drafts SET starts_at = $1, ends_at = $2 WHERE id = $3 AND booking_id IS NULL")
            .bind(slot.starts_at).bind(slot.ends_at).bind(&id)
            .execute(pool)
            .await?;
    });
    Ok(FormOutcome::Done {
        next: summary_path(&id),
    })
}

/// The appointment a draft's emails are about, once confirmed with `code`.
fn meeting<'a>(draft: &'a DraftView, code: &'a str) -> letters::Meeting<'a> {
    letters::Meeting {
        given_name: &draft.details.given_name,
        family_name: &draft.details.family_name,
        office_name: &draft.office.name,
        office_address: &draft.office.address,
        date: draft.date,
        starts: draft.starts,
        ends: draft.ends,
        code,
    }
}
