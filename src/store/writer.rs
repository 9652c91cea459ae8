//! The store's single writer: takes queued writes in arrival order and commits
//! them in batches, one transaction per batch.

use std::time::Duration;

use sqlx::AnyPool;
use tokio::sync::{mpsc, oneshot};

use super::conversations::{self, ConversationRow, EventRow};

/// Writes a batch may hold; more wait for the next transaction.
const MAX_BATCH: usize = 512;
/// Attempts at a batch before it is given up (and logged) as lost.
const ATTEMPTS: u32 = 5;

pub(super) enum WriteOp {
    SaveConversation(ConversationRow),
    AppendEvent(EventRow),
    /// Answered once everything queued before it is committed.
    Flush(oneshot::Sender<()>),
    /// Commits what is queued, answers, and stops the writer.
    Close(oneshot::Sender<()>),
}

pub(super) async fn run(pool: AnyPool, mut queue: mpsc::Receiver<WriteOp>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    let mut waiting: Vec<oneshot::Sender<()>> = Vec::new();
    while let Some(first) = queue.recv().await {
        let mut closing = None;
        let mut next = Some(first);
        while let Some(op) = next.take() {
            match op {
                WriteOp::SaveConversation(row) => batch.push(Write::Conversation(row)),
                WriteOp::AppendEvent(row) => batch.push(Write::Event(row)),
                WriteOp::Flush(done) => waiting.push(done),
                WriteOp::Close(done) => {
                    closing = Some(done);
                    break;
                }
            }
            if batch.len() < MAX_BATCH {
                next = queue.try_recv().ok();
            }
        }
        commit(&pool, &mut batch).await;
        for done in waiting.drain(..) {
            let _ = done.send(());
        }
        if let Some(done) = closing {
            let _ = done.send(());
            return;
        }
    }
}

enum Write {
    Conversation(ConversationRow),
    Event(EventRow),
}

async fn commit(pool: &AnyPool, batch: &mut Vec<Write>) {
    if batch.is_empty() {
        return;
    }
    for attempt in 1..=ATTEMPTS {
        match commit_once(pool, batch).await {
            Ok(()) => {
                batch.clear();
                return;
            }
            Err(error) if attempt < ATTEMPTS => {
                tracing::warn!(%error, attempt, writes = batch.len(), "store batch failed, retrying");
                tokio::time::sleep(Duration::from_millis(50 * u64::from(attempt))).await;
            }
            Err(error) => {
                tracing::error!(%error, writes = batch.len(), "store batch lost after retries");
            }
        }
    }
    batch.clear();
}

async fn commit_once(pool: &AnyPool, batch: &[Write]) -> Result<(), sqlx::Error> {
    let mut transaction = pool.begin().await?;
    for write in batch {
        match write {
            Write::Conversation(row) => conversations::upsert(&mut transaction, row).await?,
            Write::Event(row) => conversations::insert_event(&mut transaction, row).await?,
        }
    }
    transaction.commit().await
}
