//! `cargo bench --bench load [-- --quick]`: councilbot under load, against a
//! bare websocket echo built with the same stack in the same run.
//!
//! The bench starts three kinds of process on this machine: the echo server
//! (this binary, `--role echo`), councilbot itself (the release binary, with
//! the demo council plus a generated knowledge base of 10,000 FAQ pages in
//! four languages), and load clients (this binary, `--role client`) talking
//! real websockets on loopback, each connection waiting for a reply before it
//! sends again, like a person. It measures:
//!
//! - throughput at saturation with 100 connections, echo and bot, and their
//!   ratio, and councilbot's CPU time per message meanwhile (steadier from run
//!   to run than the throughput, so it shows what a change saved);
//! - the bot's latency at an offered 2,000 messages/s over 200 connections;
//! - councilbot's resident memory holding 10,000 idle conversations;
//! - how long a changed FAQ file takes to be served, under load, and whether
//!   any message failed meanwhile;
//! - cold start: process start to `/readyz` OK with the demo content.
//!
//! It prints a table, then as its last line one JSON object. It exits non-zero
//! when any message fails below saturation (errors, timeouts and unexpected
//! closes are counted apart). `--quick` runs shorter phases over 2,000 pages,
//! still with 10,000 idle connections.

mod client;
mod content;
mod echo;
mod server;

use std::io::{BufRead, BufReader, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::Duration;

use client::{Outcome, Plan};

/// The phases' sizes.
struct Scale {
    documents: usize,
    warmup: Duration,
    saturate: Duration,
    paced: Duration,
    reload: Duration,
    cold_starts: usize,
}

const FULL: Scale = Scale {
    documents: 10_000,
    warmup: Duration::from_secs(2),
    saturate: Duration::from_secs(10),
    paced: Duration::from_secs(15),
    reload: Duration::from_secs(8),
    cold_starts: 5,
};

const QUICK: Scale = Scale {
    documents: 2_000,
    warmup: Duration::from_secs(1),
    saturate: Duration::from_secs(4),
    paced: Duration::from_secs(6),
    reload: Duration::from_secs(6),
    cold_starts: 3,
};

const SATURATION_CONNECTIONS: usize = 100;
const PACED_CONNECTIONS: usize = 200;
const PACED_RATE: f64 = 2_000.0;
const RELOAD_CONNECTIONS: usize = 100;
const RELOAD_RATE: f64 = 1_000.0;
const IDLE_CONNECTIONS: usize = 10_000;
/// Loopback source addresses the idle connections are spread over, so
/// ephemeral ports never run short.
const SOURCES: usize = 4;

/// The FAQ page the reload phase changes, and a question it answers.
const RELOAD_PAGE: &str = "knowledge-base/en/parking-and-roads/street-lights.md";
const RELOAD_QUESTION: &str = "how do i report a broken street light";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    raise_open_files();
    match value(&args, "--role").as_deref() {
        Some("echo") => {
            echo::run();
            ExitCode::SUCCESS
        }
        Some("client") => run_client(&args),
        // For profiling by hand: the content a full run serves.
        Some("prepare") => {
            let into = PathBuf::from(value(&args, "--into").expect("--into"));
            let documents = value(&args, "--documents").map_or(FULL.documents, |n| {
                n.parse().expect("--documents is a number")
            });
            content::prepare(&into, documents).expect("generate the knowledge base");
            ExitCode::SUCCESS
        }
        _ => bench(if args.iter().any(|a| a == "--quick") {
            &QUICK
        } else {
            &FULL
        }),
    }
}

fn value(args: &[String], name: &str) -> Option<String> {
    let at = args.iter().position(|a| a == name)?;
    args.get(at + 1).cloned()
}

/// Ten thousand sockets on each side need more than the usual 1,024 files.
fn raise_open_files() {
    use rustix::process::{Resource, getrlimit, setrlimit};
    let mut limit = getrlimit(Resource::Nofile);
    if limit.current != limit.maximum {
        limit.current = limit.maximum;
        let _ = setrlimit(Resource::Nofile, limit);
    }
}

