//! Administering offices: booking rules, weekly hours and closures, and what a closure or fewer
//! places do to the appointments already booked.

use reqwest::StatusCode;

use crate::harness::TestApp;
use crate::on_both_databases;
use crate::staff::{admin_browser, location};

/// A booking of the seeded office at `starts_at` (UTC), written as raw SQL, as if booked earlier.
async fn booking(
    app: &TestApp,
    code: &str,
    starts_at: &str,
    email: Option<&str>,
    phone: Option<&str>,
    created_at: &str,
) {
    let starts = chrono::DateTime::parse_from_rfc3339(starts_at)
        .unwrap()
        .with_timezone(&chrono::Utc);
    app::on_db!(&app.db, pool => {
        sqlx::query(
            "INSERT INTO bookings (code, office_id, topic_id, starts_at, ends_at, given_name, family_name, email, phone,
                                   manage_token_hash, idempotency_key, created_at)
             VALUES ($1, (SELECT id FROM offices WHERE slug = 'segretariato-sociale'),
                     (SELECT id FROM booking_topics WHERE slug = 'non-so'),
                     $2, $6, 'Anna', 'Rossi', $3, $4, 'hash-' || $1, 'key-' || $1, $5)",
        )
        .bind(code)
        .bind(starts)
        .bind(email)
        .bind(phone)
        .bind(chrono::DateTime::parse_from_rfc3339(created_at).unwrap().with_timezone(&chrono::Utc))
        .bind(starts + chrono::Duration::minutes(30))
        .execute(pool)
        .await
        .unwrap();
    });
}

async fn status_of(app: &TestApp, code: &str) -> (String, Option<String>) {
    app::on_db!(&app.db, pool => sqlx::query_as("SELECT status, cancel_reason FROM bookings WHERE code = $1")
        .bind(code)
        .fetch_one(pool)
        .await
        .unwrap())
}

async fn office_id(app: &TestApp) -> String {
    let id: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT id FROM offices WHERE slug = 'segretariato-sociale'")
        .fetch_one(pool)
        .await
        .unwrap());
    id.to_string()
}

