//! Triage's reads: the interview a request is registered after (with the persons the service may
//! already know), the desk's list of requests, and one request's detail with its history.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Europe::Rome;

use super::*;
use crate::access::accounts::StaffUser;
use crate::access::auth;
use crate::audit::Entry;
use crate::audit::RecordKind;
use crate::dates::{clock, day_and_month, long_date};
use crate::on_db;
use crate::state::AppState;

/// Copies the court's report deadline of request `$1` into its case's reports (once), at `$2`.
/// Whether the coordinators were already told about it goes along.
pub(crate) const COURT_REPORT_OF_REQUEST: &str = "INSERT INTO court_reports (case_id, mandate_id, due_on, warned_at, created_at)
     SELECT case_id, id, report_due_on, deadline_warned_at, $2 FROM requests WHERE id = $1 AND case_id IS NOT NULL AND report_due_on IS NOT NULL
     ON CONFLICT DO NOTHING";

/// Refuses another office's appointment or request, and records it.
pub(super) async fn refusal(state: &AppState, user: &StaffUser, kind: RecordKind, id: i64) -> AppError {
    auth::refuse_record(state, user, "richieste.accesso", kind, id).await
}

pub(super) fn when(at: DateTime<Utc>) -> String {
    let local = at.with_timezone(&Rome);
    format!("{} alle {}", day_and_month(local.date_naive()), clock(local.time()))
}

/// The appointment a request is registered after, with its topic and outcome so far.
#[derive(sqlx::FromRow)]
pub(super) struct InterviewRow {
    pub(super) id: i64,
    pub(super) office_id: i64,
    pub(super) code: String,
    pub(super) starts_at: DateTime<Utc>,
    pub(super) given_name: String,
    pub(super) family_name: String,
    pub(super) codice_fiscale: Option<String>,
    pub(super) topic_id: i64,
    pub(super) topic: String,
    pub(super) outcome: Option<String>,
}

/// A topic with the unit and urgency it suggests (the routing rule).
#[derive(sqlx::FromRow)]
struct TopicRow {
    id: i64,
    name: String,
    unit_id: Option<i64>,
    suggested_urgency: String,
}

pub(super) const INTERVIEW: &str =
    "SELECT b.id, b.office_id, b.code, b.starts_at, b.given_name, b.family_name, b.codice_fiscale,
                                b.topic_id, t.name AS topic, b.outcome
                           FROM bookings b JOIN booking_topics t ON t.id = b.topic_id
                          WHERE b.id = $1 AND b.status = 'confermata'";

