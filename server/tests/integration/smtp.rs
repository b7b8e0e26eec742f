//! Emails through a real SMTP server the tests start: Debian's `python3-aiosmtpd`, storing what it
//! receives in a Maildir. The retry after the server comes back, exactly-once delivery with two
//! senders, and the booking confirmation's content and calendar file, in Italian and in another
//! language (encoded headers, text in another script).

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use app::clock::Clock;
use app::mail::outbox::{self, OutgoingEmail};
use server::config::MailTransport;

use crate::on_both_databases;

/// A free local port (bound, read, released: an SMTP server will listen there soon).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn smtp_url(port: u16) -> String {
    format!("smtp://127.0.0.1:{port}")
}

/// An aiosmtpd process; stopped when dropped.
struct SmtpServer {
    child: Child,
    maildir: PathBuf,
    _dir: tempfile::TempDir,
}

impl SmtpServer {
    async fn start(port: u16) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let maildir = dir.path().join("maildir");
        // Debian's interpreter, where python3-aiosmtpd is installed (not one a version manager put first).
        let child = Command::new("/usr/bin/python3")
            .args([
                "-m",
                "aiosmtpd",
                "-n",
                "-l",
                &format!("127.0.0.1:{port}"),
                "-c",
                "aiosmtpd.handlers.Mailbox",
            ])
            .arg(&maildir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3-aiosmtpd is installed (scripts/install-tools --for-tests)");
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Self {
                    child,
                    maildir,
                    _dir: dir,
                };
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let mut child = child;
        let _ = child.kill();
        let _ = child.wait();
        panic!("the SMTP server did not start on port {port}");
    }

