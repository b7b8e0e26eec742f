//! `/operatori/utenti`: administrators create staff accounts with their role (and the unit or office
//! it is held for), disable and re-enable them, and give a new temporary password or a fresh start
//! for the second factor. A temporary password is shown once, to the administrator who made it,
//! and must be changed at the first sign-in.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::{
    ROLE_POLICY_PATH, USERS_PATH, USER_PASSWORD_PATH, USER_ROLES_PATH, USER_ROLE_REMOVE_PATH, USER_STATE_PATH,
    USER_TOTP_PATH,
};
use crate::access::permissions::{Permission, Role};
use crate::access::Me;
use crate::audit::RecordKind;
use crate::error::AppError;
use crate::forms::{use_submitted, Checkbox, ChoiceField, ErrorSummary, FormState, SelectField, TextField};
use crate::layout::back_office::{Loaded, StaffBar, StaffOnly};

/// One account as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    /// Each role held, as (its id, "Assistente sociale — Servizio Minori").
    pub roles: Vec<(i64, String)>,
    pub disabled: bool,
    pub totp_enrolled: bool,
}

/// What the page needs: the accounts, the choices of the form, and a temporary password just
/// made (shown this once).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsersView {
    pub accounts: Vec<Account>,
    pub units: Vec<(String, String)>,
    pub offices: Vec<(String, String)>,
    pub new_password: Option<(String, String)>,
    /// Which roles must use a second factor, as (role, required).
    pub policies: Vec<(Role, bool)>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NewAccountForm {
    #[serde(default)]
    pub utente: String,
    #[serde(default)]
    pub nome: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub ruolo: String,
    #[serde(default)]
    pub unita: String,
    #[serde(default)]
    pub sede: String,
}

/// An action on one account (the button's form); an id that is not a number never reaches it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AccountAction {
    #[serde(default)]
    pub id: i64,
}

/// A role given to an existing account (a social worker who joins a second unit, say).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AddRoleForm {
    #[serde(default)]
    pub account: String,
    #[serde(default)]
    pub nuovo_ruolo: String,
    #[serde(default)]
    pub ruolo_unita: String,
    #[serde(default)]
    pub ruolo_sede: String,
}

/// Which roles must use a second factor: a ticked box is "si". Administrators always must.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PolicyForm {
    #[serde(default)]
    pub sportello: String,
    #[serde(default)]
    pub assistente_sociale: String,
    #[serde(default)]
    pub coordinatore: String,
}

const ADD_ROLE_LABELS: &[(&str, &str)] = &[
    ("account", "Account a cui aggiungerlo"),
    ("nuovo_ruolo", "Ruolo da aggiungere"),
    ("ruolo_unita", "Unità del nuovo ruolo"),
    ("ruolo_sede", "Sede del nuovo ruolo"),
];

const LABELS: &[(&str, &str)] = &[
    ("utente", "Nome utente"),
    ("nome", "Nome e cognome"),
    ("email", "Email"),
    ("ruolo", "Ruolo"),
    ("unita", "Unità"),
    ("sede", "Sede"),
];

pub async fn load_users(token: Option<String>) -> Result<UsersView, AppError> {
    store::view(token).await
}

#[component]
pub fn UsersPage() -> impl IntoView {
    view! { <StaffOnly title="Utenti del personale" permission=Permission::ManageStaff signed_in=|me| view! { <Users me /> } /> }
}

#[component]
fn Users(me: Me) -> impl IntoView {
    let token = leptos_router::hooks::use_query_map().with_untracked(|q| q.get("nuova"));
    let data = Resource::new(move || token.clone(), load_users);
    let action_problem = crate::forms::refusal_of(&[
        USER_STATE_PATH,
        USER_PASSWORD_PATH,
        USER_TOTP_PATH,
        USER_ROLE_REMOVE_PATH,
    ]);
    view! {
        <StaffBar me />
        <div class="container">
            <h1>"Utenti del personale"</h1>
            {action_problem.map(|problem| view! { <p class="alert alert-danger" role="alert">{problem}</p> })}
            <Loaded data body=|view| view! { <UsersBody view /> } />
        </div>
    }
}

