//! The queue and the chats as plain state: who is waiting, which agent has
//! which chat, who is online, and how long a wait is likely to be. Pure and
//! synchronous: the actor owns one `Desk`, feeds it the time, and carries out
//! what it decides (notifying sockets, writing the store).

use std::collections::{BTreeMap, HashMap, VecDeque};

use crate::lang::LangTag;

/// How many recent chats the wait estimate averages over.
const HANDLED_KEPT: usize = 20;

/// A resident waiting for a person, or in a chat with one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub handoff_id: String,
    pub conversation_id: String,
    /// The resident's language: routing goes by it even where the council
    /// has no content in it.
    pub lang: LangTag,
    /// The intent, FAQ answer or safeguarding rule that led here.
    pub topic: Option<String>,
    /// Safeguarding handoffs go ahead of everyone else.
    pub urgent: bool,
    /// What the resident said when they asked (redacted as stored).
    pub summary: String,
    /// The page they were on, as the widget described it.
    pub page: Option<String>,
    pub queued_at: i64,
}

/// What routing needs to know about a member of staff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentProfile {
    pub id: String,
    pub name: String,
    pub languages: Vec<LangTag>,
    /// Empty: every topic.
    pub topics: Vec<String>,
}

impl AgentProfile {
    /// Whether this agent speaks the resident's language and covers the topic.
    pub fn can_take(&self, entry: &Entry) -> bool {
        let speaks = self
            .languages
            .iter()
            .any(|lang| lang.primary() == entry.lang.primary());
        let covers = self.topics.is_empty()
            || entry
                .topic
                .as_ref()
                .is_none_or(|topic| self.topics.contains(topic));
        speaks && covers
    }
}

#[derive(Debug, Clone)]
struct Presence {
    profile: AgentProfile,
    available: bool,
    capacity: usize,
    connected: bool,
    /// When the connection dropped: the grace period runs from here.
    left_at: Option<i64>,
}

/// A resident in a chat with an agent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chat {
    pub entry: Entry,
    pub agent_id: String,
    pub agent_name: String,
    pub assigned_at: i64,
}

/// The timings the desk works with, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    pub max_wait_ms: i64,
    pub default_handling_ms: i64,
    pub agent_grace_ms: i64,
    pub resident_grace_ms: i64,
    pub default_capacity: usize,
}

/// Why a resident cannot be queued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unavailable {
    /// Outside opening hours.
    Closed,
    /// No one who speaks the language (and covers the topic) is online.
    NoAgent,
    /// The wait would be longer than the council allows.
    TooLong,
    /// The queue cannot be reached (the store is down, or no queue here).
    Error,
}

/// Where a resident stands: their place and the likely wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// 1 is next.
    pub position: usize,
    pub wait_minutes: u32,
}

/// Why an agent's request was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DeskError {
    #[error("the chat is no longer waiting")]
    NotWaiting,
    #[error("this chat is not yours")]
    NotYours,
    #[error("the chat needs a language or topic you do not cover")]
    NotYourSkill,
    #[error("you have as many chats as you can take")]
    AtCapacity,
    #[error("no such agent is online")]
    NoSuchAgent,
}

/// What `expire` found past its grace period.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Expired {
    /// Chats whose agent did not come back: waiting again.
    pub requeued: Vec<Chat>,
    /// Residents who left while waiting.
    pub abandoned: Vec<Entry>,
}

pub struct Desk {
    settings: Settings,
    /// In queue order: urgent first, then by when they asked.
    waiting: Vec<Entry>,
    chats: BTreeMap<String, Chat>,
    agents: BTreeMap<String, Presence>,
    /// Waiting residents whose connection dropped, and since when.
    away: HashMap<String, i64>,
    handled_ms: VecDeque<i64>,
}

impl Desk {
    pub fn new(settings: Settings) -> Desk {
        Desk {
            settings,
            waiting: Vec::new(),
            chats: BTreeMap::new(),
            agents: BTreeMap::new(),
            away: HashMap::new(),
            handled_ms: VecDeque::new(),
        }
    }

