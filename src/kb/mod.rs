//! The knowledge base: the council's FAQ answers, one index per language, and
//! the decision whether the best document really answers a question.
//!
//! Pure and immutable once built: reading the files is `content`'s job, and a
//! reload builds a new knowledge base with the rest of the content.

mod dictionary;
pub mod document;
mod index;
mod spelling;

use std::collections::HashMap;
use std::sync::Arc;

pub use document::Document;
use index::LanguageIndex;

use crate::lang::LangTag;

/// How many ranked documents a search looks at.
const CANDIDATES: usize = 8;

/// The thresholds that turn a ranking into an answer. Calibrated on
/// `tests/data/faq-dev.tsv`; the evaluation test keeps them honest.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// The share of the question's informative words the best document must
    /// contain to be given as the answer.
    pub min_coverage: f32,
    /// A runner-up is offered as "related" when it scores at least this share
    /// of the best document's score…
    pub related_score: f32,
    /// …and covers at least this share of the question.
    pub related_coverage: f32,
    /// At most this many related documents are offered.
    pub max_related: usize,
    /// The least summed weight of the question's words the best document must
    /// contain, in words only one document has: a question of common words
    /// only ("are you a real person") is not answered.
    pub min_evidence: f32,
    /// What a word no document has weighs, as a share of the weight of a word
    /// only one document has.
    pub unknown_weight: f32,
    /// What a word the best document has only in its body counts towards
    /// coverage, as a share of a word in its title, tags or summary: a page
    /// that mentions "state pension" in passing is not about it.
    pub body_share: f32,
    /// How much coverage reorders BM25's ranking (0: not at all).
    pub rank_coverage: f32,
    /// An answer covering this share of a message is given instead of an
    /// information intent that matched it loosely…
    pub prefer_coverage: f32,
    /// …with a score below this (the intent matcher's 0–1 score).
    pub intent_close_match: f32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            min_coverage: 0.4,
            related_score: 0.6,
            related_coverage: 0.4,
            max_related: 3,
            min_evidence: 0.6,
            unknown_weight: 0.6,
            body_share: 0.5,
            rank_coverage: 1.0,
            prefer_coverage: 0.75,
            intent_close_match: 0.8,
        }
    }
}

/// One language's documents and synonyms, as read from the content folder.
pub struct Source {
    pub lang: LangTag,
    pub documents: Vec<Document>,
    /// Groups of phrases that mean the same ("ctax", "council tax").
    pub synonyms: Vec<Vec<String>>,
    /// What was read, as a hash of the files and their paths: a reload whose
    /// language has the same fingerprint keeps that language's index
    /// (`None`: always build).
    pub fingerprint: Option<u64>,
    /// For each document, the hash of its file if it parsed without a single
    /// problem: a reload may take the parsed document again instead of
    /// parsing the unchanged file (`None` for that document: never).
    pub file_hashes: Vec<Option<u64>>,
}

/// A document found by a search.
#[derive(Debug, Clone, Copy)]
pub struct Hit<'a> {
    /// The language of the index it was found in.
    pub lang: &'a LangTag,
    pub document: &'a Document,
    /// BM25 with field boosts; comparable only within one search.
    pub score: f32,
    /// The share of the question's informative words the document contains.
    pub coverage: f32,
    /// The summed weight of the question's words the document contains, in
    /// words only one document has.
    pub evidence: f32,
}

/// The answer to a question: the best document and its close runners-up.
#[derive(Debug, Clone)]
pub struct Answer<'a> {
    pub best: Hit<'a>,
    pub related: Vec<Hit<'a>>,
}

/// Every language's FAQ index.
pub struct KnowledgeBase {
    indexes: HashMap<LangTag, Arc<LanguageIndex>>,
    thresholds: Thresholds,
}

impl KnowledgeBase {
    /// Indexes each language's documents.
    pub fn build(sources: Vec<Source>, thresholds: Thresholds) -> tantivy::Result<KnowledgeBase> {
        KnowledgeBase::build_after(sources, thresholds, None)
    }

    /// Indexes each language's documents, keeping `previous`'s index of any
    /// language whose files have not changed since (the same fingerprint):
    /// a reload after one page changed rebuilds only that page's language.
    pub fn build_after(
        sources: Vec<Source>,
        thresholds: Thresholds,
        previous: Option<&KnowledgeBase>,
    ) -> tantivy::Result<KnowledgeBase> {
        let mut indexes = HashMap::new();
        for source in sources {
            let unchanged = previous
                .and_then(|previous| previous.indexes.get(&source.lang))
                .filter(|index| {
                    source
                        .fingerprint
                        .is_some_and(|f| index.fingerprint == Some(f))
                });
            let index = match unchanged {
                Some(index) => Arc::clone(index),
                None => Arc::new(LanguageIndex::build(
                    &source.lang,
                    source.documents,
                    &source.synonyms,
                    source.fingerprint,
                    source.file_hashes,
                )?),
            };
            indexes.insert(source.lang, index);
        }
        Ok(KnowledgeBase {
            indexes,
            thresholds,
        })
    }

