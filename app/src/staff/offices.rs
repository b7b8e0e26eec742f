//! `/operatori/sedi`: administrators set how each office takes appointments (slot length, places per
//! slot, how far ahead, notice, cancellation cut-off), its weekly hours and its closures. Changes
//! take effect at once: the booking pages read these rows at every visit.
//!
//! A closure, or fewer places per slot, can fall on appointments already booked. The page first
//! lists them; only when the administrator confirms does the office cancel them, in the same
//! transaction as the change, and email each person a link to book again. People who left only a
//! phone number stay listed under "Da avvisare per telefono" until their appointment's day.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use super::{OFFICES_PATH, OFFICE_CLOSURE_DELETE_PATH, OFFICE_CLOSURE_PATH, OFFICE_HOURS_PATH, OFFICE_RULES_PATH};
use crate::access::permissions::Permission;
use crate::access::Me;
use crate::audit::RecordKind;
use crate::error::AppError;
use crate::forms::{use_submitted, Checkbox, ErrorSummary, FieldErrors, FormState, Submitted, TextField};
use crate::layout::back_office::{Loaded, StaffBar, StaffOnly};

/// The office's rules as the form edits them (numbers as typed).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RulesForm {
    #[serde(default)]
    pub sede: String,
    #[serde(default)]
    pub durata: String,
    #[serde(default)]
    pub capienza: String,
    #[serde(default)]
    pub orizzonte: String,
    #[serde(default)]
    pub preavviso: String,
    #[serde(default)]
    pub limite: String,
    /// Ticked: cancel the appointments that no longer fit the fewer places.
    #[serde(default)]
    pub conferma_eccedenti: String,
}

/// The weekly hours, one text per day ("9:00-12:30, 15:00-17:00"; empty when closed).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HoursForm {
    #[serde(default)]
    pub sede: String,
    #[serde(default)]
    pub lunedi: String,
    #[serde(default)]
    pub martedi: String,
    #[serde(default)]
    pub mercoledi: String,
    #[serde(default)]
    pub giovedi: String,
    #[serde(default)]
    pub venerdi: String,
    #[serde(default)]
    pub sabato: String,
    #[serde(default)]
    pub domenica: String,
}

impl HoursForm {
    fn days(&self) -> [&str; 7] {
        [
            &self.lunedi,
            &self.martedi,
            &self.mercoledi,
            &self.giovedi,
            &self.venerdi,
            &self.sabato,
            &self.domenica,
        ]
    }
}

/// A closure, as checked on the page ("Controlla gli appuntamenti") and then confirmed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ClosureForm {
    #[serde(default)]
    pub sede: String,
    #[serde(default)]
    pub dal: String,
    #[serde(default)]
    pub al: String,
    #[serde(default)]
    pub motivo: String,
    /// How many appointments the page showed: if more have been booked since, the confirmation
    /// is refused and the list shown again.
    #[serde(default)]
    pub previsti: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ClosureAction {
    #[serde(default)]
    pub sede: String,
    #[serde(default)]
    pub id: i64,
}

/// The form fields of the weekly hours, Monday first, as (field, label).
const DAY_FIELDS: [(&str, &str); 7] = [
    ("lunedi", "Lunedì"),
    ("martedi", "Martedì"),
    ("mercoledi", "Mercoledì"),
    ("giovedi", "Giovedì"),
    ("venerdi", "Venerdì"),
    ("sabato", "Sabato"),
    ("domenica", "Domenica"),
];

const RULES_LABELS: &[(&str, &str)] = &[
    ("durata", "Durata di un appuntamento"),
    ("capienza", "Persone ricevute nella stessa fascia"),
    ("orizzonte", "Prenotabile fino a"),
    ("preavviso", "Preavviso minimo"),
    ("limite", "Annullabile o spostabile fino a"),
    ("conferma_eccedenti", "Appuntamenti in eccesso"),
];

const CLOSURE_LABELS: &[(&str, &str)] = &[
    ("dal", "Primo giorno di chiusura"),
    ("al", "Ultimo giorno di chiusura"),
    ("motivo", "Motivo"),
    ("previsti", "Appuntamenti da annullare"),
];

/// An office's settings as the page shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeSettings {
    pub id: i64,
    pub name: String,
    pub slot_minutes: i64,
    pub slot_capacity: i64,
    pub booking_horizon_days: i64,
    pub min_notice_hours: i64,
    pub cancel_cutoff_hours: i64,
    /// Monday first, as the form writes them.
    pub hours: Vec<String>,
}

/// A closure in force or to come.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosureLine {
    pub id: i64,
    pub when: String,
    pub reason: String,
    /// A closure of every office, set for the whole service.
    pub everywhere: bool,
}

/// An appointment a change falls on (or fell on), as the administrator needs it to warn the person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AffectedBooking {
    pub code: String,
    pub when: String,
    pub name: String,
    /// The email the notice goes to, or the phone to call.
    pub contact: String,
    pub by_email: bool,
}

/// A closure being checked: what was typed, what is wrong with it, and the appointments it cancels.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClosurePreview {
    pub values: ClosureForm,
    pub errors: FieldErrors,
    pub bookings: Vec<AffectedBooking>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfficesView {
    pub offices: Vec<(i64, String)>,
    pub office: Option<OfficeSettings>,
    pub closures: Vec<ClosureLine>,
    pub to_call: Vec<AffectedBooking>,
    pub closure_preview: Option<ClosurePreview>,
    /// The appointments that fewer places per slot would cancel (after the rules form asked).
    pub capacity_excess: Vec<AffectedBooking>,
}

