//! The area's pages: the choice of identity provider, and the area's home.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::appointments::{self, Appointment};
use super::{documents, email, messages, requests};
use super::{session, SignInOutcome, PATH, SIGN_OUT_PATH, START_PATH};
use crate::booking::pages::when;
use crate::dates::long_date_in;
use crate::i18n::{use_language, Language};
use crate::layout::Breadcrumb;
use crate::state::AppState;

/// `/area-personale/accedi`: one button per identity provider the organisation registered with.
#[component]
pub fn SignInPage() -> impl IntoView {
    let language = use_language();
    let text = move |key: &str| language.text(key);
    let outcome =
        use_query_map().with_untracked(|query| query.get("esito").as_deref().and_then(SignInOutcome::from_key));
    let providers = AppState::current().identity_providers.clone();
    let signed_in = session::current();
    view! {
        <Title text=text("area-sign-in-title") />
        <div class="container stretto">
            <Breadcrumb trail=vec![("nav-home", "/")] current=text("area-sign-in-title") />
            <h1>{text("area-sign-in-title")}</h1>
            {outcome.map(|outcome| {
                let (class, role) = match outcome {
                    SignInOutcome::SignedOut => ("alert alert-success", "status"),
                    SignInOutcome::Cancelled | SignInOutcome::Expired => ("alert alert-warning", "alert"),
                    SignInOutcome::Failed => ("alert alert-danger", "alert"),
                };
                view! { <div class=class role=role><p class="mb-0">{text(outcome.message())}</p></div> }
            })}
            <p class="lead">{text("area-sign-in-lead")}</p>
            {match (signed_in, providers.is_empty()) {
                (Some(citizen), _) => view! {
                    <p>
                        {language.text_with("area-already-in", &[("name", citizen.full_name())])} " "
                        <a href=language.href(PATH)>{text("area-go-home")}</a>
                    </p>
                }
                .into_any(),
                (None, true) => view! { <p class="alert alert-info">{text("area-sign-in-none")}</p> }.into_any(),
                (None, false) => view! {
                    <p>{text("area-sign-in-how")}</p>
                    <ul class="list-unstyled fornitori-identita">
                        {providers
                            .iter()
                            .map(|provider| {
                                let href = format!(
                                    "{}?fornitore={}",
                                    language.href(START_PATH),
                                    crate::links::query_value(&provider.key)
                                );
                                view! {
                                    <li class="mb-2">
                                        <a class="btn btn-primary" href=href>
                                            {language.text_with("area-sign-in-with", &[("provider", provider.name.clone())])}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any(),
            }}
            <p>
                {text("area-booking-without")} " "
                <a href=language.href(crate::booking::PATH)>{text("area-booking-link")}</a>
            </p>
        </div>
    }
}

/// `/area-personale`: the home of the person signed in.
#[component]
pub fn AreaHomePage() -> impl IntoView {
    let language = use_language();
    let text = move |key: &str| language.text(key);
    let Ok(citizen) = session::signed_in() else {
        return view! { <NotSignedIn language /> }.into_any();
    };
    view! {
        <Title text=text("area-title") />
        <div class="container stretto">
            <Breadcrumb trail=vec![("nav-home", "/")] current=text("area-title") />
            <h1>{text("area-title")}</h1>
            <div class="chi-e-uscita">
                <p class="mb-0">
                    <strong>{citizen.full_name()}</strong>
                    <br />
                    {format!("{}: ", text("area-fiscal-code"))}
                    <span class="codice">{citizen.codice_fiscale.clone()}</span>
                </p>
                <form method="post" action=language.href(SIGN_OUT_PATH)>
                    <button type="submit" class="btn btn-outline-primary">{text("area-sign-out")}</button>
                </form>
            </div>
            <Appointments />
            <Requests />
            <AskedDocuments />
            <section aria-labelledby="messaggi" class="mt-4">
                <h2 id="messaggi">{text("area-messages")}</h2>
                <p><a href=language.href(super::MESSAGES_PATH)>{text("area-messages-link")}</a></p>
            </section>
        </div>
    }
    .into_any()
}

/// "I tuoi appuntamenti": the coming ones first, each leading to its page; then the past and the
/// cancelled ones.
#[component]
fn Appointments() -> impl IntoView {
    let language = use_language();
    let text = move |key: &str| language.text(key);
    let found = Resource::new(|| (), |()| async { appointments::list(&AppState::current()).await });
    view! {
        <section aria-labelledby="appuntamenti" class="mt-4">
            <h2 id="appuntamenti">{text("area-appointments")}</h2>
            <Suspense fallback=move || view! { <p>{text("loading")}</p> }>
                {move || Suspend::new(async move {
                    match found.await {
                        Ok(all) => {
                            let (coming, other): (Vec<Appointment>, Vec<Appointment>) =
                                all.into_iter().partition(|appointment| !appointment.past && !appointment.cancelled);
                            view! {
                                {if coming.is_empty() {
                                    view! { <p>{text("area-appointments-none")}</p> }.into_any()
                                } else {
                                    view! { <AppointmentList appointments=coming.into_iter().rev().collect() /> }.into_any()
                                }}
                                <p>
                                    <a class="btn btn-primary" href=language.href(crate::booking::PATH)>{text("area-book-new")}</a>
                                </p>
                                {(!other.is_empty()).then(|| view! {
                                    <h3 class="h5">{text("area-appointments-past")}</h3>
                                    <AppointmentList appointments=other />
                                })}
                                <ConfirmEmail />
                            }
                            .into_any()
                        }
                        Err(error) => view! { <p class="alert alert-danger" role="alert">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

const REPLY_LABELS: &[(&str, &str)] = &[("testo", "La tua risposta")];

/// `/area-personale/messaggi`: the messages with the service, case by case, and an answer.
#[component]
pub fn MessagesPage() -> impl IntoView {
    let language = use_language();
    let text = move |key: &str| language.text(key);
    let sent = use_query_map().with_untracked(|query| query.get("inviata").is_some());
    let submitted = crate::forms::use_submitted(super::REPLY_PATH);
    let found = Resource::new(
        || (),
        |()| async { messages::conversations(&AppState::current()).await },
    );
    view! {
        <Title text=text("area-messages") />
        <div class="container stretto">
            <Breadcrumb trail=vec![("nav-home", "/"), ("area-title", PATH)] current=text("area-messages") />
            <h1>{text("area-messages")}</h1>
            {sent.then(|| view! { <p class="alert alert-success" role="status">{text("area-message-sent")}</p> })}
            <p>{text("area-messages-lead")}</p>
            <Suspense fallback=move || view! { <p>{text("loading")}</p> }>
                {move || {
                    let submitted = submitted.clone();
                    Suspend::new(async move {
                        match found.await {
                            Ok(found) if found.is_empty() => view! { <p>{text("area-messages-none")}</p> }.into_any(),
                            Ok(found) => found
                                .into_iter()
                                .map(|conversation| view! { <ConversationView conversation submitted=submitted.clone() /> })
                                .collect_view()
                                .into_any(),
                            Err(error) => view! { <p class="alert alert-danger" role="alert">{error.to_string()}</p> }.into_any(),
                        }
                    })
                }}
            </Suspense>
            <p class="mt-4"><a href=language.href(PATH)>{text("area-back")}</a></p>
        </div>
    }
}

#[component]
fn ConversationView(conversation: messages::Conversation, submitted: crate::forms::Submitted) -> impl IntoView {
    let language = use_language();
    let text = move |key: &str| language.text(key);
    let case = conversation.case;
    // The form shown again with its error is the one of the case it was sent for.
    let submitted = if submitted.values.get("caso").map(String::as_str) == Some(case.to_string().as_str()) {
        submitted
    } else {
        crate::forms::Submitted::default()
    };
    let form = crate::forms::FormState::new(submitted);
    view! {
        <section aria-labelledby=format!("caso-{case}") class="mb-4">
            <h2 class="h4" id=format!("caso-{case}")>{conversation.service}</h2>
            {if conversation.messages.is_empty() {
                view! { <p>{text("area-messages-none")}</p> }.into_any()
            } else {
                view! {
                    <ol class="list-unstyled messaggi">
                        {conversation
                            .messages
                            .into_iter()
                            .map(|message| {
                                let author = if message.mine { text("area-message-you") } else { message.author };
                                let when = format!(
                                    "{}, {}",
                                    long_date_in(language, message.date),
                                    crate::dates::clock(message.time)
                                );
                                view! {
                                    <li class=if message.mine { "bg-light rounded p-3 mb-2" } else { "border rounded p-3 mb-2" }>
                                        <p class="mb-1"><strong>{author}</strong>{format!(" — {when}")}</p>
                                        <p class="mb-0 testo-nota">{message.body}</p>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                }
                .into_any()
            }}
            {if conversation.open {
                view! {
                    <crate::forms::ErrorSummary form labels=REPLY_LABELS />
                    <form method="post" action=language.href(super::REPLY_PATH) novalidate>
                        <input type="hidden" name="caso" value=case.to_string() />
                        <crate::forms::TextArea
                            form
                            name="testo"
                            label=text("area-message-reply")
                            hint=text("area-message-reply-hint")
                            max_chars=super::MESSAGE_MAX_CHARS
                            required=true
                        />
                        <button type="submit" class="btn btn-primary">{text("area-message-send")}</button>
                    </form>
                }
                .into_any()
            } else {
                view! { <p>{text("area-message-closed")}</p> }.into_any()
            }}
        </section>
    }
}

/// "Conferma la tua email": what the confirmation link did (`?email=` in the address), and the
/// form that sends one while the provider's address is not the confirmed one.
#[component]
fn ConfirmEmail() -> impl IntoView {
    let language = use_language();
    let text = move |key: &str| language.text(key);
    let said = use_query_map().with_untracked(|query| query.get("email"));
    let found = Resource::new(|| (), |()| async { email::standing(&AppState::current()).await });
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let said = said.clone();
                Suspend::new(async move {
                    let Ok(standing) = found.await else {
                        return ().into_any();
                    };
                    let address = |email: Option<&str>| vec![("email", email.unwrap_or_default().to_owned())];
                    let outcome = match said.as_deref() {
                        Some("inviata") => Some(("alert alert-info", "status", language.text_with("area-email-sent", &address(standing.given.as_deref())))),
                        Some("confermata") => Some(("alert alert-success", "status", language.text_with("area-email-confirmed", &address(standing.confirmed.as_deref())))),
                        Some("non-valida") => Some(("alert alert-warning", "alert", text("area-email-invalid"))),
                        _ => None,
                    };
                    view! {
                        {outcome.map(|(class, role, message)| view! { <p class=class role=role>{message}</p> })}
                        {standing.to_confirm().map(|given| view! {
                            <form method="post" action=language.href(super::EMAIL_CONFIRM_PATH) class="mt-3">
                                <p>{language.text_with("area-email-lead", &[("email", given.to_owned())])}</p>
                                <button type="submit" class="btn btn-outline-primary">{text("area-email-confirm")}</button>
                            </form>
                        })}
                    }
                    .into_any()
                })
            }}
        </Suspense>
    }
}

/// "Documenti chiesti dal servizio": what the social worker asked the family for, each awaited
/// one leading to the page that sends it, each arrived one with its day.
#[component]
fn AskedDocuments() -> impl IntoView {
    let language = use_language();
    let text = move |key: &str| language.text(key);
    let sent = use_query_map().with_untracked(|query| query.get("inviato").is_some());
    let found = Resource::new(|| (), |()| async { documents::asked(&AppState::current()).await });
    view! {
        <Suspense fallback=move || view! { <p>{text("loading")}</p> }>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(found) if found.is_empty() => ().into_any(),
                    Ok(found) => view! {
                        <section aria-labelledby="documenti" class="mt-4">
                            <h2 id="documenti">{text("area-documents")}</h2>
                            {sent.then(|| view! { <p class="alert alert-success" role="status">{text("area-document-done")}</p> })}
                            <p>{text("area-documents-lead")}</p>
                            <ul class="list-unstyled documenti-chiesti">
                                {found
                                    .into_iter()
                                    .map(|asked| {
                                        let on = |key: &str, date| language.text_with(key, &[("date", long_date_in(language, date))]);
                                        view! {
                                            <li class="bg-light rounded p-3 mb-3">
                                                <p class="fw-semibold mb-1">{asked.what}</p>
                                                <p class="mb-1">{on("area-document-asked", asked.asked_on)}</p>
                                                {match asked.received_on {
                                                    Some(received) => view! { <p class="mb-0">{on("area-document-received", received)}</p> }.into_any(),
                                                    None => view! {
                                                        <a href=language.href(&format!("{}?richiesta={}", super::DOCUMENT_PATH, asked.id))>
                                                            {text("area-document-send")}
                                                        </a>
                                                    }
                                                    .into_any(),
                                                }}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                    .into_any(),
                    Err(error) => view! { <p class="alert alert-danger" role="alert">{error.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

const SEND_LABELS: &[(&str, &str)] = &[("file", "File")];

/// `/area-personale/documento?richiesta=…`: one document the service asked for, and the form
/// that sends its file.
#[component]
pub fn DocumentPage() -> impl IntoView {
    let language = use_language();
    let text = move |key: &str| language.text(key);
    let id =
        use_query_map().with_untracked(|query| query.get("richiesta").and_then(|id| id.trim().parse::<i64>().ok()));
    let form = crate::forms::FormState::new(crate::forms::use_submitted(super::DOCUMENT_SEND_PATH));
    let found = Resource::new(
        || (),
        move |()| async move { documents::one(&AppState::current(), id).await },
    );
    let max_mb = crate::files::max_mb(&AppState::current());
    view! {
        <Title text=text("area-document-title") />
        <div class="container stretto">
            <Breadcrumb trail=vec![("nav-home", "/"), ("area-title", PATH)] current=text("area-document-title") />
            <h1>{text("area-document-title")}</h1>
            <Suspense fallback=move || view! { <p>{text("loading")}</p> }>
                {move || {
                    Suspend::new(async move {
                        match found.await {
                            Ok(Some(asked)) => view! {
                                <p class="lead">{asked.what.clone()}</p>
                                <p>{language.text_with("area-document-asked", &[("date", long_date_in(language, asked.asked_on))])}</p>
                                {match asked.received_on {
                                    // Sent again (another tab was quicker): why this file was not taken.
                                    Some(received) => view! {
                                        {form.error("file").map(|said| view! { <p class="alert alert-warning" role="alert">{said}</p> })}
                                        <p class="alert alert-success" role="status">
                                            {language.text_with("area-document-received", &[("date", long_date_in(language, received))])}
                                        </p>
                                    }
                                    .into_any(),
                                    None => view! {
                                        <crate::forms::ErrorSummary form labels=SEND_LABELS />
                                        <form method="post" action=language.href(super::DOCUMENT_SEND_PATH) enctype="multipart/form-data" novalidate>
                                            <input type="hidden" name="richiesta" value=asked.id.to_string() />
                                            <crate::forms::TextField
                                                form
                                                name="file"
                                                label=text("area-document-file")
                                                hint=language.text_with("area-document-file-hint", &[("mb", max_mb.to_string())])
                                                kind="file"
                                                required=true
                                            />
                                            <button type="submit" class="btn btn-primary">{text("area-document-send")}</button>
                                        </form>
                                    }
                                    .into_any(),
                                }}
                            }
                            .into_any(),
                            Ok(None) => {
                                if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                                    response.set_status(http::StatusCode::NOT_FOUND);
                                }
                                view! { <p class="alert alert-warning">{text("area-document-missing")}</p> }.into_any()
                            }
                            Err(error) => view! { <p class="alert alert-danger" role="alert">{error.to_string()}</p> }.into_any(),
                        }
                    })
                }}
            </Suspense>
            <p class="mt-4"><a href=language.href(PATH)>{text("area-back")}</a></p>
        </div>
    }
}

/// "Le tue richieste": where each request shown to the family stands, and since when.
#[component]
fn Requests() -> impl IntoView {
    let language = use_language();
    let text = move |key: &str| language.text(key);
    let found = Resource::new(|| (), |()| async { requests::list(&AppState::current()).await });
    let on =
        move |key: &str, date: chrono::NaiveDate| language.text_with(key, &[("date", long_date_in(language, date))]);
    view! {
        <section aria-labelledby="richieste" class="mt-4">
            <h2 id="richieste">{text("area-requests")}</h2>
            <p>{text("area-requests-lead")}</p>
            <Suspense fallback=move || view! { <p>{text("loading")}</p> }>
                {move || Suspend::new(async move {
                    match found.await {
                        Ok(found) if found.is_empty() => view! { <p>{text("area-requests-none")}</p> }.into_any(),
                        Ok(found) => view! {
                            <ul class="list-unstyled richieste-famiglia">
                                {found
                                    .into_iter()
                                    .map(|request| {
                                        let title = language.text_with(
                                            "area-request-title",
                                            &[("date", long_date_in(language, request.received_on)), ("topic", request.topic.clone())],
                                        );
                                        let standing = language.text_with("area-request-state", &[("state", text(request.standing.message()))]);
                                        view! {
                                            <li class="bg-light rounded p-3 mb-3">
                                                <h3 class="h5">{title}</h3>
                                                <p class="fw-semibold">{standing}</p>
                                                <ol class="mb-0">
                                                    <li>{on("area-step-received", request.received_on)}</li>
                                                    {request.taken_on.map(|date| view! { <li>{on("area-step-taken", date)}</li> })}
                                                    {request.closed_on.map(|date| view! { <li>{on("area-step-closed", date)}</li> })}
                                                </ol>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                        .into_any(),
                        Err(error) => view! { <p class="alert alert-danger" role="alert">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn AppointmentList(appointments: Vec<Appointment>) -> impl IntoView {
    let language = use_language();
    let text = move |key: &str| language.text(key);
    view! {
        <ul class="list-unstyled appuntamenti">
            {appointments
                .into_iter()
                .map(|appointment| {
                    let moment = when(language, appointment.date, appointment.starts, appointment.ends);
                    view! {
                        <li class="bg-light rounded p-3 mb-3">
                            <p class="fw-semibold mb-1">{moment.clone()}</p>
                            <p class="mb-1">{format!("{} — {}", appointment.office, appointment.topic)}</p>
                            {appointment.cancelled.then(|| view! { <p class="mb-1">{text("area-appointment-cancelled")}</p> })}
                            <a href=language.href(&appointments::place(appointment.id).link(&[]))>
                                {language.text_with("area-appointment-open", &[("code", appointment.code.clone())])}
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// `/area-personale/appuntamento?prenotazione=…`: one of the person's appointments, to see, move
/// or cancel as through its private link.
#[component]
pub fn AppointmentPage() -> impl IntoView {
    let language = use_language();
    let text = move |key: &str| language.text(key);
    let query = use_query_map();
    let wanted = move || {
        query.with(|q| {
            (
                q.get("prenotazione").and_then(|id| id.trim().parse::<i64>().ok()),
                q.get("sposta").is_some(),
                q.get("mese"),
                q.get("giorno"),
                q.get("esito"),
            )
        })
    };
    let view_of = Resource::new(wanted, |(id, moving, month, day, _)| {
        appointments::view(id, moving, month, day)
    });
    view! {
        <div class="container stretto">
            <Breadcrumb trail=vec![("nav-home", "/"), ("area-title", PATH)] current=text("area-appointment-title") />
            <h1>{text("area-appointment-title")}</h1>
            <Suspense fallback=move || view! { <p>{text("loading")}</p> }>
                {move || {
                    let (id, _, _, _, outcome) = wanted();
                    Suspend::new(async move {
                        match (view_of.await, id) {
                            (Ok(Some(view)), Some(id)) => view! {
                                <crate::booking::manage_page::Managed view place=appointments::place(id) outcome />
                            }
                            .into_any(),
                            (Ok(_), _) => {
                                if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                                    response.set_status(http::StatusCode::NOT_FOUND);
                                }
                                view! {
                                    <Title text=text("area-appointment-missing") />
                                    <p class="alert alert-warning">{text("area-appointment-missing")}</p>
                                }
                                .into_any()
                            }
                            (Err(error), _) => view! { <p class="alert alert-danger" role="alert">{error.to_string()}</p> }.into_any(),
                        }
                    })
                }}
            </Suspense>
            <p class="mt-4"><a href=language.href(PATH)>{text("area-back")}</a></p>
        </div>
    }
}

/// What an area page shows to a visitor who is not signed in (the citizen layer sends them to the
/// sign-in page first; this is the page's own wall behind it).
#[component]
fn NotSignedIn(language: Language) -> impl IntoView {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::FORBIDDEN);
    }
    view! {
        <Title text=language.text("area-title") />
        <div class="container stretto">
            <h1>{language.text("area-title")}</h1>
            <p>
                {language.text("area-not-signed-in")} " "
                <a href=language.href(super::SIGN_IN_PATH)>{language.text("area-sign-in-title")}</a>
            </p>
        </div>
    }
}
