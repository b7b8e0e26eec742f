//! The documents a social worker asked the family for (an ISEE, a signed consent), in the area:
//! for the open cases shown to the family (`cases.family_sees`) of a family the person belongs to
//! as a parent or guardian. The worker asks from the case file (`cases::actions::ask_document`);
//! the family sends the file here, and it lands in the case's documents marked as sent by them,
//! after the same checks as a file staff add ([`crate::files`]).

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Europe::Rome;
use serde::{Deserialize, Serialize};

use super::messages::{worker_notice, FamilyNews, RESPONSIBLE_EMAIL};
use super::session::signed_in;
use super::{DOCUMENT_PATH, PATH};
use crate::audit::{Entry, Outcome, RecordKind};
use crate::error::AppError;
use crate::files::{self, Refused};
use crate::forms::FormOutcome;
use crate::i18n::{say, say_with};
use crate::on_db;
use crate::state::AppState;

/// A document the family is asked for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AskedDocument {
    pub id: i64,
    /// In the worker's words: "ISEE 2026 del nucleo familiare".
    pub what: String,
    pub asked_on: NaiveDate,
    /// When the family's file arrived, if it has.
    pub received_on: Option<NaiveDate>,
}

#[derive(sqlx::FromRow)]
struct AskedRow {
    id: i64,
    what: String,
    asked_at: DateTime<Utc>,
    received_at: Option<DateTime<Utc>>,
}

impl AskedRow {
    fn view(self) -> AskedDocument {
        let day = |at: DateTime<Utc>| at.with_timezone(&Rome).date_naive();
        AskedDocument {
            id: self.id,
            what: self.what,
            asked_on: day(self.asked_at),
            received_on: self.received_at.map(day),
        }
    }
}

/// The documents asked on the open cases shown to the family whose parent or guardian has the
/// codice fiscale $1; with $2, that one request only.
const ASKED_OF_FAMILY: &str = "SELECT d.id, d.what, d.asked_at, d.received_at
       FROM document_requests d
       JOIN cases k ON k.id = d.case_id
      WHERE k.family_sees AND k.closed_at IS NULL
        AND ($2 IS NULL OR d.id = $2)
        AND EXISTS (SELECT 1 FROM family_members m JOIN persons p ON p.id = m.person_id
                     WHERE m.family_id = k.family_id AND m.role IN ('genitore', 'tutore')
                       AND p.codice_fiscale = $1)
      ORDER BY d.asked_at, d.id";

/// The documents asked of the signed-in person's family, oldest first, awaited or arrived; the
/// read is recorded with their ids.
pub async fn asked(state: &AppState) -> Result<Vec<AskedDocument>, AppError> {
    let citizen = signed_in()?;
    let now = state.clock.now();
    let begin = state.db.begin_writing();
    let rows: Vec<AskedRow> = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let rows: Vec<AskedRow> = sqlx::query_as(ASKED_OF_FAMILY)
            .bind(&citizen.codice_fiscale)
            .bind(None::<i64>)
            .fetch_all(&mut *tx)
            .await?;
        let entry = Entry::new(citizen.actor(), "area.documenti")
            .records(RecordKind::AskedDocument, rows.iter().map(|row| row.id));
        crate::audit!(&mut *tx, &state.audit_key, now, entry)?;
        tx.commit().await?;
        rows
    });
    Ok(rows.into_iter().map(AskedRow::view).collect())
}

/// One document asked of the signed-in person's family, for the page that sends it. Another
/// family's, or none: `None`, and the attempt recorded as refused.
pub async fn one(state: &AppState, id: Option<i64>) -> Result<Option<AskedDocument>, AppError> {
    let citizen = signed_in()?;
    let Some(id) = id else {
        return Ok(None);
    };
    let now = state.clock.now();
    let begin = state.db.begin_writing();
    let row: Option<AskedRow> = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let row: Option<AskedRow> = sqlx::query_as(ASKED_OF_FAMILY)
            .bind(&citizen.codice_fiscale)
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        let entry = Entry::new(citizen.actor(), "area.documento").records(RecordKind::AskedDocument, [id]);
        let entry = if row.is_some() { entry } else { entry.outcome(Outcome::Denied) };
        crate::audit!(&mut *tx, &state.audit_key, now, entry)?;
        tx.commit().await?;
        row
    });
    Ok(row.map(AskedRow::view))
}

