//! The Sportello server: configuration, database set-up, the HTTP router and its protections, and
//! the background workers. Pages and their logic live in the `app` crate.

pub mod abuse;
pub mod audit_key;
#[cfg(feature = "bench")]
pub mod bench;
pub mod config;
pub mod database;
pub mod documents;
pub mod forms;
pub mod health;
pub mod http;
pub mod mailer;
pub mod page_cache;
pub mod pages;
pub mod seed;
pub mod staff;
pub mod startup;
pub mod telemetry;

pub use startup::{Application, StartupError};
