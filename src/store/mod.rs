//! The only module that talks to the database: SQLite (embedded default) or
//! PostgreSQL, through one sqlx code path, with migrations embedded in the binary.
//!
//! Writes go through one writer task: each session hands it everything a turn
//! writes and waits until it is durable before acknowledging anything, while
//! the writer commits many sessions' turns in one transaction. Reads go
//! straight to the pool.
//!
//! Every read runs its statement to the end (`fetch_all`, even for one row):
//! a SQLite statement left part-way holds its read transaction open on the
//! pooled connection, and while it does, the write-ahead log can never start
//! again from its beginning and grows without end.

mod cases;
mod conversations;
mod handoffs;
mod sqlite_batch;
mod staff;
mod writer;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, Executor, Row};
use tokio::sync::{mpsc, oneshot};

pub use cases::{CaseDesk, CaseRow};
pub use conversations::{ConversationRow, EventRow, Unit};
pub use handoffs::{HandoffRow, NewHandoff};
pub use staff::*;
use writer::WriteOp;

use crate::error::ErrorKind;

/// Which database is behind the pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// What went wrong talking to the database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("unsupported database url (expected sqlite:// or postgres://)")]
    UnsupportedUrl,
    #[error("cannot create data directory {path}: {source}")]
    DataDir {
        path: String,
        source: std::io::Error,
    },
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
    #[error("the store is shutting down")]
    Closed,
    #[error("another session has taken the conversation over")]
    NotOwner,
    #[error("already stored")]
    Duplicate,
}

impl StoreError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            StoreError::Corrupt(_) => ErrorKind::Internal,
            StoreError::NotOwner | StoreError::Duplicate => ErrorKind::Conflict,
            _ => ErrorKind::Unavailable,
        }
    }

    /// Worth retrying: the database was busy or unreachable, not refusing.
    pub fn is_transient(&self) -> bool {
        match self {
            StoreError::Database(error) => error.as_database_error().is_none_or(|db| {
                !(db.is_unique_violation()
                    || db.is_foreign_key_violation()
                    || db.is_check_violation())
            }),
            _ => false,
        }
    }

    /// A write's error, with a repeated unique key read as [`StoreError::Duplicate`].
    fn from_write(error: sqlx::Error) -> StoreError {
        match error.as_database_error() {
            Some(db) if db.is_unique_violation() => StoreError::Duplicate,
            _ => StoreError::Database(error),
        }
    }
}

/// A handle to the store: the pool and the writer's queue. Cloning it clones
/// two reference-counted handles.
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    writes: mpsc::Sender<WriteOp>,
}

/// Queued writes the writer may hold before senders wait.
const WRITE_QUEUE: usize = 8192;

impl Store {
    /// Connects, creating the SQLite file (and `data_dir`) on first start, runs
    /// the migrations and starts the writer task.
    pub async fn open(url: &str, data_dir: &Path) -> Result<Store, StoreError> {
        Store::open_restarting_log_at(url, data_dir, RESTART_LOG_AT).await
    }

