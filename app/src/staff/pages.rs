//! `/operatori`: the sign-in form for whoever is not signed in, each person's home otherwise.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::permissions::{Permission, Role};
use super::{
    load_visitor, Me, Setup, Visitor, AGENDA_PATH, AUDIT_PATH, CATALOGUE_PATH, FEEDBACK_PATH, HOME_PATH, MAIL_PATH,
    OFFICES_PATH, REGISTERS_PATH, SECURITY_PATH, SIGN_OUT_PATH, USERS_PATH,
};
use crate::error::AppError;
use crate::forms::{use_submitted, ErrorSummary, FormState, TextField};

const SIGN_IN_LABELS: &[(&str, &str)] = &[
    ("utente", "Nome utente"),
    ("password", "Password"),
    ("codice_totp", "Codice di verifica"),
];

/// Loads who is looking, then shows `signed_in` for a signed-in person who holds `permission`,
/// the sign-in page for someone not signed in, and a refusal (recorded, status 403) to anyone
/// else. The access layer refuses such a visit first; this is the wall behind it, for a page
/// reached by a spelling of its address or a form that the layer did not place.
#[component]
pub fn StaffOnly<V, F>(title: &'static str, permission: Permission, signed_in: F) -> impl IntoView
where
    F: FnOnce(Me) -> V + Send + 'static,
    V: IntoView + 'static,
{
    let who = Resource::new(|| (), |_| load_visitor());
    // Not a reactive closure: the page's own component (and the resources it creates, whose loads
    // are audited) is made once per visit, not again when `who` resolves.
    view! {
        <Suspense fallback=|| view! { <p>"Caricamento…"</p> }>
            {Suspend::new(async move {
                match who.await {
                    Ok(Visitor::SignedIn(me)) if me.may_open(permission) => {
                        view! { <Title text=title /> {signed_in(me)} }.into_any()
                    }
                    Ok(Visitor::SignedIn(_)) => {
                        // Records the refusal and marks the answer 403.
                        let _ = super::auth::permitted(permission).await;
                        view! {
                            <Title text="Accesso non consentito" />
                            <div class="container stretto">
                                <h1>"Accesso non consentito"</h1>
                                <p>{REFUSED}</p>
                            </div>
                        }
                        .into_any()
                    }
                    Ok(Visitor::SignedOut { expired }) => view! { <SignIn expired /> }.into_any(),
                    Err(error) => view! {
                        <Title text="Errore" />
                        <div class="container stretto"><p class="alert alert-danger" role="alert">{error.to_string()}</p></div>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

/// What a person reads when their role does not open a page.
pub const REFUSED: &str =
    "Il tuo ruolo non permette di aprire questa pagina. Se ti serve per il tuo lavoro, chiedi al \
     coordinatore o all'amministratore.";

/// Waits for a page's data and shows `body` with it, or the error as one plain sentence. Not a
/// reactive closure: the body is made once per visit (its forms keep what was typed).
#[component]
pub fn Loaded<T, V, F>(data: Resource<Result<T, AppError>>, body: F) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    F: FnOnce(T) -> V + Send + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=|| view! { <p>"Caricamento…"</p> }>
            {Suspend::new(async move {
                match data.await {
                    Ok(value) => body(value).into_any(),
                    Err(error) => {
                        // A record that does not exist answers 404, as an unknown address does.
                        if error == AppError::NotFound {
                            if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                                response.set_status(http::StatusCode::NOT_FOUND);
                            }
                        }
                        view! { <p class="alert alert-danger" role="alert">{error.to_string()}</p> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn StaffHomePage() -> impl IntoView {
    view! { <StaffOnly title="Area operatori" permission=Permission::OwnAccount signed_in=|me| view! { <Home me /> } /> }
}

#[component]
fn SignIn(expired: bool) -> impl IntoView {
    let submitted = use_submitted(HOME_PATH);
    let has_errors = !submitted.errors.is_empty();
    let form = FormState::new(submitted);
    let signed_out = use_query_map().with_untracked(|q| q.get("uscito").is_some());
    view! {
        <Title text=if has_errors { "Errore: accesso operatori" } else { "Accesso operatori" } />
        <div class="container stretto">
            <h1>"Accesso operatori"</h1>
            <p class="lead">"Area riservata al personale dei servizi sociali."</p>
            {expired.then(|| view! {
                <p class="alert alert-info" role="status">"La sessione è scaduta per inattività o durata massima: accedi di nuovo."</p>
            })}
            {signed_out.then(|| view! { <p class="alert alert-success" role="status">"Sei uscito dall'area operatori."</p> })}
            <ErrorSummary form labels=SIGN_IN_LABELS />
            <form method="post" action=HOME_PATH novalidate>
                <TextField form name="utente" label="Nome utente" autocomplete="username" required=true max_length=64 />
                <TextField form name="password" label="Password" kind="password" autocomplete="current-password" required=true max_length=128 />
                <TextField
                    form
                    name="codice_totp"
                    label="Codice di verifica"
                    hint="Le 6 cifre dell'app di autenticazione, se l'hai attivata."
                    autocomplete="one-time-code"
                    max_length=6
                />
                <button type="submit" class="btn btn-primary">"Accedi"</button>
            </form>
            <p class="mt-4">"Hai dimenticato la password? Chiedi all'amministratore del servizio di reimpostarla."</p>
        </div>
    }
}

/// The back office's pages and who may open them, as (permission, address, name, what it is for):
/// the navigation bar and the home's cards both list them.
const PAGES: &[(Permission, &str, &str, &str)] = &[
    (
        Permission::RunAgenda,
        AGENDA_PATH,
        "Agenda della sede",
        "Gli appuntamenti del giorno, gli arrivi e le prenotazioni per telefono.",
    ),
    (
        Permission::Triage,
        crate::triage::LIST_PATH,
        "Richieste",
        "Le richieste registrate dalla sede, il loro stato, e le nuove senza appuntamento.",
    ),
    (
        Permission::WorkQueue,
        crate::queues::QUEUE_PATH,
        "Coda dell'unità",
        "Le richieste in attesa, dalla più urgente: prendile in carico.",
    ),
    (
        Permission::CoordinateQueue,
        crate::dashboard::DASHBOARD_PATH,
        "Cruscotto dell'unità",
        "Coda, scadenze del Tribunale, carichi di lavoro e andamento delle settimane.",
    ),
    (
        Permission::CaseFiles,
        crate::cases::CASES_PATH,
        "Casi",
        "Le famiglie che segui: fascicolo, équipe e diario.",
    ),
    (
        Permission::ReadMailProblems,
        MAIL_PATH,
        "Email non recapitate",
        "Conferme e promemoria che non sono arrivati ai cittadini.",
    ),
    (
        Permission::ManageStaff,
        USERS_PATH,
        "Utenti del personale",
        "Account, ruoli, password provvisorie e codici di verifica.",
    ),
    (
        Permission::ManageOffices,
        OFFICES_PATH,
        "Sedi e orari",
        "Regole delle prenotazioni, orari settimanali e chiusure di ogni sede.",
    ),
    (
        Permission::ManageRegisters,
        REGISTERS_PATH,
        "Comuni, unità e argomenti",
        "Gli elenchi tra cui scelgono i cittadini e il personale.",
    ),
    (
        Permission::ManageContent,
        CATALOGUE_PATH,
        "Pagine del sito",
        "Schede dei servizi e pagine informative: modifica, anteprima e versioni.",
    ),
    (
        Permission::ManageContent,
        FEEDBACK_PATH,
        "Valutazioni delle pagine",
        "Quanto i cittadini trovano chiare le pagine, e perché.",
    ),
    (
        Permission::ReadAuditTrail,
        AUDIT_PATH,
        "Registro degli accessi",
        "Chi ha letto o cambiato cosa, e la verifica dell'integrità.",
    ),
    (
        Permission::OwnAccount,
        SECURITY_PATH,
        "Sicurezza dell'account",
        "Password e codice di verifica (app di autenticazione).",
    ),
];

/// The pages `me` may open now, as (address, name, what it is for): from the permission table,
/// so neither the menu nor the home ever offers a page the person's roles cannot open (nor, while
/// a password or second factor is still to be set, any page but their own account's).
fn pages_of(me: &Me) -> impl Iterator<Item = (&'static str, &'static str, &'static str)> + '_ {
    PAGES
        .iter()
        .filter(|(permission, ..)| me.may_open(*permission))
        .map(|(_, href, name, text)| (*href, *name, *text))
}

/// The back office's bar under its header, on every back-office page: who is signed in and in
/// which role, signing out, and the menu of the pages their role opens (the current one marked).
#[component]
pub fn StaffBar(me: Me) -> impl IntoView {
    let here = leptos_router::hooks::use_location().pathname.get_untracked();
    let links: Vec<(&'static str, &'static str)> = std::iter::once((HOME_PATH, "Home"))
        .chain(pages_of(&me).map(|(href, label, _)| (href, label)))
        .collect();
    let roles = me.roles.iter().map(|r| r.label()).collect::<Vec<_>>().join(", ");
    view! {
        <div class="barra-operatori">
            <div class="container chi-e-uscita">
                <p class="mb-0">
                    <strong>{me.display_name.clone()}</strong>
                    <span class="ruolo">{roles}</span>
                </p>
                <form method="post" action=SIGN_OUT_PATH>
                    <button type="submit" class="btn btn-sm btn-outline-primary">"Esci"</button>
                </form>
            </div>
            <nav class="container" aria-label="Menu dell'area operatori">
                <ul class="nav menu-operatori">
                    {links
                        .into_iter()
                        .map(|(href, label)| {
                            let current = here.eq_ignore_ascii_case(href).then_some("page");
                            view! {
                                <li class="nav-item">
                                    <a class="nav-link" class:active=current.is_some() href=href aria-current=current>{label}</a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </div>
    }
}

#[component]
fn Home(me: Me) -> impl IntoView {
    let setup = me.setup;
    let first_name = me.display_name.clone();
    let cards: Vec<_> = pages_of(&me).collect();
    let is_admin = me.roles.contains(&Role::Amministratore);
    let runs_agenda = setup.is_none() && me.may(Permission::RunAgenda);
    let follows_cases = setup.is_none() && me.may(Permission::CaseFiles);
    view! {
        <StaffBar me=me.clone() />
        <div class="container">
            <h1>"Buongiorno, "{first_name}</h1>
            {setup.map(|setup| {
                let (what, why) = match setup {
                    Setup::ChangePassword => ("Scegli una nuova password.", "Ti è stata data una password provvisoria."),
                    Setup::EnrolTotp => ("Attiva il codice di verifica.", "Il tuo ruolo richiede il secondo fattore di accesso."),
                };
                view! {
                    <div class="alert alert-warning" role="status">
                        <p class="mb-0">{why}" "<a href=SECURITY_PATH>{what}</a>" Fino ad allora le altre pagine non sono disponibili."</p>
                    </div>
                }
            })}
            // The front desk's day comes first: it is what the desk works from.
            {runs_agenda.then(|| view! { <super::agenda::Agenda embedded=true /> })}
            // A social worker's day starts from what is late and what is due.
            {follows_cases.then(|| view! { <crate::cases::DueWork /> })}
            {is_admin.then(|| view! {
                <p>"Come amministratore gestisci il sistema; le cartelle dei casi restano riservate a chi segue la famiglia."</p>
            })}
            <ul class="elenco-schede">
                {cards.into_iter().map(|(href, title, text)| view! {
                    <li class="card card-bg">
                        <div class="card-body">
                            <h2 class="h5 card-title"><a href=href>{title}</a></h2>
                            <p class="card-text">{text}</p>
                        </div>
                    </li>
                }).collect_view()}
            </ul>
        </div>
    }
}
