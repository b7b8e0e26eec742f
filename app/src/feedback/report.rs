//! `/operatori/valutazioni`: what citizens said of the public pages ("Quanto sono chiare le
//! informazioni su questa pagina?"), page by page, so whoever writes the pages sees which ones
//! confuse people and why. Comments are free text a citizen may have filled with personal data:
//! each visit records the ids of the comments it showed.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use super::REPORT_PATH;
use crate::access::permissions::Permission;
use crate::access::Me;
use crate::error::AppError;
use crate::layout::back_office::{Loaded, StaffBar, StaffOnly};

/// How many days the report covers unless asked otherwise.
pub const DEFAULT_DAYS: i64 = 90;
/// The newest comments shown.
pub const COMMENTS_SHOWN: i64 = 50;

/// One page's ratings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PageRatings {
    pub page: String,
    pub count: i64,
    /// The mean of 1–5 stars, one decimal.
    pub average: f64,
    /// The answers of people who found it unclear, most frequent first, as (label, count).
    pub difficulties: Vec<(String, i64)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    pub page: String,
    pub when: String,
    pub rating: i64,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FeedbackReport {
    pub days: i64,
    pub pages: Vec<PageRatings>,
    pub comments: Vec<Comment>,
}

pub async fn load_feedback_report(days: i64) -> Result<FeedbackReport, AppError> {
    store::report(days).await
}

#[component]
pub fn FeedbackReportPage() -> impl IntoView {
    view! { <StaffOnly title="Valutazioni delle pagine" permission=Permission::ManageContent signed_in=|me| view! { <Report me /> } /> }
}

#[component]
fn Report(me: Me) -> impl IntoView {
    let days = use_query_map().with_untracked(|q| {
        q.get("giorni")
            .and_then(|d| d.parse::<i64>().ok())
            .filter(|d| (1..=3660).contains(d))
            .unwrap_or(DEFAULT_DAYS)
    });
    let data = Resource::new(move || days, load_feedback_report);
    view! {
        <StaffBar me />
        <div class="container">
            <h1>"Valutazioni delle pagine"</h1>
            <form method="get" action=REPORT_PATH class="row g-2 align-items-end mb-4">
                <div class="col-auto">
                    <label for="campo-giorni" class="form-label fw-semibold">"Ultimi giorni"</label>
                    <input id="campo-giorni" name="giorni" type="number" min="1" max="3660" class="form-control" value=days.to_string() />
                </div>
                <div class="col-auto"><button type="submit" class="btn btn-outline-primary">"Mostra"</button></div>
            </form>
            <Loaded data body=|report| view! { <ReportBody report /> } />
        </div>
    }
}

