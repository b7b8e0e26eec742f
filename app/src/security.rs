//! Values the server's security layers attach to each request, read while rendering it.

use leptos::prelude::use_context;

/// The Content-Security-Policy nonce of this response: the server puts the same value in the
/// header and on the inline hydration script, so that script (and nothing injected) may run.
#[derive(Clone, Debug)]
pub struct CspNonce(pub String);

/// The address a request comes from (behind a trusted proxy, the one it names), set by the
/// server's submission limiter on every request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddress(pub std::net::IpAddr);

tokio::task_local! {
    /// The id of the request this task is serving, set by the server's request layer.
    static REQUEST_ID: String;
}

/// Runs `work` (the handling of one request) with its request id readable by any code serving it,
/// inside Leptos rendering or not.
pub async fn with_request_id<F: std::future::Future>(request_id: String, work: F) -> F::Output {
    REQUEST_ID.scope(request_id, work).await
}

/// The id the server gave the current request (`x-request-id`), or "-" outside a request.
pub fn current_request_id() -> String {
    if let Ok(id) = REQUEST_ID.try_with(Clone::clone) {
        return id;
    }
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
