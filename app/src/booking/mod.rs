//! Booking an appointment with the Segretariato Sociale (`/prenota`), in the steps of the Designers
//! Italia "Prenotazione appuntamento" model: office → topic → day → time → details → summary →
//! confirmation. Every step is a plain HTML form (GET for the choices, POST for the details and
//! the confirmation), so the flow works without JavaScript; hydrated, the router moves between the
//! steps without reloading the page.
//!
//! - `slots`, `availability`, `store`: the engine (which slots exist, which are free).
//! - `flow`: which step a query stands at.
//! - `details`, `confirm`, `codes`: from typed details to a booking, held by the database.
//! - `pages`: the pages.

pub mod availability;
pub mod calendar;
pub mod codes;
pub mod confirm;
pub mod desk;
pub mod details;
pub mod flow;
pub mod letters;
pub mod manage;
pub mod manage_page;
pub mod notices;
pub mod office_cancel;
pub mod retention;
pub mod slots;
pub mod store;

pub mod pages;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::links::query_value;

pub use manage_page::{ManageBookingPage, NewLinkPage};
pub use pages::{BookingConfirmedPage, BookingPage, BookingSummaryPage};

/// The flow's addresses: the steps (and the details form's post), the summary (and the
/// confirmation's post), another slot for a taken one, the confirmation.
pub const PATH: &str = "/prenota";
pub const SUMMARY_PATH: &str = "/prenota/riepilogo";
pub const CHANGE_SLOT_PATH: &str = "/prenota/cambia-orario";
pub const CONFIRMED_PATH: &str = "/prenota/confermata";
/// The private link's page, and its two posts.
pub const MANAGE_PATH: &str = "/prenota/gestisci";
pub const CANCEL_PATH: &str = "/prenota/gestisci/annulla";
pub const MOVE_PATH: &str = "/prenota/gestisci/sposta";
/// "Hai perso il collegamento?": a new private link by email.
pub const NEW_LINK_PATH: &str = "/prenota/ritrova";
/// The booking's calendar file: `?bozza=` (the confirmation page) or `?t=` (the private link).
pub const CALENDAR_PATH: &str = "/prenota/calendario";

/// An office where appointments are held (sede), as the citizen chooses it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingOffice {
    pub slug: String,
    pub name: String,
    pub address: String,
    pub phone: String,
}

/// What the citizen wants to talk about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingTopic {
    pub slug: String,
    pub name: String,
    pub hint: String,
}

/// One day of the month view: how many slots still have a free seat (0: full, closed, or not
/// bookable yet or any more).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayAvailability {
    pub date: NaiveDate,
    pub free_slots: u32,
}

/// A slot with at least one free seat, in local (Rome) time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FreeSlot {
    pub date: NaiveDate,
    pub starts: NaiveTime,
    pub ends: NaiveTime,
    pub free_seats: u32,
}

/// The choices made so far, as the address's query carries them from step to step
/// (`/prenota?sede=…&argomento=…&giorno=2026-12-03&ora=09:30`). Anything unknown or malformed is
/// ignored: the flow asks again from the first step that is missing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingQuery {
    pub sede: Option<String>,
    pub argomento: Option<String>,
    /// The month shown by the day step, `YYYY-MM`.
    pub mese: Option<String>,
    pub giorno: Option<String>,
    pub ora: Option<String>,
    /// A service page's slug: pre-selects its topic and, when there is one, the office.
    pub servizio: Option<String>,
}

/// A month of the day step, with the months one may move to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthView {
    pub first: NaiveDate,
    pub days: Vec<DayAvailability>,
    pub previous: Option<NaiveDate>,
    pub next: Option<NaiveDate>,
}

/// Where the citizen is in the flow, with what that step shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BookingStep {
    Office {
        offices: Vec<BookingOffice>,
        topic: Option<String>,
    },
    Topic {
        office: BookingOffice,
        topics: Vec<BookingTopic>,
    },
    Day {
        office: BookingOffice,
        topic: BookingTopic,
        month: MonthView,
        /// Said when a chosen day or time was no longer free: a message of `booking.ftl`, said
        /// in the page's language.
        notice: Option<String>,
    },
    Time {
        office: BookingOffice,
        topic: BookingTopic,
        date: NaiveDate,
        slots: Vec<FreeSlot>,
        /// As the day's.
        notice: Option<String>,
    },
    Details {
        office: BookingOffice,
        topic: BookingTopic,
        slot: FreeSlot,
    },
}

