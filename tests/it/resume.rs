//! Resuming a conversation after a reload or a dropped connection: nothing lost,
//! nothing doubled.

use serde_json::json;

use crate::helpers::{Client, spawn_app};

#[tokio::test]
async fn a_dropped_connection_resumes_with_exactly_what_was_missed() {
    let app = spawn_app().await;
    let mut first = Client::connect(&app).await;
    let (welcome, _) = first.start(json!({})).await;
    let token = welcome["resume_token"].as_str().unwrap().to_owned();
    let conversation_id = welcome["conversation_id"].clone();
    let (ack, turn) = first.say("c-1", "hello there").await;
    assert_eq!(
        (ack["seq"].as_i64(), turn["seq"].as_i64()),
        (Some(2), Some(3))
    );
    assert_eq!(turn["reply_to"], "c-1");
    // The client saw the ack but, say, lost the turn when the network dropped.
    drop(first);

    let mut second = Client::connect(&app).await;
    second
        .send(json!({"type": "hello", "v": 1, "resume_token": token, "last_seq": 2}))
        .await;
    let welcome = second.expect("welcome").await;
    assert_eq!(welcome["resumed"], true);
    assert_eq!(welcome["conversation_id"], conversation_id);
    assert_eq!(welcome["last_seq"], 3);
    let replayed = second.expect("turn").await;
    assert_eq!(
        replayed, turn,
        "the missed turn comes back exactly as it was"
    );
    second.ping().await;

    // Resending a message the server already has is acknowledged, not repeated.
    second
        .send(json!({"type": "message", "id": "c-1", "text": "hello there"}))
        .await;
    let duplicate = second.expect("ack").await;
    assert_eq!(
        duplicate,
        json!({"type": "ack", "id": "c-1", "seq": 2, "duplicate": true})
    );
    second.ping().await;

    let (ack, turn) = second.say("c-2", "anyone there?").await;
    assert_eq!(
        (ack["seq"].as_i64(), turn["seq"].as_i64()),
        (Some(4), Some(5))
    );
    app.stop().await.unwrap();
}

/// However long ago a message was stored, sending it again (on the same socket
/// or after a resume) gets its original ack and no second answer.
#[tokio::test]
async fn every_stored_message_is_recognised_when_sent_again() {
    let app = spawn_app().await;
    let mut first = Client::connect(&app).await;
    let (welcome, _) = first.start(json!({})).await;
    let token = welcome["resume_token"].as_str().unwrap().to_owned();
    for n in 1..=10 {
        first
            .say(&format!("c-{n}"), "what day are bins collected")
            .await;
    }
    first
        .send(json!({"type": "message", "id": "c-1", "text": "what day are bins collected"}))
        .await;
    assert_eq!(
        first.expect("ack").await,
        json!({"type": "ack", "id": "c-1", "seq": 2, "duplicate": true})
    );
    first.close().await;

    let mut second = Client::connect(&app).await;
    second
        .send(json!({"type": "hello", "v": 1, "resume_token": token, "last_seq": 21}))
        .await;
    assert_eq!(second.expect("welcome").await["last_seq"], 21);
    for (id, seq) in [("c-1", 2), ("c-5", 10), ("c-10", 20)] {
        second
            .send(json!({"type": "message", "id": id, "text": "what day are bins collected"}))
            .await;
        assert_eq!(
            second.expect("ack").await,
            json!({"type": "ack", "id": id, "seq": seq, "duplicate": true})
        );
    }
    second.ping().await;
    app.stop().await.unwrap();
}

