//! Triage's forms: "solo informazioni" closing an interview, a request registered with its family,
//! persons and first event in one transaction with its audit row (after the checks of what was
//! typed, and the question when the service already knows a person), and a request moved to another
//! unit's queue.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use chrono_tz::Europe::Rome;

use super::store::{refusal, InterviewRow, COURT_REPORT_OF_REQUEST, INTERVIEW};
use super::*;
use crate::access::auth;
use crate::audit::Entry;
use crate::audit::RecordKind;
use crate::forms::{FieldErrors, FormOutcome};
use crate::on_db;
use crate::state::AppState;
use crate::validation::{CodiceFiscale, PersonName};
/// "Solo informazioni": closes the interview with its note.
pub async fn info_only(state: &AppState, form: InfoOnlyFields) -> Result<FormOutcome, AppError> {
    let (_, user) = auth::permitted(Permission::Triage).await?;
    let note = form.nota.trim().to_owned();
    if note.is_empty() || note.chars().count() > 500 {
        let mut errors = FieldErrors::new();
        errors.add(
            "nota",
            "Scrivi in breve che cosa è stato spiegato (al massimo 500 caratteri).",
        );
        return Ok(FormOutcome::Invalid(errors));
    }
    let Ok(booking) = form.prenotazione.trim().parse::<i64>() else {
        return Err(AppError::NotFound);
    };
    let now = state.clock.now();
    let desks = user.desks();
    let begin = state.db.begin_writing();
    let outcome: Result<(i64, String), Option<i64>> = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let row: Option<InterviewRow> = sqlx::query_as(INTERVIEW).bind(booking).fetch_optional(&mut *tx).await?;
        match row {
            Some(row) if !desks.contains(&row.office_id) => {
                tx.rollback().await?;
                Err(Some(row.id))
            }
            Some(row) => {
                let changed = sqlx::query(
                    "UPDATE bookings SET outcome = 'informazioni', outcome_note = $1, visit_state = 'concluso', visit_state_at = $2
                      WHERE id = $3 AND outcome IS NULL",
                )
                .bind(&note)
                .bind(now)
                .bind(booking)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if changed == 1 {
                    crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "richieste.solo_informazioni").records(RecordKind::Booking, [booking]))?;
                    tx.commit().await?;
                    Ok((row.office_id, row.starts_at.with_timezone(&Rome).date_naive().to_string()))
                } else {
                    tx.rollback().await?;
                    Err(None)
                }
            }
            None => {
                tx.rollback().await?;
                Err(None)
            }
        }
    });
    match outcome {
        Ok((office, day)) => Ok(FormOutcome::Done {
            next: format!("{}?sede={office}&giorno={day}", crate::booking::AGENDA_PATH),
        }),
        Err(Some(id)) => Err(refusal(state, &user, RecordKind::Booking, id).await),
        Err(None) => Err(AppError::Conflict(
            "L'esito di questo colloquio è già stato registrato, oppure l'appuntamento è stato annullato.".to_owned(),
        )),
    }
}

/// A person row as typed, checked.
#[derive(Clone, Debug)]
struct PersonInput {
    row: usize,
    role: String,
    given_name: String,
    family_name: String,
    birth_date: NaiveDate,
    codice_fiscale: Option<String>,
    /// "si" / "no" / "" (not asked yet).
    same: String,
}

/// A person already known: only what the match needs (nothing of it is shown).
#[derive(Clone, Debug, sqlx::FromRow)]
struct KnownPerson {
    id: i64,
    codice_fiscale: Option<String>,
}

fn person_rows(values: &HashMap<String, String>, errors: &mut FieldErrors, today: NaiveDate) -> Vec<PersonInput> {
    let get = |name: &str| values.get(name).map_or("", |v| v.trim());
    let mut persons = Vec::new();
    for (row, [role, given, family, born, cf, same]) in PERSON_FIELDS.iter().enumerate() {
        if [given, family, born, cf].iter().all(|field| get(field).is_empty()) {
            continue;
        }
        let role_value = get(role);
        if FamilyRole::from_key(role_value).is_none() {
            errors.add(role, "Scegli il ruolo della persona nella famiglia.");
        }
        let given_name = errors.check(given, PersonName::parse(get(given), crate::validation::NamePart::Given));
        let family_name = errors.check(
            family,
            PersonName::parse(get(family), crate::validation::NamePart::Family),
        );
        let birth_date = match crate::validation::day(get(born)) {
            Some(date) if date <= today && date.year() >= 1900 => Some(date),
            Some(_) => {
                errors.add(born, "La data di nascita deve essere passata.");
                None
            }
            None => {
                errors.add(born, "Scrivi la data di nascita, per esempio 23/04/2015.");
                None
            }
        };
        let codice_fiscale = if get(cf).is_empty() {
            None
        } else {
            errors
                .check(cf, CodiceFiscale::parse(get(cf)))
                .map(|cf| cf.as_str().to_owned())
        };
        if let (Some(given_name), Some(family_name), Some(birth_date)) = (given_name, family_name, birth_date) {
            persons.push(PersonInput {
                row,
                role: role_value.to_owned(),
                given_name: given_name.as_str().to_owned(),
                family_name: family_name.as_str().to_owned(),
                birth_date,
                codice_fiscale,
                same: get(same).to_owned(),
            });
        }
    }
    persons
}

