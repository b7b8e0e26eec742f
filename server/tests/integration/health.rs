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
