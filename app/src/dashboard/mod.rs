//! The coordinator's dashboard (cruscotto) of a unit: the queue (how many wait, how many urgent,
//! the longest wait), the court deadlines of the coming days, who carries how much work, the
//! closures waiting for approval, and eight weeks of requests arriving and cases closing — as a
//! chart, and as a table with the same numbers for whoever cannot see it.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::access::permissions::Permission;
use crate::cases::FILE_PATH;
use crate::error::AppError;
use crate::layout::back_office::{Loaded, StaffBar, StaffOnly};

pub mod store;

pub const DASHBOARD_PATH: &str = "/operatori/cruscotto";

/// How many weeks the chart shows.
pub const WEEKS: usize = 8;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    /// The units the person coordinates, as (id, name).
    pub units: Vec<(i64, String)>,
    pub unit_id: i64,
    pub unit_name: String,
    pub waiting: i64,
    pub urgent: i64,
    /// "da 3 giorni", when someone waits.
    pub oldest_wait: Option<String>,
    /// The window of the deadlines shown, in days.
    pub deadline_days: u32,
    pub deadlines: Vec<Deadline>,
    pub workload: Vec<WorkerLoad>,
    /// Cases whose closure waits for approval, as (case id, who asked and when).
    pub closures: Vec<(i64, String)>,
    pub weeks: Vec<WeekFlow>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    pub due: String,
    pub late: bool,
    /// "Caso n. 4" or "Richiesta n. 12 (in coda)".
    pub what: String,
    pub case_id: Option<i64>,
    pub responsible: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkerLoad {
    pub name: String,
    pub responsible_cases: i64,
    pub team_cases: i64,
    pub assigned_requests: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekFlow {
    /// "settimana dal 23 novembre".
    pub label: String,
    /// "23/11".
    pub short: String,
    /// Requests that arrived in the unit's queue (new or moved there).
    pub arrived: i64,
    /// Cases the unit closed.
    pub closed: i64,
}

pub async fn load_dashboard(unita: Option<i64>) -> Result<Option<Dashboard>, AppError> {
    store::dashboard(unita).await
}

#[component]
pub fn DashboardPage() -> impl IntoView {
    view! { <StaffOnly title="Cruscotto dell'unità" permission=Permission::CoordinateQueue signed_in=|me| view! { <StaffBar me /> <DashboardView /> } /> }
}

#[component]
fn DashboardView() -> impl IntoView {
    let unit = use_query_map().with_untracked(|q| q.get("unita").and_then(|u| u.parse::<i64>().ok()));
    let data = Resource::new(move || unit, load_dashboard);
    view! {
        <div class="container">
            <Loaded data body=|dashboard| match dashboard {
                Some(dashboard) => view! { <DashboardBody dashboard /> }.into_any(),
                None => view! { <h1>"Cruscotto dell'unità"</h1> <p>"Non coordini nessuna unità."</p> }.into_any(),
            } />
        </div>
    }
}

#[component]
fn DashboardBody(dashboard: Dashboard) -> impl IntoView {
    let Dashboard {
        units,
        unit_id,
        unit_name,
        waiting,
        urgent,
        oldest_wait,
        deadline_days,
        deadlines,
        workload,
        closures,
        weeks,
    } = dashboard;
    let has_urgent = urgent > 0;
    view! {
        <h1>{format!("Cruscotto: {unit_name}")}</h1>
        <crate::queues::UnitSwitch units current=unit_id page=DASHBOARD_PATH label="Unità coordinate" />
        <section aria-labelledby="titolo-coda-cruscotto">
            <h2 id="titolo-coda-cruscotto">"Coda"</h2>
            <ul>
                <li>{format!("Richieste in attesa: {waiting}")}</li>
                <li class:text-danger=has_urgent>{format!("Di cui urgenti: {urgent}")}</li>
                <li>{match oldest_wait {
                    Some(wait) => format!("La più vecchia aspetta {wait}."),
                    None => "Nessuna richiesta in attesa.".to_owned(),
                }}</li>
            </ul>
            <p><a href=format!("{}?unita={unit_id}", crate::queues::QUEUE_PATH)>"Apri la coda"</a></p>
        </section>
        <DeadlinesSection deadlines days=deadline_days />
        <WorkloadSection workload />
        <section aria-labelledby="titolo-chiusure" class="mt-4">
            <h2 id="titolo-chiusure">"Chiusure da approvare"</h2>
            {if closures.is_empty() {
                view! { <p>"Nessuna."</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {closures.into_iter().map(|(case, asked)| view! {
                            <li><a href=format!("{}?caso={case}", crate::cases::plans::PLAN_PATH)>{format!("Caso n. {case}")}</a>{format!(": {asked}")}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <FlowSection weeks />
    }
    .into_any()
}

#[component]
fn DeadlinesSection(deadlines: Vec<Deadline>, days: u32) -> impl IntoView {
    view! {
        <section aria-labelledby="titolo-scadenze-ag" class="mt-4">
            <h2 id="titolo-scadenze-ag">"Relazioni all'Autorità Giudiziaria"</h2>
            <p>{format!("Scadute e in scadenza nei prossimi {days} giorni.")}</p>
            {if deadlines.is_empty() {
                view! { <p>"Nessuna."</p> }.into_any()
            } else {
                view! {
                    <div class="table-responsive">
                        <table class="table">
                            <caption>"Relazioni da inviare, dalla più vicina"</caption>
                            <thead><tr><th scope="col">"Entro il"</th><th scope="col">"Per"</th><th scope="col">"Operatore di riferimento"</th></tr></thead>
                            <tbody>
                                {deadlines.into_iter().map(|deadline| view! {
                                    <tr class:table-danger=deadline.late>
                                        <td>{deadline.due}{deadline.late.then_some(" (scaduta)")}</td>
                                        <td>{match deadline.case_id {
                                            Some(case) => view! { <a href=format!("{FILE_PATH}?id={case}")>{deadline.what.clone()}</a> }.into_any(),
                                            None => view! { <span>{deadline.what.clone()}</span> }.into_any(),
                                        }}</td>
                                        <td>{deadline.responsible}</td>
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

#[component]
fn WorkloadSection(workload: Vec<WorkerLoad>) -> impl IntoView {
    view! {
        <section aria-labelledby="titolo-carichi" class="mt-4">
            <h2 id="titolo-carichi">"Carichi di lavoro"</h2>
            <div class="table-responsive">
                <table class="table">
                    <caption>"Casi aperti e richieste assegnate, per operatore"</caption>
                    <thead><tr><th scope="col">"Operatore"</th><th scope="col">"Casi come referente"</th><th scope="col">"Casi in équipe"</th><th scope="col">"Richieste assegnate"</th></tr></thead>
                    <tbody>
                        {workload.into_iter().map(|load| view! {
                            <tr>
                                <th scope="row">{load.name}</th>
                                <td>{load.responsible_cases}</td>
                                <td>{load.team_cases}</td>
                                <td>{load.assigned_requests}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

/// Eight weeks of arrivals and closures: a bar chart drawn as SVG (its title and description say
/// what it shows), then the same numbers in a table.
#[component]
fn FlowSection(weeks: Vec<WeekFlow>) -> impl IntoView {
    const WIDTH: i64 = 640;
    const TOP: i64 = 24;
    const BASE: i64 = 190;
    let most = weeks.iter().map(|w| w.arrived.max(w.closed)).max().unwrap_or(0).max(1);
    let height = |value: i64| value * (BASE - TOP) / most;
    let slot = (WIDTH - 40) / weeks.len().max(1) as i64;
    let arrived_total: i64 = weeks.iter().map(|w| w.arrived).sum();
    let closed_total: i64 = weeks.iter().map(|w| w.closed).sum();
    let summary = format!(
        "Nelle ultime {} settimane sono arrivate {arrived_total} richieste e sono stati chiusi {closed_total} casi. I numeri di ogni settimana sono nella tabella che segue.",
        weeks.len()
    );
    let bars = weeks
        .iter()
        .enumerate()
        .map(|(i, week)| {
            let x = 40 + i as i64 * slot;
            let (arrived, closed) = (height(week.arrived), height(week.closed));
            view! {
                <g>
                    <rect x=x y=BASE - arrived width="22" height=arrived fill="#0059b3"></rect>
                    <text x=x + 11 y=BASE - arrived - 4 text-anchor="middle" font-size="12">{week.arrived}</text>
                    <rect x=x + 26 y=BASE - closed width="22" height=closed fill="#8a5300"></rect>
                    <text x=x + 37 y=BASE - closed - 4 text-anchor="middle" font-size="12">{week.closed}</text>
                    <text x=x + 24 y=BASE + 18 text-anchor="middle" font-size="12">{week.short.clone()}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="titolo-andamento" class="mt-4">
            <h2 id="titolo-andamento">"Andamento settimanale"</h2>
            <p>
                <span class="me-3"><svg width="14" height="14" aria-hidden="true"><rect width="14" height="14" fill="#0059b3"></rect></svg>" Richieste arrivate"</span>
                <span><svg width="14" height="14" aria-hidden="true"><rect width="14" height="14" fill="#8a5300"></rect></svg>" Casi chiusi"</span>
            </p>
            <svg class="grafico" viewBox=format!("0 0 {WIDTH} 220") role="img" aria-labelledby="grafico-titolo grafico-descrizione">
                <title id="grafico-titolo">"Richieste arrivate e casi chiusi, settimana per settimana"</title>
                <desc id="grafico-descrizione">{summary.clone()}</desc>
                <line x1="36" y1=BASE x2=WIDTH y2=BASE stroke="#5c6f82"></line>
                {bars}
            </svg>
            <p>{summary}</p>
            <div class="table-responsive">
                <table class="table table-sm">
                    <caption>"Richieste arrivate e casi chiusi per settimana"</caption>
                    <thead><tr><th scope="col">"Settimana"</th><th scope="col">"Richieste arrivate"</th><th scope="col">"Casi chiusi"</th></tr></thead>
                    <tbody>
                        {weeks.into_iter().map(|week| view! {
                            <tr><th scope="row">{week.label}</th><td>{week.arrived}</td><td>{week.closed}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}
