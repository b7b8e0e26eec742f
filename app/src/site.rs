//! The site as a whole: the HTML document around every page, the route of each page, and the
//! frame (header, footer, rating) around it.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

use crate::area::pages::{AppointmentPage, AreaHomePage, DocumentPage, MessagesPage, SignInPage};
use crate::assistance::{AssistancePage, AssistanceSentPage};
use crate::booking::{BookingConfirmedPage, BookingPage, BookingSummaryPage, ManageBookingPage, NewLinkPage};
use crate::cases::plans::PlanPageView;
use crate::cases::{CaseFilePage, CasesPage, NoteCorrectionPage};
use crate::catalogue::editor::CatalogueEditorPage;
use crate::catalogue::pages::{CataloguePage, ServicePage};
use crate::catalogue::translations::{TranslationPage, TranslationsPage};
use crate::dashboard::DashboardPage;
use crate::desk::pages::{AgendaMovePage, AgendaPage};
use crate::feedback::report::FeedbackReportPage;
use crate::feedback::PublicPageFeedback;
use crate::home::HomePage;
use crate::information::{ContactsPage, InformationPageView, TopicsPage};
use crate::layout::{
    EmergencyNotice, Footer, Header, LanguageAlternates, LanguageOffer, SkipLink, StaffFooter, StaffHeader,
};
use crate::not_found::NotFoundPage;
use crate::queues::QueuePage;
use crate::staff::audit_page::AuditPage;
use crate::staff::mail_problems::MailProblemsPage;
use crate::staff::offices::OfficesPage;
use crate::staff::pages::StaffHomePage;
use crate::staff::registers::RegistersPage;
use crate::staff::security::SecurityPage;
use crate::staff::users::UsersPage;
use crate::triage::{NewRequestPage, RequestDetailPage, RequestsPage};

/// The HTML document around the application, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    crate::security::provide_request_nonce();
    let language = crate::i18n::use_language();
    // Arabic pages take the same rules mirrored (scripts/build-style), instead of the usual ones.
    let right_to_left = (language.direction() == "rtl")
        .then(|| use_context::<crate::state::AppState>().and_then(|state| state.right_to_left_stylesheet))
        .flatten();
    let stylesheet = match right_to_left {
        Some(href) => view! { <link rel="stylesheet" id="sportello" href=href.to_string() /> }.into_any(),
        None => view! { <HashedStylesheet options=options.clone() id="sportello" /> }.into_any(),
    };
    view! {
        <!DOCTYPE html>
        <html lang=language.tag() dir=language.direction()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                {stylesheet}
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The application, rendered on the server; its islands are hydrated in the browser.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // The back-office frame lists the pages of parts above it: the top hands it the menu.
    provide_context(crate::layout::back_office::BackOfficeMenu(crate::staff::pages::MENU));
    let masthead = crate::layout::use_masthead();
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
                    <Route path=path!("/area-personale") view=AreaHomePage ssr=SsrMode::Async />
                    <Route path=path!("/area-personale/accedi") view=SignInPage ssr=SsrMode::Async />
                    <Route path=path!("/area-personale/appuntamento") view=AppointmentPage ssr=SsrMode::Async />
                    <Route path=path!("/area-personale/messaggi") view=MessagesPage ssr=SsrMode::Async />
                    <Route path=path!("/area-personale/documento") view=DocumentPage ssr=SsrMode::Async />
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
                    <Route path=path!("/operatori/catalogo/traduzioni") view=TranslationsPage ssr=SsrMode::Async />
                    <Route path=path!("/operatori/catalogo/traduzione") view=TranslationPage ssr=SsrMode::Async />
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
fn Frame(masthead: crate::layout::Masthead, children: Children) -> impl IntoView {
    let path = leptos_router::hooks::use_location().pathname.get_untracked();
    let (header, notice, class, offer, rating, footer) = if crate::links::is_back_office(&path) {
        (
            view! { <StaffHeader masthead=masthead.clone() /> }.into_any(),
            ().into_any(),
            Some("area-operatori"),
            ().into_any(),
            ().into_any(),
            view! { <StaffFooter masthead /> }.into_any(),
        )
    } else {
        (
            view! { <LanguageAlternates /><Header masthead=masthead.clone() /> }.into_any(),
            view! { <EmergencyNotice /> }.into_any(),
            None,
            view! { <LanguageOffer /> }.into_any(),
            view! { <PublicPageFeedback /> }.into_any(),
            view! { <Footer masthead /> }.into_any(),
        )
    };
    view! {
        <SkipLink />
        {header}
        {notice}
        <main id="contenuto" tabindex="-1" class=class>{offer}{children()}</main>
        {rating}
        {footer}
    }
}
