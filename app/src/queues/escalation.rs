//! Telling coordinators, once, about what must not wait: an urgent request still in the queue
//! after `urgent_wait_hours`, and a court's report deadline within `deadline_warning_days`. Each
//! server's watch loop runs it through the application's clock; the marking is a conditional
//! update, so several servers tell each coordinator once.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Europe::Rome;

use crate::dates::long_date;
use crate::error::AppError;
use crate::on_db;
use crate::state::AppState;

/// What the coordinators of a unit are told about, as lines of the email (numbers, never names).
#[derive(Debug, Default)]
struct UnitNews {
    lines: Vec<String>,
}

/// Marks and emails the new escalations; returns how many requests were reported.
pub async fn run(state: &AppState) -> Result<usize, AppError> {
    let now = state.clock.now();
    let settings = state.escalation;
    let waited_since = now - Duration::hours(i64::from(settings.urgent_wait_hours));
    let today = now.with_timezone(&Rome).date_naive();
    let deadline_by = today + Duration::days(i64::from(settings.deadline_warning_days));
    let begin = state.db.begin_writing();
    let told = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let urgent: Vec<(i64, i64, DateTime<Utc>)> = sqlx::query_as(
            "UPDATE requests SET escalated_at = $1
              WHERE state = 'in_coda' AND urgency = 'urgente' AND created_at < $2 AND escalated_at IS NULL
              RETURNING id, unit_id, created_at",
        )
        .bind(now)
        .bind(waited_since)
        .fetch_all(&mut *tx)
        .await?;
        // A mandate still in the queue; once its request joins a case, the case's reports (which
        // carry the same deadline, and those added later) are watched instead.
        let deadlines: Vec<(i64, i64, NaiveDate)> = sqlx::query_as(
            "UPDATE requests SET deadline_warned_at = $1
              WHERE report_due_on IS NOT NULL AND report_due_on <= $2 AND state = 'in_coda' AND deadline_warned_at IS NULL
              RETURNING id, unit_id, report_due_on",
        )
        .bind(now)
        .bind(deadline_by)
        .fetch_all(&mut *tx)
        .await?;
        let reports: Vec<(i64, NaiveDate)> = sqlx::query_as(
            "UPDATE court_reports SET warned_at = $1
              WHERE sent_on IS NULL AND due_on <= $2 AND warned_at IS NULL
                AND case_id IN (SELECT id FROM cases WHERE closed_at IS NULL)
              RETURNING case_id, due_on",
        )
        .bind(now)
        .bind(deadline_by)
        .fetch_all(&mut *tx)
        .await?;
        let mut news: std::collections::BTreeMap<i64, UnitNews> = std::collections::BTreeMap::new();
        for (id, unit, since) in &urgent {
            news.entry(*unit).or_default().lines.push(format!(
                "- la richiesta n. {id}, urgente, aspetta in coda da {} ore;",
                (now - *since).num_hours()
            ));
        }
        for (id, unit, due) in &deadlines {
            news.entry(*unit).or_default().lines.push(format!(
                "- la richiesta n. {id} ha una relazione per l'Autorità Giudiziaria da consegnare entro {};",
                long_date(*due)
            ));
        }
        for (case, due) in &reports {
            let unit: i64 = sqlx::query_scalar("SELECT unit_id FROM cases WHERE id = $1").bind(case).fetch_one(&mut *tx).await?;
            news.entry(unit).or_default().lines.push(format!(
                "- il caso n. {case} ha una relazione per l'Autorità Giudiziaria da consegnare entro {};",
                long_date(*due)
            ));
        }
        for (unit, news) in &news {
            crate::access::accounts::email_coordinators!(
                tx,
                now,
                unit,
                "Sportello: richieste da guardare oggi".to_owned(),
                format!(
                    "Buongiorno,\n\nnella coda della tua unità:\n{}\n\nTrovi i dettagli nell'area operatori, alla pagina della coda.\n",
                    news.lines.join("\n")
                )
            );
        }
        tx.commit().await?;
        urgent.len() + deadlines.len() + reports.len()
    });
    if told > 0 {
        state.mail_ready.notify_one();
    }
    Ok(told)
}