    /// Whether `lang`'s index is the very one `other` has: a reload kept it.
    pub fn shares_index(&self, other: &KnowledgeBase, lang: &LangTag) -> bool {
        match (self.indexes.get(lang), other.indexes.get(lang)) {
            (Some(mine), Some(theirs)) => Arc::ptr_eq(mine, theirs),
            _ => false,
        }
    }

    /// The languages with an index, in no particular order.
    pub fn languages(&self) -> impl Iterator<Item = &LangTag> {
        self.indexes.keys()
    }

    /// The documents of `lang` that parsed without a problem, by the hash of
    /// their file (see [`Source::file_hashes`]).
    pub fn parsed(&self, lang: &LangTag) -> HashMap<u64, &Document> {
        self.indexes
            .get(lang)
            .map(|index| {
                index
                    .file_hashes
                    .iter()
                    .zip(&index.documents)
                    .filter_map(|(hash, document)| hash.map(|hash| (hash, document)))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// A knowledge base with no documents: every question goes on to the fallback.
    pub fn empty() -> KnowledgeBase {
        KnowledgeBase {
            indexes: HashMap::new(),
            thresholds: Thresholds::default(),
        }
    }

    pub fn thresholds(&self) -> Thresholds {
        self.thresholds
    }

    /// The documents in `lang`'s index that best match `question`, written in
    /// `written_in`, best first.
    pub fn search(
        &self,
        lang: &LangTag,
        written_in: &LangTag,
        question: &str,
        limit: usize,
    ) -> Vec<Hit<'_>> {
        self.search_with(lang, written_in, question, limit, &self.thresholds)
    }

    fn search_with(
        &self,
        lang: &LangTag,
        written_in: &LangTag,
        question: &str,
        limit: usize,
        settings: &Thresholds,
    ) -> Vec<Hit<'_>> {
        let Some((lang, index)) = self.indexes.get_key_value(lang) else {
            return Vec::new();
        };
        let foreign = (written_in != lang)
            .then(|| self.indexes.get(written_in).map(Arc::as_ref))
            .flatten();
        index
            .search(question, limit, foreign, settings)
            .into_iter()
            .map(|scored| Hit {
                lang,
                document: &index.documents[scored.document],
                score: scored.score,
                coverage: scored.coverage,
                evidence: scored.evidence,
            })
            .collect()
    }

    /// The answer from the first of `langs` whose best document covers the
    /// question (written in `written_in`) well enough, with its close
    /// runners-up; `None` when no language's does (the question goes on to
    /// the fallback).
    pub fn answer(
        &self,
        langs: &[LangTag],
        written_in: &LangTag,
        question: &str,
    ) -> Option<Answer<'_>> {
        self.answer_with(langs, written_in, question, self.thresholds)
    }

    /// [`Self::answer`] with other thresholds, for tuning them.
    pub fn answer_with(
        &self,
        langs: &[LangTag],
        written_in: &LangTag,
        question: &str,
        limits: Thresholds,
    ) -> Option<Answer<'_>> {
        langs.iter().find_map(|lang| {
            let hits = self.search_with(lang, written_in, question, CANDIDATES, &limits);
            let best = *hits.first()?;
            if best.coverage < limits.min_coverage || best.evidence < limits.min_evidence {
                return None;
            }
            let related = hits[1..]
                .iter()
                .filter(|hit| {
                    hit.score >= best.score * limits.related_score
                        && hit.coverage >= limits.related_coverage
                })
                .take(limits.max_related)
                .copied()
                .collect();
            Some(Answer { best, related })
        })
    }

    /// How `question` is weighed in `lang`'s index: each word's weight and the
    /// terms searched for it (none when no document has the word).
    pub fn explain(
        &self,
        lang: &LangTag,
        written_in: &LangTag,
        question: &str,
    ) -> Vec<(f32, Vec<String>)> {
        let Some(index) = self.indexes.get(lang) else {
            return Vec::new();
        };
        let foreign = (written_in != lang)
            .then(|| self.indexes.get(written_in).map(Arc::as_ref))
            .flatten();
        index.explain(question, foreign, &self.thresholds)
    }

    /// The document `id` in `lang`, if it has been written in that language.
    pub fn document(&self, lang: &LangTag, id: &str) -> Option<&Document> {
        let index = self.indexes.get(lang)?;
        index
            .by_id
            .get(id)
            .map(|position| &index.documents[*position])
    }

    /// The first language of `chain` that has document `id`, with the document.
    pub fn translation<'a>(
        &'a self,
        chain: &'a [LangTag],
        id: &str,
    ) -> Option<(&'a LangTag, &'a Document)> {
        chain
            .iter()
            .find_map(|lang| self.document(lang, id).map(|document| (lang, document)))
    }

    /// How many documents `lang` has.
    pub fn len(&self, lang: &LangTag) -> usize {
        self.indexes.get(lang).map_or(0, |index| index.len())
    }

    /// The number of documents in every language.
    pub fn total(&self) -> usize {
        self.indexes.values().map(|index| index.len()).sum()
    }
}

#[cfg(test)]
mod tests;
