//! Secrets at rest: the staff's second-factor secrets and the case documents are sealed with a key
//! kept outside the database and the documents folder (`SPORTELLO_DATA_KEY`), so a stolen database
//! dump, backup or disk gives neither a working second factor nor a child's file.
//!
//! XChaCha20-Poly1305 (RustCrypto's `chacha20poly1305`): a random 24-byte nonce per message is safe
//! for any number of messages, and the tag refuses any change. Each sealed value names the key that
//! sealed it (the first 8 bytes of a hash of the key), so keys can be rotated: the new key seals,
//! the retired ones still open what they sealed until `server rotate-data-key` has sealed it again
//! (docs/operations.md). Each value is bound to what it belongs to (the "context": the account, the
//! document's storage name), so a sealed value copied onto another row does not open.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use sha2::{Digest, Sha256};

/// What begins every sealed file, then the key's id, the nonce and the sealed bytes.
const FILE_MAGIC: &[u8; 8] = b"SPSEAL1\n";
/// What begins every sealed text (base64 of key id, nonce and sealed bytes follows).
const TEXT_PREFIX: &str = "sealed1:";
const ID_LEN: usize = 8;
const NONCE_LEN: usize = 24;

/// A key's name in what it sealed: not secret, and says nothing about the key.
type KeyId = [u8; ID_LEN];

#[derive(Clone)]
struct Key {
    id: KeyId,
    cipher: XChaCha20Poly1305,
}

impl Key {
    fn new(bytes: &[u8; 32]) -> Self {
        let digest = Sha256::new_with_prefix(b"sportello data key id\n")
            .chain_update(bytes)
            .finalize();
        let mut id = [0u8; ID_LEN];
        id.copy_from_slice(&digest[..ID_LEN]);
        Self {
            id,
            cipher: XChaCha20Poly1305::new(bytes.into()),
        }
    }
}

/// The key that seals, and the retired keys that still open.
#[derive(Clone)]
pub struct DataKeys {
    current: Key,
    retired: Vec<Key>,
}

impl std::fmt::Debug for DataKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DataKeys")
            .field("current", &hex::encode(self.current.id))
            .field(
                "retired",
                &self.retired.iter().map(|key| hex::encode(key.id)).collect::<Vec<_>>(),
            )
            .finish()
    }
}

/// Why a sealed value did not open.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum OpenError {
    #[error("not a sealed value")]
    NotSealed,
    #[error("sealed with a key this server does not have (id {0})")]
    UnknownKey(String),
    #[error("the sealed value was changed, or belongs to something else")]
    Refused,
}

impl DataKeys {
    pub fn new(current: &[u8; 32], retired: &[[u8; 32]]) -> Self {
        Self {
            current: Key::new(current),
            retired: retired.iter().map(Key::new).collect(),
        }
    }

