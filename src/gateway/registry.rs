//! Which conversations have a live socket in this process, so a resume can take
//! a conversation over from a socket that has not noticed it is dead yet.
//!
//! A claim waits until the previous session has ended (it persists each turn
//! before acknowledging it, so nothing it acknowledged is lost), and never runs
//! beside it. Across several instances the store's owner check plays the same
//! part. The map holds only handles, never sockets or state; each critical
//! section is one map operation and no lock is held across an await.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use tokio::sync::{mpsc, oneshot};

/// How long a resume waits for the previous session to end. Sessions end
/// promptly when asked: their socket writes time out well before this.
const TAKEOVER_TIMEOUT: Duration = Duration::from_secs(15);

#[derive(Clone, Default)]
pub(crate) struct Registry {
    attached: Arc<Mutex<HashMap<String, Attachment>>>,
    generations: Arc<AtomicU64>,
}

struct Attachment {
    generation: u64,
    /// Asks the session to close its socket and end.
    detach: mpsc::Sender<()>,
    /// Resolves when the session's claim is dropped (the session has ended).
    ended: Option<oneshot::Receiver<()>>,
}

/// A session's claim on a conversation, keyed by its resume-token hash.
pub(crate) struct Claim {
    pub key: String,
    pub generation: u64,
    pub detach_requests: mpsc::Receiver<()>,
    _alive: oneshot::Sender<()>,
}

/// The previous session did not end in time; the client should try again.
#[derive(Debug)]
pub(crate) struct Busy;

impl Registry {
    fn map(&self) -> MutexGuard<'_, HashMap<String, Attachment>> {
        self.attached.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Claims the conversation for the calling session. If another session
    /// has it, asks that one to end and waits until it has.
    pub(crate) async fn claim(&self, key: &str) -> Result<Claim, Busy> {
        let generation = self.generations.fetch_add(1, Ordering::Relaxed);
        let (detach, detach_requests) = mpsc::channel(1);
        let (alive, ended) = oneshot::channel();
        let attachment = Attachment {
            generation,
            detach,
            ended: Some(ended),
        };
        let previous = self.map().insert(key.to_owned(), attachment);
        let claim = Claim {
            key: key.to_owned(),
            generation,
            detach_requests,
            _alive: alive,
        };
        let Some(mut previous) = previous else {
            return Ok(claim);
        };
        let _ = previous.detach.try_send(());
        let Some(mut previous_ended) = previous.ended.take() else {
            return Ok(claim);
        };
        match tokio::time::timeout(TAKEOVER_TIMEOUT, &mut previous_ended).await {
            Ok(_) => Ok(claim),
            Err(_) => {
                // Give the conversation back to the session that still has it.
                previous.ended = Some(previous_ended);
                let mut map = self.map();
                if map.get(key).is_some_and(|a| a.generation == generation) {
                    map.insert(key.to_owned(), previous);
                }
                Err(Busy)
            }
        }
    }

    /// Gives the claim up, unless a newer session has already taken it over.
    pub(crate) fn release(&self, claim: &Claim) {
        let mut map = self.map();
        if map
            .get(&claim.key)
            .is_some_and(|a| a.generation == claim.generation)
        {
            map.remove(&claim.key);
        }
    }

    /// Live sockets, for metrics and tests.
    pub(crate) fn len(&self) -> usize {
        self.map().len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_second_claim_waits_until_the_first_session_ends() {
        let registry = Registry::default();
        let mut first = registry.claim("k").await.unwrap();
        let second = tokio::spawn({
            let registry = registry.clone();
            async move { registry.claim("k").await.map(|claim| claim.generation) }
        });
        first
            .detach_requests
            .recv()
            .await
            .expect("the first session is asked to end");
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert!(
            !second.is_finished(),
            "the second claim waits while the first is alive"
        );
        registry.release(&first);
        drop(first);
        assert!(second.await.unwrap().is_ok());
        assert_eq!(registry.len(), 1);
    }

    #[tokio::test(start_paused = true)]
    async fn a_session_that_never_ends_keeps_its_conversation() {
        let registry = Registry::default();
        let _stuck = registry.claim("k").await.unwrap();
        assert!(
            registry.claim("k").await.is_err(),
            "the newcomer is told to try again"
        );
        assert!(
            registry.claim("k").await.is_err(),
            "and so is the next one: the stuck session still has it"
        );
        assert_eq!(registry.len(), 1);
    }
}
