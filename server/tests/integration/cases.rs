//! The case file: who opens it (the team, the unit's coordinator, an emergency access with a
//! reason, nobody else), its family and origin, its team, and a timeline whose notes are corrected
//! by new versions and never edited.

use app::clock::Clock;
use reqwest::StatusCode;

use crate::harness::{browser, TestApp};
use crate::on_both_databases;
use crate::staff::{demo_browser, location, sign_in};

const PASSWORD: &str = "fascicolo-di-prova-2026";

/// A court mandate for a family (mother and son) waiting in the Servizio Minori's queue; its id.
pub async fn mandate_in_queue(app: &TestApp) -> i64 {
    app::on_db!(&app.db, pool => {
        let at = app.clock.now() - chrono::Duration::days(1);
        let family: i64 = sqlx::query_scalar("INSERT INTO families (comune_id, created_at) VALUES ((SELECT MIN(id) FROM comuni), $1) RETURNING id")
            .bind(at).fetch_one(pool).await.unwrap();
        let request: i64 = sqlx::query_scalar(
            "INSERT INTO requests (origin, family_id, topic_id, urgency, unit_id, state, office_id, created_at,
                                   court, decree_number, decree_date, court_request, report_due_on, notes)
             VALUES ('mandato', $1, (SELECT id FROM booking_topics WHERE slug = 'figli-e-famiglia'), 'prioritaria',
                     (SELECT id FROM units WHERE code = 'minori'), 'in_coda', (SELECT MIN(id) FROM offices), $2,
                     'Tribunale per i minorenni di Milano', '123/2026', '2026-02-20', 'Indagine psico-sociale', '2026-05-15',
                     'Il decreto è arrivato per PEC.')
             RETURNING id",
        )
        .bind(family).bind(at)
        .fetch_one(pool).await.unwrap();
        for (given, born, role) in [("Giulia", "1988-04-02", "genitore"), ("Marco", "2015-09-30", "figlio")] {
            let person: i64 = sqlx::query_scalar(
                "INSERT INTO persons (given_name, family_name, birth_date, created_at) VALUES ($1, 'Fontana', $2, $3) RETURNING id",
            )
            .bind(given).bind(chrono::NaiveDate::parse_from_str(born, "%Y-%m-%d").unwrap()).bind(at)
            .fetch_one(pool).await.unwrap();
            sqlx::query("INSERT INTO family_members (family_id, person_id, role) VALUES ($1, $2, $3)")
                .bind(family).bind(person).bind(role).execute(pool).await.unwrap();
            sqlx::query("INSERT INTO request_persons (request_id, person_id) VALUES ($1, $2)")
                .bind(request).bind(person).execute(pool).await.unwrap();
        }
        request
    })
}

/// The demo social worker takes the mandate in charge; the case's id.
pub async fn taken_by(app: &TestApp, worker: &reqwest::Client, request: i64) -> i64 {
    let minori = unit(app, "minori").await.to_string();
    let taken = app
        .post_form_as(
            worker,
            "/operatori/coda/prendi",
            &[("id", &request.to_string()), ("unita", &minori)],
        )
        .await;
    assert_eq!(taken.status(), StatusCode::SEE_OTHER);
    app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT case_id FROM requests WHERE id = $1").bind(request).fetch_one(pool).await.unwrap())
}

async fn unit(app: &TestApp, code: &str) -> i64 {
    app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT id FROM units WHERE code = $1").bind(code).fetch_one(pool).await.unwrap())
}

/// A social worker of the unit `unit_code`, signed in.
pub async fn worker(app: &TestApp, username: &str, display_name: &str, unit_code: &str) -> (reqwest::Client, i64) {
    let hash = app::access::accounts::hash_password(PASSWORD.to_owned()).await;
    let id: i64 = app::on_db!(&app.db, pool => {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO staff_users (username, display_name, password_hash, created_at) VALUES ($1, $2, $3, '2026-01-01T00:00:00Z') RETURNING id",
        )
        .bind(username).bind(display_name).bind(&hash).fetch_one(pool).await.unwrap();
        sqlx::query("INSERT INTO staff_roles (user_id, role, unit_id) VALUES ($1, 'assistente_sociale', (SELECT id FROM units WHERE code = $2))")
            .bind(id).bind(unit_code).execute(pool).await.unwrap();
        id
    });
    let client = browser();
    assert_eq!(
        sign_in(app, &client, username, PASSWORD, "").await.status(),
        StatusCode::SEE_OTHER
    );
    (client, id)
}

pub async fn text_of(app: &TestApp, client: &reqwest::Client, path: &str) -> (StatusCode, String) {
    let answer = app.get_as(client, path).await;
    (answer.status(), answer.text().await.unwrap())
}

pub async fn post(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    fields: &[(&str, &str)],
) -> (StatusCode, String, String) {
    let answer = app.post_form_as(client, path, fields).await;
    let to = location(&answer);
    (answer.status(), to, answer.text().await.unwrap())
}

async fn latest_note(app: &TestApp, case: i64) -> i64 {
    app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT MAX(id) FROM case_notes WHERE case_id = $1").bind(case).fetch_one(pool).await.unwrap())
}

async fn audit_rows(app: &TestApp, action: &str, outcome: &str) -> Vec<(String, Option<String>)> {
    app::on_db!(&app.db, pool => sqlx::query_as("SELECT record_ids, purpose FROM audit_log WHERE action = $1 AND outcome = $2 ORDER BY seq")
        .bind(action).bind(outcome).fetch_all(pool).await.unwrap())
}

