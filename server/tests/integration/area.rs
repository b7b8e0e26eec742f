//! The families' personal area: signing in with SPID through a real OpenID Connect provider
//! (`scripts/identity-provider`, the certified `oidc-provider` package, started by the test), the
//! area's own sessions and timeouts, and the refusals: a forged or replayed return, a provider
//! that refuses or cannot be reached, a family's session at the back office's door and a staff
//! session at the area's.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};

use chrono::Duration;
use reqwest::StatusCode;
use server::config::Settings;
use server::identity::ProviderSettings;

use crate::harness::{browser, TestApp};
use crate::on_both_databases;

/// A codice fiscale with its right check character, as a test identity.
pub const MARIA: (&str, &str, &str) = ("RSSMRA80A41H501Y", "Maria", "Rossi");

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// The test server's settings for the area: its own address known before it starts (the provider
/// sends the person back there), and the test provider, as "SPID", at an address chosen now and
/// started by [`IdentityProvider::start`] once the server listens (it reads the server's key).
pub fn with_identity_provider(settings: &mut Settings) {
    let port = free_port();
    settings.listen = format!("127.0.0.1:{port}").parse().unwrap();
    settings.public_url = format!("http://127.0.0.1:{port}");
    settings.identity.providers = vec![ProviderSettings {
        key: "spid".into(),
        name: "SPID".into(),
        issuer: format!("http://127.0.0.1:{}", free_port()),
        client_id: format!("{}/", settings.public_url),
        acr_values: Some("https://www.spid.gov.it/SpidL2".into()),
        prompt: Some("consent login".into()),
    }];
}

/// The test identity provider, a Node.js process; stopped when dropped.
pub struct IdentityProvider {
    child: Child,
}

impl IdentityProvider {
    /// Starts the provider `app` was configured with ([`with_identity_provider`]).
    pub fn start(app: &TestApp) -> Self {
        let provider = &app.settings.identity.providers[0];
        let port = provider.issuer.rsplit(':').next().unwrap();
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/identity-provider/provider.mjs");
        let mut child = Command::new("node")
            .arg(script)
            .args(["--port", port, "--client-id", &provider.client_id])
            .args([
                "--redirect-uri",
                &format!("{}{}", app.settings.public_url, app::area::RETURN_PATH),
            ])
            .args(["--client-jwks-uri", &app.url(server::identity::KEYS_PATH)])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("Node.js runs the test identity provider (scripts/install-tools --for-tests installs it)");
        let mut output = BufReader::new(child.stdout.take().unwrap());
        let mut first_line = String::new();
        output.read_line(&mut first_line).unwrap();
        // The rest of its output is read and dropped, so it never writes into a closed pipe.
        std::thread::spawn(move || std::io::copy(&mut output, &mut std::io::sink()));
        assert!(
            first_line.starts_with("ready "),
            "the identity provider did not start (are its npm packages installed? scripts/install-tools --for-tests): {first_line}"
        );
        Self { child }
    }
}

