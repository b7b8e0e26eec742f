//! The audit trail: a row for every read and every change of personal data by staff, every failed
//! sign-in and every denied access — written in the same transaction as what it records, so that an
//! action whose row cannot be written fails and returns nothing.
//!
//! Rows hold ids, never personal data. Each row carries a keyed hash (HMAC-SHA-256, the key outside
//! the database) of its fields and of the previous row's hash: editing, removing or moving a row
//! breaks the chain. Removing the newest rows leaves a shorter chain that is still whole; that is
//! caught by comparing with a checkpoint of the head kept outside the database ([`checkpoint`]).

use std::sync::Arc;

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

pub mod actions;
pub mod checkpoint;
pub mod search;
pub mod verify;

/// Whether the recorded action happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    Ok,
    /// Refused by the access rules (or a sign-in refused).
    Denied,
    /// Attempted and failed for another reason.
    Failed,
}

impl Outcome {
    pub fn key(self) -> &'static str {
        match self {
            Outcome::Ok => "ok",
            Outcome::Denied => "negato",
            Outcome::Failed => "fallito",
        }
    }
}

crate::vocabulary! {
    /// The kinds of record a row of the trail names, stored as their key beside the ids: what the
    /// audit page searches by ("who opened case 7?").
    pub enum RecordKind {
        Request = ("richiesta", "Richiesta"),
        Booking = ("prenotazione", "Prenotazione"),
        Person = ("persona", "Persona già nota al servizio"),
        Case = ("caso", "Fascicolo"),
        Note = ("nota", "Nota del fascicolo"),
        Document = ("documento", "Documento del fascicolo"),
        Message = ("messaggio", "Messaggio tra il servizio e la famiglia"),
        AskedDocument = ("documento_chiesto", "Documento chiesto alla famiglia"),
        CourtReport = ("relazione", "Relazione all'Autorità Giudiziaria"),
        Plan = ("progetto", "Progetto di aiuto"),
        Intervention = ("intervento", "Intervento del progetto"),
        Unit = ("unita", "Unità"),
        Office = ("sede", "Sede"),
        Closure = ("chiusura", "Chiusura di una sede"),
        Comune = ("comune", "Comune servito"),
        BookingTopic = ("argomento", "Argomento di prenotazione"),
        ServicePage = ("servizio", "Pagina di un servizio"),
        InformationPage = ("pagina", "Pagina informativa"),
        Rating = ("valutazione", "Valutazione di una pagina"),
        StaffAccount = ("utente", "Account del personale"),
        Email = ("email", "Email"),
        AuditRow = ("registro", "Riga del registro degli accessi"),
    }
}

/// The role of an actor who is a person of a family acting in their personal area: the actor's id
/// is then a `citizens` id, not a staff account's.
pub const FAMILY_ROLE: &str = "famiglia";

/// Who acted: a staff account and the roles it acted with, or nobody known (a failed sign-in).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Actor {
    pub id: Option<i64>,
    /// The roles held, as stored keys joined by commas.
    pub role: Option<String>,
}

/// One audit row before it is sealed.
#[derive(Clone, Debug)]
pub struct Entry {
    pub actor: Actor,
    /// What was done, e.g. `accesso`, `utenti.elenco`, `utenti.crea`, `posta.elenco`.
    pub action: &'static str,
    /// The kind of record touched.
    pub record_kind: Option<RecordKind>,
    /// The ids touched; a list page records every id it showed.
    pub record_ids: Vec<i64>,
    /// Why, where the person was asked (emergency access).
    pub purpose: Option<String>,
    pub outcome: Outcome,
}

impl Entry {
    pub fn new(actor: Actor, action: &'static str) -> Self {
        Self {
            actor,
            action,
            record_kind: None,
            record_ids: Vec::new(),
            purpose: None,
            outcome: Outcome::Ok,
        }
    }

    pub fn records(mut self, kind: RecordKind, ids: impl IntoIterator<Item = i64>) -> Self {
        self.record_kind = Some(kind);
        self.record_ids = ids.into_iter().collect();
        self
    }

    /// Why the person says they acted, when they were asked.
    pub fn purpose(mut self, purpose: impl Into<String>) -> Self {
        self.purpose = Some(purpose.into());
        self
    }

    pub fn outcome(mut self, outcome: Outcome) -> Self {
        self.outcome = outcome;
        self
    }

    pub fn ids_text(&self) -> String {
        self.record_ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
    }
}

/// The secret key of the chain (`SPORTELLO_AUDIT_KEY`), never stored in the database.
#[derive(Clone)]
pub struct AuditKey(Arc<Vec<u8>>);

impl std::fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AuditKey(..)")
    }
}

impl AuditKey {
    pub fn new(bytes: Vec<u8>) -> Self {
        Self(Arc::new(bytes))
    }
}

/// The fields a row's hash covers, in one fixed order.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct SealedRow {
    pub seq: i64,
    pub at: DateTime<Utc>,
    pub actor_id: Option<i64>,
    pub actor_role: Option<String>,
    pub action: String,
    pub record_kind: Option<String>,
    pub record_ids: String,
    pub purpose: Option<String>,
    pub outcome: String,
    pub request_id: String,
    pub prev_hash: String,
    pub hash: String,
}

