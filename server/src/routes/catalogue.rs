//! The texts of the service pages and the information pages: edited, previewed and published in
//! the back office, with their history.

use app::access::permissions::Permission::ManageContent;
use app::catalogue::{self, editor};
use app::state::AppState;

use super::PartRoutes;

pub fn routes() -> PartRoutes {
    PartRoutes::new().page(catalogue::EDITOR_PATH, ManageContent).form(
        catalogue::EDITOR_SAVE_PATH,
        ManageContent,
        |_| Some(catalogue::EDITOR_PATH.to_owned()),
        |state: AppState, form| async move { editor::actions::save(&state, form).await },
    )
}
