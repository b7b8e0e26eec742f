//! The case file's forms: a note added or corrected, the team changed, an emergency recorded, a
//! report to the court registered, each in one transaction with its audit row.

use chrono::{Duration, NaiveDate};
use chrono_tz::Europe::Rome;

use super::store::{
    case_or_not_found, from_a_court_or_a_report, refusal, Access, CaseRow, CurrentNote, CASE_FOR, NOTE,
};
use super::*;
use crate::access::auth;
use crate::audit::Entry;
use crate::audit::RecordKind;
use crate::dates::moment;
use crate::forms::{FieldErrors, FormOutcome};
use crate::on_db;
use crate::state::AppState;
/// A note's fields, checked: (kind, day, text). The day is not in the future.
fn checked_note(
    kind: &str,
    day: &str,
    text: &str,
    today: NaiveDate,
    errors: &mut FieldErrors,
) -> Option<(String, NaiveDate, String)> {
    let kind = kind.trim();
    if NoteKind::from_key(kind).is_none() {
        errors.add("tipo", "Scegli il tipo di nota.");
    }
    let day = match crate::validation::day(day).ok_or(()) {
        Ok(day) if day > today => {
            errors.add(
                "data",
                "La data non può essere nel futuro: scrivi il giorno in cui è avvenuto.",
            );
            None
        }
        Ok(day) => Some(day),
        Err(_) if day.trim().is_empty() => {
            errors.add("data", "Scrivi la data.");
            None
        }
        Err(_) => {
            errors.add(
                "data",
                "Scrivi la data come giorno, mese e anno, ad esempio 03/03/2026.",
            );
            None
        }
    };
    let text = text.trim();
    if text.is_empty() {
        errors.add("testo", "Scrivi il testo della nota.");
    } else if text.chars().count() > 8000 {
        errors.add(
            "testo",
            "La nota può avere al massimo 8000 caratteri: dividila in più note.",
        );
    }
    if !errors.is_empty() {
        return None;
    }
    Some((kind.to_owned(), day?, text.to_owned()))
}

/// A new note on the timeline, by anyone who may open the file.
pub async fn add_note(state: &AppState, form: NoteForm) -> Result<FormOutcome, AppError> {
    let (_, user) = auth::permitted(Permission::CaseFiles).await?;
    let now = state.clock.now();
    let today = now.with_timezone(&Rome).date_naive();
    let mut errors = FieldErrors::new();
    let report = match form.relazione.trim() {
        "" => None,
        raw => raw.parse::<i64>().ok().or_else(|| {
            errors.add("relazione", "Scegli la scadenza dall'elenco.");
            None
        }),
    };
    if report.is_some() && form.tipo.trim() != "relazione_ag" {
        errors.add(
            "relazione",
            "Solo una nota «Relazione inviata all'Autorità Giudiziaria» consegna una relazione.",
        );
    }
    let checked = checked_note(&form.tipo, &form.data, &form.testo, today, &mut errors);
    let Some((kind, day, text)) = checked.filter(|_| errors.is_empty()) else {
        return Ok(FormOutcome::Invalid(errors));
    };
    let begin = state.db.begin_writing();
    let allowed = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let case = case_or_not_found!(tx, form.caso, user, now);
        if case.closed_at.is_some() {
            tx.rollback().await?;
            return Ok(FormOutcome::invalid("testo", "Il caso è chiuso: il suo diario non si aggiorna più."));
        }
        // An emergency access reads the file and may add a note (saying why, for one); that a
        // report reached the court is the team's or the coordinator's to record.
        let may_write = match case.access_of(&user) {
            Some(Access::Team | Access::Coordinator) => true,
            Some(Access::Emergency(_)) => report.is_none(),
            None => false,
        };
        if may_write {
            let note: i64 = sqlx::query_scalar(
                "INSERT INTO case_notes (case_id, kind, happened_on, body, author_id, written_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(form.caso).bind(&kind).bind(day).bind(&text).bind(user.id).bind(now)
            .fetch_one(&mut *tx)
            .await?;
            if let Some(report) = report {
                // The deadline closes once, with this note.
                let closed = sqlx::query("UPDATE court_reports SET sent_on = $1, note_id = $2 WHERE id = $3 AND case_id = $4 AND sent_on IS NULL")
                    .bind(day).bind(note).bind(report).bind(form.caso)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if closed != 1 {
                    tx.rollback().await?;
                    return Ok(FormOutcome::invalid("relazione", "Questa relazione risulta già inviata: ricarica la pagina."));
                }
            }
            crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "caso.nota").records(RecordKind::Note, [note]))?;
            tx.commit().await?;
            true
        } else {
            tx.rollback().await?;
            false
        }
    });
    if !allowed {
        return Err(refusal(state, &user, RecordKind::Case, form.caso).await);
    }
    Ok(FormOutcome::Done {
        next: format!("{FILE_PATH}?id={}&fatto=nota", form.caso),
    })
}

