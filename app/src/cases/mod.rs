//! The case file (cartella): a family followed by a unit, from the request that opened it.
//!
//! Only the case team opens it — the responsible worker (operatore di riferimento) and the
//! professionals added to the team (psicologo, educatore…) — and the unit's coordinator. Anyone
//! else with a social worker's role may open it only through an emergency access: the reason is
//! asked and kept, the access lasts a few hours, and the unit's coordinators are told. Every
//! opening and every change leaves a row in the audit trail.
//!
//! The timeline holds the notes of the work (colloquio, visita domiciliare, telefonata, incontro
//! di rete, relazione inviata all'Autorità Giudiziaria). A note is never edited: its author
//! corrects it with a new version, which says why, and the earlier versions stay readable.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::access::permissions::Permission;
use crate::error::AppError;
use crate::forms::{use_submitted, ChoiceField, ErrorSummary, FormState, SelectField, TextArea, TextField};
use crate::layout::back_office::{Loaded, StaffBar, StaffOnly};

pub mod actions;
pub mod documents;
pub mod plans;
pub mod store;

pub const CASES_PATH: &str = "/operatori/casi";
pub const FILE_PATH: &str = crate::links::CASE_FILE;
pub const NOTE_PATH: &str = "/operatori/casi/nota";
pub const CORRECT_PATH: &str = "/operatori/casi/nota/correggi";
pub const TEAM_ADD_PATH: &str = "/operatori/casi/equipe";
pub const TEAM_REMOVE_PATH: &str = "/operatori/casi/equipe/togli";
pub const EMERGENCY_PATH: &str = "/operatori/casi/emergenza";
pub const REPORT_PATH: &str = "/operatori/casi/relazione";
/// Showing the case, or one of its requests, to the family in its personal area, or hiding it.
pub const VISIBILITY_PATH: &str = "/operatori/casi/visibilita";
/// A message to the family, which reads it in its personal area.
pub const MESSAGE_PATH: &str = "/operatori/casi/messaggio";
/// A document asked of the family, which sees the request in its personal area.
pub const ASK_DOCUMENT_PATH: &str = "/operatori/casi/documento-richiesto";
/// The upload of a document (a multipart form).
pub const DOCUMENTS_PATH: &str = "/operatori/casi/documenti";
pub const DOWNLOAD_PATH: &str = "/operatori/casi/documenti/scarica";

crate::vocabulary! {
    /// The kinds of document a case holds.
    pub enum DocumentKind {
        Decree = ("decreto", "Decreto dell'Autorità Giudiziaria"),
        Consent = ("consenso", "Consenso firmato"),
        CourtReport = ("relazione_ag", "Relazione inviata all'Autorità Giudiziaria"),
        Isee = ("isee", "Certificazione ISEE"),
        Other = ("altro", "Altro documento"),
    }
}

/// How long an emergency access lasts: enough to deal with what could not wait.
pub const EMERGENCY_HOURS: i64 = 4;

crate::vocabulary! {
    /// The kinds of note on the timeline.
    pub enum NoteKind {
        Interview = ("colloquio", "Colloquio"),
        HomeVisit = ("visita_domiciliare", "Visita domiciliare"),
        PhoneCall = ("telefonata", "Telefonata"),
        NetworkMeeting = ("incontro_di_rete", "Incontro di rete"),
        CourtReport = ("relazione_ag", "Relazione inviata all'Autorità Giudiziaria"),
    }
}

crate::vocabulary! {
    /// What a professional added to the team does.
    pub enum Profession {
        SocialWorker = ("assistente_sociale", "Assistente sociale"),
        Psychologist = ("psicologo", "Psicologo o psicologa"),
        Educator = ("educatore", "Educatore o educatrice"),
    }
}

/// The case file a post came from, shown again when something must be corrected.
pub fn file_page(values: &BTreeMap<String, String>) -> Option<String> {
    let case = values.get("caso").map_or("", String::as_str);
    Some(format!("{FILE_PATH}?id={}", crate::links::query_value(case)))
}

/// The correction page a post came from.
pub fn correction_page(values: &BTreeMap<String, String>) -> Option<String> {
    let note = values.get("nota").map_or("", String::as_str);
    Some(format!("{CORRECT_PATH}?nota={}", crate::links::query_value(note)))
}

/// One case in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseLine {
    pub id: i64,
    /// The family's members, by name.
    pub family: String,
    pub unit: String,
    /// What the person does in it ("Operatore di riferimento", "Psicologo o psicologa"…), or who
    /// is responsible for it, in the coordinator's list.
    pub role: String,
    pub opened: String,
    pub closed: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CasesView {
    /// The cases the person is responsible for or in the team of.
    pub mine: Vec<CaseLine>,
    /// The open cases of the units the person coordinates.
    pub coordinated: Vec<CaseLine>,
    /// The other open cases of the units the person works in, without the family: whom to ask,
    /// or what to open through an emergency access.
    pub colleagues: Vec<CaseLine>,
}

