//! `--demo`: a working day already under way, so that a newcomer signed in as each demonstration
//! account finds work on their home page instead of empty lists.
//!
//! Nothing here writes to a table. Every step is one of the functions a person's request reaches —
//! a family books through the booking flow, the desk marks arrivals in the agenda and registers
//! requests after the interview, the social worker takes requests from the queue and writes in the
//! case file — with the clock set to when it would have happened. The audit trail, the outbox,
//! the queues and the dashboard's weeks therefore show it exactly as they would show real use.
//!
//! The families are plainly invented (their surnames say so); their phone numbers are zeros, and
//! the few email addresses end in `.invalid`, which no mail server delivers to (the mail worker
//! gives them up at once: the desk's page of undelivered emails shows them). Done once: a database that already holds them is
//! left alone, so restarting with `--demo` adds nothing.

use std::future::Future;
use std::sync::Arc;

use app::access::auth::{self, StaffRequest};
use app::booking::confirm;
use app::booking::details::DetailsForm;
use app::booking::slots::{self, BookingRules, Slot};
use app::booking::{Booker, ConfirmForm};
use app::cases::plans::{ClosureDecisionForm, ClosureForm, GoalsForm, InterventionForm, PlanStepForm};
use app::cases::NoteForm;
use app::clock::ManualClock;
use app::desk::VisitForm;
use app::error::AppError;
use app::feedback::FeedbackForm;
use app::forms::FormOutcome;
use app::on_db;
use app::queues::ClaimForm;
use app::state::AppState;
use chrono::{DateTime, Datelike, Duration, Utc};
use chrono_tz::Europe::Rome;
use leptos::prelude::{provide_context, Owner};
use leptos::reactive::computed::ScopedFuture;

use crate::config::Settings;
use crate::startup::StartupError;

/// The surname every demonstration family shares a word with, and what tells a database already
/// filled.
const MARKER_SURNAME: &str = "Inventata";

/// Plainly invented surnames (each says so), given names and what brings a family: the
/// demonstration's families are made from them, a different one at each booking.
const SURNAMES: [&str; 12] = [
    MARKER_SURNAME,
    "Fittizio",
    "Esempio",
    "Immaginario",
    "Prova",
    "Campione",
    "Finzione",
    "Modello",
    "Ipotetico",
    "Simulato",
    "Fantasia",
    "Supposto",
];
const PARENTS: [&str; 12] = [
    "Marta", "Giulio", "Elena", "Luca", "Anna", "Paolo", "Chiara", "Davide", "Sara", "Marco", "Irene", "Stefano",
];
const CHILDREN: [&str; 12] = [
    "Pietro", "Aurora", "Tommaso", "Sofia", "Leo", "Giada", "Matteo", "Alice", "Nicolò", "Emma", "Filippo", "Greta",
];
const REASONS: [&str; 6] = [
    "Vorrei capire come aiutare mio figlio, che non vuole più andare a scuola.",
    "Dopo la separazione chiedo un sostegno per organizzare gli incontri con i figli.",
    "Ho perso il lavoro e non riesco a pagare la mensa e l'affitto.",
    "Mia figlia ha una disabilità e cerco aiuto per il doposcuola.",
    "Sono sola con un bambino piccolo e vorrei sapere quali aiuti ci sono.",
    "Mio figlio adolescente è seguito dalla neuropsichiatria: vorrei un incontro.",
];

