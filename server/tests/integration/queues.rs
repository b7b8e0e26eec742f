//! The units' queues: order, filters, pages; taking a request in charge, once, however many
//! workers click at once and on however many servers; and who may see which queue.

use reqwest::StatusCode;

use crate::harness::{browser, ServerProcess, TestApp};
use crate::on_both_databases;
use crate::staff::{demo_browser, location};

const WORKER_PASSWORD: &str = "lavoro-in-coda-2026";

/// `count` requests waiting in the Servizio Minori's queue, each for a family of its own, created
/// `minutes_apart` apart from 1 March 2026; the given urgency for all.
async fn waiting_requests(app: &TestApp, count: usize, urgency: &str) -> Vec<i64> {
    let mut ids = Vec::new();
    for i in 0..count {
        let at = chrono::DateTime::parse_from_rfc3339("2026-03-01T08:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc)
            + chrono::Duration::minutes(i as i64);
        let id: i64 = app::on_db!(&app.db, pool => {
            let family: i64 = sqlx::query_scalar("INSERT INTO families (comune_id, created_at) VALUES ((SELECT MIN(id) FROM comuni), $1) RETURNING id")
                .bind(at).fetch_one(pool).await.unwrap();
            sqlx::query_scalar(
                "INSERT INTO requests (origin, family_id, topic_id, urgency, unit_id, state, office_id, created_at)
                 VALUES ('spontanea', $1, (SELECT id FROM booking_topics WHERE slug = 'figli-e-famiglia'), $2,
                         (SELECT id FROM units WHERE code = 'minori'), 'in_coda', (SELECT MIN(id) FROM offices), $3)
                 RETURNING id",
            )
            .bind(family).bind(urgency).bind(at)
            .fetch_one(pool).await.unwrap()
        });
        ids.push(id);
    }
    ids
}

/// `count` social workers of the Servizio Minori, all with the same password (hashed once).
async fn workers(app: &TestApp, count: usize) -> Vec<String> {
    let hash = app::access::accounts::hash_password(WORKER_PASSWORD.to_owned()).await;
    let mut names = Vec::new();
    for i in 0..count {
        let name = format!("assistente.{i:02}");
        app::on_db!(&app.db, pool => {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO staff_users (username, display_name, password_hash, created_at) VALUES ($1, $1, $2, '2026-01-01T00:00:00Z') RETURNING id",
            )
            .bind(&name).bind(&hash).fetch_one(pool).await.unwrap();
            sqlx::query("INSERT INTO staff_roles (user_id, role, unit_id) VALUES ($1, 'assistente_sociale', (SELECT id FROM units WHERE code = 'minori'))")
                .bind(id).execute(pool).await.unwrap();
        });
        names.push(name);
    }
    names
}

async fn unit_minori(app: &TestApp) -> i64 {
    app::on_db!(&app.db, pool => sqlx::query_scalar::<_, i64>("SELECT id FROM units WHERE code = 'minori'").fetch_one(pool).await.unwrap())
}

