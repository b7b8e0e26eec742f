//! `/prenota/gestisci?t=…`: the page the private link opens. It shows the booking and lets the
//! citizen cancel it or move it to another free time, up to the office's cut-off.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::pages::{clock_value, MonthCalendar};
use super::pages::{free_times_of, time_range, when};
use super::{manage_booking_view, ManagePlace, ManageView, ManagedBooking, MoveStep, NEW_LINK_PATH, PATH};
use crate::forms::{use_submitted, ErrorSummary, FormState, TextField};
use crate::i18n::use_language;

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
    let language = use_language();
    view! {
        <div class="container stretto">
            <h1>{language.text("manage-heading")}</h1>
            <Suspense fallback=move || view! { <p>{language.text("loading")}</p> }>
                {move || {
                    let (token, _, _, _, outcome) = wanted();
                    Suspend::new(async move {
                        match view_of.await {
                            Ok(Some(view)) => {
                                view! { <Managed view place=ManagePlace::private_link(&token) outcome /> }.into_any()
                            }
                            Ok(None) => view! {
                                <Title text=language.text("manage-bad-link-title") />
                                <div class="alert alert-warning">
                                    <p>{language.text("manage-bad-link")}</p>
                                    <ul class="mb-0">
                                        <li><a href=language.href(NEW_LINK_PATH)>{language.text("ask-new-link")}</a></li>
                                        <li><a href=language.href(PATH)>{language.text("book-new")}</a></li>
                                    </ul>
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

/// A booking, and what may be done with it from `place` (the private link, or the families' area).
#[component]
pub fn Managed(view: ManageView, place: ManagePlace, outcome: Option<String>) -> impl IntoView {
    let language = use_language();
    let text = move |key: &str| language.text(key);
    let booking = view.booking;
    let said = match outcome.as_deref() {
        Some("annullata") => Some(text("manage-cancelled-said")),
        Some("spostata") => Some(text("manage-moved-said")),
        _ => None,
    };
    let title = text(if booking.cancelled {
        "manage-cancelled-title"
    } else {
        "manage-heading"
    });
    view! {
        <Title text=title />
        {said.map(|said| view! { <p class="alert alert-success" role="status">{said}</p> })}
        <BookingCard booking=booking.clone() />
        {if booking.cancelled {
            view! { <p>{text("manage-is-cancelled")}" "<a href=language.href(PATH)>{text("book-new")}</a></p> }.into_any()
        } else if !booking.changeable {
            view! {
                <p class="alert alert-info">
                    {language.text_with(
                        "manage-too-late",
                        &[("hours", booking.cutoff_hours.to_string()), ("phone", booking.office.phone.clone())],
                    )}
                </p>
            }
            .into_any()
        } else {
            match view.moving {
                MoveStep::NotMoving => view! {
                    {place.calendar_link().map(|calendar| view! {
                        <p>
                            <a class="btn btn-outline-primary" href=calendar download rel="external">
                                {text("add-to-calendar")}
                            </a>
                        </p>
                    })}
                    <Actions place />
                }
                .into_any(),
                MoveStep::Day(month) => view! {
                    <h2 class="h4">{text("manage-move")}</h2>
                    <MonthCalendar base=language.href(&place.link(&[("sposta", "1".to_owned())])) month />
                    <p><a href=language.href(&place.link(&[]))>{text("manage-keep")}</a></p>
                }
                .into_any(),
                MoveStep::Time { date, slots } => view! { <MoveTimes place date slots /> }.into_any(),
            }
        }}
    }
}

#[component]
fn BookingCard(booking: ManagedBooking) -> impl IntoView {
    let language = use_language();
    let text = move |key: &str| language.text(key);
    view! {
        <dl class="row mx-0 bg-light rounded p-3 mb-4">
            <dt class="col-sm-4">{text("manage-code")}</dt>
            <dd class="col-sm-8 fw-semibold">{booking.code}</dd>
            <dt class="col-sm-4">{text("manage-when")}</dt>
            <dd class="col-sm-8">{when(language, booking.date, booking.starts, booking.ends)}</dd>
            <dt class="col-sm-4">{text("manage-where")}</dt>
            <dd class="col-sm-8">{format!("{}, {}", booking.office.name, booking.office.address)}</dd>
            <dt class="col-sm-4">{text("booking-step-topic")}</dt>
            <dd class="col-sm-8">{booking.topic}</dd>
            <dt class="col-sm-4">{text("manage-name")}</dt>
            <dd class="col-sm-8">{format!("{} {}", booking.given_name, booking.family_name)}</dd>
        </dl>
    }
}

/// "Sposta" (to the month) and "Annulla" (a plain post: one click, no JavaScript needed).
#[component]
fn Actions(place: ManagePlace) -> impl IntoView {
    let form = FormState::new(use_submitted(place.cancel));
    let language = use_language();
    view! {
        <ErrorSummary form labels=CANCEL_LABELS />
        <div class="d-flex flex-wrap gap-3 align-items-center" id="campo-annulla">
            <a class="btn btn-primary" href=language.href(&place.link(&[("sposta", "1".to_owned())]))>
                {language.text("manage-move")}
            </a>
            <form method="post" action=language.href(place.cancel) novalidate>
                <input type="hidden" name=place.field value=place.value.clone() />
                <button type="submit" class="btn btn-outline-danger">{language.text("manage-cancel")}</button>
            </form>
        </div>
    }
}

#[component]
fn MoveTimes(place: ManagePlace, date: chrono::NaiveDate, slots: Vec<super::FreeSlot>) -> impl IntoView {
    let form = FormState::new(use_submitted(place.move_to));
    let language = use_language();
    let text = move |key: &str| language.text(key);
    let other_day =
        language.href(&place.link(&[("sposta", "1".to_owned()), ("mese", date.format("%Y-%m").to_string())]));
    view! {
        <h2 class="h4">{text("manage-move")}</h2>
        <ErrorSummary form labels=MOVE_LABELS />
        {if slots.is_empty() {
            view! { <p>{text("manage-day-full")}</p> }.into_any()
        } else {
            view! {
                <form method="post" action=language.href(place.move_to) novalidate>
                    <input type="hidden" name=place.field value=place.value.clone() />
                    <input type="hidden" name="giorno" value=date.format("%Y-%m-%d").to_string() />
                    <fieldset class="mb-4" id="campo-ora">
                        <legend class="fs-5 fw-semibold">{free_times_of(language, date)}</legend>
                        {slots
                            .into_iter()
                            .map(|slot| {
                                let value = clock_value(slot);
                                let id = format!("nuova-ora-{}", value.replace(':', ""));
                                view! {
                                    <div class="form-check">
                                        <input type="radio" id=id.clone() name="ora" value=value required />
                                        <label for=id>{time_range(language, slot.starts, slot.ends)}</label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                    <button type="submit" class="btn btn-primary">{text("manage-move-here")}</button>
                </form>
            }
            .into_any()
        }}
        <p class="mt-3"><a href=other_day>{text("booking-other-day")}</a></p>
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
    let language = use_language();
    view! {
        <Title text=language.text("new-link-title") />
        <div class="container stretto">
            <h1>{language.text("new-link-title")}</h1>
            <Show
                when=sent
                fallback=move || {
                    view! {
                        <p class="lead">{language.text("new-link-lead")}</p>
                        <NewLinkRequest form=FormState::new(submitted.clone()) />
                    }
                }
            >
                <p class="alert alert-success" role="status">{language.text("new-link-sent")}</p>
            </Show>
        </div>
    }
}

/// The form of "Hai perso il collegamento?".
#[component]
fn NewLinkRequest(form: FormState) -> impl IntoView {
    let language = use_language();
    let text = move |key: &str| language.text(key);
    view! {
        <ErrorSummary form labels=NEW_LINK_LABELS />
        <form method="post" action=language.href(NEW_LINK_PATH) novalidate>
            <TextField
                form
                name="codice"
                label=text("new-link-code")
                hint=text("new-link-code-hint")
                required=true
                max_length=12
            />
            <TextField form name="contatto" label=text("new-link-contact") autocomplete="email" required=true max_length=254 />
            <button type="submit" class="btn btn-primary">{text("new-link-send")}</button>
        </form>
    }
}