impl Drop for IdentityProvider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .map(|value| value.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

/// Follows redirections from `address` (absolute) until an answer that is none.
async fn follow(client: &reqwest::Client, mut address: String) -> (String, reqwest::Response) {
    for _ in 0..10 {
        let response = client.get(&address).header("accept", "text/html").send().await.unwrap();
        if !response.status().is_redirection() {
            return (address, response);
        }
        let next = location(&response);
        address = reqwest::Url::parse(&address).unwrap().join(&next).unwrap().to_string();
    }
    panic!("too many redirections from {address}");
}

/// Everything a sign-in went through: the address the provider sent the person back to (with its
/// code and state), and the page it ended on.
pub struct SignedIn {
    pub return_address: String,
    pub final_address: String,
    pub page: String,
}

/// Signs `client` in to the area as `person` (codice fiscale, name, surname) through the test
/// provider, as a person does: "Entra con SPID", the provider's page, back to the portal.
pub async fn sign_in(app: &TestApp, client: &reqwest::Client, person: (&str, &str, &str)) -> SignedIn {
    let start = app
        .get_as(client, &format!("{}?fornitore=spid", app::area::START_PATH))
        .await;
    assert_eq!(
        start.status(),
        StatusCode::SEE_OTHER,
        "the sign-in leaves for the provider"
    );
    let to_provider = location(&start);
    assert!(
        to_provider.contains("request="),
        "a signed request object: {to_provider}"
    );
    assert!(to_provider.contains("code_challenge_method=S256"), "{to_provider}");
    let (interaction, page) = follow(client, to_provider).await;
    assert!(
        interaction.contains("/interaction/"),
        "the provider asks who to be, at {interaction}: {} {}",
        page.status(),
        page.text().await.unwrap()
    );
    let chosen = client
        .post(&interaction)
        .form(&[
            ("codice_fiscale", person.0),
            ("nome", person.1),
            ("cognome", person.2),
            ("email", "maria.rossi@example.it"),
        ])
        .send()
        .await
        .unwrap();
    assert!(
        chosen.status().is_redirection(),
        "the provider accepts the identity: {} {}",
        chosen.status(),
        chosen.text().await.unwrap()
    );
    // Back through the provider to the portal's return address, one step at a time to note it.
    let mut address = reqwest::Url::parse(&interaction)
        .unwrap()
        .join(&location(&chosen))
        .unwrap()
        .to_string();
    for _ in 0..10 {
        if address.starts_with(&app.url(app::area::RETURN_PATH)) {
            break;
        }
        let response = client.get(&address).send().await.unwrap();
        assert!(
            response.status().is_redirection(),
            "{address} answered {}",
            response.status()
        );
        address = reqwest::Url::parse(&address)
            .unwrap()
            .join(&location(&response))
            .unwrap()
            .to_string();
    }
    let return_address = address.clone();
    let (final_address, page) = follow(client, address).await;
    SignedIn {
        return_address,
        final_address,
        page: page.text().await.unwrap(),
    }
}

async fn trail(app: &TestApp, action: &str) -> Vec<(Option<i64>, Option<String>, String)> {
    app::on_db!(&app.db, pool => sqlx::query_as(
        "SELECT actor_id, actor_role, outcome FROM audit_log WHERE action = $1 ORDER BY seq"
    )
    .bind(action)
    .fetch_all(pool)
    .await
    .unwrap())
}

on_both_databases! {
    async fn a_parent_signs_in_with_spid_and_out_and_the_two_doors_stay_apart(
        app: TestApp,
        settings = with_identity_provider
    ) {
        let _provider = IdentityProvider::start(&app);
        let client = browser();

        // Not signed in: the area sends to its sign-in page, which offers the provider.
        let home = app.get_as(&client, app::area::PATH).await;
        assert_eq!(home.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&home), app::area::SIGN_IN_PATH);
        let page = app.get_as(&client, app::area::SIGN_IN_PATH).await.text().await.unwrap();
        assert!(page.contains("Entra con SPID"), "{page}");
        let english = app.get_as(&client, "/en/area-personale/accedi").await.text().await.unwrap();
        assert!(english.contains("Sign in with SPID"), "{english}");

        // The portal's public key, for the provider to check what it signs: never the private part.
        let keys: serde_json::Value = app.get(server::identity::KEYS_PATH).await.json().await.unwrap();
        assert_eq!(keys["keys"][0]["alg"], "ES256");
        assert!(keys["keys"][0].get("d").is_none());

        let signed_in = sign_in(&app, &client, MARIA).await;
        assert_eq!(signed_in.final_address, app.url(app::area::PATH));
        assert!(signed_in.page.contains("Maria Rossi"), "{}", signed_in.page);
        assert!(signed_in.page.contains(MARIA.0));
        let (id, email): (i64, Option<String>) = app::on_db!(&app.db, pool => sqlx::query_as(
            "SELECT id, email FROM citizens WHERE codice_fiscale = $1"
        ).bind(MARIA.0).fetch_one(pool).await.unwrap());
        assert_eq!(email.as_deref(), Some("maria.rossi@example.it"));
        assert_eq!(trail(&app, "area.accesso").await, vec![(Some(id), Some("famiglia".into()), "ok".into())]);

        // The family's session opens nothing in the back office.
        let back_office = app.get_as(&client, "/operatori/casi").await;
        assert_eq!(back_office.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&back_office), "/operatori");
        // A staff session does not open the area.
        let worker = crate::staff::demo_browser(&app, "assistente").await;
        let area = app.get_as(&worker, app::area::PATH).await;
        assert_eq!(area.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&area), app::area::SIGN_IN_PATH);

        // Twenty minutes without a request end the session, and the sign-in page says why.
        app.clock.advance(Duration::minutes(21));
        let expired = app.get_as(&client, app::area::PATH).await;
        assert_eq!(location(&expired), "/area-personale/accedi?esito=scaduta");
        let page = app.get_as(&client, &location(&expired)).await.text().await.unwrap();
        assert!(page.contains("non hai usato l&#39;area personale per un po&#39;") || page.contains("non hai usato l'area personale per un po'"), "{page}");

        // Signing in again, then out: the session is gone, and the page says so.
        sign_in(&app, &client, MARIA).await;
        assert_eq!(app.get_as(&client, app::area::PATH).await.status(), StatusCode::OK);
        let out = app.post_form_as(&client, app::area::SIGN_OUT_PATH, &[]).await;
        assert_eq!(location(&out), "/area-personale/accedi?esito=uscita");
        assert_eq!(app.get_as(&client, app::area::PATH).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(trail(&app, "area.uscita").await, vec![(Some(id), Some("famiglia".into()), "ok".into())]);
        assert_eq!(app.count("citizens").await, 1, "the same person, signed in twice");
        app.assert_trail_intact().await;
    }
}

on_both_databases! {
    async fn a_forged_replayed_or_refused_return_signs_nobody_in(app: TestApp, settings = with_identity_provider) {
        let _provider = IdentityProvider::start(&app);

        // A return with no sign-in under way in this browser.
        let stranger = browser();
        let forged = app.get_as(&stranger, "/area-personale/accedi/ritorno?code=abc&state=xyz").await;
        assert_eq!(location(&forged), "/area-personale/accedi?esito=non-riuscito");

        // A real sign-in's return, replayed from another browser: no sign-in under way there.
        let first = browser();
        let signed_in = sign_in(&app, &first, MARIA).await;
        assert_eq!(signed_in.final_address, app.url(app::area::PATH));
        let replay = stranger.get(&signed_in.return_address).send().await.unwrap();
        assert_eq!(location(&replay), "/area-personale/accedi?esito=non-riuscito");
        assert_eq!(app.get_as(&stranger, app::area::PATH).await.status(), StatusCode::SEE_OTHER);

        // A sign-in under way, and a return whose state is not its own.
        let second = browser();
        let start = app.get_as(&second, &format!("{}?fornitore=spid", app::area::START_PATH)).await;
        assert_eq!(start.status(), StatusCode::SEE_OTHER);
        let wrong = app.get_as(&second, "/area-personale/accedi/ritorno?code=abc&state=not-the-one").await;
        assert_eq!(location(&wrong), "/area-personale/accedi?esito=non-riuscito");

        // The person stops at the provider: it answers with an error and the right state.
        let start = app.get_as(&second, &format!("{}?fornitore=spid", app::area::START_PATH)).await;
        let state = reqwest::Url::parse(&location(&start))
            .unwrap()
            .query_pairs()
            .find(|(name, _)| name == "state")
            .map(|(_, value)| value.into_owned())
            .unwrap();
        let refused = app
            .get_as(&second, &format!("/area-personale/accedi/ritorno?error=access_denied&state={state}"))
            .await;
        assert_eq!(location(&refused), "/area-personale/accedi?esito=annullato");
        let page = app.get_as(&second, &location(&refused)).await.text().await.unwrap();
        assert!(page.contains("l&#39;accesso è stato annullato") || page.contains("l'accesso è stato annullato"), "{page}");

        // A person signed in at a lower level of assurance than the one asked for (SPID level 1).
        let low = browser();
        let start = app.get_as(&low, &format!("{}?fornitore=spid", app::area::START_PATH)).await;
        let (interaction, _) = follow(&low, location(&start)).await;
        let chosen = low
            .post(&interaction)
            .form(&[("codice_fiscale", MARIA.0), ("nome", "Maria"), ("cognome", "Rossi"), ("livello", "https://www.spid.gov.it/SpidL1")])
            .send()
            .await
            .unwrap();
        let back = reqwest::Url::parse(&interaction).unwrap().join(&location(&chosen)).unwrap().to_string();
        let (ended, _) = follow(&low, back).await;
        assert_eq!(ended, app.url("/area-personale/accedi?esito=non-riuscito"));
        assert_eq!(app.get_as(&low, app::area::PATH).await.status(), StatusCode::SEE_OTHER);

        // A provider that is not configured.
        let unknown = app.get_as(&second, &format!("{}?fornitore=altro", app::area::START_PATH)).await;
        assert_eq!(location(&unknown), "/area-personale/accedi?esito=non-riuscito");

        // Every attempt that signed nobody in is in the trail, without an actor.
        let failed: Vec<_> = trail(&app, "area.accesso").await.into_iter().filter(|(_, _, outcome)| outcome == "fallito").collect();
        assert_eq!(failed.len(), 5, "{failed:?}");
        assert!(failed.iter().all(|(actor, _, _)| actor.is_none()));
        assert_eq!(app.get_as(&second, app::area::PATH).await.status(), StatusCode::SEE_OTHER);
        app.assert_trail_intact().await;
    }
}

