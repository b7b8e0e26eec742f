//! Triage on the server: the forms' checks, finding persons again, and saving a request with its
//! family, persons and first event in one transaction with its audit row.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Europe::Rome;

use super::*;
use crate::access::accounts::StaffUser;
use crate::access::auth;
use crate::audit::Entry;
use crate::dates::{clock, day_and_month, long_date};
use crate::forms::{FieldErrors, FormOutcome};
use crate::on_db;
use crate::state::AppState;
use crate::validation::{CodiceFiscale, PersonName};

/// Copies the court's report deadline of request `$1` into its case's reports (once), at `$2`.
/// Whether the coordinators were already told about it goes along.
pub(crate) const COURT_REPORT_OF_REQUEST: &str = "INSERT INTO court_reports (case_id, mandate_id, due_on, warned_at, created_at)
     SELECT case_id, id, report_due_on, deadline_warned_at, $2 FROM requests WHERE id = $1 AND case_id IS NOT NULL AND report_due_on IS NOT NULL
     ON CONFLICT DO NOTHING";

/// Refuses another office's appointment or request, and records it.
async fn refusal(state: &AppState, user: &StaffUser, kind: &'static str, id: i64) -> AppError {
    auth::refuse_record(state, user, "richieste.accesso", kind, id).await
}

fn when(at: DateTime<Utc>) -> String {
    let local = at.with_timezone(&Rome);
    format!("{} alle {}", day_and_month(local.date_naive()), clock(local.time()))
}

#[derive(sqlx::FromRow)]
struct InterviewRow {
    id: i64,
    office_id: i64,
    code: String,
    starts_at: DateTime<Utc>,
    given_name: String,
    family_name: String,
    codice_fiscale: Option<String>,
    topic_id: i64,
    topic: String,
    outcome: Option<String>,
}

/// A topic with the unit and urgency it suggests (the routing rule).
#[derive(sqlx::FromRow)]
struct TopicRow {
    id: i64,
    name: String,
    unit_id: Option<i64>,
    suggested_urgency: String,
}

const INTERVIEW: &str = "SELECT b.id, b.office_id, b.code, b.starts_at, b.given_name, b.family_name, b.codice_fiscale,
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
                return Err(refusal(&state, &user, "prenotazione", row.id).await);
            }
            crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "richieste.esito").records("prenotazione", [row.id]))?;
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
                urgency: urgency_label(&topic.suggested_urgency).to_owned(),
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
                    crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "richieste.solo_informazioni").records("prenotazione", [booking]))?;
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
        Err(Some(id)) => Err(refusal(state, &user, "prenotazione", id).await),
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
        if !ROLES.iter().any(|(key, _)| *key == role_value) {
            errors.add(role, "Scegli il ruolo della persona nella famiglia.");
        }
        let given_name = errors.check(given, PersonName::parse(get(given), "il nome"));
        let family_name = errors.check(family, PersonName::parse(get(family), "il cognome"));
        let birth_date = match NaiveDate::parse_from_str(get(born), "%Y-%m-%d") {
            Ok(date) if date <= today && date.year() >= 1900 => Some(date),
            Ok(_) => {
                errors.add(born, "La data di nascita deve essere passata.");
                None
            }
            Err(_) => {
                errors.add(born, "Scrivi la data di nascita, per esempio 2015-04-23.");
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
    if !URGENCIES.iter().any(|(key, _)| *key == urgency) {
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
        if !REFERRERS.iter().any(|(key, _)| *key == kind) {
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
        NaiveDate::parse_from_str(get(field), "%Y-%m-%d")
            .map_err(|_| errors.add(field, message))
            .ok()
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
        if !COURT_REQUESTS.iter().any(|(key, _)| *key == asked) {
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
                        return Err(refusal(state, &user, "prenotazione", row.id).await);
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
            crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "richieste.crea").records("richiesta", [request]))?;
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
                let entry = Entry::new(user.actor(), "richieste.persona_nota").records("persona", matched);
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
        crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "richieste.elenco").records("richiesta", rows.iter().map(|r| r.id)))?;
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
            urgency: urgency_label(&row.urgency).to_owned(),
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
            let kind = self
                .referrer_kind
                .as_deref()
                .and_then(|k| REFERRERS.iter().find(|(key, _)| *key == k))
                .map_or("", |(_, label)| *label);
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
            return Err(refusal(&state, &user, "richiesta", id).await);
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
        crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "richieste.dettaglio").records("richiesta", [id]))?;
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
                    family_role_label(&role).to_lowercase(),
                    born.year()
                )
            })
            .collect(),
        comune: row.comune.unwrap_or_default(),
        topic: row.topic,
        urgency: urgency_label(&row.urgency).to_owned(),
        unit: row.unit,
        state: state_label(&row.state, row.flagged_new).to_owned(),
        reroutable: row.state == "in_coda" || row.state == "restituita",
        history: events.into_iter().map(EventRow::describe).collect(),
        units: units.into_iter().map(|(id, name)| (id.to_string(), name)).collect(),
    })
}

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
                    crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "richieste.reindirizza").records("richiesta", [form.id]))?;
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
        Err(()) => Err(refusal(state, &user, "richiesta", form.id).await),
    }
}
