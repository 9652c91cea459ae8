//! Random tokens and ids, and the form tokens are stored in: only their
//! SHA-256, so a copy of the database cannot be used to sign in to the
//! console or take over a resident's conversation.

use sha2::{Digest, Sha256};

/// Session tokens carry this many random bytes (64 hex digits).
pub(crate) const TOKEN_BYTES: usize = 32;

/// `bytes` random bytes from the operating system, as lowercase hex.
pub(crate) fn random_hex(bytes: usize) -> String {
    let mut buffer = vec![0_u8; bytes];
    // Without the system's random source no token would be safe to hand out.
    getrandom::fill(&mut buffer)
        .unwrap_or_else(|error| panic!("the operating system's random source failed: {error}"));
    hex(&buffer)
}

/// What is stored for a token.
pub(crate) fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Whether `text` looks like a token we hand out, so junk never reaches the database.
pub(crate) fn is_token(text: &str) -> bool {
    text.len() == TOKEN_BYTES * 2
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_hex_and_hash_to_other_hex() {
        let token = random_hex(TOKEN_BYTES);
        assert!(is_token(&token));
        assert_ne!(token, random_hex(TOKEN_BYTES));
        assert!(!is_token("not-a-token"));
        let hash = token_hash(&token);
        assert_eq!(hash.len(), 64);
        assert_ne!(hash, token);
    }
}
