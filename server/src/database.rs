//! Opening the database and bringing its schema up to date.
//!
//! Migrations are compiled into the binary (`migrations/sqlite` and `migrations/postgres`, with
//! identical version names) and run at start-up through the owner connection, so that in production
//! the application's own role can be denied rights the migrations need (see the README).

use std::str::FromStr;
use std::time::Duration;

use app::db::Db;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use crate::config::DatabaseLocation;
use crate::startup::StartupError;

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/postgres");

/// How long a tool (migrations, the bench, the tests' own connections) waits for a connection, and
/// for SQLite's write lock.
const TOOL_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a request may wait on the database before it is answered "try again in a few minutes"
/// (503) instead of waiting on (`SPORTELLO_DB_ACQUIRE_SECONDS`, `SPORTELLO_DB_STATEMENT_SECONDS`):
/// for a free connection of the pool, and for one statement. On PostgreSQL the statement's limit is
/// its `statement_timeout` (a query stuck behind a lock, or a slow plan, is cancelled); on SQLite
/// it is the wait for the write lock, the one thing a statement there waits for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timeouts {
    pub acquire: Duration,
    pub statement: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            acquire: Duration::from_secs(5),
            statement: Duration::from_secs(10),
        }
    }
}

fn sqlite_options(url: &str) -> Result<SqliteConnectOptions, StartupError> {
    let options = SqliteConnectOptions::from_str(url).map_err(|e| StartupError::DatabaseUrl(e.to_string()))?;
    // WAL lets readers go on while one writer writes; foreign keys are off in SQLite unless asked;
    // the busy timeout makes a writer wait for the lock instead of failing at once.
    Ok(options
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(TOOL_TIMEOUT))
}

pub(crate) fn sqlite_file(url: &str) -> Option<std::path::PathBuf> {
    let path = url.trim_start_matches("sqlite://").trim_start_matches("sqlite:");
    let path = path.split('?').next().unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then(|| std::path::PathBuf::from(path))
}

/// Connections each server keeps to its database.
pub const POOL_SIZE: u32 = 10;

/// Opens the pool the server's requests and jobs use, with their `timeouts`.
pub async fn connect_serving(location: &DatabaseLocation, timeouts: Timeouts) -> Result<Db, StartupError> {
    open(location, POOL_SIZE, Some(timeouts)).await
}

/// Opens a pool for a tool: migrations, the bench's fill, a test's own look at the database; no
/// limit on how long a statement runs (a migration may take long on a large database).
pub async fn connect(location: &DatabaseLocation, max_connections: u32) -> Result<Db, StartupError> {
    open(location, max_connections, None).await
}

/// Opens a pool on the database; for SQLite, creates the file (and its folder) if missing.
async fn open(
    location: &DatabaseLocation,
    max_connections: u32,
    timeouts: Option<Timeouts>,
) -> Result<Db, StartupError> {
    let acquire = timeouts.map_or(TOOL_TIMEOUT, |timeouts| timeouts.acquire);
    match location {
        DatabaseLocation::Sqlite { url } => {
            if let Some(parent) = sqlite_file(url).as_deref().and_then(std::path::Path::parent) {
                if !parent.as_os_str().is_empty() {
                    std::fs::create_dir_all(parent)
                        .map_err(|e| StartupError::DataDir(parent.display().to_string(), e))?;
                }
            }
            let mut options = sqlite_options(url)?;
            if let Some(timeouts) = timeouts {
                options = options.busy_timeout(timeouts.statement);
            }
            let pool = SqlitePoolOptions::new()
                .max_connections(max_connections)
                .acquire_timeout(acquire)
                .connect_with(options)
                .await
                .map_err(|e| StartupError::DatabaseUnreachable(e.to_string()))?;
            Ok(Db::Sqlite(pool))
        }
        DatabaseLocation::Postgres { url } => {
            let mut options = PgConnectOptions::from_str(url).map_err(|e| StartupError::DatabaseUrl(e.to_string()))?;
            if let Some(timeouts) = timeouts {
                let limit = format!("{}ms", timeouts.statement.as_millis());
                options = options.options([("statement_timeout", limit)]);
            }
            let pool = PgPoolOptions::new()
                .max_connections(max_connections)
                .acquire_timeout(acquire)
                .connect_with(options)
                .await
                .map_err(|e| StartupError::DatabaseUnreachable(e.to_string()))?;
            Ok(Db::Postgres(pool))
        }
    }
}

/// Runs the pending migrations through `owner` (or through the application's own pool).
pub async fn migrate(app_db: &Db, owner: Option<&DatabaseLocation>) -> Result<(), StartupError> {
    let owner_db = match owner {
        Some(location) => Some(connect(location, 1).await?),
        None => None,
    };
    let db = owner_db.as_ref().unwrap_or(app_db);
    let result = match db {
        Db::Sqlite(pool) => SQLITE_MIGRATIONS.run(pool).await,
        Db::Postgres(pool) => POSTGRES_MIGRATIONS.run(pool).await,
    };
    if let Some(owner_db) = owner_db {
        owner_db.close().await;
    }
    result.map_err(|e| StartupError::Migration(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every schema change is written for both dialects, under the same version and name.
    #[test]
    fn both_dialects_have_the_same_migrations() {
        let names = |migrator: &sqlx::migrate::Migrator| {
            migrator
                .iter()
                .map(|m| (m.version, m.description.to_string()))
                .collect::<Vec<_>>()
        };
        assert!(SQLITE_MIGRATIONS.iter().next().is_some());
        assert_eq!(names(&SQLITE_MIGRATIONS), names(&POSTGRES_MIGRATIONS));
    }

    #[test]
    fn finds_the_file_of_an_sqlite_url() {
        assert_eq!(sqlite_file("sqlite://data/x.db?mode=rwc"), Some("data/x.db".into()));
        assert_eq!(sqlite_file("sqlite::memory:"), None);
    }
}
