//! Information page queries.

use chrono::NaiveDate;

use super::InformationPage;
use crate::catalogue::editor::Kind;
use crate::catalogue::markdown;
use crate::catalogue::store::{translations, wording};
use crate::db::Db;
use crate::i18n::Language;
use crate::on_db;

/// The page at `slug` in `language` where translated, its Markdown rendered to safe HTML (headings
/// allowed: these pages are long).
pub async fn page(db: &Db, slug: &str, language: Language) -> Result<Option<InformationPage>, sqlx::Error> {
    let row: Option<(i64, String, String, String, NaiveDate)> = on_db!(db, pool => {
        sqlx::query_as("SELECT id, title, summary, body_markdown, updated_on FROM pages WHERE slug = $1")
            .bind(slug)
            .fetch_optional(pool)
            .await?
    });
    let Some((id, title, summary, body, updated_on)) = row else {
        return Ok(None);
    };
    let translation = translations(db, Kind::Page, language, Some(id)).await?.remove(&id);
    let (title, summary, body) = match &translation {
        Some(t) => (t.text("titolo"), t.text("sommario"), t.text("testo")),
        None => (title, summary, body),
    };
    Ok(Some(InformationPage {
        title,
        summary,
        html: markdown::to_safe_html_with_headings(&body),
        updated_on: updated_on.format("%d/%m/%Y").to_string(),
        wording: wording(language, translation.as_ref()),
    }))
}
