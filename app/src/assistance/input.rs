//! The checks of the assistance form, the same in the browser and on the server.

use super::{AssistanceForm, AssistanceTopic};
use crate::forms::FieldErrors;
use crate::i18n::{say, say_with};
use crate::validation::{Email, PersonName};

pub const MESSAGE_MAX_CHARS: usize = 1000;

/// An assistance request that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssistanceRequest {
    pub nome: PersonName,
    pub cognome: PersonName,
    pub email: Email,
    pub category_label: &'static str,
    pub message: String,
}

impl AssistanceForm {
    /// Parses every field, collecting one Italian sentence per wrong field.
    pub fn parse(&self) -> Result<AssistanceRequest, FieldErrors> {
        let mut errors = FieldErrors::new();
        let nome = errors.check(
            "nome",
            PersonName::parse(&self.nome, crate::validation::NamePart::Given),
        );
        let cognome = errors.check(
            "cognome",
            PersonName::parse(&self.cognome, crate::validation::NamePart::Family),
        );
        let email = errors.check("email", Email::parse(&self.email));
        let category_label = AssistanceTopic::from_key(&self.categoria).map(AssistanceTopic::label);
        if category_label.is_none() {
            errors.add("categoria", say("assistance-choose-topic"));
        }
        let message = self.messaggio.trim().to_owned();
        let length = message.chars().count();
        if length == 0 {
            errors.add("messaggio", say("assistance-write-message"));
        } else if length > MESSAGE_MAX_CHARS {
            errors.add(
                "messaggio",
                say_with(
                    "assistance-message-too-long",
                    &[("max", MESSAGE_MAX_CHARS.to_string()), ("length", length.to_string())],
                ),
            );
        }
        if self.privacy.as_deref() != Some("si") {
            errors.add("privacy", say("assistance-privacy-needed"));
        }
        match (nome, cognome, email, category_label) {
            (Some(nome), Some(cognome), Some(email), Some(category_label)) if errors.is_empty() => {
                Ok(AssistanceRequest {
                    nome,
                    cognome,
                    email,
                    category_label,
                    message,
                })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> AssistanceForm {
        AssistanceForm {
            nome: "Giulia".into(),
            cognome: "Rossi".into(),
            email: "giulia.rossi@example.it".into(),
            categoria: "servizi".into(),
            messaggio: "Vorrei sapere come si chiede il sostegno educativo.".into(),
            privacy: Some("si".into()),
        }
    }

    #[test]
    fn a_complete_form_passes() {
        let request = valid().parse().unwrap();
        assert_eq!(request.category_label, "Informazioni sui servizi");
        assert_eq!(request.email.as_str(), "giulia.rossi@example.it");
    }

    #[test]
    fn every_wrong_field_gets_its_own_sentence() {
        let form = AssistanceForm {
            email: "giulia@".into(),
            privacy: None,
            categoria: "boh".into(),
            ..valid()
        };
        let errors = form.parse().unwrap_err();
        assert_eq!(errors.len(), 3);
        assert!(errors.get("email").unwrap().contains("email"));
        assert!(errors.get("privacy").is_some());
        assert!(errors.get("categoria").is_some());
    }

    #[test]
    fn a_message_over_the_limit_is_refused_with_the_count() {
        let form = AssistanceForm {
            messaggio: "a".repeat(MESSAGE_MAX_CHARS + 5),
            ..valid()
        };
        let errors = form.parse().unwrap_err();
        assert!(errors.get("messaggio").unwrap().contains("1005"));
    }
}
