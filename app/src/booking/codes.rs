//! The secrets of a booking: its short code, the private link's token, and a draft's id.

use rand::Rng;
use sha2::{Digest, Sha256};

/// Letters and digits that cannot be mistaken for each other when read out on the phone or copied
/// by hand: no 0/O, 1/I/L.
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
pub const CODE_LENGTH: usize = 8;

/// A new booking code, e.g. `K7MP3XQ9` (31^8 ≈ 8.5 · 10^11 codes; a clash is retried).
pub fn new_code() -> String {
    let mut rng = rand::rng();
    (0..CODE_LENGTH)
        .map(|_| char::from(CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())]))
        .collect()
}

/// A code as typed back by a person: spaces and dashes dropped, upper case.
pub fn normalise_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// 256 random bits as 64 hex characters: a private link's token or a draft's id.
pub fn new_secret() -> String {
    let bytes: [u8; 32] = rand::rng().random();
    hex::encode(bytes)
}

/// What the database keeps of a token: its SHA-256, so a copy of the database opens no booking.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_use_only_unambiguous_characters() {
        for _ in 0..200 {
            let code = new_code();
            assert_eq!(code.len(), CODE_LENGTH);
            assert!(code.bytes().all(|b| CODE_ALPHABET.contains(&b)), "{code}");
        }
        assert_eq!(normalise_code(" k7mp-3xq9 "), "K7MP3XQ9");
    }

    #[test]
    fn secrets_are_long_and_only_their_hash_is_kept() {
        let token = new_secret();
        assert_eq!(token.len(), 64);
        assert_ne!(new_secret(), token);
        assert_eq!(token_hash(&token).len(), 64);
        assert_ne!(token_hash(&token), token);
    }
}
