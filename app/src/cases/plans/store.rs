//! The plan page's read: the plan in progress, the earlier ones, and the case's closure, as the
//! person may see them.

use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::access::accounts::StaffUser;
use crate::access::auth;
use crate::audit::Entry;
use crate::audit::RecordKind;
use crate::cases::store::{case_or_not_found, refusal, Access, CaseRow};
use crate::dates::long_date;
use crate::dates::{day_of, moment};
use crate::on_db;
use crate::state::AppState;
/// Whether the person may change the case's plan: its team or the unit's coordinator, on a case
/// still open.
pub(super) fn may_change(case: &CaseRow, user: &StaffUser) -> bool {
    case.closed_at.is_none() && matches!(case.access_of(user), Some(Access::Team | Access::Coordinator))
}

#[derive(sqlx::FromRow)]
struct PlanRow {
    id: i64,
    state: String,
    goals: String,
    review_on: Option<NaiveDate>,
    outcome: Option<String>,
    created_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct InterventionRow {
    id: i64,
    kind: String,
    assignment: String,
    planned_start: NaiveDate,
    legal_basis: String,
    consent_on: Option<NaiveDate>,
    started_on: Option<NaiveDate>,
    ended_on: Option<NaiveDate>,
    court: Option<String>,
    decree_number: Option<String>,
}

#[derive(sqlx::FromRow)]
struct EventRow {
    at: DateTime<Utc>,
    from_state: Option<String>,
    to_state: String,
    note: Option<String>,
    who: String,
}

#[derive(sqlx::FromRow)]
struct ClosureRow {
    closed_at: Option<DateTime<Utc>>,
    closed_by: Option<String>,
    closure_requested_at: Option<DateTime<Utc>>,
    requested_by: Option<String>,
    closure_reason: Option<String>,
    closure_refusal: Option<String>,
}

fn intervention_view(row: InterventionRow, plan_state: &str) -> InterventionView {
    let ordered = row.legal_basis == "mandato";
    let plan_allows = matches!(plan_state, "proposto" | "approvato" | "attivo" | "in_revisione");
    let basis = if ordered {
        format!(
            "Mandato: {}, decreto n. {}",
            row.court.unwrap_or_default(),
            row.decree_number.unwrap_or_default()
        )
    } else {
        match row.consent_on {
            Some(on) => format!("Consenso della famiglia del {}", long_date(on)),
            None => "Consenso della famiglia, non ancora dato".to_owned(),
        }
    };
    let status = match (row.started_on, row.ended_on) {
        (_, Some(ended)) => format!("Concluso il {}", long_date(ended)),
        (Some(started), None) => format!("In corso dal {}", long_date(started)),
        (None, None) if !ordered && row.consent_on.is_none() => "In attesa del consenso della famiglia".to_owned(),
        (None, None) => "Da avviare".to_owned(),
    };
    InterventionView {
        id: row.id,
        kind: Intervention::label_of(&row.kind).to_owned(),
        assignment: row.assignment,
        planned_start: long_date(row.planned_start),
        basis,
        status,
        may_start: row.started_on.is_none() && plan_allows && (ordered || row.consent_on.is_some()),
        may_end: row.started_on.is_some() && row.ended_on.is_none(),
    }
}

/// The plan page: the plan in progress, the earlier ones, and the closure.
pub async fn page(case_id: i64) -> Result<PlanPage, AppError> {
    let (_, user) = auth::permitted(Permission::CaseFiles).await?;
    let state = AppState::current();
    let now = state.clock.now();
    let begin = state.db.begin_writing();
    let loaded = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let case = case_or_not_found!(tx, case_id, user, now);
        if case.access_of(&user).is_none() {
            tx.rollback().await?;
            return Err(refusal(&state, &user, RecordKind::Case, case_id).await);
        }
        let family: Vec<(String, String)> = sqlx::query_as(
            "SELECT p.given_name, p.family_name FROM family_members m JOIN persons p ON p.id = m.person_id WHERE m.family_id = $1 ORDER BY p.id",
        )
        .bind(case.family_id)
        .fetch_all(&mut *tx)
        .await?;
        let plans: Vec<PlanRow> = sqlx::query_as("SELECT id, state, goals, review_on, outcome, created_at FROM help_plans WHERE case_id = $1 ORDER BY id DESC")
            .bind(case_id)
            .fetch_all(&mut *tx)
            .await?;
        let current = plans.iter().find(|plan| plan.state != "concluso" && plan.state != "rifiutato").map(|plan| plan.id);
        let (interventions, events): (Vec<InterventionRow>, Vec<EventRow>) = match current {
            Some(plan) => (
                sqlx::query_as(
                    "SELECT i.id, i.kind, i.assignment, i.planned_start, i.legal_basis, i.consent_on, i.started_on, i.ended_on, r.court, r.decree_number
                       FROM plan_interventions i LEFT JOIN requests r ON r.id = i.mandate_id
                      WHERE i.plan_id = $1 ORDER BY i.id",
                )
                .bind(plan)
                .fetch_all(&mut *tx)
                .await?,
                sqlx::query_as(
                    "SELECT e.at, e.from_state, e.to_state, e.note, s.display_name AS who FROM plan_events e JOIN staff_users s ON s.id = e.staff_id
                      WHERE e.plan_id = $1 ORDER BY e.at, e.id",
                )
                .bind(plan)
                .fetch_all(&mut *tx)
                .await?,
            ),
            None => (Vec::new(), Vec::new()),
        };
        let mandates: Vec<(i64, String, String, NaiveDate)> = sqlx::query_as(
            "SELECT id, court, decree_number, decree_date FROM requests WHERE case_id = $1 AND origin = 'mandato' ORDER BY created_at, id",
        )
        .bind(case_id)
        .fetch_all(&mut *tx)
        .await?;
        let closure: ClosureRow = sqlx::query_as(
            "SELECT c.closed_at, cb.display_name AS closed_by, c.closure_requested_at, rb.display_name AS requested_by, c.closure_reason, c.closure_refusal
               FROM cases c LEFT JOIN staff_users cb ON cb.id = c.closed_by LEFT JOIN staff_users rb ON rb.id = c.closure_requested_by
              WHERE c.id = $1",
        )
        .bind(case_id)
        .fetch_one(&mut *tx)
        .await?;
        crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "progetto.lettura").records(RecordKind::Case, [case_id]))?;
        tx.commit().await?;
        (case, family, plans, current, interventions, events, mandates, closure)
    });
    let (case, family, plans, current, interventions, events, mandates, closure) = loaded;
    let may_change = may_change(&case, &user);
    let current = plans.iter().find(|plan| Some(plan.id) == current).map(|plan| PlanView {
        id: plan.id,
        state: plan.state.clone(),
        goals: plan.goals.clone(),
        review_on: plan.review_on.map(long_date),
        review_iso: plan
            .review_on
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        has_mandate: interventions.iter().any(|i| i.legal_basis == "mandato"),
        interventions: interventions
            .into_iter()
            .map(|row| intervention_view(row, &plan.state))
            .collect(),
        history: events
            .into_iter()
            .map(|event| {
                let who = event.who;
                let what = match event.from_state {
                    None => format!("{who} crea la bozza"),
                    Some(_) => format!("{who}: {}", PlanState::label_of(&event.to_state)),
                };
                let note = event.note.map(|n| format!(" — {n}")).unwrap_or_default();
                (moment(event.at), format!("{what}{note}"))
            })
            .collect(),
    });
    let past = plans
        .iter()
        .filter(|plan| Some(plan.id) != current.as_ref().map(|c| c.id))
        .map(|plan| {
            let outcome = plan.outcome.as_ref().map(|o| format!(": {o}")).unwrap_or_default();
            format!(
                "Progetto del {}, {}{outcome}",
                day_of(plan.created_at),
                PlanState::label_of(&plan.state).to_lowercase()
            )
        })
        .collect();
    let requested = closure.closure_requested_at.map(|at| {
        format!(
            "{} ha chiesto la chiusura del caso {}: {}",
            closure.requested_by.clone().unwrap_or_default(),
            moment(at),
            closure.closure_reason.clone().unwrap_or_default()
        )
    });
    Ok(PlanPage {
        case_id,
        family: family
            .into_iter()
            .map(|(g, f)| format!("{g} {f}"))
            .collect::<Vec<_>>()
            .join(", "),
        may_change,
        closure: ClosureView {
            closed: closure.closed_at.map(|at| {
                format!(
                    "Il caso è chiuso dal {}, con l'approvazione di {}.",
                    day_of(at),
                    closure.closed_by.clone().unwrap_or_default()
                )
            }),
            may_request: current.is_none() && requested.is_none(),
            may_decide: user.coordinates(case.unit_id),
            requested,
            refused: closure.closure_refusal,
        },
        current,
        past,
        mandates: mandates
            .into_iter()
            .map(|(id, court, number, date)| {
                (
                    id.to_string(),
                    format!("{court}, decreto n. {number} del {}", long_date(date)),
                )
            })
            .collect(),
    })
}
