//! Passwords: kept only as Argon2id hashes (the crate's defaults, which follow
//! OWASP's advice), in PHC strings that carry their own salt and parameters so
//! stronger settings later still verify old hashes.
//!
//! Hashing is deliberately slow (tens of milliseconds), so both functions run on
//! the blocking pool and never stall the async threads.

use std::sync::LazyLock;

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

use super::{StaffError, random_hex};

/// The shortest password accepted for a new account.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// The longest: more proves nothing, and bounds the work one sign-in costs.
pub const MAX_PASSWORD_BYTES: usize = 1024;

/// Verified instead of a real hash when the name is unknown, so a wrong name
/// takes as long to refuse as a wrong password and names cannot be probed.
static DECOY_HASH: LazyLock<String> =
    LazyLock::new(|| hash_now(&random_hex(16)).unwrap_or_default());

/// Refuses passwords too short to resist guessing.
pub fn check_new_password(password: &str) -> Result<(), StaffError> {
    if password.chars().count() < MIN_PASSWORD_CHARS || password.len() > MAX_PASSWORD_BYTES {
        return Err(StaffError::WeakPassword);
    }
    Ok(())
}

/// The PHC string to store for `password`, with a fresh random salt.
pub async fn hash_password(password: String) -> Result<String, StaffError> {
    tokio::task::spawn_blocking(move || hash_now(&password))
        .await
        .map_err(|error| StaffError::Hashing(error.to_string()))?
}

/// Whether `password` matches `stored` (a PHC string). With no stored hash it
/// spends the same effort and answers no.
pub async fn verify_password(password: String, stored: Option<String>) -> bool {
    let checked = tokio::task::spawn_blocking(move || match stored {
        Some(stored) => verify_now(&password, &stored),
        None => {
            verify_now(&password, &DECOY_HASH);
            false
        }
    })
    .await;
    checked.unwrap_or(false)
}

fn hash_now(password: &str) -> Result<String, StaffError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|error| StaffError::Hashing(error.to_string()))
}

fn verify_now(password: &str, stored: &str) -> bool {
    Argon2::default()
        .verify_password(password.as_bytes(), stored)
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let stored = hash_password("correct horse".to_owned()).await.unwrap();
        assert!(stored.starts_with("$argon2id$"), "{stored}");
        assert!(!stored.contains("correct horse"));
        assert!(verify_password("correct horse".to_owned(), Some(stored.clone())).await);
        assert!(!verify_password("correct horsf".to_owned(), Some(stored)).await);
        assert!(!verify_password("correct horse".to_owned(), None).await);
        assert!(!verify_password("x".to_owned(), Some("not a hash".to_owned())).await);
    }

    #[test]
    fn short_passwords_are_refused() {
        assert!(check_new_password("123456789").is_err());
        assert!(
            check_new_password("ąęłńóśźżćä").is_ok(),
            "counts characters, not bytes"
        );
    }
}
