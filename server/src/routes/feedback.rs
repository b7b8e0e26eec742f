//! The page rating: a form at the foot of every public page, posting to one address, and its report
//! in the back office.

use app::access::permissions::Permission::{ManageContent, Public};
use app::state::AppState;

use super::PartRoutes;

pub fn routes() -> PartRoutes {
    PartRoutes::new()
        .form(
            app::feedback::PATH,
            Public,
            |values| values.get("pagina").map(|page| app::feedback::rated_page(page)),
            |state: AppState, form| async move { app::feedback::actions::submit(&state, form).await },
        )
        .page(app::feedback::REPORT_PATH, ManageContent)
}
