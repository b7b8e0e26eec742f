//! The front desk (`/operatori/agenda`): the day at its office — who is coming, at what time, about
//! what, in which language and with which needs — and, as the day goes, who has arrived, who did
//! not come and whose interview is over. From here the desk books for people who phone (through
//! the public booking steps, which offer it today's slots too), moves an appointment, and cancels
//! with a reason, which the citizen receives by email.
//!
//! An operator sees only the offices they hold the front-desk role for: asking for another office's
//! agenda is refused and recorded. The agenda's addresses are the booking part's
//! (`booking::AGENDA_PATH`…), since triage sends the desk back to it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::booking::AGENDA_PATH;

pub mod actions;
pub mod pages;
pub mod store;

crate::vocabulary! {
    /// Where a person is in their visit.
    pub enum Visit {
        Expected = ("attesa", "Atteso"),
        Arrived = ("arrivato", "Arrivato"),
        NoShow = ("assente", "Non presentato"),
        Done = ("concluso", "Colloquio concluso"),
    }
}

impl Visit {
    /// The buttons offered next, as (state, button text).
    fn next(self) -> &'static [(Visit, &'static str)] {
        match self {
            Visit::Expected => &[(Visit::Arrived, "Arrivato"), (Visit::NoShow, "Non presentato")],
            Visit::Arrived => &[
                (Visit::Done, "Colloquio concluso"),
                (Visit::Expected, "Annulla «arrivato»"),
            ],
            Visit::NoShow => &[(Visit::Arrived, "Arrivato in ritardo")],
            Visit::Done => &[(Visit::Arrived, "Riapri")],
        }
    }
}

/// One appointment of the day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaLine {
    pub id: i64,
    pub time: String,
    pub code: String,
    pub name: String,
    pub topic: String,
    /// Phone and email, as given.
    pub contact: String,
    /// "Italiano", or "Arabo, con interprete".
    pub language: String,
    pub accessibility: String,
    pub about: String,
    pub visit: Visit,
    /// Booked by the desk for someone who phoned.
    pub by_phone: bool,
    /// The interview's outcome, once recorded.
    pub outcome: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaView {
    /// The offices the operator may open, as (id, name).
    pub offices: Vec<(i64, String)>,
    pub office_id: i64,
    pub office_slug: String,
    pub office_name: String,
    pub day: NaiveDate,
    pub day_text: String,
    pub is_today: bool,
    /// Whether the states may be marked (today and past days, not days to come).
    pub markable: bool,
    pub lines: Vec<AgendaLine>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct VisitForm {
    #[serde(default)]
    pub id: i64,
    #[serde(default)]
    pub stato: String,
    #[serde(default)]
    pub sede: String,
    #[serde(default)]
    pub giorno: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DeskCancelForm {
    #[serde(default)]
    pub id: i64,
    #[serde(default)]
    pub motivo: String,
    #[serde(default)]
    pub sede: String,
    #[serde(default)]
    pub giorno: String,
}

/// The agenda's address for an office and a day.
pub fn agenda_link(office: i64, day: NaiveDate) -> String {
    format!("{AGENDA_PATH}?sede={office}&giorno={day}")
}

/// The booking being moved and the free times of the day asked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoveView {
    pub id: i64,
    pub office_id: i64,
    pub name: String,
    pub code: String,
    pub now: String,
    pub day: NaiveDate,
    pub day_text: String,
    /// The free times of `day`, as ("09:30", "dalle 9:30 alle 10:00").
    pub free: Vec<(String, String)>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DeskMoveForm {
    #[serde(default)]
    pub id: i64,
    #[serde(default)]
    pub giorno: String,
    #[serde(default)]
    pub ora: String,
}
