//! The frame of every page: skip link, header with the organisation's name and navigation, the
//! emergency notice, and the footer.

use leptos::prelude::*;
use leptos_router::components::A;

/// The organisation's name as shown in the header, read on the server and carried to the browser.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Masthead {
    pub organisation: String,
}

/// Reads the masthead on the server (from the database, through the state) and ships it with the
/// page, so the browser hydrates the same header without asking again.
pub fn use_masthead() -> Masthead {
    SharedValue::new(|| {
        #[cfg(feature = "ssr")]
        {
            leptos::prelude::use_context::<crate::state::AppState>()
                .map(|state| Masthead {
                    organisation: state.organisation_name(),
                })
                .unwrap_or_default()
        }
        #[cfg(not(feature = "ssr"))]
        {
            Masthead::default()
        }
    })
    .into_inner()
}

#[component]
pub fn SkipLink() -> impl IntoView {
    // The router handles same-page links itself and only scrolls; keyboard and screen reader users
    // need the focus moved too, as the browser does on its own when the page is not hydrated.
    let focus_main = move |_: leptos::ev::MouseEvent| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            if let Some(main) = document()
                .get_element_by_id("contenuto")
                .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = main.focus();
            }
        }
    };
    view! {
        <a class="salta-al-contenuto" href="#contenuto" on:click=focus_main>
            "Vai al contenuto principale"
        </a>
    }
}

#[component]
pub fn Header(masthead: Masthead) -> impl IntoView {
    view! {
        <header class="intestazione">
            <div class="intestazione-ente">
                <div class="contenitore">
                    <span class="ente">{masthead.organisation}</span>
                </div>
            </div>
            <div class="intestazione-centrale">
                <div class="contenitore">
                    <a class="marchio" href="/">
                        <span class="marchio-nome">"Sportello"</span>
                        <span class="marchio-sottotitolo">"Servizi sociali per le famiglie con minori"</span>
                    </a>
                </div>
            </div>
            <nav class="navigazione" aria-label="Menu principale">
                <div class="contenitore">
                    <ul>
                        <li><A href="/" exact=true>"Home"</A></li>
                        <li>
                            <a href="/servizi" data-element="all-services">"Servizi"</a>
                        </li>
                        <li><a href="/argomenti" data-element="all-topics">"Argomenti"</a></li>
                        <li><A href=crate::assistance::PATH>"Richiedi assistenza"</A></li>
                    </ul>
                </div>
            </nav>
        </header>
    }
}

/// Shown on every public page: Sportello is not an emergency channel.
#[component]
pub fn EmergencyNotice() -> impl IntoView {
    view! {
        <aside class="emergenza" aria-label="Numeri di emergenza">
            <div class="contenitore">
                <p>
                    <strong>"In caso di pericolo immediato chiama il "<a href="tel:112">"112"</a>"."</strong>
                    " Per bambini e ragazzi in difficoltà: "<a href="tel:114">"114 Emergenza Infanzia"</a>
                    ". Contro la violenza e lo stalking: "<a href="tel:1522">"1522"</a>
                    ". La prenotazione di un appuntamento non è un canale per le emergenze."
                </p>
            </div>
        </aside>
    }
}

#[component]
pub fn Footer(masthead: Masthead) -> impl IntoView {
    view! {
        <footer class="piede">
            <div class="contenitore">
                <p class="piede-ente">{masthead.organisation}</p>
                <ul class="piede-collegamenti">
                    <li><a href="/contatti">"Contatti"</a></li>
                    <li><a href=crate::assistance::PATH>"Richiedi assistenza"</a></li>
                    <li>
                        <a href=crate::assistance::PATH data-element="report-inefficiency">"Segnala un disservizio"</a>
                    </li>
                    {crate::information::FOOTER_PAGES
                        .iter()
                        .map(|(href, label, element)| view! { <li><a href=*href data-element=*element>{*label}</a></li> })
                        .collect_view()}
                </ul>
                <p class="piede-nota">
                    "Sportello è il punto di accesso online al Segretariato Sociale. I dati che inserisci sono trattati solo per rispondere alle tue richieste."
                </p>
            </div>
        </footer>
    }
}

/// Where the page stands in the site ("Home › Servizi › …"), for orientation and the model's
/// validator (`data-element="breadcrumb"`).
#[component]
pub fn Breadcrumb(trail: Vec<(&'static str, &'static str)>, current: String) -> impl IntoView {
    view! {
        <nav class="briciole" aria-label="Percorso" data-element="breadcrumb">
            <ol>
                {trail
                    .into_iter()
                    .map(|(label, href)| view! { <li><a href=href>{label}</a></li> })
                    .collect_view()}
                <li aria-current="page">{current}</li>
            </ol>
        </nav>
    }
}