/// Everything the request form says, checked.
struct RequestInput {
    origin: Origin,
    booking: Option<i64>,
    comune: i64,
    persons: Vec<PersonInput>,
    topic: i64,
    urgency: String,
    unit: i64,
    notes: String,
    referrer: Option<(String, String, String)>,
    mandate: Option<(String, String, NaiveDate, String, NaiveDate)>,
}

fn check(values: &HashMap<String, String>, today: NaiveDate) -> Result<RequestInput, FieldErrors> {
    let get = |name: &str| values.get(name).map_or("", |v| v.trim());
    let mut errors = FieldErrors::new();
    let origin = Origin::from_key(get("origine")).unwrap_or(Origin::Spontaneous);
    let booking = get("prenotazione").parse::<i64>().ok();
    let number = |errors: &mut FieldErrors, field: &str, message: &str| {
        get(field).parse::<i64>().map_err(|_| errors.add(field, message)).ok()
    };
    let comune = number(&mut errors, "comune", "Scegli il comune di residenza della famiglia.");
    let persons = person_rows(values, &mut errors, today);
    if errors.is_empty() && !persons.iter().any(|p| p.role == "figlio") {
        errors.add(
            "persone",
            "Scrivi almeno un figlio o una figlia: la richiesta riguarda i minori della famiglia.",
        );
    }
    let topic = number(&mut errors, "argomento", "Scegli il bisogno.");
    let urgency = get("urgenza");
    if Urgency::from_key(urgency).is_none() {
        errors.add(
            "urgenza",
            "Scegli l'urgenza: senza, la richiesta non si può registrare.",
        );
    }
    let unit = number(
        &mut errors,
        "unita",
        "Scegli l'unità: senza, la richiesta non si può registrare.",
    );
    let notes = get("note").to_owned();
    if notes.chars().count() > 2000 {
        errors.add("note", "Le note possono avere al massimo 2000 caratteri.");
    }
    let text = |errors: &mut FieldErrors, field: &str, max: usize, message: &str| {
        let value = get(field).split_whitespace().collect::<Vec<_>>().join(" ");
        if value.is_empty() || value.chars().count() > max {
            errors.add(field, message);
        }
        value
    };
    let referrer = (origin == Origin::Referral).then(|| {
        let kind = get("segnalante_tipo");
        if Referrer::from_key(kind).is_none() {
            errors.add("segnalante_tipo", "Scegli chi segnala.");
        }
        let name = text(
            &mut errors,
            "segnalante_nome",
            200,
            "Scrivi il nome del servizio o della persona che segnala.",
        );
        (kind.to_owned(), name, get("segnalante_recapito").to_owned())
    });
    let date = |errors: &mut FieldErrors, field: &str, message: &str| {
        crate::validation::day(get(field)).or_else(|| {
            errors.add(field, message);
            None
        })
    };
    let mandate = if origin == Origin::CourtMandate {
        let court = text(
            &mut errors,
            "tribunale",
            200,
            "Scrivi l'Autorità Giudiziaria, per esempio «Tribunale per i Minorenni di Milano».",
        );
        let number = text(&mut errors, "decreto_numero", 60, "Scrivi il numero del decreto.");
        let decree_date = date(
            &mut errors,
            "decreto_data",
            "Scrivi la data del decreto, per esempio 2026-02-10.",
        );
        if decree_date.is_some_and(|d| d > today) {
            errors.add("decreto_data", "La data del decreto non può essere nel futuro.");
        }
        let asked = get("richiesta_ag");
        if CourtRequest::from_key(asked).is_none() {
            errors.add("richiesta_ag", "Scegli che cosa chiede l'Autorità Giudiziaria.");
        }
        let due = date(
            &mut errors,
            "scadenza",
            "Scrivi la scadenza della relazione: senza, il mandato non si può registrare.",
        );
        if due.is_some_and(|d| d < today) {
            errors.add("scadenza", "La scadenza è già passata: controlla la data.");
        }
        decree_date
            .zip(due)
            .map(|(decree_date, due)| (court, number, decree_date, asked.to_owned(), due))
    } else {
        None
    };
    match (comune, topic, unit) {
        (Some(comune), Some(topic), Some(unit)) if errors.is_empty() => Ok(RequestInput {
            origin,
            booking: booking.filter(|_| origin == Origin::Appointment),
            comune,
            persons,
            topic,
            urgency: urgency.to_owned(),
            unit,
            notes,
            referrer,
            mandate,
        }),
        _ => Err(errors),
    }
}

