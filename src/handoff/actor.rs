//! The queue's task: owns the desk and the channels to residents and agents,
//! carries out each command in turn, writes every change to the store, and
//! tells residents their place and agents their queue after each change.
//!
//! It never waits on a socket: messages to sessions and consoles are offered
//! with `try_send` on bounded channels, and a session that cannot keep up
//! learns where it stands when it attaches again.

use std::collections::HashMap;
use std::time::Duration;

use tokio::sync::{mpsc, oneshot};

use super::desk::{Desk, Left, Settings};
use super::{
    AgentProfile, Ask, Attached, Chat, ChatItem, Delivery, DeskError, EndReason, Entry,
    OpeningHours, Place, ToAgent, ToResident, Transfer, Unavailable,
};
use crate::config::Config;
use crate::lang::LangTag;
use crate::store::{HandoffRow, NewHandoff, Store, now_millis};
use crate::token::random_hex;

/// How often grace periods are checked.
const TICK: Duration = Duration::from_secs(1);

pub(super) enum Command {
    Request {
        ask: Ask,
        resident: mpsc::Sender<ToResident>,
        reply: oneshot::Sender<Result<Place, Unavailable>>,
    },
    Attach {
        conversation_id: String,
        resident: mpsc::Sender<ToResident>,
        reply: oneshot::Sender<Attached>,
    },
    Detach {
        conversation_id: String,
        resident: mpsc::Sender<ToResident>,
    },
    ResidentSaid {
        conversation_id: String,
        text: String,
        replies: Vec<serde_json::Value>,
    },
    Leave {
        conversation_id: String,
        reply: oneshot::Sender<()>,
    },
    AgentOnline {
        profile: AgentProfile,
        console: mpsc::Sender<ToAgent>,
        reply: oneshot::Sender<u64>,
    },
    AgentOffline {
        agent_id: String,
        connection: u64,
    },
    Status {
        agent_id: String,
        available: bool,
        capacity: Option<usize>,
        reply: oneshot::Sender<()>,
    },
    GetStatus {
        agent_id: String,
        reply: oneshot::Sender<Option<(bool, usize)>>,
    },
    Take {
        agent_id: String,
        conversation_id: String,
        reply: oneshot::Sender<Result<Chat, DeskError>>,
    },
    Reply {
        agent_id: String,
        conversation_id: String,
        text: String,
        reply: oneshot::Sender<Result<(Delivery, String), DeskError>>,
    },
    Finish {
        agent_id: String,
        conversation_id: String,
        reason: EndReason,
        outcome: Option<String>,
        reply: oneshot::Sender<Result<(), DeskError>>,
    },
    Transfer {
        agent_id: String,
        conversation_id: String,
        to: Transfer,
        reply: oneshot::Sender<Result<(), DeskError>>,
    },
    AgentsOnline {
        reply: oneshot::Sender<Vec<(String, String)>>,
    },
    Owns {
        agent_id: String,
        conversation_id: String,
        reply: oneshot::Sender<bool>,
    },
}

pub(super) struct Actor {
    desk: Desk,
    hours: OpeningHours,
    zone: jiff::tz::TimeZone,
    store: Store,
    residents: HashMap<String, mpsc::Sender<ToResident>>,
    /// Per agent: the connection number of their console and its channel.
    consoles: HashMap<String, (u64, mpsc::Sender<ToAgent>)>,
    /// What agents wrote to residents who were away.
    pending: HashMap<String, Vec<String>>,
    /// The handoff id of each open conversation's handoff.
    handoff_ids: HashMap<String, String>,
    places_sent: HashMap<String, Place>,
    views_sent: HashMap<String, (Vec<Entry>, Vec<ChatItem>)>,
    connections: u64,
}

