//! Appointments the office cancels (a closure, fewer places, the front desk for a caller): each
//! person with an email is told why, with a link to book again; the reminder is withdrawn. Done
//! inside the transaction of the change that caused it, so the two cannot part.

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Rome;

use crate::dates::{clock, long_date};
use crate::mail::outbox::OutgoingEmail;
use crate::state::AppState;

/// An appointment the office cancels, with what its notice needs.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct CancelledBooking {
    pub id: i64,
    pub code: String,
    pub starts_at: DateTime<Utc>,
    pub given_name: String,
    pub family_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// The columns of [`CancelledBooking`], for `SELECT {COLUMNS} FROM bookings …`.
pub const COLUMNS: &str = "id, code, starts_at, given_name, family_name, email, phone";

/// The office, as the notice names it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct OfficeForNotice {
    pub slug: String,
    pub name: String,
    pub phone: String,
}

impl CancelledBooking {
    /// "giovedì 4 marzo 2026, 9:30".
    pub fn when(&self) -> String {
        let local = self.starts_at.with_timezone(&Rome);
        format!("{}, {}", long_date(local.date_naive()), clock(local.time()))
    }

    /// The email telling the person (`None` without an address: the desk phones), in neutral
    /// words, with `why` ("perché la sede resterà chiusa (…)").
    pub fn notice(&self, state: &AppState, office: &OfficeForNotice, why: &str) -> Option<OutgoingEmail> {
        let local = self.starts_at.with_timezone(&Rome);
        let rebook = format!(
            "{}{}",
            state.public_url.trim_end_matches('/'),
            super::step_link(Some(&office.slug), None, &[])
        );
        Some(OutgoingEmail {
            to: self.email.clone()?,
            reply_to: None,
            subject: "Appuntamento annullato dal Segretariato Sociale".to_owned(),
            body: format!(
                "Gentile {} {},\n\nci dispiace: abbiamo dovuto annullare il tuo appuntamento presso il \
                 Segretariato Sociale di {}, dalle {} ({}), {}.\nCodice della prenotazione: {}\n\n\
                 Puoi prenotare un nuovo appuntamento qui:\n{}\n\noppure telefonare al {}.\n",
                self.given_name,
                self.family_name,
                long_date(local.date_naive()),
                clock(local.time()),
                office.name,
                why,
                self.code,
                rebook,
                office.phone,
            ),
            attachment: None,
        })
    }
}

/// Cancels `$bookings` (an iterator of [`CancelledBooking`]) for `$office`, recording `$reason`
/// (`bookings.cancel_reason`), withdrawing their reminders and queueing each notice with `$why`,
/// inside the open transaction `$tx`. Evaluates to how many were still confirmed and are now
/// cancelled. A macro: each database's transaction is its own type.
#[macro_export]
macro_rules! cancel_by_office {
    ($tx:ident, $state:expr, $now:expr, $office:expr, $bookings:expr, $reason:expr, $why:expr) => {{
        let mut cancelled = 0_u64;
        for booking in $bookings {
            let changed = sqlx::query(
                "UPDATE bookings SET status = 'annullata', cancelled_at = $1, cancel_reason = $2
                  WHERE id = $3 AND status = 'confermata'",
            )
            .bind($now)
            .bind($reason)
            .bind(booking.id)
            .execute(&mut *$tx)
            .await?
            .rows_affected();
            if changed == 1 {
                cancelled += 1;
                sqlx::query(
                    "DELETE FROM email_outbox WHERE kind = 'promemoria' AND status = 'pending' AND booking_id = $1",
                )
                .bind(booking.id)
                .execute(&mut *$tx)
                .await?;
                if let Some(notice) = booking.notice($state, $office, $why) {
                    $crate::enqueue_email!(&mut *$tx, $now, notice)?;
                }
            }
        }
        cancelled
    }};
}
