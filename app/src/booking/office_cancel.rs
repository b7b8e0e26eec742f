//! Appointments the office cancels (a closure, fewer places, the front desk for a caller): each
//! person with an email is told why, with a link to book again; the reminder is withdrawn. Done
//! inside the transaction of the change that caused it, so the two cannot part.

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Rome;

use super::letters::{self, OfficeCancellation};
use crate::dates::{clock, long_date};
use crate::i18n::Language;
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
    /// The language it was made in: its notice speaks it.
    pub booked_in: String,
}

/// The columns of [`CancelledBooking`], for `SELECT {COLUMNS} FROM bookings …`.
pub const COLUMNS: &str = "id, code, starts_at, given_name, family_name, email, phone, booked_in";

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
    /// words, with `why` ("perché la sede resterà chiusa (…)"), in the booking's language and
    /// Italian.
    pub fn notice(&self, state: &AppState, office: &OfficeForNotice, why: &str) -> Option<OutgoingEmail> {
        let local = self.starts_at.with_timezone(&Rome);
        let language = Language::from_code(&self.booked_in).unwrap_or_default();
        let rebook = format!(
            "{}{}",
            state.public_url.trim_end_matches('/'),
            language.href(&super::step_link(Some(&office.slug), None, &[]))
        );
        let cancelled = OfficeCancellation {
            given_name: &self.given_name,
            family_name: &self.family_name,
            office_name: &office.name,
            date: local.date_naive(),
            starts: local.time(),
            code: &self.code,
            why,
            rebook: &rebook,
            phone: &office.phone,
        };
        Some(letters::cancelled_by_office(language, &cancelled).to(self.email.clone()?))
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
