//! Every address the server answers, declared part by part. Each file here is one product part's
//! addresses: its pages (rendered by the application's router), its forms and files, and the
//! permission each needs. Start-up merges them into one router, and the access layer's permission
//! table is built from the same declarations, so an address is written once (its constant in the
//! part) and cannot be served without a permission, or listed without being served.
//!
//! Deny by default still holds: an address that no part declares is refused to everyone by the
//! access layer, and the integration tests' hand-written matrix checks each declaration again.

use std::collections::BTreeMap;
use std::future::Future;
use std::sync::OnceLock;

use app::access::permissions::Permission;
use app::error::AppError;
use app::forms::FormOutcome;
use app::state::AppState;
use axum::routing::MethodRouter;
use axum::Router;
use serde::de::DeserializeOwned;

use crate::forms;

mod administration;
mod area;
mod assistance;
pub mod booking;
mod cases;
mod catalogue;
mod dashboard;
mod desk;
mod feedback;
pub mod operations;
mod plans;
mod public;
mod queues;
mod staff;
mod triage;

/// A part's addresses: the handlers the server runs for them, and the permission each needs.
/// Pages themselves are rendered by the application's router (`app::site`); here they get their
/// permission and, when a form posts to the page's own address, the form's handler.
#[derive(Default)]
pub struct PartRoutes {
    router: Router<AppState>,
    table: Vec<(&'static str, Permission)>,
    /// The pages declared without a handler of their own: the application's router must render them.
    pages: Vec<&'static str>,
}

/// Which page a form's fields say it was sent from, to render again when something must be
/// corrected (`None`: the form's own address).
pub type PageOf = fn(&BTreeMap<String, String>) -> Option<String>;

impl PartRoutes {
    pub fn new() -> Self {
        Self::default()
    }

    /// A page of the application, which `permission` may see.
    pub fn page(mut self, path: &'static str, permission: Permission) -> Self {
        self.table.push((path, permission));
        self.pages.push(path);
        self
    }

