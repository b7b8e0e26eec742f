//! Accounts made at start: the first administrator (always, once) and, with `--demo` only, one
//! account per role with known passwords for trying the product.

use chrono::{DateTime, Utc};

use crate::access::accounts::{self, NewStaff, RoleGrant};
use crate::access::permissions::Role;
use crate::db::Db;
use crate::on_db;

pub const FIRST_ADMIN_USERNAME: &str = "admin";

/// What the first start did about the administrator.
#[derive(Debug, PartialEq, Eq)]
pub enum FirstAdmin {
    /// There already is one.
    Exists,
    /// Created with the password from `SPORTELLO_ADMIN_PASSWORD`.
    CreatedWithGivenPassword,
    /// Created with this random password, to be shown once and changed at the first sign-in.
    CreatedWithRandomPassword(String),
}

/// Creates the first administrator when no account holds that role.
pub async fn ensure_first_admin(
    db: &Db,
    now: DateTime<Utc>,
    given_password: Option<&str>,
) -> Result<FirstAdmin, sqlx::Error> {
    if accounts::has_administrator(db).await? {
        return Ok(FirstAdmin::Exists);
    }
    let (password, outcome) = match given_password {
        Some(password) => (password.to_owned(), FirstAdmin::CreatedWithGivenPassword),
        None => {
            let password = accounts::random_password();
            (password.clone(), FirstAdmin::CreatedWithRandomPassword(password))
        }
    };
    let created = accounts::create(
        db,
        now,
        NewStaff {
            username: FIRST_ADMIN_USERNAME.to_owned(),
            display_name: "Amministratore".to_owned(),
            email: None,
            password,
            must_change_password: matches!(outcome, FirstAdmin::CreatedWithRandomPassword(_)),
            roles: vec![RoleGrant {
                role: Role::Amministratore,
                unit_id: None,
                office_id: None,
            }],
        },
    )
    .await?;
    // Another instance starting at the same moment may have made it first.
    Ok(if created.is_some() { outcome } else { FirstAdmin::Exists })
}

/// The demonstration accounts, as (username, name, password, role); documented in the README.
pub const DEMO_ACCOUNTS: &[(&str, &str, &str, Role)] = &[
    ("sportello", "Sara Sportello", "prova-sportello-2026", Role::Sportello),
    (
        "assistente",
        "Andrea Assistente",
        "prova-assistente-2026",
        Role::AssistenteSociale,
    ),
    (
        "coordinatrice",
        "Carla Coordinatrice",
        "prova-coordinatrice-2026",
        Role::Coordinatore,
    ),
];

/// Adds the demonstration accounts that do not exist yet: the front desk of the first office, the
/// social worker and the coordinator of the first unit (Servizio Minori).
pub async fn add_demo_accounts(db: &Db, now: DateTime<Utc>) -> Result<usize, sqlx::Error> {
    let office: Option<i64> =
        on_db!(db, pool => sqlx::query_scalar("SELECT MIN(id) FROM offices").fetch_one(pool).await)?;
    let unit: Option<i64> = on_db!(db, pool => sqlx::query_scalar("SELECT MIN(id) FROM units").fetch_one(pool).await)?;
    let mut added = 0;
    for (username, name, password, role) in DEMO_ACCOUNTS {
        let grant = match role {
            Role::Sportello => RoleGrant {
                role: *role,
                unit_id: None,
                office_id: office,
            },
            _ => RoleGrant {
                role: *role,
                unit_id: unit,
                office_id: None,
            },
        };
        if grant.office_id.is_none() && grant.unit_id.is_none() {
            continue;
        }
        let new = NewStaff {
            username: (*username).to_owned(),
            display_name: (*name).to_owned(),
            email: None,
            password: (*password).to_owned(),
            must_change_password: false,
            roles: vec![grant],
        };
        if accounts::create(db, now, new).await?.is_some() {
            added += 1;
        }
    }
    Ok(added)
}
