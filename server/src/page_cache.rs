//! The public pages' cache: a page a visitor without a session asks for is rendered once, and the
//! same HTML is served again until something could have changed it.
//!
//! Rendering a page costs tens of database reads and a Leptos render; serving it again costs a
//! lookup. What could make a cached page wrong, and why it cannot be shown:
//!
//! * **Data.** Every request that may write (any method but GET and HEAD) moves the cache to a
//!   new generation once it has been answered, and a page rendered under an older generation is never served again. The rule is
//!   deliberately blunt: a missed write path would show stale pages, a needless flush only costs
//!   one render. A page rendered while a write was in flight was stored under the generation read
//!   before rendering began, so it is already old when the write's answer leaves.
//! * **Other instances.** On PostgreSQL, several servers share the database: each one says "changed"
//!   with `NOTIFY` and listens for the others' (see [`listen_for_changes`]); a lost listening
//!   connection flushes the cache, since what was said meanwhile is lost.
//! * **Time.** Pages depend on the clock: the "aperto ora" badge, the booking notice, today's date.
//!   Opening hours and slots are whole minutes, so every entry belongs to the minute (of the
//!   application's clock) it was rendered in, and the next minute renders again.
//! * **The visitor.** Only requests without cookies are served from the cache (a signed-in worker
//!   always gets a fresh page), only answers without cookies are kept, and each answer gets its own
//!   Content-Security-Policy nonce: the cached HTML's nonce is replaced by this response's.
//! * **Which pages.** Only the public information and booking-choice pages in [`CACHED_ROUTES`];
//!   never a page that shows a person's booking or draft.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use app::clock::Clock;
use app::db::Db;
use app::security::CspNonce;
use axum::body::{Body, Bytes};
use axum::extract::{MatchedPath, Request};
use axum::http::{header, HeaderMap, Method, Response, StatusCode};
use axum::middleware::Next;
use http_body_util::BodyExt;

/// The route patterns whose pages may be served from the cache: the same for every visitor, and
/// never personal.
pub const CACHED_ROUTES: &[&str] = &[
    "/",
    "/servizi",
    "/servizi/{slug}",
    "/argomenti",
    "/contatti",
    "/informativa-privacy",
    "/dichiarazione-di-accessibilita",
    "/note-legali",
    "/domande-frequenti",
    "/condizioni-di-servizio",
    "/prenota",
];

/// How many pages are kept at most (a few hundred public addresses exist; searches and booking
/// choices add more): about 20 KB each.
const MAX_ENTRIES: usize = 2_000;

/// Longer addresses (a search with a long text) are not worth keeping.
const MAX_KEY_LENGTH: usize = 512;

/// The PostgreSQL channel the instances tell each other about changes on.
const CHANNEL: &str = "sportello_pages";

pub struct PageCache {
    generation: AtomicU64,
    entries: RwLock<HashMap<String, Arc<CachedPage>>>,
    clock: Arc<dyn Clock>,
    /// This instance's name on the channel, so it ignores its own notifications.
    instance: String,
    db: Db,
}

struct CachedPage {
    generation: u64,
    minute: i64,
    nonce: String,
    headers: HeaderMap,
    body: Bytes,
}

impl PageCache {
    pub fn new(db: Db, clock: Arc<dyn Clock>) -> Arc<Self> {
        Arc::new(Self {
            generation: AtomicU64::new(0),
            entries: RwLock::new(HashMap::new()),
            clock,
            instance: uuid::Uuid::new_v4().to_string(),
            db,
        })
    }

    /// Something may have changed here: no page rendered before is served again, and the other
    /// instances are told.
    pub fn changed(&self) {
        self.forget_all();
        if let Db::Postgres(pool) = &self.db {
            let pool = pool.clone();
            let instance = self.instance.clone();
            tokio::spawn(async move {
                if let Err(error) = sqlx::query("SELECT pg_notify($1, $2)")
                    .bind(CHANNEL)
                    .bind(&instance)
                    .execute(&pool)
                    .await
                {
                    tracing::warn!(error = %error, "cannot tell the other instances that pages changed");
                }
            });
        }
    }

    /// Forgets every page of this instance (a change seen here, or told by another instance).
    pub fn forget_all(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    fn minute(&self) -> i64 {
        self.clock.now().timestamp().div_euclid(60)
    }

    fn get(&self, key: &str, generation: u64, minute: i64) -> Option<Arc<CachedPage>> {
        let entries = self.entries.read().unwrap_or_else(|poisoned| poisoned.into_inner());
        entries
            .get(key)
            .filter(|page| page.generation == generation && page.minute == minute)
            .cloned()
    }

    fn put(&self, key: String, page: CachedPage) {
        let mut entries = self.entries.write().unwrap_or_else(|poisoned| poisoned.into_inner());
        if entries.len() >= MAX_ENTRIES && !entries.contains_key(&key) {
            let (generation, minute) = (page.generation, page.minute);
            entries.retain(|_, kept| kept.generation == generation && kept.minute == minute);
            if entries.len() >= MAX_ENTRIES {
                return;
            }
        }
        entries.insert(key, Arc::new(page));
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.entries.read().unwrap().len()
    }
}

/// The layer: serves what it may from the cache, keeps what it may, and notes every change.
pub async fn serve(cache: Arc<PageCache>, request: Request, next: Next) -> Response<Body> {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        let response = next.run(request).await;
        cache.changed();
        return response;
    }
    let (Some(key), Some(nonce)) = (cache_key(&request), request.extensions().get::<CspNonce>().cloned()) else {
        return next.run(request).await;
    };
    // Read before rendering: a change landing meanwhile makes this render old at once.
    let generation = cache.generation.load(Ordering::SeqCst);
    let minute = cache.minute();
    if let Some(page) = cache.get(&key, generation, minute) {
        return page.answer(&nonce.0);
    }
    let response = next.run(request).await;
    if !worth_keeping(&response) {
        return response;
    }
    let (parts, body) = response.into_parts();
    let body = match body.collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(error) => {
            tracing::error!(error = %error, "a page failed while it was being sent");
            return crate::pages::internal_error_page(&app::security::current_request_id());
        }
    };
    cache.put(
        key,
        CachedPage {
            generation,
            minute,
            nonce: nonce.0,
            headers: parts.headers.clone(),
            body: body.clone(),
        },
    );
    Response::from_parts(parts, Body::from(body))
}

