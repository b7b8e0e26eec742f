//! The mail worker: sends what the outbox holds, through SMTP or into a folder of `.eml` files.

use std::sync::Arc;
use std::time::Duration;

use app::i18n::Language;
use app::mail::outbox::{self, LeasedEmail, ITALIAN_FOLLOWS};
use app::state::AppState;
use lettre::message::{header::ContentType, Attachment, Mailbox, MultiPart};
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
    // Plain text and HTML, the HTML made from the same text so the two never say different things.
    let alternatives = MultiPart::alternative_plain_html(
        email.body_text.clone(),
        html_from_text(
            &email.subject,
            &email.body_text,
            Language::from_code(&email.language).unwrap_or_default(),
        ),
    );
    match (&email.attachment_name, &email.attachment_type, &email.attachment_body) {
        (Some(name), Some(kind), Some(body)) => {
            let kind = ContentType::parse(kind).map_err(|e| format!("bad attachment type: {e}"))?;
            builder.multipart(
                MultiPart::mixed()
                    .multipart(alternatives)
                    .singlepart(Attachment::new(name.clone()).body(body.clone(), kind)),
            )
        }
        _ => builder.multipart(alternatives),
    }
    .map_err(|e| e.to_string())
}

/// The HTML part of a message: its text, escaped, in paragraphs, with its web addresses as links,
/// in `language` (its `lang` and direction), and the Italian that follows another language marked
/// as Italian, so that a mail reader's voice reads each in its own language.
pub fn html_from_text(subject: &str, text: &str, language: Language) -> String {
    fn escape(text: &str) -> String {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    }
    let linked = |line: &str| -> String {
        line.split(' ')
            .map(|word| {
                if word.starts_with("https://") || word.starts_with("http://") {
                    format!("<a href=\"{0}\">{0}</a>", escape(word))
                } else {
                    escape(word)
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let paragraphs = |text: &str| -> String {
        text.split("\n\n")
            .filter(|paragraph| !paragraph.trim().is_empty())
            .map(|paragraph| {
                format!(
                    "<p>{}</p>",
                    paragraph.lines().map(linked).collect::<Vec<_>>().join("<br>\n")
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let body = match text.split_once(ITALIAN_FOLLOWS) {
        Some((own, italian)) if language != Language::Italian => format!(
            "{}\n<hr>\n<div lang=\"it\" dir=\"ltr\">\n<p>{}</p>\n{}\n</div>",
            paragraphs(own),
            escape(ITALIAN_FOLLOWS),
            paragraphs(italian)
        ),
        _ => paragraphs(text),
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{}\">\n<head><meta charset=\"utf-8\"><title>{}</title></head>\n\
         <body style=\"font-family: 'Titillium Web', Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a;\">\n{}\n</body>\n</html>\n",
        language.tag(),
        language.direction(),
        escape(subject),
        body
    )
}

/// Sends every message that is due, then waits to be woken or for the next poll. Runs until
/// `stop` turns true: then it settles the email in its hands and takes no other, so that what is
/// still waiting is sent, once, by the next server to run.
pub async fn run(state: AppState, mailer: Mailer, from: Arc<Mailbox>, mut stop: tokio::sync::watch::Receiver<bool>) {
    loop {
        loop {
            if *stop.borrow() {
                return;
            }
            let now = state.clock.now();
            let leased = match outbox::lease_next(&state.db, now).await {
                Ok(Some(email)) => email,
                Ok(None) => break,
                Err(error) => {
                    tracing::warn!(error = %error, "cannot read the email outbox; will retry");
                    break;
                }
            };
            if outbox::never_deliverable(&leased.to_address) {
                tracing::warn!(
                    outbox_id = leased.id,
                    "email not sent: the address can never receive mail"
                );
                if let Err(error) = outbox::mark_undeliverable(&state.db, &leased, outbox::NEVER_DELIVERABLE).await {
                    tracing::warn!(outbox_id = leased.id, error = %error, "cannot record the email's outcome");
                    break;
                }
                continue;
            }
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
            // A stop asked (or nobody left to ask one): the loop's top ends the worker.
            changed = stop.changed() => if changed.is_err() { return; },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_html_part_says_the_same_with_links_and_nothing_unescaped() {
        let html = html_from_text(
            "Prova",
            "Gentile Anna,\n\nil tuo collegamento:\nhttps://sportello.example.it/prenota/gestisci?t=ab&x=1\n\n<script>",
            Language::Italian,
        );
        assert!(html.contains("<html lang=\"it\" dir=\"ltr\">"));
        assert!(html.contains("<p>Gentile Anna,</p>"));
        assert!(html.contains("<a href=\"https://sportello.example.it/prenota/gestisci?t=ab&amp;x=1\">"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(!html.contains("<script>"));
    }

    #[test]
    fn a_message_in_another_language_says_so_and_marks_the_italian_after_it() {
        let text = format!(
            "مرحبًا أمينة،\n\nموعدك مؤكد.\n\n{ITALIAN_FOLLOWS}\n\nGentile Amina,\n\nil tuo appuntamento è confermato.\n"
        );
        let html = html_from_text("موعد / Appuntamento", &text, Language::Arabic);
        assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"), "{html}");
        let (arabic, italian) = html
            .split_once("<div lang=\"it\" dir=\"ltr\">")
            .expect("the Italian, marked");
        assert!(arabic.contains("<p>موعدك مؤكد.</p>") && !arabic.contains("Gentile"));
        assert!(italian.contains("<p>Gentile Amina,</p>") && italian.trim_end().ends_with("</div>\n</body>\n</html>"));
        let italian_only = html_from_text("Appuntamento", "Gentile Anna,\n", Language::Italian);
        assert!(!italian_only.contains("<div lang"), "an Italian message needs no mark");
    }
}
