//! The outbox queries: queue a message; let a sender lease, deliver and settle it.

use chrono::{DateTime, Duration, Utc};

use crate::db::Db;
use crate::i18n::Language;
use crate::on_db;

/// The line between a message in another language and the same message in Italian, which follows
/// it: the HTML part marks what comes after it as Italian.
pub const ITALIAN_FOLLOWS: &str = "———— Italiano ————";

/// A message to be sent, in plain text (neutral wording: never the name of a unit such as "tutela
/// minori" — see docs/domain.md).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutgoingEmail {
    pub to: String,
    pub reply_to: Option<String>,
    pub subject: String,
    pub body: String,
    pub attachment: Option<Attachment>,
    /// The language the message is written in (then, if not Italian, in Italian after
    /// [`ITALIAN_FOLLOWS`]).
    pub language: Language,
}

/// A file sent with a message (text only, e.g. an `.ics` calendar file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    pub name: String,
    pub content_type: String,
    pub body: String,
}

/// A message leased by a sender.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct LeasedEmail {
    pub id: i64,
    pub to_address: String,
    pub reply_to: Option<String>,
    pub subject: String,
    pub body_text: String,
    pub attempts: i64,
    pub attachment_name: Option<String>,
    pub attachment_type: Option<String>,
    pub attachment_body: Option<String>,
    /// A [`Language`] code.
    pub language: String,
}

/// After this many failed attempts a message is marked `failed` and left for staff to see.
pub const MAX_ATTEMPTS: i64 = 8;

/// How long a sender may hold a message before another sender may take it over (e.g. after a crash).
pub const LEASE: Duration = Duration::minutes(5);

#[doc(hidden)]
pub const ENQUEUE: &str =
    "INSERT INTO email_outbox (to_address, reply_to, subject, body_text, status, attempts, next_attempt_at, created_at,
                               attachment_name, attachment_type, attachment_body, language)
     VALUES ($1, $2, $3, $4, 'pending', 0, $5, $5, $6, $7, $8, $9) RETURNING id";

/// Queues `$email` (an [`OutgoingEmail`]) through `$executor` — a pool, or `&mut *tx` to queue it
/// in the same transaction as the change it reports — and evaluates to its outbox id. A macro
/// because each database's executor is its own type, inside [`on_db!`].
#[macro_export]
macro_rules! enqueue_email {
    ($executor:expr, $now:expr, $email:expr) => {
        sqlx::query_scalar::<_, i64>($crate::mail::outbox::ENQUEUE)
            .bind(&$email.to)
            .bind(&$email.reply_to)
            .bind(&$email.subject)
            .bind(&$email.body)
            .bind($now)
            .bind($email.attachment.as_ref().map(|a| a.name.clone()))
            .bind($email.attachment.as_ref().map(|a| a.content_type.clone()))
            .bind($email.attachment.as_ref().map(|a| a.body.clone()))
            .bind($email.language.code())
            .fetch_one($executor)
            .await
    };
}

/// Queues a message to leave as soon as the sender runs; returns its outbox id.
pub async fn enqueue(db: &Db, now: DateTime<Utc>, email: &OutgoingEmail) -> Result<i64, sqlx::Error> {
    on_db!(db, pool => crate::enqueue_email!(pool, now, email))
}

/// Takes the next message that is due, if any, by a single conditional update: two senders (two
/// server processes) never take the same message, whichever database.
pub async fn lease_next(db: &Db, now: DateTime<Utc>) -> Result<Option<LeasedEmail>, sqlx::Error> {
    const LEASE_NEXT: &str = "UPDATE email_outbox
            SET status = 'sending', attempts = attempts + 1, locked_until = $2
          WHERE id = (SELECT id FROM email_outbox
                       WHERE (status = 'pending' AND next_attempt_at <= $1)
                          OR (status = 'sending' AND locked_until < $1)
                       ORDER BY next_attempt_at, id
                       LIMIT 1)
            AND ((status = 'pending' AND next_attempt_at <= $1) OR (status = 'sending' AND locked_until < $1))
      RETURNING id, to_address, reply_to, subject, body_text, attempts, attachment_name, attachment_type, attachment_body,
                language";
    on_db!(db, pool => {
        sqlx::query_as(LEASE_NEXT).bind(now).bind(now + LEASE).fetch_optional(pool).await
    })
}

