//! Booking an appointment with the Segretariato Sociale, and the private link to move or cancel
//! it: all open to everyone, the private link's token being the key. A front-desk operator books
//! through the same pages, for someone who phoned: the sign-in says so (`current_booker`).

use std::collections::HashMap;

use app::access::permissions::Permission::Public;
use app::booking::{self, calendar};
use app::state::AppState;
use axum::body::Body;
use axum::extract::{Query, Request, State};
use axum::http::{header, Response};
use axum::response::IntoResponse;
use axum::routing::get;

use super::PartRoutes;
use crate::forms;
use crate::rendering::render_page;

pub fn routes() -> PartRoutes {
    PartRoutes::new()
        // A step's form that must be corrected is shown again at its step's address, rebuilt
        // from the form's hidden fields.
        .page_with_form_shown_at(
            booking::PATH,
            Public,
            |values| Some(booking::details_step_link(values)),
            |state: AppState, form| async move {
                booking::confirm::submit_details(&state, &current_booker(), form).await
            },
        )
        .page_with_form_shown_at(
            booking::SUMMARY_PATH,
            Public,
            summary_page,
            |state: AppState, form| async move { booking::confirm::confirm(&state, &current_booker(), form).await },
        )
        .form(booking::CHANGE_SLOT_PATH, Public, summary_page, |state: AppState, form| async move {
            booking::confirm::change_slot(&state, &current_booker(), form).await
        })
        .page(booking::CONFIRMED_PATH, Public)
        .route(booking::CALENDAR_PATH, Public, get(calendar_file))
        .page(booking::MANAGE_PATH, Public)
        .form(booking::CANCEL_PATH, Public, manage_page, |state: AppState, form| async move {
            booking::manage::cancel_by_link(&state, form).await
        })
        .form(
            booking::MOVE_PATH,
            Public,
            |values| {
                let get = |name: &str| values.get(name).cloned().unwrap_or_default();
                Some(booking::manage_link(
                    &get("t"),
                    &[("sposta", "1".to_owned()), ("giorno", get("giorno"))],
                ))
            },
            |state: AppState, form| async move { booking::manage::move_by_link(&state, form).await },
        )
        .page_with_form(booking::NEW_LINK_PATH, Public, |state: AppState, form| async move {
            booking::manage::send_new_link(&state, form).await
        })
}

/// Who is booking in the current request: the front desk of the signed-in person's offices, or a
/// citizen.
pub fn current_booker() -> booking::Booker {
    app::access::auth::current()
        .and_then(|staff| staff.user)
        .map(|user| booking::Booker::desk_of(user.id, user.desks()))
        .unwrap_or_default()
}

/// The summary of the draft a form of it came from.
fn summary_page(values: &std::collections::BTreeMap<String, String>) -> Option<String> {
    Some(booking::summary_link(values.get("bozza").map_or("", String::as_str)))
}

/// The private link's page a form of it came from.
fn manage_page(values: &std::collections::BTreeMap<String, String>) -> Option<String> {
    Some(booking::manage_link(values.get("t").map_or("", String::as_str), &[]))
}

/// "Aggiungi al calendario": the calendar file of a confirmed booking, by its draft (`bozza`) or its
/// private link (`t`); the site's 404 page when neither opens one.
async fn calendar_file(
    State(state): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
    request: Request,
) -> Response<Body> {
    let draft = query.get("bozza").map(String::as_str);
    let token = query.get("t").map(String::as_str);
    match calendar::for_booking(&state, draft, token).await {
        Ok(Some((code, file))) => (
            [
                (header::CONTENT_TYPE, calendar::CONTENT_TYPE.to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{}\"", calendar::file_name(&code)),
                ),
                (header::CACHE_CONTROL, "no-store".to_owned()),
            ],
            file,
        )
            .into_response(),
        Ok(None) => render_page(state, request, None).await,
        Err(error) => (forms::status_of(&error), error.to_string()).into_response(),
    }
}