/// A file sent from the area for a document asked (`richiesta`).
pub struct FamilyUpload {
    pub asked: i64,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// Why the file was not taken, in the family's language.
fn refused_in_words(refused: Refused) -> String {
    match refused {
        Refused::Missing => say("area-file-missing"),
        Refused::TooLarge { max_mb } => say_with("area-file-too-large", &[("mb", max_mb.to_string())]),
        Refused::NotAllowed => say("area-file-not-allowed"),
    }
}

/// The message for a file that did not arrive whole, or past the size limit (the server's
/// multipart reader says so before anything is decided).
pub fn broken_upload(state: &AppState) -> FormOutcome {
    FormOutcome::invalid(
        "file",
        say_with("area-file-too-large", &[("mb", files::max_mb(state).to_string())]),
    )
}

/// "Invia il documento": the file becomes a document of the case, of the kind the worker asked
/// for and titled in the worker's words, sent by the person; the request is answered, in the same
/// transaction as the document's row and its audit row, and the responsible worker is told (the
/// case's number, never the file). A request of another family, or of a case no longer shown or
/// closed, is refused as not found, and recorded; one already answered is told so.
pub async fn send(state: &AppState, upload: FamilyUpload) -> Result<FormOutcome, AppError> {
    let citizen = signed_in()?;
    let content_type = match files::accept(state, &upload.bytes) {
        Ok(content_type) => content_type,
        Err(refused) => return Ok(FormOutcome::invalid("file", refused_in_words(refused))),
    };
    let written = match files::write(state, &upload.file_name, &upload.bytes, content_type).await {
        Ok(written) => written,
        Err(failed) => {
            return Ok(FormOutcome::invalid(
                "file",
                say_with("area-file-not-saved", &[("code", failed.request_id)]),
            ))
        }
    };
    let now = state.clock.now();
    let begin = state.db.begin_writing();
    let saved: Result<Result<Sent, AppError>, AppError> = async {
        Ok(on_db!(&state.db, pool => {
            let mut tx = pool.begin_with(begin).await?;
            // The document is written only for a request this person may answer, in one
            // statement: the same condition as the page's, and nothing already received.
            let document: Option<(i64, i64)> = sqlx::query_as(&format!(
                "INSERT INTO case_documents
                        (case_id, kind, title, file_name, content_type, size_bytes, sha256, storage_key, sent_by_citizen, uploaded_at)
                 SELECT d.case_id, d.kind, d.what, $3, $4, $5, $6, $7, $8, $9
                   FROM document_requests d
                  WHERE d.document_id IS NULL AND d.id IN (SELECT id FROM ({ASKED_OF_FAMILY}) mine)
                 RETURNING id, case_id"
            ))
            .bind(&citizen.codice_fiscale).bind(upload.asked)
            .bind(&written.file_name).bind(written.content_type).bind(written.size_bytes)
            .bind(&written.sha256).bind(&written.storage_key).bind(citizen.id).bind(now)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((document, case)) = document else {
                let known: Option<Option<DateTime<Utc>>> = sqlx::query_scalar(&format!("SELECT received_at FROM ({ASKED_OF_FAMILY}) mine"))
                    .bind(&citizen.codice_fiscale).bind(upload.asked)
                    .fetch_optional(&mut *tx)
                    .await?;
                if known.is_some() {
                    tx.rollback().await?;
                    return Ok(Ok(Sent::AlreadyReceived));
                }
                let entry = Entry::new(citizen.actor(), "area.documento_inviato")
                    .records(RecordKind::AskedDocument, [upload.asked])
                    .outcome(Outcome::Denied);
                crate::audit!(&mut *tx, &state.audit_key, now, entry)?;
                tx.commit().await?;
                return Ok(Err(AppError::NotFound));
            };
            // Two sends of the same request at once: the second finds it answered here, and
            // its document goes back with its transaction.
            let answered = sqlx::query(
                "UPDATE document_requests SET document_id = $1, received_at = $2 WHERE id = $3 AND document_id IS NULL",
            )
            .bind(document).bind(now).bind(upload.asked)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if answered != 1 {
                tx.rollback().await?;
                return Ok(Ok(Sent::AlreadyReceived));
            }
            let entry = Entry::new(citizen.actor(), "area.documento_inviato").records(RecordKind::Document, [document]);
            crate::audit!(&mut *tx, &state.audit_key, now, entry)?;
            let worker: Option<String> = sqlx::query_scalar(RESPONSIBLE_EMAIL)
                .bind(case)
                .fetch_optional(&mut *tx)
                .await?;
            if let Some(to) = worker {
                let email = worker_notice(state, to, case, FamilyNews::SentDocument);
                crate::enqueue_email!(&mut *tx, now, email)?;
            }
            tx.commit().await?;
            state.mail_ready.notify_one();
            Ok(Sent::Stored)
        }))
    }
    .await;
    match saved {
        Ok(Ok(Sent::Stored)) => Ok(FormOutcome::Done {
            next: format!("{PATH}?inviato={}#documenti", upload.asked),
        }),
        Ok(Ok(Sent::AlreadyReceived)) => {
            written.discard().await;
            Ok(FormOutcome::invalid("file", say("area-document-already")))
        }
        Ok(Err(error)) | Err(error) => {
            written.discard().await;
            Err(error)
        }
    }
}

enum Sent {
    Stored,
    AlreadyReceived,
}

/// The page a send came from (`richiesta`), to show again when the file must be chosen again.
pub fn page_of(values: &std::collections::BTreeMap<String, String>) -> String {
    let asked = values
        .get("richiesta")
        .and_then(|id| id.trim().parse::<i64>().ok())
        .unwrap_or_default();
    format!("{DOCUMENT_PATH}?richiesta={asked}")
}
