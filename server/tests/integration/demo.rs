//! `--demo`'s working day: every demonstration account finds work on its pages, the work was done
//! through the product's own functions (the audit trail shows each step by its author), and a
//! restart adds nothing. Without `--demo` there is none of it.

use reqwest::StatusCode;

use crate::harness::TestApp;
use crate::on_both_databases;
use crate::staff::demo_browser;

async fn count(app: &TestApp, sql: &str) -> i64 {
    app::on_db!(&app.db, pool => sqlx::query_scalar::<_, i64>(sql).fetch_one(pool).await.unwrap())
}

on_both_databases! {
    async fn the_demo_day_gives_every_account_work_and_is_made_once(app: TestApp, settings = |s| s.demo_day = true) {
        // Bookings through the booking flow, arrivals and a no-show marked by the desk, requests
        // registered by the desk in both units' queues (one urgent, one court mandate), cases
        // taken by the social worker, with notes; all of it in the audit trail.
        assert!(count(&app, "SELECT COUNT(*) FROM bookings WHERE given_name IS NOT NULL").await >= 12);
        assert!(count(&app, "SELECT COUNT(*) FROM bookings WHERE email LIKE '%@esempio.invalid'").await >= 3);
        // Their confirmations cannot be delivered: the mail worker gives them up as it starts.
        let mut waited = 0;
        while count(&app, "SELECT COUNT(*) FROM email_outbox WHERE status = 'failed'").await < 3 {
            assert!(waited < 100, "the demo's undeliverable emails were not given up");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            waited += 1;
        }
        assert!(count(&app, "SELECT COUNT(*) FROM bookings WHERE visit_state = 'concluso' AND outcome = 'presa_in_carico'").await >= 10, "interviews held and registered");
        assert_eq!(count(&app, "SELECT COUNT(*) FROM bookings WHERE visit_state = 'assente'").await, 1);
        assert!(count(&app, "SELECT COUNT(*) FROM bookings WHERE starts_at > (SELECT MAX(at) FROM audit_log WHERE action = 'agenda.stato') AND status = 'confermata'").await >= 1, "appointments still to come");
        assert!(count(&app, "SELECT COUNT(*) FROM requests WHERE state = 'in_coda' AND unit_id = (SELECT id FROM units WHERE code = 'minori')").await >= 2);
        assert!(count(&app, "SELECT COUNT(*) FROM requests WHERE state = 'in_coda' AND unit_id = (SELECT id FROM units WHERE code = 'welfare_generativo')").await >= 1);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM requests WHERE state = 'in_coda' AND urgency = 'urgente'").await, 1);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM requests WHERE origin = 'mandato' AND state = 'in_coda'").await, 1, "a decree waits");
        assert_eq!(count(&app, "SELECT COUNT(*) FROM requests WHERE origin = 'mandato' AND case_id IS NOT NULL").await, 1, "a decree is followed");
        assert!(count(&app, "SELECT COUNT(*) FROM cases").await >= 4);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM help_plans WHERE state = 'attivo'").await, 1, "a help plan under way");
        assert_eq!(count(&app, "SELECT COUNT(*) FROM cases WHERE closed_at IS NOT NULL").await, 2, "closures approved");
        assert_eq!(count(&app, "SELECT COUNT(*) FROM cases WHERE closure_requested_at IS NOT NULL AND closed_at IS NULL").await, 1, "a closure to approve");
        assert_eq!(count(&app, "SELECT COUNT(*) FROM page_feedback").await, 4, "pages rated");
        for (action, by) in [
            ("agenda.stato", "sportello"),
            ("richieste.crea", "sportello"),
            ("coda.prendi", "assistente"),
            ("caso.nota", "assistente"),
            ("progetto.passo", "assistente"),
            ("caso.chiusura_approvata", "coordinatrice"),
        ] {
            let sql = format!(
                "SELECT COUNT(*) FROM audit_log a JOIN staff_users u ON u.id = a.actor_id WHERE a.action = '{action}' AND u.username = '{by}'"
            );
            assert!(count(&app, &sql).await > 0, "{action} by {by} is in the trail");
        }
        app.assert_trail_intact().await;

        // Each account's pages show it.
        let desk = demo_browser(&app, "sportello").await;
        let home = app.get_as(&desk, "/operatori").await.text().await.unwrap();
        assert!(home.contains("Inventata") || home.contains("Fittizio") || home.contains("Esempio") || home.contains("Immaginario") || home.contains("Prova") || home.contains("Campione"), "the desk's agenda has families");
        let worker = demo_browser(&app, "assistente").await;
        let home = app.get_as(&worker, "/operatori").await.text().await.unwrap();
        assert!(home.contains("Caso n. "), "the report due is on the social worker's home: {home}");
        let cases = app.get_as(&worker, "/operatori/casi").await;
        assert_eq!(cases.status(), StatusCode::OK);
        assert!(cases.text().await.unwrap().contains("Inventata"), "the social worker has cases");
        let coordinator = demo_browser(&app, "coordinatrice").await;
        let dashboard = app.get_as(&coordinator, "/operatori/cruscotto").await.text().await.unwrap();
        assert!(dashboard.contains("Di cui urgenti: 1"), "the dashboard counts the urgent request");

        // A restart with --demo adds nothing.
        let before = (count(&app, "SELECT COUNT(*) FROM bookings").await, count(&app, "SELECT COUNT(*) FROM requests").await);
        app.start_another().await;
        let after = (count(&app, "SELECT COUNT(*) FROM bookings").await, count(&app, "SELECT COUNT(*) FROM requests").await);
        assert_eq!(before, after);
    }
}

on_both_databases! {
    async fn without_demo_there_is_no_demo_day(app: TestApp) {
        assert_eq!(count(&app, "SELECT COUNT(*) FROM bookings").await, 0);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM requests").await, 0);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM persons").await, 0);
    }
}