/// The form for an interview's outcome or a request without appointment.
pub async fn new_request(booking: Option<i64>, origin: Option<String>) -> Result<NewRequestView, AppError> {
    let (_, user) = auth::permitted(Permission::Triage).await?;
    let state = AppState::current();
    let now = state.clock.now();
    let desks = user.desks();
    let origin = match booking {
        Some(_) => Origin::Appointment,
        None => origin
            .as_deref()
            .and_then(Origin::from_key)
            .filter(|o| *o != Origin::Appointment)
            .unwrap_or(Origin::Spontaneous),
    };
    let begin = state.db.begin_writing();
    let loaded = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let interview: Option<InterviewRow> = match booking {
            Some(id) => sqlx::query_as(INTERVIEW).bind(id).fetch_optional(&mut *tx).await?,
            None => None,
        };
        let comuni: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM comuni WHERE active ORDER BY name")
            .fetch_all(&mut *tx)
            .await?;
        let topics: Vec<TopicRow> = sqlx::query_as(
            "SELECT id, name, unit_id, suggested_urgency FROM booking_topics WHERE active ORDER BY position, name",
        )
        .fetch_all(&mut *tx)
        .await?;
        let units: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM units WHERE active ORDER BY position, name")
            .fetch_all(&mut *tx)
            .await?;
        if let Some(row) = &interview {
            if !desks.contains(&row.office_id) {
                tx.rollback().await?;
                return Err(refusal(&state, &user, RecordKind::Booking, row.id).await);
            }
            crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "richieste.esito").records(RecordKind::Booking, [row.id]))?;
        }
        tx.commit().await?;
        (interview, comuni, topics, units)
    });
    let (interview, comuni, topics, units) = loaded;
    if booking.is_some() && interview.is_none() {
        return Err(AppError::NotFound);
    }
    if let Some(row) = interview.as_ref().filter(|row| row.outcome.is_some()) {
        return Err(AppError::Conflict(format!(
            "L'esito del colloquio {} è già stato registrato.",
            row.code
        )));
    }
    let mut start = BTreeMap::new();
    let suggest = |start: &mut BTreeMap<String, String>, topic_id: i64| {
        if let Some(topic) = topics.iter().find(|t| t.id == topic_id) {
            start.insert("argomento".to_owned(), topic.id.to_string());
            start.insert("urgenza".to_owned(), topic.suggested_urgency.clone());
            if let Some(unit) = topic.unit_id {
                start.insert("unita".to_owned(), unit.to_string());
            }
        }
    };
    if let Some(row) = &interview {
        suggest(&mut start, row.topic_id);
        start.insert("p1_ruolo".to_owned(), "genitore".to_owned());
        start.insert("p1_nome".to_owned(), row.given_name.clone());
        start.insert("p1_cognome".to_owned(), row.family_name.clone());
        if let Some(cf) = &row.codice_fiscale {
            start.insert("p1_cf".to_owned(), cf.clone());
        }
    }
    if let [(only, _)] = comuni.as_slice() {
        start.insert("comune".to_owned(), only.to_string());
    }
    start.insert("p2_ruolo".to_owned(), "figlio".to_owned());
    let unit_name = |id: Option<i64>| {
        id.and_then(|id| units.iter().find(|(u, _)| *u == id))
            .map_or("decide lo sportello".to_owned(), |(_, name)| name.clone())
    };
    Ok(NewRequestView {
        origin,
        interview: interview.map(|row| {
            let local = row.starts_at.with_timezone(&Rome);
            InterviewSummary {
                id: row.id,
                code: row.code,
                when: format!("{}, {}", long_date(local.date_naive()), clock(local.time())),
                name: format!("{} {}", row.given_name, row.family_name),
                topic: row.topic,
            }
        }),
        comuni: comuni.iter().map(|(id, name)| (id.to_string(), name.clone())).collect(),
        rules: topics
            .iter()
            .map(|topic| RoutingRule {
                topic: topic.name.clone(),
                unit: unit_name(topic.unit_id),
                urgency: Urgency::label_of(&topic.suggested_urgency).to_owned(),
            })
            .collect(),
        topics: topics
            .iter()
            .map(|topic| (topic.id.to_string(), topic.name.clone()))
            .collect(),
        units: units.iter().map(|(id, name)| (id.to_string(), name.clone())).collect(),
        start,
    })
}

#[derive(sqlx::FromRow)]
struct ListRow {
    id: i64,
    created_at: DateTime<Utc>,
    origin: String,
    family: Option<String>,
    unit: String,
    urgency: String,
    state: String,
    flagged_new: bool,
    report_due_on: Option<NaiveDate>,
}

/// The requests registered at the operator's offices, newest first (at most 100).
pub async fn list() -> Result<Vec<RequestLine>, AppError> {
    let (_, user) = auth::permitted(Permission::Triage).await?;
    let state = AppState::current();
    let now = state.clock.now();
    let desks = user.desks();
    let begin = state.db.begin_writing();
    let rows: Vec<ListRow> = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let mut rows: Vec<ListRow> = Vec::new();
        for office in &desks {
            let mut some: Vec<ListRow> = sqlx::query_as(
                "SELECT r.id, r.created_at, r.origin,
                        (SELECT p.family_name FROM request_persons rp JOIN persons p ON p.id = rp.person_id
                          WHERE rp.request_id = r.id ORDER BY p.id LIMIT 1) AS family,
                        u.name AS unit, r.urgency, r.state, r.flagged_new, r.report_due_on
                   FROM requests r JOIN units u ON u.id = r.unit_id
                  WHERE r.office_id = $1
                  ORDER BY r.created_at DESC, r.id DESC LIMIT 100",
            )
            .bind(office)
            .fetch_all(&mut *tx)
            .await?;
            rows.append(&mut some);
        }
        rows.sort_by_key(|row| std::cmp::Reverse((row.created_at, row.id)));
        rows.truncate(100);
        crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "richieste.elenco").records(RecordKind::Request, rows.iter().map(|r| r.id)))?;
        tx.commit().await?;
        rows
    });
    Ok(rows
        .into_iter()
        .map(|row| RequestLine {
            id: row.id,
            created: when(row.created_at),
            origin: Origin::from_key(&row.origin).map_or("", Origin::label).to_owned(),
            family: row.family.map(|name| format!("Famiglia {name}")).unwrap_or_default(),
            unit: row.unit,
            urgency: Urgency::label_of(&row.urgency).to_owned(),
            state: state_label(&row.state, row.flagged_new).to_owned(),
            deadline: row.report_due_on.map(long_date),
        })
        .collect())
}

