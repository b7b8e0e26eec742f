//! The product's vocabularies: each closed list of words staff choose from (a request's urgency,
//! a note's kind, a plan's state…) is an enum, declared once with the key the database and the
//! forms carry and the label a person reads.
//!
//! ```ignore
//! vocabulary! {
//!     /// How soon a request must be answered.
//!     pub enum Urgency {
//!         Ordinary = ("ordinaria", "Ordinaria"),
//!         Urgent = ("urgente", "Urgente (grave pregiudizio per un minore)"),
//!     }
//! }
//! ```
//!
//! gives `Urgency::ALL` (in order), `CHOICES` (key and label, for a select field), `key()`,
//! `label()`, `from_key()` and `label_of()`, which reads a key as the database gives it back and
//! answers an empty label for a key the vocabulary does not have (an old row, a hand-edited one),
//! rather than failing the page. The database's own `CHECK` constraints keep the stored keys in the
//! list.

/// Declares a vocabulary: an enum whose variants each carry `(key, label)`.
#[macro_export]
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident = ($key:literal, $label:literal) ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        $vis enum $name {
            $( $(#[$variant_meta])* $variant ),+
        }

        #[allow(dead_code)]
        impl $name {
            /// Every word of the vocabulary, in the order forms list them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// (key, label) of every word, in order: a select field's choices.
            pub const CHOICES: &'static [(&'static str, &'static str)] = &[$(($key, $label)),+];

            /// What the database and the forms carry.
            pub const fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key),+
                }
            }

            /// What a person reads.
            pub const fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label),+
                }
            }

            /// The word a form or a row carries, if it is one of the vocabulary's.
            pub fn from_key(key: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|word| word.key() == key)
            }

            /// The label of a stored key; empty for a key the vocabulary does not have.
            pub fn label_of(key: &str) -> &'static str {
                Self::from_key(key).map_or("", Self::label)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    crate::vocabulary! {
        /// A vocabulary for the test.
        enum Colour {
            Red = ("rosso", "Rosso"),
            Light = ("azzurro chiaro", "Azzurro chiaro"),
        }
    }

    #[test]
    fn a_vocabulary_reads_its_keys_and_labels_both_ways() {
        assert_eq!(Colour::ALL, &[Colour::Red, Colour::Light]);
        assert_eq!(
            Colour::CHOICES,
            &[("rosso", "Rosso"), ("azzurro chiaro", "Azzurro chiaro")]
        );
        assert_eq!(Colour::Light.key(), "azzurro chiaro");
        assert_eq!(Colour::from_key("rosso"), Some(Colour::Red));
        assert_eq!(Colour::from_key("Rosso"), None, "keys are exact");
        assert_eq!(Colour::label_of("azzurro chiaro"), "Azzurro chiaro");
        assert_eq!(Colour::label_of("verde"), "", "an unknown key has no label");
    }
}