/// A correction: a new version of one's own note, with the reason; the database keeps one
/// correction per version, so two corrections sent at once cannot both replace it.
pub async fn correct_note(state: &AppState, form: CorrectionForm) -> Result<FormOutcome, AppError> {
    let (_, user) = auth::permitted(Permission::CaseFiles).await?;
    let now = state.clock.now();
    let today = now.with_timezone(&Rome).date_naive();
    let mut errors = FieldErrors::new();
    let checked = checked_note(&form.tipo, &form.data, &form.testo, today, &mut errors);
    let reason = form.motivo.split_whitespace().collect::<Vec<_>>().join(" ");
    if reason.is_empty() {
        errors.add("motivo", "Scrivi perché correggi la nota: il motivo resta nel diario.");
    } else if reason.chars().count() > 300 {
        errors.add("motivo", "Il motivo può avere al massimo 300 caratteri.");
    }
    let Some((kind, day, text)) = checked.filter(|_| errors.is_empty()) else {
        return Ok(FormOutcome::Invalid(errors));
    };
    let begin = state.db.begin_writing();
    let outcome: Result<i64, Option<&str>> = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let note: Option<CurrentNote> = sqlx::query_as(NOTE).bind(form.nota).fetch_optional(&mut *tx).await?;
        let case: Option<CaseRow> = match &note {
            Some(note) => sqlx::query_as(CASE_FOR).bind(note.case_id).bind(user.id).bind(now).fetch_optional(&mut *tx).await?,
            None => None,
        };
        match (note, case.and_then(|case| case.access_of(&user))) {
            (Some(note), Some(_)) if note.author_id == user.id => {
                if note.kind == kind && note.happened_on == day && note.body == text {
                    tx.rollback().await?;
                    Err(Some("La correzione è uguale alla nota: cambia il testo, la data o il tipo."))
                } else {
                    // Conditional on nobody having replaced the same version meanwhile.
                    let inserted: Option<i64> = sqlx::query_scalar(
                        "INSERT INTO case_notes (case_id, kind, happened_on, body, author_id, written_at, replaces_id, correction_reason)
                         SELECT $1, $2, $3, $4, $5, $6, $7, $8
                          WHERE NOT EXISTS (SELECT 1 FROM case_notes WHERE replaces_id = $7)
                         ON CONFLICT (replaces_id) DO NOTHING
                         RETURNING id",
                    )
                    .bind(note.case_id).bind(&kind).bind(day).bind(&text).bind(user.id).bind(now).bind(form.nota).bind(&reason)
                    .fetch_optional(&mut *tx)
                    .await?;
                    match inserted {
                        Some(new) => {
                            crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "caso.nota_corretta").records(RecordKind::Note, [form.nota, new]))?;
                            tx.commit().await?;
                            Ok(note.case_id)
                        }
                        None => {
                            tx.rollback().await?;
                            Err(Some("Questa nota è appena stata corretta: riapri il fascicolo e correggi la versione più recente."))
                        }
                    }
                }
            }
            (None, _) => {
                tx.rollback().await?;
                return Err(AppError::NotFound);
            }
            _ => {
                tx.rollback().await?;
                Err(None)
            }
        }
    });
    match outcome {
        Ok(case) => Ok(FormOutcome::Done {
            next: format!("{FILE_PATH}?id={case}&fatto=correzione"),
        }),
        Err(Some(message)) => Ok(FormOutcome::invalid("testo", message)),
        Err(None) => Err(refusal(state, &user, RecordKind::Note, form.nota).await),
    }
}

