//! The catalogue page (`/servizi`) and the page of each service (`/servizi/{slug}`).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{get_service, search_services, Catalogue, CatalogueQuery, ServiceDetail, Topic, Wording, WRITTEN_SECTIONS};
use crate::i18n::{use_language, Language};
use crate::layout::{Breadcrumb, CardItem};
use crate::not_found::NotFoundPage;
use crate::organisation::HoursList;

/// The address of the booking flow, pre-selecting a service's topic and office.
pub fn booking_link(slug: &str) -> String {
    format!("/prenota?servizio={slug}")
}

/// Above the organisation's own texts on a page in another language: that they are still the
/// Italian, or that the translation may be behind the Italian, with a link to it.
#[component]
pub fn WordingNotice(wording: Wording, italian_address: String) -> impl IntoView {
    let language = use_language();
    match wording {
        Wording::Original | Wording::Translated { outdated: false } => ().into_any(),
        Wording::Untranslated => {
            view! { <p class="alert alert-info">{language.text("not-translated-yet")}</p> }.into_any()
        }
        Wording::Translated { outdated: true } => view! {
            <p class="alert alert-warning">
                {language.text("translation-outdated")}" "
                <a href=italian_address hreflang="it" lang="it">{language.text("read-in-italian")}</a>
            </p>
        }
        .into_any(),
    }
}