/// A demonstration family: the parent who books (name, surname, birth date), their child (name,
/// birth date), and what brings them.
struct Family {
    parent: (&'static str, &'static str, String),
    child: (&'static str, String),
    reason: &'static str,
}

impl Family {
    /// The `n`th family, different from every other below 144.
    fn nth(n: usize) -> Self {
        let surname = SURNAMES[n % 12];
        let round = n / 12;
        Family {
            parent: (
                PARENTS[(round + 5 * n) % 12],
                surname,
                format!("{}-0{}-1{}", 1975 + n % 18, 1 + n % 9, n % 9),
            ),
            child: (
                CHILDREN[(round + 7 * n) % 12],
                format!("{}-1{}-0{}", 2010 + n % 13, n % 3, 1 + n % 9),
            ),
            reason: REASONS[n % REASONS.len()],
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("the demonstration day could not be made: {0}")]
    Step(String),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

impl From<AppError> for DemoError {
    fn from(error: AppError) -> Self {
        DemoError::Step(error.to_string())
    }
}

/// What the demonstration added.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Filled {
    pub bookings: usize,
    pub requests: usize,
    pub cases: usize,
}

/// At a start with `--demo` (unless `--demo-day` is off): the demonstration day, once.
pub async fn on_start(state: &AppState, settings: &Settings) -> Result<(), StartupError> {
    if !(settings.demo && settings.demo_day) {
        return Ok(());
    }
    match fill_once(state).await {
        Ok(Some(filled)) => tracing::info!(
            "--demo: a working day was made ({} bookings, {} requests, {} cases)",
            filled.bookings,
            filled.requests,
            filled.cases
        ),
        Ok(None) => {}
        Err(error) => return Err(StartupError::Seed(error.to_string())),
    }
    Ok(())
}

/// Fills the demonstration day, unless an earlier start did.
pub async fn fill_once(state: &AppState) -> Result<Option<Filled>, DemoError> {
    let filled: i64 = on_db!(&state.db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM persons WHERE family_name = $1")
        .bind(MARKER_SURNAME)
        .fetch_one(pool)
        .await)?;
    if filled > 0 {
        return Ok(None);
    }
    let script = Script::new(state).await?;
    script.run().await.map(Some)
}

/// The demonstration's world: the office and units it works in, and its own clock.
struct Script {
    base: AppState,
    clock: ManualClock,
    now: DateTime<Utc>,
    office_slug: String,
    office_id: i64,
    topic_slug: String,
    topic_id: i64,
    comune: i64,
    minori: i64,
    welfare: i64,
}

impl Script {
    async fn new(state: &AppState) -> Result<Self, DemoError> {
        let db = &state.db;
        let (office_id, office_slug): (i64, String) = on_db!(db, pool => sqlx::query_as("SELECT id, slug FROM offices ORDER BY id LIMIT 1").fetch_one(pool).await)?;
        let (topic_id, topic_slug): (i64, String) = on_db!(db, pool => sqlx::query_as(
            "SELECT id, slug FROM booking_topics WHERE active ORDER BY position, id LIMIT 1"
        )
        .fetch_one(pool)
        .await)?;
        let comune: i64 = on_db!(db, pool => sqlx::query_scalar("SELECT MIN(id) FROM comuni").fetch_one(pool).await)?;
        let unit = |code: &'static str| async move {
            on_db!(db, pool => sqlx::query_scalar::<_, i64>("SELECT id FROM units WHERE code = $1").bind(code).fetch_one(pool).await)
        };
        let now = state.clock.now();
        Ok(Self {
            base: state.clone(),
            clock: ManualClock::at(now),
            now,
            office_slug,
            office_id,
            topic_slug,
            topic_id,
            comune,
            minori: unit("minori").await?,
            welfare: unit("welfare_generativo").await?,
        })
    }

    /// The application as it was at `at`.
    fn at(&self, at: DateTime<Utc>) -> AppState {
        self.clock.set(at);
        AppState {
            clock: Arc::new(self.clock.clone()),
            ..self.base.clone()
        }
    }

    /// Does one step of the day as the demonstration account `username` would by a request of
    /// theirs at `at`: the same permission checks, the same audit rows (without a browser session,
    /// which no step needs). The step's form must be accepted.
    async fn act<F>(
        &self,
        username: &str,
        at: DateTime<Utc>,
        step: &str,
        work: impl FnOnce(AppState) -> F,
    ) -> Result<(), DemoError>
    where
        F: Future<Output = Result<FormOutcome, AppError>>,
    {
        let state = self.at(at);
        let user = app::access::accounts::by_username(&state.db, username)
            .await?
            .ok_or_else(|| DemoError::Step(format!("the demonstration account {username} is missing")))?;
        let staff = StaffRequest {
            session: None,
            user: Some(user),
            expired: false,
            client: None,
        };
        let outcome = in_context(&state, auth::with_staff(staff, work(state.clone()))).await?;
        done(outcome, step)
    }

