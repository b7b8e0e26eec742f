//! Booking appointments: the rules the database holds whoever writes to it.

use crate::on_both_databases;

/// A booking of the seeded office's slot at 9:30 on Tuesday 1 December 2026, written as raw SQL.
fn raw_booking(n: u32) -> String {
    format!(
        "INSERT INTO bookings (code, office_id, topic_id, starts_at, ends_at, given_name, family_name, email,
                               manage_token_hash, idempotency_key, created_at)
         VALUES ('RAWSQL0{n}', (SELECT id FROM offices WHERE slug = 'segretariato-sociale'),
                 (SELECT id FROM booking_topics WHERE slug = 'non-so'),
                 '2026-12-01T08:30:00+00:00', '2026-12-01T09:00:00+00:00', 'Anna', 'Rossi', 'anna@example.it',
                 'hash-{n}', 'key-{n}', '2026-11-22T09:00:00+00:00')"
    )
}

async fn try_execute(app: &crate::harness::TestApp, sql: &str) -> Result<(), sqlx::Error> {
    app::on_db!(&app.db, pool => sqlx::query(sql).execute(pool).await.map(|_| ()))
}

on_both_databases! {
    async fn the_database_refuses_a_booking_over_the_slots_capacity_even_in_raw_sql(app: TestApp) {
        // The seeded office receives two people at once.
        try_execute(&app, &raw_booking(1)).await.unwrap();
        try_execute(&app, &raw_booking(2)).await.unwrap();
        let third = try_execute(&app, &raw_booking(3)).await.unwrap_err();
        let refused_by_the_check = matches!(&third, sqlx::Error::Database(e) if e.kind() == sqlx::error::ErrorKind::CheckViolation);
        assert!(refused_by_the_check, "{third:?}");
        assert_eq!(app.count("bookings").await, 2);

        // A cancellation frees the seat; the next booking takes it.
        app.execute("UPDATE bookings SET status = 'annullata' WHERE code = 'RAWSQL01'").await;
        try_execute(&app, &raw_booking(3)).await.unwrap();
        assert!(try_execute(&app, &raw_booking(4)).await.is_err());

        // Moving a booking away frees its seat in the same statement.
        app.execute(
            "UPDATE bookings SET starts_at = '2026-12-01T09:00:00+00:00', ends_at = '2026-12-01T09:30:00+00:00'
             WHERE code = 'RAWSQL02'",
        )
        .await;
        try_execute(&app, &raw_booking(4)).await.unwrap();
    }
}

/// The fields of a details form for the seeded office's slot at `time` on Tuesday 3 March 2026
/// (the day after the tests' clock), as a citizen fills it in.
pub fn details<'a>(given_name: &'a str, time: &'a str) -> Vec<(&'static str, &'a str)> {
    details_on("2026-03-03", given_name, time)
}

/// The same for the slot at `time` on `day` (`YYYY-MM-DD`).
pub fn details_on<'a>(day: &'a str, given_name: &'a str, time: &'a str) -> Vec<(&'static str, &'a str)> {
    vec![
        ("sede", "segretariato-sociale"),
        ("argomento", "figli-e-famiglia"),
        ("giorno", day),
        ("ora", time),
        ("nome", given_name),
        ("cognome", "Rossi"),
        ("email", "famiglia.rossi@example.it"),
        ("telefono", ""),
        ("codice_fiscale", ""),
        ("lingua", "it"),
        ("accessibilita", ""),
        ("motivo", "Mio figlio non vuole più andare a scuola"),
        ("privacy", "si"),
    ]
}

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// Fills in the details for `time` and returns the summary's address (`/prenota/riepilogo?bozza=…`).
pub async fn draft_for(app: &crate::harness::TestApp, given_name: &str, time: &str) -> String {
    let response = app.post_form("/prenota", &details(given_name, time)).await;
    assert_eq!(response.status(), 303, "{}", response.text().await.unwrap_or_default());
    let summary = location(&response);
    assert!(summary.starts_with("/prenota/riepilogo?bozza="), "{summary}");
    summary
}

pub fn draft_id(summary: &str) -> String {
    summary.rsplit('=').next().unwrap_or_default().to_owned()
}

