//! The page shell: Italian, complete HTML from the server, the emergency notice, a friendly 404.

use crate::on_both_databases;

on_both_databases! {
    async fn the_home_page_is_complete_italian_html(app: TestApp) {
        let response = app.get("/").await;
        assert_eq!(response.status(), 200);
        let html = response.text().await.unwrap();
        assert!(html.starts_with("<!DOCTYPE html><html lang=\"it\" dir=\"ltr\">"), "{}", &html[..80]);
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
    async fn pages_go_out_compressed_to_browsers_that_accept_it(app: TestApp) {
        use std::io::Read;

        let response = app.client.get(app.url("/servizi")).header("accept-encoding", "br;q=0.5, gzip").send().await.unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["content-encoding"], "gzip");
        assert_eq!(response.headers()["vary"], "accept-encoding");
        let sent = response.bytes().await.unwrap();
        let mut html = String::new();
        flate2::read::GzDecoder::new(&sent[..]).read_to_string(&mut html).unwrap();
        assert!(html.starts_with("<!DOCTYPE html><html lang=\"it\" dir=\"ltr\">"), "{}", &html[..80]);
        assert!(sent.len() * 3 < html.len(), "{} bytes sent for {} of page", sent.len(), html.len());

        // A client that does not ask for compression gets the page as it is.
        let plain = app.get("/servizi").await;
        assert!(plain.headers().get("content-encoding").is_none());
        assert!(plain.text().await.unwrap().contains("<h1"));
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

on_both_databases! {
    async fn the_pages_the_municipal_model_requires_are_linked_from_every_page(app: TestApp) {
        let home = app.get("/").await.text().await.unwrap();
        for (element, href) in [
            ("privacy-policy-link", "/informativa-privacy"),
            ("accessibility-link", "/dichiarazione-di-accessibilita"),
            ("legal-notes", "/note-legali"),
            ("faq", "/domande-frequenti"),
            ("report-inefficiency", "/assistenza"),
            ("all-topics", "/argomenti"),
            ("all-services", "/servizi"),
        ] {
            assert!(home.contains(&format!("href=\"{href}\" data-element=\"{element}\"")), "{element}");
        }
        for (path, title) in [
            ("/informativa-privacy", "Informativa sul trattamento dei dati personali"),
            ("/dichiarazione-di-accessibilita", "Dichiarazione di accessibilità"),
            ("/note-legali", "Note legali"),
            ("/domande-frequenti", "Domande frequenti"),
            ("/condizioni-di-servizio", "Condizioni di servizio"),
        ] {
            let response = app.get(path).await;
            assert_eq!(response.status(), 200, "{path}");
            let html = response.text().await.unwrap();
            assert!(html.contains(&format!("<h1>{title}</h1>")), "{path}");
            assert_eq!(html.matches("<h1").count(), 1, "{path}");
            assert!(html.contains(&format!("<title>{title} — Sportello")), "{path}");
        }
        let faq = app.get("/domande-frequenti").await.text().await.unwrap();
        assert!(faq.contains("<h2>Quanto costa il colloquio?</h2>"), "questions are headings");
    }
}

on_both_databases! {
    async fn contacts_and_topics_come_from_the_data(app: TestApp) {
        let contacts = app.get("/contatti").await.text().await.unwrap();
        assert!(contacts.contains("<h1>Contatti</h1>"));
        assert!(contacts.contains("href=\"tel:0266023549\""));
        assert!(contacts.contains("Via XXV Aprile 4"));
        let topics = app.get("/argomenti").await.text().await.unwrap();
        assert!(topics.contains("href=\"/servizi?argomento=assistenza-sociale\" data-element=\"topic-element\""));
        assert!(topics.matches("data-element=\"topic-element\"").count() >= 5);
    }
}

/// A site folder of its own (the real one is built after these tests run): a stylesheet with its
/// gzip copy beside it, as `cargo leptos build --precompress` leaves them, and a font.
fn site_files() -> std::path::PathBuf {
    use std::io::Write;
    let root = std::env::temp_dir().join(format!("sportello-site-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(root.join("pkg")).unwrap();
    std::fs::create_dir_all(root.join("fonts")).unwrap();
    let css = "body { font-family: 'Titillium Web'; }\n".repeat(200);
    std::fs::write(root.join("pkg/sportello.css"), &css).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(css.as_bytes()).unwrap();
    std::fs::write(root.join("pkg/sportello.css.gz"), gz.finish().unwrap()).unwrap();
    std::fs::write(root.join("fonts/prova-v1-regular.woff2"), b"wOF2 font").unwrap();
    std::fs::write(root.join("pkg/sportello.q1w2e3.wasm"), b"\0asm").unwrap();
    root
}

on_both_databases! {
    async fn the_sites_files_go_out_compressed_and_with_their_cache_rules(app: TestApp, settings = |s| s.site_root = site_files()) {
        use std::io::Read;

        // A font's name carries its version: kept a year without asking.
        let font = app.get("/fonts/prova-v1-regular.woff2").await;
        assert_eq!(font.status(), 200);
        assert_eq!(font.headers()["cache-control"], "public, max-age=31536000, immutable");

        // The bundle's name carries a hash of its content (cargo-leptos hash-files): kept a year.
        let bundle = app.get("/pkg/sportello.q1w2e3.wasm").await;
        assert_eq!(bundle.status(), 200);
        assert_eq!(bundle.headers()["cache-control"], "public, max-age=31536000, immutable");

        // A file without a hash in its name (a build without hash-files) is asked again at each
        // use, answered 304 while unchanged; sent as its precompressed copy to a browser that
        // takes gzip.
        let plain = app.get("/pkg/sportello.css").await;
        assert_eq!(plain.status(), 200);
        assert_eq!(plain.headers()["cache-control"], "no-cache");
        assert!(plain.headers().get("content-encoding").is_none());
        let modified = plain.headers()["last-modified"].to_str().unwrap().to_owned();
        let css = plain.text().await.unwrap();
        let zipped = app.client.get(app.url("/pkg/sportello.css")).header("accept-encoding", "gzip").send().await.unwrap();
        assert_eq!(zipped.headers()["content-encoding"], "gzip");
        assert_eq!(zipped.headers()["cache-control"], "no-cache");
        let sent = zipped.bytes().await.unwrap();
        let mut decoded = String::new();
        flate2::read::GzDecoder::new(&sent[..]).read_to_string(&mut decoded).unwrap();
        assert_eq!(decoded, css, "the compressed copy decodes to the same bytes");
        assert!(sent.len() * 10 < css.len());
        let again = app.client.get(app.url("/pkg/sportello.css")).header("if-modified-since", &modified).send().await.unwrap();
        assert_eq!(again.status(), 304);
        assert_eq!(again.headers()["cache-control"], "no-cache");

        // Pages keep their own rules: the back office is never kept by a shared cache.
        let page = app.get("/servizi").await;
        assert!(page.headers().get("cache-control").is_none_or(|rule| !rule.to_str().unwrap().contains("immutable")));
        let staff = app.get("/operatori").await;
        assert_eq!(staff.headers()["cache-control"], "no-store");
    }
}
