//! The intents' keyword, `require` and `exclude` phrases of one language,
//! matched against a message all at once (see [`PhraseSet`]).

use super::model::IntentSet;
use crate::lang::LangTag;
use crate::text::PhraseSet;

/// What an intent's phrase is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PhraseKind {
    Keyword,
    Require,
    Exclude,
}

pub(super) struct IntentPhrases {
    /// Intents with keywords, `require` or `exclude` in this language.
    intents: Vec<usize>,
    phrases: PhraseSet,
    /// For each phrase of `phrases`, its intent and kind.
    owners: Vec<(usize, PhraseKind)>,
}

impl IntentPhrases {
    pub(super) fn new(intents: &IntentSet, lang: &LangTag) -> IntentPhrases {
        let mut with_phrases = Vec::new();
        let mut phrases = Vec::new();
        let mut owners = Vec::new();
        for (position, intent) in intents.all().iter().enumerate() {
            let mut used = false;
            for (kind, list) in [
                (PhraseKind::Keyword, &intent.keywords),
                (PhraseKind::Require, &intent.require),
                (PhraseKind::Exclude, &intent.exclude),
            ] {
                let Some(list) = list.get(lang) else {
                    continue;
                };
                used = true;
                for phrase in list {
                    phrases.push(phrase.clone());
                    owners.push((position, kind));
                }
            }
            if used {
                with_phrases.push(position);
            }
        }
        IntentPhrases {
            intents: with_phrases,
            phrases: PhraseSet::new(phrases),
            owners,
        }
    }

    /// The intents that have any of these phrases in this language.
    pub(super) fn intents(&self) -> &[usize] {
        &self.intents
    }

    /// The intents and kinds of the phrases that occur in `words` (a folded
    /// message, split by `text::words`).
    pub(super) fn said(&self, words: &[&str]) -> Vec<(usize, PhraseKind)> {
        self.phrases
            .matching(words)
            .into_iter()
            .filter_map(|number| self.owners.get(number as usize).copied())
            .collect()
    }
}
