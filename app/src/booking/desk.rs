//! The front desk books for people who phone through the same engine as the public pages: signed
//! in as an operator of the office, the steps also offer the slots inside the minimum notice (a
//! same-day appointment), and the booking records who made it. Capacity is the database's, as for
//! everyone: the desk never books over it.

use chrono::NaiveDate;

use super::store::{self, OfficeCalendar};
use super::Booker;
use crate::audit::RecordKind;
use crate::error::AppError;
use crate::on_db;
use crate::state::AppState;

/// The staff id of the operator booking, when `booker` is the front desk of office `office_slug`
/// (citizens get `None` without a database read).
pub async fn operator_for(state: &AppState, booker: &Booker, office_slug: &str) -> Result<Option<i64>, AppError> {
    let Booker::Desk { operator, offices } = booker else {
        return Ok(None);
    };
    let office: Option<i64> = on_db!(&state.db, pool => sqlx::query_scalar("SELECT id FROM offices WHERE slug = $1")
        .bind(office_slug)
        .fetch_optional(pool)
        .await?);
    Ok(office.filter(|id| offices.contains(id)).map(|_| *operator))
}

/// The office's calendar as `booker` may book it: the desk skips the minimum notice.
pub async fn calendar(
    state: &AppState,
    booker: &Booker,
    office_slug: &str,
    today: NaiveDate,
) -> Result<Option<OfficeCalendar>, AppError> {
    let Some(mut calendar) = store::office_calendar(&state.db, office_slug, today).await? else {
        return Ok(None);
    };
    if operator_for(state, booker, office_slug).await?.is_some() {
        calendar.rules.min_notice_hours = 0;
    }
    Ok(Some(calendar))
}

/// A booking the desk moves, as its notice and reminder need it.
#[derive(sqlx::FromRow)]
struct MovedRow {
    id: i64,
    office_id: i64,
    office_slug: String,
    code: String,
    given_name: String,
    family_name: String,
    email: Option<String>,
    booked_in: String,
}

/// How a move for a caller ended.
pub enum Moved {
    /// Moved; the office's id.
    Done(i64),
    /// The time is not one the office offers (any more).
    NotOffered,
    /// Someone took the last place meanwhile.
    Full,
    /// The booking is cancelled or gone.
    Gone,
    /// Not an office of this operator (`office_id`).
    OtherOffice(i64),
}

/// Moves a booking to another free time of its office for a caller, by the front `desk` of that
/// office (which may use today's slots). The citizen gets the new time and a new private link (the old one stops working, as the
/// desk cannot know it), and the reminder follows. Capacity is the database's, as always. The
/// move is recorded as done by `actor` in the same transaction.
pub async fn move_for_caller(
    state: &AppState,
    actor: crate::audit::Actor,
    desk: &Booker,
    booking: i64,
    date: NaiveDate,
    time: chrono::NaiveTime,
) -> Result<Moved, AppError> {
    use chrono_tz::Europe::Rome;

    use super::codes::{new_secret, token_hash};
    use super::letters::{self, Meeting};
    use super::notices::reminder_due;
    use crate::i18n::Language;

    let row: Option<MovedRow> = on_db!(&state.db, pool => sqlx::query_as(
        "SELECT b.id, b.office_id, o.slug AS office_slug, b.code, b.given_name, b.family_name, b.email, b.booked_in
           FROM bookings b JOIN offices o ON o.id = b.office_id
          WHERE b.id = $1 AND b.status = 'confermata'",
    )
    .bind(booking)
    .fetch_optional(pool)
    .await?);
    let Some(row) = row else {
        return Ok(Moved::Gone);
    };
    let offices: &[i64] = match desk {
        Booker::Desk { offices, .. } => offices,
        Booker::Citizen => &[],
    };
    if !offices.contains(&row.office_id) {
        return Ok(Moved::OtherOffice(row.office_id));
    }
    let now = state.clock.now();
    let today = now.with_timezone(&Rome).date_naive();
    let Some(calendar) = calendar(state, desk, &row.office_slug, today).await? else {
        return Ok(Moved::Gone);
    };
    let Some(slot) = super::confirm::bookable_slot(state, &calendar, date, time) else {
        return Ok(Moved::NotOffered);
    };
    let token = new_secret();
    let language = Language::from_code(&row.booked_in).unwrap_or_default();
    let private_link = super::private_link(&state.public_url, language, &token);
    let meeting = Meeting::in_slot(&row.given_name, &row.family_name, &calendar.office, &slot, &row.code);
    let notice = row
        .email
        .clone()
        .map(|to| letters::moved_by_desk(language, &meeting, &private_link).to(to));
    let new_reminder = row
        .email
        .clone()
        .map(|to| letters::reminder(language, &meeting, &private_link, &calendar.office.phone).to(to));
    let moved = on_db!(&state.db, pool => {
        let mut tx = pool.begin().await?;
        let updated = sqlx::query(
            "UPDATE bookings SET starts_at = $1, ends_at = $2, moved_at = $3, manage_token_hash = $4
              WHERE id = $5 AND status = 'confermata'",
        )
        .bind(slot.starts_at)
        .bind(slot.ends_at)
        .bind(now)
        .bind(token_hash(&token))
        .bind(row.id)
        .execute(&mut *tx)
        .await;
        match updated {
            Ok(result) if result.rows_affected() == 1 => {
                if let Some(notice) = &notice {
                    crate::enqueue_email!(&mut *tx, now, notice)?;
                }
                crate::withdraw_reminder!(tx, row.id);
                if let (Some(reminder), Some(due)) = (&new_reminder, reminder_due(slot.starts_at, state.booking.reminder_hours, now)) {
                    crate::queue_reminder!(tx, now, row.id, due, reminder);
                }
                crate::audit!(
                    &mut *tx,
                    &state.audit_key,
                    now,
                    crate::audit::Entry::new(actor, "agenda.sposta").records(RecordKind::Booking, [row.id])
                )?;
                tx.commit().await?;
                Moved::Done(row.office_id)
            }
            Ok(_) => {
                tx.rollback().await?;
                Moved::Gone
            }
            Err(sqlx::Error::Database(e)) if e.kind() == sqlx::error::ErrorKind::CheckViolation => {
                tx.rollback().await?;
                Moved::Full
            }
            Err(other) => return Err(other.into()),
        }
    });
    if matches!(moved, Moved::Done(_)) {
        state.mail_ready.notify_one();
    }
    Ok(moved)
}
