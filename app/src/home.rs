//! The home page: what the service can do for a family, how to get an appointment, when to reach us.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::opening::OpeningBadgeView;
use crate::organisation::{dial, get_site_info, HoursList, PhoneLineView, SiteInfo};

#[component]
pub fn HomePage() -> impl IntoView {
    let site = Resource::new(|| (), |_| get_site_info());
    view! {
        <Title text="Home" />
        <section class="apertura">
            <div class="contenitore">
                <h1>"Servizi sociali per le famiglie con figli minorenni"</h1>
                <p class="introduzione">
                    "Se la tua famiglia attraversa un momento difficile, il Servizio Sociale può aiutarti: "
                    "informazioni, sostegno ai genitori, aiuti economici, progetti educativi per i ragazzi. "
                    "Il primo passo è un colloquio con il Segretariato Sociale."
                </p>
            </div>
        </section>
        <div class="contenitore">
            <Suspense fallback=|| view! { <p>"Caricamento…"</p> }>
                {move || Suspend::new(async move {
                    match site.await {
                        Ok(site) => view! { <ThreeQuestions site /> }.into_any(),
                        Err(error) => view! { <p class="avviso avviso-errore">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn ThreeQuestions(site: SiteInfo) -> impl IntoView {
    view! {
        <div class="tre-domande">
            <section>
                <h2>"Che cosa possiamo fare per la tua famiglia"</h2>
                <p>
                    "Ascoltiamo la tua situazione e, insieme a te, cerchiamo l'aiuto giusto: orientamento "
                    "tra i servizi, sostegno educativo e psicologico, aiuti economici, accompagnamento al lavoro."
                </p>
                <p><a href="/servizi">"Scopri tutti i servizi"</a></p>
            </section>
            <section>
                <h2>"Come avere un appuntamento"</h2>
                <p>
                    "Il Segretariato Sociale riceve solo su appuntamento. Il colloquio è gratuito. "
                    "Puoi prenotarlo per telefono, negli orari della linea qui accanto."
                </p>
                <p><a href="/prenota">"Come prenotare"</a></p>
            </section>
            <section>
                <h2>"Quando puoi trovarci"</h2>
                {site.phone_lines.into_iter().map(|line| view! { <PhoneLineView line /> }).collect_view()}
            </section>
        </div>
        <h2>"Le nostre sedi"</h2>
        <ul class="schede">
            {site
                .offices
                .into_iter()
                .map(|office| {
                    view! {
                        <li class="scheda">
                            <h3>{office.name}</h3>
                            {office.comune.map(|comune| view! { <p class="scheda-comune">{comune}</p> })}
                            <OpeningBadgeView badge=office.badge />
                            <p>{office.address}</p>
                            <p>"Telefono: " <a href=dial(&office.phone)>{office.phone.clone()}</a></p>
                            <p>"Email: " <a href=format!("mailto:{}", office.email)>{office.email.clone()}</a></p>
                            <h4>"Orari di ricevimento, solo su appuntamento"</h4>
                            <HoursList hours=office.hours />
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