/// A booking being made, as the summary and the confirmation pages show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftView {
    pub id: String,
    pub office: BookingOffice,
    pub topic: BookingTopic,
    pub date: NaiveDate,
    pub starts: NaiveTime,
    pub ends: NaiveTime,
    pub details: details::BookingDetails,
    /// Set once confirmed.
    pub code: Option<String>,
    /// Whether the chosen slot still has a seat (always true once confirmed).
    pub still_free: bool,
    /// The nearest free slots, when the chosen one was taken meanwhile.
    pub alternatives: Vec<FreeSlot>,
}

/// The front desk's agenda: an office's appointments of a day, and its forms. The pages are the
/// back office's (`desk/`); the addresses are here, with the bookings they show, so that
/// the parts that send the desk back to its agenda (triage) need not reach above themselves.
pub const AGENDA_PATH: &str = "/operatori/agenda";
pub const AGENDA_STATE_PATH: &str = "/operatori/agenda/stato";
pub const AGENDA_CANCEL_PATH: &str = "/operatori/agenda/annulla";
pub const AGENDA_MOVE_PATH: &str = "/operatori/agenda/sposta";

/// Who is making a booking: a citizen on the public pages, or a front-desk operator booking for
/// someone who phoned, at one of the offices where they work (the desk may take slots inside the
/// minimum notice, and the booking records who made it). The server says which, from the sign-in
/// (pages find it in their context); the booking engine never reads the sign-in itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Booker {
    #[default]
    Citizen,
    Desk {
        /// The operator's staff id.
        operator: i64,
        /// The offices whose front desk they run.
        offices: Vec<i64>,
    },
}

impl Booker {
    /// A staff member who runs the front desk of `offices` (none: they book as anyone would).
    pub fn desk_of(operator: i64, offices: Vec<i64>) -> Booker {
        if offices.is_empty() {
            Booker::Citizen
        } else {
            Booker::Desk { operator, offices }
        }
    }

    /// Who is booking on the page being rendered (a citizen unless the server said otherwise).
    pub fn of_page() -> Booker {
        leptos::prelude::use_context::<Booker>().unwrap_or_default()
    }
}

/// What a person signed in to the families' area has already told: their details step starts
/// filled in with it (the server provides it to the page; the booking part never reads the area's
/// session itself).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BookingPrefill {
    pub given_name: String,
    pub family_name: String,
    pub email: Option<String>,
    pub codice_fiscale: String,
}

impl BookingPrefill {
    /// The details form's fields it fills.
    pub fn fields(&self) -> Vec<(String, String)> {
        let mut fields = vec![
            ("nome".to_owned(), self.given_name.clone()),
            ("cognome".to_owned(), self.family_name.clone()),
            ("codice_fiscale".to_owned(), self.codice_fiscale.clone()),
        ];
        if let Some(email) = &self.email {
            fields.push(("email".to_owned(), email.clone()));
        }
        fields
    }
}

/// The step a query stands at.
pub async fn resolve_booking_step(query: BookingQuery) -> Result<BookingStep, AppError> {
    flow::resolve(&crate::state::AppState::current(), &Booker::of_page(), query).await
}

/// A draft, for the summary and the confirmation pages.
pub async fn booking_draft(id: String) -> Result<Option<DraftView>, AppError> {
    confirm::load_draft(&crate::state::AppState::current(), &Booker::of_page(), &id).await
}

/// A booking as its private link shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManagedBooking {
    pub code: String,
    pub office: BookingOffice,
    pub topic: String,
    pub date: NaiveDate,
    pub starts: NaiveTime,
    pub ends: NaiveTime,
    pub given_name: String,
    pub family_name: String,
    pub cancelled: bool,
    /// Still before the office's cut-off: it may be cancelled or moved online.
    pub changeable: bool,
    pub cutoff_hours: u32,
}

/// Where a move stands: not moving, choosing the day, or choosing the time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MoveStep {
    NotMoving,
    Day(MonthView),
    Time { date: NaiveDate, slots: Vec<FreeSlot> },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManageView {
    pub booking: ManagedBooking,
    pub moving: MoveStep,
}

/// The private link's page.
pub async fn manage_booking_view(
    token: String,
    moving: bool,
    month: Option<String>,
    day: Option<String>,
) -> Result<Option<ManageView>, AppError> {
    manage::view(
        &crate::state::AppState::current(),
        &BookingKey::Link(token),
        moving,
        month,
        day,
    )
    .await
}

