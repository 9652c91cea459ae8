//! How long matching one message takes against a few hundred intents.
//!
//! `cargo bench --bench intents` builds the demo council's intents plus 300
//! generated ones (ten examples each, from council vocabulary), then matches a
//! mix of resident messages in English, Welsh, Polish and Arabic, and prints
//! the time per message: mean, median and 99th percentile. The goal is tens of
//! microseconds.

use std::time::Instant;

use councilbot::config::Config;
use councilbot::flows::matcher::{MatchWeights, Matcher};
use councilbot::flows::model::IntentSet;
use councilbot::flows::parse;
use councilbot::lang::LangTag;

const GENERATED: usize = 300;
const ROUNDS: usize = 200;

const SUBJECTS: &[&str] = &[
    "bin",
    "recycling",
    "garden waste",
    "council tax",
    "parking permit",
    "pothole",
    "street light",
    "library",
    "school place",
    "planning application",
    "rent",
    "housing benefit",
    "fly tipping",
    "noise",
    "pest control",
    "blue badge",
    "allotment",
    "bulky waste",
    "road closure",
    "grass cutting",
    "graffiti",
    "dog fouling",
    "bus pass",
    "voter registration",
    "birth certificate",
];
const ASKS: &[&str] = &[
    "how do i apply for a",
    "i want to report a",
    "what is the cost of a",
    "can i cancel my",
    "when will you fix the",
    "who do i contact about the",
    "is there a charge for the",
    "i have a problem with the",
    "how long does it take to get a",
    "where can i find the form for the",
];
const MESSAGES: &[(&str, &str)] = &[
    (
        "en",
        "hi there, my bin wasn't collected again this week and it's starting to smell",
    ),
    ("en", "how much is a residents parking permit"),
    ("en", "tell me a joke"),
    (
        "en",
        "there's a massive pothole on the high street near the school, somebody will get hurt",
    ),
    ("en", "can i speak to a real person please"),
    ("cy", "dydy'r bin heb gael ei gasglu"),
    ("cy", "sut mae talu treth y cyngor"),
    ("pl", "nie odebrali moich śmieci w tym tygodniu"),
    ("pl", "jak zapłacić council tax przez internet"),
    ("ar", "لم يتم جمع القمامة هذا الأسبوع"),
    ("ar", "كيف أدفع ضريبة المجلس"),
];

fn generated_intent(n: usize) -> String {
    let subject = SUBJECTS[n % SUBJECTS.len()];
    let mut yaml = format!("id: generated-{n}\nexamples:\n  en:\n");
    for (i, ask) in ASKS.iter().enumerate() {
        let extra = SUBJECTS[(n * 7 + i * 3) % SUBJECTS.len()];
        yaml += &format!("    - {ask} {subject} number {n} {extra}\n");
    }
    yaml += &format!("reply:\n  en: About {subject}.\n");
    yaml
}

fn main() {
    let mut config = Config::default();
    config.content.dir = env!("CARGO_MANIFEST_DIR").into();
    let content = councilbot::content::load(&config)
        .expect("demo content loads")
        .content;
    let mut intents: Vec<_> = content.intents.all().to_vec();
    for n in 0..GENERATED {
        let (parsed, problems) = parse::parse(&generated_intent(n));
        assert!(problems.iter().all(|p| !p.error), "{problems:?}");
        intents.push(parsed.expect("generated intent").intent);
    }
    let intents = IntentSet::new(intents);
    let languages: Vec<LangTag> = content
        .languages
        .all()
        .iter()
        .map(|l| l.tag.clone())
        .collect();
    let started = Instant::now();
    let matcher = Matcher::new(&intents, &languages, MatchWeights::default());
    let build = started.elapsed();

    let messages: Vec<(LangTag, &str)> = MESSAGES
        .iter()
        .map(|(l, m)| (LangTag::parse(l).unwrap(), *m))
        .collect();
    let mut times = Vec::with_capacity(ROUNDS * messages.len());
    for _ in 0..ROUNDS {
        for (lang, message) in &messages {
            let started = Instant::now();
            let ranked = matcher.rank(&intents, lang, message);
            std::hint::black_box(matcher.decide(&ranked));
            times.push(started.elapsed().as_nanos() as f64 / 1000.0);
        }
    }
    if std::env::var_os("PER_MESSAGE").is_some() {
        for (index, (lang, message)) in messages.iter().enumerate() {
            let own: Vec<f64> = times
                .iter()
                .skip(index)
                .step_by(messages.len())
                .copied()
                .collect();
            println!(
                "{:8.1} µs  {lang} {message}",
                own.iter().sum::<f64>() / own.len() as f64
            );
        }
    }
    times.sort_by(f64::total_cmp);
    let mean = times.iter().sum::<f64>() / times.len() as f64;
    let percentile = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
    println!("intents                {}", intents.all().len());
    println!(
        "index build            {:.1} ms",
        build.as_secs_f64() * 1000.0
    );
    println!("messages matched       {}", times.len());
    println!("mean per message       {mean:.1} µs");
    println!("median per message     {:.1} µs", percentile(0.5));
    println!("p99 per message        {:.1} µs", percentile(0.99));
    println!(
        "{{\"intents\":{},\"match_mean_us\":{mean:.1},\"match_p50_us\":{:.1},\"match_p99_us\":{:.1}}}",
        intents.all().len(),
        percentile(0.5),
        percentile(0.99)
    );
}
