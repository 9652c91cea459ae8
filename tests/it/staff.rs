//! Staff accounts and console sign-in: over a real server (cookies, CSRF,
//! throttling, origins), through the `agent` command (library and binary),
//! and in the store on SQLite and PostgreSQL (`staff/store.rs`).

mod store;

use std::process::{Command, Stdio};

use councilbot::commands::agent::{self, AgentCommand, AgentError};
use councilbot::config::Config;
use councilbot::staff::Role;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::{TestApp, spawn_on, test_config};

const PASSWORD: &str = "correct horse battery";

/// A raw HTTP/1.1 response.
pub(crate) struct HttpResponse {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: String,
}

impl HttpResponse {
    /// The first header with this (lowercase) name.
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    pub(crate) fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|_| panic!("not JSON: {}", self.body))
    }
}

/// Sends one request (with `Host` set to the server's address) and reads the
/// whole response.
pub(crate) async fn http_request(
    app: &TestApp,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> HttpResponse {
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n",
        app.address,
        body.len()
    );
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(body);
    let mut stream = TcpStream::connect(app.address).await.expect("connect");
    stream.write_all(request.as_bytes()).await.expect("write");
    let mut response = String::new();
    stream.read_to_string(&mut response).await.expect("read");
    let (head, body) = response
        .split_once("\r\n\r\n")
        .expect("a complete response");
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .and_then(|code| code.parse().ok())
        .expect("status line");
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    HttpResponse {
        status,
        headers,
        body: body.to_owned(),
    }
}

/// A JSON `POST`, with these extra headers.
pub(crate) async fn http_post(
    app: &TestApp,
    path: &str,
    headers: &[(&str, &str)],
    body: &Value,
) -> HttpResponse {
    let mut all = vec![("Content-Type", "application/json")];
    all.extend_from_slice(headers);
    http_request(app, "POST", path, &all, &body.to_string()).await
}

/// Adds an account through the library, as `councilbot agent add` does.
async fn add_agent(config: &Config, name: &str, password: &str) -> Result<(), AgentError> {
    let command = AgentCommand::Add {
        name: name.to_owned(),
        languages: "en,PL".to_owned(),
        topics: None,
        role: Role::Agent,
        password_stdin: true,
    };
    let input = format!("{password}\n");
    agent::run(config, command, input.as_bytes(), &mut Vec::new()).await
}

/// A server whose store holds the account `anna`.
async fn app_with_anna(adjust: impl FnOnce(&mut Config)) -> TestApp {
    let data = tempfile::tempdir().unwrap();
    let mut config = test_config(data.path());
    adjust(&mut config);
    add_agent(&config, "anna", PASSWORD).await.unwrap();
    spawn_on(config, Some(data)).await
}

async fn login(app: &TestApp, name: &str, password: &str, origin: Option<&str>) -> HttpResponse {
    let headers: Vec<(&str, &str)> = origin.map(|o| ("Origin", o)).into_iter().collect();
    let body = json!({"name": name, "password": password});
    http_post(app, "/console/login", &headers, &body).await
}

/// The `councilbot_staff=…` pair of a `Set-Cookie`, to send back as `Cookie`.
fn cookie_of(response: &HttpResponse) -> String {
    let set_cookie = response.header("set-cookie").expect("a cookie is set");
    set_cookie.split(';').next().unwrap().to_owned()
}

