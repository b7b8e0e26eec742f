//! The no-JavaScript path of every form (see `app::forms`): the browser posts the form to the page's
//! own address; we run the same `submit` function the server function runs, then redirect on
//! success (post/redirect/get) or render the same page again with the typed values and the errors.

use std::collections::BTreeMap;
use std::future::Future;

use app::access::auth::{self, StaffRequest};
use app::access::permissions::Permission;
use app::audit::{self, Entry, Outcome};
use app::error::AppError;
use app::forms::{FormOutcome, Submitted};
use app::state::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{Method, Response, StatusCode};
use axum::response::{IntoResponse, Redirect};
use axum::routing::{post, MethodRouter};
use serde::de::DeserializeOwned;

use crate::rendering::render_page;

/// Values never written back into a page, whatever the form (secrets must be typed again).
const NEVER_ECHOED: &[&str] = &["password", "nuova_password", "conferma_password", "codice_totp"];

/// A `POST` route for the form at `form` (its own page's address), whose fields deserialise into
/// `I` and whose effect is `submit`.
pub fn no_js_form<I, F, Fut>(form: &'static str, submit: F) -> MethodRouter<AppState>
where
    I: DeserializeOwned + Send + 'static,
    F: Fn(AppState, I) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<FormOutcome, AppError>> + Send + 'static,
{
    no_js_form_on_page(form, |_| None, submit)
}

/// The same for a form that lives on many pages and posts to one address (e.g. the page feedback):
/// `page_of` reads from the fields which page to render again when something must be corrected.
pub fn no_js_form_on_page<I, F, Fut>(
    form: &'static str,
    page_of: fn(&BTreeMap<String, String>) -> Option<String>,
    submit: F,
) -> MethodRouter<AppState>
where
    I: DeserializeOwned + Send + 'static,
    F: Fn(AppState, I) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<FormOutcome, AppError>> + Send + 'static,
{
    post(move |State(state): State<AppState>, request: Request| {
        let submit = submit.clone();
        async move {
            let (parts, body) = request.into_parts();
            // The body limit layer has already capped the size and the waits; this only collects it.
            let bytes = match axum::body::to_bytes(body, usize::MAX).await {
                Ok(bytes) => bytes,
                Err(error) => return crate::http::unread_body(&error),
            };
            let fields = as_typed(&bytes);
            let values = values_again(fields.as_deref().unwrap_or_default());
            let language = language_of(&parts);
            let outcome = match fields.and_then(|fields| read_form::<I>(&fields)) {
                None => {
                    let submitted = Submitted {
                        form: form.to_owned(),
                        values,
                        problem: Some(language.text("error-form-incomplete")),
                        ..Submitted::default()
                    };
                    return page_again(state, parts, page_of, submitted, StatusCode::BAD_REQUEST).await;
                }
                Some(input) => app::i18n::with_language(language, submit(state.clone(), input)).await,
            };
            answer(state, parts, form, page_of, values, outcome).await
        }
    })
}

/// The language the form was sent in (its page's address).
fn language_of(parts: &axum::http::request::Parts) -> app::i18n::Language {
    parts
        .extensions
        .get::<app::i18n::Language>()
        .copied()
        .unwrap_or_default()
}

/// The form's fields as they were typed (see [`app::validation::as_typed`]), or `None` for a body
/// that is no form at all. Secrets are left exactly as sent: a password is compared byte for byte.
fn as_typed(bytes: &[u8]) -> Option<Vec<(String, String)>> {
    let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(bytes).ok()?;
    Some(
        fields
            .into_iter()
            .map(|(name, value)| {
                let value = if NEVER_ECHOED.contains(&name.as_str()) {
                    value
                } else {
                    app::validation::as_typed(&value)
                };
                (app::validation::as_typed(&name), value)
            })
            .collect(),
    )
}

/// The form's input, read from its fields; `None` when a field is missing, repeated or of the
/// wrong kind.
fn read_form<I: DeserializeOwned>(fields: &[(String, String)]) -> Option<I> {
    let encoded = serde_urlencoded::to_string(fields).ok()?;
    serde_urlencoded::from_str(&encoded).ok()
}

/// What was typed, to write back into the page shown again (secrets never).
fn values_again(fields: &[(String, String)]) -> BTreeMap<String, String> {
    fields
        .iter()
        .filter(|(name, _)| !NEVER_ECHOED.contains(&name.as_str()))
        .cloned()
        .collect()
}

/// The answer to a submitted form: on to the next page when it was accepted, otherwise the page it
/// lives on again, with what was typed (`values`) and why it was not accepted.
pub(crate) async fn answer(
    state: AppState,
    parts: axum::http::request::Parts,
    form: &'static str,
    page_of: fn(&BTreeMap<String, String>) -> Option<String>,
    values: BTreeMap<String, String>,
    outcome: Result<FormOutcome, AppError>,
) -> Response<Body> {
    let (submitted, status) = match outcome {
        // On to the next page in the language the form was sent in.
        Ok(FormOutcome::Done { next }) => {
            return Redirect::to(&language_of(&parts).href(&next)).into_response();
        }
        // The page the form lives on is not the person's to see either: rendering it would only
        // be refused (and recorded) a second time.
        Err(AppError::Forbidden) => return error_response(&AppError::Forbidden),
        Ok(FormOutcome::Invalid(errors)) => (
            Submitted {
                form: form.to_owned(),
                values,
                errors,
                problem: None,
            },
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(error) => (
            Submitted {
                form: form.to_owned(),
                values,
                // The sentence in the language the form was sent in.
                problem: Some(app::i18n::in_language(language_of(&parts), || error.to_string())),
                ..Submitted::default()
            },
            status_of(&error),
        ),
    };
    page_again(state, parts, page_of, submitted, status).await
}

/// Renders the page the form lives on, as for a visit, with the submission in context.
async fn page_again(
    state: AppState,
    mut parts: axum::http::request::Parts,
    page_of: fn(&BTreeMap<String, String>) -> Option<String>,
    submitted: Submitted,
    status: StatusCode,
) -> Response<Body> {
    parts.method = Method::GET;
    if let Some(page) = page_of(&submitted.values).and_then(|page| page.parse().ok()) {
        parts.uri = page;
    }
    // The page is named partly by what was sent: render it only if it is a route of the
    // permission table, in its one spelling, that the person holds.
    let staff = parts.extensions.get::<StaffRequest>();
    let family_signed_in = parts
        .extensions
        .get::<app::area::CitizenRequest>()
        .is_some_and(|request| request.citizen.is_some());
    let may_see = crate::routes::permission_of_path(parts.uri.path()).is_some_and(|permission| match staff {
        _ if permission == Permission::Family => family_signed_in,
        Some(staff) => auth::holds(staff, permission),
        None => permission == Permission::Public,
    });
    if !may_see {
        let actor = staff.map(StaffRequest::actor).unwrap_or_default();
        let entry = Entry::new(actor, "accesso.negato").outcome(Outcome::Denied);
        if let Err(error) = audit::record_alone(&state.db, &state.audit_key, state.clock.now(), &entry).await {
            return error_response(&AppError::from(error));
        }
        return error_response(&AppError::Forbidden);
    }
    let mut response: Response<Body> =
        render_page(state, Request::from_parts(parts, Body::empty()), Some(submitted)).await;
    *response.status_mut() = status;
    response
}

/// A plain page for an error met outside any page (e.g. in a layer).
pub(crate) fn error_response(error: &AppError) -> Response<Body> {
    crate::pages::plain_page(
        status_of(error),
        "Si è verificato un problema",
        &error.to_string(),
        &app::security::current_request_id(),
    )
}

pub(crate) fn status_of(error: &AppError) -> StatusCode {
    match error {
        AppError::Validation { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::Forbidden => StatusCode::FORBIDDEN,
        AppError::Conflict(_) => StatusCode::CONFLICT,
        AppError::Unavailable { .. } => StatusCode::SERVICE_UNAVAILABLE,
        AppError::Internal { .. } => StatusCode::INTERNAL_SERVER_ERROR,
    }
}
