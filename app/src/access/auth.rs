//! Signing in and out, and the session of a signed-in person.
//!
//! Sessions live in the database (`tower-sessions`, shared by every server instance) and are tied
//! to an account by `axum-login`, which gives a new session id at every sign-in. The timeouts are
//! checked here against the application's clock (so tests can move time): 30 minutes without a
//! request, 10 hours in all. Sign-out and disabling raise the account's session epoch, which ends
//! every session of it at once, on every device and instance.

use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};

use super::accounts::{self, StaffUser};
use super::permissions::{self, Permission};
use super::{Setup, SignInForm};
use crate::audit::RecordKind;
use crate::audit::{self, Actor, Entry, Outcome};
use crate::db::Db;
use crate::error::AppError;
use crate::forms::{FieldErrors, FormOutcome};
use crate::on_db;
use crate::state::AppState;

pub type AuthSession = axum_login::AuthSession<Backend>;

pub const IDLE_TIMEOUT: Duration = Duration::minutes(30);
pub const ABSOLUTE_LIFETIME: Duration = Duration::hours(10);
/// Failed sign-ins allowed per account name in one window, and the window.
pub const MAX_FAILURES: i64 = 6;
pub const FAILURE_WINDOW: Duration = Duration::minutes(15);

const SIGNED_IN_AT: &str = "sportello.signed_in_at";
const LAST_SEEN: &str = "sportello.last_seen";

/// The accounts, as `axum-login` asks for them at each request.
#[derive(Clone, Debug)]
pub struct Backend {
    pub db: Db,
}

impl axum_login::AuthnBackend for Backend {
    type User = StaffUser;
    /// Sign-in goes through [`sign_in`], with its guard and second factor, then `login`.
    type Credentials = ();
    type Error = sqlx::Error;

    async fn authenticate(&self, _: ()) -> Result<Option<StaffUser>, sqlx::Error> {
        Ok(None)
    }

    async fn get_user(&self, id: &i64) -> Result<Option<StaffUser>, sqlx::Error> {
        // A disabled account has no session, whatever its cookie says.
        Ok(accounts::by_id(&self.db, *id).await?.filter(|user| !user.disabled))
    }
}

/// The back office as one request sees it: the session, and who is signed in (after timeouts).
#[derive(Clone)]
pub struct StaffRequest {
    /// The browser's session; `None` for work the server does on someone's behalf without a
    /// browser (the `--demo` day, acted through the same functions as a person's requests).
    pub session: Option<AuthSession>,
    pub user: Option<StaffUser>,
    /// The session ended by a timeout at this request (the sign-in page says so).
    pub expired: bool,
    /// The address the request comes from (`security::ClientAddress`), when the server named it.
    pub client: Option<std::net::IpAddr>,
}

impl StaffRequest {
    /// The browser's session, for what only a signed-in browser does (sign in and out, change
    /// one's password, carry a one-time message to the next page).
    pub fn browser_session(&mut self) -> Result<&mut AuthSession, AppError> {
        self.session
            .as_mut()
            .ok_or_else(|| AppError::internal("no browser session", &std::io::Error::other("acted without a browser")))
    }

    /// What the person must do before anything else: set the password they were given, enrol the
    /// second factor their role requires.
    pub fn pending_setup(&self) -> Option<Setup> {
        let user = self.user.as_ref()?;
        if user.must_change_password {
            Some(Setup::ChangePassword)
        } else if user.totp_required && user.totp_secret.is_none() {
            Some(Setup::EnrolTotp)
        } else {
            None
        }
    }

    pub fn actor(&self) -> Actor {
        self.user.as_ref().map(StaffUser::actor).unwrap_or_default()
    }
}

tokio::task_local! {
    static STAFF: StaffRequest;
}

/// Runs `work` (the rest of the request) with `staff` readable by [`current`].
pub async fn with_staff<F: std::future::Future>(staff: StaffRequest, work: F) -> F::Output {
    STAFF.scope(staff, work).await
}

/// The back office of the current request: in a handler, a server function or a page being
/// rendered (where the task-local is not inherited, from the request's parts).
pub fn current() -> Option<StaffRequest> {
    if let Ok(staff) = STAFF.try_with(Clone::clone) {
        return Some(staff);
    }
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<StaffRequest>().cloned())
}

/// The signed-in person of the current request, or `Forbidden`. Whether they may do what they
/// ask is [`permitted`]'s question: this is only for the person's own session (signing out).
pub fn signed_in() -> Result<(StaffRequest, StaffUser), AppError> {
    let staff = current().ok_or(AppError::Forbidden)?;
    let user = staff.user.clone().ok_or(AppError::Forbidden)?;
    Ok((staff, user))
}

