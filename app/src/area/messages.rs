//! Messages with the service, in the area: for each case shown to the family (`cases.family_sees`)
//! of a family the person belongs to as a parent or guardian, what the social worker wrote and
//! what the family answered, and an answer. The worker writes from the case file
//! (`cases::actions::send_message`), which tells the family by an email that says nothing of it.

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Rome;
use serde::{Deserialize, Serialize};

use super::session::signed_in;
use super::{MESSAGES_PATH, MESSAGE_MAX_CHARS};
use crate::audit::{Entry, Outcome, RecordKind};
use crate::error::AppError;
use crate::forms::FormOutcome;
use crate::i18n::{say, say_with};
use crate::on_db;
use crate::state::AppState;

/// One case's messages, as the family reads them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conversation {
    pub case: i64,
    /// The unit that follows the family ("Servizio Minori e Famiglia").
    pub service: String,
    pub open: bool,
    pub messages: Vec<Message>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// Written by the person reading.
    pub mine: bool,
    /// The worker's name, or the family member's.
    pub author: String,
    /// In Italian time.
    pub date: chrono::NaiveDate,
    pub time: chrono::NaiveTime,
    pub body: String,
}

/// The cases of the families whose parent or guardian has this codice fiscale ($1) that are shown
/// to the family; with $2, that one case only.
const VISIBLE_CASES: &str = "SELECT k.id, u.name AS service, k.closed_at IS NULL AS open
       FROM cases k
       JOIN units u ON u.id = k.unit_id
      WHERE k.family_sees
        AND ($2 IS NULL OR k.id = $2)
        AND EXISTS (SELECT 1 FROM family_members m JOIN persons p ON p.id = m.person_id
                     WHERE m.family_id = k.family_id AND m.role IN ('genitore', 'tutore')
                       AND p.codice_fiscale = $1)
      ORDER BY k.opened_at DESC, k.id DESC";

#[derive(sqlx::FromRow)]
struct CaseRow {
    id: i64,
    service: String,
    open: bool,
}

#[derive(sqlx::FromRow)]
struct MessageRow {
    citizen_id: Option<i64>,
    author: String,
    body: String,
    sent_at: DateTime<Utc>,
}

/// The person's conversations, newest case first; the read is recorded with the cases shown.
pub async fn conversations(state: &AppState) -> Result<Vec<Conversation>, AppError> {
    let citizen = signed_in()?;
    let now = state.clock.now();
    let begin = state.db.begin_writing();
    let found: Vec<(CaseRow, Vec<MessageRow>)> = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let cases: Vec<CaseRow> = sqlx::query_as(VISIBLE_CASES)
            .bind(&citizen.codice_fiscale)
            .bind(None::<i64>)
            .fetch_all(&mut *tx)
            .await?;
        let mut found = Vec::new();
        for case in cases {
            let messages: Vec<MessageRow> = sqlx::query_as(
                "SELECT m.citizen_id, COALESCE(s.display_name, c.given_name || ' ' || c.family_name) AS author, m.body, m.sent_at
                   FROM case_messages m
                   LEFT JOIN staff_users s ON s.id = m.staff_id
                   LEFT JOIN citizens c ON c.id = m.citizen_id
                  WHERE m.case_id = $1
                  ORDER BY m.sent_at, m.id",
            )
            .bind(case.id)
            .fetch_all(&mut *tx)
            .await?;
            found.push((case, messages));
        }
        let entry = Entry::new(citizen.actor(), "area.messaggi")
            .records(RecordKind::Case, found.iter().map(|(case, _)| case.id));
        crate::audit!(&mut *tx, &state.audit_key, now, entry)?;
        tx.commit().await?;
        found
    });
    Ok(found
        .into_iter()
        .map(|(case, messages)| Conversation {
            case: case.id,
            service: case.service,
            open: case.open,
            messages: messages
                .into_iter()
                .map(|message| {
                    let local = message.sent_at.with_timezone(&Rome);
                    Message {
                        mine: message.citizen_id == Some(citizen.id),
                        author: message.author,
                        date: local.date_naive(),
                        time: local.time(),
                        body: message.body,
                    }
                })
                .collect(),
        })
        .collect())
}

/// An answer from the area: `caso`, and the text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyForm {
    #[serde(default)]
    pub caso: String,
    #[serde(default)]
    pub testo: String,
}

