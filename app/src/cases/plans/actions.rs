//! The help plan's and the closure's forms. Every change checks, in its transaction, that the
//! person is in the case team or coordinates the unit (an emergency access reads, never changes),
//! then moves the plan with one update conditional on the state it was read in.

use chrono::NaiveDate;
use chrono_tz::Europe::Rome;

use super::store::may_change;
use super::*;
use crate::access::auth;
use crate::audit::Entry;
use crate::audit::RecordKind;
use crate::cases::store::{case_or_not_found, refusal};
use crate::dates::long_date;
use crate::forms::{FieldErrors, FormOutcome};
use crate::on_db;
use crate::state::AppState;
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A date typed in a date field: `Err` with the sentence to show.
fn date_field(raw: &str) -> Result<NaiveDate, &'static str> {
    match crate::validation::day(raw) {
        Some(date) => Ok(date),
        None if raw.trim().is_empty() => Err("Scrivi la data."),
        None => Err("Scrivi la data come giorno, mese e anno, ad esempio 15/06/2026."),
    }
}

fn done(case: i64) -> Result<FormOutcome, AppError> {
    Ok(FormOutcome::Done {
        next: format!("{PLAN_PATH}?caso={case}&fatto=1"),
    })
}

/// The states in which an intervention may start (with its legal basis).
const STARTABLE: &str = "('proposto', 'approvato', 'attivo', 'in_revisione')";

/// Loads the case in the open transaction `$tx` and leaves the `on_db!` body with a refusal (or
/// not found) when the person may not change it; otherwise gives the case.
macro_rules! changeable_case {
    ($tx:ident, $state:expr, $user:expr, $case:expr, $now:expr) => {{
        let case = case_or_not_found!($tx, $case, $user, $now);
        if !may_change(&case, &$user) {
            $tx.rollback().await?;
            return Err(refusal($state, &$user, RecordKind::Case, $case).await);
        }
        case
    }};
}

/// The goals and the next review: creates the draft when the case has no plan in progress, or
/// changes the draft or the plan under revision.
pub async fn save_goals(state: &AppState, form: GoalsForm) -> Result<FormOutcome, AppError> {
    let (_, user) = auth::permitted(Permission::CaseFiles).await?;
    let now = state.clock.now();
    let today = now.with_timezone(&Rome).date_naive();
    let mut errors = FieldErrors::new();
    let goals = form.obiettivi.trim().to_owned();
    if goals.is_empty() {
        errors.add("obiettivi", "Scrivi gli obiettivi del progetto.");
    } else if goals.chars().count() > 4000 {
        errors.add("obiettivi", "Gli obiettivi possono avere al massimo 4000 caratteri.");
    }
    let review = match date_field(&form.revisione) {
        Ok(date) if date <= today => {
            errors.add(
                "revisione",
                "La prossima revisione va fissata in un giorno che deve ancora venire.",
            );
            None
        }
        Ok(date) => Some(date),
        Err(message) => {
            errors.add("revisione", message);
            None
        }
    };
    let Some(review) = review.filter(|_| errors.is_empty()) else {
        return Ok(FormOutcome::Invalid(errors));
    };
    let begin = state.db.begin_writing();
    let saved = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        changeable_case!(tx, state, user, form.caso, now);
        let changed = sqlx::query("UPDATE help_plans SET goals = $2, review_on = $3 WHERE case_id = $1 AND state IN ('bozza', 'in_revisione')")
            .bind(form.caso).bind(&goals).bind(review)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        let saved = if changed == 1 {
            crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "progetto.obiettivi").records(RecordKind::Case, [form.caso]))?;
            true
        } else {
            // No plan in progress: a new draft (the partial unique index keeps it one).
            let created: Option<i64> = sqlx::query_scalar(
                "INSERT INTO help_plans (case_id, state, goals, review_on, created_by, created_at) VALUES ($1, 'bozza', $2, $3, $4, $5)
                 ON CONFLICT (case_id) WHERE state NOT IN ('concluso', 'rifiutato') DO NOTHING RETURNING id",
            )
            .bind(form.caso).bind(&goals).bind(review).bind(user.id).bind(now)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(plan) = created {
                sqlx::query("INSERT INTO plan_events (plan_id, at, staff_id, to_state) VALUES ($1, $2, $3, 'bozza')")
                    .bind(plan).bind(now).bind(user.id)
                    .execute(&mut *tx)
                    .await?;
                crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "progetto.crea").records(RecordKind::Case, [form.caso]))?;
            }
            created.is_some()
        };
        if saved { tx.commit().await?; } else { tx.rollback().await?; }
        saved
    });
    if !saved {
        return Ok(FormOutcome::invalid(
            "obiettivi",
            "Gli obiettivi si cambiano solo nella bozza o durante una revisione: apri la revisione del progetto.",
        ));
    }
    done(form.caso)
}

