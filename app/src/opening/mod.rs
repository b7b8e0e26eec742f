//! When an office or the phone line is open: weekly windows in Italian local time, closures, Italian
//! public holidays and the patron saint's day. Everything is computed in Europe/Rome from an instant
//! the caller gives (the application's clock), so "aperto ora" is right on the days the clocks change.

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

pub mod holidays;
pub mod schedule;

/// One weekly window of an office's reception or of a phone line, in Italian local time
/// (Europe/Rome).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningWindow {
    /// ISO weekday: 1 = Monday … 7 = Sunday.
    pub weekday: u8,
    pub opens: NaiveTime,
    pub closes: NaiveTime,
}

/// What a person needs to know now: open or not, and when it opens or closes next. Computed on the
/// server and shipped to the page as text, so the browser shows exactly what the server computed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningBadge {
    pub open: bool,
    /// E.g. "Aperto ora, fino alle 12:30" or "Chiuso ora. Riapre lunedì 7 aprile alle 9:30".
    pub text: String,
}

use leptos::prelude::*;

/// "Aperto ora…" / "Chiuso ora…", said in words (never by colour alone).
#[component]
pub fn OpeningBadgeView(badge: OpeningBadge) -> impl IntoView {
    view! {
        <p class="stato-apertura" class:aperto=badge.open>
            {badge.text}
        </p>
    }
}
