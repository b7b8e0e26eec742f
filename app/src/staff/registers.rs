//! `/operatori/elenchi`: the lists the rest of Sportello chooses from — the comuni the service
//! covers, the units requests are routed to, and what citizens may book an appointment about.
//! Administrators add entries, correct them and switch them off (never delete them: bookings,
//! roles and requests keep pointing at them). Changes show on the public pages at once.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use super::{REGISTERS_PATH, REGISTER_COMUNE_PATH, REGISTER_TOPIC_PATH, REGISTER_UNIT_PATH};
use crate::access::permissions::Permission;
use crate::access::Me;
use crate::error::AppError;
use crate::forms::{use_submitted, Checkbox, ChoiceField, ErrorSummary, FormState, SelectField, TextField};
use crate::layout::back_office::{Loaded, StaffBar, StaffOnly};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComuneLine {
    pub id: i64,
    pub name: String,
    pub province: String,
    pub codice_catastale: String,
    pub active: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitLine {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub position: i64,
    pub active: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicLine {
    pub id: i64,
    pub name: String,
    pub hint: String,
    pub unit_id: Option<i64>,
    pub unit: String,
    /// The urgency the topic suggests to the front desk (`ordinaria`, ...).
    pub urgency: String,
    pub position: i64,
    pub active: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistersView {
    pub comuni: Vec<ComuneLine>,
    pub units: Vec<UnitLine>,
    pub topics: Vec<TopicLine>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ComuneForm {
    /// Empty for a new entry.
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub comune_nome: String,
    #[serde(default)]
    pub comune_provincia: String,
    #[serde(default)]
    pub comune_codice: String,
    #[serde(default)]
    pub comune_attivo: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UnitForm {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub unita_nome: String,
    #[serde(default)]
    pub unita_descrizione: String,
    #[serde(default)]
    pub unita_posizione: String,
    #[serde(default)]
    pub unita_attiva: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TopicForm {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub argomento_nome: String,
    #[serde(default)]
    pub argomento_aiuto: String,
    #[serde(default)]
    pub argomento_unita: String,
    #[serde(default)]
    pub argomento_urgenza: String,
    #[serde(default)]
    pub argomento_posizione: String,
    #[serde(default)]
    pub argomento_attivo: String,
}

const COMUNE_LABELS: &[(&str, &str)] = &[
    ("comune_nome", "Nome del comune"),
    ("comune_provincia", "Provincia"),
    ("comune_codice", "Codice catastale"),
];
const UNIT_LABELS: &[(&str, &str)] = &[
    ("unita_nome", "Nome dell'unità"),
    ("unita_descrizione", "Descrizione"),
    ("unita_posizione", "Posizione nell'elenco"),
];
const TOPIC_LABELS: &[(&str, &str)] = &[
    ("argomento_nome", "Argomento"),
    ("argomento_aiuto", "Spiegazione"),
    ("argomento_unita", "Unità che di solito segue"),
    ("argomento_urgenza", "Urgenza suggerita"),
    ("argomento_posizione", "Posizione nell'elenco"),
];

pub async fn load_registers() -> Result<RegistersView, AppError> {
    store::view().await
}

#[component]
pub fn RegistersPage() -> impl IntoView {
    view! { <StaffOnly title="Comuni, unità e argomenti" permission=Permission::ManageRegisters signed_in=|me| view! { <Registers me /> } /> }
}

/// Which entry the address asks to edit, as (list, id): `?modifica=unita-3`.
fn editing() -> Option<(String, i64)> {
    use_query_map().with_untracked(|q| {
        let raw = q.get("modifica")?;
        let (list, id) = raw.rsplit_once('-')?;
        Some((list.to_owned(), id.parse().ok()?))
    })
}

fn edit_link(list: &str, id: i64) -> String {
    format!("{REGISTERS_PATH}?modifica={list}-{id}#modulo-{list}")
}

#[component]
fn Registers(me: Me) -> impl IntoView {
    let data = Resource::new(|| (), |_| load_registers());
    let saved = use_query_map().with_untracked(|q| q.get("salvato").is_some());
    let editing = editing();
    view! {
        <StaffBar me />
        <div class="container">
            <h1>"Comuni, unità e argomenti"</h1>
            <p>"Le voci non si cancellano, perché prenotazioni e richieste vi fanno riferimento: una voce disattivata non compare più ai cittadini né nelle scelte del personale."</p>
            {saved.then(|| view! { <p class="alert alert-success" role="status">"Modifica salvata."</p> })}
            <Loaded data body=move |RegistersView { comuni, units, topics }| {
                let id_in = move |list: &str| editing.as_ref().filter(|(l, _)| l == list).map(|(_, id)| *id);
                view! {
                    <ComuniSection comuni editing=id_in("comune") />
                    <UnitsSection units=units.clone() editing=id_in("unita") />
                    <TopicsSection topics units editing=id_in("argomento") />
                }
            } />
        </div>
    }
}

/// "Attivo" / "Disattivato".
fn state_text(active: bool) -> &'static str {
    if active {
        "Attivo"
    } else {
        "Disattivato"
    }
}

/// The values a form starts from: the entry being edited, or a new one (active).
fn start_values(pairs: Vec<(&str, String)>) -> std::collections::BTreeMap<String, String> {
    pairs
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(name, value)| (name.to_owned(), value))
        .collect()
}

fn ticked(yes: bool) -> String {
    if yes {
        "si".to_owned()
    } else {
        String::new()
    }
}

/// The heading and button of a form that adds or edits, and the link back to adding.
#[component]
fn FormHeading(list: &'static str, what: &'static str, name: Option<String>) -> impl IntoView {
    view! {
        <h3 class="h5 mt-4" id=format!("modulo-{list}")>
            {match &name {
                Some(name) => format!("Modifica: {name}"),
                None => format!("Aggiungi {what}"),
            }}
        </h3>
        {name.is_some().then(|| view! { <p><a href=REGISTERS_PATH rel="external">"Annulla la modifica"</a></p> })}
    }
    .into_any()
}

#[component]
fn ComuniSection(comuni: Vec<ComuneLine>, editing: Option<i64>) -> impl IntoView {
    let edited = editing.and_then(|id| comuni.iter().find(|c| c.id == id).cloned());
    let current = match &edited {
        Some(c) => start_values(vec![
            ("id", c.id.to_string()),
            ("comune_nome", c.name.clone()),
            ("comune_provincia", c.province.clone()),
            ("comune_codice", c.codice_catastale.clone()),
            ("comune_attivo", ticked(c.active)),
        ]),
        None => start_values(vec![("comune_attivo", ticked(true))]),
    };
    let form = FormState::editing(use_submitted(REGISTER_COMUNE_PATH), current);
    let id = form.initial("id");
    view! {
        <section aria-labelledby="titolo-comuni" class="mt-4">
            <h2 id="titolo-comuni">"Comuni"</h2>
            <div class="table-responsive">
                <table class="table">
                    <caption>"Comuni serviti"</caption>
                    <thead><tr><th scope="col">"Comune"</th><th scope="col">"Provincia"</th><th scope="col">"Codice catastale"</th><th scope="col">"Stato"</th><th scope="col">"Azioni"</th></tr></thead>
                    <tbody>
                        {comuni.into_iter().map(|c| view! {
                            <tr>
                                <td>{c.name.clone()}</td>
                                <td>{c.province}</td>
                                <td>{c.codice_catastale}</td>
                                <td>{state_text(c.active)}</td>
                                <td><a href=edit_link("comune", c.id) rel="external" aria-label=format!("Modifica {}", c.name)>"Modifica"</a></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <div class="stretto">
                <FormHeading list="comune" what="un comune" name=edited.map(|c| c.name) />
                <ErrorSummary form labels=COMUNE_LABELS />
                <form method="post" action=REGISTER_COMUNE_PATH novalidate>
                    <input type="hidden" name="id" value=id />
                    <TextField form name="comune_nome" label="Nome del comune" required=true max_length=200 />
                    <TextField form name="comune_provincia" label="Provincia" hint="La sigla, per esempio MI." max_length=2 />
                    <TextField form name="comune_codice" label="Codice catastale" hint="Una lettera e tre cifre, per esempio C707: serve a riconoscere i residenti dal codice fiscale." max_length=4 />
                    <Checkbox form name="comune_attivo">"Attivo: il servizio copre questo comune"</Checkbox>
                    <button type="submit" class="btn btn-primary">"Salva il comune"</button>
                </form>
            </div>
        </section>
    }
    .into_any()
}

#[component]
fn UnitsSection(units: Vec<UnitLine>, editing: Option<i64>) -> impl IntoView {
    let edited = editing.and_then(|id| units.iter().find(|u| u.id == id).cloned());
    let current = match &edited {
        Some(u) => start_values(vec![
            ("id", u.id.to_string()),
            ("unita_nome", u.name.clone()),
            ("unita_descrizione", u.description.clone()),
            ("unita_posizione", u.position.to_string()),
            ("unita_attiva", ticked(u.active)),
        ]),
        None => start_values(vec![("unita_attiva", ticked(true))]),
    };
    let form = FormState::editing(use_submitted(REGISTER_UNIT_PATH), current);
    let id = form.initial("id");
    view! {
        <section aria-labelledby="titolo-unita" class="mt-5">
            <h2 id="titolo-unita">"Unità"</h2>
            <div class="table-responsive">
                <table class="table">
                    <caption>"Unità che prendono in carico le richieste"</caption>
                    <thead><tr><th scope="col">"Unità"</th><th scope="col">"Descrizione"</th><th scope="col">"Posizione"</th><th scope="col">"Stato"</th><th scope="col">"Azioni"</th></tr></thead>
                    <tbody>
                        {units.into_iter().map(|u| view! {
                            <tr>
                                <td>{u.name.clone()}</td>
                                <td>{u.description}</td>
                                <td>{u.position}</td>
                                <td>{if u.active { "Attiva" } else { "Disattivata" }}</td>
                                <td><a href=edit_link("unita", u.id) rel="external" aria-label=format!("Modifica {}", u.name)>"Modifica"</a></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <div class="stretto">
                <FormHeading list="unita" what="un'unità" name=edited.map(|u| u.name) />
                <ErrorSummary form labels=UNIT_LABELS />
                <form method="post" action=REGISTER_UNIT_PATH novalidate>
                    <input type="hidden" name="id" value=id />
                    <TextField form name="unita_nome" label="Nome dell'unità" required=true max_length=120 />
                    <TextField form name="unita_descrizione" label="Descrizione" hint="Una frase sui bisogni che segue: la leggono i cittadini." max_length=300 />
                    <TextField form name="unita_posizione" label="Posizione nell'elenco" hint="Un numero: le unità con il numero più basso vengono prima." kind="number" />
                    <Checkbox form name="unita_attiva">"Attiva: riceve richieste e compare ai cittadini"</Checkbox>
                    <button type="submit" class="btn btn-primary">"Salva l'unità"</button>
                </form>
            </div>
        </section>
    }
    .into_any()
}

#[component]
fn TopicsSection(topics: Vec<TopicLine>, units: Vec<UnitLine>, editing: Option<i64>) -> impl IntoView {
    let edited = editing.and_then(|id| topics.iter().find(|t| t.id == id).cloned());
    let current = match &edited {
        Some(t) => start_values(vec![
            ("id", t.id.to_string()),
            ("argomento_nome", t.name.clone()),
            ("argomento_aiuto", t.hint.clone()),
            (
                "argomento_unita",
                t.unit_id.map(|id| id.to_string()).unwrap_or_default(),
            ),
            ("argomento_urgenza", t.urgency.clone()),
            ("argomento_posizione", t.position.to_string()),
            ("argomento_attivo", ticked(t.active)),
        ]),
        None => start_values(vec![
            ("argomento_attivo", ticked(true)),
            ("argomento_urgenza", "ordinaria".to_owned()),
        ]),
    };
    let form = FormState::editing(use_submitted(REGISTER_TOPIC_PATH), current);
    let id = form.initial("id");
    let unit_choices: Vec<(String, String)> = units.into_iter().map(|u| (u.id.to_string(), u.name)).collect();
    view! {
        <section aria-labelledby="titolo-argomenti" class="mt-5">
            <h2 id="titolo-argomenti">"Argomenti degli appuntamenti"</h2>
            <p>"Sono le voci tra cui il cittadino sceglie «Di che cosa vuoi parlare?» quando prenota. L'unità indicata è solo un suggerimento: decide il Segretariato al colloquio."</p>
            <div class="table-responsive">
                <table class="table">
                    <caption>"Argomenti tra cui scegliere quando si prenota"</caption>
                    <thead><tr><th scope="col">"Argomento"</th><th scope="col">"Spiegazione"</th><th scope="col">"Unità suggerita"</th><th scope="col">"Urgenza suggerita"</th><th scope="col">"Posizione"</th><th scope="col">"Stato"</th><th scope="col">"Azioni"</th></tr></thead>
                    <tbody>
                        {topics.into_iter().map(|t| view! {
                            <tr>
                                <td>{t.name.clone()}</td>
                                <td>{t.hint}</td>
                                <td>{t.unit}</td>
                                <td>{crate::triage::Urgency::label_of(&t.urgency)}</td>
                                <td>{t.position}</td>
                                <td>{state_text(t.active)}</td>
                                <td><a href=edit_link("argomento", t.id) rel="external" aria-label=format!("Modifica {}", t.name)>"Modifica"</a></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <div class="stretto">
                <FormHeading list="argomento" what="un argomento" name=edited.map(|t| t.name) />
                <ErrorSummary form labels=TOPIC_LABELS />
                <form method="post" action=REGISTER_TOPIC_PATH novalidate>
                    <input type="hidden" name="id" value=id />
                    <TextField form name="argomento_nome" label="Argomento" hint="Come lo dice una persona, per esempio «Difficoltà con i figli o in famiglia»." required=true max_length=120 />
                    <TextField form name="argomento_aiuto" label="Spiegazione" hint="Una frase che aiuta a scegliere." max_length=300 />
                    <ChoiceField form name="argomento_unita" label="Unità che di solito segue" options=unit_choices hint="Lascia «Scegli…» se decide il Segretariato." />
                    <SelectField form name="argomento_urgenza" label="Urgenza suggerita" options=crate::triage::Urgency::CHOICES required=true />
                    <TextField form name="argomento_posizione" label="Posizione nell'elenco" hint="Un numero: gli argomenti con il numero più basso vengono prima." kind="number" />
                    <Checkbox form name="argomento_attivo">"Attivo: compare a chi prenota"</Checkbox>
                    <button type="submit" class="btn btn-primary">"Salva l'argomento"</button>
                </form>
            </div>
        </section>
    }
    .into_any()
}

/// The registers as the screen shows them.
pub mod store {
    use super::*;
    use crate::access::auth;
    use crate::audit::Entry;

    use crate::on_db;
    use crate::state::AppState;

    #[derive(sqlx::FromRow)]
    struct ComuneRow {
        id: i64,
        name: String,
        province: String,
        codice_catastale: Option<String>,
        active: bool,
    }

    #[derive(sqlx::FromRow)]
    struct UnitRow {
        id: i64,
        name: String,
        description: String,
        position: i64,
        active: bool,
    }

    #[derive(sqlx::FromRow)]
    struct TopicRow {
        id: i64,
        name: String,
        hint: String,
        unit_id: Option<i64>,
        unit: Option<String>,
        suggested_urgency: String,
        position: i64,
        active: bool,
    }

    pub async fn view() -> Result<RegistersView, AppError> {
        let (_, user) = auth::permitted(Permission::ManageRegisters).await?;
        let state = AppState::current();
        let now = state.clock.now();
        let begin = state.db.begin_writing();
        let (comuni, units, topics) = on_db!(&state.db, pool => {
            let mut tx = pool.begin_with(begin).await?;
            let comuni: Vec<ComuneRow> = sqlx::query_as(
                "SELECT id, name, province, codice_catastale, active FROM comuni ORDER BY active DESC, name",
            )
            .fetch_all(&mut *tx)
            .await?;
            let units: Vec<UnitRow> = sqlx::query_as(
                "SELECT id, name, description, position, active FROM units ORDER BY active DESC, position, name",
            )
            .fetch_all(&mut *tx)
            .await?;
            let topics: Vec<TopicRow> = sqlx::query_as(
                "SELECT t.id, t.name, t.hint, t.unit_id, u.name AS unit, t.suggested_urgency, t.position, t.active
                   FROM booking_topics t LEFT JOIN units u ON u.id = t.unit_id
                  ORDER BY t.active DESC, t.position, t.name",
            )
            .fetch_all(&mut *tx)
            .await?;
            // No personal data here; the visit is recorded like every back-office page.
            crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "elenchi.vista"))?;
            tx.commit().await?;
            (comuni, units, topics)
        });
        Ok(RegistersView {
            comuni: comuni
                .into_iter()
                .map(|c| ComuneLine {
                    id: c.id,
                    name: c.name,
                    province: c.province,
                    codice_catastale: c.codice_catastale.unwrap_or_default(),
                    active: c.active,
                })
                .collect(),
            units: units
                .into_iter()
                .map(|u| UnitLine {
                    id: u.id,
                    name: u.name,
                    description: u.description,
                    position: u.position,
                    active: u.active,
                })
                .collect(),
            topics: topics
                .into_iter()
                .map(|t| TopicLine {
                    id: t.id,
                    name: t.name,
                    hint: t.hint,
                    unit_id: t.unit_id,
                    unit: t.unit.unwrap_or_else(|| "Decide il Segretariato".to_owned()),
                    urgency: t.suggested_urgency,
                    position: t.position,
                    active: t.active,
                })
                .collect(),
        })
    }
}

/// Saving an entry of a register (a new one, or a change), with its audit row.
pub mod actions {
    use super::*;
    use crate::access::auth;
    use crate::audit::Entry;
    use crate::audit::RecordKind;
    use crate::catalogue::search::slugify;
    use crate::forms::{FieldErrors, FormOutcome};
    use crate::on_db;
    use crate::state::AppState;

    /// Spaces tidied; `None` (with the error recorded) when empty or longer than `max`.
    fn text(errors: &mut FieldErrors, field: &str, raw: &str, max: usize, required: bool, message: &str) -> String {
        let tidy = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if (required && tidy.is_empty()) || tidy.chars().count() > max {
            errors.add(field, message);
        }
        tidy
    }

    fn position(errors: &mut FieldErrors, field: &str, raw: &str) -> i64 {
        if raw.trim().is_empty() {
            return 0;
        }
        raw.trim().parse().unwrap_or_else(|_| {
            errors.add(field, "Scrivi la posizione come numero intero, per esempio 10.");
            0
        })
    }

    /// `Some(id)` to update an entry, `None` to add one; an id that is not a number is refused.
    fn entry_id(errors: &mut FieldErrors, field: &str, raw: &str) -> Option<i64> {
        let raw = raw.trim();
        if raw.is_empty() {
            return None;
        }
        raw.parse().map(Some).unwrap_or_else(|_| {
            errors.add(field, "La voce da modificare non è valida: ricarica la pagina.");
            None
        })
    }

    /// Runs an insert (no id) or an update (`$1` = id, then the values), each `RETURNING id`, with
    /// its audit row; `taken` is the answer (field, message) for a value another entry already
    /// has, or a unit that no longer exists. A macro: each database's transaction is its own type.
    macro_rules! save {
        ($state:expr, $user:expr, $id:expr, $action:expr, $kind:expr, $taken:expr,
         insert: ($insert:expr, |$q1:ident| $bind_insert:expr),
         update: ($update:expr, |$q2:ident| $bind_update:expr)) => {{
            let now = $state.clock.now();
            let begin = $state.db.begin_writing();
            let saved: Result<bool, sqlx::Error> = on_db!(&$state.db, pool => {
                let mut tx = pool.begin_with(begin).await?;
                let written: Result<Option<i64>, sqlx::Error> = match $id {
                    None => {
                        let $q1 = sqlx::query_scalar::<_, i64>($insert);
                        $bind_insert.fetch_optional(&mut *tx).await
                    }
                    Some(id) => {
                        let $q2 = sqlx::query_scalar::<_, i64>($update).bind(id);
                        $bind_update.fetch_optional(&mut *tx).await
                    }
                };
                match written {
                    Ok(Some(id)) => {
                        crate::audit!(&mut *tx, &$state.audit_key, now, Entry::new($user.actor(), $action).records($kind, [id]))?;
                        tx.commit().await?;
                        Ok(true)
                    }
                    Ok(None) => {
                        tx.rollback().await?;
                        Ok(false)
                    }
                    Err(error) => {
                        tx.rollback().await?;
                        Err(error)
                    }
                }
            });
            match saved {
                Ok(true) => Ok(FormOutcome::Done { next: format!("{REGISTERS_PATH}?salvato=1") }),
                Ok(false) => {
                    let mut errors = FieldErrors::new();
                    errors.add($taken.0, "La voce da modificare non esiste più: ricarica la pagina.");
                    Ok(FormOutcome::Invalid(errors))
                }
                Err(sqlx::Error::Database(error)) if error.is_unique_violation() || error.is_foreign_key_violation() => {
                    let mut errors = FieldErrors::new();
                    errors.add($taken.0, $taken.1);
                    Ok(FormOutcome::Invalid(errors))
                }
                Err(error) => Err(AppError::from(error)),
            }
        }};
    }

    pub async fn save_comune(state: &AppState, form: ComuneForm) -> Result<FormOutcome, AppError> {
        let (_, user) = auth::permitted(Permission::ManageRegisters).await?;
        let mut errors = FieldErrors::new();
        let id = entry_id(&mut errors, "comune_nome", &form.id);
        let name = text(
            &mut errors,
            "comune_nome",
            &form.comune_nome,
            200,
            true,
            "Scrivi il nome del comune.",
        );
        let province = form.comune_provincia.trim().to_uppercase();
        if !(province.is_empty() || (province.len() == 2 && province.chars().all(|c| c.is_ascii_uppercase()))) {
            errors.add(
                "comune_provincia",
                "Scrivi la sigla della provincia: due lettere, per esempio MI.",
            );
        }
        let code = form.comune_codice.trim().to_uppercase();
        let valid_code = code.len() == 4
            && code.starts_with(|c: char| c.is_ascii_uppercase())
            && code[1..].chars().all(|c| c.is_ascii_digit());
        if !code.is_empty() && !valid_code {
            errors.add(
                "comune_codice",
                "Il codice catastale è una lettera seguita da tre cifre, per esempio C707.",
            );
        }
        if !errors.is_empty() {
            return Ok(FormOutcome::Invalid(errors));
        }
        let code = (!code.is_empty()).then_some(code);
        let active = !form.comune_attivo.is_empty();
        let now = state.clock.now();
        save!(
            state, user, id, "elenchi.comune", RecordKind::Comune,
            ("comune_codice", "Un altro comune ha già questo codice catastale."),
            insert: (
                "INSERT INTO comuni (name, province, codice_catastale, active, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                |q| q.bind(&name).bind(&province).bind(&code).bind(active).bind(now)
            ),
            update: (
                "UPDATE comuni SET name = $2, province = $3, codice_catastale = $4, active = $5 WHERE id = $1 RETURNING id",
                |q| q.bind(&name).bind(&province).bind(&code).bind(active)
            )
        )
    }

    pub async fn save_unit(state: &AppState, form: UnitForm) -> Result<FormOutcome, AppError> {
        let (_, user) = auth::permitted(Permission::ManageRegisters).await?;
        let mut errors = FieldErrors::new();
        let id = entry_id(&mut errors, "unita_nome", &form.id);
        let name = text(
            &mut errors,
            "unita_nome",
            &form.unita_nome,
            120,
            true,
            "Scrivi il nome dell'unità (al massimo 120 caratteri).",
        );
        let description = text(
            &mut errors,
            "unita_descrizione",
            &form.unita_descrizione,
            300,
            false,
            "La descrizione può avere al massimo 300 caratteri.",
        );
        let position = position(&mut errors, "unita_posizione", &form.unita_posizione);
        let code = slugify(&name);
        if errors.get("unita_nome").is_none() && code.is_empty() {
            errors.add("unita_nome", "Il nome deve contenere almeno una lettera o una cifra.");
        }
        if !errors.is_empty() {
            return Ok(FormOutcome::Invalid(errors));
        }
        let active = !form.unita_attiva.is_empty();
        // The code (used in addresses and by the catalogue) is made once, from the first name.
        let now = state.clock.now();
        save!(
            state, user, id, "elenchi.unita", RecordKind::Unit,
            ("unita_nome", "Esiste già un'unità con questo nome."),
            insert: (
                "INSERT INTO units (name, description, position, active, code, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                |q| q.bind(&name).bind(&description).bind(position).bind(active).bind(&code).bind(now)
            ),
            update: (
                "UPDATE units SET name = $2, description = $3, position = $4, active = $5 WHERE id = $1 RETURNING id",
                |q| q.bind(&name).bind(&description).bind(position).bind(active)
            )
        )
    }

    pub async fn save_topic(state: &AppState, form: TopicForm) -> Result<FormOutcome, AppError> {
        let (_, user) = auth::permitted(Permission::ManageRegisters).await?;
        let mut errors = FieldErrors::new();
        let id = entry_id(&mut errors, "argomento_nome", &form.id);
        let name = text(
            &mut errors,
            "argomento_nome",
            &form.argomento_nome,
            120,
            true,
            "Scrivi l'argomento (al massimo 120 caratteri).",
        );
        let hint = text(
            &mut errors,
            "argomento_aiuto",
            &form.argomento_aiuto,
            300,
            false,
            "La spiegazione può avere al massimo 300 caratteri.",
        );
        let position = position(&mut errors, "argomento_posizione", &form.argomento_posizione);
        let unit = match form.argomento_unita.trim() {
            "" => None,
            raw => match raw.parse::<i64>() {
                Ok(unit) => Some(unit),
                Err(_) => {
                    errors.add("argomento_unita", "Scegli un'unità dall'elenco.");
                    None
                }
            },
        };
        let urgency = form.argomento_urgenza.trim().to_owned();
        if crate::triage::Urgency::from_key(&urgency).is_none() {
            errors.add("argomento_urgenza", "Scegli l'urgenza che l'argomento suggerisce.");
        }
        let slug = slugify(&name);
        if errors.get("argomento_nome").is_none() && slug.is_empty() {
            errors.add(
                "argomento_nome",
                "L'argomento deve contenere almeno una lettera o una cifra.",
            );
        }
        if !errors.is_empty() {
            return Ok(FormOutcome::Invalid(errors));
        }
        let active = !form.argomento_attivo.is_empty();
        // The slug (in booking addresses and drafts) is made once, from the first name.
        save!(
            state, user, id, "elenchi.argomento", RecordKind::BookingTopic,
            ("argomento_nome", "Esiste già un argomento con questo nome, oppure l'unità scelta non esiste più."),
            insert: (
                "INSERT INTO booking_topics (name, hint, unit_id, position, active, suggested_urgency, slug)
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                |q| q.bind(&name).bind(&hint).bind(unit).bind(position).bind(active).bind(&urgency).bind(&slug)
            ),
            update: (
                "UPDATE booking_topics SET name = $2, hint = $3, unit_id = $4, position = $5, active = $6,
                                          suggested_urgency = $7
                  WHERE id = $1 RETURNING id",
                |q| q.bind(&name).bind(&hint).bind(unit).bind(position).bind(active).bind(&urgency)
            )
        )
    }
}
