//! Operator endpoints.

use crate::helpers::{http_get, spawn_app};

#[tokio::test]
async fn healthz_and_readyz_report_a_ready_server() {
    let app = spawn_app().await;
    assert_eq!(http_get(&app, "/healthz").await, (200, "ok".to_owned()));
    let (status, body) = http_get(&app, "/readyz").await;
    assert_eq!(status, 200, "{body}");
    let body: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(body["status"], "ready");
    assert_eq!(body["languages"].as_array().unwrap().len(), 4);
    assert!(
        app.data_dir.join("councilbot.db").is_file(),
        "the SQLite file is created on first start"
    );
    app.stop().await.unwrap();
}