    async fn run(&self) -> Result<Filled, DemoError> {
        let mut filled = Filled::default();
        let today = self.now.with_timezone(&Rome).date_naive();
        let calendar = app::booking::desk::calendar(&self.base, &Booker::Citizen, &self.office_slug, today)
            .await?
            .ok_or_else(|| DemoError::Step("the first office takes no bookings".to_owned()))?;
        // The office's slots from eight weeks ago to the end of next week, oldest first.
        let this_monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
        let mut slots: Vec<Slot> = Vec::new();
        let mut day = this_monday - Duration::weeks(7);
        while day < this_monday + Duration::weeks(2) {
            slots.extend(slots::slots_on(&calendar.schedule(), &calendar.rules, day));
            day += Duration::days(1);
        }
        let mut order = 0usize;
        let mut taken: Vec<(i64, DateTime<Utc>)> = Vec::new();
        // Six past weeks: two interviews a week, each registered and sent to a unit; the social
        // worker takes the Servizio Minori's the next day and writes the first note.
        for week in 0..6 {
            let monday = this_monday - Duration::weeks(7 - week);
            let in_week: Vec<&Slot> = slots
                .iter()
                .filter(|s| s.local_start.date() >= monday && s.local_start.date() < monday + Duration::weeks(1))
                .collect();
            for slot in in_week.iter().step_by(in_week.len().div_ceil(2).max(1)).take(2) {
                order += 1;
                let family = &Family::nth(order - 1);
                let Some(booking) = self.book(&calendar.rules, slot, family, order).await? else {
                    continue;
                };
                filled.bookings += 1;
                self.mark(slot, booking, "arrivato").await?;
                let unit = if order.is_multiple_of(3) {
                    self.welfare
                } else {
                    self.minori
                };
                let request = self.register(slot, booking, family, unit, "ordinaria").await?;
                filled.requests += 1;
                if unit == self.minori {
                    let case = self.take(slot.ends_at + Duration::days(1), request, unit).await?;
                    filled.cases += 1;
                    self.note(slot.ends_at + Duration::days(3), case, "colloquio", family)
                        .await?;
                    taken.push((case, slot.ends_at));
                }
            }
        }
        // The oldest case has a help plan the family agreed to, under way; the next two were
        // closed with the coordinator's approval (the dashboard's weeks show them); the third
        // waits for her approval.
        if let Some(&(case, from)) = taken.first() {
            self.plan_under_way(case, from + Duration::days(4)).await?;
        }
        for &(case, from) in taken.iter().skip(1).take(2) {
            self.close(case, from + Duration::days(10), Some(from + Duration::days(12)))
                .await?;
        }
        if let Some(&(case, _)) = taken.get(3) {
            self.close(case, self.now - Duration::days(2), None).await?;
        }
        self.rate_pages().await?;
        // Now: the last interviews held (today, or the last working day) are arrived but one, whose
        // family did not come, and registered: requests wait in both units' queues, one urgent;
        // the next interviews wait on the agenda; a court mandate came in with its report due
        // next week.
        let (past, future): (Vec<&Slot>, Vec<&Slot>) = slots.iter().partition(|s| s.ends_at < self.now);
        let future: Vec<&Slot> = future.into_iter().filter(|s| s.starts_at > self.now).collect();
        for (n, slot) in past.iter().rev().take(5).rev().enumerate() {
            order += 1;
            let family = &Family::nth(order - 1);
            let Some(booking) = self.book(&calendar.rules, slot, family, order).await? else {
                continue;
            };
            filled.bookings += 1;
            if n == 0 {
                self.mark(slot, booking, "assente").await?;
                continue;
            }
            self.mark(slot, booking, "arrivato").await?;
            if n == 4 {
                // The family of the latest interview is still with the desk.
                continue;
            }
            let (unit, urgency) = match n {
                1 => (self.minori, "urgente"),
                2 => (self.welfare, "ordinaria"),
                _ => (self.minori, "prioritaria"),
            };
            self.register(slot, booking, family, unit, urgency).await?;
            filled.requests += 1;
        }
        for slot in future.iter().take(4) {
            order += 1;
            if self
                .book(&calendar.rules, slot, &Family::nth(order - 1), order)
                .await?
                .is_some()
            {
                filled.bookings += 1;
            }
        }
        // Three weeks ago a decree came for another family; the social worker took it and its
        // report is due in a few days, this week still, whatever the weekday (her home page lists
        // what is due by Sunday; the coordinator's dashboard shows it too).
        let today = self.now.with_timezone(&Rome).date_naive();
        let sunday = today + Duration::days(6 - i64::from(today.weekday().num_days_from_monday()));
        let request = self
            .mandate(
                self.now - Duration::days(21),
                &Family::nth(order),
                (today + Duration::days(4)).min(sunday),
            )
            .await?;
        let case = self.take(self.now - Duration::days(20), request, self.minori).await?;
        self.note(
            self.now - Duration::days(14),
            case,
            "visita_domiciliare",
            &Family::nth(order),
        )
        .await?;
        filled.requests += 1;
        filled.cases += 1;
        self.mandate(
            self.now - Duration::hours(2),
            &Family::nth(order + 1),
            today + Duration::days(9),
        )
        .await?;
        filled.requests += 1;
        self.clock.set(self.now);
        Ok(filled)
    }

