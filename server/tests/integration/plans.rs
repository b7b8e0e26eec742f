//! The help plan: from the draft to its conclusion, consensual interventions starting only with
//! the family's approval and court-ordered ones on the mandate, a refusal, one step at a time
//! under a race; and the case's closure, asked by the worker and approved by the coordinator.

use reqwest::StatusCode;

use crate::cases::{mandate_in_queue, post, taken_by, text_of};
use crate::harness::TestApp;
use crate::on_both_databases;
use crate::staff::demo_browser;

/// A case taken by the demo social worker, from a court mandate; (worker, case, mandate request).
async fn case_with_mandate(app: &TestApp) -> (reqwest::Client, i64, i64) {
    let request = mandate_in_queue(app).await;
    let worker = demo_browser(app, "assistente").await;
    let case = taken_by(app, &worker, request).await;
    (worker, case, request)
}

async fn interventions(app: &TestApp, case: i64) -> Vec<(i64, String, Option<String>)> {
    app::on_db!(&app.db, pool => sqlx::query_as::<_, (i64, String, Option<chrono::NaiveDate>)>(
        "SELECT i.id, i.legal_basis, i.started_on FROM plan_interventions i JOIN help_plans p ON p.id = i.plan_id WHERE p.case_id = $1 ORDER BY i.id")
        .bind(case).fetch_all(pool).await.unwrap())
    .into_iter()
    .map(|(id, basis, started)| (id, basis, started.map(|d| d.to_string())))
    .collect()
}

async fn plan_state(app: &TestApp, case: i64) -> String {
    app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT state FROM help_plans WHERE case_id = $1 ORDER BY id DESC LIMIT 1")
        .bind(case).fetch_one(pool).await.unwrap())
}

