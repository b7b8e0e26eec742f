//! The coordinator's dashboard: the queue, the court deadlines near, the workload, the closures
//! to approve and the weeks' arrivals and closings; only for the units one coordinates.

use app::clock::Clock;
use reqwest::StatusCode;

use crate::cases::{mandate_in_queue, post, taken_by, text_of};
use crate::on_both_databases;
use crate::staff::demo_browser;

on_both_databases! {
    async fn the_coordinator_sees_queue_deadlines_workload_and_weeks(app: TestApp) {
        let first = mandate_in_queue(&app).await;
        let waiting = mandate_in_queue(&app).await;
        let closing = mandate_in_queue(&app).await;
        // Both first and waiting arrived on Sunday 1 March, in the week of 23 February.
        app::on_db!(&app.db, pool => {
            // The mandate still waiting is due soon.
            sqlx::query("UPDATE requests SET report_due_on = $1 WHERE id = $2")
                .bind(chrono::NaiveDate::from_ymd_opt(2026, 3, 12).unwrap()).bind(waiting).execute(pool).await.unwrap();
            for request in [first, waiting] {
                sqlx::query("INSERT INTO request_events (request_id, at, kind, to_unit_id) SELECT id, created_at, 'creata', unit_id FROM requests WHERE id = $1")
                    .bind(request).execute(pool).await.unwrap();
            }
        });
        let worker = demo_browser(&app, "assistente").await;
        let case = taken_by(&app, &worker, first).await;
        let closed = taken_by(&app, &worker, closing).await;
        let (status, ..) = post(&app, &worker, "/operatori/casi/relazione", &[("caso", &case.to_string()), ("scadenza_relazione", "2026-03-10"), ("mandato_relazione", "")]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        app::on_db!(&app.db, pool => {
            sqlx::query("UPDATE cases SET closed_at = $1 WHERE id = $2").bind(app.clock.now()).bind(closed).execute(pool).await.unwrap();
            sqlx::query("UPDATE requests SET state = 'chiusa' WHERE case_id = $1").bind(closed).execute(pool).await.unwrap();
        });

        let coordinator = demo_browser(&app, "coordinatrice").await;
        let (status, page) = text_of(&app, &coordinator, "/operatori/cruscotto").await;
        assert_eq!(status, StatusCode::OK);
        let page = page.replace("<!>", "");
        for expected in [
            "Cruscotto: Servizio Minori e Famiglia",
            "Richieste in attesa: 1",
            "Di cui urgenti: 0",
            "La più vecchia aspetta da un giorno.",
            "martedì 10 marzo 2026",
            &format!("Caso n. {case}</a>"),
            &format!("Richiesta n. {waiting} (ancora in coda)"),
            "<th scope=\"row\">Andrea Assistente</th><td>1</td><td>0</td><td>1</td>",
            "<th scope=\"row\">dal 23 febbraio</th><td>2</td><td>0</td>",
            "<th scope=\"row\">dal 2 marzo</th><td>0</td><td>1</td>",
            "role=\"img\"",
            "sono arrivate 2 richieste e sono stati chiusi 1 casi",
        ] {
            assert!(page.contains(expected), "{expected} on the dashboard");
        }
        assert!(!page.contains("15 maggio"), "deadlines beyond the window wait");

        // Only coordinators, and only of their units.
        assert_eq!(text_of(&app, &worker, "/operatori/cruscotto").await.0, StatusCode::FORBIDDEN);
        let welfare: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT id FROM units WHERE code = 'welfare_generativo'").fetch_one(pool).await.unwrap());
        assert_eq!(text_of(&app, &coordinator, &format!("/operatori/cruscotto?unita={welfare}")).await.0, StatusCode::FORBIDDEN);
    }
}
