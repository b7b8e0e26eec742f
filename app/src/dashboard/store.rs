//! The dashboard's numbers, read in one transaction for one unit the person coordinates; each
//! part is a bounded query on the unit's indexes (the weeks' events are at most eight weeks' worth).

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use chrono_tz::Europe::Rome;

use super::*;
use crate::access::auth;
use crate::audit::Entry;
use crate::audit::RecordKind;
use crate::dates::moment;
use crate::dates::{long_date, MONTHS};
use crate::on_db;
use crate::queues::store::waited;
use crate::state::AppState;

#[derive(sqlx::FromRow)]
struct LoadRow {
    display_name: String,
    responsible_cases: i64,
    team_cases: i64,
    assigned_requests: i64,
}

pub async fn dashboard(unit: Option<i64>) -> Result<Option<Dashboard>, AppError> {
    let (_, user) = auth::permitted(Permission::CoordinateQueue).await?;
    let state = AppState::current();
    let now = state.clock.now();
    let coordinated: Vec<i64> = user
        .units()
        .into_iter()
        .filter(|unit| user.coordinates(*unit))
        .collect();
    let Some(first) = coordinated.first().copied() else {
        return Ok(None);
    };
    let unit = unit.unwrap_or(first);
    if !user.coordinates(unit) {
        return Err(auth::refuse_record(&state, &user, "cruscotto.accesso", RecordKind::Unit, unit).await);
    }
    let today = now.with_timezone(&Rome).date_naive();
    let days = state.escalation.deadline_warning_days;
    let horizon = today + Duration::days(i64::from(days));
    // Eight whole weeks, Monday to Sunday, the current one last.
    let this_monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    let first_monday = this_monday - Duration::weeks(WEEKS as i64 - 1);
    let since = first_monday
        .and_hms_opt(0, 0, 0)
        .and_then(|midnight| midnight.and_local_timezone(Rome).earliest())
        .map_or(now - Duration::weeks(WEEKS as i64), |at| at.with_timezone(&Utc));
    let begin = state.db.begin_writing();
    let loaded = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let units: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM units ORDER BY position, name")
            .fetch_all(&mut *tx)
            .await?;
        let queue: Vec<(String, i64, DateTime<Utc>)> = sqlx::query_as(
            "SELECT urgency, COUNT(*), MIN(created_at) FROM requests WHERE unit_id = $1 AND state = 'in_coda' GROUP BY urgency",
        )
        .bind(unit)
        .fetch_all(&mut *tx)
        .await?;
        let reports: Vec<(i64, NaiveDate, Option<String>)> = sqlx::query_as(
            "SELECT r.case_id, r.due_on, s.display_name FROM court_reports r JOIN cases c ON c.id = r.case_id
               LEFT JOIN staff_users s ON s.id = c.responsible_id
              WHERE c.unit_id = $1 AND c.closed_at IS NULL AND r.sent_on IS NULL AND r.due_on <= $2
              ORDER BY r.due_on, r.id LIMIT 100",
        )
        .bind(unit)
        .bind(horizon)
        .fetch_all(&mut *tx)
        .await?;
        let waiting_mandates: Vec<(i64, NaiveDate)> = sqlx::query_as(
            "SELECT id, report_due_on FROM requests
              WHERE unit_id = $1 AND state = 'in_coda' AND report_due_on IS NOT NULL AND report_due_on <= $2
              ORDER BY report_due_on, id LIMIT 100",
        )
        .bind(unit)
        .bind(horizon)
        .fetch_all(&mut *tx)
        .await?;
        let workload: Vec<LoadRow> = sqlx::query_as(
            "SELECT u.display_name,
                    (SELECT COUNT(*) FROM cases c WHERE c.responsible_id = u.id AND c.unit_id = $1 AND c.closed_at IS NULL) AS responsible_cases,
                    (SELECT COUNT(*) FROM case_team t JOIN cases c ON c.id = t.case_id
                      WHERE t.staff_id = u.id AND t.removed_at IS NULL AND c.unit_id = $1 AND c.closed_at IS NULL) AS team_cases,
                    (SELECT COUNT(*) FROM requests r WHERE r.assigned_to = u.id AND r.unit_id = $1 AND r.state = 'assegnata') AS assigned_requests
               FROM staff_users u
              WHERE NOT u.disabled
                AND EXISTS (SELECT 1 FROM staff_roles sr WHERE sr.user_id = u.id AND sr.unit_id = $1 AND sr.role IN ('assistente_sociale', 'coordinatore'))
              ORDER BY u.display_name",
        )
        .bind(unit)
        .fetch_all(&mut *tx)
        .await?;
        let closures: Vec<(i64, Option<String>, DateTime<Utc>)> = sqlx::query_as(
            "SELECT c.id, s.display_name, c.closure_requested_at FROM cases c LEFT JOIN staff_users s ON s.id = c.closure_requested_by
              WHERE c.unit_id = $1 AND c.closed_at IS NULL AND c.closure_requested_at IS NOT NULL
              ORDER BY c.closure_requested_at LIMIT 100",
        )
        .bind(unit)
        .fetch_all(&mut *tx)
        .await?;
        let arrivals: Vec<DateTime<Utc>> = sqlx::query_scalar(
            "SELECT at FROM request_events WHERE to_unit_id = $1 AND kind IN ('creata', 'reindirizzata') AND at >= $2",
        )
        .bind(unit)
        .bind(since)
        .fetch_all(&mut *tx)
        .await?;
        let closings: Vec<DateTime<Utc>> = sqlx::query_scalar("SELECT closed_at FROM cases WHERE unit_id = $1 AND closed_at >= $2")
            .bind(unit)
            .bind(since)
            .fetch_all(&mut *tx)
            .await?;
        let shown = reports.iter().map(|r| r.0).chain(closures.iter().map(|c| c.0));
        crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "cruscotto.vista").records(RecordKind::Case, shown))?;
        tx.commit().await?;
        (units, queue, reports, waiting_mandates, workload, closures, arrivals, closings)
    });
    let (units, queue, reports, waiting_mandates, workload, closures, arrivals, closings) = loaded;
    let week_of = |at: DateTime<Utc>| {
        let day = at.with_timezone(&Rome).date_naive();
        usize::try_from((day - first_monday).num_days() / 7)
            .ok()
            .filter(|week| *week < WEEKS)
    };
    let mut weeks: Vec<WeekFlow> = (0..WEEKS)
        .map(|week| {
            let monday = first_monday + Duration::weeks(week as i64);
            WeekFlow {
                label: format!("dal {} {}", monday.day(), MONTHS[monday.month0() as usize]),
                short: format!("{}/{}", monday.day(), monday.month()),
                arrived: 0,
                closed: 0,
            }
        })
        .collect();
    for week in arrivals.into_iter().filter_map(week_of) {
        weeks[week].arrived += 1;
    }
    for week in closings.into_iter().filter_map(week_of) {
        weeks[week].closed += 1;
    }
    let mut deadlines: Vec<(NaiveDate, Deadline)> = reports
        .into_iter()
        .map(|(case, due, responsible)| {
            (
                due,
                Deadline {
                    due: long_date(due),
                    late: due < today,
                    what: format!("Caso n. {case}"),
                    case_id: Some(case),
                    responsible: responsible.unwrap_or_else(|| "nessuno".to_owned()),
                },
            )
        })
        .chain(waiting_mandates.into_iter().map(|(request, due)| {
            (
                due,
                Deadline {
                    due: long_date(due),
                    late: due < today,
                    what: format!("Richiesta n. {request} (ancora in coda)"),
                    case_id: None,
                    responsible: "nessuno".to_owned(),
                },
            )
        }))
        .collect();
    deadlines.sort_by_key(|(due, _)| *due);
    let unit_name = units
        .iter()
        .find(|(id, _)| *id == unit)
        .map(|(_, name)| name.clone())
        .unwrap_or_default();
    Ok(Some(Dashboard {
        units: units.into_iter().filter(|(id, _)| coordinated.contains(id)).collect(),
        unit_id: unit,
        unit_name,
        waiting: queue.iter().map(|(_, count, _)| count).sum(),
        urgent: queue
            .iter()
            .filter(|(urgency, ..)| urgency == crate::triage::Urgency::Urgent.key())
            .map(|(_, count, _)| count)
            .sum(),
        oldest_wait: queue
            .iter()
            .map(|(_, _, oldest)| *oldest)
            .min()
            .map(|oldest| waited(oldest, now)),
        deadline_days: days,
        deadlines: deadlines.into_iter().map(|(_, deadline)| deadline).collect(),
        workload: workload
            .into_iter()
            .map(|row| WorkerLoad {
                name: row.display_name,
                responsible_cases: row.responsible_cases,
                team_cases: row.team_cases,
                assigned_requests: row.assigned_requests,
            })
            .collect(),
        closures: closures
            .into_iter()
            .map(|(case, who, at)| (case, format!("chiesta da {} {}", who.unwrap_or_default(), moment(at))))
            .collect(),
        weeks,
    }))
}
