//! Who is signed in to the back office, and what they may do: accounts, signing in and out,
//! sessions and their timeouts, the second factor, the roles and the permissions they grant. Every
//! back-office part stands on this one; it uses none of them.

use serde::{Deserialize, Serialize};

use crate::error::AppError;
use permissions::{Permission, Role};

pub mod accounts;
pub mod auth;
pub mod permissions;
pub mod totp;

/// The back office's home: the sign-in form, or the person's home once signed in.
pub const HOME_PATH: &str = crate::links::BACK_OFFICE;
pub const SIGN_OUT_PATH: &str = "/operatori/esci";

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
