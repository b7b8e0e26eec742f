//! The database handle: SQLite or PostgreSQL, chosen at run time by `DATABASE_URL`.
//!
//! We keep the concrete pools (sqlx's `Any` driver has no chrono types, and the session store needs
//! the concrete pool) behind one enum. Queries are written once, with `$1` placeholders that both
//! dialects accept, and run on either pool through [`on_db!`]; where the dialects really differ the
//! two texts stand side by side through [`Backend::pick`].

use sqlx::{PgPool, SqlitePool};

/// Which database engine the application talks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The name used in `/health` and in logs.
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }

    /// Chooses between two SQL texts that say the same thing in each dialect.
    pub fn pick(self, sqlite: &'static str, postgres: &'static str) -> &'static str {
        match self {
            Backend::Sqlite => sqlite,
            Backend::Postgres => postgres,
        }
    }
}

/// A connection pool to the application's database.
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Runs the same code on whichever pool `db` holds: `on_db!(db, pool => query.fetch_all(pool).await)`.
///
/// The body is compiled twice, once per driver, so a query that binds a type one driver cannot
/// encode fails to compile instead of failing at run time.
#[macro_export]
macro_rules! on_db {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::db::Db::Sqlite($pool) => $body,
            $crate::db::Db::Postgres($pool) => $body,
        }
    };
}

impl Db {
    pub fn backend(&self) -> Backend {
        match self {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    /// The statement that opens a transaction that will write, for `pool.begin_with(…)`. On SQLite,
    /// `BEGIN IMMEDIATE` takes the write lock at once: a deferred transaction that read first would
    /// fail with "database is locked" when it came to write while another one was writing. On
    /// PostgreSQL a plain `BEGIN`: its row locks and constraints do the rest.
    pub fn begin_writing(&self) -> &'static str {
        self.backend().pick("BEGIN IMMEDIATE", "BEGIN")
    }

    /// Answers whether the database is reachable now.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        on_db!(self, pool => sqlx::query("SELECT 1").execute(pool).await.map(|_| ()))
    }

    /// Closes every connection; later queries fail with `PoolClosed`.
    pub async fn close(&self) {
        on_db!(self, pool => pool.close().await)
    }
}
