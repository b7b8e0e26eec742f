//! The home page: what the service can do for a family, how to get an appointment, when to reach us.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::layout::CardItem;
use crate::opening::OpeningBadgeView;
use crate::organisation::{dial, get_site_info, HoursList, PhoneLineView, SiteInfo};

pub const PATH: &str = "/";

#[component]
pub fn HomePage() -> impl IntoView {
    let site = Resource::new(|| (), |_| get_site_info());
    view! {
        <Title text="Home" />
        <section class="bg-light py-5 mb-3">
            <div class="container">
                <h1>"Servizi sociali per le famiglie con figli minorenni"</h1>
                <p class="lead">
                    "Se la tua famiglia attraversa un momento difficile, il Servizio Sociale può aiutarti: "
                    "informazioni, sostegno ai genitori, aiuti economici, progetti educativi per i ragazzi. "
                    "Il primo passo è un colloquio con il Segretariato Sociale."
                </p>
            </div>
        </section>
        <div class="container">
            <Suspense fallback=|| view! { <p>"Caricamento…"</p> }>
                {move || Suspend::new(async move {
                    match site.await {
                        Ok(site) => view! { <ThreeQuestions site /> }.into_any(),
                        Err(error) => view! { <p class="alert alert-danger">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn ThreeQuestions(site: SiteInfo) -> impl IntoView {
    view! {
        <div class="row g-4 my-2">
            <QuestionCard title="Che cosa possiamo fare per la tua famiglia">
                <p class="card-text">
                    "Ascoltiamo la tua situazione e, insieme a te, cerchiamo l'aiuto giusto: orientamento "
                    "tra i servizi, sostegno educativo e psicologico, aiuti economici, accompagnamento al lavoro."
                </p>
                <p class="card-text"><a href="/servizi">"Scopri tutti i servizi"</a></p>
            </QuestionCard>
            <QuestionCard title="Come avere un appuntamento">
                <p class="card-text">
                    "Il Segretariato Sociale riceve solo su appuntamento. Il colloquio è gratuito. "
                    "Puoi prenotarlo online, a qualsiasi ora, o per telefono negli orari della linea qui accanto."
                </p>
                <p class="card-text"><a href="/prenota">"Prenota un appuntamento"</a></p>
            </QuestionCard>
            <QuestionCard title="Quando puoi trovarci">
                {site.phone_lines.into_iter().map(|line| view! { <PhoneLineView line /> }).collect_view()}
            </QuestionCard>
        </div>
        <h2 class="mt-5">"Le nostre sedi"</h2>
        <ul class="row g-4 list-unstyled">
            {site
                .offices
                .into_iter()
                .map(|office| {
                    view! {
                        <CardItem>
                            <h3 class="card-title h5">{office.name}</h3>
                            {office.comune.map(|comune| view! { <p class="text-secondary mb-2">{comune}</p> })}
                            <OpeningBadgeView badge=office.badge />
                            <p>{office.address}</p>
                            <p>"Telefono: " <a href=dial(&office.phone)>{office.phone.clone()}</a></p>
                            <p>"Email: " <a href=format!("mailto:{}", office.email)>{office.email.clone()}</a></p>
                            <h4 class="h6">"Orari di ricevimento, solo su appuntamento"</h4>
                            <HoursList hours=office.hours />
                        </CardItem>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// One of the three questions, as a card a third of the page wide on large screens.
#[component]
fn QuestionCard(title: &'static str, children: Children) -> impl IntoView {
    view! {
        <section class="col-lg-4">
            <div class="card card-bg h-100">
                <div class="card-body p-4">
                    <h2 class="card-title h4">{title}</h2>
                    {children()}
                </div>
            </div>
        </section>
    }
}
