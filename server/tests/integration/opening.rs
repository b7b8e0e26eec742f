//! "Aperto ora / prossima apertura" on the home page, computed from the database and the server's
//! clock: it changes at closing time, and knows holidays, closures and the patron saint.

use chrono::{NaiveDate, TimeZone, Utc};

use crate::harness::TestApp;
use crate::on_both_databases;

/// The badge of the phone line on the home page (the first badge of the page).
async fn phone_line_badge(app: &TestApp) -> String {
    let html = app.get("/").await.text().await.unwrap();
    let start = html.find("class=\"stato-apertura").expect("a badge");
    let badge = &html[start..];
    let text = &badge[badge.find('>').unwrap() + 1..];
    text[..text.find("</p>").unwrap()].to_owned()
}

fn rome(y: i32, m: u32, d: u32, h: u32, min: u32) -> chrono::DateTime<Utc> {
    chrono_tz::Europe::Rome
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .unwrap()
        .with_timezone(&Utc)
}

on_both_databases! {
    async fn the_badge_follows_the_clock_through_the_day(app: TestApp) {
        app.clock.set(rome(2026, 3, 2, 9, 0));
        assert_eq!(phone_line_badge(&app).await, "Chiuso ora. Riapre oggi alle 9:30");
        app.clock.set(rome(2026, 3, 2, 12, 29));
        assert_eq!(phone_line_badge(&app).await, "Aperto ora, fino alle 12:30");
        app.clock.set(rome(2026, 3, 2, 12, 30));
        assert_eq!(phone_line_badge(&app).await, "Chiuso ora. Riapre oggi alle 14:30", "closes at 12:30 sharp");
        app.clock.set(rome(2026, 3, 6, 13, 0));
        assert_eq!(phone_line_badge(&app).await, "Chiuso ora. Riapre lunedì 9 marzo alle 9:30");
    }
}

on_both_databases! {
    async fn holidays_closures_and_the_patron_saint_close_the_line(app: TestApp) {
        app.clock.set(rome(2026, 4, 6, 10, 0));
        assert_eq!(phone_line_badge(&app).await, "Chiuso oggi (Lunedì dell'Angelo). Riapre domani alle 9:30");

        app.clock.set(rome(2026, 3, 2, 10, 0));
        let (from, to) = (NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), NaiveDate::from_ymd_opt(2026, 3, 3).unwrap());
        app::on_db!(&app.db, pool => {
            sqlx::query("INSERT INTO closures (office_id, starts_on, ends_on, reason, created_at) VALUES (NULL, $1, $2, $3, $4)")
                .bind(from).bind(to).bind("lavori di manutenzione").bind(Utc::now())
                .execute(pool).await.unwrap();
        });
        app.pages.forget_all();
        assert_eq!(
            phone_line_badge(&app).await,
            "Chiuso oggi (lavori di manutenzione). Riapre mercoledì 4 marzo alle 9:30"
        );

        app.execute("DELETE FROM closures").await;
        app.execute("UPDATE organisation SET patron_name = 'Santo Patrono', patron_month = 3, patron_day = 2").await;
        assert_eq!(phone_line_badge(&app).await, "Chiuso oggi (Santo Patrono). Riapre domani alle 9:30");
    }
}

on_both_databases! {
    async fn every_office_has_its_badge(app: TestApp) {
        app.clock.set(rome(2026, 3, 2, 10, 0));
        let html = app.get("/").await.text().await.unwrap();
        assert_eq!(html.matches("class=\"stato-apertura aperto\"").count(), 2, "the phone line and the office");
        assert!(html.contains("href=\"tel:0266023549\""));
    }
}