    /// The family books `slot` through the booking flow, a few days before; the booking's id, or
    /// `None` when the slot is no longer free (someone really booked it).
    async fn book(
        &self,
        rules: &BookingRules,
        slot: &Slot,
        family: &Family,
        order: usize,
    ) -> Result<Option<i64>, DemoError> {
        let Some(booked_at) = [3, 2, 1]
            .into_iter()
            .map(|days| slot.starts_at - Duration::days(days))
            .find(|at| slots::is_bookable(rules, slot, *at))
        else {
            return Ok(None);
        };
        let state = self.at(booked_at);
        let (given, family_name, _) = &family.parent;
        let form = DetailsForm {
            sede: self.office_slug.clone(),
            argomento: self.topic_slug.clone(),
            giorno: slot.local_start.date().format("%Y-%m-%d").to_string(),
            ora: slot.local_start.time().format("%H:%M").to_string(),
            nome: (*given).to_owned(),
            cognome: (*family_name).to_owned(),
            // Most families leave a phone number (plainly not a real one); one in four an email
            // address at a reserved domain no mail server delivers to, so the desk's page of
            // undelivered emails has a few.
            email: if order % 4 == 1 {
                format!("famiglia.{}.{order}@esempio.invalid", family_name.to_lowercase())
            } else {
                String::new()
            },
            telefono: if order % 4 == 1 {
                String::new()
            } else {
                format!("000 0000 {order:03}")
            },
            codice_fiscale: String::new(),
            lingua: "it".to_owned(),
            interprete: None,
            accessibilita: String::new(),
            motivo: family.reason.to_owned(),
            privacy: Some("si".to_owned()),
        };
        let draft = match in_context(&state, confirm::submit_details(&state, &Booker::Citizen, form)).await? {
            FormOutcome::Done { next } => next.rsplit("bozza=").next().unwrap_or_default().to_owned(),
            FormOutcome::Invalid(_) => return Ok(None),
        };
        match in_context(
            &state,
            confirm::confirm(&state, &Booker::Citizen, ConfirmForm { bozza: draft.clone() }),
        )
        .await?
        {
            FormOutcome::Done { .. } => {}
            FormOutcome::Invalid(_) => return Ok(None),
        }
        let booking: i64 = on_db!(&state.db, pool => sqlx::query_scalar("SELECT booking_id FROM booking_drafts WHERE id = $1")
            .bind(&draft)
            .fetch_one(pool)
            .await)?;
        Ok(Some(booking))
    }

    /// The desk marks the family arrived (or absent) a few minutes into the interview.
    async fn mark(&self, slot: &Slot, booking: i64, visit: &str) -> Result<(), DemoError> {
        let form = VisitForm {
            id: booking,
            stato: visit.to_owned(),
            sede: self.office_id.to_string(),
            giorno: slot.local_start.date().format("%Y-%m-%d").to_string(),
        };
        self.act(
            "sportello",
            slot.starts_at + Duration::minutes(5),
            "marking a visit",
            |state| async move { app::desk::actions::mark(&state, form).await },
        )
        .await
    }

    /// After the interview the desk registers the request, with the family, and sends it to `unit`.
    async fn register(
        &self,
        slot: &Slot,
        booking: i64,
        family: &Family,
        unit: i64,
        urgency: &str,
    ) -> Result<i64, DemoError> {
        let mut fields = self.family_fields(family, unit, urgency);
        fields.extend([
            ("origine", "appuntamento".to_owned()),
            ("prenotazione", booking.to_string()),
            ("note", format!("Primo colloquio (dimostrazione). {}", family.reason)),
        ]);
        self.save_request(slot.ends_at + Duration::minutes(10), fields).await
    }

