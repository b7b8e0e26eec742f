//! Starting the server: clear refusals for bad configuration, seeding exactly once.

use std::process::Command;
use std::sync::Arc;

use app::clock::ManualClock;
use server::config::DatabaseLocation;
use server::Application;

use crate::harness::{self, default_start, fresh_database, test_settings, Backend};
use crate::on_both_databases;

/// Starts the real binary with `database_url` and returns (exit code, stderr).
fn start_binary(database_url: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_server"))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATABASE_URL", database_url)
        .env("SPORTELLO_LISTEN", "127.0.0.1:0")
        .env("SPORTELLO_DATA_DIR", dir.path())
        .output()
        .expect("the server binary runs");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn assert_one_clear_sentence(stderr: &str, expected: &str) {
    let ours: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("Sportello cannot start:"))
        .collect();
    assert_eq!(ours.len(), 1, "one sentence for the operator, got: {stderr}");
    assert!(ours[0].contains(expected), "{stderr}");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "no panic: {stderr}"
    );
}

#[test]
fn an_unknown_database_scheme_stops_the_server_with_one_sentence() {
    let (code, stderr) = start_binary("mysql://root:segreto@localhost/sportello");
    assert_eq!(code, Some(2));
    assert_one_clear_sentence(&stderr, "DATABASE_URL must start with sqlite: or postgres://");
    assert!(!stderr.contains("segreto"), "the password is never printed");
}

#[test]
fn an_unreachable_postgres_stops_the_server_with_one_sentence() {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    let (code, stderr) = start_binary("postgres://sportello:segreto@127.0.0.1:1/sportello");
    assert_eq!(code, Some(1));
    assert_one_clear_sentence(&stderr, "Cannot reach the database");
    assert!(!stderr.contains("segreto"));
}

#[test]
fn an_unopenable_sqlite_file_stops_the_server_with_one_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("un-file");
    std::fs::write(&blocker, "not a folder").unwrap();
    let (code, stderr) = start_binary(&format!("sqlite://{}/sportello.db", blocker.display()));
    assert_eq!(code, Some(1));
    assert_one_clear_sentence(&stderr, "un-file");
}

/// The real binary serving on `database_url`, started as an operator would on a first day: no
/// `--demo`, no `SPORTELLO_ADMIN_PASSWORD`. Stopped when dropped.
struct Served {
    child: std::process::Child,
    /// What it wrote (its log) until it said it was serving.
    log: String,
    address: String,
}

