//! The pages of the booking flow: the steps (`/prenota`), the summary (`/prenota/riepilogo`) and
//! the confirmation (`/prenota/confermata`).

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use super::details::{InterviewLanguage, ABOUT_MAX_CHARS, NEEDS_MAX_CHARS};
use super::{
    booking_draft, resolve_booking_step, step_link, BookingOffice, BookingQuery, BookingStep, BookingTopic, DraftView,
    FreeSlot, MonthView, CHANGE_SLOT_PATH, PATH, SUMMARY_PATH,
};
use crate::dates::{clock, long_date_in, month_and_year_in, weekdays_in};
use crate::forms::{use_submitted, Checkbox, ChoiceField, ErrorSummary, FormState, TextArea, TextField};
use crate::i18n::{use_language, Language};
use crate::layout::Breadcrumb;

/// The model's steps, as the step indicator names them (their messages).
const STEPS: [&str; 5] = [
    "booking-step-office",
    "booking-step-topic",
    "booking-step-time",
    "booking-step-details",
    "booking-step-summary",
];

/// "martedì 1 dicembre 2026, dalle 9:30 alle 10:00" in `language`.
pub fn when(language: Language, date: NaiveDate, starts: chrono::NaiveTime, ends: chrono::NaiveTime) -> String {
    language.text_with(
        "booking-when",
        &[
            ("date", long_date_in(language, date)),
            ("starts", clock(starts)),
            ("ends", clock(ends)),
        ],
    )
}

/// "dalle 9:30 alle 10:00" in `language`.
pub(super) fn time_range(language: Language, starts: chrono::NaiveTime, ends: chrono::NaiveTime) -> String {
    language.text_with(
        "booking-time-range",
        &[("starts", clock(starts)), ("ends", clock(ends))],
    )
}

/// "Orari liberi di martedì 1 dicembre 2026" in `language`.
pub(super) fn free_times_of(language: Language, date: NaiveDate) -> String {
    language.text_with("booking-free-times-of", &[("date", long_date_in(language, date))])
}

/// The name, in `language`, of an interview language as the booking keeps it (`ar`, `altra`).
fn interview_language_name(language: Language, code: &str) -> String {
    let code = InterviewLanguage::from_key(code)
        .unwrap_or(InterviewLanguage::Italian)
        .key();
    language.text(&format!("interview-language-{code}"))
}

/// The details form's fields, in page order, with the labels the error summary links to.
const DETAILS_LABELS: &[(&str, &str)] = &[
    ("ora", "Orario"),
    ("nome", "Nome"),
    ("cognome", "Cognome"),
    ("email", "Email"),
    ("telefono", "Telefono"),
    ("codice_fiscale", "Codice fiscale"),
    ("lingua", "Lingua"),
    ("accessibilita", "Esigenze di accessibilità"),
    ("motivo", "Di cosa vuoi parlare"),
    ("privacy", "Informativa privacy"),
];

const SUMMARY_LABELS: &[(&str, &str)] = &[("orario", "Orario")];

/// The model's step indicator: every step on wide screens; on phones the current one and "3/5".
#[component]
pub(super) fn StepIndicator(current: usize) -> impl IntoView {
    let language = use_language();
    view! {
        <nav class="steppers mb-4" aria-label=language.text("booking-steps-label")>
            <div class="steppers-header">
                <ul>
                    {STEPS
                        .iter()
                        .enumerate()
                        .map(|(i, key)| {
                            let state = if i < current { "confirmed" } else if i == current { "active" } else { "" };
                            view! {
                                <li class=state aria-current=(i == current).then_some("step")>
                                    <span class="steppers-number">
                                        <span class="visually-hidden">{language.text("booking-step")}" "</span>
                                        {i + 1}
                                    </span>
                                    {language.text(key)}
                                    {(i < current).then(|| view! { <span class="visually-hidden">" "{language.text("booking-step-done")}</span> })}
                                </li>
                            }
                        })
                        .collect_view()}
                    <li class="steppers-index" aria-hidden="true">{format!("{}/{}", current + 1, STEPS.len())}</li>
                </ul>
            </div>
        </nav>
    }
}