/// A client signed in on the server at `base` (each server process keeps its own clock).
async fn signed_in_at(base: &str, user: &str) -> reqwest::Client {
    let client = browser();
    let answer = client
        .post(format!("{base}/operatori"))
        .header("origin", base)
        .header("sec-fetch-site", "same-origin")
        .form(&[("utente", user), ("password", WORKER_PASSWORD), ("codice_totp", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::SEE_OTHER, "{user} signs in at {base}");
    client
}

async fn post_at(client: &reqwest::Client, base: &str, path: &str, fields: &[(&str, &str)]) -> (StatusCode, String) {
    let answer = client
        .post(format!("{base}{path}"))
        .header("origin", base)
        .header("sec-fetch-site", "same-origin")
        .form(fields)
        .send()
        .await
        .unwrap();
    (answer.status(), answer.text().await.unwrap_or_default())
}

on_both_databases! {
    /// Urgent first, then the longest waiting; filters; pages of a bounded size; no names shown;
    /// a worker of the unit takes one, which opens the family's case with them as its worker.
    async fn the_queue_orders_filters_pages_and_is_taken_from(app: TestApp) {
        let ordinary = waiting_requests(&app, 30, "ordinaria").await;
        let urgent = waiting_requests(&app, 1, "urgente").await[0];
        let minori = unit_minori(&app).await;
        let worker = demo_browser(&app, "assistente").await;
        let page = app.get_as(&worker, "/operatori/coda").await.text().await.unwrap();
        assert!(page.contains("Coda: Servizio Minori e Famiglia"));
        let first_row = page.find("<tbody>").unwrap();
        let urgent_at = page[first_row..].find(&format!("<td>{urgent}</td>")).unwrap();
        let oldest_at = page[first_row..].find(&format!("<td>{}</td>", ordinary[0])).unwrap();
        assert!(urgent_at < oldest_at, "the urgent request first, then the oldest");
        assert!(!page.contains(&format!("<td>{}</td>", ordinary[29])), "a page holds 25");
        assert!(page.contains("Richieste successive") && page.contains("da un giorno"));
        let next = page[page.find("href=\"/operatori/coda?unita=").unwrap() + 6..].split('"').next().unwrap().to_owned();
        let next = next.replace("&amp;", "&");
        let second = app.get_as(&worker, &next).await.text().await.unwrap();
        assert!(second.contains(&format!("<td>{}</td>", ordinary[29])) && !second.contains(&format!("<td>{urgent}</td>")));
        let only_urgent = app.get_as(&worker, &format!("/operatori/coda?unita={minori}&urgenza=urgente")).await.text().await.unwrap();
        assert!(only_urgent.contains(&format!("<td>{urgent}</td>")) && !only_urgent.contains(&format!("<td>{}</td>", ordinary[0])));

        let taken = app.post_form_as(&worker, "/operatori/coda/prossimo", &[("unita", &minori.to_string())]).await;
        assert_eq!(location(&taken), format!("/operatori/coda?unita={minori}&presa={urgent}"), "the next is the urgent one");
        let (state, case, responsible): (String, Option<i64>, Option<i64>) = app::on_db!(&app.db, pool => sqlx::query_as(
            "SELECT r.state, r.case_id, c.responsible_id FROM requests r LEFT JOIN cases c ON c.id = r.case_id WHERE r.id = $1")
            .bind(urgent).fetch_one(pool).await.unwrap());
        let me: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT id FROM staff_users WHERE username = 'assistente'")
            .fetch_one(pool).await.unwrap());
        assert_eq!((state.as_str(), case.is_some(), responsible), ("assegnata", true, Some(me)));
        let again = app.post_form_as(&worker, "/operatori/coda/prendi", &[("id", &urgent.to_string()), ("unita", &minori.to_string())]).await;
        assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(again.text().await.unwrap().contains("ha appena preso in carico"));

        // The front desk and the administrators have no queue; a worker has only their units'.
        // Each refusal is recorded, once, with its request.
        let desk = demo_browser(&app, "sportello").await;
        let no_queue = app.get_as(&desk, "/operatori/coda").await;
        assert_eq!(no_queue.status(), StatusCode::FORBIDDEN);
        assert_eq!(app.refusals_recorded_for(&no_queue).await, 1);
        let welfare: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT id FROM units WHERE code = 'welfare_generativo'")
            .fetch_one(pool).await.unwrap());
        let other_queue = app.get_as(&worker, &format!("/operatori/coda?unita={welfare}")).await;
        assert_eq!(other_queue.status(), StatusCode::FORBIDDEN);
        assert_eq!(app.refusals_recorded_for(&other_queue).await, 1);
        let other_unit = app.post_form_as(&worker, "/operatori/coda/prendi", &[("id", &ordinary[0].to_string()), ("unita", &welfare.to_string())]).await;
        assert_eq!(other_unit.status(), StatusCode::FORBIDDEN);
        assert_eq!(app.refusals_recorded_for(&other_unit).await, 1);
    }
}

