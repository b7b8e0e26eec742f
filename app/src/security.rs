//! Values the server's security layers attach to each request, read while rendering it.

use leptos::prelude::use_context;

/// The Content-Security-Policy nonce of this response: the server puts the same value in the
/// header and on the inline hydration script, so that script (and nothing injected) may run.
#[derive(Clone, Debug)]
pub struct CspNonce(pub String);

/// The id the server gave the current request (`x-request-id`), or "-" outside a request.
pub fn current_request_id() -> String {
    use_context::<http::request::Parts>()
        .and_then(|parts| {
            parts
                .headers
                .get("x-request-id")
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned)
        })
        .unwrap_or_else(|| "-".to_owned())
}

/// Makes the request's nonce available to Leptos, which adds it to the scripts it writes.
pub fn provide_request_nonce() {
    if let Some(nonce) =
        use_context::<http::request::Parts>().and_then(|parts| parts.extensions.get::<CspNonce>().cloned())
    {
        leptos::prelude::provide_context(leptos::nonce::Nonce::from_value(nonce.0));
    }
}
