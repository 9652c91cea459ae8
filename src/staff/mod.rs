//! Staff accounts: who may sign in to the console, in which languages and on
//! which topics they take chats, and with what role; plus how a password is
//! kept (argon2), how sign-in works and how failed sign-ins are throttled.
//!
//! It holds no HTTP: the gateway turns [`SignInError`] and [`StaffError`] into
//! responses. It stores nothing itself: accounts and sessions live in `store`.

mod password;
mod sign_in;
mod throttle;

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

pub(crate) use crate::token::{TOKEN_BYTES, is_token, random_hex, token_hash};
pub use password::{
    MAX_PASSWORD_BYTES, MIN_PASSWORD_CHARS, check_new_password, hash_password, verify_password,
};
pub use sign_in::{SignInError, SignedIn, sign_in};
pub use throttle::LoginThrottle;

use crate::error::ErrorKind;
use crate::lang::{BadLangTag, LangTag};

/// The longest account name; names are typed at sign-in and shown to staff.
pub(crate) const MAX_NAME_CHARS: usize = 64;

/// What a staff member may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Takes residents' chats.
    Agent,
    /// Looks after the content; takes no chats.
    Editor,
    /// Manages the service and takes chats too.
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Agent => "agent",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    /// Whether residents' chats may be routed to someone with this role.
    pub fn takes_chats(self) -> bool {
        matches!(self, Role::Agent | Role::Admin)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = StaffError;

    fn from_str(text: &str) -> Result<Role, StaffError> {
        match text.trim() {
            "agent" => Ok(Role::Agent),
            "editor" => Ok(Role::Editor),
            "admin" => Ok(Role::Admin),
            other => Err(StaffError::BadRole(other.to_owned())),
        }
    }
}

/// A staff account, without its password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agent {
    /// Random and stable: sessions and chats refer to it, so a rename or a
    /// removed-then-recreated name never inherits anything.
    pub id: String,
    /// What they sign in with, and what residents see.
    pub name: String,
    /// Languages they chat in, most fluent first.
    pub languages: Vec<LangTag>,
    /// Topics (intent topics such as `council-tax`) they take; empty means every topic.
    pub topics: Vec<String>,
    pub role: Role,
}

impl Agent {
    /// A new account with a fresh id, after checking every field.
    pub fn new(
        name: &str,
        languages: Vec<LangTag>,
        topics: Vec<String>,
        role: Role,
    ) -> Result<Agent, StaffError> {
        check_name(name)?;
        if languages.is_empty() {
            return Err(StaffError::NoLanguages);
        }
        for topic in &topics {
            check_topic(topic)?;
        }
        Ok(Agent {
            id: random_hex(12),
            name: name.to_owned(),
            languages,
            topics,
            role,
        })
    }

    /// Whether this person takes chats on `topic`.
    pub fn covers_topic(&self, topic: &str) -> bool {
        self.topics.is_empty() || self.topics.iter().any(|covered| covered == topic)
    }
}

/// What is wrong with an account's details.
#[derive(Debug, thiserror::Error)]
pub enum StaffError {
    #[error(
        "a name must be 1 to {MAX_NAME_CHARS} characters, without spaces at either end or control characters"
    )]
    BadName,
    #[error("{0:?} is not a role (expected agent, editor or admin)")]
    BadRole(String),
    #[error(transparent)]
    BadLanguage(#[from] BadLangTag),
    #[error("give at least one language, such as en or cy")]
    NoLanguages,
    #[error(
        "{0:?} is not a topic (expected lowercase letters, digits and hyphens, such as council-tax)"
    )]
    BadTopic(String),
    #[error(
        "the password must be at least {MIN_PASSWORD_CHARS} characters (and at most {MAX_PASSWORD_BYTES} bytes)"
    )]
    WeakPassword,
    #[error("password hashing failed: {0}")]
    Hashing(String),
}

impl StaffError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            StaffError::Hashing(_) => ErrorKind::Internal,
            _ => ErrorKind::BadRequest,
        }
    }
}

/// Names are what people type and see, so they need no particular alphabet,
/// only to be visible and unambiguous.
fn check_name(name: &str) -> Result<(), StaffError> {
    let length = name.chars().count();
    let trimmed = name.trim() == name;
    if length == 0 || length > MAX_NAME_CHARS || !trimmed || name.chars().any(char::is_control) {
        return Err(StaffError::BadName);
    }
    Ok(())
}

fn check_topic(topic: &str) -> Result<(), StaffError> {
    let valid = !topic.is_empty()
        && topic
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if valid {
        Ok(())
    } else {
        Err(StaffError::BadTopic(topic.to_owned()))
    }
}

/// Reads a comma-separated list of BCP 47 tags (`en,pl`), canonicalised and
/// without repeats.
pub fn parse_languages(list: &str) -> Result<Vec<LangTag>, StaffError> {
    let mut languages: Vec<LangTag> = Vec::new();
    for part in list.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let tag = LangTag::parse(part)?;
        if !languages.contains(&tag) {
            languages.push(tag);
        }
    }
    if languages.is_empty() {
        return Err(StaffError::NoLanguages);
    }
    Ok(languages)
}

/// Reads a comma-separated list of topics (`council-tax,bins`).
pub fn parse_topics(list: &str) -> Result<Vec<String>, StaffError> {
    let mut topics: Vec<String> = Vec::new();
    for part in list.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        check_topic(part)?;
        if !topics.iter().any(|topic| topic == part) {
            topics.push(part.to_owned());
        }
    }
    Ok(topics)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_parse_and_only_agents_and_admins_take_chats() {
        let roles: Vec<Role> = ["agent", "editor", "admin"]
            .iter()
            .map(|text| text.parse().unwrap())
            .collect();
        assert_eq!(roles, [Role::Agent, Role::Editor, Role::Admin]);
        assert_eq!(
            roles.iter().map(|r| r.takes_chats()).collect::<Vec<_>>(),
            [true, false, true]
        );
        assert!(matches!(
            "boss".parse::<Role>(),
            Err(StaffError::BadRole(_))
        ));
    }

    #[test]
    fn languages_are_canonical_bcp47_tags() {
        let tags = parse_languages("EN-gb, pl,pl").unwrap();
        assert_eq!(
            tags.iter().map(LangTag::as_str).collect::<Vec<_>>(),
            ["en-GB", "pl"]
        );
        assert!(matches!(
            parse_languages("en,not a tag"),
            Err(StaffError::BadLanguage(_))
        ));
        assert!(matches!(
            parse_languages(" , "),
            Err(StaffError::NoLanguages)
        ));
    }

    #[test]
    fn accounts_refuse_unusable_names_and_topics() {
        let en = parse_languages("en").unwrap();
        for name in ["", " anna", "anna\n", &"x".repeat(65)] {
            assert!(
                matches!(
                    Agent::new(name, en.clone(), vec![], Role::Agent),
                    Err(StaffError::BadName)
                ),
                "{name:?}"
            );
        }
        assert!(parse_topics("Council Tax").is_err());
        let agent = Agent::new("Anna Nowak", en, parse_topics("bins").unwrap(), Role::Agent);
        let agent = agent.unwrap();
        assert!(agent.covers_topic("bins") && !agent.covers_topic("council-tax"));
        assert_eq!(agent.id.len(), 24);
    }
}
