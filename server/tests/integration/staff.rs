//! The back office's door: sign-in and sign-out, sessions and their timeouts, the lock after
//! repeated failures, the second factor, and who may open which page.

use app::clock::Clock;
use chrono::Duration;
use reqwest::StatusCode;

use crate::harness::{browser, TestApp, ADMIN_PASSWORD};
use crate::on_both_databases;

pub const WRONG: &str = "Nome utente, password o codice di verifica non corretti";
pub const LOCKED: &str = "Troppi tentativi non riusciti";

/// Signs in from `client`; the answer (a redirect to `/operatori` when accepted).
pub async fn sign_in(
    app: &TestApp,
    client: &reqwest::Client,
    user: &str,
    password: &str,
    code: &str,
) -> reqwest::Response {
    app.post_form_as(
        client,
        "/operatori",
        &[("utente", user), ("password", password), ("codice_totp", code)],
    )
    .await
}

/// A new browser signed in as one of the `--demo` accounts.
pub async fn demo_browser(app: &TestApp, user: &str) -> reqwest::Client {
    let client = browser();
    demo_sign_in(app, &client, user).await;
    client
}

/// Signs `client` in as one of the `--demo` accounts.
pub async fn demo_sign_in(app: &TestApp, client: &reqwest::Client, user: &str) {
    let password = app::staff::demo::DEMO_ACCOUNTS
        .iter()
        .find(|(name, ..)| *name == user)
        .map(|(_, _, password, _)| *password)
        .expect("a demo account");
    let answer = sign_in(app, client, user, password, "").await;
    assert_eq!(answer.status(), StatusCode::SEE_OTHER, "{user} signs in");
}

/// A new browser signed in as the first administrator, with the second factor enrolled; and the
/// secret, to make more codes. Moves the clock 30 s past each code used, as real time would.
pub async fn admin_browser(app: &TestApp) -> (reqwest::Client, String) {
    let client = browser();
    let secret = admin_sign_in(app, &client).await;
    (client, secret)
}

/// Signs `client` in as the first administrator, enrolling the second factor; the secret.
pub async fn admin_sign_in(app: &TestApp, client: &reqwest::Client) -> String {
    let answer = sign_in(app, client, "admin", ADMIN_PASSWORD, "").await;
    assert_eq!(answer.status(), StatusCode::SEE_OTHER);
    // An administrator without a second factor is sent to enrol it before anything else.
    let elsewhere = app.get_as(client, "/operatori/registro").await;
    assert_eq!(location(&elsewhere), "/operatori/sicurezza");
    let page = app.get_as(client, "/operatori/sicurezza").await.text().await.unwrap();
    let secret = between(&page, "<code class=\"chiave-totp\">", "</code>").to_owned();
    let code = app::access::totp::code_at(&secret, app.clock.now()).unwrap();
    let enrolled = app
        .post_form_as(
            client,
            "/operatori/sicurezza",
            &[("segreto", &secret), ("codice_totp", &code)],
        )
        .await;
    assert_eq!(location(&enrolled), "/operatori/sicurezza?attivato=1");
    app.clock.advance(Duration::seconds(30));
    secret
}

pub fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

pub fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).unwrap_or_else(|| panic!("{start} not in the page")) + start.len();
    let to = text[from..].find(end).unwrap() + from;
    &text[from..to]
}

fn cookie_of(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|c| c.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("sportello="))
}

async fn audit_count(app: &TestApp, action: &str, outcome: &str) -> i64 {
    let sql = format!("SELECT COUNT(*) FROM audit_log WHERE action = '{action}' AND outcome = '{outcome}'");
    app::on_db!(&app.db, pool => sqlx::query_scalar::<_, i64>(&sql).fetch_one(pool).await.unwrap())
}

on_both_databases! {
    /// Signing in gives a fresh, protected session cookie and the person's home; signing out ends
    /// the session; a refused sign-in says the same for a known and an unknown account.
    async fn sign_in_and_out(app: TestApp) {
        let sign_in_page = app.get("/operatori").await;
        assert_eq!(sign_in_page.status(), StatusCode::OK);
        assert_eq!(sign_in_page.headers()["cache-control"], "no-store");
        assert!(cookie_of(&sign_in_page).is_none(), "no session before signing in");
        assert!(sign_in_page.text().await.unwrap().contains("Accesso operatori"));

        let client = browser();
        let unknown = sign_in(&app, &client, "nessuno", "una-password-qualsiasi", "").await;
        let wrong = sign_in(&app, &client, "sportello", "una-password-qualsiasi", "").await;
        assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let (unknown, wrong) = (unknown.text().await.unwrap(), wrong.text().await.unwrap());
        assert!(unknown.contains(WRONG) && wrong.contains(WRONG));
        assert!(!wrong.contains("una-password-qualsiasi"), "a password is never written back");
        assert_eq!(audit_count(&app, "accesso", "negato").await, 2, "failed sign-ins are recorded");

        let accepted = sign_in(&app, &client, "sportello", "prova-sportello-2026", "").await;
        assert_eq!(accepted.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&accepted), "/operatori");
        let cookie = cookie_of(&accepted).expect("a session cookie");
        assert!(cookie.contains("HttpOnly"), "{cookie}");
        assert!(cookie.contains("SameSite=Strict"), "{cookie}");
        assert!(!cookie.contains("Secure"), "plain http: a local trial");
        let home = app.get_as(&client, "/operatori").await.text().await.unwrap();
        assert!(home.contains("Sara Sportello"));
        assert!(home.contains("Email non recapitate"));
        assert!(!home.contains("Registro degli accessi"), "the front desk does not read the audit trail");
        assert_eq!(audit_count(&app, "accesso", "ok").await, 1);

        let out = app.post_form_as(&client, "/operatori/esci", &[]).await;
        assert_eq!(location(&out), "/operatori?uscito=1");
        let after = app.get_as(&client, "/operatori/posta").await;
        assert_eq!(after.status(), StatusCode::SEE_OTHER, "signed out: back to the sign-in page");
        assert_eq!(location(&after), "/operatori");
    }
}

on_both_databases! {
    /// Every sign-in gives a new session id: a cookie planted before signing in (session
    /// fixation) or taken from an earlier session never becomes the signed-in session.
    async fn the_session_id_changes_at_every_sign_in(app: TestApp) {
        let client = browser();
        let first = sign_in(&app, &client, "sportello", "prova-sportello-2026", "").await;
        let first_cookie = cookie_of(&first).unwrap();
        let second = sign_in(&app, &client, "sportello", "prova-sportello-2026", "").await;
        let second_cookie = cookie_of(&second).expect("a new cookie at the new sign-in");
        let id = |cookie: &str| cookie.split(';').next().unwrap().to_owned();
        assert_ne!(id(&first_cookie), id(&second_cookie));

        // The old id is worth nothing now.
        let old = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        let answer = old
            .get(app.url("/operatori/posta"))
            .header("cookie", id(&first_cookie))
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), StatusCode::SEE_OTHER);
        assert_eq!(app.get_as(&client, "/operatori/posta").await.status(), StatusCode::OK);
    }
}

on_both_databases! {
    /// 30 minutes without a request end the session; so do 10 hours in all, however active.
    async fn sessions_time_out(app: TestApp) {
        let client = demo_browser(&app, "sportello").await;
        app.clock.advance(Duration::minutes(29));
        assert_eq!(app.get_as(&client, "/operatori/posta").await.status(), StatusCode::OK);
        app.clock.advance(Duration::minutes(31));
        let idle = app.get_as(&client, "/operatori/posta").await;
        assert_eq!(location(&idle), "/operatori?scaduta=1");
        let page = app.get_as(&client, "/operatori").await.text().await.unwrap();
        assert!(page.contains("Accesso operatori"));

        let client = demo_browser(&app, "sportello").await;
        for _ in 0..40 {
            app.clock.advance(Duration::minutes(15));
            assert_eq!(app.get_as(&client, "/operatori/posta").await.status(), StatusCode::OK);
        }
        app.clock.advance(Duration::minutes(5));
        let too_long = app.get_as(&client, "/operatori/posta").await;
        assert_eq!(location(&too_long), "/operatori?scaduta=1", "10 hours and 5 minutes after signing in");
    }
}

on_both_databases! {
    /// Signing out on one device, or an account being disabled, ends every session of it at once.
    async fn sign_out_and_disabling_end_every_session(app: TestApp) {
        let office = demo_browser(&app, "sportello").await;
        let phone = demo_browser(&app, "sportello").await;
        app.post_form_as(&office, "/operatori/esci", &[]).await;
        assert_eq!(app.get_as(&phone, "/operatori/posta").await.status(), StatusCode::SEE_OTHER);

        let client = demo_browser(&app, "sportello").await;
        assert_eq!(app.get_as(&client, "/operatori/posta").await.status(), StatusCode::OK);
        app.execute("UPDATE staff_users SET disabled = TRUE WHERE username = 'sportello'").await;
        assert_eq!(app.get_as(&client, "/operatori/posta").await.status(), StatusCode::SEE_OTHER);
        let again = sign_in(&app, &browser(), "sportello", "prova-sportello-2026", "").await;
        assert!(again.text().await.unwrap().contains(WRONG), "a disabled account cannot sign in");
    }
}

