//! The assistance request: a form open to everyone, and the page that says it was sent.

use app::access::permissions::Permission::Public;
use app::state::AppState;

use super::PartRoutes;

pub fn routes() -> PartRoutes {
    PartRoutes::new()
        .page_with_form(app::assistance::PATH, Public, |state: AppState, form| async move {
            app::assistance::actions::submit(&state, form).await
        })
        .page(app::assistance::SENT_PATH, Public)
}