/// A new intervention in the draft or the plan under revision, with its legal basis.
pub async fn add_intervention(state: &AppState, form: InterventionForm) -> Result<FormOutcome, AppError> {
    let (_, user) = auth::permitted(Permission::CaseFiles).await?;
    let now = state.clock.now();
    let mut errors = FieldErrors::new();
    let kind = form.intervento.trim();
    if Intervention::from_key(kind).is_none() {
        errors.add("intervento", "Scegli l'intervento dal catalogo.");
    }
    let assignment = one_line(&form.chi);
    if assignment.is_empty() {
        errors.add("chi", "Scrivi chi fa che cosa.");
    } else if assignment.chars().count() > 500 {
        errors.add("chi", "Al massimo 500 caratteri.");
    }
    let start = date_field(&form.inizio)
        .map_err(|message| errors.add("inizio", message))
        .ok();
    let basis = form.base.trim();
    let mandate = match basis {
        "consenso" => None,
        "mandato" => match form.mandato.trim().parse::<i64>() {
            Ok(mandate) => Some(mandate),
            Err(_) => {
                errors.add(
                    "mandato",
                    "Scegli il mandato dell'Autorità Giudiziaria che dispone l'intervento.",
                );
                None
            }
        },
        _ => {
            errors.add(
                "base",
                "Scegli se l'intervento si basa sul consenso della famiglia o su un mandato.",
            );
            None
        }
    };
    let Some(start) = start.filter(|_| errors.is_empty()) else {
        return Ok(FormOutcome::Invalid(errors));
    };
    let begin = state.db.begin_writing();
    let added: Option<i64> = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        changeable_case!(tx, state, user, form.caso, now);
        // Into the plan that may change, and on a mandate of this very case.
        let added: Option<i64> = sqlx::query_scalar(
            "INSERT INTO plan_interventions (plan_id, kind, assignment, planned_start, legal_basis, mandate_id, added_by, added_at)
             SELECT p.id, $2, $3, $4, $5, $6, $7, $8 FROM help_plans p
              WHERE p.case_id = $1 AND p.state IN ('bozza', 'in_revisione')
                AND ($6 IS NULL OR EXISTS (SELECT 1 FROM requests r WHERE r.id = $6 AND r.case_id = $1 AND r.origin = 'mandato'))
             RETURNING id",
        )
        .bind(form.caso).bind(kind).bind(&assignment).bind(start).bind(basis).bind(mandate).bind(user.id).bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(intervention) = added {
            crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "progetto.intervento").records(RecordKind::Intervention, [intervention]))?;
            tx.commit().await?;
        } else {
            tx.rollback().await?;
        }
        added
    });
    match (added, mandate) {
        (Some(_), _) => done(form.caso),
        (None, Some(_)) => Ok(FormOutcome::invalid(
            "mandato",
            "Scegli uno dei mandati di questo caso, nel progetto in bozza o in revisione.",
        )),
        (None, None) => Ok(FormOutcome::invalid(
            "intervento",
            "Gli interventi si aggiungono solo alla bozza o durante una revisione del progetto.",
        )),
    }
}

/// Starts an intervention (consensual ones only with the family's consent, which the database
/// also checks) or ends one.
pub async fn intervention_step(state: &AppState, form: InterventionStepForm) -> Result<FormOutcome, AppError> {
    let (_, user) = auth::permitted(Permission::CaseFiles).await?;
    let now = state.clock.now();
    let today = now.with_timezone(&Rome).date_naive();
    let (sql, refused) = match form.azione.as_str() {
        "avvia" => (
            format!(
                "UPDATE plan_interventions SET started_on = $1 WHERE id = $2 AND started_on IS NULL
                    AND (legal_basis = 'mandato' OR consent_on IS NOT NULL)
                    AND plan_id IN (SELECT id FROM help_plans WHERE case_id = $3 AND state IN {STARTABLE})"
            ),
            "Questo intervento non può iniziare: un intervento consensuale inizia solo dopo l'approvazione della famiglia, e nessuno inizia prima che il progetto le sia proposto.",
        ),
        "termina" => (
            "UPDATE plan_interventions SET ended_on = $1 WHERE id = $2 AND started_on IS NOT NULL AND ended_on IS NULL
                AND plan_id IN (SELECT id FROM help_plans WHERE case_id = $3)"
                .to_owned(),
            "Questo intervento non è in corso: ricarica la pagina.",
        ),
        _ => return Ok(FormOutcome::invalid("id", "Azione non valida: ricarica la pagina.")),
    };
    let begin = state.db.begin_writing();
    let changed = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        changeable_case!(tx, state, user, form.caso, now);
        let changed = sqlx::query(&sql).bind(today).bind(form.id).bind(form.caso).execute(&mut *tx).await?.rows_affected() == 1;
        if changed {
            let action = if form.azione == "avvia" { "progetto.intervento_avvia" } else { "progetto.intervento_termina" };
            crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), action).records(RecordKind::Intervention, [form.id]))?;
            tx.commit().await?;
        } else {
            tx.rollback().await?;
        }
        changed
    });
    if !changed {
        return Ok(FormOutcome::invalid("id", refused));
    }
    done(form.caso)
}

