//! What happens on the server when the assistance form is posted: the message queued for the
//! service's inbox.

use super::{AssistanceForm, SENT_PATH};
use crate::error::AppError;
use crate::forms::FormOutcome;
use crate::i18n::Language;
use crate::mail::outbox::{self, OutgoingEmail};
use crate::organisation::store::organisation_email;
use crate::state::AppState;

/// Checks the form; if it is right, queues the message for the service's inbox.
pub async fn submit(state: &AppState, form: AssistanceForm) -> Result<FormOutcome, AppError> {
    let request = match form.parse() {
        Ok(request) => request,
        Err(errors) => return Ok(FormOutcome::Invalid(errors)),
    };
    let service_inbox = organisation_email(&state.db).await?;
    // For the staff who answer, in Italian; a request written on a page in another language says
    // so, so that the answer can be in it (or a mediator asked).
    let language = crate::i18n::use_language();
    let written_in = if language == Language::Italian {
        String::new()
    } else {
        format!(
            "Scritta dalla pagina in {}: se puoi, rispondi in questa lingua.\n",
            language.native_name()
        )
    };
    let email = OutgoingEmail {
        to: service_inbox,
        reply_to: Some(request.email.as_str().to_owned()),
        subject: format!("Richiesta di assistenza dal sito: {}", request.category_label),
        body: format!(
            "Richiesta di assistenza inviata dal sito.\n\nDa: {} {} <{}>\nArgomento: {}\n{written_in}\n{}\n\n\
             Rispondi a questo messaggio per scrivere direttamente alla persona.\n",
            request.nome.as_str(),
            request.cognome.as_str(),
            request.email.as_str(),
            request.category_label,
            request.message,
        ),
        attachment: None,
        // To the service's staff, who read Italian; the person's own words are quoted as typed.
        language: crate::i18n::Language::Italian,
    };
    outbox::enqueue(&state.db, state.clock.now(), &email).await?;
    state.mail_ready.notify_one();
    Ok(FormOutcome::Done {
        next: SENT_PATH.to_owned(),
    })
}
