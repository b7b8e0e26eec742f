//! Each language of the public site at its own addresses: `/en/servizi` is the services page in
//! English, `/servizi` in Italian. The language's prefix is read here, before the router, which
//! then sees the page's own address; the language travels in the request's extensions, where the
//! pages (`app::i18n::use_language`), the page cache and the form handler find it.
//!
//! Only the public site's pages and forms have a prefix: the back office, the health check and the
//! site's files are at one address, and `/en/operatori` is "not found".

use app::access::permissions::Permission;
use app::i18n::Language;
use axum::extract::Request;
use axum::http::Uri;

/// Reads the language's prefix off a public page's or form's address, and off an address that
/// leads nowhere (so that "not found" is said in the language it was asked in); any other request
/// is left as it came (a prefix on anything else finds no route).
pub fn read_prefix(mut request: Request) -> Request {
    let Some((language, rest)) = split(request.uri().path()) else {
        return request;
    };
    if !translated(&rest) && !leads_nowhere(&rest) {
        return request;
    }
    let address = match request.uri().query() {
        Some(query) => format!("{rest}?{query}"),
        None => rest,
    };
    if let Ok(uri) = address.parse::<Uri>() {
        *request.uri_mut() = uri;
        request.extensions_mut().insert(language);
    }
    request
}

/// `/en/servizi` → English and `/servizi`; `/en` → English and `/`. Italian has no prefix.
fn split(path: &str) -> Option<(Language, String)> {
    let after = path.strip_prefix('/')?;
    let (code, rest) = after.split_once('/').map_or((after, ""), |(code, rest)| (code, rest));
    let language = Language::from_code(code).filter(|language| *language != Language::Italian)?;
    Some((language, format!("/{rest}")))
}

/// Whether `path` is a page or form of the public site (the ones with a version in each language).
fn translated(path: &str) -> bool {
    !app::links::is_back_office(path)
        && !crate::routes::operations::is_operational(path)
        && matches!(
            crate::routes::permission_of_path(path),
            Some(Permission::Public | Permission::Family)
        )
}

/// Whether `path` is no address of the site at all: no route, and no file (a file's name has a
/// dot; the site's files have one address, without a prefix).
fn leads_nowhere(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or_default();
    !path.starts_with("//")
        && !last.contains('.')
        && !app::links::is_back_office(path)
        && !crate::routes::operations::is_operational(path)
        && crate::routes::permission_of_path(path).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(path: &str) -> (String, Option<Language>) {
        let request = read_prefix(Request::builder().uri(path).body(axum::body::Body::empty()).unwrap());
        (
            request.uri().to_string(),
            request.extensions().get::<Language>().copied(),
        )
    }

    #[test]
    fn a_public_page_in_a_language_is_read_as_the_page_and_its_language() {
        assert_eq!(read("/en/servizi"), ("/servizi".to_owned(), Some(Language::English)));
        assert_eq!(read("/ar"), ("/".to_owned(), Some(Language::Arabic)));
        assert_eq!(
            read("/zh/prenota?sede=a&giorno=2026-03-03"),
            ("/prenota?sede=a&giorno=2026-03-03".to_owned(), Some(Language::Chinese))
        );
        assert_eq!(read("/servizi"), ("/servizi".to_owned(), None), "Italian, as always");
    }

    #[test]
    fn an_address_that_leads_nowhere_is_not_found_in_its_language() {
        assert_eq!(
            read("/en/nessuna-pagina"),
            ("/nessuna-pagina".to_owned(), Some(Language::English))
        );
        assert_eq!(
            read("/ar/servizi/a/b/c"),
            ("/servizi/a/b/c".to_owned(), Some(Language::Arabic))
        );
    }

    #[test]
    fn anything_else_keeps_its_address_and_finds_no_route() {
        for path in [
            "/en/operatori",
            "/en/operatori/casi",
            "/en/health",
            "/it/servizi",
            "/xx/servizi",
            "/en/pkg/sportello.css",
            "/en//servizi",
        ] {
            assert_eq!(read(path), (path.to_owned(), None), "{path}");
        }
    }
}
