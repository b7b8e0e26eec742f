//! The application's pages rendered for a request, with what they take from context, and the
//! answer to every address no route takes: the site's own files, else the "not found" page.

use app::forms::Submitted;
use app::state::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{Response, StatusCode};
use leptos::prelude::provide_context;

/// What the application's pages may take from context, besides the state itself.
pub fn page_context(state: &AppState, submitted: Option<Submitted>) -> impl Fn() + Clone + Send + Sync + 'static {
    let state = state.clone();
    move || {
        provide_context(state.clone());
        // The booking pages' calendars depend on who books: a citizen, or the front desk.
        provide_context(crate::routes::booking::current_booker());
        // A person signed in to the families' area books with their identity's details filled in.
        if let Some(citizen) = app::area::current() {
            provide_context(app::booking::BookingPrefill {
                given_name: citizen.given_name,
                family_name: citizen.family_name,
                email: citizen.email,
                codice_fiscale: citizen.codice_fiscale,
            });
        }
        if let Some(submitted) = &submitted {
            provide_context(submitted.clone());
        }
    }
}

/// Renders the application for `request`, as a visit would, optionally after a form submission.
pub async fn render_page(state: AppState, request: Request, submitted: Option<Submitted>) -> Response<Body> {
    let options = state.leptos_options.clone();
    let handler = leptos_axum::render_app_async_with_context(page_context(&state, submitted), move || {
        app::shell(options.clone())
    });
    handler(request).await
}

type FallbackAnswer = std::pin::Pin<Box<dyn std::future::Future<Output = Response<Body>> + Send>>;

/// The right-to-left stylesheet's address, if the site has one: the newest
/// `css/sportello-rtl.<hash>.css` of `site_root` (`scripts/build-style` writes it into `public/`,
/// which the build copies into the site).
pub fn right_to_left_stylesheet(site_root: &std::path::Path) -> Option<std::sync::Arc<str>> {
    let folder = site_root.join("css");
    let newest = std::fs::read_dir(&folder)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let hashed = name.starts_with("sportello-rtl.") && name.ends_with(".css") && name.split('.').count() == 3;
            let modified = entry.metadata().and_then(|metadata| metadata.modified()).ok()?;
            hashed.then_some((modified, name))
        })
        .max();
    if newest.is_none() {
        tracing::warn!(folder = %folder.display(), "no right-to-left stylesheet: Arabic pages use the left-to-right one");
    }
    newest.map(|(_, name)| format!("/css/{name}").into())
}

/// Everything no route answers: the site's own files (`/pkg/`, `/fonts/`, the favicon…), else the
/// friendly "not found" page. The files are served here with the whole request, so a browser's
/// "if modified since" gets a 304 (leptos_axum's own file handler passes on only the accepted
/// encodings), and precompressed `.br`/`.gz` copies go to browsers that take them.
pub fn site_files_or_not_found(
    state: &AppState,
    site_root: &std::path::Path,
) -> impl Fn(axum::http::Uri, State<AppState>, Request) -> FallbackAnswer + Clone + Send + 'static {
    use tower::ServiceExt;
    let not_found =
        leptos_axum::file_and_error_handler_with_context::<AppState, _>(page_context(state, None), app::shell);
    let files = tower_http::services::ServeDir::new(site_root)
        .precompressed_br()
        .precompressed_gzip();
    move |uri, state, request| {
        let (not_found, files) = (not_found.clone(), files.clone());
        Box::pin(async move {
            // The files need the method, address and headers; the page keeps the request itself
            // (its extensions carry this response's nonce).
            let mut probe = Request::new(Body::empty());
            *probe.method_mut() = request.method().clone();
            *probe.uri_mut() = request.uri().clone();
            *probe.headers_mut() = request.headers().clone();
            let served = match files.oneshot(probe).await {
                Ok(response) => response.map(Body::new),
                Err(never) => match never {},
            };
            if served.status() != StatusCode::NOT_FOUND && served.status() != StatusCode::METHOD_NOT_ALLOWED {
                return served;
            }
            not_found(uri, state, request).await
        })
    }
}