/// What has been chosen so far, each with a link to change it.
#[component]
fn Choices(
    office: BookingOffice,
    #[prop(optional)] topic: Option<BookingTopic>,
    #[prop(optional)] time_slot: Option<FreeSlot>,
) -> impl IntoView {
    let language = use_language();
    let office_slug = office.slug.clone();
    let topic_slug = topic.as_ref().map(|t| t.slug.clone());
    view! {
        <dl class="row mx-0 bg-light rounded p-3 mb-4">
            <dt class="col-sm-3">{language.text("booking-step-office")}</dt>
            <dd class="col-sm-9">
                {office.name.clone()} ", " {office.address.clone()} " "
                <a href=language.href(PATH)>{language.text("booking-change-office")}</a>
            </dd>
            {topic.map(|topic| {
                let change = language.href(&step_link(Some(&office_slug), None, &[]));
                view! {
                    <dt class="col-sm-3">{language.text("booking-step-topic")}</dt>
                    <dd class="col-sm-9">{topic.name} " " <a href=change>{language.text("booking-change-topic")}</a></dd>
                }
            })}
            {time_slot.map(|slot| {
                let change = language.href(&step_link(Some(&office.slug), topic_slug.as_deref(), &[]));
                view! {
                    <dt class="col-sm-3">{language.text("booking-step-time")}</dt>
                    <dd class="col-sm-9" id="campo-ora">
                        {when(language, slot.date, slot.starts, slot.ends)} " "
                        <a href=change>{language.text("booking-change-time")}</a>
                    </dd>
                }
            })}
        </dl>
    }
}