on_both_databases! {
    /// Twenty workers click "Prendi in carico" on the same request at once, half on each of two
    /// server processes: one wins, the others are told, nobody gets a server error.
    async fn twenty_workers_on_two_servers_claim_one_request_and_one_wins(app: TestApp) {
        let request = waiting_requests(&app, 1, "urgente").await[0];
        let minori = unit_minori(&app).await.to_string();
        let names = workers(&app, 20).await;
        let servers = [ServerProcess::start(&app), ServerProcess::start(&app)];
        let mut clients = Vec::new();
        for (i, name) in names.iter().enumerate() {
            let base = servers[i % 2].address.clone();
            clients.push((signed_in_at(&base, name).await, base));
        }
        let id = request.to_string();
        let fields = [("id", id.as_str()), ("unita", minori.as_str())];
        let claims = clients.iter().map(|(client, base)| post_at(client, base, "/operatori/coda/prendi", &fields));
        let answers = futures::future::join_all(claims).await;
        let won = answers.iter().filter(|(status, _)| *status == StatusCode::SEE_OTHER).count();
        assert_eq!(won, 1, "{:?}", answers.iter().map(|a| a.0).collect::<Vec<_>>());
        for (status, page) in answers.iter().filter(|(status, _)| *status != StatusCode::SEE_OTHER) {
            assert_eq!(*status, StatusCode::UNPROCESSABLE_ENTITY);
            assert!(page.contains("ha appena preso in carico"));
        }
        let cases: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM cases").fetch_one(pool).await.unwrap());
        assert_eq!(cases, 1, "one case opened");
        app.assert_trail_intact().await;
    }
}

on_both_databases! {
    /// Twenty workers ask for "the next" at once on two servers: each gets a different request.
    async fn twenty_workers_asking_for_the_next_get_twenty_different_requests(app: TestApp) {
        waiting_requests(&app, 20, "ordinaria").await;
        let minori = unit_minori(&app).await.to_string();
        let names = workers(&app, 20).await;
        let servers = [ServerProcess::start(&app), ServerProcess::start(&app)];
        let mut clients = Vec::new();
        for (i, name) in names.iter().enumerate() {
            let base = servers[i % 2].address.clone();
            clients.push((signed_in_at(&base, name).await, base));
        }
        let fields = [("unita", minori.as_str())];
        let claims = clients.iter().map(|(client, base)| post_at(client, base, "/operatori/coda/prossimo", &fields));
        let answers = futures::future::join_all(claims).await;
        assert!(answers.iter().all(|(status, _)| *status == StatusCode::SEE_OTHER), "{:?}", answers.iter().map(|a| a.0).collect::<Vec<_>>());
        let (assigned, distinct_workers): (i64, i64) = app::on_db!(&app.db, pool => sqlx::query_as(
            "SELECT COUNT(*), COUNT(DISTINCT assigned_to) FROM requests WHERE state = 'assegnata'").fetch_one(pool).await.unwrap());
        assert_eq!((assigned, distinct_workers), (20, 20), "every request once, every worker one");
        let events: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM request_events WHERE kind = 'assegnata'")
            .fetch_one(pool).await.unwrap());
        assert_eq!(events, 20);
        app.assert_trail_intact().await;
    }
}

