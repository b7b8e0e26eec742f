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
        let varies: Vec<_> = answer.headers().get_all("vary").iter().map(|v| v.to_str().unwrap().to_owned()).collect();
        assert!(varies.iter().any(|v| v.contains("accept-language")), "a cache on the way keeps each preference apart: {varies:?}");
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

on_both_databases! {
    async fn a_booking_made_in_a_language_speaks_it_at_every_step(app: TestApp) {
        let (_, office) = page(&app, "/en/prenota").await;
        assert!(office.contains("<h1>Book an appointment</h1>") && office.contains("Where would you like to have the meeting?"));
        assert!(office.contains("action=\"/en/prenota\""), "the steps stay in English");
        assert!(office.contains("<a href=\"/en/servizi\">Services</a>"), "the breadcrumb too");

        let (_, day) = page(&app, "/en/prenota?sede=segretariato-sociale&argomento=figli-e-famiglia").await;
        assert!(day.contains("March 2026") && day.contains("<abbr title=\"Monday\">Mon</abbr>"), "the month in English");
        assert!(day.contains("href=\"/en/prenota?sede=segretariato-sociale&amp;argomento=figli-e-famiglia&amp;giorno=2026-03-03\""));
        assert!(day.contains("aria-label=\"Tuesday 3 March 2026, "), "{day}");
        let (_, time) = page(&app, "/en/prenota?sede=segretariato-sociale&argomento=figli-e-famiglia&giorno=2026-03-03").await;
        assert!(time.contains("from 9:30 to 10:00 (2 places left)"), "{time}");
        // Dates and plural forms in each language's own way.
        let (_, arabic) = page(&app, "/ar/prenota?sede=segretariato-sociale&argomento=figli-e-famiglia&giorno=2026-03-03").await;
        assert!(arabic.contains("الثلاثاء 3 مارس 2026"), "the day in Arabic");
        let (_, chinese) = page(&app, "/zh/prenota?sede=segretariato-sociale&argomento=figli-e-famiglia&giorno=2026-03-03").await;
        assert!(chinese.contains("2026年3月3日 星期二"), "the day in Chinese");

        // A mistake: the answer in English, next to the field, with what was typed.
        let mut fields = crate::booking::details("", "09:30");
        fields.retain(|(name, _)| *name != "telefono");
        fields.push(("telefono", "abc"));
        let wrong = app.post_form("/en/prenota", &fields).await;
        assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let wrong = wrong.text().await.unwrap();
        assert!(wrong.contains("<html lang=\"en\"") && wrong.contains("Write the first name."), "{wrong}");
        assert!(wrong.contains("Write the full phone number with its prefix"), "every field in English");
        assert!(wrong.contains("value=\"abc\"") && wrong.contains("Mio figlio non vuole più andare a scuola"));
        assert_eq!(app.count("booking_drafts").await, 0);

        // A name in Chinese script, and Arabic for the interview: the summary and the confirmation in English.
        let mut fields = crate::booking::details("王芳", "09:30");
        fields.retain(|(name, _)| *name != "lingua");
        fields.push(("lingua", "ar"));
        let sent = app.post_form("/en/prenota", &fields).await;
        assert_eq!(sent.status(), StatusCode::SEE_OTHER);
        let summary_path = sent.headers()["location"].to_str().unwrap().to_owned();
        assert!(summary_path.starts_with("/en/prenota/riepilogo?bozza="), "{summary_path}");
        let (_, summary) = page(&app, &summary_path).await;
        assert!(summary.contains("Tuesday 3 March 2026, from 9:30 to 10:00") && summary.contains("王芳 Rossi"), "{summary}");
        assert!(summary.contains("Arabic") && summary.contains("action=\"/en/prenota/riepilogo\""));
        let draft = crate::booking::draft_id(&summary_path);
        let confirmed = app.post_form("/en/prenota/riepilogo", &[("bozza", &draft)]).await;
        assert_eq!(confirmed.status(), StatusCode::SEE_OTHER);
        let confirmation_path = confirmed.headers()["location"].to_str().unwrap().to_owned();
        assert!(confirmation_path.starts_with("/en/prenota/confermata?bozza="), "{confirmation_path}");
        let (_, confirmation) = page(&app, &confirmation_path).await;
        assert!(confirmation.contains("<h1>Booking confirmed</h1>") && confirmation.contains("href=\"/en/prenota/ritrova\""));

        // The same draft confirmed again from the Italian summary: one booking, the page in Italian.
        let again = app.post_form("/prenota/riepilogo", &[("bozza", &draft)]).await;
        assert_eq!(again.headers()["location"].to_str().unwrap(), format!("/prenota/confermata?bozza={draft}"));
        assert_eq!(app.count("bookings").await, 1);

        // The private page and finding a booking again, in Ukrainian.
        let (_, manage) = page(&app, "/uk/prenota/gestisci?t=nessuno").await;
        assert!(manage.contains("<html lang=\"uk\"") && manage.contains("href=\"/uk/prenota/ritrova\""));
        let lost = app.post_form("/uk/prenota/ritrova", &[("codice", "12"), ("contatto", "")]).await;
        assert_eq!(lost.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let lost = lost.text().await.unwrap();
        assert!(lost.contains("<html lang=\"uk\"") && !lost.contains("Scrivi il codice della prenotazione"), "{lost}");
    }
}

on_both_databases! {
    async fn a_booking_made_in_arabic_gets_its_emails_in_arabic_then_italian(app: TestApp) {
        let (_, details) = page(&app, "/ar/prenota?sede=segretariato-sociale&argomento=figli-e-famiglia&giorno=2026-03-03&ora=09:30").await;
        assert!(details.contains("<option value=\"ar\" selected"), "the page's language preselects the interview's: {details}");

        let mut fields = crate::booking::details("أمينة", "09:30");
        fields.retain(|(name, _)| *name != "lingua");
        fields.push(("lingua", "ar"));
        let sent = app.post_form("/ar/prenota", &fields).await;
        assert_eq!(sent.status(), StatusCode::SEE_OTHER);
        let draft = crate::booking::draft_id(sent.headers()["location"].to_str().unwrap());
        let confirmed = app.post_form("/ar/prenota/riepilogo", &[("bozza", &draft)]).await;
        assert_eq!(confirmed.status(), StatusCode::SEE_OTHER);

        let emails = app.wait_for_emails(1).await;
        let text = crate::smtp::part(&emails[0], "text/plain").expect("the email's text");
        let (arabic, italian) = text.split_once("———— Italiano ————").expect("the Italian after the Arabic");
        assert!(arabic.contains("مرحبًا أمينة Rossi") && arabic.contains("الثلاثاء 3 مارس 2026"), "{arabic}");
        assert!(arabic.contains("/ar/prenota/gestisci?t="), "the private link opens in Arabic");
        assert!(italian.contains("Gentile أمينة Rossi") && italian.contains("martedì 3 marzo 2026"), "{italian}");
        let calendar = crate::smtp::part(&emails[0], "text/calendar").expect("the calendar file").replace("\n ", "");
        assert!(calendar.contains("SUMMARY:موعد في الأمانة الاجتماعية / Appuntamento presso il Segretariato Sociale"), "{calendar}");

        // Cancelled through the private link: the notice speaks Arabic too.
        let token = arabic.split("gestisci?t=").nth(1).unwrap().chars().take(64).collect::<String>();
        let cancelled = app.post_form("/ar/prenota/gestisci/annulla", &[("t", &token)]).await;
        assert_eq!(cancelled.status(), StatusCode::SEE_OTHER);
        let emails = app.wait_for_emails(2).await;
        let notice = emails.iter().filter_map(|email| crate::smtp::part(email, "text/plain")).find(|text| text.contains("annullato")).expect("the notice");
        assert!(notice.starts_with("مرحبًا أمينة Rossi"), "{notice}");
    }
}

on_both_databases! {
    async fn the_pages_around_the_booking_speak_the_language_and_mark_the_italian_texts(app: TestApp) {
        // Opening badges and hours, in each language's words and days.
        let (_, home) = page(&app, "/en").await;
        assert!(home.contains("Closed now. Reopens today at 9:30"), "the badge in English, at the tests' 9:00 on a Monday: {home}");
        assert!(home.contains("From Monday to Thursday: 9:30–12:30 and 14:30–15:30"), "the hours in English");
        assert!(!home.contains("Chiuso ora") && !home.contains("Da lunedì"));
        let (_, french) = page(&app, "/fr/contatti").await;
        assert!(french.contains("<h1>Contacts</h1>") && french.contains("<html lang=\"fr\""), "{}", &french[..200]);
        assert!(french.contains("lundi"), "the French days of the week");

        // The services: the frame translated, the organisation's texts marked as Italian, and said so.
        let (_, services) = page(&app, "/en/servizi").await;
        assert!(services.contains("<h1 data-element=\"page-name\">Services</h1>") && services.contains("action=\"/en/servizi\""));
        assert!(services.contains("<div lang=\"it\">"), "the services' own texts are marked Italian");
        let (_, service) = page(&app, "/en/servizi/affido-familiare").await;
        assert!(service.contains("Who it is for") && service.contains("This page is not translated into English yet"));
        assert!(service.contains("data-element=\"service-title\" lang=\"it\""), "{service}");
        assert!(service.contains("href=\"/en/prenota?servizio=affido-familiare\""));
        let (_, italian) = page(&app, "/servizi/affido-familiare").await;
        assert!(!italian.contains("data-element=\"service-title\" lang="), "no mark on the Italian page");
        assert!(!italian.contains("non è ancora tradotta"));
        let (_, topics) = page(&app, "/uk/argomenti").await;
        assert!(topics.contains("<html lang=\"uk\"") && topics.contains("href=\"/uk/servizi?argomento="));

        // "Richiedi assistenza" in English: its labels, its errors, its answer.
        let (_, form) = page(&app, "/en/assistenza").await;
        assert!(form.contains("<h1>Ask for help</h1>") && form.contains("Problems using the website") && form.contains("112"));
        let wrong = app.post_form("/en/assistenza", &[("nome", "Giulia"), ("cognome", "Neri"), ("email", "giulia.neri@example.it"),
            ("categoria", "servizi"), ("messaggio", ""), ("privacy", "si")]).await;
        assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(wrong.text().await.unwrap().contains("Write your message."));
        let sent = app.post_form("/en/assistenza", &[("nome", "Giulia"), ("cognome", "Neri"), ("email", "giulia.neri@example.it"),
            ("categoria", "servizi"), ("messaggio", "How does foster care work?"), ("privacy", "si")]).await;
        assert_eq!(sent.status(), StatusCode::SEE_OTHER);
        let emails = app.wait_for_emails(1).await;
        let to_staff = crate::smtp::part(&emails[0], "text/plain").unwrap_or_else(|| emails[0].clone());
        assert!(to_staff.contains("Scritta dalla pagina in English"), "staff know to answer in English: {to_staff}");

        // A page that does not exist, under a public page's address in a language.
        let (status, missing) = page(&app, "/en/servizi/nessun-servizio").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(missing.contains("<h1>Page not found</h1>"), "{missing}");
        // And under an address that leads nowhere at all.
        let (status, nowhere) = page(&app, "/uk/nessuna-pagina").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(nowhere.contains("<html lang=\"uk\"") && nowhere.contains("href=\"/uk/assistenza\""), "{nowhere}");
    }
}

/// A site folder with only a right-to-left stylesheet, as `scripts/build-style` writes it.
fn site_with_a_right_to_left_stylesheet() -> std::path::PathBuf {
    let site = tempfile::tempdir().expect("a folder for the site").keep();
    std::fs::create_dir(site.join("css")).unwrap();
    std::fs::write(
        site.join("css/sportello-rtl.0123456789abcdef.css"),
        ".ms-1{margin-right:.25rem!important}",
    )
    .unwrap();
    site
}

on_both_databases! {
    async fn arabic_pages_take_the_mirrored_stylesheet(app: TestApp, settings = |s| s.site_root = site_with_a_right_to_left_stylesheet()) {
        let (_, arabic) = page(&app, "/ar/servizi").await;
        assert!(arabic.contains("<link rel=\"stylesheet\" id=\"sportello\" href=\"/css/sportello-rtl.0123456789abcdef.css\">"), "{}", &arabic[..600]);
        assert_eq!(arabic.matches("rel=\"stylesheet\"").count(), 1, "instead of the usual one, not beside it");
        let (_, italian) = page(&app, "/servizi").await;
        assert!(!italian.contains("sportello-rtl"));
        let sheet = browser().get(app.url("/css/sportello-rtl.0123456789abcdef.css")).send().await.unwrap();
        assert_eq!(sheet.status(), StatusCode::OK);
        assert_eq!(sheet.headers()["cache-control"], "public, max-age=31536000, immutable", "its name changes with its content");
    }
}
