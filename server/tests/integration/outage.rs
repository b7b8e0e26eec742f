//! The database goes away under a signed-in person: the answer is the site's "temporarily
//! unavailable" page with the request id (never a bare 500), and the back office works again,
//! still signed in, as soon as the database is back.

use reqwest::StatusCode;

use crate::harness::server_log;
use crate::on_both_databases;
use crate::staff::demo_browser;

on_both_databases! {
    async fn a_session_the_database_cannot_serve_answers_503_with_the_request_id(app: TestApp) {
        let desk = demo_browser(&app, "sportello").await;
        assert_eq!(app.get_as(&desk, "/operatori").await.status(), StatusCode::OK);
        // Past the half minute after which a visit is noted in the session: the session is read
        // and written on this request.
        app.clock.advance(chrono::Duration::seconds(31));

        let outage = app.database_outage().await;
        let answer = app.get_as(&desk, "/operatori").await;
        assert_eq!(answer.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(answer.headers()["retry-after"], "30");
        let request_id = answer.headers()["x-request-id"].to_str().unwrap().to_owned();
        let page = answer.text().await.unwrap();
        assert!(page.contains("Il servizio non è raggiungibile in questo momento"), "{page}");
        assert!(page.contains(&format!("<code>{request_id}</code>")), "the page shows its request id: {page}");
        let logged = server_log();
        assert!(
            logged.lines().any(|line| line.contains(&request_id)
                && (line.contains("session store failed") || line.contains("database unavailable"))),
            "the cause is logged with the request id"
        );
        outage.end().await;

        let again = app.get_as(&desk, "/operatori").await;
        assert_eq!(again.status(), StatusCode::OK, "back as soon as the database is");
        assert!(again.text().await.unwrap().contains("Esci"), "still signed in");
    }
}

on_both_databases! {
    /// A statement stuck behind a lock another program holds (a long maintenance, a forgotten
    /// transaction) is given up at its time limit: the person is told to try again (503), the request
    /// ends, nothing half-written stays, and the same form goes through once the lock is gone.
    async fn a_stuck_statement_is_given_up_with_a_503_not_a_request_that_never_ends(app: TestApp, settings = |s| {
        s.database_timeouts = server::database::Timeouts {
            acquire: std::time::Duration::from_secs(2),
            statement: std::time::Duration::from_secs(1),
        };
    }) {
        let fields = [("nome", "Giulia"), ("cognome", "Neri"), ("email", "giulia.neri@example.it"),
            ("categoria", "servizi"), ("messaggio", "Vorrei sapere come funziona l'affido."), ("privacy", "si")];
        // The lock: on SQLite the write lock of the whole file, on PostgreSQL the outbox table,
        // which the form writes to.
        let held = match &app.db {
            app::db::Db::Sqlite(pool) => {
                let tx = pool.begin_with("BEGIN IMMEDIATE").await.unwrap();
                Held::Sqlite(tx)
            }
            app::db::Db::Postgres(pool) => {
                let mut tx = pool.begin().await.unwrap();
                sqlx::query("LOCK TABLE email_outbox IN ACCESS EXCLUSIVE MODE").execute(&mut *tx).await.unwrap();
                Held::Postgres(tx)
            }
        };
        // Far longer than the limit: a request that waited on would fail here, not hang the test.
        // Sent from the English page: the sentence comes in English.
        let answer = app.client.post(app.url("/en/assistenza"))
            .header("origin", &app.address)
            .header("sec-fetch-site", "same-origin")
            .timeout(std::time::Duration::from_secs(30))
            .form(&fields)
            .send()
            .await
            .expect("an answer within the statement's limit");
        let status = answer.status();
        let request_id = answer.headers()["x-request-id"].to_str().unwrap().to_owned();
        let page = answer.text().await.unwrap();
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{}", server_log());
        assert!(page.contains("The service cannot be reached right now"), "{page}");
        assert!(page.contains("Vorrei sapere come funziona"), "what was typed is kept");
        assert!(page.contains(&format!("give the office this code: {request_id}")), "with the request id: {page}");
        held.release().await;

        assert_eq!(app.count("email_outbox").await, 0, "nothing half-written");
        let again = app.post_form("/en/assistenza", &fields).await;
        assert_eq!(again.status(), StatusCode::SEE_OTHER, "through once the lock is gone");
        assert_eq!(app.count("email_outbox").await, 1, "one email, not two");
    }
}

/// A lock the test holds on the database, as another program would.
enum Held {
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>),
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
}

impl Held {
    async fn release(self) {
        match self {
            Held::Sqlite(tx) => tx.rollback().await.unwrap(),
            Held::Postgres(tx) => tx.rollback().await.unwrap(),
        }
    }
}
