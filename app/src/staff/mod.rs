//! The back office (`/operatori`): signing in, each role's home, the account's security, and the
//! pages that read what only staff may read. Who may reach what is written once, in
//! [`permissions`]; the server's access layer consults it for every request.
//!
//! The pages read their address's query once, when they are made. A link to the same page with
//! another query (another office, another entry to edit, older rows) therefore carries
//! `rel="external"`: the browser loads it from the server, as it would without JavaScript, instead
//! of the client-side router keeping the page as it was.

use serde::{Deserialize, Serialize};

use crate::error::AppError;
use permissions::{Permission, Role};

pub mod agenda;
pub mod audit_page;
pub mod catalogue_editor;
pub mod feedback_report;
pub mod mail_problems;
pub mod offices;
pub mod pages;
pub mod permissions;
pub mod registers;
pub mod security;
pub mod users;

pub mod accounts;
pub mod auth;
pub mod demo;
pub mod totp;

pub const HOME_PATH: &str = "/operatori";
pub const SIGN_OUT_PATH: &str = "/operatori/esci";
pub const SECURITY_PATH: &str = "/operatori/sicurezza";
pub const PASSWORD_PATH: &str = "/operatori/sicurezza/password";
pub const MAIL_PATH: &str = "/operatori/posta";
pub const AUDIT_PATH: &str = "/operatori/registro";
pub const AUDIT_VERIFY_PATH: &str = "/operatori/registro/verifica";
pub const USERS_PATH: &str = "/operatori/utenti";
pub const USER_STATE_PATH: &str = "/operatori/utenti/stato";
pub const USER_PASSWORD_PATH: &str = "/operatori/utenti/password";
pub const USER_TOTP_PATH: &str = "/operatori/utenti/codice";
pub const USER_ROLES_PATH: &str = "/operatori/utenti/ruoli";
pub const USER_ROLE_REMOVE_PATH: &str = "/operatori/utenti/ruoli/togli";
pub const ROLE_POLICY_PATH: &str = "/operatori/utenti/criteri";
pub const REGISTERS_PATH: &str = "/operatori/elenchi";
pub const REGISTER_COMUNE_PATH: &str = "/operatori/elenchi/comuni";
pub const REGISTER_UNIT_PATH: &str = "/operatori/elenchi/unita";
pub const REGISTER_TOPIC_PATH: &str = "/operatori/elenchi/argomenti";
pub const CATALOGUE_PATH: &str = "/operatori/catalogo";
pub const CATALOGUE_SAVE_PATH: &str = "/operatori/catalogo/salva";
pub const FEEDBACK_PATH: &str = "/operatori/valutazioni";
pub const AGENDA_PATH: &str = "/operatori/agenda";
pub const AGENDA_STATE_PATH: &str = "/operatori/agenda/stato";
pub const AGENDA_CANCEL_PATH: &str = "/operatori/agenda/annulla";
pub const AGENDA_MOVE_PATH: &str = "/operatori/agenda/sposta";
pub const OFFICES_PATH: &str = "/operatori/sedi";
pub const OFFICE_RULES_PATH: &str = "/operatori/sedi/regole";
pub const OFFICE_HOURS_PATH: &str = "/operatori/sedi/orari";
pub const OFFICE_CLOSURE_PATH: &str = "/operatori/sedi/chiusure";
pub const OFFICE_CLOSURE_DELETE_PATH: &str = "/operatori/sedi/chiusure/elimina";

/// Whether an address belongs to the back office (never cached, never rated by the public
/// feedback, refused by default when no route answers it), whatever the case of its letters.
pub fn is_back_office(path: &str) -> bool {
    let starts = |prefix: &str| {
        path.get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    let within = |folder: &str| starts(folder) && matches!(path.as_bytes().get(folder.len()), None | Some(b'/'));
    within(HOME_PATH)
}

/// What the person must do before anything else.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Setup {
    /// They were given a temporary password.
    ChangePassword,
    /// Their role requires a second factor and they have none yet.
    EnrolTotp,
}

/// The signed-in person, as their pages show them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Me {
    pub display_name: String,
    pub username: String,
    pub roles: Vec<Role>,
    pub setup: Option<Setup>,
    pub totp_enrolled: bool,
}

impl Me {
    pub fn may(&self, permission: Permission) -> bool {
        permissions::allows(permission, &self.roles)
    }

    /// Whether a page needing `permission` opens for this person now: their roles hold it, and
    /// they have no password or second factor still to set (until then only their own account).
    pub fn may_open(&self, permission: Permission) -> bool {
        self.may(permission) && (self.setup.is_none() || permission == Permission::OwnAccount)
    }
}

/// Who is looking at the back office.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Visitor {
    SignedOut {
        /// The session has just ended by a timeout.
        expired: bool,
    },
    SignedIn(Me),
}

/// The sign-in form, as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    pub utente: String,
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub codice_totp: String,
}

pub async fn load_visitor() -> Result<Visitor, AppError> {
    let Some(staff) = auth::current() else {
        return Ok(Visitor::SignedOut { expired: false });
    };
    Ok(match &staff.user {
        None => Visitor::SignedOut { expired: staff.expired },
        Some(user) => Visitor::SignedIn(Me {
            display_name: user.display_name.clone(),
            username: user.username.clone(),
            roles: user.role_list(),
            setup: staff.pending_setup(),
            totp_enrolled: user.totp_secret.is_some(),
        }),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_back_office_is_known_however_its_address_is_written() {
        for path in ["/operatori", "/operatori/utenti", "/OPERATORI/utenti"] {
            assert!(super::is_back_office(path), "{path}");
        }
        for path in ["/", "/operatorix", "/servizi", "/api/operatori"] {
            assert!(!super::is_back_office(path), "{path}");
        }
    }
}
