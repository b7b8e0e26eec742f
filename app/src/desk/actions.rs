//! The agenda's forms: a visit marked (arrived, did not come, done), an appointment cancelled for
//! the office with its reason, or moved for a caller; each with its audit row.

use chrono::Duration;
use chrono_tz::Europe::Rome;

use super::store::refusal;
use super::*;
use crate::access::auth;
use crate::access::permissions::Permission;
use crate::audit::Entry;
use crate::audit::RecordKind;
use crate::booking::office_cancel::{CancelledBooking, OfficeForNotice, COLUMNS};
use crate::booking::slots::utc_bounds;
use crate::booking::Booker;
use crate::error::AppError;
use crate::forms::{FieldErrors, FormOutcome};
use crate::on_db;
use crate::state::AppState;

/// Why the desk cancelled (`bookings.cancel_reason` starts with it).
pub const BY_DESK: &str = "dallo sportello";

fn back_to(form_sede: &str, form_day: &str, extra: &str) -> String {
    format!(
        "{AGENDA_PATH}?sede={}&giorno={}{extra}",
        form_sede.trim(),
        form_day.trim()
    )
}

fn refuse(field: &str, message: &str) -> Result<FormOutcome, AppError> {
    let mut errors = FieldErrors::new();
    errors.add(field, message);
    Ok(FormOutcome::Invalid(errors))
}

/// Marks arrived, no-show, done (or undoes a mistake): only for the operator's own offices, for
/// a confirmed appointment of today or a past day. One conditional update with its audit row.
pub async fn mark(state: &AppState, form: VisitForm) -> Result<FormOutcome, AppError> {
    let (_, user) = auth::permitted(Permission::RunAgenda).await?;
    let Some(visit) = Visit::from_key(&form.stato) else {
        return refuse("stato", "Stato non valido: ricarica la pagina.");
    };
    let now = state.clock.now();
    let today = now.with_timezone(&Rome).date_naive();
    let (_, end_of_today) = utc_bounds(today, today + Duration::days(1));
    let desks = user.desks();
    let begin = state.db.begin_writing();
    let changed = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let office: Option<i64> = sqlx::query_scalar(
            "SELECT office_id FROM bookings WHERE id = $1 AND status = 'confermata' AND starts_at < $2",
        )
        .bind(form.id)
        .bind(end_of_today)
        .fetch_optional(&mut *tx)
        .await?;
        match office {
            Some(office) if desks.contains(&office) => {
                sqlx::query("UPDATE bookings SET visit_state = $1, visit_state_at = $2 WHERE id = $3 AND status = 'confermata'")
                    .bind(visit.key())
                    .bind(now)
                    .bind(form.id)
                    .execute(&mut *tx)
                    .await?;
                crate::audit!(
                    &mut *tx,
                    &state.audit_key,
                    now,
                    Entry::new(user.actor(), "agenda.stato").records(RecordKind::Booking, [form.id])
                )?;
                tx.commit().await?;
                Ok(true)
            }
            Some(office) => {
                tx.rollback().await?;
                Err(office)
            }
            None => {
                tx.rollback().await?;
                Ok(false)
            }
        }
    });
    match changed {
        Ok(true) => Ok(FormOutcome::Done {
            next: back_to(&form.sede, &form.giorno, ""),
        }),
        Ok(false) => refuse(
            "id",
            "Questo appuntamento non si può segnare: è stato annullato, oppure è di un giorno che deve ancora venire.",
        ),
        Err(office) => Err(refusal(state, &user, office).await),
    }
}

/// Cancels an appointment for the office, with a reason the citizen reads in the email.
pub async fn cancel(state: &AppState, form: DeskCancelForm) -> Result<FormOutcome, AppError> {
    let (_, user) = auth::permitted(Permission::RunAgenda).await?;
    let reason = form.motivo.split_whitespace().collect::<Vec<_>>().join(" ");
    if reason.is_empty() || reason.chars().count() > 200 {
        return refuse(
            "motivo",
            "Scrivi il motivo dell'annullamento (al massimo 200 caratteri): la persona lo legge nell'email.",
        );
    }
    let now = state.clock.now();
    let desks = user.desks();
    let begin = state.db.begin_writing();
    let outcome: Result<u64, Option<i64>> = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let booking: Option<(i64, CancelledBooking)> = {
            let office: Option<i64> = sqlx::query_scalar("SELECT office_id FROM bookings WHERE id = $1 AND status = 'confermata'")
                .bind(form.id)
                .fetch_optional(&mut *tx)
                .await?;
            match office {
                Some(office) => {
                    let row: CancelledBooking = sqlx::query_as(&format!("SELECT {COLUMNS} FROM bookings WHERE id = $1"))
                        .bind(form.id)
                        .fetch_one(&mut *tx)
                        .await?;
                    Some((office, row))
                }
                None => None,
            }
        };
        match booking {
            Some((office, booking)) if desks.contains(&office) => {
                let notice_office: OfficeForNotice = sqlx::query_as("SELECT slug, name, phone FROM offices WHERE id = $1")
                    .bind(office)
                    .fetch_one(&mut *tx)
                    .await?;
                let why = format!("per questo motivo: {reason}");
                let stored = format!("{BY_DESK}: {reason}");
                let cancelled = crate::cancel_by_office!(tx, state, now, &notice_office, [&booking], stored.as_str(), &why);
                crate::audit!(
                    &mut *tx,
                    &state.audit_key,
                    now,
                    Entry::new(user.actor(), "agenda.annulla").records(RecordKind::Booking, [form.id])
                )?;
                tx.commit().await?;
                Ok(cancelled)
            }
            Some((office, _)) => {
                tx.rollback().await?;
                Err(Some(office))
            }
            None => {
                tx.rollback().await?;
                Err(None)
            }
        }
    });
    match outcome {
        Ok(_) => {
            state.mail_ready.notify_one();
            Ok(FormOutcome::Done {
                next: back_to(&form.sede, &form.giorno, "&fatto=annullata"),
            })
        }
        Err(None) => refuse("id", "Questo appuntamento è già stato annullato."),
        Err(Some(office)) => Err(refusal(state, &user, office).await),
    }
}

/// Moves the booking for a caller (see `booking::desk::move_for_caller`), with its audit row.
pub async fn move_booking(state: &AppState, form: DeskMoveForm) -> Result<FormOutcome, AppError> {
    use crate::booking::desk::{move_for_caller, Moved};
    let (_, user) = auth::permitted(Permission::RunAgenda).await?;
    let day = crate::validation::day(&form.giorno);
    let time = crate::validation::clock_time(&form.ora);
    let (Some(day), Some(time)) = (day, time) else {
        return refuse("ora", "Scegli uno degli orari liberi.");
    };
    match move_for_caller(
        state,
        user.actor(),
        &Booker::desk_of(user.id, user.desks()),
        form.id,
        day,
        time,
    )
    .await?
    {
        Moved::Done(office) => Ok(FormOutcome::Done {
            next: format!("{}&fatto=spostata", agenda_link(office, day)),
        }),
        Moved::NotOffered => refuse("ora", "Questo orario non è disponibile: scegline uno dell'elenco."),
        Moved::Full => refuse(
            "ora",
            "Questo orario è stato appena preso da un'altra persona: scegline un altro.",
        ),
        Moved::Gone => refuse("ora", "L'appuntamento è stato annullato nel frattempo."),
        Moved::OtherOffice(office) => Err(refusal(state, &user, office).await),
    }
}
