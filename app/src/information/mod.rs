//! The information pages every municipal site has: privacy notice, accessibility statement, legal
//! notes and frequently asked questions (texts in the database, in Markdown), and the contacts and
//! topics pages (built from the organisation's data and the catalogue).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;
use serde::{Deserialize, Serialize};

use crate::catalogue::pages::WordingNotice;
use crate::catalogue::{search_services, CatalogueQuery, Wording};
use crate::error::AppError;
use crate::i18n::{use_language, Language};
use crate::layout::{Breadcrumb, CardItem};
use crate::not_found::NotFoundPage;
use crate::opening::OpeningBadgeView;
use crate::organisation::{dial, get_site_info, HoursList, PhoneLineView};

pub mod store;

pub const TOPICS_PATH: &str = "/argomenti";
pub const CONTACTS_PATH: &str = "/contatti";
/// The conditions of service: an information page linked from every service page, not the footer.
pub const CONDITIONS_PATH: &str = "/condizioni-di-servizio";

/// A page of information, rendered on the server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InformationPage {
    pub title: String,
    pub summary: String,
    /// Sanitised HTML.
    pub html: String,
    /// "22/11/2026".
    pub updated_on: String,
    /// Whether the texts are in the page's language.
    pub wording: Wording,
}

pub async fn get_page((slug, language): (String, Language)) -> Result<Option<InformationPage>, AppError> {
    let state = crate::state::AppState::current();
    Ok(store::page(&state.db, &slug, language).await?)
}

/// One of the Markdown pages; which one comes from the address.
#[component]
pub fn InformationPageView() -> impl IntoView {
    let slug = use_location()
        .pathname
        .get_untracked()
        .trim_start_matches('/')
        .to_owned();
    let language = use_language();
    let italian_address = format!("/{slug}");
    let page = Resource::new(move || (slug.clone(), language), get_page);
    view! {
        <Suspense fallback=move || view! { <p class="container">{language.text("loading")}</p> }>
            {move || {
            let italian_address = italian_address.clone();
            Suspend::new(async move {
                match page.await {
                    Ok(Some(page)) => {
                    // The page's own text is the organisation's, in Italian until translated.
                    let content_lang = page.wording.lang();
                    view! {
                        <Title text=page.title.clone() />
                        <div class="container stretto">
                            <Breadcrumb trail=vec![("nav-home", "/")] current=page.title.clone() current_lang=content_lang />
                            <h1 lang=content_lang>{page.title}</h1>
                            <WordingNotice wording=page.wording italian_address />
                            <p class="lead" lang=content_lang>{page.summary}</p>
                            <div class="testo-redatto" lang=content_lang inner_html=page.html></div>
                            <p class="text-secondary mt-5">
                                {language.text_with("updated-on", &[("date", page.updated_on)])}
                            </p>
                        </div>
                    }
                    .into_any()
                    }
                    Ok(None) => view! { <NotFoundPage /> }.into_any(),
                    Err(error) => view! {
                        <div class="container"><p class="alert alert-danger" role="alert">{error.to_string()}</p></div>
                    }
                    .into_any(),
                }
            })
            }}
        </Suspense>
    }
}

/// `/contatti`: how to reach the service, with the same data and badges as the home page.
#[component]
pub fn ContactsPage() -> impl IntoView {
    let site = Resource::new(|| (), |_| get_site_info());
    let language = use_language();
    let text = move |key: &str| language.text(key);
    view! {
        <Title text=text("contacts-title") />
        <div class="container stretto">
            <Breadcrumb trail=vec![("nav-home", "/")] current=text("contacts-title") />
            <h1>{text("contacts-title")}</h1>
            <Suspense fallback=move || view! { <p>{text("contacts-loading")}</p> }>
                {move || Suspend::new(async move {
                    match site.await {
                        Ok(site) => view! {
                            <p class="lead">
                                {text("contacts-lead")}" "
                                <a href=language.href("/assistenza")>{text("assistance-title")}</a>
                            </p>
                            <h2 class="mt-4">{text("contacts-phone")}</h2>
                            {site.phone_lines.into_iter().map(|line| view! { <PhoneLineView line /> }).collect_view()}
                            <h2 class="mt-4">{text("contacts-offices")}</h2>
                            {site.offices.into_iter().map(|office| view! {
                                <div class="mb-4">
                                    <h3>{office.name}</h3>
                                    <OpeningBadgeView badge=office.badge />
                                    <p>{office.address}</p>
                                    <p>{text("office-phone")}" " <a href=dial(&office.phone)>{office.phone.clone()}</a></p>
                                    <p>{text("office-email")}" " <a href=format!("mailto:{}", office.email)>{office.email.clone()}</a></p>
                                    <HoursList hours=office.hours />
                                </div>
                            }).collect_view()}
                            <h2 class="mt-4">{text("contacts-organisation")}</h2>
                            <p><strong>{site.organisation.name}</strong></p>
                            <p>{site.organisation.address}</p>
                            <p>{text("contacts-switchboard")}" " <a href=dial(&site.organisation.phone)>{site.organisation.phone.clone()}</a></p>
                            <p>{text("office-email")}" " <a href=format!("mailto:{}", site.organisation.email)>{site.organisation.email.clone()}</a></p>
                        }
                        .into_any(),
                        Err(error) => view! { <p class="alert alert-danger" role="alert">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// `/argomenti`: the topics our services are tagged with, each leading to its services.
#[component]
pub fn TopicsPage() -> impl IntoView {
    let language = use_language();
    let catalogue = Resource::new(
        move || CatalogueQuery {
            language,
            ..CatalogueQuery::default()
        },
        search_services,
    );
    let text = move |key: &str| language.text(key);
    // The topics' names are the organisation's, in Italian.
    let content_lang = language.italian_text_lang();
    view! {
        <Title text=text("topics-title") />
        <div class="container">
            <Breadcrumb trail=vec![("nav-home", "/")] current=text("topics-title") />
            <h1 data-element="page-name">{text("topics-title")}</h1>
            <p class="lead">{text("topics-lead")}</p>
            <Suspense fallback=move || view! { <p>{text("loading")}</p> }>
                {move || Suspend::new(async move {
                    match catalogue.await {
                        Ok(catalogue) => view! {
                            <ul class="row g-4 list-unstyled">
                                {catalogue.topics.iter().map(|topic| {
                                    let count = catalogue.services.iter().filter(|s| s.topics.contains(topic)).count();
                                    let topic = topic.clone();
                                    view! {
                                        <CardItem>
                                            <h2 class="card-title h5" lang=content_lang>
                                                <a href=language.href(&format!("/servizi?argomento={}", topic.slug)) data-element="topic-element">
                                                    {topic.name.clone()}
                                                </a>
                                            </h2>
                                            <p class="card-text">{language.count("topics-services", count)}</p>
                                        </CardItem>
                                    }
                                }).collect_view()}
                            </ul>
                        }
                        .into_any(),
                        Err(error) => view! { <p class="alert alert-danger" role="alert">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}
