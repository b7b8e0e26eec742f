//! `/operatori/catalogo`: administrators edit the service pages and the information pages in
//! Markdown, look at a preview, and publish. Every published version is kept with who published
//! it and which parts changed, and an old version can be taken back into the editor.
//!
//! Two administrators editing the same page cannot overwrite each other: the editor remembers the
//! version it started from, and the database refuses a second version with the same number.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use super::WRITTEN_SECTIONS;
use super::{EDITOR_PATH, EDITOR_SAVE_PATH};
use crate::access::permissions::Permission;
use crate::access::Me;
use crate::error::AppError;
use crate::forms::{use_submitted, ErrorSummary, FormState, TextArea, TextField};
use crate::layout::back_office::{Loaded, StaffBar, StaffOnly};

/// One editable part of a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    /// Markdown, in a text area (otherwise one line of plain text).
    pub markdown: bool,
    pub max: usize,
    pub required: bool,
}

const TITLE: Field = Field {
    name: "titolo",
    label: "Titolo",
    hint: "Al massimo 120 caratteri.",
    markdown: false,
    max: 120,
    required: true,
};
const SUMMARY: Field = Field {
    name: "sommario",
    label: "Descrizione breve",
    hint: "Una frase, al massimo 200 caratteri: compare negli elenchi e nei risultati di ricerca.",
    markdown: false,
    max: 200,
    required: true,
};
const SECTION_HINT: &str = "In Markdown: una riga vuota tra i paragrafi, «- » all'inizio delle voci di un elenco, [testo](indirizzo) per un collegamento. Al massimo 6000 caratteri.";

const fn section(index: usize) -> Field {
    Field {
        name: WRITTEN_SECTIONS[index].0,
        label: WRITTEN_SECTIONS[index].1,
        hint: SECTION_HINT,
        markdown: true,
        max: 6000,
        required: false,
    }
}

pub const SERVICE_FIELDS: [Field; 9] = [
    TITLE,
    SUMMARY,
    Field {
        name: "parole_chiave",
        label: "Parole chiave",
        hint: "Parole che le persone cercano, separate da virgole, per esempio «affitto, bollette».",
        markdown: false,
        max: 300,
        required: false,
    },
    section(0),
    section(1),
    section(2),
    section(3),
    section(4),
    section(5),
];

pub const PAGE_FIELDS: [Field; 3] = [
    TITLE,
    SUMMARY,
    Field {
        name: "testo",
        label: "Testo della pagina",
        hint: "In Markdown: «## » all'inizio di un titolo di paragrafo, una riga vuota tra i paragrafi, «- » per un elenco. Al massimo 30000 caratteri.",
        markdown: true,
        max: 30000,
        required: true,
    },
];

/// What is edited: a service page or an information page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    Service,
    Page,
}

impl Kind {
    pub fn key(self) -> &'static str {
        match self {
            Kind::Service => "servizio",
            Kind::Page => "pagina",
        }
    }

    pub fn from_key(key: &str) -> Option<Kind> {
        [Kind::Service, Kind::Page].into_iter().find(|kind| kind.key() == key)
    }

    /// How the audit trail names a page of this kind.
    pub fn record_kind(self) -> crate::audit::RecordKind {
        match self {
            Kind::Service => crate::audit::RecordKind::ServicePage,
            Kind::Page => crate::audit::RecordKind::InformationPage,
        }
    }

    pub fn fields(self) -> &'static [Field] {
        match self {
            Kind::Service => &SERVICE_FIELDS,
            Kind::Page => &PAGE_FIELDS,
        }
    }

    /// A text of this kind's pages, in Markdown, as safe HTML: an information page may have
    /// headings of its own, being long.
    pub fn render(self, markdown: &str) -> String {
        match self {
            Kind::Service => super::markdown::to_safe_html(markdown),
            Kind::Page => super::markdown::to_safe_html_with_headings(markdown),
        }
    }

    /// "Anteprima": the Markdown texts `sent` for this kind's page, as (label, safe HTML).
    pub fn preview(self, sent: &BTreeMap<String, String>) -> Vec<(String, String)> {
        self.fields()
            .iter()
            .filter(|field| field.markdown)
            .filter_map(|field| {
                let text = sent.get(field.name).filter(|t| !t.trim().is_empty())?;
                Some((field.label.to_owned(), self.render(text)))
            })
            .collect()
    }

    /// The field labels, for the error summary.
    pub(super) fn labels(self) -> &'static [(&'static str, &'static str)] {
        const SERVICE: [(&str, &str); 9] = labels_of(&SERVICE_FIELDS);
        const PAGE: [(&str, &str); 3] = labels_of(&PAGE_FIELDS);
        match self {
            Kind::Service => &SERVICE,
            Kind::Page => &PAGE,
        }
    }
}