on_both_databases! {
    /// 20 wrong passwords at once: exactly 6 are checked, the rest are refused by the lock, which
    /// then refuses the right password too, until 15 minutes have passed. An unknown account is
    /// treated the same.
    async fn repeated_failures_lock_the_account(app: TestApp) {
        let attempts = (0..20).map(|i| {
            let app = &app;
            async move {
                let answer = sign_in(app, &browser(), "sportello", &format!("sbagliata-{i}"), "").await;
                assert_eq!(answer.status(), StatusCode::UNPROCESSABLE_ENTITY);
                answer.text().await.unwrap()
            }
        });
        let answers = futures::future::join_all(attempts).await;
        let locked = answers.iter().filter(|a| a.contains(LOCKED)).count();
        assert_eq!(locked, 14, "6 wrong passwords checked, 14 refused by the lock");
        assert_eq!(audit_count(&app, "accesso", "negato").await, 6);
        assert_eq!(audit_count(&app, "accesso.bloccato", "negato").await, 14);

        let right = sign_in(&app, &browser(), "sportello", "prova-sportello-2026", "").await;
        assert!(right.text().await.unwrap().contains(LOCKED));

        for i in 0..7 {
            let answer = sign_in(&app, &browser(), "sconosciuto", &format!("x-{i}"), "").await;
            let text = answer.text().await.unwrap();
            assert_eq!(text.contains(LOCKED), i == 6, "unknown accounts lock the same way");
        }

        app.clock.advance(Duration::minutes(16));
        let later = sign_in(&app, &browser(), "sportello", "prova-sportello-2026", "").await;
        assert_eq!(later.status(), StatusCode::SEE_OTHER, "the lock is temporary");
        // Twenty sign-ins at once each wrote their row: the chain did not fork.
        app.assert_trail_intact().await;
    }
}

on_both_databases! {
    /// Administrators must enrol a second factor; once enrolled, signing in needs the code, and a
    /// code is accepted once only.
    async fn the_second_factor(app: TestApp) {
        let (_admin, secret) = admin_browser(&app).await;

        let without_code = sign_in(&app, &browser(), "admin", ADMIN_PASSWORD, "").await;
        assert!(without_code.text().await.unwrap().contains(WRONG));
        let wrong_code = sign_in(&app, &browser(), "admin", ADMIN_PASSWORD, "000000").await;
        assert!(wrong_code.text().await.unwrap().contains(WRONG));

        let code = app::access::totp::code_at(&secret, app.clock.now()).unwrap();
        let client = browser();
        let accepted = sign_in(&app, &client, "admin", ADMIN_PASSWORD, &code).await;
        assert_eq!(accepted.status(), StatusCode::SEE_OTHER);
        assert_eq!(app.get_as(&client, "/operatori/registro").await.status(), StatusCode::OK);

        let replayed = sign_in(&app, &browser(), "admin", ADMIN_PASSWORD, &code).await;
        assert!(replayed.text().await.unwrap().contains(WRONG), "the same code twice is refused");

        // Two sign-ins racing with one new code: one wins.
        app.clock.advance(Duration::seconds(30));
        let code = app::access::totp::code_at(&secret, app.clock.now()).unwrap();
        let (a, b) = (browser(), browser());
        let (first, second) = futures::join!(
            sign_in(&app, &a, "admin", ADMIN_PASSWORD, &code),
            sign_in(&app, &b, "admin", ADMIN_PASSWORD, &code)
        );
        let accepted = [first.status(), second.status()]
            .iter()
            .filter(|s| **s == StatusCode::SEE_OTHER)
            .count();
        assert_eq!(accepted, 1);
    }
}

