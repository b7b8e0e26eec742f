//! The public site in each language at its own address (`/en/servizi`), Italian at today's: the
//! document's `lang` and `dir`, the frame's texts, the switcher and the alternates, forms that stay
//! in their language, and a page cache that never serves a page in the wrong one.

use reqwest::StatusCode;

use crate::harness::{browser, TestApp};
use crate::on_both_databases;

async fn page(app: &TestApp, path: &str) -> (StatusCode, String) {
    // A fresh browser each time, without cookies: the visits the page cache serves.
    let answer = app.get_as(&browser(), path).await;
    (answer.status(), answer.text().await.unwrap())
}

on_both_databases! {
    async fn each_language_has_its_own_addresses_and_the_frame_speaks_it(app: TestApp) {
        let (status, italian) = page(&app, "/servizi").await;
        assert_eq!(status, StatusCode::OK);
        assert!(italian.contains("<html lang=\"it\" dir=\"ltr\">"));
        assert!(italian.contains("Vai al contenuto principale"));

        let (status, english) = page(&app, "/en/servizi").await;
        assert_eq!(status, StatusCode::OK);
        assert!(english.contains("<html lang=\"en\" dir=\"ltr\">"), "{}", &english[..120]);
        assert!(english.contains("Skip to main content") && english.contains("Emergency numbers"));
        assert!(!english.contains("Vai al contenuto principale"), "the frame is in English");
        assert!(english.contains("href=\"/en/argomenti\""), "the menu stays in English");

        let (_, home) = page(&app, "/en").await;
        assert!(home.contains("<h1>Social services for families with children under 18</h1>"), "the home page's own text");
        assert!(home.contains("href=\"/en/prenota\">Book an appointment</a>") && home.contains("Opening hours, by appointment only"));
        let (status, arabic) = page(&app, "/ar").await;
        assert_eq!(status, StatusCode::OK, "the home page in Arabic");
        assert!(arabic.contains("<html lang=\"ar\" dir=\"rtl\">"));
        assert!(arabic.contains("أرقام الطوارئ") && arabic.contains("href=\"tel:114\""));
        let (_, chinese) = page(&app, "/zh/prenota").await;
        assert!(chinese.contains("<html lang=\"zh-Hans\" dir=\"ltr\">"));

        // The switcher leads to this page in each language, each named in itself; the alternates
        // name every version at the public address.
        for (code, name) in [("en", "English"), ("ar", "العربية"), ("uk", "Українська")] {
            assert!(italian.contains(&format!("href=\"/{code}/servizi\" hreflang=")) && italian.contains(name), "{code}");
        }
        assert!(english.contains("href=\"/servizi\" hreflang=\"it\" lang=\"it\""), "back to Italian");
        let current = |html: &str| html.split("aria-current=\"true\"").count() - 1;
        assert_eq!(current(&english), 1, "one language marked current");
        assert!(english.contains("hreflang=\"en\" lang=\"en\" dir=\"ltr\" aria-current=\"true\""), "and it is English");
        assert!(italian.contains("<link href=\"http://127.0.0.1/en/servizi\" hreflang=\"en\" rel=\"alternate\""), "the alternates");
        assert!(italian.contains("<link href=\"http://127.0.0.1/servizi\" hreflang=\"x-default\" rel=\"alternate\""));

        // The back office, the health check and unknown languages have no such addresses.
        for path in ["/en/operatori", "/en/health", "/it/servizi", "/xx/servizi"] {
            assert_eq!(page(&app, path).await.0, StatusCode::NOT_FOUND, "{path}");
        }
        assert_eq!(page(&app, "/en/servizi/").await.0, StatusCode::PERMANENT_REDIRECT, "one spelling, kept in its language");
    }
}

on_both_databases! {
    async fn the_page_cache_keeps_each_language_apart(app: TestApp) {
        // Each visited twice, alternating: the second visits are served from the cache.
        for _ in 0..2 {
            for (path, lang, words) in [
                ("/servizi", "it", "Vai al contenuto principale"),
                ("/en/servizi", "en", "Skip to main content"),
                ("/fr/servizi", "fr", "Aller au contenu principal"),
            ] {
                let (status, html) = page(&app, path).await;
                assert_eq!(status, StatusCode::OK);
                assert!(html.contains(&format!("<html lang=\"{lang}\"")) && html.contains(words), "{path} in the wrong language");
            }
        }
    }
}

