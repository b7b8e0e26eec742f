//! What happens on the server when the assistance form is posted: the message queued for the
//! service's inbox.

use super::{AssistanceForm, SENT_PATH};
use crate::error::AppError;
use crate::forms::FormOutcome;
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
    let email = OutgoingEmail {
        to: service_inbox,
        reply_to: Some(request.email.as_str().to_owned()),
        subject: format!("Richiesta di assistenza dal sito: {}", request.category_label),
        body: format!(
            "Richiesta di assistenza inviata dal sito.\n\nDa: {} {} <{}>\nArgomento: {}\n\n{}\n\n\
             Rispondi a questo messaggio per scrivere direttamente alla persona.\n",
            request.nome.as_str(),
            request.cognome.as_str(),
            request.email.as_str(),
            request.category_label,
            request.message,
        ),
        attachment: None,
    };
    outbox::enqueue(&state.db, state.clock.now(), &email).await?;
    state.mail_ready.notify_one();
    Ok(FormOutcome::Done {
        next: SENT_PATH.to_owned(),
    })
}