on_both_databases! {
    /// The coordinator assigns a waiting request, reassigns it with a reason (the case follows the
    /// new worker), and returns another one to the front desk, which routes it again; the history
    /// keeps each step. A worker cannot do any of it.
    async fn the_coordinator_assigns_reassigns_and_returns_requests(app: TestApp) {
        let ids = waiting_requests(&app, 2, "prioritaria").await;
        let minori = unit_minori(&app).await.to_string();
        let worker_id: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT id FROM staff_users WHERE username = 'assistente'")
            .fetch_one(pool).await.unwrap());
        let coordinator_id: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT id FROM staff_users WHERE username = 'coordinatrice'")
            .fetch_one(pool).await.unwrap());
        let coordinator = demo_browser(&app, "coordinatrice").await;
        let page = app.get_as(&coordinator, "/operatori/coda").await.text().await.unwrap();
        assert!(page.contains("Assegna o restituisci") && page.contains("Richieste assegnate"));

        let worker = demo_browser(&app, "assistente").await;
        let not_yours = app.post_form_as(&worker, "/operatori/coda/assegna", &[
            ("id", &ids[0].to_string()), ("unita", &minori), ("operatore", &worker_id.to_string()), ("motivo", ""),
        ]).await;
        assert_eq!(not_yours.status(), StatusCode::FORBIDDEN, "only the coordinator assigns");
        assert_eq!(app.refusals_recorded_for(&not_yours).await, 1);

        let assign = |id: i64, to: i64, reason: &'static str| {
            let coordinator = coordinator.clone();
            let app = &app;
            let minori = minori.clone();
            async move {
                app.post_form_as(&coordinator, "/operatori/coda/assegna", &[
                    ("id", &id.to_string()), ("unita", &minori), ("operatore", &to.to_string()), ("motivo", reason),
                ]).await
            }
        };
        assert_eq!(assign(ids[0], worker_id, "").await.status(), StatusCode::SEE_OTHER);
        let responsible = |app: &TestApp, id: i64| {
            let db = app.db.clone();
            async move {
                app::on_db!(&db, pool => sqlx::query_as::<_, (Option<i64>, Option<i64>)>(
                    "SELECT r.assigned_to, c.responsible_id FROM requests r JOIN cases c ON c.id = r.case_id WHERE r.id = $1")
                    .bind(id).fetch_one(pool).await.unwrap())
            }
        };
        assert_eq!(responsible(&app, ids[0]).await, (Some(worker_id), Some(worker_id)));
        let no_reason = assign(ids[0], coordinator_id, "").await;
        assert_eq!(no_reason.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(no_reason.text().await.unwrap().contains("Scrivi perché la richiesta cambia operatore"));
        assert_eq!(assign(ids[0], coordinator_id, "Ferie dell'assistente").await.status(), StatusCode::SEE_OTHER);
        assert_eq!(responsible(&app, ids[0]).await, (Some(coordinator_id), Some(coordinator_id)), "the case follows");
        let reasons: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar(
            "SELECT COUNT(*) FROM request_events WHERE request_id = $1 AND kind = 'riassegnata' AND reason = 'Ferie dell''assistente'")
            .bind(ids[0]).fetch_one(pool).await.unwrap());
        assert_eq!(reasons, 1);

        // Back to the front desk, which sees it returned and routes it again.
        let returned = app.post_form_as(&coordinator, "/operatori/coda/restituisci", &[
            ("id", &ids[1].to_string()), ("unita", &minori), ("destinazione", "sportello"), ("motivo", "Serve prima l'ISEE"),
        ]).await;
        assert_eq!(returned.status(), StatusCode::SEE_OTHER);
        let queue = app.get_as(&coordinator, "/operatori/coda").await.text().await.unwrap();
        assert!(!queue.contains(&format!("<td>{}</td>", ids[1])), "no longer in the queue");
        let desk = demo_browser(&app, "sportello").await;
        let detail = app.get_as(&desk, &format!("/operatori/richieste/dettaglio?id={}", ids[1])).await.text().await.unwrap();
        assert!(detail.contains("Restituita allo sportello"), "{detail}");
        assert!(detail.contains("Motivo: Serve prima l&#x27;ISEE") || detail.contains("Motivo: Serve prima l'ISEE"));
        let routed = app.post_form_as(&desk, "/operatori/richieste/reindirizza", &[
            ("id", &ids[1].to_string()), ("unita", &minori), ("motivo", "ISEE consegnato"),
        ]).await;
        assert_eq!(routed.status(), StatusCode::SEE_OTHER);
        let state: String = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT state FROM requests WHERE id = $1")
            .bind(ids[1]).fetch_one(pool).await.unwrap());
        assert_eq!(state, "in_coda");
    }
}