/// What the page was asked to show besides the office itself.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OfficesQuery {
    pub sede: Option<i64>,
    /// A closure to check (`dal`, `al`, `motivo` of the address).
    pub closure: Option<ClosureForm>,
    /// Places per slot the rules form proposed and was asked to confirm.
    pub capacity: Option<i64>,
}

// JSON, not a form encoding: the query nests optional parts, which a form encoding cannot carry.
pub async fn load_offices(query: OfficesQuery) -> Result<OfficesView, AppError> {
    store::view(query).await
}

#[component]
pub fn OfficesPage() -> impl IntoView {
    view! { <StaffOnly title="Sedi e orari" permission=Permission::ManageOffices signed_in=|me| view! { <Offices me /> } /> }
}

/// The page's address for one office, with what else it should show.
pub fn office_link(office: &str, extra: &[(&str, String)]) -> String {
    let mut link = format!("{OFFICES_PATH}?sede={}", crate::links::query_value(office));
    for (name, value) in extra {
        link.push_str(&format!("&{name}={}", crate::links::query_value(value)));
    }
    link
}

#[component]
fn Offices(me: Me) -> impl IntoView {
    let params = use_query_map();
    let (sede, closure, done, cancelled) = params.with_untracked(|q| {
        let closure = q.get("dal").map(|dal| ClosureForm {
            sede: q.get("sede").unwrap_or_default(),
            dal,
            al: q.get("al").unwrap_or_default(),
            motivo: q.get("motivo").unwrap_or_default(),
            previsti: String::new(),
        });
        (
            q.get("sede").and_then(|s| s.parse::<i64>().ok()),
            closure,
            q.get("fatto"),
            q.get("annullati").and_then(|n| n.parse::<u32>().ok()).unwrap_or(0),
        )
    });
    let rules_submitted = use_submitted(OFFICE_RULES_PATH);
    // After the rules form asked to confirm fewer places, list the appointments that would go.
    let capacity = rules_submitted
        .errors
        .get("conferma_eccedenti")
        .and_then(|_| rules_submitted.values.get("capienza"))
        .and_then(|n| n.trim().parse::<i64>().ok());
    let closure_submitted = use_submitted(OFFICE_CLOSURE_PATH);
    // A refused confirmation shows the closure's check again, with its reason.
    let closure = closure.or_else(|| {
        (!closure_submitted.form.is_empty()).then(|| {
            let get = |name: &str| closure_submitted.values.get(name).cloned().unwrap_or_default();
            ClosureForm {
                sede: get("sede"),
                dal: get("dal"),
                al: get("al"),
                motivo: get("motivo"),
                previsti: String::new(),
            }
        })
    });
    let query = OfficesQuery {
        sede,
        closure,
        capacity,
    };
    let data = Resource::new(move || query.clone(), load_offices);
    let other_problem = crate::forms::refusal_of(&[OFFICE_HOURS_PATH, OFFICE_CLOSURE_DELETE_PATH]);
    let done = done.map(|what| match what.as_str() {
        "regole" => "Regole delle prenotazioni salvate.".to_owned(),
        "orari" => "Orari settimanali salvati.".to_owned(),
        "chiusura" => "Chiusura registrata.".to_owned(),
        "eliminata" => "Chiusura eliminata.".to_owned(),
        _ => "Modifica salvata.".to_owned(),
    });
    let notice = done.map(|done| match cancelled {
        0 => done,
        1 => format!("{done} Un appuntamento è stato annullato e la persona avvisata."),
        n => format!("{done} {n} appuntamenti sono stati annullati e le persone avvisate."),
    });
    view! {
        <StaffBar me />
        <div class="container">
            <h1>"Sedi e orari"</h1>
            {notice.map(|text| view! { <p class="alert alert-success" role="status">{text}</p> })}
            {other_problem.map(|problem| view! { <p class="alert alert-danger" role="alert">{problem}</p> })}
            <Loaded data body=move |view| view! { <OfficesBody view rules_submitted closure_submitted /> } />
        </div>
    }
}

