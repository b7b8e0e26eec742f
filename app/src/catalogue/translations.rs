//! `/operatori/catalogo/traduzioni`: the service pages and information pages in the portal's other
//! languages. For each page and language the translation has its own history (as the Italian has
//! in the editor), a preview, the Italian text beside each field, and two marks the organisation
//! acts on: "da aggiornare" when the Italian was published again after the version the translation
//! was made from, and "da rivedere" until a native speaker has read the newest version through.
//!
//! A version records the Italian version it translates (`italian_number`), so the mark is a
//! comparison of two numbers, and the editor can name the parts of the Italian that changed since.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use super::editor::{page_named, Field, Kind};
use super::{TRANSLATIONS_PATH, TRANSLATION_PATH, TRANSLATION_REVIEW_PATH, TRANSLATION_SAVE_PATH};
use crate::access::permissions::Permission;
use crate::access::Me;
use crate::error::AppError;
use crate::forms::{use_submitted, ErrorSummary, FormState, TextArea, TextField};
use crate::i18n::Language;
use crate::layout::back_office::{Loaded, StaffBar, StaffOnly};

/// The languages a page is translated into: every language of the portal but Italian, the original.
pub fn target_languages() -> impl Iterator<Item = Language> {
    Language::ALL
        .into_iter()
        .filter(|language| *language != Language::Italian)
}

/// A language's name in Italian ("Inglese"), as the back office speaks.
pub fn italian_name(language: Language) -> String {
    Language::Italian.text(&format!("interview-language-{}", language.code()))
}

/// Where a page stands in one language, the most pressing first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Standing {
    /// No translation yet: the page shows the Italian with a notice.
    Missing,
    /// The Italian was published again after the version this translation was made from.
    Outdated,
    /// Up to date, but no native speaker has read the newest version through.
    Unreviewed,
    /// Up to date and read through by a native speaker.
    Reviewed,
}

impl Standing {
    pub fn of(latest: Option<&LatestTranslation>, italian_now: i64) -> Standing {
        match latest {
            None => Standing::Missing,
            Some(t) if t.italian_number < italian_now => Standing::Outdated,
            Some(t) if t.reviewed_by.is_none() => Standing::Unreviewed,
            Some(_) => Standing::Reviewed,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Standing::Missing => "Da tradurre",
            Standing::Outdated => "Da aggiornare",
            Standing::Unreviewed => "Da rivedere",
            Standing::Reviewed => "Rivista",
        }
    }

    fn badge(self) -> &'static str {
        match self {
            Standing::Missing => "badge bg-light text-dark border",
            Standing::Outdated => "badge bg-warning text-dark",
            Standing::Unreviewed => "badge bg-info text-dark",
            Standing::Reviewed => "badge bg-success",
        }
    }
}

/// The newest version of one page's translation into one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LatestTranslation {
    pub number: i64,
    pub italian_number: i64,
    pub reviewed_by: Option<String>,
}

/// One page's standing in each language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageStanding {
    pub kind: Kind,
    pub slug: String,
    pub title: String,
    /// (language code, standing), in the switcher's order.
    pub languages: Vec<(String, Standing)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TranslationsOverview {
    pub pages: Vec<PageStanding>,
    /// The published translations no native speaker has read through yet, by language: (the
    /// language's name, the pages' titles), for the organisation to hand to its mediators.
    pub to_review: Vec<(String, Vec<String>)>,
}

/// A published version of a translation, as its history shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TranslationVersionLine {
    pub number: i64,
    pub when: String,
    pub who: String,
    pub changed: String,
    /// "versione 3", or "testo iniziale".
    pub translates: String,
    /// "Amina B., 4 dicembre 2026", or none.
    pub reviewed: Option<String>,
}

/// The translation being edited.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TranslationEditing {
    pub kind: Kind,
    pub slug: String,
    /// The page's Italian title.
    pub title: String,
    pub language: String,
    /// The newest version's number (0 before the first).
    pub base: i64,
    /// The Italian version the form's text is to be read against (the newest).
    pub italian_number: i64,
    /// (field name, Italian text now), for each field, beside it in the form.
    pub italian: Vec<(String, String)>,
    pub values: BTreeMap<String, String>,
    pub from_version: Option<i64>,
    pub standing: Standing,
    /// When "da aggiornare": the labels of the Italian parts that changed since.
    pub italian_changes: Vec<String>,
    pub versions: Vec<TranslationVersionLine>,
    pub preview: Vec<(String, String)>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TranslationQuery {
    pub kind: Option<String>,
    pub slug: Option<String>,
    pub language: Option<String>,
    pub version: Option<i64>,
    /// The texts sent with "Anteprima", to show rendered.
    pub preview: Option<BTreeMap<String, String>>,
}

pub async fn load_translations_overview() -> Result<TranslationsOverview, AppError> {
    store::overview().await
}

pub async fn load_translation(query: TranslationQuery) -> Result<TranslationEditing, AppError> {
    store::editing(query).await
}

/// The address of a page's translation editor.
pub fn translation_link(kind: Kind, slug: &str, language: &str, version: Option<i64>) -> String {
    let mut link = format!(
        "{TRANSLATION_PATH}?{}={}&lingua={language}",
        kind.key(),
        crate::links::query_value(slug)
    );
    if let Some(version) = version {
        link.push_str(&format!("&versione={version}"));
    }
    link
}

