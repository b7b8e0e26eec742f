//! First-start seeding: what a new installation needs to begin, applied exactly once.
//!
//! The database remembers that it was seeded (the `installation` row `first_start_seed`), so later
//! starts neither duplicate the data nor bring back what an administrator deleted. The marker is
//! written first, in the same transaction as the data: when two processes start together on an empty
//! database, the second waits on the marker and then finds it taken.

use app::clock::Clock;
use app::db::Db;
use app::on_db;
use app::staff::demo::{add_demo_accounts, ensure_first_admin, FirstAdmin, FIRST_ADMIN_USERNAME};
use chrono::NaiveTime;
use serde::Deserialize;

use crate::config::Settings;
use crate::startup::StartupError;

const BUILT_IN_SEED: &str = include_str!("../seed/first-start.toml");
const SEED_MARKER: &str = "first_start_seed";
const CATALOGUE_MARKER: &str = "seed:catalogue";
const PHONE_LINES_MARKER: &str = "seed:phone_lines";
const BOOKING_MARKER: &str = "seed:booking";

/// The information pages a new installation starts with (`seed/pages/`).
const PAGE_FILES: [(&str, &str); 5] = [
    (
        "informativa-privacy",
        include_str!("../seed/pages/informativa-privacy.toml"),
    ),
    (
        "dichiarazione-di-accessibilita",
        include_str!("../seed/pages/dichiarazione-di-accessibilita.toml"),
    ),
    ("note-legali", include_str!("../seed/pages/note-legali.toml")),
    (
        "domande-frequenti",
        include_str!("../seed/pages/domande-frequenti.toml"),
    ),
    (
        "condizioni-di-servizio",
        include_str!("../seed/pages/condizioni-di-servizio.toml"),
    ),
];

/// One information page as written in `seed/pages/<slug>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedPage {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub updated: chrono::NaiveDate,
    pub body: String,
}

/// The built-in information pages, parsed and checked.
pub fn built_in_pages() -> Result<Vec<SeedPage>, String> {
    PAGE_FILES
        .iter()
        .map(|(name, text)| {
            let page: SeedPage = toml::from_str(text).map_err(|e| format!("seed/pages/{name}.toml: {e}"))?;
            if page.slug != *name {
                return Err(format!("seed/pages/{name}.toml has slug {}", page.slug));
            }
            Ok(page)
        })
        .collect()
}

/// The service pages a new installation starts with, one file a service (`seed/services/`).
const SERVICE_FILES: [(&str, &str); 12] = [
    (
        "segretariato-sociale",
        include_str!("../seed/services/segretariato-sociale.toml"),
    ),
    (
        "servizio-minori-e-famiglia",
        include_str!("../seed/services/servizio-minori-e-famiglia.toml"),
    ),
    (
        "sostegno-educativo",
        include_str!("../seed/services/sostegno-educativo.toml"),
    ),
    (
        "incontri-protetti",
        include_str!("../seed/services/incontri-protetti.toml"),
    ),
    (
        "sostegno-psicologico",
        include_str!("../seed/services/sostegno-psicologico.toml"),
    ),
    (
        "affido-familiare",
        include_str!("../seed/services/affido-familiare.toml"),
    ),
    (
        "inserimento-in-comunita",
        include_str!("../seed/services/inserimento-in-comunita.toml"),
    ),
    (
        "minori-e-procedimento-penale",
        include_str!("../seed/services/minori-e-procedimento-penale.toml"),
    ),
    (
        "indagini-autorita-giudiziaria",
        include_str!("../seed/services/indagini-autorita-giudiziaria.toml"),
    ),
    (
        "aiuti-economici-e-assegni",
        include_str!("../seed/services/aiuti-economici-e-assegni.toml"),
    ),
    (
        "integrazione-socio-lavorativa",
        include_str!("../seed/services/integrazione-socio-lavorativa.toml"),
    ),
    (
        "welfare-generativo",
        include_str!("../seed/services/welfare-generativo.toml"),
    ),
];

/// One service page as written in `seed/services/<slug>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedService {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub category: String,
    pub topics: Vec<String>,
    /// A unit code, or "segretariato" when the Segretariato Sociale itself answers.
    pub unit: String,
    pub access: String,
    #[serde(default)]
    pub keywords: Vec<String>,
    pub updated: chrono::NaiveDate,
    pub sections: SeedSections,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedSections {
    pub a_chi_e_rivolto: String,
    pub come_fare: String,
    pub cosa_serve: String,
    pub cosa_si_ottiene: String,
    pub tempi_e_scadenze: String,
    pub costi_e_condizioni: String,
}

