//! The front desk's agenda: the day's appointments of an office, arrivals, cancellations, and
//! moving an appointment.

use std::collections::BTreeMap;

use app::access::permissions::Permission::RunAgenda;
use app::booking;
use app::desk;
use app::links::query_value;
use app::state::AppState;

use super::PartRoutes;

pub fn routes() -> PartRoutes {
    PartRoutes::new()
        .page(booking::AGENDA_PATH, RunAgenda)
        .form(
            booking::AGENDA_STATE_PATH,
            RunAgenda,
            agenda_page,
            |state: AppState, form| async move { desk::actions::mark(&state, form).await },
        )
        .form(
            booking::AGENDA_CANCEL_PATH,
            RunAgenda,
            agenda_page,
            |state: AppState, form| async move { desk::actions::cancel(&state, form).await },
        )
        .page_with_form_shown_at(
            booking::AGENDA_MOVE_PATH,
            RunAgenda,
            |values| {
                let get = |name: &str| query_value(values.get(name).map_or("", String::as_str));
                Some(format!(
                    "{}?id={}&giorno={}",
                    booking::AGENDA_MOVE_PATH,
                    get("id"),
                    get("giorno")
                ))
            },
            |state: AppState, form| async move { desk::actions::move_booking(&state, form).await },
        )
}

/// The agenda of the office and day a form of it came from.
fn agenda_page(values: &BTreeMap<String, String>) -> Option<String> {
    let get = |name: &str| query_value(values.get(name).map_or("", String::as_str));
    Some(format!(
        "{}?sede={}&giorno={}",
        booking::AGENDA_PATH,
        get("sede"),
        get("giorno")
    ))
}