on_both_databases! {
    async fn a_provider_that_cannot_be_reached_gives_a_plain_sentence(app: TestApp, settings = with_identity_provider) {
        // No provider started at the configured address.
        let client = browser();
        let start = app.get_as(&client, &format!("{}?fornitore=spid", app::area::START_PATH)).await;
        assert_eq!(start.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&start), "/area-personale/accedi?esito=non-riuscito");
        let page = app.get_as(&client, &location(&start)).await.text().await.unwrap();
        assert!(page.contains("Non è stato possibile completare l"), "{page}");
    }
}

on_both_databases! {
    async fn without_providers_the_area_says_it_is_not_open_yet(app: TestApp) {
        let page = app.get(app::area::SIGN_IN_PATH).await.text().await.unwrap();
        assert!(page.contains("non è ancora attivo"), "{page}");
        assert!(!page.contains("Entra con"), "{page}");
    }
}

/// Another person, of another family.
pub const LUCA: (&str, &str, &str) = ("BNCLCU85M10F205R", "Luca", "Bianchi");

/// Books the seeded office's slot at `time` on Tuesday 3 March through the public pages, with the
/// codice fiscale `codice_fiscale`; the booking's id.
pub async fn book_with(app: &TestApp, time: &str, codice_fiscale: &str) -> i64 {
    book_as(app, time, codice_fiscale, "famiglia.rossi@example.it").await
}

/// The same, with the email `email` (and an empty codice fiscale for a booking without one).
async fn book_as(app: &TestApp, time: &str, codice_fiscale: &str, email: &str) -> i64 {
    let mut fields = crate::booking::details("Maria", time);
    for field in fields.iter_mut() {
        match field.0 {
            "codice_fiscale" => field.1 = codice_fiscale,
            "email" => field.1 = email,
            _ => {}
        }
    }
    let details = app.post_form("/prenota", &fields).await;
    assert_eq!(
        details.status(),
        StatusCode::SEE_OTHER,
        "{}",
        details.text().await.unwrap()
    );
    let summary = location(&details);
    let confirmed = app
        .post_form("/prenota/riepilogo", &[("bozza", &crate::booking::draft_id(&summary))])
        .await;
    assert_eq!(confirmed.status(), StatusCode::SEE_OTHER);
    app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT MAX(id) FROM bookings").fetch_one(pool).await.unwrap())
}

async fn booking_state(app: &TestApp, id: i64) -> (String, String) {
    let (status, starts_at): (String, chrono::DateTime<chrono::Utc>) = app::on_db!(&app.db, pool => sqlx::query_as(
        "SELECT status, starts_at FROM bookings WHERE id = $1"
    ).bind(id).fetch_one(pool).await.unwrap());
    (
        status,
        starts_at
            .with_timezone(&chrono_tz::Europe::Rome)
            .format("%Y-%m-%d %H:%M")
            .to_string(),
    )
}

async fn code_of(app: &TestApp, id: i64) -> String {
    app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT code FROM bookings WHERE id = $1")
        .bind(id).fetch_one(pool).await.unwrap())
}