#[component]
fn UsersBody(view: UsersView) -> impl IntoView {
    let form = FormState::new(use_submitted(USERS_PATH));
    let UsersView {
        accounts,
        units,
        offices,
        new_password,
        policies,
    } = view;
    let account_choices: Vec<(String, String)> = accounts
        .iter()
        .map(|account| {
            (
                account.id.to_string(),
                format!("{} ({})", account.username, account.display_name),
            )
        })
        .collect();
    let (role_units, role_offices) = (units.clone(), offices.clone());
    view! {
        {new_password.map(|(username, password)| view! {
            <div class="alert alert-success" role="status">
                <p>"Password provvisoria per "<strong>{username}</strong>": "<code class="password-provvisoria">{password}</code></p>
                <p class="mb-0">"Comunicala alla persona di persona o per telefono: non sarà più mostrata. Al primo accesso dovrà sceglierne una sua."</p>
            </div>
        })}
        <div class="table-responsive">
            <table class="table">
                <caption>"Account del personale"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Nome utente"</th>
                        <th scope="col">"Nome"</th>
                        <th scope="col">"Ruoli"</th>
                        <th scope="col">"Stato"</th>
                        <th scope="col">"Azioni"</th>
                    </tr>
                </thead>
                <tbody>
                    {accounts.into_iter().map(|account| view! { <AccountRow account /> }).collect_view()}
                </tbody>
            </table>
        </div>
        <section aria-labelledby="titolo-nuovo" class="mt-5 stretto">
            <h2 id="titolo-nuovo">"Nuovo account"</h2>
            <ErrorSummary form labels=LABELS />
            <form method="post" action=USERS_PATH novalidate>
                <TextField form name="utente" label="Nome utente" hint="Lettere minuscole, cifre, punto, trattino; da 3 a 64 caratteri. Per esempio mario.rossi." required=true max_length=64 />
                <TextField form name="nome" label="Nome e cognome" required=true max_length=120 />
                <TextField form name="email" label="Email" kind="email" max_length=254 />
                <SelectField form name="ruolo" label="Ruolo" options=Role::CHOICES required=true />
                <ChoiceField form name="unita" label="Unità" options=units hint="Per assistenti sociali e coordinatori." />
                <ChoiceField form name="sede" label="Sede" options=offices hint="Per gli operatori di sportello." />
                <button type="submit" class="btn btn-primary">"Crea l'account"</button>
            </form>
        </section>
        <AddRoleSection account_choices units=role_units offices=role_offices />
        <PolicySection policies />
    }
    .into_any()
}

/// Another role for an existing account (its own component: one view type per section keeps the
/// page's type small enough for the compiler).
#[component]
fn AddRoleSection(
    account_choices: Vec<(String, String)>,
    units: Vec<(String, String)>,
    offices: Vec<(String, String)>,
) -> impl IntoView {
    let role_form = FormState::new(use_submitted(USER_ROLES_PATH));
    view! {
        <section aria-labelledby="titolo-ruolo" class="mt-5 stretto">
            <h2 id="titolo-ruolo">"Aggiungi un ruolo a un account"</h2>
            <p>"Per esempio un'assistente sociale che lavora anche in una seconda unità. I ruoli si tolgono dall'elenco qui sopra."</p>
            <ErrorSummary form=role_form labels=ADD_ROLE_LABELS />
            <form method="post" action=USER_ROLES_PATH novalidate>
                <ChoiceField form=role_form name="account" label="Account a cui aggiungerlo" options=account_choices required=true />
                <SelectField form=role_form name="nuovo_ruolo" label="Ruolo da aggiungere" options=Role::CHOICES required=true />
                <ChoiceField form=role_form name="ruolo_unita" label="Unità del nuovo ruolo" options=units hint="Per assistenti sociali e coordinatori." />
                <ChoiceField form=role_form name="ruolo_sede" label="Sede del nuovo ruolo" options=offices hint="Per gli operatori di sportello." />
                <button type="submit" class="btn btn-primary">"Aggiungi il ruolo"</button>
            </form>
        </section>
    }
    .into_any()
}

