//! The front desk's day: the agenda of its own office only, arrivals and no-shows, cancelling for
//! the office with a reason, and booking for a caller through the public steps (today's slots too).

use reqwest::StatusCode;

use crate::harness::TestApp;
use crate::on_both_databases;
use crate::staff::{demo_browser, location};

/// A booking of the seeded office, written as raw SQL, as if booked online earlier.
async fn booking(app: &TestApp, code: &str, starts_at: &str, email: Option<&str>, phone: Option<&str>) -> i64 {
    let starts = chrono::DateTime::parse_from_rfc3339(starts_at)
        .unwrap()
        .with_timezone(&chrono::Utc);
    app::on_db!(&app.db, pool => sqlx::query_scalar(
        "INSERT INTO bookings (code, office_id, topic_id, starts_at, ends_at, given_name, family_name, email, phone,
                               language, interpreter, accessibility_needs, about, manage_token_hash, idempotency_key, created_at)
         VALUES ($1, (SELECT id FROM offices WHERE slug = 'segretariato-sociale'),
                 (SELECT id FROM booking_topics WHERE slug = 'figli-e-famiglia'),
                 $2, $3, 'Anna', 'Rossi', $4, $5, 'ar', TRUE, 'Uso la sedia a rotelle', 'Mio figlio non va a scuola',
                 'hash-' || $1, 'key-' || $1, $2)
         RETURNING id",
    )
    .bind(code)
    .bind(starts)
    .bind(starts + chrono::Duration::minutes(30))
    .bind(email)
    .bind(phone)
    .fetch_one(pool)
    .await
    .unwrap())
}

async fn visit_state(app: &TestApp, id: i64) -> String {
    app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT visit_state FROM bookings WHERE id = $1")
        .bind(id).fetch_one(pool).await.unwrap())
}

on_both_databases! {
    /// Today's appointments in time order with what the desk needs; arrivals and no-shows are
    /// marked for today, never for a day to come; another office's agenda is refused and recorded.
    async fn the_front_desk_runs_the_day_of_its_own_office(app: TestApp) {
        // The tests' clock: Monday 2 March 2026, 9:00 in Rome.
        let later = booking(&app, "OGGI0002", "2026-03-02T10:00:00Z", None, Some("333 765 4321")).await;
        let first = booking(&app, "OGGI0001", "2026-03-02T08:30:00Z", Some("anna@example.it"), None).await;
        let tomorrow = booking(&app, "DOMANI01", "2026-03-03T08:30:00Z", Some("anna@example.it"), None).await;
        let desk = demo_browser(&app, "sportello").await;

        let home = app.get_as(&desk, "/operatori").await;
        let request_id = home.headers()["x-request-id"].to_str().unwrap().to_owned();
        let home = home.text().await.unwrap();
        assert!(home.contains("Agenda di oggi, lunedì 2 marzo 2026"), "the desk's home is today's agenda");
        let (at_first, at_later) = (home.find("OGGI0001").unwrap(), home.find("OGGI0002").unwrap());
        assert!(at_first < at_later, "in time order");
        assert!(!home.contains("DOMANI01"));
        assert!(home.contains("Arabo, con interprete") && home.contains("Uso la sedia a rotelle"));
        assert!(home.contains("Difficoltà con i figli o in famiglia") && home.contains("333 765 4321"));
        let shown: String = app::on_db!(&app.db, pool => sqlx::query_scalar(
            "SELECT record_ids FROM audit_log WHERE request_id = $1 AND action = 'agenda.vista'")
            .bind(&request_id).fetch_one(pool).await.unwrap());
        assert_eq!(shown, format!("{first},{later}"), "the read is recorded with the ids shown");

        let sede: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT id FROM offices WHERE slug = 'segretariato-sociale'")
            .fetch_one(pool).await.unwrap());
        let mark = |id: i64, state: &'static str| {
            let desk = desk.clone();
            let app = &app;
            async move {
                app.post_form_as(&desk, "/operatori/agenda/stato", &[
                    ("id", &id.to_string()), ("stato", state), ("sede", &sede.to_string()), ("giorno", "2026-03-02"),
                ]).await
            }
        };
        let arrived = mark(first, "arrivato").await;
        assert_eq!(location(&arrived), format!("/operatori/agenda?sede={sede}&giorno=2026-03-02"));
        assert_eq!(visit_state(&app, first).await, "arrivato");
        assert_eq!(mark(later, "assente").await.status(), StatusCode::SEE_OTHER);
        assert_eq!(visit_state(&app, later).await, "assente");
        assert_eq!(mark(first, "concluso").await.status(), StatusCode::SEE_OTHER);
        let page = app.get_as(&desk, "/operatori/agenda").await.text().await.unwrap();
        assert!(page.contains("Colloquio concluso") && page.contains("Non presentato"));

        let too_early = mark(tomorrow, "arrivato").await;
        assert_eq!(too_early.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(too_early.text().await.unwrap().contains("deve ancora venire"));
        assert_eq!(visit_state(&app, tomorrow).await, "attesa");
        let nonsense = mark(first, "volato-via").await;
        assert_eq!(nonsense.status(), StatusCode::UNPROCESSABLE_ENTITY);

        // Another office: its agenda, and its appointments, are out of reach.
        app.execute("INSERT INTO offices (slug, name, created_at) VALUES ('polo-nord', 'Polo Nord', '2026-01-01T00:00:00Z')").await;
        let other: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT id FROM offices WHERE slug = 'polo-nord'")
            .fetch_one(pool).await.unwrap());
        app.execute(&format!("UPDATE bookings SET office_id = {other} WHERE id = {tomorrow}")).await;
        let refused = app.get_as(&desk, &format!("/operatori/agenda?sede={other}&giorno=2026-03-03")).await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
        assert!(!refused.text().await.unwrap().contains("DOMANI01"));
        // Today, in the other office: refused as another office's, and recorded.
        app.execute(&format!("UPDATE bookings SET starts_at = '2026-03-02T09:30:00+00:00' WHERE id = {tomorrow}")).await;
        let marked_elsewhere = mark(tomorrow, "assente").await;
        assert_eq!(marked_elsewhere.status(), StatusCode::FORBIDDEN);
        assert_eq!(visit_state(&app, tomorrow).await, "attesa");
        let cancelled_elsewhere = app.post_form_as(&desk, "/operatori/agenda/annulla", &[
            ("id", &tomorrow.to_string()), ("motivo", "Prova"), ("sede", &sede.to_string()), ("giorno", "2026-03-03"),
        ]).await;
        assert_eq!(cancelled_elsewhere.status(), StatusCode::FORBIDDEN);
        let status: String = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT status FROM bookings WHERE id = $1")
            .bind(tomorrow).fetch_one(pool).await.unwrap());
        assert_eq!(status, "confermata", "nothing changed in the other office");
        let refusals: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'agenda.vista' AND outcome = 'negato'")
            .fetch_one(pool).await.unwrap());
        assert!(refusals >= 2, "each refusal is recorded");

        // The other roles have no agenda at all.
        let worker = demo_browser(&app, "assistente").await;
        assert_eq!(app.get_as(&worker, "/operatori/agenda").await.status(), StatusCode::FORBIDDEN);
    }
}