on_both_databases! {
    async fn a_citizen_books_through_every_step_without_javascript(app: TestApp) {
        let office = app.get("/prenota").await.text().await.unwrap();
        assert!(office.contains("Dove vuoi fare il colloquio?"));
        assert!(office.contains("value=\"segretariato-sociale\""));

        let topic = app.get("/prenota?sede=segretariato-sociale").await.text().await.unwrap();
        assert!(topic.contains("Di che cosa vuoi parlare?"));
        assert!(topic.contains("Difficoltà con i figli o in famiglia"));

        let day = app.get("/prenota?sede=segretariato-sociale&argomento=figli-e-famiglia").await.text().await.unwrap();
        assert!(day.contains("marzo 2026"), "the month of the first bookable day");
        // Monday 2 March, 9:00 in Rome: with 24 hours' notice, Tuesday 3 March is the first day.
        assert!(day.contains("giorno=2026-03-03"));
        assert!(!day.contains("giorno=2026-03-02"), "today is inside the minimum notice");
        assert!(!day.contains("giorno=2026-03-07"), "Saturday is closed");

        let time = app.get("/prenota?sede=segretariato-sociale&argomento=figli-e-famiglia&giorno=2026-03-03").await;
        let time = time.text().await.unwrap();
        assert!(time.contains("dalle 9:30 alle 10:00 (2 posti liberi)"), "{time}");
        assert!(time.contains("dalle 15:00 alle 15:30"));

        // A mistake: the privacy notice not acknowledged. Everything typed stays.
        let mut fields = details("Anna", "09:30");
        fields.retain(|(name, _)| *name != "privacy");
        let wrong = app.post_form("/prenota", &fields).await;
        assert_eq!(wrong.status(), 422);
        let wrong = wrong.text().await.unwrap();
        assert!(wrong.contains("conferma di aver letto l&#x27;informativa") || wrong.contains("conferma di aver letto l'informativa"), "{wrong}");
        assert!(wrong.contains("value=\"Anna\""));
        assert!(wrong.contains("Mio figlio non vuole più andare a scuola"));
        assert_eq!(app.count("booking_drafts").await, 0);

        let summary_path = draft_for(&app, "Anna", "09:30").await;
        let summary = app.get(&summary_path).await.text().await.unwrap();
        assert!(summary.contains("Conferma la prenotazione"));
        assert!(summary.contains("martedì 3 marzo 2026, dalle 9:30 alle 10:00"));

        let confirmed = app.post_form("/prenota/riepilogo", &[("bozza", &draft_id(&summary_path))]).await;
        assert_eq!(confirmed.status(), 303);
        let confirmation_path = location(&confirmed);
        assert!(confirmation_path.starts_with("/prenota/confermata?bozza="));
        let confirmation = app.get(&confirmation_path).await.text().await.unwrap();
        assert!(confirmation.contains("Prenotazione confermata"));
        let code: String = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT code FROM bookings").fetch_one(pool).await.unwrap());
        assert!(confirmation.contains(&code));

        // The confirmation email was queued with the booking, in neutral words.
        let emails = app.wait_for_emails(1).await;
        assert!(emails[0].contains(&code));
        assert!(emails[0].contains("Segretariato Sociale"));
        assert!(!emails[0].to_lowercase().contains("minori"), "never the nature of the problem");
        assert!(!emails[0].contains("scuola"), "never what the citizen wrote");
        // "Aggiungi al calendario": attached to the email, and downloadable from the confirmation.
        assert!(emails[0].contains(&format!("appuntamento-{code}.ics")));
        assert!(emails[0].contains("text/calendar"));
        let calendar = app.get(&format!("/prenota/calendario?bozza={}", draft_id(&summary_path))).await;
        assert_eq!(calendar.status(), 200);
        assert!(calendar.headers()["content-type"].to_str().unwrap().starts_with("text/calendar"));
        let calendar = calendar.text().await.unwrap();
        assert!(calendar.contains("DTSTART:20260303T083000Z"), "9:30 in Rome is 8:30 UTC in March: {calendar}");
        assert!(calendar.contains(&format!("UID:{code}@sportello")));
        assert_eq!(app.get("/prenota/calendario?bozza=nessuna").await.status(), 404);
        assert_eq!(app.get("/prenota/calendario").await.status(), 404);
    }
}

on_both_databases! {
    /// Once confirmed, a draft's address shows the confirmation and nothing the citizen typed: the
    /// booking keeps the details, the draft none. A new private link cuts the draft's address too.
    async fn a_confirmed_draft_is_no_second_key_to_the_booking(app: TestApp) {
        let mut fields = details("Anna", "11:00");
        fields.retain(|(name, _)| *name != "codice_fiscale");
        fields.push(("codice_fiscale", "RSSNNA80A41F205O"));
        let typed = ["Anna", "famiglia.rossi@example.it", "RSSNNA80A41F205O", "non vuole più andare a scuola"];
        let response = app.post_form("/prenota", &fields).await;
        assert_eq!(response.status(), 303, "{}", response.text().await.unwrap_or_default());
        let id = draft_id(&location(&response));
        // Before the confirmation, the summary shows the details (that is what it is for).
        let summary = app.get(&format!("/prenota/riepilogo?bozza={id}")).await.text().await.unwrap();
        assert!(summary.contains("RSSNNA80A41F205O"));

        let confirmed = app.post_form("/prenota/riepilogo", &[("bozza", &id)]).await;
        let confirmation_path = location(&confirmed);
        assert!(confirmation_path.starts_with("/prenota/confermata?bozza="), "{confirmation_path}");
        let code: String = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT code FROM bookings").fetch_one(pool).await.unwrap());
        let page = app.get(&confirmation_path).await.text().await.unwrap();
        assert!(page.contains(&code) && page.contains("martedì 3 marzo 2026, dalle 11:00 alle 11:30"), "{page}");
        let summary = app.get(&format!("/prenota/riepilogo?bozza={id}")).await.text().await.unwrap();
        let stored: String = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT details FROM booking_drafts WHERE id = $1")
            .bind(&id).fetch_one(pool).await.unwrap());
        for words in typed {
            assert!(!page.contains(words), "the confirmation page shows {words}");
            assert!(!summary.contains(words), "the summary shows {words}");
            assert!(!stored.contains(words), "the draft keeps {words}");
        }
        let kept: String = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT codice_fiscale FROM bookings").fetch_one(pool).await.unwrap());
        assert_eq!(kept, "RSSNNA80A41F205O", "the booking keeps them");

        // A new private link: the draft's address leads nowhere any more.
        let asked = app.post_form("/prenota/ritrova", &[("codice", &code), ("contatto", "famiglia.rossi@example.it")]).await;
        assert_eq!(asked.status(), 303);
        let page = app.get(&confirmation_path).await.text().await.unwrap();
        assert!(!page.contains(&code), "the code is no longer shown at the old address");
        assert_eq!(app.get(&format!("/prenota/calendario?bozza={id}")).await.status(), 404);
    }
}

