//! One spelling per address. A page answers at exactly one path: no trailing slash, no empty or
//! dot segments, no percent-encoding of letters, digits or `-_~`. A visit to another spelling of a
//! page is sent to the one spelling (308, query kept), where the access layer checks it as usual;
//! a form posted to another spelling, or an address hiding a slash, a backslash, a dot or a control
//! character behind percent-encoding, is answered "not found".
//!
//! Why: the router matches exact paths, the access layer decides from the route matched, and the
//! page router behind it is more forgiving (it accepts a trailing slash). An address the first two
//! did not recognise but the third did once showed a back-office page to anyone signed in.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, Response, StatusCode};
use axum::middleware::Next;
use axum::response::IntoResponse;

/// How a request's path is written.
#[derive(Debug, PartialEq, Eq)]
pub enum Spelling {
    /// The one spelling of its address.
    Canonical,
    /// Another spelling of this address.
    Other(String),
    /// Not a spelling of any address we would serve.
    Refused,
}

/// Reads how `path` (as it arrived, still percent-encoded) is written.
pub fn spelling(path: &str) -> Spelling {
    let Some(decoded) = decode_harmless(path) else {
        return Spelling::Refused;
    };
    if decoded.contains('\\') {
        return Spelling::Refused;
    }
    let mut segments: Vec<&str> = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            segment => segments.push(segment),
        }
    }
    let canonical = format!("/{}", segments.join("/"));
    if canonical == path {
        Spelling::Canonical
    } else {
        Spelling::Other(canonical)
    }
}

/// `path` with the percent-encoded letters, digits and `-_~` written plainly and every other escape
/// in upper case; `None` when an escape hides a separator (`/`, `\`, `.`), a control character, or
/// is malformed.
fn decode_harmless(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = String::with_capacity(path.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'%' {
            out.push(bytes[i] as char);
            i += 1;
            continue;
        }
        let hex = path.get(i + 1..i + 3)?;
        let byte = u8::from_str_radix(hex, 16).ok()?;
        match byte {
            b'/' | b'\\' | b'.' | 0..=0x1f | 0x7f => return None,
            b if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'~') => out.push(b as char),
            b => out.push_str(&format!("%{b:02X}")),
        }
        i += 3;
    }
    // The request line is ASCII: anything else was refused before us.
    path.is_ascii().then_some(out)
}

/// The layer: lets the one spelling through, sends a visit to another spelling to it, and answers
/// "not found" to the rest.
pub async fn one_spelling(request: Request, next: Next) -> Response<Body> {
    let path = request.uri().path();
    match spelling(path) {
        Spelling::Canonical => next.run(request).await,
        Spelling::Other(canonical) if matches!(*request.method(), Method::GET | Method::HEAD) => {
            let to = match request.uri().query() {
                Some(query) => format!("{canonical}?{query}"),
                None => canonical,
            };
            match HeaderValue::from_str(&to) {
                Ok(location) => (StatusCode::PERMANENT_REDIRECT, [(header::LOCATION, location)]).into_response(),
                Err(_) => not_found(),
            }
        }
        Spelling::Other(_) | Spelling::Refused => not_found(),
    }
}

fn not_found() -> Response<Body> {
    crate::pages::not_found_page(&app::security::current_request_id())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_address_has_one_spelling() {
        for path in [
            "/",
            "/servizi",
            "/servizi/affido-familiare",
            "/operatori/utenti",
            "/pkg/sportello.wasm",
            "/servizi/caf%C3%A8",
        ] {
            assert_eq!(spelling(path), Spelling::Canonical, "{path}");
        }
        for (path, canonical) in [
            ("/operatori/utenti/", "/operatori/utenti"),
            ("//operatori//utenti", "/operatori/utenti"),
            ("/operatori/./utenti", "/operatori/utenti"),
            ("/servizi/../operatori/utenti", "/operatori/utenti"),
            ("/../../operatori", "/operatori"),
            ("/operatori/ut%65nti", "/operatori/utenti"),
            ("/servizi/caf%c3%a8", "/servizi/caf%C3%A8"),
            ("//", "/"),
        ] {
            assert_eq!(spelling(path), Spelling::Other(canonical.into()), "{path}");
        }
        for path in [
            "/operatori%2Futenti",
            "/operatori%2futenti",
            "/operatori/%2e%2e/x",
            "/a\\b",
            "/a%5Cb",
            "/a%00",
            "/a%",
            "/a%zz",
        ] {
            assert_eq!(spelling(path), Spelling::Refused, "{path}");
        }
    }
}