pub async fn mark_sent(db: &Db, id: i64, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    on_db!(db, pool => {
        // The body is dropped once delivered: it may hold a booking's private link, which must
        // exist only in the citizen's mailbox.
        sqlx::query(
            "UPDATE email_outbox SET status = 'sent', sent_at = $2, locked_until = NULL, last_error = NULL, body_text = '',
                                    attachment_body = NULL
             WHERE id = $1",
        )
            .bind(id)
            .bind(now)
            .execute(pool)
            .await
            .map(|_| ())
    })
}

/// Records a failed delivery: the message is tried again later, with a growing pause, until
/// [`MAX_ATTEMPTS`]; then it stays `failed`.
pub async fn mark_attempt_failed(
    db: &Db,
    email: &LeasedEmail,
    now: DateTime<Utc>,
    error: &str,
) -> Result<(), sqlx::Error> {
    let status = if email.attempts >= MAX_ATTEMPTS {
        "failed"
    } else {
        "pending"
    };
    let next = now + retry_pause(email.attempts);
    on_db!(db, pool => {
        sqlx::query("UPDATE email_outbox SET status = $2, next_attempt_at = $3, locked_until = NULL, last_error = $4 WHERE id = $1")
            .bind(email.id)
            .bind(status)
            .bind(next)
            .bind(error)
            .execute(pool)
            .await
            .map(|_| ())
    })
}

/// Why a message to an address that can never receive mail was given up at once.
pub const NEVER_DELIVERABLE: &str =
    "L'indirizzo non può ricevere posta: il suo dominio è riservato a indirizzi che non esistono (.invalid).";

/// Whether no mail server can ever deliver to `address`: the `.invalid` top-level domain is
/// reserved for exactly that (RFC 2606, RFC 6761), so trying again would only delay the report.
pub fn never_deliverable(address: &str) -> bool {
    address.rsplit_once('@').is_some_and(|(_, domain)| {
        let domain = domain.trim().trim_end_matches('.').to_ascii_lowercase();
        domain == "invalid" || domain.ends_with(".invalid")
    })
}

/// Gives a message up at once, without retries (see [`never_deliverable`]).
pub async fn mark_undeliverable(db: &Db, email: &LeasedEmail, reason: &str) -> Result<(), sqlx::Error> {
    on_db!(db, pool => {
        sqlx::query("UPDATE email_outbox SET status = 'failed', locked_until = NULL, last_error = $2 WHERE id = $1")
            .bind(email.id)
            .bind(reason)
            .execute(pool)
            .await
            .map(|_| ())
    })
}

/// 1, 2, 4 … minutes, at most two hours.
pub fn retry_pause(attempts: i64) -> Duration {
    let exponent = u32::try_from(attempts.clamp(1, 8) - 1).unwrap_or(0);
    Duration::minutes(2_i64.pow(exponent)).min(Duration::hours(2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_reserved_invalid_domain_is_never_deliverable() {
        for address in ["famiglia@esempio.invalid", "a@INVALID", "a@x.invalid."] {
            assert!(never_deliverable(address), "{address}");
        }
        for address in [
            "a@comune.it",
            "a@invalid.it",
            "a@example.org",
            "senza-chiocciola.invalid",
        ] {
            assert!(!never_deliverable(address), "{address}");
        }
    }

    #[test]
    fn pauses_grow_and_stop_growing() {
        assert_eq!(retry_pause(1), Duration::minutes(1));
        assert_eq!(retry_pause(2), Duration::minutes(2));
        assert_eq!(retry_pause(4), Duration::minutes(8));
        assert_eq!(retry_pause(8), Duration::minutes(128).min(Duration::hours(2)));
        assert_eq!(retry_pause(50), Duration::hours(2));
    }
}
