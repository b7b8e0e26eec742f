//! The queue's forms: claiming a request (or the next one), assigning it and giving it back, each
//! one conditional update, so that of two people who claim together one wins and the other is told.

use super::store::refusal;
use super::*;
use crate::access::accounts::StaffUser;
use crate::access::auth;
use crate::audit::Entry;
use crate::audit::RecordKind;
use crate::forms::{FieldErrors, FormOutcome};
use crate::on_db;
use crate::state::AppState;

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
        // A court mandate's report deadline becomes one of the case's.
        sqlx::query($crate::triage::store::COURT_REPORT_OF_REQUEST)
            .bind($request)
            .bind($now)
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
    let (_, user) = auth::permitted(Permission::WorkQueue).await?;
    let unit = match unit_of_form(state, &user, &form.unita).await? {
        Ok(unit) => unit,
        Err(answer) => return Ok(answer),
    };
    let now = state.clock.now();
    let begin = state.db.begin_writing();
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
            crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "coda.prendi").records(RecordKind::Request, [form.id]))?;
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
    let (_, user) = auth::permitted(Permission::WorkQueue).await?;
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
    let begin = state.db.begin_writing();
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
            crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "coda.prendi_prossimo").records(RecordKind::Request, [request]))?;
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

/// The unit the form names, if `user` coordinates it: `Ok(Err(answer))` when the form names
/// none, a refusal (recorded) for a unit the person does not coordinate.
async fn coordinated_unit(state: &AppState, user: &StaffUser, raw: &str) -> Result<Result<i64, FormOutcome>, AppError> {
    let Ok(unit) = raw.trim().parse::<i64>() else {
        let mut errors = FieldErrors::new();
        errors.add("id", "La coda indicata non è valida: ricarica la pagina.");
        return Ok(Err(FormOutcome::Invalid(errors)));
    };
    if user.coordinates(unit) {
        Ok(Ok(unit))
    } else {
        Err(auth::refuse_record(state, user, "coda.coordina", RecordKind::Unit, unit).await)
    }
}

fn reason_of(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The coordinator assigns a waiting request to a worker of the unit, or reassigns an assigned
/// one (then with a reason); the case follows its new worker; the history keeps both.
pub async fn assign(state: &AppState, form: AssignForm) -> Result<FormOutcome, AppError> {
    let (_, user) = auth::permitted(Permission::CoordinateQueue).await?;
    let unit = match coordinated_unit(state, &user, &form.unita).await? {
        Ok(unit) => unit,
        Err(answer) => return Ok(answer),
    };
    let Ok(worker) = form.operatore.trim().parse::<i64>() else {
        return refused("Scegli l'operatore a cui assegnare la richiesta.");
    };
    let reason = reason_of(&form.motivo);
    if reason.chars().count() > 300 {
        return refused("Il motivo può avere al massimo 300 caratteri.");
    }
    let now = state.clock.now();
    let begin = state.db.begin_writing();
    let outcome: Result<(), &str> = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let current: Option<(String, Option<i64>)> = sqlx::query_as("SELECT state, assigned_to FROM requests WHERE id = $1 AND unit_id = $2")
            .bind(form.id)
            .bind(unit)
            .fetch_optional(&mut *tx)
            .await?;
        let works_here: Option<i64> = sqlx::query_scalar(
            "SELECT u.id FROM staff_users u JOIN staff_roles r ON r.user_id = u.id
              WHERE u.id = $1 AND r.unit_id = $2 AND r.role IN ('assistente_sociale', 'coordinatore') AND NOT u.disabled
              LIMIT 1",
        )
        .bind(worker)
        .bind(unit)
        .fetch_optional(&mut *tx)
        .await?;
        match (current, works_here) {
            (_, None) => {
                tx.rollback().await?;
                Err("L'operatore scelto non lavora in questa unità.")
            }
            (Some((state_key, _)), Some(_)) if state_key == "in_coda" => {
                // The same conditional update as a claim: a worker taking it meanwhile wins.
                let won = sqlx::query(
                    "UPDATE requests SET state = 'assegnata', assigned_to = $1, assigned_at = $2
                      WHERE id = $3 AND unit_id = $4 AND state = 'in_coda'",
                )
                .bind(worker).bind(now).bind(form.id).bind(unit)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                    == 1;
                if won {
                    take_into_case!(tx, now, worker, form.id);
                    crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "coda.assegna").records(RecordKind::Request, [form.id]))?;
                    tx.commit().await?;
                    Ok(())
                } else {
                    tx.rollback().await?;
                    Err(TAKEN)
                }
            }
            (Some((state_key, Some(previous))), Some(_)) if state_key == "assegnata" => {
                if reason.is_empty() {
                    tx.rollback().await?;
                    Err("Scrivi perché la richiesta cambia operatore: il motivo resta nella storia.")
                } else if previous == worker {
                    tx.rollback().await?;
                    Err("La richiesta è già di questo operatore.")
                } else {
                    sqlx::query("UPDATE requests SET assigned_to = $1, assigned_at = $2 WHERE id = $3 AND assigned_to = $4 AND state = 'assegnata'")
                        .bind(worker).bind(now).bind(form.id).bind(previous)
                        .execute(&mut *tx)
                        .await?;
                    // The family's worker in this unit changes with it.
                    sqlx::query("UPDATE cases SET responsible_id = $1 WHERE id = (SELECT case_id FROM requests WHERE id = $2) AND responsible_id = $3")
                        .bind(worker).bind(form.id).bind(previous)
                        .execute(&mut *tx)
                        .await?;
                    sqlx::query("INSERT INTO request_events (request_id, at, staff_id, kind, reason) VALUES ($1, $2, $3, 'riassegnata', $4)")
                        .bind(form.id).bind(now).bind(user.id).bind(&reason)
                        .execute(&mut *tx)
                        .await?;
                    crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "coda.riassegna").records(RecordKind::Request, [form.id]))?;
                    tx.commit().await?;
                    Ok(())
                }
            }
            _ => {
                tx.rollback().await?;
                Err("Questa richiesta non è più nella coda dell'unità: ricarica la pagina.")
            }
        }
    });
    match outcome {
        Ok(()) => Ok(FormOutcome::Done {
            next: format!("{QUEUE_PATH}?unita={unit}"),
        }),
        Err(message) => refused(message),
    }
}

