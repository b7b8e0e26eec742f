//! Configuration, read from the environment with safe defaults. Every variable is documented in
//! the README ("Configuration"); a wrong value stops the server with one sentence saying which.

use std::net::SocketAddr;
use std::path::PathBuf;

/// Where the application's data lives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DatabaseLocation {
    /// An SQLite file (created on first start).
    Sqlite { url: String },
    /// A PostgreSQL server.
    Postgres { url: String },
}

impl DatabaseLocation {
    /// Reads a `DATABASE_URL`-style value; `None` means the default SQLite file under `data_dir`.
    pub fn parse(url: Option<&str>, data_dir: &std::path::Path) -> Result<Self, ConfigError> {
        match url.map(str::trim).filter(|u| !u.is_empty()) {
            None => Ok(Self::Sqlite {
                url: format!("sqlite://{}", data_dir.join("sportello.db").display()),
            }),
            Some(url) if url.starts_with("sqlite:") => Ok(Self::Sqlite { url: url.to_owned() }),
            Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
                Ok(Self::Postgres { url: url.to_owned() })
            }
            Some(url) => Err(ConfigError::UnknownDatabaseScheme {
                scheme: url.split(':').next().unwrap_or_default().chars().take(20).collect(),
            }),
        }
    }
}

/// Where outgoing email goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MailTransport {
    /// An SMTP server, e.g. `smtps://user:password@mail.example.it:465` or `smtp://localhost:2525`.
    Smtp { url: String },
    /// No mail server: each message is written as an `.eml` file in this folder, to be read locally.
    Folder { path: PathBuf },
}

#[derive(Clone, Debug)]
pub struct Settings {
    pub listen: SocketAddr,
    pub data_dir: PathBuf,
    pub database: DatabaseLocation,
    /// The connection that runs migrations; the application's own when unset.
    pub database_owner: Option<DatabaseLocation>,
    /// How long a request waits for a connection and for a statement before it is answered 503.
    pub database_timeouts: crate::database::Timeouts,
    /// How long a stop (SIGTERM, Ctrl-C) waits for the requests in flight and the email being
    /// sent (`SPORTELLO_SHUTDOWN_SECONDS`, default 20).
    pub shutdown_within: std::time::Duration,
    pub public_url: String,
    /// When set, the organisation's name shown on the pages (stored in the database at start).
    pub organisation_name: Option<String>,
    pub mail: MailTransport,
    pub mail_from: String,
    /// The first-start seed (TOML); the built-in one when unset.
    pub seed_file: Option<PathBuf>,
    /// Where the built CSS, JS and WASM are served from.
    pub site_root: PathBuf,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// How long a request's body may stop arriving before it is given up with 408
    /// (`SPORTELLO_BODY_IDLE_SECONDS`, default 30).
    pub body_idle: std::time::Duration,
    pub log_format: LogFormat,
    pub booking: app::state::BookingSettings,
    /// Forms one client address may send: bookings and sign-ins per minute, assistance requests
    /// and page ratings per hour (`abuse.rs`).
    pub submission_limits: crate::abuse::Limits,
    /// Proxies whose `X-Forwarded-For` names the client (`SPORTELLO_TRUSTED_PROXIES`).
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// The audit trail's secret key, hex (`SPORTELLO_AUDIT_KEY`); when unset, one is made at the
    /// first start and kept in `audit.key` in the data folder.
    pub audit_key: Option<Vec<u8>>,
    /// Where the audit chain's checkpoint is kept (`SPORTELLO_AUDIT_CHECKPOINT`).
    pub audit_checkpoint: PathBuf,
    /// Where the Prometheus metrics are served (`SPORTELLO_METRICS_LISTEN`, e.g. `127.0.0.1:9464`);
    /// unset, they are not. Never the public address: it is a listener of its own.
    pub metrics_listen: Option<SocketAddr>,
    /// The key that seals second-factor secrets and case documents, hex (`SPORTELLO_DATA_KEY`);
    /// when unset, one is made at the first start and kept in `data.key` in the data folder.
    pub data_key: Option<[u8; 32]>,
    /// Keys that sealed before the current one, still used to open until `server rotate-data-key`
    /// has sealed everything again (`SPORTELLO_DATA_KEYS_RETIRED`, hex, separated by commas).
    pub data_keys_retired: Vec<[u8; 32]>,
    /// How often the trail written since the checkpoint is verified and the checkpoint moved on
    /// (`SPORTELLO_AUDIT_CHECK_SECONDS`, default 300).
    pub audit_check_every: std::time::Duration,
    pub escalation: app::state::EscalationSettings,
    pub documents: app::state::DocumentSettings,
    /// The sizes of the static pages of the benchmark's ceiling (`SPORTELLO_BENCH_CEILING`, bytes
    /// separated by commas; `scripts/bench` sets it). Empty: no ceiling.
    pub bench_ceiling: Vec<usize>,
    /// The first administrator's password (`SPORTELLO_ADMIN_PASSWORD`); a random one, printed
    /// once to the log, when unset.
    pub admin_password: Option<String>,
    /// Add the demonstration accounts (the `--demo` flag, never from the environment).
    pub demo: bool,
    /// The identity providers of the families' area and the portal's key for them
    /// (`SPORTELLO_IDENTITY_PROVIDERS`, a TOML file; `SPORTELLO_IDENTITY_KEY`, a PEM file).
    pub identity: crate::identity::IdentitySettings,
    /// With the accounts, a working day done by them (`--demo` too): bookings, requests in the
    /// queues, cases with notes, eight weeks of history. The tests take the accounts alone.
    pub demo_day: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error("DATABASE_URL must start with sqlite: or postgres:// (it starts with \"{scheme}:\").")]
    UnknownDatabaseScheme { scheme: String },
    #[error("{name} is not a valid value for its setting: {reason}.")]
    Invalid { name: &'static str, reason: String },
}

