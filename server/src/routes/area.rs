//! The families' personal area: its pages need a person signed in there
//! ([`Permission::Family`], checked by `citizens::authorize`); leaving for the identity provider,
//! coming back from it and the portal's public key are open to all.

use app::access::permissions::Permission::{Family, Public};
use app::area;
use app::state::AppState;
use axum::routing::{get, post};

use super::PartRoutes;
use crate::citizens;

pub fn routes() -> PartRoutes {
    PartRoutes::new()
        .page(area::PATH, Family)
        .page(area::SIGN_IN_PATH, Public)
        .route(area::START_PATH, Public, get(citizens::start))
        .route(area::RETURN_PATH, Public, get(citizens::finish))
        .route(area::SIGN_OUT_PATH, Family, post(citizens::sign_out))
        .page(area::APPOINTMENT_PATH, Family)
        .form(
            area::APPOINTMENT_CANCEL_PATH,
            Family,
            |values| Some(area::appointments::page_of(values)),
            |state: AppState, form| async move { area::appointments::cancel(&state, form).await },
        )
        .form(
            area::APPOINTMENT_MOVE_PATH,
            Family,
            |values| Some(area::appointments::page_of(values)),
            |state: AppState, form| async move { area::appointments::move_to(&state, form).await },
        )
        .page(area::MESSAGES_PATH, Family)
        .form(
            area::REPLY_PATH,
            Family,
            |_| Some(area::MESSAGES_PATH.to_owned()),
            |state: AppState, form| async move { area::messages::reply(&state, form).await },
        )
        .page(area::DOCUMENT_PATH, Family)
        .route(area::DOCUMENT_SEND_PATH, Family, post(crate::documents::family_upload))
        .form(
            area::EMAIL_CONFIRM_PATH,
            Family,
            |_| Some(area::PATH.to_owned()),
            |state: AppState, _form: area::email::ConfirmForm| async move { area::email::ask(&state).await },
        )
        .route(area::EMAIL_CONFIRMED_PATH, Family, get(citizens::confirm_email))
        .route(crate::identity::KEYS_PATH, Public, get(citizens::keys))
}
