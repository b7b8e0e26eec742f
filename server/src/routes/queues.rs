//! A unit's queue: social workers take requests from it; coordinators assign and give back.

use app::access::permissions::Permission::{CoordinateQueue, WorkQueue};
use app::queues;
use app::state::AppState;

use super::PartRoutes;

pub fn routes() -> PartRoutes {
    PartRoutes::new()
        .page(queues::QUEUE_PATH, WorkQueue)
        .form(
            queues::CLAIM_PATH,
            WorkQueue,
            queues::queue_page,
            |state: AppState, form| async move { queues::actions::claim(&state, form).await },
        )
        .form(
            queues::CLAIM_NEXT_PATH,
            WorkQueue,
            queues::queue_page,
            |state: AppState, form| async move { queues::actions::claim_next(&state, form).await },
        )
        // The handlers check the unit is one the person coordinates.
        .form(
            queues::ASSIGN_PATH,
            CoordinateQueue,
            queues::queue_page,
            |state: AppState, form| async move { queues::actions::assign(&state, form).await },
        )
        .form(
            queues::RETURN_PATH,
            CoordinateQueue,
            queues::queue_page,
            |state: AppState, form| async move { queues::actions::give_back(&state, form).await },
        )
}