on_both_databases! {
    async fn a_form_sent_in_a_language_answers_in_it(app: TestApp) {
        let fields = [("nome", "Giulia"), ("cognome", "Neri"), ("email", "giulia.neri@example.it"),
            ("categoria", "servizi"), ("messaggio", "I would like to know how foster care works."), ("privacy", "si")];
        let sent = app.post_form("/en/assistenza", &fields).await;
        assert_eq!(sent.status(), StatusCode::SEE_OTHER);
        let next = sent.headers()["location"].to_str().unwrap().to_owned();
        assert!(next.starts_with("/en/assistenza/inviata"), "{next}");
        let (status, html) = page(&app, &next).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("<html lang=\"en\""));
    }
}

on_both_databases! {
    async fn a_browser_is_offered_its_language_never_sent_to_it(app: TestApp) {
        let visit = |accept: &'static str| {
            let url = app.url("/servizi");
            async move {
                let answer = browser().get(url).header("accept-language", accept).send().await.unwrap();
                (answer.status(), answer.text().await.unwrap())
            }
        };
        // Twice each, alternating: the second visits come from the page cache.
        for _ in 0..2 {
            let (status, english) = visit("en-GB,en;q=0.9,it;q=0.8").await;
            assert_eq!(status, StatusCode::OK, "offered, not redirected");
            assert!(english.contains("<html lang=\"it\""));
            assert!(english.contains("This page is also available in English.") && english.contains("<a href=\"/en/servizi\" hreflang=\"en\">Read it in English</a>"));
            let (_, chinese) = visit("zh-CN,zh;q=0.9").await;
            assert!(chinese.contains("本页面也有简体中文版本。") && chinese.contains("href=\"/zh/servizi\""));
            let (_, italian) = visit("it-IT,it;q=0.9,en;q=0.8").await;
            assert!(!italian.contains("offerta-lingua"), "a browser that prefers Italian is offered nothing");
            let (_, german) = visit("de-DE,de;q=0.9").await;
            assert!(!german.contains("offerta-lingua"), "nor one that prefers none of ours");
        }
        let answer = browser().get(app.url("/en/servizi")).header("accept-language", "en-US,en").send().await.unwrap();
        assert!(!answer.text().await.unwrap().contains("offerta-lingua"), "already in English");
    }
}

on_both_databases! {
    async fn the_page_rating_speaks_the_pages_language_and_so_do_its_errors(app: TestApp) {
        let (_, english) = page(&app, "/en/servizi").await;
        assert!(english.contains("How clear is the information on this page?") && english.contains("Send your rating"));
        assert!(english.contains("action=\"/en/valutazione\""));
        assert!(english.contains("You have written {used} of {max} characters."), "the live counter's sentence, for its island");
        assert!(!english.contains("Quanto sono chiare"));

        // Sent without a rating: the page again, in English, with the error in English.
        let wrong = app.post_form("/en/valutazione", &[("pagina", "/servizi"), ("voto", ""), ("commento", "Too hard")]).await;
        assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let wrong = wrong.text().await.unwrap();
        assert!(wrong.contains("<html lang=\"en\"") && wrong.contains("Choose a rating from 1 to 5 stars."), "{wrong}");
        assert!(wrong.contains("Too hard"), "what was typed is kept");

        let rated = app.post_form("/ar/valutazione", &[("pagina", "/servizi"), ("voto", "5"), ("commento", "")]).await;
        assert_eq!(rated.status(), StatusCode::SEE_OTHER);
        let next = rated.headers()["location"].to_str().unwrap().to_owned();
        assert!(next.starts_with("/ar/servizi"), "{next}");
        let (_, thanked) = page(&app, &next).await;
        assert!(thanked.contains("شكرًا لمساعدتك!"), "thanked in Arabic");
        assert_eq!(app.count("page_feedback").await, 1);
    }
}
