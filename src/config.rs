//! Typed configuration: built-in defaults, then `councilbot.yaml`, then
//! `COUNCILBOT_*` environment variables, then command-line flags.
//!
//! Unknown keys in the file and unknown `COUNCILBOT_*` variables are errors that name
//! the key, so a typo never silently falls back to a default. This module only reads
//! settings; what they mean is decided by the modules that use them.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::yaml;

/// The file looked for in the working directory when no `--config` is given.
pub const DEFAULT_CONFIG_FILE: &str = "councilbot.yaml";

/// Everything an operator can set.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub council: CouncilConfig,
    pub languages: LanguagesConfig,
    pub server: ServerConfig,
    pub storage: StorageConfig,
    pub content: ContentConfig,
    pub conversation: ConversationConfig,
    pub privacy: PrivacyConfig,
    pub handoff: HandoffConfig,
    pub staff: StaffConfig,
    pub logging: LoggingConfig,
    /// The file this configuration was read from, if any (for messages).
    #[serde(skip)]
    pub source: Option<PathBuf>,
}

/// The council, as operators and staff see it. What residents read (the
/// council's name and phone numbers in each language) lives in the locales, as
/// the terms `-council-name`, `-council-phone` and so on.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct CouncilConfig {
    /// Shown in `/readyz` and the logs.
    pub name: String,
    /// IANA time zone the council works in: what "today" means for residents.
    pub timezone: String,
}

impl Default for CouncilConfig {
    fn default() -> Self {
        Self {
            name: "Council".to_owned(),
            timezone: "Europe/London".to_owned(),
        }
    }
}

impl CouncilConfig {
    /// The council's time zone; an unknown name is an error naming it.
    pub fn time_zone(&self) -> Result<jiff::tz::TimeZone, String> {
        jiff::tz::TimeZone::get(&self.timezone).map_err(|_| {
            format!(
                "council.timezone {:?} is not a time zone name (e.g. Europe/London)",
                self.timezone
            )
        })
    }
}

/// Which languages the bot speaks.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct LanguagesConfig {
    /// The language used when nothing else decides; `en` if enabled, else the first.
    pub default: Option<String>,
    /// The council's languages; by default every folder under `locales/`.
    pub enabled: Option<Vec<String>>,
    /// Per-language fallback (`cy: en`), used message by message; default: the default language.
    pub fallback: BTreeMap<String, String>,
}

/// The resident-facing server.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct ServerConfig {
    pub listen: SocketAddr,
    /// Origins allowed to open `/ws/chat`; empty means the server's own origin only.
    pub allowed_origins: Vec<String>,
    /// Longest resident message accepted, in bytes of UTF-8.
    pub max_message_bytes: usize,
    /// Messages a conversation may send in a burst before being asked to slow down.
    pub rate_limit_burst: u32,
    /// Sustained messages per minute a conversation may send.
    pub rate_limit_per_minute: u32,
    /// Messages all conversations from one address may send in a burst.
    pub address_rate_limit_burst: u32,
    /// Sustained messages per minute from one address.
    pub address_rate_limit_per_minute: u32,
    /// Take the client's address from `X-Forwarded-For` (set only behind a
    /// proxy that writes it).
    pub trust_forwarded_for: bool,
    /// A resident socket with no traffic for this long is closed (it can resume).
    pub idle_timeout_secs: u64,
    /// How long a conversation can be resumed after its last message.
    pub resume_ttl_hours: u64,
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            allowed_origins: Vec::new(),
            max_message_bytes: 2048,
            rate_limit_burst: 10,
            rate_limit_per_minute: 30,
            address_rate_limit_burst: 60,
            address_rate_limit_per_minute: 240,
            trust_forwarded_for: false,
            idle_timeout_secs: 30 * 60,
            resume_ttl_hours: 24,
        }
    }
}

/// Where state is kept.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct StorageConfig {
    pub data_dir: PathBuf,
    /// `sqlite://…` or `postgres://…`; default: `councilbot.db` in the data directory.
    pub database_url: Option<String>,
}

impl Default for StorageConfig {
    fn default() -> Self {
        Self {
            data_dir: PathBuf::from("./data"),
            database_url: None,
        }
    }
}

impl StorageConfig {
    /// The database URL in effect: the configured one, or the embedded SQLite file.
    pub fn effective_database_url(&self) -> String {
        match &self.database_url {
            Some(url) => url.clone(),
            None => format!(
                "sqlite://{}?mode=rwc",
                self.data_dir.join("councilbot.db").display()
            ),
        }
    }
}

