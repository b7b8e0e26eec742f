//! The service texts a new installation starts with are readable and our own: every section filled,
//! a Gulpease index of at least 60 (readable by someone with a middle-school education), and no run
//! of eight or more words taken from the public pages the product comes from (`../shared/seeds/`).

use std::path::PathBuf;

use app::catalogue::markdown::plain_text;
use server::seed::{built_in_pages, built_in_services};

/// Gulpease = 89 + (300 × sentences − 10 × letters) / words, the readability index for Italian.
/// A list item without a final stop counts as a sentence, as a reader takes it.
fn gulpease(text: &str) -> f64 {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count() as f64;
    let words = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count() as f64;
    let mut sentences = 0.0;
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let mut previous_was_stop = false;
        let mut ends_with_stop = false;
        for c in line.chars() {
            let stop = matches!(c, '.' | '!' | '?' | ':' | ';');
            if stop && !previous_was_stop {
                sentences += 1.0;
            }
            previous_was_stop = stop;
            ends_with_stop = stop || (ends_with_stop && !c.is_alphanumeric());
        }
        if !ends_with_stop {
            sentences += 1.0;
        }
    }
    89.0 + (300.0 * sentences - 10.0 * letters) / words
}

fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

fn seeds_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/seeds"));
    dir.is_dir().then_some(dir)
}

fn service_text(service: &server::seed::SeedService) -> String {
    let mut text = service.summary.clone();
    for (_, markdown) in service.sections.all() {
        text.push('\n');
        text.push_str(&plain_text(markdown));
    }
    text
}

#[test]
fn every_service_page_reads_at_gulpease_60_or_more() {
    for service in built_in_services().unwrap() {
        let score = gulpease(&service_text(&service));
        assert!(score >= 60.0, "{}: Gulpease {score:.1}", service.slug);
    }
}

#[test]
fn every_information_page_reads_at_gulpease_60_or_more() {
    for page in built_in_pages().unwrap() {
        let score = gulpease(&format!("{}\n{}", page.summary, plain_text(&page.body)));
        assert!(score >= 60.0, "{}: Gulpease {score:.1}", page.slug);
    }
}

#[test]
fn gulpease_matches_the_textbook_examples() {
    // Short plain sentences score high, long learned ones low.
    assert!(gulpease("Il gatto dorme. Il cane gioca.") > 80.0);
    assert!(gulpease("L'amministrazione comunale garantisce l'erogazione di prestazioni socioassistenziali individualizzate nell'ambito delle risorse disponibili.") < 40.0);
}

#[test]
fn no_run_of_eight_words_is_copied_from_the_seed_pages() {
    let Some(dir) = seeds_dir() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "../shared/seeds must be beside the checkout in CI"
        );
        eprintln!("skipped: ../shared/seeds not found beside the checkout");
        return;
    };
    let mut seed_runs = std::collections::HashSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let seed_words = words(&text);
        for run in seed_words.windows(8) {
            seed_runs.insert(run.join(" "));
        }
    }
    assert!(seed_runs.len() > 1000, "the seed pages were read");
    for service in built_in_services().unwrap() {
        let ours = words(&format!("{} {}", service.title, service_text(&service)));
        for run in ours.windows(8) {
            let run = run.join(" ");
            assert!(
                !seed_runs.contains(&run),
                "{}: \"{run}\" is copied from a seed page",
                service.slug
            );
        }
    }
}
