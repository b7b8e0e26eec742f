//! The second factor: time-based one-time codes (RFC 6238: SHA-1, 6 digits, 30 seconds), as every
//! authenticator app makes them. A code is accepted once: the time step of the last accepted code
//! is kept, and a conditional update accepts only a later step, so a replayed code is refused even
//! when the two attempts arrive at the same moment.

use chrono::{DateTime, Utc};
use totp_rs::{Algorithm, Secret, TOTP};

use crate::db::Db;
use crate::error::AppError;
use crate::on_db;
use crate::sealing::{self, DataKeys, OpenError};

const STEP_SECONDS: u64 = 30;
/// One step either side is accepted: phones' clocks drift, and people type slowly.
const SKEW_STEPS: i64 = 1;

/// A new random secret (160 bits, as RFC 4226 recommends), base32.
pub fn new_secret() -> String {
    Secret::generate_secret().to_encoded().to_string()
}

fn totp(secret_base32: &str, account: &str, issuer: &str) -> Option<TOTP> {
    let bytes = Secret::Encoded(secret_base32.to_owned()).to_bytes().ok()?;
    TOTP::new(
        Algorithm::SHA1,
        6,
        0,
        STEP_SECONDS,
        bytes,
        Some(issuer.replace(':', " ")),
        account.replace(':', " "),
    )
    .ok()
}

/// The `otpauth://` address an authenticator app reads (from the QR code or typed by hand).
pub fn enrolment_url(secret_base32: &str, account: &str, issuer: &str) -> Option<String> {
    totp(secret_base32, account, issuer).map(|t| t.get_url())
}

/// The code for `at` (tests and demonstrations compute what an app would show).
pub fn code_at(secret_base32: &str, at: DateTime<Utc>) -> Option<String> {
    totp(secret_base32, "x", "x").map(|t| t.generate(u64::try_from(at.timestamp()).unwrap_or(0)))
}

/// The time step whose code `code` is, around `now`, or `None` if it matches none.
pub fn matching_step(secret_base32: &str, code: &str, now: DateTime<Utc>) -> Option<i64> {
    let code = code.trim().replace(' ', "");
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let totp = totp(secret_base32, "x", "x")?;
    let current = now.timestamp() / STEP_SECONDS as i64;
    (current - SKEW_STEPS..=current + SKEW_STEPS).find(|step| {
        let time = u64::try_from(step * STEP_SECONDS as i64).unwrap_or(0);
        // `check` compares in constant time.
        totp.check(&code, time)
    })
}

/// Accepts `code` for `user_id` if it is valid now and of a later step than any code accepted
/// before: the one conditional update that makes a code single-use. `stored` is the secret as the
/// account row holds it, sealed ([`crate::sealing`]); a secret no key of this server opens is an
/// internal error (the operators must give the server its keys), never a wrong code.
pub async fn accept(
    db: &Db,
    keys: &DataKeys,
    user_id: i64,
    stored: &str,
    code: &str,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let secret = match keys.open_text(stored, &sealing::totp_context(user_id)) {
        Ok(secret) => secret,
        // Enrolled before secrets were sealed (each start seals those: see `seal_again`).
        Err(OpenError::NotSealed) => stored.to_owned(),
        Err(error) => return Err(AppError::internal("a second-factor secret does not open", &error)),
    };
    let Some(step) = matching_step(&secret, code, now) else {
        return Ok(false);
    };
    let updated = on_db!(db, pool => sqlx::query(
        "UPDATE staff_users SET totp_last_step = $1
          WHERE id = $2 AND totp_secret = $3 AND (totp_last_step IS NULL OR totp_last_step < $1)",
    )
    .bind(step)
    .bind(user_id)
    .bind(stored)
    .execute(pool)
    .await?
    .rows_affected());
    Ok(updated == 1)
}

/// Saves a newly enrolled secret, sealed, with the step of the code that confirmed it (already
/// used).
pub async fn enrol(
    db: &Db,
    keys: &DataKeys,
    user_id: i64,
    secret_base32: &str,
    code: &str,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let Some(step) = matching_step(secret_base32, code, now) else {
        return Ok(false);
    };
    let sealed = keys.seal_text(secret_base32, &sealing::totp_context(user_id));
    let updated = on_db!(db, pool => sqlx::query(
        "UPDATE staff_users SET totp_secret = $1, totp_last_step = $2 WHERE id = $3",
    )
    .bind(sealed)
    .bind(step)
    .bind(user_id)
    .execute(pool)
    .await?
    .rows_affected());
    Ok(updated == 1)
}

/// Seals again, with the current key, every second-factor secret that is not sealed with it (sealed
/// with a retired key, or written before secrets were sealed); answers how many. Each row changes
/// only if it still holds what was read, so a sign-in or a new enrolment meanwhile is never undone.
pub async fn seal_again(db: &Db, keys: &DataKeys) -> Result<usize, AppError> {
    let rows: Vec<(i64, String)> = on_db!(db, pool => sqlx::query_as(
        "SELECT id, totp_secret FROM staff_users WHERE totp_secret IS NOT NULL",
    )
    .fetch_all(pool)
    .await?);
    let mut sealed_again = 0;
    for (user_id, stored) in rows.into_iter().filter(|(_, stored)| !keys.text_is_current(stored)) {
        let context = sealing::totp_context(user_id);
        let secret = match keys.open_text(&stored, &context) {
            Ok(secret) => secret,
            // Written before sealing began: the secret itself.
            Err(OpenError::NotSealed) => stored.clone(),
            Err(error) => return Err(AppError::internal("a second-factor secret does not open", &error)),
        };
        let updated = on_db!(db, pool => sqlx::query(
            "UPDATE staff_users SET totp_secret = $1 WHERE id = $2 AND totp_secret = $3",
        )
        .bind(keys.seal_text(&secret, &context))
        .bind(user_id)
        .bind(&stored)
        .execute(pool)
        .await?
        .rows_affected());
        sealed_again += usize::try_from(updated).unwrap_or(0);
    }
    Ok(sealed_again)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_matches_its_own_step_and_its_neighbours_only() {
        let secret = new_secret();
        let now = DateTime::from_timestamp(1_800_000_015, 0).unwrap();
        let code = code_at(&secret, now).unwrap();
        assert_eq!(matching_step(&secret, &code, now), Some(1_800_000_015 / 30));
        let later = now + chrono::Duration::seconds(30);
        assert_eq!(matching_step(&secret, &code, later), Some(1_800_000_015 / 30));
        let much_later = now + chrono::Duration::seconds(120);
        assert_eq!(matching_step(&secret, &code, much_later), None);
        assert_eq!(matching_step(&secret, "12345", now), None);
        assert_eq!(matching_step(&secret, "abcdef", now), None);
    }
}
