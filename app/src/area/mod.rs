//! The families' personal area ("Area personale"): a person signs in with SPID or CIE and sees
//! what concerns them and their children, as their social worker decided to show it.
//!
//! Who is signed in is a `Citizen`: a person as the identity providers vouch for them, keyed by
//! their codice fiscale. The area's sessions are not the back office's: another cookie, another
//! table, shorter timeouts (`session`), and the back office never reads them. The server's
//! `citizens.rs` holds the sessions and `identity.rs` the OpenID Connect sign-in itself; this part
//! holds what the area shows and records.

use serde::{Deserialize, Serialize};

pub mod appointments;
pub mod documents;
pub mod email;
pub mod messages;
pub mod pages;
pub mod requests;
pub mod session;

pub use session::{current, Citizen, CitizenRequest};

/// The area's home.
pub const PATH: &str = crate::links::PERSONAL_AREA;
/// The choice of identity provider ("Entra con SPID", "Entra con CIE").
pub const SIGN_IN_PATH: &str = "/area-personale/accedi";
/// The link that leaves for the chosen provider (`?fornitore=`).
pub const START_PATH: &str = "/area-personale/accedi/avvia";
/// Where the provider sends the person back (the `redirect_uri` every provider registers).
pub const RETURN_PATH: &str = "/area-personale/accedi/ritorno";
pub const SIGN_OUT_PATH: &str = "/area-personale/esci";
/// One of the person's appointments (`?prenotazione=`), and its two forms.
pub const APPOINTMENT_PATH: &str = "/area-personale/appuntamento";
pub const APPOINTMENT_CANCEL_PATH: &str = "/area-personale/appuntamento/annulla";
pub const APPOINTMENT_MOVE_PATH: &str = "/area-personale/appuntamento/sposta";
/// The messages with the service, and the answer's form.
pub const MESSAGES_PATH: &str = "/area-personale/messaggi";
pub const REPLY_PATH: &str = "/area-personale/messaggi/rispondi";
/// A document the service asked for (`?richiesta=`), and the form that sends its file.
pub const DOCUMENT_PATH: &str = "/area-personale/documento";
pub const DOCUMENT_SEND_PATH: &str = "/area-personale/documento/invia";
/// "Conferma la tua email" (the form), and the link in the email it sends (`?codice=`).
pub const EMAIL_CONFIRM_PATH: &str = "/area-personale/email/conferma";
pub const EMAIL_CONFIRMED_PATH: &str = "/area-personale/email";

/// The longest message, from a worker or from the family.
pub const MESSAGE_MAX_CHARS: usize = 4000;

/// Why the sign-in page is shown again, from its `esito` in the address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignInOutcome {
    /// The person stopped at the provider, or the provider refused.
    Cancelled,
    /// The provider could not be reached, or its answer did not pass the checks.
    Failed,
    /// The session ended after a while without use, or after its longest life.
    Expired,
    /// The person signed out.
    SignedOut,
}

impl SignInOutcome {
    pub const ALL: [SignInOutcome; 4] = [Self::Cancelled, Self::Failed, Self::Expired, Self::SignedOut];

    /// The value in the address (`?esito=…`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Cancelled => "annullato",
            Self::Failed => "non-riuscito",
            Self::Expired => "scaduta",
            Self::SignedOut => "uscita",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|outcome| outcome.key() == key)
    }

    /// The sign-in page's address saying so.
    pub fn link(self) -> String {
        format!("{SIGN_IN_PATH}?esito={}", self.key())
    }

    /// Its message (`area.ftl`).
    fn message(self) -> &'static str {
        match self {
            Self::Cancelled => "area-sign-in-cancelled",
            Self::Failed => "area-sign-in-failed",
            Self::Expired => "area-sign-in-expired",
            Self::SignedOut => "area-signed-out",
        }
    }
}

/// The link that leaves for a provider: which one.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct StartForm {
    #[serde(default)]
    pub fornitore: String,
}
