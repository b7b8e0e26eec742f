//! The front desk books for people who phone through the same engine as the public pages: signed
//! in as an operator of the office, the steps also offer the slots inside the minimum notice (a
//! same-day appointment), and the booking records who made it. Capacity is the database's, as for
//! everyone: the desk never books over it.

use chrono::NaiveDate;

use super::store::{self, OfficeCalendar};
use crate::error::AppError;
use crate::on_db;
use crate::staff::permissions::Role;
use crate::state::AppState;

/// The staff id of the front-desk operator of office `office_slug` making this request, if it is
/// one (citizens get `None` without a database read).
pub async fn operator_for(state: &AppState, office_slug: &str) -> Result<Option<i64>, AppError> {
    let Some(user) = crate::staff::auth::current().and_then(|staff| staff.user) else {
        return Ok(None);
    };
    let desks: Vec<i64> = user
        .roles
        .iter()
        .filter(|grant| grant.role == Role::Sportello)
        .filter_map(|grant| grant.office_id)
        .collect();
    if desks.is_empty() {
        return Ok(None);
    }
    let office: Option<i64> = on_db!(&state.db, pool => sqlx::query_scalar("SELECT id FROM offices WHERE slug = $1")
        .bind(office_slug)
        .fetch_optional(pool)
        .await?);
    Ok(office.filter(|id| desks.contains(id)).map(|_| user.id))
}

/// The office's calendar as the current visitor may book it: the desk skips the minimum notice.
pub async fn calendar(
    state: &AppState,
    office_slug: &str,
    today: NaiveDate,
) -> Result<Option<OfficeCalendar>, AppError> {
    let Some(mut calendar) = store::office_calendar(&state.db, office_slug, today).await? else {
        return Ok(None);
    };
    if operator_for(state, office_slug).await?.is_some() {
        calendar.rules.min_notice_hours = 0;
    }
    Ok(Some(calendar))
}
