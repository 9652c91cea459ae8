//! The question side of a language's FAQ index: a question turned into
//! weighted items (known terms, corrected typos, synonyms), the tantivy
//! query made of them, and the search that scores documents by them.

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Term};

use super::*;

impl LanguageIndex {
    /// The weight of a word only one document has.
    fn rarest(&self) -> f32 {
        (self.documents.len() as f32 + 1.0).ln().max(f32::EPSILON)
    }

    fn idf(&self, term: u32) -> f32 {
        ((self.documents.len() as f32 + 1.0) / self.df[term as usize].max(1) as f32).ln()
    }

    /// The question as weighted items: known terms, corrected typos, Welsh
    /// radicals, synonym phrases. A word no document has weighs against
    /// coverage, unless it is an everyday word of the language ("never",
    /// "please") or, when `foreign` is the index of the language the question
    /// was written in, a word of that language: a Welsh question searched in
    /// the English index is judged on the words English could know.
    fn items(
        &self,
        question: &str,
        foreign: Option<&LanguageIndex>,
        settings: &Thresholds,
    ) -> Vec<Item> {
        let unknown = (self.documents.len() as f32 + 1.0).ln() * settings.unknown_weight;
        let mut words = Vec::new();
        let mut items = Vec::new();
        for (word, mut forms) in self.analyzer.analyse(question) {
            if self.arabic && !self.recognises(&forms) {
                forms = self.without_proclitics(&word).unwrap_or(forms);
            }
            let stop = self.analyzer.is_stop_word(&forms[0])
                || (word.contains('\'')
                    && forms.iter().any(|form| self.analyzer.is_stop_word(form)));
            if stop {
                continue;
            }
            if let Some(item) = self.item(&word, &forms, foreign, unknown) {
                words.push(forms);
                items.push(item);
            }
        }
        self.expand_synonyms(&words, &mut items);
        items
    }

    /// One word of the question as an item, or `None` when it is a word of
    /// the language the question was written in that this index lacks.
    fn item(
        &self,
        word: &str,
        forms: &[String],
        foreign: Option<&LanguageIndex>,
        unknown: f32,
    ) -> Option<Item> {
        let known: Vec<u32> = forms
            .iter()
            .filter_map(|form| self.terms.get(form).copied())
            .collect();
        if !known.is_empty() {
            let weight = known.iter().map(|id| self.idf(*id)).fold(0.0, f32::max);
            return Some(Item {
                alternatives: known.into_iter().map(|id| vec![id]).collect(),
                weight,
            });
        }
        if foreign.is_some_and(|foreign| foreign.knows(word)) {
            return None;
        }
        let everyday = Item {
            alternatives: Vec::new(),
            weight: EVERYDAY_WEIGHT,
        };
        if forms.iter().any(|form| self.everyday.contains(form)) {
            return Some(everyday);
        }
        Some(match self.correct(word) {
            Correction::Term(id) => Item {
                alternatives: vec![vec![id]],
                weight: self.idf(id) * TYPO_WEIGHT,
            },
            Correction::Common => everyday,
            Correction::None => Item {
                alternatives: Vec::new(),
                weight: unknown,
            },
        })
    }

    /// Whether any of a word's forms is a stop word, a document's term or
    /// an everyday word.
    fn recognises(&self, forms: &[String]) -> bool {
        forms.iter().any(|form| {
            self.analyzer.is_stop_word(form)
                || self.terms.contains_key(form)
                || self.everyday.contains(form)
        })
    }

    /// An Arabic word's forms once the conjunctions, prepositions and article
    /// written onto it are taken off ("واولادي", "لتسجيل"), when that makes
    /// it a word this index recognises. The stemmer takes off only some of
    /// them, and only from long enough words.
    fn without_proclitics(&self, word: &str) -> Option<Vec<String>> {
        ARABIC_PROCLITICS
            .iter()
            .filter_map(|proclitic| word.strip_prefix(proclitic))
            .filter(|rest| rest.chars().count() >= 2)
            .map(|rest| vec![self.analyzer.term(rest)])
            .find(|forms| self.recognises(forms))
    }

    /// Each word of the question with its weight and the terms that stand for
    /// it, for tuning and for editors asking why an answer was (not) given.
    pub(in crate::kb) fn explain(
        &self,
        question: &str,
        foreign: Option<&LanguageIndex>,
        settings: &Thresholds,
    ) -> Vec<(f32, Vec<String>)> {
        self.items(question, foreign, settings)
            .into_iter()
            .map(|item| {
                let terms = item
                    .alternatives
                    .iter()
                    .map(|alternative| {
                        alternative
                            .iter()
                            .map(|id| self.term_texts[*id as usize].as_str())
                            .collect::<Vec<_>>()
                            .join("+")
                    })
                    .collect();
                (item.weight, terms)
            })
            .collect()
    }

    /// Whether `word` is one of this language's: in a document or everyday.
    pub(in crate::kb) fn knows(&self, word: &str) -> bool {
        self.analyzer
            .alternatives(word)
            .iter()
            .flatten()
            .any(|form| self.terms.contains_key(form) || self.everyday.contains(form))
    }