/// Adds a professional to the team, for the responsible worker or the coordinator.
pub async fn add_member(state: &AppState, form: TeamForm) -> Result<FormOutcome, AppError> {
    let (_, user) = auth::permitted(Permission::CaseFiles).await?;
    let mut errors = FieldErrors::new();
    let member = form.operatore.trim().parse::<i64>().ok();
    if member.is_none() {
        errors.add("operatore", "Scegli la persona da aggiungere all'équipe.");
    }
    let profession = form.professione.trim();
    if Profession::from_key(profession).is_none() {
        errors.add("professione", "Scegli il ruolo della persona nell'équipe.");
    }
    let Some(member) = member.filter(|_| errors.is_empty()) else {
        return Ok(FormOutcome::Invalid(errors));
    };
    let now = state.clock.now();
    let begin = state.db.begin_writing();
    let outcome: Result<(), Option<&str>> = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let case = case_or_not_found!(tx, form.caso, user, now);
        if !case.manages_team(&user) {
            tx.rollback().await?;
            Err(None)
        } else {
                // A social worker or coordinator still at work, not already in the team; the
                // partial unique index keeps one row even if two people add them at once.
                let added = sqlx::query(
                    "INSERT INTO case_team (case_id, staff_id, profession, added_by, added_at)
                     SELECT $1, u.id, $3, $4, $5 FROM staff_users u
                      WHERE u.id = $2 AND NOT u.disabled AND u.id <> $6
                        AND EXISTS (SELECT 1 FROM staff_roles r WHERE r.user_id = u.id AND r.role IN ('assistente_sociale', 'coordinatore'))
                     ON CONFLICT (case_id, staff_id) WHERE removed_at IS NULL DO NOTHING",
                )
                .bind(form.caso).bind(member).bind(profession).bind(user.id).bind(now).bind(case.responsible_id.unwrap_or(0))
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if added == 1 {
                    crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "caso.equipe_aggiungi").records(RecordKind::Case, [form.caso]))?;
                    tx.commit().await?;
                    Ok(())
                } else {
                    tx.rollback().await?;
                    Err(Some("Questa persona è già nell'équipe, o non lavora più come assistente sociale: ricarica la pagina."))
                }
        }
    });
    match outcome {
        Ok(()) => Ok(FormOutcome::Done {
            next: format!("{FILE_PATH}?id={}&fatto=equipe", form.caso),
        }),
        Err(Some(message)) => Ok(FormOutcome::invalid("operatore", message)),
        Err(None) => Err(refusal(state, &user, RecordKind::Case, form.caso).await),
    }
}

/// Takes a professional off the team; the row stays, with who took them off and when.
pub async fn remove_member(state: &AppState, form: TeamRemoveForm) -> Result<FormOutcome, AppError> {
    let (_, user) = auth::permitted(Permission::CaseFiles).await?;
    let now = state.clock.now();
    let begin = state.db.begin_writing();
    let outcome: Result<bool, ()> = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let case = case_or_not_found!(tx, form.caso, user, now);
        if !case.manages_team(&user) {
            tx.rollback().await?;
            Err(())
        } else {
                let removed = sqlx::query(
                    "UPDATE case_team SET removed_at = $1, removed_by = $2 WHERE case_id = $3 AND staff_id = $4 AND removed_at IS NULL",
                )
                .bind(now).bind(user.id).bind(form.caso).bind(form.operatore)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                    == 1;
                if removed {
                    crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "caso.equipe_togli").records(RecordKind::Case, [form.caso]))?;
                    tx.commit().await?;
                } else {
                    tx.rollback().await?;
                }
                Ok(removed)
        }
    });
    match outcome {
        Ok(true) => Ok(FormOutcome::Done {
            next: format!("{FILE_PATH}?id={}&fatto=equipe", form.caso),
        }),
        Ok(false) => Ok(FormOutcome::invalid(
            "operatore",
            "Questa persona non è più nell'équipe: ricarica la pagina.",
        )),
        Err(()) => Err(refusal(state, &user, RecordKind::Case, form.caso).await),
    }
}