    /// [`Store::open`], with SQLite's write-ahead log started again once it
    /// holds `restart_log_at` bytes (see [`checkpoint`]).
    async fn open_restarting_log_at(
        url: &str,
        data_dir: &Path,
        restart_log_at: u64,
    ) -> Result<Store, StoreError> {
        install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            return Err(StoreError::UnsupportedUrl);
        };
        if backend == Backend::Sqlite {
            std::fs::create_dir_all(data_dir).map_err(|source| StoreError::DataDir {
                path: data_dir.display().to_string(),
                source,
            })?;
        }
        let pool = connect(url, backend).await?;
        match backend {
            Backend::Sqlite => sqlx::migrate!("./migrations/sqlite").run(&pool).await?,
            Backend::Postgres => sqlx::migrate!("./migrations/postgres").run(&pool).await?,
        }
        let (writes, queue) = mpsc::channel(WRITE_QUEUE);
        tokio::spawn(writer::run(pool.clone(), backend, queue));
        if backend == Backend::Sqlite {
            tokio::spawn(checkpoint(pool.clone(), writes.downgrade(), restart_log_at));
        }
        Ok(Store {
            pool,
            backend,
            writes,
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Checks the database answers (for `/readyz`).
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// Commits what is queued and stops the writer; later writes are refused.
    pub async fn close(&self) {
        let (done, stopped) = oneshot::channel();
        if self.writes.send(WriteOp::Close(done)).await.is_ok() {
            let _ = stopped.await;
        }
        self.pool.close().await;
    }

    async fn enqueue(&self, op: WriteOp) -> Result<(), StoreError> {
        self.writes.send(op).await.map_err(|_| StoreError::Closed)
    }

    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }
}

async fn connect(url: &str, backend: Backend) -> Result<AnyPool, StoreError> {
    let mut options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(5));
    if backend == Backend::Sqlite {
        // WAL lets readers (resumes) run while the writer commits; NORMAL is
        // durable across application crashes in WAL mode.
        options = options.max_connections(4).after_connect(|connection, _| {
            Box::pin(async move {
                // Each turn rewrites a few pages in different places, and
                // each page costs two write calls to the log: 2 KB pages
                // write less than 4 KB ones and call less often than 1 KB
                // ones (a new database only; see docs/performance.md).
                connection.execute("PRAGMA page_size = 2048").await?;
                connection.execute("PRAGMA synchronous = NORMAL").await?;
                // A statement that may fail part-way keeps the pages it
                // changed in a statement journal: in memory, not a file.
                connection.execute("PRAGMA temp_store = MEMORY").await?;
                // Commits never copy the WAL back themselves: see `checkpoint`.
                connection.execute("PRAGMA wal_autocheckpoint = 0").await?;
                connection
                    .execute("PRAGMA journal_size_limit = 67108864")
                    .await?;
                Ok(())
            })
        });
    } else {
        options = options.max_connections(10);
    }
    let pool = options.connect(url).await?;
    if backend == Backend::Sqlite {
        sqlx::query("PRAGMA journal_mode = WAL")
            .execute(&pool)
            .await?;
    }
    Ok(pool)
}

/// How often SQLite's write-ahead log is copied back into the database.
const CHECKPOINT_EVERY: Duration = Duration::from_secs(1);
/// How large SQLite's write-ahead log may grow, under writes that never
/// pause, before the writer stops to start it again from its beginning.
const RESTART_LOG_AT: u64 = 32 * 1024 * 1024;

/// Copies SQLite's write-ahead log back into the database file every
/// [`CHECKPOINT_EVERY`], until the store closes.
///
/// SQLite would otherwise do it inside whichever commit fills the log, and
/// every turn waiting on that commit would wait for the copy and its fsync.
/// Here a passive checkpoint on a connection of its own copies the bulk while
/// the writer goes on committing.
///
/// The log starts again from its beginning on the first write after a
/// checkpoint that copied all of it. Under writes that never pause that never
/// happens, since the writer appends while the checkpoint copies, and the log
/// would grow without end. So once it holds `restart_log_at` bytes, the
/// writer, between two batches, copies the little written since the last
/// pass and starts it again. That stops every write for two fsyncs (tens of
/// milliseconds on some disks), so it is done only when the log is large, not
/// on every pass.
///
/// A passive pass that the writer's commits keep from reaching the end of
/// the log leaves the pages it copied unsynced, and the pass that does reach
/// the end (the writer's) syncs them all: on some disks tens of milliseconds
/// for tens of megabytes, with every write waiting. So after each pass this
/// task flushes the database file itself, beside the writer.
async fn checkpoint(pool: AnyPool, writes: mpsc::WeakSender<WriteOp>, restart_log_at: u64) {
    let database = database_file(&pool, "").await;
    let log = database_file(&pool, "-wal").await;
    checkpoint_passes(
        &pool,
        &writes,
        restart_log_at,
        database.as_ref(),
        log.as_ref(),
    )
    .await;
    // Closing any descriptor of the database file would drop every POSIX
    // lock this process holds on it, SQLite's included, while other handles
    // to the pool may still be in use: the descriptor is left open.
    std::mem::forget(database);
    std::mem::forget(log);
}