#[component]
pub fn CataloguePage() -> impl IntoView {
    let query = use_query_map();
    let language = use_language();
    let wanted = move || {
        query.with(|q| {
            let get = |name: &str| q.get(name).unwrap_or_default().chars().take(200).collect::<String>();
            CatalogueQuery {
                words: get("q"),
                category: get("categoria"),
                topic: get("argomento"),
                language,
            }
        })
    };
    let results = Resource::new(wanted, search_services);
    let text = move |key: &str| language.text(key);
    view! {
        <Title text=text("services-title") />
        <div class="container">
            <Breadcrumb trail=vec![("nav-home", "/")] current=text("services-title") />
            <h1 data-element="page-name">{text("services-title")}</h1>
            <p class="lead">{text("services-lead")}</p>
            <p>
                <a class="btn btn-primary" href=language.href("/prenota") data-element="appointment-booking">
                    {text("booking-title")}
                </a>
            </p>
            <Suspense fallback=move || view! { <p>{text("services-loading")}</p> }>
                {move || {
                    let CatalogueQuery { words: q, category: categoria, topic: argomento, .. } = wanted();
                    Suspend::new(async move {
                        match results.await {
                            Ok(catalogue) => {
                                view! { <CatalogueResults catalogue q categoria argomento /> }.into_any()
                            }
                            Err(error) => {
                                view! { <p class="alert alert-danger" role="alert">{error.to_string()}</p> }
                                    .into_any()
                            }
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}

#[component]
fn CatalogueResults(catalogue: Catalogue, q: String, categoria: String, argomento: String) -> impl IntoView {
    let filtered = !(q.trim().is_empty() && categoria.is_empty() && argomento.is_empty());
    let language = use_language();
    let text = move |key: &str| language.text(key);
    // The categories are the organisation's words, in Italian.
    let content_lang = language.italian_text_lang();
    let count = catalogue.services.len();
    let found = match (count, filtered) {
        (0, _) => text("services-none-found"),
        (n, true) => language.count("services-found", n),
        (n, false) => language.count("services-count", n),
    };
    view! {
        <form
            class="ricerca bg-light rounded p-3 p-md-4 my-4"
            method="get"
            action=language.href("/servizi")
            role="search"
            aria-label=text("services-search-label")
        >
            <div class="row g-3">
            <div class="col-lg-6">
                <label class="form-label fw-semibold" for="ricerca-parole">{text("services-search")}</label>
                <input class="form-control" id="ricerca-parole" name="q" type="search" value=q aria-describedby="ricerca-parole-aiuto" />
                <p class="form-text mb-0" id="ricerca-parole-aiuto">{text("services-search-hint")}</p>
            </div>
            <div class="col-md-6 col-lg-3">
                <label class="form-label fw-semibold" for="ricerca-categoria">{text("services-category")}</label>
                <select class="form-select" id="ricerca-categoria" name="categoria">
                    <option value="" selected=categoria.is_empty()>{text("services-all-categories")}</option>
                    {catalogue
                        .categories
                        .iter()
                        .map(|c| view! { <option value=c.clone() selected=*c == categoria>{c.clone()}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="col-md-6 col-lg-3">
                <label class="form-label fw-semibold" for="ricerca-argomento">{text("services-topic")}</label>
                <select class="form-select" id="ricerca-argomento" name="argomento">
                    <option value="" selected=argomento.is_empty()>{text("services-all-topics")}</option>
                    {catalogue
                        .topics
                        .iter()
                        .map(|t| {
                            view! { <option value=t.slug.clone() selected=t.slug == argomento>{t.name.clone()}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            </div>
            <div class="d-flex flex-wrap align-items-center gap-3 mt-3">
                <button type="submit" class="btn btn-primary">{text("services-search-button")}</button>
                {filtered.then(|| view! { <a href=language.href("/servizi")>{text("services-show-all")}</a> })}
            </div>
        </form>
        <p class="fw-semibold" role="status">{found}</p>
        <ul class="row g-4 list-unstyled">
            {catalogue
                .services
                .into_iter()
                .map(|service| {
                    view! {
                        <CardItem>
                            <p class="category-top text-secondary small text-uppercase fw-semibold mb-2" lang=content_lang>{service.category}</p>
                            // Each service's title and summary: translated, or still the Italian.
                            <div lang=service.wording.lang()>
                                <h2 class="card-title h5">
                                    <a href=language.href(&format!("/servizi/{}", service.slug)) data-element="service-link">
                                        {service.title}
                                    </a>
                                </h2>
                                <p class="card-text">{service.summary}</p>
                            </div>
                        </CardItem>
                    }
                })
                .collect_view()}
        </ul>
    }
}

#[component]
pub fn ServicePage() -> impl IntoView {
    let params = use_params_map();
    let language = use_language();
    let slug = move || (params.with(|p| p.get("slug").unwrap_or_default()), language);
    let service = Resource::new(slug, get_service);
    view! {
        <Suspense fallback=move || view! { <p class="container">{language.text("loading")}</p> }>
            {move || Suspend::new(async move {
                match service.await {
                    Ok(Some(service)) => view! { <ServiceView service /> }.into_any(),
                    Ok(None) => view! { <NotFoundPage /> }.into_any(),
                    Err(error) => {
                        view! {
                            <div class="container">
                                <p class="alert alert-danger" role="alert">{error.to_string()}</p>
                            </div>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// The heading of a written section, in the page's language.
fn section_heading(language: Language, key: &str) -> String {
    let message = match key {
        "a_chi_e_rivolto" => "service-for-whom",
        "come_fare" => "service-how-to",
        "cosa_serve" => "service-needed",
        "cosa_si_ottiene" => "service-obtained",
        "tempi_e_scadenze" => "service-times",
        "costi_e_condizioni" => "service-conditions",
        "accedi" => "service-access",
        _ => "contacts-title",
    };
    language.text(message)
}

/// The page index: every section, in the model's order, with its heading in `language`.
fn page_index(language: Language) -> Vec<(&'static str, String)> {
    let mut keys: Vec<&str> = WRITTEN_SECTIONS[..5].iter().map(|(key, _, _)| *key).collect();
    keys.extend(["accedi", WRITTEN_SECTIONS[5].0, "contatti"]);
    keys.into_iter()
        .map(|key| (key, section_heading(language, key)))
        .collect()
}

#[component]
fn ServiceView(service: ServiceDetail) -> impl IntoView {
    let language = use_language();
    let text = move |key: &str| language.text(key);
    // The organisation's texts: translated, or still the Italian; the topics' names are Italian.
    let content_lang = service.wording.lang();
    let topics_lang = language.italian_text_lang();
    let booking = language.href(&booking_link(&service.slug));
    let written = |key: &'static str| {
        let (_, _, element) = WRITTEN_SECTIONS
            .iter()
            .find(|(k, _, _)| *k == key)
            .copied()
            .unwrap_or_default();
        view! {
            <section class="mb-5" id=key aria-labelledby=format!("{key}-titolo")>
                <h2 class="h3" id=format!("{key}-titolo")>{section_heading(language, key)}</h2>
                <div class="testo-redatto" lang=content_lang data-element=element inner_html=service.section_html(key)></div>
            </section>
        }
        .into_any()
    };
    let unit = service
        .unit
        .clone()
        .unwrap_or_else(|| "Segretariato Sociale".to_owned());
    view! {
        <Title text=service.title.clone() />
        <script type="application/ld+json" data-element="metatag">{service.json_ld()}</script>
        <div class="container">
            <Breadcrumb trail=vec![("nav-home", "/"), ("nav-services", "/servizi")] current=service.title.clone() current_lang=content_lang />
            {view! {
            <div class="mb-4">
                <h1 data-element="service-title" lang=content_lang>{service.title.clone()}</h1>
                <p class="mb-3"><span class="badge bg-success" data-element="service-status">{text("service-active")}</span></p>
                <WordingNotice wording=service.wording italian_address=format!("/servizi/{}", service.slug) />
                <p class="lead" data-element="service-description" lang=content_lang>{service.summary.clone()}</p>
                <ul class="list-inline mb-3" aria-label=text("service-topics") lang=topics_lang>
                    {service.topics.iter().map(|Topic { slug, name }| view! {
                        <li class="list-inline-item">
                            <a class="chip chip-simple" href=language.href(&format!("/servizi?argomento={slug}")) data-element="service-topic">
                                <span class="chip-label">{name.clone()}</span>
                            </a>
                        </li>
                    }).collect_view()}
                </ul>
                <p><a class="btn btn-primary" href=booking.clone()>{text("booking-title")}</a></p>
            </div>
            }.into_any()}
            <div class="row mt-2">
                <div class="col-lg-3 mb-4">
                    // The hook sits on the list itself, whose direct `li > a` items the model's
                    // validator reads as the page's sections (as in the model's own template).
                    <nav class="indice-pagina" aria-labelledby="indice-titolo">
                        <h2 class="h6 text-uppercase" id="indice-titolo">{text("service-index")}</h2>
                        <div class="link-list-wrapper">
                            <ul class="link-list" data-element="page-index">
                                {page_index(language)
                                    .into_iter()
                                    .map(|(key, heading)| {
                                        view! {
                                            <li class="nav-item"><a class="nav-link" href=format!("#{key}")><span>{heading}</span></a></li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </div>
                    </nav>
                </div>
                <div class="col-lg-8 offset-lg-1">
                    {written("a_chi_e_rivolto")}
                    {written("come_fare")}
                    {written("cosa_serve")}
                    {written("cosa_si_ottiene")}
                    {written("tempi_e_scadenze")}
                    {view! {
                    <section class="mb-5" id="accedi" aria-labelledby="accedi-titolo">
                        <h2 class="h3" id="accedi-titolo">{text("service-access")}</h2>
                        <p>{text(service.access.explained())}</p>
                        <p>
                            <a
                                class="btn btn-primary"
                                href=booking.clone()
                                data-element="service-booking-access"
                            >
                                {text("booking-title")}
                            </a>
                        </p>
                        <p>
                            <a href=booking data-element="appointment-booking">
                                {text("service-book-meeting")}
                            </a>
                        </p>
                    </section>
                    }.into_any()}
                    {written("costi_e_condizioni")}
                    <p class="mb-5">
                        <a href=language.href("/condizioni-di-servizio") data-element="service-file">
                            {text("service-read-conditions")}
                        </a>
                    </p>
                    {view! {
                    <section class="mb-5" id="contatti" aria-labelledby="contatti-titolo">
                        <h2 class="h3" id="contatti-titolo">{text("contacts-title")}</h2>
                        <div data-element="service-area">
                            <p>{format!("{} ", text("service-answers"))}<strong>{unit}</strong></p>
                            {service
                                .offices
                                .iter()
                                .map(|office| {
                                    view! {
                                        <div class="mb-4">
                                            <h3 class="h5">{office.name.clone()}</h3>
                                            <p>{office.address.clone()}</p>
                                            <p>{text("office-phone")}" " {office.phone.clone()}</p>
                                            <p>{text("office-email")}" " {office.email.clone()}</p>
                                            <p>{text("service-by-appointment")}</p>
                                            <HoursList hours=office.hours.clone() />
                                        </div>
                                    }
                                })
                                .collect_view()}
                        </div>
                    </section>
                    }.into_any()}
                    <p class="text-secondary mt-5">{language.text_with("updated-on", &[("date", service.updated_on.clone())])}</p>
                </div>
            </div>
        </div>
    }
}