#[component]
pub fn TranslationsPage() -> impl IntoView {
    view! { <StaffOnly title="Traduzioni delle pagine" permission=Permission::ManageContent signed_in=|me| view! { <TranslationsOverviewView me /> } /> }
}

#[component]
fn TranslationsOverviewView(me: Me) -> impl IntoView {
    let data = Resource::new(|| (), |_| load_translations_overview());
    view! {
        <StaffBar me />
        <div class="container">
            <h1>"Traduzioni delle pagine"</h1>
            <p class="lead">
                "Le schede dei servizi e le pagine informative nelle altre lingue del portale. Finché una pagina non è tradotta, "
                "chi la apre in un'altra lingua legge il testo italiano con un avviso."
            </p>
            <dl class="legenda">
                <dt>{Standing::Missing.label()}</dt><dd>"non c'è ancora una traduzione;"</dd>
                <dt>{Standing::Outdated.label()}</dt><dd>"il testo italiano è cambiato dopo la traduzione: il sito mostra la traduzione con un avviso;"</dd>
                <dt>{Standing::Unreviewed.label()}</dt><dd>"nessuna persona madrelingua ha ancora riletto la versione pubblicata;"</dd>
                <dt>{Standing::Reviewed.label()}</dt><dd>"aggiornata e riletta da una persona madrelingua."</dd>
            </dl>
            <Loaded data body=|overview: TranslationsOverview| view! { <StandingTables overview /> } />
            <h2 class="mt-5">"Testi dell'interfaccia"</h2>
            <p>
                "Menu, moduli, messaggi di errore ed email sono tradotti nei file del programma. "
                "Il gruppo di lavoro li ha scritti in parole semplici; per ogni lingua, ecco se una persona madrelingua li ha riletti."
            </p>
            <ul>
                {target_languages().map(|language| view! {
                    <li>
                        <strong>{italian_name(language)}</strong>": "
                        {match language.interface_reviewed_by() {
                            Some(who) => format!("riletti da {who}."),
                            None => "non ancora riletti da una persona madrelingua.".to_owned(),
                        }}
                    </li>
                }).collect_view()}
            </ul>
        </div>
    }
}

