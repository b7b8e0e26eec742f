//! The page shell: Italian, complete HTML from the server, the emergency notice, a friendly 404.

use crate::on_both_databases;

on_both_databases! {
    async fn the_home_page_is_complete_italian_html(app: TestApp) {
        let response = app.get("/").await;
        assert_eq!(response.status(), 200);
        let html = response.text().await.unwrap();
        assert!(html.starts_with("<!DOCTYPE html><html lang=\"it\">"), "{}", &html[..80]);
        assert!(html.contains("href=\"#contenuto\""), "skip link");
        assert!(html.contains("<main id=\"contenuto\""));
        // The seeded organisation, office and reception hours come from the database.
        assert!(html.contains("Comune di Cinisello Balsamo"));
        assert!(html.contains("Da lunedì a giovedì: 9:30–12:30 e 14:30–15:30"));
        assert!(html.contains("Venerdì: 9:30–12:30"));
        // The emergency notice is on every public page.
        assert!(html.contains("tel:112") && html.contains("114 Emergenza Infanzia") && html.contains("1522"));
    }
}

on_both_databases! {
    async fn an_unknown_address_gets_a_friendly_404(app: TestApp) {
        let response = app.get("/pagina/che-non-esiste?x=1").await;
        assert_eq!(response.status(), 404);
        let html = response.text().await.unwrap();
        assert!(html.contains("lang=\"it\""));
        assert!(html.contains("<h1>Pagina non trovata</h1>"));
        assert!(html.contains("tel:112"), "the 404 page keeps the emergency notice");
    }
}

on_both_databases! {
    async fn the_organisation_name_comes_from_the_database(app: TestApp) {
        app.execute("UPDATE organisation SET name = 'Azienda Speciale Consortile di Prova' WHERE id = 1").await;
        // The header name is read at start: a restarted server shows the new one.
        let other = app.start_another().await;
        let html = app.client.get(format!("{other}/")).send().await.unwrap().text().await.unwrap();
        assert!(html.contains("Azienda Speciale Consortile di Prova"));
    }
}
