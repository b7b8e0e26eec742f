//! First-start seeding: what a new installation needs to begin, applied exactly once.
//!
//! The database remembers that it was seeded (the `installation` row `first_start_seed`), so later
//! starts neither duplicate the data nor bring back what an administrator deleted. The marker is
//! written first, in the same transaction as the data: when two processes start together on an empty
//! database, the second waits on the marker and then finds it taken.

use app::clock::Clock;
use app::db::Db;
use app::on_db;
use chrono::NaiveTime;
use serde::Deserialize;

use crate::startup::StartupError;

const BUILT_IN_SEED: &str = include_str!("../seed/first-start.toml");
const SEED_MARKER: &str = "first_start_seed";

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
    let begin = db.backend().pick("BEGIN IMMEDIATE", "BEGIN");
    on_db!(db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let marked: Option<String> = sqlx::query_scalar(
            "INSERT INTO installation (key, value, recorded_at) VALUES ($1, $2, $3)
             ON CONFLICT (key) DO NOTHING RETURNING key",
        )
        .bind(SEED_MARKER)
        .bind(format!("seeded at first start, {}", now.to_rfc3339()))
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        if marked.is_none() {
            tx.rollback().await?;
            return Ok(SeedOutcome::AlreadySeeded);
        }

        let o = &seed.organisation;
        sqlx::query(
            "INSERT INTO organisation (id, name, kind, address, phone, email, created_at, updated_at)
             VALUES (1, $1, $2, $3, $4, $5, $6, $6)",
        )
        .bind(&o.name).bind(&o.kind).bind(&o.address).bind(&o.phone).bind(&o.email).bind(now)
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
    fn a_seed_naming_an_unknown_comune_is_refused() {
        let text = BUILT_IN_SEED.replace("comune = \"C707\"", "comune = \"Z999\"");
        let path = std::env::temp_dir().join(format!("sportello-seed-{}.toml", std::process::id()));
        std::fs::write(&path, text).unwrap();
        let error = Seed::load(Some(&path)).unwrap_err().to_string();
        std::fs::remove_file(&path).ok();
        assert!(error.contains("Z999"), "{error}");
    }
}
