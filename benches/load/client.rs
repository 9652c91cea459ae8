//! The load client, run as its own process: real websockets on loopback,
//! each connection sending a resident message and waiting for its reply
//! before the next, as a person does. Errors, timeouts and unexpected closes
//! are counted apart. Prints its result as one JSON line.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use serde::Serialize;
use tokio::io::AsyncBufReadExt;
use tokio::net::{TcpSocket, TcpStream};
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;

use crate::content;

/// A reply later than this counts as a timeout.
const REPLY_TIMEOUT: Duration = Duration::from_secs(5);
/// Handshakes in flight at once while opening many connections.
const OPENING: usize = 256;

type Socket = WebSocketStream<TcpStream>;

/// What the client was told to do.
#[derive(Clone)]
pub(crate) struct Plan {
    pub(crate) address: SocketAddr,
    /// `/ws` on the echo, `/ws/chat` on councilbot.
    pub(crate) bot: bool,
    pub(crate) connections: usize,
    /// Offered messages per second over all connections; `None`: as fast as replies come.
    pub(crate) rate: Option<f64>,
    pub(crate) warmup: Duration,
    pub(crate) measure: Duration,
    /// Loopback source addresses to spread connections over (127.0.0.1 …).
    pub(crate) sources: usize,
}

/// One phase's outcome.
#[derive(Debug, Default, Serialize, serde::Deserialize, Clone)]
pub(crate) struct Outcome {
    pub(crate) replies: u64,
    pub(crate) errors: u64,
    pub(crate) timeouts: u64,
    pub(crate) closes: u64,
    pub(crate) connect_failures: u64,
    pub(crate) seconds: f64,
    pub(crate) msgs_per_s: f64,
    pub p50_us: u64,
    pub p99_us: u64,
    pub(crate) max_us: u64,
    /// Milliseconds from writing a changed file to its answer being served.
    pub(crate) reload_ms: Option<u64>,
}

impl Outcome {
    pub(crate) fn failures(&self) -> u64 {
        self.errors + self.timeouts + self.closes + self.connect_failures
    }
}

#[derive(Default)]
struct Tally {
    latencies: Vec<u32>,
    errors: u64,
    timeouts: u64,
    closes: u64,
    connect_failures: u64,
}

impl Tally {
    fn merge(&mut self, other: Tally) {
        self.latencies.extend(other.latencies);
        self.errors += other.errors;
        self.timeouts += other.timeouts;
        self.closes += other.closes;
        self.connect_failures += other.connect_failures;
    }

    fn count(&mut self, failure: Failure) {
        match failure {
            Failure::Error => self.errors += 1,
            Failure::Timeout => self.timeouts += 1,
            Failure::Closed => self.closes += 1,
        }
    }

