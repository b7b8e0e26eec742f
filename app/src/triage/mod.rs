//! Triage: after the interview the front desk records its outcome — information only, or a
//! request (richiesta) for the family, routed to a unit's queue — and registers requests that come
//! without an appointment: at the desk, referred by a school or a doctor, or ordered by a court.
//!
//! The family and its persons are found again when they already exist (by codice fiscale, or name
//! and date of birth), and the operator confirms the match. A family the unit already follows
//! skips the queue: the request goes to its case's responsible worker, flagged as new. Each topic
//! suggests a unit and an urgency (routing rules kept as data, edited by administrators); the
//! operator confirms or changes them. After routing, the desk sees the request's state and
//! history, never the case file.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::access::permissions::Permission;
use crate::error::AppError;
use crate::forms::{use_submitted, ChoiceField, ErrorSummary, FormState, SelectField, TextArea, TextField};
use crate::layout::back_office::{Loaded, StaffBar, StaffOnly};

pub mod actions;
pub mod store;

pub const NEW_PATH: &str = "/operatori/richieste/nuova";
pub const INFO_ONLY_PATH: &str = "/operatori/richieste/solo-informazioni";
pub const LIST_PATH: &str = "/operatori/richieste";
pub const DETAIL_PATH: &str = "/operatori/richieste/dettaglio";
pub const REROUTE_PATH: &str = "/operatori/richieste/reindirizza";

/// The form page a triage post came from (the interview's, or the origin's), shown again when
/// something must be corrected.
pub fn new_request_page(values: &BTreeMap<String, String>) -> Option<String> {
    let get = |name: &str| crate::links::query_value(values.get(name).map_or("", String::as_str));
    Some(match values.get("prenotazione").filter(|booking| !booking.is_empty()) {
        Some(_) => format!("{NEW_PATH}?prenotazione={}", get("prenotazione")),
        None => format!("{NEW_PATH}?origine={}", get("origine")),
    })
}

/// The request page a re-route came from.
pub fn detail_page(values: &BTreeMap<String, String>) -> Option<String> {
    values
        .get("id")
        .map(|id| format!("{DETAIL_PATH}?id={}", crate::links::query_value(id)))
}

crate::vocabulary! {
    /// Where a request comes from.
    pub enum Origin {
        Appointment = ("appuntamento", "Dopo un colloquio"),
        Spontaneous = ("spontanea", "Richiesta spontanea allo sportello"),
        Referral = ("segnalazione", "Segnalazione di un servizio"),
        CourtMandate = ("mandato", "Mandato dell'Autorità Giudiziaria"),
    }
}

crate::vocabulary! {
    /// How soon a request must be answered; the queues put the urgent first.
    pub enum Urgency {
        Ordinary = ("ordinaria", "Ordinaria"),
        Priority = ("prioritaria", "Prioritaria"),
        Urgent = ("urgente", "Urgente (grave pregiudizio per un minore)"),
    }
}

crate::vocabulary! {
    /// A person's role in their family, as staff read it.
    pub enum FamilyRole {
        Parent = ("genitore", "Genitore"),
        Child = ("figlio", "Figlio o figlia"),
        Guardian = ("tutore", "Tutore"),
        Other = ("altro", "Altro familiare"),
    }
}

crate::vocabulary! {
    /// Who reported a family to the service.
    pub enum Referrer {
        School = ("scuola", "Scuola"),
        Doctor = ("pediatra", "Pediatra o medico"),
        Hospital = ("ospedale", "Ospedale"),
        HealthAuthority = ("ats", "ATS / ASL"),
        OtherService = ("altro_servizio", "Altro servizio"),
    }
}

crate::vocabulary! {
    /// What a court's mandate asks of the service.
    pub enum CourtRequest {
        Assessment = ("indagine psico-sociale", "Indagine psico-sociale"),
        Report = ("relazione", "Relazione sulla situazione del minore"),
        Supervision = ("vigilanza", "Vigilanza e sostegno al nucleo"),
        Other = ("altro", "Altro (scritto nelle note)"),
    }
}

