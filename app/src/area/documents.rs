//! The documents a social worker asked the family for (an ISEE, a signed consent), in the area:
//! for the cases shown to the family (`cases.family_sees`) of a family the person belongs to as a
//! parent or guardian, each one still awaited. The worker asks from the case file
//! (`cases::actions::ask_document`).

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Europe::Rome;
use serde::{Deserialize, Serialize};

use super::session::signed_in;
use crate::audit::{Entry, RecordKind};
use crate::error::AppError;
use crate::on_db;
use crate::state::AppState;

/// A document the family is asked for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AskedDocument {
    pub id: i64,
    /// In the worker's words: "ISEE 2026 del nucleo familiare".
    pub what: String,
    pub asked_on: NaiveDate,
}

#[derive(sqlx::FromRow)]
struct AskedRow {
    id: i64,
    what: String,
    asked_at: DateTime<Utc>,
}

/// The awaited documents of the cases shown to the signed-in person's family, oldest first; the
/// read is recorded with their ids.
pub async fn awaited(state: &AppState) -> Result<Vec<AskedDocument>, AppError> {
    let citizen = signed_in()?;
    let now = state.clock.now();
    let begin = state.db.begin_writing();
    let rows: Vec<AskedRow> = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let rows: Vec<AskedRow> = sqlx::query_as(
            "SELECT d.id, d.what, d.asked_at
               FROM document_requests d
               JOIN cases k ON k.id = d.case_id
              WHERE d.document_id IS NULL AND k.family_sees AND k.closed_at IS NULL
                AND EXISTS (SELECT 1 FROM family_members m JOIN persons p ON p.id = m.person_id
                             WHERE m.family_id = k.family_id AND m.role IN ('genitore', 'tutore')
                               AND p.codice_fiscale = $1)
              ORDER BY d.asked_at, d.id",
        )
        .bind(&citizen.codice_fiscale)
        .fetch_all(&mut *tx)
        .await?;
        let entry = Entry::new(citizen.actor(), "area.documenti")
            .records(RecordKind::AskedDocument, rows.iter().map(|row| row.id));
        crate::audit!(&mut *tx, &state.audit_key, now, entry)?;
        tx.commit().await?;
        rows
    });
    Ok(rows
        .into_iter()
        .map(|row| AskedDocument {
            id: row.id,
            what: row.what,
            asked_on: row.asked_at.with_timezone(&Rome).date_naive(),
        })
        .collect())
}
