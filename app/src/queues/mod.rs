//! The units' queues: routed requests wait here, most urgent first and then longest-waiting,
//! until a social worker of the unit takes one in charge ("Prendi in carico") or asks for the next
//! ("Prendi il prossimo"). Taking one opens the family's case in the unit (or joins the open one)
//! and makes the worker its operatore di riferimento.
//!
//! Exactly one worker wins a request, however many click at once: the claim is one conditional
//! update in the database (`… WHERE state = 'in_coda'`), never a read followed by a write.
//!
//! The queue shows minimal fields — need, urgency, wait, comune, origin, a court's deadline — and
//! no names: only the case team opens the family's file.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::access::permissions::Permission;
use crate::error::AppError;
use crate::layout::back_office::{Loaded, StaffBar, StaffOnly};

pub mod actions;
pub mod escalation;
pub mod store;

pub const QUEUE_PATH: &str = "/operatori/coda";
pub const CLAIM_PATH: &str = "/operatori/coda/prendi";
pub const CLAIM_NEXT_PATH: &str = "/operatori/coda/prossimo";
pub const ASSIGN_PATH: &str = "/operatori/coda/assegna";
pub const RETURN_PATH: &str = "/operatori/coda/restituisci";

/// The most a queue page shows; the next page starts after its last row (the page's cost does
/// not grow with the queue).
pub const PAGE_SIZE: i64 = 25;

/// The queue a claim came from, shown again when the claim is refused.
pub fn queue_page(values: &std::collections::BTreeMap<String, String>) -> Option<String> {
    let unit = values.get("unita").map_or("", String::as_str);
    Some(format!("{QUEUE_PATH}?unita={}", crate::links::query_value(unit)))
}

/// One waiting request, as the unit's members see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueLine {
    pub id: i64,
    pub urgency: String,
    pub urgent: bool,
    pub topic: String,
    pub comune: String,
    pub origin: String,
    /// A court's report deadline.
    pub deadline: Option<String>,
    /// "da 3 giorni".
    pub waiting: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueView {
    /// The units the person works in, as (id, name).
    pub units: Vec<(i64, String)>,
    pub unit_id: i64,
    pub unit_name: String,
    pub lines: Vec<QueueLine>,
    /// The address of the next page, when there is one.
    pub next_page: Option<String>,
    pub filters: QueueFilters,
    /// The comuni and offices to narrow the queue to, as (id, name); a filter shows only when
    /// there is more than one to choose from.
    pub comuni: Vec<(i64, String)>,
    pub offices: Vec<(i64, String)>,
    /// What only the unit's coordinator sees and does.
    pub coordination: Option<Coordination>,
}

/// The coordinator's part of the queue page: who can be assigned, where a request can be
/// returned, and the requests already assigned (to reassign them).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coordination {
    /// The unit's workers, as (id, name).
    pub workers: Vec<(String, String)>,
    /// Where a wrongly routed request may go back: the front desk, or another unit.
    pub destinations: Vec<(String, String)>,
    pub assigned: Vec<AssignedLine>,
    /// Urgent requests waiting too long, court deadlines drawing near, and emergency accesses to
    /// the unit's case files.
    pub alerts: Vec<String>,
}

