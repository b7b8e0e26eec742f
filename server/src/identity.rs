//! Signing in to the families' personal area with SPID and CIE, through OpenID Connect as the
//! Italian public administration's profiles ask of a relying party:
//!
//! * the authorisation code flow with PKCE (S256), `state` and `nonce`;
//! * a signed request object carrying the whole request (`request`), its audience the provider;
//! * `private_key_jwt` client authentication at the token endpoint, its audience that endpoint;
//! * the ID token's signature, issuer, audience, expiry and nonce checked by `openidconnect`,
//!   then the userinfo claims (the same subject), with the codice fiscale in `fiscal_number`
//!   (`TINIT-` and the code, as SPID sends it).
//!
//! `openidconnect` does the protocol and every check; it signs neither request objects nor client
//! assertions, so `jsonwebtoken` signs those with the portal's own key (ES256, P-256). Its public
//! half is served at [`KEYS_PATH`] for the providers, which register it with the client id.
//!
//! Times inside these tokens are the machine's real time, not the application's clock: another
//! machine checks them against its own, and tests that move the application's clock must not
//! make them expire.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use app::area::session::VerifiedIdentity;
use app::state::IdentityProviderChoice;
use app::validation::CodiceFiscale;
use base64::Engine as _;
use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreGenderClaim, CoreProviderMetadata};
use openidconnect::{
    AdditionalClaims, AuthorizationCode, ClientId, CsrfToken, IssuerUrl, Nonce, OAuth2TokenResponse, PkceCodeChallenge,
    PkceCodeVerifier, RedirectUrl, Scope, TokenResponse, UserInfoClaims,
};
use ring::rand::SystemRandom;
use ring::signature::{EcdsaKeyPair, KeyPair, ECDSA_P256_SHA256_FIXED_SIGNING};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Where the portal's public key is published, for the providers to check what it signs.
pub const KEYS_PATH: &str = "/area-personale/chiavi.json";

/// A provider's discovery document (and its keys) is read again after this long, so a provider's
/// new signing key is picked up without a restart.
const METADATA_LIFETIME: Duration = Duration::from_secs(3600);
/// How long a signed request or client assertion is valid: long enough for a slow phone.
const ASSERTION_LIFETIME_SECONDS: u64 = 120;
/// A sign-in left at the provider longer than this must start again.
pub const PENDING_LIFETIME: chrono::Duration = chrono::Duration::minutes(15);
const JWT_BEARER: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/// The identity providers and the portal's key, as configured.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IdentitySettings {
    /// In the order the sign-in page offers them (`SPORTELLO_IDENTITY_PROVIDERS`, a TOML file).
    pub providers: Vec<ProviderSettings>,
    /// The portal's private key, PKCS#8 PEM, P-256 (`SPORTELLO_IDENTITY_KEY`); when unset, one is
    /// made at the first start and kept in `identity-key.pem` in the data folder.
    pub key_file: Option<PathBuf>,
}

/// One identity provider, as an organisation registers with it.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ProviderSettings {
    /// A short name of our own, sent by the sign-in form (`spid`, `cie`).
    pub key: String,
    /// The name on the button: "Entra con {name}".
    pub name: String,
    /// The provider's issuer; its discovery document is `{issuer}/.well-known/openid-configuration`.
    pub issuer: String,
    /// The client id the provider gave the portal (for SPID and CIE, the portal's own address).
    pub client_id: String,
    /// The level of assurance asked for, e.g. `https://www.spid.gov.it/SpidL2`.
    #[serde(default)]
    pub acr_values: Option<String>,
    /// The `prompt` the provider's profile asks for (SPID: `consent login`).
    #[serde(default)]
    pub prompt: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProvidersFile {
    #[serde(default, rename = "provider")]
    providers: Vec<ProviderSettings>,
}