/// What a person row turned out to be.
enum Resolved {
    Known(i64),
    New,
}

/// Saves the request: persons (found again or new), family, the request in the unit's queue — or
/// straight to the open case's worker — its first event, and the interview's outcome.
pub async fn save(state: &AppState, values: HashMap<String, String>) -> Result<FormOutcome, AppError> {
    let (_, user) = auth::permitted(Permission::Triage).await?;
    let now = state.clock.now();
    let today = now.with_timezone(&Rome).date_naive();
    let input = match check(&values, today) {
        Ok(input) => input,
        Err(errors) => return Ok(FormOutcome::Invalid(errors)),
    };
    let desks = user.desks();
    let begin = state.db.begin_writing();
    let saved: Result<i64, (FieldErrors, Vec<i64>)> = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        // The office the request is registered at: the interview's, or the operator's first desk.
        let office = match input.booking {
            Some(booking) => {
                let row: Option<InterviewRow> = sqlx::query_as(INTERVIEW).bind(booking).fetch_optional(&mut *tx).await?;
                match row {
                    Some(row) if desks.contains(&row.office_id) => Some(row.office_id),
                    Some(row) => {
                        tx.rollback().await?;
                        return Err(refusal(state, &user, RecordKind::Booking, row.id).await);
                    }
                    None => {
                        tx.rollback().await?;
                        return Err(AppError::NotFound);
                    }
                }
            }
            None => desks.first().copied(),
        };
        // Find each person again, or ask.
        let mut errors = FieldErrors::new();
        let mut resolved = Vec::new();
        let mut matched = Vec::new();
        for person in &input.persons {
            let known: Option<KnownPerson> = match &person.codice_fiscale {
                Some(cf) => sqlx::query_as("SELECT id, codice_fiscale FROM persons WHERE codice_fiscale = $1")
                    .bind(cf)
                    .fetch_optional(&mut *tx)
                    .await?,
                None => None,
            };
            let known = match known {
                Some(known) => Some(known),
                None => sqlx::query_as(
                    "SELECT id, codice_fiscale FROM persons
                      WHERE lower(family_name) = lower($1) AND lower(given_name) = lower($2) AND birth_date = $3
                      ORDER BY id LIMIT 1",
                )
                .bind(&person.family_name)
                .bind(&person.given_name)
                .bind(person.birth_date)
                .fetch_optional(&mut *tx)
                .await?,
            };
            let [.., cf_field, same_field] = PERSON_FIELDS[person.row];
            // What the service knows of a person is never shown here: only that it knows someone
            // with the data typed, and the operator, who has the family in front of them, says
            // whether it is the same person. Each such answer is recorded (below).
            match (known, person.same.as_str()) {
                (None, _) => resolved.push(Resolved::New),
                (Some(known), "si") => resolved.push(Resolved::Known(known.id)),
                (Some(known), "no") if known.codice_fiscale.is_some() && known.codice_fiscale == person.codice_fiscale => {
                    matched.push(known.id);
                    errors.add(cf_field, SAME_CODICE_FISCALE);
                }
                (Some(_), "no") => resolved.push(Resolved::New),
                (Some(known), _) => {
                    matched.push(known.id);
                    errors.add(same_field, ALREADY_KNOWN);
                }
            }
        }
        if !errors.is_empty() {
            tx.rollback().await?;
            Err((errors, matched))
        } else {
            // The family: that of the first person already known to belong to one, or a new one.
            let mut family: Option<i64> = None;
            for resolution in &resolved {
                if let (Resolved::Known(person), None) = (resolution, family) {
                    family = sqlx::query_scalar("SELECT family_id FROM family_members WHERE person_id = $1 ORDER BY family_id LIMIT 1")
                        .bind(person)
                        .fetch_optional(&mut *tx)
                        .await?;
                }
            }
            let family: i64 = match family {
                Some(family) => {
                    sqlx::query("UPDATE families SET comune_id = $1 WHERE id = $2").bind(input.comune).bind(family).execute(&mut *tx).await?;
                    family
                }
                None => sqlx::query_scalar("INSERT INTO families (comune_id, created_at) VALUES ($1, $2) RETURNING id")
                    .bind(input.comune)
                    .bind(now)
                    .fetch_one(&mut *tx)
                    .await?,
            };
            let mut person_ids = Vec::new();
            for (person, resolution) in input.persons.iter().zip(&resolved) {
                let id: i64 = match resolution {
                    Resolved::Known(id) => *id,
                    Resolved::New => sqlx::query_scalar(
                        "INSERT INTO persons (given_name, family_name, birth_date, codice_fiscale, created_at)
                         VALUES ($1, $2, $3, $4, $5) RETURNING id",
                    )
                    .bind(&person.given_name)
                    .bind(&person.family_name)
                    .bind(person.birth_date)
                    .bind(&person.codice_fiscale)
                    .bind(now)
                    .fetch_one(&mut *tx)
                    .await?,
                };
                sqlx::query(
                    "INSERT INTO family_members (family_id, person_id, role) VALUES ($1, $2, $3)
                     ON CONFLICT (family_id, person_id) DO NOTHING",
                )
                .bind(family)
                .bind(id)
                .bind(&person.role)
                .execute(&mut *tx)
                .await?;
                person_ids.push(id);
            }
            // A family the unit already follows: straight to its case's responsible worker.
            let open_case: Option<(i64, Option<i64>)> = sqlx::query_as(
                "SELECT id, responsible_id FROM cases WHERE family_id = $1 AND unit_id = $2 AND closed_at IS NULL",
            )
            .bind(family)
            .bind(input.unit)
            .fetch_optional(&mut *tx)
            .await?;
            let (state_key, case_id, assigned_to, flagged) = match open_case {
                Some((case, responsible)) => ("assegnata", Some(case), responsible, true),
                None => ("in_coda", None, None, false),
            };
            let (referrer_kind, referrer_name, referrer_contact) = match &input.referrer {
                Some((kind, name, contact)) => (Some(kind.clone()), Some(name.clone()), Some(contact.clone())),
                None => (None, None, None),
            };
            let (court, decree_number, decree_date, court_request, due) = match &input.mandate {
                Some((court, number, date, asked, due)) => {
                    (Some(court.clone()), Some(number.clone()), Some(*date), Some(asked.clone()), Some(*due))
                }
                None => (None, None, None, None, None),
            };
            let inserted = sqlx::query_scalar::<_, i64>(
                "INSERT INTO requests (origin, booking_id, family_id, topic_id, urgency, unit_id, state, case_id, assigned_to,
                                       flagged_new, notes, referrer_kind, referrer_name, referrer_contact, court, decree_number,
                                       decree_date, court_request, report_due_on, office_id, created_by, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
                 RETURNING id",
            )
            .bind(input.origin.key()).bind(input.booking).bind(family).bind(input.topic).bind(&input.urgency)
            .bind(input.unit).bind(state_key).bind(case_id).bind(assigned_to).bind(flagged).bind(&input.notes)
            .bind(referrer_kind).bind(referrer_name).bind(referrer_contact).bind(court).bind(decree_number)
            .bind(decree_date).bind(court_request).bind(due).bind(office).bind(user.id).bind(now)
            .fetch_one(&mut *tx)
            .await;
            let request = match inserted {
                Ok(id) => id,
                // The interview already has its request (the form sent twice), or a choice that
                // no longer exists.
                Err(sqlx::Error::Database(error)) if error.is_unique_violation() || error.is_foreign_key_violation() => {
                    tx.rollback().await?;
                    return Err(AppError::Conflict(
                        "La richiesta non è stata registrata: forse era già stata registrata, o una scelta non esiste più. Ricarica la pagina e controlla.".to_owned(),
                    ));
                }
                Err(error) => return Err(error.into()),
            };
            // Straight to an open case: a court mandate's report deadline becomes one of the case's.
            sqlx::query(COURT_REPORT_OF_REQUEST)
                .bind(request)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            for person in &person_ids {
                sqlx::query("INSERT INTO request_persons (request_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                    .bind(request)
                    .bind(person)
                    .execute(&mut *tx)
                    .await?;
            }
            sqlx::query("INSERT INTO request_events (request_id, at, staff_id, kind, to_unit_id) VALUES ($1, $2, $3, 'creata', $4)")
                .bind(request)
                .bind(now)
                .bind(user.id)
                .bind(input.unit)
                .execute(&mut *tx)
                .await?;
            if let Some(booking) = input.booking {
                let changed = sqlx::query(
                    "UPDATE bookings SET outcome = 'presa_in_carico', visit_state = 'concluso', visit_state_at = $1
                      WHERE id = $2 AND outcome IS NULL",
                )
                .bind(now)
                .bind(booking)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if changed != 1 {
                    tx.rollback().await?;
                    return Err(AppError::Conflict("L'esito di questo colloquio è già stato registrato.".to_owned()));
                }
            }
            crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "richieste.crea").records(RecordKind::Request, [request]))?;
            tx.commit().await?;
            Ok(request)
        }
    });
    match saved {
        Ok(request) => Ok(FormOutcome::Done {
            next: format!("{DETAIL_PATH}?id={request}&registrata=1"),
        }),
        Err((errors, matched)) => {
            // That the service knows someone is itself a disclosure: recorded before it is told,
            // though the request is not saved.
            if !matched.is_empty() {
                let entry = Entry::new(user.actor(), "richieste.persona_nota").records(RecordKind::Person, matched);
                crate::audit::record_alone(&state.db, &state.audit_key, now, &entry).await?;
            }
            Ok(FormOutcome::Invalid(errors))
        }
    }
}