    /// Seals `plain` for `context`: the key's id, a fresh nonce, then the sealed bytes and tag.
    fn seal_raw(&self, plain: &[u8], context: &[u8]) -> Vec<u8> {
        let mut nonce = [0u8; NONCE_LEN];
        rand::fill(&mut nonce);
        let sealed = self
            .current
            .cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plain,
                    aad: context,
                },
            )
            .expect("XChaCha20-Poly1305 seals any message shorter than 256 GiB");
        let mut out = Vec::with_capacity(ID_LEN + NONCE_LEN + sealed.len());
        out.extend_from_slice(&self.current.id);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        out
    }

    fn open_raw(&self, sealed: &[u8], context: &[u8]) -> Result<Vec<u8>, OpenError> {
        if sealed.len() < ID_LEN + NONCE_LEN {
            return Err(OpenError::NotSealed);
        }
        let (id, rest) = sealed.split_at(ID_LEN);
        let (nonce, body) = rest.split_at(NONCE_LEN);
        let key = std::iter::once(&self.current)
            .chain(&self.retired)
            .find(|key| key.id == id)
            .ok_or_else(|| OpenError::UnknownKey(hex::encode(id)))?;
        key.cipher
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: body,
                    aad: context,
                },
            )
            .map_err(|_| OpenError::Refused)
    }

    /// A file's bytes, sealed.
    pub fn seal_file(&self, plain: &[u8], context: &str) -> Vec<u8> {
        let mut out = FILE_MAGIC.to_vec();
        out.extend(self.seal_raw(plain, context.as_bytes()));
        out
    }

    /// A file's bytes, opened; `NotSealed` for a file written before sealing began.
    pub fn open_file(&self, sealed: &[u8], context: &str) -> Result<Vec<u8>, OpenError> {
        let body = sealed.strip_prefix(FILE_MAGIC.as_slice()).ok_or(OpenError::NotSealed)?;
        self.open_raw(body, context.as_bytes())
    }

    /// A short secret, sealed into text for a database column.
    pub fn seal_text(&self, plain: &str, context: &str) -> String {
        use base64::Engine;
        let raw = self.seal_raw(plain.as_bytes(), context.as_bytes());
        format!(
            "{TEXT_PREFIX}{}",
            base64::engine::general_purpose::STANDARD_NO_PAD.encode(raw)
        )
    }

    /// A sealed text, opened; `NotSealed` for a value written before sealing began.
    pub fn open_text(&self, sealed: &str, context: &str) -> Result<String, OpenError> {
        use base64::Engine;
        let body = sealed.strip_prefix(TEXT_PREFIX).ok_or(OpenError::NotSealed)?;
        let raw = base64::engine::general_purpose::STANDARD_NO_PAD
            .decode(body)
            .map_err(|_| OpenError::Refused)?;
        let plain = self.open_raw(&raw, context.as_bytes())?;
        String::from_utf8(plain).map_err(|_| OpenError::Refused)
    }

    /// Whether a sealed text was sealed with the current key (rotation seals the others again).
    pub fn text_is_current(&self, sealed: &str) -> bool {
        use base64::Engine;
        sealed
            .strip_prefix(TEXT_PREFIX)
            .and_then(|body| base64::engine::general_purpose::STANDARD_NO_PAD.decode(body).ok())
            .is_some_and(|raw| raw.starts_with(&self.current.id))
    }

    /// Whether a sealed file was sealed with the current key.
    pub fn file_is_current(&self, sealed: &[u8]) -> bool {
        sealed
            .strip_prefix(FILE_MAGIC.as_slice())
            .is_some_and(|body| body.starts_with(&self.current.id))
    }
}

/// The context a staff member's second-factor secret is sealed for.
pub fn totp_context(user_id: i64) -> String {
    format!("totp:{user_id}")
}

/// The context a case document's file is sealed for.
pub fn document_context(storage_key: &str) -> String {
    format!("document:{storage_key}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_sealed_opens_only_with_its_key_and_its_context() {
        let keys = DataKeys::new(&[1; 32], &[]);
        let sealed = keys.seal_text("JBSWY3DPEHPK3PXP", "totp:7");
        assert!(!sealed.contains("JBSWY3DPEHPK3PXP"));
        assert_eq!(keys.open_text(&sealed, "totp:7").unwrap(), "JBSWY3DPEHPK3PXP");
        assert_eq!(
            keys.open_text(&sealed, "totp:8"),
            Err(OpenError::Refused),
            "copied onto another account"
        );
        assert_ne!(
            sealed,
            keys.seal_text("JBSWY3DPEHPK3PXP", "totp:7"),
            "a fresh nonce each time"
        );
        let other = DataKeys::new(&[2; 32], &[]);
        assert!(matches!(
            other.open_text(&sealed, "totp:7"),
            Err(OpenError::UnknownKey(_))
        ));
        assert_eq!(keys.open_text("JBSWY3DPEHPK3PXP", "totp:7"), Err(OpenError::NotSealed));

        let file = keys.seal_file(b"%PDF-1.7 a decree", "document:ab");
        assert_eq!(keys.open_file(&file, "document:ab").unwrap(), b"%PDF-1.7 a decree");
        let mut changed = file.clone();
        *changed.last_mut().unwrap() ^= 1;
        assert_eq!(keys.open_file(&changed, "document:ab"), Err(OpenError::Refused));
        assert_eq!(keys.open_file(b"%PDF-1.7", "document:ab"), Err(OpenError::NotSealed));
    }

    #[test]
    fn a_retired_key_still_opens_and_only_the_current_one_seals() {
        let old = DataKeys::new(&[1; 32], &[]);
        let sealed = old.seal_text("secret", "totp:1");
        let file = old.seal_file(b"bytes", "document:x");
        let rotated = DataKeys::new(&[2; 32], &[[1; 32]]);
        assert_eq!(rotated.open_text(&sealed, "totp:1").unwrap(), "secret");
        assert_eq!(rotated.open_file(&file, "document:x").unwrap(), b"bytes");
        assert!(!rotated.text_is_current(&sealed) && !rotated.file_is_current(&file));
        let again = rotated.seal_text("secret", "totp:1");
        assert!(rotated.text_is_current(&again));
        assert!(rotated.file_is_current(&rotated.seal_file(b"bytes", "document:x")));
    }
}
