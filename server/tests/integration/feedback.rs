//! The page-feedback component at the bottom of every public page: stored without personal data,
//! with and without JavaScript, and never a way to redirect elsewhere.

use crate::on_both_databases;

on_both_databases! {
    async fn every_page_asks_how_clear_it_was(app: TestApp) {
        for path in ["/", "/servizi", "/servizi/affido-familiare", "/contatti", "/non-esiste"] {
            let html = app.get(path).await.text().await.unwrap();
            assert!(html.contains("data-element=\"feedback\""), "{path}");
            assert!(html.contains("Quanto sono chiare le informazioni su questa pagina?"), "{path}");
            for n in 1..=5 {
                assert!(html.contains(&format!("data-element=\"feedback-rate-{n}\"")), "{path} {n}");
            }
            // Without JavaScript both follow-up questions are there, each saying when it applies.
            assert!(html.contains("Dove hai incontrato le maggiori difficoltà?"), "{path}");
            assert!(html.contains("Quali sono stati gli aspetti che hai preferito?"), "{path}");
        }
    }
}

on_both_databases! {
    async fn without_javascript_a_rating_is_stored_and_the_page_thanks(app: TestApp) {
        let response = app
            .post_form("/valutazione", &[
                ("pagina", "/servizi/affido-familiare"),
                ("voto", "2"),
                ("motivo", "indicazioni-incomplete"),
                ("commento", "Non capisco quanto dura"),
            ])
            .await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/servizi/affido-familiare?valutazione=grazie#valutazione");
        let stored: (String, i64, Option<String>, Option<String>) = app::on_db!(&app.db, pool => {
            sqlx::query_as("SELECT page_path, rating, reason, comment FROM page_feedback").fetch_one(pool).await.unwrap()
        });
        assert_eq!(stored, ("/servizi/affido-familiare".into(), 2, Some("indicazioni-incomplete".into()), Some("Non capisco quanto dura".into())));
        let thanks = app.get("/servizi/affido-familiare?valutazione=grazie").await.text().await.unwrap();
        assert!(thanks.contains("Grazie per il tuo aiuto!"));
    }
}

on_both_databases! {
    async fn a_missing_rating_comes_back_on_the_rated_page_with_the_comment_kept(app: TestApp) {
        let response = app
            .post_form("/valutazione", &[("pagina", "/servizi/affido-familiare"), ("commento", "Pagina lunga")])
            .await;
        assert_eq!(response.status(), 422);
        let html = response.text().await.unwrap();
        assert!(html.contains("<h1 data-element=\"service-title\">Affido familiare</h1>"), "rendered at the rated page");
        assert!(html.contains("Scegli un voto da 1 a 5 stelle."));
        assert!(html.contains("Pagina lunga"), "the comment is kept");
        assert_eq!(app.count("page_feedback").await, 0);
    }
}

on_both_databases! {
    async fn the_rated_page_can_never_lead_to_another_site(app: TestApp) {
        for outside in ["https://malevolo.example/", "//malevolo.example/x", "/\\malevolo.example"] {
            let response = app.post_form("/valutazione", &[("pagina", outside), ("voto", "5")]).await;
            assert_eq!(response.status(), 303, "{outside}");
            assert_eq!(response.headers()["location"], "/?valutazione=grazie#valutazione", "{outside}");
        }
        let invalid = app.post_form("/valutazione", &[("pagina", "https://malevolo.example/")]).await;
        assert_eq!(invalid.status(), 422);
        assert!(invalid.text().await.unwrap().contains("Servizi sociali per le famiglie con figli minorenni"), "the home page");
    }
}

on_both_databases! {
    /// Staff see which pages confuse people and why, least clear first; the comments shown are
    /// recorded in the audit trail (a citizen may have written personal data in them).
    async fn staff_see_the_ratings_page_by_page(app: TestApp) {
        for (page, rating, reason, comment) in [
            ("/servizi/affido-familiare", "2", "indicazioni-incomplete", "Non capisco quanto dura"),
            ("/servizi/affido-familiare", "1", "indicazioni-incomplete", ""),
            ("/contatti", "5", "indicazioni-chiare", ""),
        ] {
            let sent = app
                .post_form("/valutazione", &[("pagina", page), ("voto", rating), ("motivo", reason), ("commento", comment)])
                .await;
            assert_eq!(sent.status(), 303);
        }
        let (admin, _) = crate::staff::admin_browser(&app).await;
        let report = app.get_as(&admin, "/operatori/valutazioni").await;
        let request_id = report.headers()["x-request-id"].to_str().unwrap().to_owned();
        let report = report.text().await.unwrap();
        let affido = report.find("/servizi/affido-familiare").expect("the page is listed");
        let contacts = report.find(">/contatti<").expect("so is this one");
        assert!(affido < contacts, "the least clear page comes first");
        assert!(report.contains("1,5"), "the mean of 2 and 1");
        assert!(report.contains("A volte le indicazioni non erano complete (2)"));
        assert!(report.contains("Non capisco quanto dura"));
        let shown: String = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT record_ids FROM audit_log WHERE request_id = $1")
            .bind(&request_id).fetch_one(pool).await.unwrap());
        let comment_id: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT id FROM page_feedback WHERE comment = 'Non capisco quanto dura'")
            .fetch_one(pool).await.unwrap());
        assert_eq!(shown, comment_id.to_string());
        let nothing = app.get_as(&admin, "/operatori/valutazioni?giorni=abc").await.text().await.unwrap();
        assert!(nothing.contains("ultimi 90 giorni"), "a bad number of days falls back to the default");
    }
}
