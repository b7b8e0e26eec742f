//! Who is signed in to the personal area, and the record of each sign-in.
//!
//! The server's citizen layer reads the area's session (its own cookie and table), applies the
//! timeouts below against the application's clock, and hands the request a [`CitizenRequest`];
//! the area's pages and forms ask [`current`] again, whatever the layer let through.

use chrono::{DateTime, Duration, Utc};

use crate::audit::{self, Actor, Entry, Outcome, FAMILY_ROLE};
use crate::db::Db;
use crate::error::AppError;
use crate::on_db;
use crate::state::AppState;

/// A family's session ends after this long without a request (shorter than staff's: a family may
/// sign in from a shared or public computer)...
pub const IDLE_TIMEOUT: Duration = Duration::minutes(20);
/// ...and after this long in all, whatever the activity.
pub const ABSOLUTE_LIFETIME: Duration = Duration::hours(2);

/// A person signed in to the area, as their identity provider vouched for them.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Citizen {
    pub id: i64,
    pub codice_fiscale: String,
    pub given_name: String,
    pub family_name: String,
    /// The email the provider vouched for, if it gave one.
    pub email: Option<String>,
}

impl Citizen {
    pub fn actor(&self) -> Actor {
        Actor {
            id: Some(self.id),
            role: Some(FAMILY_ROLE.to_owned()),
        }
    }

    pub fn full_name(&self) -> String {
        format!("{} {}", self.given_name, self.family_name)
    }
}

/// The personal area as one request sees it.
#[derive(Clone, Debug, Default)]
pub struct CitizenRequest {
    pub citizen: Option<Citizen>,
    /// The session ended by a timeout at this request (the sign-in page says so).
    pub expired: bool,
}

tokio::task_local! {
    static CITIZEN: CitizenRequest;
}

/// Runs `work` (the rest of the request) with `citizen` readable by [`current`].
pub async fn with_citizen<F: std::future::Future>(citizen: CitizenRequest, work: F) -> F::Output {
    CITIZEN.scope(citizen, work).await
}

/// The person signed in to the area in the current request, if any: in a handler, or in a page
/// being rendered (where the task-local is not inherited, from the request's parts).
pub fn current() -> Option<Citizen> {
    if let Ok(request) = CITIZEN.try_with(Clone::clone) {
        return request.citizen;
    }
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<CitizenRequest>().cloned())
        .and_then(|request| request.citizen)
}

/// The person signed in, or `Forbidden`: every loader and action of the area starts here.
pub fn signed_in() -> Result<Citizen, AppError> {
    current().ok_or(AppError::Forbidden)
}

/// Whether a session begun at `signed_in_at` and last used at `last_seen` is still open at `now`.
pub fn still_open(signed_in_at: DateTime<Utc>, last_seen: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now - last_seen < IDLE_TIMEOUT && now - signed_in_at < ABSOLUTE_LIFETIME
}

/// What an identity provider vouched for, once its answer passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifiedIdentity {
    pub codice_fiscale: String,
    pub given_name: String,
    pub family_name: String,
    pub email: Option<String>,
}

const UPSERT: &str =
    "INSERT INTO citizens (codice_fiscale, given_name, family_name, email, first_signed_in, last_signed_in)
     VALUES ($1, $2, $3, $4, $5, $5)
     ON CONFLICT (codice_fiscale) DO UPDATE SET
         given_name = excluded.given_name,
         family_name = excluded.family_name,
         email = excluded.email,
         last_signed_in = excluded.last_signed_in
     RETURNING id";

/// Records a sign-in: the person (created at their first), and the audit row, in one transaction.
/// The name and email are the provider's of today: they replace what an earlier sign-in said.
pub async fn record_sign_in(state: &AppState, identity: &VerifiedIdentity) -> Result<Citizen, AppError> {
    let now = state.clock.now();
    let begin = state.db.begin_writing();
    let id = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let id: i64 = sqlx::query_scalar(UPSERT)
            .bind(&identity.codice_fiscale)
            .bind(&identity.given_name)
            .bind(&identity.family_name)
            .bind(&identity.email)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
        let entry = Entry::new(Actor { id: Some(id), role: Some(FAMILY_ROLE.to_owned()) }, "area.accesso");
        crate::audit!(&mut *tx, &state.audit_key, now, entry)?;
        tx.commit().await?;
        Ok::<i64, sqlx::Error>(id)
    })?;
    Ok(Citizen {
        id,
        codice_fiscale: identity.codice_fiscale.clone(),
        given_name: identity.given_name.clone(),
        family_name: identity.family_name.clone(),
        email: identity.email.clone(),
    })
}

/// A sign-in that did not complete (refused, failed at the provider, or its answer failed the
/// checks): recorded without an actor, since nobody was vouched for.
pub async fn record_failed_sign_in(state: &AppState) -> Result<(), AppError> {
    let entry = Entry::new(Actor::default(), "area.accesso").outcome(Outcome::Failed);
    audit::record_alone(&state.db, &state.audit_key, state.clock.now(), &entry).await?;
    Ok(())
}

/// Records a sign-out.
pub async fn record_sign_out(state: &AppState, citizen: &Citizen) -> Result<(), AppError> {
    let entry = Entry::new(citizen.actor(), "area.uscita");
    audit::record_alone(&state.db, &state.audit_key, state.clock.now(), &entry).await?;
    Ok(())
}

/// The person a session names, as stored now.
pub async fn by_id(db: &Db, id: i64) -> Result<Option<Citizen>, sqlx::Error> {
    on_db!(db, pool => {
        sqlx::query_as("SELECT id, codice_fiscale, given_name, family_name, email FROM citizens WHERE id = $1")
            .bind(id)
            .fetch_optional(pool)
            .await
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_closes_when_idle_or_too_old() {
        let start = DateTime::parse_from_rfc3339("2026-12-04T09:00:00Z").unwrap().to_utc();
        assert!(still_open(start, start, start + Duration::minutes(19)));
        assert!(!still_open(start, start, start + Duration::minutes(20)));
        let busy = start + Duration::minutes(119);
        assert!(still_open(start, busy - Duration::minutes(1), busy));
        assert!(!still_open(start, busy, start + Duration::hours(2)));
    }
}