/// How many persons the form takes at once (more can be added to the case later).
pub const PERSON_ROWS: usize = 4;

/// Each person row's fields: role, given name, surname, birth date, codice fiscale, and the answer
/// to "is this the person we already have?".
pub const PERSON_FIELDS: [[&str; 6]; PERSON_ROWS] = [
    ["p1_ruolo", "p1_nome", "p1_cognome", "p1_nascita", "p1_cf", "p1_stessa"],
    ["p2_ruolo", "p2_nome", "p2_cognome", "p2_nascita", "p2_cf", "p2_stessa"],
    ["p3_ruolo", "p3_nome", "p3_cognome", "p3_nascita", "p3_cf", "p3_stessa"],
    ["p4_ruolo", "p4_nome", "p4_cognome", "p4_nascita", "p4_cf", "p4_stessa"],
];

const PERSON_LABELS: [[(&str, &str); 6]; PERSON_ROWS] = [
    [
        ("p1_ruolo", "Persona 1: ruolo"),
        ("p1_nome", "Persona 1: nome"),
        ("p1_cognome", "Persona 1: cognome"),
        ("p1_nascita", "Persona 1: data di nascita"),
        ("p1_cf", "Persona 1: codice fiscale"),
        ("p1_stessa", "Persona 1: è la stessa persona?"),
    ],
    [
        ("p2_ruolo", "Persona 2: ruolo"),
        ("p2_nome", "Persona 2: nome"),
        ("p2_cognome", "Persona 2: cognome"),
        ("p2_nascita", "Persona 2: data di nascita"),
        ("p2_cf", "Persona 2: codice fiscale"),
        ("p2_stessa", "Persona 2: è la stessa persona?"),
    ],
    [
        ("p3_ruolo", "Persona 3: ruolo"),
        ("p3_nome", "Persona 3: nome"),
        ("p3_cognome", "Persona 3: cognome"),
        ("p3_nascita", "Persona 3: data di nascita"),
        ("p3_cf", "Persona 3: codice fiscale"),
        ("p3_stessa", "Persona 3: è la stessa persona?"),
    ],
    [
        ("p4_ruolo", "Persona 4: ruolo"),
        ("p4_nome", "Persona 4: nome"),
        ("p4_cognome", "Persona 4: cognome"),
        ("p4_nascita", "Persona 4: data di nascita"),
        ("p4_cf", "Persona 4: codice fiscale"),
        ("p4_stessa", "Persona 4: è la stessa persona?"),
    ],
];

/// Every field of the request form with the words the error summary uses.
pub const REQUEST_LABELS: &[(&str, &str)] = &[
    ("comune", "Comune di residenza della famiglia"),
    ("persone", "Persone"),
    PERSON_LABELS[0][0],
    PERSON_LABELS[0][1],
    PERSON_LABELS[0][2],
    PERSON_LABELS[0][3],
    PERSON_LABELS[0][4],
    PERSON_LABELS[0][5],
    PERSON_LABELS[1][0],
    PERSON_LABELS[1][1],
    PERSON_LABELS[1][2],
    PERSON_LABELS[1][3],
    PERSON_LABELS[1][4],
    PERSON_LABELS[1][5],
    PERSON_LABELS[2][0],
    PERSON_LABELS[2][1],
    PERSON_LABELS[2][2],
    PERSON_LABELS[2][3],
    PERSON_LABELS[2][4],
    PERSON_LABELS[2][5],
    PERSON_LABELS[3][0],
    PERSON_LABELS[3][1],
    PERSON_LABELS[3][2],
    PERSON_LABELS[3][3],
    PERSON_LABELS[3][4],
    PERSON_LABELS[3][5],
    ("argomento", "Bisogno"),
    ("urgenza", "Urgenza"),
    ("unita", "Unità a cui va la richiesta"),
    ("segnalante_tipo", "Chi segnala"),
    ("segnalante_nome", "Nome del servizio o della persona che segnala"),
    ("segnalante_recapito", "Recapito di chi segnala"),
    ("tribunale", "Autorità Giudiziaria"),
    ("decreto_numero", "Numero del decreto"),
    ("decreto_data", "Data del decreto"),
    ("richiesta_ag", "Che cosa chiede l'Autorità Giudiziaria"),
    ("scadenza", "Scadenza della relazione"),
    ("note", "Note"),
];

