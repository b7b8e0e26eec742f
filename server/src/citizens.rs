//! The families' personal area on the server: its sessions, the layer that says who is signed in
//! there, and the sign-in's own addresses (leaving for the identity provider, coming back,
//! signing out, the portal's public key).
//!
//! The area's session is not the back office's: another cookie (`sportello-area`), another table
//! (`citizen_sessions`), its own timeouts (`app::area::session`). Both are `tower-sessions`
//! layers; the area's is the outer one, and [`session_layers`] moves its session into an
//! [`AreaSession`] before the back office's layer puts its own in the request, so neither can be
//! taken for the other. The back office reads only its own session: a family's cookie opens
//! nothing there. The area's cookie is `SameSite=Lax`: the provider sends the person back with a
//! top-level navigation from its own site, which a `Strict` cookie would not follow.

use std::sync::Arc;

use app::access::permissions::Permission;
use app::area::session::{self as area_session, CitizenRequest};
use app::area::{SignInOutcome, StartForm};
use app::error::AppError;
use app::i18n::Language;
use app::state::AppState;
use axum::body::Body;
use axum::extract::{MatchedPath, Query, Request, State};
use axum::http::{header, HeaderValue, Response};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect};
use axum::{Extension, Json, Router};
use chrono::{DateTime, Utc};
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, Session, SessionManagerLayer};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

use crate::identity::{Identity, PendingSignIn, ProviderAnswer, SignInError};

/// The area's session, apart from the back office's.
#[derive(Clone)]
pub struct AreaSession(pub Session);

const CITIZEN_ID: &str = "sportello_area.citizen";
const SIGNED_IN_AT: &str = "sportello_area.signed_in_at";
const LAST_SEEN: &str = "sportello_area.last_seen";
const PENDING: &str = "sportello_area.pending";

/// The area's cookie: `__Host-` over https, as the back office's.
pub fn cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-sportello-area"
    } else {
        "sportello-area"
    }
}

/// The area's session layer, outside the back office's (see the module's comment).
pub fn session_layers(router: Router, state: &AppState) -> Router {
    let https = state.public_url.starts_with("https://");
    let router = router.layer(axum::middleware::from_fn(set_area_session_apart));
    fn configure<S: tower_sessions::SessionStore>(
        layer: SessionManagerLayer<S>,
        https: bool,
    ) -> SessionManagerLayer<S> {
        layer
            .with_name(cookie_name(https))
            .with_secure(https)
            .with_http_only(true)
            .with_same_site(SameSite::Lax)
            .with_path("/")
            .with_expiry(Expiry::OnInactivity(tower_sessions::cookie::time::Duration::seconds(
                area_session::IDLE_TIMEOUT.num_seconds(),
            )))
    }
    let router = match &state.db {
        app::db::Db::Sqlite(pool) => {
            let store = SqliteStore::new(pool.clone())
                .with_table_name("citizen_sessions")
                .expect("a valid table name");
            router.layer(configure(SessionManagerLayer::new(store), https))
        }
        app::db::Db::Postgres(pool) => {
            let store = PostgresStore::new(pool.clone())
                .with_schema_name("public")
                .and_then(|store| store.with_table_name("citizen_sessions"))
                .expect("valid schema and table names");
            router.layer(configure(SessionManagerLayer::new(store), https))
        }
    };
    router.layer(axum::middleware::from_fn(crate::staff::answer_session_store_failures))
}

async fn set_area_session_apart(mut request: Request, next: Next) -> Response<Body> {
    if let Some(session) = request.extensions_mut().remove::<Session>() {
        request.extensions_mut().insert(AreaSession(session));
    }
    next.run(request).await
}

/// Whether `path` is one of the area's addresses.
fn in_the_area(path: &str) -> bool {
    path == app::area::PATH || path.starts_with(&format!("{}/", app::area::PATH))
}

/// Whether the area's session is read for `path`: the area's addresses, and the booking's steps
/// (a person signed in books with their details filled in).
fn reads_the_area_session(path: &str) -> bool {
    in_the_area(path) || path == app::booking::PATH
}

