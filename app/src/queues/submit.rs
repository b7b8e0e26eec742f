//! The queues on the server: the page's keyset read, and the claims, each one conditional update.

use chrono::{DateTime, Utc};

use super::*;
use crate::audit::Entry;
use crate::dates::long_date;
use crate::forms::{FieldErrors, FormOutcome};
use crate::on_db;
use crate::staff::accounts::StaffUser;
use crate::staff::auth;
use crate::state::AppState;
use crate::triage::{urgency_label, Origin};

/// Refuses another unit's queue, and records it.
async fn refusal(state: &AppState, user: &StaffUser, unit: i64) -> AppError {
    auth::refuse_record(state, user, "coda.accesso", "unita", unit).await
}

/// "da 3 giorni", "da 5 ore", "da pochi minuti".
fn waited(since: DateTime<Utc>, now: DateTime<Utc>) -> String {
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

pub async fn view(unit: Option<i64>, filters: QueueFilters) -> Result<Option<QueueView>, AppError> {
    let (_, user) = auth::signed_in()?;
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
        .filter(|u| crate::triage::URGENCIES.iter().any(|(k, _)| k == u));
    let origin = filters.origine.clone().filter(|o| Origin::from_key(o).is_some());
    let after = filters.dopo.as_deref().and_then(parse_cursor);
    // One keyset read on the queue's index, whatever the queue's length: the rows after the
    // cursor, in queue order, one more than a page to know whether another follows.
    let (rank, at, id) = after.unwrap_or((-1, DateTime::<Utc>::UNIX_EPOCH, 0));
    let begin = state.db.backend().pick("BEGIN IMMEDIATE", "BEGIN");
    let (names, mut rows) = on_db!(&state.db, pool => {
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
        .fetch_all(&mut *tx)
        .await?;
        crate::audit!(
            &mut *tx,
            &state.audit_key,
            now,
            Entry::new(user.actor(), "coda.vista").records("richiesta", rows.iter().take(PAGE_SIZE as usize).map(|r| r.id))
        )?;
        tx.commit().await?;
        (names, rows)
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
                urgent: row.urgency == "urgente",
                urgency: urgency_label(&row.urgency).to_owned(),
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
            dopo: None,
        },
    }))
}

/// Takes the claimed request's family into a case of the unit: opens one, or joins the open one
/// (the partial unique index keeps one open case per family and unit, also under a race), and
/// records the event; inside the open transaction `$tx`. A macro: each database's transaction is
/// its own type.
macro_rules! take_into_case {
    ($tx:ident, $now:expr, $user:expr, $request:expr) => {{
        sqlx::query(
            "INSERT INTO cases (family_id, unit_id, responsible_id, opened_at)
             SELECT family_id, unit_id, $1, $2 FROM requests WHERE id = $3
             ON CONFLICT (family_id, unit_id) WHERE closed_at IS NULL DO NOTHING",
        )
        .bind($user)
        .bind($now)
        .bind($request)
        .execute(&mut *$tx)
        .await?;
        sqlx::query(
            "UPDATE requests SET case_id = (SELECT c.id FROM cases c JOIN requests r ON r.family_id = c.family_id
                                              AND r.unit_id = c.unit_id
                                             WHERE r.id = $1 AND c.closed_at IS NULL)
              WHERE id = $1",
        )
        .bind($request)
        .execute(&mut *$tx)
        .await?;
        // Joining a case nobody answers for yet makes the worker its operatore di riferimento.
        sqlx::query("UPDATE cases SET responsible_id = $1 WHERE id = (SELECT case_id FROM requests WHERE id = $2) AND responsible_id IS NULL")
            .bind($user)
            .bind($request)
            .execute(&mut *$tx)
            .await?;
        sqlx::query("INSERT INTO request_events (request_id, at, staff_id, kind) VALUES ($1, $2, $3, 'assegnata')")
            .bind($request)
            .bind($now)
            .bind($user)
            .execute(&mut *$tx)
            .await?;
    }};
}

const TAKEN: &str = "Un'altra persona ha appena preso in carico questa richiesta: scegline un'altra dalla coda.";

