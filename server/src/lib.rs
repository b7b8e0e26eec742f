//! The Sportello server: configuration, database set-up and seeding, the HTTP router and its
//! protections, and the background workers (`jobs`). Pages and their logic live in the `app` crate.

// The pages' view types nest deeply (a form island inside a page inside the shell), and rendering
// them is compiled here.
#![recursion_limit = "256"]

pub mod abuse;
pub mod addresses;
pub mod backup;
#[cfg(feature = "bench")]
pub mod bench;
pub mod citizens;
pub mod config;
pub mod database;
pub mod demo;
pub mod documents;
pub mod forms;
pub mod health;
pub mod http;
pub mod identity;
pub mod jobs;
pub mod keys;
pub mod languages;
pub mod mailer;
pub mod memory;
pub mod metrics;
pub mod page_cache;
pub mod pages;
pub mod rendering;
pub mod routes;
pub mod seed;
pub mod staff;
pub mod startup;
pub mod telemetry;

pub use startup::{Application, StartupError};