on_both_databases! {
    async fn a_service_page_pre_selects_office_and_topic_and_unknown_ones_are_ignored(app: TestApp) {
        let page = app.get("/prenota?servizio=affido-familiare").await;
        assert_eq!(page.status(), 200);
        let page = page.text().await.unwrap();
        assert!(page.contains("Affido familiare e accoglienza"));
        assert!(page.contains("Scegli il giorno"));

        for query in [
            "servizio=non-esiste",
            "sede=..%2F..%2Fetc&argomento=%3Cscript%3E",
            "sede=segretariato-sociale&argomento=lavoro&giorno=2026-13-45&ora=25:99&mese=abc",
            "sede=segretariato-sociale&argomento=lavoro&mese=1999-01",
            "sede=segretariato-sociale&argomento=lavoro&giorno=2026-03-07",
            "sede=segretariato-sociale&argomento=lavoro&giorno=2026-03-03&ora=09:45",
        ] {
            let response = app.get(&format!("/prenota?{query}")).await;
            assert_eq!(response.status(), 200, "{query}");
        }
        let taken = app.get("/prenota?sede=segretariato-sociale&argomento=lavoro&giorno=2026-03-07").await.text().await.unwrap();
        assert!(taken.contains("non ha più posti liberi"), "a closed day sends back to the month");
    }
}

on_both_databases! {
    /// The same confirmation sent twice at once, to two servers on the database (a double click
    /// behind a load balancer), and once more later: one booking.
    async fn the_same_confirmation_sent_twice_at_once_makes_one_booking(app: TestApp) {
        let summary = draft_for(&app, "Anna", "10:00").await;
        let id = draft_id(&summary);
        let fields = [("bozza", id.as_str())];
        let other = app.start_another().await;
        let (first, second) = tokio::join!(
            app.post_form("/prenota/riepilogo", &fields),
            post_to(&other, "/prenota/riepilogo", &fields, None),
        );
        assert_eq!(first.status(), 303);
        assert_eq!(second.status(), 303);
        assert_eq!(location(&first), location(&second));
        // And once more later, as after the back button.
        let again = app.post_form("/prenota/riepilogo", &[("bozza", &id)]).await;
        assert_eq!(location(&again), location(&first));
        assert_eq!(app.count("bookings").await, 1);
    }
}

on_both_databases! {
    async fn fifty_people_racing_for_the_last_seat_on_two_servers_get_one_booking(app: TestApp) {
        // One of the slot's two seats is taken already.
        let first = draft_for(&app, "Primo", "11:00").await;
        assert_eq!(app.post_form("/prenota/riepilogo", &[("bozza", &draft_id(&first))]).await.status(), 303);

        let names = ["Anna", "Bruno", "Carla", "Dario", "Elena"];
        let mut drafts = Vec::new();
        for i in 0..50 {
            drafts.push(draft_id(&draft_for(&app, names[i % names.len()], "11:00").await));
        }
        let other = app.start_another().await;
        let client = crate::harness::browser();
        let confirmations = drafts.iter().enumerate().map(|(i, id)| {
            // Half to each server.
            let base = if i % 2 == 0 { app.address.clone() } else { other.clone() };
            let client = client.clone();
            let id = id.clone();
            async move {
                let response = client
                    .post(format!("{base}/prenota/riepilogo"))
                    .header("origin", &base)
                    .header("sec-fetch-site", "same-origin")
                    .form(&[("bozza", id.as_str())])
                    .send()
                    .await
                    .expect("an answer");
                let status = response.status().as_u16();
                (status, response.text().await.unwrap_or_default())
            }
        });
        let answers = futures::future::join_all(confirmations).await;
        let booked = answers.iter().filter(|(status, _)| *status == 303).count();
        let refused: Vec<_> = answers.iter().filter(|(status, _)| *status == 422).collect();
        assert_eq!(booked, 1, "exactly one gets the last seat: {:?}", answers.iter().map(|a| a.0).collect::<Vec<_>>());
        assert_eq!(refused.len(), 49, "the others are told, none gets a server error");
        for (_, page) in refused {
            assert!(page.contains("non è più disponibile"));
            assert!(page.contains("Gli orari liberi più vicini"), "with the nearest free alternatives");
            assert!(page.contains("dalle 11:30 alle 12:00") || page.contains("dalle 10:30 alle 11:00"));
        }
        let taken: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT taken FROM slot_seats").fetch_one(pool).await.unwrap());
        assert_eq!(taken, 2);
        assert_eq!(app.count("bookings").await, 2);
    }
}