on_both_databases! {
    /// A closure over booked days lists the appointments first; confirmed, it cancels them, emails
    /// each person a link to book again and lists who must be phoned.
    async fn a_closure_cancels_the_appointments_of_its_days_after_showing_them(app: TestApp) {
        // Wednesday 4 March at 9:30 and Thursday 5 at 10:00 (Rome); Friday 6 stays outside.
        booking(&app, "CHIUSA01", "2026-03-04T08:30:00Z", Some("anna@example.it"), None, "2026-02-20T09:00:00Z").await;
        booking(&app, "CHIUSA02", "2026-03-05T09:00:00Z", None, Some("333 123 4567"), "2026-02-20T09:00:00Z").await;
        booking(&app, "APERTA03", "2026-03-06T08:30:00Z", Some("bruno@example.it"), None, "2026-02-20T09:00:00Z").await;
        let (admin, _) = admin_browser(&app).await;
        let sede = office_id(&app).await;
        let page = app.get_as(&admin, "/operatori/sedi").await.text().await.unwrap();
        assert!(page.contains("Regole delle prenotazioni") && page.contains("Nessuna chiusura in programma"));

        // Mistakes are explained next to their fields and change nothing.
        let wrong = app
            .get_as(&admin, &format!("/operatori/sedi?sede={sede}&dal=2026-03-01&al=2026-02-28&motivo="))
            .await
            .text()
            .await
            .unwrap();
        assert!(wrong.contains("non può cominciare nel passato"));
        assert!(wrong.contains("non può venire prima del primo"));
        assert!(wrong.contains("Scrivi il motivo della chiusura"));
        assert!(wrong.contains("value=\"2026-02-28\""), "what was typed stays");
        assert!(!wrong.contains("Prima di confermare"));

        let check = app
            .get_as(&admin, &format!("/operatori/sedi?sede={sede}&dal=2026-03-04&al=2026-03-05&motivo=Disinfestazione"))
            .await;
        let request_id = check.headers()["x-request-id"].to_str().unwrap().to_owned();
        let check = check.text().await.unwrap();
        assert!(check.contains("2 appuntamenti cadono in questi giorni"), "{check}");
        assert!(check.contains("CHIUSA01") && check.contains("CHIUSA02") && !check.contains("APERTA03"));
        assert!(check.contains("Email automatica a anna@example.it") && check.contains("Telefono 333 123 4567"));
        let shown: String = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT record_ids FROM audit_log WHERE request_id = $1")
            .bind(&request_id)
            .fetch_one(pool)
            .await
            .unwrap());
        assert_eq!(shown.split(',').count(), 2, "the check records the appointments it showed");
        assert_eq!(status_of(&app, "CHIUSA01").await.0, "confermata", "checking changes nothing");

        let fields = |shown: &'static str| {
            [
                ("sede", sede.clone()),
                ("dal", "2026-03-04".to_owned()),
                ("al", "2026-03-05".to_owned()),
                ("motivo", "Disinfestazione".to_owned()),
                ("previsti", shown.to_owned()),
            ]
        };
        // A confirmation for a list that has changed since (here: one shown, two now) is refused.
        let stale: Vec<(&str, String)> = fields("1").to_vec();
        let stale: Vec<(&str, &str)> = stale.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let refused = app.post_form_as(&admin, "/operatori/sedi/chiusure", &stale).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let refused = refused.text().await.unwrap();
        assert!(refused.contains("Nel frattempo gli appuntamenti di quei giorni sono cambiati"));
        assert!(refused.contains("CHIUSA02"), "the list is shown again");
        assert_eq!(app.count("closures WHERE reason = 'Disinfestazione'").await, 0);

        let current: Vec<(&str, String)> = fields("2").to_vec();
        let current: Vec<(&str, &str)> = current.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let done = app.post_form_as(&admin, "/operatori/sedi/chiusure", &current).await;
        assert_eq!(done.status(), StatusCode::SEE_OTHER);
        let done = app.get_as(&admin, &location(&done)).await.text().await.unwrap();
        assert!(done.contains("Chiusura registrata. 2 appuntamenti sono stati annullati"));
        assert!(done.contains("Da avvisare per telefono") && done.contains("333 123 4567"));
        assert!(done.contains("Disinfestazione"));
        assert_eq!(status_of(&app, "CHIUSA01").await, ("annullata".to_owned(), Some("chiusura della sede".to_owned())));
        assert_eq!(status_of(&app, "CHIUSA02").await.0, "annullata");
        assert_eq!(status_of(&app, "APERTA03").await.0, "confermata");

        let emails = app.wait_for_emails(1).await;
        assert_eq!(emails.len(), 1, "one email: the other person left only a phone number");
        let email = emails[0].replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
        assert!(email.contains("anna@example.it") && email.contains("Disinfestazione"));
        assert!(email.contains("/prenota?sede=segretariato-sociale"), "a link to book again: {email}");

        // Citizens can no longer book those days; deleting the closure opens them again.
        let month = "/prenota?sede=segretariato-sociale&argomento=figli-e-famiglia";
        let days = app.get(month).await.text().await.unwrap();
        assert!(!days.contains("giorno=2026-03-04") && days.contains("giorno=2026-03-03"));
        let closure_id: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT id FROM closures WHERE reason = 'Disinfestazione'")
            .fetch_one(pool)
            .await
            .unwrap());
        let deleted = app
            .post_form_as(&admin, "/operatori/sedi/chiusure/elimina", &[("sede", &sede), ("id", &closure_id.to_string())])
            .await;
        assert_eq!(deleted.status(), StatusCode::SEE_OTHER);
        assert!(app.get(month).await.text().await.unwrap().contains("giorno=2026-03-04"));
        let again = app
            .post_form_as(&admin, "/operatori/sedi/chiusure/elimina", &[("sede", &sede), ("id", &closure_id.to_string())])
            .await;
        assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(again.text().await.unwrap().contains("non esiste più"));
    }
}

