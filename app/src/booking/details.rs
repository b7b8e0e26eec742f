//! The citizen's details for an appointment: only what the first interview needs, checked the same
//! way in the browser and on the server.

use serde::{Deserialize, Serialize};

use crate::forms::FieldErrors;
use crate::i18n::{say, say_with};
use crate::validation::{CodiceFiscale, Email, Invalid, NamePart, PersonName, Phone};

/// "Di cosa vuoi parlare" and the accessibility needs: short on purpose (minimum data).
pub const ABOUT_MAX_CHARS: usize = 200;
pub const NEEDS_MAX_CHARS: usize = 200;

crate::vocabulary! {
    /// The languages a citizen may prefer to speak at the interview. The interview is in Italian;
    /// another language means the office arranges a cultural mediator.
    pub enum InterviewLanguage {
        Italian = ("it", "Italiano"),
        English = ("en", "Inglese"),
        French = ("fr", "Francese"),
        Spanish = ("es", "Spagnolo"),
        Arabic = ("ar", "Arabo"),
        Chinese = ("zh", "Cinese"),
        Romanian = ("ro", "Rumeno"),
        Albanian = ("sq", "Albanese"),
        Ukrainian = ("uk", "Ucraino"),
        Other = ("altra", "Un'altra lingua"),
    }
}

/// The details form as it arrives (the names of the HTML form), with the choices of the earlier
/// steps carried in hidden fields.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DetailsForm {
    #[serde(default)]
    pub sede: String,
    #[serde(default)]
    pub argomento: String,
    #[serde(default)]
    pub giorno: String,
    #[serde(default)]
    pub ora: String,
    #[serde(default)]
    pub nome: String,
    #[serde(default)]
    pub cognome: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub telefono: String,
    #[serde(default)]
    pub codice_fiscale: String,
    #[serde(default)]
    pub lingua: String,
    #[serde(default)]
    pub interprete: Option<String>,
    #[serde(default)]
    pub accessibilita: String,
    #[serde(default)]
    pub motivo: String,
    #[serde(default)]
    pub privacy: Option<String>,
}

/// Details that passed every check, as kept in the draft until the booking is confirmed (then the
/// booking holds them, and the draft keeps none: the default, empty details).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingDetails {
    pub given_name: String,
    pub family_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub codice_fiscale: Option<String>,
    pub language: String,
    pub interpreter: bool,
    pub accessibility_needs: String,
    pub about: String,
}

impl BookingDetails {
    pub fn language_label(&self) -> &'static str {
        language_label(&self.language)
    }
}

/// The label of a stored language; Italian for a booking that chose none.
pub fn language_label(code: &str) -> &'static str {
    InterviewLanguage::from_key(code)
        .unwrap_or(InterviewLanguage::Italian)
        .label()
}

fn optional<T>(raw: &str, parse: impl Fn(&str) -> Result<T, Invalid>) -> Result<Option<T>, Invalid> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        parse(raw).map(Some)
    }
}

/// `raw` with its spaces tidied; too long, the message `too_long` (with `{ $max }` and
/// `{ $length }`) for `field`.
fn short_text(errors: &mut FieldErrors, field: &str, raw: &str, too_long: &str, max: usize) -> String {
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let length = text.chars().count();
    if length > max {
        errors.add(
            field,
            say_with(too_long, &[("max", max.to_string()), ("length", length.to_string())]),
        );
    }
    text
}

impl DetailsForm {
    /// Checks every field, one sentence per wrong field, in the language of the request.
    pub fn parse(&self) -> Result<BookingDetails, FieldErrors> {
        let mut errors = FieldErrors::new();
        let given_name = errors.check("nome", PersonName::parse(&self.nome, NamePart::Given));
        let family_name = errors.check("cognome", PersonName::parse(&self.cognome, NamePart::Family));
        let email = errors.check("email", optional(&self.email, Email::parse));
        let phone = errors.check("telefono", optional(&self.telefono, Phone::parse));
        if matches!((&email, &phone), (Some(None), Some(None))) {
            errors.add("email", say("details-need-contact"));
        }
        let codice_fiscale = errors.check("codice_fiscale", optional(&self.codice_fiscale, CodiceFiscale::parse));
        let language = if self.lingua.is_empty() {
            "it".to_owned()
        } else if InterviewLanguage::from_key(&self.lingua).is_some() {
            self.lingua.clone()
        } else {
            errors.add("lingua", say("details-choose-language"));
            String::new()
        };
        let accessibility_needs = short_text(
            &mut errors,
            "accessibilita",
            &self.accessibilita,
            "details-accessibility-too-long",
            NEEDS_MAX_CHARS,
        );
        let about = short_text(
            &mut errors,
            "motivo",
            &self.motivo,
            "details-about-too-long",
            ABOUT_MAX_CHARS,
        );
        if self.privacy.as_deref() != Some("si") {
            errors.add("privacy", say("details-privacy-needed"));
        }
        match (given_name, family_name, email, phone, codice_fiscale) {
            (Some(given_name), Some(family_name), Some(email), Some(phone), Some(codice_fiscale))
                if errors.is_empty() =>
            {
                Ok(BookingDetails {
                    given_name: given_name.as_str().to_owned(),
                    family_name: family_name.as_str().to_owned(),
                    email: email.map(|e| e.as_str().to_owned()),
                    phone: phone.map(|p| p.as_str().to_owned()),
                    codice_fiscale: codice_fiscale.map(|c| c.as_str().to_owned()),
                    language,
                    interpreter: self.interprete.as_deref() == Some("si"),
                    accessibility_needs,
                    about,
                })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> DetailsForm {
        DetailsForm {
            nome: "Anna".into(),
            cognome: "Rossi".into(),
            email: "anna.rossi@example.it".into(),
            privacy: Some("si".into()),
            ..DetailsForm::default()
        }
    }

    #[test]
    fn a_name_and_one_way_to_reach_the_person_are_enough() {
        let details = filled().parse().unwrap();
        assert_eq!(details.email.as_deref(), Some("anna.rossi@example.it"));
        assert_eq!(details.phone, None);
        assert_eq!(details.language, "it");
        let by_phone = DetailsForm {
            email: String::new(),
            telefono: "333 1234567".into(),
            ..filled()
        };
        assert!(by_phone.parse().is_ok());
    }

    #[test]
    fn every_wrong_field_gets_its_own_sentence() {
        let errors = DetailsForm {
            nome: String::new(),
            email: String::new(),
            codice_fiscale: "RSSMRA80A01H501V".into(),
            lingua: "klingon".into(),
            motivo: "x".repeat(201),
            privacy: None,
            ..filled()
        }
        .parse()
        .unwrap_err();
        for field in ["nome", "email", "codice_fiscale", "lingua", "motivo", "privacy"] {
            assert!(errors.get(field).is_some(), "{field}: {errors:?}");
        }
        assert!(errors.get("motivo").unwrap().contains("201"));
    }
}