impl Actor {
    /// The actor with the store's open handoffs restored.
    pub(super) async fn restore(
        config: &Config,
        hours: OpeningHours,
        store: Store,
        zone: jiff::tz::TimeZone,
    ) -> Actor {
        let settings = &config.handoff;
        let minutes = |m: u32| i64::from(m) * 60_000;
        let seconds = |s: u64| i64::try_from(s.saturating_mul(1000)).unwrap_or(i64::MAX);
        let desk = Desk::new(Settings {
            max_wait_ms: minutes(settings.max_wait_minutes),
            default_handling_ms: minutes(settings.default_handling_minutes.max(1)),
            agent_grace_ms: seconds(settings.agent_grace_secs),
            resident_grace_ms: seconds(settings.resident_grace_secs),
            default_capacity: settings.chats_per_agent.max(1),
        });
        let mut actor = Actor {
            desk,
            hours,
            zone,
            store,
            residents: HashMap::new(),
            consoles: HashMap::new(),
            pending: HashMap::new(),
            handoff_ids: HashMap::new(),
            places_sent: HashMap::new(),
            views_sent: HashMap::new(),
            connections: 0,
        };
        match actor.store.open_handoffs().await {
            Ok(rows) => actor.restore_rows(rows),
            Err(error) => tracing::error!(%error, "could not read the open handoffs"),
        }
        actor
    }

    fn restore_rows(&mut self, rows: Vec<HandoffRow>) {
        let now = now_millis();
        let (mut waiting, mut chats) = (Vec::new(), Vec::new());
        for row in rows {
            let Ok(lang) = LangTag::parse(&row.lang) else {
                tracing::warn!(handoff = %row.id, "stored handoff has no valid language; left out");
                continue;
            };
            let entry = Entry {
                handoff_id: row.id.clone(),
                conversation_id: row.conversation_id.clone(),
                lang,
                topic: row.topic,
                urgent: row.urgent,
                summary: row.summary,
                page: row.page,
                queued_at: row.queued_at,
            };
            self.handoff_ids
                .insert(row.conversation_id.clone(), row.id.clone());
            if !row.pending.is_empty() {
                self.pending
                    .insert(row.conversation_id.clone(), row.pending);
            }
            match (row.status.as_str(), row.agent_id) {
                ("with_agent", Some(agent_id)) => chats.push(Chat {
                    entry,
                    agent_id,
                    agent_name: row.agent_name.unwrap_or_default(),
                    assigned_at: row.assigned_at.unwrap_or(now),
                }),
                _ => waiting.push(entry),
            }
        }
        let restored = waiting.len() + chats.len();
        self.desk.restore(waiting, chats, now);
        // A resident not back within the grace period after a restart has left.
        for conversation in self.handoff_ids.keys() {
            self.desk.resident_away(conversation, now);
        }
        if restored > 0 {
            tracing::info!(restored, "handoffs restored from the store");
        }
    }

