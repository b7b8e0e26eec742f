//! Structured logs: human-readable lines by default, JSON with `SPORTELLO_LOG_FORMAT=json`;
//! `RUST_LOG` chooses what is logged (default: info).

use std::io::IsTerminal;

use tracing_subscriber::{fmt, EnvFilter};

use crate::config::LogFormat;

pub fn init(format: LogFormat) {
    init_with_writer(format, std::io::stdout);
}

/// The same, with the lines written where `writer` says (the tests read what the server logs).
pub fn init_with_writer<W>(format: LogFormat, writer: W)
where
    W: for<'writer> fmt::MakeWriter<'writer> + Send + Sync + 'static,
{
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    // Colours only for a person at a terminal, never in files or journald.
    let builder = fmt()
        .with_env_filter(filter)
        .with_target(true)
        .with_ansi(std::io::stdout().is_terminal())
        .with_writer(writer);
    // `try_init`: a second call (several servers in one test process) keeps the first subscriber.
    let _ = match format {
        LogFormat::Text => builder.compact().try_init(),
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
    };
}
