//! The agenda of the day and the page to move an appointment.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::*;
use crate::access::permissions::Permission;
use crate::booking::{AGENDA_CANCEL_PATH, AGENDA_MOVE_PATH, AGENDA_STATE_PATH};
use crate::forms::use_submitted;
use crate::layout::back_office::{Loaded, StaffBar, StaffOnly};

#[component]
pub fn AgendaPage() -> impl IntoView {
    view! { <StaffOnly title="Agenda della sede" permission=Permission::RunAgenda signed_in=|me| view! { <StaffBar me /> <Agenda /> } /> }
}

/// The day's agenda, as the front desk's pages show it; `embedded` in the front desk's home page
/// (under the page's own heading).
#[component]
pub fn Agenda(#[prop(optional)] embedded: bool) -> impl IntoView {
    let (sede, giorno, done) = use_query_map().with_untracked(|q| {
        (
            q.get("sede").and_then(|s| s.parse::<i64>().ok()),
            q.get("giorno"),
            q.get("fatto"),
        )
    });
    let data = Resource::new(
        move || (sede, giorno.clone()),
        |(sede, giorno)| store::view(sede, giorno),
    );
    let problem = crate::forms::refusal_of(&[AGENDA_STATE_PATH, AGENDA_CANCEL_PATH]);
    let notice = done.map(|done| match done.as_str() {
        "spostata" => "Appuntamento spostato. Se la persona ha lasciato un'email, riceve il nuovo orario e un nuovo collegamento personale.",
        "annullata" => "Appuntamento annullato. Se la persona ha lasciato un'email, riceve il motivo e il collegamento per prenotare di nuovo.",
        _ => "Fatto.",
    });
    view! {
        <div class="container">
            {notice.map(|text| view! { <p class="alert alert-success" role="status">{text}</p> })}
            {problem.map(|text| view! { <p class="alert alert-danger" role="alert">{text}</p> })}
            <Loaded data body=move |view| match view {
                Some(view) => view! { <AgendaBody view embedded /> }.into_any(),
                None => view! { <p>"Non sei operatore di sportello di nessuna sede."</p> }.into_any(),
            } />
        </div>
    }
}

