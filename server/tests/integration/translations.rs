//! Translating the site's pages in the back office: the Italian beside each field, the preview, the
//! history, the review by a native speaker, the "da aggiornare" mark after the Italian changes, and
//! two people publishing over the same version.

use app::clock::Clock;
use reqwest::StatusCode;

use crate::catalogue_editor::{affido_form, field_value, form_fields, send};
use crate::harness::TestApp;
use crate::on_both_databases;
use crate::staff::{admin_browser, location};

const AFFIDO_IN_ENGLISH: &str = "/operatori/catalogo/traduzione?servizio=affido-familiare&lingua=en";

/// The fields of a service page's translation form, as the editor at `address` shows them, with
/// `changes` applied.
async fn translation_form(
    app: &TestApp,
    admin: &reqwest::Client,
    address: &str,
    changes: &[(&str, &str)],
) -> Vec<(String, String)> {
    let page = app.get_as(admin, address).await.text().await.unwrap();
    form_fields(&page, &["tipo", "slug", "lingua", "base", "italiano"], changes)
}

/// A whole English translation of the affido page.
const ENGLISH: [(&str, &str); 9] = [
    ("titolo", "Foster care"),
    (
        "sommario",
        "A family, or a person, welcomes a child for a while when their own family is going through a hard time.",
    ),
    ("parole_chiave", "foster, care, children"),
    (
        "a_chi_e_rivolto",
        "Families going through a hard time, and families who want to welcome a child.",
    ),
    (
        "come_fare",
        "Ask for an interview: we explain **step by step** how foster care works.",
    ),
    ("cosa_serve", "An identity document."),
    ("cosa_si_ottiene", "Support for the child and for both families."),
    ("tempi_e_scadenze", "The first interview is within a few weeks."),
    ("costi_e_condizioni", "It is free."),
];

async fn publish(app: &TestApp, admin: &reqwest::Client, fields: &[(String, String)]) -> reqwest::Response {
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.post_form_as(admin, "/operatori/catalogo/traduzione/salva", &fields)
        .await
}

async fn english_form(app: &TestApp, admin: &reqwest::Client, action: &str) -> Vec<(String, String)> {
    let mut changes: Vec<(&str, &str)> = ENGLISH.to_vec();
    changes.push(("azione", action));
    translation_form(app, admin, AFFIDO_IN_ENGLISH, &changes).await
}

