//! The reminder of an appointment: rendered when the booking is made or moved (the only moments the
//! private link's token is at hand; its words are `letters::reminder`), queued in the outbox to
//! leave some hours before, withdrawn when the booking is cancelled.

use chrono::{DateTime, Duration, Utc};

/// When the reminder of an appointment starting at `starts_at` leaves; `None` when that moment has
/// passed already (a booking made for tomorrow morning gets its confirmation only).
pub fn reminder_due(starts_at: DateTime<Utc>, hours: u32, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let due = starts_at - Duration::hours(i64::from(hours));
    (hours > 0 && due > now).then_some(due)
}

/// Queues `$email` as the reminder of booking `$booking_id`, to leave at `$due`, inside the open
/// transaction `$tx` (a macro: each database's transaction is its own type, inside `on_db!`).
#[macro_export]
macro_rules! queue_reminder {
    ($tx:ident, $now:expr, $booking_id:expr, $due:expr, $email:expr) => {{
        let outbox_id = $crate::enqueue_email!(&mut *$tx, $now, $email)?;
        sqlx::query("UPDATE email_outbox SET next_attempt_at = $1, booking_id = $2, kind = 'promemoria' WHERE id = $3")
            .bind($due)
            .bind($booking_id)
            .bind(outbox_id)
            .execute(&mut *$tx)
            .await?;
    }};
}

/// Withdraws the reminder of the booking `$booking_id` that has not left yet.
#[macro_export]
macro_rules! withdraw_reminder {
    ($tx:ident, $booking_id:expr) => {
        sqlx::query("DELETE FROM email_outbox WHERE kind = 'promemoria' AND status = 'pending' AND booking_id = $1")
            .bind($booking_id)
            .execute(&mut *$tx)
            .await?
    };
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn the_reminder_leaves_the_day_before_unless_that_is_past() {
        let starts = Utc.with_ymd_and_hms(2026, 3, 3, 8, 30, 0).unwrap();
        let early = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
        let late = Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap();
        assert_eq!(
            reminder_due(starts, 24, early),
            Some(Utc.with_ymd_and_hms(2026, 3, 2, 8, 30, 0).unwrap())
        );
        assert_eq!(reminder_due(starts, 24, late), None);
        assert_eq!(reminder_due(starts, 0, early), None, "0 turns reminders off");
    }
}