/// Who may see and change a booking: whoever holds its private link, or the person signed in to
/// the families' area with the codice fiscale it was booked with (whose reads and changes the audit
/// trail records with them as actor).
#[derive(Clone, Debug)]
pub enum BookingKey {
    Link(String),
    Owner {
        id: i64,
        codice_fiscale: String,
        actor: crate::audit::Actor,
    },
}

/// Where a booking is managed, and how its addresses name it: the private link (its token, `t`,
/// at `/prenota/gestisci`), or the families' area (the booking's id, `prenotazione`, at addresses
/// the area gives: this part does not know them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManagePlace {
    pub page: &'static str,
    pub cancel: &'static str,
    pub move_to: &'static str,
    /// The query field that names the booking, and its value.
    pub field: &'static str,
    pub value: String,
}

impl ManagePlace {
    pub fn private_link(token: &str) -> Self {
        Self {
            page: MANAGE_PATH,
            cancel: CANCEL_PATH,
            move_to: MOVE_PATH,
            field: "t",
            value: token.to_owned(),
        }
    }

    /// The manage page, with `extra` query pairs.
    pub fn link(&self, extra: &[(&str, String)]) -> String {
        let mut link = format!("{}?{}={}", self.page, self.field, query_value(&self.value));
        for (name, value) in extra {
            link.push_str(&format!("&{name}={}", query_value(value)));
        }
        link
    }

    /// The booking's calendar file, which the private link's token opens.
    pub fn calendar_link(&self) -> Option<String> {
        (self.field == "t").then(|| format!("{CALENDAR_PATH}?t={}", query_value(&self.value)))
    }
}

/// Asking for a new private link.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewLinkForm {
    #[serde(default)]
    pub codice: String,
    /// The email or phone given when booking.
    #[serde(default)]
    pub contatto: String,
}

/// Cancelling: the private link's token, or (in the families' area) the booking's id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancelForm {
    #[serde(default)]
    pub t: String,
    #[serde(default)]
    pub prenotazione: String,
}

/// Moving: the booking as [`CancelForm`] names it, and the new day and time.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    pub t: String,
    #[serde(default)]
    pub prenotazione: String,
    #[serde(default)]
    pub giorno: String,
    #[serde(default)]
    pub ora: String,
}

/// The private link as its emails give it: the whole address, in the language the booking was
/// made in.
pub fn private_link(public_url: &str, language: crate::i18n::Language, token: &str) -> String {
    format!(
        "{}{}",
        public_url.trim_end_matches('/'),
        language.href(&manage_link(token, &[]))
    )
}

/// The private link's page for `token`, with `extra` query pairs.
pub fn manage_link(token: &str, extra: &[(&str, String)]) -> String {
    ManagePlace::private_link(token).link(extra)
}

/// The confirmation form: only the draft's id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfirmForm {
    #[serde(default)]
    pub bozza: String,
}

/// Another slot for a draft whose slot was taken: `scelta` is `YYYY-MM-DDTHH:MM` (local).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeSlotForm {
    #[serde(default)]
    pub bozza: String,
    #[serde(default)]
    pub scelta: String,
}

/// The address of a step, with the choices made so far.
pub fn step_link(office: Option<&str>, topic: Option<&str>, extra: &[(&str, String)]) -> String {
    let mut query: Vec<(&str, String)> = Vec::new();
    if let Some(office) = office {
        query.push(("sede", office.to_owned()));
    }
    if let Some(topic) = topic {
        query.push(("argomento", topic.to_owned()));
    }
    query.extend(extra.iter().cloned());
    if query.is_empty() {
        return PATH.to_owned();
    }
    let encoded: Vec<String> = query
        .into_iter()
        .map(|(name, value)| format!("{name}={}", query_value(&value)))
        .collect();
    format!("{PATH}?{}", encoded.join("&"))
}

/// The details step's address, rebuilt from the details form's hidden fields.
pub fn details_step_link(values: &std::collections::BTreeMap<String, String>) -> String {
    let get = |name: &str| values.get(name).cloned().unwrap_or_default();
    step_link(
        Some(&get("sede")),
        Some(&get("argomento")),
        &[("giorno", get("giorno")), ("ora", get("ora"))],
    )
}

/// The summary page of a draft.
pub fn summary_link(draft: &str) -> String {
    format!("{SUMMARY_PATH}?bozza={}", query_value(draft))
}
