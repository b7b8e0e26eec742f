//! One spelling per address: every route of the permission table, written the other ways a browser
//! or an attacker may write it, by every kind of visitor. A visit to another spelling is sent to
//! the one spelling (where the route matrix of `staff.rs` holds); a spelling that hides a separator,
//! or a back-office address in other letters, is not found and shows nothing of the page. And the
//! forms that show a page again never show one the visitor may not see.

use reqwest::StatusCode;

use crate::harness::{browser_with_cookies, TestApp};
use crate::on_both_databases;
use crate::staff::{admin_sign_in, concrete, demo_sign_in, MATRIX};

/// Other spellings of `path` (a concrete address other than "/"), which name the same address.
fn other_spellings(path: &str) -> Vec<String> {
    let mut spellings = vec![
        format!("{path}/"),
        format!("/{path}"),
        format!("{path}/."),
        format!("/servizi/..{path}"),
        format!("/./{}", &path[1..]),
        // The first letter percent-encoded.
        format!("/%{:02X}{}", path.as_bytes()[1], &path[2..]),
    ];
    if let Some(slash) = path[1..].find('/').map(|at| at + 1) {
        spellings.push(format!("{}//{}", &path[..slash], &path[slash + 1..]));
        spellings.push(format!("{}/x/..{}", &path[..slash], &path[slash..]));
    }
    spellings
}

/// Spellings that name no address we serve: a slash hidden behind percent-encoding, and (in the
/// back office, where the router is exact) the address in capitals.
fn hidden_spellings(path: &str) -> Vec<String> {
    let mut spellings = Vec::new();
    if let Some(slash) = path.rfind('/').filter(|at| *at > 0) {
        spellings.push(format!("{}%2F{}", &path[..slash], &path[slash + 1..]));
    }
    if app::links::is_back_office(path) {
        spellings.push(path.to_uppercase());
    }
    spellings
}

/// The page's own words, as someone who may open it sees them: its main heading.
fn heading(body: &str) -> Option<String> {
    let start = body.find("<h1")?;
    let text = &body[start..];
    let text = &text[text.find('>')? + 1..text.find("</h1>")?];
    Some(text.to_owned()).filter(|text| !text.is_empty() && text != "Accesso non consentito")
}

struct Visitor {
    who: &'static str,
    cookies: std::sync::Arc<reqwest::cookie::Jar>,
}

async fn every_visitor(app: &TestApp) -> Vec<Visitor> {
    let mut visitors = Vec::new();
    let (_, cookies) = browser_with_cookies();
    visitors.push(Visitor {
        who: "signed out",
        cookies,
    });
    for user in ["sportello", "assistente", "coordinatrice"] {
        let (client, cookies) = browser_with_cookies();
        demo_sign_in(app, &client, user).await;
        visitors.push(Visitor { who: user, cookies });
    }
    let (client, cookies) = browser_with_cookies();
    admin_sign_in(app, &client).await;
    visitors.push(Visitor { who: "admin", cookies });
    visitors
}

on_both_databases! {
    /// Every route, every visitor, every other spelling: sent to the one spelling, or not found
    /// with nothing of the page in the answer.
    async fn every_address_has_one_spelling(app: TestApp) {
        let visitors = every_visitor(&app).await;
        let mut wrong = Vec::new();
        for (method, pattern, allowed) in MATRIX {
            let path = concrete(pattern);
            // What the page says to someone who may open it, which no refusal may contain.
            let mut page_words = None;
            if *method == "GET" {
                if let Some(column) = allowed.iter().position(|verdict| *verdict == 'Y') {
                    let (status, _, body) = app.get_exactly(&path, &visitors[column].cookies).await;
                    page_words = (status == 200).then(|| heading(&body)).flatten();
                }
            }
            for (column, visitor) in visitors.iter().enumerate() {
                if path != "/" {
                    for spelling in other_spellings(&path) {
                        let (status, location, body) = app.get_exactly(&spelling, &visitor.cookies).await;
                        if (status, location.as_str()) != (308, path.as_str()) {
                            wrong.push(format!("{} GET {spelling}: {status} to '{location}', not 308 to {path}", visitor.who));
                        }
                        // Whatever the answer, nothing of the page for who may not open it (the
                        // walls behind this one hold on their own: tried without it).
                        let shown = page_words.as_deref().filter(|words| allowed[column] != 'Y' && body.contains(*words));
                        if let Some(words) = shown {
                            wrong.push(format!("{} GET {spelling}: the answer shows the page ({words})", visitor.who));
                        }
                    }
                }
                if *method != "GET" {
                    continue;
                }
                for spelling in hidden_spellings(&path) {
                    let (status, _, body) = app.get_exactly(&spelling, &visitor.cookies).await;
                    if status != 404 {
                        wrong.push(format!("{} GET {spelling}: {status}, not 404", visitor.who));
                    }
                    if let Some(words) = page_words.as_deref().filter(|words| body.contains(*words)) {
                        wrong.push(format!("{} GET {spelling}: the answer shows the page ({words})", visitor.who));
                    }
                }
            }
        }
        assert!(wrong.is_empty(), "{} wrong answers:\n{}", wrong.len(), wrong.join("\n"));
    }
}

on_both_databases! {
    /// A form posted to another spelling of its address changes nothing and is not found.
    async fn a_form_posted_to_another_spelling_is_not_found(app: TestApp) {
        let before = app.count("email_outbox").await;
        for spelling in ["/assistenza/", "//assistenza", "/%61ssistenza"] {
            let answer = app
                .post_form(spelling, &[("nome", "Giulia"), ("cognome", "Rossi"), ("email", "giulia@example.it"),
                    ("categoria", "servizi"), ("messaggio", "Vorrei informazioni."), ("privacy", "on")])
                .await;
            assert_eq!(answer.status(), StatusCode::NOT_FOUND, "{spelling}");
        }
        assert_eq!(app.count("email_outbox").await, before);
    }
}

on_both_databases! {
    /// The page-rating form shows a page again when the rating must be corrected: only a public
    /// page, never the one the form names if it is not, to any visitor.
    async fn the_rating_form_shows_again_only_public_pages(app: TestApp) {
        let (admin, cookies) = browser_with_cookies();
        admin_sign_in(&app, &admin).await;
        let (_, _, users_page) = app.get_exactly("/operatori/utenti", &cookies).await;
        assert!(users_page.contains("Utenti del personale"), "the administrator sees the page");

        let mut clients = vec![crate::harness::browser(), admin];
        for user in ["sportello", "assistente", "coordinatrice"] {
            let (client, _) = browser_with_cookies();
            demo_sign_in(&app, &client, user).await;
            clients.push(client);
        }
        for (n, client) in clients.iter().enumerate() {
            for page in ["/operatori/utenti", "/operatori/registro", "/servizi/../operatori/utenti", "/operatori/posta"] {
                let answer = app.post_form_as(client, "/valutazione", &[("pagina", page), ("voto", "")]).await;
                assert_eq!(answer.status(), StatusCode::UNPROCESSABLE_ENTITY, "visitor {n}, {page}");
                let body = answer.text().await.unwrap();
                assert!(body.contains("Scegli un voto da 1 a 5 stelle."), "visitor {n}, {page}: the error is shown");
                for words in ["Utenti del personale", "Registro degli accessi", "Email non recapitate", "barra-operatori", "area-operatori"] {
                    assert!(!body.contains(words), "visitor {n}, {page}: the answer shows {words}");
                }
            }
        }
    }
}
