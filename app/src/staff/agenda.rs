//! `/operatori/agenda`: the front desk's day at its office — who is coming, at what time, about
//! what, in which language and with which needs — and, as the day goes, who has arrived, who did
//! not come and whose interview is over. From here the desk books for people who phone (through
//! the public booking steps, which offer it today's slots too) and cancels with a reason, which the
//! citizen receives by email.
//!
//! An operator sees only the offices they hold the front-desk role for: asking for another office's
//! agenda is refused and recorded.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::access::permissions::Permission;
use crate::booking::{Booker, AGENDA_CANCEL_PATH, AGENDA_MOVE_PATH, AGENDA_PATH, AGENDA_STATE_PATH};
use crate::error::AppError;
use crate::forms::use_submitted;
use crate::layout::back_office::{Loaded, StaffBar, StaffOnly};

/// Where a person is in their visit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Visit {
    Expected,
    Arrived,
    NoShow,
    Done,
}

impl Visit {
    pub const ALL: [Visit; 4] = [Visit::Expected, Visit::Arrived, Visit::NoShow, Visit::Done];

    pub fn key(self) -> &'static str {
        match self {
            Visit::Expected => "attesa",
            Visit::Arrived => "arrivato",
            Visit::NoShow => "assente",
            Visit::Done => "concluso",
        }
    }

    pub fn from_key(key: &str) -> Option<Visit> {
        Visit::ALL.into_iter().find(|visit| visit.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Visit::Expected => "Atteso",
            Visit::Arrived => "Arrivato",
            Visit::NoShow => "Non presentato",
            Visit::Done => "Colloquio concluso",
        }
    }

    /// The buttons offered next, as (state, button text).
    fn next(self) -> &'static [(Visit, &'static str)] {
        match self {
            Visit::Expected => &[(Visit::Arrived, "Arrivato"), (Visit::NoShow, "Non presentato")],
            Visit::Arrived => &[
                (Visit::Done, "Colloquio concluso"),
                (Visit::Expected, "Annulla «arrivato»"),
            ],
            Visit::NoShow => &[(Visit::Arrived, "Arrivato in ritardo")],
            Visit::Done => &[(Visit::Arrived, "Riapri")],
        }
    }
}