on_both_databases! {
    async fn a_parent_sees_moves_and_cancels_their_own_appointments_and_nobody_else_s(
        app: TestApp,
        settings = with_identity_provider
    ) {
        let _provider = IdentityProvider::start(&app);
        let first = book_with(&app, "09:30", MARIA.0).await;
        let second = book_with(&app, "10:00", MARIA.0).await;
        let other = book_with(&app, "11:00", LUCA.0).await;
        let client = browser();
        let home = sign_in(&app, &client, MARIA).await.page;

        // Her two appointments, soonest first, with their codes; never the other family's.
        let (first_code, second_code) = (code_of(&app, first).await, code_of(&app, second).await);
        let at_first = home.find(&first_code).expect("the first appointment");
        let at_second = home.find(&second_code).expect("the second appointment");
        assert!(at_first < at_second, "soonest first");
        assert!(!home.contains(&code_of(&app, other).await), "never another family's appointment");
        assert!(home.contains("martedì 3 marzo 2026"), "{home}");
        let read = trail_ids(&app, "area.appuntamenti").await;
        assert_eq!(read.last().map(|(ids, outcome)| (ids.as_str(), outcome.as_str())), Some((format!("{second},{first}").as_str(), "ok")));

        // Another family's booking, and no booking at all, by any spelling of the id: not found,
        // and the attempt recorded.
        for id in [other.to_string(), "0".into(), "abc".into(), format!("{other}.0")] {
            let page = app.get_as(&client, &format!("/area-personale/appuntamento?prenotazione={id}")).await;
            assert_eq!(page.status(), StatusCode::NOT_FOUND, "prenotazione={id}");
            assert!(page.text().await.unwrap().contains("non è tra quelli prenotati"));
        }
        let refused = trail_ids(&app, "area.appuntamento").await;
        assert!(refused.contains(&(other.to_string(), "negato".into())), "{refused:?}");
        let cancel_other = app
            .post_form_as(&client, app::area::APPOINTMENT_CANCEL_PATH, &[("prenotazione", &other.to_string())])
            .await;
        assert_eq!(cancel_other.status(), StatusCode::UNPROCESSABLE_ENTITY, "{}", cancel_other.text().await.unwrap());
        let move_other = app
            .post_form_as(&client, app::area::APPOINTMENT_MOVE_PATH, &[
                ("prenotazione", &other.to_string()), ("giorno", "2026-03-03"), ("ora", "12:00"),
            ])
            .await;
        assert_eq!(move_other.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(booking_state(&app, other).await, ("confermata".into(), "2026-03-03 11:00".into()));

        // Her own: seen, moved, cancelled, each recorded with her as actor.
        let own = app.get_as(&client, &format!("/area-personale/appuntamento?prenotazione={first}")).await;
        assert_eq!(own.status(), StatusCode::OK);
        let own = own.text().await.unwrap();
        assert!(own.contains(&first_code) && own.contains("Sposta"), "{own}");
        let times = app.get_as(&client, &format!("/area-personale/appuntamento?prenotazione={first}&sposta=1&giorno=2026-03-03")).await.text().await.unwrap();
        assert!(times.contains("value=\"12:00\""), "{times}");
        let moved = app
            .post_form_as(&client, app::area::APPOINTMENT_MOVE_PATH, &[
                ("prenotazione", &first.to_string()), ("giorno", "2026-03-03"), ("ora", "12:00"),
            ])
            .await;
        assert_eq!(location(&moved), format!("/area-personale/appuntamento?prenotazione={first}&esito=spostata"));
        assert_eq!(booking_state(&app, first).await, ("confermata".into(), "2026-03-03 12:00".into()));
        let cancelled = app
            .post_form_as(&client, app::area::APPOINTMENT_CANCEL_PATH, &[("prenotazione", &second.to_string())])
            .await;
        assert_eq!(location(&cancelled), format!("/area-personale/appuntamento?prenotazione={second}&esito=annullata"));
        assert_eq!(booking_state(&app, second).await.0, "annullata");
        assert_eq!(trail_ids(&app, "area.appuntamento.sposta").await, vec![(first.to_string(), "ok".into())]);
        assert_eq!(trail_ids(&app, "area.appuntamento.annulla").await, vec![(second.to_string(), "ok".into())]);

        // The home lists the cancelled one apart.
        let home = app.get_as(&client, app::area::PATH).await.text().await.unwrap();
        let past = home.find("Appuntamenti passati o annullati").expect("the past and cancelled");
        assert!(home.find(&second_code).unwrap() > past);
        assert!(home.find(&first_code).unwrap() < past);

        // A new booking starts with her identity's details filled in; nobody else's does.
        let details_step = "/prenota?sede=segretariato-sociale&argomento=figli-e-famiglia&giorno=2026-03-04&ora=10:00";
        let hers = app.get_as(&client, details_step).await;
        assert_eq!(hers.headers()["cache-control"], "no-store");
        let hers = hers.text().await.unwrap();
        for value in [MARIA.0, "Maria", "Rossi", "maria.rossi@example.it"] {
            assert!(hers.contains(&format!("value=\"{value}\"")), "{value} filled in: {hers}");
        }
        let anyone = app.get(details_step).await.text().await.unwrap();
        assert!(!anyone.contains(MARIA.0) && !anyone.contains("maria.rossi@example.it"));

        // Signed out, none of it opens.
        app.post_form_as(&client, app::area::SIGN_OUT_PATH, &[]).await;
        let after = app.get_as(&client, &format!("/area-personale/appuntamento?prenotazione={first}")).await;
        assert_eq!(location(&after), app::area::SIGN_IN_PATH);
        app.assert_trail_intact().await;
    }
}

/// The rows of `action`: the ids each recorded, and the outcome; actor always a family's person.
async fn trail_ids(app: &TestApp, action: &str) -> Vec<(String, String)> {
    let rows: Vec<(String, String, Option<String>)> = app::on_db!(&app.db, pool => sqlx::query_as(
        "SELECT record_ids, outcome, actor_role FROM audit_log WHERE action = $1 ORDER BY seq"
    )
    .bind(action)
    .fetch_all(pool)
    .await
    .unwrap());
    assert!(
        rows.iter().all(|(_, _, role)| role.as_deref() == Some("famiglia")),
        "{rows:?}"
    );
    rows.into_iter().map(|(ids, outcome, _)| (ids, outcome)).collect()
}

/// Maria's son, whose codice fiscale his own SPID would give.
const SON: (&str, &str, &str) = ("RSSLCU15C10F205F", "Luca", "Rossi");

async fn person_id(app: &TestApp, codice_fiscale: &str) -> i64 {
    app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT id FROM persons WHERE codice_fiscale = $1")
        .bind(codice_fiscale).fetch_one(pool).await.unwrap())
}

