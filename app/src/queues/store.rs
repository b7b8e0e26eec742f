//! The queue page's read: the unit's waiting requests by urgency and age, one keyset page at a time,
//! with the coordinators' view of who holds what.

use chrono::{DateTime, Utc};

use super::*;
use crate::access::accounts::StaffUser;
use crate::access::auth;
use crate::audit::Entry;
use crate::audit::RecordKind;
use crate::dates::long_date;
use crate::on_db;
use crate::state::AppState;
use crate::triage::{Origin, Urgency};

/// Refuses another unit's queue, and records it.
pub(super) async fn refusal(state: &AppState, user: &StaffUser, unit: i64) -> AppError {
    auth::refuse_record(state, user, "coda.accesso", RecordKind::Unit, unit).await
}

/// "da 3 giorni", "da 5 ore", "da pochi minuti".
pub(crate) fn waited(since: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let waited = now - since;
    match (waited.num_days(), waited.num_hours()) {
        (0, 0) => "da pochi minuti".to_owned(),
        (0, 1) => "da un'ora".to_owned(),
        (0, hours) => format!("da {hours} ore"),
        (1, _) => "da un giorno".to_owned(),
        (days, _) => format!("da {days} giorni"),
    }
}

/// The cursor of the row a page ends with: (urgency rank, created_at, id).
type Cursor = (i64, DateTime<Utc>, i64);

fn cursor_text((rank, at, id): Cursor) -> String {
    format!("{rank}_{}_{id}", at.timestamp_micros())
}

fn parse_cursor(text: &str) -> Option<Cursor> {
    let mut parts = text.split('_');
    let rank = parts.next()?.parse().ok()?;
    let at = DateTime::from_timestamp_micros(parts.next()?.parse().ok()?)?;
    let id = parts.next()?.parse().ok()?;
    Some((rank, at, id))
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    urgency: String,
    urgency_rank: i64,
    created_at: DateTime<Utc>,
    origin: String,
    topic: String,
    comune: Option<String>,
    report_due_on: Option<chrono::NaiveDate>,
}

#[derive(sqlx::FromRow)]
struct AssignedRow {
    id: i64,
    topic: String,
    urgency: String,
    worker: Option<String>,
    assigned_at: Option<DateTime<Utc>>,
}