/// Which roles must sign in with a second factor.
#[component]
fn PolicySection(policies: Vec<(Role, bool)>) -> impl IntoView {
    let current = policies
        .iter()
        .filter(|(_, required)| *required)
        .map(|(role, _)| (role.key().to_owned(), "si".to_owned()))
        .collect();
    let form = FormState::editing(use_submitted(ROLE_POLICY_PATH), current);
    view! {
        <section aria-labelledby="titolo-criteri" class="mt-5 stretto">
            <h2 id="titolo-criteri">"Codice di verifica obbligatorio"</h2>
            <p>"Chi ha un ruolo spuntato deve attivare l'app di autenticazione al prossimo accesso. Per gli amministratori è sempre obbligatorio."</p>
            <form method="post" action=ROLE_POLICY_PATH>
                <fieldset>
                    <legend class="h6">"Ruoli che devono usare il codice di verifica"</legend>
                    <Checkbox form name="sportello">{Role::Sportello.label()}</Checkbox>
                    <Checkbox form name="assistente_sociale">{Role::AssistenteSociale.label()}</Checkbox>
                    <Checkbox form name="coordinatore">{Role::Coordinatore.label()}</Checkbox>
                </fieldset>
                <button type="submit" class="btn btn-primary">"Salva"</button>
            </form>
        </section>
    }
    .into_any()
}

