//! The frame of every page: skip link, header with the organisation's name and navigation, the
//! emergency notice, and the footer.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{use_language, Language};

pub mod back_office;

/// The organisation's name as shown in the header, read on the server and carried to the browser.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Masthead {
    pub organisation: String,
}

/// Reads the masthead from the state (the organisation's name, kept up to date by the state).
pub fn use_masthead() -> Masthead {
    use_context::<crate::state::AppState>()
        .map(|state| Masthead {
            organisation: state.organisation_name(),
        })
        .unwrap_or_default()
}

/// "Vai al contenuto principale": a plain link to `<main id="contenuto" tabindex="-1">`, which the
/// browser scrolls to and focuses on its own.
#[component]
pub fn SkipLink() -> impl IntoView {
    view! {
        <div class="skiplinks">
            <a class="visually-hidden-focusable" href="#contenuto">
                {use_language().text("skip-to-content")}
            </a>
        </div>
    }
}

#[component]
pub fn Header(masthead: Masthead) -> impl IntoView {
    let language = use_language();
    let text = move |key: &str| language.text(key);
    // Bootstrap Italia's header: the slim band names the organisation, the centre band the site.
    // The navigation stays expanded at every width: its collapsed form needs Bootstrap's script,
    // which we do not ship, and four entries fit on a 360 px phone.
    view! {
        <header class="it-header-wrapper">
            <SlimBand organisation=masthead.organisation>
                <LanguageSwitcher />
                <a class="accesso-area-personale" href=language.href(crate::links::PERSONAL_AREA)>{text("area-title")}</a>
            </SlimBand>
            <div class="it-nav-wrapper">
                <CentreBand href=language.href("/") title="Sportello" tagline=text("site-tagline") />
                <div class="it-header-navbar-wrapper">
                    <div class="container">
                        <nav class="navbar navbar-expand sportello-nav" aria-label=text("nav-label")>
                            <ul class="navbar-nav" data-element="main-navigation">
                                <li class="nav-item"><A href=language.href("/") exact=true attr:class="nav-link">{text("nav-home")}</A></li>
                                <li class="nav-item">
                                    <a class="nav-link" href=language.href("/servizi") data-element="all-services">{text("nav-services")}</a>
                                </li>
                                <li class="nav-item">
                                    <a class="nav-link" href=language.href("/argomenti") data-element="all-topics">{text("nav-topics")}</a>
                                </li>
                                <li class="nav-item">
                                    <A href=language.href(crate::assistance::PATH) attr:class="nav-link">{text("nav-assistance")}</A>
                                </li>
                            </ul>
                        </nav>
                    </div>
                </div>
            </div>
        </header>
    }
}

/// The address of the page being shown, with its query, as the application's router reads it (a
/// language's prefix already taken off).
fn current_address() -> String {
    let location = leptos_router::hooks::use_location();
    let path = location.pathname.get_untracked();
    let search = location.search.get_untracked();
    let search = search.trim_start_matches('?');
    if search.is_empty() {
        path
    } else {
        format!("{path}?{search}")
    }
}

