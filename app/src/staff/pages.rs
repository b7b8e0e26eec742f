//! `/operatori`: each person's home (the frame shows the sign-in form to whoever is not signed in),
//! and the back office's menu.

use leptos::prelude::*;

use super::{AUDIT_PATH, MAIL_PATH, OFFICES_PATH, REGISTERS_PATH, SECURITY_PATH, USERS_PATH};
use crate::access::permissions::{Permission, Role};
use crate::access::{Me, Setup};
use crate::booking::AGENDA_PATH;
use crate::layout::back_office::{pages_of, MenuEntry, StaffBar, StaffOnly};

#[component]
pub fn StaffHomePage() -> impl IntoView {
    view! { <StaffOnly title="Area operatori" permission=Permission::OwnAccount signed_in=|me| view! { <Home me /> } /> }
}

/// The back office's pages and who may open them: the navigation bar (`site.rs` gives it to the
/// frame) and the home's cards both list them.
pub const MENU: &[MenuEntry] = &[
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
        crate::catalogue::EDITOR_PATH,
        "Pagine del sito",
        "Schede dei servizi e pagine informative: modifica, anteprima e versioni.",
    ),
    (
        Permission::ManageContent,
        crate::catalogue::TRANSLATIONS_PATH,
        "Traduzioni delle pagine",
        "Le pagine nelle altre lingue: cosa manca, cosa è da aggiornare, cosa va fatto rileggere.",
    ),
    (
        Permission::ManageContent,
        crate::feedback::REPORT_PATH,
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

#[component]
fn Home(me: Me) -> impl IntoView {
    let setup = me.setup;
    let first_name = me.display_name.clone();
    let cards: Vec<_> = pages_of(&me, MENU).collect();
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
            {runs_agenda.then(|| view! { <crate::desk::pages::Agenda embedded=true /> })}
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