const INFO_LABELS: &[(&str, &str)] = &[("nota", "Che cosa è stato spiegato")];

/// The appointment the outcome is for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterviewSummary {
    pub id: i64,
    pub code: String,
    pub when: String,
    pub name: String,
    pub topic: String,
}

/// A topic with the unit and urgency it suggests.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoutingRule {
    pub topic: String,
    pub unit: String,
    pub urgency: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewRequestView {
    pub origin: Origin,
    pub interview: Option<InterviewSummary>,
    pub comuni: Vec<(String, String)>,
    pub topics: Vec<(String, String)>,
    pub units: Vec<(String, String)>,
    pub rules: Vec<RoutingRule>,
    /// What the form starts with (the appointment's person, topic and its suggestions).
    pub start: BTreeMap<String, String>,
}

pub async fn load_new_request(prenotazione: Option<i64>, origine: Option<String>) -> Result<NewRequestView, AppError> {
    store::new_request(prenotazione, origine).await
}

#[component]
pub fn NewRequestPage() -> impl IntoView {
    view! { <StaffOnly title="Esito e richiesta" permission=Permission::Triage signed_in=|me| view! { <StaffBar me /> <NewRequest /> } /> }
}

#[component]
fn NewRequest() -> impl IntoView {
    let submitted = use_submitted(NEW_PATH);
    let (mut booking, mut origin) = use_query_map().with_untracked(|q| {
        (
            q.get("prenotazione").and_then(|id| id.parse::<i64>().ok()),
            q.get("origine"),
        )
    });
    if !submitted.form.is_empty() {
        booking = submitted.values.get("prenotazione").and_then(|id| id.parse().ok());
        origin = submitted.values.get("origine").cloned();
    }
    let data = Resource::new(move || (booking, origin.clone()), |(b, o)| load_new_request(b, o));
    view! {
        <div class="container">
            <Loaded data body=|view| view! { <NewRequestBody view /> } />
        </div>
    }
}

