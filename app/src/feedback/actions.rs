//! Storing a page rating, when the form at the foot of a page is posted.

use super::FeedbackForm;
use crate::error::AppError;
use crate::forms::FormOutcome;
use crate::on_db;
use crate::state::AppState;

/// Checks the rating; if it is right, stores it and goes back to the rated page, which then thanks.
pub async fn submit(state: &AppState, form: FeedbackForm) -> Result<FormOutcome, AppError> {
    let feedback = match form.parse() {
        Ok(feedback) => feedback,
        Err(errors) => return Ok(FormOutcome::Invalid(errors)),
    };
    let now = state.clock.now();
    on_db!(&state.db, pool => {
        sqlx::query("INSERT INTO page_feedback (page_path, rating, reason, comment, created_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(&feedback.page)
            .bind(feedback.rating)
            .bind(feedback.reason)
            .bind(&feedback.comment)
            .bind(now)
            .execute(pool)
            .await?;
    });
    Ok(FormOutcome::Done {
        next: format!("{}?valutazione=grazie#valutazione", feedback.page),
    })
}