pub async fn view(unit: Option<i64>, filters: QueueFilters) -> Result<Option<QueueView>, AppError> {
    let (_, user) = auth::permitted(Permission::WorkQueue).await?;
    let state = AppState::current();
    let now = state.clock.now();
    let units = user.units();
    let Some(first) = units.first().copied() else {
        return Ok(None);
    };
    let unit = unit.unwrap_or(first);
    if !units.contains(&unit) {
        return Err(refusal(&state, &user, unit).await);
    }
    let urgency = filters
        .urgenza
        .clone()
        .filter(|u| crate::triage::Urgency::from_key(u).is_some());
    let origin = filters.origine.clone().filter(|o| Origin::from_key(o).is_some());
    let comune = filters.comune.as_deref().and_then(|c| c.parse::<i64>().ok());
    let office = filters.sede.as_deref().and_then(|o| o.parse::<i64>().ok());
    let after = filters.dopo.as_deref().and_then(parse_cursor);
    // One keyset read on the queue's index, whatever the queue's length: the rows after the
    // cursor, in queue order, one more than a page to know whether another follows.
    let (rank, at, id) = after.unwrap_or((-1, DateTime::<Utc>::UNIX_EPOCH, 0));
    let begin = state.db.begin_writing();
    let coordinator = user.coordinates(unit);
    let (names, mut rows, coordination, comuni, offices) = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let names: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM units ORDER BY position, name")
            .fetch_all(&mut *tx)
            .await?;
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT r.id, r.urgency, r.urgency_rank, r.created_at, r.origin, t.name AS topic, c.name AS comune, r.report_due_on
               FROM requests r
               JOIN booking_topics t ON t.id = r.topic_id
               JOIN families f ON f.id = r.family_id
               LEFT JOIN comuni c ON c.id = f.comune_id
              WHERE r.unit_id = $1 AND r.state = 'in_coda'
                AND (r.urgency_rank, r.created_at, r.id) > ($2, $3, $4)
                AND ($5 IS NULL OR r.urgency = $5)
                AND ($6 IS NULL OR r.origin = $6)
                AND ($8 IS NULL OR f.comune_id = $8)
                AND ($9 IS NULL OR r.office_id = $9)
              ORDER BY r.urgency_rank, r.created_at, r.id
              LIMIT $7",
        )
        .bind(unit)
        .bind(rank)
        .bind(at)
        .bind(id)
        .bind(&urgency)
        .bind(&origin)
        .bind(PAGE_SIZE + 1)
        .bind(comune)
        .bind(office)
        .fetch_all(&mut *tx)
        .await?;
        // The filters offer the comuni and offices of the requests waiting here (and the one
        // chosen), read through the queue's index: not every office the service ever had.
        let comuni: Vec<(i64, String)> = sqlx::query_as(
            "SELECT id, name FROM comuni
              WHERE id IN (SELECT f.comune_id FROM requests r JOIN families f ON f.id = r.family_id
                            WHERE r.unit_id = $1 AND r.state = 'in_coda')
                 OR id = $2
              ORDER BY name",
        )
        .bind(unit)
        .bind(comune)
        .fetch_all(&mut *tx)
        .await?;
        let offices: Vec<(i64, String)> = sqlx::query_as(
            "SELECT id, name FROM offices
              WHERE id IN (SELECT office_id FROM requests WHERE unit_id = $1 AND state = 'in_coda')
                 OR id = $2
              ORDER BY name",
        )
        .bind(unit)
        .bind(office)
        .fetch_all(&mut *tx)
        .await?;
        let coordination = if coordinator {
            let workers: Vec<(i64, String)> = sqlx::query_as(
                "SELECT DISTINCT u.id, u.display_name FROM staff_users u JOIN staff_roles r ON r.user_id = u.id
                  WHERE r.unit_id = $1 AND r.role IN ('assistente_sociale', 'coordinatore') AND NOT u.disabled
                  ORDER BY u.display_name",
            )
            .bind(unit)
            .fetch_all(&mut *tx)
            .await?;
            let assigned: Vec<AssignedRow> = sqlx::query_as(
                "SELECT r.id, t.name AS topic, r.urgency, s.display_name AS worker, r.assigned_at
                   FROM requests r JOIN booking_topics t ON t.id = r.topic_id LEFT JOIN staff_users s ON s.id = r.assigned_to
                  WHERE r.unit_id = $1 AND r.state = 'assegnata'
                  ORDER BY r.assigned_at DESC, r.id DESC LIMIT 100",
            )
            .bind(unit)
            .fetch_all(&mut *tx)
            .await?;
            let settings = state.escalation;
            let waited_since = now - chrono::Duration::hours(i64::from(settings.urgent_wait_hours));
            let today = now.with_timezone(&chrono_tz::Europe::Rome).date_naive();
            let deadline_by = today + chrono::Duration::days(i64::from(settings.deadline_warning_days));
            let urgent: Vec<(i64, DateTime<Utc>)> = sqlx::query_as(
                "SELECT id, created_at FROM requests
                  WHERE unit_id = $1 AND state = 'in_coda' AND urgency = 'urgente' AND created_at < $2
                  ORDER BY created_at LIMIT 50",
            )
            .bind(unit)
            .bind(waited_since)
            .fetch_all(&mut *tx)
            .await?;
            // Mandates still waiting in the queue, and the reports the unit's open cases owe.
            let deadlines: Vec<(i64, chrono::NaiveDate)> = sqlx::query_as(
                "SELECT id, report_due_on FROM requests
                  WHERE unit_id = $1 AND report_due_on IS NOT NULL AND report_due_on <= $2 AND state = 'in_coda'
                  ORDER BY report_due_on LIMIT 50",
            )
            .bind(unit)
            .bind(deadline_by)
            .fetch_all(&mut *tx)
            .await?;
            let reports: Vec<(i64, chrono::NaiveDate)> = sqlx::query_as(
                "SELECT r.case_id, r.due_on FROM court_reports r JOIN cases c ON c.id = r.case_id
                  WHERE c.unit_id = $1 AND c.closed_at IS NULL AND r.sent_on IS NULL AND r.due_on <= $2
                  ORDER BY r.due_on LIMIT 50",
            )
            .bind(unit)
            .bind(deadline_by)
            .fetch_all(&mut *tx)
            .await?;
            // Emergency accesses to the unit's case files in the last week.
            let emergencies: Vec<(i64, String, DateTime<Utc>)> = sqlx::query_as(
                "SELECT e.case_id, s.display_name, e.at FROM emergency_accesses e
                   JOIN cases c ON c.id = e.case_id JOIN staff_users s ON s.id = e.staff_id
                  WHERE c.unit_id = $1 AND e.at > $2 ORDER BY e.at DESC LIMIT 50",
            )
            .bind(unit)
            .bind(now - chrono::Duration::days(7))
            .fetch_all(&mut *tx)
            .await?;
            let alerts: Vec<String> = urgent
                .iter()
                .map(|(id, since)| format!("La richiesta n. {id}, urgente, aspetta {}.", waited(*since, now)))
                .chain(deadlines.iter().map(|(id, due)| {
                    format!("La richiesta n. {id}: relazione all'Autorità Giudiziaria entro {}.", long_date(*due))
                }))
                .chain(reports.iter().map(|(case, due)| {
                    format!("Il caso n. {case}: relazione all'Autorità Giudiziaria entro {}.", long_date(*due))
                }))
                .chain(emergencies.iter().map(|(case, who, at)| {
                    format!("Accesso di emergenza al caso n. {case}: {who}, {}. Il motivo è nel fascicolo.", crate::dates::moment(*at))
                }))
                .collect();
            Some((workers, assigned, alerts))
        } else {
            None
        };
        let shown = rows.iter().take(PAGE_SIZE as usize).map(|r| r.id);
        let shown: Vec<i64> = match &coordination {
            Some((_, assigned, _)) => shown.chain(assigned.iter().map(|a| a.id)).collect(),
            None => shown.collect(),
        };
        crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "coda.vista").records(RecordKind::Request, shown))?;
        tx.commit().await?;
        (names, rows, coordination, comuni, offices)
    });
    let coordination = coordination.map(|(workers, assigned, alerts)| Coordination {
        alerts,
        workers: workers.into_iter().map(|(id, name)| (id.to_string(), name)).collect(),
        destinations: std::iter::once((
            "sportello".to_owned(),
            "Lo sportello (per un nuovo smistamento)".to_owned(),
        ))
        .chain(
            names
                .iter()
                .filter(|(id, _)| *id != unit)
                .map(|(id, name)| (id.to_string(), name.clone())),
        )
        .collect(),
        assigned: assigned
            .into_iter()
            .map(|row| AssignedLine {
                id: row.id,
                topic: row.topic,
                urgency: Urgency::label_of(&row.urgency).to_owned(),
                worker: row.worker.unwrap_or_default(),
                since: row.assigned_at.map(|at| waited(at, now)).unwrap_or_default(),
            })
            .collect(),
    });
    let more = rows.len() as i64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    let next_page = rows.last().filter(|_| more).map(|last| {
        let mut link = format!(
            "{QUEUE_PATH}?unita={unit}&dopo={}",
            cursor_text((last.urgency_rank, last.created_at, last.id))
        );
        if let Some(urgency) = &urgency {
            link.push_str(&format!("&urgenza={urgency}"));
        }
        if let Some(origin) = &origin {
            link.push_str(&format!("&origine={origin}"));
        }
        if let Some(comune) = comune {
            link.push_str(&format!("&comune={comune}"));
        }
        if let Some(office) = office {
            link.push_str(&format!("&sede={office}"));
        }
        link
    });
    let unit_name = names
        .iter()
        .find(|(id, _)| *id == unit)
        .map(|(_, n)| n.clone())
        .unwrap_or_default();
    Ok(Some(QueueView {
        units: names.into_iter().filter(|(id, _)| units.contains(id)).collect(),
        unit_id: unit,
        unit_name,
        lines: rows
            .into_iter()
            .map(|row| QueueLine {
                id: row.id,
                urgent: row.urgency == Urgency::Urgent.key(),
                urgency: Urgency::label_of(&row.urgency).to_owned(),
                topic: row.topic,
                comune: row.comune.unwrap_or_default(),
                origin: Origin::from_key(&row.origin).map_or("", Origin::label).to_owned(),
                deadline: row.report_due_on.map(long_date),
                waiting: waited(row.created_at, now),
            })
            .collect(),
        next_page,
        filters: QueueFilters {
            urgenza: urgency,
            origine: origin,
            comune: comune.map(|c| c.to_string()),
            sede: office.map(|o| o.to_string()),
            dopo: None,
        },
        comuni,
        offices,
        coordination,
    }))
}