/// The keyed hash of a row: every field (as a JSON array, so no two rows can encode alike) and the
/// previous row's hash.
#[allow(clippy::too_many_arguments)]
pub fn seal(
    key: &AuditKey,
    seq: i64,
    at: DateTime<Utc>,
    actor_id: Option<i64>,
    actor_role: Option<&str>,
    action: &str,
    record_kind: Option<&str>,
    record_ids: &str,
    purpose: Option<&str>,
    outcome: &str,
    request_id: &str,
    prev_hash: &str,
) -> String {
    let fields = serde_json::json!([
        seq,
        at.timestamp_micros(),
        actor_id,
        actor_role,
        action,
        record_kind,
        record_ids,
        purpose,
        outcome,
        request_id,
        prev_hash
    ]);
    let mut mac = Hmac::<Sha256>::new_from_slice(&key.0).expect("HMAC takes a key of any length");
    mac.update(fields.to_string().as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

impl SealedRow {
    pub fn expected_hash(&self, key: &AuditKey) -> String {
        seal(
            key,
            self.seq,
            self.at,
            self.actor_id,
            self.actor_role.as_deref(),
            &self.action,
            self.record_kind.as_deref(),
            &self.record_ids,
            self.purpose.as_deref(),
            &self.outcome,
            &self.request_id,
            &self.prev_hash,
        )
    }
}

#[doc(hidden)]
pub const TAKE_HEAD: &str = "UPDATE audit_head SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq, last_hash";
#[doc(hidden)]
pub const APPEND: &str =
    "INSERT INTO audit_log (seq, at, actor_id, actor_role, action, record_kind, record_ids, purpose, outcome,
                            request_id, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";
#[doc(hidden)]
pub const MOVE_HEAD: &str = "UPDATE audit_head SET last_hash = $1 WHERE id = 1";

/// Appends `$entry` (an [`Entry`]) to the trail through `$conn` — `&mut *tx`, the transaction of the
/// action it records — sealed with `$key` at `$now`; evaluates to `Result<i64, sqlx::Error>` (the
/// row's sequence number). Taking the head row locks it until the transaction ends, so concurrent
/// writers (of any server instance) append one after the other and the chain never forks. A macro
/// because each database's connection is its own type, inside [`on_db!`](crate::on_db).
#[macro_export]
macro_rules! audit {
    ($conn:expr, $key:expr, $now:expr, $entry:expr) => {{
        let conn = $conn;
        let entry: &$crate::audit::Entry = &$entry;
        let now: chrono::DateTime<chrono::Utc> = $now;
        async {
            let (seq, prev_hash): (i64, String) =
                sqlx::query_as($crate::audit::TAKE_HEAD).fetch_one(&mut *conn).await?;
            let request_id = $crate::security::current_request_id();
            let ids = entry.ids_text();
            let hash = $crate::audit::seal(
                $key,
                seq,
                now,
                entry.actor.id,
                entry.actor.role.as_deref(),
                entry.action,
                entry.record_kind.map($crate::audit::RecordKind::key),
                &ids,
                entry.purpose.as_deref(),
                entry.outcome.key(),
                &request_id,
                &prev_hash,
            );
            sqlx::query($crate::audit::APPEND)
                .bind(seq)
                .bind(now)
                .bind(entry.actor.id)
                .bind(&entry.actor.role)
                .bind(entry.action)
                .bind(entry.record_kind.map($crate::audit::RecordKind::key))
                .bind(&ids)
                .bind(&entry.purpose)
                .bind(entry.outcome.key())
                .bind(&request_id)
                .bind(&prev_hash)
                .bind(&hash)
                .execute(&mut *conn)
                .await?;
            sqlx::query($crate::audit::MOVE_HEAD)
                .bind(&hash)
                .execute(&mut *conn)
                .await?;
            Ok::<i64, sqlx::Error>(seq)
        }
        .await
    }};
}

/// Records `entry` on its own (a failed sign-in, a denied access: nothing else to commit with it).
pub async fn record_alone(
    db: &crate::db::Db,
    key: &AuditKey,
    now: DateTime<Utc>,
    entry: &Entry,
) -> Result<i64, sqlx::Error> {
    let begin = db.begin_writing();
    crate::on_db!(db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let seq = crate::audit!(&mut *tx, key, now, entry)?;
        tx.commit().await?;
        Ok(seq)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seal_depends_on_every_field_and_on_the_key() {
        let key = AuditKey::new(b"k".to_vec());
        let at = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let base = seal(
            &key,
            1,
            at,
            Some(2),
            Some("amministratore"),
            "a",
            Some("utente"),
            "3",
            None,
            "ok",
            "r",
            "",
        );
        assert_eq!(base.len(), 64);
        assert_ne!(
            base,
            seal(
                &key,
                2,
                at,
                Some(2),
                Some("amministratore"),
                "a",
                Some("utente"),
                "3",
                None,
                "ok",
                "r",
                ""
            )
        );
        assert_ne!(
            base,
            seal(
                &key,
                1,
                at,
                Some(2),
                Some("amministratore"),
                "a",
                Some("utente"),
                "4",
                None,
                "ok",
                "r",
                ""
            )
        );
        assert_ne!(
            base,
            seal(
                &key,
                1,
                at,
                Some(2),
                Some("amministratore"),
                "a",
                Some("utente"),
                "3",
                None,
                "ok",
                "r",
                "x"
            )
        );
        let other_key = AuditKey::new(b"j".to_vec());
        assert_ne!(
            base,
            seal(
                &other_key,
                1,
                at,
                Some(2),
                Some("amministratore"),
                "a",
                Some("utente"),
                "3",
                None,
                "ok",
                "r",
                ""
            )
        );
    }
}
