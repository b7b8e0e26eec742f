//! What the people who run the server ask of it: the health check, and the benchmark's ceiling.

use std::sync::Arc;

use app::access::permissions::Permission::Public;
use axum::body::Body;
use axum::http::{Response, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;

use super::PartRoutes;
use crate::health;

pub const HEALTH_PATH: &str = "/health";

/// The benchmark's ceiling (`scripts/bench`): the n-th of the static pages listed by size in
/// `SPORTELLO_BENCH_CEILING`, served by a bare handler behind the same layers as every page.
/// Without that setting the list is empty and the route answers 404.
pub const BENCH_CEILING_PATH: &str = "/__tetto/{n}";

/// Whether `path` is one of these addresses: they have one address, in no language.
pub fn is_operational(path: &str) -> bool {
    [HEALTH_PATH, BENCH_CEILING_PATH]
        .iter()
        .any(|pattern| app::links::route_matches(pattern, path))
}

pub fn routes() -> PartRoutes {
    PartRoutes::new().route(HEALTH_PATH, Public, get(health::health)).route(
        BENCH_CEILING_PATH,
        Public,
        get(bench_ceiling),
    )
}

async fn bench_ceiling(
    axum::extract::Extension(pages): axum::extract::Extension<BenchPages>,
    axum::extract::Path(n): axum::extract::Path<usize>,
) -> Response<Body> {
    match pages.0.get(n) {
        Some(page) => axum::response::Html(page.clone()).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// The ceiling's pages, made once at start.
#[derive(Clone, Default)]
pub struct BenchPages(Arc<Vec<axum::body::Bytes>>);

impl BenchPages {
    pub fn of_sizes(sizes: &[usize]) -> Self {
        let page = |size: usize| {
            let shell = "<!DOCTYPE html><html lang=\"it\"><head><title>Tetto</title></head><body><p></p></body></html>";
            let filler = "x".repeat(size.saturating_sub(shell.len()));
            axum::body::Bytes::from(shell.replace("<p></p>", &format!("<p>{filler}</p>")))
        };
        Self(Arc::new(sizes.iter().map(|size| page(*size)).collect()))
    }
}
