//! What the embedded store costs per turn, alone: no socket and no pipeline.
//!
//! `cargo bench --bench store` opens a SQLite store in a temporary folder,
//! as `serve` does, and runs 100 conversations as the load bench's
//! connections run them: each commits a turn (the resident's message, the
//! bot's reply and the conversation's state, sized as the load bench's are)
//! and, once it is durable, the next. After a second of warm-up it measures
//! five seconds (`-- --quick`: two), and prints turns a second, this
//! process's CPU time per turn, and the write calls and bytes it made per
//! turn (from `/proc/self/io`: with no socket, they are the store's writes to
//! its log and database file). The figures move far less from run to run
//! than the load bench's, so a change to what a turn writes shows here first.
//!
//! `-- --in-flight N` has each conversation queue N turns at once instead of
//! one, so a batch may hold several turns of one conversation: what the
//! store would save if a reply did not wait for its turn to be durable.

#[path = "load/server.rs"]
#[allow(dead_code)]
mod server;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use councilbot::store::{ConversationRow, EventRow, Store, Unit};

const CONVERSATIONS: usize = 100;

/// The server's allocator, so allocation costs what it costs in `serve`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A conversation part-way through a flow, as `serve` stores it.
const STATE: &str = r#"{"conversation":{"lang":"en","pinned":false,"page_hint":null,"misses":0,"flow":{"intent":"noise-complaint","step":3,"slots":{"address":{"value":"14 Station Road","display":"14 Station Road"},"kind":{"value":"dog","display":"intent-noise-complaint-dog"}},"tries":1},"handoff":null,"safeguarding":null,"page":null}}"#;

/// A bot turn answering from the knowledge base.
const TURN: &str = r#","reply_to":"m-1","detected":"en","lang":"en","messages":[{"text":"Report a broken street light online or call 0300 123 4567. Give the column number (on a plate about head height) and the nearest house number. Most faults are fixed within 5 working days.","lang":"en","dir":"ltr","source":{"kind":"faq","id":"street-lights","title":"Street lights","url":"https://www.glanafon.gov.uk/street-lights","reviewed":"2026-09-01"}}]}"#;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let quick = args.iter().any(|a| a == "--quick");
    let in_flight = args
        .iter()
        .position(|a| a == "--in-flight")
        .map(|at| args.get(at + 1).map_or("", String::as_str))
        .map_or(1, |n| match n.parse::<i64>() {
            Ok(n) if n >= 1 => n,
            _ => panic!("--in-flight takes a number of turns, 1 or more"),
        });
    let measure = Duration::from_secs(if quick { 2 } else { 5 });
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    runtime.block_on(run(measure, in_flight));
}

async fn run(measure: Duration, in_flight: i64) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let data = dir.path().join("data");
    let url = format!("sqlite://{}?mode=rwc", data.join("bench.db").display());
    let store = Arc::new(Store::open(&url, &data).await.expect("open the store"));
    let turns = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let mut tasks = Vec::new();
    for n in 0..CONVERSATIONS {
        let (store, turns, stop) = (store.clone(), turns.clone(), stop.clone());
        tasks.push(tokio::spawn(async move {
            let mut seq = 1;
            while !stop.load(Ordering::Relaxed) {
                // Queued in order, so the writer may take them in one batch.
                let commits = (0..in_flight).map(|i| store.commit(turn(n, seq + 2 * i)));
                for committed in futures_util::future::join_all(commits).await {
                    committed.expect("commit a turn");
                }
                seq += 2 * in_flight;
                turns.fetch_add(in_flight as u64, Ordering::Relaxed);
            }
        }));
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let pid = std::process::id();
    let (turns_before, cpu_before, io_before) = (
        turns.load(Ordering::Relaxed),
        server::cpu_seconds(pid),
        own_writes(),
    );
    let started = Instant::now();
    tokio::time::sleep(measure).await;
    let seconds = started.elapsed().as_secs_f64();
    let counted = (turns.load(Ordering::Relaxed) - turns_before) as f64;
    let cpu = server::cpu_seconds(pid) - cpu_before;
    let io = own_writes();
    stop.store(true, Ordering::Relaxed);
    for task in tasks {
        let _ = task.await;
    }
    store.close().await;

    let per_turn = |value: f64| value / counted.max(1.0);
    let calls = per_turn((io.0 - io_before.0) as f64);
    let kb = per_turn((io.1 - io_before.1) as f64) / 1024.0;
    println!("councilbot store bench (SQLite, {CONVERSATIONS} conversations)");
    println!("turns/s                      {:>10.0}", counted / seconds);
    println!("CPU per turn (µs)            {:>10.1}", per_turn(cpu) * 1e6);
    println!("write calls per turn         {:>10.2}", calls);
    println!("KB written per turn          {:>10.2}", kb);
    println!(
        "{{\"turns_per_s\":{:.0},\"cpu_us_per_turn\":{:.1},\"write_calls_per_turn\":{:.2},\"kb_written_per_turn\":{:.2}}}",
        counted / seconds,
        per_turn(cpu) * 1e6,
        calls,
        kb
    );
}

/// Conversation `n`'s turn numbered from `seq`: the resident's message and
/// the bot's reply, with the conversation's state.
fn turn(n: usize, seq: i64) -> Unit {
    let id = format!("{n:024x}");
    let now = seq;
    let event = |seq: i64, kind: &str, client_id: Option<String>, body: String| EventRow {
        conversation_id: id.clone(),
        seq,
        kind: kind.to_owned(),
        client_id,
        detected: Some("en".to_owned()),
        lang: Some("en".to_owned()),
        body,
        created_at: now,
    };
    let client_id = format!("w{seq:x}-{n}");
    let said = format!(
        r#"{{"type":"resident","seq":{seq},"id":"{client_id}","text":"how do i report a broken street light"}}"#
    );
    let answered = format!(r#"{{"type":"turn","seq":{}{TURN}"#, seq + 1);
    Unit {
        conversation: ConversationRow {
            id: id.clone(),
            resume_token_hash: format!("{n:064x}"),
            lang: "en".to_owned(),
            state: STATE.to_owned(),
            owner: format!("{n:032x}"),
            next_seq: seq + 2,
            created_at: 0,
            updated_at: now,
        },
        events: vec![
            event(seq, "resident", Some(client_id), said),
            event(seq + 1, "turn", None, answered),
        ],
    }
}

/// This process's write calls and bytes written so far (`syscw`, `wchar`).
fn own_writes() -> (u64, u64) {
    let io = std::fs::read_to_string("/proc/self/io").unwrap_or_default();
    let field = |name: &str| {
        io.lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|value| value.trim().parse().ok())
            .unwrap_or(0)
    };
    (field("syscw:"), field("wchar:"))
}