on_both_databases! {
    /// The worker who takes a court mandate finds the case among theirs; its file shows the family,
    /// the mandate and the team; notes go on the timeline, and a correction is a new version with
    /// its reason, the earlier one still readable and the database refusing any edit.
    async fn the_team_opens_the_file_and_keeps_its_timeline(app: TestApp) {
        let request = mandate_in_queue(&app).await;
        let worker_a = demo_browser(&app, "assistente").await;
        let case = taken_by(&app, &worker_a, request).await;

        let (status, list) = text_of(&app, &worker_a, "/operatori/casi").await;
        assert_eq!(status, StatusCode::OK);
        assert!(list.contains(&format!("Caso n. {case}")) && list.contains("Giulia Fontana, Marco Fontana"), "{list}");
        assert!(list.contains("Operatore di riferimento"));

        let file_path = format!("/operatori/casi/fascicolo?id={case}");
        let (status, file) = text_of(&app, &worker_a, &file_path).await;
        assert_eq!(status, StatusCode::OK);
        for expected in ["Marco Fontana", "Figlio o figlia", "Tribunale per i minorenni di Milano", "decreto n. 123/2026",
                         "Indagine psico-sociale", "Il decreto è arrivato per PEC.", "Andrea Assistente", "Nessuna nota ancora."] {
            assert!(file.contains(expected), "{expected} in the file");
        }

        // A note dated tomorrow is refused next to its field, with the text kept.
        let (status, _, page) = post(&app, &worker_a, "/operatori/casi/nota", &[
            ("caso", &case.to_string()), ("tipo", "colloquio"), ("data", "2026-03-03"), ("testo", "Primo colloquio con la madre."),
        ]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("non può essere nel futuro") && page.contains("Primo colloquio con la madre."));
        assert_eq!(app.count("case_notes").await, 0);

        // Dated as a person writes it where the browser shows a text box instead of a calendar.
        let (status, to, _) = post(&app, &worker_a, "/operatori/casi/nota", &[
            ("caso", &case.to_string()), ("tipo", "colloquio"), ("data", " 1/03/2026 "), ("testo", "Primo colloquio con la madre."),
        ]).await;
        assert_eq!((status, to.as_str()), (StatusCode::SEE_OTHER, format!("{file_path}&fatto=nota").as_str()));
        let note = latest_note(&app, case).await;
        let (_, file) = text_of(&app, &worker_a, &file_path).await;
        assert!(file.contains("Primo colloquio con la madre.") && file.contains("Colloquio"));

        // The correction: the same text is not a correction; a reason is needed.
        let correct = format!("/operatori/casi/nota/correggi?nota={note}");
        let (status, form) = text_of(&app, &worker_a, &correct).await;
        assert_eq!(status, StatusCode::OK);
        assert!(form.contains("Primo colloquio con la madre.") && form.contains("2026-03-01"));
        let (status, _, page) = post(&app, &worker_a, "/operatori/casi/nota/correggi", &[
            ("nota", &note.to_string()), ("tipo", "colloquio"), ("data", "2026-03-01"), ("testo", "Primo colloquio con la madre."), ("motivo", "refuso"),
        ]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("uguale alla nota"));
        let (status, _, page) = post(&app, &worker_a, "/operatori/casi/nota/correggi", &[
            ("nota", &note.to_string()), ("tipo", "colloquio"), ("data", "2026-03-01"), ("testo", "Primo colloquio con la madre e il figlio."), ("motivo", ""),
        ]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("Scrivi perché correggi la nota") && page.contains("Primo colloquio con la madre e il figlio."));
        let (status, to, _) = post(&app, &worker_a, "/operatori/casi/nota/correggi", &[
            ("nota", &note.to_string()), ("tipo", "colloquio"), ("data", "2026-03-01"), ("testo", "Primo colloquio con la madre e il figlio."), ("motivo", "Era presente anche Marco"),
        ]).await;
        assert_eq!((status, to.as_str()), (StatusCode::SEE_OTHER, format!("{file_path}&fatto=correzione").as_str()));
        let (_, file) = text_of(&app, &worker_a, &file_path).await;
        assert!(file.contains("Primo colloquio con la madre e il figlio.") && file.contains("(versione 2)"));
        assert!(file.contains("Correzione: Era presente anche Marco") && file.contains("Versioni precedenti"));
        assert!(file.contains("Primo colloquio con la madre.</p>"), "the first version stays readable");
        assert_eq!(app.count("case_notes").await, 2);
        // The replaced version cannot be corrected again, and the database refuses any edit.
        let (status, _, page) = post(&app, &worker_a, "/operatori/casi/nota/correggi", &[
            ("nota", &note.to_string()), ("tipo", "colloquio"), ("data", "2026-03-01"), ("testo", "Altro testo."), ("motivo", "prova"),
        ]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("già stata corretta"), "the form says the note has a newer version");
        // The database itself refuses, whoever writes: the newest version, which nothing refers
        // to, so the refusal can only be the trigger's (not a foreign key's).
        let newest = latest_note(&app, case).await;
        let edited = app::on_db!(&app.db, pool => sqlx::query("UPDATE case_notes SET body = 'riscritta' WHERE id = $1").bind(newest).execute(pool).await.map(|_| ()));
        let edited = edited.expect_err("a note is never edited in place").to_string();
        assert!(edited.contains("a case note is corrected by a new version, never edited"), "{edited}");
        let removed = app::on_db!(&app.db, pool => sqlx::query("DELETE FROM case_notes WHERE id = $1").bind(newest).execute(pool).await.map(|_| ()));
        let removed = removed.expect_err("nor removed").to_string();
        assert!(removed.contains("a case note is corrected by a new version, never"), "{removed}");
        assert!(removed.contains("removed"), "{removed}");

        // The unit's coordinator opens the file and lists the unit's cases, but corrects nobody's notes.
        let coordinator = demo_browser(&app, "coordinatrice").await;
        let (status, list) = text_of(&app, &coordinator, "/operatori/casi").await;
        assert_eq!(status, StatusCode::OK);
        assert!(list.contains("Casi aperti delle unità che coordini") && list.contains(&format!("Caso n. {case}")));
        assert_eq!(text_of(&app, &coordinator, &file_path).await.0, StatusCode::OK);
        let newest = latest_note(&app, case).await;
        assert_eq!(text_of(&app, &coordinator, &format!("/operatori/casi/nota/correggi?nota={newest}")).await.0, StatusCode::FORBIDDEN);

        // The team: the coordinator adds a psychologist, who then opens the file; taken off, the
        // file closes to them again.
        let (psychologist, psychologist_id) = worker(&app, "psicologa", "Paola Psicologa", "minori").await;
        assert_eq!(text_of(&app, &psychologist, &file_path).await.0, StatusCode::FORBIDDEN);
        let (status, _, page) = post(&app, &coordinator, "/operatori/casi/equipe", &[("caso", &case.to_string()), ("operatore", &psychologist_id.to_string()), ("professione", "")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("Scegli il ruolo della persona"));
        let (status, to, _) = post(&app, &coordinator, "/operatori/casi/equipe", &[("caso", &case.to_string()), ("operatore", &psychologist_id.to_string()), ("professione", "psicologo")]).await;
        assert_eq!((status, to.as_str()), (StatusCode::SEE_OTHER, format!("{file_path}&fatto=equipe").as_str()));
        let (status, file) = text_of(&app, &psychologist, &file_path).await;
        assert_eq!(status, StatusCode::OK);
        assert!(file.contains("Paola Psicologa") && file.contains("Psicologo o psicologa"));
        assert!(!file.contains("Aggiungi un professionista"), "only the responsible worker and the coordinator change the team");
        let (status, list) = text_of(&app, &psychologist, "/operatori/casi").await;
        assert!(status == StatusCode::OK && list.contains(&format!("Caso n. {case}")) && list.contains("Psicologo o psicologa"));
        let (status, ..) = post(&app, &psychologist, "/operatori/casi/equipe/togli", &[("caso", &case.to_string()), ("operatore", &psychologist_id.to_string())]).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "a member does not change the team");
        let (status, ..) = post(&app, &worker_a, "/operatori/casi/equipe/togli", &[("caso", &case.to_string()), ("operatore", &psychologist_id.to_string())]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(text_of(&app, &psychologist, &file_path).await.0, StatusCode::FORBIDDEN);
        let kept: (i64, Option<i64>) = app::on_db!(&app.db, pool => sqlx::query_as("SELECT COUNT(*), MAX(removed_by) FROM case_team WHERE case_id = $1")
            .bind(case).fetch_one(pool).await.unwrap());
        assert_eq!(kept.0, 1, "the team's history is kept");
        assert!(kept.1.is_some());

        assert!(audit_rows(&app, "caso.apertura", "ok").await.len() >= 5, "every opening is recorded");
        assert_eq!(audit_rows(&app, "caso.nota_corretta", "ok").await.len(), 1);
    }
}

on_both_databases! {
    /// Object-level probes: a worker of another unit, a worker of the same unit outside the team,
    /// the front desk and an administrator are refused the file, its notes and its team, and each
    /// refusal is recorded; a worker outside the team opens it only through an emergency access,
    /// which asks why, lasts a few hours, is recorded and is told to the coordinator.
    async fn outside_the_team_only_an_emergency_access_opens_the_file(app: TestApp) {
        app.execute("UPDATE staff_users SET email = 'coordinatrice@example.org' WHERE username = 'coordinatrice'").await;
        let request = mandate_in_queue(&app).await;
        let worker_a = demo_browser(&app, "assistente").await;
        let case = taken_by(&app, &worker_a, request).await;
        let file_path = format!("/operatori/casi/fascicolo?id={case}");
        post(&app, &worker_a, "/operatori/casi/nota", &[
            ("caso", &case.to_string()), ("tipo", "telefonata"), ("data", "2026-03-02"), ("testo", "Telefonata con la scuola di Marco."),
        ]).await;
        let note = latest_note(&app, case).await.to_string();

        let (welfare, _) = worker(&app, "welfare", "Walter Welfare", "welfare_generativo").await;
        let (colleague, _) = worker(&app, "collega", "Cora Collega", "minori").await;
        for (who, client) in [("another unit", &welfare), ("the same unit outside the team", &colleague)] {
            let (status, page) = text_of(&app, client, &file_path).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{who}");
            assert!(page.contains("Non fai parte dell'équipe") && page.contains("Apri il fascicolo in emergenza"), "{who}");
            assert!(!page.contains("Fontana") && !page.contains("Telefonata con la scuola"), "{who} sees nothing of the family");
            // The list names no family outside the team (a colleague of the unit sees the case's
            // number and its worker, to ask them or to open it in an emergency).
            let (status, list) = text_of(&app, client, "/operatori/casi").await;
            assert!(status == StatusCode::OK && !list.contains("Fontana"), "{who}");
            let (status, ..) = post(&app, client, "/operatori/casi/nota", &[
                ("caso", &case.to_string()), ("tipo", "colloquio"), ("data", "2026-03-02"), ("testo", "Nota abusiva."),
            ]).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{who} writes no note");
            assert_eq!(text_of(&app, client, &format!("/operatori/casi/nota/correggi?nota={note}")).await.0, StatusCode::FORBIDDEN);
            let (status, ..) = post(&app, client, "/operatori/casi/nota/correggi", &[
                ("nota", &note), ("tipo", "colloquio"), ("data", "2026-03-02"), ("testo", "Riscritta."), ("motivo", "prova"),
            ]).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{who} corrects no note");
            let (status, ..) = post(&app, client, "/operatori/casi/equipe", &[("caso", &case.to_string()), ("operatore", "1"), ("professione", "educatore")]).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{who} changes no team");
        }
        assert_eq!(app.count("case_notes").await, 1);
        assert_eq!(app.count("case_team").await, 0);
        assert!(audit_rows(&app, "caso.accesso", "negato").await.len() >= 10, "each refusal is recorded");
        // The front desk and the administrators never read case files.
        let desk = demo_browser(&app, "sportello").await;
        assert_eq!(text_of(&app, &desk, &file_path).await.0, StatusCode::FORBIDDEN);
        assert_eq!(text_of(&app, &desk, "/operatori/casi").await.0, StatusCode::FORBIDDEN);
        let (admin, _) = crate::staff::admin_browser(&app).await;
        assert_eq!(text_of(&app, &admin, &file_path).await.0, StatusCode::FORBIDDEN);
        let (status, ..) = post(&app, &admin, "/operatori/casi/emergenza", &[("caso", &case.to_string()), ("motivo", "Voglio leggere il fascicolo.")]).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "nor through an emergency access");
        // A case that does not exist is not found.
        assert_eq!(text_of(&app, &worker_a, "/operatori/casi/fascicolo?id=999999").await.0, StatusCode::NOT_FOUND);

        // The emergency access: a reason is needed; then the file opens, for a few hours.
        let (status, _, page) = post(&app, &colleague, "/operatori/casi/emergenza", &[("caso", &case.to_string()), ("motivo", "urgente")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("da 10 a 500 caratteri") && page.contains("urgente"));
        let reason = "La scuola segnala che Marco non è stato ritirato e la madre non risponde.";
        let (status, to, _) = post(&app, &colleague, "/operatori/casi/emergenza", &[("caso", &case.to_string()), ("motivo", reason)]).await;
        assert_eq!((status, to.as_str()), (StatusCode::SEE_OTHER, format!("{file_path}&fatto=emergenza").as_str()));
        let (status, file) = text_of(&app, &colleague, &file_path).await;
        assert_eq!(status, StatusCode::OK);
        assert!(file.contains("accesso di emergenza, registrato e segnalato al coordinatore") && file.contains("Telefonata con la scuola di Marco."));
        let recorded = audit_rows(&app, "caso.accesso_emergenza", "ok").await;
        assert_eq!(recorded, vec![(case.to_string(), Some(reason.to_owned()))], "the reason is in the audit trail");
        assert_eq!(audit_rows(&app, "caso.apertura_emergenza", "ok").await.len(), 1);
        // It reads, and may add a note; that a report reached the court is the team's to record.
        let report: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT id FROM court_reports WHERE case_id = $1 AND sent_on IS NULL")
            .bind(case).fetch_one(pool).await.unwrap());
        let (status, ..) = post(&app, &colleague, "/operatori/casi/nota", &[
            ("caso", &case.to_string()), ("tipo", "relazione_ag"), ("data", "2026-03-02"), ("testo", "Relazione inviata."),
            ("relazione", &report.to_string()),
        ]).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "an emergency access closes no court deadline");
        let still_due: bool = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT sent_on IS NULL FROM court_reports WHERE id = $1")
            .bind(report).fetch_one(pool).await.unwrap());
        assert!(still_due);
        assert_eq!(app.count("case_notes").await, 1, "nor writes the note that would have closed it");
        // Told to the coordinator: by email, neutrally, on the queue page and in the file.
        let emails = app.wait_for_emails(1).await;
        assert!(emails[0].contains("coordinatrice@example.org") && emails[0].contains(&format!("caso n. {case}")) && emails[0].contains("Cora Collega"));
        assert!(!emails[0].contains("Fontana") && !emails[0].contains("ritirato"), "the email names neither the family nor the reason");
        let coordinator = demo_browser(&app, "coordinatrice").await;
        let (_, queue) = text_of(&app, &coordinator, "/operatori/coda").await;
        assert!(queue.contains(&format!("Accesso di emergenza al caso n. {case}: Cora Collega")));
        let (_, file) = text_of(&app, &worker_a, &file_path).await;
        assert!(file.contains("Accessi di emergenza") && file.contains(reason));
        // The administrator (who never reads the file) finds who opened it, by the case's number.
        let (status, trail) = text_of(&app, &admin, &format!("/operatori/registro?tipo=caso&id={case}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(trail.contains(r#"<option value="caso" selected"#), "the kind stays chosen");
        assert!(trail.contains(&format!("<td>Fascicolo {case}</td>")), "the record is named in words: {trail}");
        assert!(trail.contains(reason), "with the reason given");
        // The access ends: four hours later the file is closed to them again.
        app.clock.advance(chrono::Duration::hours(5));
        let colleague = {
            let client = browser();
            sign_in(&app, &client, "collega", PASSWORD, "").await;
            client
        };
        assert_eq!(text_of(&app, &colleague, &file_path).await.0, StatusCode::FORBIDDEN);
    }
}