/// One appointment of the day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaLine {
    pub id: i64,
    pub time: String,
    pub code: String,
    pub name: String,
    pub topic: String,
    /// Phone and email, as given.
    pub contact: String,
    /// "Italiano", or "Arabo, con interprete".
    pub language: String,
    pub accessibility: String,
    pub about: String,
    pub visit: Visit,
    /// Booked by the desk for someone who phoned.
    pub by_phone: bool,
    /// The interview's outcome, once recorded.
    pub outcome: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaView {
    /// The offices the operator may open, as (id, name).
    pub offices: Vec<(i64, String)>,
    pub office_id: i64,
    pub office_slug: String,
    pub office_name: String,
    pub day: NaiveDate,
    pub day_text: String,
    pub is_today: bool,
    /// Whether the states may be marked (today and past days, not days to come).
    pub markable: bool,
    pub lines: Vec<AgendaLine>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct VisitForm {
    #[serde(default)]
    pub id: i64,
    #[serde(default)]
    pub stato: String,
    #[serde(default)]
    pub sede: String,
    #[serde(default)]
    pub giorno: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DeskCancelForm {
    #[serde(default)]
    pub id: i64,
    #[serde(default)]
    pub motivo: String,
    #[serde(default)]
    pub sede: String,
    #[serde(default)]
    pub giorno: String,
}

pub async fn load_agenda(sede: Option<i64>, giorno: Option<String>) -> Result<Option<AgendaView>, AppError> {
    submit::view(sede, giorno).await
}

#[component]
pub fn AgendaPage() -> impl IntoView {
    view! { <StaffOnly title="Agenda della sede" permission=Permission::RunAgenda signed_in=|me| view! { <StaffBar me /> <Agenda /> } /> }
}

/// The agenda's address for an office and a day.
pub fn agenda_link(office: i64, day: NaiveDate) -> String {
    format!("{AGENDA_PATH}?sede={office}&giorno={day}")
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
        |(sede, giorno)| load_agenda(sede, giorno),
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

/// The booking being moved and the free times of the day asked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoveView {
    pub id: i64,
    pub office_id: i64,
    pub name: String,
    pub code: String,
    pub now: String,
    pub day: NaiveDate,
    pub day_text: String,
    /// The free times of `day`, as ("09:30", "dalle 9:30 alle 10:00").
    pub free: Vec<(String, String)>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DeskMoveForm {
    #[serde(default)]
    pub id: i64,
    #[serde(default)]
    pub giorno: String,
    #[serde(default)]
    pub ora: String,
}

pub async fn load_move(id: i64, giorno: Option<String>) -> Result<MoveView, AppError> {
    submit::move_view(id, giorno).await
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
    let data = Resource::new(move || (id, giorno.clone()), |(id, giorno)| load_move(id, giorno));
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

pub mod submit {
    use chrono::{DateTime, Duration, Utc};
    use chrono_tz::Europe::Rome;

    use super::*;
    use crate::access::accounts::StaffUser;
    use crate::access::auth;
    use crate::audit::Entry;
    use crate::booking::details::language_label;
    use crate::booking::office_cancel::{CancelledBooking, OfficeForNotice, COLUMNS};
    use crate::booking::slots::utc_bounds;
    use crate::dates::{clock, long_date};
    use crate::forms::{FieldErrors, FormOutcome};
    use crate::on_db;
    use crate::state::AppState;

    /// Why the desk cancelled (`bookings.cancel_reason` starts with it).
    pub const BY_DESK: &str = "dallo sportello";

    #[derive(sqlx::FromRow)]
    struct Row {
        id: i64,
        code: String,
        starts_at: DateTime<Utc>,
        ends_at: DateTime<Utc>,
        given_name: String,
        family_name: String,
        email: Option<String>,
        phone: Option<String>,
        language: String,
        interpreter: bool,
        accessibility_needs: String,
        about: String,
        visit_state: String,
        booked_by_staff_id: Option<i64>,
        outcome: Option<String>,
        topic: String,
    }

    fn day_of(raw: Option<&str>, today: NaiveDate) -> NaiveDate {
        raw.and_then(|day| NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d").ok())
            .unwrap_or(today)
    }

    /// Refuses another office's agenda or appointment, and records it.
    async fn refusal(state: &AppState, user: &StaffUser, office: i64) -> AppError {
        auth::refuse_record(state, user, "agenda.vista", "sede", office).await
    }

    pub async fn view(sede: Option<i64>, giorno: Option<String>) -> Result<Option<AgendaView>, AppError> {
        let (_, user) = auth::permitted(Permission::RunAgenda).await?;
        let state = AppState::current();
        let now = state.clock.now();
        let today = now.with_timezone(&Rome).date_naive();
        let desks = user.desks();
        let Some(first) = desks.first().copied() else {
            return Ok(None);
        };
        let office = sede.unwrap_or(first);
        if !desks.contains(&office) {
            return Err(refusal(&state, &user, office).await);
        }
        let day = day_of(giorno.as_deref(), today);
        let (from, until) = utc_bounds(day, day + Duration::days(1));
        let begin = state.db.begin_writing();
        let (offices, office_row, rows) = on_db!(&state.db, pool => {
            let mut tx = pool.begin_with(begin).await?;
            let mut offices: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM offices ORDER BY name")
                .fetch_all(&mut *tx)
                .await?;
            offices.retain(|(id, _)| desks.contains(id));
            let office_row: (String, String) = sqlx::query_as("SELECT slug, name FROM offices WHERE id = $1")
                .bind(office)
                .fetch_one(&mut *tx)
                .await?;
            let rows: Vec<Row> = sqlx::query_as(
                "SELECT b.id, b.code, b.starts_at, b.ends_at, b.given_name, b.family_name, b.email, b.phone, b.language,
                        b.interpreter, b.accessibility_needs, b.about, b.visit_state, b.booked_by_staff_id, b.outcome, t.name AS topic
                   FROM bookings b JOIN booking_topics t ON t.id = b.topic_id
                  WHERE b.office_id = $1 AND b.starts_at >= $2 AND b.starts_at < $3 AND b.status = 'confermata'
                  ORDER BY b.starts_at, b.id",
            )
            .bind(office)
            .bind(from)
            .bind(until)
            .fetch_all(&mut *tx)
            .await?;
            crate::audit!(
                &mut *tx,
                &state.audit_key,
                now,
                Entry::new(user.actor(), "agenda.vista").records("prenotazione", rows.iter().map(|r| r.id))
            )?;
            tx.commit().await?;
            (offices, office_row, rows)
        });
        let lines = rows
            .into_iter()
            .map(|row| {
                let (starts, ends) = (row.starts_at.with_timezone(&Rome), row.ends_at.with_timezone(&Rome));
                let contact = [row.phone.clone(), row.email.clone()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" · ");
                let mut language = language_label(&row.language).to_owned();
                if row.interpreter {
                    language.push_str(", con interprete");
                }
                AgendaLine {
                    id: row.id,
                    time: format!("{}–{}", clock(starts.time()), clock(ends.time())),
                    code: row.code,
                    name: format!("{} {}", row.given_name, row.family_name),
                    topic: row.topic,
                    contact,
                    language,
                    accessibility: row.accessibility_needs,
                    about: row.about,
                    visit: Visit::from_key(&row.visit_state).unwrap_or(Visit::Expected),
                    by_phone: row.booked_by_staff_id.is_some(),
                    outcome: row.outcome.map(|outcome| {
                        if outcome == "informazioni" {
                            "Esito: solo informazioni"
                        } else {
                            "Esito: richiesta registrata"
                        }
                        .to_owned()
                    }),
                }
            })
            .collect();
        Ok(Some(AgendaView {
            offices,
            office_id: office,
            office_slug: office_row.0,
            office_name: office_row.1,
            day,
            day_text: long_date(day),
            is_today: day == today,
            markable: day <= today,
            lines,
        }))
    }

    fn back_to(form_sede: &str, form_day: &str, extra: &str) -> String {
        format!(
            "{AGENDA_PATH}?sede={}&giorno={}{extra}",
            form_sede.trim(),
            form_day.trim()
        )
    }

    fn refuse(field: &str, message: &str) -> Result<FormOutcome, AppError> {
        let mut errors = FieldErrors::new();
        errors.add(field, message);
        Ok(FormOutcome::Invalid(errors))
    }

    /// Marks arrived, no-show, done (or undoes a mistake): only for the operator's own offices, for
    /// a confirmed appointment of today or a past day. One conditional update with its audit row.
    pub async fn mark(state: &AppState, form: VisitForm) -> Result<FormOutcome, AppError> {
        let (_, user) = auth::permitted(Permission::RunAgenda).await?;
        let Some(visit) = Visit::from_key(&form.stato) else {
            return refuse("stato", "Stato non valido: ricarica la pagina.");
        };
        let now = state.clock.now();
        let today = now.with_timezone(&Rome).date_naive();
        let (_, end_of_today) = utc_bounds(today, today + Duration::days(1));
        let desks = user.desks();
        let begin = state.db.begin_writing();
        let changed = on_db!(&state.db, pool => {
            let mut tx = pool.begin_with(begin).await?;
            let office: Option<i64> = sqlx::query_scalar(
                "SELECT office_id FROM bookings WHERE id = $1 AND status = 'confermata' AND starts_at < $2",
            )
            .bind(form.id)
            .bind(end_of_today)
            .fetch_optional(&mut *tx)
            .await?;
            match office {
                Some(office) if desks.contains(&office) => {
                    sqlx::query("UPDATE bookings SET visit_state = $1, visit_state_at = $2 WHERE id = $3 AND status = 'confermata'")
                        .bind(visit.key())
                        .bind(now)
                        .bind(form.id)
                        .execute(&mut *tx)
                        .await?;
                    crate::audit!(
                        &mut *tx,
                        &state.audit_key,
                        now,
                        Entry::new(user.actor(), "agenda.stato").records("prenotazione", [form.id])
                    )?;
                    tx.commit().await?;
                    Ok(true)
                }
                Some(office) => {
                    tx.rollback().await?;
                    Err(office)
                }
                None => {
                    tx.rollback().await?;
                    Ok(false)
                }
            }
        });
        match changed {
            Ok(true) => Ok(FormOutcome::Done {
                next: back_to(&form.sede, &form.giorno, ""),
            }),
            Ok(false) => refuse(
                "id",
                "Questo appuntamento non si può segnare: è stato annullato, oppure è di un giorno che deve ancora venire.",
            ),
            Err(office) => Err(refusal(state, &user, office).await),
        }
    }

    /// Cancels an appointment for the office, with a reason the citizen reads in the email.
    pub async fn cancel(state: &AppState, form: DeskCancelForm) -> Result<FormOutcome, AppError> {
        let (_, user) = auth::permitted(Permission::RunAgenda).await?;
        let reason = form.motivo.split_whitespace().collect::<Vec<_>>().join(" ");
        if reason.is_empty() || reason.chars().count() > 200 {
            return refuse(
                "motivo",
                "Scrivi il motivo dell'annullamento (al massimo 200 caratteri): la persona lo legge nell'email.",
            );
        }
        let now = state.clock.now();
        let desks = user.desks();
        let begin = state.db.begin_writing();
        let outcome: Result<u64, Option<i64>> = on_db!(&state.db, pool => {
            let mut tx = pool.begin_with(begin).await?;
            let booking: Option<(i64, CancelledBooking)> = {
                let office: Option<i64> = sqlx::query_scalar("SELECT office_id FROM bookings WHERE id = $1 AND status = 'confermata'")
                    .bind(form.id)
                    .fetch_optional(&mut *tx)
                    .await?;
                match office {
                    Some(office) => {
                        let row: CancelledBooking = sqlx::query_as(&format!("SELECT {COLUMNS} FROM bookings WHERE id = $1"))
                            .bind(form.id)
                            .fetch_one(&mut *tx)
                            .await?;
                        Some((office, row))
                    }
                    None => None,
                }
            };
            match booking {
                Some((office, booking)) if desks.contains(&office) => {
                    let notice_office: OfficeForNotice = sqlx::query_as("SELECT slug, name, phone FROM offices WHERE id = $1")
                        .bind(office)
                        .fetch_one(&mut *tx)
                        .await?;
                    let why = format!("per questo motivo: {reason}");
                    let stored = format!("{BY_DESK}: {reason}");
                    let cancelled = crate::cancel_by_office!(tx, state, now, &notice_office, [&booking], stored.as_str(), &why);
                    crate::audit!(
                        &mut *tx,
                        &state.audit_key,
                        now,
                        Entry::new(user.actor(), "agenda.annulla").records("prenotazione", [form.id])
                    )?;
                    tx.commit().await?;
                    Ok(cancelled)
                }
                Some((office, _)) => {
                    tx.rollback().await?;
                    Err(Some(office))
                }
                None => {
                    tx.rollback().await?;
                    Err(None)
                }
            }
        });
        match outcome {
            Ok(_) => {
                state.mail_ready.notify_one();
                Ok(FormOutcome::Done {
                    next: back_to(&form.sede, &form.giorno, "&fatto=annullata"),
                })
            }
            Err(None) => refuse("id", "Questo appuntamento è già stato annullato."),
            Err(Some(office)) => Err(refusal(state, &user, office).await),
        }
    }

    /// The booking the desk is about to move.
    #[derive(sqlx::FromRow)]
    struct ToMove {
        office_id: i64,
        slug: String,
        starts_at: DateTime<Utc>,
        code: String,
        given_name: String,
        family_name: String,
    }

    /// The booking to move, with the free times of the day asked (today's too, for the desk).
    pub async fn move_view(id: i64, giorno: Option<String>) -> Result<MoveView, AppError> {
        let (_, user) = auth::permitted(Permission::RunAgenda).await?;
        let state = AppState::current();
        let now = state.clock.now();
        let today = now.with_timezone(&Rome).date_naive();
        let desks = user.desks();
        // The citizen's name is read in the transaction that records the reading.
        let begin = state.db.begin_writing();
        // `Err`: not found (`None`), or of an office not the person's.
        let row: Result<ToMove, Option<i64>> = on_db!(&state.db, pool => {
            let mut tx = pool.begin_with(begin).await?;
            let row: Option<ToMove> = sqlx::query_as(
                "SELECT b.office_id, o.slug, b.starts_at, b.code, b.given_name, b.family_name
                   FROM bookings b JOIN offices o ON o.id = b.office_id
                  WHERE b.id = $1 AND b.status = 'confermata'",
            )
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
            match row {
                Some(row) if desks.contains(&row.office_id) => {
                    crate::audit!(
                        &mut *tx,
                        &state.audit_key,
                        now,
                        Entry::new(user.actor(), "agenda.sposta_vista").records("prenotazione", [id])
                    )?;
                    tx.commit().await?;
                    Ok(row)
                }
                other => {
                    tx.rollback().await?;
                    Err(other.map(|row| row.office_id))
                }
            }
        });
        let ToMove {
            office_id: office,
            slug,
            starts_at,
            code,
            given_name: given,
            family_name: family,
        } = match row {
            Ok(row) => row,
            Err(None) => return Err(AppError::NotFound),
            Err(Some(office)) => return Err(refusal(&state, &user, office).await),
        };
        let day = giorno
            .as_deref()
            .and_then(|day| NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d").ok())
            .unwrap_or_else(|| starts_at.with_timezone(&Rome).date_naive());
        let free = match crate::booking::desk::calendar(&state, &Booker::desk_of(user.id, user.desks()), &slug, today)
            .await?
        {
            Some(calendar) => crate::booking::flow::free_slots(&state, &calendar, day).await?,
            None => Vec::new(),
        };
        let local = starts_at.with_timezone(&Rome);
        Ok(MoveView {
            id,
            office_id: office,
            name: format!("{given} {family}"),
            code,
            now: format!("{}, {}", long_date(local.date_naive()), clock(local.time())),
            day,
            day_text: long_date(day),
            free: free
                .into_iter()
                .map(|slot| {
                    (
                        slot.starts.format("%H:%M").to_string(),
                        format!("dalle {} alle {}", clock(slot.starts), clock(slot.ends)),
                    )
                })
                .collect(),
        })
    }

    /// Moves the booking for a caller (see `booking::desk::move_for_caller`), with its audit row.
    pub async fn move_booking(state: &AppState, form: DeskMoveForm) -> Result<FormOutcome, AppError> {
        use crate::booking::desk::{move_for_caller, Moved};
        let (_, user) = auth::permitted(Permission::RunAgenda).await?;
        let day = NaiveDate::parse_from_str(form.giorno.trim(), "%Y-%m-%d").ok();
        let time = chrono::NaiveTime::parse_from_str(form.ora.trim(), "%H:%M").ok();
        let (Some(day), Some(time)) = (day, time) else {
            return refuse("ora", "Scegli uno degli orari liberi.");
        };
        match move_for_caller(
            state,
            user.actor(),
            &Booker::desk_of(user.id, user.desks()),
            form.id,
            day,
            time,
        )
        .await?
        {
            Moved::Done(office) => Ok(FormOutcome::Done {
                next: format!("{}&fatto=spostata", agenda_link(office, day)),
            }),
            Moved::NotOffered => refuse("ora", "Questo orario non è disponibile: scegline uno dell'elenco."),
            Moved::Full => refuse(
                "ora",
                "Questo orario è stato appena preso da un'altra persona: scegline un altro.",
            ),
            Moved::Gone => refuse("ora", "L'appuntamento è stato annullato nel frattempo."),
            Moved::OtherOffice(office) => Err(refusal(state, &user, office).await),
        }
    }
}
