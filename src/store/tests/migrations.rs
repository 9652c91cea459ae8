//! What was stored under an earlier schema reads the same after the
//! migrations that follow it, on both backends.

use super::*;

/// Two conversations and their events, written as migration 0007 left the
/// schema: events keyed by the conversation's id.
async fn fill_before_numbers(url: &str) {
    let pool = one_connection(url).await;
    let migrator = if url.starts_with("sqlite:") {
        sqlx::migrate!("./migrations/sqlite")
    } else {
        sqlx::migrate!("./migrations/postgres")
    };
    migrator.run_to(7, &pool).await.unwrap();
    for id in ["old-b", "old-a"] {
        let row = conversation(id, 4);
        sqlx::query(
            "INSERT INTO conversations (id, resume_token_hash, lang, state, owner, next_seq, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&row.id)
        .bind(&row.resume_token_hash)
        .bind(&row.lang)
        .bind(&row.state)
        .bind(&row.owner)
        .bind(row.next_seq)
        .bind(row.created_at)
        .bind(row.updated_at)
        .execute(&pool)
        .await
        .unwrap();
        for seq in 1..=3 {
            let event = event(id, seq);
            sqlx::query(
                "INSERT INTO conversation_events (conversation_id, seq, kind, client_id, detected, lang, body, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(&event.conversation_id)
            .bind(event.seq)
            .bind(&event.kind)
            .bind(&event.client_id)
            .bind(&event.detected)
            .bind(&event.lang)
            .bind(&event.body)
            .bind(event.created_at)
            .execute(&pool)
            .await
            .unwrap();
        }
    }
    pool.close().await;
}

/// A SQLite database in a folder of its own, and a PostgreSQL one when the
/// tests have a server, each still empty.
async fn empty_databases() -> Vec<(String, tempfile::TempDir, Option<(String, String)>)> {
    install_default_drivers();
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("data")).unwrap();
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("data/test.db").display()
    );
    let mut databases = vec![(url, dir, None)];
    if let Some((url, base, database)) = postgres_database().await {
        databases.push((url, tempfile::tempdir().unwrap(), Some((base, database))));
    }
    databases
}

#[tokio::test]
async fn conversations_stored_before_numbers_read_and_continue_the_same() {
    for (url, dir, drop_database) in empty_databases().await {
        fill_before_numbers(&url).await;
        let store = Store::open(&url, &dir.path().join("data")).await.unwrap();
        let test = TestStore {
            store,
            url,
            _dir: dir,
            drop_database,
        };
        let store = &test.store;
        let backend = store.backend();
        for id in ["old-a", "old-b"] {
            let found = store.find_conversation(&format!("hash-{id}")).await;
            assert_eq!(found.unwrap(), Some(conversation(id, 4)), "{backend:?}");
            assert_eq!(
                store.events_after(id, 1).await.unwrap(),
                (2..=3).map(|seq| event(id, seq)).collect::<Vec<_>>(),
                "{backend:?}"
            );
            let ids = store.client_message_ids(id).await.unwrap();
            assert_eq!(ids, [("c-2".to_owned(), 2)], "{backend:?}");
        }

        // Both the old conversations and new ones take further turns.
        store.commit(unit("old-a", 4..=5)).await.unwrap();
        store.commit(unit("new", 1..=2)).await.unwrap();
        assert_eq!(
            store.events_after("old-a", 3).await.unwrap(),
            (4..=5).map(|seq| event("old-a", seq)).collect::<Vec<_>>(),
            "{backend:?}"
        );
        assert_eq!(
            store.events_after("new", 0).await.unwrap(),
            (1..=2).map(|seq| event("new", seq)).collect::<Vec<_>>(),
            "{backend:?}"
        );
        assert_eq!(store.events_after("old-b", 3).await.unwrap(), []);
        test.finish().await;
    }
}
