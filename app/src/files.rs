//! The files people send: case documents, added by staff in the case file (`cases::documents`)
//! or by a family in its personal area (`area::documents`). Both go through here, so the checks
//! are the same whoever sends: a file is accepted by what its first bytes say it is (PDF, JPEG,
//! PNG), never by its name or the browser's word, and only up to the configured size; it is kept
//! under a random name in the documents folder, outside the web root, sealed with the data key
//! ([`crate::sealing`]), with the SHA-256 of what was sent. The folder's upkeep is here too: the
//! sweep of files an interrupted upload left, sealing again with a new key, opening a stored file.

use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;

use crate::error::AppError;
use crate::on_db;
use crate::sealing::{self, DataKeys, OpenError};
use crate::state::AppState;

/// The row of a case document, once its file is written: who sent it is a staff member
/// (`uploaded_by`) or a person of the family (`sent_by_citizen`), the other bound to NULL.
pub const INSERT_DOCUMENT: &str = "INSERT INTO case_documents
        (case_id, kind, title, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by, sent_by_citizen, uploaded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id";

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

/// Why a sent file is not taken; each sender says it in their own words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// No file was chosen.
    Missing,
    /// Larger than the limit, in whole megabytes.
    TooLarge { max_mb: usize },
    /// Not a PDF, a JPEG or a PNG.
    NotAllowed,
}

/// The file's type, if it may be kept.
pub fn accept(state: &AppState, bytes: &[u8]) -> Result<&'static str, Refused> {
    let max = state.documents.max_bytes;
    if bytes.is_empty() {
        Err(Refused::Missing)
    } else if bytes.len() > max {
        Err(Refused::TooLarge { max_mb: max_mb(state) })
    } else {
        sniff(bytes).ok_or(Refused::NotAllowed)
    }
}

/// The largest file, in whole megabytes, as the forms say it.
pub fn max_mb(state: &AppState) -> usize {
    state.documents.max_bytes.div_ceil(1024 * 1024)
}

/// A file written to the documents folder, whose row is not written yet: the caller writes it
/// (with [`INSERT_DOCUMENT`]) and, if that fails, [`Written::discard`]s the file.
pub struct Written {
    pub storage_key: String,
    pub sha256: String,
    pub content_type: &'static str,
    pub size_bytes: i64,
    /// The name the file had on the sender's computer, cleaned for the download.
    pub file_name: String,
    path: std::path::PathBuf,
}

impl Written {
    /// Removes the file, whose row was not written.
    pub async fn discard(self) {
        let _ = tokio::fs::remove_file(&self.path).await;
    }
}

/// Seals an accepted file with the data key and writes it under a new random name. A full disk,
/// a folder gone read-only or missing: the operators are told by the log, with the request id the
/// error carries for the person; no piece of the file stays.
pub async fn write(
    state: &AppState,
    file_name: &str,
    bytes: &[u8],
    content_type: &'static str,
) -> Result<Written, WriteFailed> {
    use rand::Rng;
    let storage_key = hex::encode(rand::rng().random::<[u8; 16]>());
    let path = state.documents.dir.join(&storage_key);
    let sealed = state
        .data_keys
        .seal_file(bytes, &sealing::document_context(&storage_key));
    if let Err(error) = write_new(&path, &sealed).await {
        let _ = tokio::fs::remove_file(&path).await;
        let request_id = crate::security::current_request_id();
        tracing::error!(request_id = %request_id, error = %error, folder = %state.documents.dir.display(), "cannot write a case document");
        return Err(WriteFailed { request_id });
    }
    Ok(Written {
        sha256: hex::encode(Sha256::digest(bytes)),
        storage_key,
        content_type,
        size_bytes: bytes.len() as i64,
        file_name: clean_file_name(file_name),
        path,
    })
}

/// The documents folder could not take the file; the request id is for the person to quote.
#[derive(Debug)]
pub struct WriteFailed {
    pub request_id: String,
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
        // Only what `write` writes: 32 hexadecimal characters, nothing an operator put there.
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

/// A document's bytes as stored, opened: sealed with one of the server's keys, or written before
/// documents were sealed (then as they are; the SHA-256 of the row still decides).
pub fn opened(keys: &DataKeys, storage_key: &str, stored: Vec<u8>) -> Result<Vec<u8>, OpenError> {
    match keys.open_file(&stored, &sealing::document_context(storage_key)) {
        Err(OpenError::NotSealed) => Ok(stored),
        other => other,
    }
}

/// Reads a document's file and opens it, refusing it if it no longer matches its digest.
pub async fn read(state: &AppState, id: i64, storage_key: &str, sha256: &str) -> Result<Vec<u8>, AppError> {
    let stored = tokio::fs::read(state.documents.dir.join(storage_key))
        .await
        .map_err(|error| AppError::internal("cannot read a case document", &error))?;
    let bytes = opened(&state.data_keys, storage_key, stored)
        .map_err(|error| AppError::internal("a case document does not open", &error))?;
    if hex::encode(Sha256::digest(&bytes)) != sha256 {
        let changed = std::io::Error::other(format!("document {id} no longer matches its SHA-256"));
        return Err(AppError::internal("a case document changed on disk", &changed));
    }
    Ok(bytes)
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
