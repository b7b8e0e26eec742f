//! The area's pages: the choice of identity provider, and the area's home.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::{session, SignInOutcome, PATH, SIGN_OUT_PATH, START_PATH};
use crate::i18n::{use_language, Language};
use crate::layout::Breadcrumb;
use crate::state::AppState;

/// `/area-personale/accedi`: one button per identity provider the organisation registered with.
#[component]
pub fn SignInPage() -> impl IntoView {
    let language = use_language();
    let text = move |key: &str| language.text(key);
    let outcome =
        use_query_map().with_untracked(|query| query.get("esito").as_deref().and_then(SignInOutcome::from_key));
    let providers = AppState::current().identity_providers.clone();
    let signed_in = session::current();
    view! {
        <Title text=text("area-sign-in-title") />
        <div class="container stretto">
            <Breadcrumb trail=vec![("nav-home", "/")] current=text("area-sign-in-title") />
            <h1>{text("area-sign-in-title")}</h1>
            {outcome.map(|outcome| {
                let (class, role) = match outcome {
                    SignInOutcome::SignedOut => ("alert alert-success", "status"),
                    SignInOutcome::Cancelled | SignInOutcome::Expired => ("alert alert-warning", "alert"),
                    SignInOutcome::Failed => ("alert alert-danger", "alert"),
                };
                view! { <div class=class role=role><p class="mb-0">{text(outcome.message())}</p></div> }
            })}
            <p class="lead">{text("area-sign-in-lead")}</p>
            {match (signed_in, providers.is_empty()) {
                (Some(citizen), _) => view! {
                    <p>
                        {language.text_with("area-already-in", &[("name", citizen.full_name())])} " "
                        <a href=language.href(PATH)>{text("area-go-home")}</a>
                    </p>
                }
                .into_any(),
                (None, true) => view! { <p class="alert alert-info">{text("area-sign-in-none")}</p> }.into_any(),
                (None, false) => view! {
                    <p>{text("area-sign-in-how")}</p>
                    <ul class="list-unstyled fornitori-identita">
                        {providers
                            .iter()
                            .map(|provider| {
                                view! {
                                    <li>
                                        <form method="post" action=language.href(START_PATH)>
                                            <input type="hidden" name="fornitore" value=provider.key.clone() />
                                            <button type="submit" class="btn btn-primary">
                                                {language.text_with("area-sign-in-with", &[("provider", provider.name.clone())])}
                                            </button>
                                        </form>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any(),
            }}
            <p>
                {text("area-booking-without")} " "
                <a href=language.href(crate::booking::PATH)>{text("area-booking-link")}</a>
            </p>
        </div>
    }
}

/// `/area-personale`: the home of the person signed in.
#[component]
pub fn AreaHomePage() -> impl IntoView {
    let language = use_language();
    let text = move |key: &str| language.text(key);
    let Ok(citizen) = session::signed_in() else {
        return view! { <NotSignedIn language /> }.into_any();
    };
    view! {
        <Title text=text("area-title") />
        <div class="container stretto">
            <Breadcrumb trail=vec![("nav-home", "/")] current=text("area-title") />
            <h1>{text("area-title")}</h1>
            <div class="chi-e-uscita">
                <p class="mb-0">
                    <strong>{citizen.full_name()}</strong>
                    <br />
                    {format!("{}: ", text("area-fiscal-code"))}
                    <span class="codice">{citizen.codice_fiscale.clone()}</span>
                </p>
                <form method="post" action=language.href(SIGN_OUT_PATH)>
                    <button type="submit" class="btn btn-outline-primary">{text("area-sign-out")}</button>
                </form>
            </div>
        </div>
    }
    .into_any()
}

/// What an area page shows to a visitor who is not signed in (the citizen layer sends them to the
/// sign-in page first; this is the page's own wall behind it).
#[component]
fn NotSignedIn(language: Language) -> impl IntoView {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::FORBIDDEN);
    }
    view! {
        <Title text=language.text("area-title") />
        <div class="container stretto">
            <h1>{language.text("area-title")}</h1>
            <p>
                {language.text("area-not-signed-in")} " "
                <a href=language.href(super::SIGN_IN_PATH)>{language.text("area-sign-in-title")}</a>
            </p>
        </div>
    }
}
