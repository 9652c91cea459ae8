//! Matcher checks against the demo council and the development set.

use rustc_hash::FxHashMap;

use super::*;

/// The demo council's content.
fn demo_content() -> crate::content::Content {
    let mut config = crate::config::Config::default();
    config.content.dir = env!("CARGO_MANIFEST_DIR").into();
    config.content.watch = false;
    crate::content::load(&config)
        .unwrap_or_else(|f| panic!("{f}"))
        .content
}

/// The development set's messages in `tag`.
fn dev_messages(dev: &str, tag: &str) -> Vec<String> {
    dev.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.strip_prefix(tag)?.strip_prefix('\t'))
        .filter_map(|rest| rest.split_once('\t').map(|(_, message)| message.to_owned()))
        .collect()
}

const DEV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/intents-dev.tsv");

/// Words the examples use are looked up, not analysed again; the scores
/// must be exactly those of analysing every word afresh, on the demo
/// council's intents and the development set's messages.
#[test]
fn known_forms_change_no_score() {
    let content = demo_content();
    let dev = std::fs::read_to_string(DEV).expect("the development set");
    let weights = MatchWeights::default();
    let mut compared = 0;
    for tag in ["en", "cy", "pl", "ar"] {
        let lang = LangTag::parse(tag).expect("a tag");
        let mut index = LanguageIndex::build(&content.intents, &lang, &weights);
        assert!(!index.known_forms.is_empty(), "{tag}");
        let messages = dev_messages(&dev, tag);
        let with_table: Vec<_> = messages
            .iter()
            .map(|m| sorted(index.example_scores(m, &weights)))
            .collect();
        index.known_forms.clear();
        for (message, expected) in messages.iter().zip(with_table) {
            index.unknown.clear();
            assert_eq!(sorted(index.example_scores(message, &weights)), expected);
            compared += 1;
        }
    }
    assert!(compared > 100, "{compared} messages compared");
}

/// What other words came to is kept and looked up by later messages; the
/// scores must be exactly those of finding every word afresh.
#[test]
fn kept_candidates_change_no_score() {
    let content = demo_content();
    let dev = std::fs::read_to_string(DEV).expect("the development set");
    let weights = MatchWeights::default();
    for tag in ["en", "cy", "pl", "ar"] {
        let lang = LangTag::parse(tag).expect("a tag");
        let index = LanguageIndex::build(&content.intents, &lang, &weights);
        let messages = dev_messages(&dev, tag);
        let afresh: Vec<_> = messages
            .iter()
            .map(|m| {
                index.unknown.clear();
                sorted(index.example_scores(m, &weights))
            })
            .collect();
        for message in &messages {
            index.example_scores(message, &weights);
        }
        assert!(
            index.unknown.len() > 20,
            "{tag}: {} kept",
            index.unknown.len()
        );
        for (message, expected) in messages.iter().zip(afresh) {
            assert_eq!(
                sorted(index.example_scores(message, &weights)),
                expected,
                "{tag}: {message}"
            );
        }
    }
}

fn sorted(scores: FxHashMap<usize, f32>) -> Vec<(usize, f32)> {
    let mut scores: Vec<_> = scores.into_iter().collect();
    scores.sort_by_key(|(intent, _)| *intent);
    scores
}
