//! "Richiedi assistenza": the shell's form, without JavaScript (post, re-render or redirect) and
//! through its server function (the hydrated path); both queue one email for the service.

use crate::on_both_databases;

const MESSAGE: &str = "Vorrei sapere come chiedere il sostegno educativo per mio figlio.";

fn valid<'a>() -> Vec<(&'a str, &'a str)> {
    vec![
        ("nome", "Giulia"),
        ("cognome", "D'Angelo"),
        ("email", "giulia.dangelo@example.it"),
        ("categoria", "servizi"),
        ("messaggio", MESSAGE),
        ("privacy", "si"),
    ]
}

/// The HTML of one field: its whole `<div class="campo…">`, up to the next field or the form's end.
fn field<'h>(html: &'h str, name: &str) -> &'h str {
    let label = html
        .find(&format!("for=\"campo-{name}\""))
        .unwrap_or_else(|| panic!("field {name}"));
    let start = html[..label].rfind("<div class=\"campo").expect("the field's div");
    let rest = &html[start..];
    let next_field = rest[1..].find("<div class=\"campo").map(|i| i + 1);
    let form_end = rest.find("</form>");
    let end = next_field.into_iter().chain(form_end).min().unwrap_or(rest.len());
    &rest[..end]
}

on_both_databases! {
    async fn without_javascript_errors_come_back_next_to_their_fields_with_the_values_kept(app: TestApp) {
        let mut fields = valid();
        fields.retain(|(name, _)| *name != "privacy");
        fields.iter_mut().find(|(name, _)| *name == "email").unwrap().1 = "giulia.dangelo@";
        let response = app.post_form("/assistenza", &fields).await;
        assert_eq!(response.status(), 422);
        let html = response.text().await.unwrap();

        assert!(html.contains("<title>Errore: richiedi assistenza"));
        assert!(html.contains("Ci sono 2 dati da correggere"));
        let email = field(&html, "email");
        assert!(email.contains("id=\"campo-email-errore\""), "the error is inside the email field: {email}");
        assert!(email.contains("Scrivi un indirizzo email completo"));
        assert!(email.contains("value=\"giulia.dangelo@\""), "what was typed is kept");
        assert!(email.contains("aria-invalid=\"true\""));
        assert!(email.contains("aria-describedby=\"campo-email-aiuto campo-email-errore\""));
        assert!(field(&html, "privacy").contains("conferma di aver letto"));
        assert!(field(&html, "nome").contains("value=\"Giulia\""));
        assert!(field(&html, "cognome").contains("value=\"D&#x27;Angelo\"") || field(&html, "cognome").contains("value=\"D'Angelo\""));
        assert!(field(&html, "categoria").contains("<option value=\"servizi\" selected"));
        assert!(field(&html, "messaggio").contains(MESSAGE));
        assert!(!field(&html, "nome").contains("errore-campo"), "a right field has no error");
        assert_eq!(app.count("email_outbox").await, 0, "nothing changed");
    }
}

on_both_databases! {
    async fn typed_markup_is_shown_as_text_never_run(app: TestApp) {
        let response = app.post_form("/assistenza", &[("nome", "<script>alert(1)</script>"), ("messaggio", "</textarea><b>x</b>")]).await;
        assert_eq!(response.status(), 422);
        let html = response.text().await.unwrap();
        assert!(!html.contains("<script>alert(1)"));
        assert!(!html.contains("</textarea><b>x</b>"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }
}

on_both_databases! {
    async fn without_javascript_a_valid_request_redirects_and_queues_one_email(app: TestApp) {
        let response = app.post_form("/assistenza", &valid()).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/assistenza/inviata");
        let confirmation = app.get("/assistenza/inviata").await.text().await.unwrap();
        assert!(confirmation.contains("Abbiamo ricevuto il tuo messaggio"));

        let emails = app.wait_for_emails(1).await;
        let email = &emails[0];
        assert!(email.contains("To: info@comune.cinisello-balsamo.mi.it"), "{email}");
        assert!(email.contains("Reply-To: giulia.dangelo@example.it"), "{email}");
        assert!(email.contains("Subject: Richiesta di assistenza dal sito: Informazioni sui servizi"), "{email}");
        assert!(email.contains("sostegno educativo"), "{email}");
        assert_eq!(app.count("email_outbox").await, 1);
        // The outbox records the delivery.
        for _ in 0..50 {
            let sent: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM email_outbox WHERE status = 'sent'").fetch_one(pool).await.unwrap());
            if sent == 1 { return; }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("the outbox row was not marked as sent");
    }
}

on_both_databases! {
    async fn a_technical_failure_keeps_the_typed_values_and_shows_the_request_id(app: TestApp) {
        // The outbox disappears under the running server: the submission cannot be recorded. On
        // PostgreSQL the DROP may deadlock with the server's own start-up jobs (the retention job
        // touches the outbox and the bookings it refers to): the loser is rolled back, so try again.
        let owner = app.owner_db().await;
        for attempt in 1.. {
            let dropped = app::on_db!(&owner, pool => sqlx::query("DROP TABLE email_outbox").execute(pool).await.map(|_| ()));
            match dropped {
                Ok(()) => break,
                Err(error) if attempt < 5 && error.to_string().contains("deadlock") => {
                    tokio::time::sleep(std::time::Duration::from_millis(200)).await
                }
                Err(error) => panic!("cannot drop the outbox: {error}"),
            }
        }
        let response = app.post_form("/assistenza", &valid()).await;
        assert_eq!(response.status(), 500);
        let request_id = response.headers()["x-request-id"].to_str().unwrap().to_owned();
        let html = response.text().await.unwrap();
        assert!(html.contains("problema tecnico"), "a plain sentence");
        assert!(html.contains(&request_id), "with the request id {request_id} the log line carries too");
        assert!(!html.contains("email_outbox"), "never the cause");
        assert!(field(&html, "nome").contains("value=\"Giulia\""), "what was typed is kept");
        assert!(field(&html, "messaggio").contains(MESSAGE));
    }
}

on_both_databases! {
    async fn an_unreachable_database_is_a_plain_sentence_and_nothing_is_lost(app: TestApp) {
        app.db.close().await;
        let response = app.post_form("/assistenza", &valid()).await;
        assert_eq!(response.status(), 503);
        let html = response.text().await.unwrap();
        assert!(html.contains("Il servizio non è raggiungibile in questo momento"));
        assert!(field(&html, "email").contains("value=\"giulia.dangelo@example.it\""));
    }
}

on_both_databases! {
    /// A message written in ten lines up to the limit the page's counter shows is accepted: a
    /// browser sends each line break as two characters, which the server counts as the one the
    /// person typed. Characters nobody types (a NUL, an escape) do not reach the email.
    async fn a_message_at_the_limit_in_many_lines_is_accepted_as_the_counter_said(app: TestApp) {
        let line = "Buongiorno, scrivo per mio figlio.".repeat(3);
        let mut message = vec![line.chars().take(99).collect::<String>(); 10].join("\r\n");
        assert_eq!(message.replace("\r\n", "\n").chars().count(), 999, "within the 1000 the counter allows");
        message.insert_str(10, "\u{0}\u{1b}");
        let mut fields = valid();
        fields.retain(|(name, _)| *name != "messaggio");
        fields.push(("messaggio", &message));
        let response = app.post_form("/assistenza", &fields).await;
        assert_eq!(response.status(), 303, "{}", response.text().await.unwrap());
        let emails = app.wait_for_emails(1).await;
        assert!(emails[0].contains("Buongiorno, scrivo") && !emails[0].contains('\u{1b}') && !emails[0].contains('\u{0}'));
    }
}
