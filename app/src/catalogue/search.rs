//! Word matching for the catalogue search: insensitive to accents, case and singular/plural, so
//! that "aiuto economico" finds "Aiuti economici e assegni".
//!
//! Texts and queries are reduced to the same stems: letters without accents, lower case, and
//! without the endings that change between singular and plural in Italian (a light stemmer, not a
//! full one: good enough for titles and short texts, and predictable).

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// Little words that say nothing about a service.
const STOP_WORDS: &[&str] = &[
    "a", "ad", "ai", "al", "alla", "alle", "agli", "all", "che", "chi", "ci", "con", "da", "dal", "dalla", "dei",
    "del", "della", "delle", "degli", "di", "e", "ed", "gli", "i", "il", "in", "la", "le", "lo", "ma", "mi", "ne",
    "nei", "nel", "nella", "non", "o", "per", "se", "si", "su", "sul", "sulla", "ti", "tra", "fra", "un", "una", "uno",
    "l", "d", "un'",
];

/// One word reduced to its stem.
fn stem(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() <= 3 {
        return word.to_owned();
    }
    // -che/-chi/-ghe/-ghi are the plurals of -ca/-co/-ga/-go: drop the "h" with the vowel.
    if chars.len() > 4 && chars[chars.len() - 2] == 'h' && matches!(chars[chars.len() - 3], 'c' | 'g') {
        return chars[..chars.len() - 2].iter().collect();
    }
    match chars[chars.len() - 1] {
        'a' | 'e' | 'i' | 'o' => chars[..chars.len() - 1].iter().collect(),
        _ => word.to_owned(),
    }
}

/// Lower case, without accents: "Comunità" → "comunita".
fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase()
}

/// A name as it appears in addresses: "Assistenza sociale" → "assistenza-sociale".
pub fn slugify(name: &str) -> String {
    fold(name)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// A Chinese character (the CJK ideographs): Chinese writes no spaces between words, so each
/// character is searched as a word of its own, and a query matches where all its characters are.
fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// The stems of the meaningful words of `text`, in order. The stemmer is Italian's; in the
/// portal's other languages a word still matches what starts with it, accents and case aside.
pub fn stems(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .flat_map(|word| {
            if word.chars().any(is_han) {
                word.chars().map(String::from).collect()
            } else {
                vec![word.to_owned()]
            }
        })
        .filter(|word| !word.is_empty() && !STOP_WORDS.contains(&word.as_str()))
        .map(|word| stem(&word))
        .collect()
}

/// What is stored to be searched: every distinct stem once, each between spaces, so a query stem
/// `s` matches a word that starts with it through `LIKE '% s%'`.
pub fn search_text(parts: &[&str]) -> String {
    let mut seen = std::collections::BTreeSet::new();
    for part in parts {
        seen.extend(stems(part));
    }
    let mut text = String::from(" ");
    for stem in seen {
        text.push_str(&stem);
        text.push(' ');
    }
    text
}

/// The query's stems, at most eight (a search box, not a document).
pub fn query_stems(query: &str) -> Vec<String> {
    let mut stems = stems(query);
    stems.dedup();
    stems.truncate(8);
    stems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finds(text: &str, query: &str) -> bool {
        let haystack = search_text(&[text]);
        query_stems(query).iter().all(|s| haystack.contains(&format!(" {s}")))
    }

    #[test]
    fn singular_finds_plural_and_back() {
        assert!(finds("Aiuti economici e assegni", "aiuto economico"));
        assert!(finds("Aiuto economico", "aiuti economici"));
        assert!(finds("Interventi per le famiglie", "famiglia"));
        assert!(finds("Le risorse economiche del nucleo", "risorsa economica"));
        assert!(finds("Incontri protetti", "incontro protetto"));
    }

    #[test]
    fn accents_and_case_do_not_matter() {
        assert!(finds("Inserimento in comunità", "COMUNITA"));
        assert!(finds("Affido familiare", "Affìdo"));
        assert!(finds("Perché e quando", "perche"));
    }

    #[test]
    fn a_word_can_be_typed_in_part() {
        assert!(finds("Sostegno psicologico", "psico"));
    }

    #[test]
    fn every_word_of_the_query_must_be_there() {
        assert!(!finds("Aiuti economici e assegni", "aiuto lavoro"));
        assert!(!finds("Affido familiare", "comunità"));
    }

    #[test]
    fn the_portal_s_other_languages_are_found_too() {
        assert!(finds("Foster care for children", "foster"));
        assert!(finds("Підтримка для батьків", "батьків"));
        assert!(finds("الدعم النفسي", "النفسي"));
        assert!(finds("家庭寄养服务", "寄养"), "Chinese, written without spaces");
        assert!(!finds("家庭寄养服务", "学校"));
    }

    #[test]
    fn slugs_are_plain_ascii() {
        assert_eq!(slugify("Assistenza sociale"), "assistenza-sociale");
        assert_eq!(
            slugify("Salute, benessere e assistenza"),
            "salute-benessere-e-assistenza"
        );
        assert_eq!(slugify("Comunità"), "comunita");
    }

    #[test]
    fn little_words_and_symbols_are_ignored() {
        assert_eq!(query_stems("  di, per la... "), Vec::<String>::new());
        assert_eq!(query_stems("l'affido!"), vec!["affid".to_owned()]);
    }
}
