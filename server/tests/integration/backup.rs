//! `server backup` while a social worker keeps writing notes, then `server restore` into a new,
//! empty database: every note committed before the backup began is there, with the case and its
//! document, the audit chain verifies end to end, and a server starts on it. A backup that was
//! changed after it was taken is refused.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use reqwest::StatusCode;

use crate::cases::{mandate_in_queue, post, taken_by, upload};
use crate::harness::{fresh_database, start_server, test_settings};
use crate::on_both_databases;
use crate::staff::demo_browser;

/// The binary's environment for `settings`, as an operator would set it.
fn environment(settings: &server::config::Settings) -> Vec<(&'static str, String)> {
    let url = |location: &server::config::DatabaseLocation| match location {
        server::config::DatabaseLocation::Sqlite { url } | server::config::DatabaseLocation::Postgres { url } => {
            url.clone()
        }
    };
    vec![
        ("DATABASE_URL", url(&settings.database)),
        (
            "DATABASE_OWNER_URL",
            url(settings.database_owner.as_ref().unwrap_or(&settings.database)),
        ),
        ("SPORTELLO_DATA_DIR", settings.data_dir.display().to_string()),
        ("SPORTELLO_DOCUMENTS_DIR", settings.documents.dir.display().to_string()),
        (
            "SPORTELLO_AUDIT_KEY",
            hex::encode(settings.audit_key.clone().expect("the tests' audit key")),
        ),
        (
            "SPORTELLO_DATA_KEY",
            hex::encode(settings.data_key.expect("the tests' data key")),
        ),
        ("PATH", std::env::var("PATH").unwrap_or_default()),
    ]
}

async fn run_server(settings: &server::config::Settings, command: &str, folder: &Path) -> std::process::Output {
    let mut process = tokio::process::Command::new(env!("CARGO_BIN_EXE_server"));
    process.env_clear().envs(environment(settings)).arg(command).arg(folder);
    process.output().await.expect("the server binary runs")
}

on_both_databases! {
    async fn a_backup_taken_while_notes_are_written_restores_whole_and_checked(app: TestApp) {
        let request = mandate_in_queue(&app).await;
        let worker = demo_browser(&app, "assistente").await;
        let case = taken_by(&app, &worker, request).await;
        let decree = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".to_vec();
        let (status, ..) = upload(&app, &worker, case, "Decreto di affido", "decreto.pdf", decree.clone()).await;
        assert_eq!(status, StatusCode::SEE_OTHER);

        // Notes go on being written while the backup is taken.
        let writing = Arc::new(AtomicBool::new(true));
        let writer = {
            let (app_address, writing) = (app.address.clone(), writing.clone());
            let (worker, case) = (worker.clone(), case);
            tokio::spawn(async move {
                let mut written = 0;
                while writing.load(Ordering::Relaxed) {
                    let answer = worker.post(format!("{app_address}/operatori/casi/nota"))
                        .header("origin", &app_address)
                        .header("sec-fetch-site", "same-origin")
                        .form(&[("caso", case.to_string()), ("tipo", "colloquio".into()), ("data", "2026-03-01".into()),
                            ("testo", format!("Nota scritta durante la copia, numero {written}."))])
                        .send()
                        .await
                        .unwrap();
                    assert_eq!(answer.status(), StatusCode::SEE_OTHER);
                    written += 1;
                }
                written
            })
        };
        let (status, ..) = post(&app, &worker, "/operatori/casi/nota", &[
            ("caso", &case.to_string()), ("tipo", "colloquio"), ("data", "2026-03-01"), ("testo", "Scritta prima della copia."),
        ]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let before = app.count("case_notes").await;

        let copies = tempfile::tempdir().unwrap();
        let backup = copies.path().join("copia");
        let taken = run_server(&app.settings, "backup", &backup).await;
        writing.store(false, Ordering::Relaxed);
        let written_meanwhile = writer.await.unwrap();
        assert!(taken.status.success(), "{}", String::from_utf8_lossy(&taken.stderr));
        let manifest: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(backup.join("manifest.json")).unwrap()).unwrap();
        let notes_in_backup = manifest["rows"]["case_notes"].as_i64().unwrap();
        assert!(notes_in_backup >= before, "every note committed before the backup began: {notes_in_backup} of {before}");
        assert!(written_meanwhile > 0, "notes were being written during the backup");
        assert_eq!(manifest["files"].as_object().unwrap().len(), 2, "the database and the one document");

        // A backup changed after it was taken is refused, and its target left untouched.
        let changed = copies.path().join("cambiata");
        copy_folder(&backup, &changed);
        let document = std::fs::read_dir(changed.join("documents")).unwrap().next().unwrap().unwrap().path();
        std::fs::write(&document, b"%PDF-1.7 altro").unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let Some((location, _dropped)) = fresh_database(app.backend, elsewhere.path()).await else { return };
        let mut target = test_settings(elsewhere.path(), location);
        target.audit_key = app.settings.audit_key.clone();
        let refused = run_server(&target, "restore", &changed).await;
        assert!(!refused.status.success());
        assert!(String::from_utf8_lossy(&refused.stderr).contains("does not match its manifest"));

        // Restored into the new, empty database: checked by the command, then served.
        let restored = run_server(&target, "restore", &backup).await;
        assert!(restored.status.success(), "{}", String::from_utf8_lossy(&restored.stderr));
        assert!(String::from_utf8_lossy(&restored.stdout).contains("audit trail"), "it says what it verified");
        let again = run_server(&target, "restore", &backup).await;
        assert!(!again.status.success(), "never over a database that has data");
        let (address, db) = start_server(target.clone(), app.clock.clone()).await.unwrap();
        assert_eq!(reqwest::get(format!("{address}/health")).await.unwrap().status(), StatusCode::OK);
        let notes: Vec<String> = app::on_db!(&db, pool => sqlx::query_scalar("SELECT body FROM case_notes WHERE case_id = $1 ORDER BY id")
            .bind(case).fetch_all(pool).await.unwrap());
        assert_eq!(i64::try_from(notes.len()).unwrap(), notes_in_backup);
        assert!(notes.iter().any(|note| note == "Scritta prima della copia."));
        let key: String = app::on_db!(&db, pool => sqlx::query_scalar("SELECT storage_key FROM case_documents").fetch_one(pool).await.unwrap());
        let keys = app::sealing::DataKeys::new(&target.data_key.unwrap(), &[]);
        let sealed = std::fs::read(target.documents.dir.join(&key)).unwrap();
        assert_eq!(app::files::opened(&keys, &key, sealed).unwrap(), decree, "the document, whole");
        app.assert_trail_intact().await;
    }
}

fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            copy_folder(&entry.path(), &to.join(entry.file_name()));
        } else {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}
