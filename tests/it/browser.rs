//! A small Chrome DevTools Protocol client for the browser tests: it starts
//! Debian's headless `chromium` on a throw-away profile, opens one page, and
//! lets a test navigate, run JavaScript, wait for the page to reach a state,
//! type and click like a user. Everything is on 127.0.0.1 and every wait is
//! bounded; the browser (and its helper processes) is killed on drop.
//!
//! Only what the tests need is here: no screenshots, no network interception.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::net::TcpStream;
use tokio::process::{Child, Command};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

/// How long Chromium may take to start and print its DevTools address.
const LAUNCH_TIMEOUT: Duration = Duration::from_secs(30);
/// How long one DevTools command may take.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(15);
/// How long [`Browser::wait_for`] waits for a condition by default.
pub(crate) const WAIT: Duration = Duration::from_secs(10);

/// One headless Chromium with one page attached.
pub(crate) struct Browser {
    child: Child,
    socket: WebSocketStream<MaybeTlsStream<TcpStream>>,
    /// The page's flattened session, sent with every page command.
    session: String,
    next_id: u64,
    /// Console messages, uncaught exceptions and browser log entries (CSP
    /// violations among them), in order, for assertions and failure messages.
    log: Vec<String>,
    _profile: tempfile::TempDir,
}

/// Where Chromium is: `$CHROMIUM`, or `chromium` on the `PATH`.
fn chromium() -> PathBuf {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        return PathBuf::from(path);
    }
    let on_path = std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .map(|dir| dir.join("chromium"))
        .find(|candidate| candidate.is_file());
    on_path.unwrap_or_else(|| {
        panic!(
            "the browser tests need Chromium, and `chromium` is not on the PATH: \
             run `apt-get install chromium` (or set CHROMIUM to its path)"
        )
    })
}

impl Browser {
    /// Starts Chromium and opens a blank page.
    pub(crate) async fn launch() -> Browser {
        let profile = tempfile::tempdir().expect("a profile folder");
        let (mut child, address) = start(&chromium(), profile.path()).await;
        let (socket, _) = match tokio_tungstenite::connect_async(address.as_str()).await {
            Ok(connected) => connected,
            Err(error) => {
                let _ = child.start_kill();
                panic!("cannot reach Chromium's DevTools at {address}: {error}");
            }
        };
        let mut browser = Browser {
            child,
            socket,
            session: String::new(),
            next_id: 0,
            log: Vec::new(),
            _profile: profile,
        };
        let target = browser
            .browser_command("Target.createTarget", json!({"url": "about:blank"}))
            .await;
        let target_id = target["targetId"].as_str().expect("a target id").to_owned();
        let attached = browser
            .browser_command(
                "Target.attachToTarget",
                json!({"targetId": target_id, "flatten": true}),
            )
            .await;
        browser.session = attached["sessionId"]
            .as_str()
            .expect("a session id")
            .to_owned();
        for domain in ["Page.enable", "Runtime.enable", "Log.enable"] {
            browser.command(domain, json!({})).await;
        }
        browser
    }

    /// Loads `url` and waits until its document has finished loading.
    pub(crate) async fn navigate(&mut self, url: &str) {
        let answer = self.command("Page.navigate", json!({"url": url})).await;
        assert!(
            answer.get("errorText").is_none(),
            "navigating to {url}: {answer}"
        );
        self.wait_for("document.readyState === 'complete'", "the page to load")
            .await;
    }

    /// Evaluates a JavaScript expression in the page (awaiting a promise) and
    /// returns its value as JSON; panics on an exception.
    pub(crate) async fn eval(&mut self, expression: &str) -> Value {
        let answer = self
            .command(
                "Runtime.evaluate",
                json!({"expression": expression, "awaitPromise": true, "returnByValue": true}),
            )
            .await;
        if let Some(exception) = answer.get("exceptionDetails") {
            panic!(
                "the page threw evaluating `{expression}`: {exception}\npage log: {:#?}",
                self.log
            );
        }
        answer["result"]["value"].clone()
    }