on_both_databases! {
    async fn a_citizen_whose_seat_was_taken_picks_another_without_typing_again(app: TestApp) {
        app.execute("UPDATE offices SET slot_capacity = 1").await;
        let mine = draft_for(&app, "Anna", "12:00").await;
        let theirs = draft_for(&app, "Bruno", "12:00").await;
        assert_eq!(app.post_form("/prenota/riepilogo", &[("bozza", &draft_id(&theirs))]).await.status(), 303);

        let refused = app.post_form("/prenota/riepilogo", &[("bozza", &draft_id(&mine))]).await;
        assert_eq!(refused.status(), 422);
        let page = refused.text().await.unwrap();
        assert!(page.contains("href=\"#campo-orario\""), "the error links to the alternatives");
        assert!(page.contains("name=\"scelta\" value=\"2026-03-03T11:30\""), "{page}");

        let moved = app
            .post_form("/prenota/cambia-orario", &[("bozza", &draft_id(&mine)), ("scelta", "2026-03-03T11:30")])
            .await;
        assert_eq!(moved.status(), 303);
        let summary = app.get(&location(&moved)).await.text().await.unwrap();
        assert!(summary.contains("dalle 11:30 alle 12:00"));
        assert!(summary.contains("Anna Rossi"), "the details are still there");
        assert_eq!(app.post_form("/prenota/riepilogo", &[("bozza", &draft_id(&mine))]).await.status(), 303);
        assert_eq!(app.count("bookings").await, 2);
    }
}

use app::clock::Clock;

/// Books the slot at `time` on Tuesday 3 March and returns the private link's path and token,
/// read from the confirmation email as the citizen would.
async fn book_and_read_link(app: &crate::harness::TestApp, time: &str) -> (String, String) {
    let summary = draft_for(app, "Anna", time).await;
    assert_eq!(
        app.post_form("/prenota/riepilogo", &[("bozza", &draft_id(&summary))])
            .await
            .status(),
        303
    );
    let emails = app.wait_for_emails(1).await;
    // The message is quoted-printable: undo its soft line breaks and its `=3D`.
    let email = emails
        .last()
        .unwrap()
        .replace("=\r\n", "")
        .replace("=\n", "")
        .replace("=3D", "=");
    let start = email
        .find("/prenota/gestisci?t=")
        .expect("the private link is in the email");
    let path: String = email[start..].chars().take_while(|c| !c.is_whitespace()).collect();
    let token = path.rsplit('=').next().unwrap().to_owned();
    (path, token)
}

on_both_databases! {
    async fn the_private_link_shows_the_booking_and_only_its_hash_is_kept(app: TestApp) {
        let (path, token) = book_and_read_link(&app, "09:30").await;
        assert_eq!(token.len(), 64, "256 random bits");
        let page = app.get(&path).await.text().await.unwrap();
        assert!(page.contains("martedì 3 marzo 2026, dalle 9:30 alle 10:00"));
        assert!(page.contains("Sposta l&#x27;appuntamento") || page.contains("Sposta l'appuntamento"));
        let stored: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar(
            "SELECT COUNT(*) FROM bookings WHERE manage_token_hash = $1").bind(&token).fetch_one(pool).await.unwrap());
        assert_eq!(stored, 0, "the raw token is not in the database");
        // Once sent, an email's body (with the link) is dropped from the outbox; only the reminder,
        // which has not left yet, still holds it.
        for _ in 0..50 {
            let bodies: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar(
                "SELECT COUNT(*) FROM email_outbox WHERE body_text LIKE '%gestisci%' AND kind IS NULL").fetch_one(pool).await.unwrap());
            if bodies == 0 { break; }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        let bodies: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar(
            "SELECT COUNT(*) FROM email_outbox WHERE body_text LIKE '%gestisci%' AND kind IS NULL").fetch_one(pool).await.unwrap());
        assert_eq!(bodies, 0);
        // A wrong token opens nothing.
        let wrong = app.get(&format!("/prenota/gestisci?t={}", "a".repeat(64))).await.text().await.unwrap();
        assert!(wrong.contains("non è valido"));
    }
}

on_both_databases! {
    async fn a_citizen_cancels_through_the_private_link_and_the_seat_is_free_again(app: TestApp) {
        let (path, token) = book_and_read_link(&app, "10:00").await;
        let cancelled = app.post_form("/prenota/gestisci/annulla", &[("t", &token)]).await;
        assert_eq!(cancelled.status(), 303);
        let page = app.get(&location(&cancelled)).await.text().await.unwrap();
        assert!(page.contains("Appuntamento annullato"));
        let taken: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT taken FROM slot_seats").fetch_one(pool).await.unwrap());
        assert_eq!(taken, 0);
        let emails = app.wait_for_emails(2).await;
        assert!(emails.iter().any(|e| e.contains("Appuntamento annullato")));
        // Again: nothing changes, the answer is the same.
        assert_eq!(app.post_form("/prenota/gestisci/annulla", &[("t", &token)]).await.status(), 303);
        let _ = path;
    }
}

on_both_databases! {
    async fn after_the_cut_off_cancelling_online_is_refused_with_the_offices_phone(app: TestApp) {
        let (path, token) = book_and_read_link(&app, "10:30").await;
        // Tuesday 3 March, 9:00 in Rome: an hour and a half before the appointment.
        app.clock.set(chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 3, 3, 8, 0, 0).unwrap());
        let refused = app.post_form("/prenota/gestisci/annulla", &[("t", &token)]).await;
        assert_eq!(refused.status(), 422);
        let page = refused.text().await.unwrap();
        assert!(page.contains("per annullarlo o spostarlo telefona al 02.66023.549"), "{page}");
        let page = app.get(&path).await.text().await.unwrap();
        assert!(page.contains("per annullarlo o spostarlo telefona al 02.66023.549"));
        let status: String = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT status FROM bookings").fetch_one(pool).await.unwrap());
        assert_eq!(status, "confermata");
    }
}

