//! Triage at the front desk: the interview's outcome, requests with their family and persons
//! (found again and confirmed), routing by the topic's suggestion, a family already followed
//! skipping the queue, requests without appointment, re-routing with its reason, and who may see.

use reqwest::StatusCode;

use crate::harness::TestApp;
use crate::on_both_databases;
use crate::staff::{demo_browser, location};

/// A booking at the seeded office today (Monday 2 March 2026) at `hour`:00 UTC, already arrived.
async fn interview(app: &TestApp, code: &str, hour: u32) -> i64 {
    let starts = chrono::DateTime::parse_from_rfc3339(&format!("2026-03-02T{hour:02}:00:00Z"))
        .unwrap()
        .with_timezone(&chrono::Utc);
    app::on_db!(&app.db, pool => sqlx::query_scalar(
        "INSERT INTO bookings (code, office_id, topic_id, starts_at, ends_at, given_name, family_name, email,
                               manage_token_hash, idempotency_key, created_at, visit_state)
         VALUES ($1, (SELECT id FROM offices WHERE slug = 'segretariato-sociale'),
                 (SELECT id FROM booking_topics WHERE slug = 'figli-e-famiglia'),
                 $2, $3, 'Anna', 'Rossi', 'anna@example.it', 'hash-' || $1, 'key-' || $1, $2, 'arrivato')
         RETURNING id",
    )
    .bind(code)
    .bind(starts)
    .bind(starts + chrono::Duration::minutes(30))
    .fetch_one(pool)
    .await
    .unwrap())
}

async fn scalar(app: &TestApp, sql: &str) -> i64 {
    app::on_db!(&app.db, pool => sqlx::query_scalar::<_, i64>(sql).fetch_one(pool).await.unwrap())
}

