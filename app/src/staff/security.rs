//! `/operatori/sicurezza`: one's own password and second factor.
//!
//! Enrolling the second factor: the page shows a new secret (as a QR code and as text to type), the
//! person adds it to an authenticator app and types the code the app shows. The secret travels in
//! the form itself: typing a valid code for it is the proof the app holds it, and until then it is
//! stored nowhere.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use super::{PASSWORD_PATH, SECURITY_PATH};
use crate::access::permissions::Permission;
use crate::access::{Me, Setup};
use crate::error::AppError;
use crate::forms::{use_submitted, ErrorSummary, FormState, TextField};
use crate::layout::back_office::{StaffBar, StaffOnly};

/// What the page needs to enrol a second factor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Enrolment {
    pub secret: String,
    pub url: String,
    /// The QR code of `url`, as an SVG image made on the server.
    pub qr_svg: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EnrolForm {
    #[serde(default)]
    pub segreto: String,
    #[serde(default)]
    pub codice_totp: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub nuova_password: String,
    #[serde(default)]
    pub conferma_password: String,
}

/// A new secret to enrol (or the one typed before, when the form comes back to be corrected);
/// nothing when a second factor is already active.
pub async fn new_enrolment(typed_secret: Option<String>) -> Result<Option<Enrolment>, AppError> {
    store::enrolment(typed_secret)
}

const ENROL_LABELS: &[(&str, &str)] = &[("codice_totp", "Codice di verifica")];
const PASSWORD_LABELS: &[(&str, &str)] = &[
    ("password", "Password attuale"),
    ("nuova_password", "Nuova password"),
    ("conferma_password", "Ripeti la nuova password"),
];

#[component]
pub fn SecurityPage() -> impl IntoView {
    view! { <StaffOnly title="Sicurezza dell'account" permission=Permission::OwnAccount signed_in=|me| view! { <Security me /> } /> }
}

#[component]
fn Security(me: Me) -> impl IntoView {
    let query = use_query_map();
    let said = query.with_untracked(|q| {
        if q.get("attivato").is_some() {
            Some("Codice di verifica attivato: da ora ti sarà chiesto a ogni accesso.")
        } else if q.get("password").is_some() {
            Some("Password cambiata. Le altre sessioni aperte con il tuo account sono state chiuse.")
        } else {
            None
        }
    });
    let must_change = me.setup == Some(Setup::ChangePassword);
    view! {
        <StaffBar me=me.clone() />
        <div class="container stretto">
            <h1>"Sicurezza dell'account"</h1>
            {said.map(|said| view! { <p class="alert alert-success" role="status">{said}</p> })}
            {must_change.then(|| view! {
                <p class="alert alert-warning">"Stai usando una password provvisoria: scegline una tua per continuare."</p>
            })}
            <section aria-labelledby="titolo-totp">
                <h2 id="titolo-totp">"Secondo fattore: app di autenticazione"</h2>
                {if me.totp_enrolled {
                    view! { <p>"Il codice di verifica è attivo. Per cambiare telefono chiedi all'amministratore di reimpostarlo."</p> }.into_any()
                } else {
                    view! { <EnrolTotp /> }.into_any()
                }}
            </section>
            <section aria-labelledby="titolo-password" class="mt-5">
                <h2 id="titolo-password">"Cambia la password"</h2>
                <ChangePassword />
            </section>
        </div>
    }
}

