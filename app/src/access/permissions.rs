//! Who may do what in the back office: the roles, the permissions, and the grants between them.
//! Each address the server answers names the permission it needs where its part declares it
//! (`server/src/routes/`); the handlers ask again with [`allows`]. Deny by default: an address no
//! part declares is refused to everyone, and a permission grants nothing to a role that is not
//! listed for it in [`GRANTS`].
//!
//! Object-level rules (which office's agenda, which unit's queue, which case file) narrow these
//! grants further where those records are read; this table says which roles may try at all.

crate::vocabulary! {
    /// The staff roles of docs/domain.md. A person may hold several (e.g. social worker in two
    /// units). The key is what the database stores; the label, the role's name as staff read it.
    #[derive(PartialOrd, Ord)]
    pub enum Role {
        /// Front-desk operator of one office (sportello, Segretariato Sociale).
        Sportello = ("sportello", "Operatore di sportello"),
        /// Social worker (also psicologo, educatore) of a unit.
        AssistenteSociale = ("assistente_sociale", "Assistente sociale"),
        /// The coordinator of a unit.
        Coordinatore = ("coordinatore", "Coordinatore di unità"),
        /// Manages accounts, offices and pages; does not read case files.
        Amministratore = ("amministratore", "Amministratore"),
    }
}

/// What an address or a handler does, as far as access is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Permission {
    /// The public site and the sign-in form: anyone, signed in or not.
    Public,
    /// A family's personal area: a person signed in there with SPID or CIE, about themselves
    /// alone. No staff role holds it, and the back office's access layer leaves it to the area's
    /// own (`server/src/citizens.rs`): a staff session never opens it.
    Family,
    /// One's own back-office home, second factor and password, and signing out.
    OwnAccount,
    /// Staff accounts: create, disable, new temporary password, reset the second factor.
    ManageStaff,
    /// Offices: how they take appointments, weekly hours, closures (which may cancel bookings).
    ManageOffices,
    /// The comuni served, the units, and the topics citizens book appointments about.
    ManageRegisters,
    /// The service pages and information pages: edit, preview, publish, see their history, and
    /// what citizens said of them.
    ManageContent,
    /// Search and verify the audit trail.
    ReadAuditTrail,
    /// The day's appointments of the front desk's own offices: arrivals, cancellations.
    RunAgenda,
    /// The interview's outcome, requests without appointment, routing and re-routing, and their
    /// state afterwards (never the case file).
    Triage,
    /// The queue of one's own units, and taking requests in charge from it.
    WorkQueue,
    /// Assigning, reassigning and returning the requests of a unit one coordinates.
    CoordinateQueue,
    /// The case files: the list of one's cases, and opening one — which the handlers narrow to the
    /// case team and the unit's coordinator, or an emergency access with a reason.
    CaseFiles,
    /// Emails that could not be delivered (recipient addresses are personal data).
    ReadMailProblems,
}

use Role::*;

/// The grants: which roles hold each permission. Nothing else is granted.
pub const GRANTS: &[(Permission, &[Role])] = &[
    (
        Permission::OwnAccount,
        &[Sportello, AssistenteSociale, Coordinatore, Amministratore],
    ),
    (Permission::RunAgenda, &[Sportello]),
    (Permission::Triage, &[Sportello]),
    (Permission::WorkQueue, &[AssistenteSociale, Coordinatore]),
    (Permission::CoordinateQueue, &[Coordinatore]),
    // Never the front desk, never the administrators: they do not read case files.
    (Permission::CaseFiles, &[AssistenteSociale, Coordinatore]),
    (Permission::ManageStaff, &[Amministratore]),
    (Permission::ManageOffices, &[Amministratore]),
    (Permission::ManageRegisters, &[Amministratore]),
    (Permission::ManageContent, &[Amministratore]),
    (Permission::ReadAuditTrail, &[Amministratore]),
    // The front desk answers citizens whose confirmation did not arrive; administrators fix the
    // mail settings.
    (Permission::ReadMailProblems, &[Sportello, Amministratore]),
];

/// Whether any of `roles` holds `permission`. `Public` needs no role at all.
pub fn allows(permission: Permission, roles: &[Role]) -> bool {
    if permission == Permission::Public {
        return true;
    }
    GRANTS
        .iter()
        .find(|(granted, _)| *granted == permission)
        .is_some_and(|(_, holders)| roles.iter().any(|role| holders.contains(role)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_granted_twice() {
        let mut granted = std::collections::HashSet::new();
        for (permission, _) in GRANTS {
            assert!(granted.insert(*permission), "{permission:?} is granted twice");
        }
    }

    #[test]
    fn roles_round_trip_through_their_stored_key() {
        for &role in Role::ALL {
            assert_eq!(Role::from_key(role.key()), Some(role));
        }
        assert_eq!(Role::from_key("root"), None);
    }
}
