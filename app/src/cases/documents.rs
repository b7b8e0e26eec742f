//! Case documents on the server: a file is accepted by what its first bytes say it is (PDF, JPEG,
//! PNG), never by its name or the browser's word, and only up to the configured size; it is kept
//! under a random name in the documents folder, outside the web root, sealed with the data key
//! ([`crate::sealing`]), with the SHA-256 of what was sent. A download
//! is for whoever may open the file (an emergency access included), is recorded in the audit trail
//! before a byte leaves, and is refused if the file on disk no longer matches its digest.

use std::path::PathBuf;

use rand::Rng;
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;

use super::store::{refusal, Access, CaseRow, CASE_FOR};
use super::*;
use crate::access::auth;
use crate::audit::Entry;
use crate::audit::RecordKind;
use crate::forms::{FieldErrors, FormOutcome};
use crate::on_db;
use crate::sealing::{self, DataKeys, OpenError};
use crate::state::AppState;

/// A document as sent by the upload form.
pub struct Upload {
    pub case: i64,
    pub kind: String,
    pub title: String,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// What the first bytes say the file is.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some("image/png")
    } else {
        None
    }
}

/// The file's own name without any folder, control characters or quotes, at most 200 characters.
fn clean_file_name(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = base
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .take(200)
        .collect();
    if clean.trim().is_empty() {
        "documento".to_owned()
    } else {
        clean.trim().to_owned()
    }
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
    let max = state.documents.max_bytes;
    let content_type = if upload.bytes.is_empty() {
        errors.add("file", "Scegli il file da allegare.");
        None
    } else if upload.bytes.len() > max {
        errors.add(
            "file",
            format!("Il file è troppo grande: al massimo {} MB.", max.div_ceil(1024 * 1024)),
        );
        None
    } else {
        let sniffed = sniff(&upload.bytes);
        if sniffed.is_none() {
            errors.add("file", "Il file deve essere un PDF o un'immagine JPEG o PNG.");
        }
        sniffed
    };
    let Some(content_type) = content_type.filter(|_| errors.is_empty()) else {
        if !errors.is_empty() && errors.get("file").is_none() {
            // The browser does not keep a chosen file across a round trip: say so.
            errors.add(
                "file",
                "Scegli di nuovo il file: per sicurezza il browser non lo conserva.",
            );
        }
        return Ok(FormOutcome::Invalid(errors));
    };
    let digest = hex::encode(Sha256::digest(&upload.bytes));
    let key = hex::encode(rand::rng().random::<[u8; 16]>());
    let path = state.documents.dir.join(&key);
    let sealed = state
        .data_keys
        .seal_file(&upload.bytes, &sealing::document_context(&key));
    if let Err(error) = write_new(&path, &sealed).await {
        // A full disk, a folder gone read-only or missing: the person is told next to the file,
        // the operators by the log; nothing of the case changes, and no piece of the file stays.
        let _ = tokio::fs::remove_file(&path).await;
        let request_id = crate::security::current_request_id();
        tracing::error!(request_id = %request_id, error = %error, folder = %state.documents.dir.display(), "cannot write a case document");
        errors.add(
            "file",
            format!(
                "Non è stato possibile salvare il file: lo spazio dei documenti non è disponibile in questo momento. \
                 Il fascicolo non è cambiato. Riprova più tardi; se il problema continua, avvisa l'amministratore \
                 con questo codice: {request_id}."
            ),
        );
        return Ok(FormOutcome::Invalid(errors));
    }
    let file_name = clean_file_name(&upload.file_name);
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
                    let id: i64 = sqlx::query_scalar(
                        "INSERT INTO case_documents (case_id, kind, title, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_at)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
                    )
                    .bind(upload.case).bind(kind).bind(&title).bind(&file_name).bind(content_type)
                    .bind(upload.bytes.len() as i64).bind(&digest).bind(&key).bind(user.id).bind(now)
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
            let _ = tokio::fs::remove_file(&path).await;
            Err(error)
        }
    }
}

/// Writes a new file readable by the server's user only, and flushes it to disk.
async fn write_new(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = tokio::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    options.mode(0o600);
    let mut file = options.open(path).await?;
    file.write_all(bytes).await?;
    file.sync_all().await
}