    /// Queues a resident if someone can answer soon enough; asking again
    /// while waiting keeps the place.
    pub fn request(&mut self, entry: Entry, open: bool) -> Result<Place, Unavailable> {
        if let Some(place) = self.place(&entry.conversation_id) {
            return Ok(place);
        }
        if !open {
            return Err(Unavailable::Closed);
        }
        if self.serving(&entry) == 0 {
            return Err(Unavailable::NoAgent);
        }
        let conversation = entry.conversation_id.clone();
        self.enqueue(entry);
        let place = self.place(&conversation).ok_or(Unavailable::Error)?;
        if i64::from(place.wait_minutes) * 60_000 > self.settings.max_wait_ms {
            self.waiting.retain(|e| e.conversation_id != conversation);
            return Err(Unavailable::TooLong);
        }
        Ok(place)
    }

    fn enqueue(&mut self, entry: Entry) {
        let at = self
            .waiting
            .iter()
            .position(|other| queue_key(&entry) < queue_key(other))
            .unwrap_or(self.waiting.len());
        self.waiting.insert(at, entry);
    }

    /// Agents online and available who could take `entry`.
    fn serving(&self, entry: &Entry) -> usize {
        self.agents
            .values()
            .filter(|p| p.connected && p.available && p.profile.can_take(entry))
            .count()
    }

    /// A waiting resident's place: counted among those of the same language,
    /// who compete for the same agents.
    pub fn place(&self, conversation_id: &str) -> Option<Place> {
        let index = self
            .waiting
            .iter()
            .position(|e| e.conversation_id == conversation_id)?;
        let entry = &self.waiting[index];
        let position = 1 + self.waiting[..index]
            .iter()
            .filter(|e| e.lang.primary() == entry.lang.primary())
            .count();
        let agents = self.serving(entry).max(1) as i64;
        let wait_ms = position as i64 * self.average_handling_ms() / agents;
        let wait_minutes = u32::try_from((wait_ms + 59_999) / 60_000).unwrap_or(u32::MAX);
        Some(Place {
            position,
            wait_minutes: wait_minutes.max(1),
        })
    }

    /// Every waiting resident's place.
    pub fn places(&self) -> Vec<(String, Place)> {
        self.waiting
            .iter()
            .filter_map(|e| {
                self.place(&e.conversation_id)
                    .map(|p| (e.conversation_id.clone(), p))
            })
            .collect()
    }

    fn average_handling_ms(&self) -> i64 {
        if self.handled_ms.is_empty() {
            return self.settings.default_handling_ms;
        }
        self.handled_ms.iter().sum::<i64>() / self.handled_ms.len() as i64
    }

    /// An agent's console connected (again): their chats are theirs still.
    pub fn agent_online(&mut self, profile: AgentProfile) {
        let capacity = self.settings.default_capacity;
        let presence = self
            .agents
            .entry(profile.id.clone())
            .or_insert_with(|| Presence {
                profile: profile.clone(),
                available: true,
                capacity,
                connected: true,
                left_at: None,
            });
        presence.profile = profile;
        presence.connected = true;
        presence.left_at = None;
    }

    /// An agent's console disconnected: their chats wait for them a while.
    pub fn agent_offline(&mut self, agent_id: &str, now: i64) {
        if let Some(presence) = self.agents.get_mut(agent_id) {
            presence.connected = false;
            presence.left_at = Some(now);
        }
    }

    /// Available (taking chats) or away, and how many chats at once.
    pub fn set_status(&mut self, agent_id: &str, available: bool, capacity: Option<usize>) {
        if let Some(presence) = self.agents.get_mut(agent_id) {
            presence.available = available;
            if let Some(capacity) = capacity {
                presence.capacity = capacity.clamp(1, 20);
            }
        }
    }

    /// Whether the agent is taking chats, and how many at once.
    pub fn status(&self, agent_id: &str) -> Option<(bool, usize)> {
        self.agents.get(agent_id).map(|p| (p.available, p.capacity))
    }

