//! The coordinators' dashboard: queues, workloads and court deadlines of the units they coordinate.

use app::access::permissions::Permission::CoordinateQueue;

use super::PartRoutes;

pub fn routes() -> PartRoutes {
    // The page shows only the units the person coordinates.
    PartRoutes::new().page(app::dashboard::DASHBOARD_PATH, CoordinateQueue)
}
