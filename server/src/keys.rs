//! The server's two keys, both kept outside the database: the audit trail's (`SPORTELLO_AUDIT_KEY`)
//! and the one that seals secrets at rest (`SPORTELLO_DATA_KEY`, with the retired keys in
//! `SPORTELLO_DATA_KEYS_RETIRED` during a rotation). Each comes from the environment or, when
//! unset, is made once and kept in the data folder, readable by the server's user only. Several
//! instances sharing one database must be given the same keys through the environment.

use std::path::Path;

use app::audit::AuditKey;
use app::sealing::DataKeys;

use crate::startup::StartupError;

/// What `server rotate-data-key` did.
pub struct Rotated {
    pub secrets: usize,
    pub documents: usize,
}

/// Seals again, with the current data key, every second-factor secret and case document sealed
/// with a retired key (or not sealed yet); the running servers go on meanwhile. Once it has
/// succeeded, the retired keys can be removed from `SPORTELLO_DATA_KEYS_RETIRED`.
pub async fn rotate_data_key(settings: &crate::config::Settings) -> Result<Rotated, String> {
    let keys = data(
        settings.data_key.as_ref(),
        &settings.data_keys_retired,
        &settings.data_dir,
    )
    .map_err(|e| e.to_string())?;
    let db = crate::database::connect(&settings.database, 1)
        .await
        .map_err(|e| e.to_string())?;
    let secrets = app::access::totp::seal_again(&db, &keys)
        .await
        .map_err(|e| e.to_string());
    let documents = match &secrets {
        Ok(_) => app::files::seal_again(&db, &keys, &settings.documents.dir)
            .await
            .map_err(|e| e.to_string()),
        Err(_) => Ok(0),
    };
    db.close().await;
    Ok(Rotated {
        secrets: secrets?,
        documents: documents?,
    })
}

const AUDIT_FILE: &str = "audit.key";
const DATA_FILE: &str = "data.key";

pub fn audit(given: Option<&[u8]>, data_dir: &Path) -> Result<AuditKey, StartupError> {
    load_or_create(given, data_dir, AUDIT_FILE).map(AuditKey::new)
}

pub fn data(given: Option<&[u8; 32]>, retired: &[[u8; 32]], data_dir: &Path) -> Result<DataKeys, StartupError> {
    let key = load_or_create(given.map(<[u8; 32]>::as_slice), data_dir, DATA_FILE)?;
    let path = data_dir.join(DATA_FILE);
    let current: [u8; 32] = key.try_into().map_err(|_| {
        let wrong = std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "a data key is 32 bytes (64 hexadecimal characters)",
        );
        StartupError::Key(path.display().to_string(), wrong)
    })?;
    Ok(DataKeys::new(&current, retired))
}

fn load_or_create(given: Option<&[u8]>, data_dir: &Path, file_name: &str) -> Result<Vec<u8>, StartupError> {
    if let Some(key) = given {
        return Ok(key.to_vec());
    }
    let path = data_dir.join(file_name);
    let failed = |e| StartupError::Key(path.display().to_string(), e);
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            hex::decode(text.trim()).map_err(|e| failed(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(data_dir).map_err(failed)?;
            let mut key = [0u8; 32];
            getrandom::fill(&mut key).map_err(|e| failed(std::io::Error::other(e.to_string())))?;
            write_private(&path, &hex::encode(key)).map_err(failed)?;
            tracing::info!("a new key was made in {}", path.display());
            Ok(key.to_vec())
        }
        Err(error) => Err(failed(error)),
    }
}

#[cfg(unix)]
pub(crate) fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(text.as_bytes())
}

#[cfg(not(unix))]
pub(crate) fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    std::fs::write(path, text)
}