on_both_databases! {
    /// Ten corrections of the same version sent at once: one becomes the new version, the others
    /// are told, and nothing is lost or overwritten.
    async fn one_of_simultaneous_corrections_wins(app: TestApp) {
        let request = mandate_in_queue(&app).await;
        let worker_a = demo_browser(&app, "assistente").await;
        let case = taken_by(&app, &worker_a, request).await;
        post(&app, &worker_a, "/operatori/casi/nota", &[
            ("caso", &case.to_string()), ("tipo", "visita_domiciliare"), ("data", "2026-03-02"), ("testo", "Visita a casa."),
        ]).await;
        let note = latest_note(&app, case).await.to_string();
        let answers = futures::future::join_all((0..10).map(|i| {
            let (app, client, note) = (&app, &worker_a, note.clone());
            async move {
                let text = format!("Visita a casa, versione {i}.");
                app.post_form_as(client, "/operatori/casi/nota/correggi", &[
                    ("nota", note.as_str()), ("tipo", "visita_domiciliare"), ("data", "2026-03-02"), ("testo", text.as_str()), ("motivo", "dettagli"),
                ]).await.status()
            }
        }))
        .await;
        assert_eq!(answers.iter().filter(|s| **s == StatusCode::SEE_OTHER).count(), 1, "{answers:?}");
        assert!(answers.iter().all(|s| *s == StatusCode::SEE_OTHER || *s == StatusCode::UNPROCESSABLE_ENTITY), "{answers:?}");
        assert_eq!(app.count("case_notes").await, 2);
        app.assert_trail_intact().await;
    }
}

