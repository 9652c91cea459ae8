//! Matches a message to intents, per language.
//!
//! Each language has an inverted index of its examples' terms (see
//! `text::analysis`), a one-edit deletion index for typos and a sorted list for
//! prefixes. A message scores against each example by how much of the example it
//! covers and how much of the message the example explains, each word weighted
//! by how few intents use it (common words count for little, unknown words
//! count against); an intent scores its best example, adjusted by keywords,
//! `require` and `exclude`. Out-of-scope messages share few weighty words with
//! any example, so they score low and go on to the knowledge base.

use std::borrow::Cow;
use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::intent_phrases::{IntentPhrases, PhraseKind};
use super::model::{Command, IntentSet};
use crate::lang::LangTag;
use crate::text;
use crate::text::analysis::{Analyzer, for_each_word};
use crate::text::{for_each_one_deletion, one_deletions};

/// Words with less weight than this (used by almost every intent) are skipped.
const NEGLIGIBLE_IDF: f32 = 0.1;

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

struct LanguageIndex {
    analyzer: Analyzer,
    terms: FxHashMap<String, u32>,
    /// Sorted terms, for prefix lookups.
    sorted: Vec<(String, u32)>,
    idf: Vec<f32>,
    /// Term to the examples that have it.
    postings: Vec<Vec<u32>>,
    /// The intents' keywords, `require` and `exclude` in this language.
    phrases: IntentPhrases,
    deletions: FxHashMap<String, Vec<u32>>,
    /// The analyser's forms of every word the examples are written with:
    /// messages mostly use those words, and stemming is most of ranking.
    known_forms: FxHashMap<String, Vec<String>>,
    examples: Vec<Example>,
    max_idf: f32,
}

struct Example {
    intent: usize,
    /// The sum of its words' weights.
    total: f32,
    /// Least share of a message it must explain: most of it for a one- or
    /// two-word example ("sut mae" opens many a Welsh question).
    min_explained: f32,
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

impl LanguageIndex {
    fn build(intents: &IntentSet, lang: &LangTag, weights: &MatchWeights) -> LanguageIndex {
        let analyzer = Analyzer::for_language(lang);
        let mut terms: FxHashMap<String, u32> = FxHashMap::default();
        let mut users: Vec<Vec<usize>> = Vec::new();
        let mut raw: Vec<(usize, Vec<Vec<u32>>)> = Vec::new();
        for (position, intent) in intents.all().iter().enumerate() {
            for example in intent.examples.get(lang).into_iter().flatten() {
                let words: Vec<Vec<u32>> = analyzer
                    .alternatives(example)
                    .into_iter()
                    .map(|forms| {
                        forms
                            .into_iter()
                            .map(|form| {
                                let next = u32::try_from(terms.len()).unwrap_or(u32::MAX);
                                let id = *terms.entry(form).or_insert(next);
                                if users.len() <= id as usize {
                                    users.push(Vec::new());
                                }
                                if !users[id as usize].contains(&position) {
                                    users[id as usize].push(position);
                                }
                                id
                            })
                            .collect()
                    })
                    .collect();
                raw.push((position, words));
            }
        }
        let intent_count = raw
            .iter()
            .map(|(intent, _)| *intent)
            .collect::<std::collections::HashSet<_>>()
            .len()
            .max(1) as f32;
        // Words most intents use (the, my, I) count for almost nothing.
        let idf: Vec<f32> = users
            .iter()
            .map(|u| ((intent_count + 1.0) / u.len().max(1) as f32).ln())
            .collect();
        let mut postings = vec![Vec::new(); terms.len()];
        let mut examples = Vec::with_capacity(raw.len());
        for (example_id, (intent, words)) in raw.into_iter().enumerate() {
            // Each word weighs as its rarest form (a Welsh word and its radical).
            let total = words
                .iter()
                .map(|forms| forms.iter().map(|t| idf[*t as usize]).fold(0.0, f32::max))
                .sum();
            for forms in &words {
                for term in forms {
                    let id = u32::try_from(example_id).unwrap_or(u32::MAX);
                    if postings[*term as usize].last() != Some(&id) {
                        postings[*term as usize].push(id);
                    }
                }
            }
            let min_explained = weights.short_example_explained
                - weights.short_example_step * (words.len() as f32 - 1.0);
            examples.push(Example {
                intent,
                total,
                min_explained,
            });
        }
        let known_forms = known_forms(intents, lang, &analyzer);
        let mut deletions: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        for (term, id) in &terms {
            if term.chars().count() >= 4 {
                for variant in one_deletions(term) {
                    deletions.entry(variant).or_default().push(*id);
                }
            }
        }
        let mut sorted: Vec<(String, u32)> = terms.iter().map(|(t, id)| (t.clone(), *id)).collect();
        sorted.sort();
        let max_idf = idf
            .iter()
            .copied()
            .fold(0.0, f32::max)
            .max((1.0 + intent_count).ln());
        LanguageIndex {
            analyzer,
            terms,
            sorted,
            idf,
            postings,
            phrases: IntentPhrases::new(intents, lang),
            deletions,
            known_forms,
            examples,
            max_idf,
        }
    }