fn run_client(args: &[String]) -> ExitCode {
    let number = |name: &str| -> f64 {
        value(args, name)
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("client needs {name}"))
    };
    let plan = Plan {
        address: value(args, "--address")
            .and_then(|v| v.parse().ok())
            .expect("client needs --address"),
        bot: value(args, "--target").as_deref() == Some("bot"),
        connections: number("--connections") as usize,
        rate: value(args, "--rate").and_then(|v| v.parse().ok()),
        warmup: Duration::from_millis(number("--warmup-ms") as u64),
        measure: Duration::from_millis(number("--measure-ms") as u64),
        sources: number("--sources") as usize,
    };
    let outcome = match value(args, "--mode").as_deref() {
        Some("idle") => {
            client::idle(plan);
            return ExitCode::SUCCESS;
        }
        Some("reload") => {
            let file = PathBuf::from(value(args, "--file").expect("--file"));
            let changed = std::fs::read_to_string(value(args, "--changed").expect("--changed"))
                .expect("the changed page");
            let marker = value(args, "--marker").expect("--marker");
            client::reload(plan, file, changed, RELOAD_QUESTION.to_owned(), marker)
        }
        _ => client::load(plan),
    };
    println!(
        "{}",
        serde_json::to_string(&outcome).expect("outcome as JSON")
    );
    ExitCode::SUCCESS
}

/// A load client process with `plan`, plus extra arguments.
fn client_command(plan: &Plan, mode: &str) -> Command {
    let mut command = Command::new(std::env::current_exe().expect("this bench's path"));
    command
        .args(["--role", "client", "--mode", mode])
        .args(["--address", &plan.address.to_string()])
        .args(["--target", if plan.bot { "bot" } else { "echo" }])
        .args(["--connections", &plan.connections.to_string()])
        .args(["--warmup-ms", &plan.warmup.as_millis().to_string()])
        .args(["--measure-ms", &plan.measure.as_millis().to_string()])
        .args(["--sources", &plan.sources.to_string()]);
    if let Some(rate) = plan.rate {
        command.args(["--rate", &rate.to_string()]);
    }
    command.stderr(Stdio::inherit());
    command
}

fn run_phase(mut command: Command) -> Outcome {
    let output = command.output().expect("run a load client");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout.lines().last().unwrap_or_default();
    serde_json::from_str(line)
        .unwrap_or_else(|_| panic!("the load client failed ({}): {stdout}", output.status))
}

