//! The parts of `app/src` stand in layers: a part may use the parts below it, never one that uses
//! it. This test reads the sources, finds which parts each part names (`crate::part`), and fails on
//! any cycle between parts, so a change anywhere can only break what stands above it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each part of `app/src` (a folder or a file, `lib.rs` aside) with the text of its sources.
fn parts() -> BTreeMap<String, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut parts = BTreeMap::new();
    for entry in std::fs::read_dir(&root).expect("app/src") {
        let path = entry.expect("an entry of app/src").path();
        let name = path.file_stem().expect("a name").to_string_lossy().into_owned();
        if name == "lib" {
            continue;
        }
        let mut text = String::new();
        collect_sources(&path, &mut text);
        parts.insert(name, text);
    }
    parts
}

fn collect_sources(path: &Path, text: &mut String) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).expect("a folder of app/src") {
            collect_sources(&entry.expect("an entry").path(), text);
        }
    } else if path.extension().is_some_and(|extension| extension == "rs") {
        text.push_str(&std::fs::read_to_string(path).expect("a source file"));
        text.push('\n');
    }
}

/// The parts a source names: `crate::part…`, and each `part` of `crate::{part::…, other}`.
fn named_parts(text: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let mut named = BTreeSet::new();
    let identifier = |rest: &str| -> String {
        rest.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // The top-level names of the group, up to its closing brace.
            let mut depth = 0;
            let mut start = true;
            for (index, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if c.is_whitespace() => {}
                    _ if start && depth == 0 => {
                        named.insert(identifier(&group[index..]));
                        start = false;
                    }
                    _ => {}
                }
            }
        } else {
            named.insert(identifier(rest));
        }
    }
    named.retain(|part| known.contains(part));
    named
}

/// The strongly connected groups of parts of more than one part (Tarjan's algorithm).
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<BTreeSet<String>> {
    struct Search<'a> {
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        found: Vec<BTreeSet<String>>,
    }
    impl<'a> Search<'a> {
        fn visit(&mut self, part: &'a str) {
            let order = self.index.len();
            self.index.insert(part, order);
            self.low.insert(part, order);
            self.stack.push(part);
            for next in &self.graph[part] {
                if !self.index.contains_key(next.as_str()) {
                    self.visit(next);
                    let low = self.low[part].min(self.low[next.as_str()]);
                    self.low.insert(part, low);
                } else if self.stack.contains(&next.as_str()) {
                    let low = self.low[part].min(self.index[next.as_str()]);
                    self.low.insert(part, low);
                }
            }
            if self.low[part] == self.index[part] {
                let mut group = BTreeSet::new();
                while let Some(member) = self.stack.pop() {
                    group.insert(member.to_owned());
                    if member == part {
                        break;
                    }
                }
                if group.len() > 1 {
                    self.found.push(group);
                }
            }
        }
    }
    let mut search = Search {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        found: Vec::new(),
    };
    for part in graph.keys() {
        if !search.index.contains_key(part.as_str()) {
            search.visit(part);
        }
    }
    search.found
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let parts = parts();
    let known: BTreeSet<String> = parts.keys().cloned().collect();
    parts
        .iter()
        .map(|(part, text)| {
            let mut named = named_parts(text, &known);
            named.remove(part);
            (part.clone(), named)
        })
        .collect()
}

#[test]
fn no_two_parts_of_the_application_reach_each_other() {
    let found = cycles(&graph());
    assert!(
        found.is_empty(),
        "these parts of app/src reach one another in a cycle: {found:?}. A part may use the parts below \
         it, never one that uses it: move the shared piece down, or pass it in as a parameter."
    );
}

#[test]
fn the_reading_of_references_finds_grouped_and_plain_names() {
    let known: BTreeSet<String> = ["forms", "layout", "dates", "staff"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    let text = "use crate::forms::{A, B};\nuse crate::{layout::Breadcrumb, dates::{long, short}};\ncrate::staff::x();";
    assert_eq!(
        named_parts(text, &known),
        ["dates", "forms", "layout", "staff"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect()
    );
    let graph: BTreeMap<String, BTreeSet<String>> = [("a", vec!["b"]), ("b", vec!["a", "c"]), ("c", vec![])]
        .into_iter()
        .map(|(part, uses)| (part.to_owned(), uses.into_iter().map(str::to_owned).collect()))
        .collect();
    assert_eq!(
        cycles(&graph),
        vec![["a", "b"].iter().map(|s| (*s).to_owned()).collect::<BTreeSet<_>>()]
    );
}
