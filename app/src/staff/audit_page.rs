//! `/operatori/registro`: administrators search the audit trail (by staff member, record and date)
//! and check that nobody has tampered with it.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use super::{AUDIT_PATH, AUDIT_VERIFY_PATH};
use crate::access::permissions::Permission;
use crate::access::Me;
use crate::audit::RecordKind;
use crate::error::AppError;
use crate::forms::use_submitted;
use crate::layout::back_office::{StaffBar, StaffOnly};

/// The search as typed in the page's address (a GET form: a search changes nothing).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditSearch {
    pub utente: String,
    pub tipo: String,
    /// An action's key (`utenti.elenco`), chosen by its words.
    #[serde(default)]
    pub azione: String,
    pub id: String,
    pub dal: String,
    pub al: String,
    pub prima_di: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLine {
    pub seq: i64,
    pub when: String,
    pub who: String,
    pub role: String,
    pub action: String,
    pub records: String,
    pub purpose: String,
    pub outcome: String,
    pub request_id: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditResults {
    pub lines: Vec<AuditLine>,
    /// What in the search could not be understood, field by field.
    pub problems: Vec<(String, String)>,
    /// Where the next (older) page starts, when there is one.
    pub older: Option<i64>,
}

pub async fn search_audit(search: AuditSearch) -> Result<AuditResults, AppError> {
    store::search(search).await
}

#[component]
pub fn AuditPage() -> impl IntoView {
    view! { <StaffOnly title="Registro degli accessi" permission=Permission::ReadAuditTrail signed_in=|me| view! { <Audit me /> } /> }
}

#[component]
fn Audit(me: Me) -> impl IntoView {
    let query = use_query_map();
    let search = move || {
        query.with(|q| AuditSearch {
            utente: q.get("utente").unwrap_or_default(),
            tipo: q.get("tipo").unwrap_or_default(),
            azione: q.get("azione").unwrap_or_default(),
            id: q.get("id").unwrap_or_default(),
            dal: q.get("dal").unwrap_or_default(),
            al: q.get("al").unwrap_or_default(),
            prima_di: q.get("prima_di").unwrap_or_default(),
        })
    };
    let verified = query.with_untracked(|q| q.get("verificato"));
    let verification = use_submitted(AUDIT_VERIFY_PATH);
    let results = Resource::new(search, search_audit);
    let typed = search();
    view! {
        <StaffBar me />
        <div class="container">
            <h1>"Registro degli accessi"</h1>
            <p>"Ogni lettura e modifica di dati personali da parte del personale, gli accessi e i tentativi rifiutati."</p>
            <section aria-labelledby="titolo-verifica" class="mb-4">
                <h2 id="titolo-verifica" class="h4">"Integrità del registro"</h2>
                {verified.map(|rows| view! {
                    <p class="alert alert-success" role="status">{format!("Registro integro: {rows} righe controllate, nessuna modificata, spostata o rimossa.")}</p>
                })}
                {verification.errors.get("verifica").map(|problems| view! {
                    <div class="alert alert-danger" role="alert">
                        <p><strong>"Il registro è stato alterato."</strong></p>
                        <ul>{problems.split('\n').map(|p| view! { <li>{p.to_owned()}</li> }).collect_view()}</ul>
                    </div>
                })}
                <form method="post" action=AUDIT_VERIFY_PATH>
                    <button type="submit" class="btn btn-outline-primary">"Verifica l'integrità"</button>
                </form>
            </section>
            <section aria-labelledby="titolo-ricerca">
                <h2 id="titolo-ricerca" class="h4">"Cerca"</h2>
                <form method="get" action=AUDIT_PATH class="row g-3 mb-4">
                    <div class="col-12 col-md-4">
                        <label for="campo-utente">"Nome utente di chi ha agito"</label>
                        <input class="form-control" id="campo-utente" name="utente" value=typed.utente.clone() />
                    </div>
                    <div class="col-6 col-md-4">
                        <label for="campo-tipo">"Tipo di dato"</label>
                        <select class="form-select" id="campo-tipo" name="tipo">
                            <option value="" selected=typed.tipo.is_empty()>"Tutti"</option>
                            {RecordKind::CHOICES.iter().map(|(value, label)| view! {
                                <option value=*value selected=typed.tipo == *value>{*label}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="col-12 col-md-4">
                        <label for="campo-azione">"Azione"</label>
                        <select class="form-select" id="campo-azione" name="azione">
                            <option value="" selected=typed.azione.is_empty()>"Tutte"</option>
                            {crate::audit::actions::ACTIONS.iter().map(|(key, label)| view! {
                                <option value=*key selected=typed.azione == *key>{*label}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="col-6 col-md-4">
                        <label for="campo-id">"Numero del dato"</label>
                        <input class="form-control" id="campo-id" name="id" inputmode="numeric" value=typed.id.clone() />
                    </div>
                    <div class="col-6 col-md-4">
                        <label for="campo-dal">"Dal giorno"</label>
                        <input class="form-control" id="campo-dal" name="dal" type="date" value=typed.dal.clone() />
                    </div>
                    <div class="col-6 col-md-4">
                        <label for="campo-al">"Al giorno (compreso)"</label>
                        <input class="form-control" id="campo-al" name="al" type="date" value=typed.al.clone() />
                    </div>
                    <div class="col-12 col-md-4 d-flex align-items-end">
                        <button type="submit" class="btn btn-primary">"Cerca"</button>
                    </div>
                </form>
            </section>
            <Suspense fallback=|| view! { <p>"Caricamento…"</p> }>
                {move || Suspend::new(async move {
                    match results.await {
                        Ok(results) => view! { <Results results search=search() /> }.into_any(),
                        Err(error) => view! { <p class="alert alert-danger" role="alert">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Results(results: AuditResults, search: AuditSearch) -> impl IntoView {
    let older = results.older.map(|seq| {
        let query = serde_urlencoded_query(&AuditSearch {
            prima_di: seq.to_string(),
            ..search
        });
        format!("{AUDIT_PATH}?{query}")
    });
    view! {
        {(!results.problems.is_empty()).then(|| view! {
            <div class="alert alert-warning" role="alert">
                <ul class="mb-0">{results.problems.iter().map(|(_, message)| view! { <li>{message.clone()}</li> }).collect_view()}</ul>
            </div>
        })}
        {if results.lines.is_empty() {
            view! { <p>"Nessuna riga corrisponde alla ricerca."</p> }.into_any()
        } else {
            view! {
                <div class="table-responsive">
                    <table class="table table-sm">
                        <caption>"Righe del registro, dalla più recente"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"N."</th>
                                <th scope="col">"Quando"</th>
                                <th scope="col">"Chi"</th>
                                <th scope="col">"Ruolo"</th>
                                <th scope="col">"Azione"</th>
                                <th scope="col">"Dati"</th>
                                <th scope="col">"Motivo"</th>
                                <th scope="col">"Esito"</th>
                                <th scope="col">"Richiesta"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {results.lines.into_iter().map(|line| view! {
                                <tr>
                                    <td>{line.seq}</td>
                                    <td>{line.when}</td>
                                    <td>{line.who}</td>
                                    <td>{line.role}</td>
                                    <td>{line.action}</td>
                                    <td>{line.records}</td>
                                    <td>{line.purpose}</td>
                                    <td>{line.outcome}</td>
                                    <td><code>{line.request_id}</code></td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
            .into_any()
        }}
        {older.map(|href| view! { <p><a href=href rel="external">"Righe più vecchie"</a></p> })}
    }
}

/// The search as a query string (for the link to the next page).
fn serde_urlencoded_query(search: &AuditSearch) -> String {
    [
        ("utente", &search.utente),
        ("tipo", &search.tipo),
        ("azione", &search.azione),
        ("id", &search.id),
        ("dal", &search.dal),
        ("al", &search.al),
        ("prima_di", &search.prima_di),
    ]
    .into_iter()
    .filter(|(_, value)| !value.is_empty())
    .map(|(name, value)| format!("{name}={}", crate::links::query_value(value)))
    .collect::<Vec<_>>()
    .join("&")
}

/// The audit trail searched, and checked since the last checkpoint (the server does it on its own,
/// every few minutes).
pub mod store {
    use chrono::{NaiveDate, TimeZone};
    use chrono_tz::Europe::Rome;

    use super::*;
    use crate::access::permissions::Role;
    use crate::access::{accounts, auth};
    use crate::audit::{self, checkpoint::Checkpoint, search, Entry, Outcome};

    use crate::state::AppState;

    fn start_of(day: NaiveDate) -> Option<chrono::DateTime<chrono::Utc>> {
        Rome.from_local_datetime(&day.and_hms_opt(0, 0, 0)?)
            .earliest()
            .map(|t| t.with_timezone(&chrono::Utc))
    }

    pub async fn search(typed: AuditSearch) -> Result<AuditResults, AppError> {
        let (_, user) = auth::permitted(Permission::ReadAuditTrail).await?;
        let state = AppState::current();
        let mut problems = Vec::new();
        let mut query = search::Query::default();
        if !typed.utente.trim().is_empty() {
            match accounts::by_username(&state.db, &typed.utente).await? {
                Some(actor) => query.actor_id = Some(actor.id),
                None => problems.push(("utente".to_owned(), "Nessun account ha questo nome utente.".to_owned())),
            }
        }
        if let Some(kind) = RecordKind::from_key(&typed.tipo) {
            query.record_kind = Some(kind.key().to_owned());
        }
        if audit::actions::label_of(&typed.azione).is_some() {
            query.action = Some(typed.azione.clone());
        }
        if !typed.id.trim().is_empty() {
            match typed.id.trim().parse::<i64>() {
                Ok(id) => query.record_id = Some(id),
                Err(_) => problems.push((
                    "id".to_owned(),
                    "Il numero del dato deve essere un numero intero.".to_owned(),
                )),
            }
        }
        let day = |text: &str, field: &str, problems: &mut Vec<(String, String)>| {
            if text.trim().is_empty() {
                return None;
            }
            let parsed = crate::validation::day(text);
            if parsed.is_none() {
                problems.push((
                    field.to_owned(),
                    "Scrivi la data come giorno/mese/anno, per esempio 15/06/2026.".to_owned(),
                ));
            }
            parsed
        };
        query.from = day(&typed.dal, "dal", &mut problems).and_then(start_of);
        query.until = day(&typed.al, "al", &mut problems)
            .and_then(|d| d.succ_opt())
            .and_then(start_of);
        query.before_seq = typed.prima_di.parse().ok();
        let found = if problems.is_empty() {
            search::search(&state.db, &query).await?
        } else {
            Vec::new()
        };
        let now = state.clock.now();
        audit::record_alone(
            &state.db,
            &state.audit_key,
            now,
            &Entry::new(user.actor(), "registro.ricerca").records(RecordKind::AuditRow, found.iter().map(|f| f.seq)),
        )
        .await?;
        let older = (found.len() as i64 == search::PAGE_SIZE)
            .then(|| found.last().map(|f| f.seq))
            .flatten();
        let lines = found
            .into_iter()
            .map(|f| {
                let local = f.at.with_timezone(&Rome).naive_local();
                let family = f.actor_role.as_deref() == Some(audit::FAMILY_ROLE);
                let role = if family {
                    "Persona di una famiglia (area personale)".to_owned()
                } else {
                    f.actor_role
                        .as_deref()
                        .unwrap_or_default()
                        .split(',')
                        .map(|key| Role::from_key(key.trim()).map_or(key, |role| role.label()))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let who = match (family, f.actor_id) {
                    (true, Some(id)) => format!("Persona n. {id}"),
                    _ => f.actor_username.unwrap_or_else(|| "—".to_owned()),
                };
                AuditLine {
                    seq: f.seq,
                    when: format!(
                        "{} {}",
                        local.date().format("%d/%m/%Y"),
                        local.time().format("%H:%M:%S")
                    ),
                    who,
                    role,
                    action: audit::actions::label(&f.action),
                    records: match f.record_kind.as_deref().map(record_kind_name) {
                        Some(kind) if !f.record_ids.is_empty() => format!("{kind} {}", f.record_ids.replace(',', ", ")),
                        Some(kind) => kind,
                        None => String::new(),
                    },
                    purpose: f.purpose.unwrap_or_default(),
                    outcome: match f.outcome.as_str() {
                        "ok" => "Riuscita".to_owned(),
                        "negato" => "Negata".to_owned(),
                        "fallito" => "Non riuscita".to_owned(),
                        other => other.to_owned(),
                    },
                    request_id: f.request_id,
                }
            })
            .collect();
        Ok(AuditResults { lines, problems, older })
    }

    /// The periodic check (every few minutes, by the server): verifies the rows written since the
    /// checkpoint and moves the checkpoint to them, so that a tampered or truncated trail is found
    /// within minutes even when nobody presses "Verifica". A problem is logged as an error and
    /// recorded in the trail itself; the checkpoint then stays where it was.
    pub async fn check_since_checkpoint(state: &AppState) -> Result<audit::verify::Report, AppError> {
        let checkpoint = state
            .audit_checkpoint
            .read()
            .map_err(|e| AppError::internal("cannot read the audit checkpoint", &e))?;
        let report = audit::verify::verify_since(&state.db, &state.audit_key, checkpoint.as_ref()).await?;
        if report.is_intact() {
            advance_checkpoint(state, report.last_seq).await?;
        } else {
            tracing::error!(problems = ?report.problems, "the audit trail has been tampered with");
            let system = audit::Actor { id: None, role: None };
            audit::record_alone(
                &state.db,
                &state.audit_key,
                state.clock.now(),
                &Entry::new(system, "registro.verifica_periodica").outcome(Outcome::Failed),
            )
            .await?;
        }
        Ok(report)
    }

    /// Records how far the verified chain reaches, outside the database.
    pub async fn advance_checkpoint(state: &AppState, seq: i64) -> Result<(), AppError> {
        if seq < 1 {
            return Ok(());
        }
        let hash: Option<String> = crate::on_db!(&state.db, pool => sqlx::query_scalar("SELECT hash FROM audit_log WHERE seq = $1")
            .bind(seq)
            .fetch_optional(pool)
            .await)?;
        if let Some(hash) = hash {
            state
                .audit_checkpoint
                .advance(&Checkpoint { seq, hash })
                .map_err(|e| AppError::internal("cannot write the audit checkpoint", &e))?;
        }
        Ok(())
    }

    /// How a row's stored record kind is read: the vocabulary's label, or the key itself for a kind
    /// the vocabulary no longer has.
    fn record_kind_name(key: &str) -> String {
        RecordKind::from_key(key).map_or_else(|| key.to_owned(), |kind| kind.label().to_owned())
    }
}

/// Checking the whole trail now, at an administrator's request.
pub mod actions {

    use super::store::advance_checkpoint;
    use super::*;

    use crate::access::auth;
    use crate::audit::{self, Entry, Outcome};
    use crate::forms::{FieldErrors, FormOutcome};
    use crate::state::AppState;

    /// Checks the whole chain and the checkpoint; when intact, moves the checkpoint to the head.
    pub async fn verify(state: &AppState) -> Result<FormOutcome, AppError> {
        let (_, user) = auth::permitted(Permission::ReadAuditTrail).await?;
        let checkpoint = state
            .audit_checkpoint
            .read()
            .map_err(|e| AppError::internal("cannot read the audit checkpoint", &e))?;
        let report = audit::verify::verify(&state.db, &state.audit_key, checkpoint.as_ref()).await?;
        let now = state.clock.now();
        let outcome = if report.is_intact() {
            Outcome::Ok
        } else {
            Outcome::Failed
        };
        audit::record_alone(
            &state.db,
            &state.audit_key,
            now,
            &Entry::new(user.actor(), "registro.verifica").outcome(outcome),
        )
        .await?;
        if !report.is_intact() {
            tracing::error!(problems = ?report.problems, "the audit trail has been tampered with");
            let mut errors = FieldErrors::new();
            errors.add(
                "verifica",
                report
                    .problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
            return Ok(FormOutcome::Invalid(errors));
        }
        // Only as far as this check read: rows written meanwhile are verified next time.
        advance_checkpoint(state, report.last_seq).await?;
        Ok(FormOutcome::Done {
            next: format!("{AUDIT_PATH}?verificato={}", report.rows_checked),
        })
    }
}
