//! Values people type, parsed once into types that can only hold acceptable values ("parse, don't
//! validate"). They compile to WASM too, so the browser and the server give the same message.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Why a typed value was refused: an Italian sentence for the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid(pub String);

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Invalid {}

/// An email address as people write it: one `@`, a dotted domain, no spaces, at most 254 characters.
/// Deliberately not the full RFC 5322 grammar: we need an address a message can reach.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let value = raw.trim();
        if value.is_empty() {
            return Err(Invalid("Scrivi il tuo indirizzo email.".into()));
        }
        let example = "Scrivi un indirizzo email completo, per esempio nome.cognome@esempio.it.";
        if value.chars().count() > 254 || value.chars().any(char::is_whitespace) {
            return Err(Invalid(example.into()));
        }
        let Some((local, domain)) = value.split_once('@') else {
            return Err(Invalid(example.into()));
        };
        let domain_ok = !domain.contains('@')
            && domain.contains('.')
            && domain.split('.').all(|label| {
                !label.is_empty()
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_alphanumeric() || c == '-')
            });
        if local.is_empty() || local.len() > 64 || !domain_ok {
            return Err(Invalid(example.into()));
        }
        Ok(Self(format!("{local}@{}", domain.to_lowercase())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Email {
    type Error = Invalid;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Email> for String {
    fn from(value: Email) -> Self {
        value.0
    }
}

/// A first name or surname: letters (any alphabet), spaces, apostrophes, hyphens and dots; 1–100
/// characters after trimming.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonName(String);

impl PersonName {
    /// `what` names the field in the message: "il nome", "il cognome".
    pub fn parse(raw: &str, what: &str) -> Result<Self, Invalid> {
        let value = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if value.is_empty() {
            return Err(Invalid(format!("Scrivi {what}.")));
        }
        if value.chars().count() > 100 {
            return Err(Invalid(format!(
                "{} è troppo lungo: al massimo 100 caratteri.",
                capitalised(what)
            )));
        }
        if !value
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '\'' | '’' | '-' | '.'))
        {
            return Err(Invalid(format!(
                "{} può contenere solo lettere, spazi, apostrofi e trattini.",
                capitalised(what)
            )));
        }
        Ok(Self(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A telephone number as people write it: digits with spaces, dots, dashes, slashes or brackets,
/// an optional leading `+`; 6 to 15 digits. Kept as typed (trimmed), since people read it back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phone(String);

impl Phone {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let value = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        let rest = value.strip_prefix('+').unwrap_or(&value);
        let digits = rest.chars().filter(char::is_ascii_digit).count();
        let allowed = rest
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '/' | '(' | ')'));
        if !allowed || !(6..=15).contains(&digits) {
            return Err(Invalid(
                "Scrivi un numero di telefono con il prefisso, solo cifre, per esempio 333 1234567.".into(),
            ));
        }
        Ok(Self(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An Italian codice fiscale (16 characters, last one the check character), upper case. Numbers
/// replaced by letters (omocodia) are accepted: the check character covers them as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodiceFiscale(String);

impl CodiceFiscale {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let value: String = raw.split_whitespace().collect::<String>().to_uppercase();
        let shape_ok = value.len() == 16
            && value.chars().enumerate().all(|(i, c)| match i {
                0..=5 | 8 | 11 | 15 => c.is_ascii_uppercase(),
                _ => c.is_ascii_digit() || "LMNPQRSTUV".contains(c),
            });
        if !shape_ok {
            return Err(Invalid(
                "Il codice fiscale ha 16 caratteri, lettere e numeri, per esempio RSSMRA80A01F205X.".into(),
            ));
        }
        if Self::check_character(&value[..15]) != value.chars().nth(15) {
            return Err(Invalid(
                "Il codice fiscale non è corretto: controlla di averlo scritto senza errori.".into(),
            ));
        }
        Ok(Self(value))
    }

    /// The 16th character, from the first 15 (Ministry of Finance decree of 23 December 1976).
    fn check_character(first15: &str) -> Option<char> {
        // Values of a character in an odd position (1st, 3rd…), digits and letters alike.
        const ODD: [u32; 26] = [
            1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
        ];
        let mut sum = 0;
        for (i, c) in first15.chars().enumerate() {
            let index = if c.is_ascii_digit() {
                c as u32 - '0' as u32
            } else {
                c as u32 - 'A' as u32
            };
            sum += if i % 2 == 0 { *ODD.get(index as usize)? } else { index };
        }
        char::from_u32('A' as u32 + sum % 26)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_addresses_and_lowercases_the_domain() {
        assert_eq!(
            Email::parse(" Anna.Bianchi@Comune.IT ").unwrap().as_str(),
            "Anna.Bianchi@comune.it"
        );
        assert!(Email::parse("a@posta.xn--e1afmkfd.it").is_ok());
    }

    #[test]
    fn refuses_addresses_a_message_cannot_reach() {
        for raw in [
            "",
            "anna",
            "anna@",
            "@comune.it",
            "anna@comune",
            "anna bianchi@comune.it",
            "a@b@c.it",
            "a@-x.it",
        ] {
            assert!(Email::parse(raw).is_err(), "{raw:?} should be refused");
        }
    }

    #[test]
    fn email_deserialises_only_when_valid() {
        assert!(serde_json::from_str::<Email>("\"x@y.it\"").is_ok());
        assert!(serde_json::from_str::<Email>("\"x@y\"").is_err());
    }

    #[test]
    fn codice_fiscale_is_checked_by_its_last_character() {
        // A well-known valid example, typed in lower case with spaces.
        assert_eq!(
            CodiceFiscale::parse("rss mra 80a01 h501u").unwrap().as_str(),
            "RSSMRA80A01H501U"
        );
        // One character changed: the check fails.
        assert!(CodiceFiscale::parse("RSSMRA80A01H501V").is_err());
        assert!(CodiceFiscale::parse("RSSMRA80A01H50").is_err());
        assert!(CodiceFiscale::parse("123456789012345X").is_err());
        // Omocodia: the last digit of the comune code replaced by a letter (1 -> M), check recomputed.
        assert!(CodiceFiscale::parse("RSSMRA80A01H50MM").is_ok());
    }

    #[test]
    fn phone_numbers_need_enough_digits() {
        assert_eq!(Phone::parse(" +39 333 123 4567 ").unwrap().as_str(), "+39 333 123 4567");
        assert!(Phone::parse("02.66023.549").is_ok());
        assert!(Phone::parse("12345").is_err());
        assert!(Phone::parse("chiamami").is_err());
    }

    #[test]
    fn names_keep_accents_and_apostrophes() {
        assert_eq!(
            PersonName::parse("  D'Angelo  ", "il cognome").unwrap().as_str(),
            "D'Angelo"
        );
        assert_eq!(
            PersonName::parse("Niccolò  Maria", "il nome").unwrap().as_str(),
            "Niccolò Maria"
        );
        assert_eq!(PersonName::parse("", "il nome").unwrap_err().0, "Scrivi il nome.");
        assert!(PersonName::parse("Anna<script>", "il nome").is_err());
    }
}
