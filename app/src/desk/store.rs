//! The agenda's reads: an office's day, and an appointment with the free times to move it to.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Europe::Rome;

use super::*;
use crate::access::accounts::StaffUser;
use crate::access::auth;
use crate::access::permissions::Permission;
use crate::audit::Entry;
use crate::audit::RecordKind;
use crate::booking::details::language_label;
use crate::booking::slots::utc_bounds;
use crate::booking::Booker;
use crate::dates::{clock, long_date};
use crate::error::AppError;
use crate::on_db;
use crate::state::AppState;

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    code: String,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    given_name: String,
    family_name: String,
    email: Option<String>,
    phone: Option<String>,
    language: String,
    interpreter: bool,
    accessibility_needs: String,
    about: String,
    visit_state: String,
    booked_by_staff_id: Option<i64>,
    outcome: Option<String>,
    topic: String,
}

fn day_of(raw: Option<&str>, today: NaiveDate) -> NaiveDate {
    raw.and_then(crate::validation::day).unwrap_or(today)
}

/// Refuses another office's agenda or appointment, and records it.
pub(super) async fn refusal(state: &AppState, user: &StaffUser, office: i64) -> AppError {
    auth::refuse_record(state, user, "agenda.vista", RecordKind::Office, office).await
}

pub async fn view(sede: Option<i64>, giorno: Option<String>) -> Result<Option<AgendaView>, AppError> {
    let (_, user) = auth::permitted(Permission::RunAgenda).await?;
    let state = AppState::current();
    let now = state.clock.now();
    let today = now.with_timezone(&Rome).date_naive();
    let desks = user.desks();
    let Some(first) = desks.first().copied() else {
        return Ok(None);
    };
    let office = sede.unwrap_or(first);
    if !desks.contains(&office) {
        return Err(refusal(&state, &user, office).await);
    }
    let day = day_of(giorno.as_deref(), today);
    let (from, until) = utc_bounds(day, day + Duration::days(1));
    let begin = state.db.begin_writing();
    let (offices, office_row, rows) = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let mut offices: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM offices ORDER BY name")
            .fetch_all(&mut *tx)
            .await?;
        offices.retain(|(id, _)| desks.contains(id));
        let office_row: (String, String) = sqlx::query_as("SELECT slug, name FROM offices WHERE id = $1")
            .bind(office)
            .fetch_one(&mut *tx)
            .await?;
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT b.id, b.code, b.starts_at, b.ends_at, b.given_name, b.family_name, b.email, b.phone, b.language,
                    b.interpreter, b.accessibility_needs, b.about, b.visit_state, b.booked_by_staff_id, b.outcome, t.name AS topic
               FROM bookings b JOIN booking_topics t ON t.id = b.topic_id
              WHERE b.office_id = $1 AND b.starts_at >= $2 AND b.starts_at < $3 AND b.status = 'confermata'
              ORDER BY b.starts_at, b.id",
        )
        .bind(office)
        .bind(from)
        .bind(until)
        .fetch_all(&mut *tx)
        .await?;
        crate::audit!(
            &mut *tx,
            &state.audit_key,
            now,
            Entry::new(user.actor(), "agenda.vista").records(RecordKind::Booking, rows.iter().map(|r| r.id))
        )?;
        tx.commit().await?;
        (offices, office_row, rows)
    });
    let lines = rows
        .into_iter()
        .map(|row| {
            let (starts, ends) = (row.starts_at.with_timezone(&Rome), row.ends_at.with_timezone(&Rome));
            let contact = [row.phone.clone(), row.email.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ");
            let mut language = language_label(&row.language).to_owned();
            if row.interpreter {
                language.push_str(", con interprete");
            }
            AgendaLine {
                id: row.id,
                time: format!("{}–{}", clock(starts.time()), clock(ends.time())),
                code: row.code,
                name: format!("{} {}", row.given_name, row.family_name),
                topic: row.topic,
                contact,
                language,
                accessibility: row.accessibility_needs,
                about: row.about,
                visit: Visit::from_key(&row.visit_state).unwrap_or(Visit::Expected),
                by_phone: row.booked_by_staff_id.is_some(),
                outcome: row.outcome.map(|outcome| {
                    if outcome == "informazioni" {
                        "Esito: solo informazioni"
                    } else {
                        "Esito: richiesta registrata"
                    }
                    .to_owned()
                }),
            }
        })
        .collect();
    Ok(Some(AgendaView {
        offices,
        office_id: office,
        office_slug: office_row.0,
        office_name: office_row.1,
        day,
        day_text: long_date(day),
        is_today: day == today,
        markable: day <= today,
        lines,
    }))
}

/// The booking the desk is about to move.
#[derive(sqlx::FromRow)]
struct ToMove {
    office_id: i64,
    slug: String,
    starts_at: DateTime<Utc>,
    code: String,
    given_name: String,
    family_name: String,
}

/// The booking to move, with the free times of the day asked (today's too, for the desk).
pub async fn move_view(id: i64, giorno: Option<String>) -> Result<MoveView, AppError> {
    let (_, user) = auth::permitted(Permission::RunAgenda).await?;
    let state = AppState::current();
    let now = state.clock.now();
    let today = now.with_timezone(&Rome).date_naive();
    let desks = user.desks();
    // The citizen's name is read in the transaction that records the reading.
    let begin = state.db.begin_writing();
    // `Err`: not found (`None`), or of an office not the person's.
    let row: Result<ToMove, Option<i64>> = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let row: Option<ToMove> = sqlx::query_as(
            "SELECT b.office_id, o.slug, b.starts_at, b.code, b.given_name, b.family_name
               FROM bookings b JOIN offices o ON o.id = b.office_id
              WHERE b.id = $1 AND b.status = 'confermata'",
        )
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        match row {
            Some(row) if desks.contains(&row.office_id) => {
                crate::audit!(
                    &mut *tx,
                    &state.audit_key,
                    now,
                    Entry::new(user.actor(), "agenda.sposta_vista").records(RecordKind::Booking, [id])
                )?;
                tx.commit().await?;
                Ok(row)
            }
            other => {
                tx.rollback().await?;
                Err(other.map(|row| row.office_id))
            }
        }
    });
    let ToMove {
        office_id: office,
        slug,
        starts_at,
        code,
        given_name: given,
        family_name: family,
    } = match row {
        Ok(row) => row,
        Err(None) => return Err(AppError::NotFound),
        Err(Some(office)) => return Err(refusal(&state, &user, office).await),
    };
    let day = giorno
        .as_deref()
        .and_then(crate::validation::day)
        .unwrap_or_else(|| starts_at.with_timezone(&Rome).date_naive());
    let free =
        match crate::booking::desk::calendar(&state, &Booker::desk_of(user.id, user.desks()), &slug, today).await? {
            Some(calendar) => crate::booking::flow::free_slots(&state, &calendar, day).await?,
            None => Vec::new(),
        };
    let local = starts_at.with_timezone(&Rome);
    Ok(MoveView {
        id,
        office_id: office,
        name: format!("{given} {family}"),
        code,
        now: format!("{}, {}", long_date(local.date_naive()), clock(local.time())),
        day,
        day_text: long_date(day),
        free: free
            .into_iter()
            .map(|slot| {
                (
                    slot.starts.format("%H:%M").to_string(),
                    format!("dalle {} alle {}", clock(slot.starts), clock(slot.ends)),
                )
            })
            .collect(),
    })
}
