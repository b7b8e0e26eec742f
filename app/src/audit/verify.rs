//! Checking the chain: every row's seal, every link, no gaps, and the head against the checkpoint
//! kept outside the database.

use serde::{Deserialize, Serialize};

use super::checkpoint::Checkpoint;
use super::{AuditKey, SealedRow};
use crate::db::Db;
use crate::on_db;

/// What the check found wrong, in the words the verify page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    /// The row's content does not match its seal: it was edited (or moved).
    Altered { seq: i64 },
    /// The row does not follow the one before it: rows were removed or moved.
    BrokenLink { seq: i64 },
    /// Sequence numbers are missing: rows were removed from the middle.
    Missing { from: i64, to: i64 },
    /// The newest rows the checkpoint saw are gone: rows were removed from the end.
    Truncated { checkpoint_seq: i64, last_seq: i64 },
    /// The row at the checkpoint is not the row the checkpoint saw.
    CheckpointMismatch { seq: i64 },
    /// The head kept in the database does not match the last row.
    HeadMismatch,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Altered { seq } => write!(f, "La riga {seq} è stata modificata."),
            Problem::BrokenLink { seq } => {
                write!(
                    f,
                    "La riga {seq} non segue quella precedente: righe spostate o rimosse."
                )
            }
            Problem::Missing { from, to } => write!(f, "Mancano le righe da {from} a {to}."),
            Problem::Truncated {
                checkpoint_seq,
                last_seq,
            } => write!(
                f,
                "Il registro finisce alla riga {last_seq}, ma il punto di controllo ne aveva già {checkpoint_seq}: \
                 le ultime righe sono state rimosse."
            ),
            Problem::CheckpointMismatch { seq } => {
                write!(f, "La riga {seq} non è quella registrata nel punto di controllo.")
            }
            Problem::HeadMismatch => f.write_str("La testa del registro non corrisponde all'ultima riga."),
        }
    }
}

/// The result of a check.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub rows_checked: i64,
    pub last_seq: i64,
    pub problems: Vec<Problem>,
}

impl Report {
    pub fn is_intact(&self) -> bool {
        self.problems.is_empty()
    }
}

const BATCH: i64 = 1000;

/// Walks the whole trail in order, in batches (its memory does not grow with the trail), and
/// compares its end with `checkpoint`.
pub async fn verify(db: &Db, key: &AuditKey, checkpoint: Option<&Checkpoint>) -> Result<Report, sqlx::Error> {
    walk(db, key, checkpoint, 1).await
}

/// The same from the checkpoint on: the rows up to it were verified when it was set, so the
/// periodic check reads only what was written since (the checkpoint's own row is checked again
/// against the hash it recorded).
pub async fn verify_since(db: &Db, key: &AuditKey, checkpoint: Option<&Checkpoint>) -> Result<Report, sqlx::Error> {
    walk(db, key, checkpoint, checkpoint.map_or(1, |c| c.seq.max(1))).await
}

async fn walk(db: &Db, key: &AuditKey, checkpoint: Option<&Checkpoint>, from: i64) -> Result<Report, sqlx::Error> {
    let mut report = Report::default();
    let mut expected_seq = from;
    let mut previous_hash: Option<String> = (from == 1).then(String::new);
    let mut hash_at_checkpoint = None;
    loop {
        let rows: Vec<SealedRow> = on_db!(db, pool => sqlx::query_as(
            "SELECT seq, at, actor_id, actor_role, action, record_kind, record_ids, purpose, outcome, request_id,
                    prev_hash, hash
               FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2",
        )
        .bind(expected_seq)
        .bind(BATCH)
        .fetch_all(pool)
        .await)?;
        let Some(last) = rows.last() else { break };
        let next_seq = last.seq + 1;
        for row in &rows {
            if row.seq != expected_seq {
                report.problems.push(Problem::Missing {
                    from: expected_seq,
                    to: row.seq - 1,
                });
            }
            // Starting mid-chain, the first row's link was checked when the checkpoint was set.
            let previous_hash = previous_hash.get_or_insert_with(|| row.prev_hash.clone());
            if row.prev_hash != *previous_hash {
                report.problems.push(Problem::BrokenLink { seq: row.seq });
            }
            if row.expected_hash(key) != row.hash {
                report.problems.push(Problem::Altered { seq: row.seq });
            }
            if checkpoint.is_some_and(|c| c.seq == row.seq) {
                hash_at_checkpoint = Some(row.hash.clone());
            }
            *previous_hash = row.hash.clone();
            expected_seq = row.seq + 1;
            report.rows_checked += 1;
            report.last_seq = row.seq;
        }
        expected_seq = next_seq;
    }
    let head: (i64, String) = on_db!(db, pool => sqlx::query_as("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
        .fetch_one(pool)
        .await)?;
    // A writer that has taken the head but not committed yet is invisible here, and the head is
    // read after the rows: a head ahead of the rows by uncommitted writes is normal, behind is not.
    let previous_hash = previous_hash.unwrap_or_default();
    if head.0 < report.last_seq || (head.0 == report.last_seq && head.1 != previous_hash) {
        report.problems.push(Problem::HeadMismatch);
    }
    if let Some(checkpoint) = checkpoint {
        if report.last_seq < checkpoint.seq {
            report.problems.push(Problem::Truncated {
                checkpoint_seq: checkpoint.seq,
                last_seq: report.last_seq,
            });
        } else if hash_at_checkpoint.as_deref() != Some(checkpoint.hash.as_str()) {
            report
                .problems
                .push(Problem::CheckpointMismatch { seq: checkpoint.seq });
        }
    }
    Ok(report)
}
