//! Case documents in the case file: staff add them and download them. A download is for whoever
//! may open the file (an emergency access included), is recorded in the audit trail before a byte
//! leaves, and is refused if the file on disk no longer matches its digest. What a file must be,
//! and how it is sealed and kept, is [`crate::files`]'s, the same for the family's documents.

use super::store::{refusal, Access, CaseRow, CASE_FOR};
use super::*;
use crate::access::auth;
use crate::audit::Entry;
use crate::audit::RecordKind;
use crate::files::{self, Refused};
use crate::forms::{FieldErrors, FormOutcome};
use crate::on_db;
use crate::state::AppState;

/// A document as sent by the upload form.
pub struct Upload {
    pub case: i64,
    pub kind: String,
    pub title: String,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// Stores a document on a case the person may change (its team or the unit's coordinator, while
/// it is open). The file is written first, then the row and its audit row in one transaction; a
/// file whose row could not be written is removed.
pub async fn store(state: &AppState, upload: Upload) -> Result<FormOutcome, AppError> {
    let (_, user) = auth::permitted(Permission::CaseFiles).await?;
    let now = state.clock.now();
    let mut errors = FieldErrors::new();
    let kind = upload.kind.trim();
    if DocumentKind::from_key(kind).is_none() {
        errors.add("tipo_documento", "Scegli che documento è.");
    }
    let title = upload.title.split_whitespace().collect::<Vec<_>>().join(" ");
    if title.is_empty() {
        errors.add("titolo", "Scrivi un titolo che dica che cosa contiene il documento.");
    } else if title.chars().count() > 200 {
        errors.add("titolo", "Il titolo può avere al massimo 200 caratteri.");
    }
    let content_type = match files::accept(state, &upload.bytes) {
        Ok(content_type) => Some(content_type),
        Err(refused) => {
            errors.add("file", refused_in_words(refused));
            None
        }
    };
    let Some(content_type) = content_type.filter(|_| errors.is_empty()) else {
        if errors.get("file").is_none() {
            // The browser does not keep a chosen file across a round trip: say so.
            errors.add(
                "file",
                "Scegli di nuovo il file: per sicurezza il browser non lo conserva.",
            );
        }
        return Ok(FormOutcome::Invalid(errors));
    };
    let written = match files::write(state, &upload.file_name, &upload.bytes, content_type).await {
        Ok(written) => written,
        Err(failed) => {
            errors.add(
                "file",
                format!(
                    "Non è stato possibile salvare il file: lo spazio dei documenti non è disponibile in questo momento. \
                     Il fascicolo non è cambiato. Riprova più tardi; se il problema continua, avvisa l'amministratore \
                     con questo codice: {}.",
                    failed.request_id
                ),
            );
            return Ok(FormOutcome::Invalid(errors));
        }
    };
    let begin = state.db.begin_writing();
    let saved: Result<Result<i64, AppError>, AppError> = async {
        Ok(on_db!(&state.db, pool => {
            let mut tx = pool.begin_with(begin).await?;
            let case: Option<CaseRow> = sqlx::query_as(CASE_FOR).bind(upload.case).bind(user.id).bind(now).fetch_optional(&mut *tx).await?;
            match case {
                None => {
                    tx.rollback().await?;
                    Err(AppError::NotFound)
                }
                Some(case) if case.closed_at.is_some() || !matches!(case.access_of(&user), Some(Access::Team | Access::Coordinator)) => {
                    tx.rollback().await?;
                    Err(refusal(state, &user, RecordKind::Case, upload.case).await)
                }
                Some(_) => {
                    let id: i64 = sqlx::query_scalar(files::INSERT_DOCUMENT)
                        .bind(upload.case).bind(kind).bind(&title).bind(&written.file_name).bind(written.content_type)
                        .bind(written.size_bytes).bind(&written.sha256).bind(&written.storage_key)
                        .bind(Some(user.id)).bind(None::<i64>).bind(now)
                        .fetch_one(&mut *tx)
                        .await?;
                    crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "caso.documento").records(RecordKind::Document, [id]))?;
                    tx.commit().await?;
                    Ok(id)
                }
            }
        }))
    }
    .await;
    match saved {
        Ok(Ok(_)) => Ok(FormOutcome::Done {
            next: format!("{FILE_PATH}?id={}&fatto=documento", upload.case),
        }),
        Ok(Err(error)) | Err(error) => {
            written.discard().await;
            Err(error)
        }
    }
}

/// Why the file was not taken, in the back office's words.
fn refused_in_words(refused: Refused) -> String {
    match refused {
        Refused::Missing => "Scegli il file da allegare.".to_owned(),
        Refused::TooLarge { max_mb } => format!("Il file è troppo grande: al massimo {max_mb} MB."),
        Refused::NotAllowed => "Il file deve essere un PDF o un'immagine JPEG o PNG.".to_owned(),
    }
}

/// A document ready to be sent.
pub struct Download {
    pub file_name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

#[derive(sqlx::FromRow)]
struct DocumentRow {
    case_id: i64,
    file_name: String,
    content_type: String,
    sha256: String,
    storage_key: String,
}

/// A document for whoever may open its case file; the download is in the audit trail first.
pub async fn open(state: &AppState, id: i64) -> Result<Download, AppError> {
    let (_, user) = auth::permitted(Permission::CaseFiles).await?;
    let now = state.clock.now();
    let begin = state.db.begin_writing();
    let row: DocumentRow = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let row: Option<DocumentRow> = sqlx::query_as(
            "SELECT case_id, file_name, content_type, sha256, storage_key FROM case_documents WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            tx.rollback().await?;
            return Err(AppError::NotFound);
        };
        let case: Option<CaseRow> = sqlx::query_as(CASE_FOR).bind(row.case_id).bind(user.id).bind(now).fetch_optional(&mut *tx).await?;
        if case.and_then(|case| case.access_of(&user)).is_none() {
            tx.rollback().await?;
            return Err(refusal(state, &user, RecordKind::Document, id).await);
        }
        crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "caso.documento_scaricato").records(RecordKind::Document, [id]))?;
        tx.commit().await?;
        row
    });
    let bytes = files::read(state, id, &row.storage_key, &row.sha256).await?;
    Ok(Download {
        file_name: row.file_name,
        content_type: row.content_type,
        bytes,
    })
}