/// An emergency access: someone outside the team opens the file for a few hours, saying why; the
/// unit's coordinators are emailed (neutrally: the case number, who and when) in the same
/// transaction, and see it in the file and on their queue page.
pub async fn emergency(state: &AppState, form: EmergencyForm) -> Result<FormOutcome, AppError> {
    let (_, user) = auth::permitted(Permission::CaseFiles).await?;
    let reason = form.motivo.split_whitespace().collect::<Vec<_>>().join(" ");
    let length = reason.chars().count();
    if !(10..=500).contains(&length) {
        return Ok(FormOutcome::invalid(
            "motivo",
            "Scrivi perché il fascicolo non può aspettare l'operatore di riferimento, da 10 a 500 caratteri.",
        ));
    }
    let now = state.clock.now();
    let until = now + Duration::hours(EMERGENCY_HOURS);
    let begin = state.db.begin_writing();
    let unit: Option<i64> = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let unit: Option<i64> = sqlx::query_scalar("SELECT unit_id FROM cases WHERE id = $1")
            .bind(form.caso)
            .fetch_optional(&mut *tx)
            .await?;
        if let Some(unit) = unit {
            sqlx::query("INSERT INTO emergency_accesses (case_id, staff_id, reason, at, expires_at) VALUES ($1, $2, $3, $4, $5)")
                .bind(form.caso).bind(user.id).bind(&reason).bind(now).bind(until)
                .execute(&mut *tx)
                .await?;
            crate::access::accounts::email_coordinators!(
                tx,
                now,
                unit,
                "Sportello: accesso di emergenza a un fascicolo".to_owned(),
                format!(
                    "Buongiorno,\n\n{} ha aperto il fascicolo del caso n. {} della tua unità con un accesso di emergenza, {}.\n\nIl motivo è registrato nel fascicolo, alla sezione \"Accessi di emergenza\", nell'area operatori.\n",
                    user.display_name,
                    form.caso,
                    moment(now)
                )
            );
            crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "caso.accesso_emergenza").records(RecordKind::Case, [form.caso]).purpose(reason.clone()))?;
            tx.commit().await?;
        } else {
            tx.rollback().await?;
        }
        unit
    });
    if unit.is_none() {
        return Err(AppError::NotFound);
    }
    state.mail_ready.notify_one();
    Ok(FormOutcome::Done {
        next: format!("{FILE_PATH}?id={}&fatto=emergenza", form.caso),
    })
}

