//! "Richiedi assistenza": a person who cannot find what they need on the site writes to the
//! service. The message is checked, queued as an email to the organisation's address (reply-to the
//! person), and the person sees a confirmation. It is the shell's first real form, and the model of
//! how every form works (see [`crate::forms`]).

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

use crate::forms::{use_submitted, Checkbox, ErrorSummary, FormState, SelectField, TextArea, TextField};

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

    view! {
        <Title text=if has_errors { "Errore: richiedi assistenza" } else { "Richiedi assistenza" } />
        <div class="container stretto">
            <h1>"Richiedi assistenza"</h1>
            <p class="lead">
                "Non trovi un'informazione o hai un problema con il sito? Scrivici: ti rispondiamo per email, "
                "di solito entro due giorni lavorativi."
            </p>
            <div class="alert alert-warning">
                <p class="mb-0">
                    <strong>"Questo modulo non serve per le emergenze."</strong>
                    " Se tu o un bambino siete in pericolo, chiama subito il 112."
                </p>
            </div>
            <AssistanceRequestForm form=FormState::new(submitted) />
        </div>
    }
}

#[component]
fn AssistanceRequestForm(form: FormState) -> impl IntoView {
    view! {
        <ErrorSummary form labels=LABELS />
        <form method="post" action=PATH novalidate>
            <TextField form name="nome" label="Nome" autocomplete="given-name" required=true max_length=100 />
            <TextField form name="cognome" label="Cognome" autocomplete="family-name" required=true max_length=100 />
            <TextField
                form
                name="email"
                label="Email"
                kind="email"
                autocomplete="email"
                hint="Ti risponderemo a questo indirizzo."
                required=true
                max_length=254
            />
            <SelectField form name="categoria" label="Argomento" options=AssistanceTopic::CHOICES required=true />
            <TextArea
                form
                name="messaggio"
                label="Messaggio"
                hint="Al massimo 1000 caratteri. Non scrivere dati sulla salute né fatti personali delicati: ne parlerai di persona con l'assistente sociale."
                max_chars=input::MESSAGE_MAX_CHARS
                required=true
            />
            <Checkbox form name="privacy">
                "Ho letto l'informativa sul trattamento dei dati personali: i dati di questo modulo servono solo a rispondere alla richiesta."
            </Checkbox>
            <button type="submit" class="btn btn-primary">"Invia la richiesta"</button>
        </form>
    }
}

#[component]
pub fn AssistanceSentPage() -> impl IntoView {
    view! {
        <Title text="Richiesta inviata" />
        <div class="container stretto">
            <h1>"Richiesta inviata"</h1>
            <div class="alert alert-success" role="status">
                <p class="mb-0">"Abbiamo ricevuto il tuo messaggio. Ti risponderemo all'indirizzo email che hai indicato."</p>
            </div>
            <p>
                "Se devi parlare con un'assistente sociale, puoi anche prenotare un colloquio con il Segretariato Sociale."
            </p>
            <p><a href="/">"Torna alla pagina iniziale"</a></p>
        </div>
    }
}
