//! Booking submissions are limited per client address: whoever sends more booking forms than a
//! family ever would (`SPORTELLO_BOOKING_RATE_PER_MINUTE`) is asked to wait a minute. Rate limiting
//! is the `governor` crate's (GCRA, in memory: each server counts its own requests).
//!
//! The client address is the connection's, unless the connection comes from a proxy listed in
//! `SPORTELLO_TRUSTED_PROXIES`: then it is the address that proxy appended to `X-Forwarded-For`
//! (the last one). A header from anyone else is ignored, so a client cannot pick its own address.

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{Method, Response, StatusCode};
use axum::middleware::Next;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::pages;

#[derive(Clone)]
pub struct SubmissionLimiter {
    limiter: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    trusted_proxies: Arc<Vec<IpAddr>>,
}

impl SubmissionLimiter {
    pub fn new(per_minute: u32, trusted_proxies: Vec<IpAddr>) -> Self {
        let per_minute = NonZeroU32::new(per_minute.max(1)).unwrap_or(NonZeroU32::MIN);
        Self {
            limiter: Arc::new(RateLimiter::keyed(Quota::per_minute(per_minute))),
            trusted_proxies: Arc::new(trusted_proxies),
        }
    }

    /// The address a request comes from, as this module's doc says.
    pub fn client_address(&self, peer: IpAddr, forwarded_for: Option<&str>) -> IpAddr {
        if !self.trusted_proxies.contains(&peer) {
            return peer;
        }
        forwarded_for
            .and_then(|header| header.rsplit(',').next())
            .and_then(|last| last.trim().parse().ok())
            .unwrap_or(peer)
    }
}

/// Whether a request submits a booking form (the no-JS posts and the server functions alike).
fn is_booking_submission(request: &Request) -> bool {
    let path = request.uri().path();
    request.method() == Method::POST && (path.starts_with("/prenota") || path.starts_with("/api/prenota"))
}

const TOO_MANY: &str = "Sono arrivate troppe richieste di prenotazione da questa connessione in poco tempo. \
                        Aspetta un minuto e riprova: quello che hai scritto è ancora nella pagina precedente \
                        (usa il tasto Indietro del browser).";

pub async fn limit_booking_submissions(
    State(limiter): State<SubmissionLimiter>,
    request: Request,
    next: Next,
) -> Response<Body> {
    if !is_booking_submission(&request) {
        return next.run(request).await;
    }
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(address)| address.ip())
        .unwrap_or(IpAddr::from([0, 0, 0, 0]));
    let forwarded_for = request
        .headers()
        .get("x-forwarded-for")
        .and_then(|value| value.to_str().ok());
    let client = limiter.client_address(peer, forwarded_for);
    if limiter.limiter.check_key(&client).is_err() {
        let request_id = request
            .headers()
            .get("x-request-id")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("-")
            .to_owned();
        tracing::warn!(request_id = %request_id, "booking submissions over the limit for one client address");
        let mut response = pages::plain_page(StatusCode::TOO_MANY_REQUESTS, "Troppe richieste", TOO_MANY, &request_id);
        response
            .headers_mut()
            .insert("retry-after", axum::http::HeaderValue::from_static("60"));
        return response;
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_trusted_proxy_may_name_the_client() {
        let proxy: IpAddr = "10.0.0.2".parse().unwrap();
        let limiter = SubmissionLimiter::new(5, vec![proxy]);
        let client: IpAddr = "203.0.113.7".parse().unwrap();
        assert_eq!(limiter.client_address(proxy, Some("198.51.100.1, 203.0.113.7")), client);
        let stranger: IpAddr = "198.51.100.9".parse().unwrap();
        assert_eq!(limiter.client_address(stranger, Some("203.0.113.7")), stranger);
        assert_eq!(limiter.client_address(proxy, Some("not an address")), proxy);
    }
}