    fn messages(&self) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(self.maildir.join("new")) else {
            return Vec::new();
        };
        entries
            .filter_map(Result::ok)
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .collect()
    }

    /// Waits (up to 20 s) for `count` messages, then a moment more to catch any extra copy.
    async fn wait_for(&self, count: usize) -> Vec<String> {
        for _ in 0..200 {
            if self.messages().len() >= count {
                tokio::time::sleep(Duration::from_millis(500)).await;
                return self.messages();
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!(
            "expected {count} messages at the SMTP server, got {}",
            self.messages().len()
        );
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn header<'a>(message: &'a str, name: &str) -> Option<&'a str> {
    message
        .lines()
        .find(|line| {
            line.to_ascii_lowercase()
                .starts_with(&format!("{}:", name.to_ascii_lowercase()))
        })
        .map(|line| line[name.len() + 1..].trim())
}

on_both_databases! {
    async fn a_message_waits_for_the_smtp_server_and_leaves_once_it_is_back(
        app: TestApp,
        settings = |s| s.mail = MailTransport::Smtp { url: smtp_url(*SMTP_DOWN) }
    ) {
        let port = *SMTP_DOWN;
        // A message for the service, sent through the assistance form (which wakes the sender).
        let sent = app
            .post_form("/assistenza", &[
                ("nome", "Anna"), ("cognome", "Rossi"), ("email", "anna@example.it"), ("categoria", "sito"),
                ("messaggio", "Non trovo gli orari."), ("privacy", "si"),
            ])
            .await;
        assert_eq!(sent.status(), 303);
        // Nobody listens: the first attempt fails and the message waits for its retry.
        let mut attempts = 0;
        for _ in 0..100 {
            attempts = app::on_db!(&app.db, pool => sqlx::query_scalar::<_, i64>("SELECT attempts FROM email_outbox").fetch_one(pool).await.unwrap());
            if attempts > 0 { break; }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(attempts, 1);

        let smtp = SmtpServer::start(port).await;
        app.clock.advance(outbox::retry_pause(1) + chrono::Duration::minutes(1));
        // A server starting now drains what is due at once (the running one would at its next look).
        let mut settings = app.settings.clone();
        settings.mail = MailTransport::Smtp { url: smtp_url(port) };
        crate::harness::start_server(settings, app.clock.clone()).await.unwrap();
        let messages = smtp.wait_for(1).await;
        assert_eq!(messages.len(), 1);
        assert!(header(&messages[0], "Subject").unwrap_or_default().starts_with("Richiesta di assistenza"));
        let status: String = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT status FROM email_outbox").fetch_one(pool).await.unwrap());
        assert_eq!(status, "sent");
    }
}

/// Puts `count` emails to different families in the outbox, as the application's forms do.
async fn queue_emails(app: &crate::harness::TestApp, count: i64) {
    for n in 0..count {
        let email = OutgoingEmail {
            to: format!("famiglia{n}@example.it"),
            reply_to: None,
            subject: format!("Messaggio {n}"),
            body: "Testo".into(),
            attachment: None,
            language: app::i18n::Language::Italian,
        };
        outbox::enqueue(&app.db, app.clock.now(), &email).await.unwrap();
    }
}

/// The port of the test above, chosen before its server starts (settings are made first). Each
/// test runs in a process of its own (cargo-nextest), so each gets its own port.
static SMTP_DOWN: std::sync::LazyLock<u16> = std::sync::LazyLock::new(free_port);

on_both_databases! {
    async fn two_senders_deliver_each_message_exactly_once(
        app: TestApp,
        settings = |s| s.mail = MailTransport::Smtp { url: smtp_url(*SMTP_UP) }
    ) {
        let smtp = SmtpServer::start(*SMTP_UP).await;
        queue_emails(&app, 30).await;
        // Two more servers start at once and drain the outbox together (with the first one, when
        // it next looks).
        let mut settings = app.settings.clone();
        settings.mail = MailTransport::Smtp { url: smtp_url(*SMTP_UP) };
        let (second, third) = tokio::join!(
            crate::harness::start_server(settings.clone(), app.clock.clone()),
            crate::harness::start_server(settings, app.clock.clone()),
        );
        second.unwrap();
        third.unwrap();
        let messages = smtp.wait_for(30).await;
        assert_eq!(messages.len(), 30, "each message once");
        let mut ids: Vec<&str> = messages.iter().filter_map(|m| header(m, "Message-ID")).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 30, "30 different Message-IDs");
    }
}

static SMTP_UP: std::sync::LazyLock<u16> = std::sync::LazyLock::new(free_port);

on_both_databases! {
    /// The mail server is away for an hour while families book and write: the emails wait, are
    /// tried again as their pauses fall due (never all at once, never given up within the hour),
    /// and when it is back each is delivered once.
    async fn an_hour_without_the_mail_server_loses_nothing_and_sends_nothing_twice(
        app: TestApp,
        settings = |s| s.mail = MailTransport::Smtp { url: smtp_url(*SMTP_AWAY) }
    ) {
        const EMAILS: i64 = 5;
        queue_emails(&app, EMAILS).await;
        let mut settings = app.settings.clone();
        settings.mail = MailTransport::Smtp { url: smtp_url(*SMTP_AWAY) };
        let tried = |app: &crate::harness::TestApp| {
            let db = app.db.clone();
            async move {
                app::on_db!(&db, pool => sqlx::query_as::<_, (i64, i64, i64)>(
                    "SELECT MIN(attempts), MAX(attempts), SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END) FROM email_outbox")
                    .fetch_one(pool).await.unwrap())
            }
        };
        // Each step: the pause after the last try passes, and a server starting then tries at once.
        let mut away = chrono::Duration::zero();
        for attempt in 1..=7_i64 {
            if attempt > 1 {
                let pause = outbox::retry_pause(attempt - 1) + chrono::Duration::seconds(1);
                app.clock.advance(pause);
                away += pause;
            }
            crate::harness::start_server(settings.clone(), app.clock.clone()).await.unwrap();
            let mut seen = (0, 0, 0);
            for _ in 0..100 {
                seen = tried(&app).await;
                // Every email tried and back to waiting (one being tried is "sending" a moment).
                if seen == (attempt, attempt, EMAILS) || seen.1 > attempt {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            assert_eq!(seen, (attempt, attempt, EMAILS), "try {attempt}: each email tried once more, all still waiting");
        }
        assert!(away >= chrono::Duration::hours(1), "an hour away ({away})");

        let smtp = SmtpServer::start(*SMTP_AWAY).await;
        app.clock.advance(outbox::retry_pause(7) + chrono::Duration::seconds(1));
        crate::harness::start_server(settings, app.clock.clone()).await.unwrap();
        let messages = smtp.wait_for(5).await;
        assert_eq!(messages.len(), 5, "each email once");
        let sent: i64 = app::on_db!(&app.db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM email_outbox WHERE status = 'sent'")
            .fetch_one(pool).await.unwrap());
        assert_eq!(sent, EMAILS);
    }
}

static SMTP_AWAY: std::sync::LazyLock<u16> = std::sync::LazyLock::new(free_port);

/// A header's value as a mail reader shows it: its folded lines joined and its encoded words
/// (RFC 2047, `=?utf-8?b?…?=`, as lettre writes non-ASCII text) decoded.
fn decoded_header(message: &str, name: &str) -> Option<String> {
    use base64::Engine;
    let message = message.replace("\r\n", "\n");
    let start = message.lines().position(|line| {
        line.to_ascii_lowercase()
            .starts_with(&format!("{}:", name.to_ascii_lowercase()))
    })?;
    let lines: Vec<&str> = message.lines().collect();
    let mut value = lines[start][name.len() + 1..].trim().to_owned();
    for folded in lines[start + 1..]
        .iter()
        .take_while(|line| line.starts_with([' ', '\t']))
    {
        value.push(' ');
        value.push_str(folded.trim());
    }
    let mut decoded = String::new();
    for word in value.split(' ') {
        let encoded = word
            .strip_prefix("=?")
            .and_then(|w| w.strip_suffix("?="))
            .and_then(|w| {
                let mut parts = w.splitn(3, '?');
                Some((parts.next()?, parts.next()?, parts.next()?))
            });
        match encoded {
            Some((charset, encoding, text))
                if charset.eq_ignore_ascii_case("utf-8") && encoding.eq_ignore_ascii_case("b") =>
            {
                let bytes = base64::engine::general_purpose::STANDARD.decode(text).ok()?;
                decoded.push_str(&String::from_utf8(bytes).ok()?);
            }
            Some(_) => return None,
            None => {
                if !decoded.is_empty() {
                    decoded.push(' ');
                }
                decoded.push_str(word);
            }
        }
    }
    Some(decoded)
}

/// The body of the MIME part whose headers mention `content_type`, decoded (base64 or
/// quoted-printable, as lettre chose).
pub fn part(message: &str, content_type: &str) -> Option<String> {
    use base64::Engine;
    let message = message.replace("\r\n", "\n");
    let start = message.find(&format!("Content-Type: {content_type}"))?;
    let rest = &message[start..];
    let (headers, body) = rest.split_once("\n\n")?;
    let body = body.split("\n--").next()?.trim();
    if headers.contains("Content-Transfer-Encoding: base64") {
        let joined: String = body.lines().collect();
        String::from_utf8(base64::engine::general_purpose::STANDARD.decode(joined).ok()?).ok()
    } else if headers.contains("Content-Transfer-Encoding: quoted-printable") {
        let joined = body.replace("=\n", "");
        let mut bytes = Vec::new();
        let raw = joined.as_bytes();
        let mut i = 0;
        while i < raw.len() {
            if raw[i] == b'=' && i + 2 < raw.len() + 1 {
                if let Ok(byte) = u8::from_str_radix(std::str::from_utf8(&raw[i + 1..(i + 3).min(raw.len())]).ok()?, 16)
                {
                    bytes.push(byte);
                    i += 3;
                    continue;
                }
            }
            bytes.push(raw[i]);
            i += 1;
        }
        String::from_utf8(bytes).ok()
    } else {
        Some(body.to_owned())
    }
}

on_both_databases! {
    async fn the_booking_confirmation_arrives_in_text_and_html_with_a_calendar_that_parses(
        app: TestApp,
        settings = |s| s.mail = MailTransport::Smtp { url: smtp_url(*SMTP_BOOKING) }
    ) {
        let smtp = SmtpServer::start(*SMTP_BOOKING).await;
        let fields = [
            ("sede", "segretariato-sociale"), ("argomento", "aiuti-economici"), ("giorno", "2026-03-03"), ("ora", "09:30"),
            ("nome", "Anna"), ("cognome", "Rossi"), ("email", "anna.rossi@example.it"), ("telefono", ""),
            ("codice_fiscale", ""), ("lingua", "it"), ("accessibilita", ""), ("motivo", ""), ("privacy", "si"),
        ];
        let summary = app.post_form("/prenota", &fields).await;
        let draft = summary.headers()["location"].to_str().unwrap().rsplit('=').next().unwrap().to_owned();
        assert_eq!(app.post_form("/prenota/riepilogo", &[("bozza", &draft)]).await.status(), 303);

        let messages = smtp.wait_for(1).await;
        let message = &messages[0];
        assert_eq!(header(message, "Subject"), Some("Il tuo appuntamento presso il Segretariato Sociale"));
        let text = part(message, "text/plain").expect("a plain text part");
        let html = part(message, "text/html").expect("an HTML part");
        assert!(text.contains("martedì 3 marzo 2026, dalle 9:30 alle 10:00"), "{text}");
        assert!(html.contains("martedì 3 marzo 2026, dalle 9:30 alle 10:00"));
        assert!(html.contains("<html lang=\"it\" dir=\"ltr\">") && html.contains("<a href=\"http"));
        for neutral in [&text, &html] {
            assert!(!neutral.contains("Aiuti economici"), "the topic never appears");
        }
        let ics = part(message, "text/calendar").expect("the calendar file");
        let calendar: icalendar::Calendar = ics.parse().expect("the .ics parses");
        let event = calendar.components.iter().find_map(|c| c.as_event()).expect("one event");
        use icalendar::Component;
        assert_eq!(event.get_summary(), Some("Appuntamento presso il Segretariato Sociale"));
        assert_eq!(
            event.get_start(),
            Some(icalendar::DatePerhapsTime::DateTime(icalendar::CalendarDateTime::Utc(
                chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 3, 3, 8, 30, 0).unwrap()
            )))
        );
    }
}

static SMTP_BOOKING: std::sync::LazyLock<u16> = std::sync::LazyLock::new(free_port);

on_both_databases! {
    async fn a_booking_made_in_chinese_leaves_over_smtp_in_chinese_then_italian(
        app: TestApp,
        settings = |s| s.mail = MailTransport::Smtp { url: smtp_url(*SMTP_CHINESE) }
    ) {
        let smtp = SmtpServer::start(*SMTP_CHINESE).await;
        let fields = [
            ("sede", "segretariato-sociale"), ("argomento", "figli-e-famiglia"), ("giorno", "2026-03-03"), ("ora", "09:30"),
            ("nome", "丽华"), ("cognome", "王"), ("email", "lihua.wang@example.it"), ("telefono", ""),
            ("codice_fiscale", ""), ("lingua", "zh"), ("accessibilita", ""), ("motivo", ""), ("privacy", "si"),
        ];
        let summary = app.post_form("/zh/prenota", &fields).await;
        assert_eq!(summary.status(), 303);
        let draft = summary.headers()["location"].to_str().unwrap().rsplit('=').next().unwrap().to_owned();
        assert_eq!(app.post_form("/zh/prenota/riepilogo", &[("bozza", &draft)]).await.status(), 303);

        let messages = smtp.wait_for(1).await;
        let message = &messages[0];
        assert_eq!(
            decoded_header(message, "Subject").as_deref(),
            Some("您在社会事务秘书处的面谈预约 / Il tuo appuntamento presso il Segretariato Sociale"),
            "the subject, encoded on the wire, reads in both languages"
        );
        let text = part(message, "text/plain").expect("a plain text part");
        let (chinese, italian) = text.split_once("———— Italiano ————").expect("the Italian after the Chinese");
        assert!(chinese.contains("王") && chinese.contains("2026年3月3日"), "{chinese}");
        assert!(chinese.contains("/zh/prenota/gestisci?t="), "the private link opens in Chinese");
        assert!(italian.contains("martedì 3 marzo 2026"), "{italian}");
        let html = part(message, "text/html").expect("an HTML part");
        assert!(html.contains("<html lang=\"zh-Hans\" dir=\"ltr\">"), "the HTML says its language");
        let (_, italian_html) = html.split_once("<div lang=\"it\" dir=\"ltr\">").expect("and marks the Italian as Italian");
        assert!(italian_html.contains("martedì 3 marzo 2026") && !italian_html.contains("2026年"));
        let ics = part(message, "text/calendar").expect("the calendar file");
        let calendar: icalendar::Calendar = ics.parse().expect("the .ics parses");
        let event = calendar.components.iter().find_map(|c| c.as_event()).expect("one event");
        use icalendar::Component;
        assert_eq!(event.get_summary(), Some("社会事务秘书处面谈 / Appuntamento presso il Segretariato Sociale"));
    }
}

static SMTP_CHINESE: std::sync::LazyLock<u16> = std::sync::LazyLock::new(free_port);
