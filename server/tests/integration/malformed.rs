//! Bad input at every door: each address the server declares receives, from a visitor signed out
//! and from each role, bodies no form of ours would send (nothing, broken escapes, repeated
//! fields, wrong types, control characters, overlong values, JSON, bytes that are not text, a
//! broken multipart). Every answer must stay below 500, nothing may be written, and the server must
//! still answer afterwards.

use std::collections::BTreeMap;

use reqwest::StatusCode;

use crate::cases::{mandate_in_queue, taken_by};
use crate::harness::{browser, TestApp};
use crate::on_both_databases;
use crate::staff::{admin_browser, concrete, demo_browser};

/// The field names our forms use, so that the bodies reach the handlers' own checks rather than
/// stopping at "this form is incomplete".
const FIELDS: &[&str] = &[
    "caso",
    "id",
    "nota",
    "richiesta",
    "unita",
    "sede",
    "giorno",
    "ora",
    "data",
    "tipo",
    "testo",
    "motivo",
    "nome",
    "cognome",
    "email",
    "telefono",
    "azione",
    "token",
    "versione",
    "operatore",
    "stelle",
    "slot",
    "passo",
    "utente",
    "password",
    "argomento",
    "persona",
    "esito",
];

/// Values of the wrong type or shape, URL-encoded: negative and overlong numbers, words for
/// numbers, days and hours that do not exist, markup, control and direction characters, emoji.
const WRONG: &[&str] = &[
    "-1",
    "99999999999999999999999",
    "due",
    "2026-02-30",
    "25%3A61",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "%00%07%1B%7F",
    "%E2%80%AE",
    "%F0%9F%98%80",
    "%27%3B+DROP+TABLE+cases%3B--",
    "",
];

/// Tables whose rows a refused request may add: the audit trail records refusals, sessions and
/// the sign-in guard change as people sign in.
const MAY_GROW: &[&str] = &["audit_log", "audit_head", "staff_sessions", "sign_in_guard"];

fn form_body(pairs: impl IntoIterator<Item = (String, String)>) -> Vec<u8> {
    pairs
        .into_iter()
        .map(|(name, value)| format!("{name}={value}"))
        .collect::<Vec<_>>()
        .join("&")
        .into_bytes()
}

/// (what it is, content type, body).
fn malformed_bodies() -> Vec<(&'static str, &'static str, Vec<u8>)> {
    const FORM: &str = "application/x-www-form-urlencoded";
    let field = |i: usize| FIELDS[i % FIELDS.len()].to_owned();
    vec![
        ("nothing at all", FORM, Vec::new()),
        ("broken escapes", FORM, b"%ZZ=%&=&&==&%E2%28%A1=%C0%AF&caso=%".to_vec()),
        (
            "every field twice",
            FORM,
            form_body(
                FIELDS
                    .iter()
                    .flat_map(|f| [((*f).to_owned(), "1".to_owned()), ((*f).to_owned(), "2".to_owned())]),
            ),
        ),
        (
            "wrong types",
            FORM,
            form_body(
                FIELDS
                    .iter()
                    .enumerate()
                    .map(|(i, f)| ((*f).to_owned(), WRONG[i % WRONG.len()].to_owned())),
            ),
        ),
        (
            "control characters",
            FORM,
            form_body(
                FIELDS
                    .iter()
                    .map(|f| ((*f).to_owned(), "a%00b%1B%5B31m%0D%0A%C2%85".to_owned())),
            ),
        ),
        (
            "long values",
            FORM,
            form_body((0..FIELDS.len()).map(|i| (field(i), "%C3%A8".repeat(1_000)))),
        ),
        (
            "JSON, not a form",
            "application/json",
            br#"{"caso": 1, "testo": "x", "id": [1, 2]}"#.to_vec(),
        ),
        (
            "bytes that are not text",
            "application/octet-stream",
            vec![0xff, 0xfe, 0x00, 0x80, 0xc0, 0xaf],
        ),
        (
            "a broken multipart",
            "multipart/form-data; boundary=x",
            b"--x\r\nContent-Disposition: form-data; name=\"caso\"\r\n\r\n1\r\n--y--".to_vec(),
        ),
    ]
}

/// Posts `body` to `path` as a browser on this site would, with a limit on the wait: a request the
/// server never answers fails the test, naming itself, instead of hanging the run.
async fn post(
    client: &reqwest::Client,
    app: &TestApp,
    path: &str,
    content_type: &str,
    body: Vec<u8>,
) -> reqwest::Result<reqwest::Response> {
    client
        .post(app.url(path))
        .header("accept", "text/html")
        .header("origin", &app.address)
        .header("sec-fetch-site", "same-origin")
        .header("content-type", content_type)
        .timeout(std::time::Duration::from_secs(30))
        .body(body)
        .send()
        .await
}

