//! The service catalogue ("Servizi"): what the service offers, one page per service in the shape of
//! the municipal model's "scheda servizio", and a search that works without JavaScript.
//!
//! Texts live in the database as Markdown (seeded at first start, editable by staff later) and are
//! rendered on the server into sanitised HTML.

use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::i18n::Language;
use crate::organisation::Office;

pub mod pages;

pub mod editor;
pub mod markdown;
pub mod search;
pub mod store;
pub mod translations;

/// The list of services, with its search.
pub const LIST_PATH: &str = "/servizi";
/// A service's page, by its slug (a route pattern).
pub const SERVICE_PATH: &str = "/servizi/{slug}";
/// The back office's editor of the service pages and the information pages.
pub const EDITOR_PATH: &str = "/operatori/catalogo";
pub const EDITOR_SAVE_PATH: &str = "/operatori/catalogo/salva";
/// Where each page stands in each language, and what no native speaker has read through yet.
pub const TRANSLATIONS_PATH: &str = "/operatori/catalogo/traduzioni";
/// One page's translation into one language: its editor and history.
pub const TRANSLATION_PATH: &str = "/operatori/catalogo/traduzione";
pub const TRANSLATION_SAVE_PATH: &str = "/operatori/catalogo/traduzione/salva";
pub const TRANSLATION_REVIEW_PATH: &str = "/operatori/catalogo/traduzione/revisione";

/// The written sections of a service page, in page order, with their headings and the
/// `data-element` names the municipal model's validator looks for.
pub const WRITTEN_SECTIONS: [(&str, &str, &str); 6] = [
    ("a_chi_e_rivolto", "A chi è rivolto", "service-addressed"),
    ("come_fare", "Come fare", "service-how-to"),
    ("cosa_serve", "Cosa serve", "service-needed"),
    ("cosa_si_ottiene", "Cosa si ottiene", "service-achieved"),
    ("tempi_e_scadenze", "Tempi e scadenze", "service-calendar-text"),
    ("costi_e_condizioni", "Condizioni di servizio", "service-conditions"),
];

/// A topic of the model's taxonomy ("argomento").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    pub slug: String,
    pub name: String,
}

/// Which language the organisation's own texts on a page are in (a service's page, an
/// information page): the page's language where a translation exists, else the Italian.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Wording {
    /// The Italian original, on an Italian page.
    #[default]
    Original,
    /// Translated into the page's language; `outdated` when the Italian was published again
    /// after the version the translation was made from.
    Translated { outdated: bool },
    /// Not translated into the page's language: the Italian is shown, marked as Italian.
    Untranslated,
}

impl Wording {
    /// `lang` for the texts: `it` when they are the Italian on a page in another language.
    pub fn lang(self) -> Option<&'static str> {
        (self == Wording::Untranslated).then_some("it")
    }
}

/// A service as listed in the catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceCard {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub category: String,
    pub topics: Vec<Topic>,
    pub wording: Wording,
}

/// The catalogue page: the services that match, and what can be filtered on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalogue {
    pub services: Vec<ServiceCard>,
    pub categories: Vec<String>,
    pub topics: Vec<Topic>,
}

/// How people reach a service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Access {
    /// Only through an appointment with the Segretariato Sociale.
    Appointment,
    /// An appointment, or a mandate of the Autorità Giudiziaria.
    AppointmentOrCourt,
    /// Only on mandate of the court.
    Court,
}

impl Access {
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "appuntamento" => Some(Access::Appointment),
            "appuntamento_o_tribunale" => Some(Access::AppointmentOrCourt),
            "tribunale" => Some(Access::Court),
            _ => None,
        }
    }

    /// The message that explains it in one plain sentence, for the page.
    pub fn explained(self) -> &'static str {
        match self {
            Access::Appointment => "service-access-appointment",
            Access::AppointmentOrCourt => "service-access-appointment-or-court",
            Access::Court => "service-access-court",
        }
    }
}

/// Everything the page of one service shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceDetail {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub category: String,
    pub topics: Vec<Topic>,
    /// Whether the title, the summary and the sections are in the page's language.
    pub wording: Wording,
    /// The unit that answers; `None`: the Segretariato Sociale itself.
    pub unit: Option<String>,
    pub access: Access,
    /// "22/11/2026".
    pub updated_on: String,
    /// (section key, sanitised HTML), in page order.
    pub sections: Vec<(String, String)>,
    /// Where and when the service receives.
    pub offices: Vec<Office>,
    /// Who runs the service, and the comuni it serves (for the structured description).
    pub operator: String,
    pub area_served: Vec<String>,
    /// The booking action's full address, on the portal's public URL.
    pub booking_url: String,
}

impl ServiceDetail {
    /// The schema.org description search engines and the municipal model's validator read, as the
    /// text of a `<script type="application/ld+json">`: `</` is escaped so a text can never close
    /// the element.
    pub fn json_ld(&self) -> String {
        let office = self.offices.first();
        let description = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "GovernmentService",
            "name": self.title,
            "description": self.summary,
            "serviceType": self.category,
            "serviceOperator": { "@type": "GovernmentOrganization", "name": self.operator },
            "areaServed": self.area_served.iter()
                .map(|comune| serde_json::json!({ "@type": "AdministrativeArea", "name": comune }))
                .collect::<Vec<_>>(),
            "audience": { "@type": "Audience", "audienceType": "Famiglie con figli minorenni" },
            "availableChannel": {
                "@type": "ServiceChannel",
                "name": "Prenota un appuntamento con il Segretariato Sociale",
                "serviceUrl": self.booking_url,
                "availableLanguage": "it",
                "serviceLocation": office.map(|office| serde_json::json!({
                    "@type": "Place",
                    "name": office.name,
                    "address": { "@type": "PostalAddress", "streetAddress": office.address },
                })),
            },
        });
        description.to_string().replace("</", "<\\/")
    }

    pub fn section_html(&self, key: &str) -> String {
        self.sections
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, html)| html.clone())
            .unwrap_or_default()
    }
}

/// What the catalogue is asked for: words, a category and a topic (each optional), and the
/// language of the page, whose translations of the services' titles and summaries it shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CatalogueQuery {
    pub words: String,
    pub category: String,
    pub topic: String,
    pub language: Language,
}

/// The services matching the query.
pub async fn search_services(query: CatalogueQuery) -> Result<Catalogue, AppError> {
    let state = crate::state::AppState::current();
    let stems = search::query_stems(&query.words);
    let category = Some(query.category.trim()).filter(|c| !c.is_empty());
    let topic = Some(query.topic.trim()).filter(|t| !t.is_empty());
    Ok(store::catalogue(&state.db, &stems, category, topic, query.language).await?)
}

/// One service's page in `language`; `None` when there is no active service with that slug.
pub async fn get_service((slug, language): (String, Language)) -> Result<Option<ServiceDetail>, AppError> {
    let state = crate::state::AppState::current();
    Ok(store::service(&state.db, &slug, language, state.clock.now(), &state.public_url).await?)
}
