//! Minimum data, kept no longer than needed: the personal data of bookings are erased some time
//! after the appointment or its cancellation (`SPORTELLO_RETENTION_DAYS`), by a job each server
//! runs every hour. The booking rows stay, emptied, so counts and the seats' history remain.
//!
//! A booking that led to a request is erased on the same schedule: what the case needs of the
//! family (names, birth dates, codice fiscale) was written into the family's record at triage, and
//! is kept with the case under the archive's retention plan; the booking's own copy, with the
//! contacts the citizen gave, is not needed any more.

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
/// `retention_days` ago, whatever came of them; drafts a day after they expired; emails sent or
/// given up (their addresses, names, booking codes and private links) after the same period, and
/// at once every email of a booking already erased. Idempotent, and safe with several servers.
pub async fn erase_expired(db: &Db, now: DateTime<Utc>, retention_days: u32) -> Result<Erased, sqlx::Error> {
    let before = now - Duration::days(i64::from(retention_days));
    let begin = db.begin_writing();
    // In batches, each its own short transaction: a backlog of millions of bookings (the first
    // run after an upgrade, a restored database) must not hold SQLite's one write lock for long,
    // or bookings and sign-ins fail meanwhile.
    let mut bookings = 0;
    loop {
        let erased = on_db!(db, pool => {
            let mut tx = pool.begin_with(begin).await?;
            let erased = sqlx::query(
                "UPDATE bookings
                    SET given_name = '', family_name = '', email = NULL, phone = NULL, codice_fiscale = NULL,
                        accessibility_needs = '', about = '', cancel_reason = NULL, outcome_note = NULL, erased_at = $1
                  WHERE id IN (SELECT id FROM bookings
                                WHERE erased_at IS NULL
                                  AND ((status = 'annullata' AND cancelled_at < $2)
                                       OR (status = 'confermata' AND ends_at < $2))
                                LIMIT $3)",
            )
            .bind(now)
            .bind(before)
            .bind(ERASED_PER_TRANSACTION)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            tx.commit().await?;
            erased
        });
        bookings += erased;
        if erased < ERASED_PER_TRANSACTION as u64 {
            break;
        }
    }
    on_db!(db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let drafts = sqlx::query("DELETE FROM booking_drafts WHERE expires_at < $1")
            .bind(now - Duration::days(1))
            .execute(&mut *tx)
            .await?
            .rows_affected();
        let emails = sqlx::query(
            "DELETE FROM email_outbox
              WHERE (status = 'sent' AND sent_at < $1)
                 OR (status = 'failed' AND created_at < $1)
                 OR (booking_id IS NOT NULL
                     AND EXISTS (SELECT 1 FROM bookings b WHERE b.id = email_outbox.booking_id AND b.erased_at IS NOT NULL))",
        )
        .bind(before)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(Erased { bookings, drafts, emails })
    })
}

/// Bookings erased per transaction (see [`erase_expired`]).
const ERASED_PER_TRANSACTION: i64 = 500;
