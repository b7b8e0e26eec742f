//! Who may do what in the back office: the one table every route, page and server function consults
//! on the server. Deny by default: a route that is not in [`ROUTES`] is refused to everyone, and a
//! permission grants nothing to a role that is not listed for it in [`GRANTS`].
//!
//! Object-level rules (which office's agenda, which unit's queue, which case file) narrow these
//! grants further where those records are read; this table says which roles may try at all.

use serde::{Deserialize, Serialize};

/// The staff roles of docs/domain.md. A person may hold several (e.g. social worker in two units).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    /// Front-desk operator of one office (sportello, Segretariato Sociale).
    Sportello,
    /// Social worker (also psicologo, educatore) of a unit.
    AssistenteSociale,
    /// The coordinator of a unit.
    Coordinatore,
    /// Manages accounts, offices and pages; does not read case files.
    Amministratore,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Sportello,
        Role::AssistenteSociale,
        Role::Coordinatore,
        Role::Amministratore,
    ];

    /// The value stored in the database.
    pub fn key(self) -> &'static str {
        match self {
            Role::Sportello => "sportello",
            Role::AssistenteSociale => "assistente_sociale",
            Role::Coordinatore => "coordinatore",
            Role::Amministratore => "amministratore",
        }
    }

    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.key() == key)
    }

    /// The role's name as staff read it.
    pub fn label(self) -> &'static str {
        match self {
            Role::Sportello => "Operatore di sportello",
            Role::AssistenteSociale => "Assistente sociale",
            Role::Coordinatore => "Coordinatore di unità",
            Role::Amministratore => "Amministratore",
        }
    }
}

/// What a route or server function does, as far as access is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Permission {
    /// The public site and the sign-in form: anyone, signed in or not.
    Public,
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