    /// A decree of the juvenile court arrives by certified mail at `at`: the desk registers it for
    /// the Servizio Minori, with the report due on `report_due`.
    async fn mandate(
        &self,
        at: DateTime<Utc>,
        family: &Family,
        report_due: chrono::NaiveDate,
    ) -> Result<i64, DemoError> {
        let today = at.with_timezone(&Rome).date_naive();
        let mut fields = self.family_fields(family, self.minori, "prioritaria");
        fields.extend([
            ("origine", "mandato".to_owned()),
            (
                "tribunale",
                "Tribunale per i Minorenni di Milano (dimostrazione)".to_owned(),
            ),
            ("decreto_numero", "DEMO-1/2026".to_owned()),
            (
                "decreto_data",
                (today - Duration::days(3)).format("%Y-%m-%d").to_string(),
            ),
            ("richiesta_ag", "indagine psico-sociale".to_owned()),
            ("scadenza", report_due.format("%Y-%m-%d").to_string()),
            ("note", "Decreto arrivato per PEC (dimostrazione).".to_owned()),
        ]);
        self.save_request(at, fields).await
    }

    /// The request form's fields for `family`: where they live, the parent and the child, the
    /// need, the urgency and the unit.
    fn family_fields(&self, family: &Family, unit: i64, urgency: &str) -> Vec<(&'static str, String)> {
        let (given, surname, born) = &family.parent;
        let (child, child_born) = &family.child;
        vec![
            ("comune", self.comune.to_string()),
            ("p1_ruolo", "genitore".to_owned()),
            ("p1_nome", (*given).to_owned()),
            ("p1_cognome", (*surname).to_owned()),
            ("p1_nascita", born.clone()),
            ("p2_ruolo", "figlio".to_owned()),
            ("p2_nome", (*child).to_owned()),
            ("p2_cognome", (*surname).to_owned()),
            ("p2_nascita", child_born.clone()),
            ("argomento", self.topic_id.to_string()),
            ("urgenza", urgency.to_owned()),
            ("unita", unit.to_string()),
            // Should the service already know someone of the family, the desk says it is them.
            ("p1_stessa", "si".to_owned()),
            ("p2_stessa", "si".to_owned()),
        ]
    }

