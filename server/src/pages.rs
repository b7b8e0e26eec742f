//! Pages the server writes without the application: when rendering the application itself is not
//! possible or not wise (a panic, a cross-site refusal).

use axum::body::Body;
use axum::http::{header, HeaderValue, Response, StatusCode};

/// The hashes cargo-leptos put in the bundle's and stylesheet's names (`hash-files`), read from
/// the `hash.txt` it writes beside the server binary; none when the site was built without them
/// (the tests, which serve no built site).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteFiles {
    pub css: String,
}

impl SiteFiles {
    pub fn beside_the_binary() -> Option<Self> {
        let path = std::env::current_exe().ok()?.parent()?.join("hash.txt");
        Self::read(&std::fs::read_to_string(path).ok()?)
    }

    fn read(hashes: &str) -> Option<Self> {
        let css = hashes.lines().find_map(|line| {
            let (file, hash) = line.split_once(':')?;
            (file.trim() == "css").then(|| hash.trim().to_owned())
        })?;
        Some(Self { css })
    }
}

static SITE_FILES: std::sync::OnceLock<Option<SiteFiles>> = std::sync::OnceLock::new();

/// Remembers the site's file names for the pages written here (first call wins: one build per
/// process).
pub fn use_site_files(files: Option<SiteFiles>) {
    let _ = SITE_FILES.set(files);
}

/// The stylesheet's address.
fn stylesheet() -> String {
    match SITE_FILES.get().cloned().flatten() {
        Some(files) => format!("/pkg/sportello.{}.css", files.css),
        None => "/pkg/sportello.css".to_owned(),
    }
}

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
         <title>{title} — Sportello</title><link rel=\"stylesheet\" href=\"{css}\"></head>\
         <body><main id=\"contenuto\" class=\"contenitore stretto\"><h1>{title}</h1><p>{message}</p>{code}\
         <p><a href=\"/\">Torna alla pagina iniziale</a></p></main></body></html>",
        title = escape(title),
        message = escape(message),
        css = escape(&stylesheet()),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stylesheets_hash_is_read_from_cargo_leptos_hash_file() {
        let files = SiteFiles::read("js: abc\nwasm: def\ncss: Zx9-_q\n").unwrap();
        assert_eq!(files.css, "Zx9-_q");
        assert_eq!(SiteFiles::read("js: abc\n"), None);
    }
}
