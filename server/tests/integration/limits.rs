//! Forms that cost something are limited per client address (`server/src/abuse.rs`): staff
//! sign-ins, assistance requests and page ratings (the booking forms' test is in `booking.rs`).
//! Failed sign-ins lock an account for one address only, so nobody locks a colleague out. A body
//! that stops arriving is given up, so nobody holds the server's connections by sending slowly.

use reqwest::StatusCode;

use crate::harness::TestApp;
use crate::on_both_databases;
use crate::staff::{LOCKED, WRONG};

/// Another server on the same database, behind a proxy on 127.0.0.1 that names each client.
async fn behind_a_proxy(app: &TestApp, adjust: impl FnOnce(&mut server::abuse::Limits)) -> String {
    let mut settings = app.settings.clone();
    adjust(&mut settings.submission_limits);
    settings.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    crate::harness::start_server(settings, app.clock.clone())
        .await
        .unwrap()
        .0
}

/// Posts a form to `base` from the client `from` (as the proxy names it).
async fn post_from(base: &str, from: &str, path: &str, fields: &[(&str, &str)]) -> (StatusCode, String) {
    let answer = crate::harness::browser()
        .post(format!("{base}{path}"))
        .header("origin", base)
        .header("x-forwarded-for", from)
        .form(fields)
        .send()
        .await
        .unwrap();
    (answer.status(), answer.text().await.unwrap())
}

async fn sign_in_from(base: &str, from: &str, user: &str, password: &str) -> (StatusCode, String) {
    post_from(
        base,
        from,
        "/operatori",
        &[("utente", user), ("password", password), ("codice_totp", "")],
    )
    .await
}

on_both_databases! {
    /// Failing on purpose locks the account only from the address that failed: its owner, from
    /// their own desk, still signs in.
    async fn failed_sign_ins_lock_an_account_for_one_address_only(app: TestApp) {
        let base = behind_a_proxy(&app, |_| {}).await;
        for i in 0..7 {
            let (status, page) = sign_in_from(&base, "203.0.113.66", "sportello", &format!("sbagliata-{i}")).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
            assert_eq!(page.contains(LOCKED), i == 6, "attempt {i}");
        }
        let (status, page) = sign_in_from(&base, "203.0.113.66", "sportello", "prova-sportello-2026").await;
        assert!(status == StatusCode::UNPROCESSABLE_ENTITY && page.contains(LOCKED), "locked from there");
        let (status, _) = sign_in_from(&base, "198.51.100.20", "sportello", "prova-sportello-2026").await;
        assert_eq!(status, StatusCode::SEE_OTHER, "the owner signs in from elsewhere");
    }
}

on_both_databases! {
    /// One address cannot try a password on account after account: past the allowance it is
    /// asked to wait, whatever the account; another address is not.
    async fn sign_in_attempts_are_limited_per_address(app: TestApp) {
        let base = behind_a_proxy(&app, |limits| limits.sign_ins_per_minute = 5).await;
        for user in ["anna", "bruno", "carla", "dario", "elena"] {
            let (status, page) = sign_in_from(&base, "203.0.113.7", user, "Primavera2026!").await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
            assert!(page.contains(WRONG));
        }
        let (status, page) = sign_in_from(&base, "203.0.113.7", "sportello", "prova-sportello-2026").await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
        assert!(page.contains("troppi tentativi di accesso") && page.contains("Aspetta un minuto"), "{page}");
        let (status, _) = sign_in_from(&base, "198.51.100.8", "sportello", "prova-sportello-2026").await;
        assert_eq!(status, StatusCode::SEE_OTHER, "another address is not affected");
    }
}

on_both_databases! {
    /// Each assistance request sends an email, and each rating is stored: one address sends only
    /// a few of them an hour. Pages are never limited.
    async fn assistance_requests_and_ratings_are_limited_per_address(app: TestApp) {
        let base = behind_a_proxy(&app, |limits| {
            limits.assistance_per_hour = 2;
            limits.ratings_per_hour = 3;
        })
        .await;
        let request = [
            ("nome", "Giulia"), ("cognome", "Rossi"), ("email", "giulia.rossi@example.it"), ("categoria", "servizi"),
            ("messaggio", "Vorrei sapere come funziona il centro diurno."), ("privacy", "si"),
        ];
        for _ in 0..2 {
            assert_eq!(post_from(&base, "203.0.113.9", "/assistenza", &request).await.0, StatusCode::SEE_OTHER);
        }
        let emails = app.count("email_outbox").await;
        let (status, page) = post_from(&base, "203.0.113.9", "/assistenza", &request).await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
        assert!(page.contains("troppe richieste di assistenza") && page.contains("112"), "{page}");
        assert_eq!(app.count("email_outbox").await, emails, "no email for a refused request");
        assert_eq!(post_from(&base, "198.51.100.9", "/assistenza", &request).await.0, StatusCode::SEE_OTHER);

        let rating = [("pagina", "/servizi"), ("voto", "5"), ("commento", "")];
        for _ in 0..3 {
            assert_eq!(post_from(&base, "203.0.113.9", "/valutazione", &rating).await.0, StatusCode::SEE_OTHER);
        }
        let ratings = app.count("page_feedback").await;
        assert_eq!(post_from(&base, "203.0.113.9", "/valutazione", &rating).await.0, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(app.count("page_feedback").await, ratings);
        let page = crate::harness::browser().get(format!("{base}/assistenza")).send().await.unwrap();
        assert_eq!(page.status(), StatusCode::OK);
    }
}

on_both_databases! {
    /// A client starts sending a form and stops (a connection lost on the way, or someone holding
    /// the server's connections on purpose): after `SPORTELLO_BODY_IDLE_SECONDS` the server answers
    /// 408 with a sentence, closes the connection and saves nothing; a form sent whole goes through.
    async fn a_body_that_stops_arriving_is_given_up(app: TestApp, settings = |s| s.body_idle = std::time::Duration::from_secs(1)) {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let fields = [("nome", "Giulia"), ("cognome", "Neri"), ("email", "giulia.neri@example.it"),
            ("categoria", "servizi"), ("messaggio", "Vorrei sapere come funziona l'affido."), ("privacy", "si")];
        let body = serde_urlencoded::to_string(fields).unwrap();
        let host = app.address.trim_start_matches("http://");
        let mut stream = tokio::net::TcpStream::connect(host).await.unwrap();
        let head = format!(
            "POST /assistenza HTTP/1.1\r\nHost: {host}\r\nOrigin: {}\r\nSec-Fetch-Site: same-origin\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{}",
            app.address,
            body.len(),
            &body[..20]
        );
        stream.write_all(head.as_bytes()).await.unwrap();
        let started = std::time::Instant::now();
        let mut answer = String::new();
        tokio::time::timeout(std::time::Duration::from_secs(10), stream.read_to_string(&mut answer))
            .await
            .expect("answered and closed, not left hanging")
            .unwrap();
        assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
        assert!(answer.contains("smesso di arrivare"), "{answer}");
        assert!(started.elapsed() >= std::time::Duration::from_millis(900), "after the idle time, not before");
        assert_eq!(app.count("email_outbox").await, 0, "nothing saved");

        let whole = app.post_form("/assistenza", &fields).await;
        assert_eq!(whole.status(), StatusCode::SEE_OTHER);
    }
}
