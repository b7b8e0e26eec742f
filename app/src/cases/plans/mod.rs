//! The help plan (Progetto di aiuto) of a case, and the case's closure.
//!
//! A plan has goals, a next review date and interventions chosen from the service's catalogue,
//! each saying who does what, when it should start, and its legal basis: the family's consent or
//! the court mandate that imposes it. The plan moves bozza → proposto alla famiglia → approvato or
//! rifiutato → attivo ⇄ in revisione → concluso. Approving the plan records the family's consent
//! on its consensual interventions; only then may they start (the database refuses otherwise),
//! while court-ordered ones start on the mandate. A revision that adds interventions goes back to
//! the family. Every step is one conditional update on the state it starts from, kept in the
//! plan's history.
//!
//! The case closes when the worker asks, with the reason, once no plan is in progress, and the
//! unit's coordinator approves.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::access::permissions::Permission;
use crate::cases::FILE_PATH;
use crate::error::AppError;
use crate::forms::{use_submitted, ChoiceField, ErrorSummary, FormState, SelectField, TextArea, TextField};
use crate::layout::back_office::{Loaded, StaffBar, StaffOnly};

pub mod actions;
pub mod store;

pub const PLAN_PATH: &str = "/operatori/casi/progetto";
pub const GOALS_PATH: &str = "/operatori/casi/progetto/obiettivi";
pub const INTERVENTION_PATH: &str = "/operatori/casi/progetto/intervento";
pub const INTERVENTION_STEP_PATH: &str = "/operatori/casi/progetto/intervento/stato";
/// The steps that ask for something (the family's answer, the next review, the outcome).
pub const PLAN_STEP_PATH: &str = "/operatori/casi/progetto/stato";
/// The steps that are one button (propose, start, open the review).
pub const PLAN_MOVE_PATH: &str = "/operatori/casi/progetto/passo";
pub const CLOSURE_PATH: &str = "/operatori/casi/chiusura";
pub const CLOSURE_DECISION_PATH: &str = "/operatori/casi/chiusura/decisione";

crate::vocabulary! {
    /// The service's interventions.
    pub enum Intervention {
        Counselling = ("consulenza", "Consulenza e orientamento"),
        DayCare = ("educativi_diurni", "Servizi educativi diurni"),
        EducationalSupport = ("sostegno_socio_educativo", "Sostegno socio-educativo domiciliare o scolastico"),
        PsychologicalSupport = ("sostegno_psicologico", "Sostegno psicologico e invio ad ATS"),
        ProtectedMeetings = ("incontri_protetti", "Incontri protetti"),
        FosterCare = ("affido", "Affido familiare"),
        Residential = ("comunita", "Inserimento in comunità"),
        Allowance = ("contributo_economico", "Contributo economico"),
        Employment = ("sisl", "Invio al SISL (inserimento lavorativo)"),
    }
}

crate::vocabulary! {
    /// On what an intervention stands: the family's consent or a court's mandate.
    pub enum LegalBasis {
        Consent = ("consenso", "Consenso della famiglia"),
        Mandate = ("mandato", "Mandato dell'Autorità Giudiziaria"),
    }
}

crate::vocabulary! {
    /// Where a help plan stands.
    pub enum PlanState {
        Draft = ("bozza", "Bozza"),
        Proposed = ("proposto", "Proposto alla famiglia"),
        Approved = ("approvato", "Approvato dalla famiglia"),
        Refused = ("rifiutato", "Rifiutato dalla famiglia"),
        Active = ("attivo", "Attivo"),
        UnderReview = ("in_revisione", "In revisione"),
        Concluded = ("concluso", "Concluso"),
    }
}

