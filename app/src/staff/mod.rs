//! The back office's own screens (`/operatori`): each role's home and menu, one's own account's
//! security, and the administrators' screens (accounts, offices, registers, the audit trail,
//! undelivered emails). Who is signed in
//! and what they may do is the `access` part's; the frame of every back-office page is
//! `layout::back_office`.
//!
//! The pages read their address's query once, when they are made. Links to the same page with
//! another query (another office, another entry to edit, older rows) still carry
//! `rel="external"`, from when a client-side router ran in the browser; since the move to islands
//! every link is a full page load, so the attribute changes nothing.

pub mod audit_page;
pub mod mail_problems;
pub mod offices;
pub mod pages;
pub mod registers;
pub mod security;
pub mod users;

pub mod demo;

pub const SECURITY_PATH: &str = "/operatori/sicurezza";
pub const PASSWORD_PATH: &str = "/operatori/sicurezza/password";
pub const MAIL_PATH: &str = "/operatori/posta";
pub const AUDIT_PATH: &str = "/operatori/registro";
pub const AUDIT_VERIFY_PATH: &str = "/operatori/registro/verifica";
pub const USERS_PATH: &str = "/operatori/utenti";
pub const USER_STATE_PATH: &str = "/operatori/utenti/stato";
pub const USER_PASSWORD_PATH: &str = "/operatori/utenti/password";
pub const USER_TOTP_PATH: &str = "/operatori/utenti/codice";
pub const USER_ROLES_PATH: &str = "/operatori/utenti/ruoli";
pub const USER_ROLE_REMOVE_PATH: &str = "/operatori/utenti/ruoli/togli";
pub const ROLE_POLICY_PATH: &str = "/operatori/utenti/criteri";
pub const REGISTERS_PATH: &str = "/operatori/elenchi";
pub const REGISTER_COMUNE_PATH: &str = "/operatori/elenchi/comuni";
pub const REGISTER_UNIT_PATH: &str = "/operatori/elenchi/unita";
pub const REGISTER_TOPIC_PATH: &str = "/operatori/elenchi/argomenti";
pub const OFFICES_PATH: &str = "/operatori/sedi";
pub const OFFICE_RULES_PATH: &str = "/operatori/sedi/regole";
pub const OFFICE_HOURS_PATH: &str = "/operatori/sedi/orari";
pub const OFFICE_CLOSURE_PATH: &str = "/operatori/sedi/chiusure";
pub const OFFICE_CLOSURE_DELETE_PATH: &str = "/operatori/sedi/chiusure/elimina";
