//! Catalogue queries.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::editor::Kind;
use super::{markdown, Access, Catalogue, ServiceCard, ServiceDetail, Topic, Wording};
use crate::db::Db;
use crate::i18n::Language;
use crate::on_db;

/// The condition that keeps, of a page's translations into a language (`t`), the newest version.
pub const NEWEST_TRANSLATION: &str = "t.number = (SELECT MAX(x.number) FROM content_translations x
     WHERE x.kind = t.kind AND x.record_id = t.record_id AND x.language = t.language)";

/// A page's published translation, as citizens read it.
pub struct Translation {
    /// Field name → text, as the translation editor saved it.
    pub texts: BTreeMap<String, String>,
    /// The Italian was published again after the version this translates.
    pub outdated: bool,
}

impl Translation {
    pub fn text(&self, field: &str) -> String {
        self.texts.get(field).cloned().unwrap_or_default()
    }
}

/// The newest translation into `language` of every page of `kind` (or of the one page `record`),
/// by page id. Nothing for Italian, the original.
pub async fn translations(
    db: &Db,
    kind: Kind,
    language: Language,
    record: Option<i64>,
) -> Result<HashMap<i64, Translation>, sqlx::Error> {
    if language == Language::Italian {
        return Ok(HashMap::new());
    }
    let mut sql = format!(
        "SELECT t.record_id, t.content, t.italian_number,
                (SELECT COALESCE(MAX(r.number), 0) FROM content_revisions r
                  WHERE r.kind = t.kind AND r.record_id = t.record_id) AS italian_now
           FROM content_translations t
          WHERE t.kind = $1 AND t.language = $2 AND {NEWEST_TRANSLATION}"
    );
    if record.is_some() {
        sql.push_str(" AND t.record_id = $3");
    }
    let rows: Vec<(i64, String, i64, i64)> = on_db!(db, pool => {
        let mut query = sqlx::query_as(&sql).bind(kind.key()).bind(language.code());
        if let Some(id) = record {
            query = query.bind(id);
        }
        query.fetch_all(pool).await?
    });
    Ok(rows
        .into_iter()
        .filter_map(|(id, content, italian_number, italian_now)| {
            let texts = serde_json::from_str(&content).ok()?;
            Some((
                id,
                Translation {
                    texts,
                    outdated: italian_number < italian_now,
                },
            ))
        })
        .collect())
}

/// How a page's own texts read in `language`, given its translation there, if any.
pub fn wording(language: Language, translation: Option<&Translation>) -> Wording {
    match (language, translation) {
        (Language::Italian, _) => Wording::Original,
        (_, Some(translation)) => Wording::Translated {
            outdated: translation.outdated,
        },
        (_, None) => Wording::Untranslated,
    }
}

#[derive(sqlx::FromRow)]
struct CardRow {
    id: i64,
    slug: String,
    title: String,
    summary: String,
    category: String,
    keywords: String,
}

/// How well a matching service answers the words: a word in the title counts most, then in the
/// keywords people use, then in the summary. The body only decides whether it matches at all.
fn relevance(row: &CardRow, stems: &[String]) -> usize {
    let weigh = |text: &str, weight: usize| {
        let own = super::search::stems(text);
        stems
            .iter()
            .filter(|s| own.iter().any(|o| o.starts_with(s.as_str())))
            .count()
            * weight
    };
    weigh(&row.title, 4) + weigh(&row.keywords, 2) + weigh(&row.summary, 1)
}

#[derive(sqlx::FromRow)]
struct TopicRow {
    service_id: i64,
    slug: String,
    name: String,
}

#[derive(sqlx::FromRow)]
struct DetailRow {
    id: i64,
    slug: String,
    title: String,
    summary: String,
    category: String,
    unit: Option<String>,
    access: String,
    updated_on: NaiveDate,
}