/// How many rows each table holds, the tables that may grow aside.
async fn row_counts(app: &TestApp) -> BTreeMap<String, i64> {
    let list = app.db.backend().pick(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx%'",
        "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT LIKE '_sqlx%'",
    );
    let tables: Vec<String> = app::on_db!(&app.db, pool => sqlx::query_scalar(list).fetch_all(pool).await.unwrap());
    let mut counts = BTreeMap::new();
    for table in tables.into_iter().filter(|table| !MAY_GROW.contains(&table.as_str())) {
        let count = app.count(&table).await;
        counts.insert(table, count);
    }
    counts
}

on_both_databases! {
    async fn malformed_bodies_at_every_address_change_nothing(app: TestApp) {
        // Something to aim at: a request in a queue, taken into a case with its team and notes.
        let request = mandate_in_queue(&app).await;
        let worker = demo_browser(&app, "assistente").await;
        taken_by(&app, &worker, request).await;
        let (admin, _) = admin_browser(&app).await;
        let mut visitors = vec![("signed out", browser())];
        for user in ["sportello", "assistente", "coordinatrice"] {
            visitors.push((user, demo_browser(&app, user).await));
        }
        visitors.push(("amministratore", admin));
        let before = row_counts(&app).await;
        assert!(before["cases"] > 0 && before["requests"] > 0, "the walk aims at real records");

        let mut server_errors = Vec::new();
        let mut answered = 0;
        let mut statuses: BTreeMap<u16, usize> = BTreeMap::new();
        let mut tally = |status: StatusCode, path: &str, who: &str, what: &str| {
            if status.is_server_error() {
                server_errors.push(format!("POST {path} as {who} with {what}: {status}"));
            }
            answered += 1;
            *statuses.entry(status.as_u16()).or_default() += 1;
        };
        for (route, _) in server::routes::table() {
            // Signing out is a valid form with no fields: it would end the sessions the walk uses.
            if *route == app::access::SIGN_OUT_PATH {
                continue;
            }
            let path = concrete(route);
            // A body over the limit is refused by the outermost layer, before anyone's session is
            // read: once per address, from a client of its own, whose connection the server may
            // close before it has read the body.
            let oversized = reqwest::Client::builder().pool_max_idle_per_host(0).build().unwrap();
            let answer = post(&oversized, &app, &path, "application/x-www-form-urlencoded", form_body([("testo".to_owned(), "a".repeat(600 * 1024))])).await;
            match answer {
                Ok(answer) => tally(answer.status(), &path, "signed out", "a body over the limit"),
                // Cut off while it was still being sent: refused all the same.
                Err(error) => assert!(!error.is_timeout(), "POST {path} with a body over the limit: {error}"),
            }
            for (who, client) in &visitors {
                for (what, content_type, body) in malformed_bodies() {
                    let answer = post(client, &app, &path, content_type, body)
                        .await
                        .unwrap_or_else(|error| panic!("POST {path} as {who} with {what} got no answer: {error:?}"));
                    let status = answer.status();
                    let refused_at_the_door = status == StatusCode::FORBIDDEN
                        || status == StatusCode::METHOD_NOT_ALLOWED
                        || (status == StatusCode::SEE_OTHER && *who == "signed out" && path.starts_with("/operatori"))
                        // Nobody here is signed in to the families' area: its door sends to its sign-in.
                        || (status == StatusCode::SEE_OTHER && path.starts_with(app::area::PATH));
                    tally(status, &path, who, what);
                    // The access layer (or the method router) answers before reading the body:
                    // the other bodies would meet the same door.
                    if refused_at_the_door {
                        break;
                    }
                }
            }
        }
        assert!(server_errors.is_empty(), "{}", server_errors.join("\n"));
        assert!(answered > 300, "the walk reached the routes ({answered} answers)");
        // The walk went past the door: refused by the access layer (403), read as no form (400),
        // and also through to the forms' own checks (422), whose messages name the fields.
        eprintln!("answers by status: {statuses:?}");
        for status in [400, 403, 413, 422] {
            assert!(statuses.contains_key(&status), "some answers were {status}: {statuses:?}");
        }
        assert_eq!(row_counts(&app).await, before, "nothing was written");

        // Still healthy, and still serving the people signed in.
        assert_eq!(app.get("/health").await.status(), StatusCode::OK);
        for (who, client) in visitors.iter().skip(1) {
            assert_eq!(app.get_as(client, "/operatori").await.status(), StatusCode::OK, "{who}");
        }
        app.assert_trail_intact().await;
    }
}
