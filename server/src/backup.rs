//! `server backup DEST` and `server restore SRC`: a copy of the database and of the case documents
//! taken while the server keeps working, and its restoration into an empty database, checked.
//!
//! A backup is a folder: the database (`database.sqlite`, a consistent copy made by SQLite's
//! `VACUUM INTO`; or `database.pgdump`, PostgreSQL's `pg_dump` in its custom format), the documents
//! its rows name (`documents/`), and `manifest.json`: when, the schema's version, the rows of each
//! table, and the SHA-256 of every file. On PostgreSQL the counts, the documents' list and the dump
//! all read one snapshot (`pg_export_snapshot`), so they agree whatever the server writes meanwhile.
//! The audit key and the checkpoint are not in it: they are kept apart, so that whoever holds a
//! backup cannot rewrite the trail unnoticed (`docs/operations.md`).
//!
//! `restore` refuses a backup whose files do not match its manifest, restores only into an empty
//! database, then verifies: the schema's version, every table's rows, every document against the
//! hash its row recorded, and the audit chain end to end.

use std::collections::BTreeMap;
use std::path::Path;

use app::audit::AuditKey;
use app::db::Db;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::config::{DatabaseLocation, Settings};
use crate::database;

const MANIFEST: &str = "manifest.json";
const SQLITE_COPY: &str = "database.sqlite";
const POSTGRES_DUMP: &str = "database.pgdump";
const DOCUMENTS: &str = "documents";

/// What a backup holds, written beside it.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Manifest {
    pub taken_at: DateTime<Utc>,
    pub sportello_version: String,
    /// `sqlite` or `postgres`: a backup restores into the same kind of database.
    pub database: String,
    /// The newest migration applied.
    pub schema_version: i64,
    /// The rows of each table.
    pub rows: BTreeMap<String, i64>,
    /// Every file of the backup but the manifest (paths relative to it), with its SHA-256.
    pub files: BTreeMap<String, String>,
}

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0}")]
    Refused(String),
    #[error("{what}: {cause}")]
    Failed { what: String, cause: String },
}

fn failed(what: impl Into<String>) -> impl FnOnce(&dyn std::fmt::Display) -> BackupError {
    let what = what.into();
    move |cause| BackupError::Failed {
        what,
        cause: cause.to_string(),
    }
}

/// What `restore` found once done.
#[derive(Debug)]
pub struct Restored {
    pub manifest: Manifest,
    pub audit_rows: i64,
}

/// Takes a backup of the database `settings` name, and of its documents, into the new folder `dest`.
pub async fn backup(settings: &Settings, dest: &Path) -> Result<Manifest, BackupError> {
    if dest.exists()
        && std::fs::read_dir(dest)
            .map_err(|e| failed("cannot read the destination")(&e))?
            .next()
            .is_some()
    {
        return Err(BackupError::Refused(format!(
            "{} is not empty: a backup goes into a new folder.",
            dest.display()
        )));
    }
    std::fs::create_dir_all(dest.join(DOCUMENTS)).map_err(|e| failed("cannot create the destination")(&e))?;
    let location = settings.database_owner.as_ref().unwrap_or(&settings.database);
    let (kind, snapshot) = match location {
        DatabaseLocation::Sqlite { .. } => {
            let db = database::connect(location, 1)
                .await
                .map_err(|e| failed("cannot open the database")(&e))?;
            let copy = dest.join(SQLITE_COPY);
            app::on_db!(&db, pool => sqlx::query("VACUUM INTO $1").bind(copy.display().to_string()).execute(pool).await.map(|_| ()))
                .map_err(|e| failed("cannot copy the database")(&e))?;
            db.close().await;
            let copy_db = open_sqlite_read_only(&copy).await?;
            let snapshot = read_snapshot(&copy_db).await?;
            copy_db.close().await;
            ("sqlite", snapshot)
        }
        DatabaseLocation::Postgres { url } => ("postgres", dump_postgres(url, &dest.join(POSTGRES_DUMP)).await?),
    };
    for key in &snapshot.document_keys {
        let from = settings.documents.dir.join(key);
        std::fs::copy(&from, dest.join(DOCUMENTS).join(key))
            .map_err(|e| failed(format!("cannot copy the document file {}", from.display()))(&e))?;
    }
    let mut files = BTreeMap::new();
    let database_file = if kind == "sqlite" { SQLITE_COPY } else { POSTGRES_DUMP };
    files.insert(database_file.to_owned(), sha256_of(&dest.join(database_file))?);
    for key in &snapshot.document_keys {
        let name = format!("{DOCUMENTS}/{key}");
        files.insert(name.clone(), sha256_of(&dest.join(&name))?);
    }
    let manifest = Manifest {
        taken_at: Utc::now(),
        sportello_version: env!("CARGO_PKG_VERSION").to_owned(),
        database: kind.to_owned(),
        schema_version: snapshot.schema_version,
        rows: snapshot.rows,
        files,
    };
    let text = serde_json::to_string_pretty(&manifest).map_err(|e| failed("cannot write the manifest")(&e))?;
    std::fs::write(dest.join(MANIFEST), text).map_err(|e| failed("cannot write the manifest")(&e))?;
    Ok(manifest)
}

