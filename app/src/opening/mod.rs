//! When an office or the phone line is open: weekly windows in Italian local time, closures, Italian
//! public holidays and the patron saint's day. Everything is computed in Europe/Rome from an instant
//! the caller gives (the application's clock), so "aperto ora" is right on the days the clocks change.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
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
/// server as of the request's instant; said in the page's language by [`OpeningBadge::text`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningBadge {
    pub open: bool,
    /// Open: until when.
    pub until: Option<NaiveTime>,
    /// Closed all day today, and why, in the office's words ("chiusura estiva", a holiday's name).
    pub closed_today: Option<String>,
    /// Closed: when it opens next, if within the look-ahead.
    pub next_opening: Option<NaiveDateTime>,
    /// The day the badge is about, in Italy: to say "oggi" and "domani".
    pub today: NaiveDate,
}

impl OpeningBadge {
    /// E.g. "Aperto ora, fino alle 12:30" or "Chiuso ora. Riapre lunedì 7 aprile alle 9:30".
    pub fn text(&self, language: Language) -> String {
        use crate::dates::{clock, day_and_month_in};
        if let (true, Some(until)) = (self.open, self.until) {
            return language.text_with("opening-open-until", &[("time", clock(until))]);
        }
        let closed = match &self.closed_today {
            Some(reason) => language.text_with("opening-closed-today", &[("reason", reason.clone())]),
            None => language.text("opening-closed-now"),
        };
        let next = match self.next_opening {
            Some(next) => {
                let when = match (next.date() - self.today).num_days() {
                    0 => language.text("opening-today"),
                    1 => language.text("opening-tomorrow"),
                    _ => day_and_month_in(language, next.date()),
                };
                language.text_with("opening-reopens", &[("when", when), ("time", clock(next.time()))])
            }
            None => language.text("opening-none-soon"),
        };
        format!("{closed} {next}")
    }
}

use leptos::prelude::*;

use crate::i18n::{use_language, Language};

/// "Aperto ora…" / "Chiuso ora…", said in words (never by colour alone), in the page's language.
#[component]
pub fn OpeningBadgeView(badge: OpeningBadge) -> impl IntoView {
    view! {
        <p class="stato-apertura" class:aperto=badge.open>
            {badge.text(use_language())}
        </p>
    }
}