/// A request as it was registered, read by the desk's detail page and by the case file.
#[derive(sqlx::FromRow)]
pub(crate) struct DetailRow {
    pub id: i64,
    pub origin: String,
    pub office_id: Option<i64>,
    pub comune: Option<String>,
    pub topic: String,
    pub urgency: String,
    pub unit_id: i64,
    pub unit: String,
    pub state: String,
    pub flagged_new: bool,
    pub referrer_kind: Option<String>,
    pub referrer_name: Option<String>,
    pub referrer_contact: Option<String>,
    pub court: Option<String>,
    pub decree_number: Option<String>,
    pub decree_date: Option<NaiveDate>,
    pub court_request: Option<String>,
    pub report_due_on: Option<NaiveDate>,
    pub notes: String,
    pub created_at: DateTime<Utc>,
}

/// The columns of [`DetailRow`], for `SELECT {DETAIL_COLUMNS} {DETAIL_FROM} WHERE …`.
pub(crate) const DETAIL_COLUMNS: &str =
    "r.id, r.origin, r.office_id, c.name AS comune, t.name AS topic, r.urgency, r.unit_id, u.name AS unit,
     r.state, r.flagged_new, r.referrer_kind, r.referrer_name, r.referrer_contact, r.court, r.decree_number,
     r.decree_date, r.court_request, r.report_due_on, r.notes, r.created_at";
pub(crate) const DETAIL_FROM: &str = "FROM requests r
               JOIN families f ON f.id = r.family_id
               LEFT JOIN comuni c ON c.id = f.comune_id
               JOIN booking_topics t ON t.id = r.topic_id
               JOIN units u ON u.id = r.unit_id";

impl DetailRow {
    pub fn origin_label(&self) -> String {
        Origin::from_key(&self.origin).map_or("", Origin::label).to_owned()
    }

    /// The court's mandate in one sentence, when the request came from one.
    pub fn mandate(&self) -> Option<String> {
        self.court.as_ref().map(|court| {
            format!(
                "{court}, decreto n. {} del {}: {}. Relazione entro il {}.",
                self.decree_number.clone().unwrap_or_default(),
                self.decree_date.map(long_date).unwrap_or_default(),
                self.court_request.clone().unwrap_or_default(),
                self.report_due_on.map(long_date).unwrap_or_default(),
            )
        })
    }

    /// Who referred the family, and how to reach them, when someone did.
    pub fn referrer(&self) -> Option<String> {
        self.referrer_name.as_ref().map(|name| {
            let kind = Referrer::label_of(self.referrer_kind.as_deref().unwrap_or_default());
            let contact = self
                .referrer_contact
                .clone()
                .filter(|c| !c.is_empty())
                .map(|c| format!(", {c}"))
                .unwrap_or_default();
            format!("{kind}: {name}{contact}")
        })
    }
}

/// One step of a request's history.
#[derive(sqlx::FromRow)]
pub(crate) struct EventRow {
    pub at: DateTime<Utc>,
    pub kind: String,
    pub from_unit: Option<String>,
    pub to_unit: Option<String>,
    pub reason: Option<String>,
    pub who: Option<String>,
}

/// A request's history, oldest first, bound to the request's id.
pub(crate) const EVENTS_OF_REQUEST: &str =
    "SELECT e.at, e.kind, fu.name AS from_unit, tu.name AS to_unit, e.reason, s.display_name AS who
               FROM request_events e
               LEFT JOIN units fu ON fu.id = e.from_unit_id
               LEFT JOIN units tu ON tu.id = e.to_unit_id
               LEFT JOIN staff_users s ON s.id = e.staff_id
              WHERE e.request_id = $1 ORDER BY e.at, e.id";

