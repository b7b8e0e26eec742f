//! The languages of the portal, and its interface texts in each.
//!
//! The public site speaks the nine languages a family may choose for its interview (the booking
//! form's "In che lingua preferisci parlare?"): Italian first, then the languages most spoken by
//! the families born abroad in the towns the service covers. The texts live in Mozilla Fluent
//! message files, one folder per language in `app/locales/` (`it/site.ftl`, `ar/site.ftl`, …),
//! compiled into the server by `fluent-templates`; adding a language is adding its folder and a
//! line in [`Language`] (README, "Adding a language"). A test fails the test command when a
//! language lacks a message the Italian file has, or has one it no longer has.
//!
//! Italian is the source: a message missing in another language falls back to it, so a page is
//! never left with a hole, only with a sentence in Italian.

use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};

fluent_templates::static_loader! {
    static MESSAGES = {
        locales: "./locales",
        fallback_language: "it",
        // Fluent wraps each value put into a sentence in invisible direction marks; our pages set
        // `dir` on the whole document and keep numbers and names in `<bdi>` where they need it.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language of the public site.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    #[default]
    Italian,
    English,
    Arabic,
    Spanish,
    French,
    Chinese,
    Romanian,
    Albanian,
    Ukrainian,
}

impl Language {
    /// In the order the switcher offers them: Italian, then by the languages' own names' order in
    /// the booking form.
    pub const ALL: [Language; 9] = [
        Language::Italian,
        Language::English,
        Language::French,
        Language::Spanish,
        Language::Arabic,
        Language::Chinese,
        Language::Romanian,
        Language::Albanian,
        Language::Ukrainian,
    ];

    /// The code in addresses (`/en/…`) and in the booking's language field.
    pub fn code(self) -> &'static str {
        match self {
            Language::Italian => "it",
            Language::English => "en",
            Language::Arabic => "ar",
            Language::Spanish => "es",
            Language::French => "fr",
            Language::Chinese => "zh",
            Language::Romanian => "ro",
            Language::Albanian => "sq",
            Language::Ukrainian => "uk",
        }
    }

    /// The BCP 47 tag for `lang` and `hreflang`, and the folder of its messages.
    pub fn tag(self) -> &'static str {
        match self {
            Language::Chinese => "zh-Hans",
            other => other.code(),
        }
    }

    /// The language's name in itself, as the switcher shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::Italian => "Italiano",
            Language::English => "English",
            Language::Arabic => "العربية",
            Language::Spanish => "Español",
            Language::French => "Français",
            Language::Chinese => "简体中文",
            Language::Romanian => "Română",
            Language::Albanian => "Shqip",
            Language::Ukrainian => "Українська",
        }
    }

    /// The writing direction, for `dir` on the document.
    pub fn direction(self) -> &'static str {
        match self {
            Language::Arabic => "rtl",
            _ => "ltr",
        }
    }

    /// `address` (a path of this site, with its query) in this language: Italian at the address
    /// itself, the others behind their code (`/en/servizi`, `/en` for the home page).
    pub fn href(self, address: &str) -> String {
        if self == Language::Italian || !address.starts_with('/') {
            return address.to_owned();
        }
        let code = self.code();
        match address {
            "/" => format!("/{code}"),
            _ if address.starts_with("/?") => format!("/{code}{}", &address[1..]),
            _ => format!("/{code}{address}"),
        }
    }

    /// `lang` for a text the organisation wrote in Italian (a service's page, an information
    /// page) shown on a page in this language: none on an Italian page, `it` on the others, so
    /// that a screen reader reads it as Italian.
    pub fn italian_text_lang(self) -> Option<&'static str> {
        (self != Language::Italian).then_some("it")
    }

    /// Who, speaking this language natively, has read its message files (`app/locales/`) through:
    /// the back office shows it beside the pages' translations. `None` until someone has; a
    /// review is recorded here with the change that applies its corrections.
    pub fn interface_reviewed_by(self) -> Option<&'static str> {
        // Nobody yet, in any language (Italian is the original, never listed).
        let _ = self;
        None
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|language| language.code() == code)
    }

    fn identifier(self) -> LanguageIdentifier {
        self.tag().parse().expect("every language's tag is a valid BCP 47 tag")
    }

    /// The message `key` in this language (in Italian where this language lacks it).
    pub fn text(self, key: &str) -> String {
        MESSAGES.lookup(&self.identifier(), key)
    }

    /// The message `key` with its values (`{ $name }` in the message).
    pub fn text_with(self, key: &str, values: &[(&'static str, String)]) -> String {
        let arguments: HashMap<std::borrow::Cow<'static, str>, FluentValue<'static>> = values
            .iter()
            .map(|(name, value)| (std::borrow::Cow::Borrowed(*name), FluentValue::from(value.clone())))
            .collect();
        MESSAGES.lookup_with_args(&self.identifier(), key, &arguments)
    }

    /// The message `key` for the number `n` (`{ $n }`), in the plural form the language uses for
    /// it ("1 posto libero", "3 posti liberi"; Arabic and Ukrainian have more forms than two).
    pub fn count(self, key: &str, n: usize) -> String {
        let arguments: HashMap<std::borrow::Cow<'static, str>, FluentValue<'static>> =
            HashMap::from([(std::borrow::Cow::Borrowed("n"), FluentValue::from(n))]);
        MESSAGES.lookup_with_args(&self.identifier(), key, &arguments)
    }
}

/// The message `key` in the language of the request being served (see [`use_language`]): what
/// a form's check or a page's data loader says to the person.
pub fn say(key: &str) -> String {
    use_language().text(key)
}

/// The same, with its values (`{ $name }`).
pub fn say_with(key: &str, values: &[(&'static str, String)]) -> String {
    use_language().text_with(key, values)
}

/// The language a browser prefers (its `Accept-Language`), among ours, when it is not `current`:
/// the page then offers it, never redirects. `None` when the browser prefers the page's own
/// language, or none of ours.
pub fn offered(accept_language: &str, current: Language) -> Option<Language> {
    use fluent_langneg::{negotiate_languages, NegotiationStrategy};
    let requested = fluent_langneg::accepted_languages::parse(accept_language);
    let available: Vec<LanguageIdentifier> = Language::ALL.iter().map(|language| language.identifier()).collect();
    let preferred = negotiate_languages(&requested, &available, None, NegotiationStrategy::Matching)
        .into_iter()
        .next()?;
    let preferred = Language::ALL
        .into_iter()
        .find(|language| &language.identifier() == preferred)?;
    (preferred != current).then_some(preferred)
}

/// The language the page being rendered would offer (see [`offered`]).
pub fn use_offered_language() -> Option<Language> {
    let parts = leptos::prelude::use_context::<http::request::Parts>()?;
    let accept = parts.headers.get(http::header::ACCEPT_LANGUAGE)?.to_str().ok()?;
    offered(accept, use_language())
}

tokio::task_local! {
    /// The language of the request this task is serving, set by the server's form handler.
    static REQUEST_LANGUAGE: Language;
}

/// Runs `work` (a form's action) with the request's language readable by the code it runs, whose
/// messages (a field's error) are then in that language.
pub async fn with_language<F: std::future::Future>(language: Language, work: F) -> F::Output {
    REQUEST_LANGUAGE.scope(language, work).await
}

/// The same for code that does not wait (an error's sentence written for the page).
pub fn in_language<R>(language: Language, work: impl FnOnce() -> R) -> R {
    REQUEST_LANGUAGE.sync_scope(language, work)
}

/// The language of the request being served: the one its address names (`/en/…`), which the
/// server puts in the request's extensions; Italian otherwise. Inside a page's rendering or a
/// form's action alike.
pub fn use_language() -> Language {
    if let Ok(language) = REQUEST_LANGUAGE.try_with(|language| *language) {
        return language;
    }
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Language>().copied())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use fluent_templates::fluent_bundle::FluentResource;

    use super::*;

    /// The message identifiers of a language's files, each file parsed as Fluent.
    fn messages_of(language: Language) -> BTreeSet<String> {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(language.tag());
        let mut ids = BTreeSet::new();
        for entry in std::fs::read_dir(&folder).unwrap_or_else(|e| panic!("{}: {e}", folder.display())) {
            let path = entry.expect("a message file").path();
            let text = std::fs::read_to_string(&path).expect("a readable message file");
            let resource = FluentResource::try_new(text)
                .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", path.display()));
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(message) = entry {
                    ids.insert(message.id.name.to_owned());
                }
            }
        }
        ids
    }

    #[test]
    fn every_language_has_every_message_of_the_italian_and_no_other() {
        let italian = messages_of(Language::Italian);
        assert!(!italian.is_empty());
        for language in Language::ALL {
            let own = messages_of(language);
            let missing: Vec<_> = italian.difference(&own).collect();
            let stale: Vec<_> = own.difference(&italian).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", language.tag());
            assert!(
                stale.is_empty(),
                "{} has messages Italian no longer has: {stale:?}",
                language.tag()
            );
        }
    }

    /// Every message the sources name as a literal (`text("…")`, `text_with("…", …)`, `say("…")`,
    /// `say_with("…", …)`, `count("…", …)`) is one the Italian files have: a misspelt or forgotten
    /// key would show its own name to the reader.
    #[test]
    fn every_message_the_sources_name_exists() {
        fn sources(path: &std::path::Path, into: &mut Vec<(std::path::PathBuf, String)>) {
            if path.is_dir() {
                for entry in std::fs::read_dir(path).expect("a folder of app/src") {
                    sources(&entry.expect("an entry").path(), into);
                }
            } else if path.extension().is_some_and(|extension| extension == "rs") {
                into.push((path.to_owned(), std::fs::read_to_string(path).expect("a source file")));
            }
        }
        let italian = messages_of(Language::Italian);
        let mut files = Vec::new();
        sources(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut files,
        );
        let mut unknown = Vec::new();
        for (path, text) in &files {
            for call in ["text(\"", "text_with(\"", "say(\"", "say_with(\"", "count(\""] {
                for (at, _) in text.match_indices(call) {
                    let rest = &text[at + call.len()..];
                    let key: String = rest.chars().take_while(|c| *c != '"').collect();
                    let looks_like_a_key = key.contains('-')
                        && key
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                    if looks_like_a_key && !italian.contains(&key) {
                        unknown.push(format!("{}: {key}", path.display()));
                    }
                }
            }
        }
        assert!(unknown.is_empty(), "messages no file has: {unknown:#?}");
    }

    #[test]
    fn a_count_takes_the_plural_form_its_language_gives_it() {
        use Language::*;
        assert_eq!(Italian.count("booking-seats", 1), "1 posto libero");
        assert_eq!(Italian.count("booking-seats", 2), "2 posti liberi");
        assert_eq!(English.count("booking-seats", 1), "1 place left");
        assert_eq!(Ukrainian.count("booking-seats", 2), "2 вільні місця");
        assert_eq!(Ukrainian.count("booking-seats", 5), "5 вільних місць");
        assert_eq!(Arabic.count("booking-seats", 2), "مكانان متاحان", "Arabic's dual");
        assert_eq!(Romanian.count("booking-seats", 20), "20 de locuri libere");
        assert_eq!(Chinese.count("booking-seats", 1), "还有 1 个空位");
    }

    #[test]
    fn a_browser_is_offered_the_language_it_prefers_among_ours() {
        use Language::*;
        assert_eq!(offered("en-GB,en;q=0.9,it;q=0.8", Italian), Some(English));
        assert_eq!(offered("en-GB,en;q=0.9", English), None, "already in it");
        assert_eq!(offered("it-IT,it;q=0.9,en;q=0.8", Italian), None);
        assert_eq!(offered("it-IT,it;q=0.9,en;q=0.8", French), Some(Italian));
        assert_eq!(offered("zh-CN,zh;q=0.9", Italian), Some(Chinese));
        assert_eq!(offered("ar-MA", Italian), Some(Arabic));
        assert_eq!(offered("de-DE,de;q=0.9", Italian), None, "none of ours");
        assert_eq!(offered("", Italian), None);
        assert_eq!(offered(";;,q=x", Italian), None);
    }

    #[test]
    fn each_language_answers_in_itself_and_the_emergency_numbers_are_exact() {
        assert_eq!(Language::Italian.text("nav-services"), "Servizi");
        assert_eq!(Language::English.text("nav-services"), "Services");
        for language in Language::ALL {
            assert_eq!(Language::from_code(language.code()), Some(language));
            let notice = [
                language.text("emergency-danger"),
                language.text("emergency-children-line"),
                language.text("emergency-violence"),
            ]
            .concat();
            assert!(notice.contains("114"), "{}: {notice}", language.tag());
            assert!(!notice.contains("Unknown"), "{}", language.tag());
        }
        assert_eq!(Language::Arabic.direction(), "rtl");
        assert_eq!(Language::English.href("/"), "/en");
        assert_eq!(Language::English.href("/prenota?sede=a"), "/en/prenota?sede=a");
        assert_eq!(Language::Italian.href("/prenota"), "/prenota");
        assert_eq!(Language::Chinese.tag(), "zh-Hans");
    }
}
