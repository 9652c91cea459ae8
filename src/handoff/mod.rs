//! The handoff queue: residents waiting for a person, the agents online and
//! their chats.
//!
//! One task owns it all (the [`desk::Desk`], the channels to residents'
//! sessions and agents' consoles) and is reached through a [`Handoff`]
//! handle: callers send a command carrying a `oneshot` for the answer. No
//! socket is shared: the actor talks to a resident's session through the
//! channel the session gave it, and the session stores and sends what an
//! agent says exactly as it does the bot's turns. Every change is written to
//! the store, so a restart loses neither the queue nor who has which chat.
//!
//! One instance's queue is its own: with several instances behind one
//! PostgreSQL database, residents and agents must reach the same instance
//! (sticky sessions) until messages are relayed between instances.

mod actor;
pub mod desk;
pub mod hours;

use tokio::sync::{mpsc, oneshot};

pub use desk::{AgentProfile, Chat, DeskError, Entry, Place, Unavailable};
pub use hours::OpeningHours;

use crate::config::Config;
use crate::lang::LangTag;
use crate::store::Store;

/// Commands waiting for the actor before callers wait in turn.
const COMMANDS: usize = 1024;

/// What a resident's session hears from the queue.
#[derive(Debug)]
pub enum ToResident {
    /// Their place in the queue changed.
    Place(Place),
    /// An agent took the chat.
    Joined { agent_name: String },
    /// An agent wrote; `delivered` says whether it was stored and sent.
    Said {
        agent_name: String,
        text: String,
        delivered: oneshot::Sender<bool>,
    },
    /// The agent ended the chat: the bot answers again.
    Ended {
        agent_name: String,
        reason: EndReason,
    },
    /// The agent's connection was lost: back in the queue.
    Requeued { agent_name: String },
    /// The agent passed the chat on to colleagues: back in the queue.
    Transferred { agent_name: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndReason {
    /// Handed back to the bot.
    HandedBack,
    /// Closed with an outcome.
    Closed,
}

/// What an agent's console hears from the queue.
#[derive(Debug, Clone, PartialEq)]
pub enum ToAgent {
    /// The waiting chats this agent could take, in queue order.
    Queue(Vec<Entry>),
    /// The agent's chats.
    Chats(Vec<ChatItem>),
    /// A resident in one of the agent's chats wrote, and what the bot
    /// answered if anything (safeguarding answers even while a person has
    /// the chat).
    ResidentSaid {
        conversation_id: String,
        text: String,
        replies: Vec<serde_json::Value>,
    },
    /// A resident ended their chat, or their connection came or went.
    ResidentLeft { conversation_id: String },
    /// Another console signed in as the same agent.
    Replaced,
}

/// One of an agent's chats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChatItem {
    pub conversation_id: String,
    pub lang: LangTag,
    pub topic: Option<String>,
    pub urgent: bool,
    pub summary: String,
    pub page: Option<String>,
    pub assigned_at: i64,
    pub resident_connected: bool,
}

/// A resident asking for a person.
#[derive(Debug, Clone)]
pub struct Ask {
    pub conversation_id: String,
    pub lang: LangTag,
    pub topic: Option<String>,
    pub urgent: bool,
    pub summary: String,
    pub page: Option<String>,
}

/// Where a returning resident's handoff stands.
#[derive(Debug, PartialEq, Eq)]
pub enum Attached {
    Waiting(Place),
    /// With an agent, and what the agent wrote while the resident was away.
    WithAgent {
        agent_name: String,
        pending: Vec<String>,
    },
    /// No handoff: it ended while they were away.
    None,
}

/// How an agent's reply reaches the resident.
#[derive(Debug)]
pub enum Delivery {
    /// Send it to the resident's session now.
    Live(mpsc::Sender<ToResident>),
    /// The resident is away: kept until they come back.
    Kept,
}

/// Where an agent passes a chat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Transfer {
    Agent(String),
    Topic(Option<String>),
}

/// The outcomes an agent closes a chat with.
pub const OUTCOMES: &[&str] = &["resolved", "referred", "callback", "no-reply", "other"];

/// Why the queue could not be started.
#[derive(Debug, thiserror::Error)]
#[error("handoff settings: {}", .0.join("; "))]
pub struct SettingsError(pub Vec<String>);

/// A handle to the queue's task. Cloning it clones one channel sender.
#[derive(Clone)]
pub struct Handoff {
    commands: mpsc::Sender<actor::Command>,
}

impl Handoff {
    /// Starts the queue's task with what the store holds.
    pub async fn start(
        config: &Config,
        store: Store,
        zone: jiff::tz::TimeZone,
    ) -> Result<Handoff, SettingsError> {
        let hours = OpeningHours::from_config(&config.handoff).map_err(SettingsError)?;
        let (commands, inbox) = mpsc::channel(COMMANDS);
        let actor = actor::Actor::restore(config, hours, store, zone).await;
        tokio::spawn(actor.run(inbox));
        Ok(Handoff { commands })
    }

    async fn ask<T>(&self, make: impl FnOnce(oneshot::Sender<T>) -> actor::Command) -> Option<T> {
        let (reply, answer) = oneshot::channel();
        self.commands.send(make(reply)).await.ok()?;
        answer.await.ok()
    }

    /// Queues a resident; `resident` hears their place and the agent.
    pub async fn request(
        &self,
        ask: Ask,
        resident: mpsc::Sender<ToResident>,
    ) -> Result<Place, Unavailable> {
        self.ask(|reply| actor::Command::Request {
            ask,
            resident,
            reply,
        })
        .await
        .unwrap_or(Err(Unavailable::Error))
    }

