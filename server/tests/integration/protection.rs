//! Web protections present on every response from the start.

use std::collections::HashSet;

use axum::routing::get;
use axum::Router;

use crate::on_both_databases;

fn nonce_of(policy: &str) -> String {
    let start = policy.find("'nonce-").expect("a nonce in the policy") + "'nonce-".len();
    policy[start..].split('\'').next().unwrap().to_owned()
}

on_both_databases! {
    async fn every_page_carries_the_security_headers(app: TestApp) {
        for path in ["/", "/assistenza", "/non-esiste", "/health"] {
            let response = app.get(path).await;
            let headers = response.headers().clone();
            let policy = headers["content-security-policy"].to_str().unwrap().to_owned();
            assert!(policy.contains("default-src 'self'"), "{path}: {policy}");
            assert!(policy.contains("'wasm-unsafe-eval'"), "{path}");
            assert!(policy.contains("frame-ancestors 'none'"), "{path}");
            assert!(!policy.contains("unsafe-inline"), "{path}");
            assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
            assert_eq!(headers["referrer-policy"], "same-origin", "{path}");
            assert!(headers.contains_key("x-request-id"), "{path}");
            if path != "/health" {
                // Every inline script carries this response's nonce, and only that one.
                let html = response.text().await.unwrap();
                let nonce = nonce_of(&policy);
                let scripts = html.matches("<script").count();
                assert!(scripts >= 1, "{path}: the hydration script");
                assert_eq!(html.matches(&format!("<script type=\"module\" nonce=\"{nonce}\"")).count()
                    + html.matches(&format!("<script nonce=\"{nonce}\"")).count(), scripts, "{path}");
            }
        }
    }
}

on_both_databases! {
    async fn each_response_gets_its_own_nonce(app: TestApp) {
        let mut nonces = HashSet::new();
        for _ in 0..5 {
            let response = app.get("/").await;
            nonces.insert(nonce_of(response.headers()["content-security-policy"].to_str().unwrap()));
        }
        assert_eq!(nonces.len(), 5);
    }
}

on_both_databases! {
    async fn cross_site_posts_are_refused_server_functions_included(app: TestApp) {
        let fields = [("nome", "Anna"), ("cognome", "Neri"), ("email", "anna@example.it"),
            ("categoria", "altro"), ("messaggio", "Ciao"), ("privacy", "si")];
        let from_another_site = app.client.post(app.url("/assistenza"))
            .header("sec-fetch-site", "cross-site").form(&fields).send().await.unwrap();
        assert_eq!(from_another_site.status(), 403);
        assert!(from_another_site.text().await.unwrap().contains("da un altro sito"));

        let server_function = app.client.post(app.url("/api/assistenza"))
            .header("origin", "https://malevolo.example").form(&[("form[nome]", "Anna")]).send().await.unwrap();
        assert_eq!(server_function.status(), 403);
        assert_eq!(app.count("email_outbox").await, 0, "nothing was queued");

        // The same post from the site itself goes through.
        let same_site = app.post_form("/assistenza", &fields).await;
        assert_eq!(same_site.status(), 303);
    }
}

on_both_databases! {
    async fn oversized_bodies_are_refused(app: TestApp) {
        let huge = "x".repeat(400 * 1024);
        let response = app.post_form("/assistenza", &[("messaggio", huge.as_str())]).await;
        assert_eq!(response.status(), 413);
        assert_eq!(app.count("email_outbox").await, 0);
    }
}

/// The panic layer is the one the server uses; a route that panics is added only here.
#[tokio::test]
async fn a_panic_becomes_a_500_page_with_the_request_id() {
    async fn broken() -> &'static str {
        panic!("test panic")
    }
    let router: Router = Router::new().route("/guasto", get(broken));
    let router = server::http::protect(router, "http://127.0.0.1", 1024).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await });

    let response = reqwest::get(format!("http://{address}/guasto")).await.unwrap();
    assert_eq!(response.status(), 500);
    let request_id = response.headers()["x-request-id"].to_str().unwrap().to_owned();
    let html = response.text().await.unwrap();
    assert!(html.contains("lang=\"it\""));
    assert!(html.contains(&request_id), "the page shows the request id {request_id}");
    assert!(!html.contains("test panic"), "the cause stays in the log");
}