/// The area's access layer, inside the back office's: where the area's session is read, reads who
/// is signed in (the timeouts applied by the application's clock) and hands it to the request; an
/// address that needs a signed-in family ([`Permission::Family`]) sends anyone else to the
/// sign-in page. Every area response, and every page shown to a person signed in, is `no-store`.
pub async fn authorize(State(state): State<AppState>, mut request: Request, next: Next) -> Response<Body> {
    let path = request.uri().path().to_owned();
    if !reads_the_area_session(&path) {
        return next.run(request).await;
    }
    let route = request.extensions().get::<MatchedPath>().map(|m| m.as_str().to_owned());
    let language = request.extensions().get::<Language>().copied().unwrap_or_default();
    let Some(AreaSession(session)) = request.extensions().get::<AreaSession>().cloned() else {
        tracing::error!("the area's session layer is missing");
        return crate::pages::internal_error_page(&app::security::current_request_id());
    };
    let citizen = match resolve(&state, &session).await {
        Ok(citizen) => citizen,
        Err(error) => return crate::forms::error_response(&error),
    };
    let needs_family = route.as_deref().and_then(crate::routes::permission_of) == Some(Permission::Family);
    let personal = in_the_area(&path) || citizen.citizen.is_some();
    let mut response = if needs_family && citizen.citizen.is_none() {
        let outcome = citizen.expired.then_some(SignInOutcome::Expired);
        Redirect::to(&sign_in_page(language, outcome)).into_response()
    } else {
        request.extensions_mut().insert(citizen.clone());
        area_session::with_citizen(citizen, next.run(request)).await
    };
    if personal {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// The sign-in page in `language`, saying `outcome`.
fn sign_in_page(language: Language, outcome: Option<SignInOutcome>) -> String {
    language.href(&outcome.map_or_else(|| app::area::SIGN_IN_PATH.to_owned(), SignInOutcome::link))
}

fn session_failed(error: tower_sessions::session::Error) -> AppError {
    AppError::internal("the area's session store failed", &error)
}

/// Who the session names, if it is still open; an ended session is emptied.
async fn resolve(state: &AppState, session: &Session) -> Result<CitizenRequest, AppError> {
    let Some(id) = session.get::<i64>(CITIZEN_ID).await.map_err(session_failed)? else {
        return Ok(CitizenRequest::default());
    };
    let now = state.clock.now();
    let signed_in_at: Option<DateTime<Utc>> = session.get(SIGNED_IN_AT).await.map_err(session_failed)?;
    let last_seen: Option<DateTime<Utc>> = session.get(LAST_SEEN).await.map_err(session_failed)?;
    let open = match (signed_in_at, last_seen) {
        (Some(signed_in_at), Some(last_seen)) => area_session::still_open(signed_in_at, last_seen, now),
        _ => false,
    };
    let citizen = if open {
        area_session::by_id(&state.db, id).await?
    } else {
        None
    };
    if citizen.is_none() {
        session.flush().await.map_err(session_failed)?;
        return Ok(CitizenRequest {
            citizen: None,
            expired: true,
        });
    }
    session.insert(LAST_SEEN, now).await.map_err(session_failed)?;
    Ok(CitizenRequest {
        citizen,
        expired: false,
    })
}

fn area_session_of(request_session: Option<Extension<AreaSession>>) -> Result<Session, AppError> {
    request_session
        .map(|Extension(AreaSession(session))| session)
        .ok_or_else(|| {
            AppError::internal(
                "the area's session layer is missing",
                &std::io::Error::other("no AreaSession"),
            )
        })
}

/// "Entra con SPID" (a link, as SPID's and CIE's buttons are: a form's redirection to another site
/// would need the provider in the page's `form-action`): keeps the sign-in's secrets in the area's
/// session and sends the person to the provider. Nothing is recorded until they come back.
pub async fn start(
    State(state): State<AppState>,
    Extension(identity): Extension<Arc<Identity>>,
    session: Option<Extension<AreaSession>>,
    language: Option<Extension<Language>>,
    query: Result<Query<StartForm>, axum::extract::rejection::QueryRejection>,
) -> Response<Body> {
    let language = language.map(|Extension(language)| language).unwrap_or_default();
    // Only a hand-made address has anything but the page's one field.
    let form = query.map(|Query(form)| form).unwrap_or_default();
    let session = match area_session_of(session) {
        Ok(session) => session,
        Err(error) => return crate::forms::error_response(&error),
    };
    match identity.start(&form.fornitore, state.clock.now()).await {
        Ok((address, pending)) => {
            if let Err(error) = session.insert(PENDING, (&pending, language.code())).await {
                return crate::forms::error_response(&session_failed(error));
            }
            Redirect::to(&address).into_response()
        }
        Err(error) => {
            tracing::warn!(request_id = %app::security::current_request_id(), error = %error, "a sign-in could not start");
            Redirect::to(&sign_in_page(language, Some(SignInOutcome::Failed))).into_response()
        }
    }
}

/// The provider sends the person back here: the answer is checked against the sign-in under way,
/// and the person is signed in with a new session id (the old one, known before the sign-in, is
/// worth nothing after it).
pub async fn finish(
    State(state): State<AppState>,
    Extension(identity): Extension<Arc<Identity>>,
    session: Option<Extension<AreaSession>>,
    Query(answer): Query<ProviderAnswer>,
) -> Response<Body> {
    let session = match area_session_of(session) {
        Ok(session) => session,
        Err(error) => return crate::forms::error_response(&error),
    };
    let pending: Option<(PendingSignIn, String)> = match session.remove(PENDING).await {
        Ok(pending) => pending,
        Err(error) => return crate::forms::error_response(&session_failed(error)),
    };
    let Some((pending, language)) = pending else {
        return refuse_sign_in(&state, None, Language::default(), SignInError::NoMatchingSignIn).await;
    };
    let language = Language::from_code(&language).unwrap_or_default();
    let verified = match identity.finish(pending, answer, state.clock.now()).await {
        Ok(verified) => verified,
        Err(error) => return refuse_sign_in(&state, Some(&session), language, error).await,
    };
    let signed_in = async {
        let citizen = area_session::record_sign_in(&state, &verified).await?;
        let now = state.clock.now();
        session.cycle_id().await.map_err(session_failed)?;
        session.insert(CITIZEN_ID, citizen.id).await.map_err(session_failed)?;
        session.insert(SIGNED_IN_AT, now).await.map_err(session_failed)?;
        session.insert(LAST_SEEN, now).await.map_err(session_failed)?;
        Ok::<(), AppError>(())
    };
    match signed_in.await {
        Ok(()) => Redirect::to(&language.href(app::area::PATH)).into_response(),
        Err(error) => crate::forms::error_response(&error),
    }
}

/// A sign-in that did not complete: recorded, logged with its cause, and the sign-in page says
/// so in plain words (cancelled, or not completed).
async fn refuse_sign_in(
    state: &AppState,
    session: Option<&Session>,
    language: Language,
    error: SignInError,
) -> Response<Body> {
    tracing::warn!(request_id = %app::security::current_request_id(), error = %error, "a sign-in to the personal area did not complete");
    if let Err(error) = area_session::record_failed_sign_in(state).await {
        return crate::forms::error_response(&error);
    }
    if let Some(session) = session {
        // Whatever was under way is over: a new sign-in starts clean.
        if let Err(error) = session.remove_value(PENDING).await {
            return crate::forms::error_response(&session_failed(error));
        }
    }
    let outcome = match error {
        SignInError::Refused(_) => SignInOutcome::Cancelled,
        _ => SignInOutcome::Failed,
    };
    Redirect::to(&sign_in_page(language, Some(outcome))).into_response()
}

/// "Esci": ends the area's session (the table's row and the cookie).
pub async fn sign_out(
    State(state): State<AppState>,
    session: Option<Extension<AreaSession>>,
    language: Option<Extension<Language>>,
) -> Response<Body> {
    let language = language.map(|Extension(language)| language).unwrap_or_default();
    let session = match area_session_of(session) {
        Ok(session) => session,
        Err(error) => return crate::forms::error_response(&error),
    };
    let ended = async {
        if let Some(citizen) = area_session::current() {
            area_session::record_sign_out(&state, &citizen).await?;
        }
        session.flush().await.map_err(session_failed)
    };
    match ended.await {
        Ok(()) => Redirect::to(&sign_in_page(language, Some(SignInOutcome::SignedOut))).into_response(),
        Err(error) => crate::forms::error_response(&error),
    }
}

/// The link in the email that confirms the person's address (`?codice=`): confirmed or not, back
/// to the area's home, which says which.
pub async fn confirm_email(
    State(state): State<AppState>,
    Query(query): Query<std::collections::BTreeMap<String, String>>,
    language: Option<Extension<Language>>,
) -> Response<Body> {
    let language = language.map(|Extension(language)| language).unwrap_or_default();
    let code = query.get("codice").map_or("", String::as_str);
    match app::area::email::confirm(&state, code).await {
        Ok(confirmed) => {
            let said = if confirmed { "confermata" } else { "non-valida" };
            Redirect::to(&language.href(&format!("{}?email={said}#appuntamenti", app::area::PATH))).into_response()
        }
        Err(error) => crate::forms::error_response(&error),
    }
}

/// The portal's public key set, which the providers read to check its signed requests.
pub async fn keys(Extension(identity): Extension<Arc<Identity>>) -> Response<Body> {
    ([(header::CACHE_CONTROL, "public, max-age=3600")], Json(identity.jwks())).into_response()
}
