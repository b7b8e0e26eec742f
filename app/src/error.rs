//! The one error type a person can read.
//!
//! Every data loader and form handler answers with [`AppError`]. Its `Display` is a plain sentence
//! fit for the page, in the language of the request being served (`i18n::use_language`: Italian in
//! the back office); causes of internal errors never reach the person: they are logged on the
//! server with the request id that the page shows, so staff can find them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// A value the person typed is not acceptable; `message` says why, in the request's language.
    #[error("{message}")]
    Validation { field: String, message: String },
    #[error("{}", crate::i18n::say("error-not-found"))]
    NotFound,
    #[error("{}", crate::i18n::say("error-forbidden"))]
    Forbidden,
    /// Someone else changed the same thing first (a seat taken, a request already claimed).
    #[error("{0}")]
    Conflict(String),
    /// The database cannot serve now; the request id is the code a person can read out on the
    /// phone if it goes on.
    #[error("{}", crate::i18n::say_with("error-unavailable", &[("code", .request_id.clone())]))]
    Unavailable { request_id: String },
    #[error("{}", crate::i18n::say_with("error-internal", &[("code", .request_id.clone())]))]
    Internal { request_id: String },
}

impl AppError {
    /// The database (or a resource it stands for) cannot serve this request now: "try again".
    pub fn unavailable() -> Self {
        AppError::Unavailable {
            request_id: crate::security::current_request_id(),
        }
    }

    /// Logs an unexpected failure with its whole cause chain and returns the sentence for the page.
    ///
    /// Call it where the cause is known; the request id is the one the server gave this request
    /// (the `x-request-id` header), so the log line and the page match.
    pub fn internal(context: &str, cause: &(dyn std::error::Error + 'static)) -> Self {
        let request_id = crate::security::current_request_id();
        let mut chain = cause.to_string();
        let mut source = cause.source();
        while let Some(inner) = source {
            chain.push_str(": ");
            chain.push_str(&inner.to_string());
            source = inner.source();
        }
        tracing::error!(request_id = %request_id, error = %chain, "{context}");
        AppError::Internal { request_id }
    }
}

impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        if database_unavailable(&error) {
            tracing::error!(request_id = %crate::security::current_request_id(), error = %error, "database unavailable");
            return AppError::unavailable();
        }
        AppError::internal("database error", &error)
    }
}

/// Whether `error` says the database cannot serve now, rather than that a statement is wrong: no
/// connection to be had, SQLite's file locked past the busy timeout, a statement given up at its
/// time limit, or PostgreSQL shutting down, refusing connections or out of them. These answer "try
/// again in a few minutes" (503).
pub fn database_unavailable(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => true,
        sqlx::Error::Database(error) => {
            let code = error.code().unwrap_or_default();
            // SQLite's codes are numbers (the low byte is the primary code: 5 busy, 6 locked).
            // PostgreSQL's are five-character SQLSTATEs, which may be digits too (so the driver,
            // not the code's look, says which is which): classes 08 connection, 53 resources, 57P
            // operator intervention, 28 authorisation refused at connection; 57014 a statement
            // cancelled at its time limit, 55P03 a lock not granted in time.
            if error.try_downcast_ref::<sqlx::sqlite::SqliteError>().is_some() {
                code.parse::<u32>().is_ok_and(|sqlite| matches!(sqlite & 0xff, 5 | 6))
            } else {
                ["08", "53", "57P", "28"].iter().any(|class| code.starts_with(class))
                    || ["57014", "55P03"].contains(&code.as_ref())
            }
        }
        _ => false,
    }
}
