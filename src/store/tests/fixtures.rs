//! What the store tests share: a fresh store on each backend, and rows to
//! write to it.

use super::super::*;

/// A store on a fresh database, and what must outlive it.
pub(super) struct TestStore {
    pub store: Store,
    pub url: String,
    pub(super) _dir: tempfile::TempDir,
    /// For PostgreSQL: the server URL and the database to drop afterwards.
    pub(super) drop_database: Option<(String, String)>,
}

impl TestStore {
    /// Closes the store and drops a PostgreSQL test database.
    pub(super) async fn finish(self) {
        self.store.close().await;
        if let Some((base, database)) = self.drop_database {
            let admin = one_connection(&base).await;
            let statement = format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            sqlx::query(sqlx::AssertSqlSafe(statement))
                .execute(&admin)
                .await
                .unwrap();
            admin.close().await;
        }
    }
}

pub(super) async fn sqlite() -> TestStore {
    sqlite_restarting_log_at(RESTART_LOG_AT).await
}

pub(super) async fn sqlite_restarting_log_at(restart_log_at: u64) -> TestStore {
    let dir = tempfile::tempdir().unwrap();
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("data/test.db").display()
    );
    let store = Store::open_restarting_log_at(&url, &dir.path().join("data"), restart_log_at)
        .await
        .unwrap();
    TestStore {
        store,
        url,
        _dir: dir,
        drop_database: None,
    }
}

/// A new, empty PostgreSQL database: its URL, the server's URL and its name.
pub(super) async fn postgres_database() -> Option<(String, String, String)> {
    let base = std::env::var("COUNCILBOT_TEST_DATABASE_URL").ok()?;
    let admin = one_connection(&base).await;
    let mut name = [0_u8; 6];
    getrandom::fill(&mut name).unwrap();
    let name: String = name.iter().map(|b| format!("{b:02x}")).collect();
    let database = format!("councilbot_test_{name}");
    // The name is built from hex digits only.
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {database}")))
        .execute(&admin)
        .await
        .unwrap();
    admin.close().await;
    let (prefix, _) = base.rsplit_once('/').unwrap();
    Some((format!("{prefix}/{database}"), base, database))
}

pub(super) async fn postgres() -> Option<TestStore> {
    let (url, base, database) = postgres_database().await?;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&url, dir.path()).await.unwrap();
    Some(TestStore {
        store,
        url,
        _dir: dir,
        drop_database: Some((base, database)),
    })
}

pub(super) async fn backends() -> Vec<TestStore> {
    let mut stores = vec![sqlite().await];
    stores.extend(postgres().await);
    stores
}

pub(super) fn conversation(id: &str, next_seq: i64) -> ConversationRow {
    ConversationRow {
        id: id.to_owned(),
        resume_token_hash: format!("hash-{id}"),
        lang: "cy".to_owned(),
        state: "{}".to_owned(),
        owner: format!("owner-{id}"),
        next_seq,
        created_at: 1,
        updated_at: next_seq,
    }
}

pub(super) fn event(id: &str, seq: i64) -> EventRow {
    EventRow {
        conversation_id: id.to_owned(),
        seq,
        kind: "turn".to_owned(),
        client_id: (seq % 2 == 0).then(|| format!("c-{seq}")),
        detected: Some("pl".to_owned()),
        lang: Some("cy".to_owned()),
        body: format!("{{\"seq\":{seq}}}"),
        created_at: seq,
    }
}

pub(super) fn unit(id: &str, seqs: std::ops::RangeInclusive<i64>) -> Unit {
    let next = *seqs.end() + 1;
    Unit {
        conversation: conversation(id, next),
        events: seqs.map(|seq| event(id, seq)).collect(),
    }
}

/// A pool of one connection to `url`, for a test's own statements beside the
/// store (an admin session, a database made the way an older version made it).
pub(super) async fn one_connection(url: &str) -> AnyPool {
    install_default_drivers();
    AnyPoolOptions::new()
        .max_connections(1)
        .connect(url)
        .await
        .unwrap()
}
