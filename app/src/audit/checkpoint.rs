//! The head of the chain, kept outside the database (a file of the server's, by default in its data
//! folder; point `SPORTELLO_AUDIT_CHECKPOINT` at storage the database's administrators cannot
//! write). Whoever can rewrite the database can cut the newest rows and leave a shorter chain
//! that is still whole; the checkpoint remembers how far the chain had reached.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    pub seq: i64,
    pub hash: String,
}

/// Where the checkpoint is kept.
#[derive(Clone, Debug)]
pub struct CheckpointFile(PathBuf);

impl CheckpointFile {
    pub fn new(path: PathBuf) -> Self {
        Self(path)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// The last checkpoint, or `None` before the first.
    pub fn read(&self) -> std::io::Result<Option<Checkpoint>> {
        match std::fs::read_to_string(&self.0) {
            Ok(text) => {
                let mut parts = text.split_whitespace();
                let seq = parts.next().and_then(|s| s.parse().ok());
                let hash = parts.next().map(str::to_owned);
                match (seq, hash) {
                    (Some(seq), Some(hash)) => Ok(Some(Checkpoint { seq, hash })),
                    _ => Err(std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        "the audit checkpoint file is not \"<seq> <hash>\"",
                    )),
                }
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(error),
        }
    }

    /// Replaces the checkpoint at once (a new file renamed over the old one), never going back.
    pub fn advance(&self, to: &Checkpoint) -> std::io::Result<()> {
        if self.read()?.is_some_and(|current| current.seq > to.seq) {
            return Ok(());
        }
        let temporary = self.0.with_extension("tmp");
        std::fs::write(&temporary, format!("{} {}\n", to.seq, to.hash))?;
        std::fs::rename(&temporary, &self.0)
    }
}