    /// An agent takes a waiting chat; of two agents racing, the second is
    /// told it is no longer waiting.
    pub fn take(
        &mut self,
        agent_id: &str,
        conversation_id: &str,
        now: i64,
    ) -> Result<Chat, DeskError> {
        let presence = self.agents.get(agent_id).ok_or(DeskError::NoSuchAgent)?;
        let index = self
            .waiting
            .iter()
            .position(|e| e.conversation_id == conversation_id)
            .ok_or(DeskError::NotWaiting)?;
        if !presence.profile.can_take(&self.waiting[index]) {
            return Err(DeskError::NotYourSkill);
        }
        if self.chats_of(agent_id).len() >= presence.capacity {
            return Err(DeskError::AtCapacity);
        }
        let chat = Chat {
            entry: self.waiting.remove(index),
            agent_id: agent_id.to_owned(),
            agent_name: presence.profile.name.clone(),
            assigned_at: now,
        };
        self.away.remove(conversation_id);
        self.chats.insert(conversation_id.to_owned(), chat.clone());
        Ok(chat)
    }

    /// The agent's chat with this resident.
    pub fn chat(&self, agent_id: &str, conversation_id: &str) -> Result<&Chat, DeskError> {
        match self.chats.get(conversation_id) {
            Some(chat) if chat.agent_id == agent_id => Ok(chat),
            _ => Err(DeskError::NotYours),
        }
    }

    /// The chat with this resident, whoever has it.
    pub fn chat_with(&self, conversation_id: &str) -> Option<&Chat> {
        self.chats.get(conversation_id)
    }

    /// Ends an agent's chat (closed, or handed back to the bot), counting how
    /// long it took for the wait estimate.
    pub fn finish(
        &mut self,
        agent_id: &str,
        conversation_id: &str,
        now: i64,
    ) -> Result<Chat, DeskError> {
        self.chat(agent_id, conversation_id)?;
        let chat = self
            .chats
            .remove(conversation_id)
            .ok_or(DeskError::NotYours)?;
        if self.handled_ms.len() == HANDLED_KEPT {
            self.handled_ms.pop_front();
        }
        self.handled_ms.push_back((now - chat.assigned_at).max(0));
        Ok(chat)
    }

    /// Passes a chat to another online agent who can take it.
    pub fn transfer_to_agent(
        &mut self,
        agent_id: &str,
        conversation_id: &str,
        target_id: &str,
        now: i64,
    ) -> Result<Chat, DeskError> {
        self.chat(agent_id, conversation_id)?;
        let target = self
            .agents
            .get(target_id)
            .filter(|p| p.connected && p.available && target_id != agent_id)
            .ok_or(DeskError::NoSuchAgent)?;
        let entry = &self.chats[conversation_id].entry;
        if !target.profile.can_take(entry) {
            return Err(DeskError::NotYourSkill);
        }
        if self.chats_of(target_id).len() >= target.capacity {
            return Err(DeskError::AtCapacity);
        }
        let name = target.profile.name.clone();
        let chat = self
            .chats
            .get_mut(conversation_id)
            .ok_or(DeskError::NotYours)?;
        chat.agent_id = target_id.to_owned();
        chat.agent_name = name;
        chat.assigned_at = now;
        Ok(chat.clone())
    }

    /// Puts a chat back in the queue under another topic, ahead of those who
    /// asked after the resident did.
    pub fn transfer_to_topic(
        &mut self,
        agent_id: &str,
        conversation_id: &str,
        topic: Option<String>,
    ) -> Result<Entry, DeskError> {
        self.chat(agent_id, conversation_id)?;
        let mut chat = self
            .chats
            .remove(conversation_id)
            .ok_or(DeskError::NotYours)?;
        chat.entry.topic = topic;
        self.enqueue(chat.entry.clone());
        Ok(chat.entry)
    }

