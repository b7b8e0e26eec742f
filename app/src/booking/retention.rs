//! Minimum data, kept no longer than needed: the personal data of bookings that led nowhere are
//! erased some time after (`SPORTELLO_RETENTION_DAYS`), by a job each server runs every hour.
//! The booking rows stay, emptied, so counts and the seats' history remain.

use chrono::{DateTime, Duration, Utc};

use crate::db::Db;
use crate::on_db;

/// What one pass erased.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Erased {
    pub bookings: u64,
    pub drafts: u64,
    pub emails: u64,
}

/// Erases, as of `now`: the personal data of bookings cancelled, or ended, more than
/// `retention_days` ago — no-shows and information-only interviews included, but not an interview
/// that led to a request (its family is then followed, and kept with the case); drafts a day after
/// they expired; sent emails (their addresses) after the same period. Idempotent, and safe with
/// several servers.
pub async fn erase_expired(db: &Db, now: DateTime<Utc>, retention_days: u32) -> Result<Erased, sqlx::Error> {
    let before = now - Duration::days(i64::from(retention_days));
    on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        let bookings = sqlx::query(
            "UPDATE bookings
                SET given_name = '', family_name = '', email = NULL, phone = NULL, codice_fiscale = NULL,
                    accessibility_needs = '', about = '', cancel_reason = NULL, outcome_note = NULL, erased_at = $1
              WHERE erased_at IS NULL
                AND ((status = 'annullata' AND cancelled_at < $2)
                     OR (status = 'confermata' AND ends_at < $2 AND outcome IS DISTINCT FROM 'presa_in_carico'))",
        )
        .bind(now)
        .bind(before)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        let drafts = sqlx::query("DELETE FROM booking_drafts WHERE expires_at < $1")
            .bind(now - Duration::days(1))
            .execute(&mut *tx)
            .await?
            .rows_affected();
        let emails = sqlx::query("DELETE FROM email_outbox WHERE status = 'sent' AND sent_at < $1")
            .bind(before)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(Erased { bookings, drafts, emails })
    })
}
