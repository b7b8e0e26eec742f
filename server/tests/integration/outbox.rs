//! The email outbox's rules, held by the database on both backends: one sender per message even
//! when senders race, retries with a growing pause, a message given up after eight attempts, and a
//! message whose sender died taken over when its lease runs out.

use app::mail::outbox::{self, OutgoingEmail, LEASE, MAX_ATTEMPTS};
use chrono::Duration;

use crate::harness::default_start;
use crate::on_both_databases;

fn email() -> OutgoingEmail {
    OutgoingEmail {
        to: "segretariato@example.it".into(),
        reply_to: None,
        subject: "Prova".into(),
        body: "Testo".into(),
        attachment: None,
        language: app::i18n::Language::Italian,
    }
}

on_both_databases! {
    async fn racing_senders_never_take_the_same_message(app: TestApp) {
        // A day after the server's clock, where its own mail worker does not look.
        let at = default_start() + Duration::days(1);
        for _ in 0..5 {
            outbox::enqueue(&app.db, at, &email()).await.unwrap();
        }
        let leases = futures::future::join_all((0..20).map(|_| outbox::lease_next(&app.db, at))).await;
        let mut ids: Vec<i64> = leases.into_iter().filter_map(|l| l.unwrap()).map(|l| l.id).collect();
        ids.sort();
        let leased = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), leased, "a message was leased twice: {ids:?}");
        assert!(leased <= 5);
        // Whatever was not taken in the race is still there for the next sender.
        while outbox::lease_next(&app.db, at).await.unwrap().is_some() {}
        let sending: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM email_outbox WHERE status = 'sending'").fetch_one(pool).await.unwrap());
        assert_eq!(sending, 5);
    }
}

on_both_databases! {
    async fn a_failing_message_is_retried_later_then_given_up(app: TestApp) {
        let mut at = default_start() + Duration::days(1);
        outbox::enqueue(&app.db, at, &email()).await.unwrap();
        for attempt in 1..=MAX_ATTEMPTS {
            let leased = outbox::lease_next(&app.db, at).await.unwrap().expect("due again");
            assert_eq!(leased.attempts, attempt);
            outbox::mark_attempt_failed(&app.db, &leased, at, "server down").await.unwrap();
            assert!(outbox::lease_next(&app.db, at).await.unwrap().is_none(), "not before its pause");
            at += outbox::retry_pause(attempt);
        }
        assert!(outbox::lease_next(&app.db, at + Duration::days(1)).await.unwrap().is_none(), "given up");
        let (status, error): (String, Option<String>) = app::on_db!(&app.db, pool => sqlx::query_as("SELECT status, last_error FROM email_outbox").fetch_one(pool).await.unwrap());
        assert_eq!((status.as_str(), error.as_deref()), ("failed", Some("server down")));
    }
}

on_both_databases! {
    async fn a_message_whose_sender_died_is_taken_over_after_its_lease(app: TestApp) {
        let at = default_start() + Duration::days(1);
        outbox::enqueue(&app.db, at, &email()).await.unwrap();
        let first = outbox::lease_next(&app.db, at).await.unwrap().expect("leased");
        // The sender crashes: nothing is recorded. Before the lease ends nobody else takes it.
        assert!(outbox::lease_next(&app.db, at + LEASE - Duration::seconds(1)).await.unwrap().is_none());
        let second = outbox::lease_next(&app.db, at + LEASE + Duration::seconds(1)).await.unwrap().expect("taken over");
        assert_eq!((second.id, second.attempts), (first.id, 2));
        outbox::mark_sent(&app.db, second.id, at + LEASE).await.unwrap();
        assert!(outbox::lease_next(&app.db, at + LEASE * 3).await.unwrap().is_none(), "sent messages stay sent");
    }
}

on_both_databases! {
    async fn a_message_to_an_address_that_cannot_exist_is_given_up_at_once(app: TestApp) {
        let to_nowhere = OutgoingEmail { to: "famiglia.prova@esempio.invalid".into(), ..email() };
        let id = outbox::enqueue(&app.db, app::clock::Clock::now(&app.clock), &to_nowhere).await.unwrap();
        let mut waited = 0;
        let (status, attempts, error) = loop {
            let row: (String, i64, Option<String>) = app::on_db!(&app.db, pool => sqlx::query_as(
                "SELECT status, attempts, last_error FROM email_outbox WHERE id = $1"
            ).bind(id).fetch_one(pool).await.unwrap());
            if row.0 != "pending" && row.0 != "sending" {
                break row;
            }
            assert!(waited < 200, "the mail worker never took the message");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            waited += 1;
        };
        assert_eq!((status.as_str(), attempts, error.as_deref()), ("failed", 1, Some(outbox::NEVER_DELIVERABLE)));
        // The desk sees it among the emails that could not be delivered.
        let desk = crate::staff::demo_browser(&app, "sportello").await;
        let page = app.get_as(&desk, "/operatori/posta").await.text().await.unwrap();
        assert!(page.contains("famiglia.prova@esempio.invalid") || page.contains("non può ricevere posta"), "{page}");
    }
}
