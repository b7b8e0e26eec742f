//! Forms that cost something are limited per client address: whoever sends more of them than a
//! person ever would is asked to wait. Booking forms (`SPORTELLO_BOOKING_RATE_PER_MINUTE`), staff
//! sign-ins (`SPORTELLO_SIGN_IN_RATE_PER_MINUTE`: one address cannot try a password on account after
//! account), assistance requests, each of which sends an email (`SPORTELLO_ASSISTANCE_RATE_PER_HOUR`),
//! and page ratings (`SPORTELLO_RATING_RATE_PER_HOUR`). Rate limiting is the `governor` crate's
//! (GCRA, in memory: each server counts its own requests).
//!
//! The client address is the connection's, unless the connection comes from a proxy listed in
//! `SPORTELLO_TRUSTED_PROXIES`: then it is the address that proxy appended to `X-Forwarded-For`
//! (the last one). A header from anyone else is ignored, so a client cannot pick its own address.
//! The address is also given to the request (`app::security::ClientAddress`), for the sign-in
//! guard, which counts failures per account and address.

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;

use app::security::ClientAddress;
use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, Method, Response, StatusCode};
use axum::middleware::Next;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::pages;

/// How many forms of each kind one client address may send.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub bookings_per_minute: u32,
    pub sign_ins_per_minute: u32,
    pub assistance_per_hour: u32,
    pub ratings_per_hour: u32,
}

/// The kinds of form that are limited, each with its own allowance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Booking,
    SignIn,
    Assistance,
    Rating,
}

impl Kind {
    /// The kind of form a request submits, if it is one of those limited.
    fn of(request: &Request) -> Option<Kind> {
        if request.method() != Method::POST {
            return None;
        }
        let path = request.uri().path();
        let under = |folder: &str| path == folder || path.starts_with(&format!("{folder}/"));
        if under("/prenota") {
            Some(Kind::Booking)
        } else if path == app::access::HOME_PATH {
            Some(Kind::SignIn)
        } else if path == app::assistance::PATH {
            Some(Kind::Assistance)
        } else if path == app::feedback::PATH {
            Some(Kind::Rating)
        } else {
            None
        }
    }

    /// What the person reads, and when to try again (seconds).
    fn refusal(self) -> (&'static str, &'static str) {
        match self {
            Kind::Booking => (
                "Sono arrivate troppe richieste di prenotazione da questa connessione in poco tempo. \
                 Aspetta un minuto e riprova: quello che hai scritto è ancora nella pagina precedente \
                 (usa il tasto Indietro del browser).",
                "60",
            ),
            Kind::SignIn => (
                "Sono arrivati troppi tentativi di accesso da questa connessione in poco tempo. \
                 Aspetta un minuto e riprova.",
                "60",
            ),
            Kind::Assistance => (
                "Sono arrivate troppe richieste di assistenza da questa connessione. Aspetta un po' e \
                 riprova: quello che hai scritto è ancora nella pagina precedente (usa il tasto Indietro \
                 del browser). Se è urgente, chiama l'ufficio; in caso di pericolo, il 112.",
                "600",
            ),
            Kind::Rating => (
                "Sono arrivate troppe valutazioni da questa connessione. Grazie: riprova più tardi.",
                "600",
            ),
        }
    }
}

#[derive(Clone)]
pub struct SubmissionLimiter {
    bookings: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    sign_ins: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    assistance: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    ratings: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    trusted_proxies: Arc<Vec<IpAddr>>,
}

fn at_least_one(n: u32) -> NonZeroU32 {
    NonZeroU32::new(n.max(1)).unwrap_or(NonZeroU32::MIN)
}

impl SubmissionLimiter {
    pub fn new(limits: Limits, trusted_proxies: Vec<IpAddr>) -> Self {
        let keyed = |quota: Quota| Arc::new(RateLimiter::keyed(quota));
        Self {
            bookings: keyed(Quota::per_minute(at_least_one(limits.bookings_per_minute))),
            sign_ins: keyed(Quota::per_minute(at_least_one(limits.sign_ins_per_minute))),
            assistance: keyed(Quota::per_hour(at_least_one(limits.assistance_per_hour))),
            ratings: keyed(Quota::per_hour(at_least_one(limits.ratings_per_hour))),
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

    fn limiter(&self, kind: Kind) -> &DefaultKeyedRateLimiter<IpAddr> {
        match kind {
            Kind::Booking => &self.bookings,
            Kind::SignIn => &self.sign_ins,
            Kind::Assistance => &self.assistance,
            Kind::Rating => &self.ratings,
        }
    }
}

/// The layer: names the client of every request, and answers 429 with a sentence to a limited
/// form sent over its allowance.
pub async fn limit_submissions(
    State(limiter): State<SubmissionLimiter>,
    mut request: Request,
    next: Next,
) -> Response<Body> {
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
    request.extensions_mut().insert(ClientAddress(client));
    let Some(kind) = Kind::of(&request) else {
        return next.run(request).await;
    };
    if limiter.limiter(kind).check_key(&client).is_ok() {
        return next.run(request).await;
    }
    let request_id = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .to_owned();
    tracing::warn!(request_id = %request_id, kind = ?kind, "submissions over the limit for one client address");
    let (message, retry_after) = kind.refusal();
    let mut response = pages::plain_page(StatusCode::TOO_MANY_REQUESTS, "Troppe richieste", message, &request_id);
    response
        .headers_mut()
        .insert("retry-after", HeaderValue::from_static(retry_after));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_trusted_proxy_may_name_the_client() {
        let proxy: IpAddr = "10.0.0.2".parse().unwrap();
        let limits = Limits {
            bookings_per_minute: 5,
            sign_ins_per_minute: 5,
            assistance_per_hour: 5,
            ratings_per_hour: 5,
        };
        let limiter = SubmissionLimiter::new(limits, vec![proxy]);
        let client: IpAddr = "203.0.113.7".parse().unwrap();
        assert_eq!(limiter.client_address(proxy, Some("198.51.100.1, 203.0.113.7")), client);
        let stranger: IpAddr = "198.51.100.9".parse().unwrap();
        assert_eq!(limiter.client_address(stranger, Some("203.0.113.7")), stranger);
        assert_eq!(limiter.client_address(proxy, Some("not an address")), proxy);
    }
}
