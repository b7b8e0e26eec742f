//! The case files: the list of one's cases, a file, its diary, team, court reports and documents.
//! The handlers narrow the permission to the case team and the unit's coordinator, or an
//! emergency access with a reason.

use app::access::permissions::Permission::CaseFiles;
use app::cases;
use app::state::AppState;
use axum::routing::{get, post};

use super::PartRoutes;
use crate::documents;

pub fn routes() -> PartRoutes {
    PartRoutes::new()
        .page(cases::CASES_PATH, CaseFiles)
        .page(cases::FILE_PATH, CaseFiles)
        .form(
            cases::NOTE_PATH,
            CaseFiles,
            cases::file_page,
            |state: AppState, form| async move { cases::actions::add_note(&state, form).await },
        )
        .page_with_form_shown_at(
            cases::CORRECT_PATH,
            CaseFiles,
            cases::correction_page,
            |state: AppState, form| async move { cases::actions::correct_note(&state, form).await },
        )
        .form(
            cases::TEAM_ADD_PATH,
            CaseFiles,
            cases::file_page,
            |state: AppState, form| async move { cases::actions::add_member(&state, form).await },
        )
        .form(
            cases::TEAM_REMOVE_PATH,
            CaseFiles,
            cases::file_page,
            |state: AppState, form| async move { cases::actions::remove_member(&state, form).await },
        )
        .form(
            cases::EMERGENCY_PATH,
            CaseFiles,
            cases::file_page,
            |state: AppState, form| async move { cases::actions::emergency(&state, form).await },
        )
        .form(
            cases::VISIBILITY_PATH,
            CaseFiles,
            cases::file_page,
            |state: AppState, form| async move { cases::actions::set_visibility(&state, form).await },
        )
        .form(
            cases::MESSAGE_PATH,
            CaseFiles,
            cases::file_page,
            |state: AppState, form| async move { cases::actions::send_message(&state, form).await },
        )
        .form(
            cases::ASK_DOCUMENT_PATH,
            CaseFiles,
            cases::file_page,
            |state: AppState, form| async move { cases::actions::ask_document(&state, form).await },
        )
        .form(
            cases::REPORT_PATH,
            CaseFiles,
            cases::file_page,
            |state: AppState, form| async move { cases::actions::add_report(&state, form).await },
        )
        // Documents travel as multipart uploads and file downloads, not as plain forms.
        .route(cases::DOCUMENTS_PATH, CaseFiles, post(documents::upload))
        .route(cases::DOWNLOAD_PATH, CaseFiles, get(documents::download))
}
