//! Console sign-in: throttle, look the account up, check the password, start
//! a session. The gateway only reads the request and writes the cookie.

use std::net::IpAddr;
use std::time::Duration;

use super::{Agent, LoginThrottle, MAX_NAME_CHARS, MAX_PASSWORD_BYTES, verify_password};
use crate::error::ErrorKind;
use crate::store::{Store, StoreError};

/// A started console session.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub agent: Agent,
    /// For the session cookie; stored only as its hash.
    pub token: String,
    /// For the `X-CSRF-Token` header of state-changing requests.
    pub csrf: String,
}

/// Why a sign-in did not start a session.
#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    /// The same for an unknown name as for a wrong password, so names cannot
    /// be probed.
    #[error("wrong name or password")]
    Refused,
    /// Too many failures for this name or address; try again after this long.
    #[error("too many failed sign-ins")]
    Throttled(Duration),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl SignInError {
    /// There is no "slow down" kind: the gateway answers [`SignInError::Throttled`]
    /// with 429 before asking; as a kind it is a refusal.
    pub fn kind(&self) -> ErrorKind {
        match self {
            SignInError::Refused => ErrorKind::Unauthorised,
            SignInError::Throttled(_) => ErrorKind::Forbidden,
            SignInError::Store(error) => error.kind(),
        }
    }
}

/// Signs `name` in from `address` with `password`, for `lifetime`.
pub async fn sign_in(
    store: &Store,
    throttle: &LoginThrottle,
    name: &str,
    password: String,
    address: IpAddr,
    lifetime: Duration,
) -> Result<SignedIn, SignInError> {
    // No account has such a name, and keeping it in the throttle's memory
    // would let junk fill it.
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(SignInError::Refused);
    }
    throttle
        .admit(name, address)
        .map_err(SignInError::Throttled)?;
    let agent = match check_password(store, name, password).await {
        Ok(agent) => agent,
        Err(SignInError::Store(error)) => {
            // An outage is not a guess.
            throttle.forgive(name, address);
            return Err(error.into());
        }
        Err(refused) => return Err(refused),
    };
    throttle.forgive(name, address);
    let (token, csrf) = store.create_session(&agent.id, lifetime).await?;
    tracing::info!(agent = %agent.name, role = %agent.role, "console sign-in");
    Ok(SignedIn { agent, token, csrf })
}

/// The account, if `password` is its password.
async fn check_password(store: &Store, name: &str, password: String) -> Result<Agent, SignInError> {
    if password.len() > MAX_PASSWORD_BYTES {
        tracing::warn!("console sign-in refused: password too long");
        return Err(SignInError::Refused);
    }
    let credentials = store.credentials(name).await?;
    let stored = credentials.as_ref().map(|c| c.password_hash.clone());
    let matched = verify_password(password, stored).await;
    match credentials {
        Some(credentials) if matched => Ok(credentials.agent),
        Some(_) => {
            tracing::warn!(agent = %name, "console sign-in refused: wrong password");
            Err(SignInError::Refused)
        }
        // What was typed may be a password in the wrong box, so it is not logged.
        None => {
            tracing::warn!("console sign-in refused: unknown name");
            Err(SignInError::Refused)
        }
    }
}