    pub(super) async fn run(mut self, mut inbox: mpsc::Receiver<Command>) {
        let mut tick = tokio::time::interval(TICK);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                command = inbox.recv() => {
                    let Some(command) = command else { break };
                    self.handle(command).await;
                }
                _ = tick.tick() => self.expire().await,
            }
            self.publish();
        }
    }

    async fn handle(&mut self, command: Command) {
        match command {
            Command::Request {
                ask,
                resident,
                reply,
            } => {
                let answer = self.request(ask, resident).await;
                let _ = reply.send(answer);
            }
            Command::Attach {
                conversation_id,
                resident,
                reply,
            } => {
                let attached = self.attach(&conversation_id, resident).await;
                let _ = reply.send(attached);
            }
            Command::Detach {
                conversation_id,
                resident,
            } => {
                let attached = self.residents.get(&conversation_id);
                if attached.is_some_and(|known| known.same_channel(&resident)) {
                    self.residents.remove(&conversation_id);
                    self.desk.resident_away(&conversation_id, now_millis());
                }
            }
            Command::ResidentSaid {
                conversation_id,
                text,
                replies,
            } => self.resident_said(conversation_id, text, replies),
            Command::Leave {
                conversation_id,
                reply,
            } => {
                self.leave(&conversation_id).await;
                let _ = reply.send(());
            }
            other => self.handle_agent(other).await,
        }
    }

    async fn handle_agent(&mut self, command: Command) {
        match command {
            Command::AgentOnline {
                profile,
                console,
                reply,
            } => {
                let _ = reply.send(self.agent_online(profile, console));
            }
            Command::AgentOffline {
                agent_id,
                connection,
            } => self.agent_offline(&agent_id, connection),
            Command::Status {
                agent_id,
                available,
                capacity,
                reply,
            } => {
                self.desk.set_status(&agent_id, available, capacity);
                let _ = reply.send(());
            }
            Command::GetStatus { agent_id, reply } => {
                let _ = reply.send(self.desk.status(&agent_id));
            }
            Command::Take {
                agent_id,
                conversation_id,
                reply,
            } => {
                let _ = reply.send(self.take(&agent_id, &conversation_id).await);
            }
            Command::Reply {
                agent_id,
                conversation_id,
                text,
                reply,
            } => {
                let _ = reply.send(self.reply(&agent_id, &conversation_id, text).await);
            }
            Command::Finish {
                agent_id,
                conversation_id,
                reason,
                outcome,
                reply,
            } => {
                let done = self
                    .finish(&agent_id, &conversation_id, reason, outcome)
                    .await;
                let _ = reply.send(done);
            }
            Command::Transfer {
                agent_id,
                conversation_id,
                to,
                reply,
            } => {
                let _ = reply.send(self.transfer(&agent_id, &conversation_id, to).await);
            }
            Command::Owns {
                agent_id,
                conversation_id,
                reply,
            } => {
                let _ = reply.send(self.desk.chat(&agent_id, &conversation_id).is_ok());
            }
            Command::AgentsOnline { reply } => {
                let online = self
                    .desk
                    .agents_online()
                    .into_iter()
                    .map(|p| (p.id.clone(), p.name.clone()))
                    .collect();
                let _ = reply.send(online);
            }
            _ => {}
        }
    }

    async fn request(
        &mut self,
        ask: Ask,
        resident: mpsc::Sender<ToResident>,
    ) -> Result<Place, Unavailable> {
        if self.desk.chat_with(&ask.conversation_id).is_some() {
            return Err(Unavailable::Error);
        }
        let open = self
            .hours
            .is_open(&jiff::Timestamp::now().to_zoned(self.zone.clone()));
        let known = self.desk.place(&ask.conversation_id).is_some();
        let entry = Entry {
            handoff_id: random_hex(12),
            conversation_id: ask.conversation_id.clone(),
            lang: ask.lang,
            topic: ask.topic,
            urgent: ask.urgent,
            summary: ask.summary,
            page: ask.page,
            queued_at: now_millis(),
        };
        let place = self.desk.request(entry.clone(), open)?;
        let conversation = ask.conversation_id;
        if !known {
            let stored = self
                .store
                .insert_handoff(NewHandoff {
                    id: &entry.handoff_id,
                    conversation_id: &conversation,
                    lang: entry.lang.as_str(),
                    topic: entry.topic.as_deref(),
                    urgent: entry.urgent,
                    summary: &entry.summary,
                    page: entry.page.as_deref(),
                    queued_at: entry.queued_at,
                })
                .await;
            if let Err(error) = stored {
                tracing::error!(%error, "could not store a handoff");
                self.desk.leave(&conversation);
                return Err(Unavailable::Error);
            }
            self.handoff_ids
                .insert(conversation.clone(), entry.handoff_id);
            tracing::info!(conversation = %conversation, lang = %entry.lang, urgent = entry.urgent, position = place.position, "resident queued for a person");
        }
        self.desk.resident_back(&conversation);
        self.places_sent.insert(conversation.clone(), place);
        self.residents.insert(conversation, resident);
        Ok(place)
    }

    async fn attach(
        &mut self,
        conversation_id: &str,
        resident: mpsc::Sender<ToResident>,
    ) -> Attached {
        self.desk.resident_back(conversation_id);
        let attached = if let Some(place) = self.desk.place(conversation_id) {
            self.places_sent.insert(conversation_id.to_owned(), place);
            Attached::Waiting(place)
        } else if let Some(chat) = self.desk.chat_with(conversation_id) {
            let agent_name = chat.agent_name.clone();
            let pending = self.pending.remove(conversation_id).unwrap_or_default();
            if !pending.is_empty() {
                self.store_pending(conversation_id, &[]).await;
            }
            Attached::WithAgent {
                agent_name,
                pending,
            }
        } else {
            return Attached::None;
        };
        self.residents.insert(conversation_id.to_owned(), resident);
        attached
    }

    fn resident_said(
        &self,
        conversation_id: String,
        text: String,
        replies: Vec<serde_json::Value>,
    ) {
        let Some(chat) = self.desk.chat_with(&conversation_id) else {
            return;
        };
        if let Some((_, console)) = self.consoles.get(&chat.agent_id) {
            let said = ToAgent::ResidentSaid {
                conversation_id,
                text,
                replies,
            };
            if console.try_send(said).is_err() {
                tracing::warn!(agent = %chat.agent_name, "console not keeping up; it will see the message in the transcript");
            }
        }
    }

    async fn leave(&mut self, conversation_id: &str) {
        self.residents.remove(conversation_id);
        self.places_sent.remove(conversation_id);
        self.pending.remove(conversation_id);
        match self.desk.leave(conversation_id) {
            Some(Left::Chat(chat)) => {
                if let Some((_, console)) = self.consoles.get(&chat.agent_id) {
                    let _ = console.try_send(ToAgent::ResidentLeft {
                        conversation_id: conversation_id.to_owned(),
                    });
                }
                self.end(conversation_id, "left").await;
            }
            Some(Left::Queue(_)) => self.end(conversation_id, "left").await,
            None => {}
        }
    }

    fn agent_online(&mut self, profile: AgentProfile, console: mpsc::Sender<ToAgent>) -> u64 {
        self.connections += 1;
        if let Some((_, older)) = self.consoles.remove(&profile.id) {
            let _ = older.try_send(ToAgent::Replaced);
        }
        self.views_sent.remove(&profile.id);
        self.consoles
            .insert(profile.id.clone(), (self.connections, console));
        tracing::info!(agent = %profile.name, "agent online");
        self.desk.agent_online(profile);
        self.connections
    }

    /// A console closed; a newer console of the same agent stays.
    fn agent_offline(&mut self, agent_id: &str, connection: u64) {
        if self
            .consoles
            .get(agent_id)
            .is_some_and(|(current, _)| *current == connection)
        {
            self.consoles.remove(agent_id);
            self.views_sent.remove(agent_id);
            self.desk.agent_offline(agent_id, now_millis());
        }
    }

    async fn take(&mut self, agent_id: &str, conversation_id: &str) -> Result<Chat, DeskError> {
        let chat = self.desk.take(agent_id, conversation_id, now_millis())?;
        let stored = self
            .store
            .assign_handoff(
                &chat.entry.handoff_id,
                agent_id,
                &chat.agent_name,
                chat.assigned_at,
            )
            .await;
        if !matches!(stored, Ok(true)) {
            if let Err(error) = stored {
                tracing::error!(%error, "could not store a chat's agent");
            }
            let _ =
                self.desk
                    .transfer_to_topic(agent_id, conversation_id, chat.entry.topic.clone());
            return Err(DeskError::NotWaiting);
        }
        self.places_sent.remove(conversation_id);
        self.notify(
            conversation_id,
            ToResident::Joined {
                agent_name: chat.agent_name.clone(),
            },
        );
        tracing::info!(conversation = %conversation_id, agent = %chat.agent_name, "agent took a chat");
        Ok(chat)
    }

    async fn reply(
        &mut self,
        agent_id: &str,
        conversation_id: &str,
        text: String,
    ) -> Result<(Delivery, String), DeskError> {
        let name = self
            .desk
            .chat(agent_id, conversation_id)?
            .agent_name
            .clone();
        if let Some(resident) = self.residents.get(conversation_id) {
            return Ok((Delivery::Live(resident.clone()), name));
        }
        let pending = self.pending.entry(conversation_id.to_owned()).or_default();
        pending.push(text);
        let pending = pending.clone();
        self.store_pending(conversation_id, &pending).await;
        Ok((Delivery::Kept, name))
    }

    async fn finish(
        &mut self,
        agent_id: &str,
        conversation_id: &str,
        reason: EndReason,
        outcome: Option<String>,
    ) -> Result<(), DeskError> {
        let chat = self.desk.finish(agent_id, conversation_id, now_millis())?;
        let outcome = match reason {
            EndReason::HandedBack => "handed-back".to_owned(),
            EndReason::Closed => outcome.unwrap_or_else(|| "other".to_owned()),
        };
        self.end(conversation_id, &outcome).await;
        self.pending.remove(conversation_id);
        self.notify(
            conversation_id,
            ToResident::Ended {
                agent_name: chat.agent_name,
                reason,
            },
        );
        Ok(())
    }

    async fn transfer(
        &mut self,
        agent_id: &str,
        conversation_id: &str,
        to: Transfer,
    ) -> Result<(), DeskError> {
        let now = now_millis();
        match to {
            Transfer::Agent(target) => {
                let chat = self
                    .desk
                    .transfer_to_agent(agent_id, conversation_id, &target, now)?;
                if let Err(error) = self
                    .store
                    .reassign_handoff(&chat.entry.handoff_id, &target, &chat.agent_name, now)
                    .await
                {
                    tracing::error!(%error, "could not store a transfer");
                }
                self.notify(
                    conversation_id,
                    ToResident::Joined {
                        agent_name: chat.agent_name,
                    },
                );
            }
            Transfer::Topic(topic) => {
                let name = self
                    .desk
                    .chat(agent_id, conversation_id)?
                    .agent_name
                    .clone();
                let entry = self
                    .desk
                    .transfer_to_topic(agent_id, conversation_id, topic)?;
                if let Err(error) = self
                    .store
                    .requeue_handoff(&entry.handoff_id, entry.topic.as_deref())
                    .await
                {
                    tracing::error!(%error, "could not store a transfer");
                }
                self.notify(
                    conversation_id,
                    ToResident::Transferred { agent_name: name },
                );
            }
        }
        Ok(())
    }

    /// Chats whose agent did not come back return to the queue; residents
    /// who did not come back leave it.
    async fn expire(&mut self) {
        let expired = self.desk.expire(now_millis());
        for chat in expired.requeued {
            let conversation = chat.entry.conversation_id.clone();
            if let Err(error) = self
                .store
                .requeue_handoff(&chat.entry.handoff_id, chat.entry.topic.as_deref())
                .await
            {
                tracing::error!(%error, "could not store a requeued chat");
            }
            tracing::info!(conversation = %conversation, "agent did not return; chat back in the queue");
            self.notify(
                &conversation,
                ToResident::Requeued {
                    agent_name: chat.agent_name,
                },
            );
        }
        for entry in expired.abandoned {
            self.residents.remove(&entry.conversation_id);
            self.places_sent.remove(&entry.conversation_id);
            self.end(&entry.conversation_id, "abandoned").await;
        }
    }

    async fn end(&mut self, conversation_id: &str, outcome: &str) {
        let Some(id) = self.handoff_ids.remove(conversation_id) else {
            return;
        };
        if let Err(error) = self.store.end_handoff(&id, outcome).await {
            tracing::error!(%error, "could not store the end of a handoff");
        }
    }

    async fn store_pending(&self, conversation_id: &str, pending: &[String]) {
        let Some(id) = self.handoff_ids.get(conversation_id) else {
            return;
        };
        if let Err(error) = self.store.set_handoff_pending(id, pending).await {
            tracing::error!(%error, "could not store an agent's message for later");
        }
    }

    fn notify(&self, conversation_id: &str, event: ToResident) {
        if let Some(resident) = self.residents.get(conversation_id)
            && resident.try_send(event).is_err()
        {
            tracing::warn!(conversation = %conversation_id, "resident session not keeping up with the queue");
        }
    }

    /// Tells residents whose place changed, and agents whose view changed.
    fn publish(&mut self) {
        for (conversation, place) in self.desk.places() {
            if self.places_sent.get(&conversation) == Some(&place) {
                continue;
            }
            if let Some(resident) = self.residents.get(&conversation)
                && resident.try_send(ToResident::Place(place)).is_ok()
            {
                self.places_sent.insert(conversation, place);
            }
        }
        for (agent_id, (_, console)) in &self.consoles {
            let view = self.view(agent_id);
            if self.views_sent.get(agent_id) == Some(&view) {
                continue;
            }
            let sent = console.try_send(ToAgent::Queue(view.0.clone())).is_ok()
                && console.try_send(ToAgent::Chats(view.1.clone())).is_ok();
            if sent {
                self.views_sent.insert(agent_id.clone(), view);
            }
        }
    }

    fn view(&self, agent_id: &str) -> (Vec<Entry>, Vec<ChatItem>) {
        let queue = self.desk.queue_for(agent_id).into_iter().cloned().collect();
        let chats = self
            .desk
            .chats_of(agent_id)
            .into_iter()
            .map(|chat| ChatItem {
                conversation_id: chat.entry.conversation_id.clone(),
                lang: chat.entry.lang.clone(),
                topic: chat.entry.topic.clone(),
                urgent: chat.entry.urgent,
                summary: chat.entry.summary.clone(),
                page: chat.entry.page.clone(),
                assigned_at: chat.assigned_at,
                resident_connected: self.residents.contains_key(&chat.entry.conversation_id),
            })
            .collect();
        (queue, chats)
    }
}