on_both_databases! {
    async fn a_page_is_translated_reviewed_and_marked_when_the_italian_changes(app: TestApp) {
        let (admin, secret) = admin_browser(&app).await;
        let overview = app.get_as(&admin, "/operatori/catalogo/traduzioni").await.text().await.unwrap();
        assert!(overview.contains("Affido familiare") && overview.contains("Note legali"));
        assert!(overview.contains("Affido familiare, Inglese: Da tradurre"), "each page's standing in each language");
        assert!(overview.contains("non ancora riletti da una persona madrelingua"), "the interface texts' review, too");
        assert!(overview.contains("Nessuna traduzione è ancora stata pubblicata."));

        // The editor shows the Italian beside each field, and the form is written in English.
        let editor = app.get_as(&admin, AFFIDO_IN_ENGLISH).await.text().await.unwrap();
        assert!(editor.contains("Se sei un genitore in difficoltà"), "the Italian text to translate");
        assert!(editor.contains("traduzione in inglese"));
        assert!(editor.contains(r#"name="titolo" type="text" value="" maxlength="120" lang="en" dir="ltr""#), "{editor}");

        // The preview renders the Markdown safely, in the language's direction, and saves nothing.
        let preview = publish(&app, &admin, &english_form(&app, &admin, "anteprima").await).await;
        let preview = preview.text().await.unwrap();
        assert!(preview.contains("Anteprima (non ancora pubblicata)"));
        assert!(preview.contains("<strong>step by step</strong>"));
        assert!(preview.contains("Foster care"), "the text stays in the form");
        assert_eq!(app.count("content_translations").await, 0);

        // A part the Italian has cannot be left out; the rest of the text stays.
        let mut incomplete = english_form(&app, &admin, "pubblica").await;
        incomplete.iter_mut().find(|(name, _)| name == "come_fare").unwrap().1 = String::new();
        let refused = publish(&app, &admin, &incomplete).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let refused = refused.text().await.unwrap();
        assert!(refused.contains("Traduci anche «Come fare»: nel testo italiano c'è."), "{refused}");
        assert!(refused.contains("Foster care"));
        assert_eq!(app.count("content_translations").await, 0);

        // Published: a first version, not yet reviewed.
        let published = publish(&app, &admin, &english_form(&app, &admin, "pubblica").await).await;
        assert_eq!(published.status(), StatusCode::SEE_OTHER);
        assert!(location(&published).contains("pubblicata=1"));
        let overview = app.get_as(&admin, "/operatori/catalogo/traduzioni").await.text().await.unwrap();
        assert!(overview.contains("Affido familiare, Inglese: Da rivedere"));
        assert!(overview.contains("1 traduzione pubblicata non è ancora stata riletta") && overview.contains("<strong>Inglese</strong>: Affido familiare"), "{overview}");
        let editor = app.get_as(&admin, AFFIDO_IN_ENGLISH).await.text().await.unwrap();
        assert!(editor.contains("Registra la revisione") && editor.contains("testo iniziale"), "the history says which Italian it translates");

        // Citizens read it at once: the page in English, the catalogue's card too.
        let public = app.get("/en/servizi/affido-familiare").await.text().await.unwrap();
        assert!(public.contains(r#"<h1 data-element="service-title">Foster care</h1>"#), "the title, not marked Italian");
        assert!(public.contains("<strong>step by step</strong>") && !public.contains("Se sei un genitore in difficoltà"));
        assert!(!public.contains("not translated into English yet"), "no notice");
        assert!(public.contains("To use this service, you first have a meeting"), "how to reach it, in English too");
        let list = app.get("/en/servizi").await.text().await.unwrap();
        assert!(list.contains("Foster care") && list.contains("A family, or a person, welcomes a child"));
        let found = app.get("/en/servizi?q=foster+children").await.text().await.unwrap();
        assert!(found.contains("Foster care") && found.contains("1 service found"), "searched in English: {found}");
        assert!(app.get("/en/servizi?q=affido").await.text().await.unwrap().contains("Foster care"), "and in Italian");
        assert!(!app.get("/servizi?q=foster").await.text().await.unwrap().contains("Affido familiare"), "the Italian search keeps to the Italian");
        let french = app.get("/fr/servizi/affido-familiare").await.text().await.unwrap();
        assert!(french.contains("pas encore traduite en français") && french.contains("Se sei un genitore in difficoltà"), "other languages keep the Italian");
        let italian = app.get("/servizi/affido-familiare").await.text().await.unwrap();
        assert!(italian.contains("Se sei un genitore in difficoltà") && !italian.contains("Foster care"), "the Italian page stays Italian");

        // Publishing the same text again publishes nothing.
        let again = publish(&app, &admin, &english_form(&app, &admin, "pubblica").await).await;
        assert!(location(&again).contains("invariata=1"));
        assert_eq!(app.count("content_translations").await, 1);

        // The review: who read it through is required, then recorded once.
        let review = |name: &'static str, version: &'static str| {
            [("tipo", "servizio"), ("slug", "affido-familiare"), ("lingua", "en"), ("versione", version), ("rivista_da", name)]
        };
        let nameless = app.post_form_as(&admin, "/operatori/catalogo/traduzione/revisione", &review("  ", "1")).await;
        assert_eq!(nameless.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(nameless.text().await.unwrap().contains("Scrivi chi ha riletto la traduzione."));
        let reviewed = app.post_form_as(&admin, "/operatori/catalogo/traduzione/revisione", &review("Grace Okafor, mediatrice", "1")).await;
        assert_eq!(reviewed.status(), StatusCode::SEE_OTHER);
        let twice = app.post_form_as(&admin, "/operatori/catalogo/traduzione/revisione", &review("Qualcun altro", "1")).await;
        assert_eq!(twice.status(), StatusCode::CONFLICT, "a version is reviewed once");
        let overview = app.get_as(&admin, "/operatori/catalogo/traduzioni").await.text().await.unwrap();
        assert!(overview.contains("Affido familiare, Inglese: Rivista"));
        assert!(overview.contains("Ogni traduzione pubblicata è stata riletta"));

        // The Italian changes: the translation is "da aggiornare", and the editor names what changed.
        let italian = affido_form(&app, &admin, &[("cosa_serve", "Un documento d'identità e la tessera sanitaria."), ("azione", "pubblica")]).await;
        assert_eq!(send(&app, &admin, &italian).await.status(), StatusCode::SEE_OTHER);
        let overview = app.get_as(&admin, "/operatori/catalogo/traduzioni").await.text().await.unwrap();
        assert!(overview.contains("Affido familiare, Inglese: Da aggiornare"));
        let editor = app.get_as(&admin, AFFIDO_IN_ENGLISH).await.text().await.unwrap();
        assert!(editor.contains("Parti cambiate: Cosa serve."), "{editor}");
        assert!(editor.contains(r#"name="italiano" value="2""#), "the form now translates Italian version 2");
        let public = app.get("/en/servizi/affido-familiare").await.text().await.unwrap();
        assert!(public.contains("This translation may be out of date") && public.contains(r#"<a href="/servizi/affido-familiare" hreflang="it" lang="it">Read this page in Italian</a>"#),
            "citizens are told, with the Italian a click away");

        // Translating the change publishes version 2, for the new Italian; it needs a new review.
        let mut updated = english_form(&app, &admin, "pubblica").await;
        updated.iter_mut().find(|(name, _)| name == "cosa_serve").unwrap().1 = "An identity document and the health card.".to_owned();
        assert_eq!(publish(&app, &admin, &updated).await.status(), StatusCode::SEE_OTHER);
        let editor = app.get_as(&admin, AFFIDO_IN_ENGLISH).await.text().await.unwrap();
        assert!(editor.contains("Da rivedere") && editor.contains("versione 2") && editor.contains("Grace Okafor, mediatrice"), "the history keeps the first review");
        let public = app.get("/en/servizi/affido-familiare").await.text().await.unwrap();
        assert!(public.contains("the health card") && !public.contains("may be out of date"));

        // Publishing over a version that is no longer the newest is refused, the text kept.
        let stale = translation_form(&app, &admin, AFFIDO_IN_ENGLISH, &[("base", "1"), ("sommario", "A new summary"), ("azione", "pubblica")]).await;
        let refused = publish(&app, &admin, &stale).await;
        assert_eq!(refused.status(), StatusCode::CONFLICT);
        let refused = refused.text().await.unwrap();
        assert!(refused.contains("Nel frattempo qualcun altro ha pubblicato") && refused.contains("A new summary"));

        // Two people publish over the same version at once: one wins.
        let other = crate::harness::browser();
        let code = app::access::totp::code_at(&secret, app.clock.now()).unwrap();
        let signed_in = crate::staff::sign_in(&app, &other, "admin", crate::harness::ADMIN_PASSWORD, &code).await;
        assert_eq!(signed_in.status(), StatusCode::SEE_OTHER);
        let first = translation_form(&app, &admin, AFFIDO_IN_ENGLISH, &[("sommario", "First proposal"), ("azione", "pubblica")]).await;
        let second = translation_form(&app, &other, AFFIDO_IN_ENGLISH, &[("sommario", "Second proposal"), ("azione", "pubblica")]).await;
        let (a, b) = tokio::join!(publish(&app, &admin, &first), publish(&app, &other, &second));
        let mut statuses = [a.status(), b.status()];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::SEE_OTHER, StatusCode::CONFLICT]);
        assert_eq!(app.count("content_translations").await, 3);

        // An old version comes back into the form.
        let old = app.get_as(&admin, &format!("{AFFIDO_IN_ENGLISH}&versione=1")).await.text().await.unwrap();
        assert!(old.contains("il testo della versione 1 della traduzione") && old.contains("An identity document.<"));

        // Italian is the original, not a translation; an unknown language is no page.
        for language in ["it", "xx"] {
            let address = format!("/operatori/catalogo/traduzione?servizio=affido-familiare&lingua={language}");
            assert_eq!(app.get_as(&admin, &address).await.status(), StatusCode::NOT_FOUND, "{language}");
        }
        let audited: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar(
            "SELECT COUNT(*) FROM audit_log WHERE action IN ('catalogo.traduzione.pubblica', 'catalogo.traduzione.revisione')")
            .fetch_one(pool).await.unwrap());
        assert_eq!(audited, 4, "three versions and one review, each with its audit row");
        app.assert_trail_intact().await;
    }
}

on_both_databases! {
    async fn an_information_page_translated_into_arabic_reads_right_to_left_in_arabic(app: TestApp) {
        let (admin, _) = admin_browser(&app).await;
        let address = "/operatori/catalogo/traduzione?pagina=note-legali&lingua=ar";
        let editor = app.get_as(&admin, address).await.text().await.unwrap();
        assert!(editor.contains(r#"lang="ar" dir="rtl""#), "the fields are written right to left");
        let mut fields: Vec<(String, String)> = ["tipo", "slug", "lingua", "base", "italiano"]
            .iter()
            .map(|name| ((*name).to_owned(), field_value(&editor, name)))
            .collect();
        for (name, text) in [
            ("titolo", "ملاحظات قانونية"),
            ("sommario", "من يدير هذا الموقع وكيف يمكنك استخدام محتواه."),
            ("testo", "## من يدير الموقع\n\nيدير هذا الموقع **الخدمة الاجتماعية**."),
            ("azione", "pubblica"),
        ] {
            fields.push((name.to_owned(), text.to_owned()));
        }
        assert_eq!(publish(&app, &admin, &fields).await.status(), StatusCode::SEE_OTHER);

        let arabic = app.get("/ar/note-legali").await.text().await.unwrap();
        assert!(arabic.contains(r#"<html lang="ar" dir="rtl""#));
        assert!(arabic.contains("<h1>ملاحظات قانونية</h1>"), "the title in Arabic, not marked Italian");
        assert!(arabic.contains("<h2>من يدير الموقع</h2>") && arabic.contains("<strong>الخدمة الاجتماعية</strong>"));
        assert!(arabic.contains(r#"<div class="testo-redatto"><h2>"#), "the text is not marked Italian");
        let italian = app.get("/note-legali").await.text().await.unwrap();
        assert!(!italian.contains("ملاحظات قانونية"), "each language's page stays apart, cached or not");
        let english = app.get("/en/note-legali").await.text().await.unwrap();
        assert!(english.contains("not translated into English yet") && !english.contains("ملاحظات"));
    }
}
