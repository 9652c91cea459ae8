//! How long an FAQ search takes over 10,000 documents, and how long a content
//! reload takes.
//!
//! `cargo bench --bench knowledge` indexes the demo council's English answers
//! plus 10,000 generated ones (each ~150 words drawn from the demo answers'
//! own vocabulary, so terms are shared the way real pages share them), then
//! asks every English question of `tests/data/faq-dev.tsv` many times and
//! prints the time per question: mean, median, 99th percentile and worst. The
//! goal is well under a millisecond. It then loads the whole demo content
//! (what a live reload does) a few times and prints how long that takes; the
//! goal is well under a second, so a change is live within one.

use std::time::{Duration, Instant};

use councilbot::config::Config;
use councilbot::kb::{Document, KnowledgeBase, Source, Thresholds, document};
use councilbot::lang::LangTag;

const GENERATED: usize = 10_000;
const WORDS_PER_DOCUMENT: usize = 150;
const ROUNDS: usize = 50;
const RELOADS: usize = 5;

/// A small deterministic generator: the same corpus on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// An index below `n`, skewed towards the start (common words first).
    fn skewed(&mut self, n: usize) -> usize {
        let x = (self.next() % 10_000) as f64 / 10_000.0;
        ((x * x * x) * n as f64) as usize % n
    }
}

fn markdown_files(dir: &std::path::Path, into: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            markdown_files(&path, into);
        } else if path.extension().is_some_and(|e| e == "md") {
            into.push(path);
        }
    }
}

/// The demo council's English answers and the generated ones.
fn corpus(repo: &std::path::Path) -> Vec<Document> {
    let mut files = Vec::new();
    markdown_files(&repo.join("knowledge-base/en"), &mut files);
    let mut documents: Vec<Document> = files
        .iter()
        .filter_map(|path| document::parse(&std::fs::read_to_string(path).ok()?).0)
        .collect();
    // Vocabulary by frequency in the real answers.
    let mut counts = std::collections::HashMap::<String, usize>::new();
    for document in &documents {
        for word in document.body.split_whitespace() {
            let word: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
            if !word.is_empty() {
                *counts.entry(word.to_lowercase()).or_default() += 1;
            }
        }
    }
    let mut vocabulary: Vec<(String, usize)> = counts.into_iter().collect();
    vocabulary.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let vocabulary: Vec<String> = vocabulary.into_iter().map(|(w, _)| w).collect();
    let mut random = Lcg(42);
    for n in 0..GENERATED {
        let mut words = |count: usize| -> String {
            (0..count)
                .map(|_| vocabulary[random.skewed(vocabulary.len())].as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let title = words(5);
        let body = words(WORDS_PER_DOCUMENT);
        let text = format!("---\nid: generated-{n}\ntitle: \"{title}\"\n---\n{body}\n");
        documents.push(document::parse(&text).0.expect("generated document"));
    }
    documents
}

fn main() {
    let repo = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let documents = corpus(&repo);
    let synonyms: Vec<Vec<String>> = councilbot::yaml::from_str(
        &std::fs::read_to_string(repo.join("knowledge-base/en/synonyms.yaml")).expect("synonyms"),
    )
    .expect("synonyms parse");
    let en = LangTag::parse("en").expect("en");
    let count = documents.len();
    let started = Instant::now();
    let knowledge = KnowledgeBase::build(
        vec![Source {
            lang: en.clone(),
            documents,
            synonyms,
            fingerprint: None,
            file_hashes: Vec::new(),
        }],
        Thresholds::default(),
    )
    .expect("index builds");
    let build = started.elapsed();

    let questions: Vec<String> = std::fs::read_to_string(repo.join("tests/data/faq-dev.tsv"))
        .expect("dev set")
        .lines()
        .filter(|line| line.starts_with("en\t"))
        .filter_map(|line| line.splitn(3, '\t').nth(2).map(str::to_owned))
        .collect();
    let langs = [en.clone()];
    let mut times = Vec::with_capacity(ROUNDS * questions.len());
    let mut answered = 0;
    for _ in 0..ROUNDS {
        for question in &questions {
            let started = Instant::now();
            let answer = knowledge.answer(&langs, &en, question);
            times.push(started.elapsed().as_nanos() as f64 / 1000.0);
            answered += usize::from(answer.is_some());
        }
    }
    times.sort_by(f64::total_cmp);
    let mean = times.iter().sum::<f64>() / times.len() as f64;
    let percentile = |p: f64| times[((times.len() - 1) as f64 * p) as usize];

    let mut config = Config::default();
    config.content.dir = repo;
    let mut reloads = Vec::new();
    for _ in 0..RELOADS {
        let started = Instant::now();
        std::hint::black_box(councilbot::content::load(&config).map(|l| l.content).ok());
        reloads.push(started.elapsed());
    }
    let reload_mean = reloads.iter().sum::<Duration>() / RELOADS as u32;
    let reload_max = reloads.iter().max().copied().unwrap_or_default();

    println!("documents indexed      {count}");
    println!(
        "index build            {:.0} ms",
        build.as_secs_f64() * 1000.0
    );
    println!(
        "questions asked        {} ({answered} answered)",
        times.len()
    );
    println!("mean per question      {mean:.1} µs");
    println!("median per question    {:.1} µs", percentile(0.5));
    println!("p99 per question       {:.1} µs", percentile(0.99));
    println!("worst question         {:.1} µs", percentile(1.0));
    println!(
        "demo content reload    {:.0} ms mean, {:.0} ms worst",
        reload_mean.as_secs_f64() * 1000.0,
        reload_max.as_secs_f64() * 1000.0
    );
    println!(
        "{{\"documents\":{count},\"search_mean_us\":{mean:.1},\"search_p50_us\":{:.1},\"search_p99_us\":{:.1},\"reload_mean_ms\":{:.0}}}",
        percentile(0.5),
        percentile(0.99),
        reload_mean.as_secs_f64() * 1000.0
    );
}