#[component]
fn EnrolTotp() -> impl IntoView {
    let submitted = use_submitted(SECURITY_PATH);
    let typed_secret = submitted.values.get("segreto").cloned().filter(|s| !s.is_empty());
    let form = FormState::new(submitted);
    let enrolment = Resource::new(move || typed_secret.clone(), new_enrolment);
    view! {
        <p>
            "Installa sul telefono un'app di autenticazione (per esempio FreeOTP, Google Authenticator o Microsoft "
            "Authenticator), inquadra il codice QR oppure scrivi la chiave, poi inserisci qui le 6 cifre che l'app mostra."
        </p>
        <Suspense fallback=|| view! { <p>"Caricamento…"</p> }>
            {move || Suspend::new(async move {
                match enrolment.await {
                    Ok(Some(enrolment)) => view! {
                        <figure class="codice-qr" role="img" aria-label="Codice QR da inquadrare con l'app di autenticazione">
                            <div inner_html=enrolment.qr_svg.clone()></div>
                        </figure>
                        <p>"Chiave da scrivere nell'app: "<code class="chiave-totp">{enrolment.secret.clone()}</code></p>
                        <ErrorSummary form labels=ENROL_LABELS />
                        <form method="post" action=SECURITY_PATH novalidate>
                            <input type="hidden" name="segreto" value=enrolment.secret.clone() />
                            <TextField form name="codice_totp" label="Codice di verifica" hint="Le 6 cifre che l'app mostra ora." autocomplete="one-time-code" required=true max_length=6 />
                            <button type="submit" class="btn btn-primary">"Attiva il codice di verifica"</button>
                        </form>
                    }
                    .into_any(),
                    Ok(None) => view! { <p>"Il codice di verifica è già attivo."</p> }.into_any(),
                    Err(error) => view! { <p class="alert alert-danger" role="alert">{error.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ChangePassword() -> impl IntoView {
    let form = FormState::new(use_submitted(PASSWORD_PATH));
    view! {
        <ErrorSummary form labels=PASSWORD_LABELS />
        <form method="post" action=PASSWORD_PATH novalidate>
            <TextField form name="password" label="Password attuale" kind="password" autocomplete="current-password" required=true max_length=128 />
            <TextField form name="nuova_password" label="Nuova password" kind="password" autocomplete="new-password" hint="Almeno 12 caratteri; meglio una frase che ricordi." required=true max_length=128 />
            <TextField form name="conferma_password" label="Ripeti la nuova password" kind="password" autocomplete="new-password" required=true max_length=128 />
            <button type="submit" class="btn btn-primary">"Cambia la password"</button>
        </form>
    }
}

/// The second factor being set up: its secret and the QR code to scan.
pub mod store {
    use super::*;
    use crate::access::{auth, totp};

    use crate::state::AppState;

    fn qr_svg(url: &str) -> String {
        match qrcode::QrCode::new(url.as_bytes()) {
            Ok(code) => code
                .render::<qrcode::render::svg::Color>()
                .min_dimensions(220, 220)
                .quiet_zone(true)
                .build(),
            Err(_) => String::new(),
        }
    }

    pub fn enrolment(typed_secret: Option<String>) -> Result<Option<Enrolment>, AppError> {
        let (_, user) = auth::signed_in()?;
        if user.totp_secret.is_some() {
            return Ok(None);
        }
        let state = AppState::current();
        // A secret typed back must still be a valid one; otherwise start again with a new one.
        let secret = typed_secret
            .filter(|s| totp::enrolment_url(s, &user.username, "x").is_some())
            .unwrap_or_else(totp::new_secret);
        let issuer = format!("Sportello {}", state.organisation_name());
        let url = totp::enrolment_url(&secret, &user.username, &issuer).unwrap_or_default();
        Ok(Some(Enrolment {
            qr_svg: qr_svg(&url),
            secret,
            url,
        }))
    }
}

/// Confirming the second factor, changing one's password.
pub mod actions {
    use super::*;
    use crate::access::{accounts, auth, totp};
    use crate::audit::RecordKind;
    use crate::audit::{self, Entry};
    use crate::forms::{FieldErrors, FormOutcome};
    use crate::on_db;
    use crate::state::AppState;

    pub async fn enrol(state: &AppState, form: EnrolForm) -> Result<FormOutcome, AppError> {
        let (_, user) = auth::permitted(Permission::OwnAccount).await?;
        let now = state.clock.now();
        let mut errors = FieldErrors::new();
        if user.totp_secret.is_some() {
            errors.add("codice_totp", "Il codice di verifica è già attivo.");
            return Ok(FormOutcome::Invalid(errors));
        }
        if !totp::enrol(
            &state.db,
            &state.data_keys,
            user.id,
            form.segreto.trim(),
            &form.codice_totp,
            now,
        )
        .await?
        {
            errors.add(
                "codice_totp",
                "Il codice non corrisponde. Controlla che l'orario del telefono sia esatto e scrivi le 6 cifre mostrate ora.",
            );
            return Ok(FormOutcome::Invalid(errors));
        }
        audit::record_alone(
            &state.db,
            &state.audit_key,
            now,
            &Entry::new(user.actor(), "sicurezza.totp").records(RecordKind::StaffAccount, [user.id]),
        )
        .await?;
        Ok(FormOutcome::Done {
            next: format!("{SECURITY_PATH}?attivato=1"),
        })
    }

    pub async fn change_password(state: &AppState, form: PasswordForm) -> Result<FormOutcome, AppError> {
        let (mut staff, user) = auth::permitted(Permission::OwnAccount).await?;
        let now = state.clock.now();
        let mut errors = FieldErrors::new();
        if let Some(problem) = accounts::password_problem(&form.nuova_password, &user.username) {
            errors.add("nuova_password", problem);
        } else if form.nuova_password != form.conferma_password {
            errors.add(
                "conferma_password",
                "Le due password non coincidono: scrivi la stessa password due volte.",
            );
        } else if form.nuova_password == form.password {
            errors.add(
                "nuova_password",
                "La nuova password deve essere diversa da quella attuale.",
            );
        }
        if !accounts::verify_password(form.password.clone(), Some(user.password_hash.clone())).await? {
            errors.add("password", "La password attuale non è corretta.");
        }
        if !errors.is_empty() {
            return Ok(FormOutcome::Invalid(errors));
        }
        let hash = accounts::hash_password(form.nuova_password).await;
        let begin = state.db.begin_writing();
        on_db!(&state.db, pool => {
            let mut tx = pool.begin_with(begin).await?;
            sqlx::query(
                "UPDATE staff_users SET password_hash = $1, must_change_password = FALSE, session_epoch = session_epoch + 1
                  WHERE id = $2",
            )
            .bind(&hash)
            .bind(user.id)
            .execute(&mut *tx)
            .await?;
            crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "sicurezza.password").records(RecordKind::StaffAccount, [user.id]))?;
            tx.commit().await?;
        });
        // Every other session has ended with the new password; this one goes on under a new id.
        if let Some(updated) = accounts::by_id(&state.db, user.id).await? {
            staff
                .browser_session()?
                .login(&updated)
                .await
                .map_err(|e| AppError::internal("session store error", &e))?;
        }
        Ok(FormOutcome::Done {
            next: format!("{SECURITY_PATH}?password=1"),
        })
    }
}
