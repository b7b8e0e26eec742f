//! Editing the site's pages: preview, publish, the history of versions, taking an old version
//! back, and two administrators who publish over the same version.

use app::clock::Clock;
use reqwest::StatusCode;

use crate::harness::TestApp;
use crate::on_both_databases;
use crate::staff::{admin_browser, location};

/// The value a form field of `page` starts with (a one-line field's `value`, a text area's text),
/// as the browser would send it back.
pub fn field_value(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\"");
    let at = page.find(&marker).unwrap_or_else(|| panic!("{name} in the form"));
    let rest = &page[at..];
    let tag_end = rest.find('>').unwrap();
    let tag = &rest[..tag_end];
    let raw = if let Some(v) = tag.split("value=\"").nth(1) {
        v.split('"').next().unwrap()
    } else {
        let body = &rest[tag_end + 1..];
        &body[..body.find("</textarea>").unwrap()]
    };
    raw.replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The form of the affido page as the editor shows it, with `changes` applied.
pub async fn affido_form(app: &TestApp, admin: &reqwest::Client, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let page = app
        .get_as(admin, "/operatori/catalogo?servizio=affido-familiare")
        .await
        .text()
        .await
        .unwrap();
    form_fields(&page, &["tipo", "slug", "base"], changes)
}

/// The fields a service page's form at `page` sends: its `hidden` ones, then every field of the
/// editor's own list, with `changes` applied (a name not in the form is added).
pub fn form_fields(page: &str, hidden: &[&str], changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let names = hidden
        .iter()
        .copied()
        .chain(app::catalogue::editor::SERVICE_FIELDS.iter().map(|field| field.name));
    let mut fields: Vec<(String, String)> = names.map(|name| (name.to_owned(), field_value(page, name))).collect();
    for (name, text) in changes {
        match fields.iter_mut().find(|(n, _)| n == name) {
            Some(field) => field.1 = (*text).to_owned(),
            None => fields.push(((*name).to_owned(), (*text).to_owned())),
        }
    }
    fields
}

pub async fn send(app: &TestApp, admin: &reqwest::Client, fields: &[(String, String)]) -> reqwest::Response {
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.post_form_as(admin, "/operatori/catalogo/salva", &fields).await
}

