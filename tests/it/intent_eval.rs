//! Intent matching on `tests/data/intents-eval.tsv`: resident messages in
//! English, Welsh, Polish and Arabic, labelled with the intent they should
//! start or `none` (out of scope, or a question for the knowledge base). The
//! set was written without sight of the intents' examples and is never used
//! for tuning (that is `intents-dev.tsv`). Fails if accuracy on in-scope
//! messages or the rejection of out-of-scope ones drops below what was
//! measured when the floors were set.

use std::collections::BTreeMap;

use councilbot::content::Content;
use councilbot::flows::matcher::{Match, MatchWeights, Matcher};
use councilbot::lang::LangTag;

use crate::helpers::{repo, test_config};

/// Per language: least share of in-scope messages matched to the right intent,
/// and least share of `none` messages matched to no intent.
const FLOORS: &[(&str, f64, f64)] = &[
    ("en", 0.90, 0.94),
    ("cy", 0.91, 1.00),
    ("pl", 0.94, 1.00),
    ("ar", 0.88, 1.00),
];
const OVERALL_FLOORS: (f64, f64) = (0.91, 0.97);

#[derive(Default)]
struct Tally {
    in_scope: u32,
    right: u32,
    clarified: u32,
    none: u32,
    rejected: u32,
    misses: Vec<String>,
}

fn demo_content() -> Content {
    let data = tempfile::tempdir().unwrap();
    councilbot::content::load(&test_config(data.path()))
        .expect("demo content")
        .content
}

/// What the matcher makes of each labelled message, by language.
fn evaluate(content: &Content, matcher: &Matcher, file: &str) -> BTreeMap<String, Tally> {
    let text = std::fs::read_to_string(repo().join("tests/data").join(file)).unwrap();
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    for line in text
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
    {
        let mut fields = line.splitn(3, '\t');
        let (lang, expected, message) = (
            fields.next().unwrap(),
            fields.next().unwrap(),
            fields.next().unwrap(),
        );
        let tag = LangTag::parse(lang).unwrap();
        let ranked = matcher.rank(&content.intents, &tag, message);
        let id = |index: usize| content.intents.all()[index].id.as_str();
        let (predicted, right) = match matcher.decide(&ranked) {
            Match::Winner(index) => (id(index).to_owned(), id(index) == expected),
            Match::Ambiguous(a, b) => (
                format!("{}|{}", id(a), id(b)),
                id(a) == expected || id(b) == expected,
            ),
            Match::NoMatch => ("none".to_owned(), expected == "none"),
        };
        let tally = tallies.entry(lang.to_owned()).or_default();
        if expected == "none" {
            tally.none += 1;
            tally.rejected += u32::from(right);
        } else {
            tally.in_scope += 1;
            tally.right += u32::from(right);
            tally.clarified += u32::from(right && predicted.contains('|'));
        }
        if !right {
            let top: Vec<String> = ranked
                .iter()
                .take(2)
                .map(|(i, s)| format!("{}={s:.2}", id(*i)))
                .collect();
            tally.misses.push(format!(
                "{lang} {expected} -> {predicted} [{}] {message}",
                top.join(" ")
            ));
        }
    }
    tallies
}

fn report(tallies: &BTreeMap<String, Tally>) -> (String, f64, f64) {
    let mut text = String::from("lang  in-scope  right  (asked which)   none  rejected\n");
    let (mut in_scope, mut right, mut none, mut rejected) = (0, 0, 0, 0);
    for (lang, t) in tallies {
        in_scope += t.in_scope;
        right += t.right;
        none += t.none;
        rejected += t.rejected;
        let share = |a: u32, b: u32| 100.0 * f64::from(a) / f64::from(b.max(1));
        text += &format!(
            "{lang:4} {:9} {:6.1}% ({:2})        {:5} {:7.1}%\n",
            t.in_scope,
            share(t.right, t.in_scope),
            t.clarified,
            t.none,
            share(t.rejected, t.none)
        );
    }
    let accuracy = f64::from(right) / f64::from(in_scope.max(1));
    let rejection = f64::from(rejected) / f64::from(none.max(1));
    text += &format!(
        "all  {in_scope:9} {:6.1}%              {none:5} {:7.1}%\n",
        100.0 * accuracy,
        100.0 * rejection
    );
    for tally in tallies.values() {
        for miss in &tally.misses {
            text += &format!("  {miss}\n");
        }
    }
    (text, accuracy, rejection)
}

#[test]
fn intent_accuracy_holds_on_the_evaluation_set() {
    let content = demo_content();
    let tallies = evaluate(&content, &content.matcher, "intents-eval.tsv");
    let (text, accuracy, rejection) = report(&tallies);
    println!("{text}");
    let total: u32 = tallies.values().map(|t| t.in_scope + t.none).sum();
    let none: u32 = tallies.values().map(|t| t.none).sum();
    assert!(
        total >= 150 && tallies.len() >= 4 && none >= 20,
        "the set is big enough"
    );
    for (lang, accuracy_floor, rejection_floor) in FLOORS {
        let t = &tallies[*lang];
        let accuracy = f64::from(t.right) / f64::from(t.in_scope);
        let rejection = f64::from(t.rejected) / f64::from(t.none);
        assert!(
            accuracy + 1e-9 >= *accuracy_floor,
            "{lang}: intent accuracy {accuracy:.3} below {accuracy_floor}\n{text}"
        );
        assert!(
            rejection + 1e-9 >= *rejection_floor,
            "{lang}: out-of-scope rejection {rejection:.3} below {rejection_floor}\n{text}"
        );
    }
    assert!(
        accuracy + 1e-9 >= OVERALL_FLOORS.0,
        "overall intent accuracy {accuracy:.3}\n{text}"
    );
    assert!(
        rejection + 1e-9 >= OVERALL_FLOORS.1,
        "overall rejection {rejection:.3}\n{text}"
    );
}

/// The tuning set's report, with every miss and the top scores:
/// `cargo test --test it intent_tuning_report -- --ignored --nocapture`.
/// `MATCH_WEIGHTS="threshold=0.5,margin=0.1"` tries other weights.
#[test]
#[ignore = "a report for tuning, not a check"]
fn intent_tuning_report() {
    let content = demo_content();
    let mut weights = MatchWeights::default();
    for setting in std::env::var("MATCH_WEIGHTS")
        .unwrap_or_default()
        .split(',')
        .filter(|s| !s.is_empty())
    {
        let (name, value) = setting.split_once('=').expect("name=value");
        let value: f32 = value.parse().expect("a number");
        match name {
            "typo" => weights.typo = value,
            "prefix" => weights.prefix = value,
            "unknown" => weights.unknown = value,
            "beta" => weights.beta = value,
            "min_explained" => weights.min_explained = value,
            "short_example_explained" => weights.short_example_explained = value,
            "short_example_step" => weights.short_example_step = value,
            "typo_min_length" => weights.typo_min_length = value as usize,
            "keyword_bonus" => weights.keyword_bonus = value,
            "threshold" => weights.threshold = value,
            "margin" => weights.margin = value,
            other => panic!("unknown weight {other}"),
        }
    }
    let languages: Vec<LangTag> = content
        .languages
        .all()
        .iter()
        .map(|l| l.tag.clone())
        .collect();
    let matcher = Matcher::new(&content.intents, &languages, weights);
    let file = std::env::var("INTENT_SET").unwrap_or_else(|_| "intents-dev.tsv".to_owned());
    let (text, _, _) = report(&evaluate(&content, &matcher, &file));
    println!("{file} with {weights:?}\n{text}");
}