/// A commit can land though the session was told it failed (a connection
/// lost as it committed); the client's resend then meets a store ahead of
/// the session. The session asks the client to resume, and after the resume
/// the message is recognised, not answered twice.
#[tokio::test]
async fn a_store_ahead_of_its_session_is_caught_up_by_a_resume() {
    let app = spawn_app().await;
    let mut first = Client::connect(&app).await;
    let (welcome, _) = first.start(json!({})).await;
    let token = welcome["resume_token"].as_str().unwrap().to_owned();
    let conversation = welcome["conversation_id"].as_str().unwrap().to_owned();
    first.say("c-1", "hello there").await;

    // What the lost commit of "c-2" left in the store: seqs 4 and 5.
    sqlx::any::install_default_drivers();
    let url = format!("sqlite://{}", app.data_dir.join("councilbot.db").display());
    let db = sqlx::AnyPool::connect(&url).await.unwrap();
    for (seq, kind, client_id) in [(4, "resident", Some("c-2")), (5, "turn", None)] {
        sqlx::query(
            "INSERT INTO conversation_events (conversation, seq, kind, client_id, body, created_at) \
             SELECT number, $1, $2, $3, $4, 0 FROM conversations WHERE id = $5",
        )
        .bind(seq)
        .bind(kind)
        .bind(client_id)
        .bind(format!(r#"{{"type":"{kind}","seq":{seq}}}"#))
        .bind(&conversation)
        .execute(&db)
        .await
        .unwrap();
    }
    sqlx::query("UPDATE conversations SET next_seq = 6 WHERE id = $1")
        .bind(&conversation)
        .execute(&db)
        .await
        .unwrap();
    db.close().await;

    first
        .send(json!({"type": "message", "id": "c-2", "text": "anyone there?"}))
        .await;
    let error = first.expect("error").await;
    assert_eq!(
        (&error["code"], &error["id"]),
        (&json!("internal"), &json!("c-2"))
    );
    assert_eq!(first.expect_close().await, 1013);

    let mut second = Client::connect(&app).await;
    second
        .send(json!({"type": "hello", "v": 1, "resume_token": token, "last_seq": 3}))
        .await;
    assert_eq!(second.expect("welcome").await["last_seq"], 5);
    assert_eq!(second.expect("resident").await["seq"], 4);
    assert_eq!(second.expect("turn").await["seq"], 5);
    second
        .send(json!({"type": "message", "id": "c-2", "text": "anyone there?"}))
        .await;
    assert_eq!(
        second.expect("ack").await,
        json!({"type": "ack", "id": "c-2", "seq": 4, "duplicate": true})
    );
    let (ack, _) = second.say("c-3", "thanks").await;
    assert_eq!(ack["seq"], 6);
    app.stop().await.unwrap();
}

#[tokio::test]
async fn a_reload_replays_the_whole_conversation_in_order() {
    let app = spawn_app().await;
    let mut first = Client::connect(&app).await;
    let (welcome, greeting) = first.start(json!({})).await;
    let token = welcome["resume_token"].as_str().unwrap().to_owned();
    first.say("c-1", "first question").await;
    first.say("c-2", "my email is jo@example.com").await;
    first.close().await;

    let mut reloaded = Client::connect(&app).await;
    reloaded
        .send(json!({"type": "hello", "v": 1, "resume_token": token, "last_seq": 0}))
        .await;
    reloaded.expect("welcome").await;
    assert_eq!(reloaded.expect("turn").await, greeting);
    let mut seqs = vec![1];
    for (kind, id) in [
        ("resident", "c-1"),
        ("turn", "c-1"),
        ("resident", "c-2"),
        ("turn", "c-2"),
    ] {
        let frame = reloaded.expect(kind).await;
        let frame_id = if kind == "resident" {
            &frame["id"]
        } else {
            &frame["reply_to"]
        };
        assert_eq!(frame_id, id);
        seqs.push(frame["seq"].as_i64().unwrap());
        if id == "c-2" && kind == "resident" {
            assert_eq!(
                frame["text"], "my email is [email]",
                "stored transcripts are redacted by default"
            );
        }
    }
    assert_eq!(seqs, [1, 2, 3, 4, 5]);
    reloaded.ping().await;
    app.stop().await.unwrap();
}

#[tokio::test]
async fn a_newer_connection_takes_over_from_a_live_one() {
    let app = spawn_app().await;
    let mut old = Client::connect(&app).await;
    let (welcome, _) = old.start(json!({})).await;
    let token = welcome["resume_token"].as_str().unwrap().to_owned();
    old.say("c-1", "hello").await;

    let mut new = Client::connect(&app).await;
    new.send(json!({"type": "hello", "v": 1, "resume_token": token, "last_seq": 3}))
        .await;
    let error = old.expect("error").await;
    assert_eq!(error["code"], "replaced");
    assert_eq!(old.expect_close().await, 4000);
    assert_eq!(new.expect("welcome").await["resumed"], true);
    let (ack, _) = new.say("c-2", "still me").await;
    assert_eq!(
        ack["seq"], 4,
        "the new connection continues the same numbering"
    );
    app.stop().await.unwrap();
}

#[tokio::test]
async fn an_unknown_resume_token_starts_a_new_conversation_and_says_so() {
    let app = spawn_app().await;
    let mut client = Client::connect(&app).await;
    client
        .send(json!({"type": "hello", "v": 1, "resume_token": "f".repeat(64), "page_lang": "pl"}))
        .await;
    let welcome = client.expect("welcome").await;
    assert_eq!(welcome["resumed"], false);
    assert_ne!(welcome["resume_token"], "f".repeat(64));
    let notice = client.expect("notice").await;
    assert_eq!(notice["code"], "resume-not-found");
    assert_eq!(notice["lang"], "pl", "told in the page's language");
    client.expect("turn").await;

    let mut malformed = Client::connect(&app).await;
    malformed
        .send(json!({"type": "hello", "v": 1, "resume_token": "not a token"}))
        .await;
    malformed.expect("welcome").await;
    assert_eq!(malformed.expect("notice").await["code"], "resume-not-found");
    app.stop().await.unwrap();
}

#[tokio::test]
async fn an_expired_conversation_is_not_resumed() {
    let app = crate::helpers::spawn_app_with(|config| config.server.resume_ttl_hours = 0).await;
    let mut first = Client::connect(&app).await;
    let (welcome, _) = first.start(json!({})).await;
    let token = welcome["resume_token"].as_str().unwrap().to_owned();
    first.close().await;
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;

    let mut second = Client::connect(&app).await;
    second
        .send(json!({"type": "hello", "v": 1, "resume_token": token}))
        .await;
    assert_eq!(second.expect("welcome").await["resumed"], false);
    assert_eq!(second.expect("notice").await["code"], "resume-not-found");
    app.stop().await.unwrap();
}