/// Reads the providers' file (`[[provider]]` tables): every provider complete, each key once.
pub fn read_providers(path: &Path) -> Result<Vec<ProviderSettings>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let file: ProvidersFile = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut seen = std::collections::HashSet::new();
    for provider in &file.providers {
        if provider.key.is_empty() || !provider.key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(format!(
                "the provider key \"{}\" must be letters, digits and -",
                provider.key
            ));
        }
        if !seen.insert(provider.key.clone()) {
            return Err(format!("the provider key \"{}\" is used twice", provider.key));
        }
        IssuerUrl::new(provider.issuer.clone())
            .map_err(|e| format!("the issuer of \"{}\" is not an address: {e}", provider.key))?;
        if provider.name.trim().is_empty() || provider.client_id.trim().is_empty() {
            return Err(format!(
                "the provider \"{}\" needs a name and a client_id",
                provider.key
            ));
        }
    }
    Ok(file.providers)
}

/// The portal's signing key (P-256), with its public half as a JWK.
pub struct ClientKey {
    encoding: jsonwebtoken::EncodingKey,
    key_id: String,
    public_jwk: serde_json::Value,
}

impl ClientKey {
    /// Reads the key from `settings.key_file`, or from the data folder, making it there at the
    /// first start (readable by the server's user alone).
    pub fn load_or_create(settings: &IdentitySettings, data_dir: &Path) -> Result<Self, String> {
        let path = match &settings.key_file {
            Some(path) => path.clone(),
            None => {
                let path = data_dir.join("identity-key.pem");
                if !path.exists() {
                    let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &SystemRandom::new())
                        .map_err(|_| "cannot make the identity key".to_owned())?;
                    let text = pem::encode(&pem::Pem::new("PRIVATE KEY", pkcs8.as_ref().to_vec()));
                    std::fs::create_dir_all(data_dir)
                        .and_then(|()| crate::keys::write_private(&path, &text))
                        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                    tracing::info!("a new identity key was made in {}", path.display());
                }
                path
            }
        };
        let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Self::from_pem(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// A PKCS#8 PEM P-256 private key.
    pub fn from_pem(text: &str) -> Result<Self, String> {
        let block = pem::parse(text).map_err(|e| e.to_string())?;
        if block.tag() != "PRIVATE KEY" {
            return Err("the key must be PKCS#8 (BEGIN PRIVATE KEY), P-256".into());
        }
        let pair = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, block.contents(), &SystemRandom::new())
            .map_err(|_| "the key must be a P-256 elliptic-curve key".to_owned())?;
        // The uncompressed point: 0x04, then x and y, 32 bytes each.
        let point = pair.public_key().as_ref();
        let b64 = |bytes: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
        let (x, y) = (b64(&point[1..33]), b64(&point[33..65]));
        // RFC 7638: the key's thumbprint, the members in this order, names it.
        let canonical = format!(r#"{{"crv":"P-256","kty":"EC","x":"{x}","y":"{y}"}}"#);
        let key_id = b64(&Sha256::digest(canonical.as_bytes()));
        let encoding = jsonwebtoken::EncodingKey::from_ec_der(block.contents());
        let public_jwk = serde_json::json!({
            "kty": "EC", "crv": "P-256", "x": x, "y": y, "use": "sig", "alg": "ES256", "kid": key_id,
        });
        Ok(Self {
            encoding,
            key_id,
            public_jwk,
        })
    }

    /// The public key set the providers read at [`KEYS_PATH`].
    pub fn jwks(&self) -> serde_json::Value {
        serde_json::json!({ "keys": [self.public_jwk.clone()] })
    }

    fn sign(&self, claims: &serde_json::Value) -> Result<String, SignInError> {
        let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::ES256);
        header.kid = Some(self.key_id.clone());
        jsonwebtoken::encode(&header, claims, &self.encoding).map_err(|e| SignInError::Failed(format!("signing: {e}")))
    }
}

