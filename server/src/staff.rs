//! The back office's layers: the session store in the database, the sign-in layer, and the access
//! layer that consults the permission table (`app::access::permissions`) for every request.

use app::access::auth::{self, AuthSession, Backend, StaffRequest};
use app::access::permissions::{self, Permission};
use app::access::{HOME_PATH, SIGN_OUT_PATH};
use app::audit::{self, Entry, Outcome};
use app::db::Db;
use app::links::is_back_office;
use app::security::ClientAddress;
use app::staff::{PASSWORD_PATH, SECURITY_PATH};
use app::state::AppState;
use axum::body::Body;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderValue, Response, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect};
use axum::Router;
use axum_login::AuthManagerLayerBuilder;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

use crate::pages;

/// The session cookie's name: with the `__Host-` prefix over https (the browser then refuses it
/// unless Secure, for this host only, on every path); a plain name on http (a local trial), where
/// browsers would refuse a prefixed cookie.
pub fn cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-sportello"
    } else {
        "sportello"
    }
}

/// Adds the session and sign-in layers (outside) and the access layer (inside) to `router`.
pub fn layers(router: Router, state: &AppState) -> Router {
    let https = state.public_url.starts_with("https://");
    let router = router.layer(axum::middleware::from_fn_with_state(state.clone(), authorize));
    let backend = Backend { db: state.db.clone() };
    fn configure<S: tower_sessions::SessionStore>(
        layer: SessionManagerLayer<S>,
        https: bool,
    ) -> SessionManagerLayer<S> {
        layer
            .with_name(cookie_name(https))
            .with_secure(https)
            .with_http_only(true)
            .with_same_site(SameSite::Strict)
            .with_path("/")
            .with_expiry(Expiry::OnInactivity(tower_sessions::cookie::time::Duration::seconds(
                auth::IDLE_TIMEOUT.num_seconds(),
            )))
    }
    let router = match &state.db {
        Db::Sqlite(pool) => {
            let store = SqliteStore::new(pool.clone())
                .with_table_name("staff_sessions")
                .expect("a valid table name");
            router
                .layer(AuthManagerLayerBuilder::new(backend, configure(SessionManagerLayer::new(store), https)).build())
        }
        Db::Postgres(pool) => {
            let store = PostgresStore::new(pool.clone())
                .with_schema_name("public")
                .and_then(|store| store.with_table_name("staff_sessions"))
                .expect("valid schema and table names");
            router
                .layer(AuthManagerLayerBuilder::new(backend, configure(SessionManagerLayer::new(store), https)).build())
        }
    };
    router.layer(axum::middleware::from_fn(answer_session_store_failures))
}

/// The session and sign-in layers answer a bare 500 (no body, no type) when the session store
/// fails: the database is down, refuses the server, or stays locked past the busy timeout. They
/// log the cause; the person gets the site's "temporarily unavailable" page with the request id
/// instead, as for any other database outage. Nothing else in the application answers a bare 500:
/// its own errors are pages.
pub(crate) async fn answer_session_store_failures(request: Request, next: Next) -> Response<Body> {
    let response = next.run(request).await;
    let bare = response.status() == StatusCode::INTERNAL_SERVER_ERROR
        && !response.headers().contains_key(header::CONTENT_TYPE);
    if !bare {
        return response;
    }
    tracing::error!(
        request_id = %app::security::current_request_id(),
        "the session store failed (its error is logged just before): answered 503"
    );
    let mut unavailable = crate::forms::error_response(&app::error::AppError::unavailable());
    unavailable
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
    unavailable
}

/// The tables of sessions: the back office's, and the families' area's (`citizens.rs`).
pub const SESSION_TABLES: [&str; 2] = ["staff_sessions", "citizen_sessions"];

