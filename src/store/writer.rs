//! The store's single writer. Each session hands it a [`Unit`] (everything one
//! turn writes) and waits for the result before acknowledging anything. Units
//! that arrive together are committed in one transaction; if that transaction
//! fails, each unit is committed on its own, so one bad unit never costs the
//! others.

use std::time::Duration;

use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyPool, Connection, Executor, Row};
use tokio::sync::{mpsc, oneshot};

use super::conversations::{self, Unit};
use super::sqlite_batch;
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

/// The writer's own connection, taken from the pool when first needed and
/// again after one fails.
struct Own {
    pool: AnyPool,
    connection: Option<PoolConnection<Any>>,
}

impl Own {
    async fn get(&mut self) -> Result<&mut PoolConnection<Any>, StoreError> {
        if self.connection.is_none() {
            self.connection = Some(self.pool.acquire().await?);
        }
        Ok(self.connection.as_mut().expect("just set"))
    }

    /// After an error that may have come from the connection itself (not a
    /// refused row), a fresh one is taken for the next write.
    fn check(&mut self, error: Option<&StoreError>) {
        if let Some(StoreError::Database(error)) = error
            && error.as_database_error().is_none()
        {
            self.connection = None;
        }
    }
}

pub(super) async fn run(pool: AnyPool, backend: Backend, mut queue: mpsc::Receiver<WriteOp>) {
    let mut own = Own {
        pool,
        connection: None,
    };
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
            commit_batch(&mut own, backend, &mut batch).await;
        }
        if checkpoint {
            finish_checkpoint(&mut own).await;
        }
        if let Some(done) = closing {
            if let Some(connection) = own.connection.take() {
                let _ = connection.close().await;
            }
            let _ = done.send(());
            return;
        }
    }
}

/// With no write of ours running, copies the few pages written since the
/// checkpoint task's pass, so the next write starts the log from its
/// beginning again instead of growing it. `RESTART` waits for readers still
/// on the log, but only briefly: a long read must not stall every resident.
async fn finish_checkpoint(own: &mut Own) {
    let started = std::time::Instant::now();
    let result = async {
        let connection = own.get().await?;
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
            // must not be used again.
            if let Some(connection) = own.connection.take() {
                let _ = connection.close().await;
            }
        }
        Ok::<_, StoreError>(rows?)
    }
    .await;
    own.check(result.as_ref().err());
    match result {
        Ok(rows) => {
            super::log_checkpoint(&rows, started, "writer");
        }
        Err(error) => tracing::warn!(%error, "store checkpoint failed; it is tried again"),
    }
}

async fn commit_batch(
    own: &mut Own,
    backend: Backend,
    batch: &mut Vec<(Unit, oneshot::Sender<Result<(), StoreError>>)>,
) {
    let together = commit_together(own, backend, batch).await;
    own.check(together.as_ref().err());
    if together.is_ok() {
        for (_, reply) in batch.drain(..) {
            let _ = reply.send(Ok(()));
        }
        return;
    }
    for (unit, reply) in batch.drain(..) {
        let _ = reply.send(commit_alone(own, &unit).await);
    }
}

async fn commit_together(
    own: &mut Own,
    backend: Backend,
    batch: &[(Unit, oneshot::Sender<Result<(), StoreError>>)],
) -> Result<(), StoreError> {
    let units: Vec<&Unit> = batch.iter().map(|(unit, _)| unit).collect();
    let connection = own.get().await?;
    if backend == Backend::Sqlite {
        let written = sqlite_batch::write_units(connection, &units).await;
        if written.is_err() && sqlite_batch::rollback(connection).await.is_err() {
            // It may still be inside the failed transaction: not used again.
            own.connection = None;
        }
        return written;
    }
    let mut transaction = connection.begin().await?;
    conversations::write_units_postgres(&mut transaction, &units).await?;
    transaction.commit().await?;
    Ok(())
}

async fn commit_alone(own: &mut Own, unit: &Unit) -> Result<(), StoreError> {
    let mut attempt = 1;
    loop {
        let result = async {
            let mut transaction = own.get().await?.begin().await?;
            conversations::write_unit(&mut transaction, unit).await?;
            transaction.commit().await?;
            Ok::<(), StoreError>(())
        }
        .await;
        own.check(result.as_ref().err());
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
