//! The texts of the service pages and the information pages: edited, previewed and published in
//! the back office, with their history; and their translations into the portal's other languages.

use app::access::permissions::Permission::ManageContent;
use app::catalogue::{self, editor, translations};
use app::state::AppState;

use super::PartRoutes;

pub fn routes() -> PartRoutes {
    PartRoutes::new()
        .page(catalogue::EDITOR_PATH, ManageContent)
        .form(
            catalogue::EDITOR_SAVE_PATH,
            ManageContent,
            |_| Some(catalogue::EDITOR_PATH.to_owned()),
            |state: AppState, form| async move { editor::actions::save(&state, form).await },
        )
        .page(catalogue::TRANSLATIONS_PATH, ManageContent)
        .page(catalogue::TRANSLATION_PATH, ManageContent)
        .form(
            catalogue::TRANSLATION_SAVE_PATH,
            ManageContent,
            |_| Some(catalogue::TRANSLATION_PATH.to_owned()),
            |state: AppState, form| async move { translations::actions::save(&state, form).await },
        )
        .form(
            catalogue::TRANSLATION_REVIEW_PATH,
            ManageContent,
            |_| Some(catalogue::TRANSLATION_PATH.to_owned()),
            |state: AppState, form| async move { translations::actions::record_review(&state, form).await },
        )
}
