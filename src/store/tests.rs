//! Store tests against SQLite, and against PostgreSQL when
//! `COUNCILBOT_TEST_DATABASE_URL` is set (each run in a database of its own).

use super::*;

/// A store on a fresh database, and what must outlive it.
pub(crate) struct TestStore {
    pub store: Store,
    pub url: String,
    _dir: tempfile::TempDir,
    /// For PostgreSQL: the server URL and the database to drop afterwards.
    drop_database: Option<(String, String)>,
}

impl TestStore {
    /// Closes the store and drops a PostgreSQL test database.
    async fn finish(self) {
        self.store.close().await;
        if let Some((base, database)) = self.drop_database {
            let admin = AnyPoolOptions::new()
                .max_connections(1)
                .connect(&base)
                .await
                .unwrap();
            let statement = format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            sqlx::query(sqlx::AssertSqlSafe(statement))
                .execute(&admin)
                .await
                .unwrap();
            admin.close().await;
        }
    }
}

async fn sqlite() -> TestStore {
    let dir = tempfile::tempdir().unwrap();
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("data/test.db").display()
    );
    let store = Store::open(&url, &dir.path().join("data")).await.unwrap();
    TestStore {
        store,
        url,
        _dir: dir,
        drop_database: None,
    }
}

async fn postgres() -> Option<TestStore> {
    let base = std::env::var("COUNCILBOT_TEST_DATABASE_URL").ok()?;
    install_default_drivers();
    let admin = AnyPoolOptions::new()
        .max_connections(1)
        .connect(&base)
        .await
        .unwrap();
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
    let url = format!("{prefix}/{database}");
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&url, dir.path()).await.unwrap();
    Some(TestStore {
        store,
        url,
        _dir: dir,
        drop_database: Some((base, database)),
    })
}

async fn backends() -> Vec<TestStore> {
    let mut stores = vec![sqlite().await];
    stores.extend(postgres().await);
    stores
}

fn conversation(id: &str, next_seq: i64) -> ConversationRow {
    ConversationRow {
        id: id.to_owned(),
        resume_token_hash: format!("hash-{id}"),
        lang: "cy".to_owned(),
        state: "{}".to_owned(),
        next_seq,
        created_at: 1,
        updated_at: next_seq,
    }
}

fn event(id: &str, seq: i64) -> EventRow {
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

#[tokio::test]
async fn writes_are_readable_after_flush_in_order() {
    for test in backends().await {
        let store = &test.store;
        store.save_conversation(conversation("a", 1)).await.unwrap();
        for seq in 1..=5 {
            store.append_event(event("a", seq)).await.unwrap();
        }
        store.save_conversation(conversation("a", 6)).await.unwrap();
        store.flush().await.unwrap();

        let found = store.find_conversation("hash-a").await.unwrap().unwrap();
        assert_eq!(found, conversation("a", 6), "{:?}", store.backend());
        let after_two = store.events_after("a", 2).await.unwrap();
        assert_eq!(
            after_two,
            (3..=5).map(|seq| event("a", seq)).collect::<Vec<_>>()
        );
        assert!(
            store
                .find_conversation("hash-unknown")
                .await
                .unwrap()
                .is_none()
        );
        test.finish().await;
    }
}

#[tokio::test]
async fn many_conversations_commit_together() {
    for test in backends().await {
        let store = &test.store;
        for n in 0..300 {
            let id = format!("c{n}");
            store.save_conversation(conversation(&id, 2)).await.unwrap();
            store.append_event(event(&id, 1)).await.unwrap();
        }
        store.flush().await.unwrap();
        for n in [0, 150, 299] {
            let events = store.events_after(&format!("c{n}"), 0).await.unwrap();
            assert_eq!(events.len(), 1);
        }
        test.finish().await;
    }
}

#[tokio::test]
async fn reopening_keeps_data_and_does_not_rerun_migrations() {
    let test = sqlite().await;
    test.store
        .save_conversation(conversation("kept", 3))
        .await
        .unwrap();
    test.store.close().await;
    let reopened = Store::open(&test.url, test._dir.path()).await.unwrap();
    assert_eq!(
        reopened
            .find_conversation("hash-kept")
            .await
            .unwrap()
            .unwrap()
            .next_seq,
        3
    );
    reopened.ping().await.unwrap();
}

#[tokio::test]
async fn refuses_unknown_database_urls() {
    let error = Store::open("mysql://localhost/x", Path::new("/tmp"))
        .await
        .err()
        .unwrap();
    assert!(matches!(error, StoreError::UnsupportedUrl));
}