on_both_databases! {
    async fn moving_takes_the_new_seat_and_frees_the_old_one_in_one_step(app: TestApp) {
        let (path, token) = book_and_read_link(&app, "11:00").await;
        let month = app.get(&format!("{path}&sposta=1")).await.text().await.unwrap();
        assert!(month.contains("giorno=2026-03-04"), "the month to choose the new day");
        let times = app.get(&format!("{path}&sposta=1&giorno=2026-03-04")).await.text().await.unwrap();
        assert!(times.contains("value=\"14:30\""));

        let moved = app
            .post_form("/prenota/gestisci/sposta", &[("t", &token), ("giorno", "2026-03-04"), ("ora", "14:30")])
            .await;
        assert_eq!(moved.status(), 303);
        let page = app.get(&location(&moved)).await.text().await.unwrap();
        assert!(page.contains("mercoledì 4 marzo 2026, dalle 14:30 alle 15:00"));
        let seats: Vec<(i64,)> = app::on_db!(&app.db, pool => sqlx::query_as("SELECT taken FROM slot_seats ORDER BY starts_at").fetch_all(pool).await.unwrap());
        assert_eq!(seats, vec![(0,), (1,)], "the old seat freed, the new one taken");
        let emails = app.wait_for_emails(2).await;
        assert!(emails.iter().any(|e| e.contains("Appuntamento spostato")));

        // A full slot refuses the move and keeps the booking where it was.
        app.execute("UPDATE offices SET slot_capacity = 1").await;
        let other = draft_for(&app, "Bruno", "09:30").await;
        assert_eq!(app.post_form("/prenota/riepilogo", &[("bozza", &draft_id(&other))]).await.status(), 303);
        let refused = app
            .post_form("/prenota/gestisci/sposta", &[("t", &token), ("giorno", "2026-03-03"), ("ora", "09:30")])
            .await;
        assert_eq!(refused.status(), 422);
        assert!(refused.text().await.unwrap().contains("appena prenotato da un"));
        let page = app.get(&path).await.text().await.unwrap();
        assert!(page.contains("mercoledì 4 marzo 2026, dalle 14:30"));
    }
}

/// Moves the tests' clock to `day` March 2026 at `hour`:`minute` UTC.
fn march(day: u32, hour: u32, minute: u32) -> chrono::DateTime<chrono::Utc> {
    chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 3, day, hour, minute, 0).unwrap()
}

on_both_databases! {
    async fn the_reminder_leaves_the_day_before_and_follows_a_move_or_a_cancellation(app: TestApp) {
        // Booked on Monday at 9:00 for Wednesday 10:00 (Rome): the reminder waits for Tuesday 10:00.
        let summary = app.post_form("/prenota", &{
            let mut fields = details("Anna", "10:00");
            fields[2] = ("giorno", "2026-03-04");
            fields
        }).await;
        let summary = location(&summary);
        assert_eq!(app.post_form("/prenota/riepilogo", &[("bozza", &draft_id(&summary))]).await.status(), 303);
        assert_eq!(app.wait_for_emails(1).await.len(), 1, "the confirmation only, for now");
        let pending: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar(
            "SELECT COUNT(*) FROM email_outbox WHERE kind = 'promemoria' AND status = 'pending'").fetch_one(pool).await.unwrap());
        assert_eq!(pending, 1);

        // Tuesday, 10:01 in Rome: a server that starts now (or the running one at its next look)
        // sends it, with the private link.
        app.clock.set(march(3, 9, 1));
        app.start_another().await;
        let emails = app.wait_for_emails(2).await;
        let reminder = emails.iter().find(|e| e.contains("Promemoria")).expect("the reminder");
        let reminder = reminder.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
        assert!(reminder.contains("mercoled=C3=AC 4 marzo 2026") || reminder.contains("mercoledì 4 marzo 2026"));
        assert!(reminder.contains("/prenota/gestisci?t="));
        assert!(!reminder.to_lowercase().contains("minori"));
    }
}

on_both_databases! {
    /// Moved by the citizen from Wednesday to Thursday: the reminder for Wednesday is withdrawn,
    /// and one for Thursday leaves on Wednesday, with the new day and a working link.
    async fn the_reminder_follows_the_booking_to_its_new_time(app: TestApp) {
        let summary = app.post_form("/prenota", &{
            let mut fields = details("Anna", "10:00");
            fields[2] = ("giorno", "2026-03-04");
            fields
        }).await;
        assert_eq!(app.post_form("/prenota/riepilogo", &[("bozza", &draft_id(&location(&summary)))]).await.status(), 303);
        let confirmation = app.wait_for_emails(1).await.remove(0).replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
        let start = confirmation.find("/prenota/gestisci?t=").unwrap();
        let link: String = confirmation[start..].chars().take_while(|c| !c.is_whitespace()).collect();
        let token = link.rsplit('=').next().unwrap().to_owned();
        let moved = app.post_form("/prenota/gestisci/sposta", &[("t", &token), ("giorno", "2026-03-05"), ("ora", "11:00")]).await;
        assert_eq!(moved.status(), 303, "{}", moved.text().await.unwrap());
        let due: Vec<chrono::DateTime<chrono::Utc>> = app::on_db!(&app.db, pool => sqlx::query_scalar(
            "SELECT next_attempt_at FROM email_outbox WHERE kind = 'promemoria' AND status = 'pending'").fetch_all(pool).await.unwrap());
        assert_eq!(due, vec![march(4, 10, 0)], "one reminder, the day before the new time (11:00 in Rome)");

        // Wednesday 11:01 in Rome: the reminder of Thursday leaves (a server starting now sends
        // what is due).
        app.clock.set(march(4, 10, 1));
        app.start_another().await;
        let emails = app.wait_for_emails(3).await;
        let reminder = emails.iter().find(|e| e.contains("Promemoria")).expect("the reminder");
        let reminder = reminder.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
        assert!(reminder.contains("gioved=C3=AC 5 marzo 2026") || reminder.contains("giovedì 5 marzo 2026"), "{reminder}");
        let start = reminder.find("/prenota/gestisci?t=").unwrap();
        let new_link: String = reminder[start..].chars().take_while(|c| !c.is_whitespace()).collect();
        assert_eq!(app.get(&new_link).await.status(), 200, "its link opens the booking");
    }
}

