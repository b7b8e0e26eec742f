//! `/operatori/posta`: the emails that could not be delivered, or keep failing, so that the front
//! desk can call the citizen whose confirmation never arrived and the administrator can fix the mail
//! settings. Recipient addresses are personal data: each visit is in the audit trail.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::access::permissions::Permission;
use crate::access::Me;
use crate::dates::{clock, day_and_month};
use crate::error::AppError;
use crate::layout::back_office::{StaffBar, StaffOnly};

/// A message that has failed at least this many times is shown while it is still being retried.
pub const SHOWN_AFTER_ATTEMPTS: i64 = 3;
/// At most this many, newest first.
pub const LIMIT: i64 = 100;

/// One message, as the page shows it (times already in Italian local time).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailProblem {
    pub id: i64,
    pub to_address: String,
    pub subject: String,
    pub created: String,
    pub status: String,
    pub last_error: String,
    pub booking_code: Option<String>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    to_address: String,
    subject: String,
    status: String,
    attempts: i64,
    last_error: Option<String>,
    created_at: DateTime<Utc>,
    next_attempt_at: DateTime<Utc>,
    booking_code: Option<String>,
}

impl Row {
    fn shown(self) -> MailProblem {
        use chrono_tz::Europe::Rome;
        let local = |t: DateTime<Utc>| t.with_timezone(&Rome).naive_local();
        let created = local(self.created_at);
        let next = local(self.next_attempt_at);
        MailProblem {
            id: self.id,
            to_address: self.to_address,
            subject: self.subject,
            created: format!("{} alle {}", day_and_month(created.date()), clock(created.time())),
            status: if self.status == "failed" {
                format!("Non consegnato dopo {} tentativi", self.attempts)
            } else {
                format!(
                    "{} tentativi falliti; il prossimo il {} alle {}",
                    self.attempts,
                    day_and_month(next.date()),
                    clock(next.time())
                )
            },
            last_error: self.last_error.unwrap_or_default(),
            booking_code: self.booking_code,
        }
    }
}

pub async fn mail_problems() -> Result<Vec<MailProblem>, AppError> {
    use crate::access::auth;
    use crate::audit::Entry;
    use crate::audit::RecordKind;
    use crate::on_db;
    use crate::state::AppState;

    let (_, user) = auth::permitted(Permission::ReadMailProblems).await?;
    let state = AppState::current();
    let now = state.clock.now();
    let begin = state.db.begin_writing();
    let problems = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let problems: Vec<Row> = sqlx::query_as(
            "SELECT m.id, m.to_address, m.subject, m.status, m.attempts, m.last_error, m.created_at, m.next_attempt_at,
                    b.code AS booking_code
               FROM email_outbox m LEFT JOIN bookings b ON b.id = m.booking_id
              WHERE m.status = 'failed' OR (m.status IN ('pending', 'sending') AND m.attempts >= $1)
              ORDER BY m.created_at DESC, m.id DESC
              LIMIT $2",
        )
        .bind(SHOWN_AFTER_ATTEMPTS)
        .bind(LIMIT)
        .fetch_all(&mut *tx)
        .await?;
        crate::audit!(
            &mut *tx,
            &state.audit_key,
            now,
            Entry::new(user.actor(), "posta.elenco").records(RecordKind::Email, problems.iter().map(|p| p.id))
        )?;
        tx.commit().await?;
        problems
    });
    Ok(problems.into_iter().map(Row::shown).collect())
}

#[component]
pub fn MailProblemsPage() -> impl IntoView {
    view! { <StaffOnly title="Email non recapitate" permission=Permission::ReadMailProblems signed_in=|me| view! { <MailProblems me /> } /> }
}

#[component]
fn MailProblems(me: Me) -> impl IntoView {
    let problems = Resource::new(|| (), |_| mail_problems());
    view! {
        <StaffBar me />
        <div class="container">
            <h1>"Email non recapitate"</h1>
            <p>
                "Conferme, promemoria e altri messaggi che il server di posta ha rifiutato, o che non riesce a consegnare "
                "dopo "{SHOWN_AFTER_ATTEMPTS}" tentativi. Se il messaggio riguarda un appuntamento, contatta il cittadino "
                "per telefono e comunicagli il codice di prenotazione."
            </p>
            <Suspense fallback=|| view! { <p>"Caricamento…"</p> }>
                {move || Suspend::new(async move {
                    match problems.await {
                        Ok(list) if list.is_empty() => view! { <p class="alert alert-success" role="status">"Nessun messaggio in difficoltà."</p> }.into_any(),
                        Ok(list) => view! { <ProblemTable list /> }.into_any(),
                        Err(error) => view! { <p class="alert alert-danger" role="alert">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn ProblemTable(list: Vec<MailProblem>) -> impl IntoView {
    view! {
        <div class="table-responsive">
            <table class="table">
                <caption>"Messaggi non consegnati, dal più recente"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Creato"</th>
                        <th scope="col">"Destinatario"</th>
                        <th scope="col">"Oggetto"</th>
                        <th scope="col">"Prenotazione"</th>
                        <th scope="col">"Stato"</th>
                        <th scope="col">"Ultimo errore"</th>
                    </tr>
                </thead>
                <tbody>
                    {list.into_iter().map(|problem| {
                        view! {
                            <tr>
                                <td>{problem.created}</td>
                                <td>{problem.to_address}</td>
                                <td>{problem.subject}</td>
                                <td>{problem.booking_code.unwrap_or_else(|| "—".to_owned())}</td>
                                <td>{problem.status}</td>
                                <td>{problem.last_error}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
