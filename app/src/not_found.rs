//! The page for an address that does not exist.

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text="Pagina non trovata" />
        <div class="container stretto">
            <h1>"Pagina non trovata"</h1>
            <p>"L'indirizzo che hai aperto non corrisponde a nessuna pagina. Forse è stato scritto male, o la pagina è stata spostata."</p>
            <ul>
                <li><a href="/">"Vai alla pagina iniziale"</a></li>
                <li><a href=crate::assistance::PATH>"Scrivici se non trovi quello che cerchi"</a></li>
            </ul>
        </div>
    }
}
