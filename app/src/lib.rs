//! Sportello's pages, components, data loaders, form handlers and domain types.
//!
//! The same crate is compiled twice: with `ssr` into the server, where everything runs, and with
//! `hydrate` into the browser bundle, which holds only [`islands`] (the small interactive parts of
//! pages). Modules follow the parts of the product.

// Leptos views are nested types; erasing the header's (`into_any`) needs more than the
// compiler's default depth.
#![recursion_limit = "256"]

/// Everything the browser runs.
pub mod islands;

// The server's: pages, data and rules never reach the browser bundle.
#[cfg(feature = "ssr")]
pub mod access;
#[cfg(feature = "ssr")]
pub mod area;
#[cfg(feature = "ssr")]
pub mod assistance;
#[cfg(feature = "ssr")]
pub mod audit;
#[cfg(feature = "ssr")]
pub mod booking;
#[cfg(feature = "ssr")]
pub mod cases;
#[cfg(feature = "ssr")]
pub mod catalogue;
#[cfg(feature = "ssr")]
pub mod clock;
#[cfg(feature = "ssr")]
pub mod dashboard;
#[cfg(feature = "ssr")]
pub mod dates;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod desk;
#[cfg(feature = "ssr")]
pub mod error;
#[cfg(feature = "ssr")]
pub mod feedback;
#[cfg(feature = "ssr")]
pub mod files;
#[cfg(feature = "ssr")]
pub mod forms;
#[cfg(feature = "ssr")]
pub mod home;
#[cfg(feature = "ssr")]
pub mod i18n;
#[cfg(feature = "ssr")]
pub mod information;
#[cfg(feature = "ssr")]
pub mod layout;
#[cfg(feature = "ssr")]
pub mod links;
#[cfg(feature = "ssr")]
pub mod mail;
#[cfg(feature = "ssr")]
pub mod not_found;
#[cfg(feature = "ssr")]
pub mod opening;
#[cfg(feature = "ssr")]
pub mod organisation;
#[cfg(feature = "ssr")]
pub mod queues;
#[cfg(feature = "ssr")]
pub mod sealing;
#[cfg(feature = "ssr")]
pub mod security;
#[cfg(feature = "ssr")]
pub mod site;
#[cfg(feature = "ssr")]
pub mod staff;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod triage;
#[cfg(feature = "ssr")]
pub mod validation;
#[cfg(feature = "ssr")]
pub mod vocabulary;
#[cfg(feature = "ssr")]
pub use site::{shell, App};

/// The browser's entry point. Sportello runs in islands mode: pages are server-rendered HTML, and
/// only the components marked `#[island]` (all in [`islands`]) are hydrated, each from
/// the props the server wrote beside it. The rest of the application never reaches the browser.
#[cfg(feature = "hydrate")]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
    // Says the islands are live (`<html data-isole="attive">`): the browser tests "with
    // JavaScript" check it, so a broken bundle fails them instead of leaving plain forms that
    // would pass on their own.
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute("data-isole", "attive");
    }
}
