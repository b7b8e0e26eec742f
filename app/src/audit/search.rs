//! Searching the trail: by the staff member who acted (a person of a family, whose actor id is
//! another table's, is never taken for one), by record, by date; newest first, one bounded
//! page at a time.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::db::Db;
use crate::on_db;

/// What the administrator asked for; empty fields match everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub actor_id: Option<i64>,
    pub record_kind: Option<String>,
    /// An action's key.
    pub action: Option<String>,
    pub record_id: Option<i64>,
    pub from: Option<DateTime<Utc>>,
    /// Exclusive.
    pub until: Option<DateTime<Utc>>,
    /// Show rows older than this sequence number (the next page).
    pub before_seq: Option<i64>,
}

/// One row as the search page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct Found {
    pub seq: i64,
    pub at: DateTime<Utc>,
    pub actor_id: Option<i64>,
    pub actor_username: Option<String>,
    pub actor_role: Option<String>,
    pub action: String,
    pub record_kind: Option<String>,
    pub record_ids: String,
    pub purpose: Option<String>,
    pub outcome: String,
    pub request_id: String,
}

pub const PAGE_SIZE: i64 = 50;

pub async fn search(db: &Db, query: &Query) -> Result<Vec<Found>, sqlx::Error> {
    on_db!(db, pool => sqlx::query_as::<_, Found>(
        "SELECT a.seq, a.at, a.actor_id, u.username AS actor_username, a.actor_role, a.action, a.record_kind,
                a.record_ids, a.purpose, a.outcome, a.request_id
           FROM audit_log a
           LEFT JOIN staff_users u ON u.id = a.actor_id AND (a.actor_role IS NULL OR a.actor_role <> $9)
          WHERE ($1 IS NULL OR (a.actor_id = $1 AND (a.actor_role IS NULL OR a.actor_role <> $9)))
            AND ($2 IS NULL OR a.record_kind = $2)
            AND ($3 IS NULL OR (',' || a.record_ids || ',') LIKE ('%,' || $3 || ',%'))
            AND ($4 IS NULL OR a.at >= $4)
            AND ($5 IS NULL OR a.at < $5)
            AND ($6 IS NULL OR a.seq < $6)
            AND ($7 IS NULL OR a.action = $7)
          ORDER BY a.seq DESC
          LIMIT $8",
    )
    .bind(query.actor_id)
    .bind(&query.record_kind)
    .bind(query.record_id.map(|id| id.to_string()))
    .bind(query.from)
    .bind(query.until)
    .bind(query.before_seq)
    .bind(&query.action)
    .bind(PAGE_SIZE)
    // A family's person is an actor too, their id a `citizens` one: never a staff member's.
    .bind(super::FAMILY_ROLE)
    .fetch_all(pool)
    .await)
}
