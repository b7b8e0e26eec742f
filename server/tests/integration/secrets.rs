//! Secrets at rest: a copy of the database or of the documents folder gives neither a working
//! second factor nor a child's file, because both are sealed with the data key, which lives
//! outside them; and the key can be changed while the service runs.

use reqwest::StatusCode;

use crate::cases::{mandate_in_queue, taken_by, upload};
use crate::harness::{browser, ServerProcess, TestApp, ADMIN_PASSWORD};
use crate::on_both_databases;
use crate::staff::{admin_browser, demo_browser};

async fn totp_secret_of(app: &TestApp, username: &str) -> String {
    app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT totp_secret FROM staff_users WHERE username = $1")
        .bind(username).fetch_one(pool).await.unwrap())
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|window| window == needle)
}

on_both_databases! {
    async fn secrets_are_sealed_at_rest_and_a_new_key_seals_them_again(app: TestApp) {
        // The administrator's second factor: the database holds it sealed.
        let (_admin, secret) = admin_browser(&app).await;
        let sealed = totp_secret_of(&app, "admin").await;
        assert!(sealed.starts_with("sealed1:") && !sealed.contains(&secret), "{sealed}");

        // A decree: the documents folder holds it sealed, the download gives it back whole.
        let request = mandate_in_queue(&app).await;
        let worker = demo_browser(&app, "assistente").await;
        let case = taken_by(&app, &worker, request).await;
        let decree = b"%PDF-1.7\nDecreto del Tribunale per i Minorenni, affido di L.\n%%EOF\n".to_vec();
        let (status, ..) = upload(&app, &worker, case, "Decreto", "decreto.pdf", decree.clone()).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (id, key): (i64, String) = app::on_db!(&app.db, pool => sqlx::query_as("SELECT id, storage_key FROM case_documents").fetch_one(pool).await.unwrap());
        let file = app.settings.documents.dir.join(&key);
        let on_disk = std::fs::read(&file).unwrap();
        assert!(!contains(&on_disk, b"%PDF") && !contains(&on_disk, b"Tribunale"), "sealed on disk");
        let download = format!("/operatori/casi/documenti/scarica?id={id}");
        assert_eq!(app.get_as(&worker, &download).await.bytes().await.unwrap().to_vec(), decree);

        // A second factor enrolled before secrets were sealed (an earlier version wrote it as it is).
        let old_secret = app::access::totp::new_secret();
        app.execute(&format!("UPDATE staff_users SET totp_secret = '{old_secret}' WHERE username = 'coordinatrice'")).await;

        // The key is changed: the new one seals, the old one, retired, still opens until the
        // rotation has sealed everything again, with the service running.
        let old_key = hex::encode(app.settings.data_key.unwrap());
        let new_key = hex::encode([42u8; 32]);
        let rotation = rotate(&app, &new_key, Some(&old_key));
        let said = String::from_utf8_lossy(&rotation.stdout).into_owned() + &String::from_utf8_lossy(&rotation.stderr);
        assert!(rotation.status.success(), "{said}");
        assert!(said.contains("2 second-factor secrets, 1 case documents"), "{said}");
        let resealed = totp_secret_of(&app, "admin").await;
        assert!(resealed.starts_with("sealed1:") && resealed != sealed);
        assert!(totp_secret_of(&app, "coordinatrice").await.starts_with("sealed1:"));
        let on_disk_now = std::fs::read(&file).unwrap();
        assert_ne!(on_disk_now, on_disk);
        assert!(!contains(&on_disk_now, b"%PDF"));
        let again = rotate(&app, &new_key, None);
        assert!(String::from_utf8_lossy(&again.stdout).contains("0 second-factor secrets, 0 case documents"), "nothing left to seal");

        // A server with only the old key cannot open what the new key sealed: the person reads a
        // sentence with the request id, the cause is in the log.
        let refused = app.get_as(&worker, &download).await;
        assert_eq!(refused.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(refused.text().await.unwrap().contains("problema tecnico"));

        // A server with the new key alone (the old one removed): the administrator signs in with
        // the codes of the phone they always had, the coordinator too, and the decree opens.
        let renewed = ServerProcess::start_with(&app, &[("SPORTELLO_DATA_KEY", new_key.as_str())]);
        let now = chrono::Utc::now();
        let sign_in = |user: &'static str, password: &'static str, code: String| {
            let address = renewed.address.clone();
            async move {
                let client = browser();
                let answer = client
                    .post(format!("{address}/operatori"))
                    .header("origin", &address)
                    .header("sec-fetch-site", "same-origin")
                    .form(&[("utente", user), ("password", password), ("codice_totp", code.as_str())])
                    .send()
                    .await
                    .unwrap();
                assert_eq!(answer.status(), StatusCode::SEE_OTHER, "{user} signs in");
                client
            }
        };
        sign_in("admin", ADMIN_PASSWORD, app::access::totp::code_at(&secret, now).unwrap()).await;
        sign_in("coordinatrice", demo_password("coordinatrice"), app::access::totp::code_at(&old_secret, now).unwrap()).await;
        let worker = sign_in("assistente", demo_password("assistente"), String::new()).await;
        let answer = worker.get(format!("{}{download}", renewed.address)).send().await.unwrap();
        assert_eq!(answer.status(), StatusCode::OK);
        assert_eq!(answer.bytes().await.unwrap().to_vec(), decree);
    }
}

/// Runs `server rotate-data-key` on the test's database and documents, with `key` as the data key
/// and `retired` as the one retired.
fn rotate(app: &TestApp, key: &str, retired: Option<&str>) -> std::process::Output {
    let url = match &app.settings.database {
        server::config::DatabaseLocation::Sqlite { url } | server::config::DatabaseLocation::Postgres { url } => {
            url.clone()
        }
    };
    std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .arg("rotate-data-key")
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATABASE_URL", url)
        .env("SPORTELLO_DATA_DIR", app.dir.path())
        .env("SPORTELLO_DOCUMENTS_DIR", &app.settings.documents.dir)
        .env("SPORTELLO_DATA_KEY", key)
        .envs(retired.map(|retired| ("SPORTELLO_DATA_KEYS_RETIRED", retired)))
        .output()
        .expect("the server binary runs")
}

fn demo_password(user: &str) -> &'static str {
    app::staff::demo::DEMO_ACCOUNTS
        .iter()
        .find(|(name, ..)| *name == user)
        .map(|(_, _, password, _)| *password)
        .expect("a demo account")
}
