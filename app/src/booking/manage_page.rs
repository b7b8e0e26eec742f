//! `/prenota/gestisci?t=…`: the page the private link opens. It shows the booking and lets the
//! citizen cancel it or move it to another free time, up to the office's cut-off.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::pages::{clock_value, MonthCalendar};
use super::{
    manage_booking_view, manage_link, ManageView, ManagedBooking, MoveStep, CALENDAR_PATH, CANCEL_PATH, MOVE_PATH,
    NEW_LINK_PATH, PATH,
};
use crate::dates::{clock, long_date};
use crate::forms::{use_submitted, ErrorSummary, FormState, TextField};

const CANCEL_LABELS: &[(&str, &str)] = &[("annulla", "Annulla")];
const MOVE_LABELS: &[(&str, &str)] = &[("ora", "Nuovo orario")];

#[component]
pub fn ManageBookingPage() -> impl IntoView {
    let query = use_query_map();
    let wanted = move || {
        query.with(|q| {
            (
                q.get("t").unwrap_or_default(),
                q.get("sposta").is_some(),
                q.get("mese"),
                q.get("giorno"),
                q.get("esito"),
            )
        })
    };
    let view_of = Resource::new(wanted, |(token, moving, month, day, _)| {
        manage_booking_view(token, moving, month, day)
    });
    view! {
        <div class="container stretto">
            <h1>"Il tuo appuntamento"</h1>
            <Suspense fallback=|| view! { <p>"Caricamento…"</p> }>
                {move || {
                    let (token, _, _, _, outcome) = wanted();
                    Suspend::new(async move {
                        match view_of.await {
                            Ok(Some(view)) => view! { <Managed view token outcome /> }.into_any(),
                            Ok(None) => view! {
                                <Title text="Collegamento non valido" />
                                <div class="alert alert-warning">
                                    <p class="mb-0">
                                        "Il collegamento non è valido o non è più attivo. Se ne hai chiesto uno nuovo, usa "
                                        "quello dell'ultima email, oppure "<a href=NEW_LINK_PATH>"chiedine un altro"</a>
                                        ". Per prenotare di nuovo "<a href=PATH>"vai alla prenotazione"</a>"."
                                    </p>
                                </div>
                            }
                            .into_any(),
                            Err(error) => view! { <p class="alert alert-danger" role="alert">{error.to_string()}</p> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}

#[component]
fn Managed(view: ManageView, token: String, outcome: Option<String>) -> impl IntoView {
    let booking = view.booking;
    let said = match outcome.as_deref() {
        Some("annullata") => Some("Appuntamento annullato. Se hai un'email, ti abbiamo mandato la conferma."),
        Some("spostata") => Some("Appuntamento spostato. Se hai un'email, ti abbiamo mandato la conferma."),
        _ => None,
    };
    let title = if booking.cancelled {
        "Appuntamento annullato"
    } else {
        "Il tuo appuntamento"
    };
    view! {
        <Title text=title />
        {said.map(|said| view! { <p class="alert alert-success" role="status">{said}</p> })}
        <BookingCard booking=booking.clone() />
        {if booking.cancelled {
            view! { <p>"Questo appuntamento è annullato. "<a href=PATH>"Prenota un nuovo appuntamento"</a></p> }.into_any()
        } else if !booking.changeable {
            view! {
                <p class="alert alert-info">
                    {format!(
                        "Mancano meno di {} ore all'appuntamento: per annullarlo o spostarlo telefona al {}.",
                        booking.cutoff_hours, booking.office.phone
                    )}
                </p>
            }
            .into_any()
        } else {
            match view.moving {
                MoveStep::NotMoving => view! {
                    <p>
                        <a class="btn btn-outline-primary" href=format!("{CALENDAR_PATH}?t={token}") download rel="external">
                            "Aggiungi al calendario"
                        </a>
                    </p>
                    <Actions token />
                }
                .into_any(),
                MoveStep::Day(month) => view! {
                    <h2 class="h4">"Sposta l'appuntamento"</h2>
                    <MonthCalendar base=manage_link(&token, &[("sposta", "1".to_owned())]) month />
                    <p><a href=manage_link(&token, &[])>"Lascia l'appuntamento com'è"</a></p>
                }
                .into_any(),
                MoveStep::Time { date, slots } => view! { <MoveTimes token date slots /> }.into_any(),
            }
        }}
    }
}

#[component]
fn BookingCard(booking: ManagedBooking) -> impl IntoView {
    view! {
        <dl class="row mx-0 bg-light rounded p-3 mb-4">
            <dt class="col-sm-4">"Codice"</dt>
            <dd class="col-sm-8 fw-semibold">{booking.code}</dd>
            <dt class="col-sm-4">"Quando"</dt>
            <dd class="col-sm-8">
                {format!("{}, dalle {} alle {}", long_date(booking.date), clock(booking.starts), clock(booking.ends))}
            </dd>
            <dt class="col-sm-4">"Dove"</dt>
            <dd class="col-sm-8">{format!("{}, {}", booking.office.name, booking.office.address)}</dd>
            <dt class="col-sm-4">"Argomento"</dt>
            <dd class="col-sm-8">{booking.topic}</dd>
            <dt class="col-sm-4">"A nome di"</dt>
            <dd class="col-sm-8">{format!("{} {}", booking.given_name, booking.family_name)}</dd>
        </dl>
    }
}

/// "Sposta" (to the month) and "Annulla" (a plain post: one click, no JavaScript needed).
#[component]
fn Actions(token: String) -> impl IntoView {
    let form = FormState::new(use_submitted(CANCEL_PATH));
    view! {
        <ErrorSummary form labels=CANCEL_LABELS />
        <div class="d-flex flex-wrap gap-3 align-items-center" id="campo-annulla">
            <a class="btn btn-primary" href=manage_link(&token, &[("sposta", "1".to_owned())])>"Sposta l'appuntamento"</a>
            <form method="post" action=CANCEL_PATH novalidate>
                <input type="hidden" name="t" value=token />
                <button type="submit" class="btn btn-outline-danger">"Annulla l'appuntamento"</button>
            </form>
        </div>
    }
}

#[component]
fn MoveTimes(token: String, date: chrono::NaiveDate, slots: Vec<super::FreeSlot>) -> impl IntoView {
    let form = FormState::new(use_submitted(MOVE_PATH));
    let other_day = manage_link(
        &token,
        &[("sposta", "1".to_owned()), ("mese", date.format("%Y-%m").to_string())],
    );
    view! {
        <h2 class="h4">"Sposta l'appuntamento"</h2>
        <ErrorSummary form labels=MOVE_LABELS />
        {if slots.is_empty() {
            view! { <p>"In questo giorno non ci sono più orari liberi."</p> }.into_any()
        } else {
            view! {
                <form method="post" action=MOVE_PATH novalidate>
                    <input type="hidden" name="t" value=token.clone() />
                    <input type="hidden" name="giorno" value=date.format("%Y-%m-%d").to_string() />
                    <fieldset class="mb-4" id="campo-ora">
                        <legend class="fs-5 fw-semibold">{format!("Orari liberi di {}", long_date(date))}</legend>
                        {slots
                            .into_iter()
                            .map(|slot| {
                                let value = clock_value(slot);
                                let id = format!("nuova-ora-{}", value.replace(':', ""));
                                view! {
                                    <div class="form-check">
                                        <input type="radio" id=id.clone() name="ora" value=value required />
                                        <label for=id>{format!("dalle {} alle {}", clock(slot.starts), clock(slot.ends))}</label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                    <button type="submit" class="btn btn-primary">"Sposta a questo orario"</button>
                </form>
            }
            .into_any()
        }}
        <p class="mt-3"><a href=other_day>"Scegli un altro giorno"</a></p>
    }
}

const NEW_LINK_LABELS: &[(&str, &str)] = &[
    ("codice", "Codice della prenotazione"),
    ("contatto", "Email o telefono"),
];

/// `/prenota/ritrova`: "Hai perso il collegamento?".
#[component]
pub fn NewLinkPage() -> impl IntoView {
    let query = use_query_map();
    let sent = move || query.with(|q| q.get("inviato").is_some());
    let submitted = use_submitted(NEW_LINK_PATH);
    view! {
        <Title text="Hai perso il collegamento?" />
        <div class="container stretto">
            <h1>"Hai perso il collegamento?"</h1>
            <Show
                when=sent
                fallback=move || {
                    view! {
                        <p class="lead">
                            "Scrivi il codice della prenotazione e l'email o il telefono che hai dato prenotando: "
                            "ti mandiamo per email un nuovo collegamento per vedere, spostare o annullare l'appuntamento."
                        </p>
                        <NewLinkRequest form=FormState::new(submitted.clone()) />
                    }
                }
            >
                <p class="alert alert-success" role="status">
                    "Se il codice e l'email o il telefono corrispondono a un appuntamento in programma, ti abbiamo mandato "
                    "un'email con il nuovo collegamento. Il collegamento precedente non funziona più."
                </p>
            </Show>
        </div>
    }
}

/// The form of "Hai perso il collegamento?".
#[component]
fn NewLinkRequest(form: FormState) -> impl IntoView {
    view! {
        <ErrorSummary form labels=NEW_LINK_LABELS />
        <form method="post" action=NEW_LINK_PATH novalidate>
            <TextField form name="codice" label="Codice della prenotazione" hint="8 caratteri, per esempio K7MP3XQ9." required=true max_length=12 />
            <TextField form name="contatto" label="Email o telefono" autocomplete="email" required=true max_length=254 />
            <button type="submit" class="btn btn-primary">"Mandami un nuovo collegamento"</button>
        </form>
    }
}