    /// A page whose form posts to the page itself; `submit` is the form's effect.
    pub fn page_with_form<I, F, Fut>(self, path: &'static str, permission: Permission, submit: F) -> Self
    where
        I: DeserializeOwned + Send + 'static,
        F: Fn(AppState, I) -> Fut + Clone + Send + Sync + 'static,
        Fut: Future<Output = Result<FormOutcome, AppError>> + Send + 'static,
    {
        self.page(path, permission)
            .handled(path, forms::no_js_form(path, submit))
    }

    /// The same, for a page whose address alone does not say which page to show again (`page_of`
    /// rebuilds it from the form's fields: a step of the booking, a case).
    pub fn page_with_form_shown_at<I, F, Fut>(
        self,
        path: &'static str,
        permission: Permission,
        page_of: PageOf,
        submit: F,
    ) -> Self
    where
        I: DeserializeOwned + Send + 'static,
        F: Fn(AppState, I) -> Fut + Clone + Send + Sync + 'static,
        Fut: Future<Output = Result<FormOutcome, AppError>> + Send + 'static,
    {
        self.page(path, permission)
            .handled(path, forms::no_js_form_on_page(path, page_of, submit))
    }

    /// A form with an address of its own, which lives on the page `page_of` finds from its fields
    /// (shown again there when something must be corrected).
    pub fn form<I, F, Fut>(self, path: &'static str, permission: Permission, page_of: PageOf, submit: F) -> Self
    where
        I: DeserializeOwned + Send + 'static,
        F: Fn(AppState, I) -> Fut + Clone + Send + Sync + 'static,
        Fut: Future<Output = Result<FormOutcome, AppError>> + Send + 'static,
    {
        self.route(path, permission, forms::no_js_form_on_page(path, page_of, submit))
    }

    /// An address the server answers with `handler` (a file, the health check), which `permission`
    /// may use.
    pub fn route(mut self, path: &'static str, permission: Permission, handler: MethodRouter<AppState>) -> Self {
        self.table.push((path, permission));
        self.handled(path, handler)
    }

    fn handled(mut self, path: &'static str, handler: MethodRouter<AppState>) -> Self {
        self.router = self.router.route(path, handler);
        self
    }

    fn merge(mut self, other: PartRoutes) -> Self {
        self.table.extend(other.table);
        self.pages.extend(other.pages);
        self.router = self.router.merge(other.router);
        self
    }
}

/// Every part's addresses, in the order of the site: the public site, then the back office.
fn all_parts() -> PartRoutes {
    PartRoutes::new()
        .merge(operations::routes())
        .merge(public::routes())
        .merge(catalogue::routes())
        .merge(assistance::routes())
        .merge(feedback::routes())
        .merge(booking::routes())
        .merge(area::routes())
        .merge(staff::routes())
        .merge(administration::routes())
        .merge(desk::routes())
        .merge(triage::routes())
        .merge(queues::routes())
        .merge(dashboard::routes())
        .merge(cases::routes())
        .merge(plans::routes())
}

/// The handlers of every part, for start-up to add the application's pages and layers to.
pub fn router() -> Router<AppState> {
    all_parts().router
}

/// The permission table: every address the server answers, as its router writes it, with the
/// permission it needs.
pub fn table() -> &'static [(&'static str, Permission)] {
    static TABLE: OnceLock<Vec<(&'static str, Permission)>> = OnceLock::new();
    TABLE.get_or_init(|| all_parts().table)
}

/// The permission a route pattern needs, or `None` for a route nobody may use.
pub fn permission_of(route: &str) -> Option<Permission> {
    table()
        .iter()
        .find(|(pattern, _)| *pattern == route)
        .map(|(_, permission)| *permission)
}

/// The permission the concrete address `path` needs, or `None` for an address that is no route
/// (nobody may use it).
pub fn permission_of_path(path: &str) -> Option<Permission> {
    table()
        .iter()
        .find(|(pattern, _)| app::links::route_matches(pattern, path))
        .map(|(_, permission)| *permission)
}

/// Every route pattern the server answers: the application's pages and the parts' own routes.
pub fn served() -> Vec<String> {
    let mut routes: Vec<String> = pages().into_iter().collect();
    routes.extend(table().iter().map(|(path, _)| (*path).to_owned()));
    routes.sort();
    routes.dedup();
    routes
}

/// The application's pages, as its router writes their patterns.
fn pages() -> std::collections::BTreeSet<String> {
    leptos_axum::generate_route_list(app::App)
        .iter()
        .map(|route| route.path().to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_address_is_declared_once() {
        let mut seen = std::collections::HashSet::new();
        for (route, _) in table() {
            assert!(seen.insert(*route), "{route} is declared twice");
        }
    }

    #[test]
    fn every_declared_page_is_one_the_application_renders() {
        let rendered = pages();
        for page in all_parts().pages {
            assert!(
                rendered.contains(page),
                "{page} is declared as a page, but the application's router has no such page"
            );
        }
    }

    #[test]
    fn every_page_of_the_application_is_declared_with_its_permission() {
        let declared: std::collections::BTreeSet<&str> = table().iter().map(|(path, _)| *path).collect();
        for page in pages() {
            assert!(
                declared.contains(page.as_str()),
                "the page {page} is in the application's router but no part declares it"
            );
        }
    }

    #[test]
    fn concrete_addresses_find_their_route() {
        assert_eq!(
            permission_of_path("/servizi/affido-familiare"),
            Some(Permission::Public)
        );
        assert_eq!(permission_of_path("/operatori/utenti"), Some(Permission::ManageStaff));
        assert_eq!(permission_of_path("/servizi/"), None);
        assert_eq!(permission_of_path("/operatori/utenti/"), None);
        assert_eq!(permission_of_path("/operatori/utenti/x"), None);
    }
}
