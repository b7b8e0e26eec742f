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
use crate::dates::{clock, long_date, month_and_year, WEEKDAYS};
use crate::forms::{use_submitted, Checkbox, ErrorSummary, FormState, SelectField, TextArea, TextField};
use crate::layout::Breadcrumb;

/// The model's steps, as the step indicator names them.
const STEPS: [&str; 5] = ["Sede", "Argomento", "Giorno e orario", "I tuoi dati", "Riepilogo"];

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
    view! {
        <nav class="steppers mb-4" aria-label="Passi della prenotazione">
            <div class="steppers-header">
                <ul>
                    {STEPS
                        .iter()
                        .enumerate()
                        .map(|(i, name)| {
                            let state = if i < current { "confirmed" } else if i == current { "active" } else { "" };
                            view! {
                                <li class=state aria-current=(i == current).then_some("step")>
                                    <span class="steppers-number">
                                        <span class="visually-hidden">"Passo "</span>
                                        {i + 1}
                                    </span>
                                    {*name}
                                    {(i < current).then(|| view! { <span class="visually-hidden">" (fatto)"</span> })}
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
    let office_slug = office.slug.clone();
    let topic_slug = topic.as_ref().map(|t| t.slug.clone());
    view! {
        <dl class="row mx-0 bg-light rounded p-3 mb-4">
            <dt class="col-sm-3">"Sede"</dt>
            <dd class="col-sm-9">
                {office.name.clone()} ", " {office.address.clone()} " "
                <a href=PATH>"Cambia sede"</a>
            </dd>
            {topic.map(|topic| {
                let change = step_link(Some(&office_slug), None, &[]);
                view! {
                    <dt class="col-sm-3">"Argomento"</dt>
                    <dd class="col-sm-9">{topic.name} " " <a href=change>"Cambia argomento"</a></dd>
                }
            })}
            {time_slot.map(|slot| {
                let change = step_link(Some(&office.slug), topic_slug.as_deref(), &[]);
                view! {
                    <dt class="col-sm-3">"Giorno e orario"</dt>
                    <dd class="col-sm-9" id="campo-ora">
                        {format!("{}, dalle {} alle {}", long_date(slot.date), clock(slot.starts), clock(slot.ends))} " "
                        <a href=change>"Cambia giorno o orario"</a>
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
    view! {
        <div class="container stretto">
            <Breadcrumb trail=vec![("Home", "/"), ("Servizi", "/servizi")] current="Prenota un appuntamento".to_owned() />
            <h1>"Prenota un appuntamento"</h1>
            <p class="lead">
                "Il primo passo è un colloquio con il Segretariato Sociale: è gratuito e dura circa mezz'ora. "
                "Scegli la sede, il giorno e l'orario che preferisci."
            </p>
            <Suspense fallback=|| view! { <p>"Caricamento…"</p> }>
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
    match step {
        BookingStep::Office { offices, topic } => {
            let only_one = offices.len() == 1;
            view! {
                <Title text="Prenota: scegli la sede" />
                <StepIndicator current=0 />
                <Form method="get" action=PATH>
                    {topic.map(|topic| view! { <input type="hidden" name="argomento" value=topic /> })}
                    <fieldset class="mb-4">
                        <legend class="h4">"Dove vuoi fare il colloquio?"</legend>
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
                    <button type="submit" class="btn btn-primary">"Avanti"</button>
                </Form>
            }
            .into_any()
        }
        BookingStep::Topic { office, topics } => view! {
            <Title text="Prenota: scegli l'argomento" />
            <StepIndicator current=1 />
            <Choices office=office.clone() />
            <Form method="get" action=PATH>
                <input type="hidden" name="sede" value=office.slug.clone() />
                <fieldset class="mb-4">
                    <legend class="h4">"Di che cosa vuoi parlare?"</legend>
                    <p class="form-text">"Serve solo a preparare il colloquio. Se non sai cosa scegliere, va bene l'ultima voce."</p>
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
                <button type="submit" class="btn btn-primary">"Avanti"</button>
            </Form>
        }
        .into_any(),
        BookingStep::Day { office, topic, month, notice } => view! {
            <Title text="Prenota: scegli il giorno" />
            <StepIndicator current=2 />
            <Choices office=office.clone() topic=topic.clone() />
            {notice.map(|notice| view! { <p class="alert alert-warning" role="alert">{notice}</p> })}
            <MonthCalendar base=step_link(Some(&office.slug), Some(&topic.slug), &[]) month />
        }
        .into_any(),
        BookingStep::Time { office, topic, date, slots, notice } => {
            let other_day = step_link(Some(&office.slug), Some(&topic.slug), &[("mese", date.format("%Y-%m").to_string())]);
            view! {
                <Title text="Prenota: scegli l'orario" />
                <StepIndicator current=2 />
                <Choices office=office.clone() topic=topic.clone() />
                {notice.map(|notice| view! { <p class="alert alert-warning" role="alert">{notice}</p> })}
                <Form method="get" action=PATH>
                    <input type="hidden" name="sede" value=office.slug.clone() />
                    <input type="hidden" name="argomento" value=topic.slug.clone() />
                    <input type="hidden" name="giorno" value=date.format("%Y-%m-%d").to_string() />
                    <fieldset class="mb-4">
                        <legend class="h4">{format!("Orari liberi di {}", long_date(date))}</legend>
                        {slots
                            .into_iter()
                            .map(|slot| {
                                let value = clock_value(slot);
                                let id = format!("ora-{}", value.replace(':', ""));
                                let seats = if slot.free_seats == 1 { "1 posto libero".to_owned() } else { format!("{} posti liberi", slot.free_seats) };
                                view! {
                                    <div class="form-check">
                                        <input type="radio" id=id.clone() name="ora" value=value required />
                                        <label for=id>{format!("dalle {} alle {} ({seats})", clock(slot.starts), clock(slot.ends))}</label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                    <div class="d-flex flex-wrap align-items-center gap-3">
                        <button type="submit" class="btn btn-primary">"Avanti"</button>
                        <a href=other_day>"Scegli un altro giorno"</a>
                    </div>
                </Form>
            }
            .into_any()
        }
        BookingStep::Details { office, topic, slot } => {
            let title = if submitted.errors.is_empty() { "Prenota: i tuoi dati" } else { "Errore: prenota, i tuoi dati" };
            view! {
                <Title text=title />
                <StepIndicator current=3 />
                <Choices office=office.clone() topic=topic.clone() time_slot=slot />
                <DetailsStep
                    office=office.slug
                    topic=topic.slug
                    day=slot.date.format("%Y-%m-%d").to_string()
                    time=clock_value(slot)
                    form=FormState::new(submitted)
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
    let month_link = |first: NaiveDate| format!("{base}&mese={}", first.format("%Y-%m"));
    let previous = month.previous.map(|first| (month_link(first), month_and_year(first)));
    let next = month.next.map(|first| (month_link(first), month_and_year(first)));
    let any_free = month.days.iter().any(|day| day.free_slots > 0);
    // Rows of seven days, Monday first, with empty cells before the 1st.
    let lead = month.first.weekday().num_days_from_monday() as usize;
    let mut cells: Vec<Option<super::DayAvailability>> = vec![None; lead];
    cells.extend(month.days.iter().copied().map(Some));
    while !cells.len().is_multiple_of(7) {
        cells.push(None);
    }
    let weeks: Vec<Vec<Option<super::DayAvailability>>> = cells.chunks(7).map(<[_]>::to_vec).collect();
    let title = month_and_year(month.first);
    view! {
        <h2 class="h4">"Scegli il giorno"</h2>
        <p>"Sono cliccabili i giorni con almeno un orario libero."</p>
        <div class="d-flex justify-content-between align-items-center flex-wrap gap-2 mb-2">
            {previous.map(|(href, name)| view! { <a href=href>{format!("‹ {name}")}</a> })}
            <span class="fw-semibold text-capitalize">{title.clone()}</span>
            {next.map(|(href, name)| view! { <a href=href>{format!("{name} ›")}</a> })}
        </div>
        <table class="calendario-mese table table-bordered text-center">
            <caption class="visually-hidden">{format!("Giorni di {title}")}</caption>
            <thead>
                <tr>
                    {WEEKDAYS
                        .iter()
                        .map(|day| view! { <th scope="col"><abbr title=*day>{day[..3].to_owned()}</abbr></th> })
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
                                                long_date(day.date),
                                                if day.free_slots == 1 { "1 orario libero".to_owned() } else { format!("{} orari liberi", day.free_slots) }
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
                                                <span class="visually-hidden">", nessun orario libero"</span>
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
            <p class="alert alert-info">"In questo mese non ci sono più orari liberi. Guarda il mese successivo o telefona al Segretariato Sociale."</p>
        })}
    }
}

/// The details form, for the office, topic, day and time chosen (their slugs and values, as the
/// form sends them).
#[component]
fn DetailsStep(office: String, topic: String, day: String, time: String, form: FormState) -> impl IntoView {
    view! {
        <ErrorSummary form labels=DETAILS_LABELS />
        <form method="post" action=PATH novalidate>
            <input type="hidden" name="sede" value=office />
            <input type="hidden" name="argomento" value=topic />
            <input type="hidden" name="giorno" value=day />
            <input type="hidden" name="ora" value=time />
            <h2 class="h4">"I tuoi dati"</h2>
            <p>"Chiediamo solo quello che serve per il colloquio."</p>
            <TextField form name="nome" label="Nome" autocomplete="given-name" required=true max_length=100 />
            <TextField form name="cognome" label="Cognome" autocomplete="family-name" required=true max_length=100 />
            <TextField
                form
                name="email"
                label="Email"
                kind="email"
                autocomplete="email"
                hint="Ti mandiamo qui la conferma. Se non hai un'email, scrivi almeno il telefono."
                max_length=254
            />
            <TextField form name="telefono" label="Telefono" kind="tel" autocomplete="tel" max_length=30 />
            <TextField
                form
                name="codice_fiscale"
                label="Codice fiscale"
                hint="Non è obbligatorio. Aiuta l'ufficio a ritrovare una pratica che hai già."
                max_length=16
            />
            <SelectField form name="lingua" label="In che lingua preferisci parlare?" options=InterviewLanguage::CHOICES />
            <Checkbox form name="interprete">"Mi serve un interprete o un mediatore culturale"</Checkbox>
            <TextField
                form
                name="accessibilita"
                label="Esigenze di accessibilità"
                hint="Per esempio: arrivo in sedia a rotelle, mi serve un interprete della lingua dei segni."
                max_length=NEEDS_MAX_CHARS
            />
            <TextArea
                form
                name="motivo"
                label="Di cosa vuoi parlare"
                hint="Al massimo 200 caratteri. Non scrivere dati sulla salute né fatti personali delicati: ne parlerai di persona al colloquio."
                max_chars=ABOUT_MAX_CHARS
            />
            <Checkbox form name="privacy">
                "Ho letto l'"<a href="/informativa-privacy">"informativa sul trattamento dei dati personali"</a>
                ": i miei dati servono solo per l'appuntamento."
            </Checkbox>
            <button type="submit" class="btn btn-primary">"Continua"</button>
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
    view! {
        <div class="container stretto">
            <Breadcrumb trail=vec![("Home", "/"), ("Prenota un appuntamento", PATH)] current="Riepilogo".to_owned() />
            <h1>"Controlla e conferma"</h1>
            <Suspense fallback=|| view! { <p>"Caricamento…"</p> }>
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
    view! {
        <Title text="Prenotazione scaduta" />
        <div class="alert alert-warning">
            <p class="mb-0">
                "Questa prenotazione in corso è scaduta o non esiste più. Nessun appuntamento è stato registrato. "
                <a href=PATH>"Ricomincia la prenotazione"</a>
            </p>
        </div>
    }
}

fn detail_row(term: &'static str, value: String) -> impl IntoView {
    view! {
        <dt class="col-sm-4">{term}</dt>
        <dd class="col-sm-8">{value}</dd>
    }
}

/// Where, about what and when, as rows of a description list.
fn appointment_rows(draft: &DraftView) -> impl IntoView {
    let when = format!(
        "{}, dalle {} alle {}",
        long_date(draft.date),
        clock(draft.starts),
        clock(draft.ends)
    );
    view! {
        {detail_row("Sede", format!("{}, {}", draft.office.name, draft.office.address))}
        {detail_row("Argomento", draft.topic.name.clone())}
        {detail_row("Giorno e orario", when)}
    }
}

/// Where, about what and when: all the confirmation page shows of a booking.
#[component]
fn AppointmentDetails(draft: DraftView) -> impl IntoView {
    view! { <dl class="row">{appointment_rows(&draft)}</dl> }
}

/// The draft's details, as a description list.
#[component]
fn DraftDetails(draft: DraftView) -> impl IntoView {
    let appointment = appointment_rows(&draft);
    let details = draft.details;
    let row = detail_row;
    view! {
        <dl class="row">
            {appointment}
            {row("Nome e cognome", format!("{} {}", details.given_name, details.family_name))}
            {row("Email", details.email.clone().unwrap_or_else(|| "non indicata".to_owned()))}
            {row("Telefono", details.phone.clone().unwrap_or_else(|| "non indicato".to_owned()))}
            {details.codice_fiscale.clone().map(|cf| row("Codice fiscale", cf))}
            {row("Lingua", details.language_label().to_owned())}
            {details.interpreter.then(|| row("Interprete", "sì, serve un interprete o un mediatore".to_owned()))}
            {(!details.accessibility_needs.is_empty()).then(|| row("Accessibilità", details.accessibility_needs.clone()))}
            {(!details.about.is_empty()).then(|| row("Di cosa vuoi parlare", details.about.clone()))}
        </dl>
    }
}

#[component]
fn Summary(draft: DraftView, submitted: crate::forms::Submitted) -> impl IntoView {
    if let Some(code) = &draft.code {
        let confirmed = format!("{}?bozza={}", super::CONFIRMED_PATH, draft.id);
        return view! {
            <Title text="Prenotazione già confermata" />
            <p class="alert alert-success">
                {format!("Questa prenotazione è già confermata con il codice {code}. ")}
                <a href=confirmed>"Vedi la conferma"</a>
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
    let title = if still_free {
        "Prenota: riepilogo"
    } else {
        "Errore: il posto scelto non è più libero"
    };
    view! {
        <Title text=title />
        <StepIndicator current=4 />
        <ErrorSummary form labels=SUMMARY_LABELS />
        <DraftDetails draft />
        {if still_free {
            view! {
                <form method="post" action=SUMMARY_PATH novalidate id="campo-orario" tabindex="-1">
                    <input type="hidden" name="bozza" value=id.clone() />
                    <p>"Controlla i dati: se qualcosa non va, torna indietro con il pulsante del browser e correggi."</p>
                    <button type="submit" class="btn btn-primary">"Conferma la prenotazione"</button>
                </form>
            }
            .into_any()
        } else {
            view! {
                <section id="campo-orario" tabindex="-1" aria-labelledby="orario-titolo">
                    <h2 class="h4" id="orario-titolo">"Il posto non è più disponibile"</h2>
                    {if alternatives.is_empty() {
                        view! {
                            <p>
                                {format!("Non ci sono altri orari liberi vicini a quello che avevi scelto. Telefona al Segretariato Sociale ({office_phone}) o ")}
                                <a href=PATH>"scegli un altro giorno"</a>"."
                            </p>
                        }
                        .into_any()
                    } else {
                        view! {
                            <form method="post" action=CHANGE_SLOT_PATH novalidate>
                                <input type="hidden" name="bozza" value=id.clone() />
                                <fieldset class="mb-3">
                                    <legend class="fs-6 fw-semibold">"Gli orari liberi più vicini a quello che avevi scelto:"</legend>
                                    {alternatives
                                        .into_iter()
                                        .enumerate()
                                        .map(|(i, slot)| {
                                            let value = format!("{}T{}", slot.date.format("%Y-%m-%d"), clock_value(slot));
                                            let input_id = format!("scelta-{i}");
                                            view! {
                                                <div class="form-check">
                                                    <input type="radio" id=input_id.clone() name="scelta" value=value checked=i == 0 />
                                                    <label for=input_id>
                                                        {format!("{}, dalle {} alle {}", long_date(slot.date), clock(slot.starts), clock(slot.ends))}
                                                    </label>
                                                </div>
                                            }
                                        })
                                        .collect_view()}
                                </fieldset>
                                <button type="submit" class="btn btn-primary">"Scegli questo orario"</button>
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
    view! {
        <div class="container stretto">
            <Suspense fallback=|| view! { <p>"Caricamento…"</p> }>
                {move || Suspend::new(async move {
                    match draft.await {
                        Ok(Some(draft)) if draft.code.is_some() => view! { <Confirmed draft /> }.into_any(),
                        Ok(_) => view! { <h1>"Prenotazione non trovata"</h1> <DraftGone /> }.into_any(),
                        Err(error) => view! { <p class="alert alert-danger" role="alert">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Confirmed(draft: DraftView) -> impl IntoView {
    let code = draft.code.clone().unwrap_or_default();
    let calendar = format!("{}?bozza={}", super::CALENDAR_PATH, draft.id);
    let phone = draft.office.phone.clone();
    view! {
        <Title text="Prenotazione confermata" />
        <h1>"Prenotazione confermata"</h1>
        <div class="alert alert-success" role="status">
            <p class="mb-1">"Il tuo appuntamento è registrato. Il codice della prenotazione è:"</p>
            <p class="codice-prenotazione mb-0" aria-label=format!("Codice {}", code.chars().map(String::from).collect::<Vec<_>>().join(" "))>{code.clone()}</p>
        </div>
        // The details typed are not shown again: this page's address may be seen by others (a
        // shared computer's history), and the booking keeps them.
        <p>
            "Se hai indicato un indirizzo email, ti abbiamo mandato la conferma con il collegamento per annullare o \
             spostare l'appuntamento. Annota comunque il codice: ti servirà se devi chiamare l'ufficio."
        </p>
        <p>
            <a class="btn btn-outline-primary" href=calendar download rel="external">"Aggiungi al calendario"</a>
        </p>
        <AppointmentDetails draft />
        <h2 class="h4">"Cosa succede adesso"</h2>
        <ul>
            <li>"Porta con te un documento d'identità. Il colloquio è gratuito."</li>
            <li>{format!("Se non puoi venire, annulla o sposta l'appuntamento con il collegamento dell'email, o avvisa l'ufficio al numero {phone}.")}</li>
        </ul>
        <p>"Hai perso l'email? "<a href=super::NEW_LINK_PATH>"Chiedi un nuovo collegamento"</a></p>
        <p><a href="/">"Torna alla pagina iniziale"</a></p>
    }
}
