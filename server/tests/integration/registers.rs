//! Administering the lists the service chooses from: comuni, units and appointment topics.

use reqwest::StatusCode;

use crate::on_both_databases;
use crate::staff::{admin_browser, location};

on_both_databases! {
    /// A new topic and a new unit appear to citizens at once; a switched-off topic disappears but
    /// keeps its bookings; mistakes are explained next to their fields and change nothing.
    async fn an_administrator_maintains_comuni_units_and_topics(app: TestApp) {
        let (admin, _) = admin_browser(&app).await;
        let page = app.get_as(&admin, "/operatori/elenchi").await.text().await.unwrap();
        assert!(page.contains("Comuni serviti") && page.contains("Servizio Minori"), "{page}");

        // A comune with a malformed cadastral code is refused, with what was typed kept.
        let comuni_before = app.count("comuni").await;
        let wrong = app
            .post_form_as(&admin, "/operatori/elenchi/comuni", &[
                ("id", ""), ("comune_nome", "Cusano Milanino"), ("comune_provincia", "Milano"), ("comune_codice", "12AB"), ("comune_attivo", "si"),
            ])
            .await;
        assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let wrong = wrong.text().await.unwrap();
        assert!(wrong.contains("due lettere, per esempio MI") && wrong.contains("una lettera seguita da tre cifre"));
        assert!(wrong.contains("value=\"Cusano Milanino\""));
        assert_eq!(app.count("comuni").await, comuni_before);
        let added = app
            .post_form_as(&admin, "/operatori/elenchi/comuni", &[
                ("id", ""), ("comune_nome", "Cusano Milanino"), ("comune_provincia", "mi"), ("comune_codice", "d231"), ("comune_attivo", "si"),
            ])
            .await;
        assert_eq!(location(&added), "/operatori/elenchi?salvato=1");
        let service = app.get("/servizi/affido-familiare").await.text().await.unwrap();
        assert!(service.contains("Cusano Milanino"), "the area served, in the page's structured data");
        let same_code = app
            .post_form_as(&admin, "/operatori/elenchi/comuni", &[
                ("id", ""), ("comune_nome", "Altro"), ("comune_provincia", ""), ("comune_codice", "D231"), ("comune_attivo", "si"),
            ])
            .await;
        assert!(same_code.text().await.unwrap().contains("Un altro comune ha già questo codice catastale"));

        // A unit, then a topic that points at it.
        let unit = app
            .post_form_as(&admin, "/operatori/elenchi/unita", &[
                ("id", ""), ("unita_nome", "Servizio Disabili"), ("unita_descrizione", "Sostegno alle famiglie con figli disabili."),
                ("unita_posizione", "30"), ("unita_attiva", "si"),
            ])
            .await;
        assert_eq!(unit.status(), StatusCode::SEE_OTHER);
        let unit_id: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT id FROM units WHERE code = 'servizio-disabili'")
            .fetch_one(pool).await.unwrap());
        let topic = [
            ("id", String::new()), ("argomento_nome", "Figli con disabilità".to_owned()), ("argomento_aiuto", "Sostegni a scuola e a casa.".to_owned()),
            ("argomento_unita", unit_id.to_string()), ("argomento_posizione", "dieci".to_owned()), ("argomento_attivo", "si".to_owned()),
            ("argomento_urgenza", "prioritaria".to_owned()),
        ];
        let fields = |topic: &[(&'static str, String)]| topic.iter().map(|(k, v)| (*k, v.clone())).collect::<Vec<_>>();
        let send = |fields: Vec<(&'static str, String)>| {
            let admin = admin.clone();
            let app = &app;
            async move {
                let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
                app.post_form_as(&admin, "/operatori/elenchi/argomenti", &fields).await
            }
        };
        let wrong = send(fields(&topic)).await;
        assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(wrong.text().await.unwrap().contains("Scrivi la posizione come numero intero"));
        let mut topic = fields(&topic);
        topic[4].1 = "5".to_owned();
        assert_eq!(send(topic.clone()).await.status(), StatusCode::SEE_OTHER);
        let booking = app.get("/prenota?sede=segretariato-sociale").await.text().await.unwrap();
        assert!(booking.contains("Figli con disabilità") && booking.contains("Sostegni a scuola e a casa."));

        // Edited through its "Modifica" link: switched off, it is no longer offered.
        let topic_id: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT id FROM booking_topics WHERE slug = 'figli-con-disabilita'")
            .fetch_one(pool).await.unwrap());
        let edit = app.get_as(&admin, &format!("/operatori/elenchi?modifica=argomento-{topic_id}")).await.text().await.unwrap();
        assert!(edit.contains("Modifica: Figli con disabilità") && edit.contains("value=\"Sostegni a scuola e a casa.\""));
        topic[0].1 = topic_id.to_string();
        topic[5].1 = String::new();
        assert_eq!(send(topic.clone()).await.status(), StatusCode::SEE_OTHER);
        let booking = app.get("/prenota?sede=segretariato-sociale").await.text().await.unwrap();
        assert!(!booking.contains("Figli con disabilità"));
        let slug: String = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT slug FROM booking_topics WHERE id = $1")
            .bind(topic_id).fetch_one(pool).await.unwrap());
        assert_eq!(slug, "figli-con-disabilita", "the address of a topic never changes");

        // An entry that is gone.
        topic[0].1 = "999999".to_owned();
        let gone = send(topic).await;
        assert!(gone.text().await.unwrap().contains("non esiste più"));
        let audited: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar(
            "SELECT COUNT(*) FROM audit_log WHERE action IN ('elenchi.comune', 'elenchi.unita', 'elenchi.argomento')")
            .fetch_one(pool).await.unwrap());
        assert_eq!(audited, 4, "each change that took effect, once");
    }
}