/// A report the court asks for, with its due date (and the mandate asking, when there is one).
pub async fn add_report(state: &AppState, form: ReportForm) -> Result<FormOutcome, AppError> {
    let (_, user) = auth::permitted(Permission::CaseFiles).await?;
    let now = state.clock.now();
    let today = now.with_timezone(&Rome).date_naive();
    let due = match crate::validation::day(&form.scadenza_relazione).ok_or(()) {
        Ok(due) if due < today => {
            return Ok(FormOutcome::invalid(
                "scadenza_relazione",
                "La scadenza non può essere già passata.",
            ))
        }
        Ok(due) => due,
        Err(_) => {
            return Ok(FormOutcome::invalid(
                "scadenza_relazione",
                "Scrivi la data di scadenza della relazione.",
            ))
        }
    };
    let mandate = match form.mandato_relazione.trim() {
        "" => None,
        raw => match raw.parse::<i64>() {
            Ok(mandate) => Some(mandate),
            Err(_) => {
                return Ok(FormOutcome::invalid(
                    "mandato_relazione",
                    "Scegli il mandato dall'elenco.",
                ))
            }
        },
    };
    let begin = state.db.begin_writing();
    let added = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let case = case_or_not_found!(tx, form.caso, user, now);
        if case.closed_at.is_some() || !matches!(case.access_of(&user), Some(Access::Team | Access::Coordinator)) {
            tx.rollback().await?;
            return Err(refusal(state, &user, RecordKind::Case, form.caso).await);
        }
        // On a mandate of this very case; the same mandate and day only once.
        let added: Option<i64> = sqlx::query_scalar(
            "INSERT INTO court_reports (case_id, mandate_id, due_on, created_by, created_at)
             SELECT $1, $2, $3, $4, $5
              WHERE $2 IS NULL OR EXISTS (SELECT 1 FROM requests WHERE id = $2 AND case_id = $1 AND origin = 'mandato')
             ON CONFLICT DO NOTHING RETURNING id",
        )
        .bind(form.caso).bind(mandate).bind(due).bind(user.id).bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(report) = added {
            crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "caso.relazione_scadenza").records(RecordKind::CourtReport, [report]))?;
            tx.commit().await?;
        } else {
            tx.rollback().await?;
        }
        added.is_some()
    });
    if !added {
        return Ok(FormOutcome::invalid(
            "scadenza_relazione",
            "Questa scadenza c'è già, o il mandato scelto non è di questo caso.",
        ));
    }
    Ok(FormOutcome::Done {
        next: format!("{FILE_PATH}?id={}&fatto=relazione", form.caso),
    })
}

const CHECK_FIRST: &str =
    "Prima di mostrare qualcosa di questo caso, conferma di aver verificato che nessun genitore sia la persona da cui il minore va protetto.";

/// Shows the case, or one of its requests, to the family in its personal area, or hides it: the
/// responsible worker's or the coordinator's choice, recorded in the audit trail with the change.
/// On a case from a court mandate or a report, showing asks for the worker's confirmation.
pub async fn set_visibility(state: &AppState, form: VisibilityForm) -> Result<FormOutcome, AppError> {
    let (_, user) = auth::permitted(Permission::CaseFiles).await?;
    let show = match form.mostra.as_str() {
        "si" => true,
        "no" => false,
        _ => return Ok(FormOutcome::invalid("mostra", "Scegli se mostrare o nascondere.")),
    };
    let confirmed = form.conferma.as_deref() == Some("si");
    let now = state.clock.now();
    let begin = state.db.begin_writing();
    let outcome: Result<(), Option<&str>> = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let case = case_or_not_found!(tx, form.caso, user, now);
        if !case.manages_team(&user) {
            tx.rollback().await?;
            Err(None)
        } else {
            let origins: Vec<String> = sqlx::query_scalar("SELECT origin FROM requests WHERE case_id = $1")
                .bind(form.caso)
                .fetch_all(&mut *tx)
                .await?;
            if show && !confirmed && origins.iter().any(|origin| from_a_court_or_a_report(origin)) {
                tx.rollback().await?;
                Err(Some(CHECK_FIRST))
            } else {
                let (changed, record) = match form.richiesta {
                    None => (
                        sqlx::query("UPDATE cases SET family_sees = $1 WHERE id = $2")
                            .bind(show).bind(form.caso)
                            .execute(&mut *tx).await?.rows_affected(),
                        (RecordKind::Case, form.caso),
                    ),
                    // Only a request of this case.
                    Some(request) => (
                        sqlx::query("UPDATE requests SET family_sees = $1 WHERE id = $2 AND case_id = $3")
                            .bind(show).bind(request).bind(form.caso)
                            .execute(&mut *tx).await?.rows_affected(),
                        (RecordKind::Request, request),
                    ),
                };
                if changed != 1 {
                    tx.rollback().await?;
                    return Err(AppError::NotFound);
                }
                let what = if show { "Mostrato alla famiglia" } else { "Nascosto alla famiglia" };
                crate::audit!(
                    &mut *tx,
                    &state.audit_key,
                    now,
                    Entry::new(user.actor(), "caso.visibilita").records(record.0, [record.1]).purpose(what)
                )?;
                tx.commit().await?;
                Ok(())
            }
        }
    });
    match outcome {
        Ok(()) => Ok(FormOutcome::Done {
            next: format!("{FILE_PATH}?id={}&fatto=visibilita", form.caso),
        }),
        Err(Some(message)) => Ok(FormOutcome::invalid("conferma", message)),
        Err(None) => Err(refusal(state, &user, RecordKind::Case, form.caso).await),
    }
}