impl EventRow {
    /// (when, what happened).
    pub fn describe(self) -> (String, String) {
        let who = self.who.map(|w| format!(" ({w})")).unwrap_or_default();
        let what = match self.kind.as_str() {
            "creata" => format!("registrata per {}{who}", self.to_unit.unwrap_or_default()),
            "reindirizzata" => format!(
                "spostata da {} a {}{who}. Motivo: {}",
                self.from_unit.unwrap_or_default(),
                self.to_unit.unwrap_or_default(),
                self.reason.unwrap_or_default()
            ),
            "assegnata" => format!("presa in carico{who}"),
            "riassegnata" => format!("riassegnata{who}. Motivo: {}", self.reason.unwrap_or_default()),
            "restituita" => format!(
                "restituita allo sportello da {}{who}. Motivo: {}",
                self.from_unit.unwrap_or_default(),
                self.reason.unwrap_or_default()
            ),
            _ => format!("chiusa{who}"),
        };
        (when(self.at), what)
    }
}

/// One request as the desk that registered it sees it (never the case file).
pub async fn detail(id: i64) -> Result<RequestDetail, AppError> {
    let (_, user) = auth::permitted(Permission::Triage).await?;
    let state = AppState::current();
    let now = state.clock.now();
    let desks = user.desks();
    let begin = state.db.begin_writing();
    let loaded = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let row: Option<DetailRow> = sqlx::query_as(&format!("SELECT {DETAIL_COLUMNS} {DETAIL_FROM} WHERE r.id = $1"))
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            tx.rollback().await?;
            return Err(AppError::NotFound);
        };
        if !row.office_id.is_some_and(|office| desks.contains(&office)) {
            tx.rollback().await?;
            return Err(refusal(&state, &user, RecordKind::Request, id).await);
        }
        let persons: Vec<(String, String, NaiveDate, String)> = sqlx::query_as(
            "SELECT p.given_name, p.family_name, p.birth_date, COALESCE(m.role, 'altro')
               FROM request_persons rp JOIN persons p ON p.id = rp.person_id
               JOIN requests r ON r.id = rp.request_id
               LEFT JOIN family_members m ON m.person_id = p.id AND m.family_id = r.family_id
              WHERE rp.request_id = $1 ORDER BY p.id",
        )
        .bind(id)
        .fetch_all(&mut *tx)
        .await?;
        let events: Vec<EventRow> = sqlx::query_as(EVENTS_OF_REQUEST)
        .bind(id)
        .fetch_all(&mut *tx)
        .await?;
        // Another unit; a request returned to the desk may also go back to the same one.
        let units: Vec<(i64, String)> =
            sqlx::query_as("SELECT id, name FROM units WHERE active AND (id <> $1 OR $2) ORDER BY position, name")
                .bind(row.unit_id)
                .bind(row.state == "restituita")
            .fetch_all(&mut *tx)
            .await?;
        crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "richieste.dettaglio").records(RecordKind::Request, [id]))?;
        tx.commit().await?;
        (row, persons, events, units)
    });
    let (row, persons, events, units) = loaded;
    Ok(RequestDetail {
        id: row.id,
        origin: row.origin_label(),
        mandate: row.mandate(),
        referrer: row.referrer(),
        persons: persons
            .into_iter()
            .map(|(given, family, born, role)| {
                format!(
                    "{given} {family} ({}, nato/a nel {})",
                    FamilyRole::label_of(&role).to_lowercase(),
                    born.year()
                )
            })
            .collect(),
        comune: row.comune.unwrap_or_default(),
        topic: row.topic,
        urgency: Urgency::label_of(&row.urgency).to_owned(),
        unit: row.unit,
        state: state_label(&row.state, row.flagged_new).to_owned(),
        reroutable: row.state == "in_coda" || row.state == "restituita",
        history: events.into_iter().map(EventRow::describe).collect(),
        units: units.into_iter().map(|(id, name)| (id.to_string(), name)).collect(),
    })
}
