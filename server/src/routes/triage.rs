//! The front desk's triage: the requests, a new one after the first interview, information only,
//! and routing a request again.

use app::access::permissions::Permission::Triage;
use app::state::AppState;
use app::triage;

use super::PartRoutes;

pub fn routes() -> PartRoutes {
    PartRoutes::new()
        .page(triage::LIST_PATH, Triage)
        .page_with_form_shown_at(
            triage::NEW_PATH,
            Triage,
            triage::new_request_page,
            |state: AppState, form| async move { triage::actions::save(&state, form).await },
        )
        .form(
            triage::INFO_ONLY_PATH,
            Triage,
            triage::new_request_page,
            |state: AppState, form| async move { triage::actions::info_only(&state, form).await },
        )
        .page(triage::DETAIL_PATH, Triage)
        .form(
            triage::REROUTE_PATH,
            Triage,
            triage::detail_page,
            |state: AppState, form| async move { triage::actions::reroute(&state, form).await },
        )
}