    fn outcome(mut self, seconds: f64) -> Outcome {
        self.latencies.sort_unstable();
        let at = |q: f64| -> u64 {
            if self.latencies.is_empty() {
                return 0;
            }
            let index = ((self.latencies.len() as f64 * q) as usize).min(self.latencies.len() - 1);
            u64::from(self.latencies[index])
        };
        Outcome {
            replies: self.latencies.len() as u64,
            errors: self.errors,
            timeouts: self.timeouts,
            closes: self.closes,
            connect_failures: self.connect_failures,
            seconds,
            msgs_per_s: self.latencies.len() as f64 / seconds,
            p50_us: at(0.50),
            p99_us: at(0.99),
            max_us: self.latencies.last().copied().map_or(0, u64::from),
            reload_ms: None,
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Failure {
    /// The server answered with an `error` frame.
    Error,
    Timeout,
    /// The socket closed or failed under us.
    Closed,
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Runtime::new().expect("tokio runtime")
}

fn source(index: usize, sources: usize) -> IpAddr {
    let last = 1 + (index % sources.max(1)) as u8;
    IpAddr::V4(Ipv4Addr::new(127, 0, 0, last))
}

async fn connect(plan: &Plan, index: usize) -> Result<Socket, String> {
    let socket = TcpSocket::new_v4().map_err(|e| e.to_string())?;
    socket
        .bind(SocketAddr::new(source(index, plan.sources), 0))
        .map_err(|e| e.to_string())?;
    let stream = socket
        .connect(plan.address)
        .await
        .map_err(|e| e.to_string())?;
    stream.set_nodelay(true).map_err(|e| e.to_string())?;
    let path = if plan.bot { "/ws/chat" } else { "/ws" };
    let url = format!("ws://{}{path}", plan.address);
    let config = WebSocketConfig::default().read_buffer_size(4 * 1024);
    let (mut socket, _) = tokio_tungstenite::client_async_with_config(url, stream, Some(config))
        .await
        .map_err(|e| e.to_string())?;
    if plan.bot {
        socket
            .send(Message::text(r#"{"type":"hello","v":1}"#))
            .await
            .map_err(|e| e.to_string())?;
        // The welcome, then the greeting turn.
        loop {
            match next_text(&mut socket).await {
                Ok(text) if text.contains(r#""type":"turn""#) => break,
                Ok(_) => {}
                Err(failure) => return Err(format!("{failure:?} before the greeting")),
            }
        }
    }
    Ok(socket)
}

async fn next_text(socket: &mut Socket) -> Result<String, Failure> {
    loop {
        match tokio::time::timeout(REPLY_TIMEOUT, socket.next()).await {
            Err(_) => return Err(Failure::Timeout),
            Ok(None | Some(Err(_)) | Some(Ok(Message::Close(_)))) => return Err(Failure::Closed),
            Ok(Some(Ok(Message::Text(text)))) => return Ok(text.to_string()),
            Ok(Some(Ok(_))) => {}
        }
    }
}

/// Sends one message and waits for its reply: the echo of it, or the bot's
/// `turn` for it (the `ack` before it is skipped).
async fn exchange(socket: &mut Socket, bot: bool, id: &str, text: &str) -> Result<String, Failure> {
    let frame = content::frame(id, text);
    socket
        .send(Message::text(frame))
        .await
        .map_err(|_| Failure::Closed)?;
    if !bot {
        return next_text(socket).await;
    }
    let reply_to = format!(r#""reply_to":"{id}""#);
    loop {
        let text = next_text(socket).await?;
        if text.contains(r#""type":"error""#) {
            return Err(Failure::Error);
        }
        if text.contains(r#""type":"turn""#) && text.contains(&reply_to) {
            return Ok(text);
        }
    }
}

/// One connection's share of a phase.
async fn converse(
    plan: Arc<Plan>,
    index: usize,
    messages: Arc<Vec<String>>,
    start: Instant,
) -> Tally {
    let mut tally = Tally::default();
    let mut socket = match connect(&plan, index).await {
        Ok(socket) => socket,
        Err(_) => {
            tally.connect_failures += 1;
            return tally;
        }
    };
    let measure_from = start + plan.warmup;
    let end = measure_from + plan.measure;
    let mut random = content::Lcg(index as u64 * 7919 + 1);
    let interval = plan
        .rate
        .map(|rate| Duration::from_secs_f64(plan.connections as f64 / rate));
    // Paced connections start spread evenly over one interval.
    let mut due = start
        + interval.map_or(Duration::ZERO, |interval| {
            interval.mul_f64(index as f64 / plan.connections as f64)
        });
    let mut n = 0u64;
    loop {
        if let Some(interval) = interval {
            tokio::time::sleep_until(due.into()).await;
            due += interval;
        }
        let now = Instant::now();
        if now >= end {
            break;
        }
        // A message sent late because the last reply was late is timed from
        // when it was due, so a slow server cannot hide its queueing.
        let due_at = due - interval.unwrap_or(Duration::ZERO);
        let sent = if interval.is_some() && now > due_at + Duration::from_millis(1) {
            due_at
        } else {
            now
        };
        n += 1;
        let text = &messages[random.below(messages.len())];
        let result = exchange(&mut socket, plan.bot, &format!("m-{n}"), text).await;
        if sent < measure_from {
            if let Err(failure) = result {
                tally.count(failure);
                return tally;
            }
            continue;
        }
        match result {
            Ok(_) => {
                let micros = sent.elapsed().as_micros().min(u128::from(u32::MAX)) as u32;
                tally.latencies.push(micros);
            }
            Err(failure) => {
                tally.count(failure);
                return tally;
            }
        }
    }
    let _ = socket.close(None).await;
    tally
}

/// Runs a phase: every connection converses until the measured window ends.
pub(crate) fn load(plan: Plan) -> Outcome {
    runtime().block_on(async {
        let plan = Arc::new(plan);
        let messages = Arc::new(content::messages());
        let start = Instant::now() + Duration::from_millis(200);
        let tasks: Vec<_> = (0..plan.connections)
            .map(|index| tokio::spawn(converse(plan.clone(), index, messages.clone(), start)))
            .collect();
        let mut tally = Tally::default();
        for task in tasks {
            tally.merge(task.await.expect("connection task"));
        }
        tally.outcome(plan.measure.as_secs_f64())
    })
}

/// Load as `load`, while after the warm-up one FAQ file is rewritten and a
/// probe asks its question until the new answer comes back.
pub(crate) fn reload(
    plan: Plan,
    file: std::path::PathBuf,
    changed: String,
    question: String,
    marker: String,
) -> Outcome {
    runtime().block_on(async {
        let plan = Arc::new(plan);
        let messages = Arc::new(content::messages());
        let start = Instant::now() + Duration::from_millis(200);
        let tasks: Vec<_> = (0..plan.connections)
            .map(|index| tokio::spawn(converse(plan.clone(), index, messages.clone(), start)))
            .collect();
        let mut probe = connect(&plan, plan.connections)
            .await
            .expect("probe connection");
        let mut tally = Tally::default();
        tokio::time::sleep_until((start + plan.warmup).into()).await;
        let before = exchange(&mut probe, true, "p-0", &question).await;
        assert!(
            before.as_ref().is_ok_and(|reply| !reply.contains(&marker)),
            "the probe question should be answered, and not yet with the change: {before:?}"
        );
        std::fs::write(&file, changed).expect("write the changed FAQ file");
        let written = Instant::now();
        let mut reload_ms = None;
        for n in 1.. {
            match exchange(&mut probe, true, &format!("p-{n}"), &question).await {
                Ok(reply) if reply.contains(&marker) => {
                    reload_ms = Some(written.elapsed().as_millis() as u64);
                    break;
                }
                Ok(_) => {}
                Err(failure) => {
                    tally.count(failure);
                    break;
                }
            }
            if written.elapsed() > Duration::from_secs(20) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        for task in tasks {
            tally.merge(task.await.expect("connection task"));
        }
        let mut outcome = tally.outcome(plan.measure.as_secs_f64());
        outcome.reload_ms = reload_ms;
        outcome
    })
}

/// Opens `plan.connections` conversations and holds them, idle; prints
/// `ready <opened> <failed>`, then waits for standard input to close.
pub(crate) fn idle(plan: Plan) {
    runtime().block_on(async {
        let plan = Arc::new(plan);
        let gate = Arc::new(tokio::sync::Semaphore::new(OPENING));
        let tasks: Vec<_> = (0..plan.connections)
            .map(|index| {
                let plan = plan.clone();
                let gate = gate.clone();
                tokio::spawn(async move {
                    let _permit = gate.acquire().await.expect("gate");
                    connect(&plan, index).await
                })
            })
            .collect();
        let mut held = Vec::with_capacity(plan.connections);
        let mut failed = 0usize;
        let mut first_error = None;
        for task in tasks {
            match task.await.expect("connect task") {
                Ok(socket) => held.push(socket),
                Err(error) => {
                    failed += 1;
                    first_error.get_or_insert(error);
                }
            }
        }
        if let Some(error) = first_error {
            eprintln!("first connection failure: {error}");
        }
        println!("ready {} {failed}", held.len());
        let mut lines = tokio::io::BufReader::new(tokio::io::stdin()).lines();
        while let Ok(Some(_)) = lines.next_line().await {}
        drop(held);
    });
}
