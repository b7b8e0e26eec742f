//! What every response goes through: request id, one log line, one spelling per address
//! (`addresses`), how long browsers keep the site's files, compression of pages, panic safety, security headers (with a fresh
//! Content-Security-Policy nonce per response), cross-site refusal and a body limit.

use std::panic::AssertUnwindSafe;
use std::time::{Duration, Instant};

use app::security::CspNonce;
use axum::body::Body;
use axum::extract::{MatchedPath, Request};
use axum::http::{header, HeaderValue, Response, StatusCode};
use axum::middleware::{self, Next};
use axum::Router;
use futures::FutureExt;
use tower::ServiceBuilder;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::csrf::{CsrfLayer, ProtectionError};
use tower_http::map_request_body::MapRequestBodyLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};

use crate::pages;

/// The largest request bodies accepted: one for every route, a larger one for the upload of case
/// documents; and how long a body may stop arriving before it is given up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BodyLimits {
    pub default: usize,
    pub documents: usize,
    pub idle: Duration,
}

impl BodyLimits {
    /// A phone on a poor connection sends something every few seconds; a client that sends nothing
    /// for this long holds a connection and a task for nobody (`SPORTELLO_BODY_IDLE_SECONDS`).
    pub const DEFAULT_IDLE: Duration = Duration::from_secs(30);
}

impl From<usize> for BodyLimits {
    fn from(all: usize) -> Self {
        Self {
            default: all,
            documents: all,
            idle: Self::DEFAULT_IDLE,
        }
    }
}

/// The answer to a request whose body could not be read: it stopped arriving (408, and the
/// connection closes) or it grew past the limit (413).
pub fn unread_body(error: &axum::Error) -> Response<Body> {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(cause) = source {
        if cause.is::<tower_http::timeout::TimeoutError>() {
            let mut response = pages::plain_page(
                StatusCode::REQUEST_TIMEOUT,
                "Richiesta interrotta",
                TOO_SLOW,
                &app::security::current_request_id(),
            );
            response
                .headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
            return response;
        }
        source = cause.source();
    }
    pages::plain_page(
        StatusCode::PAYLOAD_TOO_LARGE,
        "Dati troppo grandi",
        TOO_LARGE,
        &app::security::current_request_id(),
    )
}

const TOO_SLOW: &str = "I dati inviati hanno smesso di arrivare e la richiesta è stata interrotta: \
     nulla è stato salvato. Controlla la connessione e invia di nuovo il modulo.";

/// Wraps the router in the layers every response goes through, outermost first.
pub fn protect<S: Clone + Send + Sync + 'static>(
    router: Router<S>,
    trusted_origin: &str,
    limits: impl Into<BodyLimits>,
) -> Result<Router<S>, tower_http::csrf::ConfigError> {
    let limits = limits.into();
    let csrf = CsrfLayer::new()
        .add_trusted_origin(trusted_origin)?
        .with_rejection_response(|_error: ProtectionError| {
            pages::plain_page(StatusCode::FORBIDDEN, "Richiesta rifiutata", CROSS_SITE_REFUSED, "-")
        });
    // Over https, browsers are told to never use plain http for this site again (a year).
    let hsts = trusted_origin.starts_with("https://").then(|| {
        tower_http::set_header::SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        )
    });
    Ok(router.layer(
        ServiceBuilder::new()
            .option_layer(hsts)
            .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
            .layer(PropagateRequestIdLayer::x_request_id())
            .layer(middleware::from_fn(access_log))
            .layer(middleware::from_fn(crate::addresses::one_spelling))
            .layer(middleware::from_fn(cache_site_files))
            .layer(compress_text())
            .layer(middleware::from_fn(catch_panics))
            .layer(middleware::from_fn(security_headers))
            .layer(middleware::from_fn(move |request, next| {
                limit_body(limits, request, next)
            }))
            .layer(MapRequestBodyLayer::new(Body::new))
            .layer(csrf),
    ))
}

/// Pages and other text go out compressed (Brotli or gzip, as the browser accepts): a service page
/// is five times smaller, which is what an old phone on a poor connection notices first. The site's
/// own files are compressed once at build time and served as such (cargo-leptos `--precompress`),
/// and documents and images are left alone: they are compressed already, or not worth the work.
/// A middle level: a page is rendered per request, and the best Brotli level costs far more time
/// than the few bytes it saves.
fn compress_text() -> CompressionLayer<impl tower_http::compression::Predicate> {
    use tower_http::compression::predicate::{Predicate, SizeAbove};
    let text = |_: StatusCode, _: axum::http::Version, headers: &axum::http::HeaderMap, _: &axum::http::Extensions| {
        headers
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|kind| kind.starts_with("text/") || kind.starts_with("application/json"))
    };
    CompressionLayer::new()
        .quality(CompressionLevel::Precise(4))
        .compress_when(SizeAbove::new(1024).and(text))
}

