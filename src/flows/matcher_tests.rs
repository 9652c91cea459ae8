//! Matcher checks against the demo council and the development set.

use rustc_hash::FxHashMap;

use super::*;

/// Words the examples use are looked up, not analysed again; the scores
/// must be exactly those of analysing every word afresh, on the demo
/// council's intents and the development set's messages.
#[test]
fn known_forms_change_no_score() {
    let mut config = crate::config::Config::default();
    config.content.dir = env!("CARGO_MANIFEST_DIR").into();
    config.content.watch = false;
    let content = crate::content::load(&config)
        .unwrap_or_else(|f| panic!("{f}"))
        .content;
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/intents-dev.tsv");
    let dev = std::fs::read_to_string(path).expect("the development set");
    let weights = MatchWeights::default();
    let mut compared = 0;
    for tag in ["en", "cy", "pl", "ar"] {
        let lang = LangTag::parse(tag).expect("a tag");
        let mut index = LanguageIndex::build(&content.intents, &lang, &weights);
        assert!(!index.known_forms.is_empty(), "{tag}");
        let messages: Vec<&str> = dev
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| line.strip_prefix(tag)?.strip_prefix('\t'))
            .filter_map(|rest| rest.split_once('\t').map(|(_, message)| message))
            .collect();
        let with_table: Vec<_> = messages
            .iter()
            .map(|m| sorted(index.example_scores(m, &weights)))
            .collect();
        index.known_forms.clear();
        for (message, expected) in messages.iter().zip(with_table) {
            assert_eq!(sorted(index.example_scores(message, &weights)), expected);
            compared += 1;
        }
    }
    assert!(compared > 100, "{compared} messages compared");
}

fn sorted(scores: FxHashMap<usize, f32>) -> Vec<(usize, f32)> {
    let mut scores: Vec<_> = scores.into_iter().collect();
    scores.sort_by_key(|(intent, _)| *intent);
    scores
}