on_both_databases! {
    async fn a_parent_follows_the_family_s_requests_as_far_as_the_worker_shows_them(
        app: TestApp,
        settings = with_identity_provider
    ) {
        let _provider = IdentityProvider::start(&app);
        let (comune, topic, minori, _) = crate::triage::ids(&app).await;
        let desk = crate::staff::demo_browser(&app, "sportello").await;
        // The front desk registers a request of Maria (a parent, with her codice fiscale) and her son.
        let saved = crate::triage::send(&app, &desk, "/operatori/richieste/nuova", &crate::triage::family_form(None, "spontanea", &[
            ("comune", &comune), ("argomento", &topic), ("unita", &minori),
            ("p1_nome", "Maria"), ("p1_nascita", "1980-01-01"), ("p1_cf", MARIA.0),
            ("p2_cf", SON.0),
        ])).await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER, "{}", saved.text().await.unwrap());
        let request: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT MAX(id) FROM requests").fetch_one(pool).await.unwrap());

        // She sees it waiting, received today; never its notes.
        let mother = browser();
        let home = sign_in(&app, &mother, MARIA).await.page;
        assert!(home.contains("Stato: in attesa di essere presa in carico"), "{home}");
        assert!(home.contains("Ricevuta il lunedì 2 marzo 2026") || home.contains("Ricevuta il 2 marzo 2026"), "{home}");
        assert!(!home.contains("assenze frequenti"), "never the notes");
        assert_eq!(trail_ids(&app, "area.richieste").await.last().cloned(), Some((request.to_string(), "ok".into())));

        // The social worker takes it: the next page says so, with the day.
        let worker = crate::staff::demo_browser(&app, "assistente").await;
        let case = crate::cases::taken_by(&app, &worker, request).await;
        let home = app.get_as(&mother, app::area::PATH).await.text().await.unwrap();
        assert!(home.contains("Stato: presa in carico dal servizio"), "{home}");
        assert!(home.contains("Presa in carico il"), "{home}");

        // Her son, signed in with his own identity, and a parent of another family see nothing.
        for person in [SON, LUCA] {
            let other = browser();
            let page = sign_in(&app, &other, person).await.page;
            assert!(page.contains("Per ora non ci sono richieste da mostrarti"), "{}: {page}", person.0);
            assert!(!page.contains("Stato:"), "{}", person.0);
        }

        // The worker hides it: gone at once; shown again, back.
        let hide = app.post_form_as(&worker, "/operatori/casi/visibilita", &[
            ("caso", &case.to_string()), ("richiesta", &request.to_string()), ("mostra", "no"),
        ]).await;
        assert_eq!(hide.status(), StatusCode::SEE_OTHER);
        let home = app.get_as(&mother, app::area::PATH).await.text().await.unwrap();
        assert!(!home.contains("Stato:"), "hidden by the worker");
        let show = app.post_form_as(&worker, "/operatori/casi/visibilita", &[
            ("caso", &case.to_string()), ("richiesta", &request.to_string()), ("mostra", "si"),
        ]).await;
        assert_eq!(show.status(), StatusCode::SEE_OTHER);
        assert!(app.get_as(&mother, app::area::PATH).await.text().await.unwrap().contains("Stato: presa in carico"));

        // A court mandate for the same family starts hidden from her.
        let mandate = crate::cases::mandate_in_queue(&app).await;
        let family: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT family_id FROM requests WHERE id = $1").bind(request).fetch_one(pool).await.unwrap());
        app.execute(&format!("UPDATE requests SET family_id = {family} WHERE id = {mandate}")).await;
        let home = app.get_as(&mother, app::area::PATH).await.text().await.unwrap();
        assert_eq!(home.matches("Stato:").count(), 1, "the mandate is not shown");

        // Removed from the family, she sees nothing more, at the very next page.
        app.execute(&format!("DELETE FROM family_members WHERE person_id = {}", person_id(&app, MARIA.0).await)).await;
        let home = app.get_as(&mother, app::area::PATH).await.text().await.unwrap();
        assert!(!home.contains("Stato:"), "{home}");
        app.assert_trail_intact().await;
    }
}

/// The desk registers a request of Maria (parent, with her codice fiscale) and her son, and the
/// demo social worker takes it in charge: the request and the case, and the worker's browser.
async fn maria_s_case(app: &TestApp) -> (i64, i64, reqwest::Client) {
    let (comune, topic, minori, _) = crate::triage::ids(app).await;
    let desk = crate::staff::demo_browser(app, "sportello").await;
    let saved = crate::triage::send(
        app,
        &desk,
        "/operatori/richieste/nuova",
        &crate::triage::family_form(
            None,
            "spontanea",
            &[
                ("comune", &comune),
                ("argomento", &topic),
                ("unita", &minori),
                ("p1_nome", "Maria"),
                ("p1_nascita", "1980-01-01"),
                ("p1_cf", MARIA.0),
                ("p2_cf", SON.0),
            ],
        ),
    )
    .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let request: i64 =
        app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT MAX(id) FROM requests").fetch_one(pool).await.unwrap());
    let worker = crate::staff::demo_browser(app, "assistente").await;
    let case = crate::cases::taken_by(app, &worker, request).await;
    (request, case, worker)
}