on_both_databases! {
    /// The court's deadline of a mandate becomes the case's; the worker adds another; the home page
    /// lists what is due this week and, days later, what is late; a report note closes its deadline.
    async fn reports_and_reviews_fall_due_on_the_workers_home(app: TestApp) {
        let request = mandate_in_queue(&app).await;
        let worker_a = demo_browser(&app, "assistente").await;
        let case = taken_by(&app, &worker_a, request).await;
        let file_path = format!("/operatori/casi/fascicolo?id={case}");
        let (_, file) = text_of(&app, &worker_a, &file_path).await;
        assert!(file.contains("Entro il venerdì 15 maggio 2026") && file.contains("da inviare"), "the mandate's deadline");
        let (_, home) = text_of(&app, &worker_a, "/operatori").await;
        assert!(home.contains("Scadenze dei tuoi casi") && home.contains("Niente in ritardo.") && home.contains("Niente in scadenza questa settimana."));

        // Today is Monday 2 March: a report due on Thursday, and a plan review due on Wednesday.
        let (status, _, page) = post(&app, &worker_a, "/operatori/casi/relazione", &[("caso", &case.to_string()), ("scadenza_relazione", "2026-02-27"), ("mandato_relazione", "")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("già passata"));
        let (status, to, _) = post(&app, &worker_a, "/operatori/casi/relazione", &[("caso", &case.to_string()), ("scadenza_relazione", "2026-03-05"), ("mandato_relazione", &request.to_string())]).await;
        assert_eq!((status, to.as_str()), (StatusCode::SEE_OTHER, format!("{file_path}&fatto=relazione").as_str()));
        let (status, ..) = post(&app, &worker_a, "/operatori/casi/relazione", &[("caso", &case.to_string()), ("scadenza_relazione", "2026-03-05"), ("mandato_relazione", &request.to_string())]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "the same deadline once");
        app::on_db!(&app.db, pool => {
            sqlx::query("INSERT INTO help_plans (case_id, state, goals, review_on, created_by, created_at)
                         VALUES ($1, 'attivo', 'Tutela di Marco', $2, (SELECT id FROM staff_users WHERE username = 'assistente'), $3)")
                .bind(case).bind(chrono::NaiveDate::from_ymd_opt(2026, 3, 4).unwrap()).bind(app.clock.now())
                .execute(pool).await.unwrap();
        });
        let home = text_of(&app, &worker_a, "/operatori").await.1.replace("<!>", "");
        let week = &home[home.find("Entro questa settimana").unwrap()..];
        assert!(week.contains("mercoledì 4 marzo 2026</strong>: revisione del progetto di aiuto"), "{week}");
        assert!(week.contains("giovedì 5 marzo 2026</strong>: relazione all&#x27;Autorità Giudiziaria") || week.contains("giovedì 5 marzo 2026</strong>: relazione all'Autorità Giudiziaria"));
        assert!(week.contains(&format!("Caso n. {case}")) && week.contains("Giulia Fontana, Marco Fontana"));
        assert!(!week.contains("15 maggio"), "not yet due");

        // Four days later both are late; a report note closes the report's deadline.
        app.clock.advance(chrono::Duration::days(4));
        let worker_a = demo_browser(&app, "assistente").await;
        let home = text_of(&app, &worker_a, "/operatori").await.1.replace("<!>", "");
        let late = &home[home.find("In ritardo").unwrap()..home.find("Entro questa settimana").unwrap()];
        assert!(late.contains("4 marzo 2026") && late.contains("5 marzo 2026"), "{late}");
        let report: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT id FROM court_reports WHERE case_id = $1 AND due_on = $2")
            .bind(case).bind(chrono::NaiveDate::from_ymd_opt(2026, 3, 5).unwrap()).fetch_one(pool).await.unwrap());
        let (status, _, page) = post(&app, &worker_a, "/operatori/casi/nota", &[
            ("caso", &case.to_string()), ("tipo", "colloquio"), ("data", "2026-03-06"), ("testo", "Relazione."), ("relazione", &report.to_string()),
        ]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("Solo una nota"));
        let (status, ..) = post(&app, &worker_a, "/operatori/casi/nota", &[
            ("caso", &case.to_string()), ("tipo", "relazione_ag"), ("data", "2026-03-06"), ("testo", "Relazione di aggiornamento inviata per PEC."), ("relazione", &report.to_string()),
        ]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (_, file) = text_of(&app, &worker_a, &file_path).await;
        assert!(file.contains("inviata il venerdì 6 marzo 2026"));
        let home = text_of(&app, &worker_a, "/operatori").await.1.replace("<!>", "");
        let late = &home[home.find("In ritardo").unwrap()..home.find("Entro questa settimana").unwrap()];
        assert!(late.contains("4 marzo 2026") && !late.contains("5 marzo 2026"), "{late}");
        let (status, ..) = post(&app, &worker_a, "/operatori/casi/nota", &[
            ("caso", &case.to_string()), ("tipo", "relazione_ag"), ("data", "2026-03-06"), ("testo", "Di nuovo."), ("relazione", &report.to_string()),
        ]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "a deadline closes once");
    }
}

/// Sends the document form as a browser does (multipart), from `client`.
pub async fn upload(
    app: &TestApp,
    client: &reqwest::Client,
    case: i64,
    title: &str,
    name: &str,
    bytes: Vec<u8>,
) -> (StatusCode, String, String) {
    let form = reqwest::multipart::Form::new()
        .text("caso", case.to_string())
        .text("tipo_documento", "decreto")
        .text("titolo", title.to_owned())
        .part(
            "file",
            reqwest::multipart::Part::bytes(bytes)
                .file_name(name.to_owned())
                .mime_str("application/pdf")
                .unwrap(),
        );
    let answer = app.post_multipart_as(client, "/operatori/casi/documenti", form).await;
    let to = location(&answer);
    (answer.status(), to, answer.text().await.unwrap())
}

on_both_databases! {
    /// A decree in PDF is attached: its type is read from its bytes, it is stored outside the site
    /// under a random name, and every download — by the team, or through an emergency access — is
    /// recorded; anything else (a disguised program, a file too large, a stranger) is refused and
    /// changes nothing.
    async fn documents_are_checked_kept_apart_and_every_download_recorded(app: TestApp, settings = |s| s.documents.max_bytes = 64 * 1024) {
        let request = mandate_in_queue(&app).await;
        let worker_a = demo_browser(&app, "assistente").await;
        let case = taken_by(&app, &worker_a, request).await;
        let decree = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".to_vec();

        let (status, _, page) = upload(&app, &worker_a, case, "Decreto di affido", "virus.pdf", b"MZ\x90\x00 not a pdf".to_vec()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("deve essere un PDF o un&#x27;immagine") || page.contains("deve essere un PDF o un'immagine"));
        assert!(page.contains("Decreto di affido"), "the title typed is kept");
        let (status, _, page) = upload(&app, &worker_a, case, "Troppo grande", "grande.pdf", [b"%PDF-".to_vec(), vec![b'x'; 70 * 1024]].concat()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("troppo grande"));
        assert_eq!(app.count("case_documents").await, 0);

        let (status, to, _) = upload(&app, &worker_a, case, "Decreto di affido", "C:\\Scansioni\\decreto 123.pdf", decree.clone()).await;
        assert_eq!((status, to.as_str()), (StatusCode::SEE_OTHER, format!("/operatori/casi/fascicolo?id={case}&fatto=documento").as_str()));
        let (id, key): (i64, String) = app::on_db!(&app.db, pool => sqlx::query_as("SELECT id, storage_key FROM case_documents").fetch_one(pool).await.unwrap());
        let stored = app.settings.documents.dir.join(&key);
        let on_disk = std::fs::read(&stored).unwrap();
        assert!(on_disk.len() > decree.len() && !on_disk.starts_with(b"%PDF"), "kept in the documents folder, sealed");
        assert!(!stored.starts_with(&app.settings.site_root), "outside the web root");
        for path in [format!("/pkg/{key}"), format!("/{key}"), format!("/documenti/{key}")] {
            assert_eq!(app.get_as(&worker_a, &path).await.status(), StatusCode::NOT_FOUND, "{path}: never served as a file");
        }
        // A name nobody chose or can guess (128 random bits), readable by the server's user alone.
        assert!(key.len() == 32 && key.chars().all(|c| c.is_ascii_hexdigit()), "{key}");
        assert!(!key.contains("decreto"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |path: &std::path::Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&stored), 0o600, "the file");
            assert_eq!(mode(&app.settings.documents.dir), 0o700, "the folder");
        }
        let (_, file) = text_of(&app, &worker_a, &format!("/operatori/casi/fascicolo?id={case}")).await;
        assert!(file.contains("Decreto dell&#x27;Autorità Giudiziaria: Decreto di affido") || file.contains("Decreto dell'Autorità Giudiziaria: Decreto di affido"));
        assert!(file.contains("decreto 123.pdf, PDF, 1 kB"));

        let download = format!("/operatori/casi/documenti/scarica?id={id}");
        let answer = app.get_as(&worker_a, &download).await;
        assert_eq!(answer.status(), StatusCode::OK);
        assert_eq!(answer.headers()["content-type"], "application/pdf");
        assert!(answer.headers()["content-disposition"].to_str().unwrap().starts_with("attachment; filename=\"decreto 123.pdf\""));
        assert_eq!(answer.headers()["cache-control"], "no-store");
        assert_eq!(answer.bytes().await.unwrap().to_vec(), decree);

        // A colleague outside the team: refused, recorded; after an emergency access, allowed and recorded.
        let (colleague, _) = worker(&app, "collega", "Cora Collega", "minori").await;
        assert_eq!(app.get_as(&colleague, &download).await.status(), StatusCode::FORBIDDEN);
        let (status, ..) = upload(&app, &colleague, case, "Altro", "altro.pdf", decree.clone()).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        // The refused download and the refused upload, each recorded once.
        assert_eq!(audit_rows(&app, "caso.accesso", "negato").await.len(), 2);
        post(&app, &colleague, "/operatori/casi/emergenza", &[("caso", &case.to_string()), ("motivo", "Serve il decreto per l'udienza di oggi.")]).await;
        assert_eq!(app.get_as(&colleague, &download).await.status(), StatusCode::OK);
        let (status, ..) = upload(&app, &colleague, case, "Altro", "altro.pdf", decree.clone()).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "an emergency access reads, it does not add");
        assert_eq!(audit_rows(&app, "caso.documento_scaricato", "ok").await, vec![(id.to_string(), None), (id.to_string(), None)]);
        assert_eq!(app.count("case_documents").await, 1);
        let desk = demo_browser(&app, "sportello").await;
        assert_eq!(app.get_as(&desk, &download).await.status(), StatusCode::FORBIDDEN);
        let (welfare, _) = worker(&app, "welfare", "Walter Welfare", "welfare_generativo").await;
        assert_eq!(app.get_as(&welfare, &download).await.status(), StatusCode::FORBIDDEN, "the other unit, trying the id");

        // A file changed on disk is not handed out.
        std::fs::write(&stored, b"%PDF-altered").unwrap();
        assert_eq!(app.get_as(&worker_a, &download).await.status(), StatusCode::INTERNAL_SERVER_ERROR);
    }
}

