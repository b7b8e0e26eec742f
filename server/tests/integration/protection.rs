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
    async fn cross_site_posts_are_refused(app: TestApp) {
        let fields = [("nome", "Anna"), ("cognome", "Neri"), ("email", "anna@example.it"),
            ("categoria", "altro"), ("messaggio", "Ciao"), ("privacy", "si")];
        let from_another_site = app.client.post(app.url("/assistenza"))
            .header("sec-fetch-site", "cross-site").form(&fields).send().await.unwrap();
        assert_eq!(from_another_site.status(), 403);
        assert!(from_another_site.text().await.unwrap().contains("da un altro sito"));

        let with_an_origin = app.client.post(app.url("/assistenza"))
            .header("origin", "https://malevolo.example").form(&fields).send().await.unwrap();
        assert_eq!(with_an_origin.status(), 403);
        assert_eq!(app.count("email_outbox").await, 0, "nothing was queued");

        // The same post from the site itself goes through.
        let same_site = app.post_form("/assistenza", &fields).await;
        assert_eq!(same_site.status(), 303);
    }
}

on_both_databases! {
    /// Pages and their forms are the only way in: no server function answers beside them (the
    /// addresses the fully hydrated application used are gone, for everyone).
    async fn there_is_no_programming_interface_beside_the_pages(app: TestApp) {
        for path in ["/api/assistenza", "/api/prenota/bozza", "/api/operatori/casi/fascicolo", "/api/operatori/io"] {
            let posted = app.client.post(app.url(path)).header("origin", &app.address)
                .form(&[("id", "1")]).send().await.unwrap();
            assert_eq!(posted.status(), 404, "POST {path}");
            assert_eq!(app.get(path).await.status(), 404, "GET {path}");
        }
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

on_both_databases! {
    /// The server's log (what production writes, read here as written) names routes, never what
    /// a family typed or what opens their data: through a booking, its private link, and a case
    /// file read and written by its social worker.
    async fn the_log_holds_no_personal_data(app: TestApp) {
        let typed = [
            ("sede", "segretariato-sociale"), ("argomento", "figli-e-famiglia"), ("giorno", "2026-03-03"), ("ora", "09:30"),
            ("nome", "Annalisa"), ("cognome", "Rossellini"), ("email", "annalisa.rossellini@example.it"),
            ("telefono", "333 987 6543"), ("codice_fiscale", "RSSNNA80A41F205O"), ("lingua", "it"), ("accessibilita", ""),
            ("motivo", "Mio figlio piange sempre"), ("privacy", "si"),
        ];
        let details = app.post_form("/prenota", &typed).await;
        assert_eq!(details.status(), 303);
        let summary = details.headers()["location"].to_str().unwrap().to_owned();
        let draft = summary.rsplit('=').next().unwrap().to_owned();
        assert_eq!(app.get(&summary).await.status(), 200);
        assert_eq!(app.post_form("/prenota/riepilogo", &[("bozza", &draft)]).await.status(), 303);
        let email = app.wait_for_emails(1).await.remove(0).replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
        let start = email.find("/prenota/gestisci?t=").expect("the private link");
        let link: String = email[start..].chars().take_while(|c| !c.is_whitespace()).collect();
        let token = link.rsplit('=').next().unwrap().to_owned();
        assert_eq!(app.get(&link).await.status(), 200);

        let request = crate::cases::mandate_in_queue(&app).await;
        let worker = crate::staff::demo_browser(&app, "assistente").await;
        let case = crate::cases::taken_by(&app, &worker, request).await;
        let file = app.get_as(&worker, &format!("/operatori/casi/fascicolo?id={case}")).await;
        assert_eq!(file.status(), 200);
        let note = app
            .post_form_as(&worker, "/operatori/casi/nota", &[
                ("caso", &case.to_string()), ("tipo", "telefonata"), ("data", "2026-03-02"), ("testo", "Telefonata riservata con la madre."),
            ])
            .await;
        assert_eq!(note.status(), 303);

        let log = crate::harness::server_log();
        for route in ["route=/prenota ", "route=/prenota/riepilogo ", "route=/operatori/casi/fascicolo ", "route=/operatori/casi/nota "] {
            assert!(log.contains(route), "the log has the requests ({route}): {log}");
        }
        let secrets = [
            "Annalisa", "Rossellini", "annalisa.rossellini", "333 987 6543", "3339876543", "RSSNNA80A41F205O", "piange",
            draft.as_str(), token.as_str(), "Fontana", "Giulia", "Marco", "Telefonata riservata", "bozza=", "?t=", "?id=",
        ];
        for secret in secrets {
            assert!(!log.contains(secret), "the log holds {secret}:\n{log}");
        }
    }
}