on_both_databases! {
    async fn the_worker_and_the_family_write_to_each_other_and_nobody_else_reads_it(
        app: TestApp,
        settings = with_identity_provider
    ) {
        let _provider = IdentityProvider::start(&app);
        let (_, case, worker) = maria_s_case(&app).await;
        let mother = browser();
        sign_in(&app, &mother, MARIA).await;
        let file = format!("/operatori/casi/fascicolo?id={case}");

        // While the case is hidden from the family, nothing can be written to it.
        let write = |text: &'static str| {
            let (app, worker) = (&app, &worker);
            async move {
                app.post_form_as(worker, "/operatori/casi/messaggio", &[("caso", &case.to_string()), ("testo", text)]).await
            }
        };
        let refused = write("Buongiorno, può portare l'ISEE al prossimo colloquio?").await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.text().await.unwrap().contains("La famiglia non vede ancora questo caso"));
        let shown = app.post_form_as(&worker, "/operatori/casi/visibilita", &[
            ("caso", &case.to_string()), ("mostra", "si"),
        ]).await;
        assert_eq!(shown.status(), StatusCode::SEE_OTHER);
        let page = app.get_as(&worker, &file).await.text().await.unwrap();
        assert!(page.contains("Un genitore riceverà un avviso per email, senza il testo."), "{page}");

        // The message, and its notice by email: which says nothing of it.
        let sent = write("Buongiorno, può portare l'ISEE al prossimo colloquio?").await;
        assert_eq!(location(&sent), format!("{file}&fatto=messaggio"));
        let emails = app.wait_for_emails(1).await;
        let notice = emails.iter().find(|email| email.contains("maria.rossi@example.it")).expect("the notice");
        assert!(notice.contains("nuovo messaggio per te"), "{notice}");
        assert!(!notice.contains("ISEE"), "the notice says nothing of the message");

        // The family reads it, and answers; the worker finds the answer in the file.
        let read = app.get_as(&mother, app::area::MESSAGES_PATH).await.text().await.unwrap();
        assert!(read.contains("può portare l&#39;ISEE") || read.contains("può portare l'ISEE"), "{read}");
        assert!(read.contains("Andrea Assistente"));
        assert_eq!(trail_ids(&app, "area.messaggi").await.last().cloned(), Some((case.to_string(), "ok".into())));
        let empty = app.post_form_as(&mother, app::area::REPLY_PATH, &[("caso", &case.to_string()), ("testo", "  ")]).await;
        assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(empty.text().await.unwrap().contains("Scrivi il messaggio."));
        app.execute("UPDATE staff_users SET email = 'andrea.assistente@example.it' WHERE username = 'assistente'").await;
        let answered = app.post_form_as(&mother, app::area::REPLY_PATH, &[
            ("caso", &case.to_string()), ("testo", "Certo, lo porto giovedì."),
        ]).await;
        // The worker is told there is an answer, not what it says.
        let emails = app.wait_for_emails(2).await;
        let told = emails.iter().find(|email| email.contains("andrea.assistente@example.it")).expect("the worker's notice");
        assert!(told.contains(&format!("/operatori/casi/fascicolo?id=3D{case}")) || told.contains(&format!("/operatori/casi/fascicolo?id={case}")), "{told}");
        assert!(!told.contains("giov"), "never the answer itself");
        assert_eq!(location(&answered), format!("{}?inviata={case}#caso-{case}", app::area::MESSAGES_PATH));
        let page = app.get_as(&worker, &file).await.text().await.unwrap();
        assert!(page.contains("Certo, lo porto giovedì.") && page.contains("Maria Rossi (famiglia)"), "{page}");

        // Another case's id: refused as not found, and recorded.
        let other_case = crate::cases::taken_by(&app, &worker, crate::cases::mandate_in_queue(&app).await).await;
        let tampered = app.post_form_as(&mother, app::area::REPLY_PATH, &[
            ("caso", &other_case.to_string()), ("testo", "Ciao"),
        ]).await;
        assert_eq!(tampered.status(), StatusCode::NOT_FOUND);
        assert!(trail_ids(&app, "area.messaggio").await.contains(&(other_case.to_string(), "negato".into())));

        // Another family, and her son, read nothing; hidden again, she reads nothing either.
        for person in [LUCA, SON] {
            let other = browser();
            sign_in(&app, &other, person).await;
            let page = app.get_as(&other, app::area::MESSAGES_PATH).await.text().await.unwrap();
            assert!(page.contains("Non ci sono messaggi per te") && !page.contains("ISEE"), "{}", person.0);
        }
        app.post_form_as(&worker, "/operatori/casi/visibilita", &[("caso", &case.to_string()), ("mostra", "no")]).await;
        let page = app.get_as(&mother, app::area::MESSAGES_PATH).await.text().await.unwrap();
        assert!(!page.contains("ISEE"));
        app.assert_trail_intact().await;
    }
}

on_both_databases! {
    async fn the_worker_asks_for_a_document_and_only_that_family_sees_what_to_bring(
        app: TestApp,
        settings = with_identity_provider
    ) {
        let _provider = IdentityProvider::start(&app);
        let (_, case, worker) = maria_s_case(&app).await;
        let mother = browser();
        sign_in(&app, &mother, MARIA).await;
        let ask = |kind: &'static str, what: &'static str| ask_document(&app, &worker, case, kind, what);
        let hidden = ask("isee", "ISEE 2026 del nucleo familiare").await;
        assert_eq!(hidden.status(), StatusCode::UNPROCESSABLE_ENTITY);
        app.post_form_as(&worker, "/operatori/casi/visibilita", &[("caso", &case.to_string()), ("mostra", "si")]).await;
        let decree = ask("decreto", "Il decreto").await;
        assert_eq!(decree.status(), StatusCode::UNPROCESSABLE_ENTITY, "a family sends no court decree");
        assert!(decree.text().await.unwrap().contains("Scegli che documento serve."));
        let asked = ask("isee", "ISEE 2026 del nucleo familiare").await;
        assert_eq!(location(&asked), format!("/operatori/casi/fascicolo?id={case}&fatto=documento_chiesto"));
        let emails = app.wait_for_emails(1).await;
        assert!(emails.iter().any(|email| email.contains("maria.rossi@example.it") && !email.contains("ISEE")));
        let file = app.get_as(&worker, &format!("/operatori/casi/fascicolo?id={case}")).await.text().await.unwrap();
        assert!(file.contains("ISEE 2026 del nucleo familiare (Certificazione ISEE), chiesto il"), "{file}");
        assert!(file.contains("in attesa"));

        let home = app.get_as(&mother, app::area::PATH).await.text().await.unwrap();
        assert!(home.contains("Documenti chiesti dal servizio") && home.contains("ISEE 2026 del nucleo familiare"), "{home}");
        let asked_id: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT id FROM document_requests").fetch_one(pool).await.unwrap());
        assert_eq!(trail_ids(&app, "area.documenti").await.last().cloned(), Some((asked_id.to_string(), "ok".into())));

        let other = browser();
        let page = sign_in(&app, &other, LUCA).await.page;
        assert!(!page.contains("ISEE") && !page.contains("Documenti chiesti"), "another family sees none of it");
        app.assert_trail_intact().await;
    }
}

/// The worker's "Chiedi alla famiglia" on `case`: a document of `kind`, in the words `what`.
async fn ask_document(app: &TestApp, worker: &reqwest::Client, case: i64, kind: &str, what: &str) -> reqwest::Response {
    app.post_form_as(
        worker,
        "/operatori/casi/documento-richiesto",
        &[
            ("caso", &case.to_string()),
            ("tipo_documento", kind),
            ("richiesta", what),
        ],
    )
    .await
}

/// Sends the area's document form as a browser does (multipart): the file for the asked document
/// `asked`, from `client`.
async fn send_document(
    app: &TestApp,
    client: &reqwest::Client,
    asked: i64,
    name: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let form = reqwest::multipart::Form::new()
        .text("richiesta", asked.to_string())
        .part(
            "file",
            reqwest::multipart::Part::bytes(bytes)
                .file_name(name.to_owned())
                .mime_str("application/pdf")
                .unwrap(),
        );
    app.post_multipart_as(client, app::area::DOCUMENT_SEND_PATH, form).await
}

