//! Which conversations have a live socket, so a resume can take a conversation
//! over from a socket that has not noticed it is dead yet.
//!
//! The map holds only handles (a channel to ask the owning session to step
//! aside), never sockets or conversation state; each critical section is one map
//! operation and no lock is held across an await.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{mpsc, oneshot};

/// Sent to a session to make it persist, close and answer.
pub(crate) type DetachRequest = oneshot::Sender<()>;

/// How long a resume waits for the previous socket's session to step aside.
const DETACH_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Clone, Default)]
pub(crate) struct Registry {
    attached: Arc<Mutex<HashMap<String, Attachment>>>,
    generations: Arc<AtomicU64>,
}

struct Attachment {
    generation: u64,
    detach: mpsc::Sender<DetachRequest>,
}

/// A session's claim on a conversation, keyed by its resume-token hash.
pub(crate) struct Claim {
    pub key: String,
    pub generation: u64,
    pub detach_requests: mpsc::Receiver<DetachRequest>,
}

impl Registry {
    /// Claims the conversation for the calling session; if another session had
    /// it, asks that one to step aside and waits (bounded) until it has.
    pub(crate) async fn claim(&self, key: &str) -> Claim {
        let generation = self.generations.fetch_add(1, Ordering::Relaxed);
        let (detach, detach_requests) = mpsc::channel(1);
        let previous = self
            .attached
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(key.to_owned(), Attachment { generation, detach });
        if let Some(previous) = previous {
            let (done, stepped_aside) = oneshot::channel();
            if previous.detach.send(done).await.is_ok() {
                let _ = tokio::time::timeout(DETACH_TIMEOUT, stepped_aside).await;
            }
        }
        Claim {
            key: key.to_owned(),
            generation,
            detach_requests,
        }
    }

    /// Gives the claim up, unless a newer session has already taken it over.
    pub(crate) fn release(&self, claim: &Claim) {
        let mut attached = self
            .attached
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if attached
            .get(&claim.key)
            .is_some_and(|a| a.generation == claim.generation)
        {
            attached.remove(&claim.key);
        }
    }

    /// Live sockets, for metrics and tests.
    pub(crate) fn len(&self) -> usize {
        self.attached
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .len()
    }
}