/// How long browsers keep the site's own files. A font's name carries its version, and the
/// bundle's and stylesheet's a hash of their content (`sportello.<hash>.wasm`): a new file is a new
/// name, so a browser keeps them a year without asking. A file of `/pkg/` without a hash in its name
/// (a build without `hash-files`) is asked again at each use and answered 304 while unchanged.
/// The right-to-left stylesheet (`/css/sportello-rtl.<hash>.css`) is named the same way. Pages say
/// their own rules (`no-store` in the back office).
fn cache_rule(path: &str) -> Option<&'static str> {
    const KEEP: &str = "public, max-age=31536000, immutable";
    if path.starts_with("/fonts/") {
        Some(KEEP)
    } else if let Some(name) = path.strip_prefix("/pkg/").or_else(|| path.strip_prefix("/css/")) {
        // `name.hash.ext`: three parts at least.
        Some(if name.split('.').count() >= 3 { KEEP } else { "no-cache" })
    } else {
        None
    }
}

async fn cache_site_files(request: Request, next: Next) -> Response<Body> {
    let rule = cache_rule(request.uri().path());
    let public_page = !app::links::is_back_office(request.uri().path());
    let mut response = next.run(request).await;
    let answered = response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED;
    if let (Some(rule), true) = (rule, answered) {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(rule));
    }
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|kind| kind.as_bytes().starts_with(b"text/html"));
    if public_page && html {
        // A public page offers the language the browser prefers (`Accept-Language`): a cache on
        // the way keeps one copy per preference.
        response
            .headers_mut()
            .append(header::VARY, HeaderValue::from_static("accept-language"));
    }
    response
}

const TOO_LARGE: &str = "I dati inviati sono troppo grandi e non sono stati accettati. \
     Se stavi allegando un documento, scegli un file più piccolo.";

/// Refuses a body declared larger than the route's limit at once, and stops reading one that grows
/// past it or stops arriving (the handlers answer with [`unread_body`] when the read fails).
async fn limit_body(limits: BodyLimits, request: Request, next: Next) -> Response<Body> {
    let path = request.uri().path();
    let limit = if path == app::cases::DOCUMENTS_PATH || path == app::area::DOCUMENT_SEND_PATH {
        limits.documents
    } else {
        limits.default
    };
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return pages::plain_page(
            StatusCode::PAYLOAD_TOO_LARGE,
            "Dati troppo grandi",
            TOO_LARGE,
            &request_id(&request),
        );
    }
    let (parts, body) = request.into_parts();
    let body = tower_http::timeout::TimeoutBody::new(limits.idle, http_body_util::Limited::new(body, limit));
    next.run(Request::from_parts(parts, Body::new(body))).await
}

const CROSS_SITE_REFUSED: &str =
    "La richiesta è arrivata da un altro sito e per la tua sicurezza non è stata eseguita. \
     Se stavi usando Sportello, torna alla pagina e riprova.";

fn request_id(request: &Request) -> String {
    request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .to_owned()
}

/// One line per request: method, route pattern (never the raw path or query, which may carry tokens
/// or search words), status, latency and request id. No personal data.
async fn access_log(request: Request, next: Next) -> Response<Body> {
    let started = Instant::now();
    let method = request.method().clone();
    let route = match request.extensions().get::<MatchedPath>() {
        Some(path) => path.as_str().to_owned(),
        None if request.uri().path().starts_with("/pkg/") => "/pkg/{file}".to_owned(),
        None => "(fallback)".to_owned(),
    };
    let id = request_id(&request);
    let response = app::security::with_request_id(id.clone(), next.run(request)).await;
    crate::metrics::record_request(&route, &method, response.status(), started.elapsed());
    tracing::info!(
        target: "sportello::http",
        method = %method,
        route = %route,
        status = response.status().as_u16(),
        latency_ms = started.elapsed().as_secs_f64() * 1000.0,
        request_id = %id,
        "request"
    );
    response
}

/// A panic in a handler becomes a 500 page that shows the request id, and a log line with the cause.
async fn catch_panics(request: Request, next: Next) -> Response<Body> {
    let id = request_id(&request);
    match AssertUnwindSafe(next.run(request)).catch_unwind().await {
        Ok(response) => response,
        Err(panic) => {
            let cause = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            tracing::error!(request_id = %id, cause = %cause, "a handler panicked");
            pages::internal_error_page(&id)
        }
    }
}

/// The policy: only our own scripts (the inline hydration script by this response's nonce), our own
/// WASM, styles, images and fonts; nothing from other origins; never inside a frame.
pub fn content_security_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

async fn security_headers(mut request: Request, next: Next) -> Response<Body> {
    let nonce = leptos::nonce::Nonce::new().to_string();
    request.extensions_mut().insert(CspNonce(nonce.clone()));
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if let Ok(policy) = HeaderValue::from_str(&content_security_policy(&nonce)) {
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert("cross-origin-opener-policy", HeaderValue::from_static("same-origin"));
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
    );
    response
}