/// Whether the person of `staff` may use something that needs `permission` now: the permission
/// table says their roles hold it, and they have no password or second factor still to set
/// (until then only their own account is open to them).
pub fn holds(staff: &StaffRequest, permission: Permission) -> bool {
    let Some(user) = &staff.user else {
        return permission == Permission::Public;
    };
    if permission == Permission::Public {
        return true;
    }
    let setting_up = staff.pending_setup().is_some() && permission != Permission::OwnAccount;
    !setting_up && permissions::allows(permission, &user.role_list())
}

/// The signed-in person of the current request, if the permission table lets them use something
/// that needs `permission`; otherwise the refusal is recorded, a page being rendered is marked
/// 403, and `Forbidden` is returned.
///
/// Every loader and every action of the back office starts here, though the access layer has
/// already checked the route: a page reached by another spelling of its address, or rendered again
/// by another form, must still show nothing to someone who may not see it.
pub async fn permitted(permission: Permission) -> Result<(StaffRequest, StaffUser), AppError> {
    let (staff, user) = signed_in()?;
    if holds(&staff, permission) {
        return Ok((staff, user));
    }
    Err(refuse(&AppState::current(), Entry::new(user.actor(), "accesso.negato")).await)
}

/// Records `entry` as a refusal, marks a page being rendered 403, and gives the error to return.
async fn refuse(state: &AppState, entry: Entry) -> AppError {
    let entry = entry.outcome(Outcome::Denied);
    if let Err(error) = audit::record_alone(&state.db, &state.audit_key, state.clock.now(), &entry).await {
        return error.into();
    }
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::FORBIDDEN);
    }
    AppError::Forbidden
}

fn session_error(error: impl std::error::Error + 'static) -> AppError {
    AppError::internal("session store error", &error)
}

/// Applies the timeouts to the session of this request and notes the activity.
pub async fn resolve(now: DateTime<Utc>, mut session: AuthSession) -> Result<StaffRequest, AppError> {
    let Some(user) = session.user.clone() else {
        return Ok(StaffRequest {
            session: Some(session),
            user: None,
            expired: false,
            client: None,
        });
    };
    let seconds = |key: &'static str| {
        let session = session.session.clone();
        async move { session.get::<i64>(key).await }
    };
    let signed_in_at = seconds(SIGNED_IN_AT).await.map_err(session_error)?;
    let last_seen = seconds(LAST_SEEN).await.map_err(session_error)?;
    let now_s = now.timestamp();
    let expired = match (signed_in_at, last_seen) {
        (Some(signed_in_at), Some(last_seen)) => {
            now_s - last_seen > IDLE_TIMEOUT.num_seconds() || now_s - signed_in_at > ABSOLUTE_LIFETIME.num_seconds()
        }
        _ => true,
    };
    if expired {
        session.logout().await.map_err(session_error)?;
        return Ok(StaffRequest {
            session: Some(session),
            user: None,
            expired: true,
            client: None,
        });
    }
    // Saving the session costs a write: note the activity at most every 30 seconds.
    if last_seen.is_some_and(|last| now_s - last >= 30) {
        session.session.insert(LAST_SEEN, now_s).await.map_err(session_error)?;
    }
    Ok(StaffRequest {
        session: Some(session),
        user: Some(user),
        expired: false,
        client: None,
    })
}

/// The one answer to every refused sign-in, whatever was wrong and whether the account exists.
pub const WRONG_CREDENTIALS: &str = "Nome utente, password o codice di verifica non corretti. Controlla e riprova.";
pub const LOCKED: &str = "Troppi tentativi non riusciti con questo nome utente da questa connessione: l'accesso è \
     sospeso per 15 minuti. Se hai dimenticato la password, chiedi all'amministratore di reimpostarla.";

/// The guard's key for a typed account name from one address: a hash, because what people type
/// there is sometimes their password or their email. Failures count per account *and* address,
/// so nobody can lock another person's account by failing on purpose from elsewhere; trying
/// one password on many accounts is the submission limiter's to stop (per address).
fn guard_key(username: &str, client: Option<std::net::IpAddr>) -> String {
    let client = client.map(|address| address.to_string()).unwrap_or_default();
    let key = format!("{}\n{client}", accounts::normalise_username(username));
    hex::encode(Sha256::digest(key.as_bytes()))
}

/// Reserves one attempt for `account` by one atomic upsert and returns how many it has used in the
/// current window: concurrent attempts each get their own number, so at most [`MAX_FAILURES`] of
/// them ever reach the password check in a window.
async fn reserve_attempt(db: &Db, account: &str, now: DateTime<Utc>) -> Result<i64, sqlx::Error> {
    on_db!(db, pool => sqlx::query_scalar(
        "INSERT INTO sign_in_guard (account, window_start, failures) VALUES ($1, $2, 1)
         ON CONFLICT (account) DO UPDATE SET
             failures = CASE WHEN sign_in_guard.window_start <= $3 THEN 1 ELSE sign_in_guard.failures + 1 END,
             window_start = CASE WHEN sign_in_guard.window_start <= $3 THEN $2 ELSE sign_in_guard.window_start END
         RETURNING failures",
    )
    .bind(account)
    .bind(now)
    .bind(now - FAILURE_WINDOW)
    .fetch_one(pool)
    .await)
}