    async fn save_request(&self, at: DateTime<Utc>, fields: Vec<(&'static str, String)>) -> Result<i64, DemoError> {
        let fields: std::collections::HashMap<String, String> = fields
            .into_iter()
            .map(|(name, value)| (name.to_owned(), value))
            .collect();
        let db = &self.base.db;
        let before: i64 =
            on_db!(db, pool => sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM requests").fetch_one(pool).await)?;
        self.act("sportello", at, "registering a request", |state| async move {
            app::triage::actions::save(&state, fields).await
        })
        .await?;
        Ok(
            on_db!(db, pool => sqlx::query_scalar("SELECT MAX(id) FROM requests WHERE id > $1").bind(before).fetch_one(pool).await)?,
        )
    }

    /// The social worker takes the request from the unit's queue; the case's id.
    async fn take(&self, at: DateTime<Utc>, request: i64, unit: i64) -> Result<i64, DemoError> {
        let form = ClaimForm {
            id: request,
            unita: unit.to_string(),
        };
        self.act("assistente", at, "taking a request", |state| async move {
            app::queues::actions::claim(&state, form).await
        })
        .await?;
        let case: Option<i64> = on_db!(&self.base.db, pool => sqlx::query_scalar("SELECT case_id FROM requests WHERE id = $1")
            .bind(request)
            .fetch_one(pool)
            .await)?;
        case.ok_or_else(|| DemoError::Step("a request taken has no case".to_owned()))
    }

    /// The social worker writes in the case's diary.
    async fn note(&self, at: DateTime<Utc>, case: i64, kind: &str, family: &Family) -> Result<(), DemoError> {
        let form = NoteForm {
            caso: case,
            relazione: String::new(),
            tipo: kind.to_owned(),
            data: at.with_timezone(&Rome).date_naive().format("%Y-%m-%d").to_string(),
            testo: format!(
                "Colloquio con {} (dimostrazione): concordato un secondo incontro con {}.",
                family.parent.0, family.child.0
            ),
        };
        self.act("assistente", at, "writing a note", |state| async move {
            app::cases::actions::add_note(&state, form).await
        })
        .await
    }
}

impl Script {
    /// The social worker writes the plan's goals and an intervention, proposes it, records the family's yes and starts
    /// it, a few days apart from `from`.
    async fn plan_under_way(&self, case: i64, from: DateTime<Utc>) -> Result<(), DemoError> {
        let day = |at: DateTime<Utc>| at.with_timezone(&Rome).date_naive().format("%Y-%m-%d").to_string();
        let goals = GoalsForm {
            caso: case,
            obiettivi: "Frequenza scolastica regolare entro tre mesi; un incontro al mese con la famiglia e la \
                        scuola (dimostrazione)."
                .to_owned(),
            revisione: day(from + Duration::days(90)),
        };
        self.act("assistente", from, "writing a plan's goals", |state| async move {
            app::cases::plans::actions::save_goals(&state, goals).await
        })
        .await?;
        let intervention = InterventionForm {
            caso: case,
            intervento: "sostegno_socio_educativo".to_owned(),
            chi: "Educatrice del servizio: due pomeriggi a settimana a casa e a scuola (dimostrazione).".to_owned(),
            inizio: day(from + Duration::days(7)),
            base: "consenso".to_owned(),
            mandato: String::new(),
        };
        self.act("assistente", from, "adding an intervention", |state| async move {
            app::cases::plans::actions::add_intervention(&state, intervention).await
        })
        .await?;
        for (at, action, answer) in [
            (from + Duration::days(1), "proponi", ""),
            (from + Duration::days(3), "risposta", "approva"),
            (from + Duration::days(4), "avvia", ""),
        ] {
            let step = PlanStepForm {
                caso: case,
                azione: action.to_owned(),
                risposta: answer.to_owned(),
                data_risposta: if answer.is_empty() { String::new() } else { day(at) },
                ..PlanStepForm::default()
            };
            self.act("assistente", at, "moving a plan on", |state| async move {
                app::cases::plans::actions::plan_step(&state, step).await
            })
            .await?;
        }
        Ok(())
    }

    /// The social worker proposes to close `case` at `asked`; the coordinator approves at
    /// `approved`, or has not yet.
    async fn close(&self, case: i64, asked: DateTime<Utc>, approved: Option<DateTime<Utc>>) -> Result<(), DemoError> {
        let form = ClosureForm {
            caso: case,
            motivo_chiusura: "Obiettivi raggiunti: la famiglia è seguita dalla rete (dimostrazione).".to_owned(),
        };
        self.act("assistente", asked, "asking to close a case", |state| async move {
            app::cases::plans::actions::request_closure(&state, form).await
        })
        .await?;
        if let Some(at) = approved {
            let decision = ClosureDecisionForm {
                caso: case,
                decisione: "approva".to_owned(),
                nota_decisione: String::new(),
            };
            self.act("coordinatrice", at, "approving a closure", |state| async move {
                app::cases::plans::actions::decide_closure(&state, decision).await
            })
            .await?;
        }
        Ok(())
    }

    /// Citizens rate a few pages with the rating form at their foot.
    async fn rate_pages(&self) -> Result<(), DemoError> {
        for (days_ago, page, rating, comment) in [
            (20, "/servizi/affido-familiare", "5", "Chiaro e completo."),
            (12, "/prenota", "4", ""),
            (
                6,
                "/servizi/aiuti-economici-e-assegni",
                "2",
                "Non ho capito quali documenti servono.",
            ),
            (1, "/", "4", ""),
        ] {
            let form = FeedbackForm {
                pagina: page.to_owned(),
                voto: rating.to_owned(),
                motivo: None,
                commento: comment.to_owned(),
            };
            let state = self.at(self.now - Duration::days(days_ago));
            let outcome = in_context(&state, app::feedback::actions::submit(&state, form)).await?;
            done(outcome, "rating a page")?;
        }
        Ok(())
    }
}

/// Runs `work` with `state` where the application's functions look for it (the context a page
/// or server function is rendered in).
async fn in_context<T>(state: &AppState, work: impl Future<Output = T>) -> T {
    let owner = Owner::new();
    owner.with(|| provide_context(state.clone()));
    ScopedFuture {
        owner,
        observer: None,
        fut: work,
    }
    .await
}

fn done(outcome: FormOutcome, step: &str) -> Result<(), DemoError> {
    match outcome {
        FormOutcome::Done { .. } => Ok(()),
        FormOutcome::Invalid(errors) => Err(DemoError::Step(format!("{step}: {errors:?}"))),
    }
}