#[component]
fn NewRequestBody(view: NewRequestView) -> impl IntoView {
    let NewRequestView {
        origin,
        interview,
        comuni,
        topics,
        units,
        rules,
        start,
    } = view;
    let form = FormState::editing(use_submitted(NEW_PATH), start);
    let booking_id = interview.as_ref().map(|i| i.id.to_string()).unwrap_or_default();
    let title = match &interview {
        Some(_) => "Esito del colloquio".to_owned(),
        None => format!("Nuova richiesta: {}", origin.label().to_lowercase()),
    };
    view! {
        <h1>{title}</h1>
        {interview.clone().map(|i| view! {
            <p class="lead">{i.name}" — "{i.when}" — codice "{i.code}<br />"Argomento scelto alla prenotazione: "{i.topic}</p>
            <InfoOnlyForm booking=i.id />
            <h2 class="mt-5">"Presa in carico"</h2>
            <p>"Se la famiglia ha bisogno che un'unità la segua, registra la richiesta: va nella coda dell'unità scelta."</p>
        })}
        <div class="stretto">
            <ErrorSummary form labels=REQUEST_LABELS />
            <form method="post" action=NEW_PATH novalidate>
                <input type="hidden" name="origine" value=origin.key() />
                <input type="hidden" name="prenotazione" value=booking_id />
                {(origin == Origin::Referral).then(|| view! {
                    <fieldset class="mb-4">
                        <legend class="h5">"Chi segnala"</legend>
                        <SelectField form name="segnalante_tipo" label="Chi segnala" options=Referrer::CHOICES required=true />
                        <TextField form name="segnalante_nome" label="Nome del servizio o della persona che segnala" hint="Per esempio «Istituto comprensivo Garibaldi, la dirigente»." required=true max_length=200 />
                        <TextField form name="segnalante_recapito" label="Recapito di chi segnala" hint="Telefono o email, per ricontattare chi segnala." max_length=200 />
                    </fieldset>
                }.into_any())}
                {(origin == Origin::CourtMandate).then(|| view! {
                    <fieldset class="mb-4">
                        <legend class="h5">"Il mandato"</legend>
                        <TextField form name="tribunale" label="Autorità Giudiziaria" hint="Per esempio «Tribunale per i Minorenni di Milano»." required=true max_length=200 />
                        <TextField form name="decreto_numero" label="Numero del decreto" required=true max_length=60 />
                        <TextField form name="decreto_data" label="Data del decreto" kind="date" required=true />
                        <SelectField form name="richiesta_ag" label="Che cosa chiede l'Autorità Giudiziaria" options=CourtRequest::CHOICES required=true />
                        <TextField form name="scadenza" label="Scadenza della relazione" kind="date" hint="Il mandato segue la richiesta ovunque, con la sua scadenza. Con un mandato il consenso della famiglia non è necessario." required=true />
                    </fieldset>
                }.into_any())}
                <fieldset class="mb-4">
                    <legend class="h5">"La famiglia"</legend>
                    <ChoiceField form name="comune" label="Comune di residenza della famiglia" options=comuni required=true />
                    <p class="form-text">"Scrivi le persone della famiglia che la richiesta riguarda, almeno un figlio o una figlia: per ognuna servono nome, cognome e data di nascita; le righe lasciate vuote non contano. Se una persona è già conosciuta dal servizio, te la mostriamo perché tu confermi che è lei."</p>
                    {(0..PERSON_ROWS).map(|row| view! { <PersonRow form row /> }).collect_view()}
                </fieldset>
                <fieldset class="mb-4">
                    <legend class="h5">"Il bisogno e lo smistamento"</legend>
                    <ChoiceField form name="argomento" label="Bisogno" options=topics required=true />
                    <SelectField form name="urgenza" label="Urgenza" options=Urgency::CHOICES required=true />
                    <ChoiceField form name="unita" label="Unità a cui va la richiesta" options=units hint="Suggerita dal bisogno (vedi le regole qui sotto): confermala o cambiala." required=true />
                    <details class="mb-4">
                        <summary>"Regole di smistamento: bisogno, unità e urgenza suggerite"</summary>
                        <ul>
                            {rules.into_iter().map(|rule| view! { <li>{rule.topic}": "{rule.unit}", "{rule.urgency}</li> }).collect_view()}
                        </ul>
                    </details>
                    <TextArea form name="note" label="Note" hint="Quello che l'unità deve sapere per cominciare. Al massimo 2000 caratteri." max_chars=2000 />
                </fieldset>
                <button type="submit" class="btn btn-primary">"Registra la richiesta"</button>
            </form>
        </div>
    }
    .into_any()
}

/// "Solo informazioni": the interview ends here, with a note of what was explained.
#[component]
fn InfoOnlyForm(booking: i64) -> impl IntoView {
    let form = FormState::new(use_submitted(INFO_ONLY_PATH));
    view! {
        <section aria-labelledby="titolo-informazioni" class="stretto mt-4">
            <h2 id="titolo-informazioni">"Solo informazioni"</h2>
            <ErrorSummary form labels=INFO_LABELS />
            <form method="post" action=INFO_ONLY_PATH novalidate>
                <input type="hidden" name="prenotazione" value=booking.to_string() />
                <TextArea form name="nota" label="Che cosa è stato spiegato" hint="Una nota breve, per chi rivedrà l'appuntamento. Al massimo 500 caratteri." max_chars=500 required=true />
                <button type="submit" class="btn btn-outline-primary">"Chiudi con solo informazioni"</button>
            </form>
        </section>
    }
    .into_any()
}

