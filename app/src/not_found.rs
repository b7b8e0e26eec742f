//! The page for an address that does not exist.

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let language = crate::i18n::use_language();
    let text = move |key: &str| language.text(key);
    view! {
        <Title text=text("not-found-title") />
        <div class="container stretto">
            <h1>{text("not-found-title")}</h1>
            <p>{text("not-found")}</p>
            <ul>
                <li><a href=language.href("/")>{text("not-found-home")}</a></li>
                <li><a href=language.href(crate::assistance::PATH)>{text("not-found-write")}</a></li>
            </ul>
        </div>
    }
}