/// The plan's next step: (the state it goes to, a note for the history, a new review date, an
/// outcome), or the field and sentence of what is missing.
struct Step {
    to: &'static str,
    note: Option<String>,
    review: Option<NaiveDate>,
    outcome: Option<String>,
    /// The family's consent, given on this day, for the consensual interventions.
    consent_on: Option<NaiveDate>,
}

fn step_of(form: &PlanStepForm, today: NaiveDate) -> Result<Step, FieldErrors> {
    let mut errors = FieldErrors::new();
    let step = |to| Step {
        to,
        note: None,
        review: None,
        outcome: None,
        consent_on: None,
    };
    let result = match form.azione.as_str() {
        "proponi" => step("proposto"),
        "avvia" => step("attivo"),
        "revisiona" => step("in_revisione"),
        "risposta" => {
            let answer = form.risposta.as_str();
            if answer != "approva" && answer != "rifiuta" {
                errors.add("risposta", "Scegli la risposta della famiglia.");
            }
            let on = match date_field(&form.data_risposta) {
                Ok(on) if on > today => {
                    errors.add("data_risposta", "La data della risposta non può essere nel futuro.");
                    None
                }
                Ok(on) => Some(on),
                Err(message) => {
                    errors.add("data_risposta", message);
                    None
                }
            };
            let note = one_line(&form.nota_risposta);
            if answer == "rifiuta" && note.is_empty() {
                errors.add(
                    "nota_risposta",
                    "Scrivi il motivo del rifiuto, come l'ha detto la famiglia.",
                );
            } else if note.chars().count() > 500 {
                errors.add("nota_risposta", "Al massimo 500 caratteri.");
            }
            let approved = answer == "approva";
            Step {
                to: if approved { "approvato" } else { "rifiutato" },
                note: Some(format!(
                    "risposta della famiglia del {}{}",
                    on.map(long_date).unwrap_or_default(),
                    if note.is_empty() {
                        String::new()
                    } else {
                        format!(": {note}")
                    }
                )),
                review: None,
                outcome: None,
                consent_on: on.filter(|_| approved),
            }
        }
        "riprendi" => {
            let review = match date_field(&form.prossima_revisione) {
                Ok(on) if on <= today => {
                    errors.add(
                        "prossima_revisione",
                        "La prossima revisione va fissata in un giorno che deve ancora venire.",
                    );
                    None
                }
                Ok(on) => Some(on),
                Err(message) => {
                    errors.add("prossima_revisione", message);
                    None
                }
            };
            Step {
                review,
                note: review.map(|on| format!("prossima revisione il {}", long_date(on))),
                ..step("attivo")
            }
        }
        "concludi" => {
            let outcome = form.esito.trim().to_owned();
            if outcome.is_empty() {
                errors.add("esito", "Scrivi l'esito del progetto.");
            } else if outcome.chars().count() > 2000 {
                errors.add("esito", "L'esito può avere al massimo 2000 caratteri.");
            }
            Step {
                note: Some(outcome.clone()),
                outcome: Some(outcome),
                ..step("concluso")
            }
        }
        _ => {
            errors.add("azione", "Azione non valida: ricarica la pagina.");
            step("bozza")
        }
    };
    if errors.is_empty() {
        Ok(result)
    } else {
        Err(errors)
    }
}

/// Whether the plan may go from `from` to the step's state, given what it holds.
fn allowed(action: &str, from: &str, has_mandate: bool) -> bool {
    PlanState::from_key(from).is_some_and(|state| state.allows(action, has_mandate))
}

