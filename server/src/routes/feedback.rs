//! The page rating: a form at the foot of every public page, posting to one address.

use app::access::permissions::Permission::Public;
use app::state::AppState;

use super::PartRoutes;

pub fn routes() -> PartRoutes {
    PartRoutes::new().form(
        app::feedback::PATH,
        Public,
        |values| values.get("pagina").map(|page| app::feedback::rated_page(page)),
        |state: AppState, form| async move { app::feedback::submit::submit(&state, form).await },
    )
}