/// Why a sign-in did not complete.
#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    /// The person stopped at the provider, or the provider refused them.
    #[error("refused at the provider: {0}")]
    Refused(String),
    /// The sign-in's state is missing or does not match (an old tab, a forged return).
    #[error("no matching sign-in in this session")]
    NoMatchingSignIn,
    #[error("no provider \"{0}\" is configured")]
    UnknownProvider(String),
    /// Unreachable, or an answer that failed a check.
    #[error("{0}")]
    Failed(String),
}

/// A sign-in under way, kept in the area's session until the person comes back.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
pub struct PendingSignIn {
    pub provider: String,
    pub state: String,
    pub nonce: String,
    pub verifier: String,
    /// By the application's clock: a sign-in left too long must start again.
    pub started_at: chrono::DateTime<chrono::Utc>,
}

/// What the provider sends back to [`app::area::RETURN_PATH`].
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ProviderAnswer {
    pub code: Option<String>,
    pub state: Option<String>,
    pub error: Option<String>,
    pub error_description: Option<String>,
    /// RFC 9207: which provider answers (a defence against mixing two providers up).
    pub iss: Option<String>,
}

/// The extra claim SPID and CIE give: the codice fiscale.
#[derive(Clone, Debug, Deserialize, Serialize)]
struct FiscalNumber {
    #[serde(default)]
    fiscal_number: Option<String>,
}
impl AdditionalClaims for FiscalNumber {}

/// The providers, the portal's key, and what is known of each provider.
pub struct Identity {
    providers: Vec<ProviderSettings>,
    key: ClientKey,
    redirect_uri: RedirectUrl,
    http: reqwest::Client,
    discovered: tokio::sync::Mutex<HashMap<String, (Instant, CoreProviderMetadata)>>,
}