/// `/prenota`: the step the address stands at.
#[component]
pub fn BookingPage() -> impl IntoView {
    let query = use_query_map();
    // After a no-JS post of the details that must be corrected, the server renders this page at
    // the details step's address (rebuilt from the form's hidden fields), with what was typed.
    let submitted = use_submitted(PATH);
    let wanted = move || {
        query.with(|q| {
            let get = |name: &str| {
                q.get(name)
                    .map(|value| value.chars().take(80).collect::<String>())
                    .filter(|value| !value.is_empty())
            };
            BookingQuery {
                sede: get("sede"),
                argomento: get("argomento"),
                mese: get("mese"),
                giorno: get("giorno"),
                ora: get("ora"),
                servizio: get("servizio"),
            }
        })
    };
    let step = Resource::new(wanted, resolve_booking_step);
    let language = use_language();
    view! {
        <div class="container stretto">
            <Breadcrumb trail=vec![("nav-home", "/"), ("nav-services", "/servizi")] current=language.text("booking-title") />
            <h1>{language.text("booking-title")}</h1>
            <p class="lead">{language.text("booking-lead")}</p>
            <Suspense fallback=move || view! { <p>{language.text("loading")}</p> }>
                {move || {
                    let submitted = submitted.clone();
                    Suspend::new(async move {
                        match step.await {
                            Ok(step) => view! { <StepView step submitted /> }.into_any(),
                            Err(error) => view! { <p class="alert alert-danger" role="alert">{error.to_string()}</p> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}

#[component]
fn StepView(step: BookingStep, submitted: crate::forms::Submitted) -> impl IntoView {
    let language = use_language();
    let text = move |key: &str| language.text(key);
    let action = language.href(PATH);
    // A notice is a message of the booking's (`booking-slot-gone`), said in the page's language.
    let notice_view = move |notice: Option<String>| {
        notice.map(|key| view! { <p class="alert alert-warning" role="alert">{text(&key)}</p> })
    };
    match step {
        BookingStep::Office { offices, topic } => {
            let only_one = offices.len() == 1;
            view! {
                <Title text=text("booking-office-title") />
                <StepIndicator current=0 />
                <Form method="get" action=action>
                    {topic.map(|topic| view! { <input type="hidden" name="argomento" value=topic /> })}
                    <fieldset class="mb-4">
                        <legend class="h4">{text("booking-office-question")}</legend>
                        {offices
                            .into_iter()
                            .map(|office| {
                                let id = format!("sede-{}", office.slug);
                                view! {
                                    <div class="form-check">
                                        <input type="radio" id=id.clone() name="sede" value=office.slug checked=only_one required />
                                        <label for=id>
                                            <strong>{office.name}</strong>
                                            {format!(" — {}", office.address)}
                                        </label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                    <button type="submit" class="btn btn-primary">{text("booking-next")}</button>
                </Form>
            }
            .into_any()
        }
        BookingStep::Topic { office, topics } => view! {
            <Title text=text("booking-topic-title") />
            <StepIndicator current=1 />
            <Choices office=office.clone() />
            <Form method="get" action=action>
                <input type="hidden" name="sede" value=office.slug.clone() />
                <fieldset class="mb-4">
                    <legend class="h4">{text("booking-topic-question")}</legend>
                    <p class="form-text">{text("booking-topic-hint")}</p>
                    {topics
                        .into_iter()
                        .map(|topic| {
                            let id = format!("argomento-{}", topic.slug);
                            let hint_id = format!("{id}-aiuto");
                            view! {
                                <div class="form-check">
                                    <input type="radio" id=id.clone() name="argomento" value=topic.slug required aria-describedby=hint_id.clone() />
                                    <label for=id>{topic.name}</label>
                                    <p class="form-text mt-0 ms-5" id=hint_id>{topic.hint}</p>
                                </div>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <button type="submit" class="btn btn-primary">{text("booking-next")}</button>
            </Form>
        }
        .into_any(),
        BookingStep::Day { office, topic, month, notice } => view! {
            <Title text=text("booking-day-title") />
            <StepIndicator current=2 />
            <Choices office=office.clone() topic=topic.clone() />
            {notice_view(notice)}
            <MonthCalendar base=language.href(&step_link(Some(&office.slug), Some(&topic.slug), &[])) month />
        }
        .into_any(),
        BookingStep::Time { office, topic, date, slots, notice } => {
            let other_day = language.href(&step_link(
                Some(&office.slug),
                Some(&topic.slug),
                &[("mese", date.format("%Y-%m").to_string())],
            ));
            view! {
                <Title text=text("booking-time-title") />
                <StepIndicator current=2 />
                <Choices office=office.clone() topic=topic.clone() />
                {notice_view(notice)}
                <Form method="get" action=action>
                    <input type="hidden" name="sede" value=office.slug.clone() />
                    <input type="hidden" name="argomento" value=topic.slug.clone() />
                    <input type="hidden" name="giorno" value=date.format("%Y-%m-%d").to_string() />
                    <fieldset class="mb-4">
                        <legend class="h4">{free_times_of(language, date)}</legend>
                        {slots
                            .into_iter()
                            .map(|slot| {
                                let value = clock_value(slot);
                                let id = format!("ora-{}", value.replace(':', ""));
                                let seats = language.count("booking-seats", slot.free_seats as usize);
                                view! {
                                    <div class="form-check">
                                        <input type="radio" id=id.clone() name="ora" value=value required />
                                        <label for=id>{format!("{} ({seats})", time_range(language, slot.starts, slot.ends))}</label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                    <div class="d-flex flex-wrap align-items-center gap-3">
                        <button type="submit" class="btn btn-primary">{text("booking-next")}</button>
                        <a href=other_day>{text("booking-other-day")}</a>
                    </div>
                </Form>
            }
            .into_any()
        }
        BookingStep::Details { office, topic, slot } => {
            let title = text(if submitted.errors.is_empty() { "details-title" } else { "details-title-error" });
            view! {
                <Title text=title />
                <StepIndicator current=3 />
                <Choices office=office.clone() topic=topic.clone() time_slot=slot />
                <DetailsStep
                    office=office.slug
                    topic=topic.slug
                    day=slot.date.format("%Y-%m-%d").to_string()
                    time=clock_value(slot)
                    // The page's language preselects the interview's, until the person chooses; a
                    // person signed in to the area finds what their identity says filled in.
                    form=FormState::editing(
                        submitted,
                        std::iter::once(("lingua".to_owned(), language.code().to_owned()))
                            .chain(use_context::<crate::booking::BookingPrefill>().map(|prefill| prefill.fields()).unwrap_or_default())
                            .collect(),
                    )
                />
            }
            .into_any()
        }
    }
}

/// `09:30`: a slot's start as the query carries it.
pub(super) fn clock_value(slot: FreeSlot) -> String {
    slot.starts.format("%H:%M").to_string()
}

/// The month as a calendar table: days with free slots are links to their times. `base` is the
/// address of the page showing it, with its query (`…?sede=…&argomento=…`): the day or month chosen
/// is added to it.
#[component]
pub(super) fn MonthCalendar(base: String, month: MonthView) -> impl IntoView {
    let language = use_language();
    let month_link = |first: NaiveDate| format!("{base}&mese={}", first.format("%Y-%m"));
    let previous = month
        .previous
        .map(|first| (month_link(first), month_and_year_in(language, first)));
    let next = month
        .next
        .map(|first| (month_link(first), month_and_year_in(language, first)));
    let any_free = month.days.iter().any(|day| day.free_slots > 0);
    // Rows of seven days, Monday first, with empty cells before the 1st.
    let lead = month.first.weekday().num_days_from_monday() as usize;
    let mut cells: Vec<Option<super::DayAvailability>> = vec![None; lead];
    cells.extend(month.days.iter().copied().map(Some));
    while !cells.len().is_multiple_of(7) {
        cells.push(None);
    }
    let weeks: Vec<Vec<Option<super::DayAvailability>>> = cells.chunks(7).map(<[_]>::to_vec).collect();
    let title = month_and_year_in(language, month.first);
    view! {
        <h2 class="h4">{language.text("calendar-choose-day")}</h2>
        <p>{language.text("calendar-help")}</p>
        <div class="d-flex justify-content-between align-items-center flex-wrap gap-2 mb-2">
            {previous.map(|(href, name)| view! { <a href=href>{format!("‹ {name}")}</a> })}
            <span class="fw-semibold text-capitalize">{title.clone()}</span>
            {next.map(|(href, name)| view! { <a href=href>{format!("{name} ›")}</a> })}
        </div>
        <table class="calendario-mese table table-bordered text-center">
            <caption class="visually-hidden">{language.text_with("calendar-days-of", &[("month", title.clone())])}</caption>
            <thead>
                <tr>
                    {weekdays_in(language)
                        .into_iter()
                        .map(|(day, short)| view! { <th scope="col"><abbr title=day>{short}</abbr></th> })
                        .collect_view()}
                </tr>
            </thead>
            <tbody>
                {weeks
                    .into_iter()
                    .map(|week| {
                        view! {
                            <tr>
                                {week
                                    .into_iter()
                                    .map(|cell| match cell {
                                        None => view! { <td></td> }.into_any(),
                                        Some(day) if day.free_slots > 0 => {
                                            let href = format!("{base}&giorno={}", day.date.format("%Y-%m-%d"));
                                            let label = format!(
                                                "{}, {}",
                                                long_date_in(language, day.date),
                                                language.count("calendar-free-times", day.free_slots as usize)
                                            );
                                            view! {
                                                <td class="libero">
                                                    <a href=href aria-label=label>{day.date.day()}</a>
                                                </td>
                                            }
                                            .into_any()
                                        }
                                        Some(day) => view! {
                                            <td class="pieno">
                                                {day.date.day()}
                                                <span class="visually-hidden">", "{language.text("calendar-no-free-time")}</span>
                                            </td>
                                        }
                                        .into_any(),
                                    })
                                    .collect_view()}
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
        {(!any_free).then(|| view! {
            <p class="alert alert-info">{language.text("calendar-month-full")}</p>
        })}
    }
}

/// The details form, for the office, topic, day and time chosen (their slugs and values, as the
/// form sends them).
#[component]
fn DetailsStep(office: String, topic: String, day: String, time: String, form: FormState) -> impl IntoView {
    let language = use_language();
    let text = move |key: &str| language.text(key);
    let languages: Vec<(String, String)> = InterviewLanguage::ALL
        .iter()
        .map(|choice| (choice.key().to_owned(), interview_language_name(language, choice.key())))
        .collect();
    view! {
        <ErrorSummary form labels=DETAILS_LABELS />
        <form method="post" action=language.href(PATH) novalidate>
            <input type="hidden" name="sede" value=office />
            <input type="hidden" name="argomento" value=topic />
            <input type="hidden" name="giorno" value=day />
            <input type="hidden" name="ora" value=time />
            <h2 class="h4">{text("details-heading")}</h2>
            <p>{text("details-lead")}</p>
            <TextField form name="nome" label=text("details-given-name") autocomplete="given-name" required=true max_length=100 />
            <TextField form name="cognome" label=text("details-family-name") autocomplete="family-name" required=true max_length=100 />
            <TextField
                form
                name="email"
                label=text("details-email")
                kind="email"
                autocomplete="email"
                hint=text("details-email-hint")
                max_length=254
            />
            <TextField form name="telefono" label=text("details-phone") kind="tel" autocomplete="tel" max_length=30 />
            <TextField form name="codice_fiscale" label=text("details-cf") hint=text("details-cf-hint") max_length=16 />
            <ChoiceField form name="lingua" label=text("details-language") options=languages />
            <Checkbox form name="interprete">{text("details-interpreter")}</Checkbox>
            <TextField
                form
                name="accessibilita"
                label=text("details-accessibility")
                hint=text("details-accessibility-hint")
                max_length=NEEDS_MAX_CHARS
            />
            <TextArea form name="motivo" label=text("details-about") hint=text("details-about-hint") max_chars=ABOUT_MAX_CHARS />
            <Checkbox form name="privacy">
                {text("details-privacy-before")}
                <a href=language.href("/informativa-privacy")>{text("details-privacy-link")}</a>
                {text("details-privacy-after")}
            </Checkbox>
            <button type="submit" class="btn btn-primary">{text("details-continue")}</button>
        </form>
    }
}

/// The draft id of a summary or confirmation page, from its address.
fn draft_id() -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let query = use_query_map();
    move || query.with(|q| q.get("bozza")).unwrap_or_default()
}

/// `/prenota/riepilogo`: everything at a glance, then "Conferma la prenotazione".
#[component]
pub fn BookingSummaryPage() -> impl IntoView {
    let submitted = use_submitted(SUMMARY_PATH);
    let id = draft_id();
    let draft = Resource::new(id, booking_draft);
    let language = use_language();
    view! {
        <div class="container stretto">
            <Breadcrumb trail=vec![("nav-home", "/"), ("booking-title", PATH)] current=language.text("summary-crumb") />
            <h1>{language.text("summary-heading")}</h1>
            <Suspense fallback=move || view! { <p>{language.text("loading")}</p> }>
                {move || {
                    let submitted = submitted.clone();
                    Suspend::new(async move {
                        match draft.await {
                            Ok(Some(draft)) => view! { <Summary draft submitted /> }.into_any(),
                            Ok(None) => view! { <DraftGone /> }.into_any(),
                            Err(error) => view! { <p class="alert alert-danger" role="alert">{error.to_string()}</p> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}

#[component]
fn DraftGone() -> impl IntoView {
    let language = use_language();
    view! {
        <Title text=language.text("draft-gone-title") />
        <div class="alert alert-warning">
            <p class="mb-0">
                {language.text("draft-gone")}" "
                <a href=language.href(PATH)>{language.text("draft-restart")}</a>
            </p>
        </div>
    }
}

fn detail_row(term: String, value: String) -> impl IntoView {
    view! {
        <dt class="col-sm-4">{term}</dt>
        <dd class="col-sm-8">{value}</dd>
    }
}

/// Where, about what and when, as rows of a description list.
fn appointment_rows(language: Language, draft: &DraftView) -> impl IntoView {
    let text = move |key: &str| language.text(key);
    view! {
        {detail_row(text("booking-step-office"), format!("{}, {}", draft.office.name, draft.office.address))}
        {detail_row(text("booking-step-topic"), draft.topic.name.clone())}
        {detail_row(text("booking-step-time"), when(language, draft.date, draft.starts, draft.ends))}
    }
}

/// Where, about what and when: all the confirmation page shows of a booking.
#[component]
fn AppointmentDetails(draft: DraftView) -> impl IntoView {
    view! { <dl class="row">{appointment_rows(use_language(), &draft)}</dl> }
}

/// The draft's details, as a description list.
#[component]
fn DraftDetails(draft: DraftView) -> impl IntoView {
    let language = use_language();
    let text = move |key: &str| language.text(key);
    let appointment = appointment_rows(language, &draft);
    let details = draft.details;
    let row = detail_row;
    view! {
        <dl class="row">
            {appointment}
            {row(text("summary-name"), format!("{} {}", details.given_name, details.family_name))}
            {row(text("details-email"), details.email.clone().unwrap_or_else(|| text("summary-email-none")))}
            {row(text("details-phone"), details.phone.clone().unwrap_or_else(|| text("summary-phone-none")))}
            {details.codice_fiscale.clone().map(|cf| row(text("details-cf"), cf))}
            {row(text("summary-language"), interview_language_name(language, &details.language))}
            {details.interpreter.then(|| row(text("summary-interpreter"), text("summary-interpreter-yes")))}
            {(!details.accessibility_needs.is_empty()).then(|| row(text("summary-accessibility"), details.accessibility_needs.clone()))}
            {(!details.about.is_empty()).then(|| row(text("details-about"), details.about.clone()))}
        </dl>
    }
}

#[component]
fn Summary(draft: DraftView, submitted: crate::forms::Submitted) -> impl IntoView {
    let language = use_language();
    let text = move |key: &str| language.text(key);
    if let Some(code) = &draft.code {
        let confirmed = language.href(&format!("{}?bozza={}", super::CONFIRMED_PATH, draft.id));
        return view! {
            <Title text=text("summary-already-title") />
            <p class="alert alert-success">
                {language.text_with("summary-already", &[("code", code.clone())])}" "
                <a href=confirmed>{text("summary-see-confirmation")}</a>
            </p>
        }
        .into_any();
    }
    // Both forms are a single button: plain posts, whose refusal comes back as this page again.
    let form = FormState::new(if submitted.form.is_empty() {
        use_submitted(CHANGE_SLOT_PATH)
    } else {
        submitted
    });
    let id = draft.id.clone();
    let still_free = draft.still_free;
    let alternatives = draft.alternatives.clone();
    let office_phone = draft.office.phone.clone();
    let title = text(if still_free {
        "summary-title"
    } else {
        "summary-taken-title"
    });
    view! {
        <Title text=title />
        <StepIndicator current=4 />
        <ErrorSummary form labels=SUMMARY_LABELS />
        <DraftDetails draft />
        {if still_free {
            view! {
                <form method="post" action=language.href(SUMMARY_PATH) novalidate id="campo-orario" tabindex="-1">
                    <input type="hidden" name="bozza" value=id.clone() />
                    <p>{text("summary-check")}</p>
                    <button type="submit" class="btn btn-primary">{text("summary-confirm")}</button>
                </form>
            }
            .into_any()
        } else {
            view! {
                <section id="campo-orario" tabindex="-1" aria-labelledby="orario-titolo">
                    <h2 class="h4" id="orario-titolo">{text("summary-gone-heading")}</h2>
                    {if alternatives.is_empty() {
                        view! {
                            <p>{language.text_with("summary-no-alternatives", &[("phone", office_phone.clone())])}</p>
                            <p><a href=language.href(PATH)>{text("booking-other-day")}</a></p>
                        }
                        .into_any()
                    } else {
                        view! {
                            <form method="post" action=language.href(CHANGE_SLOT_PATH) novalidate>
                                <input type="hidden" name="bozza" value=id.clone() />
                                <fieldset class="mb-3">
                                    <legend class="fs-6 fw-semibold">{text("summary-alternatives")}</legend>
                                    {alternatives
                                        .into_iter()
                                        .enumerate()
                                        .map(|(i, slot)| {
                                            let value = format!("{}T{}", slot.date.format("%Y-%m-%d"), clock_value(slot));
                                            let input_id = format!("scelta-{i}");
                                            view! {
                                                <div class="form-check">
                                                    <input type="radio" id=input_id.clone() name="scelta" value=value checked=i == 0 />
                                                    <label for=input_id>{when(language, slot.date, slot.starts, slot.ends)}</label>
                                                </div>
                                            }
                                        })
                                        .collect_view()}
                                </fieldset>
                                <button type="submit" class="btn btn-primary">{text("summary-choose-this")}</button>
                            </form>
                        }
                        .into_any()
                    }}
                </section>
            }
            .into_any()
        }}
    }
    .into_any()
}

/// `/prenota/confermata`: the booking code and what happens next.
#[component]
pub fn BookingConfirmedPage() -> impl IntoView {
    let id = draft_id();
    let draft = Resource::new(id, booking_draft);
    let language = use_language();
    view! {
        <div class="container stretto">
            <Suspense fallback=move || view! { <p>{language.text("loading")}</p> }>
                {move || Suspend::new(async move {
                    match draft.await {
                        Ok(Some(draft)) if draft.code.is_some() => view! { <Confirmed draft /> }.into_any(),
                        Ok(_) => view! { <h1>{language.text("confirmed-not-found")}</h1> <DraftGone /> }.into_any(),
                        Err(error) => view! { <p class="alert alert-danger" role="alert">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Confirmed(draft: DraftView) -> impl IntoView {
    let language = use_language();
    let text = move |key: &str| language.text(key);
    let code = draft.code.clone().unwrap_or_default();
    let calendar = format!("{}?bozza={}", super::CALENDAR_PATH, draft.id);
    let phone = draft.office.phone.clone();
    let spelled = code.chars().map(String::from).collect::<Vec<_>>().join(" ");
    view! {
        <Title text=text("confirmed-title") />
        <h1>{text("confirmed-title")}</h1>
        <div class="alert alert-success" role="status">
            <p class="mb-1">{text("confirmed-code-intro")}</p>
            <p class="codice-prenotazione mb-0" aria-label=language.text_with("confirmed-code-label", &[("spelled", spelled)])>{code.clone()}</p>
        </div>
        // The details typed are not shown again: this page's address may be seen by others (a
        // shared computer's history), and the booking keeps them.
        <p>{text("confirmed-email")}</p>
        <p>
            <a class="btn btn-outline-primary" href=calendar download rel="external">{text("add-to-calendar")}</a>
        </p>
        <AppointmentDetails draft />
        <h2 class="h4">{text("confirmed-next")}</h2>
        <ul>
            <li>{text("confirmed-bring-id")}</li>
            <li>{language.text_with("confirmed-cannot-come", &[("phone", phone)])}</li>
        </ul>
        <p>{text("confirmed-lost-email")}" "<a href=language.href(super::NEW_LINK_PATH)>{text("ask-new-link")}</a></p>
        <p><a href=language.href("/")>{text("back-home")}</a></p>
    }
}
