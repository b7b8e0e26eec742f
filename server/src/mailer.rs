//! The mail worker: sends what the outbox holds, through SMTP or into a folder of `.eml` files.

use std::sync::Arc;
use std::time::Duration;

use app::mail::outbox::{self, LeasedEmail};
use app::state::AppState;
use lettre::message::{header::ContentType, Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::MailTransport;
use crate::startup::StartupError;

/// How often the worker looks at the outbox when nobody woke it (retries fall due by time).
const POLL: Duration = Duration::from_secs(15);

#[derive(Clone)]
pub enum Mailer {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Folder(AsyncFileTransport<Tokio1Executor>),
}

impl Mailer {
    pub fn new(transport: &MailTransport) -> Result<Self, StartupError> {
        match transport {
            MailTransport::Smtp { url } => AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                .map(|builder| Mailer::Smtp(builder.timeout(Some(Duration::from_secs(20))).build()))
                .map_err(|e| StartupError::Mail(format!("SPORTELLO_SMTP_URL is not usable: {e}"))),
            MailTransport::Folder { path } => {
                std::fs::create_dir_all(path).map_err(|e| StartupError::DataDir(path.display().to_string(), e))?;
                Ok(Mailer::Folder(AsyncFileTransport::<Tokio1Executor>::new(path)))
            }
        }
    }

    async fn send(&self, message: Message) -> Result<(), String> {
        match self {
            Mailer::Smtp(transport) => transport.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
            Mailer::Folder(transport) => transport.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
        }
    }
}

fn build_message(from: &Mailbox, email: &LeasedEmail) -> Result<Message, String> {
    let to: Mailbox = email.to_address.parse().map_err(|e| format!("bad recipient: {e}"))?;
    // One Message-ID per outbox message, however many attempts: should a worker die between
    // sending and recording, the copy sent again carries the same id, and mail clients merge them.
    let message_id = format!("<sportello-{}@{}>", email.id, from.email.domain());
    let mut builder = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(&email.subject)
        .message_id(Some(message_id));
    if let Some(reply_to) = &email.reply_to {
        builder = builder.reply_to(reply_to.parse().map_err(|e| format!("bad reply-to: {e}"))?);
    }
    let text = SinglePart::builder()
        .header(ContentType::TEXT_PLAIN)
        .body(email.body_text.clone());
    match (&email.attachment_name, &email.attachment_type, &email.attachment_body) {
        (Some(name), Some(kind), Some(body)) => {
            let kind = ContentType::parse(kind).map_err(|e| format!("bad attachment type: {e}"))?;
            builder.multipart(
                MultiPart::mixed()
                    .singlepart(text)
                    .singlepart(Attachment::new(name.clone()).body(body.clone(), kind)),
            )
        }
        _ => builder.singlepart(text),
    }
    .map_err(|e| e.to_string())
}

/// Sends every message that is due, then waits to be woken or for the next poll. Runs for the
/// life of the server.
pub async fn run(state: AppState, mailer: Mailer, from: Arc<Mailbox>) {
    loop {
        loop {
            let now = state.clock.now();
            let leased = match outbox::lease_next(&state.db, now).await {
                Ok(Some(email)) => email,
                Ok(None) => break,
                Err(error) => {
                    tracing::warn!(error = %error, "cannot read the email outbox; will retry");
                    break;
                }
            };
            let outcome = match build_message(&from, &leased) {
                Ok(message) => mailer.send(message).await,
                Err(error) => Err(error),
            };
            let settled = match &outcome {
                Ok(()) => outbox::mark_sent(&state.db, leased.id, state.clock.now()).await,
                Err(error) => {
                    tracing::warn!(outbox_id = leased.id, attempt = leased.attempts, error = %error, "email not sent; will retry");
                    outbox::mark_attempt_failed(&state.db, &leased, state.clock.now(), error).await
                }
            };
            if let Err(error) = settled {
                tracing::warn!(outbox_id = leased.id, error = %error, "cannot record the email's outcome");
                break;
            }
            if outcome.is_ok() {
                tracing::info!(outbox_id = leased.id, "email sent");
            }
        }
        tokio::select! {
            _ = state.mail_ready.notified() => {}
            _ = tokio::time::sleep(POLL) => {}
        }
    }
}