on_both_databases! {
    /// The person who got a temporary password must choose their own before anything else; the
    /// new password ends every other session.
    async fn a_new_password(app: TestApp) {
        app.execute("UPDATE staff_users SET must_change_password = TRUE WHERE username = 'assistente'").await;
        let client = demo_browser(&app, "assistente").await;
        let other = demo_browser(&app, "assistente").await;
        let home = app.get_as(&client, "/operatori").await.text().await.unwrap();
        assert!(home.contains("password provvisoria"));

        let short = app
            .post_form_as(&client, "/operatori/sicurezza/password", &[
                ("password", "prova-assistente-2026"),
                ("nuova_password", "corta"),
                ("conferma_password", "corta"),
            ])
            .await;
        assert_eq!(short.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(short.text().await.unwrap().contains("almeno 12 caratteri"));

        let changed = app
            .post_form_as(&client, "/operatori/sicurezza/password", &[
                ("password", "prova-assistente-2026"),
                ("nuova_password", "una frase lunga e mia"),
                ("conferma_password", "una frase lunga e mia"),
            ])
            .await;
        assert_eq!(location(&changed), "/operatori/sicurezza?password=1");
        assert_eq!(app.get_as(&client, "/operatori").await.status(), StatusCode::OK);
        let home = app.get_as(&client, "/operatori").await.text().await.unwrap();
        assert!(home.contains("Andrea Assistente") && !home.contains("password provvisoria"));
        assert_eq!(app.get_as(&other, "/operatori/sicurezza").await.status(), StatusCode::SEE_OTHER, "the other session ended");
        let old = sign_in(&app, &browser(), "assistente", "prova-assistente-2026", "").await;
        assert!(old.text().await.unwrap().contains(WRONG));
    }
}

/// Who may open what: written by hand, independently of the permission table in the code. For
/// every route, the answer each visitor gets to a GET (pages) or POST (forms and server
/// functions): `Y` allowed, `S` sent to the sign-in page (or 401 for a server function), `F` sent
/// to the families' area's sign-in page, `N` refused with 403. Columns: signed out, front desk, social worker, coordinator, administrator.
pub const MATRIX: &[(&str, &str, [char; 5])] = &[
    ("GET", "/", ['Y', 'Y', 'Y', 'Y', 'Y']),
    ("GET", "/health", ['Y', 'Y', 'Y', 'Y', 'Y']),
    ("GET", "/__tetto/{n}", ['Y', 'Y', 'Y', 'Y', 'Y']),
    ("GET", "/servizi", ['Y', 'Y', 'Y', 'Y', 'Y']),
    ("GET", "/servizi/{slug}", ['Y', 'Y', 'Y', 'Y', 'Y']),
    ("GET", "/argomenti", ['Y', 'Y', 'Y', 'Y', 'Y']),
    ("GET", "/contatti", ['Y', 'Y', 'Y', 'Y', 'Y']),
    ("GET", "/assistenza", ['Y', 'Y', 'Y', 'Y', 'Y']),
    ("GET", "/assistenza/inviata", ['Y', 'Y', 'Y', 'Y', 'Y']),
    ("GET", "/informativa-privacy", ['Y', 'Y', 'Y', 'Y', 'Y']),
    ("GET", "/dichiarazione-di-accessibilita", ['Y', 'Y', 'Y', 'Y', 'Y']),
    ("GET", "/note-legali", ['Y', 'Y', 'Y', 'Y', 'Y']),
    ("GET", "/domande-frequenti", ['Y', 'Y', 'Y', 'Y', 'Y']),
    ("GET", "/condizioni-di-servizio", ['Y', 'Y', 'Y', 'Y', 'Y']),
    ("POST", "/valutazione", ['Y', 'Y', 'Y', 'Y', 'Y']),
    ("GET", "/prenota", ['Y', 'Y', 'Y', 'Y', 'Y']),
    ("GET", "/prenota/riepilogo", ['Y', 'Y', 'Y', 'Y', 'Y']),
    ("POST", "/prenota/cambia-orario", ['Y', 'Y', 'Y', 'Y', 'Y']),
    ("GET", "/prenota/confermata", ['Y', 'Y', 'Y', 'Y', 'Y']),
    ("GET", "/prenota/calendario", ['Y', 'Y', 'Y', 'Y', 'Y']),
    ("GET", "/prenota/gestisci", ['Y', 'Y', 'Y', 'Y', 'Y']),
    ("POST", "/prenota/gestisci/annulla", ['Y', 'Y', 'Y', 'Y', 'Y']),
    ("POST", "/prenota/gestisci/sposta", ['Y', 'Y', 'Y', 'Y', 'Y']),
    ("GET", "/prenota/ritrova", ['Y', 'Y', 'Y', 'Y', 'Y']),
    // The families' area: no staff session opens it (`F`: sent to the area's own sign-in).
    ("GET", "/area-personale", ['F', 'F', 'F', 'F', 'F']),
    ("GET", "/area-personale/accedi", ['Y', 'Y', 'Y', 'Y', 'Y']),
    ("GET", "/area-personale/accedi/avvia", ['Y', 'Y', 'Y', 'Y', 'Y']),
    ("GET", "/area-personale/accedi/ritorno", ['Y', 'Y', 'Y', 'Y', 'Y']),
    ("POST", "/area-personale/esci", ['F', 'F', 'F', 'F', 'F']),
    ("GET", "/area-personale/chiavi.json", ['Y', 'Y', 'Y', 'Y', 'Y']),
    ("GET", "/area-personale/appuntamento", ['F', 'F', 'F', 'F', 'F']),
    (
        "POST",
        "/area-personale/appuntamento/annulla",
        ['F', 'F', 'F', 'F', 'F'],
    ),
    ("POST", "/area-personale/appuntamento/sposta", ['F', 'F', 'F', 'F', 'F']),
    ("GET", "/area-personale/messaggi", ['F', 'F', 'F', 'F', 'F']),
    ("POST", "/area-personale/messaggi/rispondi", ['F', 'F', 'F', 'F', 'F']),
    ("GET", "/area-personale/documento", ['F', 'F', 'F', 'F', 'F']),
    ("POST", "/area-personale/documento/invia", ['F', 'F', 'F', 'F', 'F']),
    ("POST", "/area-personale/email/conferma", ['F', 'F', 'F', 'F', 'F']),
    ("GET", "/area-personale/email", ['F', 'F', 'F', 'F', 'F']),
    ("GET", "/operatori", ['Y', 'Y', 'Y', 'Y', 'Y']),
    ("POST", "/operatori/esci", ['S', 'Y', 'Y', 'Y', 'Y']),
    ("GET", "/operatori/sicurezza", ['S', 'Y', 'Y', 'Y', 'Y']),
    ("POST", "/operatori/sicurezza/password", ['S', 'Y', 'Y', 'Y', 'Y']),
    ("GET", "/operatori/agenda", ['S', 'Y', 'N', 'N', 'N']),
    ("POST", "/operatori/agenda/stato", ['S', 'Y', 'N', 'N', 'N']),
    ("POST", "/operatori/agenda/annulla", ['S', 'Y', 'N', 'N', 'N']),
    ("GET", "/operatori/agenda/sposta", ['S', 'Y', 'N', 'N', 'N']),
    ("GET", "/operatori/richieste", ['S', 'Y', 'N', 'N', 'N']),
    ("GET", "/operatori/richieste/nuova", ['S', 'Y', 'N', 'N', 'N']),
    (
        "POST",
        "/operatori/richieste/solo-informazioni",
        ['S', 'Y', 'N', 'N', 'N'],
    ),
    ("GET", "/operatori/richieste/dettaglio", ['S', 'Y', 'N', 'N', 'N']),
    ("POST", "/operatori/richieste/reindirizza", ['S', 'Y', 'N', 'N', 'N']),
    ("GET", "/operatori/coda", ['S', 'N', 'Y', 'Y', 'N']),
    ("POST", "/operatori/coda/prendi", ['S', 'N', 'Y', 'Y', 'N']),
    ("POST", "/operatori/coda/prossimo", ['S', 'N', 'Y', 'Y', 'N']),
    ("POST", "/operatori/coda/assegna", ['S', 'N', 'N', 'Y', 'N']),
    ("POST", "/operatori/coda/restituisci", ['S', 'N', 'N', 'Y', 'N']),
    ("GET", "/operatori/cruscotto", ['S', 'N', 'N', 'Y', 'N']),
    ("GET", "/operatori/casi", ['S', 'N', 'Y', 'Y', 'N']),
    ("GET", "/operatori/casi/fascicolo", ['S', 'N', 'Y', 'Y', 'N']),
    ("POST", "/operatori/casi/nota", ['S', 'N', 'Y', 'Y', 'N']),
    ("GET", "/operatori/casi/nota/correggi", ['S', 'N', 'Y', 'Y', 'N']),
    ("POST", "/operatori/casi/equipe", ['S', 'N', 'Y', 'Y', 'N']),
    ("POST", "/operatori/casi/equipe/togli", ['S', 'N', 'Y', 'Y', 'N']),
    ("POST", "/operatori/casi/emergenza", ['S', 'N', 'Y', 'Y', 'N']),
    ("POST", "/operatori/casi/visibilita", ['S', 'N', 'Y', 'Y', 'N']),
    ("POST", "/operatori/casi/messaggio", ['S', 'N', 'Y', 'Y', 'N']),
    ("POST", "/operatori/casi/documento-richiesto", ['S', 'N', 'Y', 'Y', 'N']),
    ("POST", "/operatori/casi/relazione", ['S', 'N', 'Y', 'Y', 'N']),
    ("POST", "/operatori/casi/documenti", ['S', 'N', 'Y', 'Y', 'N']),
    ("GET", "/operatori/casi/documenti/scarica", ['S', 'N', 'Y', 'Y', 'N']),
    ("GET", "/operatori/casi/progetto", ['S', 'N', 'Y', 'Y', 'N']),
    ("POST", "/operatori/casi/progetto/obiettivi", ['S', 'N', 'Y', 'Y', 'N']),
    ("POST", "/operatori/casi/progetto/intervento", ['S', 'N', 'Y', 'Y', 'N']),
    (
        "POST",
        "/operatori/casi/progetto/intervento/stato",
        ['S', 'N', 'Y', 'Y', 'N'],
    ),
    ("POST", "/operatori/casi/progetto/stato", ['S', 'N', 'Y', 'Y', 'N']),
    ("POST", "/operatori/casi/progetto/passo", ['S', 'N', 'Y', 'Y', 'N']),
    ("POST", "/operatori/casi/chiusura", ['S', 'N', 'Y', 'Y', 'N']),
    ("POST", "/operatori/casi/chiusura/decisione", ['S', 'N', 'Y', 'Y', 'N']),
    ("GET", "/operatori/posta", ['S', 'Y', 'N', 'N', 'Y']),
    ("GET", "/operatori/utenti", ['S', 'N', 'N', 'N', 'Y']),
    ("POST", "/operatori/utenti/stato", ['S', 'N', 'N', 'N', 'Y']),
    ("POST", "/operatori/utenti/password", ['S', 'N', 'N', 'N', 'Y']),
    ("POST", "/operatori/utenti/codice", ['S', 'N', 'N', 'N', 'Y']),
    ("POST", "/operatori/utenti/ruoli", ['S', 'N', 'N', 'N', 'Y']),
    ("POST", "/operatori/utenti/ruoli/togli", ['S', 'N', 'N', 'N', 'Y']),
    ("POST", "/operatori/utenti/criteri", ['S', 'N', 'N', 'N', 'Y']),
    ("GET", "/operatori/sedi", ['S', 'N', 'N', 'N', 'Y']),
    ("POST", "/operatori/sedi/regole", ['S', 'N', 'N', 'N', 'Y']),
    ("POST", "/operatori/sedi/orari", ['S', 'N', 'N', 'N', 'Y']),
    ("POST", "/operatori/sedi/chiusure", ['S', 'N', 'N', 'N', 'Y']),
    ("POST", "/operatori/sedi/chiusure/elimina", ['S', 'N', 'N', 'N', 'Y']),
    ("GET", "/operatori/elenchi", ['S', 'N', 'N', 'N', 'Y']),
    ("POST", "/operatori/elenchi/comuni", ['S', 'N', 'N', 'N', 'Y']),
    ("POST", "/operatori/elenchi/unita", ['S', 'N', 'N', 'N', 'Y']),
    ("POST", "/operatori/elenchi/argomenti", ['S', 'N', 'N', 'N', 'Y']),
    ("GET", "/operatori/catalogo", ['S', 'N', 'N', 'N', 'Y']),
    ("POST", "/operatori/catalogo/salva", ['S', 'N', 'N', 'N', 'Y']),
    ("GET", "/operatori/catalogo/traduzioni", ['S', 'N', 'N', 'N', 'Y']),
    ("GET", "/operatori/catalogo/traduzione", ['S', 'N', 'N', 'N', 'Y']),
    (
        "POST",
        "/operatori/catalogo/traduzione/salva",
        ['S', 'N', 'N', 'N', 'Y'],
    ),
    (
        "POST",
        "/operatori/catalogo/traduzione/revisione",
        ['S', 'N', 'N', 'N', 'Y'],
    ),
    ("GET", "/operatori/valutazioni", ['S', 'N', 'N', 'N', 'Y']),
    ("GET", "/operatori/registro", ['S', 'N', 'N', 'N', 'Y']),
    ("POST", "/operatori/registro/verifica", ['S', 'N', 'N', 'N', 'Y']),
];

/// The matrix names every route the server serves, and the code's table no other.
#[test]
fn the_matrix_covers_every_route() {
    let in_matrix: std::collections::BTreeSet<&str> = MATRIX.iter().map(|(_, path, _)| *path).collect();
    let in_code: std::collections::BTreeSet<&str> = server::routes::table().iter().map(|(path, _)| *path).collect();
    assert_eq!(
        in_matrix, in_code,
        "the hand-written matrix and the permission table name the same routes"
    );
    for served in server::routes::served() {
        assert!(
            in_matrix.contains(served.as_str()),
            "{served} is served but missing from the matrix"
        );
    }
}

pub fn concrete(path: &str) -> String {
    path.replace("{slug}", "affido-familiare").replace("{n}", "0")
}

async fn visit(app: &TestApp, client: &reqwest::Client, method: &str, path: &str) -> (StatusCode, String) {
    let path = concrete(path);
    let answer = if method == "GET" {
        app.get_as(client, &path).await
    } else {
        app.post_form_as(client, &path, &[]).await
    };
    (answer.status(), location(&answer))
}

/// What a visitor got: refused, sent to sign in, or let through (whatever the page then said).
fn verdict(status: StatusCode, location: &str) -> char {
    match status {
        StatusCode::FORBIDDEN => 'N',
        StatusCode::UNAUTHORIZED => 'S',
        StatusCode::SEE_OTHER if location == "/operatori" || location.starts_with("/operatori?scaduta") => 'S',
        StatusCode::SEE_OTHER if location == "/area-personale/accedi" => 'F',
        _ => 'Y',
    }
}

on_both_databases! {
    /// Every route × every role, against the hand-written matrix.
    async fn every_route_for_every_role(app: TestApp) {
        let (admin, _) = admin_browser(&app).await;
        let mut visitors = vec![browser()];
        for user in ["sportello", "assistente", "coordinatrice"] {
            visitors.push(demo_browser(&app, user).await);
        }
        visitors.push(admin);
        let mut wrong = Vec::new();
        for (method, path, expected) in MATRIX {
            // Signing out last, or the visitor would lose their session for the rows after.
            if *path == "/operatori/esci" {
                let (status, to) = visit(&app, &visitors[0], method, path).await;
                assert_eq!(verdict(status, &to), expected[0]);
                continue;
            }
            for (column, client) in visitors.iter().enumerate() {
                let (status, to) = visit(&app, client, method, path).await;
                let got = verdict(status, &to);
                if got != expected[column] {
                    wrong.push(format!("{method} {path} as visitor {column}: expected {}, got {got} ({status})", expected[column]));
                }
            }
        }
        for (column, client) in visitors.iter().enumerate().skip(1) {
            let (status, to) = visit(&app, client, "POST", "/operatori/esci").await;
            assert_eq!((status, to.as_str()), (StatusCode::SEE_OTHER, "/operatori?uscito=1"), "visitor {column} signs out");
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        assert!(audit_count(&app, "accesso.negato", "negato").await > 0, "refusals are recorded");
    }
}

on_both_databases! {
    /// The pages that show personal data record who saw which records, with the response's
    /// request id; a refused visit is recorded too.
    async fn reads_of_personal_data_are_in_the_audit_trail(app: TestApp) {
        app.execute(
            "INSERT INTO email_outbox (to_address, subject, body_text, status, attempts, next_attempt_at, created_at, last_error)
             VALUES ('famiglia@example.org', 'Conferma della prenotazione', '', 'failed', 8,
                     '2026-11-02 09:00:00+00:00', '2026-11-02 08:00:00+00:00', '550 mailbox unavailable')",
        )
        .await;
        let desk = demo_browser(&app, "sportello").await;
        let page = app.get_as(&desk, "/operatori/posta").await;
        assert_eq!(page.status(), StatusCode::OK);
        let request_id = page.headers()["x-request-id"].to_str().unwrap().to_owned();
        let html = page.text().await.unwrap();
        assert!(html.contains("famiglia@example.org") && html.contains("550 mailbox unavailable"));
        let rows: Vec<(String, Option<String>, String)> = app::on_db!(&app.db, pool => sqlx::query_as(
            "SELECT action, record_kind, record_ids FROM audit_log WHERE request_id = $1",
        )
        .bind(&request_id)
        .fetch_all(pool)
        .await
        .unwrap());
        assert_eq!(rows.len(), 1, "one visit, one row: {rows:?}");
        let row = rows[0].clone();
        let email_id: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT id FROM email_outbox").fetch_one(pool).await.unwrap());
        assert_eq!(row, ("posta.elenco".to_owned(), Some("email".to_owned()), email_id.to_string()));

        let worker = demo_browser(&app, "assistente").await;
        let refused = app.get_as(&worker, "/operatori/posta").await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
        let request_id = refused.headers()["x-request-id"].to_str().unwrap().to_owned();
        let outcome: String = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT outcome FROM audit_log WHERE request_id = $1")
            .bind(&request_id)
            .fetch_one(pool)
            .await
            .unwrap());
        assert_eq!(outcome, "negato");

        let (admin, _) = admin_browser(&app).await;
        let trail = app.get_as(&admin, "/operatori/registro?tipo=email").await;
        let request_id = trail.headers()["x-request-id"].to_str().unwrap().to_owned();
        let html = trail.text().await.unwrap();
        assert!(
            html.contains("<td>Email non consegnate lette</td>") && html.contains("<td>Operatore di sportello</td>"),
            "the search finds the read, in words: {html}"
        );
        assert!(!html.contains("<td>posta.elenco</td>"), "the key is not what a person reads");
        // The key is kept for filtering: the action chosen by its words finds only its rows.
        let filtered = app.get_as(&admin, "/operatori/registro?azione=posta.elenco").await.text().await.unwrap();
        assert!(filtered.contains("<td>Email non consegnate lette</td>"));
        assert!(filtered.contains(r#"<option value="posta.elenco" selected"#), "the choice stays chosen");
        assert!(!filtered.contains("<td>Accesso al back office</td>"), "other actions are left out");
        let action: String = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT action FROM audit_log WHERE request_id = $1")
            .bind(&request_id)
            .fetch_one(pool)
            .await
            .unwrap());
        assert_eq!(action, "registro.ricerca");
    }
}

/// Runs the verify form as the administrator and returns the page.
async fn verify(app: &TestApp, admin: &reqwest::Client) -> (StatusCode, String) {
    let answer = app.post_form_as(admin, "/operatori/registro/verifica", &[]).await;
    let status = answer.status();
    let page = if status == StatusCode::SEE_OTHER {
        let to = location(&answer);
        app.get_as(admin, &to).await.text().await.unwrap()
    } else {
        answer.text().await.unwrap()
    };
    (status, page)
}

/// Lets the test change audit rows as someone with direct access to the database would.
async fn allow_tampering(app: &TestApp) {
    if app.backend == crate::harness::Backend::Sqlite {
        app.execute_as_owner("DROP TRIGGER audit_log_no_update").await;
        app.execute_as_owner("DROP TRIGGER audit_log_no_delete").await;
    }
    // On PostgreSQL the trigger lets the schema's owner through (`execute_as_owner`), not the server.
}

/// A trail with some rows, verified once (so the checkpoint is set), ready to be tampered with.
async fn verified_trail(app: &TestApp) -> reqwest::Client {
    let (admin, _) = admin_browser(app).await;
    for _ in 0..3 {
        let desk = demo_browser(app, "sportello").await;
        app.get_as(&desk, "/operatori/posta").await;
    }
    let (status, page) = verify(app, &admin).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{page}");
    assert!(page.contains("Registro integro"));
    allow_tampering(app).await;
    admin
}

/// A change to each field of an audit row, in SQL both databases take.
const TAMPERINGS: &[(&str, &str)] = &[
    ("at", "at = '2020-01-01 00:00:00+00:00'"),
    ("actor_id", "actor_id = COALESCE(actor_id, 0) + 1"),
    (
        "actor_role",
        "actor_role = CASE WHEN actor_role = 'sportello' THEN 'coordinatore' ELSE 'sportello' END",
    ),
    ("action", "action = action || 'x'"),
    ("record_kind", "record_kind = COALESCE(record_kind, '') || 'x'"),
    ("record_ids", "record_ids = record_ids || '9'"),
    ("purpose", "purpose = COALESCE(purpose, '') || 'x'"),
    (
        "outcome",
        "outcome = CASE WHEN outcome = 'ok' THEN 'negato' ELSE 'ok' END",
    ),
    ("request_id", "request_id = request_id || 'x'"),
    ("prev_hash", "prev_hash = prev_hash || 'x'"),
    ("hash", "hash = hash || 'x'"),
];

on_both_databases! {
    /// The seal covers every field: each one changed in turn, the check names the row; put back,
    /// the trail is whole again.
    async fn the_trail_detects_an_edited_row(app: TestApp) {
        let admin = verified_trail(&app).await;
        app.execute_as_owner("CREATE TABLE audit_copy AS SELECT * FROM audit_log WHERE seq = 3").await;
        for (field, change) in TAMPERINGS {
            app.execute_as_owner(&format!("UPDATE audit_log SET {change} WHERE seq = 3")).await;
            let (status, page) = verify(&app, &admin).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{field}");
            assert!(page.contains("La riga 3"), "{field}: {page}");
            app.execute_as_owner(&format!("UPDATE audit_log SET {field} = (SELECT {field} FROM audit_copy) WHERE seq = 3")).await;
            app.assert_trail_intact().await;
        }
        let (status, page) = verify(&app, &admin).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{page}");
    }
}

on_both_databases! {
    async fn the_trail_detects_a_row_removed_from_the_middle(app: TestApp) {
        let admin = verified_trail(&app).await;
        app.execute_as_owner("DELETE FROM audit_log WHERE seq = 4").await;
        let (status, page) = verify(&app, &admin).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("Mancano le righe da 4 a 4"), "{page}");
    }
}

on_both_databases! {
    async fn the_trail_detects_rows_removed_from_the_end(app: TestApp) {
        let admin = verified_trail(&app).await;
        // Cut the trail from two rows before the checkpoint on; whoever can do that can also move
        // the head kept in the database back: only the checkpoint outside it still knows.
        let checkpoint = std::fs::read_to_string(app.dir.path().join("audit-checkpoint")).unwrap();
        let checkpoint: i64 = checkpoint.split_whitespace().next().unwrap().parse().unwrap();
        let keep = checkpoint - 2;
        app.execute_as_owner(&format!("DELETE FROM audit_log WHERE seq > {keep}")).await;
        app.execute_as_owner(&format!(
            "UPDATE audit_head SET last_seq = {keep}, last_hash = (SELECT hash FROM audit_log WHERE seq = {keep})"
        ))
        .await;
        let (status, page) = verify(&app, &admin).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("le ultime righe sono state rimosse"), "{page}");
    }
}