fn start_echo() -> (Child, SocketAddr) {
    let mut child = Command::new(std::env::current_exe().expect("this bench's path"))
        .args(["--role", "echo"])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start the echo server");
    let mut line = String::new();
    BufReader::new(child.stdout.as_mut().expect("echo stdout"))
        .read_line(&mut line)
        .expect("echo address");
    let address = line
        .trim()
        .strip_prefix("listening ")
        .and_then(|a| a.parse().ok())
        .expect("the echo server's address");
    (child, address)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// Holds 10,000 idle conversations and reads the server's memory.
fn idle_memory(server: &server::Server) -> (usize, f64, f64) {
    let before = server::rss_mb(server.child.id());
    let plan = Plan {
        address: server.address,
        bot: true,
        connections: IDLE_CONNECTIONS,
        rate: None,
        warmup: Duration::ZERO,
        measure: Duration::ZERO,
        sources: SOURCES,
    };
    let mut child = client_command(&plan, "idle")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the idle client");
    let mut line = String::new();
    BufReader::new(child.stdout.as_mut().expect("client stdout"))
        .read_line(&mut line)
        .expect("the idle client's report");
    let mut words = line.split_whitespace().skip(1);
    let opened: usize = words.next().and_then(|w| w.parse().ok()).unwrap_or(0);
    // Let the server settle (writes flushed, tasks parked) before reading.
    std::thread::sleep(Duration::from_secs(1));
    let held = server::rss_mb(server.child.id());
    let mut stdin = child.stdin.take().expect("client stdin");
    let _ = stdin.write_all(b"done\n");
    drop(stdin);
    let _ = child.wait();
    (opened, held, before)
}

fn reload_files(work: &Path, content: &Path) -> (PathBuf, PathBuf, String) {
    let page = content.join(RELOAD_PAGE);
    let original = std::fs::read_to_string(&page).expect("the reload page");
    let marker = format!("Reload check {}", std::process::id());
    let changed = original.replacen("summary: ", &format!("summary: {marker}. "), 1);
    assert_ne!(changed, original, "the reload page has a summary line");
    let changed_path = work.join("changed.md");
    std::fs::write(&changed_path, changed).expect("the changed page");
    (page, changed_path, marker)
}

#[allow(clippy::too_many_lines)]
fn bench(scale: &Scale) -> ExitCode {
    let work = std::env::temp_dir().join(format!("councilbot-load-{}", std::process::id()));
    std::fs::create_dir_all(&work).expect("work directory");
    let mut problems = Vec::new();

    // Cold start with the demo content, several times.
    let cold: Vec<f64> = (0..scale.cold_starts)
        .map(|_| {
            let (server, took) = server::start(&work, &content::repository());
            drop(server);
            took.as_secs_f64() * 1000.0
        })
        .collect();
    let cold_start_ms = median(cold.clone());

    let content_dir = work.join("content");
    content::prepare(&content_dir, scale.documents).expect("generate the knowledge base");
    let (bot, bot_start) = server::start(&work, &content_dir);
    let (mut echo, echo_address) = start_echo();

    let saturate = |address: SocketAddr, bot: bool| Plan {
        address,
        bot,
        connections: SATURATION_CONNECTIONS,
        rate: None,
        warmup: scale.warmup,
        measure: scale.saturate,
        sources: 1,
    };
    let echo_load = run_phase(client_command(&saturate(echo_address, false), "load"));
    let _ = echo.kill();
    let _ = echo.wait();
    let bot_plan = saturate(bot.address, true);
    let (bot_load, bot_cpu_seconds) = std::thread::scope(|scope| {
        // The server's CPU time over the measured window (the client starts
        // its clock about 200 ms after it is spawned).
        let watch = scope.spawn(|| {
            std::thread::sleep(Duration::from_millis(200) + bot_plan.warmup);
            let from = server::cpu_seconds(bot.child.id());
            std::thread::sleep(bot_plan.measure);
            server::cpu_seconds(bot.child.id()) - from
        });
        let outcome = run_phase(client_command(&bot_plan, "load"));
        (outcome, watch.join().unwrap_or(0.0))
    });
    let bot_replies = bot_load.msgs_per_s * bot_plan.measure.as_secs_f64();
    let bot_cpu_us = bot_cpu_seconds * 1e6 / bot_replies.max(1.0);
    let paced = run_phase(client_command(
        &Plan {
            address: bot.address,
            bot: true,
            connections: PACED_CONNECTIONS,
            rate: Some(PACED_RATE),
            warmup: scale.warmup,
            measure: scale.paced,
            sources: 1,
        },
        "load",
    ));
    if paced.failures() > 0 {
        problems.push(format!(
            "{} messages failed at 2,000/s: {paced:?}",
            paced.failures()
        ));
    }

    let (page, changed, marker) = reload_files(&work, &content_dir);
    let mut reload_command = client_command(
        &Plan {
            address: bot.address,
            bot: true,
            connections: RELOAD_CONNECTIONS,
            rate: Some(RELOAD_RATE),
            warmup: scale.warmup,
            measure: scale.reload,
            sources: 1,
        },
        "reload",
    );
    reload_command
        .args(["--file", &page.display().to_string()])
        .args(["--changed", &changed.display().to_string()])
        .args(["--marker", &marker]);
    let reload = run_phase(reload_command);
    if reload.failures() > 0 {
        problems.push(format!(
            "{} messages failed during the reload",
            reload.failures()
        ));
    }
    if reload.reload_ms.is_none() {
        problems.push("the changed FAQ answer was never served".to_owned());
    }

    let (opened, idle_rss_mb, rss_before_idle) = idle_memory(&bot);
    if opened < IDLE_CONNECTIONS {
        problems.push(format!(
            "only {opened} of {IDLE_CONNECTIONS} idle conversations opened"
        ));
    }
    drop(bot);
    let _ = std::fs::remove_dir_all(&work);

    let ratio = bot_load.msgs_per_s / echo_load.msgs_per_s.max(1.0);
    let per_connection_kb = (idle_rss_mb - rss_before_idle) * 1024.0 / opened.max(1) as f64;
    let goal = |ok: bool| if ok { "ok" } else { "MISSED" };
    println!();
    println!(
        "councilbot load bench ({} FAQ pages generated{})",
        scale.documents,
        if std::ptr::eq(scale, &QUICK) {
            ", quick"
        } else {
            ""
        }
    );
    println!("{:<44} {:>12} {:>14} {:>7}", "measure", "value", "goal", "");
    let row = |name: &str, value: String, target: &str, ok: Option<bool>| {
        println!(
            "{name:<44} {value:>12} {target:>14} {:>7}",
            ok.map_or("", goal)
        );
    };
    row(
        "echo msgs/s (100 conns, saturated)",
        format!("{:.0}", echo_load.msgs_per_s),
        "",
        None,
    );
    row(
        "bot msgs/s (100 conns, saturated)",
        format!("{:.0}", bot_load.msgs_per_s),
        "",
        None,
    );
    row(
        "bot server CPU per message, saturated (µs)",
        format!("{bot_cpu_us:.1}"),
        "",
        None,
    );
    row(
        "ratio bot/echo",
        format!("{ratio:.3}"),
        ">= 0.25",
        Some(ratio >= 0.25),
    );
    row(
        "bot p50 at 2,000 msg/s over 200 conns (µs)",
        paced.p50_us.to_string(),
        "",
        None,
    );
    row(
        "bot p99 at 2,000 msg/s over 200 conns (µs)",
        paced.p99_us.to_string(),
        "<= 5000",
        Some(paced.p99_us <= 5000),
    );
    row(
        "bot achieved msgs/s in that phase",
        format!("{:.0}", paced.msgs_per_s),
        "",
        None,
    );
    row(
        "idle conversations held",
        opened.to_string(),
        "10000",
        Some(opened >= IDLE_CONNECTIONS),
    );
    row(
        "server RSS holding them (MB)",
        format!("{idle_rss_mb:.1}"),
        "< 300",
        Some(idle_rss_mb < 300.0),
    );
    row(
        "server RSS before them (MB)",
        format!("{rss_before_idle:.1}"),
        "",
        None,
    );
    row(
        "per idle conversation (KB)",
        format!("{per_connection_kb:.1}"),
        "",
        None,
    );
    let reload_ms = reload.reload_ms.unwrap_or(u64::MAX);
    row(
        "reload under load (ms)",
        reload
            .reload_ms
            .map_or("never".to_owned(), |ms| ms.to_string()),
        "< 1000",
        Some(reload_ms < 1000),
    );
    row(
        "messages failed during reload",
        reload.failures().to_string(),
        "0",
        Some(reload.failures() == 0),
    );
    row(
        "cold start, demo content (ms, median)",
        format!("{cold_start_ms:.0}"),
        "< 1000",
        Some(cold_start_ms < 1000.0),
    );
    row(
        "start with the generated pages (ms)",
        format!("{:.0}", bot_start.as_secs_f64() * 1000.0),
        "",
        None,
    );
    for problem in &problems {
        println!("FAILED: {problem}");
    }
    let summary = serde_json::json!({
        "quick": std::ptr::eq(scale, &QUICK),
        "documents": scale.documents,
        "echo_msgs_per_s": echo_load.msgs_per_s.round(),
        "bot_msgs_per_s": bot_load.msgs_per_s.round(),
        "ratio": (ratio * 1000.0).round() / 1000.0,
        "bot_cpu_us_per_msg": (bot_cpu_us * 10.0).round() / 10.0,
        "bot_p50_us": paced.p50_us,
        "bot_p99_us": paced.p99_us,
        "idle_conns": opened,
        "idle_rss_mb": (idle_rss_mb * 10.0).round() / 10.0,
        "reload_ms": reload.reload_ms,
        "reload_failed_msgs": reload.failures(),
        "cold_start_ms": cold_start_ms.round(),
        "cold_start_runs_ms": cold.iter().map(|ms| ms.round()).collect::<Vec<_>>(),
        "saturation_failures": bot_load.failures(),
    });
    println!("{summary}");
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
