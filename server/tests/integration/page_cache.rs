//! The public pages are served from a cache (`server::page_cache`), and it never shows what is no
//! longer true: a booking shows in the month view at once, a published edit shows at once, the
//! "aperto ora" badge changes at closing time, and a change made on another server shows there too.

use reqwest::StatusCode;

use crate::on_both_databases;
use crate::staff::{admin_browser, between, location};

const MONTH: &str = "/prenota?sede=segretariato-sociale&argomento=figli-e-famiglia";
const TUESDAY: &str = "/prenota?sede=segretariato-sociale&argomento=figli-e-famiglia&giorno=2026-03-03";

/// What the month view says of Tuesday 3 March 2026, e.g. "12 orari liberi".
async fn tuesday_in_month_view(base: &str) -> String {
    let page = get_text(base, MONTH).await;
    between(&page, "aria-label=\"martedì 3 marzo 2026, ", "\"").to_owned()
}

async fn get_text(base: &str, path: &str) -> String {
    let answer = crate::harness::browser()
        .get(format!("{base}{path}"))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::OK, "{path}");
    answer.text().await.unwrap().replace("<!>", "")
}

/// Books the 9:30 slot of Tuesday 3 March through the server at `base`, as `given_name`.
async fn book_nine_thirty(base: &str, given_name: &str) {
    let email = format!("{}@example.it", given_name.to_lowercase());
    let client = crate::harness::browser();
    let post = |path: &'static str, fields: Vec<(&'static str, String)>| {
        client
            .post(format!("{base}{path}"))
            .header("origin", base)
            .header("sec-fetch-site", "same-origin")
            .form(&fields)
            .send()
    };
    let details = post(
        "/prenota",
        vec![
            ("sede", "segretariato-sociale".into()),
            ("argomento", "figli-e-famiglia".into()),
            ("giorno", "2026-03-03".into()),
            ("ora", "09:30".into()),
            ("nome", given_name.into()),
            ("cognome", "Bianchi".into()),
            ("email", email),
            ("telefono", String::new()),
            ("codice_fiscale", String::new()),
            ("lingua", "it".into()),
            ("accessibilita", String::new()),
            ("motivo", String::new()),
            ("privacy", "si".into()),
        ],
    )
    .await
    .unwrap();
    assert_eq!(details.status(), StatusCode::SEE_OTHER);
    let draft = location(&details).rsplit('=').next().unwrap().to_owned();
    let confirmed = post("/prenota/riepilogo", vec![("bozza", draft)]).await.unwrap();
    assert_eq!(confirmed.status(), StatusCode::SEE_OTHER);
    assert!(location(&confirmed).starts_with("/prenota/confermata"));
}

on_both_databases! {
    async fn a_new_booking_shows_in_the_month_view_and_the_times_at_once(app: TestApp) {
        let base = app.url("");
        let before = tuesday_in_month_view(&base).await;
        let free: u32 = before.split(' ').next().unwrap().parse().unwrap();
        for _ in 0..2 {
            // The second answer comes from the cache, and is the same.
            assert!(get_text(&base, TUESDAY).await.contains("dalle 9:30 alle 10:00 (2 posti liberi)"));
            assert_eq!(tuesday_in_month_view(&base).await, before);
        }

        book_nine_thirty(&base, "Carla").await;
        assert!(get_text(&base, TUESDAY).await.contains("dalle 9:30 alle 10:00 (1 posto libero)"));
        assert_eq!(tuesday_in_month_view(&base).await, before, "one seat is still free at 9:30");

        book_nine_thirty(&base, "Dario").await;
        assert!(!get_text(&base, TUESDAY).await.contains("dalle 9:30 alle 10:00"), "9:30 is full");
        assert_eq!(tuesday_in_month_view(&base).await, format!("{} orari liberi", free - 1));
    }
}

on_both_databases! {
    async fn a_published_service_page_shows_at_once(app: TestApp) {
        let (admin, _) = admin_browser(&app).await;
        let base = app.url("");
        for _ in 0..2 {
            assert!(get_text(&base, "/servizi/affido-familiare").await.contains("Se sei un genitore in difficoltà"));
        }
        let fields = crate::catalogue_editor::affido_form(&app, &admin, &[("sommario", "Un sommario appena pubblicato"), ("azione", "pubblica")]).await;
        let published = crate::catalogue_editor::send(&app, &admin, &fields).await;
        assert_eq!(published.status(), StatusCode::SEE_OTHER);
        assert!(get_text(&base, "/servizi/affido-familiare").await.contains("Un sommario appena pubblicato"));
        assert!(get_text(&base, "/servizi").await.contains("Un sommario appena pubblicato"), "the list too");
    }
}

on_both_databases! {
    async fn the_open_now_badge_changes_at_closing_time_on_a_cached_page(app: TestApp) {
        let at = |h, m| {
            use chrono::TimeZone;
            chrono_tz::Europe::Rome.with_ymd_and_hms(2026, 3, 2, h, m, 59).unwrap().with_timezone(&chrono::Utc)
        };
        let base = app.url("");
        app.clock.set(at(12, 29));
        for _ in 0..2 {
            assert!(get_text(&base, "/").await.contains("Aperto ora, fino alle 12:30"));
        }
        // One second later it is 12:30:00, closing time.
        app.clock.advance(chrono::Duration::seconds(1));
        let home = get_text(&base, "/").await;
        assert!(home.contains("Chiuso ora. Riapre oggi alle 14:30") && !home.contains("Aperto ora"));
    }
}

on_both_databases! {
    /// Each answer has its own Content-Security-Policy nonce, cached page or not, and the nonce in
    /// the page is the one in the header (or the hydration script would be refused).
    async fn a_cached_page_carries_this_answers_own_nonce(app: TestApp) {
        let mut nonces = Vec::new();
        for _ in 0..3 {
            let answer = app.get("/servizi").await;
            let policy = answer.headers()["content-security-policy"].to_str().unwrap().to_owned();
            let nonce = between(&policy, "'nonce-", "'").to_owned();
            let page = answer.text().await.unwrap();
            assert!(page.contains(&format!("nonce=\"{nonce}\"")), "the page's nonce is the header's");
            nonces.push(nonce);
        }
        nonces.sort();
        nonces.dedup();
        assert_eq!(nonces.len(), 3, "never the same nonce twice");
    }
}

on_both_databases! {
    /// Several servers share one PostgreSQL database: a booking made on one shows on the other's
    /// cached month view as soon as its notification arrives. (Several servers need PostgreSQL;
    /// on SQLite this test has nothing to check.)
    async fn a_booking_on_another_server_shows_on_this_ones_month_view(app: TestApp) {
        if app.backend != crate::harness::Backend::Postgres {
            return;
        }
        let here = app.url("");
        let there = app.start_another().await;
        let before = tuesday_in_month_view(&here).await;
        assert_eq!(tuesday_in_month_view(&here).await, before, "cached here");
        book_nine_thirty(&there, "Elena").await;
        book_nine_thirty(&there, "Fabio").await;
        let mut now = tuesday_in_month_view(&here).await;
        for _ in 0..50 {
            if now != before {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            now = tuesday_in_month_view(&here).await;
        }
        assert_ne!(now, before, "the other server's bookings show here within a second");
    }
}