on_both_databases! {
    /// Fewer places per slot: the appointments booked last in a full slot are listed, then
    /// cancelled on confirmation; from then on the database holds the new number.
    async fn fewer_places_cancel_the_appointments_booked_last_once_confirmed(app: TestApp) {
        // The seeded office receives two people at once; both places of Wednesday 9:30 are taken.
        booking(&app, "PRIMA001", "2026-03-04T08:30:00Z", Some("anna@example.it"), None, "2026-02-20T09:00:00Z").await;
        booking(&app, "SECONDA2", "2026-03-04T08:30:00Z", Some("bruno@example.it"), None, "2026-02-21T09:00:00Z").await;
        let (admin, _) = admin_browser(&app).await;
        let sede = office_id(&app).await;
        let rules = |capacity: &'static str, confirm: &'static str| {
            vec![
                ("sede", sede.clone()),
                ("durata", "30".to_owned()),
                ("capienza", capacity.to_owned()),
                ("orizzonte", "60".to_owned()),
                ("preavviso", "24".to_owned()),
                ("limite", "24".to_owned()),
                ("conferma_eccedenti", confirm.to_owned()),
            ]
        };
        let send = |fields: Vec<(&'static str, String)>| {
            let admin = admin.clone();
            let app = &app;
            async move {
                let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
                app.post_form_as(&admin, "/operatori/sedi/regole", &fields).await
            }
        };

        let mut wrong = rules("1", "");
        wrong[1].1 = "mezz'ora".to_owned();
        let wrong = send(wrong).await;
        assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let wrong = wrong.text().await.unwrap();
        assert!(wrong.contains("Scrivi la durata in minuti") && wrong.contains("value=\"mezz"), "{wrong}");

        let asked = send(rules("1", "")).await;
        assert_eq!(asked.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let asked = asked.text().await.unwrap();
        assert!(asked.contains("un appuntamento già preso non ci sta più"), "{asked}");
        assert!(asked.contains("SECONDA2") && !asked.contains("PRIMA001"), "the one booked last goes");
        let capacity: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT slot_capacity FROM offices WHERE slug = 'segretariato-sociale'")
            .fetch_one(pool).await.unwrap());
        assert_eq!(capacity, 2, "nothing changed yet");

        let done = send(rules("1", "si")).await;
        assert_eq!(done.status(), StatusCode::SEE_OTHER);
        assert!(location(&done).contains("annullati=1"));
        assert_eq!(status_of(&app, "SECONDA2").await, ("annullata".to_owned(), Some("riduzione dei posti".to_owned())));
        assert_eq!(status_of(&app, "PRIMA001").await.0, "confermata");
        let emails = app.wait_for_emails(1).await;
        assert!(emails[0].contains("bruno@example.it"));

        // The slot is full at one place now, even for a write that skips the application.
        let another = app::on_db!(&app.db, pool => sqlx::query(
            "INSERT INTO bookings (code, office_id, topic_id, starts_at, ends_at, given_name, family_name, email,
                                   manage_token_hash, idempotency_key, created_at)
             SELECT 'TERZA003', office_id, topic_id, starts_at, ends_at, 'Carla', 'Bianchi', 'carla@example.it',
                    'hash-terza', 'key-terza', created_at FROM bookings WHERE code = 'PRIMA001'",
        )
        .execute(pool)
        .await
        .map(|_| ()));
        assert!(another.is_err(), "one place per slot: the database refuses a second booking");
    }
}

on_both_databases! {
    /// Weekly hours as typed by an administrator: mistakes stay next to their day; saved hours
    /// change the times citizens are offered at once.
    async fn weekly_hours_change_the_times_offered_at_once(app: TestApp) {
        let (admin, _) = admin_browser(&app).await;
        let sede = office_id(&app).await;
        let mut week = vec![("sede", sede.as_str()), ("lunedi", "9:00-12:30"), ("martedi", "pomeriggio")];
        let wrong = app.post_form_as(&admin, "/operatori/sedi/orari", &week).await;
        assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let wrong = wrong.text().await.unwrap();
        assert!(wrong.contains("Scrivi le fasce come") && wrong.contains("value=\"pomeriggio\""));

        week[2].1 = "14-16.30";
        let saved = app.post_form_as(&admin, "/operatori/sedi/orari", &week).await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);
        let page = app.get_as(&admin, &location(&saved)).await.text().await.unwrap();
        assert!(page.contains("Orari settimanali salvati") && page.contains("value=\"14:00-16:30\""));

        let tuesday = app
            .get("/prenota?sede=segretariato-sociale&argomento=figli-e-famiglia&giorno=2026-03-03")
            .await
            .text()
            .await
            .unwrap();
        assert!(tuesday.contains("dalle 14:00 alle 14:30") && tuesday.contains("dalle 16:00 alle 16:30"), "{tuesday}");
        assert!(!tuesday.contains("dalle 9:30 alle 10:00"), "the morning is gone");
        let closed_day = app.get("/prenota?sede=segretariato-sociale&argomento=figli-e-famiglia").await.text().await.unwrap();
        assert!(!closed_day.contains("giorno=2026-03-04"), "Wednesday has no hours now");
    }
}