/// "Invia alla famiglia": a message from the case's responsible worker (or the unit's coordinator)
/// to the family, which reads it in its personal area ([`send_to_family`]).
pub async fn send_message(state: &AppState, form: MessageForm) -> Result<FormOutcome, AppError> {
    let (_, user) = auth::permitted(Permission::CaseFiles).await?;
    let text = form.testo.trim().to_owned();
    if text.is_empty() {
        return Ok(FormOutcome::invalid("testo", "Scrivi il messaggio."));
    }
    if text.chars().count() > crate::area::MESSAGE_MAX_CHARS {
        return Ok(FormOutcome::invalid(
            "testo",
            format!(
                "Il messaggio è troppo lungo: al massimo {} caratteri.",
                crate::area::MESSAGE_MAX_CHARS
            ),
        ));
    }
    send_to_family(state, &user, form.caso, ToFamily::Message(&text)).await
}

/// "Chiedi alla famiglia": a document asked of the family (an ISEE, a signed consent), which sees
/// it in its personal area ([`send_to_family`]).
pub async fn ask_document(state: &AppState, form: AskDocumentForm) -> Result<FormOutcome, AppError> {
    let (_, user) = auth::permitted(Permission::CaseFiles).await?;
    let mut errors = FieldErrors::new();
    let kind = form.tipo_documento.trim();
    if !ASKABLE_KINDS.iter().any(|askable| askable.key() == kind) {
        errors.add("tipo_documento", "Scegli che documento serve.");
    }
    let what = form.richiesta.split_whitespace().collect::<Vec<_>>().join(" ");
    if what.is_empty() {
        errors.add(
            "richiesta",
            "Scrivi che cosa serve, con le parole che la famiglia capisce.",
        );
    } else if what.chars().count() > 200 {
        errors.add("richiesta", "Al massimo 200 caratteri.");
    }
    if !errors.is_empty() {
        return Ok(FormOutcome::Invalid(errors));
    }
    send_to_family(state, &user, form.caso, ToFamily::AskDocument { kind, what: &what }).await
}

/// What a worker sends a family through its personal area.
enum ToFamily<'a> {
    Message(&'a str),
    AskDocument { kind: &'a str, what: &'a str },
}

impl ToFamily<'_> {
    /// The form's field an answer is shown next to, and the case file's "done" key.
    fn field_and_done(&self) -> (&'static str, &'static str) {
        match self {
            ToFamily::Message(_) => ("testo", "messaggio"),
            ToFamily::AskDocument { .. } => ("richiesta", "documento_chiesto"),
        }
    }
}

/// The condition, in the statement that writes what goes to the family, that the case ($1) is still
/// open and shown to the family when it is written.
const STILL_SHOWN: &str = "EXISTS (SELECT 1 FROM cases WHERE id = $1 AND family_sees AND closed_at IS NULL)";

const NOT_SHOWN: &str = "La famiglia non vede ancora questo caso: prima mostralo, in «Che cosa vede la famiglia».";