on_both_databases! {
    /// Cancelling for the office: a reason is required; the citizen with an email receives it with
    /// a link to book again; the seat is free at once.
    async fn the_desk_cancels_with_a_reason_the_citizen_reads(app: TestApp) {
        let id = booking(&app, "ANNULLA1", "2026-03-02T13:30:00Z", Some("anna@example.it"), None).await;
        let desk = demo_browser(&app, "sportello").await;
        let sede: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT id FROM offices WHERE slug = 'segretariato-sociale'")
            .fetch_one(pool).await.unwrap());
        let send = |reason: &'static str| {
            let desk = desk.clone();
            let app = &app;
            async move {
                app.post_form_as(&desk, "/operatori/agenda/annulla", &[
                    ("id", &id.to_string()), ("motivo", reason), ("sede", &sede.to_string()), ("giorno", "2026-03-02"),
                ]).await
            }
        };
        let no_reason = send("  ").await;
        assert_eq!(no_reason.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(no_reason.text().await.unwrap().contains("Scrivi il motivo"));
        let done = send("L'assistente sociale è malata").await;
        assert_eq!(done.status(), StatusCode::SEE_OTHER);
        assert!(location(&done).ends_with("&fatto=annullata"));
        let (status, reason): (String, String) = app::on_db!(&app.db, pool => sqlx::query_as(
            "SELECT status, cancel_reason FROM bookings WHERE id = $1").bind(id).fetch_one(pool).await.unwrap());
        assert_eq!(status, "annullata");
        assert_eq!(reason, "dallo sportello: L'assistente sociale è malata");
        let email = app.wait_for_emails(1).await.remove(0).replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
        assert!(email.contains("L'assistente sociale =C3=A8 malata") || email.contains("L'assistente sociale è malata"), "{email}");
        assert!(email.contains("/prenota?sede=segretariato-sociale"));
        let again = send("Di nuovo").await;
        assert!(again.text().await.unwrap().contains("già stato annullato"));
    }
}