const fn labels_of<const N: usize>(fields: &[Field; N]) -> [(&'static str, &'static str); N] {
    let mut labels = [("", ""); N];
    let mut i = 0;
    while i < N {
        labels[i] = (fields[i].name, fields[i].label);
        i += 1;
    }
    labels
}

/// A page in the catalogue's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListedPage {
    pub kind: Kind,
    pub slug: String,
    pub title: String,
    pub updated_on: String,
}

/// A published version, as the history shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionLine {
    pub number: i64,
    pub when: String,
    pub who: String,
    pub changed: String,
}

/// The page being edited.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Editing {
    pub kind: Kind,
    pub slug: String,
    pub title: String,
    /// The number of the newest version (0 before the first edit).
    pub base: i64,
    /// What the form starts from: the page as published, or the old version asked for.
    pub values: BTreeMap<String, String>,
    pub from_version: Option<i64>,
    pub revisions: Vec<RevisionLine>,
    /// The preview of the texts sent with "Anteprima", as (label, safe HTML).
    pub preview: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueEditorView {
    pub pages: Vec<ListedPage>,
    pub editing: Option<Editing>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditorQuery {
    pub kind: Option<String>,
    pub slug: Option<String>,
    pub version: Option<i64>,
    /// The texts sent with "Anteprima", to show rendered.
    pub preview: Option<BTreeMap<String, String>>,
}

// JSON, not a form encoding: the query nests optional parts, which a form encoding cannot carry.
pub async fn load_catalogue_editor(query: EditorQuery) -> Result<CatalogueEditorView, AppError> {
    store::view(query).await
}

#[component]
pub fn CatalogueEditorPage() -> impl IntoView {
    view! { <StaffOnly title="Pagine del sito" permission=Permission::ManageContent signed_in=|me| view! { <CatalogueEditor me /> } /> }
}

/// The page an editor's address names, as (kind key, slug): `?servizio=affido-familiare` or
/// `?pagina=note-legali`.
pub(super) fn page_named(q: &leptos_router::params::ParamsMap) -> (Option<String>, Option<String>) {
    match (q.get("servizio"), q.get("pagina")) {
        (Some(slug), _) => (Some(Kind::Service.key().to_owned()), Some(slug)),
        (None, Some(slug)) => (Some(Kind::Page.key().to_owned()), Some(slug)),
        (None, None) => (None, None),
    }
}

fn edit_link(kind: Kind, slug: &str, version: Option<i64>) -> String {
    let mut link = format!("{EDITOR_PATH}?{}={}", kind.key(), crate::links::query_value(slug));
    if let Some(version) = version {
        link.push_str(&format!("&versione={version}"));
    }
    link
}

#[component]
fn CatalogueEditor(me: Me) -> impl IntoView {
    let submitted = use_submitted(EDITOR_SAVE_PATH);
    let (mut query, published, unchanged) = use_query_map().with_untracked(|q| {
        let (kind, slug) = page_named(q);
        let query = EditorQuery {
            kind,
            slug,
            version: q.get("versione").and_then(|v| v.parse().ok()),
            preview: None,
        };
        (query, q.get("pubblicata").is_some(), q.get("invariata").is_some())
    });
    let previewing = submitted.values.get("azione").is_some_and(|a| a == "anteprima");
    if !submitted.form.is_empty() {
        // After a post the page shows what was sent (and, for "Anteprima", its preview).
        query.kind = submitted.values.get("tipo").cloned();
        query.slug = submitted.values.get("slug").cloned();
        query.preview = previewing.then(|| submitted.values.clone());
    }
    let data = Resource::new(move || query.clone(), load_catalogue_editor);
    view! {
        <StaffBar me />
        <div class="container">
            <h1>"Pagine del sito"</h1>
            {published.then(|| view! { <p class="alert alert-success" role="status">"Modifiche pubblicate: i cittadini vedono già il nuovo testo."</p> })}
            {unchanged.then(|| view! { <p class="alert alert-info" role="status">"Il testo non era cambiato: non c'era niente da pubblicare."</p> })}
            <Loaded data body=|view| match view {
                CatalogueEditorView { editing: Some(editing), .. } => view! { <Editor editing /> }.into_any(),
                CatalogueEditorView { pages, editing: None } => view! { <PageList pages /> }.into_any(),
            } />
        </div>
    }
}

#[component]
fn PageList(pages: Vec<ListedPage>) -> impl IntoView {
    let (services, information): (Vec<_>, Vec<_>) = pages.into_iter().partition(|p| p.kind == Kind::Service);
    let table = |caption: &'static str, pages: Vec<ListedPage>| {
        view! {
            <div class="table-responsive">
                <table class="table">
                    <caption>{caption}</caption>
                    <thead><tr><th scope="col">"Pagina"</th><th scope="col">"Ultimo aggiornamento"</th><th scope="col">"Azioni"</th></tr></thead>
                    <tbody>
                        {pages.into_iter().map(|page| view! {
                            <tr>
                                <td>{page.title.clone()}</td>
                                <td>{page.updated_on}</td>
                                <td><a href=edit_link(page.kind, &page.slug, None) rel="external" aria-label=format!("Modifica {}", page.title)>"Modifica"</a></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
    };
    view! {
        <h2>"Schede dei servizi"</h2>
        {table("Schede dei servizi", services)}
        <h2 class="mt-5">"Pagine informative"</h2>
        {table("Pagine informative", information)}
    }
    .into_any()
}

#[component]
fn Editor(editing: Editing) -> impl IntoView {
    let Editing {
        kind,
        slug,
        title,
        base,
        values,
        from_version,
        revisions,
        preview,
    } = editing;
    let form = FormState::editing(use_submitted(EDITOR_SAVE_PATH), values);
    let has_preview = !preview.is_empty();
    view! {
        <p><a href=EDITOR_PATH rel="external">"Torna all'elenco delle pagine"</a></p>
        <h2>"Modifica: "{title}</h2>
        {from_version.map(|number| view! {
            <p class="alert alert-info" role="status">
                "Nel modulo c'è il testo della versione "{number}". Controllalo e pubblicalo per rimetterlo sul sito."
            </p>
        })}
        {has_preview.then(|| view! {
            <section aria-labelledby="titolo-anteprima" class="anteprima border rounded p-3 mb-4">
                <h3 id="titolo-anteprima">"Anteprima (non ancora pubblicata)"</h3>
                {preview.into_iter().map(|(label, html)| view! {
                    <h4 class="h5">{label}</h4>
                    <div class="testo-redatto" inner_html=html></div>
                }).collect_view()}
            </section>
        })}
        <div class="stretto">
            <ErrorSummary form labels=kind.labels() />
            <form method="post" action=EDITOR_SAVE_PATH novalidate>
                <input type="hidden" name="tipo" value=kind.key() />
                <input type="hidden" name="slug" value=slug />
                <input type="hidden" name="base" value=base.to_string() />
                {kind.fields().iter().map(|field| {
                    if field.markdown {
                        view! { <TextArea form name=field.name label=field.label hint=field.hint max_chars=field.max required=field.required /> }.into_any()
                    } else {
                        view! { <TextField form name=field.name label=field.label hint=field.hint required=field.required max_length=field.max /> }.into_any()
                    }
                }).collect_view()}
                <button type="submit" name="azione" value="anteprima" class="btn btn-outline-primary me-2">"Anteprima"</button>
                <button type="submit" name="azione" value="pubblica" class="btn btn-primary">"Pubblica le modifiche"</button>
            </form>
        </div>
        <section aria-labelledby="titolo-versioni" class="mt-5">
            <h3 id="titolo-versioni">"Versioni pubblicate"</h3>
            {if revisions.is_empty() {
                view! { <p>"Questa pagina non è ancora stata modificata: c'è solo il testo iniziale."</p> }.into_any()
            } else {
                let slug = form.initial("slug");
                view! {
                    <div class="table-responsive">
                        <table class="table">
                            <caption>"Versioni pubblicate, dalla più recente"</caption>
                            <thead><tr><th scope="col">"Versione"</th><th scope="col">"Quando"</th><th scope="col">"Chi"</th><th scope="col">"Che cosa è cambiato"</th><th scope="col">"Azioni"</th></tr></thead>
                            <tbody>
                                {revisions.into_iter().map(|revision| {
                                    let link = edit_link(kind, &slug, Some(revision.number));
                                    view! {
                                        <tr>
                                            <td>{revision.number}</td>
                                            <td>{revision.when}</td>
                                            <td>{revision.who}</td>
                                            <td>{revision.changed}</td>
                                            <td><a href=link rel="external" aria-label=format!("Riprendi nel modulo la versione {}", revision.number)>"Riprendi nel modulo"</a></td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
    .into_any()
}

/// The pages' texts as the editor shows them, with their history.
pub mod store {

    use chrono::{DateTime, Utc};

    use super::*;
    use crate::access::auth;
    use crate::audit::Entry;
    use crate::dates::{long_date, moment};

    use crate::on_db;
    use crate::state::AppState;

    #[derive(sqlx::FromRow)]
    struct RevisionRow {
        number: i64,
        published_at: DateTime<Utc>,
        who: Option<String>,
        changed: String,
        content: String,
    }

    /// Reads the current content of the page (`$kind`, `$slug`) through `$executor` as
    /// `Option<(id, field → text)>`. A macro: each database's executor is its own type.
    macro_rules! current_content {
        ($executor:expr, $kind:expr, $slug:expr) => {{
            let found: Option<(i64, BTreeMap<String, String>)> = match $kind {
                Kind::Service => {
                    let row: Option<(i64, String, String, String)> =
                        sqlx::query_as("SELECT id, title, summary, keywords FROM services WHERE slug = $1")
                            .bind($slug)
                            .fetch_optional(&mut *$executor)
                            .await?;
                    match row {
                        None => None,
                        Some((id, title, summary, keywords)) => {
                            let sections: Vec<(String, String)> = sqlx::query_as(
                                "SELECT section, body_markdown FROM service_sections WHERE service_id = $1",
                            )
                            .bind(id)
                            .fetch_all(&mut *$executor)
                            .await?;
                            let mut values: BTreeMap<String, String> =
                                [("titolo", title), ("sommario", summary), ("parole_chiave", keywords)]
                                    .into_iter()
                                    .map(|(name, value)| (name.to_owned(), value))
                                    .collect();
                            values.extend(sections);
                            Some((id, values))
                        }
                    }
                }
                Kind::Page => {
                    let row: Option<(i64, String, String, String)> =
                        sqlx::query_as("SELECT id, title, summary, body_markdown FROM pages WHERE slug = $1")
                            .bind($slug)
                            .fetch_optional(&mut *$executor)
                            .await?;
                    row.map(|(id, title, summary, body)| {
                        let values = [("titolo", title), ("sommario", summary), ("testo", body)]
                            .into_iter()
                            .map(|(name, value)| (name.to_owned(), value))
                            .collect();
                        (id, values)
                    })
                }
            };
            found
        }};
    }
    pub(in crate::catalogue) use current_content;

    /// Only the page's own fields, each present (empty when missing).
    pub(in crate::catalogue) fn content_of(kind: Kind, values: &BTreeMap<String, String>) -> BTreeMap<String, String> {
        kind.fields()
            .iter()
            .map(|field| {
                (
                    field.name.to_owned(),
                    values.get(field.name).cloned().unwrap_or_default(),
                )
            })
            .collect()
    }

    pub(in crate::catalogue) fn label_of(kind: Kind, name: &str) -> &'static str {
        kind.fields().iter().find(|f| f.name == name).map_or("", |f| f.label)
    }

    pub async fn view(query: EditorQuery) -> Result<CatalogueEditorView, AppError> {
        let (_, user) = auth::permitted(Permission::ManageContent).await?;
        let state = AppState::current();
        let now = state.clock.now();
        let kind = query.kind.as_deref().and_then(Kind::from_key);
        let begin = state.db.begin_writing();
        on_db!(&state.db, pool => {
            let mut tx = pool.begin_with(begin).await?;
            let (Some(kind), Some(slug)) = (kind, query.slug.as_deref()) else {
                let services: Vec<(String, String, chrono::NaiveDate)> =
                    sqlx::query_as("SELECT slug, title, updated_on FROM services ORDER BY position, title")
                        .fetch_all(&mut *tx)
                        .await?;
                let pages: Vec<(String, String, chrono::NaiveDate)> =
                    sqlx::query_as("SELECT slug, title, updated_on FROM pages ORDER BY title")
                        .fetch_all(&mut *tx)
                        .await?;
                crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "catalogo.elenco"))?;
                tx.commit().await?;
                let listed = |kind: Kind| move |(slug, title, updated): (String, String, chrono::NaiveDate)| ListedPage {
                    kind,
                    slug,
                    title,
                    updated_on: long_date(updated),
                };
                let mut listing: Vec<ListedPage> = services.into_iter().map(listed(Kind::Service)).collect();
                listing.extend(pages.into_iter().map(listed(Kind::Page)));
                return Ok(CatalogueEditorView { pages: listing, editing: None });
            };
            let Some((id, current)) = current_content!(tx, kind, slug) else {
                tx.rollback().await?;
                return Err(AppError::NotFound);
            };
            let revisions: Vec<RevisionRow> = sqlx::query_as(
                "SELECT r.number, r.published_at, u.display_name AS who, r.changed, r.content
                   FROM content_revisions r LEFT JOIN staff_users u ON u.id = r.staff_id
                  WHERE r.kind = $1 AND r.record_id = $2
                  ORDER BY r.number DESC",
            )
            .bind(kind.key())
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
            crate::audit!(
                &mut *tx,
                &state.audit_key,
                now,
                Entry::new(user.actor(), "catalogo.modifica").records(kind.record_kind(), [id])
            )?;
            tx.commit().await?;
            let asked = query
                .version
                .and_then(|number| revisions.iter().find(|r| r.number == number))
                .and_then(|r| serde_json::from_str::<BTreeMap<String, String>>(&r.content).ok().map(|c| (r.number, c)));
            let (from_version, values) = match asked {
                Some((number, content)) => (Some(number), content),
                None => (None, current.clone()),
            };
            let mut values = content_of(kind, &values);
            values.insert("tipo".to_owned(), kind.key().to_owned());
            values.insert("slug".to_owned(), slug.to_owned());
            let preview = query.preview.map(|sent| kind.preview(&sent)).unwrap_or_default();
            Ok(CatalogueEditorView {
                pages: Vec::new(),
                editing: Some(Editing {
                    kind,
                    slug: slug.to_owned(),
                    title: current.get("titolo").cloned().unwrap_or_default(),
                    base: revisions.first().map_or(0, |r| r.number),
                    values,
                    from_version,
                    revisions: revisions
                        .iter()
                        .map(|r| RevisionLine {
                            number: r.number,
                            when: moment(r.published_at),
                            who: r.who.clone().unwrap_or_else(|| "Testo iniziale".to_owned()),
                            changed: if r.changed.is_empty() {
                                "—".to_owned()
                            } else {
                                r.changed.split(',').map(|name| label_of(kind, name)).collect::<Vec<_>>().join(", ")
                            },
                        })
                        .collect(),
                    preview,
                }),
            })
        })
    }
}

/// Publishing a new version of a page's texts, with its audit row.
pub mod actions {
    use std::collections::HashMap;

    use chrono_tz::Europe::Rome;

    use super::store::{content_of, current_content};
    use super::*;
    use crate::access::auth;
    use crate::audit::Entry;
    use crate::catalogue::{markdown, search};

    use crate::forms::{FieldErrors, FormOutcome};
    use crate::on_db;
    use crate::state::AppState;

    /// The labels of the fields that differ, "Titolo, Come fare".
    pub(in crate::catalogue) fn changes(
        kind: Kind,
        before: &BTreeMap<String, String>,
        after: &BTreeMap<String, String>,
    ) -> Vec<&'static str> {
        kind.fields()
            .iter()
            .filter(|field| before.get(field.name).map(|t| t.trim()) != after.get(field.name).map(|t| t.trim()))
            .map(|field| field.name)
            .collect()
    }

    /// What the catalogue's search reads of a service page's texts (and of its `topics`' names).
    pub(in crate::catalogue) fn searchable(content: &BTreeMap<String, String>, topics: &[String]) -> String {
        let text = |name: &str| content.get(name).map_or("", String::as_str);
        let sections: Vec<String> = WRITTEN_SECTIONS
            .iter()
            .map(|(key, ..)| markdown::plain_text(text(key)))
            .collect();
        let mut parts = vec![text("titolo"), text("sommario"), text("parole_chiave")];
        parts.extend(topics.iter().map(String::as_str));
        parts.extend(sections.iter().map(String::as_str));
        search::search_text(&parts)
    }

    /// Checks the fields: the errors, field by field.
    pub(in crate::catalogue) fn check(kind: Kind, content: &BTreeMap<String, String>) -> FieldErrors {
        let mut errors = FieldErrors::new();
        for field in kind.fields() {
            let text = content.get(field.name).map_or("", |t| t.trim());
            if field.required && text.is_empty() {
                errors.add(field.name, format!("Scrivi il campo «{}».", field.label));
            } else if text.chars().count() > field.max {
                errors.add(
                    field.name,
                    format!("«{}» può avere al massimo {} caratteri.", field.label, field.max),
                );
            } else if !field.markdown && text.contains('\n') {
                errors.add(field.name, format!("«{}» va scritto su una riga sola.", field.label));
            }
        }
        errors
    }

    const MOVED_ON: &str = "Nel frattempo qualcun altro ha pubblicato una nuova versione di questa pagina. Il tuo testo è ancora nel modulo: copialo, ricarica la pagina e rifai le modifiche sul testo nuovo.";

    /// "Anteprima" shows the texts as they would look; "Pubblica le modifiche" saves them as the
    /// next version, in one transaction with its audit row.
    pub async fn save(state: &AppState, sent: HashMap<String, String>) -> Result<FormOutcome, AppError> {
        let (_, user) = auth::permitted(Permission::ManageContent).await?;
        let Some(kind) = sent.get("tipo").and_then(|k| Kind::from_key(k)) else {
            return Err(AppError::NotFound);
        };
        let slug = sent.get("slug").cloned().unwrap_or_default();
        let base: i64 = sent.get("base").and_then(|b| b.trim().parse().ok()).unwrap_or(-1);
        let sent: BTreeMap<String, String> = sent.into_iter().collect();
        let content: BTreeMap<String, String> = content_of(kind, &sent)
            .into_iter()
            .map(|(name, text)| (name, text.trim().replace("\r\n", "\n")))
            .collect();
        let errors = check(kind, &content);
        if !errors.is_empty() || sent.get("azione").is_some_and(|a| a == "anteprima") {
            // Nothing is saved: the page shows the errors, or the preview, with the texts as sent.
            return Ok(FormOutcome::Invalid(errors));
        }
        let now = state.clock.now();
        let today = now.with_timezone(&Rome).date_naive();
        let begin = state.db.begin_writing();
        let outcome: Result<bool, &str> = on_db!(&state.db, pool => {
            let mut tx = pool.begin_with(begin).await?;
            let Some((id, before)) = current_content!(tx, kind, slug.as_str()) else {
                tx.rollback().await?;
                return Err(AppError::NotFound);
            };
            let before = content_of(kind, &before);
            let changed = changes(kind, &before, &content);
            let latest: i64 = sqlx::query_scalar(
                "SELECT COALESCE(MAX(number), 0) FROM content_revisions WHERE kind = $1 AND record_id = $2",
            )
            .bind(kind.key())
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
            if latest != base {
                tx.rollback().await?;
                Err(MOVED_ON)
            } else if changed.is_empty() {
                tx.rollback().await?;
                Ok(false)
            } else {
                let insert = "INSERT INTO content_revisions (kind, record_id, number, published_at, staff_id, changed, content)
                              VALUES ($1, $2, $3, $4, $5, $6, $7)";
                let mut next = base + 1;
                if base == 0 {
                    // The first edit keeps the text it replaces, so it can be taken back.
                    sqlx::query(insert)
                        .bind(kind.key()).bind(id).bind(1_i64).bind(now).bind(None::<i64>).bind("")
                        .bind(serde_json::to_string(&before).unwrap_or_default())
                        .execute(&mut *tx)
                        .await?;
                    next = 2;
                }
                let written = sqlx::query(insert)
                    .bind(kind.key()).bind(id).bind(next).bind(now).bind(user.id).bind(changed.join(","))
                    .bind(serde_json::to_string(&content).unwrap_or_default())
                    .execute(&mut *tx)
                    .await;
                match written {
                    Err(sqlx::Error::Database(error)) if error.is_unique_violation() => {
                        tx.rollback().await?;
                        Err(MOVED_ON)
                    }
                    Err(error) => return Err(error.into()),
                    Ok(_) => {
                        let text = |name: &str| content.get(name).cloned().unwrap_or_default();
                        match kind {
                            Kind::Service => {
                                let topics: Vec<String> = sqlx::query_scalar(
                                    "SELECT t.name FROM service_topics st JOIN topics t ON t.id = st.topic_id WHERE st.service_id = $1",
                                )
                                .bind(id)
                                .fetch_all(&mut *tx)
                                .await?;
                                sqlx::query(
                                    "UPDATE services SET title = $1, summary = $2, keywords = $3, search_text = $4, updated_on = $5
                                      WHERE id = $6",
                                )
                                .bind(text("titolo")).bind(text("sommario")).bind(text("parole_chiave"))
                                .bind(searchable(&content, &topics)).bind(today).bind(id)
                                .execute(&mut *tx)
                                .await?;
                                for (key, ..) in WRITTEN_SECTIONS {
                                    // An emptied section disappears from the page.
                                    sqlx::query("DELETE FROM service_sections WHERE service_id = $1 AND section = $2")
                                        .bind(id).bind(key)
                                        .execute(&mut *tx)
                                        .await?;
                                    if !text(key).is_empty() {
                                        sqlx::query("INSERT INTO service_sections (service_id, section, body_markdown) VALUES ($1, $2, $3)")
                                            .bind(id).bind(key).bind(text(key))
                                            .execute(&mut *tx)
                                            .await?;
                                    }
                                }
                            }
                            Kind::Page => {
                                sqlx::query("UPDATE pages SET title = $1, summary = $2, body_markdown = $3, updated_on = $4 WHERE id = $5")
                                    .bind(text("titolo")).bind(text("sommario")).bind(text("testo")).bind(today).bind(id)
                                    .execute(&mut *tx)
                                    .await?;
                            }
                        }
                        crate::audit!(
                            &mut *tx,
                            &state.audit_key,
                            now,
                            Entry::new(user.actor(), "catalogo.pubblica").records(kind.record_kind(), [id])
                        )?;
                        tx.commit().await?;
                        Ok(true)
                    }
                }
            }
        });
        match outcome {
            Ok(true) => Ok(FormOutcome::Done {
                next: format!("{}&pubblicata=1", edit_link(kind, &slug, None)),
            }),
            Ok(false) => Ok(FormOutcome::Done {
                next: format!("{}&invariata=1", edit_link(kind, &slug, None)),
            }),
            Err(message) => Err(AppError::Conflict(message.to_owned())),
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn only_the_fields_that_differ_are_named() {
            let before: BTreeMap<String, String> = [("titolo", "Affido"), ("sommario", "Breve"), ("testo", "Uno")]
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .into();
            let mut after = before.clone();
            after.insert("testo".to_owned(), "Due ".to_owned());
            assert_eq!(changes(Kind::Page, &before, &after), vec!["testo"]);
            after.insert("testo".to_owned(), "Uno  ".to_owned());
            assert!(
                changes(Kind::Page, &before, &after).is_empty(),
                "spaces at the ends do not count"
            );
        }

        #[test]
        fn fields_are_checked_with_their_own_names() {
            let content: BTreeMap<String, String> = [("titolo", ""), ("sommario", "riga\naltra"), ("testo", "x")]
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .into();
            let errors = check(Kind::Page, &content);
            assert_eq!(errors.get("titolo"), Some("Scrivi il campo «Titolo»."));
            assert!(errors.get("sommario").unwrap().contains("una riga sola"));
            assert_eq!(errors.get("testo"), None);
        }
    }
}
