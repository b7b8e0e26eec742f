//! `server`: serves the Sportello portal. Configuration comes from the environment (see README).
//! `server backup DEST` and `server restore SRC` copy the database and its documents out and back
//! (`backup.rs`, `docs/operations.md`); `server rotate-data-key` seals the secrets at rest again with
//! the current data key (`keys.rs`).

use std::process::ExitCode;

use server::config::{ProcessEnv, Settings};
use server::{telemetry, Application};

fn main() -> ExitCode {
    server::memory::give_back_large_blocks();
    let settings = match Settings::from_env(&ProcessEnv) {
        Ok(settings) => {
            let demo = std::env::args().skip(1).any(|argument| argument == "--demo");
            Settings {
                demo,
                demo_day: demo,
                ..settings
            }
        }
        Err(error) => {
            eprintln!("Sportello cannot start: {error}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(settings.log_format);
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("Sportello cannot start: no async runtime ({error}).");
            return ExitCode::FAILURE;
        }
    };
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    match arguments.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["backup", dest] => return runtime.block_on(backup(&settings, dest)),
        ["restore", src] => return runtime.block_on(restore(&settings, src)),
        ["rotate-data-key"] => return runtime.block_on(rotate_data_key(&settings)),
        ["backup" | "restore" | "rotate-data-key", ..] => {
            eprintln!(
                "Usage: server backup DEST (a new folder) | server restore SRC (a backup's folder) | server rotate-data-key"
            );
            return ExitCode::from(2);
        }
        _ => {}
    }
    runtime.block_on(async {
        let backend = match &settings.database {
            server::config::DatabaseLocation::Sqlite { .. } => "SQLite",
            server::config::DatabaseLocation::Postgres { .. } => "PostgreSQL",
        };
        let application = match Application::build(settings).await {
            Ok(application) => application,
            Err(error) => {
                tracing::error!("{error}");
                eprintln!("Sportello cannot start: {error}");
                return ExitCode::FAILURE;
            }
        };
        let address = application.local_addr();
        tracing::info!("Sportello is serving at http://{address} (database: {backend})");
        match application.run_until_stopped().await {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("Sportello stopped: {error}");
                ExitCode::FAILURE
            }
        }
    })
}

async fn backup(settings: &Settings, dest: &str) -> ExitCode {
    match server::backup::backup(settings, std::path::Path::new(dest)).await {
        Ok(manifest) => {
            println!(
                "Backup written to {dest}: {} database at schema version {}, {} rows, {} files (see manifest.json).",
                manifest.database,
                manifest.schema_version,
                manifest.rows.values().sum::<i64>(),
                manifest.files.len()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("Backup not taken: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn restore(settings: &Settings, src: &str) -> ExitCode {
    match server::backup::restore(settings, std::path::Path::new(src)).await {
        Ok(restored) => {
            println!(
                "Restored from {src} (taken at {}): schema version {}, every table's rows, every document and \
                 the audit trail's {} rows verified.",
                restored.manifest.taken_at, restored.manifest.schema_version, restored.audit_rows
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("Not restored: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn rotate_data_key(settings: &Settings) -> ExitCode {
    match server::keys::rotate_data_key(settings).await {
        Ok(rotated) => {
            println!(
                "Sealed again with the current data key: {} second-factor secrets, {} case documents. \
                 The retired keys can now be removed from SPORTELLO_DATA_KEYS_RETIRED.",
                rotated.secrets, rotated.documents
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("The data key rotation stopped: {error}. What was sealed again stays so; run it again.");
            ExitCode::FAILURE
        }
    }
}
