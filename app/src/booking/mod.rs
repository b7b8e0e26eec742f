//! Booking an appointment with the Segretariato Sociale (`/prenota`).
//!
//! Until the online flow exists, this page says how to book today (by phone, in the line's hours)
//! and keeps the address that every service page links to, `/prenota?servizio={slug}`: the chosen
//! service is named, an unknown one is ignored.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::catalogue::get_service;
use crate::opening::OpeningBadgeView;
use crate::organisation::{dial, get_site_info, HoursList};

#[component]
pub fn BookingPage() -> impl IntoView {
    let query = use_query_map();
    let slug = move || {
        query.with(|q| {
            q.get("servizio")
                .unwrap_or_default()
                .chars()
                .take(80)
                .collect::<String>()
        })
    };
    let service = Resource::new(slug, |slug| async move {
        if slug.is_empty() {
            return None;
        }
        get_service(slug).await.ok().flatten().map(|service| service.title)
    });
    let site = Resource::new(|| (), |_| get_site_info());
    view! {
        <Title text="Prenota un appuntamento" />
        <div class="contenitore stretto">
            <h1>"Prenota un appuntamento"</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    service.await.map(|title| view! {
                        <p class="avviso">
                            "Hai scelto: " <strong>{title}</strong>
                            ". Quando prenoti, di' che vuoi parlare di questo servizio."
                        </p>
                    })
                })}
            </Suspense>
            <p class="introduzione">
                "Il primo passo è un colloquio con il Segretariato Sociale. È gratuito e si fa su appuntamento. "
                "Per ora l'appuntamento si prenota per telefono, negli orari qui sotto."
            </p>
            <Suspense fallback=|| view! { <p>"Caricamento dei recapiti…"</p> }>
                {move || Suspend::new(async move {
                    match site.await {
                        Ok(site) => site
                            .offices
                            .into_iter()
                            .map(|office| view! {
                                <div class="scheda">
                                    <h2>{office.name}</h2>
                                    <p>
                                        "Telefono: "
                                        <a href=dial(&office.phone)>{office.phone.clone()}</a>
                                    </p>
                                    <OpeningBadgeView badge=office.badge />
                                    <p>"Orari per prenotare:"</p>
                                    <HoursList hours=office.hours />
                                    <p>{office.address}</p>
                                </div>
                            })
                            .collect_view()
                            .into_any(),
                        Err(error) => view! { <p class="avviso avviso-errore" role="alert">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
            <p>"La prenotazione non è un canale per le emergenze: in caso di pericolo chiama subito il 112."</p>
            <p><a href="/servizi">"Torna ai servizi"</a></p>
        </div>
    }
}
