//! Information page queries.

use chrono::NaiveDate;

use super::InformationPage;
use crate::catalogue::markdown;
use crate::db::Db;
use crate::on_db;

/// The page at `slug`, its Markdown rendered to safe HTML (headings allowed: these pages are long).
pub async fn page(db: &Db, slug: &str) -> Result<Option<InformationPage>, sqlx::Error> {
    let row: Option<(String, String, String, NaiveDate)> = on_db!(db, pool => {
        sqlx::query_as("SELECT title, summary, body_markdown, updated_on FROM pages WHERE slug = $1")
            .bind(slug)
            .fetch_optional(pool)
            .await?
    });
    Ok(row.map(|(title, summary, body, updated_on)| InformationPage {
        title,
        summary,
        html: markdown::to_safe_html_with_headings(&body),
        updated_on: updated_on.format("%d/%m/%Y").to_string(),
    }))
}