/// Restores the backup in `src` into the empty database `settings` name, and its documents into
/// the documents folder; then checks what was restored.
pub async fn restore(settings: &Settings, src: &Path) -> Result<Restored, BackupError> {
    let text = std::fs::read_to_string(src.join(MANIFEST))
        .map_err(|e| BackupError::Refused(format!("{} has no readable manifest.json ({e}).", src.display())))?;
    let manifest: Manifest = serde_json::from_str(&text)
        .map_err(|e| BackupError::Refused(format!("manifest.json cannot be read ({e}).")))?;
    for (name, expected) in &manifest.files {
        let found = sha256_of(&src.join(name))
            .map_err(|_| BackupError::Refused(format!("The backup does not match its manifest: {name} is missing.")))?;
        if &found != expected {
            return Err(BackupError::Refused(format!(
                "The backup does not match its manifest: {name} has changed since it was taken."
            )));
        }
    }
    let location = settings.database_owner.as_ref().unwrap_or(&settings.database);
    let kind = match location {
        DatabaseLocation::Sqlite { .. } => "sqlite",
        DatabaseLocation::Postgres { .. } => "postgres",
    };
    if kind != manifest.database {
        return Err(BackupError::Refused(format!(
            "This backup is of a {} database; DATABASE_URL names a {kind} one.",
            manifest.database
        )));
    }
    match location {
        DatabaseLocation::Sqlite { url } => {
            let target = database::sqlite_file(url)
                .ok_or_else(|| BackupError::Refused("DATABASE_URL names no SQLite file to restore into.".into()))?;
            if target.metadata().is_ok_and(|m| m.len() > 0) {
                return Err(BackupError::Refused(format!(
                    "{} already exists: a backup is restored into an empty database.",
                    target.display()
                )));
            }
            if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent).map_err(|e| failed("cannot create the database's folder")(&e))?;
            }
            std::fs::copy(src.join(SQLITE_COPY), &target).map_err(|e| failed("cannot copy the database")(&e))?;
        }
        DatabaseLocation::Postgres { url } => {
            let db = database::connect(location, 1)
                .await
                .map_err(|e| failed("cannot open the database")(&e))?;
            let tables = table_names(&db).await?;
            db.close().await;
            if !tables.is_empty() {
                return Err(BackupError::Refused(
                    "The database already has tables: a backup is restored into an empty database.".into(),
                ));
            }
            // Owned by whoever restores (the owner connection); the grants to the application's role
            // are restored as they were, so that role must exist on the new server too.
            run(postgres_tool("pg_restore", url)?
                .args(["--no-owner", "--exit-on-error", "--single-transaction"])
                .arg(src.join(POSTGRES_DUMP)))
            .await?;
        }
    }
    std::fs::create_dir_all(&settings.documents.dir).map_err(|e| failed("cannot create the documents folder")(&e))?;
    for name in manifest
        .files
        .keys()
        .filter_map(|name| name.strip_prefix(&format!("{DOCUMENTS}/")))
    {
        let target = settings.documents.dir.join(name);
        if !target.exists() {
            std::fs::copy(src.join(DOCUMENTS).join(name), &target)
                .map_err(|e| failed("cannot restore a document")(&e))?;
        }
    }

    // What was restored is what was backed up.
    let db = database::connect(location, 1)
        .await
        .map_err(|e| failed("cannot open the restored database")(&e))?;
    let snapshot = read_snapshot(&db).await?;
    if snapshot.schema_version != manifest.schema_version || snapshot.rows != manifest.rows {
        return Err(BackupError::Refused(
            "The restored database does not hold what the manifest lists (schema version or rows).".into(),
        ));
    }
    let recorded: Vec<(String, String)> = app::on_db!(&db, pool => sqlx::query_as("SELECT storage_key, sha256 FROM case_documents").fetch_all(pool).await)
        .map_err(|e| failed("cannot read the documents' rows")(&e))?;
    // Documents are sealed with the data key: the restore opens each with this server's keys, so
    // a backup restored where its key is missing fails here, not at a social worker's download.
    let data_keys = crate::keys::data(
        settings.data_key.as_ref(),
        &settings.data_keys_retired,
        &settings.data_dir,
    )
    .map_err(|e| failed("cannot read the data key")(&e))?;
    for (key, sha256) in recorded {
        let path = settings.documents.dir.join(&key);
        let stored = std::fs::read(&path).map_err(|e| failed(format!("cannot read {}", path.display()))(&e))?;
        let opened = app::files::opened(&data_keys, &key, stored).map_err(|e| {
            BackupError::Refused(format!(
                "The restored document {key} does not open with this server's data key ({e}): was the backup \
                 taken with another SPORTELLO_DATA_KEY?"
            ))
        })?;
        let found = hex::encode(Sha256::digest(&opened));
        if found != sha256 {
            return Err(BackupError::Refused(format!(
                "The restored document {key} does not match the hash its row recorded."
            )));
        }
    }
    let key = crate::keys::audit(settings.audit_key.as_deref(), &settings.data_dir)
        .map_err(|e| failed("cannot read the audit key")(&e))?;
    let audit_rows = verify_trail(&db, &key).await?;
    db.close().await;
    Ok(Restored { manifest, audit_rows })
}

