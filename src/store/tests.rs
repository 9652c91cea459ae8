//! Store tests against SQLite, and against PostgreSQL when
//! `COUNCILBOT_TEST_DATABASE_URL` is set (each run in a database of its own).

use super::*;

mod fixtures;
mod migrations;

use fixtures::*;

#[tokio::test]
async fn committed_units_are_readable_in_order() {
    for test in backends().await {
        let store = &test.store;
        store.commit(unit("a", 1..=2)).await.unwrap();
        store.commit(unit("a", 3..=5)).await.unwrap();

        let found = store.find_conversation("hash-a").await.unwrap().unwrap();
        assert_eq!(found, conversation("a", 6), "{:?}", store.backend());
        let after_two = store.events_after("a", 2).await.unwrap();
        assert_eq!(
            after_two,
            (3..=5).map(|seq| event("a", seq)).collect::<Vec<_>>()
        );
        let mut ids = store.client_message_ids("a").await.unwrap();
        ids.sort();
        let expected = [2, 4].map(|seq| (format!("c-{seq}"), seq));
        assert_eq!(ids, expected, "{:?}", store.backend());
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

/// Commits `unit` while `count` other conversations (`{prefix}0`, …) commit
/// theirs at the same moment, so the writer batches them together; `unit`'s
/// result, and whether every other one was committed.
async fn commit_among_others(
    store: &Store,
    unit_alone: Unit,
    prefix: &str,
    count: usize,
) -> (Result<(), StoreError>, bool) {
    let writers: Vec<_> = (0..count)
        .map(|n| {
            let store = store.clone();
            let id = format!("{prefix}{n}");
            tokio::spawn(async move { store.commit(unit(&id, 1..=2)).await })
        })
        .collect();
    let (alone, results) = tokio::join!(
        store.commit(unit_alone),
        futures_util::future::join_all(writers)
    );
    let others = results.into_iter().all(|r| r.is_ok_and(|r| r.is_ok()));
    (alone, others)
}

#[tokio::test]
async fn concurrent_units_commit_together_and_a_bad_one_costs_only_itself() {
    for test in backends().await {
        let store = test.store.clone();
        store.commit(unit("taken", 1..=1)).await.unwrap();
        // In the middle of them: a unit repeating a stored seq.
        let (bad, others) = commit_among_others(&store, unit("taken", 1..=1), "c", 200).await;
        assert!(bad.is_err(), "a repeated seq is refused");
        assert!(others, "every other unit is committed");
        for n in [0, 100, 199] {
            assert_eq!(
                store.events_after(&format!("c{n}"), 0).await.unwrap().len(),
                2
            );
        }
        test.finish().await;
    }
}

#[tokio::test]
async fn a_taken_over_conversation_refuses_the_old_owner() {
    for test in backends().await {
        let store = &test.store;
        store.commit(unit("x", 1..=1)).await.unwrap();
        let taken = store.take_over("x", "newcomer", 10).await.unwrap().unwrap();
        let mut expected = conversation("x", 2);
        (expected.owner, expected.updated_at) = ("newcomer".to_owned(), 10);
        assert_eq!(taken, expected, "{:?}", store.backend());
        let stale = store.commit(unit("x", 2..=2)).await;
        assert!(matches!(stale, Err(StoreError::NotOwner)), "{stale:?}");
        let mut fresh = unit("x", 2..=2);
        fresh.conversation.owner = "newcomer".to_owned();
        store.commit(fresh).await.unwrap();
        assert_eq!(store.events_after("x", 0).await.unwrap().len(), 2);
        assert_eq!(
            store.take_over("missing", "anyone", 10).await.unwrap(),
            None
        );
        test.finish().await;
    }
}

#[tokio::test]
async fn a_taken_over_conversation_in_a_batch_costs_only_itself() {
    for test in backends().await {
        let store = test.store.clone();
        store.commit(unit("moved", 1..=1)).await.unwrap();
        assert!(
            store
                .take_over("moved", "newcomer", 10)
                .await
                .unwrap()
                .is_some()
        );
        let (stale, others) = commit_among_others(&store, unit("moved", 2..=3), "m", 100).await;
        assert!(matches!(stale, Err(StoreError::NotOwner)), "{stale:?}");
        assert!(others, "every other unit is committed");
        assert_eq!(store.events_after("moved", 0).await.unwrap().len(), 1);
        let moved = store
            .find_conversation("hash-moved")
            .await
            .unwrap()
            .unwrap();
        assert_eq!((moved.owner.as_str(), moved.next_seq), ("newcomer", 2));
        assert_eq!(store.events_after("m99", 0).await.unwrap().len(), 2);
        test.finish().await;
    }
}

/// What residents type reaches the store as it was sent, whatever it holds.
#[tokio::test]
async fn any_text_is_stored_exactly() {
    let awkward = "\"quoted\" \\ back\\slash\n\ttab \u{1} Ŵyn ẁ — مرحبا 👋🏽 \u{200f}x";
    for test in backends().await {
        let store = &test.store;
        let mut written = unit("t", 1..=2);
        written.conversation.state = format!("{{\"note\":{}}}", serde_json::json!(awkward));
        written.conversation.created_at = i64::MAX - 1;
        written.events[0].body = awkward.to_owned();
        written.events[0].client_id = None;
        written.events[1].detected = None;
        written.events[1].body = String::new();
        store.commit(written.clone()).await.unwrap();
        let found = store.find_conversation("hash-t").await.unwrap().unwrap();
        assert_eq!(found, written.conversation, "{:?}", store.backend());
        assert_eq!(store.events_after("t", 0).await.unwrap(), written.events);
        test.finish().await;
    }
}

/// A seq is written once per conversation: a unit that repeats one is
/// refused whole, and the events already stored are left as they were.
#[tokio::test]
async fn a_seq_is_stored_once() {
    for test in backends().await {
        let store = &test.store;
        store.commit(unit("d", 1..=2)).await.unwrap();
        let mut again = unit("d", 2..=3);
        again.events[0].body = "{\"seq\":\"again\"}".to_owned();
        let result = store.commit(again).await;
        assert!(matches!(result, Err(StoreError::Duplicate)), "{result:?}");
        assert_eq!(
            store.events_after("d", 0).await.unwrap(),
            (1..=2).map(|seq| event("d", seq)).collect::<Vec<_>>(),
            "{:?}",
            store.backend()
        );
        test.finish().await;
    }
}

#[tokio::test]
async fn reopening_keeps_data_and_does_not_rerun_migrations() {
    let test = sqlite().await;
    test.store.commit(unit("kept", 1..=2)).await.unwrap();
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

/// After a stream of commits that outgrows the restart size, the SQLite
/// write-ahead log is copied back and started again from its beginning, so it
/// does not grow without end; the reads in between must not hold it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_write_ahead_log_starts_again_after_writes() {
    let test = sqlite_restarting_log_at(64 * 1024).await;
    let store = &test.store;
    let started = std::time::Instant::now();
    let mut units = 0_i64;
    while started.elapsed() < CHECKPOINT_EVERY + Duration::from_millis(300) {
        let id = format!("c{}", units % 50);
        let seq = units / 50 * 2 + 1;
        store.commit(unit(&id, seq..=seq + 1)).await.unwrap();
        // A read that finds a row, as a resume does.
        let found = store.find_conversation(&format!("hash-{id}")).await;
        assert!(found.unwrap().is_some());
        units += 1;
    }
    // A checkpoint tick with nothing written, then one more unit.
    tokio::time::sleep(CHECKPOINT_EVERY + Duration::from_millis(300)).await;
    store.commit(unit("last", 1..=2)).await.unwrap();
    let rows = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
        .fetch_all(store.pool())
        .await
        .unwrap();
    let frames: i64 = rows[0].try_get(1).unwrap();
    // Each unit writes at least two pages (the conversation, its events).
    assert!(units > 100, "only {units} units written");
    assert!(
        frames < 50,
        "the log holds {frames} pages after {units} units and one more: it never started again"
    );
    test.finish().await;
}

/// The checkpoint task flushes the database file and its log itself; it
/// finds them from the pool, and finds nothing for a database in memory.
#[cfg(unix)]
#[tokio::test]
async fn the_checkpoint_task_finds_the_database_file_and_its_log() {
    let test = sqlite().await;
    let database = database_file(test.store.pool(), "").await;
    let log = database_file(test.store.pool(), "-wal").await;
    let expected = test._dir.path().join("data/test.db");
    let same = |file: &std::fs::File, path: &Path| {
        use std::os::unix::fs::MetadataExt;
        let (a, b) = (file.metadata().unwrap(), std::fs::metadata(path).unwrap());
        (a.dev(), a.ino()) == (b.dev(), b.ino())
    };
    assert!(same(&database.expect("the database file"), &expected));
    let log_path = test._dir.path().join("data/test.db-wal");
    assert!(same(&log.expect("the log"), &log_path));
    test.finish().await;

    let memory = one_connection("sqlite::memory:").await;
    assert!(database_file(&memory, "").await.is_none());
    memory.close().await;
}

#[test]
fn batches_are_written_in_runs_of_a_power_of_two_rows() {
    let sizes = |n: usize| -> Vec<usize> {
        let items: Vec<usize> = (0..n).collect();
        let chunks: Vec<&[usize]> = conversations::power_of_two_chunks(&items).collect();
        assert_eq!(chunks.concat(), items, "every row once, in order");
        chunks.iter().map(|chunk| chunk.len()).collect()
    };
    assert_eq!(sizes(0), Vec::<usize>::new());
    assert_eq!(sizes(1), [1]);
    assert_eq!(sizes(37), [32, 4, 1]);
    assert_eq!(sizes(64), [64]);
    assert_eq!(sizes(200), [64, 64, 64, 8]);
}

/// The writer keeps one connection; when the database drops it (here:
/// PostgreSQL ends every session of the test database), the next turn is
/// still written, on a fresh connection. Runs only with PostgreSQL.
#[tokio::test]
async fn the_writer_takes_a_new_connection_after_losing_its_own() {
    let Some(test) = postgres().await else {
        return;
    };
    let store = &test.store;
    store.commit(unit("a", 1..=2)).await.unwrap();
    let admin = one_connection(&test.url).await;
    let ended = sqlx::query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = current_database() AND pid <> pg_backend_pid()",
    )
    .fetch_all(&admin)
    .await
    .unwrap();
    assert!(!ended.is_empty(), "the writer's session was ended");
    admin.close().await;
    store.commit(unit("a", 3..=4)).await.unwrap();
    assert_eq!(store.events_after("a", 0).await.unwrap().len(), 4);
    test.finish().await;
}

/// A new SQLite database is made with 2 KB pages (see `connect`); one made
/// before, with SQLite's usual 4 KB, keeps them and is written as before.
#[tokio::test]
async fn new_sqlite_databases_use_2_kb_pages_and_older_ones_keep_theirs() {
    let page_size = |store: &Store| {
        let pool = store.pool().clone();
        async move {
            let rows = sqlx::query("PRAGMA page_size")
                .fetch_all(&pool)
                .await
                .unwrap();
            rows[0].try_get::<i64, _>(0).unwrap()
        }
    };
    let test = sqlite().await;
    test.store.commit(unit("a", 1..=2)).await.unwrap();
    assert_eq!(page_size(&test.store).await, 2048);
    test.finish().await;

    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let url = format!("sqlite://{}?mode=rwc", data.join("old.db").display());
    let older = one_connection(&url).await;
    sqlx::query("PRAGMA page_size = 4096")
        .execute(&older)
        .await
        .unwrap();
    sqlx::query("CREATE TABLE made_before (x INTEGER)")
        .execute(&older)
        .await
        .unwrap();
    older.close().await;
    let store = Store::open(&url, &data).await.unwrap();
    store.commit(unit("b", 1..=2)).await.unwrap();
    assert_eq!(page_size(&store).await, 4096);
    assert_eq!(store.events_after("b", 0).await.unwrap().len(), 2);
    store.close().await;
}