fn refused(message: &str) -> Result<FormOutcome, AppError> {
    let mut errors = FieldErrors::new();
    errors.add("id", message);
    Ok(FormOutcome::Invalid(errors))
}

/// The unit the form names: `Ok(Err(answer))` when the form names none, a refusal (recorded)
/// when it names a unit the person does not work in.
async fn unit_of_form(state: &AppState, user: &StaffUser, raw: &str) -> Result<Result<i64, FormOutcome>, AppError> {
    let Ok(unit) = raw.trim().parse::<i64>() else {
        let mut errors = FieldErrors::new();
        errors.add("id", "La coda indicata non è valida: ricarica la pagina.");
        return Ok(Err(FormOutcome::Invalid(errors)));
    };
    if user.units().contains(&unit) {
        Ok(Ok(unit))
    } else {
        Err(refusal(state, user, unit).await)
    }
}

/// "Prendi in carico": one conditional update; whoever comes second is told, nothing else changes.
pub async fn claim(state: &AppState, form: ClaimForm) -> Result<FormOutcome, AppError> {
    let (_, user) = auth::signed_in()?;
    let unit = match unit_of_form(state, &user, &form.unita).await? {
        Ok(unit) => unit,
        Err(answer) => return Ok(answer),
    };
    let now = state.clock.now();
    let begin = state.db.backend().pick("BEGIN IMMEDIATE", "BEGIN");
    let won = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let won = sqlx::query(
            "UPDATE requests SET state = 'assegnata', assigned_to = $1, assigned_at = $2
              WHERE id = $3 AND unit_id = $4 AND state = 'in_coda'",
        )
        .bind(user.id)
        .bind(now)
        .bind(form.id)
        .bind(unit)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if won {
            take_into_case!(tx, now, user.id, form.id);
            crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "coda.prendi").records("richiesta", [form.id]))?;
            tx.commit().await?;
        } else {
            tx.rollback().await?;
        }
        won
    });
    if !won {
        return refused(TAKEN);
    }
    Ok(FormOutcome::Done {
        next: format!("{QUEUE_PATH}?unita={unit}&presa={}", form.id),
    })
}

/// "Prendi il prossimo": the most urgent, longest-waiting request of the unit. Under a race every
/// claimant gets a different one: on PostgreSQL the row is locked and the others skip it; on
/// SQLite the writers take turns.
pub async fn claim_next(state: &AppState, form: ClaimForm) -> Result<FormOutcome, AppError> {
    let (_, user) = auth::signed_in()?;
    let unit = match unit_of_form(state, &user, &form.unita).await? {
        Ok(unit) => unit,
        Err(answer) => return Ok(answer),
    };
    let now = state.clock.now();
    let next = state.db.backend().pick(
        "UPDATE requests SET state = 'assegnata', assigned_to = $1, assigned_at = $2
          WHERE id = (SELECT id FROM requests WHERE unit_id = $3 AND state = 'in_coda'
                       ORDER BY urgency_rank, created_at, id LIMIT 1)
            AND state = 'in_coda'
         RETURNING id",
        "UPDATE requests SET state = 'assegnata', assigned_to = $1, assigned_at = $2
          WHERE id = (SELECT id FROM requests WHERE unit_id = $3 AND state = 'in_coda'
                       ORDER BY urgency_rank, created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
            AND state = 'in_coda'
         RETURNING id",
    );
    let begin = state.db.backend().pick("BEGIN IMMEDIATE", "BEGIN");
    let taken: Option<i64> = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let taken: Option<i64> = sqlx::query_scalar(next)
            .bind(user.id)
            .bind(now)
            .bind(unit)
            .fetch_optional(&mut *tx)
            .await?;
        if let Some(request) = taken {
            take_into_case!(tx, now, user.id, request);
            crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "coda.prendi_prossimo").records("richiesta", [request]))?;
            tx.commit().await?;
        } else {
            tx.rollback().await?;
        }
        taken
    });
    match taken {
        Some(request) => Ok(FormOutcome::Done {
            next: format!("{QUEUE_PATH}?unita={unit}&presa={request}"),
        }),
        None => refused("Non ci sono richieste in attesa in questa coda."),
    }
}
