//! `GET /health` tells whether the server and its database answer.

use crate::harness::Backend;
use crate::on_both_databases;

on_both_databases! {
    async fn reports_ok_and_the_backend(app: TestApp) {
        let response = app.client.get(app.url("/health")).send().await.unwrap();
        assert_eq!(response.status(), 200);
        let body: serde_json::Value = response.json().await.unwrap();
        let expected = match app.backend {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        };
        assert_eq!(body, serde_json::json!({ "status": "ok", "database": expected }));
    }
}

on_both_databases! {
    async fn answers_503_when_the_database_does_not(app: TestApp) {
        app.db.close().await;
        let response = app.client.get(app.url("/health")).send().await.unwrap();
        assert_eq!(response.status(), 503);
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["status"], "unavailable");
    }
}

on_both_databases! {
    /// The benchmark's ceiling: a static page of each size it was started with, behind the same
    /// layers as every page; nothing else.
    async fn the_bench_ceiling_serves_static_pages_of_the_sizes_asked(app: TestApp) {
        let page = app.client.get(app.url("/__tetto/0")).send().await.unwrap();
        assert_eq!(page.status(), 200);
        assert!(page.headers().contains_key("content-security-policy"), "behind the same layers");
        assert_eq!(page.bytes().await.unwrap().len(), 4096);
        assert_eq!(app.client.get(app.url("/__tetto/1")).send().await.unwrap().status(), 404);
    }
}