#[component]
fn PersonRow(form: FormState, row: usize) -> impl IntoView {
    let [role, given, family, born, cf, same] = PERSON_FIELDS[row];
    let asks_match = form.error(same).is_some();
    view! {
        <fieldset class="border rounded p-3 mb-3">
            <legend class="h6 float-none w-auto px-2">{format!("Persona {}", row + 1)}</legend>
            <SelectField form name=role label="Ruolo" options=FamilyRole::CHOICES />
            <TextField form name=given label="Nome" max_length=100 />
            <TextField form name=family label="Cognome" max_length=100 />
            <TextField form name=born label="Data di nascita" kind="date" />
            <TextField form name=cf label="Codice fiscale" hint="Se lo conosci: serve a ritrovare la persona." max_length=16 />
            {asks_match.then(|| view! { <SelectField form name=same label="È la stessa persona?" options=SAME_PERSON /> })}
        </fieldset>
    }
    .into_any()
}

const SAME_PERSON: &[(&str, &str)] = &[("si", "Sì, è la stessa persona"), ("no", "No, è un'altra persona")];

/// A request in the desk's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestLine {
    pub id: i64,
    pub created: String,
    pub origin: String,
    pub family: String,
    pub unit: String,
    pub urgency: String,
    pub state: String,
    pub deadline: Option<String>,
}

pub async fn load_requests() -> Result<Vec<RequestLine>, AppError> {
    store::list().await
}

#[component]
pub fn RequestsPage() -> impl IntoView {
    view! { <StaffOnly title="Richieste registrate" permission=Permission::Triage signed_in=|me| view! { <StaffBar me /> <Requests /> } /> }
}

/// The state as the desk reads it.
pub fn state_label(state: &str, flagged: bool) -> &'static str {
    match (state, flagged) {
        ("in_coda", _) => "In coda",
        ("restituita", _) => "Restituita allo sportello: da smistare di nuovo",
        ("assegnata", true) => "All'operatore del caso già aperto",
        ("assegnata", false) => "Presa in carico da un operatore",
        ("chiusa", _) => "Chiusa",
        _ => "",
    }
}

#[component]
fn Requests() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_requests());
    view! {
        <div class="container">
            <h1>"Richieste registrate"</h1>
            <p>
                <a class="btn btn-outline-primary me-2 mb-2" href=format!("{NEW_PATH}?origine=spontanea")>"Richiesta spontanea"</a>
                <a class="btn btn-outline-primary me-2 mb-2" href=format!("{NEW_PATH}?origine=segnalazione")>"Segnalazione di un servizio"</a>
                <a class="btn btn-outline-primary mb-2" href=format!("{NEW_PATH}?origine=mandato")>"Mandato dell'Autorità Giudiziaria"</a>
            </p>
            <Loaded data body=|lines| view! { <RequestTable lines /> } />
        </div>
    }
}

