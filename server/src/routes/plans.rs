//! A case's help plan: goals, interventions and their steps, the plan's own steps, and closing the
//! case (asked by the team, decided by the unit's coordinator, which the handler checks).

use app::access::permissions::Permission::CaseFiles;
use app::cases::plans;
use app::state::AppState;

use super::PartRoutes;

pub fn routes() -> PartRoutes {
    PartRoutes::new()
        .page(plans::PLAN_PATH, CaseFiles)
        .form(
            plans::GOALS_PATH,
            CaseFiles,
            plans::plan_page,
            |state: AppState, form| async move { plans::actions::save_goals(&state, form).await },
        )
        .form(
            plans::INTERVENTION_PATH,
            CaseFiles,
            plans::plan_page,
            |state: AppState, form| async move { plans::actions::add_intervention(&state, form).await },
        )
        .form(
            plans::INTERVENTION_STEP_PATH,
            CaseFiles,
            plans::plan_page,
            |state: AppState, form| async move { plans::actions::intervention_step(&state, form).await },
        )
        .form(
            plans::PLAN_STEP_PATH,
            CaseFiles,
            plans::plan_page,
            |state: AppState, form| async move { plans::actions::plan_step(&state, form).await },
        )
        .form(
            plans::PLAN_MOVE_PATH,
            CaseFiles,
            plans::plan_page,
            |state: AppState, form| async move { plans::actions::plan_step(&state, form).await },
        )
        .form(
            plans::CLOSURE_PATH,
            CaseFiles,
            plans::plan_page,
            |state: AppState, form| async move { plans::actions::request_closure(&state, form).await },
        )
        .form(
            plans::CLOSURE_DECISION_PATH,
            CaseFiles,
            plans::plan_page,
            |state: AppState, form| async move { plans::actions::decide_closure(&state, form).await },
        )
}