/// Removes the sessions of `table` (one of [`SESSION_TABLES`]) whose cookie has expired (the
/// hourly job).
pub async fn delete_expired_sessions(
    db: &Db,
    table: &'static str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<u64, sqlx::Error> {
    let statement = format!("DELETE FROM {table} WHERE expiry_date < $1");
    let deleted = match db {
        Db::Sqlite(pool) => sqlx::query(&statement)
            .bind(now.timestamp())
            .execute(pool)
            .await?
            .rows_affected(),
        Db::Postgres(pool) => sqlx::query(&statement).bind(now).execute(pool).await?.rows_affected(),
    };
    Ok(deleted)
}

/// Routes a person who must first set a password or a second factor may still use.
fn allowed_during_setup(route: &str) -> bool {
    [HOME_PATH, SECURITY_PATH, PASSWORD_PATH, SIGN_OUT_PATH].contains(&route)
}

/// The access layer: finds the permission the matched route needs in the table, applies the
/// session timeouts, and lets the request through only when the person holds it. A route missing
/// from the table is refused to everyone. Every back-office response is marked `no-store`.
pub async fn authorize(State(state): State<AppState>, mut request: Request, next: Next) -> Response<Body> {
    let path = request.uri().path().to_owned();
    let route = request.extensions().get::<MatchedPath>().map(|m| m.as_str().to_owned());
    let Some(session) = request.extensions().get::<AuthSession>().cloned() else {
        tracing::error!("the sign-in layer is missing");
        return pages::internal_error_page(&app::security::current_request_id());
    };
    let mut staff = match auth::resolve(state.clock.now(), session).await {
        Ok(staff) => staff,
        Err(error) => return crate::forms::error_response(&error),
    };
    staff.client = request.extensions().get::<ClientAddress>().map(|client| client.0);
    // An address no route answers is the site's files or the not-found page, and open to all;
    // but never in the back office, where whatever the page router would still make of it is
    // refused (deny by default: its pages are checked again where their data are read).
    let permission = match &route {
        None if is_back_office(&path) => None,
        None => Some(Permission::Public),
        Some(route) => crate::routes::permission_of(route),
    };
    let refusal = match (permission, &staff.user) {
        (None, _) => {
            if route.is_some() {
                tracing::error!(route = ?route, "a route is missing from the permission table: refused");
            }
            Some(refuse(&state, &staff, route.as_deref(), StatusCode::NOT_FOUND).await)
        }
        // The families' area has its own sessions and its own wall (`citizens::authorize`).
        (Some(Permission::Public | Permission::Family), _) => None,
        (Some(_), None) => {
            let to = if staff.expired {
                format!("{HOME_PATH}?scaduta=1")
            } else {
                HOME_PATH.to_owned()
            };
            Some(Redirect::to(&to).into_response())
        }
        (Some(permission), Some(user)) => {
            let route = route.as_deref().unwrap_or_default();
            if staff.pending_setup().is_some() && !allowed_during_setup(route) {
                Some(Redirect::to(SECURITY_PATH).into_response())
            } else if !permissions::allows(permission, &user.role_list()) {
                Some(refuse(&state, &staff, Some(route), StatusCode::FORBIDDEN).await)
            } else {
                None
            }
        }
    };
    let mut response = match refusal {
        Some(response) => response,
        None => {
            request.extensions_mut().insert(staff.clone());
            auth::with_staff(staff, next.run(request)).await
        }
    };
    if is_back_office(&path) {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Records a denied access and answers with the refusal page.
async fn refuse(state: &AppState, staff: &StaffRequest, route: Option<&str>, status: StatusCode) -> Response<Body> {
    let entry = Entry::new(staff.actor(), "accesso.negato").outcome(Outcome::Denied);
    if let Err(error) = audit::record_alone(&state.db, &state.audit_key, state.clock.now(), &entry).await {
        tracing::error!(error = %error, route = ?route, "cannot record a denied access");
        return pages::internal_error_page(&app::security::current_request_id());
    }
    if status == StatusCode::NOT_FOUND {
        return pages::not_found_page(&app::security::current_request_id());
    }
    pages::plain_page(
        status,
        "Accesso non consentito",
        app::layout::back_office::REFUSED,
        &app::security::current_request_id(),
    )
}
