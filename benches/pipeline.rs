//! What one resident message costs inside councilbot, stage by stage, with no
//! socket and no store: the load bench's content (the demo council plus
//! 10,000 generated FAQ pages) and its corpus of resident messages.
//!
//! `cargo bench --bench pipeline` prints, per message, the mean time of
//! language detection, intent ranking in the conversation's language, the
//! safeguarding phrases, and a whole turn (every stage, as a conversation runs
//! it). Conversations are kept as the load bench's connections keep them: 100
//! of them, each sent the next message of the corpus in turn, so flows start
//! and are answered as they are under load. `-- --quick` uses 2,000 pages; `-- --rounds N` passes over the corpus N
//! times instead of 20 (to profile a stage).

#[path = "load/content.rs"]
#[allow(dead_code)]
mod content;

use std::time::{Duration, Instant};

use councilbot::config::Config;
use councilbot::conversation::{InMemoryServices, Input, turn};
use councilbot::text;

const CONVERSATIONS: usize = 100;

/// The server's allocator, so allocation costs what it costs in `serve`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let documents = if quick { 2_000 } else { 10_000 };
    // `--rounds N`: more passes over the corpus, to profile the stages.
    let rounds = std::env::args()
        .skip_while(|a| a != "--rounds")
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(20);
    let work = std::env::temp_dir().join(format!("councilbot-pipeline-{}", std::process::id()));
    content::prepare(&work, documents).expect("prepare the bench's content");
    let mut config = Config::default();
    config.content.dir = work.clone();
    let loaded = councilbot::content::load(&config).expect("the bench's content loads");
    let _ = std::fs::remove_dir_all(&work);
    let content = loaded.content;
    let messages = content::messages();
    let english = content.languages.default().clone();

    let detect = time(rounds, &messages, |message| {
        std::hint::black_box(content.detector.detect(message));
    });
    let rank = time(rounds, &messages, |message| {
        let lang = content
            .detector
            .detect(message)
            .lang
            .and_then(|lang| content.languages.negotiate(&lang))
            .unwrap_or_else(|| english.clone());
        std::hint::black_box(content.matcher.rank(&content.intents, &lang, message));
    });
    let rank = rank.saturating_sub(detect);
    let safeguarding = time(rounds, &messages, |message| {
        let folded = text::fold(message);
        let words: Vec<&str> = text::words(&folded).collect();
        std::hint::black_box(content.safeguarding.find(&words).is_some());
    });

    let services = InMemoryServices::new(jiff::civil::date(2026, 3, 11));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    let mut states: Vec<_> = (0..CONVERSATIONS)
        .map(|_| councilbot::conversation::ConversationState::new(&content, None, None))
        .collect();
    let mut next = 0;
    let turns = time(rounds, &messages, |message| {
        let state = &mut states[next % CONVERSATIONS];
        next += 1;
        let input = Input {
            text: message,
            payload: None,
        };
        std::hint::black_box(runtime.block_on(turn(&content, state, input, &services)));
    });

    println!(
        "councilbot pipeline bench ({documents} FAQ pages, {} messages x {rounds})",
        messages.len()
    );
    println!("{:<44}{:>10}", "stage", "µs/msg");
    for (name, mean) in [
        ("language detection", detect),
        ("intent ranking (after detection)", rank),
        ("safeguarding phrases (with folding)", safeguarding),
        ("whole turn, 100 conversations", turns),
    ] {
        println!("{name:<44}{:>10.1}", mean.as_secs_f64() * 1e6);
    }
}

/// Mean time of `run` per message over `rounds` passes of the corpus.
fn time(rounds: usize, messages: &[String], mut run: impl FnMut(&str)) -> Duration {
    for message in messages {
        run(message);
    }
    let started = Instant::now();
    for _ in 0..rounds {
        for message in messages {
            run(message);
        }
    }
    started.elapsed() / u32::try_from(rounds * messages.len()).unwrap_or(u32::MAX)
}