impl Served {
    fn start(database_url: &str, data_dir: &std::path::Path) -> Served {
        use std::io::BufRead;
        let mut child = Command::new(env!("CARGO_BIN_EXE_server"))
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("DATABASE_URL", database_url)
            .env("SPORTELLO_LISTEN", "127.0.0.1:0")
            .env("SPORTELLO_DATA_DIR", data_dir)
            .env("SPORTELLO_MAIL_DIR", data_dir.join("mail"))
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::inherit())
            .spawn()
            .expect("the server binary runs");
        let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
        let mut log = String::new();
        let address = loop {
            let line = lines.next().expect("the server says where it serves").unwrap();
            log.push_str(&line);
            log.push('\n');
            if let Some((_, rest)) = line.split_once("is serving at ") {
                break rest.split_whitespace().next().unwrap().to_owned();
            }
        };
        Served { child, log, address }
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// No default accounts: a first start without `--demo` and without a password makes only `admin`,
/// with a random password printed once, to be changed at the first sign-in.
async fn a_first_start_makes_one_administrator_with_a_password_printed_once(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let Some((database, _guard)) = fresh_database(backend, dir.path()).await else {
        return;
    };
    let url = match &database {
        DatabaseLocation::Sqlite { url } | DatabaseLocation::Postgres { url } => url.clone(),
    };
    let first = Served::start(&url, dir.path());
    let (_, rest) = first
        .log
        .split_once("was created with the password ")
        .expect("the password is printed");
    let password: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    assert_eq!(password.len(), 20, "{}", first.log);

    // The audit key is made at the first start, kept beside the data for the server's user alone,
    // and never in the database.
    let key = std::fs::read_to_string(dir.path().join("audit.key")).expect("the audit key file");
    assert_eq!(key.trim().len(), 64, "a 256-bit key, in hex");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("audit.key"))
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600);
    }
    if let DatabaseLocation::Sqlite { .. } = database {
        let file = std::fs::read(dir.path().join("sportello.db")).unwrap();
        assert!(
            !file.windows(64).any(|window| window == key.trim().as_bytes()),
            "the key is not in the database"
        );
    }

    let db = server::database::connect(&database, 1).await.unwrap();
    let accounts: Vec<(String, bool)> = app::on_db!(&db, pool => sqlx::query_as(
        "SELECT username, must_change_password FROM staff_users ORDER BY id").fetch_all(pool).await.unwrap());
    assert_eq!(
        accounts,
        vec![("admin".to_owned(), true)],
        "no other account, and the password must change"
    );

    // The printed password signs in, and leads only to choosing a new one.
    let client = harness::browser();
    let signed_in = client
        .post(format!("{}/operatori", first.address))
        .header("origin", &first.address)
        .form(&[
            ("utente", "admin"),
            ("password", password.as_str()),
            ("codice_totp", ""),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.status(), 303);
    let elsewhere = client
        .get(format!("{}/operatori/utenti", first.address))
        .send()
        .await
        .unwrap();
    assert_eq!(elsewhere.headers()["location"], "/operatori/sicurezza");
    drop(first);

    // Printed once: a second start finds the administrator and says no password.
    let second = Served::start(&url, dir.path());
    assert!(
        !second.log.contains(&password) && !second.log.contains("was created with the password"),
        "{}",
        second.log
    );
    drop(second);
    if let DatabaseLocation::Postgres { .. } = database {
        db.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_first_start_makes_one_administrator_with_a_password_printed_once_sqlite() {
    a_first_start_makes_one_administrator_with_a_password_printed_once(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_first_start_makes_one_administrator_with_a_password_printed_once_postgres() {
    a_first_start_makes_one_administrator_with_a_password_printed_once(Backend::Postgres).await;
}

on_both_databases! {
    async fn the_first_start_seeds_once_and_never_again(app: TestApp) {
        assert_eq!(app.count("organisation").await, 1);
        assert_eq!(app.count("comuni").await, 1);
        assert_eq!(app.count("units").await, 2);
        assert_eq!(app.count("offices").await, 1);
        assert_eq!(app.count("office_hours").await, 9);
        assert_eq!(app.count("installation").await, 9, "the roots, the phone lines, the catalogue, booking, five pages");

        // An administrator deletes the office (after moving its front desk elsewhere: staff roles
        // keep an office from being deleted); a restart must not bring it back, nor add anything.
        app.execute("DELETE FROM staff_roles WHERE office_id IS NOT NULL").await;
        app.execute("DELETE FROM offices").await;
        assert_eq!(app.count("office_hours").await, 0, "hours go with their office");
        let restarted = app.start_another().await;
        assert_eq!(app.count("offices").await, 0);
        assert_eq!(app.count("units").await, 2);
        assert_eq!(app.count("organisation").await, 1);
        let html = app.client.get(format!("{restarted}/")).send().await.unwrap().text().await.unwrap();
        assert!(!html.contains("<h3>Segretariato Sociale</h3>"), "the deleted office is not shown");
    }
}

/// Two processes starting together on an empty database: one seeds, the other finds it seeded.
async fn concurrent_first_starts(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let Some((database, _guard)) = fresh_database(backend, dir.path()).await else {
        return;
    };
    // Migrations first, as a deployment would run them; then both start at once.
    let settings = test_settings(dir.path(), database.clone());
    let clock = Arc::new(ManualClock::at(default_start()));
    let db = server::database::connect(&database, 2).await.unwrap();
    server::database::migrate(&db, None).await.unwrap();
    let (first, second) = tokio::join!(
        Application::build_with_clock(settings.clone(), clock.clone()),
        Application::build_with_clock(settings.clone(), clock.clone()),
    );
    let (first, second) = (first.expect("first start"), second.expect("second start"));
    for table in ["organisation", "comuni", "offices"] {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        let count: i64 = app::on_db!(&db, pool => sqlx::query_scalar(&sql).fetch_one(pool).await.unwrap());
        assert_eq!(count, 1, "{table} seeded once");
    }
    drop((first, second));
    if let DatabaseLocation::Postgres { .. } = database {
        db.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_first_starts_at_once_seed_once_sqlite() {
    concurrent_first_starts(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_first_starts_at_once_seed_once_postgres() {
    concurrent_first_starts(Backend::Postgres).await;
}

on_both_databases! {
    async fn a_failed_migration_stops_the_start_with_one_sentence(app: TestApp) {
        // A migration that was applied and then changed: the schema can no longer be trusted.
        let tampered = vec![0_u8; 48];
        app::on_db!(&app.db, pool => {
            sqlx::query("UPDATE _sqlx_migrations SET checksum = $1").bind(&tampered).execute(pool).await.unwrap();
        });
        let error = match Application::build_with_clock(app.settings.clone(), Arc::new(app.clock.clone())).await {
            Ok(_) => panic!("the server must not start on a schema it cannot trust"),
            Err(error) => error.to_string(),
        };
        assert!(error.starts_with("Cannot bring the database schema up to date:"), "{error}");
        assert_eq!(error.lines().count(), 1, "{error}");
    }
}

on_both_databases! {
    async fn the_organisation_name_can_be_set_from_the_environment(app: TestApp) {
        let mut settings = app.settings.clone();
        settings.organisation_name = Some("Comune di Sesto San Giovanni".into());
        let (address, _) = harness::start_server(settings, app.clock.clone()).await.unwrap();
        let html = harness::browser().get(format!("{address}/")).send().await.unwrap().text().await.unwrap();
        assert!(html.contains("<span class=\"navbar-brand\">Comune di Sesto San Giovanni</span>"));
    }
}

/// Migrations run through `DATABASE_OWNER_URL`, so the application's own role needs no right to
/// change the schema (PostgreSQL 15 gives none by default on `public`).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migrations_run_through_the_owner_connection_postgres() {
    use sqlx::Connection;

    let dir = tempfile::tempdir().unwrap();
    let Some((owner, _guard)) = fresh_database(Backend::Postgres, dir.path()).await else {
        return;
    };
    let DatabaseLocation::Postgres { url: owner_url } = owner.clone() else {
        unreachable!()
    };
    let role = format!("sportello_app_{}", uuid::Uuid::new_v4().simple());
    harness::application_role(&owner_url, &role).await;
    let app_url = harness::with_user(&owner_url, &role, harness::APPLICATION_PASSWORD);
    let app_location = DatabaseLocation::Postgres { url: app_url.clone() };
    let clock = Arc::new(ManualClock::at(default_start()));

    let mut settings = test_settings(dir.path(), app_location);
    let refused = Application::build_with_clock(settings.clone(), clock.clone()).await;
    assert!(
        matches!(&refused, Err(server::StartupError::Migration(_))),
        "the application role alone cannot create the schema"
    );

    settings.database_owner = Some(owner);
    let (address, db) = harness::start_server(settings, (*clock).clone())
        .await
        .expect("starts with the owner connection");
    let home = harness::browser().get(format!("{address}/")).send().await.unwrap();
    assert_eq!(home.status(), 200);
    assert!(
        home.text().await.unwrap().contains("Segretariato Sociale"),
        "seeded and read as the application role"
    );

    // The server, as the application role, adds audit rows (here: a refused sign-in)...
    let refused = harness::browser()
        .post(format!("{address}/operatori"))
        .header("origin", &address)
        .form(&[("utente", "nessuno"), ("password", "sbagliata-davvero")])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 422);
    // ...but that role can neither change nor remove them, whatever it was granted.
    let mut as_app = sqlx::PgConnection::connect(&app_url).await.unwrap();
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log")
        .fetch_one(&mut as_app)
        .await
        .unwrap();
    assert!(rows >= 1);
    for statement in ["UPDATE audit_log SET action = 'nulla'", "DELETE FROM audit_log"] {
        let error = sqlx::query(statement).execute(&mut as_app).await.unwrap_err();
        assert!(
            error.to_string().contains("audit rows cannot be changed or removed"),
            "{statement}: {error}"
        );
    }
    as_app.close().await.unwrap();

    db.close().await;
    let mut admin = sqlx::PgConnection::connect(&owner_url).await.unwrap();
    for statement in [format!("DROP OWNED BY {role}"), format!("DROP ROLE {role}")] {
        sqlx::query(&statement).execute(&mut admin).await.unwrap();
    }
}

on_both_databases! {
    /// The organisation's name is kept in memory for every page's header; a change made through
    /// another instance reaches this one within the watch interval, without a restart.
    async fn a_new_organisation_name_reaches_every_instance(app: TestApp, settings = |s| s.audit_check_every = std::time::Duration::from_millis(200)) {
        let second = app.start_another().await;
        app.execute("UPDATE organisation SET name = 'Comune di Prova Nuova' WHERE id = 1").await;
        // Each instance rereads the name at its own watch loop's turn.
        for (n, base) in [second.as_str(), app.address.as_str()].into_iter().enumerate() {
            let mut seen = false;
            for _ in 0..50 {
                let page = reqwest::get(format!("{base}/")).await.unwrap().text().await.unwrap();
                if page.contains("Comune di Prova Nuova") {
                    seen = true;
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            assert!(seen, "instance {n} shows the new name");
        }
    }
}

on_both_databases! {
    /// On PostgreSQL the test servers run as a deployment's should: an application role that may
    /// read and write rows but not change the schema, nor rewrite the audit trail.
    async fn the_server_runs_without_rights_on_the_schema(app: TestApp) {
        if app.backend == Backend::Sqlite {
            return; // A file: whoever opens it owns it.
        }
        let created = app::on_db!(&app.db, pool => sqlx::query("CREATE TABLE prova (id INTEGER)").execute(pool).await.map(|_| ()));
        assert!(created.unwrap_err().to_string().contains("permission denied"), "no right on the schema");
        // A refused sign-in writes a row; the server's own role cannot rewrite it.
        let refused = app.post_form("/operatori", &[("utente", "nessuno"), ("password", "sbagliata"), ("codice_totp", "")]).await;
        assert_eq!(refused.status(), 422);
        assert!(app.count("audit_log").await > 0);
        let rewritten = app::on_db!(&app.db, pool => sqlx::query("UPDATE audit_log SET action = 'x'").execute(pool).await.map(|_| ()));
        assert!(rewritten.is_err(), "the audit trail refuses the server's role");
        assert!(app.get("/").await.status().is_success(), "and it serves");
    }
}
