//! Matches a message to intents, per language.
//!
//! Each language has an index of its examples (`example_index`). A message
//! scores against each example by how much of the example it covers and how
//! much of the message the example explains, each word weighted by how few
//! intents use it (common words count for little, unknown words count
//! against); an intent scores its best example, adjusted by keywords,
//! `require` and `exclude`. Out-of-scope messages share few weighty words with
//! any example, so they score low and go on to the knowledge base.

use std::collections::HashMap;

use super::example_index::LanguageIndex;
use super::intent_phrases::PhraseKind;
use super::model::{Command, IntentSet};
use crate::lang::LangTag;
use crate::text;

/// How scores are computed and read; tuned on `tests/data/intents-dev.tsv`.
#[derive(Debug, Clone, Copy)]
pub struct MatchWeights {
    /// How much a typo (one edit) or prefix match is worth against an exact one.
    pub typo: f32,
    pub prefix: f32,
    /// Weight of a message word no example has, as a share of the rarest word's.
    pub unknown: f32,
    /// How much more covering an example counts than explaining every word of
    /// the message (residents add greetings, names and context).
    pub beta: f32,
    /// Least share of the message an example must explain: a short example
    /// ("sut mae") inside a longer, different question does not match it.
    pub min_explained: f32,
    /// Shortest word (in letters) that may match with a typo.
    pub typo_min_length: usize,
    /// Share of a message a one-word example must explain, and how much less
    /// each further word of the example needs (never below `min_explained`).
    pub short_example_explained: f32,
    pub short_example_step: f32,
    /// Added when one of the intent's keywords is in the message.
    pub keyword_bonus: f32,
    /// Least score for a match.
    pub threshold: f32,
    /// Lead over the runner-up for a clear winner; closer ones are asked about.
    pub margin: f32,
    /// Least score for a global command said in a flow (they must be said plainly).
    pub command_threshold: f32,
    /// Least score for leaving a flow when the answer could be taken as free text.
    pub switch_threshold: f32,
}

impl Default for MatchWeights {
    fn default() -> Self {
        MatchWeights {
            typo: 0.8,
            prefix: 0.7,
            unknown: 0.6,
            beta: 2.0,
            min_explained: 0.3,
            typo_min_length: 4,
            short_example_explained: 0.6,
            short_example_step: 0.2,
            keyword_bonus: 0.15,
            threshold: 0.5,
            margin: 0.1,
            command_threshold: 0.75,
            switch_threshold: 0.8,
        }
    }
}

/// The outcome of matching a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Match {
    /// One intent, clearly (index into the `IntentSet`).
    Winner(usize),
    /// Two close candidates: ask which.
    Ambiguous(usize, usize),
    NoMatch,
}

/// The intent indexes of every council language.
pub struct Matcher {
    languages: HashMap<LangTag, LanguageIndex>,
    weights: MatchWeights,
}

impl Matcher {
    pub fn new(intents: &IntentSet, languages: &[LangTag], weights: MatchWeights) -> Matcher {
        let languages = languages
            .iter()
            .map(|lang| (lang.clone(), LanguageIndex::build(intents, lang, &weights)))
            .collect();
        Matcher { languages, weights }
    }

    pub fn weights(&self) -> &MatchWeights {
        &self.weights
    }

    /// Every intent with a score above zero, best first.
    pub fn rank(&self, intents: &IntentSet, lang: &LangTag, message: &str) -> Vec<(usize, f32)> {
        self.rank_folded(intents, lang, message, &text::fold(message))
    }

    /// As [`Matcher::rank`], for a message the caller has already folded
    /// (`folded` is `text::fold(message)`), as a turn has.
    pub fn rank_folded(
        &self,
        intents: &IntentSet,
        lang: &LangTag,
        message: &str,
        folded: &str,
    ) -> Vec<(usize, f32)> {
        let Some(index) = self.languages.get(lang) else {
            return Vec::new();
        };
        let mut scores = index.example_scores(message, &self.weights);
        let words: Vec<&str> = text::words(folded).collect();
        let said = index.phrases.said(&words);
        let has = |position: usize, kind: PhraseKind| said.contains(&(position, kind));
        let mut considered: Vec<usize> = scores
            .keys()
            .copied()
            .chain(index.phrases.intents().iter().copied())
            .collect();
        considered.sort_unstable();
        considered.dedup();
        for position in considered {
            let Some(intent) = intents.all().get(position) else {
                continue;
            };
            let score = scores.entry(position).or_insert(0.0);
            if has(position, PhraseKind::Keyword) {
                // Keywords are the editor's distinctive words: one in the
                // message is enough to match, more example overlap adds to it.
                *score = (*score + self.weights.keyword_bonus)
                    .max(self.weights.threshold + self.weights.keyword_bonus / 2.0);
            }
            // Cancel, start again and change language win only when said
            // plainly; asking for a person matches like any intent.
            let plain_only = intent
                .command
                .is_some_and(|command| command != Command::Handoff);
            if plain_only && *score < self.weights.command_threshold {
                *score = 0.0;
            }
            let required = intent
                .require
                .get(lang)
                .is_some_and(|list| !list.is_empty());
            if (required && !has(position, PhraseKind::Require))
                || has(position, PhraseKind::Exclude)
            {
                *score = 0.0;
            }
        }
        let mut ranked: Vec<(usize, f32)> = scores
            .into_iter()
            .filter(|(_, score)| *score > 0.0)
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
    }

    /// The global command a message plainly says, if any, from its ranking.
    pub fn command(&self, intents: &IntentSet, ranked: &[(usize, f32)]) -> Option<Command> {
        let &(best, score) = ranked.first()?;
        let command = intents.all()[best].command?;
        (score >= self.weights.command_threshold).then_some(command)
    }

    /// Reads a ranking: a clear winner, two to choose between, or nothing.
    pub fn decide(&self, ranked: &[(usize, f32)]) -> Match {
        let Some(&(best, best_score)) = ranked.first() else {
            return Match::NoMatch;
        };
        if best_score < self.weights.threshold {
            return Match::NoMatch;
        }
        match ranked.get(1) {
            Some(&(second, score))
                if best_score - score < self.weights.margin && score >= self.weights.threshold =>
            {
                Match::Ambiguous(best, second)
            }
            _ => Match::Winner(best),
        }
    }
}

#[cfg(test)]
#[path = "matcher_tests.rs"]
mod tests;
