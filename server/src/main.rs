//! `server`: serves the Sportello portal. Configuration comes from the environment (see README).

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