/// The question asked when the service already knows a person with the data typed.
const ALREADY_KNOWN: &str = "Il servizio conosce già una persona con questi dati (lo stesso codice fiscale, o lo \
     stesso nome e la stessa data di nascita). È la stessa persona? Scegli la risposta qui sotto.";
/// The answer "no" when the codice fiscale itself is the same.
const SAME_CODICE_FISCALE: &str = "Il servizio conosce già una persona con questo codice fiscale: se non è la stessa \
     persona, il codice è sbagliato. Controllalo sul documento.";

/// Moves a request still in a queue to another unit's queue, with the reason kept in its history.
pub async fn reroute(state: &AppState, form: RerouteForm) -> Result<FormOutcome, AppError> {
    let (_, user) = auth::permitted(Permission::Triage).await?;
    let mut errors = FieldErrors::new();
    let unit = form.unita.trim().parse::<i64>().ok();
    if unit.is_none() {
        errors.add("unita", "Scegli l'unità a cui spostare la richiesta.");
    }
    let reason = form.motivo.split_whitespace().collect::<Vec<_>>().join(" ");
    if reason.is_empty() || reason.chars().count() > 300 {
        errors.add(
            "motivo",
            "Scrivi perché la richiesta cambia unità (al massimo 300 caratteri).",
        );
    }
    let Some(unit) = unit.filter(|_| errors.is_empty()) else {
        return Ok(FormOutcome::Invalid(errors));
    };
    let now = state.clock.now();
    let desks = user.desks();
    let begin = state.db.begin_writing();
    let moved: Result<bool, ()> = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let row: Option<(Option<i64>, i64)> = sqlx::query_as("SELECT office_id, unit_id FROM requests WHERE id = $1")
            .bind(form.id)
            .fetch_optional(&mut *tx)
            .await?;
        match row {
            Some((office, from)) if office.is_some_and(|o| desks.contains(&o)) => {
                let changed = sqlx::query(
                    "UPDATE requests SET unit_id = $1, state = 'in_coda'
                      WHERE id = $2 AND (state = 'in_coda' AND unit_id <> $1 OR state = 'restituita')
                        AND EXISTS (SELECT 1 FROM units WHERE id = $1 AND active)",
                )
                .bind(unit)
                .bind(form.id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if changed == 1 {
                    sqlx::query(
                        "INSERT INTO request_events (request_id, at, staff_id, kind, from_unit_id, to_unit_id, reason)
                         VALUES ($1, $2, $3, 'reindirizzata', $4, $5, $6)",
                    )
                    .bind(form.id).bind(now).bind(user.id).bind(from).bind(unit).bind(&reason)
                    .execute(&mut *tx)
                    .await?;
                    crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "richieste.reindirizza").records(RecordKind::Request, [form.id]))?;
                    tx.commit().await?;
                    Ok(true)
                } else {
                    tx.rollback().await?;
                    Ok(false)
                }
            }
            Some(_) => {
                tx.rollback().await?;
                Err(())
            }
            None => {
                tx.rollback().await?;
                Ok(false)
            }
        }
    });
    match moved {
        Ok(true) => Ok(FormOutcome::Done {
            next: format!("{DETAIL_PATH}?id={}", form.id),
        }),
        Ok(false) => {
            errors.add(
                "unita",
                "La richiesta non si può più spostare: qualcuno l'ha già presa in carico, oppure l'unità non è valida.",
            );
            Ok(FormOutcome::Invalid(errors))
        }
        Err(()) => Err(refusal(state, &user, RecordKind::Request, form.id).await),
    }
}
