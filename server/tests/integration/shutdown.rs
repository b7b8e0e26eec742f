//! A stop in the middle of the day: the service manager sends SIGTERM (a deploy, a restart) while
//! families are sending forms. The server stops taking connections, finishes what it was
//! answering, settles the email in its hands and ends with status 0 within its shutdown time, even
//! with a connection that never finishes its request; what was waiting to be sent is sent, once,
//! by the server that starts next.

use std::time::Duration;

use reqwest::StatusCode;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::harness::{browser, ServerProcess};
use crate::on_both_databases;

const FORMS: usize = 24;

on_both_databases! {
    async fn a_stop_under_load_finishes_what_it_answers_and_loses_no_email(app: TestApp) {
        let mut first = ServerProcess::start_with(&app, &[("SPORTELLO_SHUTDOWN_SECONDS", "3")]);
        let client = browser();
        let address = first.address.clone();
        // Forms and pages sent at once, the stop asked while they are being answered.
        let mut sent = Vec::new();
        for n in 0..FORMS {
            let (client, address) = (client.clone(), address.clone());
            sent.push(tokio::spawn(async move {
                let message = format!("Vorrei un appuntamento per mio figlio, richiesta numero {n}.");
                let fields = [("nome", "Giulia"), ("cognome", "Neri"), ("email", "giulia.neri@example.it"),
                    ("categoria", "servizi"), ("messaggio", message.as_str()), ("privacy", "si")];
                let answer = client.post(format!("{address}/assistenza"))
                    .header("origin", &address)
                    .header("sec-fetch-site", "same-origin")
                    .form(&fields)
                    .send()
                    .await;
                match answer {
                    // An answer is whole: its status and all of its body.
                    Ok(answer) => {
                        let status = answer.status();
                        let body = answer.text().await.expect("an answer given is given whole");
                        Some((status, body))
                    }
                    // Refused at the door once the server stopped taking connections.
                    Err(error) => {
                        assert!(error.is_connect() || error.is_request(), "{error:?}");
                        None
                    }
                }
            }));
        }
        // Two people on slow connections are half-way through sending a form when the stop comes:
        // one finishes a moment later, the other never does.
        let body = form_body("Scrivo da un telefono con poca rete, vorrei essere richiamata.");
        let (head, tail) = body.split_at(body.len() / 2);
        let mut slow = half_sent(&address, body.len(), head).await;
        let _stalled = half_sent(&address, body.len(), head).await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        let stopping = tokio::task::spawn_blocking(move || {
            let status = first.terminate(Duration::from_secs(15));
            (status, first)
        });
        tokio::time::sleep(Duration::from_millis(300)).await;
        slow.write_all(tail.as_bytes()).await.expect("the server still reads a request it began");
        let mut answer = String::new();
        slow.read_to_string(&mut answer).await.expect("a whole answer");
        assert!(answer.starts_with("HTTP/1.1 303"), "the form sent before the stop is taken: {answer}");
        let mut accepted = 0;
        for answer in sent {
            if let Some((status, body)) = answer.await.unwrap() {
                assert!(status == StatusCode::SEE_OTHER || status == StatusCode::OK, "{status}: {body}");
                accepted += usize::from(status == StatusCode::SEE_OTHER);
            }
        }
        let (status, first) = stopping.await.unwrap();
        let status = status.expect("the server ends within its shutdown time, the stalled request left");
        assert!(status.success(), "a stop is not a failure: {status:?}");
        assert!(accepted > 0, "some forms were answered before the stop");

        // Every accepted form is in the outbox; what the first server sent is sent, the rest waits.
        let queued = app.count("email_outbox").await;
        assert!(queued > i64::try_from(accepted).unwrap(), "{queued} queued, {accepted} accepted and the slow one");
        let sent_by_first = first.emails().len();
        drop(first);
        let second = ServerProcess::start(&app);
        let mut waiting = i64::MAX;
        for _ in 0..300 {
            waiting = app::on_db!(&app.db, pool => sqlx::query_scalar::<_, i64>(
                "SELECT COUNT(*) FROM email_outbox WHERE status <> 'sent'").fetch_one(pool).await.unwrap());
            if waiting == 0 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(waiting, 0, "the next server sends what was waiting");
        assert_eq!(
            i64::try_from(sent_by_first + second.emails().len()).unwrap(),
            queued,
            "each email sent once: {sent_by_first} by the first server, the rest by the second"
        );
    }
}

fn form_body(message: &str) -> String {
    serde_urlencoded::to_string([
        ("nome", "Giulia"),
        ("cognome", "Neri"),
        ("email", "giulia.neri@example.it"),
        ("categoria", "servizi"),
        ("messaggio", message),
        ("privacy", "si"),
    ])
    .unwrap()
}

/// A connection that has sent a form's head and the first part of its body, `length` in all.
async fn half_sent(address: &str, length: usize, part: &str) -> TcpStream {
    let host = address.trim_start_matches("http://");
    let mut stream = TcpStream::connect(host).await.unwrap();
    let head = format!(
        "POST /assistenza HTTP/1.1\r\nHost: {host}\r\nOrigin: {address}\r\nSec-Fetch-Site: same-origin\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n{part}"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream
}