/// The environment as a lookup function, so tests can pass their own.
pub trait Env {
    fn get(&self, name: &str) -> Option<String>;
}

/// The process environment.
pub struct ProcessEnv;

impl Env for ProcessEnv {
    fn get(&self, name: &str) -> Option<String> {
        std::env::var(name).ok().filter(|v| !v.trim().is_empty())
    }
}

impl<const N: usize> Env for [(&str, &str); N] {
    fn get(&self, name: &str) -> Option<String> {
        self.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned())
    }
}

impl Settings {
    pub fn from_env(env: &impl Env) -> Result<Self, ConfigError> {
        let listen_raw = env
            .get("SPORTELLO_LISTEN")
            .or_else(|| env.get("LEPTOS_SITE_ADDR"))
            .unwrap_or_else(|| "127.0.0.1:3000".to_owned());
        let listen: SocketAddr = listen_raw.parse().map_err(|_| ConfigError::Invalid {
            name: "SPORTELLO_LISTEN",
            reason: format!("\"{listen_raw}\" is not an address and port such as 127.0.0.1:3000"),
        })?;
        let metrics_listen = env
            .get("SPORTELLO_METRICS_LISTEN")
            .map(|raw| {
                raw.parse::<SocketAddr>().map_err(|_| ConfigError::Invalid {
                    name: "SPORTELLO_METRICS_LISTEN",
                    reason: format!("\"{raw}\" is not an address and port such as 127.0.0.1:9464"),
                })
            })
            .transpose()?;
        if metrics_listen
            .is_some_and(|metrics| metrics == listen || (metrics.port() == listen.port() && metrics.port() != 0))
        {
            return Err(ConfigError::Invalid {
                name: "SPORTELLO_METRICS_LISTEN",
                reason: "the metrics need an address of their own, never the portal's public one".into(),
            });
        }
        let data_dir = PathBuf::from(env.get("SPORTELLO_DATA_DIR").unwrap_or_else(|| "data".to_owned()));
        let database = DatabaseLocation::parse(env.get("DATABASE_URL").as_deref(), &data_dir)?;
        let database_owner = env
            .get("DATABASE_OWNER_URL")
            .map(|url| DatabaseLocation::parse(Some(&url), &data_dir))
            .transpose()?;
        if let Some(owner) = &database_owner {
            if std::mem::discriminant(owner) != std::mem::discriminant(&database) {
                return Err(ConfigError::Invalid {
                    name: "DATABASE_OWNER_URL",
                    reason: "it must point to the same kind of database as DATABASE_URL".into(),
                });
            }
        }
        let public_url = env
            .get("SPORTELLO_PUBLIC_URL")
            .unwrap_or_else(|| format!("http://{listen}"))
            .trim_end_matches('/')
            .to_owned();
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(ConfigError::Invalid {
                name: "SPORTELLO_PUBLIC_URL",
                reason: "it must start with http:// or https://".into(),
            });
        }
        let mail = match env.get("SPORTELLO_SMTP_URL") {
            Some(url) if url.starts_with("smtp://") || url.starts_with("smtps://") => MailTransport::Smtp { url },
            Some(_) => {
                return Err(ConfigError::Invalid {
                    name: "SPORTELLO_SMTP_URL",
                    reason: "it must start with smtp:// or smtps://".into(),
                })
            }
            None => MailTransport::Folder {
                path: env
                    .get("SPORTELLO_MAIL_DIR")
                    .map(PathBuf::from)
                    .unwrap_or_else(|| data_dir.join("mail")),
            },
        };
        let max_body_bytes = match env.get("SPORTELLO_MAX_BODY_BYTES") {
            None => 256 * 1024,
            Some(raw) => raw.parse().map_err(|_| ConfigError::Invalid {
                name: "SPORTELLO_MAX_BODY_BYTES",
                reason: format!("\"{raw}\" is not a whole number of bytes"),
            })?,
        };
        let whole_number = |name: &'static str, default: u32| -> Result<u32, ConfigError> {
            match env.get(name) {
                None => Ok(default),
                Some(raw) => raw.trim().parse().map_err(|_| ConfigError::Invalid {
                    name,
                    reason: format!("\"{raw}\" is not a whole number"),
                }),
            }
        };
        // A wait of at least a second: zero would refuse every request.
        let seconds = |name: &'static str, default: std::time::Duration| -> Result<std::time::Duration, ConfigError> {
            let default = u32::try_from(default.as_secs()).unwrap_or(u32::MAX);
            Ok(std::time::Duration::from_secs(u64::from(
                whole_number(name, default)?.max(1),
            )))
        };
        let defaults_db = crate::database::Timeouts::default();
        let defaults = app::state::BookingSettings::default();
        let booking = app::state::BookingSettings {
            reminder_hours: whole_number("SPORTELLO_REMINDER_HOURS", defaults.reminder_hours)?,
            retention_days: whole_number("SPORTELLO_RETENTION_DAYS", defaults.retention_days)?,
            max_future_per_contact: whole_number(
                "SPORTELLO_MAX_BOOKINGS_PER_CONTACT",
                defaults.max_future_per_contact,
            )?,
        };
        let submission_limits = crate::abuse::Limits {
            bookings_per_minute: whole_number("SPORTELLO_BOOKING_RATE_PER_MINUTE", 20)?,
            sign_ins_per_minute: whole_number("SPORTELLO_SIGN_IN_RATE_PER_MINUTE", 10)?,
            assistance_per_hour: whole_number("SPORTELLO_ASSISTANCE_RATE_PER_HOUR", 10)?,
            ratings_per_hour: whole_number("SPORTELLO_RATING_RATE_PER_HOUR", 30)?,
        };
        let trusted_proxies = env
            .get("SPORTELLO_TRUSTED_PROXIES")
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|entry| !entry.is_empty())
            .map(|entry| {
                entry.parse().map_err(|_| ConfigError::Invalid {
                    name: "SPORTELLO_TRUSTED_PROXIES",
                    reason: format!("\"{entry}\" is not an IP address"),
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let log_format = match env.get("SPORTELLO_LOG_FORMAT").as_deref() {
            None | Some("text") => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some(other) => {
                return Err(ConfigError::Invalid {
                    name: "SPORTELLO_LOG_FORMAT",
                    reason: format!("\"{other}\" is neither text nor json"),
                })
            }
        };
        let audit_key = match env.get("SPORTELLO_AUDIT_KEY") {
            None => None,
            Some(hex_key) => match hex::decode(hex_key.trim()) {
                Ok(key) if key.len() >= 32 => Some(key),
                _ => {
                    return Err(ConfigError::Invalid {
                        name: "SPORTELLO_AUDIT_KEY",
                        reason: "it must be at least 32 bytes written in hexadecimal (64 characters)".into(),
                    })
                }
            },
        };
        let data_key = env
            .get("SPORTELLO_DATA_KEY")
            .map(|hex_key| parse_data_key("SPORTELLO_DATA_KEY", &hex_key))
            .transpose()?;
        let data_keys_retired = env
            .get("SPORTELLO_DATA_KEYS_RETIRED")
            .unwrap_or_default()
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|key| !key.is_empty())
            .map(|key| parse_data_key("SPORTELLO_DATA_KEYS_RETIRED", key))
            .collect::<Result<Vec<_>, _>>()?;
        let audit_checkpoint = env
            .get("SPORTELLO_AUDIT_CHECKPOINT")
            .map(PathBuf::from)
            .unwrap_or_else(|| data_dir.join("audit-checkpoint"));
        let admin_password = env.get("SPORTELLO_ADMIN_PASSWORD").filter(|p| !p.is_empty());
        if let Some(problem) = admin_password.as_deref().and_then(|password| {
            app::access::accounts::password_problem(password, app::staff::demo::FIRST_ADMIN_USERNAME)
        }) {
            return Err(ConfigError::Invalid {
                name: "SPORTELLO_ADMIN_PASSWORD",
                reason: problem.to_owned(),
            });
        }
        let identity = crate::identity::IdentitySettings {
            providers: match env.get("SPORTELLO_IDENTITY_PROVIDERS") {
                None => Vec::new(),
                Some(path) => crate::identity::read_providers(std::path::Path::new(&path)).map_err(|reason| {
                    ConfigError::Invalid {
                        name: "SPORTELLO_IDENTITY_PROVIDERS",
                        reason,
                    }
                })?,
            },
            key_file: env.get("SPORTELLO_IDENTITY_KEY").map(PathBuf::from),
        };
        Ok(Self {
            listen,
            identity,
            audit_key,
            audit_checkpoint,
            data_key,
            data_keys_retired,
            metrics_listen,
            escalation: app::state::EscalationSettings {
                urgent_wait_hours: whole_number(
                    "SPORTELLO_URGENT_WAIT_HOURS",
                    app::state::EscalationSettings::default().urgent_wait_hours,
                )?,
                deadline_warning_days: whole_number(
                    "SPORTELLO_DEADLINE_WARNING_DAYS",
                    app::state::EscalationSettings::default().deadline_warning_days,
                )?,
            },
            audit_check_every: std::time::Duration::from_secs(u64::from(
                whole_number("SPORTELLO_AUDIT_CHECK_SECONDS", 300)?.max(1),
            )),
            documents: app::state::DocumentSettings {
                dir: env
                    .get("SPORTELLO_DOCUMENTS_DIR")
                    .map(PathBuf::from)
                    .unwrap_or_else(|| data_dir.join("documents")),
                max_bytes: match env.get("SPORTELLO_DOCUMENT_MAX_BYTES") {
                    None => app::state::DocumentSettings::DEFAULT_MAX_BYTES,
                    Some(raw) => raw.trim().parse().map_err(|_| ConfigError::Invalid {
                        name: "SPORTELLO_DOCUMENT_MAX_BYTES",
                        reason: format!("\"{raw}\" is not a whole number of bytes"),
                    })?,
                },
            },
            bench_ceiling: env
                .get("SPORTELLO_BENCH_CEILING")
                .map(|sizes| sizes.split(',').filter_map(|size| size.trim().parse().ok()).collect())
                .unwrap_or_default(),
            admin_password,
            demo: false,
            demo_day: false,
            database_timeouts: crate::database::Timeouts {
                acquire: seconds("SPORTELLO_DB_ACQUIRE_SECONDS", defaults_db.acquire)?,
                statement: seconds("SPORTELLO_DB_STATEMENT_SECONDS", defaults_db.statement)?,
            },
            shutdown_within: seconds("SPORTELLO_SHUTDOWN_SECONDS", std::time::Duration::from_secs(20))?,
            body_idle: seconds("SPORTELLO_BODY_IDLE_SECONDS", crate::http::BodyLimits::DEFAULT_IDLE)?,
            database,
            database_owner,
            public_url,
            organisation_name: env.get("SPORTELLO_ORGANISATION_NAME").map(|n| n.trim().to_owned()),
            mail,
            mail_from: env
                .get("SPORTELLO_MAIL_FROM")
                .unwrap_or_else(|| "Sportello <sportello@localhost>".to_owned()),
            seed_file: env.get("SPORTELLO_SEED_FILE").map(PathBuf::from),
            site_root: env
                .get("LEPTOS_SITE_ROOT")
                .map(PathBuf::from)
                .unwrap_or_else(|| "target/site".into()),
            max_body_bytes,
            log_format,
            booking,
            submission_limits,
            trusted_proxies,
            data_dir,
        })
    }
}

/// A data key: 32 bytes written in hexadecimal.
fn parse_data_key(name: &'static str, hex_key: &str) -> Result<[u8; 32], ConfigError> {
    hex::decode(hex_key.trim())
        .ok()
        .and_then(|key| <[u8; 32]>::try_from(key).ok())
        .ok_or_else(|| ConfigError::Invalid {
            name,
            reason:
                "a data key is 32 bytes written in hexadecimal (64 characters; make one with `openssl rand -hex 32`)"
                    .into(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_a_local_trial_on_sqlite() {
        let settings = Settings::from_env(&[("UNRELATED", "x")]).unwrap();
        assert_eq!(settings.listen.to_string(), "127.0.0.1:3000");
        assert_eq!(
            settings.database,
            DatabaseLocation::Sqlite {
                url: "sqlite://data/sportello.db".into()
            }
        );
        assert_eq!(
            settings.mail,
            MailTransport::Folder {
                path: "data/mail".into()
            }
        );
        assert_eq!(settings.public_url, "http://127.0.0.1:3000");
    }

    #[test]
    fn postgres_is_chosen_by_the_url() {
        let settings = Settings::from_env(&[("DATABASE_URL", "postgres://app@db/sportello")]).unwrap();
        assert!(matches!(settings.database, DatabaseLocation::Postgres { .. }));
    }

    #[test]
    fn an_unknown_scheme_is_one_clear_sentence_without_the_secret() {
        let error = Settings::from_env(&[("DATABASE_URL", "mysql://root:secret@db/x")]).unwrap_err();
        let sentence = error.to_string();
        assert_eq!(
            sentence,
            "DATABASE_URL must start with sqlite: or postgres:// (it starts with \"mysql:\")."
        );
        assert!(!sentence.contains("secret"));
    }

    #[test]
    fn the_owner_connection_must_be_the_same_kind_of_database() {
        let error = Settings::from_env(&[
            ("DATABASE_URL", "postgres://a@db/x"),
            ("DATABASE_OWNER_URL", "sqlite://x.db"),
        ])
        .unwrap_err();
        assert!(error.to_string().starts_with("DATABASE_OWNER_URL"));
    }

    #[test]
    fn the_database_waits_are_whole_seconds_of_at_least_one() {
        let settings = Settings::from_env(&[("UNRELATED", "x")]).unwrap();
        assert_eq!(settings.database_timeouts, crate::database::Timeouts::default());
        let settings = Settings::from_env(&[
            ("SPORTELLO_DB_STATEMENT_SECONDS", "30"),
            ("SPORTELLO_DB_ACQUIRE_SECONDS", "0"),
        ])
        .unwrap();
        assert_eq!(settings.database_timeouts.statement, std::time::Duration::from_secs(30));
        assert_eq!(settings.database_timeouts.acquire, std::time::Duration::from_secs(1));
        let error = Settings::from_env(&[("SPORTELLO_DB_STATEMENT_SECONDS", "dieci")]).unwrap_err();
        assert!(error.to_string().contains("SPORTELLO_DB_STATEMENT_SECONDS"));
    }
}
