//! The person's confirmed email: a family that booked with an email and no codice fiscale finds
//! those appointments in the area once the person proves they read that address. The address is
//! the one their identity provider gave; a link with a random code goes to it, and opening it,
//! signed in as the same person within a day, confirms it. The booking part then lets the area
//! open a booking by that email as by the codice fiscale (`booking::manage`'s key, which reads
//! the confirmed address from `citizens` itself).

use chrono::Duration;
use serde::{Deserialize, Serialize};

use super::session::signed_in;
use super::PATH;
use crate::audit::{Entry, Outcome};
use crate::booking::codes::{new_secret, token_hash};
use crate::error::AppError;
use crate::forms::FormOutcome;
use crate::on_db;
use crate::state::AppState;

/// How long the link in the email works.
const LINK_LIFE_HOURS: i64 = 24;

/// What the area's home says about the person's email.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailStanding {
    /// The address the identity provider gave at this sign-in.
    pub given: Option<String>,
    /// The address the person confirmed, if any.
    pub confirmed: Option<String>,
}

impl EmailStanding {
    /// The provider's address, when it is not the one already confirmed.
    pub fn to_confirm(&self) -> Option<&str> {
        self.given
            .as_deref()
            .filter(|given| self.confirmed.as_deref() != Some(given.to_lowercase().as_str()))
    }
}

/// The signed-in person's email standing.
pub async fn standing(state: &AppState) -> Result<EmailStanding, AppError> {
    let citizen = signed_in()?;
    let confirmed: Option<String> = on_db!(&state.db, pool => {
        sqlx::query_scalar("SELECT confirmed_email FROM citizens WHERE id = $1")
            .bind(citizen.id)
            .fetch_optional(pool)
            .await?
            .flatten()
    });
    Ok(EmailStanding {
        given: citizen.email,
        confirmed,
    })
}

/// The form "Conferma la tua email" has no field: the address is the provider's.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct ConfirmForm {}

/// Sends the confirmation link to the address the provider gave. Without one, there is nothing
/// to confirm and nothing is sent.
pub async fn ask(state: &AppState) -> Result<FormOutcome, AppError> {
    let citizen = signed_in()?;
    let Some(email) = citizen.email.clone().filter(|email| email.contains('@')) else {
        return Ok(FormOutcome::Done { next: PATH.to_owned() });
    };
    let code = new_secret();
    let now = state.clock.now();
    let link = format!(
        "{}{}?codice={code}",
        state.public_url.trim_end_matches('/'),
        super::EMAIL_CONFIRMED_PATH
    );
    let message = crate::mail::outbox::OutgoingEmail {
        to: email.clone(),
        reply_to: None,
        subject: "Conferma la tua email per l'area personale".to_owned(),
        body: format!(
            "Buongiorno,\n\nper vedere nell'area personale anche gli appuntamenti prenotati con questa email, \
             apri questo link entro {LINK_LIFE_HOURS} ore, dopo essere entrato con SPID o CIE:\n{link}\n\n\
             Se non l'hai chiesto tu, ignora questo messaggio: non cambia nulla.\n\n\
             Questa email è inviata automaticamente: non rispondere a questo indirizzo.\n"
        ),
        attachment: None,
        language: crate::i18n::Language::Italian,
    };
    let begin = state.db.begin_writing();
    on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        // Links nobody opened in time go when a new one is made.
        sqlx::query("DELETE FROM citizen_email_confirmations WHERE expires_at <= $1")
            .bind(now)
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO citizen_email_confirmations (token_hash, citizen_id, email, expires_at) VALUES ($1, $2, $3, $4)")
            .bind(token_hash(&code))
            .bind(citizen.id)
            .bind(email.to_lowercase())
            .bind(now + Duration::hours(LINK_LIFE_HOURS))
            .execute(&mut *tx)
            .await?;
        crate::enqueue_email!(&mut *tx, now, message)?;
        crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(citizen.actor(), "area.email_conferma"))?;
        tx.commit().await?;
    });
    state.mail_ready.notify_one();
    Ok(FormOutcome::Done {
        next: format!("{PATH}?email=inviata#appuntamenti"),
    })
}

/// Opens the link's `code`: for the signed-in person, within its day, the address becomes their
/// confirmed one (in the statement that checks the code), and their links are spent. Another
/// person's code, an old or a made-up one confirms nothing, and the attempt is recorded.
pub async fn confirm(state: &AppState, code: &str) -> Result<bool, AppError> {
    let citizen = signed_in()?;
    let now = state.clock.now();
    let hash = token_hash(code.trim());
    let begin = state.db.begin_writing();
    let confirmed = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let updated = sqlx::query(
            "UPDATE citizens
                SET confirmed_email = (SELECT e.email FROM citizen_email_confirmations e
                                        WHERE e.token_hash = $1 AND e.citizen_id = $2 AND e.expires_at > $3),
                    email_confirmed_at = $3
              WHERE id = $2
                AND EXISTS (SELECT 1 FROM citizen_email_confirmations e
                             WHERE e.token_hash = $1 AND e.citizen_id = $2 AND e.expires_at > $3)",
        )
        .bind(&hash)
        .bind(citizen.id)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if updated == 1 {
            sqlx::query("DELETE FROM citizen_email_confirmations WHERE citizen_id = $1")
                .bind(citizen.id)
                .execute(&mut *tx)
                .await?;
        }
        let entry = Entry::new(citizen.actor(), "area.email_confermata");
        let entry = if updated == 1 { entry } else { entry.outcome(Outcome::Denied) };
        crate::audit!(&mut *tx, &state.audit_key, now, entry)?;
        tx.commit().await?;
        updated == 1
    });
    Ok(confirmed)
}