/// How old a file with no row must be before it is taken for the leftover of an upload cut short
/// (the server stopped between writing the file and committing its row) rather than one whose row
/// another server is writing now.
const ORPHAN_AFTER: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// Removes the files of the documents folder that no document row names and that were last written
/// more than an hour ago; answers how many went. Their age is read from the filesystem's clock,
/// which wrote them, not from the application's. Run by the hourly housekeeping.
pub async fn sweep_orphans(state: &AppState) -> Result<usize, AppError> {
    let mut folder = match tokio::fs::read_dir(&state.documents.dir).await {
        Ok(folder) => folder,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(error) => return Err(AppError::internal("cannot read the documents folder", &error)),
    };
    let mut swept = 0;
    while let Some(entry) = folder
        .next_entry()
        .await
        .map_err(|error| AppError::internal("cannot read the documents folder", &error))?
    {
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        // Only what `store` writes: 32 hexadecimal characters, nothing an operator put there.
        if name.len() != 32 || !name.bytes().all(|b| b.is_ascii_hexdigit()) {
            continue;
        }
        let old_enough = entry
            .metadata()
            .await
            .ok()
            .and_then(|metadata| metadata.modified().ok())
            .and_then(|written| written.elapsed().ok())
            .is_some_and(|age| age >= ORPHAN_AFTER);
        if !old_enough {
            continue;
        }
        let named: Option<i64> = on_db!(&state.db, pool => {
            sqlx::query_scalar("SELECT id FROM case_documents WHERE storage_key = $1")
                .bind(&name)
                .fetch_optional(pool)
                .await
        })?;
        if named.is_none() {
            tokio::fs::remove_file(entry.path())
                .await
                .map_err(|error| AppError::internal("cannot remove a leftover document file", &error))?;
            tracing::warn!(file = %name, "removed a document file no case names (an upload cut short)");
            swept += 1;
        }
    }
    Ok(swept)
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
    let path: PathBuf = state.documents.dir.join(&row.storage_key);
    let stored = tokio::fs::read(&path)
        .await
        .map_err(|error| AppError::internal("cannot read a case document", &error))?;
    let bytes = opened(&state.data_keys, &row.storage_key, stored)
        .map_err(|error| AppError::internal("a case document does not open", &error))?;
    if hex::encode(Sha256::digest(&bytes)) != row.sha256 {
        let changed = std::io::Error::other(format!("document {id} no longer matches its SHA-256"));
        return Err(AppError::internal("a case document changed on disk", &changed));
    }
    Ok(Download {
        file_name: row.file_name,
        content_type: row.content_type,
        bytes,
    })
}

/// A document's bytes as stored, opened: sealed with one of the server's keys, or written before
/// documents were sealed (then as they are; the SHA-256 of the row still decides).
pub fn opened(keys: &DataKeys, storage_key: &str, stored: Vec<u8>) -> Result<Vec<u8>, OpenError> {
    match keys.open_file(&stored, &sealing::document_context(storage_key)) {
        Err(OpenError::NotSealed) => Ok(stored),
        other => other,
    }
}

/// Seals again, with the current key, every document's file that is not sealed with it; answers
/// how many. Each file is replaced whole (a new file, flushed, then renamed over the old one), so
/// a stop half-way leaves every document readable; its SHA-256 is checked before it is replaced.
pub async fn seal_again(db: &crate::db::Db, keys: &DataKeys, dir: &std::path::Path) -> Result<usize, AppError> {
    let rows: Vec<(i64, String, String)> = on_db!(db, pool => sqlx::query_as(
        "SELECT id, storage_key, sha256 FROM case_documents ORDER BY id",
    )
    .fetch_all(pool)
    .await?);
    let mut sealed_again = 0;
    for (id, storage_key, sha256) in rows {
        let path = dir.join(&storage_key);
        let stored = tokio::fs::read(&path)
            .await
            .map_err(|error| AppError::internal("cannot read a case document", &error))?;
        if keys.file_is_current(&stored) {
            continue;
        }
        let bytes = opened(keys, &storage_key, stored)
            .map_err(|error| AppError::internal("a case document does not open", &error))?;
        if hex::encode(Sha256::digest(&bytes)) != sha256 {
            let changed = std::io::Error::other(format!("document {id} no longer matches its SHA-256"));
            return Err(AppError::internal("a case document changed on disk", &changed));
        }
        let fresh = dir.join(format!("{storage_key}.sealing"));
        let _ = tokio::fs::remove_file(&fresh).await;
        let replaced = async {
            write_new(
                &fresh,
                &keys.seal_file(&bytes, &sealing::document_context(&storage_key)),
            )
            .await?;
            tokio::fs::rename(&fresh, &path).await
        }
        .await;
        if let Err(error) = replaced {
            let _ = tokio::fs::remove_file(&fresh).await;
            return Err(AppError::internal("cannot replace a case document", &error));
        }
        sealed_again += 1;
    }
    Ok(sealed_again)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_known_by_their_first_bytes() {
        assert_eq!(sniff(b"%PDF-1.7\n..."), Some("application/pdf"));
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0]), Some("image/jpeg"));
        assert_eq!(
            sniff(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0]),
            Some("image/png")
        );
        assert_eq!(sniff(b"<html><script>"), None);
        assert_eq!(sniff(b"MZ\x90\x00"), None, "a program named .pdf is not a PDF");
    }

    #[test]
    fn file_names_lose_folders_and_quotes() {
        assert_eq!(clean_file_name("C:\\Documenti\\decreto \"123\".pdf"), "decreto 123.pdf");
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name(""), "documento");
    }
}
