//! The audit trail's key: from `SPORTELLO_AUDIT_KEY`, or made once and kept in the data folder
//! (readable by the server's user only). Several instances sharing one database must be given the
//! same key through the environment.

use std::path::Path;

use app::audit::AuditKey;

use crate::startup::StartupError;

const FILE_NAME: &str = "audit.key";

pub fn load_or_create(given: Option<&[u8]>, data_dir: &Path) -> Result<AuditKey, StartupError> {
    if let Some(key) = given {
        return Ok(AuditKey::new(key.to_vec()));
    }
    let path = data_dir.join(FILE_NAME);
    let failed = |e| StartupError::AuditKey(path.display().to_string(), e);
    match std::fs::read_to_string(&path) {
        Ok(text) => hex::decode(text.trim())
            .map(AuditKey::new)
            .map_err(|e| failed(std::io::Error::new(std::io::ErrorKind::InvalidData, e))),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(data_dir).map_err(failed)?;
            let mut key = [0u8; 32];
            getrandom::fill(&mut key).map_err(|e| failed(std::io::Error::other(e.to_string())))?;
            write_private(&path, &hex::encode(key)).map_err(failed)?;
            tracing::info!("a new audit key was made in {}", path.display());
            Ok(AuditKey::new(key.to_vec()))
        }
        Err(error) => Err(failed(error)),
    }
}

#[cfg(unix)]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
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
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    std::fs::write(path, text)
}