    /// Polls `condition` (a JavaScript expression) until it is truthy and
    /// returns its value; panics after [`WAIT`], naming `what` was awaited.
    pub(crate) async fn wait_for(&mut self, condition: &str, what: &str) -> Value {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let value = self.eval(condition).await;
            let truthy = !matches!(&value, Value::Null | Value::Bool(false))
                && value != json!(0)
                && value != json!("");
            if truthy {
                return value;
            }
            if tokio::time::Instant::now() >= deadline {
                let body = self
                    .eval("document.body ? document.body.innerText : ''")
                    .await;
                panic!(
                    "timed out waiting for {what} (`{condition}`)\npage text:\n{}\npage log: {:#?}",
                    body.as_str().unwrap_or_default(),
                    self.log
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Clicks the centre of the first element matching `selector` with the
    /// mouse, as a user would (so it must be visible and not covered).
    pub(crate) async fn click(&mut self, selector: &str) {
        let element = format!("document.querySelector({})", json!(selector));
        self.click_element(&element).await;
    }

    /// Clicks the centre of the element a JavaScript expression evaluates to
    /// (one inside a shadow root, say) with the mouse, as a user would.
    pub(crate) async fn click_element(&mut self, element: &str) {
        let script = format!(
            "(() => {{ const e = {element}; if (!e) return null; \
             e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect(); \
             return [r.left + r.width / 2, r.top + r.height / 2]; }})()"
        );
        let centre = self.eval(&script).await;
        let (Some(x), Some(y)) = (centre[0].as_f64(), centre[1].as_f64()) else {
            panic!("nothing to click: `{element}` is not an element");
        };
        for kind in ["mousePressed", "mouseReleased"] {
            self.command(
                "Input.dispatchMouseEvent",
                json!({"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1}),
            )
            .await;
        }
    }

    /// Focuses the element matching `selector` and types `text` into it.
    pub(crate) async fn type_into(&mut self, selector: &str, text: &str) {
        let focus = format!(
            "(() => {{ const e = document.querySelector({}); if (!e) return false; e.focus(); \
             return document.activeElement === e; }})()",
            json!(selector)
        );
        assert_eq!(
            self.eval(&focus).await,
            json!(true),
            "cannot focus {selector}"
        );
        self.command("Input.insertText", json!({"text": text}))
            .await;
    }

    /// Types `text` into whatever has focus, as a keyboard would.
    pub(crate) async fn insert_text(&mut self, text: &str) {
        self.command("Input.insertText", json!({"text": text}))
            .await;
    }

    /// Presses a key (`Enter`, `Tab`…) in whatever has focus, optionally
    /// with Shift held.
    pub(crate) async fn press(&mut self, key: &str, shift: bool) {
        let code = match key {
            "Enter" => 13,
            "Tab" => 9,
            "Escape" => 27,
            other => panic!("no key code for {other}"),
        };
        let modifiers = if shift { 8 } else { 0 };
        let text = if key == "Enter" { "\r" } else { "" };
        self.command(
            "Input.dispatchKeyEvent",
            json!({"type": "keyDown", "key": key, "code": key, "windowsVirtualKeyCode": code,
                   "modifiers": modifiers, "text": text}),
        )
        .await;
        self.command(
            "Input.dispatchKeyEvent",
            json!({"type": "keyUp", "key": key, "code": key, "windowsVirtualKeyCode": code,
                   "modifiers": modifiers}),
        )
        .await;
    }

    /// The page's accessibility tree, as Chromium computes it for assistive
    /// technology (`Accessibility.getFullAXTree`'s `nodes`).
    pub(crate) async fn accessibility_tree(&mut self) -> Vec<Value> {
        self.command("Accessibility.enable", json!({})).await;
        let tree = self.command("Accessibility.getFullAXTree", json!({})).await;
        tree["nodes"].as_array().cloned().unwrap_or_default()
    }

    /// What the page logged so far (console, exceptions, browser log).
    pub(crate) fn log(&self) -> &[String] {
        &self.log
    }

    /// A command to the page's session.
    pub(crate) async fn command(&mut self, method: &str, params: Value) -> Value {
        let session = self.session.clone();
        self.send_command(method, params, Some(session)).await
    }

    /// A command to the browser itself (targets).
    async fn browser_command(&mut self, method: &str, params: Value) -> Value {
        self.send_command(method, params, None).await
    }

    async fn send_command(
        &mut self,
        method: &str,
        params: Value,
        session: Option<String>,
    ) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut request = json!({"id": id, "method": method, "params": params});
        if let Some(session) = session {
            request["sessionId"] = json!(session);
        }
        self.socket
            .send(Message::text(request.to_string()))
            .await
            .unwrap_or_else(|error| panic!("sending {method} to Chromium: {error}"));
        let deadline = tokio::time::Instant::now() + COMMAND_TIMEOUT;
        loop {
            let next = tokio::time::timeout_at(deadline, self.socket.next())
                .await
                .unwrap_or_else(|_| panic!("Chromium did not answer {method} in time"));
            let text = match next {
                Some(Ok(Message::Text(text))) => text,
                Some(Ok(_)) => continue,
                other => panic!("Chromium's DevTools socket ended during {method}: {other:?}"),
            };
            let message: Value = serde_json::from_str(&text).expect("DevTools sends JSON");
            if message["id"] == json!(id) {
                if let Some(error) = message.get("error") {
                    panic!("{method} failed: {error}");
                }
                return message["result"].clone();
            }
            self.record(&message);
        }
    }

    /// Keeps what the page said, from the events that arrive between answers.
    fn record(&mut self, event: &Value) {
        let params = &event["params"];
        let line = match event["method"].as_str() {
            Some("Runtime.consoleAPICalled") => {
                let parts: Vec<String> = params["args"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|arg| {
                        arg["value"]
                            .as_str()
                            .map(str::to_owned)
                            .unwrap_or_else(|| arg["description"].to_string())
                    })
                    .collect();
                format!("console.{}: {}", params["type"], parts.join(" "))
            }
            Some("Runtime.exceptionThrown") => format!(
                "exception: {}",
                params["exceptionDetails"]["exception"]["description"]
            ),
            Some("Log.entryAdded") => format!(
                "log {} {}: {}",
                params["entry"]["level"], params["entry"]["source"], params["entry"]["text"]
            ),
            _ => return,
        };
        self.log.push(line);
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Chromium's helpers (renderer, GPU, zygote) share its process group,
        // which it leads: end the whole group, this browser's only.
        if let Some(pid) = self.child.id() {
            let _ = std::process::Command::new("kill")
                .args(["-KILL", "--", &format!("-{pid}")])
                .stderr(Stdio::null())
                .status();
        }
        let _ = self.child.start_kill();
    }
}

/// Spawns Chromium in its own process group and reads the DevTools address
/// from its standard error.
async fn start(program: &Path, profile: &Path) -> (Child, String) {
    let mut child = Command::new(program)
        .args([
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--mute-audio",
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("about:blank")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .process_group(0)
        .kill_on_drop(true)
        .spawn()
        .unwrap_or_else(|error| {
            panic!(
                "cannot start {}: {error}; run `apt-get install chromium`",
                program.display()
            )
        });
    let stderr = child.stderr.take().expect("chromium's stderr");
    let mut lines = BufReader::new(stderr).lines();
    let mut seen = Vec::new();
    let found = tokio::time::timeout(LAUNCH_TIMEOUT, async {
        while let Ok(Some(line)) = lines.next_line().await {
            if let Some(address) = line.strip_prefix("DevTools listening on ") {
                return Some(address.trim().to_owned());
            }
            seen.push(line);
        }
        None
    })
    .await;
    let Ok(Some(address)) = found else {
        let _ = child.start_kill();
        panic!(
            "Chromium did not report its DevTools address; it said:\n{}",
            seen.join("\n")
        );
    };
    // Keep draining standard error so Chromium never blocks on a full pipe.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    (child, address)
}