on_both_databases! {
    /// A request for a family whose case is open goes to its worker, who finds it on the home page
    /// until they open the file; colleagues of the unit see that the case exists and who answers
    /// for it, never the family; the other unit sees nothing.
    async fn a_request_joining_an_open_case_shows_on_the_workers_home(app: TestApp) {
        let request = mandate_in_queue(&app).await;
        let worker_a = demo_browser(&app, "assistente").await;
        let case = taken_by(&app, &worker_a, request).await;
        let joined: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar(
            "INSERT INTO requests (origin, family_id, topic_id, urgency, unit_id, state, case_id, assigned_to, flagged_new, office_id, created_at)
             SELECT 'spontanea', family_id, topic_id, 'ordinaria', unit_id, 'assegnata', case_id, assigned_to, TRUE, office_id, $2
               FROM requests WHERE id = $1 RETURNING id")
            .bind(request).bind(app.clock.now()).fetch_one(pool).await.unwrap());
        let home = text_of(&app, &worker_a, "/operatori").await.1.replace("<!>", "");
        assert!(home.contains("Nuove richieste sui tuoi casi") && home.contains(&format!("nuova richiesta n. {joined}")), "{home}");
        let (_, file) = text_of(&app, &worker_a, &format!("/operatori/casi/fascicolo?id={case}")).await;
        assert!(file.contains(&format!("Richiesta n. {joined} del")), "the request is among the case's origins");
        let home = text_of(&app, &worker_a, "/operatori").await.1;
        assert!(!home.contains("Nuove richieste sui tuoi casi"), "seen once the file is opened");

        let (colleague, _) = worker(&app, "collega", "Cora Collega", "minori").await;
        let (_, list) = text_of(&app, &colleague, "/operatori/casi").await;
        assert!(list.contains("Altri casi aperti della tua unità") && list.contains(&format!("Caso n. {case}")) && list.contains("Andrea Assistente"));
        assert!(!list.contains("Fontana"), "no family outside the team");
        let (welfare, _) = worker(&app, "welfare", "Walter Welfare", "welfare_generativo").await;
        let (_, list) = text_of(&app, &welfare, "/operatori/casi").await;
        assert!(!list.contains(&format!("Caso n. {case}")));
    }
}