/// The files in the documents folder.
fn files_kept(app: &TestApp) -> usize {
    std::fs::read_dir(&app.settings.documents.dir).map_or(0, |folder| folder.count())
}

on_both_databases! {
    /// The worker asks for the ISEE; the mother sends it from her area, after the same checks as a
    /// document staff add; it lands in the case's documents marked as sent by her, the request is
    /// answered, the worker is told (never what), and finds and downloads it. Another family can
    /// neither see the request nor answer it, and two sends at once store one document.
    async fn the_family_sends_the_asked_isee_and_the_worker_finds_it_in_the_case_file(
        app: TestApp,
        settings = |s: &mut Settings| {
            with_identity_provider(s);
            s.documents.max_bytes = 64 * 1024;
        }
    ) {
        let _provider = IdentityProvider::start(&app);
        let (_, case, worker) = maria_s_case(&app).await;
        app.execute("UPDATE staff_users SET email = 'andrea.assistente@example.it' WHERE username = 'assistente'").await;
        app.post_form_as(&worker, "/operatori/casi/visibilita", &[("caso", &case.to_string()), ("mostra", "si")]).await;
        let ask = |kind: &'static str, what: &'static str| ask_document(&app, &worker, case, kind, what);
        ask("isee", "ISEE 2026 del nucleo familiare").await;
        let asked: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT MAX(id) FROM document_requests").fetch_one(pool).await.unwrap());
        let mother = browser();
        let home = sign_in(&app, &mother, MARIA).await.page;
        let page_of = format!("{}?richiesta={asked}", app::area::DOCUMENT_PATH);
        assert!(home.contains(&page_of.replace('&', "&amp;")) || home.contains(&page_of), "{home}");
        let page = app.get_as(&mother, &page_of).await;
        assert_eq!(page.status(), StatusCode::OK);
        let page = page.text().await.unwrap();
        assert!(page.contains("ISEE 2026 del nucleo familiare") && page.contains("Il file del documento") && page.contains("al massimo 1 MB"), "{page}");
        assert_eq!(trail_ids(&app, "area.documento").await.last().cloned(), Some((asked.to_string(), "ok".into())));

        // What is no PDF or image, no file at all, or too large: said next to the field, nothing kept.
        let isee = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".to_vec();
        for (name, bytes, said) in [
            ("isee.pdf", b"MZ\x90\x00 a program".to_vec(), "Il file deve essere un PDF o una foto JPEG o PNG."),
            ("", Vec::new(), "Scegli il file da inviare."),
            ("grande.pdf", [b"%PDF-".to_vec(), vec![b'x'; 70 * 1024]].concat(), "Il file è troppo grande"),
        ] {
            let refused = send_document(&app, &mother, asked, name, bytes).await;
            assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "{name}");
            let page = refused.text().await.unwrap();
            assert!(page.contains(said) && page.contains("ISEE 2026 del nucleo familiare"), "{name}: {page}");
        }
        assert_eq!((app.count("case_documents").await, files_kept(&app)), (0, 0));

        // The ISEE: in the case's documents, sent by her, the request answered, the worker told.
        let sent = send_document(&app, &mother, asked, "ISEE 2026.pdf", isee.clone()).await;
        assert_eq!(location(&sent), format!("{}?inviato={asked}#documenti", app::area::PATH));
        let (document, kind, title, staff, citizen): (i64, String, String, Option<i64>, Option<i64>) = app::on_db!(&app.db, pool => sqlx::query_as(
            "SELECT id, kind, title, uploaded_by, sent_by_citizen FROM case_documents WHERE case_id = $1"
        ).bind(case).fetch_one(pool).await.unwrap());
        let maria: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT id FROM citizens WHERE codice_fiscale = $1").bind(MARIA.0).fetch_one(pool).await.unwrap());
        assert_eq!((kind.as_str(), title.as_str(), staff, citizen), ("isee", "ISEE 2026 del nucleo familiare", None, Some(maria)));
        let answered: Option<i64> = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT document_id FROM document_requests WHERE id = $1").bind(asked).fetch_one(pool).await.unwrap());
        assert_eq!(answered, Some(document));
        assert_eq!(trail_ids(&app, "area.documento_inviato").await, vec![(document.to_string(), "ok".into())]);
        // (She signed in after the request was made: her address was not known to tell her of it.)
        let emails = app.wait_for_emails(1).await;
        let told = emails.iter().find(|email| email.contains("andrea.assistente@example.it")).expect("the worker's notice");
        assert!(told.contains("inviato un documento") && !told.contains("ISEE"), "{told}");
        let home = app.get_as(&mother, &format!("{}?inviato={asked}", app::area::PATH)).await.text().await.unwrap();
        assert!(home.contains("il documento è arrivato al servizio") && home.contains("il servizio lo ha ricevuto"), "{home}");
        let again = send_document(&app, &mother, asked, "ISEE 2026.pdf", isee.clone()).await;
        assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(again.text().await.unwrap().contains("già arrivato al servizio"));
        assert_eq!((app.count("case_documents").await, files_kept(&app)), (1, 1));

        let file = app.get_as(&worker, &format!("/operatori/casi/fascicolo?id={case}")).await.text().await.unwrap();
        assert!(file.contains("inviato dalla famiglia (Maria Rossi)") && file.contains("ISEE 2026.pdf, PDF, 1 kB"), "{file}");
        assert!(file.contains("ISEE 2026 del nucleo familiare (Certificazione ISEE), chiesto il") && file.contains("ricevuto il"));
        let download = app.get_as(&worker, &format!("/operatori/casi/documenti/scarica?id={document}")).await;
        assert_eq!(download.bytes().await.unwrap().to_vec(), isee);

        // Another family: the page and the form both refuse the id, and the attempts are recorded.
        ask("consenso", "Il consenso firmato").await;
        let consent: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT MAX(id) FROM document_requests").fetch_one(pool).await.unwrap());
        let other = browser();
        sign_in(&app, &other, LUCA).await;
        for id in [asked, consent, consent + 1] {
            let page = app.get_as(&other, &format!("{}?richiesta={id}", app::area::DOCUMENT_PATH)).await;
            assert_eq!(page.status(), StatusCode::NOT_FOUND, "{id}");
            assert!(!page.text().await.unwrap().contains("consenso"));
            let tampered = send_document(&app, &other, id, "x.pdf", isee.clone()).await;
            assert_eq!(tampered.status(), StatusCode::NOT_FOUND, "{id}");
        }
        assert_eq!(trail_ids(&app, "area.documento").await.iter().filter(|(_, outcome)| outcome == "negato").count(), 3);
        assert!(trail_ids(&app, "area.documento_inviato").await.contains(&(consent.to_string(), "negato".into())));
        assert_eq!((app.count("case_documents").await, files_kept(&app)), (1, 1));

        // Two sends of the consent at once (two tabs): one document, the other told it arrived.
        let (first, second) = tokio::join!(
            send_document(&app, &mother, consent, "consenso.pdf", isee.clone()),
            send_document(&app, &mother, consent, "consenso-bis.pdf", isee.clone()),
        );
        let mut statuses = [first.status(), second.status()];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::SEE_OTHER, StatusCode::UNPROCESSABLE_ENTITY]);
        assert_eq!((app.count("case_documents").await, files_kept(&app)), (2, 2), "the loser's file is not kept");

        // A case hidden again: nothing to send to.
        app.post_form_as(&worker, "/operatori/casi/visibilita", &[("caso", &case.to_string()), ("mostra", "no")]).await;
        let page = app.get_as(&mother, &format!("{}?richiesta={consent}", app::area::DOCUMENT_PATH)).await;
        assert_eq!(page.status(), StatusCode::NOT_FOUND);
        app.assert_trail_intact().await;
    }
}