/// Every address the server answers, with the permission it needs: pages and their form posts
/// (same address). Patterns as the router writes them. Static files and the not-found page are outside routing and public.
pub const ROUTES: &[(&str, Permission)] = &[
    // The public site.
    ("/", Permission::Public),
    ("/health", Permission::Public),
    // The benchmark's ceiling page; 404 unless the bench started the server.
    ("/__tetto/{n}", Permission::Public),
    ("/servizi", Permission::Public),
    ("/servizi/{slug}", Permission::Public),
    ("/argomenti", Permission::Public),
    ("/contatti", Permission::Public),
    ("/assistenza", Permission::Public),
    ("/assistenza/inviata", Permission::Public),
    ("/informativa-privacy", Permission::Public),
    ("/dichiarazione-di-accessibilita", Permission::Public),
    ("/note-legali", Permission::Public),
    ("/domande-frequenti", Permission::Public),
    ("/condizioni-di-servizio", Permission::Public),
    ("/valutazione", Permission::Public),
    ("/prenota", Permission::Public),
    ("/prenota/riepilogo", Permission::Public),
    ("/prenota/cambia-orario", Permission::Public),
    ("/prenota/confermata", Permission::Public),
    ("/prenota/calendario", Permission::Public),
    ("/prenota/gestisci", Permission::Public),
    ("/prenota/gestisci/annulla", Permission::Public),
    ("/prenota/gestisci/sposta", Permission::Public),
    ("/prenota/ritrova", Permission::Public),
    // The back office. Signing in is open to all; the page shows the home of whoever is signed in.
    ("/operatori", Permission::Public),
    ("/operatori/esci", Permission::OwnAccount),
    ("/operatori/sicurezza", Permission::OwnAccount),
    ("/operatori/sicurezza/password", Permission::OwnAccount),
    ("/operatori/utenti", Permission::ManageStaff),
    ("/operatori/utenti/stato", Permission::ManageStaff),
    ("/operatori/utenti/password", Permission::ManageStaff),
    ("/operatori/utenti/codice", Permission::ManageStaff),
    ("/operatori/utenti/ruoli", Permission::ManageStaff),
    ("/operatori/utenti/ruoli/togli", Permission::ManageStaff),
    ("/operatori/utenti/criteri", Permission::ManageStaff),
    ("/operatori/sedi", Permission::ManageOffices),
    ("/operatori/sedi/regole", Permission::ManageOffices),
    ("/operatori/sedi/orari", Permission::ManageOffices),
    ("/operatori/sedi/chiusure", Permission::ManageOffices),
    ("/operatori/sedi/chiusure/elimina", Permission::ManageOffices),
    ("/operatori/elenchi", Permission::ManageRegisters),
    ("/operatori/elenchi/comuni", Permission::ManageRegisters),
    ("/operatori/elenchi/unita", Permission::ManageRegisters),
    ("/operatori/elenchi/argomenti", Permission::ManageRegisters),
    ("/operatori/catalogo", Permission::ManageContent),
    ("/operatori/catalogo/salva", Permission::ManageContent),
    ("/operatori/valutazioni", Permission::ManageContent),
    ("/operatori/registro", Permission::ReadAuditTrail),
    ("/operatori/registro/verifica", Permission::ReadAuditTrail),
    ("/operatori/agenda", Permission::RunAgenda),
    ("/operatori/agenda/stato", Permission::RunAgenda),
    ("/operatori/agenda/annulla", Permission::RunAgenda),
    ("/operatori/agenda/sposta", Permission::RunAgenda),
    ("/operatori/richieste", Permission::Triage),
    ("/operatori/richieste/nuova", Permission::Triage),
    ("/operatori/richieste/solo-informazioni", Permission::Triage),
    ("/operatori/richieste/dettaglio", Permission::Triage),
    ("/operatori/richieste/reindirizza", Permission::Triage),
    ("/operatori/coda", Permission::WorkQueue),
    ("/operatori/coda/prendi", Permission::WorkQueue),
    ("/operatori/coda/prossimo", Permission::WorkQueue),
    // The handler checks the unit is one the person coordinates.
    ("/operatori/coda/assegna", Permission::CoordinateQueue),
    ("/operatori/coda/restituisci", Permission::CoordinateQueue),
    // The handler checks the unit is one the person coordinates.
    ("/operatori/cruscotto", Permission::CoordinateQueue),
    // The handlers check the case team, the coordinator or an emergency access.
    ("/operatori/casi", Permission::CaseFiles),
    ("/operatori/casi/fascicolo", Permission::CaseFiles),
    ("/operatori/casi/nota", Permission::CaseFiles),
    ("/operatori/casi/nota/correggi", Permission::CaseFiles),
    ("/operatori/casi/equipe", Permission::CaseFiles),
    ("/operatori/casi/equipe/togli", Permission::CaseFiles),
    ("/operatori/casi/emergenza", Permission::CaseFiles),
    ("/operatori/casi/relazione", Permission::CaseFiles),
    ("/operatori/casi/documenti", Permission::CaseFiles),
    ("/operatori/casi/documenti/scarica", Permission::CaseFiles),
    ("/operatori/casi/progetto", Permission::CaseFiles),
    ("/operatori/casi/progetto/obiettivi", Permission::CaseFiles),
    ("/operatori/casi/progetto/intervento", Permission::CaseFiles),
    ("/operatori/casi/progetto/intervento/stato", Permission::CaseFiles),
    ("/operatori/casi/progetto/stato", Permission::CaseFiles),
    ("/operatori/casi/progetto/passo", Permission::CaseFiles),
    ("/operatori/casi/chiusura", Permission::CaseFiles),
    // The handler checks the person coordinates the case's unit.
    ("/operatori/casi/chiusura/decisione", Permission::CaseFiles),
    ("/operatori/posta", Permission::ReadMailProblems),
];

/// The permission a route pattern needs, or `None` for a route nobody may use.
pub fn permission_of(route: &str) -> Option<Permission> {
    ROUTES
        .iter()
        .find(|(pattern, _)| *pattern == route)
        .map(|(_, permission)| *permission)
}

/// Whether the concrete address `path` is one the route `pattern` answers: the same segments, a
/// `{name}` standing for any one non-empty segment.
pub fn matches(pattern: &str, path: &str) -> bool {
    let mut wanted = pattern.split('/');
    let mut given = path.split('/');
    loop {
        match (wanted.next(), given.next()) {
            (None, None) => return true,
            (Some(w), Some(g)) if w.starts_with('{') && w.ends_with('}') && !g.is_empty() => {}
            (Some(w), Some(g)) if w == g => {}
            _ => return false,
        }
    }
}

/// The permission the concrete address `path` needs, or `None` for an address that is no route
/// (nobody may use it).
pub fn permission_of_path(path: &str) -> Option<Permission> {
    ROUTES
        .iter()
        .find(|(pattern, _)| matches(pattern, path))
        .map(|(_, permission)| *permission)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_granted_twice_and_every_route_is_listed_once() {
        let mut seen = std::collections::HashSet::new();
        for (route, _) in ROUTES {
            assert!(seen.insert(*route), "{route} is listed twice");
        }
        let mut granted = std::collections::HashSet::new();
        for (permission, _) in GRANTS {
            assert!(granted.insert(*permission), "{permission:?} is granted twice");
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

    #[test]
    fn roles_round_trip_through_their_stored_key() {
        for role in Role::ALL {
            assert_eq!(Role::from_key(role.key()), Some(role));
        }
        assert_eq!(Role::from_key("root"), None);
    }
}