on_both_databases! {
    /// A report the case owes within the warning window is emailed to the unit's coordinators once,
    /// by the servers' watch loop, and shown on their queue page.
    async fn coordinators_are_told_of_a_case_report_falling_due(app: TestApp, settings = |s| s.audit_check_every = std::time::Duration::from_millis(200)) {
        app.execute("UPDATE staff_users SET email = 'coordinatrice@example.org' WHERE username = 'coordinatrice'").await;
        let request = mandate_in_queue(&app).await;
        let worker_a = demo_browser(&app, "assistente").await;
        let case = taken_by(&app, &worker_a, request).await;
        app.wait_for_a_watch_turn().await;
        assert_eq!(app.count("email_outbox").await, 0, "the mandate's deadline is in May");
        let (status, ..) = post(&app, &worker_a, "/operatori/casi/relazione", &[("caso", &case.to_string()), ("scadenza_relazione", "2026-03-10"), ("mandato_relazione", "")]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let emails = app.wait_for_emails(1).await;
        let email = emails[0].replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
        assert!(email.contains(&format!("il caso n. {case} ha una relazione")) && email.contains("10 marzo 2026"), "{email}");
        assert!(!email.contains("Fontana"));
        let coordinator = demo_browser(&app, "coordinatrice").await;
        let (_, queue) = text_of(&app, &coordinator, "/operatori/coda").await;
        assert!(queue.contains(&format!("Il caso n. {case}: relazione all")));
        app.wait_for_a_watch_turn().await;
        app.wait_for_a_watch_turn().await;
        assert_eq!(app.count("email_outbox").await, 1, "told once");
    }
}

on_both_databases! {
    /// The documents folder cannot take a file (a full disk, a folder gone read-only or away): the
    /// upload is refused with a sentence next to the file and the request id, the case and its
    /// audit trail unchanged, no piece of file left; and the file of an upload cut short between
    /// the file and its row is swept by the hourly housekeeping, never a file that a row names.
    async fn an_upload_the_folder_cannot_take_changes_nothing_and_leftovers_are_swept(
        app: TestApp,
        settings = |s| s.audit_check_every = std::time::Duration::from_millis(200)
    ) {
        let request = mandate_in_queue(&app).await;
        let worker = demo_browser(&app, "assistente").await;
        let case = taken_by(&app, &worker, request).await;
        let decree = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".to_vec();
        let dir = app.settings.documents.dir.clone();
        // The folder replaced by a file: nothing can be written in it, even by root.
        std::fs::remove_dir_all(&dir).unwrap();
        std::fs::write(&dir, b"not a folder").unwrap();
        let recorded = |app: &TestApp| {
            let db = app.db.clone();
            async move {
                app::on_db!(&db, pool => sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM audit_log WHERE action = 'caso.documento'")
                    .fetch_one(pool).await.unwrap())
            }
        };
        let (status, _, page) = upload(&app, &worker, case, "Decreto di affido", "decreto.pdf", decree.clone()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("Non è stato possibile salvare il file") && page.contains("Il fascicolo non è cambiato"), "{page}");
        assert!(page.contains("Decreto di affido"), "the title typed is kept");
        assert_eq!(app.count("case_documents").await, 0);
        assert_eq!(recorded(&app).await, 0, "no upload in the audit trail");

        std::fs::remove_file(&dir).unwrap();
        std::fs::create_dir(&dir).unwrap();
        let (status, ..) = upload(&app, &worker, case, "Decreto di affido", "decreto.pdf", decree).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "taken once the folder is back");
        let key: String = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT storage_key FROM case_documents").fetch_one(pool).await.unwrap());
        let kept = dir.join(&key);

        // Left by an upload cut short two hours ago, and by one another server is finishing now.
        let leftover = dir.join("0123456789abcdef0123456789abcdef");
        let in_progress = dir.join("fedcba9876543210fedcba9876543210");
        let operators_note = dir.join("LEGGIMI.txt");
        for file in [&leftover, &in_progress, &operators_note] {
            std::fs::write(file, b"%PDF-1.7").unwrap();
        }
        for file in [&leftover, &operators_note, &kept] {
            let touched = std::process::Command::new("touch").arg("-d").arg("2 hours ago").arg(file).status().unwrap();
            assert!(touched.success());
        }
        app.clock.advance(chrono::Duration::hours(2));
        app.wait_for_a_watch_turn().await;
        assert!(!leftover.exists(), "the leftover is swept");
        assert!(in_progress.exists(), "a file being written now is not");
        assert!(kept.exists() && operators_note.exists(), "nor a document's file, nor a file the server did not write");
    }
}