/// What opening a case file gives.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CaseAnswer {
    File(Box<CaseFile>),
    /// The person is neither in the team nor the unit's coordinator: the emergency access form.
    OutsideTeam {
        id: i64,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseFile {
    pub id: i64,
    pub unit: String,
    pub opened: String,
    pub closed: Option<String>,
    pub responsible: String,
    pub comune: String,
    /// Until when the person's emergency access lasts, when that is how they opened it.
    pub emergency_until: Option<String>,
    pub family: Vec<FamilyMember>,
    pub origins: Vec<CaseOrigin>,
    pub team: Vec<TeamMember>,
    /// Whether the person may change the team (the responsible worker and the coordinator).
    pub manages_team: bool,
    /// Who may be added to the team, as (id, name).
    pub candidates: Vec<(String, String)>,
    pub notes: Vec<NoteView>,
    /// The emergency accesses of people outside the team, for the team and the coordinator.
    pub emergencies: Vec<String>,
    /// The reports owed to the courts, by due date.
    pub reports: Vec<ReportLine>,
    /// The reports not yet sent, as (id, description), which a report note may close.
    pub pending_reports: Vec<(String, String)>,
    /// The case's court mandates, as (request id, description).
    pub mandates: Vec<(String, String)>,
    /// Whether the person may add deadlines and documents (the team and the coordinator, on an
    /// open case).
    pub may_change: bool,
    pub documents: Vec<DocumentLine>,
    /// The largest document accepted, in MB.
    pub document_max_mb: usize,
    pub family_view: FamilyView,
}

/// What the family sees of this case in its personal area: the case (its messages and the
/// documents asked of it) and each of its requests (where it stands), as its worker decided.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyView {
    pub case_visible: bool,
    /// The messages with the family, oldest first.
    pub messages: Vec<FamilyMessage>,
    /// How many of the family's parents and guardians get an email when a message is written
    /// (those who signed in to their area with an email).
    pub reachable: usize,
    /// The documents asked of the family, oldest first.
    pub asked: Vec<AskedDocument>,
    pub requests: Vec<RequestVisibility>,
    /// Whether the person may decide: the responsible worker and the unit's coordinator.
    pub may_decide: bool,
    /// A request of the case came from a court mandate or a report: a parent may be the person the
    /// child is protected from, so showing anything asks the worker to confirm they checked.
    pub protected: bool,
}

/// A document asked of the family.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AskedDocument {
    /// "ISEE 2026 del nucleo familiare".
    pub what: String,
    /// "Certificazione ISEE".
    pub kind: String,
    pub asked: String,
    /// When the family's document arrived, if it has.
    pub received: Option<String>,
}

/// The kinds of document a worker may ask the family for (a subset of [`DocumentKind`]: a family
/// sends no court decree).
pub const ASKABLE_KINDS: [DocumentKind; 3] = [DocumentKind::Isee, DocumentKind::Consent, DocumentKind::Other];

/// One message between the service and the family.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyMessage {
    /// "Andrea Assistente" or "Maria Rossi (famiglia)".
    pub author: String,
    pub from_family: bool,
    /// "2 marzo 2026, 10:15".
    pub sent: String,
    pub body: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestVisibility {
    pub id: i64,
    /// "Mandato dell'Autorità Giudiziaria".
    pub origin: String,
    pub visible: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentLine {
    pub id: i64,
    pub kind: String,
    pub title: String,
    /// "decreto.pdf, PDF, 245 kB".
    pub file: String,
    /// "Andrea Assistente, martedì 1 dicembre 2026 alle 9:30".
    pub added: String,
}

/// A report owed to a court.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportLine {
    pub due: String,
    pub mandate: Option<String>,
    /// "inviata il …", "in ritardo", "da inviare".
    pub status: String,
    pub late: bool,
}

