//! Staff accounts and sessions in the store, on SQLite and, when
//! `COUNCILBOT_TEST_DATABASE_URL` is set, on PostgreSQL (a database of its
//! own per run, dropped afterwards).

use std::time::Duration;

use councilbot::lang::LangTag;
use councilbot::staff::{Agent, Role};
use councilbot::store::{Store, StoreError};
use sqlx::AnyPool;

use crate::helpers::TestDatabase;

const DAY: Duration = Duration::from_secs(24 * 3600);

/// A store on a fresh database, and what must outlive it.
struct TestStore {
    store: Store,
    url: String,
    database: Option<TestDatabase>,
    _dir: tempfile::TempDir,
}

impl TestStore {
    async fn sqlite() -> TestStore {
        let dir = tempfile::tempdir().unwrap();
        let url = format!(
            "sqlite://{}?mode=rwc",
            dir.path().join("staff.db").display()
        );
        let store = Store::open(&url, dir.path()).await.unwrap();
        TestStore {
            store,
            url,
            database: None,
            _dir: dir,
        }
    }

    async fn postgres() -> Option<TestStore> {
        let base = std::env::var("COUNCILBOT_TEST_DATABASE_URL").ok()?;
        let database = TestDatabase::create(&base).await;
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&database.url, dir.path()).await.unwrap();
        Some(TestStore {
            store,
            url: database.url.clone(),
            database: Some(database),
            _dir: dir,
        })
    }

    async fn finish(self) {
        self.store.close().await;
        if let Some(database) = self.database {
            database.drop().await;
        }
    }
}

async fn backends() -> Vec<TestStore> {
    let mut stores = vec![TestStore::sqlite().await];
    stores.extend(TestStore::postgres().await);
    stores
}

fn agent(name: &str, topics: &[&str], role: Role) -> Agent {
    let languages = vec![LangTag::parse("cy").unwrap(), LangTag::parse("en").unwrap()];
    let topics = topics.iter().map(|t| (*t).to_owned()).collect();
    Agent::new(name, languages, topics, role).unwrap()
}

#[tokio::test]
async fn accounts_are_stored_whole_and_names_are_unique() {
    for test in backends().await {
        let store = &test.store;
        let anna = agent("Anna", &["bins", "council-tax"], Role::Agent);
        let ben = agent("Ben", &[], Role::Editor);
        store.add_agent(&ben, "hash-b").await.unwrap();
        store.add_agent(&anna, "hash-a").await.unwrap();
        let clash = store
            .add_agent(&agent("Anna", &[], Role::Admin), "hash-c")
            .await;
        assert!(matches!(clash, Err(StoreError::Duplicate)), "{clash:?}");

        assert_eq!(
            store.agent_by_name("Anna").await.unwrap(),
            Some(anna.clone())
        );
        assert_eq!(store.agent_by_id(&ben.id).await.unwrap(), Some(ben.clone()));
        assert_eq!(
            store.agent_by_name("anna").await.unwrap(),
            None,
            "names are exact"
        );
        assert_eq!(store.list_agents().await.unwrap(), [anna.clone(), ben]);
        let credentials = store.credentials("Anna").await.unwrap().unwrap();
        assert_eq!(credentials.password_hash, "hash-a");

        assert!(store.set_password("Anna", "hash-new").await.unwrap());
        assert_eq!(
            store
                .credentials("Anna")
                .await
                .unwrap()
                .unwrap()
                .password_hash,
            "hash-new"
        );
        assert!(store.remove_agent("Anna").await.unwrap());
        assert!(!store.remove_agent("Anna").await.unwrap());
        assert!(!store.set_password("Anna", "hash").await.unwrap());
        assert_eq!(store.agent_by_id(&anna.id).await.unwrap(), None);
        test.finish().await;
    }
}

#[tokio::test]
async fn sessions_are_stored_hashed_and_end_when_they_should() {
    for test in backends().await {
        let store = &test.store;
        let anna = agent("Anna", &[], Role::Admin);
        store.add_agent(&anna, "hash-a").await.unwrap();
        let (token, csrf) = store.create_session(&anna.id, DAY).await.unwrap();
        let session = store.session_by_token(&token).await.unwrap().unwrap();
        assert_eq!(
            (session.agent, session.csrf.as_str()),
            (anna.clone(), csrf.as_str())
        );
        assert_eq!(
            stored_copies(&test.url, &token).await,
            (1, 0),
            "only a hash is kept"
        );

        let (expired, _) = store
            .create_session(&anna.id, Duration::ZERO)
            .await
            .unwrap();
        assert!(store.session_by_token(&expired).await.unwrap().is_none());
        store.delete_session(&token).await.unwrap();
        assert!(store.session_by_token(&token).await.unwrap().is_none());

        let (token, _) = store.create_session(&anna.id, DAY).await.unwrap();
        store.set_password("Anna", "hash-new").await.unwrap();
        assert!(
            store.session_by_token(&token).await.unwrap().is_none(),
            "a new password ends sessions"
        );
        let (token, _) = store.create_session(&anna.id, DAY).await.unwrap();
        store.remove_agent("Anna").await.unwrap();
        assert!(store.session_by_token(&token).await.unwrap().is_none());
        test.finish().await;
    }
}

/// Sessions stored, and rows holding `token` itself, read behind the store's back.
async fn stored_copies(url: &str, token: &str) -> (i64, i64) {
    let pool = AnyPool::connect(url).await.unwrap();
    let count = |sql: &'static str| {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(sql)
                .bind(token)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    let sessions = count("SELECT COUNT(*) FROM staff_sessions WHERE token_hash <> $1").await;
    let copies = count(
        "SELECT COUNT(*) FROM staff_sessions WHERE token_hash = $1 OR csrf_token = $1 OR agent_id = $1",
    )
    .await;
    pool.close().await;
    (sessions, copies)
}