on_both_databases! {
    /// Maria booked giving only her email. In the area she confirms that address through a link
    /// sent to it; from then on the booking is hers there too, to see and cancel. A link opened by
    /// another person, or a day too late, confirms nothing and is recorded.
    async fn a_parent_confirms_her_email_and_finds_the_appointment_booked_without_codice_fiscale(
        app: TestApp,
        settings = with_identity_provider
    ) {
        let _provider = IdentityProvider::start(&app);
        let booking = book_as(&app, "10:00", "", "Maria.Rossi@example.it").await;
        let (cf, email): (Option<String>, String) = app::on_db!(&app.db, pool => sqlx::query_as(
            "SELECT codice_fiscale, email FROM bookings WHERE id = $1").bind(booking).fetch_one(pool).await.unwrap());
        assert_eq!((cf, email.to_lowercase().as_str()), (None, "maria.rossi@example.it"), "booked without codice fiscale");
        let booking_page = format!("{}?prenotazione={booking}", app::area::APPOINTMENT_PATH);
        let mother = browser();
        let home = sign_in(&app, &mother, MARIA).await.page;
        assert!(home.contains("Non hai appuntamenti in programma") && home.contains("Conferma la tua email"), "{home}");
        assert_eq!(app.get_as(&mother, &booking_page).await.status(), StatusCode::NOT_FOUND);

        // The link goes to the address the provider gave, and only opens for her, within a day.
        let before = app.wait_for_emails(1).await.len();
        let asked = app.post_form_as(&mother, app::area::EMAIL_CONFIRM_PATH, &[]).await;
        assert_eq!(location(&asked), format!("{}?email=inviata#appuntamenti", app::area::PATH));
        let emails = app.wait_for_emails(before + 1).await;
        let letter = emails.iter().find(|email| email.contains("Conferma la tua email")).expect("the confirmation");
        assert!(letter.contains("maria.rossi@example.it"));
        // Quoted-printable: its soft line breaks and its `=3D` undone.
        let letter = letter.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
        let code: String = letter.split("codice=").nth(1).expect("the link").chars().take_while(char::is_ascii_hexdigit).collect();
        assert_eq!(code.len(), 64, "{letter}");
        let link = format!("{}?codice={code}", app::area::EMAIL_CONFIRMED_PATH);
        let other = browser();
        sign_in(&app, &other, LUCA).await;
        assert_eq!(location(&app.get_as(&other, &link).await), format!("{}?email=non-valida#appuntamenti", app::area::PATH));
        assert_eq!(app.get_as(&other, &booking_page).await.status(), StatusCode::NOT_FOUND);
        app.clock.advance(Duration::hours(25));
        let mother = browser();
        sign_in(&app, &mother, MARIA).await;
        assert_eq!(location(&app.get_as(&mother, &link).await), format!("{}?email=non-valida#appuntamenti", app::area::PATH), "a day too late");
        app.clock.advance(Duration::hours(-25));
        let mother = browser();
        sign_in(&app, &mother, MARIA).await;
        let confirmed = app.get_as(&mother, &link).await;
        assert_eq!(location(&confirmed), format!("{}?email=confermata#appuntamenti", app::area::PATH));
        let home = app.get_as(&mother, &format!("{}?email=confermata", app::area::PATH)).await.text().await.unwrap();
        assert!(home.contains("Email confermata") && !home.contains("Conferma la tua email"), "{home}");
        assert!(home.contains(&booking_page), "the booking is now listed: {home}");
        assert_eq!(location(&app.get_as(&mother, &link).await), format!("{}?email=non-valida#appuntamenti", app::area::PATH), "a link works once");

        // Hers to cancel, as by its private link; still nobody else's.
        let cancelled = app.post_form_as(&mother, app::area::APPOINTMENT_CANCEL_PATH, &[("prenotazione", &booking.to_string())]).await;
        assert_eq!(cancelled.status(), StatusCode::SEE_OTHER, "{}", cancelled.text().await.unwrap());
        assert_eq!(booking_state(&app, booking).await.0, "annullata");
        assert_eq!(app.get_as(&other, &booking_page).await.status(), StatusCode::NOT_FOUND);
        let outcomes: Vec<String> = trail(&app, "area.email_confermata").await.into_iter().map(|(_, _, outcome)| outcome).collect();
        assert_eq!(outcomes, ["negato", "negato", "ok", "negato"]);
        app.assert_trail_intact().await;
    }
}