async fn checkpoint_passes(
    pool: &AnyPool,
    writes: &mpsc::WeakSender<WriteOp>,
    restart_log_at: u64,
    database: Option<&Arc<std::fs::File>>,
    log: Option<&Arc<std::fs::File>>,
) {
    let mut tick = tokio::time::interval(CHECKPOINT_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut page_size = None;
    loop {
        tick.tick().await;
        if pool.is_closed() {
            return;
        }
        if page_size.is_none() {
            page_size = sqlx::query("PRAGMA page_size")
                .fetch_all(pool)
                .await
                .ok()
                .and_then(|rows| rows.first()?.try_get::<i64, _>(0).ok());
        }
        let started = std::time::Instant::now();
        let frames = match sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
            .fetch_all(pool)
            .await
        {
            Ok(rows) => log_checkpoint(&rows, started, "checkpoint task"),
            Err(_) if pool.is_closed() => return,
            Err(error) => {
                tracing::warn!(%error, "store checkpoint failed; it is tried again");
                continue;
            }
        };
        if let Some(file) = database {
            let file = Arc::clone(file);
            let started = std::time::Instant::now();
            match tokio::task::spawn_blocking(move || file.sync_data()).await {
                Ok(Ok(())) => tracing::debug!(
                    ms = started.elapsed().as_millis() as u64,
                    "store database file flushed"
                ),
                Ok(Err(error)) => tracing::warn!(%error, "store database file not flushed"),
                Err(_) => return,
            }
        }
        let log_bytes = frames.saturating_mul(page_size.unwrap_or(4096));
        if u64::try_from(log_bytes).unwrap_or(0) < restart_log_at {
            continue;
        }
        // The writer's pass syncs the log first: flushing it here leaves that
        // sync only what is written from now on.
        if let Some(file) = log {
            let file = Arc::clone(file);
            if tokio::task::spawn_blocking(move || file.sync_data())
                .await
                .is_err()
            {
                return;
            }
        }
        let Some(writes) = writes.upgrade() else {
            return;
        };
        // A full queue means the writer is busy: the next tick tries again.
        let _ = writes.try_send(WriteOp::FinishCheckpoint);
    }
}

/// The SQLite database file, or its log with `suffix` `-wal`, opened for
/// flushing; `None` for a database in memory or a file that cannot be opened
/// (then the writer's own pass flushes it, as SQLite does).
async fn database_file(pool: &AnyPool, suffix: &str) -> Option<Arc<std::fs::File>> {
    let rows = sqlx::query("PRAGMA database_list")
        .fetch_all(pool)
        .await
        .ok()?;
    let path: String = rows
        .iter()
        .find(|row| row.try_get::<String, _>(1).is_ok_and(|name| name == "main"))?
        .try_get(2)
        .ok()?;
    if path.is_empty() {
        return None;
    }
    let path = format!("{path}{suffix}");
    match std::fs::File::open(&path) {
        Ok(file) => Some(Arc::new(file)),
        Err(error) => {
            tracing::warn!(%error, path, "store database file not opened for flushing");
            None
        }
    }
}

/// Logs what `PRAGMA wal_checkpoint` answered: whether it was kept from
/// finishing, the pages in the log, and the pages copied back. Returns the
/// pages in the log.
fn log_checkpoint(
    rows: &[sqlx::any::AnyRow],
    started: std::time::Instant,
    by: &'static str,
) -> i64 {
    let Some(row) = rows.first() else { return 0 };
    let number = |column: usize| row.try_get::<i64, _>(column).unwrap_or_default();
    tracing::debug!(
        by,
        busy = number(0),
        frames = number(1),
        copied = number(2),
        ms = started.elapsed().as_millis() as u64,
        "store checkpoint"
    );
    number(1)
}

/// Milliseconds since the Unix epoch, as stored.
pub fn now_millis() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests;
