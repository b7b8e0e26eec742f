//! Sportello's pages, components, server functions and domain types.
//!
//! The same crate is compiled twice: with `ssr` into the server (with the database queries) and with
//! `hydrate` into the browser bundle. Modules follow the parts of the product.

// Leptos views are nested types; erasing the header's (`into_any`) needs more than the
// compiler's default depth.
#![recursion_limit = "256"]

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

pub mod assistance;
pub mod booking;
pub mod cases;
pub mod catalogue;
pub mod dashboard;
pub mod dates;
pub mod error;
pub mod feedback;
pub mod forms;
pub mod home;
pub mod information;
pub mod layout;
pub mod mail;
pub mod not_found;
pub mod opening;
pub mod organisation;
pub mod plans;
pub mod queues;
pub mod staff;
pub mod triage;
pub mod validation;

#[cfg(feature = "ssr")]
pub mod audit;
/// In the browser build, only the names of the trail's actions (the audit page's filter lists
/// them); the trail itself is the server's.
#[cfg(not(feature = "ssr"))]
pub mod audit {
    pub mod actions;
}
#[cfg(feature = "ssr")]
pub mod clock;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod security;
#[cfg(feature = "ssr")]
pub mod state;

use assistance::{AssistancePage, AssistanceSentPage};
use booking::{BookingConfirmedPage, BookingPage, BookingSummaryPage, ManageBookingPage, NewLinkPage};
use cases::{CaseFilePage, CasesPage, NoteCorrectionPage};
use catalogue::pages::{CataloguePage, ServicePage};
use dashboard::DashboardPage;
use home::HomePage;
use information::{ContactsPage, InformationPageView, TopicsPage};
use layout::{EmergencyNotice, Footer, Header, SkipLink, StaffFooter, StaffHeader};
use not_found::NotFoundPage;
use plans::PlanPageView;
use queues::QueuePage;
use staff::agenda::{AgendaMovePage, AgendaPage};
use staff::audit_page::AuditPage;
use staff::catalogue_editor::CatalogueEditorPage;
use staff::feedback_report::FeedbackReportPage;
use staff::mail_problems::MailProblemsPage;
use staff::offices::OfficesPage;
use staff::pages::StaffHomePage;
use staff::registers::RegistersPage;
use staff::security::SecurityPage;
use staff::users::UsersPage;
use triage::{NewRequestPage, RequestDetailPage, RequestsPage};

/// The HTML document around the application, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    security::provide_request_nonce();
    view! {
        <!DOCTYPE html>
        <html lang="it">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <HashedStylesheet options=options.clone() id="sportello" />
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The browser's entry point. Sportello runs in islands mode: pages are server-rendered HTML, and
/// only the components marked `#[island]` (the forms a citizen fills in) are hydrated, each from
/// the props the server wrote beside it. The rest of the application never reaches the browser.
#[cfg(feature = "hydrate")]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
    // Says the islands are live (`<html data-isole="attive">`): the browser tests "with
    // JavaScript" check it, so a broken bundle fails them instead of leaving plain forms that
    // would pass on their own.
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute("data-isole", "attive");
    }
}