/// What is due on the person's cases: plan reviews and reports to the courts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueView {
    /// Requests that joined a case the person answers for, not yet seen in its file.
    pub new_requests: Vec<DueLine>,
    pub late: Vec<DueLine>,
    pub this_week: Vec<DueLine>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueLine {
    pub case_id: i64,
    pub family: String,
    pub what: String,
    pub due: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyMember {
    pub name: String,
    pub role: String,
    pub born: String,
    pub codice_fiscale: Option<String>,
}

/// A request that brought the family to the unit: how it came, and what happened to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseOrigin {
    pub request: i64,
    pub created: String,
    pub origin: String,
    pub topic: String,
    pub urgency: String,
    pub mandate: Option<String>,
    pub referrer: Option<String>,
    pub notes: String,
    /// (when, what).
    pub history: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMember {
    pub staff_id: i64,
    pub name: String,
    pub role: String,
    pub since: String,
    pub responsible: bool,
}

/// The current version of a note, with the versions it replaced.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteView {
    pub id: i64,
    pub kind: String,
    pub happened_on: String,
    pub author: String,
    pub written: String,
    pub text: String,
    /// Why the last version was written, when it corrects another.
    pub correction: Option<String>,
    /// Whether the person may correct it (its author).
    pub correctable: bool,
    /// The earlier versions, newest first.
    pub earlier: Vec<EarlierVersion>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlierVersion {
    pub written: String,
    pub author: String,
    pub happened_on: String,
    pub text: String,
}

/// A note to correct: its current version, in the correction form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorrectionView {
    pub case_id: i64,
    pub note_id: i64,
    pub kind: String,
    /// ISO date, as the date field wants it.
    pub happened_on: String,
    pub text: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NoteForm {
    #[serde(default)]
    pub caso: i64,
    /// The report deadline a report note closes, if any.
    #[serde(default)]
    pub relazione: String,
    #[serde(default)]
    pub tipo: String,
    #[serde(default)]
    pub data: String,
    #[serde(default)]
    pub testo: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CorrectionForm {
    #[serde(default)]
    pub nota: i64,
    #[serde(default)]
    pub tipo: String,
    #[serde(default)]
    pub data: String,
    #[serde(default)]
    pub testo: String,
    #[serde(default)]
    pub motivo: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TeamForm {
    #[serde(default)]
    pub caso: i64,
    #[serde(default)]
    pub operatore: String,
    #[serde(default)]
    pub professione: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TeamRemoveForm {
    #[serde(default)]
    pub caso: i64,
    #[serde(default)]
    pub operatore: i64,
}

/// A document asked of the family of case `caso`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AskDocumentForm {
    #[serde(default)]
    pub caso: i64,
    #[serde(default)]
    pub tipo_documento: String,
    #[serde(default)]
    pub richiesta: String,
}

/// A message to the family of case `caso`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageForm {
    #[serde(default)]
    pub caso: i64,
    #[serde(default)]
    pub testo: String,
}

/// Show (`mostra=si`) or hide (`mostra=no`) the case, or its request `richiesta`, to the family.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct VisibilityForm {
    #[serde(default)]
    pub caso: i64,
    #[serde(default)]
    pub richiesta: Option<i64>,
    #[serde(default)]
    pub mostra: String,
    /// "I checked that no parent in this family is the one the child is protected from".
    #[serde(default)]
    pub conferma: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportForm {
    #[serde(default)]
    pub caso: i64,
    #[serde(default)]
    pub scadenza_relazione: String,
    #[serde(default)]
    pub mandato_relazione: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EmergencyForm {
    #[serde(default)]
    pub caso: i64,
    #[serde(default)]
    pub motivo: String,
}

pub async fn load_cases() -> Result<CasesView, AppError> {
    store::list().await
}

pub async fn load_case(id: i64) -> Result<CaseAnswer, AppError> {
    store::file(id).await
}

pub async fn load_due() -> Result<DueView, AppError> {
    store::due().await
}

pub async fn load_note(id: i64) -> Result<CorrectionView, AppError> {
    store::note_for_correction(id).await
}

#[component]
pub fn CasesPage() -> impl IntoView {
    view! { <StaffOnly title="Casi" permission=Permission::CaseFiles signed_in=|me| view! { <StaffBar me /> <Cases /> } /> }
}

#[component]
fn Cases() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_cases());
    view! {
        <div class="container">
            <h1>"Casi"</h1>
            <Loaded data body=|view: CasesView| view! {
                <section aria-labelledby="titolo-miei-casi">
                    <h2 id="titolo-miei-casi">"I miei casi"</h2>
                    <CaseTable lines=view.mine caption="Le famiglie che segui, come operatore di riferimento o nell'équipe" role_header="Il tuo ruolo"
                        empty="Non segui ancora nessuna famiglia: prendi in carico una richiesta dalla coda della tua unità." />
                </section>
                {(!view.coordinated.is_empty()).then(|| view! {
                    <section aria-labelledby="titolo-casi-unita" class="mt-5">
                        <h2 id="titolo-casi-unita">"Casi aperti delle unità che coordini"</h2>
                        <CaseTable lines=view.coordinated caption="Casi aperti, dal più recente" role_header="Operatore di riferimento" empty="" />
                    </section>
                })}
                {(!view.colleagues.is_empty()).then(|| view! {
                    <section aria-labelledby="titolo-casi-colleghi" class="mt-5">
                        <h2 id="titolo-casi-colleghi">"Altri casi aperti della tua unità"</h2>
                        <p>"Il fascicolo è riservato all'équipe del caso: se una situazione non può aspettare il collega, aprilo con un accesso di emergenza."</p>
                        <CaseTable lines=view.colleagues caption="Casi seguiti dai colleghi, dal più recente" role_header="Operatore di riferimento" empty="" without_family=true />
                    </section>
                })}
            } />
        </div>
    }
}

#[component]
fn CaseTable(
    lines: Vec<CaseLine>,
    caption: &'static str,
    role_header: &'static str,
    empty: &'static str,
    /// For cases outside the person's team: the family is not shown.
    #[prop(optional)]
    without_family: bool,
) -> impl IntoView {
    if lines.is_empty() {
        return view! { <p>{empty}</p> }.into_any();
    }
    view! {
        <div class="table-responsive">
            <table class="table">
                <caption>{caption}</caption>
                <thead><tr>
                    <th scope="col">"Caso"</th>
                    {(!without_family).then(|| view! { <th scope="col">"Famiglia"</th> })}
                    <th scope="col">"Unità"</th><th scope="col">{role_header}</th><th scope="col">"Aperto"</th>
                </tr></thead>
                <tbody>
                    {lines.into_iter().map(|line| view! {
                        <tr>
                            <td><a href=format!("{FILE_PATH}?id={}", line.id)>{format!("Caso n. {}", line.id)}</a></td>
                            {(!without_family).then(|| view! { <td>{line.family.clone()}</td> })}
                            <td>{line.unit}</td>
                            <td>{line.role}</td>
                            <td>{line.opened}{line.closed.map(|closed| format!(" (chiuso il {closed})"))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
pub fn CaseFilePage() -> impl IntoView {
    view! { <StaffOnly title="Fascicolo del caso" permission=Permission::CaseFiles signed_in=|me| view! { <StaffBar me /> <File /> } /> }
}

#[component]
fn File() -> impl IntoView {
    let (id, done) = use_query_map().with_untracked(|q| {
        (
            q.get("id").and_then(|id| id.parse::<i64>().ok()).unwrap_or(0),
            q.get("fatto"),
        )
    });
    let data = Resource::new(move || id, load_case);
    let done = done.and_then(|what| match what.as_str() {
        "nota" => Some("Nota aggiunta al diario."),
        "correzione" => Some("Correzione salvata: la versione precedente resta leggibile."),
        "equipe" => Some("Équipe aggiornata."),
        "emergenza" => Some("Accesso di emergenza registrato: il coordinatore dell'unità ne è informato."),
        "relazione" => Some("Scadenza della relazione aggiunta."),
        "documento" => Some("Documento allegato al fascicolo."),
        "visibilita" => {
            Some("Scelta salvata: la famiglia vede nella sua area personale solo ciò che è segnato come visibile.")
        }
        "messaggio" => Some("Messaggio inviato: la famiglia lo legge nella sua area personale."),
        "documento_chiesto" => Some("Richiesta inviata: la famiglia la vede nella sua area personale."),
        _ => None,
    });
    view! {
        <div class="container">
            {done.map(|text| view! { <p class="alert alert-success" role="status">{text}</p> })}
            {crate::forms::refusal_of(&[TEAM_REMOVE_PATH]).map(|text| view! { <p class="alert alert-danger" role="alert">{text}</p> })}
            <Loaded data body=|answer| match answer {
                CaseAnswer::File(file) => view! { <FileBody file=*file /> }.into_any(),
                CaseAnswer::OutsideTeam { id } => view! { <EmergencyAccess id /> }.into_any(),
            } />
        </div>
    }
}

const EMERGENCY_LABELS: &[(&str, &str)] = &[("motivo", "Motivo dell'accesso di emergenza")];

/// For someone outside the team: the file stays closed unless they say why it cannot wait.
#[component]
fn EmergencyAccess(id: i64) -> impl IntoView {
    let form = FormState::new(use_submitted(EMERGENCY_PATH));
    view! {
        <h1>{format!("Caso n. {id}")}</h1>
        <p class="alert alert-warning" role="alert">"Non fai parte dell'équipe di questo caso: il fascicolo è riservato all'équipe e al coordinatore dell'unità."</p>
        <section aria-labelledby="titolo-emergenza" class="stretto">
            <h2 id="titolo-emergenza">"Accesso di emergenza"</h2>
            <p>{format!(
                "Se una situazione non può aspettare l'operatore di riferimento, puoi aprire il fascicolo per {EMERGENCY_HOURS} ore. \
                 Il motivo, il tuo nome e l'ora restano registrati e il coordinatore dell'unità ne viene informato."
            )}</p>
            <ErrorSummary form labels=EMERGENCY_LABELS />
            <form method="post" action=EMERGENCY_PATH novalidate>
                <input type="hidden" name="caso" value=id.to_string() />
                <TextArea form name="motivo" label="Motivo dell'accesso di emergenza" hint="Perché non può aspettare: da 10 a 500 caratteri." max_chars=500 required=true />
                <button type="submit" class="btn btn-danger">"Apri il fascicolo in emergenza"</button>
            </form>
        </section>
    }
    .into_any()
}

#[component]
fn FileBody(file: CaseFile) -> impl IntoView {
    let CaseFile {
        id,
        unit,
        opened,
        closed,
        responsible,
        comune,
        emergency_until,
        family,
        origins,
        team,
        manages_team,
        candidates,
        notes,
        emergencies,
        reports,
        pending_reports,
        mandates,
        may_change,
        documents,
        document_max_mb,
        family_view,
    } = file;
    view! {
        <h1>{format!("Caso n. {id}")}</h1>
        {emergency_until.map(|until| view! {
            <p class="alert alert-warning" role="status">{format!("Stai consultando il fascicolo con un accesso di emergenza, registrato e segnalato al coordinatore, valido fino alle {until}.")}</p>
        })}
        <dl class="row">
            <dt class="col-sm-3">"Unità"</dt><dd class="col-sm-9">{unit}</dd>
            <dt class="col-sm-3">"Operatore di riferimento"</dt><dd class="col-sm-9">{responsible}</dd>
            <dt class="col-sm-3">"Aperto il"</dt><dd class="col-sm-9">{opened}</dd>
            {closed.map(|closed| view! { <dt class="col-sm-3">"Chiuso il"</dt><dd class="col-sm-9">{closed}</dd> })}
            <dt class="col-sm-3">"Comune di residenza"</dt><dd class="col-sm-9">{comune}</dd>
        </dl>
        <p><a href=format!("{}?caso={id}", crate::cases::plans::PLAN_PATH) class="btn btn-outline-primary">"Progetto di aiuto e chiusura del caso"</a></p>
        <FamilySection family />
        <OriginsSection origins />
        <TeamSection id team manages_team candidates />
        <FamilyViewSection id view=family_view />
        <ReportsSection id reports mandates may_change />
        <DocumentsSection id documents may_change max_mb=document_max_mb />
        <Timeline id notes pending_reports />
        {(!emergencies.is_empty()).then(|| view! {
            <section aria-labelledby="titolo-accessi-emergenza" class="mt-5">
                <h2 id="titolo-accessi-emergenza">"Accessi di emergenza"</h2>
                <ul>{emergencies.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
            </section>
        })}
    }
    .into_any()
}

#[component]
fn FamilySection(family: Vec<FamilyMember>) -> impl IntoView {
    view! {
        <section aria-labelledby="titolo-famiglia" class="mt-4">
            <h2 id="titolo-famiglia">"Famiglia"</h2>
            <div class="table-responsive">
                <table class="table">
                    <caption>"Le persone del nucleo familiare"</caption>
                    <thead><tr><th scope="col">"Nome"</th><th scope="col">"Ruolo"</th><th scope="col">"Data di nascita"</th><th scope="col">"Codice fiscale"</th></tr></thead>
                    <tbody>
                        {family.into_iter().map(|person| view! {
                            <tr>
                                <td>{person.name}</td>
                                <td>{person.role}</td>
                                <td>{person.born}</td>
                                <td>{person.codice_fiscale.unwrap_or_else(|| "non indicato".to_owned())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

#[component]
fn OriginsSection(origins: Vec<CaseOrigin>) -> impl IntoView {
    view! {
        <section aria-labelledby="titolo-origine" class="mt-4">
            <h2 id="titolo-origine">"Origine"</h2>
            {origins.into_iter().map(|origin| view! {
                <article class="mb-3">
                    <h3 class="h5">{format!("Richiesta n. {} del {}", origin.request, origin.created)}</h3>
                    <dl class="row mb-1">
                        <dt class="col-sm-3">"Come è arrivata"</dt><dd class="col-sm-9">{origin.origin}</dd>
                        {origin.mandate.map(|m| view! { <dt class="col-sm-3">"Mandato dell'Autorità Giudiziaria"</dt><dd class="col-sm-9"><strong>{m}</strong></dd> })}
                        {origin.referrer.map(|r| view! { <dt class="col-sm-3">"Segnalata da"</dt><dd class="col-sm-9">{r}</dd> })}
                        <dt class="col-sm-3">"Bisogno"</dt><dd class="col-sm-9">{origin.topic}</dd>
                        <dt class="col-sm-3">"Urgenza"</dt><dd class="col-sm-9">{origin.urgency}</dd>
                        {(!origin.notes.is_empty()).then(|| view! { <dt class="col-sm-3">"Note dello sportello"</dt><dd class="col-sm-9">{origin.notes.clone()}</dd> })}
                    </dl>
                    <details>
                        <summary>{format!("Storia della richiesta n. {}", origin.request)}</summary>
                        <ol>{origin.history.into_iter().map(|(when, what)| view! { <li>{when}": "{what}</li> }).collect_view()}</ol>
                    </details>
                </article>
            }).collect_view()}
        </section>
    }
    .into_any()
}

const TEAM_LABELS: &[(&str, &str)] = &[
    ("operatore", "Persona da aggiungere"),
    ("professione", "Ruolo nell'équipe"),
];

#[component]
fn TeamSection(id: i64, team: Vec<TeamMember>, manages_team: bool, candidates: Vec<(String, String)>) -> impl IntoView {
    let form = FormState::new(use_submitted(TEAM_ADD_PATH));
    view! {
        <section aria-labelledby="titolo-equipe" class="mt-4">
            <h2 id="titolo-equipe">"Équipe"</h2>
            <ul class="list-unstyled">
                {team.into_iter().map(|member| view! {
                    <li class="mb-2">
                        <strong>{member.name.clone()}</strong>", "{member.role}" — dal "{member.since}
                        {(manages_team && !member.responsible).then(|| view! {
                            <form method="post" action=TEAM_REMOVE_PATH class="d-inline ms-2">
                                <input type="hidden" name="caso" value=id.to_string() />
                                <input type="hidden" name="operatore" value=member.staff_id.to_string() />
                                <button type="submit" class="btn btn-sm btn-outline-danger">{format!("Togli {} dall'équipe", member.name)}</button>
                            </form>
                        })}
                    </li>
                }).collect_view()}
            </ul>
            {(manages_team && !candidates.is_empty()).then(|| view! {
                <details class="stretto" open=!use_submitted(TEAM_ADD_PATH).form.is_empty()>
                    <summary>"Aggiungi un professionista all'équipe"</summary>
                    <ErrorSummary form labels=TEAM_LABELS />
                    <form method="post" action=TEAM_ADD_PATH novalidate class="mt-2">
                        <input type="hidden" name="caso" value=id.to_string() />
                        <ChoiceField form name="operatore" label="Persona da aggiungere" options=candidates required=true />
                        <SelectField form name="professione" label="Ruolo nell'équipe" options=Profession::CHOICES required=true />
                        <button type="submit" class="btn btn-outline-primary">"Aggiungi all'équipe"</button>
                    </form>
                </details>
            })}
        </section>
    }
    .into_any()
}

const VISIBILITY_LABELS: &[(&str, &str)] = &[("conferma", "Conferma della verifica"), ("mostra", "Mostra o nascondi")];

/// What the family sees in its personal area, and the buttons that change it. Nothing is shown to
/// a family unless its worker says so here; never the notes, the reports or the documents.
#[component]
fn FamilyViewSection(id: i64, view: FamilyView) -> impl IntoView {
    let form = FormState::new(use_submitted(VISIBILITY_PATH));
    let FamilyView {
        case_visible,
        messages,
        reachable,
        asked,
        requests,
        may_decide,
        protected,
    } = view;
    let seen = |visible: bool| {
        if visible {
            "visibile alla famiglia"
        } else {
            "nascosto alla famiglia"
        }
    };
    // One small form per choice: the case, or one request.
    let toggle = move |request: Option<i64>, visible: bool, what: String| {
        may_decide.then(|| {
            let label = if visible { format!("Nascondi {what} alla famiglia") } else { format!("Mostra {what} alla famiglia") };
            view! {
                <form method="post" action=VISIBILITY_PATH class="d-inline ms-2">
                    <input type="hidden" name="caso" value=id.to_string() />
                    {request.map(|request| view! { <input type="hidden" name="richiesta" value=request.to_string() /> })}
                    <input type="hidden" name="mostra" value=if visible { "no" } else { "si" } />
                    {(protected && !visible).then(|| view! {
                        <span class="form-check d-inline-block me-2">
                            <input class="form-check-input" type="checkbox" name="conferma" value="si" id=format!("conferma-{}", request.unwrap_or(0)) />
                            <label class="form-check-label" for=format!("conferma-{}", request.unwrap_or(0))>
                                "Ho verificato che nessun genitore sia la persona da cui il minore va protetto"
                            </label>
                        </span>
                    })}
                    <button type="submit" class="btn btn-sm btn-outline-primary">{label}</button>
                </form>
            }
        })
    };
    view! {
        <section aria-labelledby="titolo-visibilita" class="mt-4">
            <h2 id="titolo-visibilita">"Che cosa vede la famiglia"</h2>
            <p>
                "Nell'area personale la famiglia vede solo ciò che è segnato qui come visibile: dove si trova una richiesta e, "
                "per il caso, i messaggi e i documenti che le chiedete. Mai le note, le relazioni, i documenti del fascicolo o i dati degli altri familiari."
            </p>
            {protected.then(|| view! {
                <p class="alert alert-warning">
                    "Questo caso nasce da un mandato dell'Autorità Giudiziaria o da una segnalazione: un genitore potrebbe essere la persona "
                    "da cui il minore va protetto. Le richieste partono nascoste; per mostrare qualcosa devi confermare di averlo verificato."
                </p>
            })}
            <ErrorSummary form labels=VISIBILITY_LABELS />
            <ul class="list-unstyled">
                <li class="mb-2"><strong>"Il caso"</strong>{format!(": {}", seen(case_visible))}{toggle(None, case_visible, "il caso".to_owned())}</li>
                {requests.into_iter().map(|request| view! {
                    <li class="mb-2">
                        <strong>{format!("Richiesta n. {}", request.id)}</strong>
                        {format!(" ({}): {}", request.origin, seen(request.visible))}
                        {toggle(Some(request.id), request.visible, format!("la richiesta n. {}", request.id))}
                    </li>
                }).collect_view()}
            </ul>
            <FamilyMessages id messages reachable case_visible may_write=may_decide />
            <AskedDocuments id asked case_visible may_ask=may_decide />
        </section>
    }
    .into_any()
}

const MESSAGE_LABELS: &[(&str, &str)] = &[("testo", "Messaggio alla famiglia")];
const ASK_LABELS: &[(&str, &str)] = &[("tipo_documento", "Tipo di documento"), ("richiesta", "Che cosa serve")];

/// "Documenti chiesti alla famiglia": what was asked and whether it arrived, and a new request.
#[component]
fn AskedDocuments(id: i64, asked: Vec<AskedDocument>, case_visible: bool, may_ask: bool) -> impl IntoView {
    let form = FormState::new(use_submitted(ASK_DOCUMENT_PATH));
    let kinds: Vec<(String, String)> = ASKABLE_KINDS
        .iter()
        .map(|kind| (kind.key().to_owned(), kind.label().to_owned()))
        .collect();
    view! {
        <h3 class="h5 mt-4" id="documenti-chiesti">"Documenti chiesti alla famiglia"</h3>
        {if asked.is_empty() {
            view! { <p>"Nessun documento chiesto finora."</p> }.into_any()
        } else {
            view! {
                <ul>
                    {asked
                        .into_iter()
                        .map(|ask| view! {
                            <li>
                                {format!("{} ({}), chiesto il {}: ", ask.what, ask.kind, ask.asked)}
                                {match ask.received {
                                    Some(received) => format!("ricevuto il {received}"),
                                    None => "in attesa".to_owned(),
                                }}
                            </li>
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        }}
        <ErrorSummary form labels=ASK_LABELS />
        {(case_visible && may_ask).then(|| view! {
            <form method="post" action=ASK_DOCUMENT_PATH novalidate>
                <input type="hidden" name="caso" value=id.to_string() />
                <ChoiceField form name="tipo_documento" label="Tipo di documento" options=kinds.clone() required=true />
                <TextField
                    form
                    name="richiesta"
                    label="Che cosa serve"
                    hint="Con le parole che la famiglia capisce, per esempio: ISEE 2026 del nucleo familiare."
                    max_length=200
                    required=true
                />
                <button type="submit" class="btn btn-outline-primary">"Chiedi alla famiglia"</button>
            </form>
        })}
    }
}

/// "Messaggi con la famiglia": what was written both ways, and a new message, once the case is
/// shown to the family.
#[component]
fn FamilyMessages(
    id: i64,
    messages: Vec<FamilyMessage>,
    reachable: usize,
    case_visible: bool,
    may_write: bool,
) -> impl IntoView {
    let form = FormState::new(use_submitted(MESSAGE_PATH));
    view! {
        <h3 class="h5 mt-4" id="messaggi-famiglia">"Messaggi con la famiglia"</h3>
        {if messages.is_empty() {
            view! { <p>"Nessun messaggio finora."</p> }.into_any()
        } else {
            view! {
                <ol class="list-unstyled messaggi">
                    {messages
                        .into_iter()
                        .map(|message| view! {
                            <li class=if message.from_family { "bg-light rounded p-3 mb-2" } else { "border rounded p-3 mb-2" }>
                                <p class="mb-1"><strong>{message.author}</strong>{format!(", {}", message.sent)}</p>
                                <p class="mb-0 testo-nota">{message.body}</p>
                            </li>
                        })
                        .collect_view()}
                </ol>
            }
            .into_any()
        }}
        // Outside the form: a message refused because the case is hidden is said even though the
        // form is not shown.
        <ErrorSummary form labels=MESSAGE_LABELS />
        {match (case_visible, may_write) {
            (false, _) => view! { <p>"Per scrivere alla famiglia, prima mostrale il caso."</p> }.into_any(),
            (true, false) => ().into_any(),
            (true, true) => view! {
                <form method="post" action=MESSAGE_PATH novalidate>
                    <input type="hidden" name="caso" value=id.to_string() />
                    <TextArea
                        form
                        name="testo"
                        label="Messaggio alla famiglia"
                        hint=format!(
                            "La famiglia lo legge nella sua area personale. {}",
                            match reachable {
                                0 => "Nessun genitore ha ancora un'email dall'area personale: non riceverà un avviso.".to_owned(),
                                1 => "Un genitore riceverà un avviso per email, senza il testo.".to_owned(),
                                n => format!("{n} genitori riceveranno un avviso per email, senza il testo."),
                            }
                        )
                        max_chars=crate::area::MESSAGE_MAX_CHARS
                        required=true
                    />
                    <button type="submit" class="btn btn-primary">"Invia alla famiglia"</button>
                </form>
            }
            .into_any(),
        }}
    }
}

const NOTE_LABELS: &[(&str, &str)] = &[
    ("tipo", "Tipo di nota"),
    ("data", "Data"),
    ("testo", "Testo della nota"),
    ("relazione", "Relazione che questa nota consegna"),
];

const REPORT_LABELS: &[(&str, &str)] = &[
    ("scadenza_relazione", "Data di scadenza"),
    ("mandato_relazione", "Mandato che la chiede"),
];

/// The reports owed to the courts, and a form for a new deadline.
#[component]
fn ReportsSection(
    id: i64,
    reports: Vec<ReportLine>,
    mandates: Vec<(String, String)>,
    may_change: bool,
) -> impl IntoView {
    let form = FormState::new(use_submitted(REPORT_PATH));
    view! {
        <section aria-labelledby="titolo-relazioni" class="mt-4">
            <h2 id="titolo-relazioni">"Relazioni all'Autorità Giudiziaria"</h2>
            {if reports.is_empty() {
                view! { <p>"Nessuna relazione dovuta."</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {reports.into_iter().map(|report| view! {
                            <li class:text-danger=report.late>
                                {format!("Entro il {}", report.due)}
                                {report.mandate.map(|m| format!(" ({m})"))}
                                ": "<strong>{report.status}</strong>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {may_change.then(|| view! {
                <details class="stretto" open=!use_submitted(REPORT_PATH).form.is_empty()>
                    <summary>"Aggiungi una scadenza"</summary>
                    <ErrorSummary form labels=REPORT_LABELS />
                    <form method="post" action=REPORT_PATH novalidate class="mt-2">
                        <input type="hidden" name="caso" value=id.to_string() />
                        <TextField form name="scadenza_relazione" label="Data di scadenza" kind="date" required=true />
                        <ChoiceField form name="mandato_relazione" label="Mandato che la chiede" options=mandates />
                        <button type="submit" class="btn btn-outline-primary">"Aggiungi la scadenza"</button>
                    </form>
                </details>
            })}
        </section>
    }
    .into_any()
}

const DOCUMENT_LABELS: &[(&str, &str)] = &[
    ("tipo_documento", "Tipo di documento"),
    ("titolo", "Titolo"),
    ("file", "File"),
];

/// The case's documents, each downloadable (every download is recorded), and the upload form.
#[component]
fn DocumentsSection(id: i64, documents: Vec<DocumentLine>, may_change: bool, max_mb: usize) -> impl IntoView {
    let form = FormState::new(use_submitted(DOCUMENTS_PATH));
    view! {
        <section aria-labelledby="titolo-documenti" class="mt-4">
            <h2 id="titolo-documenti">"Documenti"</h2>
            {if documents.is_empty() {
                view! { <p>"Nessun documento."</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {documents.into_iter().map(|document| view! {
                            <li class="mb-2">
                                <a href=format!("{DOWNLOAD_PATH}?id={}", document.id) rel="external" download="">{format!("{}: {}", document.kind, document.title)}</a>
                                <br /><span class="small">{format!("{} — aggiunto da {}", document.file, document.added)}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {may_change.then(|| view! {
                <details class="stretto" open=!use_submitted(DOCUMENTS_PATH).form.is_empty()>
                    <summary>"Allega un documento"</summary>
                    <p class="mt-2">{format!("PDF o immagini JPEG e PNG, al massimo {max_mb} MB. Ogni apertura del documento resta registrata.")}</p>
                    <ErrorSummary form labels=DOCUMENT_LABELS />
                    <form method="post" action=DOCUMENTS_PATH enctype="multipart/form-data" novalidate>
                        <input type="hidden" name="caso" value=id.to_string() />
                        <SelectField form name="tipo_documento" label="Tipo di documento" options=DocumentKind::CHOICES required=true />
                        <TextField form name="titolo" label="Titolo" hint="Ad esempio: decreto di affido del 20 febbraio." required=true max_length=200 />
                        <TextField form name="file" label="File" kind="file" required=true />
                        <button type="submit" class="btn btn-outline-primary">"Allega il documento"</button>
                    </form>
                </details>
            })}
        </section>
    }
    .into_any()
}

/// On the home page of whoever follows cases: what is late and what is due this week.
#[component]
pub fn DueWork() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_due());
    view! {
        <section aria-labelledby="titolo-scadenze" class="mb-4">
            <h2 id="titolo-scadenze">"Scadenze dei tuoi casi"</h2>
            <Loaded data body=|due: DueView| view! {
                {(!due.new_requests.is_empty()).then(|| view! {
                    <DueList lines=due.new_requests title="Nuove richieste sui tuoi casi" empty="" />
                })}
                <DueList lines=due.late title="In ritardo" empty="Niente in ritardo." />
                <DueList lines=due.this_week title="Entro questa settimana" empty="Niente in scadenza questa settimana." />
            } />
        </section>
    }
}

#[component]
fn DueList(lines: Vec<DueLine>, title: &'static str, empty: &'static str) -> impl IntoView {
    view! {
        <h3 class="h5">{title}</h3>
        {if lines.is_empty() {
            view! { <p>{empty}</p> }.into_any()
        } else {
            view! {
                <ul>
                    {lines.into_iter().map(|line| view! {
                        <li>
                            <strong>{line.due}</strong>": "{line.what}" — "
                            <a href=format!("{FILE_PATH}?id={}", line.case_id)>{format!("Caso n. {}", line.case_id)}</a>
                            {(!line.family.is_empty()).then(|| format!(" ({})", line.family))}
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
    .into_any()
}

/// The notes, the most recent event first, and the form for a new one.
#[component]
fn Timeline(id: i64, notes: Vec<NoteView>, pending_reports: Vec<(String, String)>) -> impl IntoView {
    let form = FormState::new(use_submitted(NOTE_PATH));
    view! {
        <section aria-labelledby="titolo-diario" class="mt-5">
            <h2 id="titolo-diario">"Diario del caso"</h2>
            {if notes.is_empty() {
                view! { <p>"Nessuna nota ancora."</p> }.into_any()
            } else {
                view! {
                    <ol class="list-unstyled">
                        {notes.into_iter().map(|note| view! { <Note note /> }).collect_view()}
                    </ol>
                }.into_any()
            }}
            <details class="stretto mt-3" open=!use_submitted(NOTE_PATH).form.is_empty()>
                <summary>"Aggiungi una nota"</summary>
                <ErrorSummary form labels=NOTE_LABELS />
                <form method="post" action=NOTE_PATH novalidate class="mt-2">
                    <input type="hidden" name="caso" value=id.to_string() />
                    <NoteFields form />
                    {(!pending_reports.is_empty()).then(|| view! {
                        <ChoiceField form name="relazione" label="Relazione che questa nota consegna" hint="Per una nota «Relazione inviata all'Autorità Giudiziaria»: la scadenza che chiude." options=pending_reports />
                    })}
                    <button type="submit" class="btn btn-primary">"Salva la nota"</button>
                </form>
            </details>
        </section>
    }
    .into_any()
}

/// The fields of a note, new or corrected.
#[component]
fn NoteFields(form: FormState) -> impl IntoView {
    view! {
        <SelectField form name="tipo" label="Tipo di nota" options=NoteKind::CHOICES required=true />
        <TextField form name="data" label="Data" kind="date" hint="Il giorno del colloquio, della visita, della telefonata…" required=true />
        <TextArea form name="testo" label="Testo della nota" hint="Al massimo 8000 caratteri. Una volta salvata, la nota si corregge solo con una nuova versione." max_chars=8000 required=true />
    }
}

#[component]
fn Note(note: NoteView) -> impl IntoView {
    let versions = note.earlier.len() + 1;
    view! {
        <li class="border-start border-3 ps-3 mb-4">
            <h3 class="h6 mb-1">{format!("{} — {}", note.happened_on, note.kind)}</h3>
            <p class="small mb-1">
                {format!("Scritta da {} il {}", note.author, note.written)}
                {(versions > 1).then(|| format!(" (versione {versions})"))}
            </p>
            {note.correction.map(|why| view! { <p class="small mb-1"><em>{format!("Correzione: {why}")}</em></p> })}
            <p class="testo-nota">{note.text}</p>
            {note.correctable.then(|| view! {
                <a href=format!("{CORRECT_PATH}?nota={}", note.id) rel="external" class="small">{format!("Correggi la nota del {}", note.happened_on)}</a>
            })}
            {(!note.earlier.is_empty()).then(|| view! {
                <details class="small mt-1">
                    <summary>"Versioni precedenti"</summary>
                    <ol>
                        {note.earlier.into_iter().map(|earlier| view! {
                            <li>
                                <p class="mb-0">{format!("Scritta da {} il {} (data indicata: {})", earlier.author, earlier.written, earlier.happened_on)}</p>
                                <p class="testo-nota">{earlier.text}</p>
                            </li>
                        }).collect_view()}
                    </ol>
                </details>
            })}
        </li>
    }
    .into_any()
}

#[component]
pub fn NoteCorrectionPage() -> impl IntoView {
    view! { <StaffOnly title="Correggi una nota" permission=Permission::CaseFiles signed_in=|me| view! { <StaffBar me /> <Correction /> } /> }
}

const CORRECTION_LABELS: &[(&str, &str)] = &[
    ("tipo", "Tipo di nota"),
    ("data", "Data"),
    ("testo", "Testo della nota"),
    ("motivo", "Motivo della correzione"),
];

#[component]
fn Correction() -> impl IntoView {
    let id = use_query_map().with_untracked(|q| q.get("nota").and_then(|id| id.parse::<i64>().ok()).unwrap_or(0));
    let data = Resource::new(move || id, load_note);
    view! {
        <div class="container stretto">
            <Loaded data body=|note: CorrectionView| {
                let current = BTreeMap::from([
                    ("tipo".to_owned(), note.kind.clone()),
                    ("data".to_owned(), note.happened_on.clone()),
                    ("testo".to_owned(), note.text.clone()),
                ]);
                let form = FormState::editing(use_submitted(CORRECT_PATH), current);
                view! {
                    <h1>"Correggi una nota"</h1>
                    <p>"La correzione diventa la nuova versione della nota; quella di adesso resta leggibile nel diario, con il motivo della correzione."</p>
                    <ErrorSummary form labels=CORRECTION_LABELS />
                    <form method="post" action=CORRECT_PATH novalidate>
                        <input type="hidden" name="nota" value=note.note_id.to_string() />
                        <NoteFields form />
                        <TextField form name="motivo" label="Motivo della correzione" required=true max_length=300 />
                        <button type="submit" class="btn btn-primary">"Salva la correzione"</button>
                    </form>
                    <p class="mt-3"><a href=format!("{FILE_PATH}?id={}", note.case_id)>"Torna al fascicolo senza correggere"</a></p>
                }
            } />
        </div>
    }
}