    /// Each intent's best example score for `message`.
    fn example_scores(&self, message: &str, weights: &MatchWeights) -> FxHashMap<usize, f32> {
        // Per example: what the message matched of it, and which message word
        // last reached it and for how much (a word counts once per example).
        let mut matched = vec![0.0_f32; self.examples.len()];
        let mut reached_by = vec![usize::MAX; self.examples.len()];
        let mut gain = vec![0.0_f32; self.examples.len()];
        let mut touched: Vec<u32> = Vec::new();
        let mut message_total = 0.0_f32;
        let mut analysed: Vec<Cow<'_, [String]>> = Vec::new();
        for_each_word(message, |written| match self.known_forms.get(written) {
            Some(forms) => analysed.push(Cow::Borrowed(forms)),
            None => {
                let forms = self.analyzer.forms(written);
                if !forms.is_empty() {
                    analysed.push(Cow::Owned(forms));
                }
            }
        });
        for (word, forms) in analysed.iter().enumerate() {
            let candidates = self.candidates(forms, weights);
            let strongest = candidates
                .iter()
                .map(|(term, quality)| self.idf[*term as usize] * quality)
                .fold(0.0, f32::max);
            message_total += if candidates.is_empty() {
                self.max_idf * weights.unknown
            } else {
                strongest
            };
            for (term, quality) in candidates {
                let value = self.idf[term as usize] * quality;
                // Words nearly every intent uses would only add noise (and time).
                if self.idf[term as usize] < NEGLIGIBLE_IDF {
                    continue;
                }
                for &example in &self.postings[term as usize] {
                    let e = example as usize;
                    if reached_by[e] != word {
                        if matched[e] == 0.0 {
                            touched.push(example);
                        }
                        reached_by[e] = word;
                        gain[e] = value;
                        matched[e] += value;
                    } else if value > gain[e] {
                        matched[e] += value - gain[e];
                        gain[e] = value;
                    }
                }
            }
        }
        let beta2 = weights.beta * weights.beta;
        let mut scores: FxHashMap<usize, f32> = FxHashMap::default();
        for example in touched {
            let matched = matched[example as usize];
            let example = &self.examples[example as usize];
            let covered = (matched / example.total.max(f32::EPSILON)).min(1.0);
            let explained = (matched / message_total.max(f32::EPSILON)).min(1.0);
            if explained < weights.min_explained.max(example.min_explained) {
                continue;
            }
            let score = (1.0 + beta2) * covered * explained
                / (beta2 * explained + covered).max(f32::EPSILON);
            let entry = scores.entry(example.intent).or_insert(0.0);
            *entry = entry.max(score);
        }
        scores
    }

    /// Terms a message word may stand for, with how well each fits.
    fn candidates(&self, forms: &[String], weights: &MatchWeights) -> Vec<(u32, f32)> {
        let exact: Vec<(u32, f32)> = forms
            .iter()
            .filter_map(|form| self.terms.get(form).map(|id| (*id, 1.0)))
            .collect();
        if !exact.is_empty() {
            return exact;
        }
        let mut found: Vec<(u32, f32)> = Vec::new();
        let mut add = |id: u32, quality: f32| match found.iter_mut().find(|(t, _)| *t == id) {
            Some(existing) => existing.1 = existing.1.max(quality),
            None => found.push((id, quality)),
        };
        for form in forms {
            let length = form.chars().count();
            if length >= weights.typo_min_length {
                for id in self.deletions.get(form).into_iter().flatten() {
                    add(*id, weights.typo);
                }
                for_each_one_deletion(form, |variant| {
                    if let Some(id) = self.terms.get(variant) {
                        add(*id, weights.typo);
                    }
                    for id in self.deletions.get(variant).into_iter().flatten() {
                        add(*id, weights.typo);
                    }
                });
            }
            if length >= 3 {
                let start = self
                    .sorted
                    .partition_point(|(term, _)| term.as_str() < form.as_str());
                for (term, id) in self.sorted[start..]
                    .iter()
                    .take_while(|(term, _)| term.starts_with(form.as_str()))
                    .take(8)
                {
                    if term != form {
                        add(*id, weights.prefix);
                    }
                }
                // The longest prefix of three letters or more that is a term.
                for (end, _) in form.char_indices().rev().take(length - 3) {
                    if let Some(id) = self.terms.get(&form[..end]) {
                        add(*id, weights.prefix);
                        break;
                    }
                }
            }
        }
        found
    }
}

/// The analyser's forms of every word `lang`'s examples are written with.
fn known_forms(
    intents: &IntentSet,
    lang: &LangTag,
    analyzer: &Analyzer,
) -> FxHashMap<String, Vec<String>> {
    let mut known: FxHashMap<String, Vec<String>> = FxHashMap::default();
    for example in intents
        .all()
        .iter()
        .flat_map(|i| i.examples.get(lang))
        .flatten()
    {
        for_each_word(example, |written| {
            if !known.contains_key(written) {
                let forms = analyzer.forms(written);
                if !forms.is_empty() {
                    known.insert(written.to_owned(), forms);
                }
            }
        });
    }
    known
}

#[cfg(test)]
#[path = "matcher_tests.rs"]
mod tests;