#[tokio::test]
async fn signing_in_sets_a_strict_http_only_cookie_that_me_needs() {
    let app = app_with_anna(|_| {}).await;
    let origin = format!("http://{}", app.address);
    let response = login(&app, "anna", PASSWORD, Some(&origin)).await;
    assert_eq!(response.status, 200, "{}", response.body);
    let identity = response.json();
    assert_eq!(
        (
            &identity["name"],
            &identity["role"],
            &identity["languages"],
            &identity["topics"]
        ),
        (
            &json!("anna"),
            &json!("agent"),
            &json!(["en", "pl"]),
            &json!([])
        )
    );
    let csrf = identity["csrf"].as_str().unwrap();
    assert_eq!(csrf.len(), 64);
    let set_cookie = response.header("set-cookie").unwrap();
    for flag in ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=43200"] {
        assert!(set_cookie.contains(flag), "{flag} missing: {set_cookie}");
    }
    assert!(!set_cookie.contains("Secure"), "plain http: {set_cookie}");
    assert!(
        !set_cookie.contains(csrf),
        "the csrf token is not the session"
    );
    assert_eq!(response.header("cache-control"), Some("no-store"));

    let signed_out = http_request(&app, "GET", "/console/me", &[], "").await;
    assert_eq!(signed_out.status, 401);
    assert_eq!(signed_out.json()["error"], "signed-out");
    let cookie = cookie_of(&response);
    let me = http_request(&app, "GET", "/console/me", &[("Cookie", &cookie)], "").await;
    assert_eq!((me.status, me.json()), (200, identity));
    app.stop().await.unwrap();
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_name_are_refused_alike() {
    let app = app_with_anna(|_| {}).await;
    let wrong_password = login(&app, "anna", "not the password", None).await;
    let unknown_name = login(&app, "zed", PASSWORD, None).await;
    assert_eq!(wrong_password.status, 401);
    assert_eq!(unknown_name.status, 401);
    assert_eq!(wrong_password.body, unknown_name.body);
    let absurd_name = login(&app, &"z".repeat(500), PASSWORD, None).await;
    assert_eq!(
        (absurd_name.status, &absurd_name.body),
        (401, &unknown_name.body)
    );
    assert_eq!(wrong_password.json()["error"], "wrong-credentials");
    assert!(wrong_password.header("set-cookie").is_none());
    let garbled = http_post(&app, "/console/login", &[], &json!({"name": "anna"})).await;
    assert_eq!(garbled.status, 400);
    app.stop().await.unwrap();
}

#[tokio::test]
async fn repeated_failures_are_throttled_even_for_the_right_password() {
    let app = app_with_anna(|config| {
        config.staff.login_attempts = 3;
        config.staff.lockout_minutes = 10;
    })
    .await;
    for _ in 0..3 {
        assert_eq!(
            login(&app, "anna", "guess guess guess", None).await.status,
            401
        );
    }
    let refused = login(&app, "anna", PASSWORD, None).await;
    assert_eq!(refused.status, 429, "{}", refused.body);
    assert_eq!(refused.json()["error"], "too-many-attempts");
    let wait: u64 = refused.header("retry-after").unwrap().parse().unwrap();
    assert!((590..=600).contains(&wait), "{wait}");
    assert!(refused.header("set-cookie").is_none());
    app.stop().await.unwrap();
}

#[tokio::test]
async fn signing_out_needs_the_csrf_token_and_ends_the_session() {
    let app = app_with_anna(|_| {}).await;
    let response = login(&app, "anna", PASSWORD, None).await;
    let csrf = response.json()["csrf"].as_str().unwrap().to_owned();
    let cookie = cookie_of(&response);
    for headers in [
        vec![("Cookie", cookie.as_str())],
        vec![("Cookie", cookie.as_str()), ("X-CSRF-Token", "0123")],
    ] {
        let refused = http_post(&app, "/console/logout", &headers, &json!({})).await;
        assert_eq!(refused.status, 403);
        assert_eq!(refused.json()["error"], "bad-csrf-token");
    }
    let me = http_request(&app, "GET", "/console/me", &[("Cookie", &cookie)], "").await;
    assert_eq!(
        me.status, 200,
        "a refused sign-out leaves the session alone"
    );

    let headers = [("Cookie", cookie.as_str()), ("X-CSRF-Token", csrf.as_str())];
    let signed_out = http_post(&app, "/console/logout", &headers, &json!({})).await;
    assert_eq!(signed_out.status, 204);
    assert!(
        signed_out
            .header("set-cookie")
            .unwrap()
            .contains("Max-Age=0")
    );
    let me = http_request(&app, "GET", "/console/me", &[("Cookie", &cookie)], "").await;
    assert_eq!(me.status, 401, "the old cookie no longer works");
    app.stop().await.unwrap();
}

