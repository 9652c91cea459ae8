//! One language's index of the intents' examples, for the matcher: an
//! inverted index of the examples' terms (see `text::analysis`), a one-edit
//! deletion index for typos, a sorted list for prefixes, and the analysed forms
//! of the words the examples are written with.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::intent_phrases::IntentPhrases;
use super::matcher::MatchWeights;
use super::model::IntentSet;
use super::unknown_words::UnknownWords;
use crate::lang::LangTag;
use crate::text::analysis::{Analyzer, for_each_word};
use crate::text::{for_each_one_deletion, one_deletions};

/// Words with less weight than this (used by almost every intent) are skipped.
const NEGLIGIBLE_IDF: f32 = 0.1;

pub(super) struct LanguageIndex {
    analyzer: Analyzer,
    terms: FxHashMap<String, u32>,
    /// Sorted terms, for prefix lookups.
    sorted: Vec<(String, u32)>,
    idf: Vec<f32>,
    /// Term to the examples that have it.
    postings: Vec<Vec<u32>>,
    /// The intents' keywords, `require` and `exclude` in this language.
    pub(super) phrases: IntentPhrases,
    deletions: FxHashMap<String, Vec<u32>>,
    /// The analyser's forms of every word the examples are written with:
    /// messages mostly use those words, and stemming is most of ranking.
    pub(super) known_forms: FxHashMap<String, Vec<String>>,
    /// The candidates of other words, as messages bring them (`None`: the
    /// word has no forms and does not count). They hold for the weights the
    /// index was built with.
    pub(super) unknown: UnknownWords<Option<Candidates>>,
    built_with: MatchWeights,
    examples: Vec<Example>,
    max_idf: f32,
}

/// The example terms a word may stand for, each with how well it fits.
type Candidates = Arc<[(u32, f32)]>;

/// A message word as ranking sees it.
enum Analysed<'a> {
    /// A word the examples use: its forms.
    Known(&'a [String]),
    /// Any other: the terms it may stand for.
    Other(Candidates),
}

struct Example {
    intent: usize,
    /// The sum of its words' weights.
    total: f32,
    /// Least share of a message it must explain: most of it for a one- or
    /// two-word example ("sut mae" opens many a Welsh question).
    min_explained: f32,
}

impl LanguageIndex {
    pub(super) fn build(
        intents: &IntentSet,
        lang: &LangTag,
        weights: &MatchWeights,
    ) -> LanguageIndex {
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
            unknown: UnknownWords::default(),
            built_with: *weights,
            examples,
            max_idf,
        }
    }

    /// Each intent's best example score for `message`.
    pub(super) fn example_scores(
        &self,
        message: &str,
        weights: &MatchWeights,
    ) -> FxHashMap<usize, f32> {
        // Per example: what the message matched of it, and which message word
        // last reached it and for how much (a word counts once per example).
        let mut matched = vec![0.0_f32; self.examples.len()];
        let mut reached_by = vec![usize::MAX; self.examples.len()];
        let mut gain = vec![0.0_f32; self.examples.len()];
        let mut touched: Vec<u32> = Vec::new();
        let mut message_total = 0.0_f32;
        let mut analysed: Vec<Analysed<'_>> = Vec::new();
        for_each_word(message, |written| {
            let other = match self.known_forms.get(written) {
                Some(forms) => return analysed.push(Analysed::Known(forms)),
                None if self.keeps_candidates_for(weights) => self
                    .unknown
                    .get_or_find(written, || self.other_candidates(written, weights)),
                None => self.other_candidates(written, weights),
            };
            if let Some(candidates) = other {
                analysed.push(Analysed::Other(candidates));
            }
        });
        for (word, analysed) in analysed.iter().enumerate() {
            let known;
            let candidates: &[(u32, f32)] = match analysed {
                Analysed::Known(forms) => {
                    known = self.candidates(forms, weights);
                    &known
                }
                Analysed::Other(candidates) => candidates,
            };
            let strongest = candidates
                .iter()
                .map(|(term, quality)| self.idf[*term as usize] * quality)
                .fold(0.0, f32::max);
            message_total += if candidates.is_empty() {
                self.max_idf * weights.unknown
            } else {
                strongest
            };
            for &(term, quality) in candidates {
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

    /// Whether candidates found with `weights` may be kept: they are those
    /// the index was built with (the matcher's own).
    fn keeps_candidates_for(&self, weights: &MatchWeights) -> bool {
        let built = &self.built_with;
        built.typo == weights.typo
            && built.prefix == weights.prefix
            && built.typo_min_length == weights.typo_min_length
    }

    /// The candidates of a word the examples do not use; `None` when it has
    /// no forms.
    fn other_candidates(&self, written: &str, weights: &MatchWeights) -> Option<Candidates> {
        let forms = self.analyzer.forms(written);
        (!forms.is_empty()).then(|| Arc::from(self.candidates(&forms, weights)))
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