#[component]
fn AccountRow(account: Account) -> impl IntoView {
    let id = account.id.to_string();
    let state = match (account.disabled, account.totp_enrolled) {
        (true, _) => "Disattivato",
        (false, true) => "Attivo, con codice di verifica",
        (false, false) => "Attivo",
    };
    let toggle = if account.disabled { "Riattiva" } else { "Disattiva" };
    let who = account.username.clone();
    view! {
        <tr>
            <td>{account.username}</td>
            <td>{account.display_name}</td>
            <td>
                <ul class="list-unstyled mb-0">
                    {account.roles.into_iter().map(|(role_id, text)| {
                        let label = format!("Togli il ruolo {text} a {who}");
                        view! {
                            <li>
                                {text}" "
                                <form method="post" action=USER_ROLE_REMOVE_PATH class="d-inline">
                                    <input type="hidden" name="id" value=role_id.to_string() />
                                    <button type="submit" class="btn btn-sm btn-link p-0 align-baseline" aria-label=label>"Togli"</button>
                                </form>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </td>
            <td>{state}</td>
            <td>
                <form method="post" action=USER_STATE_PATH class="d-inline">
                    <input type="hidden" name="id" value=id.clone() />
                    <button type="submit" class="btn btn-sm btn-outline-primary" aria-label=format!("{toggle} {who}")>{toggle}</button>
                </form>
                " "
                <form method="post" action=USER_PASSWORD_PATH class="d-inline">
                    <input type="hidden" name="id" value=id.clone() />
                    <button type="submit" class="btn btn-sm btn-outline-primary" aria-label=format!("Nuova password per {who}")>"Nuova password"</button>
                </form>
                {account.totp_enrolled.then(|| view! {
                    " "
                    <form method="post" action=USER_TOTP_PATH class="d-inline">
                        <input type="hidden" name="id" value=id.clone() />
                        <button type="submit" class="btn btn-sm btn-outline-primary" aria-label=format!("Azzera codice di verifica di {who}")>"Azzera codice"</button>
                    </form>
                })}
            </td>
        </tr>
    }
    .into_any()
}

/// The accounts as the screen shows them, and the temporary password shown once to the
/// administrator who set it (kept in their session).
pub mod store {
    use std::collections::BTreeMap;

    use super::*;

    use crate::access::auth;
    use crate::audit::Entry;

    use crate::on_db;
    use crate::state::AppState;

    const FLASH: &str = "sportello.new_password";

    #[derive(sqlx::FromRow)]
    struct Row {
        id: i64,
        username: String,
        display_name: String,
        disabled: bool,
        totp_enrolled: bool,
    }

    #[derive(sqlx::FromRow)]
    struct RoleRow {
        id: i64,
        user_id: i64,
        role: String,
        place: Option<String>,
    }

    pub async fn view(token: Option<String>) -> Result<UsersView, AppError> {
        let (staff, user) = auth::permitted(Permission::ManageStaff).await?;
        let state = AppState::current();
        let now = state.clock.now();
        let begin = state.db.begin_writing();
        let (rows, roles, units, offices, policies) = on_db!(&state.db, pool => {
            let mut tx = pool.begin_with(begin).await?;
            let rows: Vec<Row> = sqlx::query_as(
                "SELECT id, username, display_name, disabled, totp_secret IS NOT NULL AS totp_enrolled
                   FROM staff_users ORDER BY username",
            )
            .fetch_all(&mut *tx)
            .await?;
            let roles: Vec<RoleRow> = sqlx::query_as(
                "SELECT r.id, r.user_id, r.role, COALESCE(u.name, o.name) AS place
                   FROM staff_roles r LEFT JOIN units u ON u.id = r.unit_id LEFT JOIN offices o ON o.id = r.office_id
                  ORDER BY r.id",
            )
            .fetch_all(&mut *tx)
            .await?;
            let units: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM units WHERE active ORDER BY position, id")
                .fetch_all(&mut *tx)
                .await?;
            let offices: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM offices ORDER BY id")
                .fetch_all(&mut *tx)
                .await?;
            let policies: Vec<(String, bool)> = sqlx::query_as("SELECT role, requires_totp FROM role_policies")
                .fetch_all(&mut *tx)
                .await?;
            crate::audit!(
                &mut *tx,
                &state.audit_key,
                now,
                Entry::new(user.actor(), "utenti.elenco").records(RecordKind::StaffAccount, rows.iter().map(|r| r.id))
            )?;
            tx.commit().await?;
            (rows, roles, units, offices, policies)
        });
        let policies = Role::ALL
            .iter()
            .map(|&role| {
                (
                    role,
                    policies.iter().any(|(key, required)| key == role.key() && *required),
                )
            })
            .collect();
        let mut roles_of: BTreeMap<i64, Vec<(i64, String)>> = BTreeMap::new();
        for role in roles {
            let label = Role::from_key(&role.role).map_or(role.role.clone(), |r| r.label().to_owned());
            let text = match role.place {
                Some(place) => format!("{label} — {place}"),
                None => label,
            };
            roles_of.entry(role.user_id).or_default().push((role.id, text));
        }
        let new_password = take_new_password(&staff, token.as_deref()).await?;
        Ok(UsersView {
            accounts: rows
                .into_iter()
                .map(|row| Account {
                    roles: roles_of.remove(&row.id).unwrap_or_default(),
                    id: row.id,
                    username: row.username,
                    display_name: row.display_name,
                    disabled: row.disabled,
                    totp_enrolled: row.totp_enrolled,
                })
                .collect(),
            units: units.into_iter().map(|(id, name)| (id.to_string(), name)).collect(),
            offices: offices.into_iter().map(|(id, name)| (id.to_string(), name)).collect(),
            new_password,
            policies,
        })
    }

    /// A temporary password waiting to be shown: (token in the page's address, username, password).
    type Flash = (String, String, String);

    /// Keeps the new password in the administrator's session and returns the address that shows
    /// it: only that address, which carries a random token, shows it.
    pub(super) async fn remember_password(
        staff: &auth::StaffRequest,
        username: &str,
        password: &str,
    ) -> Result<String, AppError> {
        use rand::Rng;
        let token: String = (0..16)
            .map(|_| format!("{:x}", rand::rng().random_range(0..16u8)))
            .collect();
        let flash: Flash = (token.clone(), username.to_owned(), password.to_owned());
        let Some(session) = &staff.session else {
            return Err(AppError::internal(
                "no browser session",
                &std::io::Error::other("acted without a browser"),
            ));
        };
        session
            .session
            .insert(FLASH, flash)
            .await
            .map_err(|e| AppError::internal("session store error", &e))?;
        Ok(format!("{USERS_PATH}?nuova={token}"))
    }

    /// The temporary password for a page opened at the address [`remember_password`] gave; any
    /// other visit of the page forgets it. (Rendering may load the page's data more than once, so
    /// reading it must not consume it.)
    async fn take_new_password(
        staff: &auth::StaffRequest,
        token: Option<&str>,
    ) -> Result<Option<(String, String)>, AppError> {
        let Some(session) = staff.session.as_ref().map(|s| &s.session) else {
            return Ok(None);
        };
        let failed = |e| AppError::internal("session store error", &e);
        let Some((expected, username, password)) = session.get::<Flash>(FLASH).await.map_err(failed)? else {
            return Ok(None);
        };
        if token == Some(expected.as_str()) {
            Ok(Some((username, password)))
        } else {
            session.remove::<Flash>(FLASH).await.map_err(failed)?;
            Ok(None)
        }
    }
}

/// Creating an account, disabling and enabling it, resetting its password or second factor,
/// granting and removing roles, the password policy; each with its audit row.
pub mod actions {

    use super::store::remember_password;
    use super::*;
    use crate::access::accounts::{self, NewStaff, RoleGrant};
    use crate::access::auth;
    use crate::audit::Entry;
    use crate::forms::{FieldErrors, FormOutcome};
    use crate::on_db;
    use crate::state::AppState;
    use crate::validation::Email;

    fn valid_username(username: &str) -> bool {
        (3..=64).contains(&username.chars().count())
            && username
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_'))
    }

    /// The role chosen in a form, with the unit or office it is held for; `fields` names the form's
    /// role, unit and office fields, `values` their values.
    fn grant_of(errors: &mut FieldErrors, fields: [&str; 3], values: [&str; 3]) -> Option<RoleGrant> {
        let [role_field, unit_field, office_field] = fields;
        let number = |text: &str| text.trim().parse::<i64>().ok();
        match Role::from_key(values[0]) {
            None => {
                errors.add(role_field, "Scegli il ruolo.");
                None
            }
            Some(Role::Sportello) => match number(values[2]) {
                Some(office) => Some(RoleGrant {
                    role: Role::Sportello,
                    unit_id: None,
                    office_id: Some(office),
                }),
                None => {
                    errors.add(office_field, "Scegli la sede dell'operatore di sportello.");
                    None
                }
            },
            Some(role @ (Role::AssistenteSociale | Role::Coordinatore)) => match number(values[1]) {
                Some(unit) => Some(RoleGrant {
                    role,
                    unit_id: Some(unit),
                    office_id: None,
                }),
                None => {
                    errors.add(unit_field, "Scegli l'unità in cui lavora.");
                    None
                }
            },
            Some(Role::Amministratore) => Some(RoleGrant {
                role: Role::Amministratore,
                unit_id: None,
                office_id: None,
            }),
        }
    }

    pub async fn create(state: &AppState, form: NewAccountForm) -> Result<FormOutcome, AppError> {
        let (staff, user) = auth::permitted(Permission::ManageStaff).await?;
        let mut errors = FieldErrors::new();
        let username = accounts::normalise_username(&form.utente);
        if !valid_username(&username) {
            errors.add("utente", "Il nome utente deve avere da 3 a 64 caratteri: lettere minuscole senza accenti, cifre, punto, trattino.");
        }
        let name = form.nome.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() || name.chars().count() > 120 {
            errors.add(
                "nome",
                "Scrivi nome e cognome della persona (al massimo 120 caratteri).",
            );
        }
        let email = if form.email.trim().is_empty() {
            None
        } else {
            errors.check("email", Email::parse(&form.email)).map(String::from)
        };
        let grant = grant_of(
            &mut errors,
            ["ruolo", "unita", "sede"],
            [&form.ruolo, &form.unita, &form.sede],
        );
        let Some(grant) = grant.filter(|_| errors.is_empty()) else {
            return Ok(FormOutcome::Invalid(errors));
        };
        let password = accounts::random_password();
        let now = state.clock.now();
        let created = accounts::create_audited(
            &state.db,
            now,
            NewStaff {
                username: username.clone(),
                display_name: name,
                email,
                password: password.clone(),
                must_change_password: true,
                roles: vec![grant],
            },
            |id| Entry::new(user.actor(), "utenti.crea").records(RecordKind::StaffAccount, [id]),
            &state.audit_key,
        )
        .await;
        match created {
            Ok(Some(_)) => {}
            Ok(None) => {
                errors.add("utente", "Questo nome utente è già usato: scegline un altro.");
                return Ok(FormOutcome::Invalid(errors));
            }
            // A unit or office that does not exist (any more): the foreign key refuses it.
            Err(sqlx::Error::Database(error)) if error.is_foreign_key_violation() => {
                errors.add(
                    "ruolo",
                    "L'unità o la sede scelta non esiste più: ricarica la pagina e scegli di nuovo.",
                );
                return Ok(FormOutcome::Invalid(errors));
            }
            Err(error) => return Err(error.into()),
        }
        let next = remember_password(&staff, &username, &password).await?;
        Ok(FormOutcome::Done { next })
    }

    /// Runs one change of another account (`$1`; the SQL also refuses the acting administrator,
    /// `$2`; `$3` is the new password hash where there is one) with its audit row. `own` is the
    /// answer when someone tries it on their own account.
    async fn change(
        state: &AppState,
        me: &accounts::StaffUser,
        id: i64,
        (sql, action, own): (&'static str, &'static str, &'static str),
        password_hash: Option<String>,
    ) -> Result<FormOutcome, AppError> {
        let refused = |message: &str| {
            let mut errors = FieldErrors::new();
            errors.add("id", message);
            Ok(FormOutcome::Invalid(errors))
        };
        if id == me.id {
            return refused(own);
        }
        let now = state.clock.now();
        let begin = state.db.begin_writing();
        let changed = on_db!(&state.db, pool => {
            let mut tx = pool.begin_with(begin).await?;
            let mut query = sqlx::query(sql).bind(id).bind(me.id);
            if let Some(hash) = &password_hash {
                query = query.bind(hash.clone());
            }
            let changed = query.execute(&mut *tx).await?.rows_affected();
            if changed == 1 {
                crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(me.actor(), action).records(RecordKind::StaffAccount, [id]))?;
                tx.commit().await?;
            } else {
                tx.rollback().await?;
            }
            changed
        });
        if changed == 1 {
            Ok(FormOutcome::Done {
                next: USERS_PATH.to_owned(),
            })
        } else {
            refused("L'account indicato non esiste più o non ha ciò che vuoi azzerare: ricarica la pagina.")
        }
    }

    /// Disables an account (ending its sessions) or enables it again; never one's own, so an
    /// administrator always remains.
    pub async fn toggle(state: &AppState, form: AccountAction) -> Result<FormOutcome, AppError> {
        let (_, user) = auth::permitted(Permission::ManageStaff).await?;
        let sql = "UPDATE staff_users SET disabled = NOT disabled, session_epoch = session_epoch + 1
                    WHERE id = $1 AND id <> $2";
        let own = "Non puoi disattivare il tuo stesso account.";
        change(state, &user, form.id, (sql, "utenti.stato", own), None).await
    }

    /// Gives the account a new temporary password (shown once), ending its sessions.
    pub async fn reset_password(state: &AppState, form: AccountAction) -> Result<FormOutcome, AppError> {
        let (staff, user) = auth::permitted(Permission::ManageStaff).await?;
        let password = accounts::random_password();
        let hash = accounts::hash_password(password.clone()).await;
        let sql =
            "UPDATE staff_users SET password_hash = $3, must_change_password = TRUE, session_epoch = session_epoch + 1
                    WHERE id = $1 AND id <> $2";
        let own = "Per la tua password usa la pagina Sicurezza dell'account.";
        let outcome = change(state, &user, form.id, (sql, "utenti.password", own), Some(hash)).await?;
        match (outcome, accounts::by_id(&state.db, form.id).await?) {
            (FormOutcome::Done { .. }, Some(account)) => Ok(FormOutcome::Done {
                next: remember_password(&staff, &account.username, &password).await?,
            }),
            (outcome, _) => Ok(outcome),
        }
    }

    /// Removes the second factor (a lost phone): the person enrols again at the next sign-in.
    pub async fn reset_totp(state: &AppState, form: AccountAction) -> Result<FormOutcome, AppError> {
        let (_, user) = auth::permitted(Permission::ManageStaff).await?;
        let sql = "UPDATE staff_users SET totp_secret = NULL, totp_last_step = NULL, session_epoch = session_epoch + 1
                    WHERE id = $1 AND id <> $2 AND totp_secret IS NOT NULL";
        let own = "Non puoi azzerare il tuo stesso codice di verifica: chiedilo a un altro amministratore.";
        change(state, &user, form.id, (sql, "utenti.totp", own), None).await
    }

    /// Gives an existing account one more role (e.g. a second unit). The role is in force at the
    /// person's next page: roles are read at every request.
    pub async fn add_role(state: &AppState, form: AddRoleForm) -> Result<FormOutcome, AppError> {
        let (_, user) = auth::permitted(Permission::ManageStaff).await?;
        let mut errors = FieldErrors::new();
        let account = form.account.trim().parse::<i64>().ok();
        if account.is_none() {
            errors.add("account", "Scegli l'account.");
        }
        let grant = grant_of(
            &mut errors,
            ["nuovo_ruolo", "ruolo_unita", "ruolo_sede"],
            [&form.nuovo_ruolo, &form.ruolo_unita, &form.ruolo_sede],
        );
        let (Some(account), Some(grant)) = (account, grant.filter(|_| errors.is_empty())) else {
            return Ok(FormOutcome::Invalid(errors));
        };
        if account == user.id {
            errors.add("account", OWN_ROLES);
            return Ok(FormOutcome::Invalid(errors));
        }
        let now = state.clock.now();
        let begin = state.db.begin_writing();
        let added: Result<(), (&str, &str)> = on_db!(&state.db, pool => {
            let mut tx = pool.begin_with(begin).await?;
            let inserted = sqlx::query("INSERT INTO staff_roles (user_id, role, unit_id, office_id) VALUES ($1, $2, $3, $4)")
                .bind(account)
                .bind(grant.role.key())
                .bind(grant.unit_id)
                .bind(grant.office_id)
                .execute(&mut *tx)
                .await;
            match inserted {
                Ok(_) => {
                    crate::audit!(
                        &mut *tx,
                        &state.audit_key,
                        now,
                        Entry::new(user.actor(), "utenti.ruolo_aggiunto").records(RecordKind::StaffAccount, [account])
                    )?;
                    tx.commit().await?;
                    Ok(())
                }
                Err(sqlx::Error::Database(error)) if error.is_unique_violation() => {
                    tx.rollback().await?;
                    Err(("nuovo_ruolo", "L'account ha già questo ruolo."))
                }
                Err(sqlx::Error::Database(error)) if error.message().contains(ADMINISTRATORS_OPEN_NO_FILES) => {
                    tx.rollback().await?;
                    Err(("nuovo_ruolo", "Un account di amministratore non può avere un ruolo che apre le cartelle dei casi \
                        (assistente sociale o coordinatore), né l'inverso: per questo lavoro usa un account separato."))
                }
                Err(sqlx::Error::Database(error)) if error.is_foreign_key_violation() => {
                    tx.rollback().await?;
                    Err(("account", "L'account, l'unità o la sede scelta non esiste più: ricarica la pagina e scegli di nuovo."))
                }
                Err(error) => return Err(error.into()),
            }
        });
        match added {
            Ok(()) => Ok(FormOutcome::Done {
                next: USERS_PATH.to_owned(),
            }),
            Err((field, message)) => {
                errors.add(field, message);
                Ok(FormOutcome::Invalid(errors))
            }
        }
    }

    /// The database's refusal of an administrator account with a case-file role (migration 15).
    const ADMINISTRATORS_OPEN_NO_FILES: &str = "an administrator account never holds a case-file role";

    /// Nobody changes their own roles: an administrator giving themselves a coordinator's role
    /// would open every file of a unit without an emergency reason.
    const OWN_ROLES: &str = "Non puoi cambiare i ruoli del tuo stesso account: chiedilo a un altro amministratore.";

    /// Takes a role away. Never an account's last role (disable the account instead), and never
    /// a role of one's own account, so an administrator always remains.
    pub async fn remove_role(state: &AppState, form: AccountAction) -> Result<FormOutcome, AppError> {
        let (_, user) = auth::permitted(Permission::ManageStaff).await?;
        let now = state.clock.now();
        let begin = state.db.begin_writing();
        let removed: Option<i64> = on_db!(&state.db, pool => {
            let mut tx = pool.begin_with(begin).await?;
            let removed: Option<i64> = sqlx::query_scalar(
                "DELETE FROM staff_roles
                  WHERE id = $1
                    AND user_id <> $2
                    AND (SELECT COUNT(*) FROM staff_roles other WHERE other.user_id = staff_roles.user_id) > 1
                  RETURNING user_id",
            )
            .bind(form.id)
            .bind(user.id)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(account) = removed {
                crate::audit!(
                    &mut *tx,
                    &state.audit_key,
                    now,
                    Entry::new(user.actor(), "utenti.ruolo_tolto").records(RecordKind::StaffAccount, [account])
                )?;
                tx.commit().await?;
            } else {
                tx.rollback().await?;
            }
            removed
        });
        if removed.is_some() {
            return Ok(FormOutcome::Done {
                next: USERS_PATH.to_owned(),
            });
        }
        let mut errors = FieldErrors::new();
        errors.add(
            "id",
            "Questo ruolo non si può togliere: è l'unico dell'account (piuttosto disattiva l'account) o è un tuo ruolo. Se la pagina non è aggiornata, ricaricala.",
        );
        Ok(FormOutcome::Invalid(errors))
    }

    /// Sets which roles must use a second factor (administrators always must).
    pub async fn save_policy(state: &AppState, form: PolicyForm) -> Result<FormOutcome, AppError> {
        let (_, user) = auth::permitted(Permission::ManageStaff).await?;
        let now = state.clock.now();
        let wanted = [
            (Role::Sportello, &form.sportello),
            (Role::AssistenteSociale, &form.assistente_sociale),
            (Role::Coordinatore, &form.coordinatore),
        ];
        let begin = state.db.begin_writing();
        on_db!(&state.db, pool => {
            let mut tx = pool.begin_with(begin).await?;
            for (role, ticked) in wanted {
                sqlx::query("UPDATE role_policies SET requires_totp = $1 WHERE role = $2")
                    .bind(!ticked.is_empty())
                    .bind(role.key())
                    .execute(&mut *tx)
                    .await?;
            }
            crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "utenti.criteri"))?;
            tx.commit().await?;
        });
        Ok(FormOutcome::Done {
            next: format!("{USERS_PATH}?criteri=salvati"),
        })
    }
}