impl Identity {
    pub fn new(settings: &IdentitySettings, key: ClientKey, public_url: &str) -> Result<Arc<Self>, String> {
        let redirect_uri = RedirectUrl::new(format!("{public_url}{}", app::area::RETURN_PATH))
            .map_err(|e| format!("the return address: {e}"))?;
        let http = reqwest::Client::builder()
            // Never follow a provider's redirection to somewhere else (SSRF).
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| format!("the identity providers' HTTP client: {e}"))?;
        Ok(Arc::new(Self {
            providers: settings.providers.clone(),
            key,
            redirect_uri,
            http,
            discovered: tokio::sync::Mutex::new(HashMap::new()),
        }))
    }

    /// The providers as the sign-in page offers them.
    pub fn choices(&self) -> Vec<IdentityProviderChoice> {
        self.providers
            .iter()
            .map(|provider| IdentityProviderChoice {
                key: provider.key.clone(),
                name: provider.name.clone(),
            })
            .collect()
    }

    pub fn jwks(&self) -> serde_json::Value {
        self.key.jwks()
    }

    fn provider(&self, key: &str) -> Result<&ProviderSettings, SignInError> {
        self.providers
            .iter()
            .find(|provider| provider.key == key)
            .ok_or_else(|| SignInError::UnknownProvider(key.chars().take(40).collect()))
    }

    /// The provider's discovery document and keys, read again once they are an hour old.
    async fn metadata(&self, provider: &ProviderSettings) -> Result<CoreProviderMetadata, SignInError> {
        let mut discovered = self.discovered.lock().await;
        if let Some((at, metadata)) = discovered.get(&provider.key) {
            if at.elapsed() < METADATA_LIFETIME {
                return Ok(metadata.clone());
            }
        }
        let issuer = IssuerUrl::new(provider.issuer.clone()).map_err(|e| SignInError::Failed(e.to_string()))?;
        let metadata = CoreProviderMetadata::discover_async(issuer, &self.http)
            .await
            .map_err(|e| SignInError::Failed(format!("discovery at {}: {}", provider.issuer, chain(&e))))?;
        discovered.insert(provider.key.clone(), (Instant::now(), metadata.clone()));
        Ok(metadata)
    }

    /// The address that sends the person to `provider_key`, and what to keep until they return.
    pub async fn start(
        &self,
        provider_key: &str,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(String, PendingSignIn), SignInError> {
        let provider = self.provider(provider_key)?;
        let metadata = self.metadata(provider).await?;
        let client = CoreClient::from_provider_metadata(metadata, ClientId::new(provider.client_id.clone()), None)
            .set_redirect_uri(self.redirect_uri.clone());
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let state = CsrfToken::new_random();
        let nonce = Nonce::new_random();
        let scope = "openid profile email";
        let issued = unix_now();
        let mut request_object = serde_json::json!({
            "iss": provider.client_id,
            "aud": provider.issuer,
            "client_id": provider.client_id,
            "response_type": "code",
            "redirect_uri": self.redirect_uri.as_str(),
            "scope": scope,
            "state": state.secret(),
            "nonce": nonce.secret(),
            "code_challenge": challenge.as_str(),
            "code_challenge_method": "S256",
            "iat": issued,
            "exp": issued + ASSERTION_LIFETIME_SECONDS,
            "jti": CsrfToken::new_random().secret(),
        });
        if let Some(acr) = &provider.acr_values {
            request_object["acr_values"] = acr.clone().into();
        }
        if let Some(prompt) = &provider.prompt {
            request_object["prompt"] = prompt.clone().into();
        }
        let signed = self.key.sign(&request_object)?;
        let (state_for_url, nonce_for_url) = (state.clone(), nonce.clone());
        let mut request = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                move || state_for_url,
                move || nonce_for_url,
            )
            .add_scope(Scope::new("profile".into()))
            .add_scope(Scope::new("email".into()))
            .set_pkce_challenge(challenge)
            .add_extra_param("request", signed);
        if let Some(acr) = &provider.acr_values {
            request = request.add_extra_param("acr_values", acr.clone());
        }
        if let Some(prompt) = &provider.prompt {
            request = request.add_extra_param("prompt", prompt.clone());
        }
        let (url, _, _) = request.url();
        let pending = PendingSignIn {
            provider: provider.key.clone(),
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            verifier: verifier.secret().clone(),
            started_at: now,
        };
        Ok((url.to_string(), pending))
    }

    /// Checks the provider's answer against the sign-in under way, redeems the code and returns
    /// who the provider vouches for.
    pub async fn finish(
        &self,
        pending: PendingSignIn,
        answer: ProviderAnswer,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<VerifiedIdentity, SignInError> {
        if answer.state.as_deref() != Some(pending.state.as_str()) || now - pending.started_at > PENDING_LIFETIME {
            return Err(SignInError::NoMatchingSignIn);
        }
        if let Some(error) = answer.error {
            return Err(SignInError::Refused(format!(
                "{error}: {}",
                answer.error_description.unwrap_or_default()
            )));
        }
        let provider = self.provider(&pending.provider)?;
        if answer.iss.as_deref().is_some_and(|iss| iss != provider.issuer) {
            return Err(SignInError::Failed(format!(
                "the answer names another issuer than {}",
                provider.issuer
            )));
        }
        let code = answer
            .code
            .ok_or_else(|| SignInError::Failed("no code in the answer".into()))?;
        let metadata = self.metadata(provider).await?;
        let token_url = metadata
            .token_endpoint()
            .ok_or_else(|| SignInError::Failed("the provider names no token endpoint".into()))?
            .to_string();
        let client = CoreClient::from_provider_metadata(metadata, ClientId::new(provider.client_id.clone()), None)
            .set_redirect_uri(self.redirect_uri.clone());
        let issued = unix_now();
        let assertion = self.key.sign(&serde_json::json!({
            "iss": provider.client_id,
            "sub": provider.client_id,
            "aud": token_url,
            "iat": issued,
            "exp": issued + ASSERTION_LIFETIME_SECONDS,
            "jti": CsrfToken::new_random().secret(),
        }))?;
        let tokens = client
            .exchange_code(AuthorizationCode::new(code))
            .map_err(|e| SignInError::Failed(e.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(pending.verifier))
            .add_extra_param("client_assertion_type", JWT_BEARER)
            .add_extra_param("client_assertion", assertion)
            .request_async(&self.http)
            .await
            .map_err(|e| SignInError::Failed(format!("the token request: {}", chain(&e))))?;
        let id_token = tokens
            .id_token()
            .ok_or_else(|| SignInError::Failed("no ID token in the answer".into()))?;
        let claims = id_token
            .claims(&client.id_token_verifier(), &Nonce::new(pending.nonce))
            .map_err(|e| SignInError::Failed(format!("the ID token: {}", chain(&e))))?;
        if let Some(asked) = &provider.acr_values {
            let given = claims.auth_context_ref().map(|acr| acr.as_str());
            if !level_suffices(asked, given) {
                return Err(SignInError::Failed(format!(
                    "the level of assurance {given:?} is below the one asked for, {asked}"
                )));
            }
        }
        let userinfo: UserInfoClaims<FiscalNumber, CoreGenderClaim> = client
            .user_info(tokens.access_token().clone(), Some(claims.subject().clone()))
            .map_err(|e| SignInError::Failed(e.to_string()))?
            .request_async(&self.http)
            .await
            .map_err(|e| SignInError::Failed(format!("the userinfo request: {}", chain(&e))))?;
        identity_of(&userinfo)
    }
}

/// Whether the level of assurance `given` (the ID token's `acr`) satisfies `asked` (the
/// `acr_values` sent, separated by spaces): one of them, or a higher SPID level than the lowest
/// asked (L3 where L2 was asked). No `acr` at all never does.
fn level_suffices(asked: &str, given: Option<&str>) -> bool {
    let Some(given) = given else {
        return false;
    };
    let spid_level = |acr: &str| {
        acr.strip_prefix("https://www.spid.gov.it/SpidL")
            .and_then(|level| level.parse::<u8>().ok())
    };
    let lowest_asked = asked.split_whitespace().filter_map(spid_level).min();
    asked.split_whitespace().any(|acr| acr == given)
        || matches!((spid_level(given), lowest_asked), (Some(given), Some(lowest)) if given >= lowest)
}

/// The person in the userinfo claims: a valid codice fiscale, and a name.
fn identity_of(userinfo: &UserInfoClaims<FiscalNumber, CoreGenderClaim>) -> Result<VerifiedIdentity, SignInError> {
    let fiscal_number = userinfo
        .additional_claims()
        .fiscal_number
        .as_deref()
        .ok_or_else(|| SignInError::Failed("no fiscal_number claim".into()))?;
    let codice_fiscale = codice_fiscale_of(fiscal_number)
        .ok_or_else(|| SignInError::Failed("the fiscal_number claim is no valid codice fiscale".into()))?;
    let first = |claim: Option<&openidconnect::LocalizedClaim<_>>| {
        claim
            .and_then(|values| values.get(None))
            .map(|value: &openidconnect::EndUserGivenName| value.as_str().trim().to_owned())
    };
    let given_name = first(userinfo.given_name()).unwrap_or_default();
    let family_name = userinfo
        .family_name()
        .and_then(|values| values.get(None))
        .map(|value| value.as_str().trim().to_owned())
        .unwrap_or_default();
    if given_name.is_empty() || family_name.is_empty() {
        return Err(SignInError::Failed("no given_name or family_name claim".into()));
    }
    let email = userinfo
        .email()
        .filter(|_| userinfo.email_verified() != Some(false))
        .map(|email| email.as_str().to_owned());
    Ok(VerifiedIdentity {
        codice_fiscale,
        given_name,
        family_name,
        email,
    })
}

/// The codice fiscale of a `fiscal_number` claim: `TINIT-` (ETSI's "tax identification number,
/// Italy") then the code, or the code alone.
fn codice_fiscale_of(claim: &str) -> Option<String> {
    let code = claim
        .get(..6)
        .filter(|prefix| prefix.eq_ignore_ascii_case("TINIT-"))
        .map_or(claim, |_| &claim[6..]);
    CodiceFiscale::parse(code).ok().map(|code| code.as_str().to_owned())
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs())
}

