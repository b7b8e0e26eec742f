//! The public site's reading pages: home, the service catalogue, topics, contacts and the
//! information pages. Open to everyone.

use app::access::permissions::Permission::Public;

use super::PartRoutes;

pub fn routes() -> PartRoutes {
    let routes = PartRoutes::new()
        .page(app::home::PATH, Public)
        .page(app::catalogue::LIST_PATH, Public)
        .page(app::catalogue::SERVICE_PATH, Public)
        .page(app::information::TOPICS_PATH, Public)
        .page(app::information::CONTACTS_PATH, Public)
        .page(app::information::CONDITIONS_PATH, Public);
    app::layout::FOOTER_PAGES
        .iter()
        .fold(routes, |routes, (path, _, _)| routes.page(path, Public))
}