/// Moves the plan on: propose it to the family, record their answer, start it, open and close a
/// revision, conclude it.
pub async fn plan_step(state: &AppState, form: PlanStepForm) -> Result<FormOutcome, AppError> {
    let (_, user) = auth::permitted(Permission::CaseFiles).await?;
    let now = state.clock.now();
    let today = now.with_timezone(&Rome).date_naive();
    let field = match form.azione.as_str() {
        "risposta" => "risposta",
        "riprendi" => "prossima_revisione",
        "concludi" => "esito",
        _ => "azione",
    };
    let mut step = match step_of(&form, today) {
        Ok(step) => step,
        Err(errors) => return Ok(FormOutcome::Invalid(errors)),
    };
    let begin = state.db.begin_writing();
    let outcome: Result<(), &str> = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        changeable_case!(tx, state, user, form.caso, now);
        let plan: Option<(i64, String, String, Option<NaiveDate>)> = sqlx::query_as(
            "SELECT id, state, goals, review_on FROM help_plans WHERE case_id = $1 AND state NOT IN ('concluso', 'rifiutato')",
        )
        .bind(form.caso)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((plan, from, goals, review_on)) = plan else {
            tx.rollback().await?;
            return Ok(FormOutcome::invalid(field, "Il caso non ha un progetto in corso: ricarica la pagina."));
        };
        // (interventions, court-ordered ones not ended)
        let (count, ordered): (i64, i64) = sqlx::query_as(
            "SELECT COUNT(*), COALESCE(SUM(CASE WHEN legal_basis = 'mandato' AND ended_on IS NULL THEN 1 ELSE 0 END), 0)
               FROM plan_interventions WHERE plan_id = $1",
        )
        .bind(plan)
        .fetch_one(&mut *tx)
        .await?;
        // A refusal leaves the court-ordered interventions to go on: the plan stays active on them.
        if step.to == "rifiutato" && ordered > 0 {
            step.to = "attivo";
            step.note = step.note.map(|note| format!("{note}. La famiglia rifiuta; proseguono gli interventi disposti dall'Autorità Giudiziaria"));
        }
        let problem = if !allowed(&form.azione, &from, ordered > 0) {
            Some("Questo passo non è possibile nello stato attuale del progetto: ricarica la pagina.")
        } else if form.azione == "proponi" && (goals.is_empty() || review_on.is_none() || count == 0) {
            Some("Prima di proporlo alla famiglia, il progetto deve avere gli obiettivi, la data della revisione e almeno un intervento.")
        } else {
            None
        };
        if let Some(problem) = problem {
            tx.rollback().await?;
            return Ok(FormOutcome::invalid(field, problem));
        }
        // Conditional on the state just read: two people moving the plan at once cannot both.
        let moved = sqlx::query(
            "UPDATE help_plans SET state = $1, review_on = COALESCE($2, review_on), outcome = COALESCE($3, outcome)
              WHERE id = $4 AND state = $5",
        )
        .bind(step.to).bind(step.review).bind(&step.outcome).bind(plan).bind(&from)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if !moved {
            tx.rollback().await?;
            Err("Qualcun altro ha appena cambiato il progetto: ricarica la pagina.")
        } else {
            if let Some(on) = step.consent_on {
                sqlx::query("UPDATE plan_interventions SET consent_on = $1 WHERE plan_id = $2 AND legal_basis = 'consenso' AND consent_on IS NULL")
                    .bind(on).bind(plan)
                    .execute(&mut *tx)
                    .await?;
            }
            // Concluding ends what is still running; a refusal ends what ran on the consent.
            let ending = match form.azione.as_str() {
                "concludi" => Some("UPDATE plan_interventions SET ended_on = $1 WHERE plan_id = $2 AND started_on IS NOT NULL AND ended_on IS NULL"),
                "risposta" if step.consent_on.is_none() => Some(
                    "UPDATE plan_interventions SET ended_on = $1 WHERE plan_id = $2 AND legal_basis = 'consenso' AND started_on IS NOT NULL AND ended_on IS NULL",
                ),
                _ => None,
            };
            if let Some(ending) = ending {
                sqlx::query(ending).bind(today).bind(plan).execute(&mut *tx).await?;
            }
            sqlx::query("INSERT INTO plan_events (plan_id, at, staff_id, from_state, to_state, note) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(plan).bind(now).bind(user.id).bind(&from).bind(step.to).bind(&step.note)
                .execute(&mut *tx)
                .await?;
            crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "progetto.passo").records(RecordKind::Plan, [plan]))?;
            tx.commit().await?;
            Ok(())
        }
    });
    match outcome {
        Ok(()) => done(form.caso),
        Err(message) => Ok(FormOutcome::invalid(field, message)),
    }
}