/// An error with its causes, for the log.
fn chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(inner) = source {
        text.push_str(": ");
        text.push_str(&inner.to_string());
        source = inner.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fiscal_number_claim_gives_the_codice_fiscale() {
        assert_eq!(
            codice_fiscale_of("TINIT-RSSMRA80A01H501U").as_deref(),
            Some("RSSMRA80A01H501U")
        );
        assert_eq!(
            codice_fiscale_of("tinit-rssmra80a01h501u").as_deref(),
            Some("RSSMRA80A01H501U")
        );
        assert_eq!(
            codice_fiscale_of("RSSMRA80A01H501U").as_deref(),
            Some("RSSMRA80A01H501U")
        );
        assert_eq!(codice_fiscale_of("TINIT-RSSMRA80A01H501V"), None);
        assert_eq!(codice_fiscale_of("TINIT-"), None);
        assert_eq!(codice_fiscale_of(""), None);
    }

    #[test]
    fn the_level_of_assurance_must_reach_the_one_asked_for() {
        let l2 = "https://www.spid.gov.it/SpidL2";
        assert!(level_suffices(l2, Some(l2)));
        assert!(level_suffices(l2, Some("https://www.spid.gov.it/SpidL3")));
        assert!(!level_suffices(l2, Some("https://www.spid.gov.it/SpidL1")));
        assert!(!level_suffices(l2, None));
        assert!(!level_suffices(l2, Some("urn:other")));
        assert!(level_suffices("urn:a urn:b", Some("urn:b")));
    }

    #[test]
    fn a_made_key_signs_and_names_itself() {
        let dir = tempfile::tempdir().unwrap();
        let key = ClientKey::load_or_create(&IdentitySettings::default(), dir.path()).unwrap();
        let again = ClientKey::load_or_create(&IdentitySettings::default(), dir.path()).unwrap();
        assert_eq!(key.key_id, again.key_id, "the key is kept in the data folder");
        let jwks = key.jwks();
        assert_eq!(jwks["keys"][0]["kty"], "EC");
        assert_eq!(jwks["keys"][0]["kid"], key.key_id.as_str());
        assert!(jwks["keys"][0].get("d").is_none(), "never the private part");
        let token = key.sign(&serde_json::json!({ "iss": "x" })).unwrap();
        assert_eq!(token.split('.').count(), 3);
    }

    #[test]
    fn the_providers_file_is_checked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("providers.toml");
        std::fs::write(
            &path,
            "[[provider]]\nkey = \"spid\"\nname = \"SPID\"\nissuer = \"https://id.example.it\"\nclient_id = \"https://comune.example.it/\"\nacr_values = \"https://www.spid.gov.it/SpidL2\"\n",
        )
        .unwrap();
        let providers = read_providers(&path).unwrap();
        assert_eq!(providers[0].key, "spid");
        assert_eq!(
            providers[0].acr_values.as_deref(),
            Some("https://www.spid.gov.it/SpidL2")
        );
        std::fs::write(
            &path,
            "[[provider]]\nkey = \"spid\"\nname = \"SPID\"\nissuer = \"x\"\nclient_id = \"y\"\n",
        )
        .unwrap();
        assert!(read_providers(&path).unwrap_err().contains("issuer"));
        std::fs::write(&path, "[[provider]]\nkey = \"spid\"\nnome = \"SPID\"\n").unwrap();
        assert!(read_providers(&path).is_err());
    }
}
