//! Staff identity: signing in and out, one's own password and second factor, and the accounts
//! administrators manage.

use std::collections::HashMap;

use app::access::permissions::Permission::{ManageStaff, OwnAccount, Public};
use app::access::{self, auth};
use app::staff::{self, security, users};
use app::state::AppState;

use super::PartRoutes;

pub fn routes() -> PartRoutes {
    PartRoutes::new()
        // Signing in is open to all; the page shows the home of whoever is signed in.
        .page_with_form(access::HOME_PATH, Public, |state: AppState, form| async move {
            auth::sign_in(&state, form).await
        })
        .form(
            access::SIGN_OUT_PATH,
            OwnAccount,
            |_| Some(access::HOME_PATH.to_owned()),
            |state: AppState, _: HashMap<String, String>| async move { auth::sign_out(&state).await },
        )
        .page_with_form(staff::SECURITY_PATH, OwnAccount, |state: AppState, form| async move {
            security::actions::enrol(&state, form).await
        })
        .form(
            staff::PASSWORD_PATH,
            OwnAccount,
            |_| Some(staff::SECURITY_PATH.to_owned()),
            |state: AppState, form| async move { security::actions::change_password(&state, form).await },
        )
        .page_with_form(staff::USERS_PATH, ManageStaff, |state: AppState, form| async move {
            users::actions::create(&state, form).await
        })
        .form(
            staff::USER_STATE_PATH,
            ManageStaff,
            users_page,
            |state: AppState, form| async move { users::actions::toggle(&state, form).await },
        )
        .form(
            staff::USER_PASSWORD_PATH,
            ManageStaff,
            users_page,
            |state: AppState, form| async move { users::actions::reset_password(&state, form).await },
        )
        .form(
            staff::USER_TOTP_PATH,
            ManageStaff,
            users_page,
            |state: AppState, form| async move { users::actions::reset_totp(&state, form).await },
        )
        .form(
            staff::USER_ROLES_PATH,
            ManageStaff,
            users_page,
            |state: AppState, form| async move { users::actions::add_role(&state, form).await },
        )
        .form(
            staff::USER_ROLE_REMOVE_PATH,
            ManageStaff,
            users_page,
            |state: AppState, form| async move { users::actions::remove_role(&state, form).await },
        )
        .form(
            staff::ROLE_POLICY_PATH,
            ManageStaff,
            users_page,
            |state: AppState, form| async move { users::actions::save_policy(&state, form).await },
        )
}

fn users_page(_: &std::collections::BTreeMap<String, String>) -> Option<String> {
    Some(staff::USERS_PATH.to_owned())
}