/// Where the council's content lives.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct ContentConfig {
    /// Folder holding `intents/`, `knowledge-base/`, `locales/` and `safeguarding/`.
    pub dir: PathBuf,
    /// Watch those folders and apply editors' changes live, without a restart.
    pub watch: bool,
}

impl Default for ContentConfig {
    fn default() -> Self {
        Self {
            dir: PathBuf::from("."),
            watch: true,
        }
    }
}

/// How the bot behaves in a conversation.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct ConversationConfig {
    /// Consecutive messages the bot could not answer before it offers a person.
    pub offer_person_after_misses: u32,
}

impl Default for ConversationConfig {
    fn default() -> Self {
        Self {
            offer_person_after_misses: 2,
        }
    }
}

/// What is kept about residents.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct PrivacyConfig {
    /// Redact emails, phone numbers, postcodes and card-like numbers from stored transcripts.
    pub redact_transcripts: bool,
}

impl Default for PrivacyConfig {
    fn default() -> Self {
        Self {
            redact_transcripts: true,
        }
    }
}

/// When and how residents reach a person.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct HandoffConfig {
    /// Staff hours per weekday (`mon` … `sun`), in the council's time zone,
    /// as `09:00-17:00` (several ranges separated by commas). A day that is
    /// not listed is closed.
    pub opening_hours: BTreeMap<String, String>,
    /// Days the council is closed although the weekday has hours (bank
    /// holidays), as `2026-12-25`.
    pub closed_dates: Vec<String>,
    /// When the estimated wait is longer than this, residents are offered to
    /// leave a message instead of waiting.
    pub max_wait_minutes: u32,
    /// The wait assumed per chat before any chat has been handled.
    pub default_handling_minutes: u32,
    /// How many chats an agent takes at once, until they change it.
    pub chats_per_agent: usize,
    /// How long an agent's chats wait for them after their connection drops,
    /// before going back to the queue.
    pub agent_grace_secs: u64,
    /// How long a queued resident's place is kept after their connection
    /// drops (a page reload comes back well within it).
    pub resident_grace_secs: u64,
    /// The intent that takes a message out of hours (`intents/<id>.yaml`).
    pub leave_message_intent: String,
}

impl Default for HandoffConfig {
    fn default() -> Self {
        let weekdays = ["mon", "tue", "wed", "thu", "fri"];
        Self {
            opening_hours: weekdays
                .iter()
                .map(|day| ((*day).to_owned(), "08:30-17:00".to_owned()))
                .collect(),
            closed_dates: Vec::new(),
            max_wait_minutes: 20,
            default_handling_minutes: 5,
            chats_per_agent: 3,
            agent_grace_secs: 60,
            resident_grace_secs: 120,
            leave_message_intent: "leave-a-message".to_owned(),
        }
    }
}

/// Staff accounts and their sign-in sessions.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct StaffConfig {
    /// How long a console sign-in lasts.
    pub session_hours: u64,
    /// Failed sign-ins allowed for one name or one address…
    pub login_attempts: u32,
    /// …within this many minutes, after which sign-in is refused for as long.
    pub lockout_minutes: u64,
}

impl Default for StaffConfig {
    fn default() -> Self {
        Self {
            session_hours: 12,
            login_attempts: 5,
            lockout_minutes: 15,
        }
    }
}

/// Log output.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct LoggingConfig {
    pub format: LogFormat,
    /// A `tracing` filter such as `info` or `councilbot=debug`.
    pub level: String,
}