#[component]
fn RequestTable(lines: Vec<RequestLine>) -> impl IntoView {
    if lines.is_empty() {
        view! { <p>"Nessuna richiesta registrata dalla tua sede."</p> }.into_any()
    } else {
        view! {
                    <div class="table-responsive">
                        <table class="table">
                            <caption>"Richieste registrate dalla tua sede, dalla più recente"</caption>
                            <thead><tr><th scope="col">"Registrata"</th><th scope="col">"Origine"</th><th scope="col">"Famiglia"</th><th scope="col">"Unità"</th><th scope="col">"Urgenza"</th><th scope="col">"Stato"</th></tr></thead>
                            <tbody>
                                {lines.into_iter().map(|line| view! {
                                    <tr>
                                        <td><a href=format!("{DETAIL_PATH}?id={}", line.id)>{line.created}</a></td>
                                        <td>{line.origin}{line.deadline.map(|d| view! { <br /><strong>{format!("Scadenza {d}")}</strong> })}</td>
                                        <td>{line.family}</td>
                                        <td>{line.unit}</td>
                                        <td>{line.urgency}</td>
                                        <td>{line.state}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
    }
}

/// One request as the desk sees it: who, what, where it is, what happened to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestDetail {
    pub id: i64,
    pub origin: String,
    pub persons: Vec<String>,
    pub comune: String,
    pub topic: String,
    pub urgency: String,
    pub unit: String,
    pub state: String,
    pub reroutable: bool,
    pub mandate: Option<String>,
    pub referrer: Option<String>,
    /// (when, what).
    pub history: Vec<(String, String)>,
    pub units: Vec<(String, String)>,
}

pub async fn load_request(id: i64) -> Result<RequestDetail, AppError> {
    store::detail(id).await
}

#[component]
pub fn RequestDetailPage() -> impl IntoView {
    view! { <StaffOnly title="Richiesta" permission=Permission::Triage signed_in=|me| view! { <StaffBar me /> <Detail /> } /> }
}

#[component]
fn Detail() -> impl IntoView {
    let (id, saved) = use_query_map().with_untracked(|q| {
        (
            q.get("id").and_then(|id| id.parse::<i64>().ok()).unwrap_or(0),
            q.get("registrata").is_some(),
        )
    });
    let data = Resource::new(move || id, load_request);
    view! {
        <div class="container">
            {saved.then(|| view! { <p class="alert alert-success" role="status">"Richiesta registrata."</p> })}
            <Loaded data body=|detail| view! { <DetailBody detail /> } />
        </div>
    }
}

#[component]
fn DetailBody(detail: RequestDetail) -> impl IntoView {
    let form = FormState::new(use_submitted(REROUTE_PATH));
    const LABELS: &[(&str, &str)] = &[("unita", "Nuova unità"), ("motivo", "Motivo")];
    view! {
        <h1>{format!("Richiesta n. {}", detail.id)}</h1>
        <dl class="row">
            <dt class="col-sm-3">"Origine"</dt><dd class="col-sm-9">{detail.origin}</dd>
            {detail.mandate.map(|m| view! { <dt class="col-sm-3">"Mandato"</dt><dd class="col-sm-9"><strong>{m}</strong></dd> })}
            {detail.referrer.map(|r| view! { <dt class="col-sm-3">"Segnalata da"</dt><dd class="col-sm-9">{r}</dd> })}
            <dt class="col-sm-3">"Persone"</dt><dd class="col-sm-9">{detail.persons.join("; ")}</dd>
            <dt class="col-sm-3">"Comune"</dt><dd class="col-sm-9">{detail.comune}</dd>
            <dt class="col-sm-3">"Bisogno"</dt><dd class="col-sm-9">{detail.topic}</dd>
            <dt class="col-sm-3">"Urgenza"</dt><dd class="col-sm-9">{detail.urgency}</dd>
            <dt class="col-sm-3">"Unità"</dt><dd class="col-sm-9">{detail.unit}</dd>
            <dt class="col-sm-3">"Stato"</dt><dd class="col-sm-9">{detail.state}</dd>
        </dl>
        <h2>"Storia"</h2>
        <ol>
            {detail.history.into_iter().map(|(when, what)| view! { <li>{when}": "{what}</li> }).collect_view()}
        </ol>
        {detail.reroutable.then(|| view! {
            <section aria-labelledby="titolo-reindirizza" class="stretto mt-4">
                <h2 id="titolo-reindirizza">"Cambia unità"</h2>
                <p>"Se la richiesta è finita nella coda sbagliata, o il coordinatore l'ha restituita, mandala nella coda giusta finché nessuno l'ha presa in carico. Il motivo resta nella storia."</p>
                <ErrorSummary form labels=LABELS />
                <form method="post" action=REROUTE_PATH novalidate>
                    <input type="hidden" name="id" value=detail.id.to_string() />
                    <ChoiceField form name="unita" label="Nuova unità" options=detail.units required=true />
                    <TextField form name="motivo" label="Motivo" required=true max_length=300 />
                    <button type="submit" class="btn btn-outline-primary">"Sposta la richiesta"</button>
                </form>
            </section>
        })}
    }
    .into_any()
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct InfoOnlyFields {
    #[serde(default)]
    pub prenotazione: String,
    #[serde(default)]
    pub nota: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RerouteForm {
    #[serde(default)]
    pub id: i64,
    #[serde(default)]
    pub unita: String,
    #[serde(default)]
    pub motivo: String,
}
