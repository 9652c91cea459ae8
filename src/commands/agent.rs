//! `councilbot agent …`: staff accounts from the command line, for operators.
//! Passwords are read from standard input only (never from arguments, which
//! other users of the machine can see in the process list).
//!
//! The subcommands are declared here with clap so `main.rs` only embeds them.

use std::io::{BufRead, Write};

use crate::config::Config;
use crate::error::ErrorKind;
use crate::staff::{
    Agent, Role, StaffError, check_new_password, hash_password, parse_languages, parse_topics,
};
use crate::store::{Store, StoreError};

/// What to do with staff accounts.
#[derive(Debug, Clone, clap::Subcommand)]
pub enum AgentCommand {
    /// Create an account; the password is read from standard input.
    Add {
        /// What they sign in with and what residents see.
        name: String,
        /// Languages they chat in, most fluent first: BCP 47 tags such as en,pl.
        #[arg(long)]
        languages: String,
        /// Topics they take, such as council-tax,bins (default: every topic).
        #[arg(long)]
        topics: Option<String>,
        /// agent (takes chats), editor (content only) or admin (both, and more).
        #[arg(long, default_value = "agent")]
        role: Role,
        /// Read the password from standard input (required).
        #[arg(long)]
        password_stdin: bool,
    },
    /// List the accounts.
    List,
    /// Remove an account and end its sessions.
    Remove { name: String },
    /// Set a new password, read from standard input; ends the account's sessions.
    Password {
        name: String,
        /// Read the password from standard input (required).
        #[arg(long)]
        password_stdin: bool,
    },
}

/// Why an `agent` command did nothing.
#[derive(Debug, thiserror::Error)]
pub enum AgentError {
    #[error(transparent)]
    Staff(#[from] StaffError),
    #[error("an account named {0:?} already exists")]
    Duplicate(String),
    #[error("there is no account named {0:?}")]
    NotFound(String),
    #[error("give the password on standard input and pass --password-stdin")]
    PasswordNotFromStdin,
    #[error("no password on standard input")]
    NoPassword,
    #[error("cannot read the password: {0}")]
    Read(std::io::Error),
    #[error("cannot write the output: {0}")]
    Write(#[from] std::io::Error),
    #[error("store: {0}")]
    Store(#[from] StoreError),
}

impl AgentError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            AgentError::Staff(error) => error.kind(),
            AgentError::Duplicate(_) => ErrorKind::Conflict,
            AgentError::NotFound(_) => ErrorKind::NotFound,
            AgentError::PasswordNotFromStdin | AgentError::NoPassword => ErrorKind::BadRequest,
            AgentError::Read(_) | AgentError::Write(_) => ErrorKind::Internal,
            AgentError::Store(error) => error.kind(),
        }
    }
}

/// Runs `command` on the configured store (SQLite in the data directory, or
/// `database_url`), reading a password from `input` and reporting to `out`.
pub async fn run(
    config: &Config,
    command: AgentCommand,
    input: impl BufRead,
    out: &mut impl Write,
) -> Result<(), AgentError> {
    let store = Store::open(
        &config.storage.effective_database_url(),
        &config.storage.data_dir,
    )
    .await?;
    let done = execute(&store, command, input, out).await;
    store.close().await;
    done
}

async fn execute(
    store: &Store,
    command: AgentCommand,
    input: impl BufRead,
    out: &mut impl Write,
) -> Result<(), AgentError> {
    match command {
        AgentCommand::Add {
            name,
            languages,
            topics,
            role,
            password_stdin,
        } => {
            let topics = parse_topics(topics.as_deref().unwrap_or_default())?;
            let agent = Agent::new(&name, parse_languages(&languages)?, topics, role)?;
            let password = read_password(password_stdin, input)?;
            add(store, &agent, password).await?;
            writeln!(out, "added {}", describe(&agent))?;
        }
        AgentCommand::List => list(store, out).await?,
        AgentCommand::Remove { name } => {
            if !store.remove_agent(&name).await? {
                return Err(AgentError::NotFound(name));
            }
            writeln!(out, "removed {name}")?;
        }
        AgentCommand::Password {
            name,
            password_stdin,
        } => {
            let password = read_password(password_stdin, input)?;
            let hash = hash_password(password).await?;
            if !store.set_password(&name, &hash).await? {
                return Err(AgentError::NotFound(name));
            }
            writeln!(
                out,
                "changed the password of {name}; its sessions have ended"
            )?;
        }
    }
    Ok(())
}

async fn add(store: &Store, agent: &Agent, password: String) -> Result<(), AgentError> {
    let hash = hash_password(password).await?;
    match store.add_agent(agent, &hash).await {
        Err(StoreError::Duplicate) => Err(AgentError::Duplicate(agent.name.clone())),
        other => Ok(other?),
    }
}

async fn list(store: &Store, out: &mut impl Write) -> Result<(), AgentError> {
    let agents = store.list_agents().await?;
    if agents.is_empty() {
        writeln!(out, "no accounts yet; add one with `councilbot agent add`")?;
    }
    for agent in &agents {
        writeln!(out, "{}", describe(agent))?;
    }
    Ok(())
}

/// `anna (agent; languages en, pl; topics: every topic)`.
fn describe(agent: &Agent) -> String {
    let languages: Vec<&str> = agent.languages.iter().map(|tag| tag.as_str()).collect();
    let topics = if agent.topics.is_empty() {
        "every topic".to_owned()
    } else {
        agent.topics.join(", ")
    };
    format!(
        "{} ({}; languages {}; topics: {topics})",
        agent.name,
        agent.role,
        languages.join(", ")
    )
}

/// The first line of `input`, without its line ending, if it is long enough.
fn read_password(password_stdin: bool, mut input: impl BufRead) -> Result<String, AgentError> {
    if !password_stdin {
        return Err(AgentError::PasswordNotFromStdin);
    }
    let mut line = String::new();
    input.read_line(&mut line).map_err(AgentError::Read)?;
    let password = line.trim_end_matches(['\n', '\r']);
    if password.is_empty() {
        return Err(AgentError::NoPassword);
    }
    check_new_password(password)?;
    Ok(password.to_owned())
}