on_both_databases! {
    async fn the_trail_detects_reordered_rows(app: TestApp) {
        let admin = verified_trail(&app).await;
        // Swap rows 2 and 3 whole (hash included) by moving their sequence numbers.
        app.execute_as_owner("UPDATE audit_log SET seq = -2 WHERE seq = 2").await;
        app.execute_as_owner("UPDATE audit_log SET seq = 2 WHERE seq = 3").await;
        app.execute_as_owner("UPDATE audit_log SET seq = 3 WHERE seq = -2").await;
        let (status, page) = verify(&app, &admin).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("La riga 2 è stata modificata") && page.contains("La riga 3 non segue"), "{page}");
    }
}

on_both_databases! {
    /// The audit rows hold ids, never personal data: no address or name typed anywhere above
    /// reaches the trail.
    async fn audit_rows_hold_no_personal_data(app: TestApp) {
        sign_in(&app, &browser(), "mario.rossi@example.org", "la-mia-password", "").await;
        let rows: Vec<(String, String, Option<String>)> = app::on_db!(&app.db, pool => sqlx::query_as(
            "SELECT action, record_ids, purpose FROM audit_log",
        )
        .fetch_all(pool)
        .await
        .unwrap());
        let text = format!("{rows:?}");
        assert!(!text.contains("mario") && !text.contains("password"), "{text}");
        let guard: Vec<String> = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT account FROM sign_in_guard").fetch_all(pool).await.unwrap());
        assert!(guard.iter().all(|account| account.len() == 64 && !account.contains('@')));
    }
}

