//! The person's appointments in their area: the bookings made with their codice fiscale, each
//! seen, moved or cancelled here as through its private link (the booking part's own page and
//! rules, with the area's addresses and the person's key, [`BookingKey::Owner`]).

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::Europe::Rome;

use super::session::{signed_in, Citizen};
use super::{APPOINTMENT_CANCEL_PATH, APPOINTMENT_MOVE_PATH, APPOINTMENT_PATH};
use crate::audit::{Entry, RecordKind};
use crate::booking::{BookingKey, CancelForm, ManagePlace, ManageView, MoveForm};
use crate::error::AppError;
use crate::forms::FormOutcome;
use crate::on_db;
use crate::state::AppState;

/// One appointment as the area's list shows it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Appointment {
    pub id: i64,
    pub code: String,
    pub office: String,
    pub topic: String,
    pub date: NaiveDate,
    pub starts: NaiveTime,
    pub ends: NaiveTime,
    pub cancelled: bool,
    /// Already held (or its time gone).
    pub past: bool,
}

#[derive(sqlx::FromRow)]
struct AppointmentRow {
    id: i64,
    code: String,
    office: String,
    topic: String,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    status: String,
}

/// Where the area manages the booking `id`.
pub fn place(id: i64) -> ManagePlace {
    ManagePlace {
        page: APPOINTMENT_PATH,
        cancel: APPOINTMENT_CANCEL_PATH,
        move_to: APPOINTMENT_MOVE_PATH,
        field: "prenotazione",
        value: id.to_string(),
    }
}

fn key_of(citizen: &Citizen, id: i64) -> BookingKey {
    BookingKey::Owner {
        id,
        codice_fiscale: citizen.codice_fiscale.clone(),
        actor: citizen.actor(),
    }
}

/// The appointments booked with the signed-in person's codice fiscale or with the email they
/// confirmed, newest first; the read is recorded with the ids it showed.
pub async fn list(state: &AppState) -> Result<Vec<Appointment>, AppError> {
    let citizen = signed_in()?;
    let now = state.clock.now();
    let begin = state.db.begin_writing();
    let rows: Vec<AppointmentRow> = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let rows: Vec<AppointmentRow> = sqlx::query_as(
            "SELECT b.id, b.code, o.name AS office, t.name AS topic, b.starts_at, b.ends_at, b.status
               FROM bookings b
               JOIN offices o ON o.id = b.office_id
               JOIN booking_topics t ON t.id = b.topic_id
              WHERE (b.codice_fiscale = $1
                     OR lower(b.email) = (SELECT c.confirmed_email FROM citizens c WHERE c.codice_fiscale = $1))
                AND b.erased_at IS NULL
              ORDER BY b.starts_at DESC",
        )
        .bind(&citizen.codice_fiscale)
        .fetch_all(&mut *tx)
        .await?;
        let entry = Entry::new(citizen.actor(), "area.appuntamenti")
            .records(RecordKind::Booking, rows.iter().map(|row| row.id));
        crate::audit!(&mut *tx, &state.audit_key, now, entry)?;
        tx.commit().await?;
        rows
    });
    Ok(rows
        .into_iter()
        .map(|row| {
            let start = row.starts_at.with_timezone(&Rome);
            Appointment {
                id: row.id,
                code: row.code,
                office: row.office,
                topic: row.topic,
                date: start.date_naive(),
                starts: start.time(),
                ends: row.ends_at.with_timezone(&Rome).time(),
                cancelled: row.status != "confermata",
                past: row.starts_at <= now,
            }
        })
        .collect())
}

/// The booking page's view of the person's booking `id` (another's, or none: `None`, and the
/// attempt recorded as refused).
pub async fn view(
    id: Option<i64>,
    moving: bool,
    month: Option<String>,
    day: Option<String>,
) -> Result<Option<ManageView>, AppError> {
    let citizen = signed_in()?;
    let Some(id) = id else {
        return Ok(None);
    };
    let state = AppState::current();
    crate::booking::manage::view(&state, &key_of(&citizen, id), moving, month, day).await
}

/// The booking id a form names, if it is one.
fn booking_id(raw: &str) -> Option<i64> {
    raw.trim().parse().ok().filter(|id| *id > 0)
}

/// "Annulla l'appuntamento" in the area.
pub async fn cancel(state: &AppState, form: CancelForm) -> Result<FormOutcome, AppError> {
    let citizen = signed_in()?;
    let id = booking_id(&form.prenotazione).unwrap_or_default();
    crate::booking::manage::cancel(state, &key_of(&citizen, id), &place(id)).await
}

/// "Sposta l'appuntamento" in the area.
pub async fn move_to(state: &AppState, form: MoveForm) -> Result<FormOutcome, AppError> {
    let citizen = signed_in()?;
    let id = booking_id(&form.prenotazione).unwrap_or_default();
    crate::booking::manage::move_to(state, &key_of(&citizen, id), &place(id), &form).await
}

/// The page a form of the area's booking page came from (its fields: `prenotazione`, and for a
/// move `giorno`), to show again when something must be corrected.
pub fn page_of(values: &std::collections::BTreeMap<String, String>) -> String {
    let field = |name: &str| values.get(name).map_or("", String::as_str);
    let place = place(booking_id(field("prenotazione")).unwrap_or_default());
    match values.get("giorno") {
        Some(day) => place.link(&[("sposta", "1".to_owned()), ("giorno", day.clone())]),
        None => place.link(&[]),
    }
}