    /// The resident left the queue or ended the chat; what they left, if anything.
    pub fn leave(&mut self, conversation_id: &str) -> Option<Left> {
        self.away.remove(conversation_id);
        if let Some(index) = self
            .waiting
            .iter()
            .position(|e| e.conversation_id == conversation_id)
        {
            return Some(Left::Queue(self.waiting.remove(index)));
        }
        self.chats.remove(conversation_id).map(Left::Chat)
    }

    /// A waiting resident's connection dropped; their place is kept a while.
    pub fn resident_away(&mut self, conversation_id: &str, now: i64) {
        if self
            .waiting
            .iter()
            .any(|e| e.conversation_id == conversation_id)
        {
            self.away.insert(conversation_id.to_owned(), now);
        }
    }

    pub fn resident_back(&mut self, conversation_id: &str) {
        self.away.remove(conversation_id);
    }

    /// Chats whose agent has been gone past the grace period go back to the
    /// queue (their agent's place is forgotten); residents gone past theirs
    /// leave it.
    pub fn expire(&mut self, now: i64) -> Expired {
        let mut expired = Expired::default();
        let gone: Vec<String> = self
            .agents
            .iter()
            .filter(|(_, p)| {
                p.left_at
                    .is_some_and(|t| now - t >= self.settings.agent_grace_ms)
            })
            .map(|(id, _)| id.clone())
            .collect();
        for agent_id in gone {
            self.agents.remove(&agent_id);
            let theirs: Vec<String> = self
                .chats
                .iter()
                .filter(|(_, chat)| chat.agent_id == agent_id)
                .map(|(id, _)| id.clone())
                .collect();
            for conversation in theirs {
                if let Some(chat) = self.chats.remove(&conversation) {
                    self.enqueue(chat.entry.clone());
                    expired.requeued.push(chat);
                }
            }
        }
        let grace = self.settings.resident_grace_ms;
        let left: Vec<String> = self
            .away
            .iter()
            .filter(|(_, since)| now - **since >= grace)
            .map(|(id, _)| id.clone())
            .collect();
        for conversation in left {
            if let Some(Left::Queue(entry)) = self.leave(&conversation) {
                expired.abandoned.push(entry);
            }
        }
        expired
    }

    /// The waiting chats an agent could take, in queue order.
    pub fn queue_for(&self, agent_id: &str) -> Vec<&Entry> {
        let Some(presence) = self.agents.get(agent_id) else {
            return Vec::new();
        };
        self.waiting
            .iter()
            .filter(|e| presence.profile.can_take(e))
            .collect()
    }

    /// An agent's chats.
    pub fn chats_of(&self, agent_id: &str) -> Vec<&Chat> {
        self.chats
            .values()
            .filter(|chat| chat.agent_id == agent_id)
            .collect()
    }

    /// The agents online and taking chats now, for transfers.
    pub fn agents_online(&self) -> Vec<&AgentProfile> {
        self.agents
            .values()
            .filter(|p| p.connected && p.available)
            .map(|p| &p.profile)
            .collect()
    }

    /// Brings back what the store held at start: waiting entries, and chats
    /// whose agents have the grace period from `now` to reconnect.
    pub fn restore(&mut self, waiting: Vec<Entry>, chats: Vec<Chat>, now: i64) {
        for entry in waiting {
            self.enqueue(entry);
        }
        for chat in chats {
            let capacity = self.settings.default_capacity;
            self.agents
                .entry(chat.agent_id.clone())
                .or_insert_with(|| Presence {
                    profile: AgentProfile {
                        id: chat.agent_id.clone(),
                        name: chat.agent_name.clone(),
                        languages: Vec::new(),
                        topics: Vec::new(),
                    },
                    available: true,
                    capacity,
                    connected: false,
                    left_at: Some(now),
                });
            self.chats.insert(chat.entry.conversation_id.clone(), chat);
        }
    }
}

/// What a resident left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Left {
    Queue(Entry),
    Chat(Chat),
}

fn queue_key(entry: &Entry) -> (bool, i64) {
    (!entry.urgent, entry.queued_at)
}

#[cfg(test)]
#[path = "desk_tests.rs"]
mod tests;