/// Sends `sending` to the family of case `case_id`: only by who decides what the family sees (the
/// responsible worker, or the unit's coordinator), only to an open case already shown to the
/// family. Each parent or guardian who signed in with an email gets a notice that says nothing of
/// what was sent; the record, its notices and the audit row are one transaction.
async fn send_to_family(
    state: &AppState,
    user: &crate::access::accounts::StaffUser,
    case_id: i64,
    sending: ToFamily<'_>,
) -> Result<FormOutcome, AppError> {
    let now = state.clock.now();
    let (field, done) = sending.field_and_done();
    let begin = state.db.begin_writing();
    let outcome: Result<(), Option<&str>> = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let case = case_or_not_found!(tx, case_id, user, now);
        let family_sees: bool = sqlx::query_scalar("SELECT family_sees FROM cases WHERE id = $1")
            .bind(case_id)
            .fetch_one(&mut *tx)
            .await?;
        if !case.manages_team(user) {
            tx.rollback().await?;
            Err(None)
        } else if case.closed_at.is_some() {
            tx.rollback().await?;
            Err(Some("Il caso è chiuso: la famiglia non si raggiunge più da qui."))
        } else if !family_sees {
            tx.rollback().await?;
            Err(Some(NOT_SHOWN))
        } else {
            let entry = match sending {
                ToFamily::Message(text) => {
                    let message: Option<i64> = sqlx::query_scalar(&format!(
                        "INSERT INTO case_messages (case_id, staff_id, body, sent_at) SELECT $1, $2, $3, $4 WHERE {STILL_SHOWN} RETURNING id",
                    ))
                    .bind(case_id).bind(user.id).bind(text).bind(now)
                    .fetch_optional(&mut *tx)
                    .await?;
                    message.map(|message| Entry::new(user.actor(), "caso.messaggio").records(RecordKind::Message, [message]))
                }
                ToFamily::AskDocument { kind, what } => {
                    let asked: Option<i64> = sqlx::query_scalar(&format!(
                        "INSERT INTO document_requests (case_id, kind, what, asked_by, asked_at) SELECT $1, $2, $3, $4, $5 WHERE {STILL_SHOWN} RETURNING id",
                    ))
                    .bind(case_id).bind(kind).bind(what).bind(user.id).bind(now)
                    .fetch_optional(&mut *tx)
                    .await?;
                    asked.map(|asked| Entry::new(user.actor(), "caso.documento_chiesto").records(RecordKind::AskedDocument, [asked]))
                }
            };
            // Hidden or closed by someone else since it was read above: nothing was written.
            let Some(entry) = entry else {
                tx.rollback().await?;
                return Ok(FormOutcome::invalid(field, NOT_SHOWN));
            };
            let emails: Vec<String> = sqlx::query_scalar(super::store::FAMILY_EMAILS)
                .bind(case_id)
                .fetch_all(&mut *tx)
                .await?;
            for to in emails {
                let email = area_notice(state, to);
                crate::enqueue_email!(&mut *tx, now, email)?;
            }
            crate::audit!(&mut *tx, &state.audit_key, now, entry)?;
            tx.commit().await?;
            Ok(())
        }
    });
    match outcome {
        Ok(()) => {
            state.mail_ready.notify_one();
            Ok(FormOutcome::Done {
                next: format!("{FILE_PATH}?id={case_id}&fatto={done}"),
            })
        }
        Err(Some(message)) => Ok(FormOutcome::invalid(field, message)),
        Err(None) => Err(refusal(state, user, RecordKind::Case, case_id).await),
    }
}

/// The email that tells a parent something new waits in their area: never what it is (a message
/// or a request could say what the person the child is protected from must not read, on a shared
/// mailbox).
fn area_notice(state: &AppState, to: String) -> crate::mail::outbox::OutgoingEmail {
    crate::mail::outbox::OutgoingEmail {
        to,
        reply_to: None,
        subject: "C'è un nuovo messaggio per te nell'area personale".to_owned(),
        body: format!(
            "Buongiorno,\n\nc'è un nuovo messaggio per te nell'area personale del servizio.\n\
             Per leggerlo entra con SPID o CIE:\n{}{}\n\nQuesta email è inviata automaticamente: \
             non rispondere a questo indirizzo.\n",
            state.public_url.trim_end_matches('/'),
            crate::area::PATH
        ),
        attachment: None,
        language: crate::i18n::Language::Italian,
    }
}