on_both_databases! {
    async fn an_administrator_previews_publishes_and_takes_back_a_service_page(app: TestApp) {
        let (admin, secret) = admin_browser(&app).await;
        let list = app.get_as(&admin, "/operatori/catalogo").await.text().await.unwrap();
        assert!(list.contains("Affido familiare") && list.contains("Note legali"));
        let original = app.get("/servizi/affido-familiare").await.text().await.unwrap();
        assert!(original.contains("Se sei un genitore in difficoltà"));

        // The preview renders the Markdown safely and saves nothing.
        let new_text = "Chiedi un colloquio: ti spieghiamo **passo per passo** come funziona l'affido zebratura.\n\n<script>alert(1)</script>";
        let preview = send(&app, &admin, &affido_form(&app, &admin, &[("come_fare", new_text), ("azione", "anteprima")]).await).await;
        let preview = preview.text().await.unwrap();
        assert!(preview.contains("Anteprima (non ancora pubblicata)"));
        assert!(preview.contains("<strong>passo per passo</strong>"));
        assert!(!preview.contains("<script>alert(1)"), "the preview is sanitised");
        assert!(preview.contains("zebratura"), "the text stays in the form");
        assert_eq!(app.count("content_revisions").await, 0);

        // A mistake is explained and changes nothing.
        let wrong = send(&app, &admin, &affido_form(&app, &admin, &[("titolo", ""), ("azione", "pubblica")]).await).await;
        assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(wrong.text().await.unwrap().contains("Scrivi il campo «Titolo»"));

        let published = send(&app, &admin, &affido_form(&app, &admin, &[("come_fare", new_text), ("azione", "pubblica")]).await).await;
        assert_eq!(published.status(), StatusCode::SEE_OTHER);
        assert!(location(&published).contains("pubblicata=1"));
        let public = app.get("/servizi/affido-familiare").await.text().await.unwrap();
        assert!(public.contains("<strong>passo per passo</strong>") && !public.contains("Se sei un genitore in difficoltà"));
        assert!(app.get("/servizi?q=zebratura").await.text().await.unwrap().contains("Affido familiare"), "the search knows the new words");

        let history = app.get_as(&admin, "/operatori/catalogo?servizio=affido-familiare").await.text().await.unwrap();
        assert!(history.contains("Testo iniziale") && history.contains("<td>Amministratore</td>"), "who published each version");
        assert!(history.contains("Come fare"), "what changed is named");

        // Publishing over a version that is no longer the newest is refused, the text kept.
        let stale = affido_form(&app, &admin, &[("base", "0"), ("sommario", "Un sommario nuovo"), ("azione", "pubblica")]).await;
        let refused = send(&app, &admin, &stale).await;
        assert_eq!(refused.status(), StatusCode::CONFLICT);
        let refused = refused.text().await.unwrap();
        assert!(refused.contains("Nel frattempo qualcun altro ha pubblicato") && refused.contains("Un sommario nuovo"));

        // Two administrators publish over the same version at once: one wins.
        let other = crate::harness::browser();
        let code = app::access::totp::code_at(&secret, app.clock.now()).unwrap();
        let signed_in = crate::staff::sign_in(&app, &other, "admin", crate::harness::ADMIN_PASSWORD, &code).await;
        assert_eq!(signed_in.status(), StatusCode::SEE_OTHER, "the same administrator, on a second computer");
        let first = affido_form(&app, &admin, &[("sommario", "Prima proposta"), ("azione", "pubblica")]).await;
        let second = affido_form(&app, &other, &[("sommario", "Seconda proposta"), ("azione", "pubblica")]).await;
        let (a, b) = tokio::join!(send(&app, &admin, &first), send(&app, &other, &second));
        let mut statuses = [a.status(), b.status()];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::SEE_OTHER, StatusCode::CONFLICT]);
        assert_eq!(app.count("content_revisions").await, 3);

        // The first text, taken back into the editor and published again.
        let old = app.get_as(&admin, "/operatori/catalogo?servizio=affido-familiare&versione=1").await.text().await.unwrap();
        assert!(old.contains("il testo della versione"), "the editor says which version it holds");
        assert!(old.contains("Se sei un genitore in difficoltà"));
        let page = app.get_as(&admin, "/operatori/catalogo?servizio=affido-familiare&versione=1").await.text().await.unwrap();
        assert!(page.contains("name=\"base\" value=\"3\""));
        let restored: Vec<(String, String)> = {
            let mut fields = affido_form(&app, &admin, &[("azione", "pubblica")]).await;
            let original_text = {
                let at = old.find("name=\"come_fare\"").unwrap();
                let body = &old[at..];
                let body = &body[body.find('>').unwrap() + 1..];
                body[..body.find("</textarea>").unwrap()].replace("&#x27;", "'").replace("&amp;", "&")
            };
            fields.iter_mut().find(|(n, _)| n == "come_fare").unwrap().1 = original_text;
            fields
        };
        assert_eq!(send(&app, &admin, &restored).await.status(), StatusCode::SEE_OTHER);
        assert!(app.get("/servizi/affido-familiare").await.text().await.unwrap().contains("Se sei un genitore in difficoltà"));
        let audited: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'catalogo.pubblica'")
            .fetch_one(pool).await.unwrap());
        assert_eq!(audited, 3);
    }
}

on_both_databases! {
    async fn an_information_page_is_edited_in_markdown_with_headings(app: TestApp) {
        let (admin, _) = admin_browser(&app).await;
        let page = app.get_as(&admin, "/operatori/catalogo?pagina=note-legali").await.text().await.unwrap();
        assert!(page.contains("Testo della pagina"));
        let fields = [
            ("tipo", "pagina"), ("slug", "note-legali"), ("base", "0"), ("titolo", "Note legali"),
            ("sommario", "Chi pubblica questo sito e come si possono usare i contenuti."),
            ("testo", "## Titolare\n\nIl Comune pubblica questo sito.\n\n## Licenza\n\nI testi sono liberi."), ("azione", "pubblica"),
        ];
        let saved = app.post_form_as(&admin, "/operatori/catalogo/salva", &fields).await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);
        let public = app.get("/note-legali").await.text().await.unwrap();
        assert!(public.contains("<h2>Licenza</h2>") && public.contains("I testi sono liberi."), "{public}");
        let again = app.post_form_as(&admin, "/operatori/catalogo/salva", &[
            ("tipo", "pagina"), ("slug", "note-legali"), ("base", "2"), ("titolo", "Note legali"),
            ("sommario", "Chi pubblica questo sito e come si possono usare i contenuti."),
            ("testo", "## Titolare\n\nIl Comune pubblica questo sito.\n\n## Licenza\n\nI testi sono liberi."), ("azione", "pubblica"),
        ]).await;
        assert!(location(&again).contains("invariata=1"), "nothing changed, nothing published");
        let missing = app.post_form_as(&admin, "/operatori/catalogo/salva", &[("tipo", "pagina"), ("slug", "non-esiste"), ("base", "0"), ("titolo", "X"), ("sommario", "Y"), ("testo", "Z")]).await;
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    }
}