#[component]
fn OfficesBody(view: OfficesView, rules_submitted: Submitted, closure_submitted: Submitted) -> impl IntoView {
    let OfficesView {
        offices,
        office,
        closures,
        to_call,
        closure_preview,
        capacity_excess,
    } = view;
    let Some(office) = office else {
        return view! { <p>"Non c'è ancora nessuna sede."</p> }.into_any();
    };
    let current = office.id;
    let sede = office.id.to_string();
    view! {
        {(offices.len() > 1).then(|| view! {
            <nav aria-label="Sedi">
                <ul class="list-inline">
                    {offices.into_iter().map(|(id, name)| {
                        let here = id == current;
                        view! {
                            <li class="list-inline-item">
                                <a href=office_link(&id.to_string(), &[]) rel="external" aria-current=here.then_some("page")>{name}</a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </nav>
        })}
        <h2>{office.name.clone()}</h2>
        {(!to_call.is_empty()).then(|| view! {
            <section aria-labelledby="titolo-da-chiamare" class="alert alert-warning">
                <h3 id="titolo-da-chiamare" class="h5">"Da avvisare per telefono"</h3>
                <p>"Questi appuntamenti sono stati annullati dalla sede e la persona non ha lasciato un'email: telefonale per avvisarla."</p>
                <BookingsTable caption="Appuntamenti annullati da avvisare per telefono" bookings=to_call />
            </section>
        })}
        <RulesSection office=office.clone() submitted=rules_submitted excess=capacity_excess />
        <HoursSection office=office.clone() />
        <ClosuresSection sede closures preview=closure_preview submitted=closure_submitted />
    }
    .into_any()
}

#[component]
fn BookingsTable(caption: &'static str, bookings: Vec<AffectedBooking>) -> impl IntoView {
    view! {
        <div class="table-responsive">
            <table class="table">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Quando"</th>
                        <th scope="col">"Codice"</th>
                        <th scope="col">"Nome"</th>
                        <th scope="col">"Come avvisare"</th>
                    </tr>
                </thead>
                <tbody>
                    {bookings.into_iter().map(|booking| view! {
                        <tr>
                            <td>{booking.when}</td>
                            <td>{booking.code}</td>
                            <td>{booking.name}</td>
                            <td>{if booking.by_email { format!("Email automatica a {}", booking.contact) } else { format!("Telefono {}", booking.contact) }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn RulesSection(office: OfficeSettings, submitted: Submitted, excess: Vec<AffectedBooking>) -> impl IntoView {
    let current = [
        ("sede", office.id.to_string()),
        ("durata", office.slot_minutes.to_string()),
        ("capienza", office.slot_capacity.to_string()),
        ("orizzonte", office.booking_horizon_days.to_string()),
        ("preavviso", office.min_notice_hours.to_string()),
        ("limite", office.cancel_cutoff_hours.to_string()),
    ]
    .into_iter()
    .map(|(name, value)| (name.to_owned(), value))
    .collect();
    let form = FormState::editing(submitted, current);
    let asks_confirmation = !excess.is_empty();
    view! {
        <section aria-labelledby="titolo-regole" class="mt-4 stretto">
            <h3 id="titolo-regole">"Regole delle prenotazioni"</h3>
            <ErrorSummary form labels=RULES_LABELS />
            <form method="post" action=OFFICE_RULES_PATH novalidate>
                <input type="hidden" name="sede" value=office.id.to_string() />
                <TextField form name="durata" label="Durata di un appuntamento" hint="In minuti, da 5 a 240. Gli appuntamenti già presi restano all'orario fissato." kind="number" required=true />
                <TextField form name="capienza" label="Persone ricevute nella stessa fascia" hint="Quante scrivanie ricevono insieme, da 1 a 50." kind="number" required=true />
                <TextField form name="orizzonte" label="Prenotabile fino a" hint="Giorni in avanti, da 1 a 366." kind="number" required=true />
                <TextField form name="preavviso" label="Preavviso minimo" hint="Ore prima dell'appuntamento, da 0 a 720." kind="number" required=true />
                <TextField form name="limite" label="Annullabile o spostabile fino a" hint="Ore prima dell'appuntamento, da 0 a 720: dopo, si telefona." kind="number" required=true />
                {asks_confirmation.then(|| view! {
                    <BookingsTable caption="Appuntamenti che non ci stanno più con meno posti" bookings=excess />
                    <Checkbox form name="conferma_eccedenti">
                        "Annulla questi appuntamenti e avvisa le persone"
                    </Checkbox>
                })}
                <button type="submit" class="btn btn-primary">"Salva le regole"</button>
            </form>
        </section>
    }
    .into_any()
}

#[component]
fn HoursSection(office: OfficeSettings) -> impl IntoView {
    let mut current: std::collections::BTreeMap<String, String> = DAY_FIELDS
        .iter()
        .zip(&office.hours)
        .map(|((name, _), hours)| ((*name).to_owned(), hours.clone()))
        .collect();
    current.insert("sede".to_owned(), office.id.to_string());
    let form = FormState::editing(use_submitted(OFFICE_HOURS_PATH), current);
    view! {
        <section aria-labelledby="titolo-orari" class="mt-5 stretto">
            <h3 id="titolo-orari">"Orari settimanali"</h3>
            <p id="orari-aiuto">"Per ogni giorno scrivi le fasce di apertura, per esempio «9:00-12:30, 15:00-17:00». Lascia vuoto il giorno di chiusura. Gli appuntamenti già presi restano validi."</p>
            <ErrorSummary form labels=&DAY_FIELDS />
            <form method="post" action=OFFICE_HOURS_PATH novalidate>
                <input type="hidden" name="sede" value=office.id.to_string() />
                {DAY_FIELDS.iter().map(|(name, label)| view! {
                    <TextField form name=*name label=*label max_length=60 />
                }).collect_view()}
                <button type="submit" class="btn btn-primary">"Salva gli orari"</button>
            </form>
        </section>
    }
    .into_any()
}

#[component]
fn ClosuresSection(
    sede: String,
    closures: Vec<ClosureLine>,
    preview: Option<ClosurePreview>,
    submitted: Submitted,
) -> impl IntoView {
    // The check form is a GET: its values and errors come back in the preview.
    let check = match &preview {
        Some(preview) => Submitted {
            form: OFFICES_PATH.to_owned(),
            values: [
                ("dal", &preview.values.dal),
                ("al", &preview.values.al),
                ("motivo", &preview.values.motivo),
            ]
            .into_iter()
            .map(|(name, value)| (name.to_owned(), value.clone()))
            .collect(),
            errors: preview.errors.clone(),
            problem: None,
        },
        None => Submitted::default(),
    };
    let check_form = FormState::new(check);
    let confirm_form = FormState::new(submitted);
    let ready = preview.filter(|preview| preview.errors.is_empty());
    view! {
        <section aria-labelledby="titolo-chiusure" class="mt-5">
            <h3 id="titolo-chiusure">"Chiusure"</h3>
            {if closures.is_empty() {
                view! { <p>"Nessuna chiusura in programma."</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {closures.into_iter().map(|closure| {
                            let label = format!("Elimina la chiusura {}", closure.when);
                            view! {
                                <li>
                                    {closure.when}": "{closure.reason}
                                    {closure.everywhere.then_some(" (tutte le sedi)")}
                                    " "
                                    <form method="post" action=OFFICE_CLOSURE_DELETE_PATH class="d-inline">
                                        <input type="hidden" name="sede" value=sede.clone() />
                                        <input type="hidden" name="id" value=closure.id.to_string() />
                                        <button type="submit" class="btn btn-sm btn-outline-primary" aria-label=label>"Elimina"</button>
                                    </form>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <div class="stretto">
                <h4 class="h5 mt-4">"Nuova chiusura"</h4>
                <ErrorSummary form=check_form labels=CLOSURE_LABELS />
                <form method="get" action=OFFICES_PATH novalidate>
                    <input type="hidden" name="sede" value=sede.clone() />
                    <TextField form=check_form name="dal" label="Primo giorno di chiusura" kind="date" hint="Per esempio 2026-08-10." required=true />
                    <TextField form=check_form name="al" label="Ultimo giorno di chiusura" kind="date" hint="Per un giorno solo, lo stesso del primo." required=true />
                    <TextField form=check_form name="motivo" label="Motivo" hint="Lo leggono i cittadini, per esempio «chiusura estiva»." required=true max_length=200 />
                    <button type="submit" class="btn btn-outline-primary">"Controlla gli appuntamenti"</button>
                </form>
            </div>
            {ready.map(|preview| {
                let count = preview.bookings.len();
                let values = preview.values.clone();
                let summary = match count {
                    0 => "Nessun appuntamento cade in questi giorni.".to_owned(),
                    1 => "Un appuntamento cade in questi giorni: sarà annullato e la persona avvisata.".to_owned(),
                    n => format!("{n} appuntamenti cadono in questi giorni: saranno annullati e le persone avvisate."),
                };
                let button = match count {
                    0 => "Conferma la chiusura".to_owned(),
                    1 => "Conferma la chiusura e annulla l'appuntamento".to_owned(),
                    n => format!("Conferma la chiusura e annulla {n} appuntamenti"),
                };
                view! {
                    <section aria-labelledby="titolo-verifica" class="mt-4">
                        <h4 id="titolo-verifica" class="h5">"Prima di confermare"</h4>
                        <ErrorSummary form=confirm_form labels=CLOSURE_LABELS />
                        <p>{summary}</p>
                        {(count > 0).then(|| view! { <BookingsTable caption="Appuntamenti che la chiusura annulla" bookings=preview.bookings /> })}
                        <form method="post" action=OFFICE_CLOSURE_PATH>
                            <input type="hidden" name="sede" value=sede.clone() />
                            <input type="hidden" name="dal" value=values.dal />
                            <input type="hidden" name="al" value=values.al />
                            <input type="hidden" name="motivo" value=values.motivo />
                            <input type="hidden" name="previsti" value=count.to_string() />
                            <button type="submit" class="btn btn-primary">{button}</button>
                        </form>
                    </section>
                }
            })}
        </section>
    }
    .into_any()
}

/// One day's opening windows typed as "9:00-12:30, 15:00-17:00" (also "9-12.30"), in order and
/// not overlapping; empty when the office is closed that day.
pub fn parse_windows(text: &str) -> Result<Vec<(chrono::NaiveTime, chrono::NaiveTime)>, String> {
    const HOW: &str = "Scrivi le fasce come «9:00-12:30, 15:00-17:00», oppure lascia vuoto se la sede è chiusa.";
    let time = crate::validation::clock_time;
    let mut windows = Vec::new();
    for part in text.split([',', ';']).map(str::trim).filter(|part| !part.is_empty()) {
        let Some((opens, closes)) = part.split_once(['-', '–']) else {
            return Err(HOW.to_owned());
        };
        let (Some(opens), Some(closes)) = (time(opens), time(closes)) else {
            return Err(HOW.to_owned());
        };
        if opens >= closes {
            return Err(format!(
                "Nella fascia «{part}» l'apertura deve venire prima della chiusura."
            ));
        }
        windows.push((opens, closes));
    }
    windows.sort();
    if windows.windows(2).any(|pair| pair[0].1 > pair[1].0) {
        return Err("Due fasce si sovrappongono: correggile.".to_owned());
    }
    Ok(windows)
}

/// The windows of a day as the form writes them.
pub fn format_windows(windows: &[(chrono::NaiveTime, chrono::NaiveTime)]) -> String {
    windows
        .iter()
        .map(|(opens, closes)| format!("{}-{}", opens.format("%H:%M"), closes.format("%H:%M")))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The offices as the screen shows them, with the appointments a change would cancel; the queries
/// the forms share.
pub mod store {
    use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
    use chrono_tz::Europe::Rome;

    use super::*;
    use crate::access::auth;
    use crate::audit::Entry;
    use crate::booking::office_cancel::{CancelledBooking, OfficeForNotice, COLUMNS as BOOKING_COLUMNS};
    use crate::booking::slots::utc_bounds;
    use crate::dates::long_date;

    use crate::on_db;
    use crate::state::AppState;

    /// Why the office cancelled an appointment (`bookings.cancel_reason`).
    pub const CLOSED: &str = "chiusura della sede";

    pub const FEWER_PLACES: &str = "riduzione dei posti";

    #[derive(sqlx::FromRow)]
    pub(super) struct OfficeRow {
        pub(super) id: i64,
        pub(super) slug: String,
        pub(super) name: String,
        pub(super) phone: String,
        pub(super) slot_minutes: i64,
        pub(super) slot_capacity: i64,
        pub(super) booking_horizon_days: i64,
        pub(super) min_notice_hours: i64,
        pub(super) cancel_cutoff_hours: i64,
    }

    impl OfficeRow {
        pub(super) fn for_notice(&self) -> OfficeForNotice {
            OfficeForNotice {
                slug: self.slug.clone(),
                name: self.name.clone(),
                phone: self.phone.clone(),
            }
        }
    }

    pub(super) const OFFICE: &str = "SELECT id, slug, name, phone, slot_minutes, slot_capacity, booking_horizon_days,
                                 min_notice_hours, cancel_cutoff_hours
                            FROM offices WHERE id = $1";

    impl CancelledBooking {
        fn shown(&self) -> AffectedBooking {
            AffectedBooking {
                code: self.code.clone(),
                when: self.when(),
                name: format!("{} {}", self.given_name, self.family_name),
                contact: self.email.clone().or_else(|| self.phone.clone()).unwrap_or_default(),
                by_email: self.email.is_some(),
            }
        }
    }

    /// The office the page or form names, or the first one.
    pub(super) fn office_id(raw: &str) -> Option<i64> {
        raw.trim().parse().ok()
    }

    /// The appointments a lower `capacity` no longer fits: in each future slot, those booked last.
    pub(super) fn excess(bookings: &[CancelledBooking], capacity: i64) -> Vec<CancelledBooking> {
        let mut excess = Vec::new();
        let mut seats: std::collections::HashMap<DateTime<Utc>, i64> = std::collections::HashMap::new();
        for booking in bookings {
            let taken = seats.entry(booking.starts_at).or_default();
            *taken += 1;
            if *taken > capacity {
                excess.push(booking.clone());
            }
        }
        excess
    }

    /// Future confirmed appointments of an office, each slot's in booking order.
    pub(super) const FUTURE_BOOKINGS: &str =
        "SELECT id, code, starts_at, given_name, family_name, email, phone, booked_in FROM bookings
                                    WHERE office_id = $1 AND status = 'confermata' AND starts_at > $2
                                    ORDER BY starts_at, created_at, id";

    /// Confirmed appointments of an office in `[from, until)`.
    pub(super) const BOOKINGS_BETWEEN: &str = "SELECT id, code, starts_at, given_name, family_name, email, phone, booked_in FROM bookings
                                     WHERE office_id = $1 AND status = 'confermata' AND starts_at >= $2 AND starts_at < $3
                                     ORDER BY starts_at, id";

    /// A closure's days, checked: (first day, last day, reason) or the errors.
    pub(super) fn check_closure(
        form: &ClosureForm,
        today: NaiveDate,
    ) -> Result<(NaiveDate, NaiveDate, String), FieldErrors> {
        let mut errors = FieldErrors::new();
        let from = crate::validation::day(&form.dal);
        let until = crate::validation::day(&form.al);
        match from {
            None => errors.add("dal", "Scrivi il primo giorno di chiusura, per esempio 10/08/2026."),
            Some(from) if from < today => errors.add("dal", "La chiusura non può cominciare nel passato."),
            Some(_) => {}
        }
        match (from, until) {
            (_, None) => errors.add("al", "Scrivi l'ultimo giorno di chiusura come 2026-08-21."),
            (Some(from), Some(until)) if until < from => {
                errors.add("al", "L'ultimo giorno non può venire prima del primo.")
            }
            (Some(from), Some(until)) if (until - from).num_days() > 366 => {
                errors.add("al", "Una chiusura dura al massimo un anno.")
            }
            _ => {}
        }
        let reason = form.motivo.split_whitespace().collect::<Vec<_>>().join(" ");
        if reason.is_empty() || reason.chars().count() > 200 {
            errors.add("motivo", "Scrivi il motivo della chiusura (al massimo 200 caratteri).");
        }
        match (from, until) {
            (Some(from), Some(until)) if errors.is_empty() => Ok((from, until, reason)),
            _ => Err(errors),
        }
    }

    pub async fn view(query: OfficesQuery) -> Result<OfficesView, AppError> {
        let (_, user) = auth::permitted(Permission::ManageOffices).await?;
        let state = AppState::current();
        let now = state.clock.now();
        let today = now.with_timezone(&Rome).date_naive();
        let closure_check = query
            .closure
            .as_ref()
            .map(|form| (form.clone(), check_closure(form, today)));
        let begin = state.db.begin_writing();
        let loaded = on_db!(&state.db, pool => {
            let mut tx = pool.begin_with(begin).await?;
            let offices: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM offices ORDER BY id")
                .fetch_all(&mut *tx)
                .await?;
            let chosen = query
                .sede
                .filter(|id| offices.iter().any(|(office, _)| office == id))
                .or_else(|| offices.first().map(|(id, _)| *id));
            let Some(chosen) = chosen else {
                tx.rollback().await?;
                return Ok(OfficesView {
                    offices,
                    office: None,
                    closures: Vec::new(),
                    to_call: Vec::new(),
                    closure_preview: None,
                    capacity_excess: Vec::new(),
                });
            };
            let office: OfficeRow = sqlx::query_as(OFFICE).bind(chosen).fetch_one(&mut *tx).await?;
            let hours: Vec<(i64, NaiveTime, NaiveTime)> = sqlx::query_as(
                "SELECT weekday, opens, closes FROM office_hours WHERE office_id = $1 ORDER BY weekday, opens",
            )
            .bind(chosen)
            .fetch_all(&mut *tx)
            .await?;
            let closures: Vec<(i64, Option<i64>, NaiveDate, NaiveDate, String)> = sqlx::query_as(
                "SELECT id, office_id, starts_on, ends_on, reason FROM closures
                  WHERE (office_id = $1 OR office_id IS NULL) AND ends_on >= $2
                  ORDER BY starts_on, id",
            )
            .bind(chosen)
            .bind(today)
            .fetch_all(&mut *tx)
            .await?;
            let to_call: Vec<CancelledBooking> = sqlx::query_as(&format!(
                "SELECT {BOOKING_COLUMNS} FROM bookings
                  WHERE office_id = $1 AND status = 'annullata' AND cancel_reason IN ($2, $3)
                    AND email IS NULL AND phone IS NOT NULL AND starts_at > $4
                  ORDER BY starts_at, id"
            ))
            .bind(chosen)
            .bind(CLOSED)
            .bind(FEWER_PLACES)
            .bind(now)
            .fetch_all(&mut *tx)
            .await?;
            let closure_bookings: Vec<CancelledBooking> = match &closure_check {
                Some((_, Ok((from, until, _)))) => {
                    let (start, end) = utc_bounds(*from, *until + chrono::Days::new(1));
                    sqlx::query_as(BOOKINGS_BETWEEN)
                        .bind(chosen)
                        .bind(start.max(now))
                        .bind(end)
                        .fetch_all(&mut *tx)
                        .await?
                }
                _ => Vec::new(),
            };
            let capacity_excess = match query.capacity {
                Some(capacity) if capacity < office.slot_capacity => {
                    let future: Vec<CancelledBooking> =
                        sqlx::query_as(FUTURE_BOOKINGS).bind(chosen).bind(now).fetch_all(&mut *tx).await?;
                    excess(&future, capacity)
                }
                _ => Vec::new(),
            };
            let shown = to_call.iter().chain(&closure_bookings).chain(&capacity_excess).map(|b| b.id);
            crate::audit!(
                &mut *tx,
                &state.audit_key,
                now,
                Entry::new(user.actor(), "sedi.vista").records(RecordKind::Booking, shown)
            )?;
            tx.commit().await?;
            (offices, office, hours, closures, to_call, closure_bookings, capacity_excess)
        });
        let (offices, office, hours, closures, to_call, closure_bookings, capacity_excess) = loaded;
        let hours = (1..=7)
            .map(|weekday| {
                let windows: Vec<_> = hours
                    .iter()
                    .filter(|(day, ..)| *day == weekday)
                    .map(|(_, opens, closes)| (*opens, *closes))
                    .collect();
                format_windows(&windows)
            })
            .collect();
        let closure_preview = closure_check.map(|(values, checked)| ClosurePreview {
            values,
            errors: checked.err().unwrap_or_default(),
            bookings: closure_bookings.iter().map(CancelledBooking::shown).collect(),
        });
        Ok(OfficesView {
            offices,
            office: Some(OfficeSettings {
                id: office.id,
                name: office.name,
                slot_minutes: office.slot_minutes,
                slot_capacity: office.slot_capacity,
                booking_horizon_days: office.booking_horizon_days,
                min_notice_hours: office.min_notice_hours,
                cancel_cutoff_hours: office.cancel_cutoff_hours,
                hours,
            }),
            closures: closures
                .into_iter()
                .map(|(id, office_id, from, until, reason)| ClosureLine {
                    id,
                    when: if from == until {
                        long_date(from)
                    } else {
                        format!("dal {} al {}", long_date(from), long_date(until))
                    },
                    reason,
                    everywhere: office_id.is_none(),
                })
                .collect(),
            to_call: to_call.iter().map(CancelledBooking::shown).collect(),
            closure_preview,
            capacity_excess: capacity_excess.iter().map(CancelledBooking::shown).collect(),
        })
    }
}

/// Saving an office's booking rules and weekly hours, adding and removing closures; the
/// appointments that no longer fit are cancelled and their people told, in the same transaction.
pub mod actions {

    use chrono_tz::Europe::Rome;

    use super::store::{
        check_closure, excess, office_id, OfficeRow, BOOKINGS_BETWEEN, CLOSED, FEWER_PLACES, FUTURE_BOOKINGS, OFFICE,
    };
    use super::*;
    use crate::access::auth;
    use crate::audit::Entry;
    use crate::booking::office_cancel::CancelledBooking;
    use crate::booking::slots::utc_bounds;

    use crate::db::Backend;
    use crate::forms::FormOutcome;
    use crate::on_db;
    use crate::state::AppState;

    fn number(
        errors: &mut FieldErrors,
        field: &str,
        raw: &str,
        range: std::ops::RangeInclusive<i64>,
        message: &str,
    ) -> i64 {
        match raw.trim().parse::<i64>() {
            Ok(value) if range.contains(&value) => value,
            _ => {
                errors.add(field, message);
                0
            }
        }
    }

    fn refused(field: &str, message: &str) -> Result<FormOutcome, AppError> {
        let mut errors = FieldErrors::new();
        errors.add(field, message);
        Ok(FormOutcome::Invalid(errors))
    }

    const OFFICE_GONE: &str = "La sede indicata non esiste più: ricarica la pagina.";

    /// On PostgreSQL, holds new bookings back while the office's places change, so none is taken
    /// with the old number; SQLite's `BEGIN IMMEDIATE` already lets one writer in at a time.
    const HOLD_BOOKINGS: &str = "LOCK TABLE bookings IN SHARE ROW EXCLUSIVE MODE";

    pub async fn save_rules(state: &AppState, form: RulesForm) -> Result<FormOutcome, AppError> {
        let (_, user) = auth::permitted(Permission::ManageOffices).await?;
        let Some(id) = office_id(&form.sede) else {
            return refused("durata", OFFICE_GONE);
        };
        let mut errors = FieldErrors::new();
        let minutes = number(
            &mut errors,
            "durata",
            &form.durata,
            5..=240,
            "Scrivi la durata in minuti, da 5 a 240.",
        );
        let capacity = number(
            &mut errors,
            "capienza",
            &form.capienza,
            1..=50,
            "Scrivi quante persone si ricevono insieme, da 1 a 50.",
        );
        let horizon = number(
            &mut errors,
            "orizzonte",
            &form.orizzonte,
            1..=366,
            "Scrivi quanti giorni in avanti si può prenotare, da 1 a 366.",
        );
        let notice = number(
            &mut errors,
            "preavviso",
            &form.preavviso,
            0..=720,
            "Scrivi il preavviso in ore, da 0 a 720.",
        );
        let cutoff = number(
            &mut errors,
            "limite",
            &form.limite,
            0..=720,
            "Scrivi il limite in ore, da 0 a 720.",
        );
        if !errors.is_empty() {
            return Ok(FormOutcome::Invalid(errors));
        }
        let confirmed = !form.conferma_eccedenti.is_empty();
        let now = state.clock.now();
        let backend = state.db.backend();
        let begin = state.db.begin_writing();
        let outcome = on_db!(&state.db, pool => {
            let mut tx = pool.begin_with(begin).await?;
            if backend == Backend::Postgres {
                sqlx::query(HOLD_BOOKINGS).execute(&mut *tx).await?;
            }
            let Some(office) = sqlx::query_as::<_, OfficeRow>(OFFICE).bind(id).fetch_optional(&mut *tx).await? else {
                tx.rollback().await?;
                return refused("durata", OFFICE_GONE);
            };
            let future: Vec<CancelledBooking> = sqlx::query_as(FUTURE_BOOKINGS).bind(id).bind(now).fetch_all(&mut *tx).await?;
            let excess = excess(&future, capacity);
            if !excess.is_empty() && !confirmed {
                tx.rollback().await?;
                let message = match excess.len() {
                    1 => "Con meno posti un appuntamento già preso non ci sta più (è elencato qui sotto). Per ridurre comunque i posti spunta la casella e salva di nuovo.".to_owned(),
                    n => format!("Con meno posti {n} appuntamenti già presi non ci stanno più (sono elencati qui sotto). Per ridurre comunque i posti spunta la casella e salva di nuovo."),
                };
                return refused("conferma_eccedenti", &message);
            }
            crate::cancel_by_office!(tx, state, now, &office.for_notice(), &excess, FEWER_PLACES, "perché la sede riceve meno persone in quell'orario");
            sqlx::query(
                "UPDATE offices SET slot_minutes = $1, slot_capacity = $2, booking_horizon_days = $3,
                                    min_notice_hours = $4, cancel_cutoff_hours = $5
                  WHERE id = $6",
            )
            .bind(minutes)
            .bind(capacity)
            .bind(horizon)
            .bind(notice)
            .bind(cutoff)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            // The seats of slots to come count against the new number from now on.
            sqlx::query("UPDATE slot_seats SET capacity = $1 WHERE office_id = $2 AND starts_at > $3")
                .bind(capacity)
                .bind(id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "sedi.regole").records(RecordKind::Office, [id]))?;
            if !excess.is_empty() {
                crate::audit!(
                    &mut *tx,
                    &state.audit_key,
                    now,
                    Entry::new(user.actor(), "sedi.annulla").records(RecordKind::Booking, excess.iter().map(|b| b.id))
                )?;
            }
            tx.commit().await?;
            excess.len()
        });
        if outcome > 0 {
            state.mail_ready.notify_one();
        }
        Ok(FormOutcome::Done {
            next: office_link(
                &id.to_string(),
                &[("fatto", "regole".to_owned()), ("annullati", outcome.to_string())],
            ),
        })
    }

    pub async fn save_hours(state: &AppState, form: HoursForm) -> Result<FormOutcome, AppError> {
        let (_, user) = auth::permitted(Permission::ManageOffices).await?;
        let Some(id) = office_id(&form.sede) else {
            return refused("lunedi", OFFICE_GONE);
        };
        let mut errors = FieldErrors::new();
        let mut week = Vec::new();
        for ((name, _), text) in DAY_FIELDS.iter().zip(form.days()) {
            match parse_windows(text) {
                Ok(windows) => week.push(windows),
                Err(message) => {
                    errors.add(name, message);
                    week.push(Vec::new());
                }
            }
        }
        if !errors.is_empty() {
            return Ok(FormOutcome::Invalid(errors));
        }
        let now = state.clock.now();
        let begin = state.db.begin_writing();
        let saved = on_db!(&state.db, pool => {
            let mut tx = pool.begin_with(begin).await?;
            let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM offices WHERE id = $1").bind(id).fetch_optional(&mut *tx).await?;
            if exists.is_none() {
                tx.rollback().await?;
                false
            } else {
                sqlx::query("DELETE FROM office_hours WHERE office_id = $1").bind(id).execute(&mut *tx).await?;
                for (weekday, windows) in (1_i64..).zip(&week) {
                    for (opens, closes) in windows {
                        sqlx::query("INSERT INTO office_hours (office_id, weekday, opens, closes) VALUES ($1, $2, $3, $4)")
                            .bind(id)
                            .bind(weekday)
                            .bind(opens)
                            .bind(closes)
                            .execute(&mut *tx)
                            .await?;
                    }
                }
                crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "sedi.orari").records(RecordKind::Office, [id]))?;
                tx.commit().await?;
                true
            }
        });
        if !saved {
            return refused("lunedi", OFFICE_GONE);
        }
        Ok(FormOutcome::Done {
            next: office_link(&id.to_string(), &[("fatto", "orari".to_owned())]),
        })
    }

    pub async fn add_closure(state: &AppState, form: ClosureForm) -> Result<FormOutcome, AppError> {
        let (_, user) = auth::permitted(Permission::ManageOffices).await?;
        let Some(id) = office_id(&form.sede) else {
            return refused("dal", OFFICE_GONE);
        };
        let now = state.clock.now();
        let today = now.with_timezone(&Rome).date_naive();
        let (from, until, reason) = match check_closure(&form, today) {
            Ok(checked) => checked,
            Err(errors) => return Ok(FormOutcome::Invalid(errors)),
        };
        let shown: usize = form.previsti.trim().parse().unwrap_or(usize::MAX);
        let (start, end) = utc_bounds(from, until + chrono::Days::new(1));
        let backend = state.db.backend();
        let begin = state.db.begin_writing();
        let cancelled = on_db!(&state.db, pool => {
            let mut tx = pool.begin_with(begin).await?;
            if backend == Backend::Postgres {
                sqlx::query(HOLD_BOOKINGS).execute(&mut *tx).await?;
            }
            let Some(office) = sqlx::query_as::<_, OfficeRow>(OFFICE).bind(id).fetch_optional(&mut *tx).await? else {
                tx.rollback().await?;
                return refused("dal", OFFICE_GONE);
            };
            let affected: Vec<CancelledBooking> = sqlx::query_as(BOOKINGS_BETWEEN)
                .bind(id)
                .bind(start.max(now))
                .bind(end)
                .fetch_all(&mut *tx)
                .await?;
            if affected.len() != shown {
                tx.rollback().await?;
                return refused(
                    "previsti",
                    "Nel frattempo gli appuntamenti di quei giorni sono cambiati: controlla di nuovo l'elenco qui sotto e conferma.",
                );
            }
            let closure: i64 = sqlx::query_scalar(
                "INSERT INTO closures (office_id, starts_on, ends_on, reason, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(id)
            .bind(from)
            .bind(until)
            .bind(&reason)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            let why = format!("perché la sede resterà chiusa ({reason})");
            crate::cancel_by_office!(tx, state, now, &office.for_notice(), &affected, CLOSED, &why);
            crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "sedi.chiusura").records(RecordKind::Closure, [closure]))?;
            if !affected.is_empty() {
                crate::audit!(
                    &mut *tx,
                    &state.audit_key,
                    now,
                    Entry::new(user.actor(), "sedi.annulla").records(RecordKind::Booking, affected.iter().map(|b| b.id))
                )?;
            }
            tx.commit().await?;
            affected.len()
        });
        if cancelled > 0 {
            state.mail_ready.notify_one();
        }
        Ok(FormOutcome::Done {
            next: office_link(
                &id.to_string(),
                &[("fatto", "chiusura".to_owned()), ("annullati", cancelled.to_string())],
            ),
        })
    }

    /// Removes a closure: its days become bookable again (cancelled appointments stay cancelled).
    pub async fn delete_closure(state: &AppState, form: ClosureAction) -> Result<FormOutcome, AppError> {
        let (_, user) = auth::permitted(Permission::ManageOffices).await?;
        let now = state.clock.now();
        let begin = state.db.begin_writing();
        let deleted = on_db!(&state.db, pool => {
            let mut tx = pool.begin_with(begin).await?;
            let deleted = sqlx::query("DELETE FROM closures WHERE id = $1").bind(form.id).execute(&mut *tx).await?.rows_affected();
            if deleted == 1 {
                crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "sedi.chiusura_eliminata").records(RecordKind::Closure, [form.id]))?;
                tx.commit().await?;
            } else {
                tx.rollback().await?;
            }
            deleted
        });
        if deleted != 1 {
            return refused("id", "La chiusura indicata non esiste più: ricarica la pagina.");
        }
        Ok(FormOutcome::Done {
            next: office_link(form.sede.trim(), &[("fatto", "eliminata".to_owned())]),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveTime;

    fn at(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn weekly_hours_read_as_people_type_them() {
        assert_eq!(parse_windows(""), Ok(vec![]));
        assert_eq!(
            parse_windows("15:00-17:00, 9-12.30"),
            Ok(vec![(at(9, 0), at(12, 30)), (at(15, 0), at(17, 0))])
        );
        assert_eq!(
            format_windows(&parse_windows("9-12.30; 15-17").unwrap()),
            "09:00-12:30, 15:00-17:00"
        );
        assert!(parse_windows("mattina").is_err());
        assert!(parse_windows("12:00-9:00")
            .unwrap_err()
            .contains("prima della chiusura"));
        assert!(parse_windows("9-12, 11-13").unwrap_err().contains("sovrappongono"));
        assert!(parse_windows("25:00-26:00").is_err());
    }
}