on_both_databases! {
    async fn a_cancelled_booking_gets_no_reminder(app: TestApp) {
        let (_, token) = book_and_read_link(&app, "14:30").await;
        assert_eq!(app.post_form("/prenota/gestisci/annulla", &[("t", &token)]).await.status(), 303);
        let reminders: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar(
            "SELECT COUNT(*) FROM email_outbox WHERE kind = 'promemoria'").fetch_one(pool).await.unwrap());
        assert_eq!(reminders, 0, "withdrawn with the cancellation");
    }
}

/// Every personal column of `bookings`, empty once erased.
const PERSONAL_COLUMNS: &[&str] = &[
    "given_name <> ''",
    "family_name <> ''",
    "email IS NOT NULL",
    "phone IS NOT NULL",
    "codice_fiscale IS NOT NULL",
    "accessibility_needs <> ''",
    "about <> ''",
    "cancel_reason IS NOT NULL",
    "outcome_note IS NOT NULL",
];

/// The bookings whose `column` condition holds, per column.
async fn personal_left(app: &crate::harness::TestApp) -> Vec<(&'static str, i64)> {
    let mut left = Vec::new();
    for column in PERSONAL_COLUMNS {
        left.push((*column, app.count(&format!("bookings WHERE {column}")).await));
    }
    left
}