on_both_databases! {
    /// Over https (the production setting) the session cookie is Secure with the `__Host-` prefix,
    /// and browsers are told to keep to https (HSTS).
    async fn over_https_the_cookie_is_secure_and_host_only(app: TestApp, settings = |s| s.public_url = HTTPS_ADDRESS.into()) {
        let answer = browser()
            .post(app.url("/operatori"))
            .header("origin", HTTPS_ADDRESS)
            .form(&[("utente", "sportello"), ("password", "prova-sportello-2026")])
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), StatusCode::SEE_OTHER);
        let cookie = answer.headers()["set-cookie"].to_str().unwrap().to_owned();
        assert!(cookie.starts_with("__Host-sportello="), "{cookie}");
        assert!(cookie.contains("Secure") && cookie.contains("Path=/") && !cookie.contains("Domain"), "{cookie}");
        assert_eq!(answer.headers()["strict-transport-security"], "max-age=31536000; includeSubDomains");
    }
}

const HTTPS_ADDRESS: &str = "https://sportello.example.it";

on_both_databases! {
    /// Every route that changes state (each POST of the matrix) refuses a request from another
    /// site, even with a signed-in administrator's cookie, and changes nothing; every GET carries
    /// the security headers, and back-office ones are never cached.
    async fn every_route_refuses_other_sites_and_carries_the_headers(app: TestApp) {
        let (admin, _) = admin_browser(&app).await;
        let rows_before = app.count("audit_log").await;
        for (method, path, _) in MATRIX.iter().filter(|(method, ..)| *method == "POST") {
            let answer = admin
                .post(app.url(&concrete(path)))
                .header("origin", "https://malevolo.example")
                .header("sec-fetch-site", "cross-site")
                .form(&[("x", "y")])
                .send()
                .await
                .unwrap();
            assert_eq!(answer.status(), StatusCode::FORBIDDEN, "{method} {path}");
            assert!(answer.text().await.unwrap().contains("da un altro sito"), "{method} {path}");
        }
        assert_eq!(app.count("audit_log").await, rows_before, "nothing happened, not even a sign-out");
        assert_eq!(app.get_as(&admin, "/operatori/registro").await.status(), StatusCode::OK, "still signed in");

        for (_, path, _) in MATRIX.iter().filter(|(method, ..)| *method == "GET") {
            let answer = app.get_as(&admin, &concrete(path)).await;
            let headers = answer.headers();
            let policy = headers["content-security-policy"].to_str().unwrap();
            assert!(policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'none'"), "{path}");
            assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
            assert_eq!(headers["x-frame-options"], "DENY", "{path}");
            assert_eq!(headers["referrer-policy"], "same-origin", "{path}");
            assert!(headers.contains_key("x-request-id"), "{path}");
            if path.starts_with("/operatori") {
                assert_eq!(headers["cache-control"], "no-store", "{path}");
            }
        }
    }
}

/// The tables a GET must never change.
const STATE_TABLES: &[&str] = &[
    "bookings",
    "booking_drafts",
    "requests",
    "cases",
    "case_notes",
    "case_team",
    "help_plans",
    "staff_users",
    "staff_roles",
    "staff_sessions",
    "email_outbox",
    "page_feedback",
    "offices",
    "closures",
    "units",
    "comuni",
    "booking_topics",
    "emergency_accesses",
    "court_reports",
    "case_documents",
    "persons",
];

async fn table_counts(app: &TestApp) -> Vec<(&'static str, i64)> {
    let mut counts = Vec::new();
    for table in STATE_TABLES {
        counts.push((*table, app.count(table).await));
    }
    counts
}

on_both_databases! {
    /// No state changes by GET: every route that takes a POST only (forms and server functions)
    /// answers a GET, with any query, with 404 or 405 (or the access layer's refusal, for who may
    /// not use it at all), for every visitor, and nothing changes.
    async fn no_route_changes_anything_on_a_get(app: TestApp) {
        let (admin, _) = admin_browser(&app).await;
        let mut visitors = vec![browser(), admin];
        for user in ["sportello", "assistente", "coordinatrice"] {
            visitors.push(demo_browser(&app, user).await);
        }
        let before = table_counts(&app).await;
        let pages: std::collections::BTreeSet<&str> =
            MATRIX.iter().filter(|(method, ..)| *method == "GET").map(|(_, path, _)| *path).collect();
        let mut wrong = Vec::new();
        for (_, path, _) in MATRIX.iter().filter(|(method, path, _)| *method == "POST" && !pages.contains(path)) {
            // Signing out would end the visitors' sessions for the rows after.
            for (n, client) in visitors.iter().enumerate() {
                let address = format!("{}?id=1&caso=1&voto=5&pagina=/&utente=admin&motivo=prova", concrete(path));
                let answer = app.get_as(client, &address).await;
                let status = answer.status();
                // Not served (404, 405), or refused first by the access layer, as any visit is.
                let refused = matches!(verdict(status, &location(&answer)), 'N' | 'S' | 'F');
                if status != StatusCode::NOT_FOUND && status != StatusCode::METHOD_NOT_ALLOWED && !refused {
                    wrong.push(format!("GET {path} as visitor {n}: {status}"));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        assert_eq!(table_counts(&app).await, before, "nothing changed");
        assert_eq!(app.get_as(&visitors[1], "/operatori/registro").await.status(), StatusCode::OK, "still signed in");
    }
}

/// The temporary password the users page shows once, if any.
fn temporary_password(page: &str) -> Option<String> {
    page.contains("password-provvisoria")
        .then(|| between(page, "<code class=\"password-provvisoria\">", "</code>").to_owned())
}

on_both_databases! {
    /// An administrator creates an account; its temporary password is shown once, and the new
    /// colleague must choose their own at the first sign-in. Bad input is explained field by field.
    async fn an_administrator_creates_an_account(app: TestApp) {
        let (admin, _) = admin_browser(&app).await;
        let office: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT MIN(id) FROM offices").fetch_one(pool).await.unwrap());
        let office = office.to_string();

        let wrong = app
            .post_form_as(&admin, "/operatori/utenti", &[
                ("utente", "Marta Bianchi"), ("nome", "Marta Bianchi"), ("email", "non-una-email"),
                ("ruolo", "sportello"), ("unita", ""), ("sede", ""),
            ])
            .await;
        assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = wrong.text().await.unwrap();
        assert!(page.contains("Il nome utente deve avere da 3 a 64 caratteri"), "{page}");
        assert!(page.contains("Scegli la sede dell&#x27;operatore di sportello") || page.contains("Scegli la sede dell'operatore di sportello"));
        assert!(page.contains("value=\"Marta Bianchi\""), "what was typed is kept");
        let taken = app
            .post_form_as(&admin, "/operatori/utenti", &[
                ("utente", "sportello"), ("nome", "Altra Persona"), ("email", ""), ("ruolo", "sportello"), ("unita", ""), ("sede", &office),
            ])
            .await;
        assert!(taken.text().await.unwrap().contains("Questo nome utente è già usato"));
        let accounts_before = app.count("staff_users").await;

        let created = app
            .post_form_as(&admin, "/operatori/utenti", &[
                ("utente", "marta.bianchi"), ("nome", "Marta Bianchi"), ("email", "m.bianchi@comune.example.it"),
                ("ruolo", "sportello"), ("unita", ""), ("sede", &office),
            ])
            .await;
        let shown_at = location(&created);
        assert!(shown_at.starts_with("/operatori/utenti?nuova="), "{shown_at}");
        assert_eq!(app.count("staff_users").await, accounts_before + 1);
        let page = app.get_as(&admin, &shown_at).await.text().await.unwrap();
        let password = temporary_password(&page).expect("the temporary password, shown once");
        assert!(page.contains("marta.bianchi") && page.contains("Operatore di sportello"));
        let list = app.get_as(&admin, "/operatori/utenti").await.text().await.unwrap();
        assert_eq!(temporary_password(&list), None, "not on the list itself");
        let again = app.get_as(&admin, &shown_at).await.text().await.unwrap();
        assert_eq!(temporary_password(&again), None, "and forgotten once the page was left");

        let marta = browser();
        assert_eq!(sign_in(&app, &marta, "marta.bianchi", &password, "").await.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&app.get_as(&marta, "/operatori/posta").await), "/operatori/sicurezza", "first her own password");
        let changed = app
            .post_form_as(&marta, "/operatori/sicurezza/password", &[
                ("password", &password), ("nuova_password", "la mia prima settimana"), ("conferma_password", "la mia prima settimana"),
            ])
            .await;
        assert_eq!(changed.status(), StatusCode::SEE_OTHER);
        assert_eq!(app.get_as(&marta, "/operatori/posta").await.status(), StatusCode::OK);
        assert_eq!(audit_count(&app, "utenti.crea", "ok").await, 1);
    }
}

on_both_databases! {
    /// Disabling ends the account's sessions and keeps it out until it is enabled again; a new
    /// temporary password replaces the old one; nobody disables their own account.
    async fn an_administrator_disables_and_resets_accounts(app: TestApp) {
        let (admin, _) = admin_browser(&app).await;
        let id_of = |name: &'static str| {
            let db = app.db.clone();
            async move {
                app::on_db!(&db, pool => sqlx::query_scalar::<_, i64>("SELECT id FROM staff_users WHERE username = $1")
                    .bind(name).fetch_one(pool).await.unwrap())
            }
        };
        let worker = demo_browser(&app, "assistente").await;
        let worker_id = id_of("assistente").await.to_string();
        let off = app.post_form_as(&admin, "/operatori/utenti/stato", &[("id", &worker_id)]).await;
        assert_eq!(location(&off), "/operatori/utenti");
        assert_eq!(app.get_as(&worker, "/operatori/sicurezza").await.status(), StatusCode::SEE_OTHER, "session ended");
        let refused = sign_in(&app, &browser(), "assistente", "prova-assistente-2026", "").await;
        assert!(refused.text().await.unwrap().contains(WRONG));
        let page = app.get_as(&admin, "/operatori/utenti").await.text().await.unwrap();
        assert!(page.contains("Disattivato") && page.contains("Riattiva assistente"));
        app.post_form_as(&admin, "/operatori/utenti/stato", &[("id", &worker_id)]).await;
        assert_eq!(sign_in(&app, &browser(), "assistente", "prova-assistente-2026", "").await.status(), StatusCode::SEE_OTHER);

        let reset = app.post_form_as(&admin, "/operatori/utenti/password", &[("id", &worker_id)]).await;
        assert!(location(&reset).starts_with("/operatori/utenti?nuova="));
        let page = app.get_as(&admin, &location(&reset)).await.text().await.unwrap();
        let temporary = temporary_password(&page).expect("a new temporary password");
        let old = sign_in(&app, &browser(), "assistente", "prova-assistente-2026", "").await;
        assert!(old.text().await.unwrap().contains(WRONG));
        assert_eq!(sign_in(&app, &browser(), "assistente", &temporary, "").await.status(), StatusCode::SEE_OTHER);

        let admin_id = id_of("admin").await.to_string();
        let myself = app.post_form_as(&admin, "/operatori/utenti/stato", &[("id", &admin_id)]).await;
        assert_eq!(myself.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(myself.text().await.unwrap().contains("Non puoi disattivare il tuo stesso account"));
        assert_eq!(app.get_as(&admin, "/operatori/utenti").await.status(), StatusCode::OK, "still in");
        let nobody = app.post_form_as(&admin, "/operatori/utenti/stato", &[("id", "999999")]).await;
        assert_eq!(nobody.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(nobody.text().await.unwrap().contains("non esiste più"));
        assert_eq!(audit_count(&app, "utenti.stato", "ok").await, 2);
        assert_eq!(audit_count(&app, "utenti.password", "ok").await, 1);
    }
}

on_both_databases! {
    /// A second role opens its pages at the person's next request; it can be taken away again, but
    /// never an account's last role nor one's own administrator role. A role can be made to need
    /// the second factor.
    async fn an_administrator_gives_and_takes_roles_and_requires_the_second_factor(app: TestApp) {
        let (admin, _) = admin_browser(&app).await;
        let worker = demo_browser(&app, "assistente").await;
        let (worker_id, office): (i64, i64) = app::on_db!(&app.db, pool => sqlx::query_as(
            "SELECT (SELECT id FROM staff_users WHERE username = 'assistente'), (SELECT MIN(id) FROM offices)")
            .fetch_one(pool).await.unwrap());
        let (worker_id, office) = (worker_id.to_string(), office.to_string());
        assert_eq!(app.get_as(&worker, "/operatori/posta").await.status(), StatusCode::FORBIDDEN);

        let missing = app
            .post_form_as(&admin, "/operatori/utenti/ruoli", &[
                ("account", &worker_id), ("nuovo_ruolo", "sportello"), ("ruolo_unita", ""), ("ruolo_sede", ""),
            ])
            .await;
        assert_eq!(missing.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(missing.text().await.unwrap().contains("Scegli la sede"));
        let add = [("account", worker_id.as_str()), ("nuovo_ruolo", "sportello"), ("ruolo_unita", ""), ("ruolo_sede", office.as_str())];
        let added = app.post_form_as(&admin, "/operatori/utenti/ruoli", &add).await;
        assert_eq!(location(&added), "/operatori/utenti");
        assert_eq!(app.get_as(&worker, "/operatori/posta").await.status(), StatusCode::OK, "the new role works at once");
        let twice = app.post_form_as(&admin, "/operatori/utenti/ruoli", &add).await;
        assert!(twice.text().await.unwrap().contains("ha già questo ruolo"));

        let roles: Vec<(i64, String)> = app::on_db!(&app.db, pool => sqlx::query_as(
            "SELECT id, role FROM staff_roles WHERE user_id = $1 ORDER BY id").bind(worker_id.parse::<i64>().unwrap())
            .fetch_all(pool).await.unwrap());
        let desk_role = roles.iter().find(|(_, role)| role == "sportello").unwrap().0.to_string();
        let removed = app.post_form_as(&admin, "/operatori/utenti/ruoli/togli", &[("id", &desk_role)]).await;
        assert_eq!(location(&removed), "/operatori/utenti");
        assert_eq!(app.get_as(&worker, "/operatori/posta").await.status(), StatusCode::FORBIDDEN);
        let last = app.post_form_as(&admin, "/operatori/utenti/ruoli/togli", &[("id", &roles[0].0.to_string())]).await;
        assert_eq!(last.status(), StatusCode::UNPROCESSABLE_ENTITY, "never an account's last role");
        let admin_role: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar(
            "SELECT r.id FROM staff_roles r JOIN staff_users u ON u.id = r.user_id WHERE u.username = 'admin'")
            .fetch_one(pool).await.unwrap());
        let own = app.post_form_as(&admin, "/operatori/utenti/ruoli/togli", &[("id", &admin_role.to_string())]).await;
        assert_eq!(own.status(), StatusCode::UNPROCESSABLE_ENTITY, "nor one's own administrator role");
        assert_eq!(audit_count(&app, "utenti.ruolo_aggiunto", "ok").await, 1);
        assert_eq!(audit_count(&app, "utenti.ruolo_tolto", "ok").await, 1);

        // Social workers must now use a second factor: the next page sends them to enrol.
        let policy = app.post_form_as(&admin, "/operatori/utenti/criteri", &[("assistente_sociale", "si")]).await;
        assert_eq!(policy.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&app.get_as(&worker, "/operatori/posta").await), "/operatori/sicurezza");
        let page = app.get_as(&admin, "/operatori/utenti").await.text().await.unwrap();
        let box_of = |page: &str, name: &str| between(page, &format!("name=\"{name}\""), ">").contains("checked");
        assert!(box_of(&page, "assistente_sociale") && !box_of(&page, "sportello"));
        app.post_form_as(&admin, "/operatori/utenti/criteri", &[]).await;
        assert_eq!(app.get_as(&worker, "/operatori/sicurezza").await.status(), StatusCode::OK);
        let desk = demo_browser(&app, "sportello").await;
        assert_eq!(app.get_as(&desk, "/operatori/posta").await.status(), StatusCode::OK, "not required any more");
    }
}

on_both_databases! {
    /// Administrators never open a case file: one cannot give oneself a role (a coordinator's would
    /// open every file of the unit), no administrator account takes a social worker's or a
    /// coordinator's role, and no such account becomes an administrator, even by SQL typed by hand.
    async fn administrators_never_take_a_case_file_role(app: TestApp) {
        let (admin, _) = admin_browser(&app).await;
        let ids: (i64, i64, i64) = app::on_db!(&app.db, pool => sqlx::query_as(
            "SELECT (SELECT id FROM staff_users WHERE username = 'admin'), (SELECT id FROM staff_users WHERE username = 'assistente'),
                    (SELECT MIN(id) FROM units)")
            .fetch_one(pool).await.unwrap());
        let (admin_id, worker_id, unit) = (ids.0.to_string(), ids.1.to_string(), ids.2.to_string());
        let roles_before = app.count("staff_roles").await;

        let own = app
            .post_form_as(&admin, "/operatori/utenti/ruoli", &[
                ("account", &admin_id), ("nuovo_ruolo", "coordinatore"), ("ruolo_unita", &unit), ("ruolo_sede", ""),
            ])
            .await;
        assert_eq!(own.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(own.text().await.unwrap().contains("Non puoi cambiare i ruoli del tuo stesso account"));

        // A second administrator: no case-file role for them either.
        let created = app
            .post_form_as(&admin, "/operatori/utenti", &[
                ("utente", "seconda.admin"), ("nome", "Seconda Amministratrice"), ("email", ""),
                ("ruolo", "amministratore"), ("unita", ""), ("sede", ""),
            ])
            .await;
        assert_eq!(created.status(), StatusCode::SEE_OTHER, "{}", created.text().await.unwrap());
        let second: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT id FROM staff_users WHERE username = 'seconda.admin'")
            .fetch_one(pool).await.unwrap());
        let coordinator = app
            .post_form_as(&admin, "/operatori/utenti/ruoli", &[
                ("account", &second.to_string()), ("nuovo_ruolo", "coordinatore"), ("ruolo_unita", &unit), ("ruolo_sede", ""),
            ])
            .await;
        assert_eq!(coordinator.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(coordinator.text().await.unwrap().contains("non può avere un ruolo che apre le cartelle"));
        // Nor does a social worker become an administrator.
        let promoted = app
            .post_form_as(&admin, "/operatori/utenti/ruoli", &[
                ("account", &worker_id), ("nuovo_ruolo", "amministratore"), ("ruolo_unita", ""), ("ruolo_sede", ""),
            ])
            .await;
        assert_eq!(promoted.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(app.count("staff_roles").await, roles_before + 1, "only the new account's own role was added");

        // The database holds the rule whoever writes.
        let by_hand = app::on_db!(&app.db, pool => sqlx::query(
            "INSERT INTO staff_roles (user_id, role, unit_id) VALUES ($1, 'assistente_sociale', $2)")
            .bind(ids.0).bind(ids.2).execute(pool).await.map(|_| ()));
        let refusal = by_hand.expect_err("refused by the database").to_string();
        assert!(refusal.contains("never holds a case-file role"), "{refusal}");

        // One's own roles cannot be taken away either.
        let admin_role: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar(
            "SELECT id FROM staff_roles WHERE user_id = $1").bind(ids.0).fetch_one(pool).await.unwrap());
        let removed = app.post_form_as(&admin, "/operatori/utenti/ruoli/togli", &[("id", &admin_role.to_string())]).await;
        assert_eq!(removed.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
}

/// Pages that read no one's record: no audit row for them.
const READS_NO_RECORD: &[(&str, &str)] = &[("/operatori/sicurezza", ""), ("/operatori", "admin")];

on_both_databases! {
    /// Every GET of the matrix, by every signed-in role, on real records (a booking, a request,
    /// a case with a note and a document): a page that reads records writes exactly one audit row
    /// with its request id, a refusal exactly one refusal row, and nothing else writes any.
    async fn every_read_of_every_role_writes_exactly_one_audit_row(app: TestApp) {
        let booking_form = [
            ("sede", "segretariato-sociale"), ("argomento", "figli-e-famiglia"), ("giorno", "2026-03-03"), ("ora", "09:30"),
            ("nome", "Anna"), ("cognome", "Rossi"), ("email", "anna.rossi@example.it"), ("telefono", ""),
            ("codice_fiscale", ""), ("lingua", "it"), ("accessibilita", ""), ("motivo", ""), ("privacy", "si"),
        ];
        let summary = location(&app.post_form("/prenota", &booking_form).await);
        let draft = summary.rsplit('=').next().unwrap().to_owned();
        assert_eq!(app.post_form("/prenota/riepilogo", &[("bozza", &draft)]).await.status(), StatusCode::SEE_OTHER);
        let request = crate::cases::mandate_in_queue(&app).await;
        let worker = demo_browser(&app, "assistente").await;
        let case = crate::cases::taken_by(&app, &worker, request).await;
        let note = app.post_form_as(&worker, "/operatori/casi/nota", &[
            ("caso", &case.to_string()), ("tipo", "colloquio"), ("data", "2026-03-02"), ("testo", "Primo colloquio."),
        ]).await;
        assert_eq!(note.status(), StatusCode::SEE_OTHER);
        let pdf = b"%PDF-1.4\n% prova\n".to_vec();
        let (status, ..) = crate::cases::upload(&app, &worker, case, "Decreto", "decreto.pdf", pdf).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let ids: (i64, i64, i64) = app::on_db!(&app.db, pool => sqlx::query_as(
            "SELECT (SELECT MAX(id) FROM bookings), (SELECT MAX(id) FROM case_notes), (SELECT MAX(id) FROM case_documents)")
            .fetch_one(pool).await.unwrap());
        let (booking, note, document) = ids;
        let address = |path: &str| -> String {
            let query = match path {
                "/operatori/agenda" => "?giorno=2026-03-03".to_owned(),
                "/operatori/agenda/sposta" => format!("?id={booking}"),
                "/operatori/richieste/nuova" => format!("?prenotazione={booking}"),
                "/operatori/richieste/dettaglio" => format!("?id={request}"),
                "/operatori/casi/fascicolo" => format!("?id={case}"),
                "/operatori/casi/nota/correggi" => format!("?nota={note}"),
                "/operatori/casi/documenti/scarica" => format!("?id={document}"),
                "/operatori/casi/progetto" => format!("?caso={case}"),
                _ => String::new(),
            };
            format!("{}{query}", concrete(path))
        };

        let (admin, _) = admin_browser(&app).await;
        let mut visitors = vec![("sportello", demo_browser(&app, "sportello").await), ("assistente", worker)];
        visitors.push(("coordinatrice", demo_browser(&app, "coordinatrice").await));
        visitors.push(("admin", admin));
        let mut wrong = Vec::new();
        for (_, path, _) in MATRIX.iter().filter(|(method, ..)| *method == "GET") {
            for (who, client) in &visitors {
                let answer = app.get_as(client, &address(path)).await;
                let status = answer.status();
                let id = answer.headers()["x-request-id"].to_str().unwrap().to_owned();
                let rows: Vec<String> = app::on_db!(&app.db, pool => sqlx::query_scalar(
                    "SELECT outcome FROM audit_log WHERE request_id = $1").bind(&id).fetch_all(pool).await.unwrap());
                let reads_no_record = !path.starts_with("/operatori")
                    || READS_NO_RECORD.iter().any(|(page, by)| page == path && (by.is_empty() || by == who));
                let expected: &[&str] = match status {
                    StatusCode::FORBIDDEN => &["negato"],
                    // A return from an identity provider with no sign-in under way is a failed one.
                    StatusCode::SEE_OTHER if *path == app::area::RETURN_PATH => &["fallito"],
                    StatusCode::OK if !reads_no_record => &["ok"],
                    _ => &[],
                };
                if rows != expected {
                    wrong.push(format!("GET {} as {who}: {status}, rows {rows:?}, expected {expected:?}", address(path)));
                }
                // The records are real: whose they are opens them.
                let theirs = match *who {
                    "sportello" => path.starts_with("/operatori/agenda") || path.starts_with("/operatori/richieste"),
                    "assistente" => path.starts_with("/operatori/casi"),
                    _ => false,
                };
                if theirs && status != StatusCode::OK {
                    wrong.push(format!("GET {} as {who}: {status}, not the page", address(path)));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}

/// Makes the database refuse audit rows of `action` (a full disk, a broken connection, as far as
/// the reader can tell).
async fn refuse_audit_rows(app: &TestApp, action: &str) {
    match app.backend {
        crate::harness::Backend::Sqlite => {
            app.execute_as_owner(&format!(
                "CREATE TRIGGER audit_fails BEFORE INSERT ON audit_log WHEN NEW.action = '{action}'
                 BEGIN SELECT RAISE(ABORT, 'audit row refused by the test'); END"
            ))
            .await
        }
        crate::harness::Backend::Postgres => {
            app.execute_as_owner(&format!(
                "CREATE FUNCTION audit_fails() RETURNS trigger AS $$ BEGIN
                     IF NEW.action = '{action}' THEN RAISE EXCEPTION 'audit row refused by the test'; END IF;
                     RETURN NEW;
                 END; $$ LANGUAGE plpgsql"
            ))
            .await;
            app.execute_as_owner(
                "CREATE TRIGGER audit_fails BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_fails()",
            )
            .await;
        }
    }
}

on_both_databases! {
    /// A read whose audit row cannot be written shows nothing: the page says a problem occurred,
    /// with a request id, and none of the data it would have shown.
    async fn a_read_whose_audit_row_cannot_be_written_shows_nothing(app: TestApp) {
        let request = crate::cases::mandate_in_queue(&app).await;
        let worker = demo_browser(&app, "assistente").await;
        let case = crate::cases::taken_by(&app, &worker, request).await;
        let (admin, _) = admin_browser(&app).await;
        let file = format!("/operatori/casi/fascicolo?id={case}");
        assert!(app.get_as(&worker, &file).await.text().await.unwrap().contains("Fontana"), "the file opens first");
        assert!(app.get_as(&admin, "/operatori/utenti").await.text().await.unwrap().contains("Sara Sportello"));

        refuse_audit_rows(&app, "caso.apertura").await;
        let answer = app.get_as(&worker, &file).await;
        let page = answer.text().await.unwrap();
        assert!(page.contains("Si è verificato un problema tecnico"), "{page}");
        for family in ["Fontana", "Giulia", "Marco", "Tribunale"] {
            assert!(!page.contains(family), "the file shows {family} though its reading was not recorded");
        }
    }
}

on_both_databases! {
    /// The same for a list of staff accounts.
    async fn a_list_whose_audit_row_cannot_be_written_shows_nothing(app: TestApp) {
        let (admin, _) = admin_browser(&app).await;
        refuse_audit_rows(&app, "utenti.elenco").await;
        let page = app.get_as(&admin, "/operatori/utenti").await.text().await.unwrap();
        assert!(page.contains("Si è verificato un problema tecnico"), "{page}");
        for account in ["Sara Sportello", "Andrea Assistente", "coordinatrice"] {
            assert!(!page.contains(account), "the list shows {account}");
        }
    }
}

/// The checkpoint file's sequence number (0 before the first).
fn checkpoint_seq(app: &TestApp) -> i64 {
    checkpoint_seq_at(&app.dir.path().join("audit-checkpoint"))
}

fn checkpoint_seq_at(path: &std::path::Path) -> i64 {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| text.split_whitespace().next().and_then(|n| n.parse().ok()))
        .unwrap_or(0)
}

on_both_databases! {
    /// Without anybody pressing "Verifica", the server checks the rows written since the
    /// checkpoint every few seconds here (minutes in production), moves the checkpoint on, and
    /// records a tampered row as a failed check.
    async fn the_server_checks_the_trail_on_its_own(app: TestApp, settings = |s| s.audit_check_every = std::time::Duration::from_millis(300)) {
        let (admin, _) = admin_browser(&app).await;
        let head = |app: &TestApp| {
            let db = app.db.clone();
            async move { app::on_db!(&db, pool => sqlx::query_scalar::<_, i64>("SELECT MAX(seq) FROM audit_log").fetch_one(pool).await.unwrap()) }
        };
        let wait_for = |app: &TestApp, what: &'static str| {
            let (db, checkpoint) = (app.db.clone(), app.dir.path().join("audit-checkpoint"));
            async move {
                for _ in 0..100 {
                    let head: i64 = app::on_db!(&db, pool => sqlx::query_scalar("SELECT MAX(seq) FROM audit_log").fetch_one(pool).await.unwrap());
                    if checkpoint_seq_at(&checkpoint) >= head {
                        return;
                    }
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                }
                panic!("{what}: the checkpoint did not reach the head");
            }
        };
        wait_for(&app, "after signing in").await;
        app.get_as(&admin, "/operatori/utenti").await;
        wait_for(&app, "after a read").await;

        allow_tampering(&app).await;
        let reached = checkpoint_seq(&app);
        app.get_as(&admin, "/operatori/utenti").await;
        let tampered = head(&app).await;
        app.execute_as_owner(&format!("UPDATE audit_log SET record_ids = '999' WHERE seq = {tampered}")).await;
        let mut found = false;
        for _ in 0..100 {
            if audit_count(&app, "registro.verifica_periodica", "fallito").await > 0 {
                found = true;
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert!(found, "the tampered row is reported");
        assert!(checkpoint_seq(&app) >= reached && checkpoint_seq(&app) <= tampered, "the checkpoint never passes a bad row");
    }
}

on_both_databases! {
    async fn the_back_office_wears_its_own_frame_with_a_menu_of_the_roles_pages(app: TestApp) {
        use scraper::{Html, Selector};
        let menu = Selector::parse(r#"nav[aria-label="Menu dell'area operatori"] a"#).unwrap();
        for (user, _, _, role) in app::staff::demo::DEMO_ACCOUNTS {
            let client = demo_browser(&app, user).await;
            let home = app.get_as(&client, "/operatori").await.text().await.unwrap();
            assert!(!home.contains("Numeri di emergenza"), "{user}: no citizens' emergency notice");
            assert!(!home.contains("it-footer"), "{user}: no public footer");
            assert!(!home.contains(r#"data-element="main-navigation""#), "{user}: no public menu");
            assert!(home.contains("Sportello — Area operatori") && home.contains(role.label()), "{user}: who and where");
            let page = Html::parse_document(&home);
            let links: Vec<(String, Option<String>)> = page
                .select(&menu)
                .map(|a| (a.value().attr("href").unwrap().to_owned(), a.value().attr("aria-current").map(str::to_owned)))
                .collect();
            assert!(links.len() >= 3, "{user}: {links:?}");
            assert_eq!(links[0], ("/operatori".to_owned(), Some("page".to_owned())), "{user}: the current page is marked");
            // Every page the menu offers opens for this role.
            for (href, _) in &links {
                assert_eq!(app.get_as(&client, href).await.status(), StatusCode::OK, "{user}: {href}");
            }
        }
        // The public site keeps the citizens' frame.
        let public = app.get("/servizi").await.text().await.unwrap();
        assert!(public.contains("Numeri di emergenza") && public.contains("it-footer") && !public.contains("area-operatori"));
    }
}