/// The address, if this request may be served from (and stored in) the cache.
fn cache_key(request: &Request) -> Option<String> {
    if request.method() != Method::GET || request.headers().contains_key(header::COOKIE) {
        return None;
    }
    let route = request.extensions().get::<MatchedPath>()?;
    if !CACHED_ROUTES.contains(&route.as_str()) {
        return None;
    }
    // The same address in each language is a page of its own, and so is each language it may
    // offer a browser that prefers another.
    let language = request
        .extensions()
        .get::<app::i18n::Language>()
        .copied()
        .unwrap_or_default();
    let offer = request
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|accept| accept.to_str().ok())
        .and_then(|accept| app::i18n::offered(accept, language));
    let key = format!(
        "{}:{}:{}",
        language.code(),
        offer.map_or("-", app::i18n::Language::code),
        request.uri().path_and_query()?.as_str()
    );
    (key.len() <= MAX_KEY_LENGTH).then_some(key)
}

fn worth_keeping(response: &Response<Body>) -> bool {
    response.status() == StatusCode::OK
        && !response.headers().contains_key(header::SET_COOKIE)
        && response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.starts_with("text/html"))
}

impl CachedPage {
    /// The stored page, with this response's nonce in place of the one it was rendered with.
    fn answer(&self, nonce: &str) -> Response<Body> {
        let body = with_nonce(&self.body, &self.nonce, nonce);
        let mut response = Response::new(Body::from(body));
        *response.headers_mut() = self.headers.clone();
        response
    }
}

fn with_nonce(body: &Bytes, old: &str, new: &str) -> Bytes {
    let old = format!("nonce=\"{old}\"");
    match std::str::from_utf8(body) {
        Ok(html) if html.contains(&old) => Bytes::from(html.replace(&old, &format!("nonce=\"{new}\""))),
        _ => body.clone(),
    }
}

/// On PostgreSQL: forgets this instance's pages whenever another instance says it changed
/// something. Runs for the life of the server.
pub async fn listen_for_changes(cache: Arc<PageCache>) {
    let Db::Postgres(pool) = &cache.db else {
        return;
    };
    loop {
        let mut listener = match sqlx::postgres::PgListener::connect_with(pool).await {
            Ok(listener) => listener,
            Err(error) => {
                tracing::warn!(error = %error, "cannot listen for other instances' changes; will retry");
                cache.forget_all();
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                continue;
            }
        };
        if let Err(error) = listener.listen(CHANNEL).await {
            tracing::warn!(error = %error, "cannot listen for other instances' changes; will retry");
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            continue;
        }
        // Whatever was said before listening began is unknown.
        cache.forget_all();
        loop {
            match listener.try_recv().await {
                Ok(Some(notification)) if notification.payload() == cache.instance => {}
                Ok(Some(_)) => cache.forget_all(),
                // The connection was lost and made again: what was said meanwhile is lost.
                Ok(None) => cache.forget_all(),
                Err(error) => {
                    tracing::warn!(error = %error, "lost the other instances' changes; listening again");
                    cache.forget_all();
                    break;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nonce_is_replaced_only_where_it_is_a_nonce() {
        let body = Bytes::from_static(b"<script nonce=\"abc\">x</script><p>abc</p>");
        assert_eq!(
            with_nonce(&body, "abc", "xyz"),
            Bytes::from_static(b"<script nonce=\"xyz\">x</script><p>abc</p>")
        );
    }

    #[test]
    fn every_cached_route_is_served() {
        let served = crate::routes::served();
        for route in CACHED_ROUTES {
            assert!(
                served.iter().any(|s| s == route),
                "{route} is not a route of the server"
            );
        }
    }

    #[tokio::test]
    async fn a_full_cache_keeps_the_current_pages_and_drops_the_old() {
        let db = Db::Sqlite(
            sqlx::sqlite::SqlitePoolOptions::new()
                .connect_lazy("sqlite::memory:")
                .unwrap(),
        );
        let cache = PageCache::new(db, Arc::new(app::clock::SystemClock));
        let page = |generation| CachedPage {
            generation,
            minute: 1,
            nonce: String::new(),
            headers: HeaderMap::new(),
            body: Bytes::new(),
        };
        for i in 0..MAX_ENTRIES {
            cache.put(format!("/old/{i}"), page(0));
        }
        cache.put("/new".to_owned(), page(1));
        assert_eq!(cache.len(), 1, "the old generation made room");
        assert!(cache.get("/new", 1, 1).is_some());
        assert!(cache.get("/new", 1, 2).is_none(), "the next minute renders again");
    }
}