#[component]
fn ReportBody(report: FeedbackReport) -> impl IntoView {
    let FeedbackReport { days, pages, comments } = report;
    if pages.is_empty() {
        return view! { <p>{format!("Nessuna valutazione negli ultimi {days} giorni.")}</p> }.into_any();
    }
    view! {
        <div class="table-responsive">
            <table class="table">
                <caption>{format!("Valutazioni degli ultimi {days} giorni, dalle pagine giudicate meno chiare")}</caption>
                <thead><tr><th scope="col">"Pagina"</th><th scope="col">"Valutazioni"</th><th scope="col">"Media (da 1 a 5)"</th><th scope="col">"Che cosa non era chiaro"</th></tr></thead>
                <tbody>
                    {pages.into_iter().map(|page| view! {
                        <tr>
                            <td><a href=page.page.clone()>{page.page.clone()}</a></td>
                            <td>{page.count}</td>
                            <td>{format!("{:.1}", page.average).replace('.', ",")}</td>
                            <td>{page.difficulties.iter().map(|(label, n)| format!("{label} ({n})")).collect::<Vec<_>>().join("; ")}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <h2 class="mt-5">"Commenti più recenti"</h2>
        {if comments.is_empty() {
            view! { <p>"Nessun commento."</p> }.into_any()
        } else {
            view! {
                <ul class="list-unstyled">
                    {comments.into_iter().map(|comment| view! {
                        <li class="mb-3">
                            <p class="mb-0 small">{comment.when}" — "{comment.page}" — "{comment.rating}" su 5"</p>
                            <blockquote class="mb-0">{comment.text}</blockquote>
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
    .into_any()
}

/// The ratings of the last days, by page.
pub mod store {
    use chrono::{DateTime, Duration, Utc};
    use chrono_tz::Europe::Rome;

    use super::*;
    use crate::access::auth;
    use crate::audit::Entry;
    use crate::audit::RecordKind;
    use crate::dates::{clock, day_and_month};
    use crate::feedback::DIFFICULTIES;
    use crate::on_db;
    use crate::state::AppState;

    pub async fn report(days: i64) -> Result<FeedbackReport, AppError> {
        let (_, user) = auth::permitted(Permission::ManageContent).await?;
        let state = AppState::current();
        let now = state.clock.now();
        let days = days.clamp(1, 3660);
        let since = now - Duration::days(days);
        let begin = state.db.begin_writing();
        let (pages, reasons, comments) = on_db!(&state.db, pool => {
            let mut tx = pool.begin_with(begin).await?;
            // The mean as a float on both databases (SQLite's AVG is a REAL, PostgreSQL's a NUMERIC).
            let pages: Vec<(String, i64, f64)> = sqlx::query_as(
                "SELECT page_path, COUNT(*), CAST(AVG(rating) AS DOUBLE PRECISION) AS average FROM page_feedback
                  WHERE created_at >= $1 GROUP BY page_path ORDER BY average, COUNT(*) DESC, page_path",
            )
            .bind(since)
            .fetch_all(&mut *tx)
            .await?;
            let reasons: Vec<(String, String, i64)> = sqlx::query_as(
                "SELECT page_path, reason, COUNT(*) FROM page_feedback
                  WHERE created_at >= $1 AND reason IS NOT NULL AND rating <= 3
                  GROUP BY page_path, reason ORDER BY COUNT(*) DESC, reason",
            )
            .bind(since)
            .fetch_all(&mut *tx)
            .await?;
            let comments: Vec<(i64, String, DateTime<Utc>, i64, String)> = sqlx::query_as(
                "SELECT id, page_path, created_at, rating, comment FROM page_feedback
                  WHERE created_at >= $1 AND comment IS NOT NULL AND comment <> ''
                  ORDER BY created_at DESC, id DESC LIMIT $2",
            )
            .bind(since)
            .bind(COMMENTS_SHOWN)
            .fetch_all(&mut *tx)
            .await?;
            crate::audit!(
                &mut *tx,
                &state.audit_key,
                now,
                Entry::new(user.actor(), "valutazioni.elenco").records(RecordKind::Rating, comments.iter().map(|c| c.0))
            )?;
            tx.commit().await?;
            (pages, reasons, comments)
        });
        let label = |key: &str| {
            DIFFICULTIES
                .iter()
                .find(|(k, _)| *k == key)
                .map_or(key, |(_, label)| *label)
                .to_owned()
        };
        Ok(FeedbackReport {
            days,
            pages: pages
                .into_iter()
                .map(|(page, count, average)| PageRatings {
                    difficulties: reasons
                        .iter()
                        .filter(|(p, reason, _)| *p == page && DIFFICULTIES.iter().any(|(k, _)| k == reason))
                        .map(|(_, reason, n)| (label(reason), *n))
                        .collect(),
                    page,
                    count,
                    average: (average * 10.0).round() / 10.0,
                })
                .collect(),
            comments: comments
                .into_iter()
                .map(|(_, page, at, rating, text)| {
                    let local = at.with_timezone(&Rome);
                    Comment {
                        page,
                        when: format!("{} alle {}", day_and_month(local.date_naive()), clock(local.time())),
                        rating,
                        text,
                    }
                })
                .collect(),
        })
    }
}
