//! The frame of every back-office page: the wall that shows a page only to whoever may open it
//! (the sign-in form to whoever is not signed in), the bar with the person and the menu of their
//! role's pages, and the wait for a page's data. It stands on `access` and knows no part above it:
//! the menu's entries come from the top (`site.rs`), in the page's context.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::access::permissions::Permission;
use crate::access::{load_visitor, Me, Visitor, HOME_PATH, SIGN_OUT_PATH};
use crate::error::AppError;
use crate::forms::{use_submitted, ErrorSummary, FormState, TextField};

/// A page of the back office's menu: (who may open it, its address, its name, what it is for).
pub type MenuEntry = (Permission, &'static str, &'static str, &'static str);

/// The back office's menu, provided by the application's top (`site.rs`).
#[derive(Clone, Copy)]
pub struct BackOfficeMenu(pub &'static [MenuEntry]);

const SIGN_IN_LABELS: &[(&str, &str)] = &[
    ("utente", "Nome utente"),
    ("password", "Password"),
    ("codice_totp", "Codice di verifica"),
];

/// Loads who is looking, then shows `signed_in` for a signed-in person who holds `permission`,
/// the sign-in page for someone not signed in, and a refusal (recorded, status 403) to anyone
/// else. The access layer refuses such a visit first; this is the wall behind it, for a page
/// reached by a spelling of its address or a form that the layer did not place.
#[component]
pub fn StaffOnly<V, F>(title: &'static str, permission: Permission, signed_in: F) -> impl IntoView
where
    F: FnOnce(Me) -> V + Send + 'static,
    V: IntoView + 'static,
{
    let who = Resource::new(|| (), |_| load_visitor());
    // Not a reactive closure: the page's own component (and the resources it creates, whose loads
    // are audited) is made once per visit, not again when `who` resolves.
    view! {
        <Suspense fallback=|| view! { <p>"Caricamento…"</p> }>
            {Suspend::new(async move {
                match who.await {
                    Ok(Visitor::SignedIn(me)) if me.may_open(permission) => {
                        view! { <Title text=title /> {signed_in(me)} }.into_any()
                    }
                    Ok(Visitor::SignedIn(_)) => {
                        // Records the refusal and marks the answer 403.
                        let _ = crate::access::auth::permitted(permission).await;
                        view! {
                            <Title text="Accesso non consentito" />
                            <div class="container stretto">
                                <h1>"Accesso non consentito"</h1>
                                <p>{REFUSED}</p>
                            </div>
                        }
                        .into_any()
                    }
                    Ok(Visitor::SignedOut { expired }) => view! { <SignIn expired /> }.into_any(),
                    Err(error) => view! {
                        <Title text="Errore" />
                        <div class="container stretto"><p class="alert alert-danger" role="alert">{error.to_string()}</p></div>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

/// What a person reads when their role does not open a page.
pub const REFUSED: &str =
    "Il tuo ruolo non permette di aprire questa pagina. Se ti serve per il tuo lavoro, chiedi al \
     coordinatore o all'amministratore.";

/// Waits for a page's data and shows `body` with it, or the error as one plain sentence. Not a
/// reactive closure: the body is made once per visit (its forms keep what was typed).
#[component]
pub fn Loaded<T, V, F>(data: Resource<Result<T, AppError>>, body: F) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    F: FnOnce(T) -> V + Send + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=|| view! { <p>"Caricamento…"</p> }>
            {Suspend::new(async move {
                match data.await {
                    Ok(value) => body(value).into_any(),
                    Err(error) => {
                        // A record that does not exist answers 404, as an unknown address does.
                        if error == AppError::NotFound {
                            if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                                response.set_status(http::StatusCode::NOT_FOUND);
                            }
                        }
                        view! { <p class="alert alert-danger" role="alert">{error.to_string()}</p> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn SignIn(expired: bool) -> impl IntoView {
    let submitted = use_submitted(HOME_PATH);
    let has_errors = !submitted.errors.is_empty();
    let form = FormState::new(submitted);
    let signed_out = use_query_map().with_untracked(|q| q.get("uscito").is_some());
    view! {
        <Title text=if has_errors { "Errore: accesso operatori" } else { "Accesso operatori" } />
        <div class="container stretto">
            <h1>"Accesso operatori"</h1>
            <p class="lead">"Area riservata al personale dei servizi sociali."</p>
            {expired.then(|| view! {
                <p class="alert alert-info" role="status">"La sessione è scaduta per inattività o durata massima: accedi di nuovo."</p>
            })}
            {signed_out.then(|| view! { <p class="alert alert-success" role="status">"Sei uscito dall'area operatori."</p> })}
            <ErrorSummary form labels=SIGN_IN_LABELS />
            <form method="post" action=HOME_PATH novalidate>
                <TextField form name="utente" label="Nome utente" autocomplete="username" required=true max_length=64 />
                <TextField form name="password" label="Password" kind="password" autocomplete="current-password" required=true max_length=128 />
                <TextField
                    form
                    name="codice_totp"
                    label="Codice di verifica"
                    hint="Le 6 cifre dell'app di autenticazione, se l'hai attivata."
                    autocomplete="one-time-code"
                    max_length=6
                />
                <button type="submit" class="btn btn-primary">"Accedi"</button>
            </form>
            <p class="mt-4">"Hai dimenticato la password? Chiedi all'amministratore del servizio di reimpostarla."</p>
        </div>
    }
}

/// The pages `me` may open now, as (address, name, what it is for): from the permission table,
/// so neither the menu nor the home ever offers a page the person's roles cannot open (nor, while
/// a password or second factor is still to be set, any page but their own account's).
pub fn pages_of<'a>(
    me: &'a Me,
    menu: &'a [MenuEntry],
) -> impl Iterator<Item = (&'static str, &'static str, &'static str)> + 'a {
    menu.iter()
        .filter(|(permission, ..)| me.may_open(*permission))
        .map(|(_, href, name, text)| (*href, *name, *text))
}

/// The back office's bar under its header, on every back-office page: who is signed in and in
/// which role, signing out, and the menu of the pages their role opens (the current one marked).
#[component]
pub fn StaffBar(me: Me) -> impl IntoView {
    let here = leptos_router::hooks::use_location().pathname.get_untracked();
    let menu = use_context::<BackOfficeMenu>().map_or(&[][..], |menu| menu.0);
    let links: Vec<(&'static str, &'static str)> = std::iter::once((HOME_PATH, "Home"))
        .chain(pages_of(&me, menu).map(|(href, label, _)| (href, label)))
        .collect();
    let roles = me.roles.iter().map(|r| r.label()).collect::<Vec<_>>().join(", ");
    view! {
        <div class="barra-operatori">
            <div class="container chi-e-uscita">
                <p class="mb-0">
                    <strong>{me.display_name.clone()}</strong>
                    <span class="ruolo">{roles}</span>
                </p>
                <form method="post" action=SIGN_OUT_PATH>
                    <button type="submit" class="btn btn-sm btn-outline-primary">"Esci"</button>
                </form>
            </div>
            <nav class="container" aria-label="Menu dell'area operatori">
                <ul class="nav menu-operatori">
                    {links
                        .into_iter()
                        .map(|(href, label)| {
                            let current = here.eq_ignore_ascii_case(href).then_some("page");
                            view! {
                                <li class="nav-item">
                                    <a class="nav-link" class:active=current.is_some() href=href aria-current=current>{label}</a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </div>
    }
}