async fn clear_attempts(db: &Db, account: &str) -> Result<(), sqlx::Error> {
    on_db!(db, pool => sqlx::query("DELETE FROM sign_in_guard WHERE account = $1").bind(account).execute(pool).await.map(|_| ()))
}

/// Forgets the guard's rows of windows long closed (the hourly job).
pub async fn forget_old_attempts(db: &Db, now: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    on_db!(db, pool => sqlx::query("DELETE FROM sign_in_guard WHERE window_start < $1")
        .bind(now - FAILURE_WINDOW)
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))
}

/// Checks the form and signs the person in: a new session id, the timeouts started, an audit row.
/// Every refusal is recorded too, and reads the same for a known and an unknown account.
pub async fn sign_in(state: &AppState, form: SignInForm) -> Result<FormOutcome, AppError> {
    let mut errors = FieldErrors::new();
    if form.utente.trim().is_empty() {
        errors.add("utente", "Scrivi il tuo nome utente.");
    }
    if form.password.is_empty() {
        errors.add("password", "Scrivi la password.");
    }
    if !errors.is_empty() {
        return Ok(FormOutcome::Invalid(errors));
    }
    let mut staff = current().ok_or_else(|| {
        AppError::internal(
            "no session layer",
            &std::io::Error::other("the session layer is missing"),
        )
    })?;
    let now = state.clock.now();
    let account = guard_key(&form.utente, staff.client);
    let attempt = reserve_attempt(&state.db, &account, now).await?;
    let user = accounts::by_username(&state.db, &form.utente).await?;
    let actor = Actor {
        id: user.as_ref().map(|u| u.id),
        role: None,
    };
    if attempt > MAX_FAILURES {
        audit::record_alone(
            &state.db,
            &state.audit_key,
            now,
            &Entry::new(actor, "accesso.bloccato").outcome(Outcome::Denied),
        )
        .await?;
        let mut errors = FieldErrors::new();
        errors.add("password", LOCKED);
        return Ok(FormOutcome::Invalid(errors));
    }
    let password_ok =
        accounts::verify_password(form.password.clone(), user.as_ref().map(|u| u.password_hash.clone())).await?;
    let accepted = match &user {
        Some(user) if password_ok && !user.disabled => match &user.totp_secret {
            None => true,
            Some(stored) => {
                super::totp::accept(&state.db, &state.data_keys, user.id, stored, &form.codice_totp, now).await?
            }
        },
        _ => false,
    };
    let Some(user) = user.filter(|_| accepted) else {
        audit::record_alone(
            &state.db,
            &state.audit_key,
            now,
            &Entry::new(actor, "accesso").outcome(Outcome::Denied),
        )
        .await?;
        let mut errors = FieldErrors::new();
        errors.add("password", WRONG_CREDENTIALS);
        return Ok(FormOutcome::Invalid(errors));
    };
    clear_attempts(&state.db, &account).await?;
    // A new session id at every sign-in, also over a session already signed in (axum-login
    // changes it only for a session without a user).
    let session = staff.browser_session()?;
    session.session.cycle_id().await.map_err(session_error)?;
    session.login(&user).await.map_err(session_error)?;
    session
        .session
        .insert(SIGNED_IN_AT, now.timestamp())
        .await
        .map_err(session_error)?;
    session
        .session
        .insert(LAST_SEEN, now.timestamp())
        .await
        .map_err(session_error)?;
    audit::record_alone(&state.db, &state.audit_key, now, &Entry::new(user.actor(), "accesso")).await?;
    Ok(FormOutcome::Done {
        next: super::HOME_PATH.to_owned(),
    })
}

/// Signs out: ends every session of the account (all devices), then this one.
pub async fn sign_out(state: &AppState) -> Result<FormOutcome, AppError> {
    let (mut staff, user) = signed_in()?;
    let now = state.clock.now();
    accounts::end_sessions(&state.db, user.id).await?;
    staff.browser_session()?.logout().await.map_err(session_error)?;
    audit::record_alone(&state.db, &state.audit_key, now, &Entry::new(user.actor(), "uscita")).await?;
    Ok(FormOutcome::Done {
        next: format!("{}?uscito=1", super::HOME_PATH),
    })
}

/// Refuses `user` a record of another office, unit or team (`kind`, `id`) that the role table
/// lets them try: records the refusal as `action`, marks the response 403 when rendering, and
/// gives the error to return.
pub async fn refuse_record(
    state: &AppState,
    user: &StaffUser,
    action: &'static str,
    kind: RecordKind,
    id: i64,
) -> AppError {
    refuse(state, Entry::new(user.actor(), action).records(kind, [id])).await
}