    /// What an unknown written word was probably meant to be: a slip on a
    /// stop word or an everyday word first ("wat", "yuo"), since short
    /// common words are the ones typed in a hurry, else the best-known
    /// document word one slip away.
    fn correct(&self, written: &str) -> Correction {
        let word = surface(written);
        if is_abjad(&word) {
            return Correction::None;
        }
        let mut meant = self.common.near(&word, |slip, length| match slip {
            Slip::Edit => length >= TYPO_MIN_LENGTH,
            Slip::Omission | Slip::Swap => length >= COMMON_SLIP_MIN_LENGTH,
        });
        if meant.contains(&NOT_IN_DOCUMENTS) {
            return Correction::Common;
        }
        if meant.is_empty() {
            meant = self.spelling.near(&word, |slip, length| {
                length >= TYPO_MIN_LENGTH || (slip == Slip::Swap && length >= SWAP_MIN_LENGTH)
            });
        }
        meant
            .into_iter()
            .max_by_key(|id| self.df[*id as usize])
            .map_or(Correction::None, Correction::Term)
    }

    /// Where a synonym phrase appears in the question, its words may also be
    /// found as any other phrase of its group.
    fn expand_synonyms(&self, words: &[Vec<String>], items: &mut [Item]) {
        let primary: Vec<&str> = words.iter().map(|forms| forms[0].as_str()).collect();
        for group in &self.synonyms {
            for (index, phrase) in group.iter().enumerate() {
                if phrase.is_empty() {
                    continue;
                }
                let Some(start) = primary
                    .windows(phrase.len())
                    .position(|window| window.iter().zip(phrase).all(|(w, p)| w == p))
                else {
                    continue;
                };
                for (other_index, other) in group.iter().enumerate() {
                    let Some(ids) = (other_index != index)
                        .then(|| {
                            other
                                .iter()
                                .map(|t| self.terms.get(t).copied())
                                .collect::<Option<Vec<u32>>>()
                        })
                        .flatten()
                    else {
                        continue;
                    };
                    for item in &mut items[start..start + phrase.len()] {
                        if item.alternatives.is_empty() {
                            item.weight = ids.iter().map(|id| self.idf(*id)).fold(0.0, f32::max);
                        }
                        item.alternatives.push(ids.clone());
                    }
                }
            }
        }
    }

    /// The best documents for `question`, with their coverage, best first:
    /// BM25 ranks the candidates, and coverage (to the power
    /// `settings.rank_coverage`) reorders them.
    pub(in crate::kb) fn search(
        &self,
        question: &str,
        limit: usize,
        foreign: Option<&LanguageIndex>,
        settings: &Thresholds,
    ) -> Vec<Scored> {
        let items = self.items(question, foreign, settings);
        let total: f32 = items.iter().map(|item| item.weight).sum();
        if total <= 0.0 || items.iter().all(|item| item.alternatives.is_empty()) {
            return Vec::new();
        }
        let query = self.query(&items);
        let searcher = self.reader.searcher();
        let Ok(top) = searcher.search(&query, &TopDocs::with_limit(limit).order_by_score()) else {
            return Vec::new();
        };
        let mut found: Vec<Scored> = top
            .into_iter()
            .filter_map(|(score, address)| {
                let document = self.ord_of(&searcher, address)?;
                let terms = &self.document_terms[document];
                let head = &self.head_terms[document];
                let has = |terms: &[u32], item: &Item| {
                    item.alternatives
                        .iter()
                        .any(|alt| alt.iter().all(|t| terms.binary_search(t).is_ok()))
                };
                let covered: f32 = items
                    .iter()
                    .map(|item| {
                        if has(head, item) {
                            item.weight
                        } else if has(terms, item) {
                            item.weight * settings.body_share
                        } else {
                            0.0
                        }
                    })
                    .sum();
                Some(Scored {
                    document,
                    score,
                    coverage: covered / total,
                    evidence: covered / self.rarest(),
                })
            })
            .collect();
        let rank = |scored: &Scored| scored.score * scored.coverage.powf(settings.rank_coverage);
        found.sort_by(|a, b| rank(b).total_cmp(&rank(a)));
        found
    }

    fn query(&self, items: &[Item]) -> BooleanQuery {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for item in items {
            for alternative in &item.alternatives {
                for (field, boost) in &self.fields {
                    let terms: Vec<(Occur, Box<dyn Query>)> = alternative
                        .iter()
                        .map(|id| {
                            let term =
                                Term::from_field_text(*field, &self.term_texts[*id as usize]);
                            (
                                Occur::Must,
                                Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
                                    as Box<dyn Query>,
                            )
                        })
                        .collect();
                    let clause: Box<dyn Query> = if terms.len() == 1 {
                        terms
                            .into_iter()
                            .next()
                            .map(|(_, q)| q)
                            .unwrap_or_else(|| Box::new(BooleanQuery::new(Vec::new())))
                    } else {
                        Box::new(BooleanQuery::new(terms))
                    };
                    clauses.push((Occur::Should, Box::new(BoostQuery::new(clause, *boost))));
                }
            }
        }
        BooleanQuery::new(clauses)
    }

    fn ord_of(&self, searcher: &tantivy::Searcher, address: DocAddress) -> Option<usize> {
        let column = searcher
            .segment_reader(address.segment_ord)
            .fast_fields()
            .u64("ord")
            .ok()?;
        column
            .first(address.doc_id)
            .and_then(|ord| usize::try_from(ord).ok())
    }
}