on_both_databases! {
    /// The desk books for a caller through the public steps: today's slots are offered to the desk
    /// (not to citizens, who need 24 hours' notice), the caller may leave only a phone number, and
    /// the booking records the operator.
    async fn the_desk_books_for_a_caller_today_through_the_public_steps(app: TestApp) {
        let desk = demo_browser(&app, "sportello").await;
        let today = "/prenota?sede=segretariato-sociale&argomento=figli-e-famiglia&giorno=2026-03-02";
        let citizen = app.get(today).await.text().await.unwrap();
        assert!(!citizen.contains("dalle 14:30 alle 15:00"), "citizens cannot book today");
        let offered = app.get_as(&desk, today).await.text().await.unwrap();
        assert!(offered.contains("dalle 14:30 alle 15:00"), "the desk can: {offered}");

        let details = app
            .post_form_as(&desk, "/prenota", &[
                ("sede", "segretariato-sociale"), ("argomento", "figli-e-famiglia"), ("giorno", "2026-03-02"), ("ora", "14:30"),
                ("nome", "Mario"), ("cognome", "Bianchi"), ("email", ""), ("telefono", "333 111 2222"),
                ("codice_fiscale", ""), ("lingua", "uk"), ("accessibilita", ""), ("motivo", ""), ("privacy", "si"),
            ])
            .await;
        assert_eq!(details.status(), StatusCode::SEE_OTHER, "{}", details.text().await.unwrap_or_default());
        let summary = location(&details);
        let draft = summary.rsplit('=').next().unwrap().to_owned();
        let confirmed = app.post_form_as(&desk, "/prenota/riepilogo", &[("bozza", &draft)]).await;
        assert_eq!(confirmed.status(), StatusCode::SEE_OTHER);
        let page = app.get_as(&desk, &location(&confirmed)).await.text().await.unwrap();
        let (by, phone): (Option<i64>, Option<String>) = app::on_db!(&app.db, pool => sqlx::query_as(
            "SELECT booked_by_staff_id, phone FROM bookings WHERE given_name = 'Mario'").fetch_one(pool).await.unwrap());
        let desk_id: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT id FROM staff_users WHERE username = 'sportello'")
            .fetch_one(pool).await.unwrap());
        assert_eq!(by, Some(desk_id));
        let booked_in: String = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT booked_in FROM bookings WHERE given_name = 'Mario'")
            .fetch_one(pool).await.unwrap());
        assert_eq!(booked_in, "uk", "a caller who speaks Ukrainian gets the emails in Ukrainian, then Italian");
        assert_eq!(phone.as_deref(), Some("333 111 2222"));
        let code: String = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT code FROM bookings WHERE given_name = 'Mario'")
            .fetch_one(pool).await.unwrap());
        assert!(page.contains(&code), "the code to read out on the phone");
        let agenda = app.get_as(&desk, "/operatori/agenda").await.text().await.unwrap();
        assert!(agenda.contains("Mario Bianchi") && agenda.contains("prenotato al telefono"));
    }
}

on_both_databases! {
    /// The desk moves an appointment for a caller: today's free times are offered, a full slot is
    /// refused by the database, and the citizen gets the new time with a new private link.
    async fn the_desk_moves_an_appointment_for_a_caller(app: TestApp) {
        let id = booking(&app, "SPOSTA01", "2026-03-03T08:30:00Z", Some("anna@example.it"), None).await;
        // Tuesday 10:00 (Rome) is full: two people already booked it.
        booking(&app, "PIENO001", "2026-03-03T09:00:00Z", Some("bruno@example.it"), None).await;
        booking(&app, "PIENO002", "2026-03-03T09:00:00Z", Some("carla@example.it"), None).await;
        let desk = demo_browser(&app, "sportello").await;
        let agenda = app.get_as(&desk, "/operatori/agenda?giorno=2026-03-03").await.text().await.unwrap();
        assert!(agenda.contains(&format!("/operatori/agenda/sposta?id={id}")));
        let today = app.get_as(&desk, &format!("/operatori/agenda/sposta?id={id}&giorno=2026-03-02")).await.text().await.unwrap();
        assert!(today.contains("dalle 14:30 alle 15:00"), "the desk is offered today's times: {today}");

        let send = |day: &'static str, time: &'static str| {
            let desk = desk.clone();
            let app = &app;
            async move {
                app.post_form_as(&desk, "/operatori/agenda/sposta", &[("id", &id.to_string()), ("giorno", day), ("ora", time)]).await
            }
        };
        let full = send("2026-03-03", "10:00").await;
        assert_eq!(full.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(full.text().await.unwrap().contains("appena preso"));
        let closed = send("2026-03-07", "10:00").await;
        assert!(closed.text().await.unwrap().contains("non è disponibile"), "Saturday is closed");

        let old_hash: String = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT manage_token_hash FROM bookings WHERE id = $1")
            .bind(id).fetch_one(pool).await.unwrap());
        let moved = send("2026-03-02", "14:30").await;
        assert_eq!(moved.status(), StatusCode::SEE_OTHER);
        assert!(location(&moved).ends_with("&fatto=spostata"));
        let (starts, hash): (chrono::DateTime<chrono::Utc>, String) = app::on_db!(&app.db, pool => sqlx::query_as(
            "SELECT starts_at, manage_token_hash FROM bookings WHERE id = $1").bind(id).fetch_one(pool).await.unwrap());
        assert_eq!(starts.to_rfc3339(), "2026-03-02T13:30:00+00:00");
        assert_ne!(hash, old_hash, "the old private link stops working");
        let email = app.wait_for_emails(1).await.remove(0).replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
        assert!(email.contains("luned=C3=AC 2 marzo 2026") || email.contains("lunedì 2 marzo 2026"), "{email}");
        let start = email.find("/prenota/gestisci?t=").expect("a new private link");
        let link: String = email[start..].chars().take_while(|c| !c.is_whitespace()).collect();
        assert!(app.get(&link).await.text().await.unwrap().contains("dalle 14:30"), "the new link opens the booking");
    }
}
