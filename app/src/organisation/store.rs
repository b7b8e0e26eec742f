//! Queries about the organisation, its comuni, units and offices.

use chrono::NaiveTime;

use super::{Office, OpeningWindow, Organisation, SiteInfo, Unit};
use crate::db::Db;
use crate::on_db;

#[derive(sqlx::FromRow)]
struct OfficeRow {
    id: i64,
    slug: String,
    name: String,
    comune: Option<String>,
    address: String,
    phone: String,
    email: String,
}

#[derive(sqlx::FromRow)]
struct WindowRow {
    office_id: i64,
    weekday: i64,
    opens: NaiveTime,
    closes: NaiveTime,
}

/// Everything the public pages show about the service, in four small queries.
pub async fn site_info(db: &Db) -> Result<SiteInfo, sqlx::Error> {
    on_db!(db, pool => {
        let organisation: (String, String, String, String) =
            sqlx::query_as("SELECT name, address, phone, email FROM organisation WHERE id = 1")
                .fetch_one(pool)
                .await?;
        let comuni: Vec<(String,)> =
            sqlx::query_as("SELECT name FROM comuni WHERE active ORDER BY name").fetch_all(pool).await?;
        let units: Vec<(String, String, String)> =
            sqlx::query_as("SELECT code, name, description FROM units WHERE active ORDER BY position, name")
                .fetch_all(pool)
                .await?;
        let offices: Vec<OfficeRow> = sqlx::query_as(
            "SELECT o.id, o.slug, o.name, c.name AS comune, o.address, o.phone, o.email
               FROM offices o LEFT JOIN comuni c ON c.id = o.comune_id
              WHERE o.active ORDER BY o.name",
        )
        .fetch_all(pool)
        .await?;
        let windows: Vec<WindowRow> = sqlx::query_as(
            "SELECT h.office_id, h.weekday, h.opens, h.closes
               FROM office_hours h JOIN offices o ON o.id = h.office_id
              WHERE o.active ORDER BY h.office_id, h.weekday, h.opens",
        )
        .fetch_all(pool)
        .await?;
        Ok(assemble(organisation, comuni, units, offices, windows))
    })
}

fn assemble(
    organisation: (String, String, String, String),
    comuni: Vec<(String,)>,
    units: Vec<(String, String, String)>,
    offices: Vec<OfficeRow>,
    windows: Vec<WindowRow>,
) -> SiteInfo {
    let (name, address, phone, email) = organisation;
    SiteInfo {
        organisation: Organisation {
            name,
            address,
            phone,
            email,
        },
        comuni: comuni.into_iter().map(|(name,)| name).collect(),
        units: units
            .into_iter()
            .map(|(code, name, description)| Unit {
                code,
                name,
                description,
            })
            .collect(),
        offices: offices
            .into_iter()
            .map(|row| Office {
                hours: windows
                    .iter()
                    .filter(|w| w.office_id == row.id)
                    .map(|w| OpeningWindow {
                        weekday: u8::try_from(w.weekday).unwrap_or(0),
                        opens: w.opens,
                        closes: w.closes,
                    })
                    .collect(),
                id: row.id,
                slug: row.slug,
                name: row.name,
                comune: row.comune,
                address: row.address,
                phone: row.phone,
                email: row.email,
            })
            .collect(),
    }
}

/// The organisation's name, shown in every page's header.
pub async fn organisation_name(db: &Db) -> Result<String, sqlx::Error> {
    on_db!(db, pool => sqlx::query_scalar("SELECT name FROM organisation WHERE id = 1").fetch_one(pool).await)
}

/// Where messages for the service itself go (e.g. a "richiedi assistenza" form).
pub async fn organisation_email(db: &Db) -> Result<String, sqlx::Error> {
    on_db!(db, pool => sqlx::query_scalar("SELECT email FROM organisation WHERE id = 1").fetch_one(pool).await)
}