async fn family_sees(app: &TestApp, table: &str, id: i64) -> bool {
    app::on_db!(&app.db, pool => sqlx::query_scalar(&format!("SELECT family_sees FROM {table} WHERE id = $1"))
        .bind(id).fetch_one(pool).await.unwrap())
}

on_both_databases! {
    /// Nothing of a court mandate reaches the family's personal area until its worker says so,
    /// having checked that no parent is the one the child is protected from; each choice is
    /// recorded, and only the responsible worker (or the coordinator) may make it.
    async fn the_worker_decides_what_the_family_sees(app: TestApp) {
        let request = mandate_in_queue(&app).await;
        let (elena, _) = worker(&app, "elena.riva", "Elena Riva", "minori").await;
        let case = taken_by(&app, &elena, request).await;
        let file = format!("/operatori/casi/fascicolo?id={case}");
        let (_, page) = text_of(&app, &elena, &file).await;
        assert!(page.contains("Che cosa vede la famiglia") && page.contains("nasce da un mandato"), "{page}");
        assert!(page.contains("Mostra il caso alla famiglia") && page.contains("Mostra la richiesta n."));
        assert!(!family_sees(&app, "cases", case).await && !family_sees(&app, "requests", request).await, "both start hidden");

        // Showing without the check is refused, and says why.
        let (case_id, request_id) = (case.to_string(), request.to_string());
        let (status, _, refused) = post(&app, &elena, "/operatori/casi/visibilita", &[("caso", &case_id), ("mostra", "si")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.contains("conferma di aver verificato"), "{refused}");
        assert!(!family_sees(&app, "cases", case).await);

        // Checked: the request is shown, the case stays hidden; then hidden again.
        let show = [("caso", case_id.as_str()), ("richiesta", request_id.as_str()), ("mostra", "si"), ("conferma", "si")];
        let (status, to, _) = post(&app, &elena, "/operatori/casi/visibilita", &show).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert!(to.contains("fatto=visibilita"));
        assert!(family_sees(&app, "requests", request).await && !family_sees(&app, "cases", case).await);
        let (_, page) = text_of(&app, &elena, &file).await;
        assert!(page.contains("Nascondi la richiesta n."), "the file says what the family sees now");
        let hide = [("caso", case_id.as_str()), ("richiesta", request_id.as_str()), ("mostra", "no")];
        assert_eq!(post(&app, &elena, "/operatori/casi/visibilita", &hide).await.0, StatusCode::SEE_OTHER);
        assert!(!family_sees(&app, "requests", request).await);
        let recorded = audit_rows(&app, "caso.visibilita", "ok").await;
        assert_eq!(
            recorded.iter().map(|(_, purpose)| purpose.clone().unwrap_or_default()).collect::<Vec<_>>(),
            ["Mostrato alla famiglia", "Nascosto alla famiglia"]
        );

        // A colleague outside the team neither sees the buttons nor may press them.
        let (luca, _) = worker(&app, "luca.neri", "Luca Neri", "minori").await;
        let (status, _, _) = post(&app, &luca, "/operatori/casi/visibilita", &show).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert!(!family_sees(&app, "requests", request).await);
        // Another case's request cannot be reached through this one.
        let other_request = mandate_in_queue(&app).await;
        let other = [("caso", case_id.as_str()), ("richiesta", &other_request.to_string()), ("mostra", "si"), ("conferma", "si")];
        assert_eq!(post(&app, &elena, "/operatori/casi/visibilita", &other).await.0, StatusCode::NOT_FOUND);
        assert!(!family_sees(&app, "requests", other_request).await);

        // The database holds the starting rule, whatever an insert says: a request the family asked
        // for starts visible, one from a court mandate hidden.
        let copy = |origin: &'static str, sees: bool| {
            let db = app.db.clone();
            async move {
                let id: i64 = app::on_db!(&db, pool => sqlx::query_scalar(
                    "INSERT INTO requests (origin, family_id, topic_id, urgency, unit_id, state, office_id, created_at,
                                           court, decree_number, decree_date, court_request, report_due_on, notes, family_sees)
                     SELECT $1, family_id, topic_id, urgency, unit_id, 'in_coda', office_id, created_at,
                            court, decree_number, decree_date, court_request, report_due_on, notes, $2
                       FROM requests WHERE id = $3
                     RETURNING id",
                )
                .bind(origin).bind(sees).bind(request)
                .fetch_one(pool).await.unwrap());
                id
            }
        };
        let asked = copy("spontanea", false).await;
        let ordered = copy("mandato", true).await;
        assert!(family_sees(&app, "requests", asked).await, "asked for by the family: visible");
        assert!(!family_sees(&app, "requests", ordered).await, "a court mandate: hidden");
    }
}