/// "Invia la risposta": to a case the person's family is shown, still open. Another case's id is
/// refused as not found, and the attempt recorded.
pub async fn reply(state: &AppState, form: ReplyForm) -> Result<FormOutcome, AppError> {
    let citizen = signed_in()?;
    let text = form.testo.trim().to_owned();
    if text.is_empty() {
        return Ok(FormOutcome::invalid("testo", say("area-message-empty")));
    }
    if text.chars().count() > MESSAGE_MAX_CHARS {
        return Ok(FormOutcome::invalid(
            "testo",
            say_with("area-message-too-long", &[("max", MESSAGE_MAX_CHARS.to_string())]),
        ));
    }
    let case_id: i64 = form.caso.trim().parse().unwrap_or_default();
    let now = state.clock.now();
    let begin = state.db.begin_writing();
    let outcome: Result<(), Option<()>> = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let case: Option<CaseRow> = sqlx::query_as(VISIBLE_CASES)
            .bind(&citizen.codice_fiscale)
            .bind(case_id)
            .fetch_optional(&mut *tx)
            .await?;
        match case {
            Some(case) if case.open => {
                // Written only while the case is still shown and open, in the statement itself:
                // its worker may hide or close it between the read above and this write.
                let message: Option<i64> = sqlx::query_scalar(
                    "INSERT INTO case_messages (case_id, citizen_id, body, sent_at)
                     SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM cases WHERE id = $1 AND family_sees AND closed_at IS NULL)
                     RETURNING id",
                )
                .bind(case.id).bind(citizen.id).bind(&text).bind(now)
                .fetch_optional(&mut *tx)
                .await?;
                let Some(message) = message else {
                    tx.rollback().await?;
                    return Ok(FormOutcome::invalid("testo", say("area-message-closed")));
                };
                let entry = Entry::new(citizen.actor(), "area.messaggio").records(RecordKind::Message, [message]);
                crate::audit!(&mut *tx, &state.audit_key, now, entry)?;
                // The responsible worker is told there is an answer, and where: never what it says.
                let worker: Option<String> = sqlx::query_scalar(RESPONSIBLE_EMAIL)
                .bind(case.id)
                .fetch_optional(&mut *tx)
                .await?;
                if let Some(to) = worker {
                    let email = worker_notice(state, to, case.id, FamilyNews::Answered);
                    crate::enqueue_email!(&mut *tx, now, email)?;
                }
                tx.commit().await?;
                state.mail_ready.notify_one();
                Ok(())
            }
            Some(_) => {
                tx.rollback().await?;
                Err(Some(()))
            }
            None => {
                let entry = Entry::new(citizen.actor(), "area.messaggio")
                    .records(RecordKind::Case, [case_id])
                    .outcome(Outcome::Denied);
                crate::audit!(&mut *tx, &state.audit_key, now, entry)?;
                tx.commit().await?;
                Err(None)
            }
        }
    });
    match outcome {
        Ok(()) => Ok(FormOutcome::Done {
            next: format!("{MESSAGES_PATH}?inviata={case_id}#caso-{case_id}"),
        }),
        Err(Some(())) => Ok(FormOutcome::invalid("testo", say("area-message-closed"))),
        Err(None) => Err(AppError::NotFound),
    }
}

/// The email of the case's ($1) responsible worker, if they have one and may still sign in.
pub(super) const RESPONSIBLE_EMAIL: &str = "SELECT u.email FROM cases k JOIN staff_users u ON u.id = k.responsible_id
      WHERE k.id = $1 AND u.email IS NOT NULL AND NOT u.disabled";

/// What the family did in its area that its worker is told of.
pub(super) enum FamilyNews {
    Answered,
    SentDocument,
}

/// The email that tells the case's responsible worker what the family did in its area: the case's
/// number and its address, never what they wrote or sent (which is read in the case file, where
/// reading it is recorded).
pub(super) fn worker_notice(
    state: &AppState,
    to: String,
    case: i64,
    news: FamilyNews,
) -> crate::mail::outbox::OutgoingEmail {
    let (subject, what) = match news {
        FamilyNews::Answered => (
            "la famiglia ha risposto nell'area personale",
            "ha scritto nell'area personale.\nLeggi il messaggio nel fascicolo, in «Messaggi con la famiglia»",
        ),
        FamilyNews::SentDocument => (
            "la famiglia ha inviato un documento",
            "ha inviato dall'area personale un documento che le avete chiesto.\nLo trovi nel fascicolo, in «Documenti»",
        ),
    };
    crate::mail::outbox::OutgoingEmail {
        to,
        reply_to: None,
        subject: format!("Caso n. {case}: {subject}"),
        body: format!(
            "La famiglia del caso n. {case} {what}:\n{}{}?id={case}\n",
            state.public_url.trim_end_matches('/'),
            crate::links::CASE_FILE
        ),
        attachment: None,
        language: crate::i18n::Language::Italian,
    }
}
