//! A session's side of the handoff queue: asking for a person, telling the
//! queue what the resident wrote, and storing and sending what the queue
//! says back (the resident's place, an agent joining, writing, leaving).
//!
//! What an agent writes is stored and numbered like any bot turn, by this
//! session (the conversation's only writer), before it is sent.

use std::sync::OnceLock;

use tokio::sync::mpsc;

use super::{Flow, Session};
use crate::conversation::{self, BotMessage, HandoffNote, HandoffState, HandoffWish, Services};
use crate::flows::engine::{Effect, EffectResult};
use crate::gateway::protocol::ServerFrame;
use crate::handoff::{Ask, Handoff, Place, ToResident, Unavailable};
use crate::store::CaseDesk;

/// Queue events a session holds before the queue's `try_send` fails.
pub(super) const QUEUE_EVENTS: usize = 64;

/// The channel the handoff queue talks to a session on, opened when first
/// needed: most conversations never meet the queue, and an open channel holds
/// about 2.5 KB whether used or not (25 MB for 10,000 idle residents).
pub(super) type QueueChannel = OnceLock<(mpsc::Sender<ToResident>, mpsc::Receiver<ToResident>)>;

/// The sending end of a session's queue channel, opening it if need be.
fn sender(queue: &QueueChannel) -> mpsc::Sender<ToResident> {
    queue.get_or_init(|| mpsc::channel(QUEUE_EVENTS)).0.clone()
}

/// The next event on a session's queue channel; never, while it is not open.
pub(super) async fn next_event(queue: &mut QueueChannel) -> Option<ToResident> {
    match queue.get_mut() {
        Some((_, events)) => events.recv().await,
        None => std::future::pending().await,
    }
}

/// A resident conversation's services: cases through the store, and the
/// handoff queue, which answers this session's channel.
pub(super) struct SessionServices<'a> {
    pub desk: CaseDesk<'a>,
    pub handoff: &'a Handoff,
    pub conversation_id: &'a str,
    pub queue: &'a QueueChannel,
}

impl Services for SessionServices<'_> {
    fn today(&self) -> jiff::civil::Date {
        self.desk.today()
    }

    async fn perform(&self, effect: &Effect) -> EffectResult {
        self.desk.perform(effect).await
    }

    async fn request_handoff(&self, wish: HandoffWish) -> Result<Place, Unavailable> {
        let ask = Ask {
            conversation_id: self.conversation_id.to_owned(),
            lang: wish.lang,
            topic: wish.topic,
            urgent: wish.urgent,
            summary: wish.summary,
            page: wish.page,
        };
        self.handoff.request(ask, sender(self.queue)).await
    }
}

impl Session {
    /// Tells the queue what a stored turn means for it: the agent sees what
    /// the resident wrote and anything the bot still said (safeguarding).
    pub(super) async fn after_turn(&self, note: Option<HandoffNote>, replies: &[BotMessage]) {
        match note {
            Some(HandoffNote::Forward(text)) => {
                let replies = replies
                    .iter()
                    .filter_map(|reply| serde_json::to_value(reply).ok())
                    .collect();
                self.app
                    .handoff
                    .resident_said(&self.conversation_id, text, replies)
                    .await;
            }
            Some(HandoffNote::Left) => self.app.handoff.leave(&self.conversation_id).await,
            None => {}
        }
    }

    /// On (re)connecting with a handoff open: where it stands now, and what
    /// the agent wrote meanwhile.
    pub(super) async fn attach_to_queue(&mut self) -> Flow {
        if self.state.conversation.handoff.is_none() {
            return Flow::Continue;
        }
        let attached = self
            .app
            .handoff
            .attach(&self.conversation_id, sender(&self.queue))
            .await;
        let before = self.state.clone();
        let content = self.app.content.load_full();
        let (turn, place) =
            conversation::attached(&content, &mut self.state.conversation, attached);
        if let Some(turn) = turn {
            match self.emit_turn(None, turn).await {
                Ok(Flow::Stop) => return Flow::Stop,
                Ok(Flow::Continue) => {}
                Err(error) => {
                    self.state = before;
                    return self.commit_failed(error, None).await;
                }
            }
        }
        match place {
            Some(place) => self.send_place(place).await,
            None => Flow::Continue,
        }
    }

    /// Lets the queue know this socket has gone.
    pub(super) async fn detach_from_queue(&self) {
        if self.state.conversation.handoff.is_some() {
            self.app
                .handoff
                .detach(&self.conversation_id, sender(&self.queue))
                .await;
        }
    }

    /// Something the queue said: a place update is sent as it is; the rest
    /// is stored as a turn, then sent.
    pub(super) async fn on_queue_event(&mut self, event: ToResident) -> Flow {
        if let ToResident::Place(place) = event {
            if self.state.conversation.handoff == Some(HandoffState::Waiting) {
                return self.send_place(place).await;
            }
            return Flow::Continue;
        }
        let before = self.state.clone();
        let content = self.app.content.load_full();
        let Some(turn) = conversation::from_queue(&content, &mut self.state.conversation, &event)
        else {
            return Flow::Continue;
        };
        let stored = self.emit_turn(None, turn).await;
        if let ToResident::Said { delivered, .. } = event {
            let _ = delivered.send(stored.is_ok());
        }
        match stored {
            Ok(flow) => flow,
            Err(error) => {
                self.state = before;
                self.commit_failed(error, None).await
            }
        }
    }

    async fn send_place(&self, place: Place) -> Flow {
        let content = self.app.content.load();
        let notice = conversation::place_notice(&content, &self.state.conversation, place);
        self.send(&ServerFrame::Queue {
            position: place.position,
            wait_minutes: place.wait_minutes,
            text: notice.text,
            lang: notice.lang,
            dir: notice.dir,
        })
        .await
    }
}