/// The application, rendered on the server; its islands are hydrated in the browser.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let masthead = layout::use_masthead();
    let site_name = masthead.organisation.clone();
    view! {
        <Title formatter=move |page: String| format!("{page} — Sportello — {site_name}") />
        <Router>
            <Frame masthead>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("/assistenza") view=AssistancePage ssr=SsrMode::Async />
                    <Route path=path!("/assistenza/inviata") view=AssistanceSentPage ssr=SsrMode::Async />
                    <Route path=path!("/servizi") view=CataloguePage ssr=SsrMode::Async />
                    <Route path=path!("/prenota") view=BookingPage ssr=SsrMode::Async />
                    <Route path=path!("/prenota/riepilogo") view=BookingSummaryPage ssr=SsrMode::Async />
                    <Route path=path!("/prenota/confermata") view=BookingConfirmedPage ssr=SsrMode::Async />
                    <Route path=path!("/prenota/gestisci") view=ManageBookingPage ssr=SsrMode::Async />
                    <Route path=path!("/prenota/ritrova") view=NewLinkPage ssr=SsrMode::Async />
                    <Route path=path!("/contatti") view=ContactsPage ssr=SsrMode::Async />
                    <Route path=path!("/argomenti") view=TopicsPage ssr=SsrMode::Async />
                    <Route path=path!("/informativa-privacy") view=InformationPageView ssr=SsrMode::Async />
                    <Route path=path!("/dichiarazione-di-accessibilita") view=InformationPageView ssr=SsrMode::Async />
                    <Route path=path!("/note-legali") view=InformationPageView ssr=SsrMode::Async />
                    <Route path=path!("/domande-frequenti") view=InformationPageView ssr=SsrMode::Async />
                    <Route path=path!("/condizioni-di-servizio") view=InformationPageView ssr=SsrMode::Async />
                    <Route path=path!("/servizi/:slug") view=ServicePage ssr=SsrMode::Async />
                    <Route path=path!("/operatori") view=StaffHomePage ssr=SsrMode::Async />
                    <Route path=path!("/operatori/sicurezza") view=SecurityPage ssr=SsrMode::Async />
                    <Route path=path!("/operatori/posta") view=MailProblemsPage ssr=SsrMode::Async />
                    <Route path=path!("/operatori/registro") view=AuditPage ssr=SsrMode::Async />
                    <Route path=path!("/operatori/utenti") view=UsersPage ssr=SsrMode::Async />
                    <Route path=path!("/operatori/sedi") view=OfficesPage ssr=SsrMode::Async />
                    <Route path=path!("/operatori/agenda") view=AgendaPage ssr=SsrMode::Async />
                    <Route path=path!("/operatori/coda") view=QueuePage ssr=SsrMode::Async />
                    <Route path=path!("/operatori/casi") view=CasesPage ssr=SsrMode::Async />
                    <Route path=path!("/operatori/casi/fascicolo") view=CaseFilePage ssr=SsrMode::Async />
                    <Route path=path!("/operatori/casi/nota/correggi") view=NoteCorrectionPage ssr=SsrMode::Async />
                    <Route path=path!("/operatori/casi/progetto") view=PlanPageView ssr=SsrMode::Async />
                    <Route path=path!("/operatori/cruscotto") view=DashboardPage ssr=SsrMode::Async />
                    <Route path=path!("/operatori/agenda/sposta") view=AgendaMovePage ssr=SsrMode::Async />
                    <Route path=path!("/operatori/richieste") view=RequestsPage ssr=SsrMode::Async />
                    <Route path=path!("/operatori/richieste/nuova") view=NewRequestPage ssr=SsrMode::Async />
                    <Route path=path!("/operatori/richieste/dettaglio") view=RequestDetailPage ssr=SsrMode::Async />
                    <Route path=path!("/operatori/valutazioni") view=FeedbackReportPage ssr=SsrMode::Async />
                    <Route path=path!("/operatori/catalogo") view=CatalogueEditorPage ssr=SsrMode::Async />
                    <Route path=path!("/operatori/elenchi") view=RegistersPage ssr=SsrMode::Async />
                </Routes>
            </Frame>
        </Router>
    }
}

/// The frame around a page. The public site wears the citizens' header, the emergency numbers,
/// the page rating and the public footer; the back office its own plainer header and footer, and
/// a dense layout for tables (`area-operatori`). Every page is a full load, so the address read
/// once decides.
#[component]
fn Frame(masthead: layout::Masthead, children: Children) -> impl IntoView {
    let path = leptos_router::hooks::use_location().pathname.get_untracked();
    let (header, notice, class, rating, footer) = if staff::is_back_office(&path) {
        (
            view! { <StaffHeader masthead=masthead.clone() /> }.into_any(),
            ().into_any(),
            Some("area-operatori"),
            ().into_any(),
            view! { <StaffFooter masthead /> }.into_any(),
        )
    } else {
        (
            view! { <Header masthead=masthead.clone() /> }.into_any(),
            view! { <EmergencyNotice /> }.into_any(),
            None,
            view! { <feedback::PublicPageFeedback /> }.into_any(),
            view! { <Footer masthead /> }.into_any(),
        )
    };
    view! {
        <SkipLink />
        {header}
        {notice}
        <main id="contenuto" tabindex="-1" class=class>{children()}</main>
        {rating}
        {footer}
    }
}