/// Checks the audit chain from its first row to its last; answers how many rows it holds.
async fn verify_trail(db: &Db, key: &AuditKey) -> Result<i64, BackupError> {
    let report = app::audit::verify::verify(db, key, None)
        .await
        .map_err(|e| failed("cannot read the audit trail")(&e))?;
    if !report.is_intact() {
        return Err(BackupError::Refused(format!(
            "The restored audit trail does not verify with this audit key ({} problems): was the backup taken \
             with another SPORTELLO_AUDIT_KEY, or altered?",
            report.problems.len()
        )));
    }
    app::on_db!(db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM audit_log").fetch_one(pool).await)
        .map_err(|e| failed("cannot count the audit trail")(&e))
}

/// What a backup records of the database, read from one consistent view of it.
struct Snapshot {
    schema_version: i64,
    rows: BTreeMap<String, i64>,
    document_keys: Vec<String>,
}

async fn read_snapshot(db: &Db) -> Result<Snapshot, BackupError> {
    let tables = table_names(db).await?;
    let mut rows = BTreeMap::new();
    for table in tables {
        // The names come from the database's own catalogue, not from a person.
        let count: i64 = app::on_db!(db, pool => sqlx::query_scalar(&format!("SELECT COUNT(*) FROM \"{table}\"")).fetch_one(pool).await)
            .map_err(|e| failed(format!("cannot count the rows of {table}"))(&e))?;
        rows.insert(table, count);
    }
    let schema_version: i64 = app::on_db!(db, pool => sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) FROM _sqlx_migrations WHERE success").fetch_one(pool).await)
        .map_err(|e| failed("cannot read the schema's version")(&e))?;
    let document_keys: Vec<String> = app::on_db!(db, pool => sqlx::query_scalar("SELECT storage_key FROM case_documents ORDER BY id").fetch_all(pool).await)
        .map_err(|e| failed("cannot list the documents")(&e))?;
    Ok(Snapshot {
        schema_version,
        rows,
        document_keys,
    })
}

/// The application's tables (the migrations' own bookkeeping aside).
async fn table_names(db: &Db) -> Result<Vec<String>, BackupError> {
    let list = db.backend().pick(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations' ORDER BY name",
        "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_sqlx_migrations' ORDER BY 1",
    );
    app::on_db!(db, pool => sqlx::query_scalar(list).fetch_all(pool).await)
        .map_err(|e| failed("cannot list the tables")(&e))
}

async fn open_sqlite_read_only(path: &Path) -> Result<Db, BackupError> {
    let options = sqlx::sqlite::SqliteConnectOptions::new().filename(path).read_only(true);
    let pool = sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .map_err(|e| failed("cannot open the copy")(&e))?;
    Ok(Db::Sqlite(pool))
}

/// Dumps the PostgreSQL database at `url` into `file` from a snapshot that the counts and the
/// documents' list read too, while the server goes on writing.
async fn dump_postgres(url: &str, file: &Path) -> Result<Snapshot, BackupError> {
    use sqlx::Connection;
    let mut connection = sqlx::PgConnection::connect(url)
        .await
        .map_err(|e| failed("cannot open the database")(&e))?;
    sqlx::query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        .execute(&mut connection)
        .await
        .map_err(|e| failed("cannot begin the snapshot")(&e))?;
    let snapshot_id: String = sqlx::query_scalar("SELECT pg_export_snapshot()")
        .fetch_one(&mut connection)
        .await
        .map_err(|e| failed("cannot export the snapshot")(&e))?;
    // The snapshot's view, through a pool of this one connection.
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_sqlx_migrations' ORDER BY 1",
    )
    .fetch_all(&mut connection)
    .await
    .map_err(|e| failed("cannot list the tables")(&e))?;
    let mut rows = BTreeMap::new();
    for table in tables {
        let count: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM \"{table}\""))
            .fetch_one(&mut connection)
            .await
            .map_err(|e| failed(format!("cannot count the rows of {table}"))(&e))?;
        rows.insert(table, count);
    }
    let schema_version: i64 =
        sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) FROM _sqlx_migrations WHERE success")
            .fetch_one(&mut connection)
            .await
            .map_err(|e| failed("cannot read the schema's version")(&e))?;
    let document_keys: Vec<String> = sqlx::query_scalar("SELECT storage_key FROM case_documents ORDER BY id")
        .fetch_all(&mut connection)
        .await
        .map_err(|e| failed("cannot list the documents")(&e))?;
    run(postgres_tool("pg_dump", url)?
        .arg("--format=custom")
        .arg(format!("--snapshot={snapshot_id}"))
        .arg("--file")
        .arg(file))
    .await?;
    sqlx::query("COMMIT")
        .execute(&mut connection)
        .await
        .map_err(|e| failed("cannot end the snapshot")(&e))?;
    Ok(Snapshot {
        schema_version,
        rows,
        document_keys,
    })
}