/// The request form's fields for the Rossi family, with `changes` applied.
pub fn family_form(booking: Option<i64>, origin: &str, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = [
        ("origine", origin.to_owned()),
        ("prenotazione", booking.map(|b| b.to_string()).unwrap_or_default()),
        ("comune", String::new()),
        ("p1_ruolo", "genitore".to_owned()),
        ("p1_nome", "Anna".to_owned()),
        ("p1_cognome", "Rossi".to_owned()),
        ("p1_nascita", "1985-05-01".to_owned()),
        ("p1_cf", String::new()),
        ("p2_ruolo", "figlio".to_owned()),
        ("p2_nome", "Luca".to_owned()),
        ("p2_cognome", "Rossi".to_owned()),
        ("p2_nascita", "2015-03-10".to_owned()),
        ("p2_cf", String::new()),
        ("argomento", String::new()),
        ("urgenza", "ordinaria".to_owned()),
        ("unita", String::new()),
        ("note", "La scuola segnala assenze frequenti.".to_owned()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    for (name, value) in changes {
        match fields.iter_mut().find(|(n, _)| n == name) {
            Some(field) => field.1 = (*value).to_owned(),
            None => fields.push(((*name).to_owned(), (*value).to_owned())),
        }
    }
    fields
}

pub async fn send(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    fields: &[(String, String)],
) -> reqwest::Response {
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.post_form_as(client, path, &fields).await
}

/// The ids the forms need: the comune, the "figli e famiglia" topic, the two units.
pub async fn ids(app: &TestApp) -> (String, String, String, String) {
    (
        scalar(app, "SELECT MIN(id) FROM comuni").await.to_string(),
        scalar(app, "SELECT id FROM booking_topics WHERE slug = 'figli-e-famiglia'")
            .await
            .to_string(),
        scalar(app, "SELECT id FROM units WHERE code = 'minori'")
            .await
            .to_string(),
        scalar(app, "SELECT id FROM units WHERE code = 'welfare_generativo'")
            .await
            .to_string(),
    )
}

on_both_databases! {
    async fn an_interview_can_end_with_information_only(app: TestApp) {
        let booking = interview(&app, "INFO0001", 9).await;
        let desk = demo_browser(&app, "sportello").await;
        let agenda = app.get_as(&desk, "/operatori").await.text().await.unwrap();
        assert!(agenda.contains(&format!("/operatori/richieste/nuova?prenotazione={booking}")), "the agenda leads to the outcome");
        let form = app.get_as(&desk, &format!("/operatori/richieste/nuova?prenotazione={booking}")).await.text().await.unwrap();
        assert!(form.contains("Esito del colloquio") && form.contains("Solo informazioni") && form.contains("value=\"Anna\""));

        let fields = |note: &str| vec![("prenotazione".to_owned(), booking.to_string()), ("nota".to_owned(), note.to_owned())];
        let empty = send(&app, &desk, "/operatori/richieste/solo-informazioni", &fields(" ")).await;
        assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(empty.text().await.unwrap().contains("Scrivi in breve che cosa è stato spiegato"));
        let done = send(&app, &desk, "/operatori/richieste/solo-informazioni", &fields("Spiegato l'assegno unico e dove chiederlo.")).await;
        assert_eq!(done.status(), StatusCode::SEE_OTHER);
        assert!(location(&done).starts_with("/operatori/agenda?sede="));
        let (outcome, visit): (String, String) = app::on_db!(&app.db, pool => sqlx::query_as(
            "SELECT outcome, visit_state FROM bookings WHERE id = $1").bind(booking).fetch_one(pool).await.unwrap());
        assert_eq!((outcome.as_str(), visit.as_str()), ("informazioni", "concluso"));
        let again = send(&app, &desk, "/operatori/richieste/solo-informazioni", &fields("Di nuovo")).await;
        assert_eq!(again.status(), StatusCode::CONFLICT);
        assert_eq!(scalar(&app, "SELECT COUNT(*) FROM requests").await, 0);
    }
}

on_both_databases! {
    /// After the interview: the topic suggests the unit; without unit or urgency nothing is saved;
    /// a person already known is shown for the operator to confirm; a family the unit already
    /// follows goes straight to its case's worker, flagged as new.
    async fn a_request_is_routed_and_known_persons_are_confirmed(app: TestApp) {
        let (comune, topic, minori, _) = ids(&app).await;
        let first = interview(&app, "PRESA001", 9).await;
        let desk = demo_browser(&app, "sportello").await;
        let form = app.get_as(&desk, &format!("/operatori/richieste/nuova?prenotazione={first}")).await.text().await.unwrap();
        assert!(form.contains(&format!("<option value=\"{minori}\" selected")), "the topic suggests the Servizio Minori");

        let missing = send(&app, &desk, "/operatori/richieste/nuova", &family_form(Some(first), "appuntamento", &[
            ("comune", &comune), ("argomento", &topic), ("urgenza", ""), ("unita", ""),
        ])).await;
        assert_eq!(missing.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let missing = missing.text().await.unwrap();
        assert!(missing.contains("Scegli l&#x27;unità: senza") || missing.contains("Scegli l'unità: senza"));
        assert!(missing.contains("Scegli l&#x27;urgenza") || missing.contains("Scegli l'urgenza"));
        assert!(missing.contains("value=\"Luca\""), "what was typed stays");
        let no_child = send(&app, &desk, "/operatori/richieste/nuova", &family_form(Some(first), "appuntamento", &[
            ("comune", &comune), ("argomento", &topic), ("unita", &minori), ("p2_ruolo", "genitore"),
        ])).await;
        assert!(no_child.text().await.unwrap().contains("almeno un figlio o una figlia"));
        assert_eq!(scalar(&app, "SELECT COUNT(*) FROM requests").await, 0);

        let saved = send(&app, &desk, "/operatori/richieste/nuova", &family_form(Some(first), "appuntamento", &[
            ("comune", &comune), ("argomento", &topic), ("unita", &minori),
        ])).await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);
        let detail = app.get_as(&desk, &location(&saved)).await.text().await.unwrap();
        assert!(detail.contains("Richiesta registrata") && detail.contains("In coda"));
        assert!(detail.contains("registrata per Servizio Minori e Famiglia"));
        assert!(detail.contains("Luca Rossi (figlio o figlia, nato/a nel 2015)"));
        assert_eq!(scalar(&app, "SELECT COUNT(*) FROM persons").await, 2);
        let outcome: String = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT outcome FROM bookings WHERE id = $1")
            .bind(first).fetch_one(pool).await.unwrap());
        assert_eq!(outcome, "presa_in_carico");

        // A second interview for the same family: the mother and the boy are known.
        let second = interview(&app, "PRESA002", 10).await;
        let fields = family_form(Some(second), "appuntamento", &[("comune", &comune), ("argomento", &topic), ("unita", &minori)]);
        let asked = send(&app, &desk, "/operatori/richieste/nuova", &fields).await;
        assert_eq!(asked.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let asked = asked.text().await.unwrap();
        assert!(asked.contains("Il servizio conosce già una persona con questi dati"), "{asked}");
        assert!(asked.contains("È la stessa persona?"));
        assert!(!asked.contains("maggio 1985"), "nothing the service knows is shown, only what was typed");
        assert_eq!(scalar(&app, "SELECT COUNT(*) FROM audit_log WHERE action = 'richieste.persona_nota'").await, 1,
            "the match is recorded, though nothing was saved");
        // The Servizio Minori already follows the family: the request goes to the case's worker.
        let worker = scalar(&app, "SELECT id FROM staff_users WHERE username = 'assistente'").await;
        let family = scalar(&app, "SELECT MIN(family_id) FROM family_members").await;
        app.execute(&format!(
            "INSERT INTO cases (family_id, unit_id, responsible_id, opened_at) VALUES ({family}, {minori}, {worker}, '2026-02-01T09:00:00Z')"
        )).await;
        let mut confirmed = fields.clone();
        confirmed.push(("p1_stessa".to_owned(), "si".to_owned()));
        confirmed.push(("p2_stessa".to_owned(), "si".to_owned()));
        let saved = send(&app, &desk, "/operatori/richieste/nuova", &confirmed).await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);
        assert_eq!(scalar(&app, "SELECT COUNT(*) FROM persons").await, 2, "nobody twice");
        assert_eq!(scalar(&app, "SELECT COUNT(*) FROM families").await, 1);
        let (state, assigned, flagged): (String, Option<i64>, bool) = app::on_db!(&app.db, pool => sqlx::query_as(
            "SELECT state, assigned_to, flagged_new FROM requests WHERE booking_id = $1").bind(second).fetch_one(pool).await.unwrap());
        assert_eq!((state.as_str(), assigned, flagged), ("assegnata", Some(worker), true));
        let detail = app.get_as(&desk, &location(&saved)).await.text().await.unwrap();
        assert!(detail.contains("All&#x27;operatore del caso già aperto") || detail.contains("All'operatore del caso già aperto"));
        assert!(!detail.contains("Cambia unità"), "only a request still in a queue can move");

        // The same interview twice: refused, nothing added.
        let twice = send(&app, &desk, "/operatori/richieste/nuova", &confirmed).await;
        assert_eq!(twice.status(), StatusCode::CONFLICT);
        assert_eq!(scalar(&app, "SELECT COUNT(*) FROM requests").await, 2);
    }
}

on_both_databases! {
    /// A codice fiscale the service knows does not make the form say whose it is: the operator is
    /// asked whether it is the same person, and the question is recorded.
    async fn a_known_codice_fiscale_is_not_an_oracle(app: TestApp) {
        let (comune, topic, minori, _) = ids(&app).await;
        app.execute("INSERT INTO persons (given_name, family_name, birth_date, codice_fiscale, created_at)
                     VALUES ('Maria', 'Neri', '1980-01-01', 'NREMRA80A41F205J', '2026-01-01T00:00:00Z')").await;
        let desk = demo_browser(&app, "sportello").await;
        let mut fields = family_form(None, "spontanea", &[
            ("comune", &comune), ("argomento", &topic), ("unita", &minori),
            ("p1_nome", "Zoe"), ("p1_cognome", "Verdi"), ("p1_nascita", "1990-06-15"), ("p1_cf", "NREMRA80A41F205J"),
        ]);
        let asked = send(&app, &desk, "/operatori/richieste/nuova", &fields).await;
        assert_eq!(asked.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let asked = asked.text().await.unwrap();
        assert!(asked.contains("Il servizio conosce già una persona con questi dati"), "{asked}");
        for stored in ["Maria", "Neri", "1980"] {
            assert!(!asked.contains(stored), "the answer shows {stored}");
        }
        fields.push(("p1_stessa".to_owned(), "no".to_owned()));
        let refused = send(&app, &desk, "/operatori/richieste/nuova", &fields).await.text().await.unwrap();
        assert!(refused.contains("il codice è sbagliato") && !refused.contains("Maria") && !refused.contains("Neri"));
        let person = scalar(&app, "SELECT id FROM persons WHERE codice_fiscale = 'NREMRA80A41F205J'").await;
        let recorded: Vec<String> = app::on_db!(&app.db, pool => sqlx::query_scalar(
            "SELECT record_ids FROM audit_log WHERE action = 'richieste.persona_nota' ORDER BY seq")
            .fetch_all(pool).await.unwrap());
        assert_eq!(recorded, vec![person.to_string(), person.to_string()], "each answer is recorded");
        assert_eq!(scalar(&app, "SELECT COUNT(*) FROM requests").await, 0);
    }
}

on_both_databases! {
    /// Referrals and court mandates: what each cannot be saved without, in the form and in the
    /// database itself; the mandate's deadline follows the request.
    async fn requests_without_an_appointment(app: TestApp) {
        let (comune, topic, minori, _) = ids(&app).await;
        let desk = demo_browser(&app, "sportello").await;
        let page = app.get_as(&desk, "/operatori/richieste/nuova?origine=segnalazione").await.text().await.unwrap();
        assert!(page.contains("Chi segnala") && page.contains("Nuova richiesta: segnalazione di un servizio"));
        let base = [("comune", comune.as_str()), ("argomento", topic.as_str()), ("unita", minori.as_str())];

        let no_referrer = send(&app, &desk, "/operatori/richieste/nuova", &family_form(None, "segnalazione", &base)).await;
        assert_eq!(no_referrer.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(no_referrer.text().await.unwrap().contains("Scegli chi segnala"));
        let mut referral = base.to_vec();
        referral.extend([("segnalante_tipo", "scuola"), ("segnalante_nome", "Istituto comprensivo Garibaldi"), ("segnalante_recapito", "02 1234567")]);
        let saved = send(&app, &desk, "/operatori/richieste/nuova", &family_form(None, "segnalazione", &referral)).await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);
        let detail = app.get_as(&desk, &location(&saved)).await.text().await.unwrap();
        assert!(detail.contains("Scuola: Istituto comprensivo Garibaldi, 02 1234567"));

        let mut mandate = base.to_vec();
        mandate.extend([
            ("tribunale", "Tribunale per i Minorenni di Milano"), ("decreto_numero", "1234/2026"), ("decreto_data", "2026-02-20"),
            ("richiesta_ag", "indagine psico-sociale"), ("scadenza", ""),
            ("p1_stessa", "si"), ("p2_stessa", "si"),
        ]);
        let no_deadline = send(&app, &desk, "/operatori/richieste/nuova", &family_form(None, "mandato", &mandate)).await;
        assert_eq!(no_deadline.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(no_deadline.text().await.unwrap().contains("senza, il mandato non si può registrare"));
        mandate.retain(|(name, _)| *name != "scadenza");
        mandate.push(("scadenza", "2026-04-30"));
        let saved = send(&app, &desk, "/operatori/richieste/nuova", &family_form(None, "mandato", &mandate)).await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);
        let detail = app.get_as(&desk, &location(&saved)).await.text().await.unwrap();
        assert!(detail.contains("decreto n. 1234/2026") && detail.contains("Relazione entro il giovedì 30 aprile 2026"));
        let list = app.get_as(&desk, "/operatori/richieste").await.text().await.unwrap();
        assert!(list.contains("Scadenza giovedì 30 aprile 2026") && list.contains("Famiglia Rossi"));

        // Written around the application, a mandate without its deadline is still refused.
        let raw = app::on_db!(&app.db, pool => sqlx::query(
            "INSERT INTO requests (origin, family_id, topic_id, urgency, unit_id, state, court, decree_number, decree_date,
                                   court_request, created_at)
             SELECT 'mandato', family_id, topic_id, urgency, unit_id, 'in_coda', 'Tribunale', '1', '2026-02-20', 'relazione',
                    created_at FROM requests LIMIT 1",
        ).execute(pool).await.map(|_| ()));
        assert!(raw.is_err(), "the database refuses a mandate without its deadline");
    }
}

on_both_databases! {
    /// A request still in a queue moves to the other unit with its reason kept; the desk of
    /// another office, and the other roles, cannot open it.
    async fn a_request_is_rerouted_and_stays_with_its_office(app: TestApp) {
        let (comune, topic, minori, welfare) = ids(&app).await;
        let desk = demo_browser(&app, "sportello").await;
        let saved = send(&app, &desk, "/operatori/richieste/nuova", &family_form(None, "spontanea", &[
            ("comune", &comune), ("argomento", &topic), ("unita", &minori),
        ])).await;
        let detail_path = location(&saved);
        let id = scalar(&app, "SELECT MAX(id) FROM requests").await.to_string();
        let no_reason = send(&app, &desk, "/operatori/richieste/reindirizza", &[
            ("id".to_owned(), id.clone()), ("unita".to_owned(), welfare.clone()), ("motivo".to_owned(), String::new()),
        ]).await;
        assert_eq!(no_reason.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(no_reason.text().await.unwrap().contains("Scrivi perché la richiesta cambia unità"));
        let moved = send(&app, &desk, "/operatori/richieste/reindirizza", &[
            ("id".to_owned(), id.clone()), ("unita".to_owned(), welfare.clone()), ("motivo".to_owned(), "Il bisogno è economico".to_owned()),
        ]).await;
        assert_eq!(moved.status(), StatusCode::SEE_OTHER);
        let detail = app.get_as(&desk, &location(&moved)).await.text().await.unwrap();
        assert!(detail.contains("spostata da Servizio Minori e Famiglia a U.O. Welfare Generativo"));
        assert!(detail.contains("Motivo: Il bisogno è economico"));
        assert_eq!(scalar(&app, &format!("SELECT unit_id FROM requests WHERE id = {id}")).await.to_string(), welfare);

        // Other roles have no triage; a desk of another office does not see this office's requests.
        let worker = demo_browser(&app, "assistente").await;
        assert_eq!(app.get_as(&worker, &detail_path).await.status(), StatusCode::FORBIDDEN);
        app.execute("INSERT INTO offices (slug, name, created_at) VALUES ('polo-nord', 'Polo Nord', '2026-01-01T00:00:00Z')").await;
        app.execute("UPDATE staff_roles SET office_id = (SELECT id FROM offices WHERE slug = 'polo-nord') WHERE role = 'sportello'").await;
        let elsewhere = app.get_as(&desk, &detail_path).await;
        assert_eq!(elsewhere.status(), StatusCode::FORBIDDEN);
        assert!(!elsewhere.text().await.unwrap().contains("Luca Rossi"));
        let moved_elsewhere = send(&app, &desk, "/operatori/richieste/reindirizza", &[
            ("id".to_owned(), id.clone()), ("unita".to_owned(), minori.clone()), ("motivo".to_owned(), "Prova".to_owned()),
        ]).await;
        assert_eq!(moved_elsewhere.status(), StatusCode::FORBIDDEN);
        let list = app.get_as(&desk, "/operatori/richieste").await.text().await.unwrap();
        assert!(list.contains("Nessuna richiesta registrata dalla tua sede"));
        let refusals = scalar(&app, "SELECT COUNT(*) FROM audit_log WHERE action = 'richieste.accesso' AND outcome = 'negato'").await;
        // The refused move shows the page again, whose read is refused and recorded too.
        assert!(refusals >= 2, "every refused attempt is recorded: {refusals}");
    }
}
