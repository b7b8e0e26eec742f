//! The administrators' screens: offices and their hours, the registers (comuni, units, topics),
//! the audit trail, and undelivered emails.

use std::collections::{BTreeMap, HashMap};

use app::access::permissions::Permission::{ManageOffices, ManageRegisters, ReadAuditTrail, ReadMailProblems};
use app::staff::{self, audit_page, offices, registers};
use app::state::AppState;

use super::PartRoutes;

pub fn routes() -> PartRoutes {
    PartRoutes::new()
        .page(staff::OFFICES_PATH, ManageOffices)
        .form(
            staff::OFFICE_RULES_PATH,
            ManageOffices,
            office_page,
            |state: AppState, form| async move { offices::actions::save_rules(&state, form).await },
        )
        .form(
            staff::OFFICE_HOURS_PATH,
            ManageOffices,
            office_page,
            |state: AppState, form| async move { offices::actions::save_hours(&state, form).await },
        )
        .form(
            staff::OFFICE_CLOSURE_PATH,
            ManageOffices,
            office_page,
            |state: AppState, form| async move { offices::actions::add_closure(&state, form).await },
        )
        .form(
            staff::OFFICE_CLOSURE_DELETE_PATH,
            ManageOffices,
            office_page,
            |state: AppState, form| async move { offices::actions::delete_closure(&state, form).await },
        )
        .page(staff::REGISTERS_PATH, ManageRegisters)
        .form(
            staff::REGISTER_COMUNE_PATH,
            ManageRegisters,
            registers_page,
            |state: AppState, form| async move { registers::actions::save_comune(&state, form).await },
        )
        .form(
            staff::REGISTER_UNIT_PATH,
            ManageRegisters,
            registers_page,
            |state: AppState, form| async move { registers::actions::save_unit(&state, form).await },
        )
        .form(
            staff::REGISTER_TOPIC_PATH,
            ManageRegisters,
            registers_page,
            |state: AppState, form| async move { registers::actions::save_topic(&state, form).await },
        )
        .page(staff::AUDIT_PATH, ReadAuditTrail)
        .form(
            staff::AUDIT_VERIFY_PATH,
            ReadAuditTrail,
            |_| Some(staff::AUDIT_PATH.to_owned()),
            |state: AppState, _: HashMap<String, String>| async move { audit_page::actions::verify(&state).await },
        )
        .page(staff::MAIL_PATH, ReadMailProblems)
}

/// The office page a form of it came from.
fn office_page(values: &BTreeMap<String, String>) -> Option<String> {
    Some(offices::office_link(values.get("sede").map_or("", String::as_str), &[]))
}

fn registers_page(_: &BTreeMap<String, String>) -> Option<String> {
    Some(staff::REGISTERS_PATH.to_owned())
}