#[component]
fn StandingTables(overview: TranslationsOverview) -> impl IntoView {
    let to_review = overview.to_review;
    let unreviewed: usize = to_review.iter().map(|(_, titles)| titles.len()).sum();
    let published = overview
        .pages
        .iter()
        .flat_map(|page| page.languages.iter())
        .any(|(_, standing)| *standing != Standing::Missing);
    let (services, information): (Vec<_>, Vec<_>) = overview.pages.into_iter().partition(|p| p.kind == Kind::Service);
    let table = |caption: &'static str, pages: Vec<PageStanding>| {
        view! {
            <div class="table-responsive">
                <table class="table">
                    <caption>{caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Pagina"</th>
                            {target_languages().map(|language| view! { <th scope="col">{italian_name(language)}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {pages.into_iter().map(|page| view! {
                            <tr>
                                <th scope="row">{page.title.clone()}</th>
                                {page.languages.iter().map(|(code, standing)| {
                                    let language = Language::from_code(code).map(italian_name).unwrap_or_default();
                                    view! {
                                        <td>
                                            <a href=translation_link(page.kind, &page.slug, code, None) rel="external"
                                               aria-label=format!("{}, {}: {}", page.title, language, standing.label())>
                                                <span class=standing.badge()>{standing.label()}</span>
                                            </a>
                                        </td>
                                    }
                                }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
    };
    view! {
        <h2>"Da far rileggere"</h2>
        <p>
            {match unreviewed {
                0 if !published => "Nessuna traduzione è ancora stata pubblicata.".to_owned(),
                0 => "Ogni traduzione pubblicata è stata riletta da una persona madrelingua.".to_owned(),
                1 => "1 traduzione pubblicata non è ancora stata riletta da una persona madrelingua:".to_owned(),
                n => format!("{n} traduzioni pubblicate non sono ancora state rilette da una persona madrelingua:"),
            }}
        </p>
        {(unreviewed > 0).then(|| view! {
            <ul>
                {to_review.into_iter().map(|(language, titles)| view! {
                    <li><strong>{language}</strong>{format!(": {}", titles.join(", "))}</li>
                }).collect_view()}
            </ul>
        })}
        <h2>"Schede dei servizi"</h2>
        {table("Schede dei servizi: stato della traduzione in ogni lingua", services)}
        <h2 class="mt-5">"Pagine informative"</h2>
        {table("Pagine informative: stato della traduzione in ogni lingua", information)}
    }
    .into_any()
}

#[component]
pub fn TranslationPage() -> impl IntoView {
    view! { <StaffOnly title="Traduzione di una pagina" permission=Permission::ManageContent signed_in=|me| view! { <TranslationEditor me /> } /> }
}

#[component]
fn TranslationEditor(me: Me) -> impl IntoView {
    let saved = use_submitted(TRANSLATION_SAVE_PATH);
    let reviewed = use_submitted(TRANSLATION_REVIEW_PATH);
    let (mut query, published, unchanged, review_recorded) = use_query_map().with_untracked(|q| {
        let (kind, slug) = page_named(q);
        let query = TranslationQuery {
            kind,
            slug,
            language: q.get("lingua"),
            version: q.get("versione").and_then(|v| v.parse().ok()),
            preview: None,
        };
        (
            query,
            q.get("pubblicata").is_some(),
            q.get("invariata").is_some(),
            q.get("rivista").is_some(),
        )
    });
    // After a post the page shows the page and language that were sent.
    for sent in [&saved, &reviewed] {
        if !sent.form.is_empty() {
            query.kind = sent.values.get("tipo").cloned();
            query.slug = sent.values.get("slug").cloned();
            query.language = sent.values.get("lingua").cloned();
        }
    }
    if saved.values.get("azione").is_some_and(|a| a == "anteprima") {
        query.preview = Some(saved.values.clone());
    }
    let data = Resource::new(move || query.clone(), load_translation);
    view! {
        <StaffBar me />
        <div class="container">
            <h1>"Traduzione di una pagina"</h1>
            {published.then(|| view! { <p class="alert alert-success" role="status">"Traduzione pubblicata: chi apre la pagina in questa lingua la legge già."</p> })}
            {unchanged.then(|| view! { <p class="alert alert-info" role="status">"La traduzione non era cambiata: non c'era niente da pubblicare."</p> })}
            {review_recorded.then(|| view! { <p class="alert alert-success" role="status">"Revisione registrata."</p> })}
            <Loaded data body=|editing| view! { <TranslationForm editing /> } />
        </div>
    }
}

#[component]
fn TranslationForm(editing: TranslationEditing) -> impl IntoView {
    let TranslationEditing {
        kind,
        slug,
        title,
        language,
        base,
        italian_number,
        italian,
        values,
        from_version,
        standing,
        italian_changes,
        versions,
        preview,
    } = editing;
    let written_in = Language::from_code(&language).unwrap_or_default();
    let form = FormState::editing(use_submitted(TRANSLATION_SAVE_PATH), values);
    let review_form = FormState::new(use_submitted(TRANSLATION_REVIEW_PATH));
    let italian_of = move |name: &str| {
        italian
            .iter()
            .find(|(field, _)| field == name)
            .map(|(_, text)| text.clone())
            .unwrap_or_default()
    };
    let language_name = italian_name(written_in);
    let public_link = written_in.href(&match kind {
        Kind::Service => format!("/servizi/{slug}"),
        Kind::Page => format!("/{slug}"),
    });
    let latest_unreviewed = base > 0 && versions.first().is_some_and(|v| v.reviewed.is_none());
    view! {
        <p><a href=TRANSLATIONS_PATH rel="external">"Torna alle traduzioni"</a></p>
        <h2>{format!("{title}: traduzione in {}", language_name.to_lowercase())}</h2>
        <p>
            "Stato: " <span class=standing.badge()>{standing.label()}</span>" · "
            <a href=public_link.clone()>{format!("Apri la pagina pubblica in {}", language_name.to_lowercase())}</a>
        </p>
        {(standing == Standing::Outdated).then(|| view! {
            <div class="alert alert-warning" role="status">
                <p class="mb-1">{format!("Il testo italiano è cambiato dopo questa traduzione. Parti cambiate: {}.", italian_changes.join(", "))}</p>
                <p class="mb-0">"Aggiorna la traduzione e pubblicala: se la traduzione va ancora bene, pubblicala così com'è per confermarla."</p>
            </div>
        })}
        {from_version.map(|number| view! {
            <p class="alert alert-info" role="status">
                {format!("Nel modulo c'è il testo della versione {number} della traduzione. Controllalo e pubblicalo per rimetterlo sul sito.")}
            </p>
        })}
        {(!preview.is_empty()).then(|| view! {
            <section aria-labelledby="titolo-anteprima" class="anteprima border rounded p-3 mb-4" lang=written_in.tag() dir=written_in.direction()>
                <h3 id="titolo-anteprima" lang="it" dir="ltr">"Anteprima (non ancora pubblicata)"</h3>
                {preview.into_iter().map(|(label, html)| view! {
                    <h4 class="h5" lang="it" dir="ltr">{label}</h4>
                    <div class="testo-redatto" inner_html=html></div>
                }).collect_view()}
            </section>
        })}
        <div class="stretto">
            <ErrorSummary form labels=kind.labels() />
            <form method="post" action=TRANSLATION_SAVE_PATH novalidate>
                <input type="hidden" name="tipo" value=kind.key() />
                <input type="hidden" name="slug" value=slug.clone() />
                <input type="hidden" name="lingua" value=language.clone() />
                <input type="hidden" name="base" value=base.to_string() />
                <input type="hidden" name="italiano" value=italian_number.to_string() />
                {kind.fields().iter().map(|field: &Field| {
                    let source = italian_of(field.name);
                    let has_source = !source.is_empty();
                    view! {
                        <details class="testo-originale mb-2" open=has_source>
                            <summary>{format!("Testo italiano: {}", field.label)}</summary>
                            <div class="border rounded p-2" lang="it">
                                {if has_source { source } else { "(vuoto)".to_owned() }}
                            </div>
                        </details>
                        {if field.markdown {
                            view! { <TextArea form name=field.name label=field.label hint=field.hint max_chars=field.max required=field.required written_in /> }.into_any()
                        } else {
                            view! { <TextField form name=field.name label=field.label hint=field.hint required=field.required max_length=field.max written_in /> }.into_any()
                        }}
                    }
                }).collect_view()}
                <button type="submit" name="azione" value="anteprima" class="btn btn-outline-primary me-2">"Anteprima"</button>
                <button type="submit" name="azione" value="pubblica" class="btn btn-primary">"Pubblica la traduzione"</button>
            </form>
        </div>
        {latest_unreviewed.then(|| view! {
            <section aria-labelledby="titolo-revisione" class="mt-5 stretto">
                <h3 id="titolo-revisione">"Registra la revisione"</h3>
                <p>
                    {format!(
                        "Quando una persona madrelingua (una mediatrice o un mediatore culturale, una collega) ha riletto la versione {base} \
                         pubblicata, scrivi qui chi è: la traduzione non comparirà più tra quelle da rivedere."
                    )}
                </p>
                <ErrorSummary form=review_form labels=&[("rivista_da", "Chi l'ha riletta")] />
                <form method="post" action=TRANSLATION_REVIEW_PATH novalidate>
                    <input type="hidden" name="tipo" value=kind.key() />
                    <input type="hidden" name="slug" value=slug.clone() />
                    <input type="hidden" name="lingua" value=language.clone() />
                    <input type="hidden" name="versione" value=base.to_string() />
                    <TextField form=review_form name="rivista_da" label="Chi l'ha riletta" hint="Nome e cognome, e il ruolo se serve: «Amina Benali, mediatrice culturale»." required=true max_length=120 />
                    <button type="submit" class="btn btn-primary">"Registra la revisione"</button>
                </form>
            </section>
        })}
        <section aria-labelledby="titolo-versioni" class="mt-5">
            <h3 id="titolo-versioni">"Versioni pubblicate della traduzione"</h3>
            {if versions.is_empty() {
                view! { <p>"Questa pagina non è ancora tradotta in questa lingua."</p> }.into_any()
            } else {
                view! {
                    <div class="table-responsive">
                        <table class="table">
                            <caption>"Versioni pubblicate, dalla più recente"</caption>
                            <thead><tr>
                                <th scope="col">"Versione"</th><th scope="col">"Quando"</th><th scope="col">"Chi"</th>
                                <th scope="col">"Che cosa è cambiato"</th><th scope="col">"Traduce l'italiano"</th>
                                <th scope="col">"Riletta da"</th><th scope="col">"Azioni"</th>
                            </tr></thead>
                            <tbody>
                                {versions.into_iter().map(|version| {
                                    let link = translation_link(kind, &slug, &language, Some(version.number));
                                    view! {
                                        <tr>
                                            <td>{version.number}</td>
                                            <td>{version.when}</td>
                                            <td>{version.who}</td>
                                            <td>{version.changed}</td>
                                            <td>{version.translates}</td>
                                            <td>{version.reviewed.unwrap_or_else(|| "—".to_owned())}</td>
                                            <td><a href=link rel="external" aria-label=format!("Riprendi nel modulo la versione {} della traduzione", version.number)>"Riprendi nel modulo"</a></td>
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

/// What the overview and the editor read, each read audited.
pub mod store {
    use chrono::{DateTime, Utc};

    use super::*;
    use crate::access::auth;
    use crate::audit::Entry;
    use crate::catalogue::editor::store::{content_of, current_content, label_of};
    use crate::catalogue::store::NEWEST_TRANSLATION;
    use crate::dates::{long_date, moment};
    use crate::on_db;
    use crate::state::AppState;

    /// The newest Italian version of every page that has been edited (the others are at 0).
    const LATEST_ITALIAN: &str = "SELECT kind, record_id, MAX(number) FROM content_revisions GROUP BY kind, record_id";

    /// (kind, record, language, number, Italian number, reviewed by).
    type LatestRow = (String, i64, String, i64, i64, Option<String>);
    /// (id, slug, title) of a page.
    type PageRow = (i64, String, String);
    /// (kind, record, newest Italian number).
    type ItalianRow = (String, i64, i64);

    #[derive(sqlx::FromRow)]
    struct VersionRow {
        number: i64,
        published_at: DateTime<Utc>,
        who: String,
        changed: String,
        content: String,
        italian_number: i64,
        reviewed_by: Option<String>,
        reviewed_at: Option<DateTime<Utc>>,
    }

    pub async fn overview() -> Result<TranslationsOverview, AppError> {
        let (_, user) = auth::permitted(Permission::ManageContent).await?;
        let state = AppState::current();
        let now = state.clock.now();
        let begin = state.db.begin_writing();
        let (services, pages, latest, italian): (Vec<PageRow>, Vec<PageRow>, Vec<LatestRow>, Vec<ItalianRow>) = on_db!(&state.db, pool => {
            let mut tx = pool.begin_with(begin).await?;
            let services = sqlx::query_as("SELECT id, slug, title FROM services ORDER BY position, title")
                .fetch_all(&mut *tx)
                .await?;
            let pages = sqlx::query_as("SELECT id, slug, title FROM pages ORDER BY title").fetch_all(&mut *tx).await?;
            let latest = sqlx::query_as(&format!(
                "SELECT t.kind, t.record_id, t.language, t.number, t.italian_number, t.reviewed_by
                   FROM content_translations t WHERE {NEWEST_TRANSLATION}"
            ))
            .fetch_all(&mut *tx)
            .await?;
            let italian = sqlx::query_as(LATEST_ITALIAN).fetch_all(&mut *tx).await?;
            crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "catalogo.traduzioni"))?;
            tx.commit().await?;
            (services, pages, latest, italian)
        });
        let standing_of = |kind: Kind, id: i64| -> Vec<(String, Standing)> {
            let italian_now = italian
                .iter()
                .find(|(k, record, _)| k == kind.key() && *record == id)
                .map_or(0, |(_, _, number)| *number);
            target_languages()
                .map(|language| {
                    let found = latest
                        .iter()
                        .find(|(k, record, code, ..)| k == kind.key() && *record == id && code == language.code())
                        .map(|(_, _, _, number, italian_number, reviewed_by)| LatestTranslation {
                            number: *number,
                            italian_number: *italian_number,
                            reviewed_by: reviewed_by.clone(),
                        });
                    (language.code().to_owned(), Standing::of(found.as_ref(), italian_now))
                })
                .collect()
        };
        let listed = |kind: Kind| {
            move |(id, slug, title): (i64, String, String)| PageStanding {
                languages: standing_of(kind, id),
                kind,
                slug,
                title,
            }
        };
        let title_of = |kind: &str, id: i64| {
            let titles = if kind == Kind::Service.key() { &services } else { &pages };
            titles
                .iter()
                .find(|(record, ..)| *record == id)
                .map(|(_, _, title)| title.clone())
        };
        let to_review = target_languages()
            .map(|language| {
                let titles: Vec<String> = latest
                    .iter()
                    .filter(|(_, _, code, .., reviewed_by)| code == language.code() && reviewed_by.is_none())
                    .filter_map(|(kind, id, ..)| title_of(kind, *id))
                    .collect();
                (italian_name(language), titles)
            })
            .filter(|(_, titles)| !titles.is_empty())
            .collect();
        let mut listing: Vec<PageStanding> = services.iter().cloned().map(listed(Kind::Service)).collect();
        listing.extend(pages.iter().cloned().map(listed(Kind::Page)));
        Ok(TranslationsOverview {
            pages: listing,
            to_review,
        })
    }

    /// The newest Italian version's number of a page (0: never edited, the text it started with).
    macro_rules! italian_number_now {
        ($executor:expr, $kind:expr, $id:expr) => {{
            let number: i64 = sqlx::query_scalar(
                "SELECT COALESCE(MAX(number), 0) FROM content_revisions WHERE kind = $1 AND record_id = $2",
            )
            .bind($kind.key())
            .bind($id)
            .fetch_one(&mut *$executor)
            .await?;
            number
        }};
    }
    pub(super) use italian_number_now;

    /// The Italian text of a page as it was at version `number`, as (field → text); `None` when the
    /// history does not have it. Version 0 is the text the page started with, which the history
    /// holds as version 1 once the page has been edited.
    macro_rules! italian_at {
        ($executor:expr, $kind:expr, $id:expr, $number:expr) => {{
            let content: Option<String> = sqlx::query_scalar(
                "SELECT content FROM content_revisions WHERE kind = $1 AND record_id = $2 AND number = $3",
            )
            .bind($kind.key())
            .bind($id)
            .bind(($number).max(1))
            .fetch_optional(&mut *$executor)
            .await?;
            content.and_then(|c| serde_json::from_str::<BTreeMap<String, String>>(&c).ok())
        }};
    }

    pub(super) fn parse_language(code: Option<&str>) -> Option<Language> {
        code.and_then(Language::from_code)
            .filter(|language| *language != Language::Italian)
    }

    /// The audit row of a read or a change of one page's translation, naming the language.
    pub(super) fn translation_entry(
        user: &crate::access::accounts::StaffUser,
        action: &'static str,
        kind: Kind,
        id: i64,
        language: Language,
    ) -> Entry {
        Entry::new(user.actor(), action)
            .records(kind.record_kind(), [id])
            .purpose(format!("Traduzione in {}", italian_name(language).to_lowercase()))
    }

    pub async fn editing(query: TranslationQuery) -> Result<TranslationEditing, AppError> {
        let (_, user) = auth::permitted(Permission::ManageContent).await?;
        let state = AppState::current();
        let now = state.clock.now();
        let (Some(kind), Some(slug), Some(language)) = (
            query.kind.as_deref().and_then(Kind::from_key),
            query.slug.clone(),
            parse_language(query.language.as_deref()),
        ) else {
            return Err(AppError::NotFound);
        };
        let begin = state.db.begin_writing();
        let (current, italian_now, italian_then, versions) = on_db!(&state.db, pool => {
            let mut tx = pool.begin_with(begin).await?;
            let Some((id, current)) = current_content!(tx, kind, slug.as_str()) else {
                tx.rollback().await?;
                return Err(AppError::NotFound);
            };
            let italian_now = italian_number_now!(tx, kind, id);
            let versions: Vec<VersionRow> = sqlx::query_as(
                "SELECT t.number, t.published_at, u.display_name AS who, t.changed, t.content, t.italian_number,
                        t.reviewed_by, t.reviewed_at
                   FROM content_translations t JOIN staff_users u ON u.id = t.staff_id
                  WHERE t.kind = $1 AND t.record_id = $2 AND t.language = $3
                  ORDER BY t.number DESC",
            )
            .bind(kind.key())
            .bind(id)
            .bind(language.code())
            .fetch_all(&mut *tx)
            .await?;
            let italian_then = match versions.first() {
                Some(latest) if latest.italian_number < italian_now => italian_at!(tx, kind, id, latest.italian_number),
                _ => None,
            };
            crate::audit!(
                &mut *tx,
                &state.audit_key,
                now,
                translation_entry(&user, "catalogo.traduzione", kind, id, language)
            )?;
            tx.commit().await?;
            (current, italian_now, italian_then, versions)
        });
        let current = content_of(kind, &current);
        let latest = versions.first().map(|v| LatestTranslation {
            number: v.number,
            italian_number: v.italian_number,
            reviewed_by: v.reviewed_by.clone(),
        });
        let standing = Standing::of(latest.as_ref(), italian_now);
        let italian_changes = italian_then
            .map(|then| {
                let then = content_of(kind, &then);
                kind.fields()
                    .iter()
                    .filter(|field| then.get(field.name).map(|t| t.trim()) != current.get(field.name).map(|t| t.trim()))
                    .map(|field| field.label.to_owned())
                    .collect()
            })
            .unwrap_or_default();
        let content_of_version = |number: i64| {
            versions
                .iter()
                .find(|v| v.number == number)
                .and_then(|v| serde_json::from_str::<BTreeMap<String, String>>(&v.content).ok())
        };
        let asked = query
            .version
            .and_then(|number| content_of_version(number).map(|c| (number, c)));
        let (from_version, values) = match asked {
            Some((number, content)) => (Some(number), content),
            None => (
                None,
                latest
                    .as_ref()
                    .and_then(|l| content_of_version(l.number))
                    .unwrap_or_default(),
            ),
        };
        let mut values = content_of(kind, &values);
        values.insert("tipo".to_owned(), kind.key().to_owned());
        values.insert("slug".to_owned(), slug.clone());
        values.insert("lingua".to_owned(), language.code().to_owned());
        let preview = query.preview.map(|sent| kind.preview(&sent)).unwrap_or_default();
        Ok(TranslationEditing {
            kind,
            title: current.get("titolo").cloned().unwrap_or_default(),
            slug,
            language: language.code().to_owned(),
            base: latest.as_ref().map_or(0, |l| l.number),
            italian_number: italian_now,
            italian: current.into_iter().collect(),
            values,
            from_version,
            standing,
            italian_changes,
            versions: versions
                .iter()
                .map(|v| TranslationVersionLine {
                    number: v.number,
                    when: moment(v.published_at),
                    who: v.who.clone(),
                    changed: if v.changed.is_empty() {
                        "— (confermata sul nuovo testo italiano)".to_owned()
                    } else {
                        v.changed
                            .split(',')
                            .map(|name| label_of(kind, name))
                            .collect::<Vec<_>>()
                            .join(", ")
                    },
                    translates: match v.italian_number {
                        0 => "testo iniziale".to_owned(),
                        n => format!("versione {n}"),
                    },
                    reviewed: v.reviewed_by.as_ref().map(|who| match v.reviewed_at {
                        Some(at) => format!(
                            "{who}, {}",
                            long_date(at.with_timezone(&chrono_tz::Europe::Rome).date_naive())
                        ),
                        None => who.clone(),
                    }),
                })
                .collect(),
            preview,
        })
    }
}

/// Publishing a version of a translation, and recording its review, each with its audit row.
pub mod actions {
    use std::collections::HashMap;

    use super::store::{italian_number_now, parse_language, translation_entry};
    use super::*;
    use crate::access::auth;
    use crate::catalogue::editor::actions::{changes, check, searchable};
    use crate::catalogue::editor::store::{content_of, current_content};
    use crate::forms::{FieldErrors, FormOutcome};
    use crate::on_db;
    use crate::state::AppState;

    #[derive(sqlx::FromRow)]
    struct LatestVersionRow {
        number: i64,
        content: String,
        italian_number: i64,
        reviewed_by: Option<String>,
        reviewed_at: Option<chrono::DateTime<chrono::Utc>>,
        review_recorded_by: Option<i64>,
    }

    /// The page and the language a form names (`tipo`, `lingua`); "not found" for Italian or an
    /// unknown one.
    fn page_and_language(sent: &HashMap<String, String>) -> Result<(Kind, Language), AppError> {
        match (
            sent.get("tipo").and_then(|k| Kind::from_key(k)),
            parse_language(sent.get("lingua").map(String::as_str)),
        ) {
            (Some(kind), Some(language)) => Ok((kind, language)),
            _ => Err(AppError::NotFound),
        }
    }

    const MOVED_ON: &str = "Nel frattempo qualcun altro ha pubblicato una nuova versione di questa traduzione. Il tuo testo è ancora nel modulo: copialo, ricarica la pagina e rifai le modifiche sul testo nuovo.";

    /// Beyond the Italian's own rules: a part the Italian page has must be translated too, or the
    /// page in this language would silently lack it.
    fn check_translation(
        kind: Kind,
        italian: &BTreeMap<String, String>,
        content: &BTreeMap<String, String>,
    ) -> FieldErrors {
        let mut errors = check(kind, content);
        for field in kind.fields().iter().filter(|field| field.markdown) {
            let in_italian = italian.get(field.name).is_some_and(|t| !t.trim().is_empty());
            let translated = content.get(field.name).is_some_and(|t| !t.trim().is_empty());
            if in_italian && !translated {
                errors.add(
                    field.name,
                    format!("Traduci anche «{}»: nel testo italiano c'è.", field.label),
                );
            }
        }
        errors
    }

    /// "Anteprima" shows the texts as they would look; "Pubblica la traduzione" saves them as the
    /// next version, with the Italian version they translate, in one transaction with its audit row.
    /// Publishing an unchanged text over an outdated translation confirms it for the new Italian.
    pub async fn save(state: &AppState, sent: HashMap<String, String>) -> Result<FormOutcome, AppError> {
        let (_, user) = auth::permitted(Permission::ManageContent).await?;
        let (kind, language) = page_and_language(&sent)?;
        let slug = sent.get("slug").cloned().unwrap_or_default();
        let base: i64 = sent.get("base").and_then(|b| b.trim().parse().ok()).unwrap_or(-1);
        let italian_read: i64 = sent.get("italiano").and_then(|n| n.trim().parse().ok()).unwrap_or(0);
        let previewing = sent.get("azione").is_some_and(|a| a == "anteprima");
        let sent: BTreeMap<String, String> = sent.into_iter().collect();
        let content: BTreeMap<String, String> = content_of(kind, &sent)
            .into_iter()
            .map(|(name, text)| (name, text.trim().replace("\r\n", "\n")))
            .collect();
        let now = state.clock.now();
        let begin = state.db.begin_writing();
        let outcome: Result<Result<bool, FieldErrors>, &str> = on_db!(&state.db, pool => {
            let mut tx = pool.begin_with(begin).await?;
            let Some((id, italian)) = current_content!(tx, kind, slug.as_str()) else {
                tx.rollback().await?;
                return Err(AppError::NotFound);
            };
            let errors = check_translation(kind, &italian, &content);
            if !errors.is_empty() || previewing {
                // Nothing is saved: the page shows the errors, or the preview, with the texts as sent.
                tx.rollback().await?;
                return Ok(FormOutcome::Invalid(errors));
            }
            // The Italian version the translator read, never a newer one than exists.
            let italian_number = italian_read.clamp(0, italian_number_now!(tx, kind, id));
            let latest: Option<LatestVersionRow> = sqlx::query_as(
                "SELECT number, content, italian_number, reviewed_by, reviewed_at, review_recorded_by
                   FROM content_translations
                  WHERE kind = $1 AND record_id = $2 AND language = $3 ORDER BY number DESC LIMIT 1",
            )
            .bind(kind.key())
            .bind(id)
            .bind(language.code())
            .fetch_optional(&mut *tx)
            .await?;
            let number = latest.as_ref().map_or(0, |l| l.number);
            let translated = latest.as_ref().map_or(-1, |l| l.italian_number);
            let before = latest.as_ref().and_then(|l| serde_json::from_str(&l.content).ok()).unwrap_or_default();
            let changed = changes(kind, &content_of(kind, &before), &content);
            // The same words confirmed for a newer Italian keep the review they had: it was of them.
            let review = latest
                .filter(|_| changed.is_empty())
                .map(|l| (l.reviewed_by, l.reviewed_at, l.review_recorded_by))
                .unwrap_or_default();
            if number != base {
                tx.rollback().await?;
                Err(MOVED_ON)
            } else if changed.is_empty() && translated == italian_number {
                tx.rollback().await?;
                Ok(Ok(false))
            } else {
                let written = sqlx::query(
                    "INSERT INTO content_translations
                            (kind, record_id, language, number, published_at, staff_id, changed, content, italian_number,
                             reviewed_by, reviewed_at, review_recorded_by, search_text)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
                )
                .bind(kind.key())
                .bind(id)
                .bind(language.code())
                .bind(base + 1)
                .bind(now)
                .bind(user.id)
                .bind(changed.join(","))
                .bind(serde_json::to_string(&content).unwrap_or_default())
                .bind(italian_number)
                .bind(review.0)
                .bind(review.1)
                .bind(review.2)
                .bind(match kind {
                    Kind::Service => searchable(&content, &[]),
                    Kind::Page => String::new(),
                })
                .execute(&mut *tx)
                .await;
                match written {
                    Err(sqlx::Error::Database(error)) if error.is_unique_violation() => {
                        tx.rollback().await?;
                        Err(MOVED_ON)
                    }
                    Err(error) => return Err(error.into()),
                    Ok(_) => {
                        crate::audit!(
                            &mut *tx,
                            &state.audit_key,
                            now,
                            translation_entry(&user, "catalogo.traduzione.pubblica", kind, id, language)
                        )?;
                        tx.commit().await?;
                        Ok(Ok(true))
                    }
                }
            }
        });
        let link = translation_link(kind, &slug, language.code(), None);
        match outcome {
            Ok(Ok(true)) => Ok(FormOutcome::Done {
                next: format!("{link}&pubblicata=1"),
            }),
            Ok(Ok(false)) => Ok(FormOutcome::Done {
                next: format!("{link}&invariata=1"),
            }),
            Ok(Err(errors)) => Ok(FormOutcome::Invalid(errors)),
            Err(message) => Err(AppError::Conflict(message.to_owned())),
        }
    }

    const REVIEW_MOVED_ON: &str = "La versione che hai letto non è più la più recente, o la sua revisione era già registrata. Ricarica la pagina e guarda la versione pubblicata ora.";

    /// Records who, speaking the language natively, read the newest version through. Only the
    /// newest version, once: the update's own condition holds it, not a read before it.
    pub async fn record_review(state: &AppState, sent: HashMap<String, String>) -> Result<FormOutcome, AppError> {
        let (_, user) = auth::permitted(Permission::ManageContent).await?;
        let (kind, language) = page_and_language(&sent)?;
        let slug = sent.get("slug").cloned().unwrap_or_default();
        let version: i64 = sent.get("versione").and_then(|v| v.trim().parse().ok()).unwrap_or(0);
        let reviewer = sent.get("rivista_da").map(|t| t.trim().to_owned()).unwrap_or_default();
        let mut errors = FieldErrors::new();
        if reviewer.is_empty() {
            errors.add("rivista_da", "Scrivi chi ha riletto la traduzione.");
        } else if reviewer.chars().count() > 120 {
            errors.add("rivista_da", "Al massimo 120 caratteri.");
        } else if reviewer.contains('\n') {
            errors.add("rivista_da", "Scrivilo su una riga sola.");
        }
        if !errors.is_empty() {
            return Ok(FormOutcome::Invalid(errors));
        }
        let now = state.clock.now();
        let begin = state.db.begin_writing();
        let recorded: bool = on_db!(&state.db, pool => {
            let mut tx = pool.begin_with(begin).await?;
            let Some((id, _)) = current_content!(tx, kind, slug.as_str()) else {
                tx.rollback().await?;
                return Err(AppError::NotFound);
            };
            let updated = sqlx::query(
                "UPDATE content_translations SET reviewed_by = $1, reviewed_at = $2, review_recorded_by = $3
                  WHERE kind = $4 AND record_id = $5 AND language = $6 AND number = $7 AND reviewed_by IS NULL
                    AND number = (SELECT MAX(x.number) FROM content_translations x
                                   WHERE x.kind = $4 AND x.record_id = $5 AND x.language = $6)",
            )
            .bind(&reviewer)
            .bind(now)
            .bind(user.id)
            .bind(kind.key())
            .bind(id)
            .bind(language.code())
            .bind(version)
            .execute(&mut *tx)
            .await?;
            if updated.rows_affected() == 1 {
                crate::audit!(
                    &mut *tx,
                    &state.audit_key,
                    now,
                    translation_entry(&user, "catalogo.traduzione.revisione", kind, id, language)
                )?;
                tx.commit().await?;
                true
            } else {
                tx.rollback().await?;
                false
            }
        });
        if !recorded {
            return Err(AppError::Conflict(REVIEW_MOVED_ON.to_owned()));
        }
        Ok(FormOutcome::Done {
            next: format!("{}&rivista=1", translation_link(kind, &slug, language.code(), None)),
        })
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn texts(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
            pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
        }

        #[test]
        fn a_part_the_italian_has_must_be_translated() {
            let italian = texts(&[
                ("titolo", "Affido"),
                ("sommario", "Breve"),
                ("come_fare", "Chiedi un colloquio."),
                ("cosa_serve", ""),
            ]);
            let content = texts(&[("titolo", "Foster care"), ("sommario", "Short")]);
            let errors = check_translation(Kind::Service, &italian, &content);
            assert_eq!(
                errors.get("come_fare"),
                Some("Traduci anche «Come fare»: nel testo italiano c'è.")
            );
            assert_eq!(
                errors.get("cosa_serve"),
                None,
                "a part the Italian lacks may stay empty"
            );
            assert_eq!(errors.get("titolo"), None);
        }

        #[test]
        fn a_translation_stands_by_the_italian_it_translates_then_its_review() {
            let translation = |italian_number, reviewed_by: Option<&str>| LatestTranslation {
                number: 1,
                italian_number,
                reviewed_by: reviewed_by.map(str::to_owned),
            };
            assert_eq!(Standing::of(None, 0), Standing::Missing);
            assert_eq!(Standing::of(Some(&translation(0, None)), 0), Standing::Unreviewed);
            assert_eq!(
                Standing::of(Some(&translation(0, Some("Amina"))), 2),
                Standing::Outdated
            );
            assert_eq!(
                Standing::of(Some(&translation(2, Some("Amina"))), 2),
                Standing::Reviewed
            );
        }
    }
}
