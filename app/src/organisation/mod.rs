//! Who runs the service and where: the organisation (a comune or an inter-municipal agency), the
//! comuni it serves, its units (the queues requests are routed to) and its offices with their
//! reception hours. All of it is data in the database, seeded at first start, never constants.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::dates::{clock, weekdays_in};
use crate::error::AppError;
use crate::i18n::Language;
use crate::opening::{OpeningBadge, OpeningWindow};

pub mod store;

/// The body that runs the social service.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    pub name: String,
    pub address: String,
    pub phone: String,
    pub email: String,
}

/// A place where citizens are received (sede).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Office {
    pub id: i64,
    pub slug: String,
    pub name: String,
    /// The comune the office belongs to; `None` when it belongs to the organisation itself.
    pub comune: Option<String>,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub hours: Vec<OpeningWindow>,
    /// Open now or when next, computed on the server at the moment of the request.
    pub badge: OpeningBadge,
}

/// A telephone line people call (e.g. to book an appointment), with its hours.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PhoneLine {
    pub name: String,
    pub number: String,
    pub hours: Vec<OpeningWindow>,
    pub badge: OpeningBadge,
}

impl PhoneLine {
    /// The number as a `tel:` link wants it.
    pub fn dial(&self) -> String {
        dial(&self.number)
    }
}

/// "02.66023.549" → "tel:0266023549".
pub fn dial(number: &str) -> String {
    format!(
        "tel:{}",
        number
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect::<String>()
    )
}

/// A unit of the service with its own queue of requests.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    pub code: String,
    pub name: String,
    pub description: String,
}

/// What the public pages show about the service.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SiteInfo {
    pub organisation: Organisation,
    pub comuni: Vec<String>,
    pub units: Vec<Unit>,
    pub offices: Vec<Office>,
    pub phone_lines: Vec<PhoneLine>,
}

pub async fn get_site_info() -> Result<SiteInfo, AppError> {
    let state = crate::state::AppState::current();
    Ok(store::site_info(&state.db, state.clock.now()).await?)
}

/// Reception or phone hours as a list, one line per group of days.
#[component]
pub fn HoursList(hours: Vec<OpeningWindow>) -> impl IntoView {
    let language = crate::i18n::use_language();
    view! {
        <ul class="mb-3">{describe_hours(language, &hours).into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
    }
}

/// A phone line: what it is for, the number to call, whether it answers now, and its hours.
#[component]
pub fn PhoneLineView(line: PhoneLine) -> impl IntoView {
    let dial = line.dial();
    view! {
        <div class="linea-telefonica">
            <p>{line.name}": " <a class="fw-semibold text-nowrap" href=dial>{line.number}</a></p>
            <crate::opening::OpeningBadgeView badge=line.badge />
            <HoursList hours=line.hours />
        </div>
    }
}

/// Reception hours as people say them, in `language`: days with the same windows grouped
/// together, e.g. "Da lunedì a giovedì: 9:30–12:30 e 14:30–15:30" and "Venerdì: 9:30–12:30".
pub fn describe_hours(language: Language, windows: &[OpeningWindow]) -> Vec<String> {
    let weekdays = weekdays_in(language);
    let pair =
        |key: &str, first: String, second: (&'static str, String)| language.text_with(key, &[("first", first), second]);
    let mut by_day: Vec<(u8, String)> = Vec::new();
    for day in 1..=7u8 {
        let mut today: Vec<&OpeningWindow> = windows.iter().filter(|w| w.weekday == day).collect();
        if today.is_empty() {
            continue;
        }
        today.sort_by_key(|w| w.opens);
        let text = today
            .iter()
            .map(|w| format!("{}–{}", clock(w.opens), clock(w.closes)))
            .reduce(|first, second| pair("hours-two-windows", first, ("second", second)))
            .unwrap_or_default();
        by_day.push((day, text));
    }

    let mut lines = Vec::new();
    let mut i = 0;
    while i < by_day.len() {
        let mut j = i;
        while j + 1 < by_day.len() && by_day[j + 1].1 == by_day[i].1 && by_day[j + 1].0 == by_day[j].0 + 1 {
            j += 1;
        }
        let first = weekdays[usize::from(by_day[i].0 - 1)].0.clone();
        let last = weekdays[usize::from(by_day[j].0 - 1)].0.clone();
        let days = match j - i {
            0 => capitalise(&first),
            1 => capitalise(&pair("hours-days-two", first, ("last", last))),
            _ => capitalise(&pair("hours-days-range", first, ("last", last))),
        };
        lines.push(format!("{days}: {}", by_day[i].1));
        i = j + 1;
    }
    lines
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveTime;

    use super::*;

    fn window(weekday: u8, opens: (u32, u32), closes: (u32, u32)) -> OpeningWindow {
        OpeningWindow {
            weekday,
            opens: NaiveTime::from_hms_opt(opens.0, opens.1, 0).unwrap(),
            closes: NaiveTime::from_hms_opt(closes.0, closes.1, 0).unwrap(),
        }
    }

    #[test]
    fn groups_days_with_the_same_windows() {
        let mut windows = Vec::new();
        for day in 1..=4 {
            windows.push(window(day, (14, 30), (15, 30)));
            windows.push(window(day, (9, 30), (12, 30)));
        }
        windows.push(window(5, (9, 30), (12, 30)));
        assert_eq!(
            describe_hours(Language::Italian, &windows),
            vec!["Da lunedì a giovedì: 9:30–12:30 e 14:30–15:30", "Venerdì: 9:30–12:30"]
        );
    }

    #[test]
    fn does_not_join_days_that_are_not_consecutive() {
        let windows = vec![
            window(1, (9, 0), (12, 0)),
            window(3, (9, 0), (12, 0)),
            window(4, (9, 0), (12, 0)),
        ];
        assert_eq!(
            describe_hours(Language::Italian, &windows),
            vec!["Lunedì: 9:00–12:00", "Mercoledì e giovedì: 9:00–12:00"]
        );
    }

    #[test]
    fn no_windows_no_lines() {
        assert!(describe_hours(Language::Italian, &[]).is_empty());
    }
}