/// Adds a consensual intervention and one ordered by the case's mandate.
async fn two_interventions(app: &TestApp, worker: &reqwest::Client, case: &str, mandate: &str) {
    let (status, ..) = post(
        app,
        worker,
        "/operatori/casi/progetto/intervento",
        &[
            ("caso", case),
            ("intervento", "sostegno_socio_educativo"),
            ("chi", "Educatrice della cooperativa, due pomeriggi a settimana"),
            ("inizio", "2026-03-09"),
            ("base", "consenso"),
            ("mandato", ""),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, ..) = post(
        app,
        worker,
        "/operatori/casi/progetto/intervento",
        &[
            ("caso", case),
            ("intervento", "incontri_protetti"),
            ("chi", "Spazio neutro del consultorio, ogni due settimane"),
            ("inizio", "2026-03-05"),
            ("base", "mandato"),
            ("mandato", mandate),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
}

on_both_databases! {
    /// The whole path: draft, proposal, the family's approval, start, review, conclusion; then the
    /// worker asks to close the case and the coordinator sends it back once, then approves.
    async fn a_plan_runs_from_draft_to_conclusion_and_the_case_closes(app: TestApp) {
        let (worker, case_id, mandate) = case_with_mandate(&app).await;
        let case = case_id.to_string();
        let plan_path = format!("/operatori/casi/progetto?caso={case}");
        let (status, page) = text_of(&app, &worker, &plan_path).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("Il caso non ha un progetto in corso") && page.contains("Crea la bozza del progetto"));

        let (status, _, page) = post(&app, &worker, "/operatori/casi/progetto/obiettivi", &[
            ("caso", &case), ("obiettivi", "Ricostruire il rapporto tra Marco e il padre."), ("revisione", "2026-03-01"),
        ]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("deve ancora venire") && page.contains("Ricostruire il rapporto"));
        let (status, ..) = post(&app, &worker, "/operatori/casi/progetto/obiettivi", &[
            ("caso", &case), ("obiettivi", "Ricostruire il rapporto tra Marco e il padre."), ("revisione", "2026-06-15"),
        ]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(plan_state(&app, case_id).await, "bozza");

        // Nothing to propose yet; an ordered intervention must name a mandate of this case.
        let (status, _, page) = post(&app, &worker, "/operatori/casi/progetto/passo", &[("caso", &case), ("azione", "proponi")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("almeno un intervento"));
        let (status, _, page) = post(&app, &worker, "/operatori/casi/progetto/intervento", &[
            ("caso", &case), ("intervento", "affido"), ("chi", "Famiglia affidataria"), ("inizio", "2026-03-05"), ("base", "mandato"), ("mandato", "999999"),
        ]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("Scegli uno dei mandati di questo caso") && page.contains("Famiglia affidataria"));
        two_interventions(&app, &worker, &case, &mandate.to_string()).await;
        let items = interventions(&app, case_id).await;
        let (consensual, ordered) = (items[0].0.to_string(), items[1].0.to_string());
        let (_, page) = text_of(&app, &worker, &plan_path).await;
        assert!(page.contains("In attesa del consenso della famiglia") && page.contains("Mandato: Tribunale per i minorenni di Milano, decreto n. 123/2026"));

        // In the draft nothing starts; once proposed, the court-ordered one may, the consensual one not.
        let (status, ..) = post(&app, &worker, "/operatori/casi/progetto/intervento/stato", &[("caso", &case), ("id", &ordered), ("azione", "avvia")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let (status, ..) = post(&app, &worker, "/operatori/casi/progetto/passo", &[("caso", &case), ("azione", "proponi")]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(plan_state(&app, case_id).await, "proposto");
        let (status, _, page) = post(&app, &worker, "/operatori/casi/progetto/intervento/stato", &[("caso", &case), ("id", &consensual), ("azione", "avvia")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("solo dopo l&#x27;approvazione della famiglia") || page.contains("solo dopo l'approvazione della famiglia"));
        let (status, ..) = post(&app, &worker, "/operatori/casi/progetto/intervento/stato", &[("caso", &case), ("id", &ordered), ("azione", "avvia")]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        // The database itself refuses a consensual start without consent.
        let forced = app::on_db!(&app.db, pool => sqlx::query("UPDATE plan_interventions SET started_on = '2026-03-02' WHERE id = $1")
            .bind(items[0].0).execute(pool).await.map(|_| ()));
        assert!(forced.is_err(), "no consensual start without the family's consent");

        // The family approves: the consent is recorded; the plan starts; so does the consensual intervention.
        let (status, _, page) = post(&app, &worker, "/operatori/casi/progetto/stato", &[
            ("caso", &case), ("azione", "risposta"), ("risposta", "approva"), ("data_risposta", "2026-03-10"), ("nota_risposta", ""),
        ]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("non può essere nel futuro"));
        let (status, ..) = post(&app, &worker, "/operatori/casi/progetto/stato", &[
            ("caso", &case), ("azione", "risposta"), ("risposta", "approva"), ("data_risposta", "2026-03-02"), ("nota_risposta", "Consenso firmato al colloquio"),
        ]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(plan_state(&app, case_id).await, "approvato");
        let (status, ..) = post(&app, &worker, "/operatori/casi/progetto/passo", &[("caso", &case), ("azione", "avvia")]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (status, ..) = post(&app, &worker, "/operatori/casi/progetto/intervento/stato", &[("caso", &case), ("id", &consensual), ("azione", "avvia")]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (_, page) = text_of(&app, &worker, &plan_path).await;
        assert!(page.contains("Progetto in corso: Attivo") && page.contains("Consenso della famiglia del lunedì 2 marzo 2026"));
        assert!(page.contains("Consenso firmato al colloquio") && page.contains("In corso dal lunedì 2 marzo 2026"));

        // No closure while a plan is in progress.
        let (status, _, page) = post(&app, &worker, "/operatori/casi/chiusura", &[("caso", &case), ("motivo_chiusura", "Obiettivi raggiunti.")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("progetto in corso da concludere"), "the refusal is shown, not only sent along");

        // A review, then the conclusion, which ends what still runs.
        let (status, ..) = post(&app, &worker, "/operatori/casi/progetto/passo", &[("caso", &case), ("azione", "revisiona")]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (status, ..) = post(&app, &worker, "/operatori/casi/progetto/stato", &[("caso", &case), ("azione", "riprendi"), ("prossima_revisione", "2026-09-15")]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (status, ..) = post(&app, &worker, "/operatori/casi/progetto/stato", &[("caso", &case), ("azione", "concludi"), ("esito", "")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let (status, ..) = post(&app, &worker, "/operatori/casi/progetto/stato", &[("caso", &case), ("azione", "concludi"), ("esito", "Il rapporto con il padre è ripreso.")]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(plan_state(&app, case_id).await, "concluso");
        let running: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM plan_interventions WHERE started_on IS NOT NULL AND ended_on IS NULL")
            .fetch_one(pool).await.unwrap());
        assert_eq!(running, 0);
        let steps: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM plan_events").fetch_one(pool).await.unwrap());
        assert_eq!(steps, 7, "draft, proposal, approval, start, review, resume, conclusion");

        // Closure: asked by the worker, sent back once by the coordinator, then approved.
        let (status, ..) = post(&app, &worker, "/operatori/casi/chiusura", &[("caso", &case), ("motivo_chiusura", "Obiettivi raggiunti, relazione inviata.")]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (status, ..) = post(&app, &worker, "/operatori/casi/chiusura/decisione", &[("caso", &case), ("decisione", "approva"), ("nota_decisione", "")]).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "the worker does not approve their own closure");
        let coordinator = demo_browser(&app, "coordinatrice").await;
        let (_, list) = text_of(&app, &coordinator, "/operatori/casi").await;
        assert!(list.contains("chiusura da approvare"));
        let (status, _, page) = post(&app, &coordinator, "/operatori/casi/chiusura/decisione", &[("caso", &case), ("decisione", "respingi"), ("nota_decisione", "")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("perché il caso resta aperto"));
        let (status, ..) = post(&app, &coordinator, "/operatori/casi/chiusura/decisione", &[("caso", &case), ("decisione", "respingi"), ("nota_decisione", "Manca la relazione finale al Tribunale.")]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (_, page) = text_of(&app, &worker, &plan_path).await;
        assert!(page.contains("Manca la relazione finale al Tribunale."));
        let (status, ..) = post(&app, &worker, "/operatori/casi/chiusura", &[("caso", &case), ("motivo_chiusura", "Relazione finale inviata.")]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (status, ..) = post(&app, &coordinator, "/operatori/casi/chiusura/decisione", &[("caso", &case), ("decisione", "approva"), ("nota_decisione", "")]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (closed, request_state): (Option<String>, String) = app::on_db!(&app.db, pool => sqlx::query_as::<_, (Option<chrono::DateTime<chrono::Utc>>, String)>(
            "SELECT c.closed_at, r.state FROM cases c JOIN requests r ON r.case_id = c.id WHERE c.id = $1")
            .bind(case_id).fetch_one(pool).await.map(|(at, s)| (at.map(|a| a.to_rfc3339()), s)).unwrap());
        assert!(closed.is_some());
        assert_eq!(request_state, "chiusa", "the request closes with its case");
        let (_, page) = text_of(&app, &worker, &plan_path).await;
        assert!(page.contains("Il caso è chiuso dal") && page.contains("Carla Coordinatrice"));
        let (status, _, page) = post(&app, &worker, "/operatori/casi/nota", &[
            ("caso", &case), ("tipo", "telefonata"), ("data", "2026-03-02"), ("testo", "Dopo la chiusura."),
        ]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("Il caso è chiuso"));
    }
}

on_both_databases! {
    /// A refusal: with court-ordered interventions the plan goes on with them, and the consensual
    /// ones never start; without, the plan ends refused and a new one can be drafted. Ten people
    /// proposing the same draft at once move it once.
    async fn a_refusal_leaves_only_what_the_court_ordered(app: TestApp) {
        let (worker, case_id, mandate) = case_with_mandate(&app).await;
        let case = case_id.to_string();
        post(&app, &worker, "/operatori/casi/progetto/obiettivi", &[("caso", &case), ("obiettivi", "Tutela di Marco."), ("revisione", "2026-06-15")]).await;
        two_interventions(&app, &worker, &case, &mandate.to_string()).await;
        let answers = futures::future::join_all((0..10).map(|_| {
            let (app, worker, case) = (&app, &worker, case.clone());
            async move { app.post_form_as(worker, "/operatori/casi/progetto/passo", &[("caso", case.as_str()), ("azione", "proponi")]).await.status() }
        }))
        .await;
        assert_eq!(answers.iter().filter(|s| **s == StatusCode::SEE_OTHER).count(), 1, "{answers:?}");
        assert!(answers.iter().all(|s| *s == StatusCode::SEE_OTHER || *s == StatusCode::UNPROCESSABLE_ENTITY), "{answers:?}");

        let (status, _, page) = post(&app, &worker, "/operatori/casi/progetto/stato", &[
            ("caso", &case), ("azione", "risposta"), ("risposta", "rifiuta"), ("data_risposta", "2026-03-02"), ("nota_risposta", ""),
        ]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("Scrivi il motivo del rifiuto"));
        let (status, ..) = post(&app, &worker, "/operatori/casi/progetto/stato", &[
            ("caso", &case), ("azione", "risposta"), ("risposta", "rifiuta"), ("data_risposta", "2026-03-02"), ("nota_risposta", "La madre non vuole l'educatrice in casa"),
        ]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(plan_state(&app, case_id).await, "attivo", "the court-ordered part goes on");
        let items = interventions(&app, case_id).await;
        for (id, basis, _) in &items {
            let (status, ..) = post(&app, &worker, "/operatori/casi/progetto/intervento/stato", &[("caso", &case), ("id", &id.to_string()), ("azione", "avvia")]).await;
            let expected = if basis == "mandato" { StatusCode::SEE_OTHER } else { StatusCode::UNPROCESSABLE_ENTITY };
            assert_eq!(status, expected, "{basis}");
        }
        let (_, page) = text_of(&app, &worker, &format!("/operatori/casi/progetto?caso={case}")).await;
        assert!(page.contains("proseguono gli interventi disposti"));
        post(&app, &worker, "/operatori/casi/progetto/stato", &[("caso", &case), ("azione", "concludi"), ("esito", "Mandato eseguito.")]).await;

        // Without a mandate, a refusal ends the plan and a new draft may follow.
        post(&app, &worker, "/operatori/casi/progetto/obiettivi", &[("caso", &case), ("obiettivi", "Sostegno a scuola."), ("revisione", "2026-06-15")]).await;
        post(&app, &worker, "/operatori/casi/progetto/intervento", &[
            ("caso", &case), ("intervento", "consulenza"), ("chi", "L'assistente sociale"), ("inizio", "2026-03-09"), ("base", "consenso"), ("mandato", ""),
        ]).await;
        post(&app, &worker, "/operatori/casi/progetto/passo", &[("caso", &case), ("azione", "proponi")]).await;
        let (status, ..) = post(&app, &worker, "/operatori/casi/progetto/stato", &[
            ("caso", &case), ("azione", "risposta"), ("risposta", "rifiuta"), ("data_risposta", "2026-03-02"), ("nota_risposta", "Non ne sentono il bisogno"),
        ]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(plan_state(&app, case_id).await, "rifiutato");
        let (_, page) = text_of(&app, &worker, &format!("/operatori/casi/progetto?caso={case}")).await;
        assert!(page.contains("Progetti precedenti") && page.contains("rifiutato dalla famiglia") && page.contains("Crea la bozza del progetto"));

        // Someone outside the team neither reads nor changes the plan.
        let (colleague, _) = crate::cases::worker(&app, "collega", "Cora Collega", "minori").await;
        assert_eq!(text_of(&app, &colleague, &format!("/operatori/casi/progetto?caso={case}")).await.0, StatusCode::FORBIDDEN);
        let (status, ..) = post(&app, &colleague, "/operatori/casi/progetto/obiettivi", &[("caso", &case), ("obiettivi", "Altro."), ("revisione", "2026-06-15")]).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, ..) = post(&app, &colleague, "/operatori/casi/chiusura", &[("caso", &case), ("motivo_chiusura", "Chiudo io.")]).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
}

on_both_databases! {
    /// Every step that does not fit the plan's state is refused with a sentence, and changes nothing.
    async fn steps_out_of_order_are_refused(app: TestApp) {
        let (worker, case_id, mandate) = case_with_mandate(&app).await;
        let case = case_id.to_string();
        let move_step = |action: &'static str| [("caso", case.clone()), ("azione", action.to_owned())];
        // No plan yet: nothing to move.
        let (status, _, page) = post(&app, &worker, "/operatori/casi/progetto/passo", &move_step("avvia").each_ref().map(|(k, v)| (*k, v.as_str()))).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("non ha un progetto in corso"));
        post(&app, &worker, "/operatori/casi/progetto/obiettivi", &[("caso", &case), ("obiettivi", "Tutela."), ("revisione", "2026-06-15")]).await;
        two_interventions(&app, &worker, &case, &mandate.to_string()).await;
        // In the draft: no start, review, resume, answer or conclusion.
        for action in ["avvia", "revisiona"] {
            let (status, _, page) = post(&app, &worker, "/operatori/casi/progetto/passo", &move_step(action).each_ref().map(|(k, v)| (*k, v.as_str()))).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{action}");
            assert!(page.contains("non è possibile nello stato attuale"), "{action}");
        }
        for fields in [
            vec![("azione", "riprendi"), ("prossima_revisione", "2026-09-01")],
            vec![("azione", "risposta"), ("risposta", "approva"), ("data_risposta", "2026-03-02")],
            vec![("azione", "concludi"), ("esito", "Fatto.")],
        ] {
            let mut fields = fields.clone();
            fields.push(("caso", &case));
            let (status, ..) = post(&app, &worker, "/operatori/casi/progetto/stato", &fields).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{fields:?}");
        }
        assert_eq!(plan_state(&app, case_id).await, "bozza");
        // Proposed: the goals and interventions are frozen until a revision.
        post(&app, &worker, "/operatori/casi/progetto/passo", &[("caso", &case), ("azione", "proponi")]).await;
        let (status, ..) = post(&app, &worker, "/operatori/casi/progetto/obiettivi", &[("caso", &case), ("obiettivi", "Altro."), ("revisione", "2026-06-15")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let (status, ..) = post(&app, &worker, "/operatori/casi/progetto/intervento", &[
            ("caso", &case), ("intervento", "affido"), ("chi", "Famiglia affidataria"), ("inizio", "2026-03-05"), ("base", "consenso"), ("mandato", ""),
        ]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let (status, ..) = post(&app, &worker, "/operatori/casi/progetto/passo", &[("caso", &case), ("azione", "proponi")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "proposed once");
        let steps: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM plan_events").fetch_one(pool).await.unwrap());
        assert_eq!(steps, 2, "the draft and the proposal only");
    }
}