/// Runs one of PostgreSQL's tools; its error output becomes the error's cause.
/// One of PostgreSQL's tools, on the database at `url`: the address without its password on the
/// command line (which every user of the machine can read with `ps`), the password in the tool's
/// environment (`PGPASSWORD`), which only the same user can read.
fn postgres_tool(program: &str, url: &str) -> Result<tokio::process::Command, BackupError> {
    let (address, password) = split_password(url).ok_or_else(|| BackupError::Failed {
        what: "the database's address".into(),
        cause: "DATABASE_URL (or DATABASE_OWNER_URL) is not a postgres:// address".into(),
    })?;
    let mut command = tokio::process::Command::new(program);
    command.arg("--dbname").arg(address);
    if let Some(password) = password {
        command.env("PGPASSWORD", password);
    }
    Ok(command)
}

/// `url` without its password, and the password (decoded).
fn split_password(url: &str) -> Option<(String, Option<String>)> {
    let mut parsed = url::Url::parse(url).ok()?;
    let password = parsed.password().map(|encoded| {
        percent_encoding::percent_decode_str(encoded)
            .decode_utf8_lossy()
            .into_owned()
    });
    parsed.set_password(None).ok()?;
    Some((parsed.to_string(), password))
}

async fn run(command: &mut tokio::process::Command) -> Result<(), BackupError> {
    let program = command.as_std().get_program().to_string_lossy().into_owned();
    let output = command
        .output()
        .await
        .map_err(|e| failed(format!("cannot run {program} (is PostgreSQL's client installed?)"))(&e))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(BackupError::Failed {
            what: format!("{program} failed"),
            cause: String::from_utf8_lossy(&output.stderr).trim().to_owned(),
        })
    }
}

fn sha256_of(path: &Path) -> Result<String, BackupError> {
    let mut file = std::fs::File::open(path).map_err(|e| failed(format!("cannot read {}", path.display()))(&e))?;
    let mut hasher = Sha256::new();
    std::io::copy(&mut file, &mut hasher).map_err(|e| failed(format!("cannot read {}", path.display()))(&e))?;
    Ok(hex::encode(hasher.finalize()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_leaves_the_address_for_the_environment() {
        assert_eq!(
            split_password("postgres://sportello:p%40ss%3Aw0rd@db.example:5433/sportello?sslmode=require"),
            Some((
                "postgres://sportello@db.example:5433/sportello?sslmode=require".to_owned(),
                Some("p@ss:w0rd".to_owned())
            ))
        );
        assert_eq!(
            split_password("postgres://postgres@127.0.0.1:5432/postgres"),
            Some(("postgres://postgres@127.0.0.1:5432/postgres".to_owned(), None))
        );
        assert_eq!(split_password("not an address"), None);
    }
}