on_both_databases! {
    /// The server's own hourly job, through the application's clock, with a retention of 30 days:
    /// every personal column of every booking (cancelled, no-show, information only, or led to a
    /// request) is emptied 30 days after, and no email keeps a name, an address or a link.
    async fn personal_data_are_erased_after_the_retention_period(app: TestApp, settings = |s| {
        s.booking.retention_days = 30;
        s.audit_check_every = std::time::Duration::from_millis(100);
    }) {
        let mut every_field = details("Anna", "09:30");
        for (name, value) in every_field.iter_mut() {
            match *name {
                "telefono" => *value = "333 111 2222",
                "codice_fiscale" => *value = "RSSNNA80A41F205O",
                "accessibilita" => *value = "Arrivo in carrozzina",
                _ => {}
            }
        }
        for (given, time) in [("Anna", "09:30"), ("Bruno", "10:00"), ("Carla", "10:30")] {
            let mut fields = every_field.clone();
            fields.retain(|(name, _)| *name != "nome" && *name != "ora");
            fields.push(("nome", given));
            fields.push(("ora", time));
            let summary = location(&app.post_form("/prenota", &fields).await);
            assert_eq!(app.post_form("/prenota/riepilogo", &[("bozza", &draft_id(&summary))]).await.status(), 303);
        }
        app.execute("UPDATE bookings SET status = 'annullata', cancelled_at = '2026-03-03 08:00:00+00:00', cancel_reason = 'Non posso venire'
                     WHERE given_name = 'Anna'").await;
        app.execute("UPDATE bookings SET outcome = 'informazioni', outcome_note = 'Informazioni sul centro diurno' WHERE given_name = 'Bruno'").await;
        app.execute("UPDATE bookings SET outcome = 'presa_in_carico', outcome_note = 'Richiesta per il Servizio Minori' WHERE given_name = 'Carla'").await;
        assert!(personal_left(&app).await.iter().all(|(_, count)| *count > 0), "{:?}", personal_left(&app).await);
        // Emails that could not be delivered keep the name, the code and the private link. (The
        // mailer first sends what is due, so that it does not write over the statuses set here.)
        for _ in 0..200 {
            let due: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar(
                "SELECT COUNT(*) FROM email_outbox WHERE status = 'sending' OR (status = 'pending' AND next_attempt_at <= $1)")
                .bind(app.clock.now()).fetch_one(pool).await.unwrap());
            if due == 0 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        app.execute("UPDATE email_outbox SET status = 'failed', last_error = '550 mailbox unavailable'").await;
        app.execute(
            "INSERT INTO email_outbox (to_address, subject, body_text, status, attempts, next_attempt_at, created_at, last_error)
             VALUES ('giulia@example.org', 'Richiesta di assistenza', 'Gentile Giulia Rossi', 'failed', 8,
                     '2026-03-02 09:00:00+00:00', '2026-03-02 08:00:00+00:00', '550 mailbox unavailable')",
        )
        .await;
        let emails = app.count("email_outbox").await;
        assert!(emails >= 4);

        // 29 days after the bookings and emails were made, the job runs (an hour has passed) and
        // keeps everything.
        // That it ran shows in what it does last: it forgets an old sign-in attempt left for it.
        app.execute("INSERT INTO sign_in_guard (account, window_start, failures) VALUES ('segno', '2026-03-01 00:00:00+00:00', 1)").await;
        app.clock.set(march(2, 9, 0) + chrono::Duration::days(29));
        let mut ran = false;
        for _ in 0..100 {
            if app.count("sign_in_guard WHERE account = 'segno'").await == 0 {
                ran = true;
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert!(ran, "the hourly job runs when the clock says an hour has passed");
        assert!(personal_left(&app).await.iter().all(|(_, count)| *count > 0), "nothing before its time");
        assert_eq!(app.count("email_outbox").await, emails);

        // 31 days after the appointments: every column of every booking is empty, and the outbox
        // too.
        app.clock.set(march(3, 12, 0) + chrono::Duration::days(31));
        let mut left = personal_left(&app).await;
        for _ in 0..100 {
            if left.iter().all(|(_, count)| *count == 0) {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            left = personal_left(&app).await;
        }
        assert!(left.iter().all(|(_, count)| *count == 0), "left: {left:?}");
        assert_eq!(app.count("email_outbox").await, 0, "no email keeps a name, an address or a link");
        assert_eq!(app.count("booking_drafts").await, 0, "nor any draft");
        assert_eq!(app.count("bookings").await, 3, "the rows stay, emptied, for the counts");
    }
}

/// A second server on the test's database with `adjust`ed settings, and a client for it.
async fn server_with(app: &crate::harness::TestApp, adjust: impl FnOnce(&mut server::config::Settings)) -> String {
    let mut settings = app.settings.clone();
    adjust(&mut settings);
    crate::harness::start_server(settings, app.clock.clone())
        .await
        .unwrap()
        .0
}

async fn post_to(base: &str, path: &str, fields: &[(&str, &str)], forwarded_for: Option<&str>) -> reqwest::Response {
    let mut request = crate::harness::browser()
        .post(format!("{base}{path}"))
        .header("origin", base)
        .header("sec-fetch-site", "same-origin")
        .form(fields);
    if let Some(address) = forwarded_for {
        request = request.header("x-forwarded-for", address);
    }
    request.send().await.unwrap()
}

on_both_databases! {
    async fn one_email_holds_a_limited_number_of_future_bookings(app: TestApp) {
        let limited = server_with(&app, |s| s.booking.max_future_per_contact = 2).await;
        for time in ["09:30", "10:00"] {
            let summary = location(&post_to(&limited, "/prenota", &details("Anna", time), None).await);
            assert_eq!(post_to(&limited, "/prenota/riepilogo", &[("bozza", &draft_id(&summary))], None).await.status(), 303);
        }
        let summary = location(&post_to(&limited, "/prenota", &details("Anna", "10:30"), None).await);
        let refused = post_to(&limited, "/prenota/riepilogo", &[("bozza", &draft_id(&summary))], None).await;
        assert_eq!(refused.status(), 422);
        assert!(refused.text().await.unwrap().contains("ci sono già 2 appuntamenti in programma"));
        assert_eq!(app.count("bookings").await, 2);
    }
}

on_both_databases! {
    async fn booking_submissions_are_limited_per_client_address(app: TestApp) {
        let limited = server_with(&app, |s| s.submission_limits.bookings_per_minute = 3).await;
        for _ in 0..3 {
            assert_eq!(post_to(&limited, "/prenota", &details("Anna", "09:30"), None).await.status(), 303);
        }
        let refused = post_to(&limited, "/prenota", &details("Anna", "09:30"), None).await;
        assert_eq!(refused.status(), 429);
        assert!(refused.text().await.unwrap().contains("Aspetta un minuto"));
        // Without a trusted proxy, a forwarded address changes nothing.
        let spoofed = post_to(&limited, "/prenota", &details("Anna", "09:30"), Some("203.0.113.9")).await;
        assert_eq!(spoofed.status(), 429);
        // Pages are never limited.
        assert_eq!(crate::harness::browser().get(format!("{limited}/prenota")).send().await.unwrap().status(), 200);

        // Behind a trusted proxy, each client behind it has its own allowance.
        let proxied = server_with(&app, |s| {
            s.submission_limits.bookings_per_minute = 1;
            s.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
        })
        .await;
        let first = post_to(&proxied, "/prenota", &details("Anna", "09:30"), Some("203.0.113.1")).await;
        assert_eq!(first.status(), 303);
        let again = post_to(&proxied, "/prenota", &details("Anna", "09:30"), Some("203.0.113.1")).await;
        assert_eq!(again.status(), 429);
        let other = post_to(&proxied, "/prenota", &details("Bruno", "09:30"), Some("198.51.100.2, 203.0.113.2")).await;
        assert_eq!(other.status(), 303);
    }
}

on_both_databases! {
    async fn a_lost_link_is_replaced_by_email_and_the_answer_reveals_nothing(app: TestApp) {
        let (old_path, _) = book_and_read_link(&app, "09:30").await;
        let code: String = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT code FROM bookings").fetch_one(pool).await.unwrap());

        // Wrong details and right ones get the same answer.
        let wrong = app.post_form("/prenota/ritrova", &[("codice", &code), ("contatto", "altra@example.it")]).await;
        let right = app
            .post_form("/prenota/ritrova", &[("codice", &code.to_lowercase()), ("contatto", "famiglia.rossi@example.it")])
            .await;
        assert_eq!(wrong.status(), 303);
        assert_eq!(location(&wrong), location(&right));
        let answer = app.get(&location(&right)).await.text().await.unwrap();
        assert!(answer.contains("Se il codice e l&#x27;email") || answer.contains("Se il codice e l'email"));

        let emails = app.wait_for_emails(2).await;
        assert_eq!(emails.len(), 2, "only the right request sends an email");
        let new_email = emails.iter().find(|e| e.contains("nuovo collegamento")).expect("the new link");
        let new_email = new_email.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
        let start = new_email.find("/prenota/gestisci?t=").unwrap();
        let new_path: String = new_email[start..].chars().take_while(|c| !c.is_whitespace()).collect();
        assert_ne!(new_path, old_path);
        assert!(app.get(&old_path).await.text().await.unwrap().contains("non è valido"), "the old link is dead");
        assert!(app.get(&new_path).await.text().await.unwrap().contains(&code));
        // The reminder waiting to leave carries the new link.
        let reminder_links: Vec<(String,)> = app::on_db!(&app.db, pool => sqlx::query_as(
            "SELECT body_text FROM email_outbox WHERE kind = 'promemoria' AND status = 'pending'").fetch_all(pool).await.unwrap());
        assert_eq!(reminder_links.len(), 1);
        assert!(reminder_links[0].0.contains(&new_path));

        // A form missing its fields says so next to them.
        let empty = app.post_form("/prenota/ritrova", &[("codice", ""), ("contatto", "")]).await;
        assert_eq!(empty.status(), 422);
    }
}

use crate::harness::ServerProcess;

on_both_databases! {
    async fn fifty_people_racing_for_one_seat_on_two_server_processes_get_one_booking(app: TestApp) {
        app.execute("UPDATE offices SET slot_capacity = 1").await;
        let first = ServerProcess::start(&app);
        let second = ServerProcess::start(&app);
        let client = crate::harness::browser();
        // These processes run on the real clock: the first free day and time they offer.
        let month = client
            .get(format!("{}/prenota?sede=segretariato-sociale&argomento=non-so", first.address))
            .send().await.unwrap().text().await.unwrap();
        let day_at = month.find("giorno=").expect("a free day");
        let day = month[day_at + 7..day_at + 17].to_owned();
        let times = client
            .get(format!("{}/prenota?sede=segretariato-sociale&argomento=non-so&giorno={day}", first.address))
            .send().await.unwrap().text().await.unwrap();
        let time_at = times.find("name=\"ora\" value=\"").expect("a free time");
        let time = times[time_at + 18..time_at + 23].to_owned();

        let mut drafts = Vec::new();
        for i in 0..50 {
            let mut fields = details(["Anna", "Bruno", "Carla", "Dario", "Elena"][i % 5], &time);
            fields[1] = ("argomento", "non-so");
            fields[2] = ("giorno", &day);
            let response = post_to(&first.address, "/prenota", &fields, None).await;
            assert_eq!(response.status(), 303);
            drafts.push(draft_id(&location(&response)));
        }
        let answers = futures::future::join_all(drafts.iter().enumerate().map(|(i, id)| {
            let base = if i % 2 == 0 { first.address.clone() } else { second.address.clone() };
            async move {
                let response = post_to(&base, "/prenota/riepilogo", &[("bozza", id)], None).await;
                (response.status().as_u16(), response.text().await.unwrap_or_default())
            }
        }))
        .await;
        let statuses: Vec<u16> = answers.iter().map(|(status, _)| *status).collect();
        assert_eq!(statuses.iter().filter(|s| **s == 303).count(), 1, "{statuses:?}");
        assert_eq!(statuses.iter().filter(|s| **s == 422).count(), 49, "{statuses:?}");
        for (_, page) in answers.iter().filter(|(s, _)| *s == 422) {
            assert!(page.contains("non è più disponibile"));
            assert!(page.contains("Gli orari liberi più vicini"), "with the nearest free times");
        }
        assert_eq!(app.count("bookings").await, 1);
        app.assert_trail_intact().await;
    }
}

on_both_databases! {
    /// A backlog larger than one batch (the first run after an upgrade) is erased whole, in short
    /// transactions.
    async fn a_backlog_of_bookings_is_erased_in_batches(app: TestApp, settings = |s| s.audit_check_every = std::time::Duration::from_millis(100)) {
        // The server's own hourly job has had its first run (it runs again only an hour later by
        // the clock), so the batches below are this call's alone.
        app.wait_for_a_watch_turn().await;
        // 1 200 cancelled bookings, one a minute on 1 December 2025: no seat is held by them.
        app.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1200)
             INSERT INTO bookings (code, office_id, topic_id, starts_at, ends_at, given_name, family_name, email,
                                   manage_token_hash, idempotency_key, created_at, status, cancelled_at)
             SELECT 'B' || CAST(100000 + i AS TEXT) || 'X', (SELECT id FROM offices WHERE slug = 'segretariato-sociale'),
                    (SELECT id FROM booking_topics WHERE slug = 'non-so'),
                    '2025-12-01T08:30:00+00:00', '2025-12-01T09:00:00+00:00', 'Anna', 'Rossi', 'anna@example.it',
                    'hash-' || CAST(i AS TEXT), 'key-' || CAST(i AS TEXT), '2025-11-22T09:00:00+00:00',
                    'annullata', '2025-11-23T09:00:00+00:00'
               FROM n",
        )
        .await;
        assert_eq!(app.count("bookings WHERE given_name = 'Anna'").await, 1200);
        let erased = app::booking::retention::erase_expired(&app.db, app.clock.now(), 90).await.unwrap();
        assert_eq!(erased.bookings, 1200, "three batches");
        assert_eq!(app.count("bookings WHERE given_name <> '' OR email IS NOT NULL").await, 0);
    }
}
