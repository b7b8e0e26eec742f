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
