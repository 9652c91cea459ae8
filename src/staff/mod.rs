//! Staff accounts: names, languages, topics, roles and passwords.

/// Failed console sign-ins, per name and per address.
#[derive(Debug, Default)]
pub struct LoginThrottle {}

impl LoginThrottle {
    pub fn new(_attempts: u32, _window: std::time::Duration) -> LoginThrottle {
        LoginThrottle {}
    }
}
