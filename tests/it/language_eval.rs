//! Language detection on `tests/data/language-eval.tsv`: short resident messages
//! in 20 languages, written for this project and never used for tuning (weights
//! are tuned on `language-dev.tsv`). Fails if any language's accuracy drops below
//! what was measured when the floors were set, or if a confident detection is
//! ever wrong for one of the council's languages (it would switch a
//! conversation into the wrong language).

use std::collections::BTreeMap;

use crate::helpers::{repo, test_config};

/// Per language: the least share of messages whose language must be detected.
/// Measured with the demo council's content; raise them when detection improves.
const FLOORS: &[(&str, f64)] = &[
    ("ar", 1.0),
    ("bn", 1.0),
    ("cy", 1.0),
    ("de", 1.0),
    ("en", 0.97),
    ("es", 1.0),
    ("fa", 1.0),
    ("fr", 1.0),
    ("it", 1.0),
    ("lt", 1.0),
    ("pa", 1.0),
    ("pl", 1.0),
    ("pt", 0.93),
    ("ro", 0.92),
    ("so", 0.94),
    ("sq", 1.0),
    ("tr", 1.0),
    ("uk", 1.0),
    ("ur", 0.93),
    ("zh", 1.0),
];
const OVERALL_FLOOR: f64 = 0.984;
const COUNCIL_LANGUAGES: &[&str] = &["en", "cy", "pl", "ar"];

#[derive(Default)]
struct Tally {
    messages: u32,
    right: u32,
    confident: u32,
    confident_wrong: u32,
}

#[test]
fn detection_accuracy_holds_on_the_evaluation_set() {
    let data = tempfile::tempdir().unwrap();
    let content = councilbot::content::load(&test_config(data.path()))
        .expect("demo content")
        .content;
    let text = std::fs::read_to_string(repo().join("tests/data/language-eval.tsv")).unwrap();
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    let mut misses = Vec::new();
    for line in text
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
    {
        let (lang, message) = line.split_once('\t').expect("code TAB message");
        let detection = content.detector.detect(message);
        let right = detection
            .lang
            .as_ref()
            .is_some_and(|tag| tag.as_str() == lang);
        let tally = tallies.entry(lang.to_owned()).or_default();
        tally.messages += 1;
        tally.right += u32::from(right);
        tally.confident += u32::from(detection.confident);
        tally.confident_wrong += u32::from(detection.confident && !right);
        if !right {
            misses.push(format!(
                "{lang}: {message:?} -> {:?}",
                detection.lang.map(|t| t.to_string())
            ));
        }
    }
    let mut report = String::from("lang  n   right  confident\n");
    let (mut total, mut total_right) = (0, 0);
    for (lang, tally) in &tallies {
        total += tally.messages;
        total_right += tally.right;
        let share = |count: u32| f64::from(count) / f64::from(tally.messages);
        report += &format!(
            "{lang:4} {:3} {:6.1}% {:8.1}%\n",
            tally.messages,
            100.0 * share(tally.right),
            100.0 * share(tally.confident)
        );
    }
    let overall = f64::from(total_right) / f64::from(total);
    report += &format!(
        "all  {total:3} {:6.1}%\nmisses:\n  {}\n",
        100.0 * overall,
        misses.join("\n  ")
    );
    println!("{report}");

    assert!(tallies.len() >= 12, "the set covers at least 12 languages");
    assert!(total >= 150, "the set has at least 150 messages");
    for (lang, floor) in FLOORS {
        let tally = &tallies[*lang];
        let accuracy = f64::from(tally.right) / f64::from(tally.messages);
        assert!(
            accuracy + 1e-9 >= *floor,
            "{lang}: {:.1}% is below its floor of {:.0}%\n{report}",
            100.0 * accuracy,
            100.0 * floor
        );
    }
    assert!(
        overall + 1e-9 >= OVERALL_FLOOR,
        "overall {:.1}% is below {:.0}%\n{report}",
        100.0 * overall,
        100.0 * OVERALL_FLOOR
    );
    for lang in COUNCIL_LANGUAGES {
        assert_eq!(
            tallies[*lang].confident_wrong, 0,
            "{lang}: a confident detection was wrong\n{report}"
        );
    }
}