on_both_databases! {
    /// Through the application's clock and the server's own watch loop: an urgent request waiting
    /// more than a day, and a court deadline within two weeks, are shown to the coordinator and
    /// emailed once, in neutral words without names.
    async fn coordinators_are_told_about_urgent_waits_and_near_deadlines(app: TestApp, settings = |s| s.audit_check_every = std::time::Duration::from_millis(200)) {
        app.execute("UPDATE staff_users SET email = 'coordinatrice@comune.example.it' WHERE username = 'coordinatrice'").await;
        // Created on 1 March at 9:00 Rome; the clock says 2 March, 9:00: not yet a full day.
        let urgent = waiting_requests(&app, 1, "urgente").await[0];
        let mandate = waiting_requests(&app, 1, "ordinaria").await[0];
        app.execute(&format!("UPDATE requests SET report_due_on = '2026-03-30' WHERE id = {mandate}")).await;
        app.wait_for_a_watch_turn().await;
        assert_eq!(app.count("email_outbox").await, 0, "nothing to tell yet");

        app.clock.advance(chrono::Duration::hours(2));
        let emails = app.wait_for_emails(1).await;
        let email = emails[0].replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
        assert!(email.contains(&format!("la richiesta n. {urgent}, urgente")), "{email}");
        assert!(!email.contains("Rossi") && !email.contains(&format!("n. {mandate} ha")), "no names; the deadline is still far");
        let coordinator = demo_browser(&app, "coordinatrice").await;
        let page = app.get_as(&coordinator, "/operatori/coda").await.text().await.unwrap();
        assert!(page.contains(&format!("La richiesta n. {urgent}, urgente, aspetta da un giorno")));

        // Two weeks before the court's deadline, the coordinator is told once.
        app.clock.advance(chrono::Duration::days(14));
        let emails = app.wait_for_emails(2).await;
        assert!(emails.iter().any(|e| e.contains(&format!("n. {mandate} ha una relazione"))));
        app.wait_for_a_watch_turn().await;
        app.wait_for_a_watch_turn().await;
        assert_eq!(app.count("email_outbox").await, 2, "each told once, whatever the loop's turns");
    }
}

on_both_databases! {
    /// Where the service covers several comuni and offices, the queue narrows to one of each.
    async fn the_queue_narrows_to_a_comune_and_an_office(app: TestApp) {
        use app::clock::Clock;
        let ids = waiting_requests(&app, 3, "ordinaria").await;
        let minori = unit_minori(&app).await;
        let (comune, office): (i64, i64) = app::on_db!(&app.db, pool => {
            let comune: i64 = sqlx::query_scalar("INSERT INTO comuni (name, created_at) VALUES ('Sesto San Giovanni', $1) RETURNING id")
                .bind(app.clock.now()).fetch_one(pool).await.unwrap();
            let office: i64 = sqlx::query_scalar("INSERT INTO offices (slug, name, created_at) VALUES ('sede-sesto', 'Sede di Sesto', $1) RETURNING id")
                .bind(app.clock.now()).fetch_one(pool).await.unwrap();
            sqlx::query("UPDATE families SET comune_id = $1 WHERE id = (SELECT family_id FROM requests WHERE id = $2)")
                .bind(comune).bind(ids[1]).execute(pool).await.unwrap();
            sqlx::query("UPDATE requests SET office_id = $1 WHERE id = $2").bind(office).bind(ids[2]).execute(pool).await.unwrap();
            (comune, office)
        });
        // The worker also works in the Welfare Generativo unit: the page links to both queues.
        app.execute("INSERT INTO staff_roles (user_id, role, unit_id) SELECT u.id, 'assistente_sociale', w.id FROM staff_users u, units w
                     WHERE u.username = 'assistente' AND w.code = 'welfare_generativo'").await;
        let worker = demo_browser(&app, "assistente").await;
        let page = app.get_as(&worker, &format!("/operatori/coda?unita={minori}")).await.text().await.unwrap();
        assert!(page.contains("<nav aria-label=\"Unità\">") && page.contains(&format!("href=\"/operatori/coda?unita={minori}\" rel=\"external\" aria-current=\"page\"")), "the unit switch");
        assert!(page.contains("id=\"filtro-comune\"") && page.contains("id=\"filtro-sede\"") && page.contains("Sede di Sesto"));
        let by_comune = app.get_as(&worker, &format!("/operatori/coda?unita={minori}&comune={comune}")).await.text().await.unwrap();
        assert!(by_comune.contains(&format!("<td>{}</td>", ids[1])) && !by_comune.contains(&format!("<td>{}</td>", ids[0])));
        let by_office = app.get_as(&worker, &format!("/operatori/coda?unita={minori}&sede={office}")).await.text().await.unwrap();
        assert!(by_office.contains(&format!("<td>{}</td>", ids[2])) && !by_office.contains(&format!("<td>{}</td>", ids[1])));
    }
}
