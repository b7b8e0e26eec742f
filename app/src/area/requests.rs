//! Where the family's requests stand, in the area: for each request of a family the person belongs
//! to as a parent or guardian, and that its worker shows to the family (`requests.family_sees`),
//! its state in plain words and the day of each step. Never the notes, the unit's reasons for a
//! re-routing, the court's papers or the other family members' data: the query reads none of them.
//!
//! The person's access is read at every request from the family's persons, by codice fiscale: a
//! parent removed from the family, or a request hidden by its worker, is gone from the next page.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Europe::Rome;
use serde::{Deserialize, Serialize};

use super::session::signed_in;
use crate::audit::{Entry, RecordKind};
use crate::error::AppError;
use crate::on_db;
use crate::state::AppState;

/// Where a request stands, as a family reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Standing {
    /// In a unit's queue (or back at the front desk to be routed again).
    Waiting,
    /// A social worker of the unit has taken it.
    Taken,
    Closed,
}

impl Standing {
    fn of(state: &str) -> Self {
        match state {
            "assegnata" => Self::Taken,
            "chiusa" => Self::Closed,
            _ => Self::Waiting,
        }
    }

    /// Its words (`area.ftl`).
    pub fn message(self) -> &'static str {
        match self {
            Self::Waiting => "area-state-waiting",
            Self::Taken => "area-state-taken",
            Self::Closed => "area-state-closed",
        }
    }
}

/// One request as the area shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyRequest {
    pub id: i64,
    /// What it is about, from the list families choose from when booking.
    pub topic: String,
    pub standing: Standing,
    pub received_on: NaiveDate,
    pub taken_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
}

#[derive(sqlx::FromRow)]
struct RequestRow {
    id: i64,
    topic: String,
    state: String,
    created_at: DateTime<Utc>,
    assigned_at: Option<DateTime<Utc>>,
    taken_at: Option<DateTime<Utc>>,
    closed_at: Option<DateTime<Utc>>,
}

/// The requests of the families whose parent or guardian has this codice fiscale, shown to them.
const FAMILY_REQUESTS: &str = "SELECT r.id, t.name AS topic, r.state, r.created_at, r.assigned_at,
            (SELECT MIN(e.at) FROM request_events e WHERE e.request_id = r.id AND e.kind = 'assegnata') AS taken_at,
            (SELECT MAX(e.at) FROM request_events e WHERE e.request_id = r.id AND e.kind = 'chiusa') AS closed_at
       FROM requests r
       JOIN booking_topics t ON t.id = r.topic_id
      WHERE r.family_sees
        AND EXISTS (SELECT 1 FROM family_members m JOIN persons p ON p.id = m.person_id
                     WHERE m.family_id = r.family_id AND m.role IN ('genitore', 'tutore')
                       AND p.codice_fiscale = $1)
      ORDER BY r.created_at DESC, r.id DESC";

fn day(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&Rome).date_naive()
}

/// The signed-in person's family requests, newest first; the read is recorded with their ids.
pub async fn list(state: &AppState) -> Result<Vec<FamilyRequest>, AppError> {
    let citizen = signed_in()?;
    let now = state.clock.now();
    let begin = state.db.begin_writing();
    let rows: Vec<RequestRow> = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let rows: Vec<RequestRow> = sqlx::query_as(FAMILY_REQUESTS)
            .bind(&citizen.codice_fiscale)
            .fetch_all(&mut *tx)
            .await?;
        let entry = Entry::new(citizen.actor(), "area.richieste")
            .records(RecordKind::Request, rows.iter().map(|row| row.id));
        crate::audit!(&mut *tx, &state.audit_key, now, entry)?;
        tx.commit().await?;
        rows
    });
    Ok(rows
        .into_iter()
        .map(|row| {
            let standing = Standing::of(&row.state);
            FamilyRequest {
                id: row.id,
                topic: row.topic,
                standing,
                received_on: day(row.created_at),
                // A request that went straight to its family's open case has no claim of its own.
                taken_on: row
                    .taken_at
                    .or(row.assigned_at)
                    .map(day)
                    .filter(|_| standing != Standing::Waiting),
                closed_on: row.closed_at.map(day).filter(|_| standing == Standing::Closed),
            }
        })
        .collect())
}