/// The worker asks to close the case, once no plan is in progress.
pub async fn request_closure(state: &AppState, form: ClosureForm) -> Result<FormOutcome, AppError> {
    let (_, user) = auth::permitted(Permission::CaseFiles).await?;
    let now = state.clock.now();
    let reason = form.motivo_chiusura.trim().to_owned();
    if reason.is_empty() || reason.chars().count() > 1000 {
        return Ok(FormOutcome::invalid(
            "motivo_chiusura",
            "Scrivi perché il caso si può chiudere, al massimo 1000 caratteri.",
        ));
    }
    let begin = state.db.begin_writing();
    let asked = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        changeable_case!(tx, state, user, form.caso, now);
        let asked = sqlx::query(
            "UPDATE cases SET closure_requested_at = $2, closure_requested_by = $3, closure_reason = $4, closure_refusal = NULL
              WHERE id = $1 AND closed_at IS NULL AND closure_requested_at IS NULL
                AND NOT EXISTS (SELECT 1 FROM help_plans WHERE case_id = $1 AND state NOT IN ('concluso', 'rifiutato'))",
        )
        .bind(form.caso).bind(now).bind(user.id).bind(&reason)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if asked {
            crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "caso.chiusura_chiesta").records(RecordKind::Case, [form.caso]))?;
            tx.commit().await?;
        } else {
            tx.rollback().await?;
        }
        asked
    });
    if !asked {
        return Ok(FormOutcome::invalid(
            "motivo_chiusura",
            "La chiusura non si può chiedere ora: c'è un progetto in corso da concludere, o la chiusura è già stata chiesta.",
        ));
    }
    done(form.caso)
}

/// The unit's coordinator approves the closure (the case's requests close with it) or sends it
/// back with a note for the worker.
pub async fn decide_closure(state: &AppState, form: ClosureDecisionForm) -> Result<FormOutcome, AppError> {
    let (_, user) = auth::permitted(Permission::CaseFiles).await?;
    let now = state.clock.now();
    let note = one_line(&form.nota_decisione);
    let approve = match form.decisione.as_str() {
        "approva" => true,
        "respingi" if note.is_empty() => {
            return Ok(FormOutcome::invalid(
                "nota_decisione",
                "Scrivi all'operatore perché il caso resta aperto.",
            ))
        }
        "respingi" => false,
        _ => return Ok(FormOutcome::invalid("decisione", "Scegli se approvare la chiusura.")),
    };
    if note.chars().count() > 500 {
        return Ok(FormOutcome::invalid("nota_decisione", "Al massimo 500 caratteri."));
    }
    let begin = state.db.begin_writing();
    let decided = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let case = case_or_not_found!(tx, form.caso, user, now);
        if !user.coordinates(case.unit_id) {
            tx.rollback().await?;
            return Err(refusal(state, &user, RecordKind::Case, form.caso).await);
        }
        let decided = if approve {
            let closed = sqlx::query(
                "UPDATE cases SET closed_at = $2, closed_by = $3
                  WHERE id = $1 AND closed_at IS NULL AND closure_requested_at IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM help_plans WHERE case_id = $1 AND state NOT IN ('concluso', 'rifiutato'))",
            )
            .bind(form.caso).bind(now).bind(user.id)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            if closed {
                // The requests the case answered close with it, each with its event.
                sqlx::query(
                    "INSERT INTO request_events (request_id, at, staff_id, kind)
                     SELECT id, $2, $3, 'chiusa' FROM requests WHERE case_id = $1 AND state = 'assegnata'",
                )
                .bind(form.caso).bind(now).bind(user.id)
                .execute(&mut *tx)
                .await?;
                sqlx::query("UPDATE requests SET state = 'chiusa' WHERE case_id = $1 AND state = 'assegnata'")
                    .bind(form.caso)
                    .execute(&mut *tx)
                    .await?;
            }
            closed
        } else {
            sqlx::query(
                "UPDATE cases SET closure_requested_at = NULL, closure_requested_by = NULL, closure_reason = NULL, closure_refusal = $2
                  WHERE id = $1 AND closed_at IS NULL AND closure_requested_at IS NOT NULL",
            )
            .bind(form.caso).bind(&note)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1
        };
        if decided {
            let action = if approve { "caso.chiusura_approvata" } else { "caso.chiusura_respinta" };
            crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), action).records(RecordKind::Case, [form.caso]))?;
            tx.commit().await?;
        } else {
            tx.rollback().await?;
        }
        decided
    });
    if !decided {
        return Ok(FormOutcome::invalid(
            "decisione",
            "Non c'è una richiesta di chiusura da decidere: ricarica la pagina.",
        ));
    }
    done(form.caso)
}