/// The matching services (all words must match; category and topic when given), the categories and
/// the topics, in four queries whatever the number of services.
pub async fn catalogue(
    db: &Db,
    stems: &[String],
    category: Option<&str>,
    topic: Option<&str>,
    language: Language,
) -> Result<Catalogue, sqlx::Error> {
    let mut sql =
        String::from("SELECT s.id, s.slug, s.title, s.summary, s.category, s.keywords FROM services s WHERE s.active");
    let mut binds: Vec<String> = Vec::new();
    // On a page in another language, a word may be in the Italian or in the service's translation
    // (the language is bound once, with the first word).
    let mut language_bind: Option<usize> = None;
    for stem in stems {
        binds.push(format!("% {stem}%"));
        let n = binds.len();
        if language == Language::Italian {
            sql.push_str(&format!(" AND s.search_text LIKE ${n}"));
        } else {
            let l = *language_bind.get_or_insert_with(|| {
                binds.push(language.code().to_owned());
                binds.len()
            });
            sql.push_str(&format!(
                " AND (s.search_text LIKE ${n} OR EXISTS (SELECT 1 FROM content_translations t
                        WHERE t.kind = 'servizio' AND t.record_id = s.id AND t.language = ${l}
                          AND {NEWEST_TRANSLATION} AND t.search_text LIKE ${n}))"
            ));
        }
    }
    if let Some(category) = category {
        binds.push(category.to_owned());
        sql.push_str(&format!(" AND s.category = ${}", binds.len()));
    }
    if let Some(topic) = topic {
        binds.push(topic.to_owned());
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM service_topics st JOIN topics t ON t.id = st.topic_id
                           WHERE st.service_id = s.id AND t.slug = ${})",
            binds.len()
        ));
    }
    sql.push_str(" ORDER BY s.position, s.title");

    let translated = translations(db, Kind::Service, language, None).await?;
    on_db!(db, pool => {
        let mut query = sqlx::query_as::<_, CardRow>(&sql);
        for value in &binds {
            query = query.bind(value);
        }
        let mut rows: Vec<CardRow> = query.fetch_all(pool).await?;
        // Where translated, the words the page shows are the translation's, and so weighs the search.
        for row in &mut rows {
            if let Some(translation) = translated.get(&row.id) {
                row.title = translation.text("titolo");
                row.summary = translation.text("sommario");
                row.keywords = translation.text("parole_chiave");
            }
        }
        // Stable: equally relevant services keep the catalogue's order.
        rows.sort_by_key(|row| std::cmp::Reverse(relevance(row, stems)));
        let topics_of: Vec<TopicRow> = sqlx::query_as(
            "SELECT st.service_id, t.slug, t.name FROM service_topics st JOIN topics t ON t.id = st.topic_id
              ORDER BY t.name",
        )
        .fetch_all(pool)
        .await?;
        let categories: Vec<(String,)> =
            sqlx::query_as("SELECT DISTINCT category FROM services WHERE active ORDER BY category").fetch_all(pool).await?;
        let topics: Vec<(String, String)> = sqlx::query_as(
            "SELECT DISTINCT t.slug, t.name FROM topics t JOIN service_topics st ON st.topic_id = t.id
               JOIN services s ON s.id = st.service_id WHERE s.active ORDER BY t.name",
        )
        .fetch_all(pool)
        .await?;
        Ok(Catalogue {
            services: rows
                .into_iter()
                .map(|row| ServiceCard {
                    topics: topics_for(row.id, &topics_of),
                    wording: wording(language, translated.get(&row.id)),
                    title: row.title,
                    summary: row.summary,
                    slug: row.slug,
                    category: row.category,
                })
                .collect(),
            categories: categories.into_iter().map(|(c,)| c).collect(),
            topics: topics.into_iter().map(|(slug, name)| Topic { slug, name }).collect(),
        })
    })
}

fn topics_for(service_id: i64, all: &[TopicRow]) -> Vec<Topic> {
    all.iter()
        .filter(|t| t.service_id == service_id)
        .map(|t| Topic {
            slug: t.slug.clone(),
            name: t.name.clone(),
        })
        .collect()
}

/// One active service with its sections rendered to safe HTML, in `language` where translated.
pub async fn service(
    db: &Db,
    slug: &str,
    language: Language,
    now: chrono::DateTime<chrono::Utc>,
    public_url: &str,
) -> Result<Option<ServiceDetail>, sqlx::Error> {
    let found = on_db!(db, pool => {
        let Some(row) = sqlx::query_as::<_, DetailRow>(
            "SELECT s.id, s.slug, s.title, s.summary, s.category, u.name AS unit, s.access, s.updated_on
               FROM services s LEFT JOIN units u ON u.id = s.unit_id
              WHERE s.slug = $1 AND s.active",
        )
        .bind(slug)
        .fetch_optional(pool)
        .await?
        else {
            return Ok(None);
        };
        let sections: Vec<(String, String)> =
            sqlx::query_as("SELECT section, body_markdown FROM service_sections WHERE service_id = $1")
                .bind(row.id)
                .fetch_all(pool)
                .await?;
        let topics: Vec<TopicRow> = sqlx::query_as(
            "SELECT st.service_id, t.slug, t.name FROM service_topics st JOIN topics t ON t.id = st.topic_id
              WHERE st.service_id = $1 ORDER BY t.name",
        )
        .bind(row.id)
        .fetch_all(pool)
        .await?;
        (row, sections, topics)
    });
    let (row, sections, topics) = found;
    let translation = translations(db, Kind::Service, language, Some(row.id))
        .await?
        .remove(&row.id);
    let site = crate::organisation::store::site_info(db, now).await?;
    let sections = super::WRITTEN_SECTIONS
        .iter()
        .filter_map(|(key, _, _)| {
            let text = match &translation {
                Some(translation) => Some(translation.text(key)).filter(|text| !text.is_empty()),
                None => sections.iter().find(|(k, _)| k == key).map(|(_, md)| md.clone()),
            };
            text.map(|md| ((*key).to_owned(), markdown::to_safe_html(&md)))
        })
        .collect();
    Ok(Some(ServiceDetail {
        topics: topics_for(row.id, &topics),
        wording: wording(language, translation.as_ref()),
        slug: row.slug,
        title: translation.as_ref().map_or(row.title, |t| t.text("titolo")),
        summary: translation.as_ref().map_or(row.summary, |t| t.text("sommario")),
        category: row.category,
        unit: row.unit,
        access: Access::from_code(&row.access).unwrap_or(Access::Appointment),
        updated_on: row.updated_on.format("%d/%m/%Y").to_string(),
        sections,
        offices: site.offices,
        operator: site.organisation.name,
        area_served: site.comuni,
        booking_url: format!("{public_url}{}", super::pages::booking_link(slug)),
    }))
}