impl Default for LoggingConfig {
    fn default() -> Self {
        Self {
            format: LogFormat::Text,
            level: "info".to_owned(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

/// Why the configuration could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}:{}: {message}", path.display(), line.map_or("?".to_owned(), |l| l.to_string()))]
    Syntax {
        path: PathBuf,
        line: Option<usize>,
        message: String,
    },
    #[error("environment variable {var} is not one councilbot knows; known: {known}")]
    UnknownEnv { var: String, known: String },
    #[error("environment variable {var}: {message}")]
    BadEnv { var: String, message: String },
}

impl Config {
    /// How findings about this configuration name it.
    pub fn source_label(&self) -> PathBuf {
        self.source
            .clone()
            .unwrap_or_else(|| PathBuf::from(DEFAULT_CONFIG_FILE))
    }
}

/// The `COUNCILBOT_*` variables and what each sets.
const ENV_VARS: &[&str] = &[
    "COUNCILBOT_CONFIG",
    "COUNCILBOT_LISTEN",
    "COUNCILBOT_DATA_DIR",
    "COUNCILBOT_CONTENT",
    "COUNCILBOT_CONTENT_WATCH",
    "COUNCILBOT_DATABASE_URL",
    "COUNCILBOT_DEFAULT_LANGUAGE",
    "COUNCILBOT_LANGUAGES",
    "COUNCILBOT_ALLOWED_ORIGINS",
    "COUNCILBOT_MAX_MESSAGE_BYTES",
    "COUNCILBOT_LOG_FORMAT",
    "COUNCILBOT_LOG_LEVEL",
];

impl Config {
    /// Reads the file (the given one, or `councilbot.yaml` if present) and applies
    /// the process environment on top.
    pub fn load(file: Option<&Path>) -> Result<Config, ConfigError> {
        let from_env = std::env::var_os("COUNCILBOT_CONFIG").map(PathBuf::from);
        let file = file.or(from_env.as_deref());
        let mut config = match file {
            Some(path) => Self::from_file(path)?,
            None if Path::new(DEFAULT_CONFIG_FILE).is_file() => {
                Self::from_file(Path::new(DEFAULT_CONFIG_FILE))?
            }
            None => Config::default(),
        };
        config.apply_env(std::env::vars())?;
        Ok(config)
    }

    /// Reads one YAML file; unknown keys are an error naming the key and its line.
    pub fn from_file(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_owned(),
            source,
        })?;
        let mut config: Config = yaml::from_str(&text).map_err(|error| ConfigError::Syntax {
            path: path.to_owned(),
            line: error.line,
            message: error.message,
        })?;
        config.source = Some(path.to_owned());
        Ok(config)
    }

    /// Applies `COUNCILBOT_*` variables; other variables are ignored, and test-only
    /// `COUNCILBOT_TEST_*` ones are left to the tests.
    pub fn apply_env(
        &mut self,
        vars: impl IntoIterator<Item = (String, String)>,
    ) -> Result<(), ConfigError> {
        for (var, value) in vars {
            if !var.starts_with("COUNCILBOT_") || var.starts_with("COUNCILBOT_TEST_") {
                continue;
            }
            self.apply_one_env(&var, value)?;
        }
        Ok(())
    }

    fn apply_one_env(&mut self, var: &str, value: String) -> Result<(), ConfigError> {
        let bad = |message: String| ConfigError::BadEnv {
            var: var.to_owned(),
            message,
        };
        let list = |value: &str| -> Vec<String> {
            value
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        };
        match var {
            "COUNCILBOT_CONFIG" => {}
            "COUNCILBOT_LISTEN" => {
                self.server.listen = value.parse().map_err(|e| bad(format!("{e}")))?;
            }
            "COUNCILBOT_DATA_DIR" => self.storage.data_dir = PathBuf::from(value),
            "COUNCILBOT_CONTENT" => self.content.dir = PathBuf::from(value),
            "COUNCILBOT_CONTENT_WATCH" => {
                self.content.watch = match value.as_str() {
                    "true" | "1" => true,
                    "false" | "0" => false,
                    other => return Err(bad(format!("expected true or false, got {other:?}"))),
                };
            }
            "COUNCILBOT_DATABASE_URL" => self.storage.database_url = Some(value),
            "COUNCILBOT_DEFAULT_LANGUAGE" => self.languages.default = Some(value),
            "COUNCILBOT_LANGUAGES" => self.languages.enabled = Some(list(&value)),
            "COUNCILBOT_ALLOWED_ORIGINS" => self.server.allowed_origins = list(&value),
            "COUNCILBOT_MAX_MESSAGE_BYTES" => {
                self.server.max_message_bytes = value.parse().map_err(|e| bad(format!("{e}")))?;
            }
            "COUNCILBOT_LOG_FORMAT" => {
                self.logging.format = match value.as_str() {
                    "text" => LogFormat::Text,
                    "json" => LogFormat::Json,
                    other => return Err(bad(format!("expected text or json, got {other:?}"))),
                };
            }
            "COUNCILBOT_LOG_LEVEL" => self.logging.level = value,
            _ => {
                return Err(ConfigError::UnknownEnv {
                    var: var.to_owned(),
                    known: ENV_VARS.join(", "),
                });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;