#[tokio::test]
async fn the_cookie_is_secure_behind_tls_and_other_sites_cannot_sign_in() {
    let app = app_with_anna(|_| {}).await;
    let over_tls = format!("https://{}", app.address);
    let response = login(&app, "anna", PASSWORD, Some(&over_tls)).await;
    assert_eq!(response.status, 200);
    assert!(response.header("set-cookie").unwrap().contains("; Secure"));

    let cross_site = login(&app, "anna", PASSWORD, Some("https://evil.example")).await;
    assert_eq!(cross_site.status, 403);
    assert_eq!(cross_site.json()["error"], "cross-origin");
    assert!(cross_site.header("set-cookie").is_none());
    app.stop().await.unwrap();
}

#[tokio::test]
async fn agent_add_refuses_a_taken_name_and_a_short_password() {
    let data = tempfile::tempdir().unwrap();
    let config = test_config(data.path());
    add_agent(&config, "anna", PASSWORD).await.unwrap();
    let again = add_agent(&config, "anna", "another long password").await;
    assert!(matches!(again, Err(AgentError::Duplicate(_))), "{again:?}");
    assert!(again.unwrap_err().to_string().contains("already exists"));
    let short = add_agent(&config, "ben", "too short").await;
    assert!(
        short
            .as_ref()
            .is_err_and(|e| e.to_string().contains("at least 10")),
        "{short:?}"
    );
}

/// Runs the built binary's `agent` command with this on standard input.
fn councilbot_agent(data: &std::path::Path, args: &[&str], stdin: &str) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_councilbot"))
        .arg("agent")
        .args(args)
        .arg("--data-dir")
        .arg(data.join("data"))
        .current_dir(data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    std::io::Write::write_all(&mut input, stdin.as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

#[tokio::test]
async fn the_binary_adds_accounts_that_can_sign_in() {
    let data = tempfile::tempdir().unwrap();
    let add = [
        "add",
        "Bob Jones",
        "--languages",
        "en,cy",
        "--role",
        "admin",
        "--password-stdin",
    ];
    let added = councilbot_agent(data.path(), &add, &format!("{PASSWORD}\n"));
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    let again = councilbot_agent(data.path(), &add, &format!("{PASSWORD}\n"));
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    let without_stdin = councilbot_agent(data.path(), &["add", "cai", "--languages", "en"], "");
    assert!(String::from_utf8_lossy(&without_stdin.stderr).contains("--password-stdin"));
    let listed = councilbot_agent(data.path(), &["list"], "");
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(
        listed.contains("Bob Jones (admin; languages en, cy"),
        "{listed}"
    );

    let app = spawn_on(test_config(data.path()), Some(data)).await;
    let response = login(&app, "Bob Jones", PASSWORD, None).await;
    assert_eq!(response.status, 200, "{}", response.body);
    assert_eq!(response.json()["role"], "admin");
    let data = app.stop_keeping_data().await;

    let new_password = "a new and longer password\n";
    let changed = councilbot_agent(
        data.path(),
        &["password", "Bob Jones", "--password-stdin"],
        new_password,
    );
    assert!(
        changed.status.success(),
        "{}",
        String::from_utf8_lossy(&changed.stderr)
    );
    let removed = councilbot_agent(data.path(), &["remove", "Bob Jones"], "");
    assert!(removed.status.success());
    let listed = councilbot_agent(data.path(), &["list"], "");
    assert!(String::from_utf8_lossy(&listed.stdout).contains("no accounts yet"));
}