#[component]
fn AgendaBody(view: AgendaView, embedded: bool) -> impl IntoView {
    let AgendaView {
        offices,
        office_id,
        office_slug,
        office_name,
        day,
        day_text,
        is_today,
        markable,
        lines,
    } = view;
    let previous = agenda_link(office_id, day.pred_opt().unwrap_or(day));
    let next = agenda_link(office_id, day.succ_opt().unwrap_or(day));
    let phone_booking = crate::booking::step_link(Some(&office_slug), None, &[]);
    let count = lines.len();
    view! {
        {
            let title = if is_today { format!("Agenda di oggi, {day_text}") } else { format!("Agenda di {day_text}") };
            if embedded { view! { <h2>{title}</h2> }.into_any() } else { view! { <h1>{title}</h1> }.into_any() }
        }
        <p class="lead">{office_name}</p>
        {(offices.len() > 1).then(|| view! {
            <nav aria-label="Sedi">
                <ul class="list-inline">
                    {offices.into_iter().map(|(id, name)| view! {
                        <li class="list-inline-item">
                            <a href=agenda_link(id, day) rel="external" aria-current=(id == office_id).then_some("page")>{name}</a>
                        </li>
                    }).collect_view()}
                </ul>
            </nav>
        })}
        <nav aria-label="Giorni" class="mb-3">
            <a href=previous rel="external" class="me-3">"← Giorno prima"</a>
            <a href=AGENDA_PATH rel="external" class="me-3">"Oggi"</a>
            <a href=next rel="external">"Giorno dopo →"</a>
        </nav>
        <form method="get" action=AGENDA_PATH class="row g-2 align-items-end mb-3">
            <input type="hidden" name="sede" value=office_id.to_string() />
            <div class="col-auto">
                <label class="form-label fw-semibold" for="campo-giorno">"Vai al giorno"</label>
                <input class="form-control" id="campo-giorno" name="giorno" type="date" value=day.to_string() />
            </div>
            <div class="col-auto"><button type="submit" class="btn btn-outline-primary">"Mostra"</button></div>
        </form>
        <p><a href=phone_booking class="btn btn-primary">"Nuova prenotazione telefonica"</a></p>
        {if count == 0 {
            view! { <p>"Nessun appuntamento in questo giorno."</p> }.into_any()
        } else {
            view! {
                <div class="table-responsive">
                    <table class="table agenda">
                        <caption>{format!("{count} appuntamenti, in ordine di orario")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Orario"</th>
                                <th scope="col">"Persona"</th>
                                <th scope="col">"Argomento"</th>
                                <th scope="col">"Lingua e necessità"</th>
                                <th scope="col">"Stato"</th>
                                <th scope="col">"Azioni"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {lines.into_iter().map(|line| view! { <AgendaRow line markable office_id day /> }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
    }
    .into_any()
}

#[component]
fn AgendaRow(line: AgendaLine, markable: bool, office_id: i64, day: NaiveDate) -> impl IntoView {
    let id = line.id.to_string();
    let who = line.name.clone();
    let (sede, giorno) = (office_id.to_string(), day.to_string());
    view! {
        <tr>
            <th scope="row">{line.time}</th>
            <td>
                <strong>{line.name}</strong><br />
                "Codice "{line.code}<br />
                {line.contact}
                {line.by_phone.then_some(" (prenotato al telefono)")}
            </td>
            <td>{line.topic}{(!line.about.is_empty()).then(|| view! { <br /><span class="small">{format!("«{}»", line.about)}</span> })}</td>
            <td>{line.language}{(!line.accessibility.is_empty()).then(|| view! { <br /><span class="small">{line.accessibility}</span> })}</td>
            <td>
                {line.visit.label()}
                {match line.outcome.clone() {
                    Some(outcome) => view! { <br /><span class="small">{outcome}</span> }.into_any(),
                    None if matches!(line.visit, Visit::Arrived | Visit::Done) => view! {
                        <br /><a href=format!("{}?prenotazione={}", crate::triage::NEW_PATH, line.id) aria-label=format!("Registra l'esito del colloquio di {who}")>"Registra l'esito"</a>
                    }.into_any(),
                    None => ().into_any(),
                }}
            </td>
            <td>
                {markable.then(|| line.visit.next().iter().map(|(state, text)| view! {
                    <form method="post" action=AGENDA_STATE_PATH class="d-inline me-1">
                        <input type="hidden" name="id" value=id.clone() />
                        <input type="hidden" name="stato" value=state.key() />
                        <input type="hidden" name="sede" value=sede.clone() />
                        <input type="hidden" name="giorno" value=giorno.clone() />
                        <button type="submit" class="btn btn-sm btn-outline-primary" aria-label=format!("{text}: {who}")>{*text}</button>
                    </form>
                }).collect_view())}
                {(line.visit == Visit::Expected).then(|| view! {
                    <a href=format!("{AGENDA_MOVE_PATH}?id={id}&giorno={giorno}") class="d-inline-block mt-1 me-2" aria-label=format!("Sposta l'appuntamento di {who}")>"Sposta"</a>
                    <details class="mt-1">
                        <summary>"Annulla l'appuntamento"</summary>
                        <form method="post" action=AGENDA_CANCEL_PATH>
                            <input type="hidden" name="id" value=id.clone() />
                            <input type="hidden" name="sede" value=sede.clone() />
                            <input type="hidden" name="giorno" value=giorno.clone() />
                            <label class="form-label" for=format!("motivo-{id}")>{format!("Motivo per {who}")}</label>
                            <input class="form-control" id=format!("motivo-{id}") name="motivo" maxlength="200" required />
                            <button type="submit" class="btn btn-sm btn-outline-danger mt-1">"Annulla e avvisa"</button>
                        </form>
                    </details>
                })}
            </td>
        </tr>
    }
    .into_any()
}

#[component]
pub fn AgendaMovePage() -> impl IntoView {
    view! { <StaffOnly title="Sposta un appuntamento" permission=Permission::RunAgenda signed_in=|me| view! { <StaffBar me /> <MoveBooking /> } /> }
}

#[component]
fn MoveBooking() -> impl IntoView {
    let submitted = use_submitted(AGENDA_MOVE_PATH);
    let (id, giorno) = use_query_map().with_untracked(|q| {
        (
            q.get("id").and_then(|id| id.parse::<i64>().ok()).unwrap_or(0),
            q.get("giorno"),
        )
    });
    let data = Resource::new(
        move || (id, giorno.clone()),
        |(id, giorno)| store::move_view(id, giorno),
    );
    let problem = submitted
        .errors
        .iter()
        .next()
        .map(|(_, message)| message.to_owned())
        .or(submitted.problem);
    view! {
        <div class="container stretto">
            <h1>"Sposta un appuntamento"</h1>
            {problem.map(|text| view! { <p class="alert alert-danger" role="alert">{text}</p> })}
            <Loaded data body=|view| view! { <MoveBody view /> } />
        </div>
    }
}

#[component]
fn MoveBody(view: MoveView) -> impl IntoView {
    let MoveView {
        id,
        office_id,
        name,
        code,
        now,
        day,
        day_text,
        free,
    } = view;
    view! {
        <p class="lead">{name}" — codice "{code}<br />"Ora: "{now}</p>
        <form method="get" action=AGENDA_MOVE_PATH class="row g-2 align-items-end mb-4">
            <input type="hidden" name="id" value=id.to_string() />
            <div class="col-auto">
                <label class="form-label fw-semibold" for="campo-giorno">"Nuovo giorno"</label>
                <input class="form-control" id="campo-giorno" name="giorno" type="date" value=day.to_string() />
            </div>
            <div class="col-auto"><button type="submit" class="btn btn-outline-primary">"Mostra gli orari liberi"</button></div>
        </form>
        {if free.is_empty() {
            view! { <p>{format!("Nessun orario libero {day_text}: scegli un altro giorno.")}</p> }.into_any()
        } else {
            view! {
                <form method="post" action=AGENDA_MOVE_PATH>
                    <input type="hidden" name="id" value=id.to_string() />
                    <input type="hidden" name="giorno" value=day.to_string() />
                    <fieldset class="mb-3">
                        <legend class="h5">{format!("Orari liberi di {day_text}")}</legend>
                        {free.into_iter().enumerate().map(|(i, (value, text))| {
                            let input_id = format!("ora-{i}");
                            view! {
                                <div class="form-check">
                                    <input class="form-check-input" type="radio" id=input_id.clone() name="ora" value=value required />
                                    <label class="form-check-label" for=input_id>{text}</label>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                    <button type="submit" class="btn btn-primary">"Sposta e avvisa"</button>
                </form>
            }.into_any()
        }}
        <p class="mt-4"><a href=agenda_link(office_id, day) rel="external">"Torna all'agenda"</a></p>
    }
    .into_any()
}