/// The same page in each language, each named in itself and marked with its language; a
/// disclosure that opens without JavaScript, small enough for a 360 px phone.
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let language = use_language();
    let address = current_address();
    view! {
        <details class="selettore-lingua ms-auto">
            <summary>
                {language.text("language-switcher")}": "<span lang=language.tag()>{language.native_name()}</span>
            </summary>
            <ul>
                {Language::ALL
                    .iter()
                    .map(|other| {
                        let current = (*other == language).then_some("true");
                        view! {
                            <li>
                                <a href=other.href(&address) hreflang=other.tag() lang=other.tag() dir=other.direction() aria-current=current>
                                    {other.native_name()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </details>
    }
}

/// To a browser that prefers another of our languages: a sentence in that language with a link to
/// this page in it. Never a redirect: the person chose this address, or followed it.
#[component]
pub fn LanguageOffer() -> impl IntoView {
    crate::i18n::use_offered_language().map(|offer| {
        let address = current_address();
        view! {
            <div class="container mt-3 offerta-lingua" lang=offer.tag() dir=offer.direction()>
                <p class="alert alert-info mb-0">
                    {offer.text("language-offer")}" "
                    <a href=offer.href(&address) hreflang=offer.tag()>{offer.text("language-offer-link")}</a>
                </p>
            </div>
        }
    })
}

/// The page's versions in the other languages, for search engines and browsers
/// (`<link rel="alternate" hreflang>`), at the site's public address.
#[component]
pub fn LanguageAlternates() -> impl IntoView {
    let public_url = use_context::<crate::state::AppState>()
        .map(|state| state.public_url.trim_end_matches('/').to_owned())
        .unwrap_or_default();
    let address = current_address();
    let link = move |hreflang: &'static str, language: Language| {
        view! { <leptos_meta::Link rel="alternate" hreflang=hreflang href=format!("{public_url}{}", language.href(&address)) /> }
    };
    view! {
        {Language::ALL.iter().map(|language| link(language.tag(), *language)).collect_view()}
        {link("x-default", Language::Italian)}
    }
}

/// Bootstrap Italia's slim band at the top of a header: the organisation, and what else the
/// header puts beside it.
#[component]
fn SlimBand(organisation: String, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    view! {
        <div class="it-header-slim-wrapper">
            <div class="container">
                <div class="it-header-slim-wrapper-content">
                    <span class="navbar-brand">{organisation}</span>
                    {children.map(|children| children())}
                </div>
            </div>
        </div>
    }
}

/// Bootstrap Italia's centre band: the site's name and tagline, leading to its first page.
#[component]
fn CentreBand(#[prop(into)] href: String, title: &'static str, #[prop(into)] tagline: String) -> impl IntoView {
    view! {
        <div class="it-header-center-wrapper">
            <div class="container">
                <div class="it-header-center-content-wrapper">
                    <div class="it-brand-wrapper">
                        <a href=href>
                            <div class="it-brand-text">
                                <div class="it-brand-title">{title}</div>
                                <div class="it-brand-tagline">{tagline}</div>
                            </div>
                        </a>
                    </div>
                </div>
            </div>
        </div>
    }
}

/// The information pages the footer links to: (address, message of its label, `data-element` the
/// model's validator reads).
pub const FOOTER_PAGES: [(&str, &str, &str); 4] = [
    ("/informativa-privacy", "footer-privacy", "privacy-policy-link"),
    (
        "/dichiarazione-di-accessibilita",
        "footer-accessibility",
        "accessibility-link",
    ),
    ("/note-legali", "footer-legal", "legal-notes"),
    ("/domande-frequenti", "footer-faq", "faq"),
];

/// The back office's header: the organisation and that this is the staff's own area, plainer than
/// the citizens' header and without its menu (each page's `StaffBar`, in the staff part, which
/// knows who is signed in, carries the person, their role and the menu of their role's pages).
#[component]
pub fn StaffHeader(masthead: Masthead) -> impl IntoView {
    view! {
        <header class="it-header-wrapper intestazione-operatori">
            <SlimBand organisation=masthead.organisation>
                <a class="ms-auto" href="/">"Sito pubblico"</a>
            </SlimBand>
            <CentreBand
                href=crate::links::BACK_OFFICE
                title="Sportello — Area operatori"
                tagline="Riservata al personale del servizio"
            />
        </header>
    }
}

/// The back office's footer: one line, no citizens' links (a page about people's cases is no
/// place to rate the site or read its privacy notice for the public).
#[component]
pub fn StaffFooter(masthead: Masthead) -> impl IntoView {
    view! {
        <footer class="piede-operatori">
            <div class="container">
                <p class="mb-0">
                    {format!("Sportello — area riservata al personale di {}. ", masthead.organisation)}
                    "Ogni accesso ai dati delle famiglie è registrato."
                </p>
            </div>
        </footer>
    }
}

/// Shown on every public page: Sportello is not an emergency channel. The numbers are the same in
/// every language; each sentence leads to its number.
#[component]
pub fn EmergencyNotice() -> impl IntoView {
    let language = use_language();
    let text = move |key: &str| language.text(key);
    let stop = text("full-stop");
    view! {
        <aside class="container mt-3" aria-label=text("emergency-label")>
            <div class="alert alert-warning emergenza mb-0">
                <p class="mb-0">
                    <strong>{text("emergency-danger")}" "<a href="tel:112">"112"</a>{stop.clone()}</strong>
                    " "{text("emergency-children")}" "<a href="tel:114">{text("emergency-children-line")}</a>{stop.clone()}
                    " "{text("emergency-violence")}" "<a href="tel:1522">"1522"</a>{stop}
                    " "{text("emergency-not-a-channel")}
                </p>
            </div>
        </aside>
    }
}

#[component]
pub fn Footer(masthead: Masthead) -> impl IntoView {
    let language = use_language();
    let text = move |key: &str| language.text(key);
    view! {
        <footer class="it-footer">
            <div class="it-footer-main">
                <div class="container">
                    <div class="it-brand-wrapper">
                        <a href=language.href("/")>
                            <div class="it-brand-text">
                                <div class="it-brand-title">{masthead.organisation}</div>
                                <div class="it-brand-tagline">{text("footer-tagline")}</div>
                            </div>
                        </a>
                    </div>
                    <p class="pb-4 mb-0">{text("footer-about")}</p>
                </div>
            </div>
            <div class="it-footer-small-prints">
                <div class="container">
                    <ul class="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row flex-wrap">
                        <li class="list-inline-item"><a href=language.href("/contatti")>{text("footer-contacts")}</a></li>
                        <li class="list-inline-item"><a href=language.href(crate::assistance::PATH) data-element="contacts">{text("nav-assistance")}</a></li>
                        <li class="list-inline-item">
                            <a href=language.href(crate::assistance::PATH) data-element="report-inefficiency">{text("footer-report")}</a>
                        </li>
                        {FOOTER_PAGES
                            .iter()
                            .map(|(href, label, element)| {
                                view! { <li class="list-inline-item"><a href=language.href(href) data-element=*element>{text(label)}</a></li> }
                            })
                            .collect_view()}
                    </ul>
                </div>
            </div>
        </footer>
    }
}

/// Where the page stands in the site ("Home › Servizi › …"), for orientation and the model's
/// validator (`data-element="breadcrumb"`). `trail` is the pages above it, as (message, address):
/// both come out in the page's language.
#[component]
pub fn Breadcrumb(
    trail: Vec<(&'static str, &'static str)>,
    current: String,
    /// `lang` of the current page's name, when it is not in the page's language (an Italian title).
    #[prop(default = None)]
    current_lang: Option<&'static str>,
) -> impl IntoView {
    let language = crate::i18n::use_language();
    view! {
        <nav class="breadcrumb-container" aria-label=language.text("breadcrumb-label") data-element="breadcrumb">
            <ol class="breadcrumb">
                {trail
                    .into_iter()
                    .map(|(label, href)| {
                        view! {
                            <li class="breadcrumb-item">
                                <a href=language.href(href)>{language.text(label)}</a>
                                <span class="separator" aria-hidden="true">"/"</span>
                            </li>
                        }
                    })
                    .collect_view()}
                <li class="breadcrumb-item active" aria-current="page" lang=current_lang>{current}</li>
            </ol>
        </nav>
    }
}

/// One card in a grid of cards (`<ul class="row g-4 list-unstyled">`): Bootstrap Italia's card in
/// a column that is full width on phones, half on tablets and a third on wide screens.
#[component]
pub fn CardItem(children: Children) -> impl IntoView {
    view! {
        <li class="col-md-6 col-lg-4">
            <div class="card card-bg h-100">
                <div class="card-body p-4">{children()}</div>
            </div>
        </li>
    }
}
