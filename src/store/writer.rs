//! The store's single writer. Each session hands it a [`Unit`] (everything one
//! turn writes) and waits for the result before acknowledging anything. Units
//! that arrive together are committed in one transaction; if that transaction
//! fails, each unit is committed on its own, so one bad unit never costs the
//! others.

use std::time::Duration;

use sqlx::{AnyPool, Executor, Row};
use tokio::sync::{mpsc, oneshot};

use super::conversations::{self, Unit};
use super::{Backend, StoreError};

/// Units a transaction may hold.
const MAX_BATCH: usize = 256;
/// Attempts at one unit when the database is briefly unavailable.
const ATTEMPTS: u32 = 3;

pub(super) enum WriteOp {
    Commit(Unit, oneshot::Sender<Result<(), StoreError>>),
    /// Copies what is left of SQLite's write-ahead log into the database,
    /// between two batches (see `super::checkpoint`).
    FinishCheckpoint,
    /// Finishes what is queued, answers, and stops the writer.
    Close(oneshot::Sender<()>),
}

pub(super) async fn run(pool: AnyPool, backend: Backend, mut queue: mpsc::Receiver<WriteOp>) {
    let mut batch: Vec<(Unit, oneshot::Sender<Result<(), StoreError>>)> =
        Vec::with_capacity(MAX_BATCH);
    while let Some(first) = queue.recv().await {
        let mut closing = None;
        let mut checkpoint = false;
        let mut next = Some(first);
        while let Some(op) = next.take() {
            match op {
                WriteOp::Commit(unit, reply) => batch.push((unit, reply)),
                WriteOp::FinishCheckpoint => checkpoint = true,
                WriteOp::Close(done) => {
                    closing = Some(done);
                    break;
                }
            }
            if batch.len() < MAX_BATCH {
                next = queue.try_recv().ok();
            }
        }
        if !batch.is_empty() {
            commit_batch(&pool, backend, &mut batch).await;
        }
        if checkpoint {
            finish_checkpoint(&pool).await;
        }
        if let Some(done) = closing {
            let _ = done.send(());
            return;
        }
    }
}

/// With no write of ours running, copies the few pages written since the
/// checkpoint task's pass, so the next write starts the log from its
/// beginning again instead of growing it. `RESTART` waits for readers still
/// on the log, but only briefly: a long read must not stall every resident.
async fn finish_checkpoint(pool: &AnyPool) {
    let started = std::time::Instant::now();
    let result = async {
        let mut connection = pool.acquire().await?;
        let usual: i64 = connection
            .fetch_all("PRAGMA busy_timeout")
            .await?
            .first()
            .and_then(|row| row.try_get(0).ok())
            .unwrap_or(5_000);
        connection.execute("PRAGMA busy_timeout = 10").await?;
        let rows = connection.fetch_all("PRAGMA wal_checkpoint(RESTART)").await;
        let restore = format!("PRAGMA busy_timeout = {usual}");
        if connection
            .execute(sqlx::AssertSqlSafe(restore))
            .await
            .is_err()
        {
            // A connection that gives up on a busy database after 10 ms
            // must not go back to the pool.
            let _ = connection.close().await;
        }
        rows
    }
    .await;
    match result {
        Ok(rows) => super::log_checkpoint(&rows, started, "writer"),
        Err(error) => tracing::warn!(%error, "store checkpoint failed; it is tried again"),
    }
}

async fn commit_batch(
    pool: &AnyPool,
    backend: Backend,
    batch: &mut Vec<(Unit, oneshot::Sender<Result<(), StoreError>>)>,
) {
    if commit_together(pool, backend, batch).await.is_ok() {
        for (_, reply) in batch.drain(..) {
            let _ = reply.send(Ok(()));
        }
        return;
    }
    for (unit, reply) in batch.drain(..) {
        let _ = reply.send(commit_alone(pool, &unit).await);
    }
}

async fn commit_together(
    pool: &AnyPool,
    backend: Backend,
    batch: &[(Unit, oneshot::Sender<Result<(), StoreError>>)],
) -> Result<(), StoreError> {
    let units: Vec<&Unit> = batch.iter().map(|(unit, _)| unit).collect();
    let mut transaction = pool.begin().await?;
    conversations::write_units(&mut transaction, backend, &units).await?;
    transaction.commit().await?;
    Ok(())
}

async fn commit_alone(pool: &AnyPool, unit: &Unit) -> Result<(), StoreError> {
    let mut attempt = 1;
    loop {
        let result = async {
            let mut transaction = pool.begin().await?;
            conversations::write_unit(&mut transaction, unit).await?;
            transaction.commit().await?;
            Ok::<(), StoreError>(())
        }
        .await;
        match result {
            Err(error) if error.is_transient() && attempt < ATTEMPTS => {
                tracing::warn!(%error, attempt, "store write failed, retrying");
                tokio::time::sleep(Duration::from_millis(50 * u64::from(attempt))).await;
                attempt += 1;
            }
            other => return other,
        }
    }
}