    /// A resident's session (re)connected.
    pub async fn attach(
        &self,
        conversation_id: &str,
        resident: mpsc::Sender<ToResident>,
    ) -> Attached {
        let conversation_id = conversation_id.to_owned();
        self.ask(|reply| actor::Command::Attach {
            conversation_id,
            resident,
            reply,
        })
        .await
        .unwrap_or(Attached::None)
    }

    /// A resident's session ended (their place is kept a while). Only the
    /// session that attached `resident` detaches it: after a takeover the
    /// old session's goodbye must not cut off the new one.
    pub async fn detach(&self, conversation_id: &str, resident: mpsc::Sender<ToResident>) {
        let conversation_id = conversation_id.to_owned();
        let _ = self
            .commands
            .send(actor::Command::Detach {
                conversation_id,
                resident,
            })
            .await;
    }

    /// A resident in a handoff wrote (and the bot answered `replies`, as
    /// protocol messages): their agent sees it.
    pub async fn resident_said(
        &self,
        conversation_id: &str,
        text: String,
        replies: Vec<serde_json::Value>,
    ) {
        let conversation_id = conversation_id.to_owned();
        let _ = self
            .commands
            .send(actor::Command::ResidentSaid {
                conversation_id,
                text,
                replies,
            })
            .await;
    }

    /// A resident left the queue or ended their chat.
    pub async fn leave(&self, conversation_id: &str) {
        let conversation_id = conversation_id.to_owned();
        let _ = self
            .ask(|reply| actor::Command::Leave {
                conversation_id,
                reply,
            })
            .await;
    }

    /// An agent's console connected; returns its connection number.
    pub async fn agent_online(&self, profile: AgentProfile, console: mpsc::Sender<ToAgent>) -> u64 {
        self.ask(|reply| actor::Command::AgentOnline {
            profile,
            console,
            reply,
        })
        .await
        .unwrap_or(0)
    }

    /// An agent's console (connection `connection`) disconnected.
    pub async fn agent_offline(&self, agent_id: &str, connection: u64) {
        let agent_id = agent_id.to_owned();
        let _ = self
            .commands
            .send(actor::Command::AgentOffline {
                agent_id,
                connection,
            })
            .await;
    }

    /// Available or away, and how many chats at once.
    pub async fn set_status(&self, agent_id: &str, available: bool, capacity: Option<usize>) {
        let agent_id = agent_id.to_owned();
        let _ = self
            .ask(|reply| actor::Command::Status {
                agent_id,
                available,
                capacity,
                reply,
            })
            .await;
    }

    /// Whether the agent is taking chats, and how many at once.
    pub async fn status(&self, agent_id: &str) -> Option<(bool, usize)> {
        let agent_id = agent_id.to_owned();
        self.ask(|reply| actor::Command::GetStatus { agent_id, reply })
            .await
            .flatten()
    }

    /// An agent takes a waiting chat.
    pub async fn take(&self, agent_id: &str, conversation_id: &str) -> Result<Chat, DeskError> {
        let (agent_id, conversation_id) = (agent_id.to_owned(), conversation_id.to_owned());
        self.ask(|reply| actor::Command::Take {
            agent_id,
            conversation_id,
            reply,
        })
        .await
        .unwrap_or(Err(DeskError::NotWaiting))
    }

    /// How an agent's reply in their chat reaches the resident.
    pub async fn reply(
        &self,
        agent_id: &str,
        conversation_id: &str,
        text: String,
    ) -> Result<(Delivery, String), DeskError> {
        let (agent_id, conversation_id) = (agent_id.to_owned(), conversation_id.to_owned());
        self.ask(|reply| actor::Command::Reply {
            agent_id,
            conversation_id,
            text,
            reply,
        })
        .await
        .unwrap_or(Err(DeskError::NotYours))
    }

    /// Ends an agent's chat: handed back to the bot, or closed with an outcome.
    pub async fn finish(
        &self,
        agent_id: &str,
        conversation_id: &str,
        reason: EndReason,
        outcome: Option<String>,
    ) -> Result<(), DeskError> {
        let (agent_id, conversation_id) = (agent_id.to_owned(), conversation_id.to_owned());
        self.ask(|reply| actor::Command::Finish {
            agent_id,
            conversation_id,
            reason,
            outcome,
            reply,
        })
        .await
        .unwrap_or(Err(DeskError::NotYours))
    }

    /// Passes an agent's chat to another agent, or back to the queue.
    pub async fn transfer(
        &self,
        agent_id: &str,
        conversation_id: &str,
        to: Transfer,
    ) -> Result<(), DeskError> {
        let (agent_id, conversation_id) = (agent_id.to_owned(), conversation_id.to_owned());
        self.ask(|reply| actor::Command::Transfer {
            agent_id,
            conversation_id,
            to,
            reply,
        })
        .await
        .unwrap_or(Err(DeskError::NotYours))
    }

    /// Whether the chat with this resident is the agent's.
    pub async fn owns(&self, agent_id: &str, conversation_id: &str) -> bool {
        let (agent_id, conversation_id) = (agent_id.to_owned(), conversation_id.to_owned());
        self.ask(|reply| actor::Command::Owns {
            agent_id,
            conversation_id,
            reply,
        })
        .await
        .unwrap_or(false)
    }

    /// The agents online now (id, name), for transfers.
    pub async fn agents_online(&self) -> Vec<(String, String)> {
        self.ask(|reply| actor::Command::AgentsOnline { reply })
            .await
            .unwrap_or_default()
    }
}
