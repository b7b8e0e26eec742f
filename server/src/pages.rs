//! Pages the server writes without the application: when rendering the application itself is not
//! possible or not wise (a panic, a cross-site refusal).

use axum::body::Body;
use axum::http::{header, HeaderValue, Response, StatusCode};

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A minimal Italian page in the site's style.
pub fn plain_page(status: StatusCode, title: &str, message: &str, request_id: &str) -> Response<Body> {
    let code = if request_id == "-" {
        String::new()
    } else {
        format!("<p>Codice della richiesta: <code>{}</code></p>", escape(request_id))
    };
    let html = format!(
        "<!DOCTYPE html><html lang=\"it\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} — Sportello</title><link rel=\"stylesheet\" href=\"/pkg/sportello.css\"></head>\
         <body><main id=\"contenuto\" class=\"contenitore stretto\"><h1>{title}</h1><p>{message}</p>{code}\
         <p><a href=\"/\">Torna alla pagina iniziale</a></p></main></body></html>",
        title = escape(title),
        message = escape(message),
    );
    let mut response = Response::new(Body::from(html));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
}

pub fn internal_error_page(request_id: &str) -> Response<Body> {
    plain_page(
        StatusCode::INTERNAL_SERVER_ERROR,
        "Si è verificato un problema",
        "Qualcosa non ha funzionato da parte nostra e la pagina non può essere mostrata. Riprova tra poco; \
         se il problema continua, comunica all'ufficio il codice qui sotto.",
        request_id,
    )
}

/// "Not found", for an address refused before any page could be rendered.
pub fn not_found_page(request_id: &str) -> Response<Body> {
    plain_page(
        StatusCode::NOT_FOUND,
        "Pagina non trovata",
        "L'indirizzo non corrisponde a nessuna pagina del sito. Controlla di averlo scritto bene, o parti dalla \
         pagina iniziale.",
        request_id,
    )
}