impl PlanState {
    /// Whether a plan in this state may take the step `action` (the step form's `azione`): the
    /// one list of the plan's moves, which the page's buttons and the form's check both read.
    pub fn allows(self, action: &str, has_mandate: bool) -> bool {
        use PlanState::{Active, Approved, Draft, Proposed, UnderReview};
        match action {
            "proponi" => matches!(self, Draft | UnderReview),
            "risposta" => self == Proposed,
            // A court's mandate stands in for the family's approval.
            "avvia" => self == Approved || (self == Proposed && has_mandate),
            "revisiona" => self == Active,
            "riprendi" => self == UnderReview,
            "concludi" => matches!(self, Approved | Active | UnderReview),
            _ => false,
        }
    }

    /// Whether the goals and interventions may still be changed.
    pub fn editable(self) -> bool {
        matches!(self, PlanState::Draft | PlanState::UnderReview)
    }
}

crate::vocabulary! {
    /// The family's answer to a proposed plan.
    enum FamilyAnswer {
        Approves = ("approva", "La famiglia approva il progetto"),
        Refuses = ("rifiuta", "La famiglia rifiuta il progetto"),
    }
}

pub fn plan_page(values: &BTreeMap<String, String>) -> Option<String> {
    let case = values.get("caso").map_or("", String::as_str);
    Some(format!("{PLAN_PATH}?caso={}", crate::links::query_value(case)))
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanPage {
    pub case_id: i64,
    pub family: String,
    /// Whether the person may change the plan (the team and the coordinator, not an emergency
    /// access).
    pub may_change: bool,
    pub current: Option<PlanView>,
    /// Concluded and refused plans, newest first, as one line each.
    pub past: Vec<String>,
    /// The case's court mandates, as (request id, description), for court-ordered interventions.
    pub mandates: Vec<(String, String)>,
    pub closure: ClosureView,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanView {
    pub id: i64,
    /// The stored state (what may be done next depends on it).
    pub state: String,
    pub goals: String,
    pub review_on: Option<String>,
    /// The review date as the date field wants it.
    pub review_iso: String,
    pub interventions: Vec<InterventionView>,
    /// (when, what), oldest first.
    pub history: Vec<(String, String)>,
    /// Whether a court-ordered intervention lets it start without the family's approval.
    pub has_mandate: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterventionView {
    pub id: i64,
    pub kind: String,
    pub assignment: String,
    pub planned_start: String,
    pub basis: String,
    pub status: String,
    pub may_start: bool,
    pub may_end: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosureView {
    pub closed: Option<String>,
    /// Who asked, when and why, while the coordinator has not decided.
    pub requested: Option<String>,
    /// Why the coordinator sent the last request back.
    pub refused: Option<String>,
    pub may_request: bool,
    pub may_decide: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GoalsForm {
    #[serde(default)]
    pub caso: i64,
    #[serde(default)]
    pub obiettivi: String,
    #[serde(default)]
    pub revisione: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct InterventionForm {
    #[serde(default)]
    pub caso: i64,
    #[serde(default)]
    pub intervento: String,
    #[serde(default)]
    pub chi: String,
    #[serde(default)]
    pub inizio: String,
    #[serde(default)]
    pub base: String,
    #[serde(default)]
    pub mandato: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct InterventionStepForm {
    #[serde(default)]
    pub caso: i64,
    #[serde(default)]
    pub id: i64,
    /// `avvia` or `termina`.
    #[serde(default)]
    pub azione: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PlanStepForm {
    #[serde(default)]
    pub caso: i64,
    /// `proponi`, `risposta`, `avvia`, `revisiona`, `riprendi`, `concludi`.
    #[serde(default)]
    pub azione: String,
    /// The family's answer: `approva` or `rifiuta`.
    #[serde(default)]
    pub risposta: String,
    #[serde(default)]
    pub data_risposta: String,
    #[serde(default)]
    pub nota_risposta: String,
    #[serde(default)]
    pub prossima_revisione: String,
    #[serde(default)]
    pub esito: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ClosureForm {
    #[serde(default)]
    pub caso: i64,
    #[serde(default)]
    pub motivo_chiusura: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ClosureDecisionForm {
    #[serde(default)]
    pub caso: i64,
    /// `approva` or `respingi`.
    #[serde(default)]
    pub decisione: String,
    #[serde(default)]
    pub nota_decisione: String,
}

pub async fn load_plan(caso: i64) -> Result<PlanPage, AppError> {
    store::page(caso).await
}

#[component]
pub fn PlanPageView() -> impl IntoView {
    view! { <StaffOnly title="Progetto di aiuto" permission=Permission::CaseFiles signed_in=|me| view! { <StaffBar me /> <Plan /> } /> }
}

#[component]
fn Plan() -> impl IntoView {
    let (case, done) = use_query_map().with_untracked(|q| {
        (
            q.get("caso").and_then(|id| id.parse::<i64>().ok()).unwrap_or(0),
            q.get("fatto"),
        )
    });
    let data = Resource::new(move || case, load_plan);
    let problem = crate::forms::refusal_of(&[INTERVENTION_STEP_PATH, PLAN_MOVE_PATH]);
    view! {
        <div class="container">
            {done.map(|_| view! { <p class="alert alert-success" role="status">"Fatto: il progetto è aggiornato."</p> })}
            {problem.map(|text| view! { <p class="alert alert-danger" role="alert">{text}</p> })}
            <Loaded data body=|page| view! { <PlanBody page /> } />
        </div>
    }
}

#[component]
fn PlanBody(page: PlanPage) -> impl IntoView {
    let PlanPage {
        case_id,
        family,
        may_change,
        current,
        past,
        mandates,
        closure,
    } = page;
    view! {
        <h1>{format!("Progetto di aiuto — caso n. {case_id}")}</h1>
        <p>{family}" · "<a href=format!("{FILE_PATH}?id={case_id}")>"Torna al fascicolo"</a></p>
        {match current {
            Some(plan) => view! { <CurrentPlan case_id plan may_change mandates /> }.into_any(),
            None if may_change && closure.closed.is_none() => view! {
                <p>"Il caso non ha un progetto in corso."</p>
                <GoalsSection case_id goals=String::new() review=String::new() title="Nuovo progetto" button="Crea la bozza del progetto" />
            }.into_any(),
            None => view! { <p>"Il caso non ha un progetto in corso."</p> }.into_any(),
        }}
        {(!past.is_empty()).then(|| view! {
            <section aria-labelledby="titolo-progetti-passati" class="mt-5">
                <h2 id="titolo-progetti-passati">"Progetti precedenti"</h2>
                <ul>{past.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
            </section>
        })}
        <ClosureSection case_id closure may_change />
    }
    .into_any()
}

#[component]
fn CurrentPlan(case_id: i64, plan: PlanView, may_change: bool, mandates: Vec<(String, String)>) -> impl IntoView {
    let state = plan.state.clone();
    let editable = may_change && PlanState::from_key(&state).is_some_and(PlanState::editable);
    view! {
        <section aria-labelledby="titolo-progetto" class="mt-4">
            <h2 id="titolo-progetto">{format!("Progetto in corso: {}", PlanState::label_of(&state))}</h2>
            <dl class="row">
                <dt class="col-sm-3">"Obiettivi"</dt><dd class="col-sm-9 testo-nota">{if plan.goals.is_empty() { "Non ancora scritti.".to_owned() } else { plan.goals.clone() }}</dd>
                <dt class="col-sm-3">"Prossima revisione"</dt><dd class="col-sm-9">{plan.review_on.clone().unwrap_or_else(|| "non fissata".to_owned())}</dd>
            </dl>
            {editable.then(|| view! { <GoalsSection case_id goals=plan.goals.clone() review=plan.review_iso.clone() title="Obiettivi e revisione" button="Salva gli obiettivi" /> })}
            <Interventions case_id interventions=plan.interventions may_change />
            {editable.then(|| view! { <NewIntervention case_id mandates /> })}
            {may_change.then(|| view! { <PlanSteps case_id state=state.clone() has_mandate=plan.has_mandate /> })}
            <h3 class="h5 mt-4">"Storia del progetto"</h3>
            <ol>{plan.history.into_iter().map(|(when, what)| view! { <li>{when}": "{what}</li> }).collect_view()}</ol>
        </section>
    }
    .into_any()
}

const GOALS_LABELS: &[(&str, &str)] = &[
    ("obiettivi", "Obiettivi"),
    ("revisione", "Data della prossima revisione"),
];

#[component]
fn GoalsSection(
    case_id: i64,
    goals: String,
    review: String,
    title: &'static str,
    button: &'static str,
) -> impl IntoView {
    let current = BTreeMap::from([("obiettivi".to_owned(), goals), ("revisione".to_owned(), review)]);
    let form = FormState::editing(use_submitted(GOALS_PATH), current);
    view! {
        <details class="stretto mb-3" open=!use_submitted(GOALS_PATH).form.is_empty()>
            <summary>{title}</summary>
            <ErrorSummary form labels=GOALS_LABELS />
            <form method="post" action=GOALS_PATH novalidate class="mt-2">
                <input type="hidden" name="caso" value=case_id.to_string() />
                <TextArea form name="obiettivi" label="Obiettivi" hint="Che cosa la famiglia e il servizio vogliono raggiungere. Al massimo 4000 caratteri." max_chars=4000 required=true />
                <TextField form name="revisione" label="Data della prossima revisione" kind="date" required=true />
                <button type="submit" class="btn btn-primary">{button}</button>
            </form>
        </details>
    }
    .into_any()
}

#[component]
fn Interventions(case_id: i64, interventions: Vec<InterventionView>, may_change: bool) -> impl IntoView {
    if interventions.is_empty() {
        return view! { <p>"Nessun intervento ancora."</p> }.into_any();
    }
    view! {
        <div class="table-responsive">
            <table class="table">
                <caption>"Interventi del progetto"</caption>
                <thead><tr><th scope="col">"Intervento"</th><th scope="col">"Chi fa cosa"</th><th scope="col">"Inizio previsto"</th><th scope="col">"Base giuridica"</th><th scope="col">"Stato"</th></tr></thead>
                <tbody>
                    {interventions.into_iter().map(|item| {
                        let step = if item.may_start { Some(("avvia", format!("Avvia: {}", item.kind))) } else if item.may_end { Some(("termina", format!("Termina: {}", item.kind))) } else { None };
                        view! {
                            <tr>
                                <td>{item.kind.clone()}</td>
                                <td>{item.assignment}</td>
                                <td>{item.planned_start}</td>
                                <td>{item.basis}</td>
                                <td>
                                    {item.status}
                                    {step.filter(|_| may_change).map(|(action, label)| view! {
                                        <form method="post" action=INTERVENTION_STEP_PATH class="mt-1">
                                            <input type="hidden" name="caso" value=case_id.to_string() />
                                            <input type="hidden" name="id" value=item.id.to_string() />
                                            <input type="hidden" name="azione" value=action />
                                            <button type="submit" class="btn btn-sm btn-outline-primary">{label}</button>
                                        </form>
                                    })}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

const INTERVENTION_LABELS: &[(&str, &str)] = &[
    ("intervento", "Intervento"),
    ("chi", "Chi fa cosa"),
    ("inizio", "Inizio previsto"),
    ("base", "Base giuridica"),
    ("mandato", "Mandato che lo dispone"),
];

#[component]
fn NewIntervention(case_id: i64, mandates: Vec<(String, String)>) -> impl IntoView {
    let form = FormState::new(use_submitted(INTERVENTION_PATH));
    view! {
        <details class="stretto mb-3" open=!use_submitted(INTERVENTION_PATH).form.is_empty()>
            <summary>"Aggiungi un intervento"</summary>
            <ErrorSummary form labels=INTERVENTION_LABELS />
            <form method="post" action=INTERVENTION_PATH novalidate class="mt-2">
                <input type="hidden" name="caso" value=case_id.to_string() />
                <SelectField form name="intervento" label="Intervento" options=Intervention::CHOICES required=true />
                <TextField form name="chi" label="Chi fa cosa" hint="Ad esempio: l'educatrice della cooperativa, due pomeriggi a settimana a casa." required=true max_length=500 />
                <TextField form name="inizio" label="Inizio previsto" kind="date" required=true />
                <SelectField form name="base" label="Base giuridica" options=LegalBasis::CHOICES required=true />
                <ChoiceField form name="mandato" label="Mandato che lo dispone" hint="Solo per gli interventi disposti dall'Autorità Giudiziaria." options=mandates />
                <button type="submit" class="btn btn-outline-primary">"Aggiungi l'intervento"</button>
            </form>
        </details>
    }
    .into_any()
}

/// A button that moves the plan on, with no fields of its own.
#[component]
fn StepButton(case_id: i64, action: &'static str, label: &'static str) -> impl IntoView {
    view! {
        <form method="post" action=PLAN_MOVE_PATH class="d-inline me-2">
            <input type="hidden" name="caso" value=case_id.to_string() />
            <input type="hidden" name="azione" value=action />
            <button type="submit" class="btn btn-outline-primary">{label}</button>
        </form>
    }
}

const STEP_LABELS: &[(&str, &str)] = &[
    ("risposta", "Risposta della famiglia"),
    ("data_risposta", "Data della risposta"),
    ("nota_risposta", "Come è stata data la risposta"),
    ("prossima_revisione", "Data della revisione successiva"),
    ("esito", "Esito del progetto"),
];

/// What may be done next, by the plan's state.
#[component]
fn PlanSteps(case_id: i64, state: String, has_mandate: bool) -> impl IntoView {
    let form = FormState::new(use_submitted(PLAN_STEP_PATH));
    let current = PlanState::from_key(&state);
    let may = |action: &str| current.is_some_and(|state| state.allows(action, has_mandate));
    let (propose, answer, start) = (may("proponi"), may("risposta"), may("avvia"));
    let (review, resume, conclude) = (may("revisiona"), may("riprendi"), may("concludi"));
    let case = case_id.to_string();
    view! {
        <section aria-labelledby="titolo-passi" class="mt-4 stretto">
            <h3 class="h5" id="titolo-passi">"Passi del progetto"</h3>
            <ErrorSummary form labels=STEP_LABELS />
            <div class="mb-3">
                {propose.then(|| view! { <StepButton case_id action="proponi" label="Proponi il progetto alla famiglia" /> })}
                {start.then(|| view! { <StepButton case_id action="avvia" label="Avvia il progetto" /> })}
                {review.then(|| view! { <StepButton case_id action="revisiona" label="Apri la revisione" /> })}
            </div>
            {answer.then(|| view! {
                <form method="post" action=PLAN_STEP_PATH novalidate class="mb-4">
                    <input type="hidden" name="caso" value=case.clone() />
                    <input type="hidden" name="azione" value="risposta" />
                    <SelectField form name="risposta" label="Risposta della famiglia" options=FamilyAnswer::CHOICES required=true />
                    <TextField form name="data_risposta" label="Data della risposta" kind="date" required=true />
                    <TextField form name="nota_risposta" label="Come è stata data la risposta" hint="Ad esempio: consenso firmato al colloquio; per un rifiuto, il motivo." max_length=500 />
                    <button type="submit" class="btn btn-primary">"Registra la risposta"</button>
                </form>
            })}
            {resume.then(|| view! {
                <form method="post" action=PLAN_STEP_PATH novalidate class="mb-4">
                    <input type="hidden" name="caso" value=case.clone() />
                    <input type="hidden" name="azione" value="riprendi" />
                    <TextField form name="prossima_revisione" label="Data della revisione successiva" kind="date" required=true />
                    <button type="submit" class="btn btn-outline-primary">"Chiudi la revisione e riprendi il progetto"</button>
                </form>
            })}
            {conclude.then(|| view! {
                <details>
                    <summary>"Concludi il progetto"</summary>
                    <form method="post" action=PLAN_STEP_PATH novalidate class="mt-2">
                        <input type="hidden" name="caso" value=case.clone() />
                        <input type="hidden" name="azione" value="concludi" />
                        <TextArea form name="esito" label="Esito del progetto" hint="Che cosa è stato raggiunto e che cosa no. Al massimo 2000 caratteri." max_chars=2000 required=true />
                        <button type="submit" class="btn btn-outline-danger">"Concludi il progetto"</button>
                    </form>
                </details>
            })}
        </section>
    }
    .into_any()
}

const CLOSURE_LABELS: &[(&str, &str)] = &[("motivo_chiusura", "Motivo della chiusura")];
const DECISION_LABELS: &[(&str, &str)] = &[("decisione", "Decisione"), ("nota_decisione", "Nota per l'operatore")];
const DECISIONS: &[(&str, &str)] = &[("approva", "Approvo la chiusura"), ("respingi", "Il caso resta aperto")];

#[component]
fn ClosureSection(case_id: i64, closure: ClosureView, may_change: bool) -> impl IntoView {
    let request = FormState::new(use_submitted(CLOSURE_PATH));
    let decision = FormState::new(use_submitted(CLOSURE_DECISION_PATH));
    let ClosureView {
        closed,
        requested,
        refused,
        may_request,
        may_decide,
    } = closure;
    view! {
        <section aria-labelledby="titolo-chiusura" class="mt-5 stretto">
            <h2 id="titolo-chiusura">"Chiusura del caso"</h2>
            {match (closed, requested) {
                (Some(closed), _) => view! { <p>{closed}</p> }.into_any(),
                (None, Some(requested)) => view! {
                    <p>{requested}</p>
                    {may_decide.then(|| view! {
                        <ErrorSummary form=decision labels=DECISION_LABELS />
                        <form method="post" action=CLOSURE_DECISION_PATH novalidate>
                            <input type="hidden" name="caso" value=case_id.to_string() />
                            <SelectField form=decision name="decisione" label="Decisione" options=DECISIONS required=true />
                            <TextField form=decision name="nota_decisione" label="Nota per l'operatore" hint="Necessaria se il caso resta aperto." max_length=500 />
                            <button type="submit" class="btn btn-primary">"Registra la decisione"</button>
                        </form>
                    })}
                }.into_any(),
                (None, None) => view! {
                    {refused.map(|why| view! { <p class="alert alert-info" role="status">{format!("Il coordinatore ha lasciato il caso aperto: {why}")}</p> })}
                    {if may_request && may_change {
                        view! {
                            <p>"Quando il lavoro con la famiglia è finito e nessun progetto è in corso, chiedi al coordinatore di chiudere il caso."</p>
                            <ErrorSummary form=request labels=CLOSURE_LABELS />
                            <form method="post" action=CLOSURE_PATH novalidate>
                                <input type="hidden" name="caso" value=case_id.to_string() />
                                <TextArea form=request name="motivo_chiusura" label="Motivo della chiusura" hint="Al massimo 1000 caratteri." max_chars=1000 required=true />
                                <button type="submit" class="btn btn-outline-primary">"Chiedi la chiusura del caso"</button>
                            </form>
                        }.into_any()
                    } else {
                        // A request sent meanwhile (a plan started in another tab) comes back here
                        // without its form: its refusal is said on its own.
                        let refused_request = crate::forms::refusal_of(&[CLOSURE_PATH]);
                        view! {
                            {refused_request.map(|text| view! { <p class="alert alert-danger" role="alert">{text}</p> })}
                            <p>"Il caso è aperto. Si può chiedere di chiuderlo quando nessun progetto è in corso."</p>
                        }.into_any()
                    }}
                }.into_any(),
            }}
        </section>
    }
    .into_any()
}
