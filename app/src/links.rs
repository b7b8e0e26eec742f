//! Links between pages: the values a link carries in its query, which route an address is, and
//! whether it is the back office's.

/// The back office's home; every back-office address is below it.
pub const BACK_OFFICE: &str = "/operatori";
/// The families' personal area (`area`), which every public page's header links to.
pub const PERSONAL_AREA: &str = "/area-personale";
/// A case file (`cases`), which the area's notices to the worker link to.
pub const CASE_FILE: &str = "/operatori/casi/fascicolo";

/// Whether an address belongs to the back office (never cached, never rated by the public
/// feedback, refused by default when no route answers it), whatever the case of its letters.
pub fn is_back_office(path: &str) -> bool {
    let starts = |prefix: &str| {
        path.get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    let within = |folder: &str| starts(folder) && matches!(path.as_bytes().get(folder.len()), None | Some(b'/'));
    within(BACK_OFFICE)
}

/// Percent-encodes a value for a link's query (`?caso=7&t=…`): letters, digits and `-_.~:` stay,
/// everything else becomes `%XX`, byte by byte, so any text (a token, a file name, a slug) goes
/// through unchanged and never ends the query early.
pub fn query_value(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b':' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Whether the concrete address `path` is one the route `pattern` answers: the same segments, a
/// `{name}` standing for any one non-empty segment (`/servizi/{slug}` answers
/// `/servizi/affido-familiare`, not `/servizi/`).
pub fn route_matches(pattern: &str, path: &str) -> bool {
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

#[cfg(test)]
mod tests {
    #[test]
    fn a_value_cannot_break_out_of_its_query() {
        assert_eq!(super::query_value("2026-12-03"), "2026-12-03");
        assert_eq!(super::query_value("a&b=c d/è"), "a%26b%3Dc%20d%2F%C3%A8");
    }

    #[test]
    fn the_back_office_is_known_however_its_address_is_written() {
        for path in ["/operatori", "/operatori/utenti", "/OPERATORI/utenti"] {
            assert!(super::is_back_office(path), "{path}");
        }
        for path in ["/", "/operatorix", "/servizi", "/api/operatori"] {
            assert!(!super::is_back_office(path), "{path}");
        }
    }

    #[test]
    fn a_pattern_answers_only_addresses_of_its_shape() {
        assert!(super::route_matches("/servizi/{slug}", "/servizi/affido-familiare"));
        assert!(!super::route_matches("/servizi/{slug}", "/servizi/"));
        assert!(!super::route_matches("/servizi/{slug}", "/servizi/a/b"));
        assert!(super::route_matches("/operatori", "/operatori"));
        assert!(!super::route_matches("/operatori", "/operatori/"));
    }
}