/// A request assigned to a worker of the unit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignedLine {
    pub id: i64,
    pub topic: String,
    pub urgency: String,
    pub worker: String,
    pub since: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AssignForm {
    #[serde(default)]
    pub id: i64,
    #[serde(default)]
    pub unita: String,
    #[serde(default)]
    pub operatore: String,
    #[serde(default)]
    pub motivo: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReturnForm {
    #[serde(default)]
    pub id: i64,
    #[serde(default)]
    pub unita: String,
    /// `sportello`, or the id of another unit.
    #[serde(default)]
    pub destinazione: String,
    #[serde(default)]
    pub motivo: String,
}

/// What the queue is narrowed to (all optional).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueFilters {
    pub urgenza: Option<String>,
    pub origine: Option<String>,
    /// The family's comune of residence.
    #[serde(default)]
    pub comune: Option<String>,
    /// The office that registered the request.
    #[serde(default)]
    pub sede: Option<String>,
    pub dopo: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ClaimForm {
    #[serde(default)]
    pub id: i64,
    #[serde(default)]
    pub unita: String,
}

// JSON, not a form encoding: the filters are an optional nested part.
pub async fn load_queue(unita: Option<i64>, filters: QueueFilters) -> Result<Option<QueueView>, AppError> {
    store::view(unita, filters).await
}

#[component]
pub fn QueuePage() -> impl IntoView {
    view! { <StaffOnly title="Coda dell'unità" permission=Permission::WorkQueue signed_in=|me| view! { <StaffBar me /> <Queue /> } /> }
}

#[component]
fn Queue() -> impl IntoView {
    let (unit, filters, taken) = use_query_map().with_untracked(|q| {
        let text = |name: &str| q.get(name).filter(|v| !v.is_empty());
        (
            q.get("unita").and_then(|u| u.parse::<i64>().ok()),
            QueueFilters {
                urgenza: text("urgenza"),
                origine: text("origine"),
                comune: text("comune"),
                sede: text("sede"),
                dopo: text("dopo"),
            },
            q.get("presa").and_then(|id| id.parse::<i64>().ok()),
        )
    });
    let data = Resource::new(
        move || (unit, filters.clone()),
        |(unit, filters)| load_queue(unit, filters),
    );
    let problem = crate::forms::refusal_of(&[CLAIM_PATH, CLAIM_NEXT_PATH, ASSIGN_PATH, RETURN_PATH]);
    view! {
        <div class="container">
            {taken.map(|id| view! {
                <p class="alert alert-success" role="status">
                    {format!("Hai preso in carico la richiesta n. {id}: ora sei l'operatore di riferimento della famiglia. ")}
                    <a href=crate::cases::CASES_PATH>"Vai ai tuoi casi"</a>
                </p>
            })}
            {problem.map(|text| view! { <p class="alert alert-danger" role="alert">{text}</p> })}
            <Loaded data body=|view| match view {
                Some(view) => view! { <QueueBody view /> }.into_any(),
                None => view! { <h1>"Coda dell'unità"</h1> <p>"Non lavori in nessuna unità."</p> }.into_any(),
            } />
        </div>
    }
}

#[component]
fn QueueBody(view: QueueView) -> impl IntoView {
    let QueueView {
        units,
        unit_id,
        unit_name,
        lines,
        next_page,
        filters,
        comuni,
        offices,
        coordination,
    } = view;
    let coordinating = coordination.clone();
    let unit = unit_id.to_string();
    let empty = lines.is_empty();
    view! {
        <h1>{format!("Coda: {unit_name}")}</h1>
        <UnitSwitch units current=unit_id page=QUEUE_PATH label="Unità" />
        <form method="post" action=CLAIM_NEXT_PATH class="mb-3">
            <input type="hidden" name="unita" value=unit.clone() />
            <button type="submit" class="btn btn-primary">"Prendi il prossimo"</button>
            <span class="ms-2 small">"La richiesta più urgente che aspetta da più tempo."</span>
        </form>
        <form method="get" action=QUEUE_PATH class="row g-2 align-items-end mb-3">
            <input type="hidden" name="unita" value=unit.clone() />
            <div class="col-auto">
                <label class="form-label" for="filtro-urgenza">"Urgenza"</label>
                <select class="form-select" id="filtro-urgenza" name="urgenza">
                    <option value="" selected=filters.urgenza.is_none()>"Tutte"</option>
                    {crate::triage::Urgency::CHOICES.iter().map(|(key, label)| view! {
                        <option value=*key selected=filters.urgenza.as_deref() == Some(*key)>{*label}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="col-auto">
                <label class="form-label" for="filtro-origine">"Origine"</label>
                <select class="form-select" id="filtro-origine" name="origine">
                    <option value="" selected=filters.origine.is_none()>"Tutte"</option>
                    {crate::triage::Origin::ALL.iter().map(|origin| view! {
                        <option value=origin.key() selected=filters.origine.as_deref() == Some(origin.key())>{origin.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            {(comuni.len() > 1).then(|| view! { <PlaceFilter id="filtro-comune" name="comune" label="Comune" places=comuni chosen=filters.comune.clone() /> })}
            {(offices.len() > 1).then(|| view! { <PlaceFilter id="filtro-sede" name="sede" label="Sede" places=offices chosen=filters.sede.clone() /> })}
            <div class="col-auto"><button type="submit" class="btn btn-outline-primary">"Filtra"</button></div>
        </form>
        {if empty {
            view! { <p>"Nessuna richiesta in attesa."</p> }.into_any()
        } else {
            view! {
                <div class="table-responsive">
                    <table class="table">
                        <caption>"Richieste in attesa, dalla più urgente e dalla più vecchia"</caption>
                        <thead><tr><th scope="col">"N."</th><th scope="col">"Urgenza"</th><th scope="col">"Bisogno"</th><th scope="col">"Comune"</th><th scope="col">"Origine"</th><th scope="col">"In attesa"</th><th scope="col">"Azioni"</th></tr></thead>
                        <tbody>
                            {lines.into_iter().map(|line| {
                                let id = line.id.to_string();
                                view! {
                                    <tr class:table-danger=line.urgent>
                                        <td>{line.id}</td>
                                        <td>{line.urgency}</td>
                                        <td>{line.topic}</td>
                                        <td>{line.comune}</td>
                                        <td>{line.origin}{line.deadline.map(|d| view! { <br /><strong>{format!("Relazione entro il {d}")}</strong> })}</td>
                                        <td>{line.waiting}</td>
                                        <td>
                                            <form method="post" action=CLAIM_PATH>
                                                <input type="hidden" name="id" value=id.clone() />
                                                <input type="hidden" name="unita" value=unit.clone() />
                                                <button type="submit" class="btn btn-sm btn-outline-primary" aria-label=format!("Prendi in carico la richiesta n. {id}")>"Prendi in carico"</button>
                                            </form>
                                            {coordinating.clone().map(|c| view! { <CoordinatorActions id=line.id unit=unit.clone() coordination=c /> })}
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
        {next_page.map(|href| view! { <p><a href=href rel="external">"Richieste successive"</a></p> })}
        {coordination.map(|c| view! { <AssignedSection unit=unit.clone() coordination=c /> })}
    }
    .into_any()
}

/// Links to the same page for each of the person's units, when there is more than one (the queue,
/// the dashboard).
#[component]
pub fn UnitSwitch(units: Vec<(i64, String)>, current: i64, page: &'static str, label: &'static str) -> impl IntoView {
    (units.len() > 1).then(|| {
        view! {
            <nav aria-label=label>
                <ul class="list-inline">
                    {units.into_iter().map(|(id, name)| view! {
                        <li class="list-inline-item">
                            <a href=format!("{page}?unita={id}") rel="external" aria-current=(id == current).then_some("page")>{name}</a>
                        </li>
                    }).collect_view()}
                </ul>
            </nav>
        }
    })
}

/// A filter of the queue by a comune or an office.
#[component]
fn PlaceFilter(
    id: &'static str,
    name: &'static str,
    label: &'static str,
    places: Vec<(i64, String)>,
    chosen: Option<String>,
) -> impl IntoView {
    view! {
        <div class="col-auto">
            <label class="form-label" for=id>{label}</label>
            <select class="form-select" id=id name=name>
                <option value="" selected=chosen.is_none()>"Tutti"</option>
                {places.into_iter().map(|(place, place_name)| {
                    let value = place.to_string();
                    let selected = chosen.as_deref() == Some(value.as_str());
                    view! { <option value=value selected=selected>{place_name}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// A select with its visible label, for the coordinator's small forms (ids unique per row).
#[component]
fn Choice(id: String, name: &'static str, label: String, options: Vec<(String, String)>) -> impl IntoView {
    view! {
        <label class="form-label small mb-0" for=id.clone()>{label}</label>
        <select class="form-select form-select-sm" id=id name=name required>
            <option value="">"Scegli…"</option>
            {options.into_iter().map(|(value, text)| view! { <option value=value>{text}</option> }).collect_view()}
        </select>
    }
}

/// Assign a waiting request to a worker, or return it to the front desk or another unit.
#[component]
fn CoordinatorActions(id: i64, unit: String, coordination: Coordination) -> impl IntoView {
    view! {
        <details class="mt-1">
            <summary>{format!("Assegna o restituisci la n. {id}")}</summary>
            <form method="post" action=ASSIGN_PATH class="mt-1">
                <input type="hidden" name="id" value=id.to_string() />
                <input type="hidden" name="unita" value=unit.clone() />
                <Choice id=format!("assegna-{id}") name="operatore" label=format!("Assegna la n. {id} a") options=coordination.workers />
                <button type="submit" class="btn btn-sm btn-outline-primary mt-1">"Assegna"</button>
            </form>
            <form method="post" action=RETURN_PATH class="mt-2">
                <input type="hidden" name="id" value=id.to_string() />
                <input type="hidden" name="unita" value=unit />
                <Choice id=format!("restituisci-{id}") name="destinazione" label=format!("Restituisci la n. {id} a") options=coordination.destinations />
                <label class="form-label small mb-0" for=format!("motivo-restituzione-{id}")>"Motivo"</label>
                <input class="form-control form-control-sm" id=format!("motivo-restituzione-{id}") name="motivo" maxlength="300" required />
                <button type="submit" class="btn btn-sm btn-outline-danger mt-1">"Restituisci"</button>
            </form>
        </details>
    }
    .into_any()
}

/// The unit's requests already assigned, with who has them, to reassign them with a reason.
#[component]
fn AssignedSection(unit: String, coordination: Coordination) -> impl IntoView {
    let Coordination {
        workers,
        assigned,
        alerts,
        ..
    } = coordination;
    view! {
        <section aria-labelledby="titolo-attenzione" class="mt-5">
            <h2 id="titolo-attenzione">"Da guardare oggi"</h2>
            {if alerts.is_empty() {
                view! { <p>"Nessuna richiesta urgente in attesa da troppo tempo, nessuna scadenza vicina, nessun accesso di emergenza ai fascicoli."</p> }.into_any()
            } else {
                view! { <ul>{alerts.into_iter().map(|alert| view! { <li>{alert}</li> }).collect_view()}</ul> }.into_any()
            }}
        </section>
        <section aria-labelledby="titolo-assegnate" class="mt-5">
            <h2 id="titolo-assegnate">"Richieste assegnate"</h2>
            {if assigned.is_empty() {
                view! { <p>"Nessuna richiesta assegnata."</p> }.into_any()
            } else {
                view! {
                    <div class="table-responsive">
                        <table class="table">
                            <caption>"Richieste dell'unità assegnate a un operatore"</caption>
                            <thead><tr><th scope="col">"N."</th><th scope="col">"Bisogno"</th><th scope="col">"Urgenza"</th><th scope="col">"Operatore"</th><th scope="col">"Assegnata"</th><th scope="col">"Riassegna"</th></tr></thead>
                            <tbody>
                                {assigned.into_iter().map(|line| view! {
                                    <tr>
                                        <td>{line.id}</td>
                                        <td>{line.topic}</td>
                                        <td>{line.urgency}</td>
                                        <td>{line.worker}</td>
                                        <td>{line.since}</td>
                                        <td>
                                            <form method="post" action=ASSIGN_PATH>
                                                <input type="hidden" name="id" value=line.id.to_string() />
                                                <input type="hidden" name="unita" value=unit.clone() />
                                                <Choice id=format!("riassegna-{}", line.id) name="operatore" label=format!("Riassegna la n. {} a", line.id) options=workers.clone() />
                                                <label class="form-label small mb-0" for=format!("motivo-{}", line.id)>"Motivo"</label>
                                                <input class="form-control form-control-sm" id=format!("motivo-{}", line.id) name="motivo" maxlength="300" required />
                                                <button type="submit" class="btn btn-sm btn-outline-primary mt-1">"Riassegna"</button>
                                            </form>
                                        </td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
    .into_any()
}