/// The coordinator returns a wrongly routed request still waiting: to the front desk (which
/// routes it again) or to another unit's queue, with the reason kept in its history.
pub async fn give_back(state: &AppState, form: ReturnForm) -> Result<FormOutcome, AppError> {
    let (_, user) = auth::permitted(Permission::CoordinateQueue).await?;
    let unit = match coordinated_unit(state, &user, &form.unita).await? {
        Ok(unit) => unit,
        Err(answer) => return Ok(answer),
    };
    let reason = reason_of(&form.motivo);
    if reason.is_empty() || reason.chars().count() > 300 {
        return refused(
            "Scrivi perché restituisci la richiesta (al massimo 300 caratteri): il motivo resta nella storia.",
        );
    }
    let to_desk = form.destinazione.trim() == "sportello";
    let other_unit = form
        .destinazione
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|other| *other != unit);
    if !to_desk && other_unit.is_none() {
        return refused("Scegli a chi restituire la richiesta.");
    }
    let now = state.clock.now();
    let begin = state.db.begin_writing();
    let moved = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let changed = match other_unit {
            Some(other) => sqlx::query(
                "UPDATE requests SET unit_id = $1 WHERE id = $2 AND unit_id = $3 AND state = 'in_coda'
                    AND EXISTS (SELECT 1 FROM units WHERE id = $1 AND active)",
            )
            .bind(other).bind(form.id).bind(unit)
            .execute(&mut *tx)
            .await?,
            None => sqlx::query("UPDATE requests SET state = 'restituita' WHERE id = $1 AND unit_id = $2 AND state = 'in_coda'")
                .bind(form.id).bind(unit)
                .execute(&mut *tx)
                .await?,
        }
        .rows_affected();
        if changed == 1 {
            let kind = if to_desk { "restituita" } else { "reindirizzata" };
            sqlx::query(
                "INSERT INTO request_events (request_id, at, staff_id, kind, from_unit_id, to_unit_id, reason)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(form.id).bind(now).bind(user.id).bind(kind).bind(unit).bind(other_unit).bind(&reason)
            .execute(&mut *tx)
            .await?;
            crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "coda.restituisci").records(RecordKind::Request, [form.id]))?;
            tx.commit().await?;
        } else {
            tx.rollback().await?;
        }
        changed == 1
    });
    if !moved {
        return refused("Questa richiesta non è più in attesa nella coda dell'unità: ricarica la pagina.");
    }
    Ok(FormOutcome::Done {
        next: format!("{QUEUE_PATH}?unita={unit}"),
    })
}
