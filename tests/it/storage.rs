//! Conversations survive a restart, on SQLite and on PostgreSQL.

use serde_json::json;

use crate::helpers::{Client, TestDatabase, spawn_app, spawn_on, test_config};

#[tokio::test]
async fn a_conversation_resumes_after_a_server_restart() {
    let app = spawn_app().await;
    let mut client = Client::connect(&app).await;
    let (welcome, _) = client.start(json!({"page_lang": "cy"})).await;
    let token = welcome["resume_token"].as_str().unwrap().to_owned();
    let (_, turn) = client
        .say("c-1", "helo, sut mae talu treth y cyngor?")
        .await;
    let data = app.stop_keeping_data().await;

    let restarted = spawn_on(test_config(data.path()), Some(data)).await;
    let mut client = Client::connect(&restarted).await;
    client
        .send(json!({"type": "hello", "v": 1, "resume_token": token, "last_seq": 2}))
        .await;
    let welcome = client.expect("welcome").await;
    assert_eq!(
        (welcome["resumed"].as_bool(), welcome["lang"].as_str()),
        (Some(true), Some("cy"))
    );
    assert_eq!(client.expect("turn").await, turn);
    let (ack, _) = client.say("c-2", "diolch").await;
    assert_eq!(ack["seq"], 4);
    restarted.stop().await.unwrap();
}

/// The same conversation, resume and restart on PostgreSQL, when the tests are
/// given one (`COUNCILBOT_TEST_DATABASE_URL`, set by `.ci/run`).
#[tokio::test]
async fn conversations_work_the_same_on_postgres() {
    let Ok(base) = std::env::var("COUNCILBOT_TEST_DATABASE_URL") else {
        eprintln!("COUNCILBOT_TEST_DATABASE_URL not set; PostgreSQL not tested here");
        return;
    };
    let database = TestDatabase::create(&base).await;
    let data = tempfile::tempdir().unwrap();
    let mut config = test_config(data.path());
    config.storage.database_url = Some(database.url.clone());
    let app = spawn_on(config.clone(), None).await;
    let mut client = Client::connect(&app).await;
    let (welcome, _) = client.start(json!({})).await;
    let token = welcome["resume_token"].as_str().unwrap().to_owned();
    let (_, turn) = client
        .say("c-1", "dzień dobry, jak zapłacić podatek?")
        .await;
    assert_eq!(turn["lang"], "pl");
    app.stop().await.unwrap();
    assert!(
        !data.path().join("data").exists(),
        "no SQLite file when PostgreSQL is configured"
    );

    let restarted = spawn_on(config, None).await;
    let mut client = Client::connect(&restarted).await;
    client
        .send(json!({"type": "hello", "v": 1, "resume_token": token, "last_seq": 2}))
        .await;
    assert_eq!(client.expect("welcome").await["resumed"], true);
    assert_eq!(client.expect("turn").await, turn);
    restarted.stop().await.unwrap();
    database.drop().await;
}