impl SeedSections {
    /// (section key, Markdown), in page order.
    pub fn all(&self) -> [(&'static str, &str); 6] {
        [
            ("a_chi_e_rivolto", &self.a_chi_e_rivolto),
            ("come_fare", &self.come_fare),
            ("cosa_serve", &self.cosa_serve),
            ("cosa_si_ottiene", &self.cosa_si_ottiene),
            ("tempi_e_scadenze", &self.tempi_e_scadenze),
            ("costi_e_condizioni", &self.costi_e_condizioni),
        ]
    }
}

/// The built-in service pages, parsed and checked.
pub fn built_in_services() -> Result<Vec<SeedService>, String> {
    SERVICE_FILES
        .iter()
        .map(|(name, text)| {
            let service: SeedService = toml::from_str(text).map_err(|e| format!("seed/services/{name}.toml: {e}"))?;
            if service.slug != *name {
                return Err(format!("seed/services/{name}.toml has slug {}", service.slug));
            }
            if app::catalogue::Access::from_code(&service.access).is_none() {
                return Err(format!("seed/services/{name}.toml: unknown access {}", service.access));
            }
            Ok(service)
        })
        .collect()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seed {
    organisation: SeedOrganisation,
    #[serde(default)]
    comuni: Vec<SeedComune>,
    #[serde(default)]
    units: Vec<SeedUnit>,
    #[serde(default)]
    offices: Vec<SeedOffice>,
    #[serde(default)]
    phone_lines: Vec<SeedPhoneLine>,
    #[serde(default)]
    booking_topics: Vec<SeedBookingTopic>,
}

/// What a citizen may book an appointment for, the unit it hints at, and the services whose
/// "Prenota un appuntamento" pre-selects it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedBookingTopic {
    slug: String,
    name: String,
    #[serde(default)]
    hint: String,
    /// A unit's code; absent for "non so".
    unit: Option<String>,
    #[serde(default)]
    services: Vec<String>,
}

/// How an office takes appointments online.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedBookingRules {
    slot_minutes: i64,
    capacity: i64,
    horizon_days: i64,
    min_notice_hours: i64,
    cancel_cutoff_hours: i64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedPhoneLine {
    name: String,
    number: String,
    #[serde(default)]
    hours: Vec<SeedWindow>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedPatron {
    name: String,
    month: i64,
    day: i64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedOrganisation {
    name: String,
    kind: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    email: String,
    patron: Option<SeedPatron>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedComune {
    name: String,
    #[serde(default)]
    province: String,
    codice_catastale: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedUnit {
    code: String,
    name: String,
    #[serde(default)]
    description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedOffice {
    slug: String,
    name: String,
    /// The codice catastale of the comune the office belongs to.
    comune: Option<String>,
    #[serde(default)]
    address: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    hours: Vec<SeedWindow>,
    booking: Option<SeedBookingRules>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedWindow {
    days: Vec<i64>,
    opens: NaiveTime,
    closes: NaiveTime,
}

impl Seed {
    /// The seed to apply: the file named by `SPORTELLO_SEED_FILE`, or the built-in one.
    pub fn load(path: Option<&std::path::Path>) -> Result<Self, StartupError> {
        let (text, origin) = match path {
            Some(path) => (
                std::fs::read_to_string(path)
                    .map_err(|e| StartupError::Seed(format!("cannot read {}: {e}", path.display())))?,
                path.display().to_string(),
            ),
            None => (BUILT_IN_SEED.to_owned(), "the built-in seed".to_owned()),
        };
        let seed: Seed = toml::from_str(&text).map_err(|e| StartupError::Seed(format!("{origin}: {e}")))?;
        seed.check().map_err(|e| StartupError::Seed(format!("{origin}: {e}")))?;
        Ok(seed)
    }

    fn check(&self) -> Result<(), String> {
        if let Some(patron) = &self.organisation.patron {
            if chrono::NaiveDate::from_ymd_opt(2024, patron.month as u32, patron.day as u32).is_none() {
                return Err(format!(
                    "the patron saint's day {}/{} is not a date",
                    patron.day, patron.month
                ));
            }
        }
        for line in &self.phone_lines {
            if line
                .hours
                .iter()
                .any(|w| w.opens >= w.closes || w.days.iter().any(|d| !(1..=7).contains(d)))
            {
                return Err(format!(
                    "phone line {} has an opening window that is not valid",
                    line.number
                ));
            }
        }
        for topic in &self.booking_topics {
            if let Some(unit) = &topic.unit {
                if !self.units.iter().any(|u| &u.code == unit) {
                    return Err(format!(
                        "booking topic {} names unit {unit}, which is not among [[units]]",
                        topic.slug
                    ));
                }
            }
        }
        for office in &self.offices {
            if let Some(code) = &office.comune {
                if !self
                    .comuni
                    .iter()
                    .any(|c| c.codice_catastale.as_deref() == Some(code.as_str()))
                {
                    return Err(format!(
                        "office {} names comune {code}, which is not among [[comuni]]",
                        office.slug
                    ));
                }
            }
            for window in &office.hours {
                if window.opens >= window.closes || window.days.iter().any(|d| !(1..=7).contains(d)) {
                    return Err(format!(
                        "office {} has an opening window that is not a valid range of days 1–7 and times",
                        office.slug
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Writes a seed part's marker in the open transaction `tx`; `false` when the part was seeded
/// before. Written first: a process starting at the same moment waits on this row, then finds it.
/// (A macro because each database's transaction is its own type, inside `on_db!`.)
macro_rules! claim_marker {
    ($tx:ident, $key:expr, $value:expr, $now:expr) => {
        sqlx::query_scalar::<_, String>(
            "INSERT INTO installation (key, value, recorded_at) VALUES ($1, $2, $3)
             ON CONFLICT (key) DO NOTHING RETURNING key",
        )
        .bind($key)
        .bind($value)
        .bind($now)
        .fetch_optional(&mut *$tx)
        .await?
        .is_some()
    };
}

/// What [`apply_once`] did.
#[derive(Debug, PartialEq, Eq)]
pub enum SeedOutcome {
    Applied,
    AlreadySeeded,
}

/// Applies `seed` if this database was never seeded.
pub async fn apply_once(db: &Db, clock: &dyn Clock, seed: &Seed) -> Result<SeedOutcome, sqlx::Error> {
    let now = clock.now();
    // SQLite: take the write lock up front, so two starting processes queue instead of deadlocking.
    let begin = db.begin_writing();
    on_db!(db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        if !claim_marker!(tx, SEED_MARKER, format!("seeded at first start, {}", now.to_rfc3339()), now) {
            tx.rollback().await?;
            return Ok(SeedOutcome::AlreadySeeded);
        }

        let o = &seed.organisation;
        sqlx::query(
            "INSERT INTO organisation (id, name, kind, address, phone, email, patron_name, patron_month, patron_day,
                                       created_at, updated_at)
             VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
        )
        .bind(&o.name).bind(&o.kind).bind(&o.address).bind(&o.phone).bind(&o.email)
        .bind(o.patron.as_ref().map(|p| p.name.clone()))
        .bind(o.patron.as_ref().map(|p| p.month))
        .bind(o.patron.as_ref().map(|p| p.day))
        .bind(now)
        .execute(&mut *tx)
        .await?;

        for comune in &seed.comuni {
            sqlx::query("INSERT INTO comuni (name, province, codice_catastale, created_at) VALUES ($1, $2, $3, $4)")
                .bind(&comune.name).bind(&comune.province).bind(&comune.codice_catastale).bind(now)
                .execute(&mut *tx)
                .await?;
        }

        for (position, unit) in (0_i64..).zip(&seed.units) {
            sqlx::query("INSERT INTO units (code, name, description, position, created_at) VALUES ($1, $2, $3, $4, $5)")
                .bind(&unit.code).bind(&unit.name).bind(&unit.description).bind(position).bind(now)
                .execute(&mut *tx)
                .await?;
        }

        for office in &seed.offices {
            let office_id: i64 = sqlx::query_scalar(
                "INSERT INTO offices (slug, name, comune_id, address, phone, email, created_at)
                 VALUES ($1, $2, (SELECT id FROM comuni WHERE codice_catastale = $3), $4, $5, $6, $7)
                 RETURNING id",
            )
            .bind(&office.slug).bind(&office.name).bind(&office.comune)
            .bind(&office.address).bind(&office.phone).bind(&office.email).bind(now)
            .fetch_one(&mut *tx)
            .await?;
            for window in &office.hours {
                for day in &window.days {
                    sqlx::query("INSERT INTO office_hours (office_id, weekday, opens, closes) VALUES ($1, $2, $3, $4)")
                        .bind(office_id).bind(day).bind(window.opens).bind(window.closes)
                        .execute(&mut *tx)
                        .await?;
                }
            }
        }
        tx.commit().await?;
        Ok(SeedOutcome::Applied)
    })
}

/// Adds each built-in information page once, with a marker of its own (`seed:page:<slug>`): a page
/// added in a later version reaches existing databases, and a page staff deleted never comes back.
pub async fn apply_pages_once(db: &Db, clock: &dyn Clock, pages: &[SeedPage]) -> Result<usize, sqlx::Error> {
    let now = clock.now();
    let begin = db.begin_writing();
    on_db!(db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let mut added = 0;
        for page in pages {
            if !claim_marker!(tx, format!("seed:page:{}", page.slug), page.title.clone(), now) {
                continue;
            }
            sqlx::query(
                "INSERT INTO pages (slug, title, summary, body_markdown, updated_on, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(&page.slug).bind(&page.title).bind(&page.summary).bind(page.body.trim()).bind(page.updated).bind(now)
            .execute(&mut *tx)
            .await?;
            added += 1;
        }
        tx.commit().await?;
        Ok(added)
    })
}

/// Adds the seed's phone lines once: to a new database, and to one seeded before phone lines existed.
pub async fn apply_phone_lines_once(db: &Db, clock: &dyn Clock, seed: &Seed) -> Result<SeedOutcome, sqlx::Error> {
    let now = clock.now();
    let begin = db.begin_writing();
    on_db!(db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        if !claim_marker!(tx, PHONE_LINES_MARKER, format!("{} lines", seed.phone_lines.len()), now) {
            tx.rollback().await?;
            return Ok(SeedOutcome::AlreadySeeded);
        }
        for line in &seed.phone_lines {
            let line_id: i64 = sqlx::query_scalar(
                "INSERT INTO phone_lines (name, number, created_at) VALUES ($1, $2, $3) RETURNING id",
            )
            .bind(&line.name).bind(&line.number).bind(now)
            .fetch_one(&mut *tx)
            .await?;
            for window in &line.hours {
                for day in &window.days {
                    sqlx::query("INSERT INTO phone_line_hours (phone_line_id, weekday, opens, closes) VALUES ($1, $2, $3, $4)")
                        .bind(line_id).bind(day).bind(window.opens).bind(window.closes)
                        .execute(&mut *tx)
                        .await?;
                }
            }
        }
        tx.commit().await?;
        Ok(SeedOutcome::Applied)
    })
}

/// Adds the built-in service catalogue once: to a new database, and to one seeded before the
/// catalogue existed. Like the first-start seed, a marker written first makes it happen once.
pub async fn apply_catalogue_once(
    db: &Db,
    clock: &dyn Clock,
    services: &[SeedService],
) -> Result<SeedOutcome, sqlx::Error> {
    use app::catalogue::{markdown::plain_text, search};

    let now = clock.now();
    let begin = db.begin_writing();
    on_db!(db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        if !claim_marker!(tx, CATALOGUE_MARKER, format!("{} services", services.len()), now) {
            tx.rollback().await?;
            return Ok(SeedOutcome::AlreadySeeded);
        }
        for (position, service) in (0_i64..).zip(services) {
            let sections = service.sections.all();
            let mut searchable: Vec<String> = vec![service.title.clone(), service.summary.clone()];
            searchable.extend(service.keywords.iter().cloned());
            searchable.extend(service.topics.iter().cloned());
            searchable.extend(sections.iter().map(|(_, markdown)| plain_text(markdown)));
            let searchable: Vec<&str> = searchable.iter().map(String::as_str).collect();
            let service_id: i64 = sqlx::query_scalar(
                "INSERT INTO services (slug, title, summary, category, unit_id, access, keywords, search_text,
                                       position, updated_on, created_at)
                 VALUES ($1, $2, $3, $4, (SELECT id FROM units WHERE code = $5), $6, $7, $8, $9, $10, $11)
                 RETURNING id",
            )
            .bind(&service.slug).bind(&service.title).bind(&service.summary).bind(&service.category)
            .bind(&service.unit).bind(&service.access).bind(service.keywords.join(", "))
            .bind(search::search_text(&searchable)).bind(position).bind(service.updated).bind(now)
            .fetch_one(&mut *tx)
            .await?;
            for (section, markdown) in sections {
                sqlx::query("INSERT INTO service_sections (service_id, section, body_markdown) VALUES ($1, $2, $3)")
                    .bind(service_id).bind(section).bind(markdown.trim())
                    .execute(&mut *tx)
                    .await?;
            }
            for topic in &service.topics {
                sqlx::query("INSERT INTO topics (slug, name) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING")
                    .bind(search::slugify(topic)).bind(topic)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query(
                    "INSERT INTO service_topics (service_id, topic_id) SELECT $1, id FROM topics WHERE slug = $2",
                )
                .bind(service_id).bind(search::slugify(topic))
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
        Ok(SeedOutcome::Applied)
    })
}

/// Adds what online booking needs once: the offices' booking rules, the topics a citizen picks and
/// the topic each service pre-selects. Reaches databases seeded before booking existed, too.
pub async fn apply_booking_once(db: &Db, clock: &dyn Clock, seed: &Seed) -> Result<SeedOutcome, sqlx::Error> {
    let now = clock.now();
    let begin = db.begin_writing();
    on_db!(db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        if !claim_marker!(tx, BOOKING_MARKER, format!("{} topics", seed.booking_topics.len()), now) {
            tx.rollback().await?;
            return Ok(SeedOutcome::AlreadySeeded);
        }
        for office in &seed.offices {
            let Some(rules) = &office.booking else { continue };
            sqlx::query(
                "UPDATE offices SET slot_minutes = $1, slot_capacity = $2, booking_horizon_days = $3,
                                    min_notice_hours = $4, cancel_cutoff_hours = $5
                 WHERE slug = $6",
            )
            .bind(rules.slot_minutes).bind(rules.capacity).bind(rules.horizon_days)
            .bind(rules.min_notice_hours).bind(rules.cancel_cutoff_hours).bind(&office.slug)
            .execute(&mut *tx)
            .await?;
        }
        for (position, topic) in (0_i64..).zip(&seed.booking_topics) {
            let topic_id: i64 = sqlx::query_scalar(
                "INSERT INTO booking_topics (slug, name, hint, unit_id, position)
                 VALUES ($1, $2, $3, (SELECT id FROM units WHERE code = $4), $5)
                 RETURNING id",
            )
            .bind(&topic.slug).bind(&topic.name).bind(&topic.hint).bind(&topic.unit).bind(position)
            .fetch_one(&mut *tx)
            .await?;
            for service in &topic.services {
                sqlx::query("UPDATE services SET booking_topic_id = $1 WHERE slug = $2")
                    .bind(topic_id).bind(service)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        Ok(SeedOutcome::Applied)
    })
}

/// Makes the organisation's name the one given in the environment, when one is given.
pub async fn apply_organisation_name(db: &Db, clock: &dyn Clock, name: &str) -> Result<(), sqlx::Error> {
    on_db!(db, pool => {
        sqlx::query("UPDATE organisation SET name = $1, updated_at = $2 WHERE id = 1 AND name <> $1")
            .bind(name)
            .bind(clock.now())
            .execute(pool)
            .await
            .map(|_| ())
    })
}

/// Everything a start seeds, each part at most once in the database's life: the organisation and
/// its offices, the phone lines, the service catalogue, the booking topics and rules, the
/// information pages (new ones too, on every start), the organisation's name when the settings
/// give one, the first administrator and, with `--demo`, the demonstration accounts.
pub async fn on_start(db: &Db, clock: &dyn Clock, settings: &Settings) -> Result<(), StartupError> {
    let failed = |error: sqlx::Error| StartupError::Seed(error.to_string());
    let seed = Seed::load(settings.seed_file.as_deref())?;
    let told = |outcome: SeedOutcome, what: &str| {
        if outcome == SeedOutcome::Applied {
            tracing::info!("{what}");
        }
    };
    told(
        apply_once(db, clock, &seed).await.map_err(failed)?,
        "first start: the database was seeded",
    );
    told(
        apply_phone_lines_once(db, clock, &seed).await.map_err(failed)?,
        "the phone lines were added",
    );
    let services = built_in_services().map_err(StartupError::Seed)?;
    told(
        apply_catalogue_once(db, clock, &services).await.map_err(failed)?,
        "the service catalogue was added",
    );
    told(
        apply_booking_once(db, clock, &seed).await.map_err(failed)?,
        "the booking topics and rules were added",
    );
    let pages = built_in_pages().map_err(StartupError::Seed)?;
    match apply_pages_once(db, clock, &pages).await.map_err(failed)? {
        0 => {}
        added => tracing::info!("{added} information pages were added"),
    }
    if let Some(name) = &settings.organisation_name {
        apply_organisation_name(db, clock, name).await.map_err(failed)?;
    }
    match ensure_first_admin(db, clock.now(), settings.admin_password.as_deref())
        .await
        .map_err(failed)?
    {
        FirstAdmin::Exists => {}
        FirstAdmin::CreatedWithGivenPassword => tracing::info!(
            "first start: the administrator \"{FIRST_ADMIN_USERNAME}\" was created with the password of \
             SPORTELLO_ADMIN_PASSWORD"
        ),
        FirstAdmin::CreatedWithRandomPassword(password) => tracing::warn!(
            "first start: the administrator \"{FIRST_ADMIN_USERNAME}\" was created with the password {password} \
             (shown only this once; it must be changed at the first sign-in)"
        ),
    }
    if settings.demo {
        let added = add_demo_accounts(db, clock.now()).await.map_err(failed)?;
        if added > 0 {
            tracing::info!("--demo: {added} demonstration accounts were added (see the README)");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_seed_is_valid() {
        let seed = Seed::load(None).unwrap();
        assert_eq!(seed.units.len(), 2);
        assert_eq!(seed.offices[0].hours.iter().map(|w| w.days.len()).sum::<usize>(), 9);
    }

    #[test]
    fn every_service_page_pre_selects_one_booking_topic() {
        let seed = Seed::load(None).unwrap();
        for service in built_in_services().unwrap() {
            let topics = seed
                .booking_topics
                .iter()
                .filter(|t| t.services.contains(&service.slug))
                .count();
            assert_eq!(topics, 1, "{} is pre-selected by {topics} booking topics", service.slug);
        }
        let known: Vec<String> = built_in_services().unwrap().into_iter().map(|s| s.slug).collect();
        for topic in &seed.booking_topics {
            for slug in &topic.services {
                assert!(
                    known.contains(slug),
                    "booking topic {} names unknown service {slug}",
                    topic.slug
                );
            }
        }
        assert!(
            seed.offices[0].booking.is_some(),
            "the office takes appointments online"
        );
    }

    #[test]
    fn the_built_in_services_are_valid_and_all_listed() {
        let services = built_in_services().unwrap();
        assert_eq!(services.len(), 12);
        let on_disk = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seed/services"))
            .unwrap()
            .count();
        assert_eq!(
            on_disk,
            SERVICE_FILES.len(),
            "every file in seed/services is listed in SERVICE_FILES"
        );
        for service in &services {
            for (section, markdown) in service.sections.all() {
                assert!(
                    markdown.trim().len() > 40,
                    "{}: section {section} is filled",
                    service.slug
                );
            }
            assert!(
                service.summary.chars().count() <= 160,
                "{}: summary too long",
                service.slug
            );
        }
    }

    #[test]
    fn the_built_in_pages_are_valid_and_all_listed() {
        let pages = built_in_pages().unwrap();
        let on_disk = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seed/pages"))
            .unwrap()
            .count();
        assert_eq!(on_disk, pages.len(), "every file in seed/pages is listed in PAGE_FILES");
        assert!(pages
            .iter()
            .all(|p| p.body.trim().len() > 200 && p.summary.chars().count() <= 160));
    }

    #[test]
    fn a_seed_naming_an_unknown_comune_is_refused() {
        let text = BUILT_IN_SEED.replace("comune = \"C707\"", "comune = \"Z999\"");
        let path = std::env::temp_dir().join(format!("sportello-seed-{}.toml", std::process::id()));
        std::fs::write(&path, text).unwrap();
        let error = Seed::load(Some(&path)).unwrap_err().to_string();
        std::fs::remove_file(&path).ok();
        assert!(error.contains("Z999"), "{error}");
    }
}
