//! "Richiedi assistenza": a person who cannot find what they need on the site writes to the
//! service. The message is checked, queued as an email to the organisation's address (reply-to the
//! person), and the person sees a confirmation. It is the shell's first real form, and the model of
//! how every form works (see [`crate::forms`]).

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

use crate::forms::{use_submitted, Checkbox, ChoiceField, ErrorSummary, FormState, TextArea, TextField};
use crate::i18n::use_language;

pub mod input;

pub mod actions;

pub const PATH: &str = "/assistenza";
pub const SENT_PATH: &str = "/assistenza/inviata";

crate::vocabulary! {
    /// What a request for assistance is about.
    pub enum AssistanceTopic {
        Services = ("servizi", "Informazioni sui servizi"),
        Appointments = ("appuntamento", "Appuntamenti con il Segretariato Sociale"),
        Website = ("sito", "Problemi nell'uso del sito"),
        Complaint = ("disservizio", "Segnalare un disservizio"),
        Other = ("altro", "Altro"),
    }
}

/// The fields, in page order, with the labels the error summary links to.
const LABELS: &[(&str, &str)] = &[
    ("nome", "Nome"),
    ("cognome", "Cognome"),
    ("email", "Email"),
    ("categoria", "Argomento"),
    ("messaggio", "Messaggio"),
    ("privacy", "Informativa privacy"),
];

/// The fields as they arrive, before any check: the names are those of the HTML form.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AssistanceForm {
    #[serde(default)]
    pub nome: String,
    #[serde(default)]
    pub cognome: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub categoria: String,
    #[serde(default)]
    pub messaggio: String,
    /// Present ("si") only when the box is ticked.
    #[serde(default)]
    pub privacy: Option<String>,
}

#[component]
pub fn AssistancePage() -> impl IntoView {
    let submitted = use_submitted(PATH);
    let has_errors = !submitted.errors.is_empty();
    let language = use_language();
    let text = move |key: &str| language.text(key);

    view! {
        <Title text=text(if has_errors { "assistance-title-error" } else { "assistance-title" }) />
        <div class="container stretto">
            <h1>{text("assistance-title")}</h1>
            <p class="lead">{text("assistance-lead")}</p>
            <div class="alert alert-warning">
                <p class="mb-0">
                    <strong>{text("assistance-not-emergency")}</strong>
                    " "{text("assistance-call-112")}
                </p>
            </div>
            <AssistanceRequestForm form=FormState::new(submitted) />
        </div>
    }
}

#[component]
fn AssistanceRequestForm(form: FormState) -> impl IntoView {
    let language = use_language();
    let text = move |key: &str| language.text(key);
    let topics: Vec<(String, String)> = AssistanceTopic::ALL
        .iter()
        .map(|topic| {
            (
                topic.key().to_owned(),
                text(&format!("assistance-topic-{}", topic.key())),
            )
        })
        .collect();
    view! {
        <ErrorSummary form labels=LABELS />
        <form method="post" action=language.href(PATH) novalidate>
            <TextField form name="nome" label=text("details-given-name") autocomplete="given-name" required=true max_length=100 />
            <TextField form name="cognome" label=text("details-family-name") autocomplete="family-name" required=true max_length=100 />
            <TextField
                form
                name="email"
                label=text("details-email")
                kind="email"
                autocomplete="email"
                hint=text("assistance-email-hint")
                required=true
                max_length=254
            />
            <ChoiceField form name="categoria" label=text("assistance-topic") options=topics required=true />
            <TextArea
                form
                name="messaggio"
                label=text("assistance-message")
                hint=text("assistance-message-hint")
                max_chars=input::MESSAGE_MAX_CHARS
                required=true
            />
            <Checkbox form name="privacy">{text("assistance-privacy")}</Checkbox>
            <button type="submit" class="btn btn-primary">{text("assistance-send")}</button>
        </form>
    }
}

#[component]
pub fn AssistanceSentPage() -> impl IntoView {
    let language = use_language();
    let text = move |key: &str| language.text(key);
    view! {
        <Title text=text("assistance-sent-title") />
        <div class="container stretto">
            <h1>{text("assistance-sent-title")}</h1>
            <div class="alert alert-success" role="status">
                <p class="mb-0">{text("assistance-sent")}</p>
            </div>
            <p>
                {text("assistance-sent-book")}" "
                <a href=language.href("/prenota")>{text("booking-title")}</a>
            </p>
            <p><a href=language.href("/")>{text("back-home")}</a></p>
        </div>
    }
}
