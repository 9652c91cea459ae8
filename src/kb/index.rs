//! One language's FAQ index: tantivy (BM25 over title, tags, summary and body,
//! each analysed by councilbot's analyser for the language) for ranking, and a
//! small term dictionary of our own for typo correction, synonyms, and the
//! coverage that decides whether the best document really answers.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use rustc_hash::FxHashMap;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::{DocAddress, Index, IndexReader, ReloadPolicy, TantivyDocument, Term};

use super::Thresholds;
use super::dictionary::Dictionary;
use super::document::Document;
use super::spelling::{Slip, Spelling, is_abjad, surface};
use crate::lang::LangTag;
use crate::text::analysis::Analyzer;

/// Tantivy's writer arena; the smallest it accepts is enough for in-memory FAQs.
const WRITER_MEMORY: usize = 15_000_000;
/// Field boosts: a word in the title says more than one in the body.
const BOOSTS: [(&str, f32); 4] = [
    ("title", 2.5),
    ("tags", 2.0),
    ("summary", 1.5),
    ("body", 1.0),
];
/// Weight of an everyday word no document has ("never", "please").
const EVERYDAY_WEIGHT: f32 = 0.1;
/// Words shorter than this are corrected only for swapped letters: too many
/// short words are one letter from another ("real" and "read").
const TYPO_MIN_LENGTH: usize = 5;
/// The shortest typed word that is corrected at all.
const SWAP_MIN_LENGTH: usize = 4;
/// The shortest typed word taken for a slip of a common word ("wat").
const COMMON_SLIP_MIN_LENGTH: usize = 3;
/// What a corrected typo is worth against the word itself.
const TYPO_WEIGHT: f32 = 0.8;

/// A ranked document and how much of the question it covers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Scored {
    pub document: usize,
    /// Tantivy's BM25 score (field-boosted).
    pub score: f32,
    /// Share of the question's informative words the document contains (0–1).
    pub coverage: f32,
    /// The summed weight of the question's words the document contains, in
    /// words only one document has: 2.0 is as much as two such words.
    pub evidence: f32,
}

/// Conjunctions (و، ف), prepositions (ب، ل، ك) and the article (ال) as
/// Arabic writes them onto the next word, longest first.
const ARABIC_PROCLITICS: &[&str] = &[
    "وبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "وب", "ول", "وك", "فب", "فل", "لل", "ال",
    "و", "ف", "ب", "ل", "ك",
];

/// The payload of a common word no document has, or a stop word.
const NOT_IN_DOCUMENTS: u32 = u32::MAX;

/// What an unknown word of a question was probably meant to be.
enum Correction {
    /// A document's term.
    Term(u32),
    /// A stop word or an everyday word that says little.
    Common,
    None,
}

/// A word of the question: the terms (or phrases, via synonyms) that stand for it.
struct Item {
    alternatives: Vec<Vec<u32>>,
    weight: f32,
}

pub(super) struct LanguageIndex {
    pub documents: Vec<Document>,
    /// What the index was built from (see `Source::fingerprint`).
    pub fingerprint: Option<u64>,
    /// Each document's file hash, if it parsed cleanly (see `Source::file_hashes`).
    pub file_hashes: Vec<Option<u64>>,
    pub by_id: HashMap<String, usize>,
    analyzer: Arc<Analyzer>,
    reader: IndexReader,
    fields: Vec<(Field, f32)>,
    terms: FxHashMap<String, u32>,
    term_texts: Vec<String>,
    df: Vec<u32>,
    /// Written words of the documents and their terms, for typos.
    spelling: Spelling,
    /// The language's stop words and everyday words as written, so that a
    /// slip on one ("wat", "yuo") is not taken for a word no document has.
    common: Spelling,
    /// Each document's terms, sorted, for coverage.
    document_terms: Vec<Vec<u32>>,
    /// Each document's terms in its title, tags and summary, sorted: what
    /// the document is about, not what it mentions in passing.
    head_terms: Vec<Vec<u32>>,
    /// The language's everyday words, as terms.
    everyday: HashSet<String>,
    /// Synonym groups: each phrase as its terms.
    synonyms: Vec<Vec<Vec<String>>>,
    /// Whether questions are Arabic, whose words carry proclitics.
    arabic: bool,
}

impl LanguageIndex {
    pub(super) fn build(
        lang: &LangTag,
        documents: Vec<Document>,
        synonyms: &[Vec<String>],
        fingerprint: Option<u64>,
        mut file_hashes: Vec<Option<u64>>,
    ) -> tantivy::Result<LanguageIndex> {
        file_hashes.resize(documents.len(), None);
        let analyzer = Arc::new(Analyzer::for_language(lang));
        let mut schema = Schema::builder();
        // Fields get their terms ready-made, separated by spaces: each field
        // is analysed once, here, and the same terms make our own dictionary.
        let text = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("whitespace")
                .set_index_option(IndexRecordOption::WithFreqs),
        );
        let fields: Vec<(Field, f32)> = BOOSTS
            .iter()
            .map(|(name, boost)| (schema.add_text_field(name, text.clone()), *boost))
            .collect();
        let ord = schema.add_u64_field("ord", NumericOptions::default().set_fast());
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads::<TantivyDocument>(1, WRITER_MEMORY)?;
        let mut dictionary = Dictionary::default();
        let mut analysed = Vec::with_capacity(documents.len());
        for (position, document) in documents.iter().enumerate() {
            let tags = document.tags.join(" ; ");
            let texts = [
                document.title.as_str(),
                tags.as_str(),
                document.summary.as_deref().unwrap_or_default(),
                document.body.as_str(),
            ];
            let mut doc = TantivyDocument::default();
            let mut ids = Vec::new();
            let mut head_length = 0;
            for ((field, _), text) in fields.iter().zip(texts) {
                head_length = ids.len();
                let before = ids.len();
                dictionary.analyse(&analyzer, text, &mut ids);
                let mut joined = String::new();
                for id in &ids[before..] {
                    if !joined.is_empty() {
                        joined.push(' ');
                    }
                    joined.push_str(&dictionary.texts[*id as usize]);
                }
                doc.add_text(*field, joined);
            }
            doc.add_u64(ord, position as u64);
            writer.add_document(doc)?;
            analysed.push((ids, head_length));
        }
        writer.commit()?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let mut built = LanguageIndex {
            by_id: documents
                .iter()
                .enumerate()
                .map(|(i, d)| (d.id.clone(), i))
                .collect(),
            documents,
            fingerprint,
            file_hashes,
            analyzer,
            reader,
            fields,
            terms: FxHashMap::default(),
            term_texts: Vec::new(),
            df: Vec::new(),
            spelling: Spelling::default(),
            common: Spelling::default(),
            document_terms: Vec::new(),
            head_terms: Vec::new(),
            everyday: HashSet::new(),
            synonyms: Vec::new(),
            arabic: lang.primary() == "ar",
        };
        built.index_terms(dictionary, analysed);
        built.index_common_words(lang);
        built.synonyms = synonyms
            .iter()
            .map(|group| {
                group
                    .iter()
                    .map(|phrase| built.phrase_terms(phrase))
                    .collect()
            })
            .collect();
        Ok(built)
    }

    /// The language's everyday words as terms, and its stop words and
    /// everyday words as written, for slips on them.
    fn index_common_words(&mut self, lang: &LangTag) {
        let everyday = crate::lang::everyday_words(lang);
        self.everyday = everyday
            .iter()
            .flat_map(|word| self.analyzer.terms(word))
            .collect();
        // Stop words first: a slip on one weighs as little as an everyday
        // word, even when documents have the word it is one slip from.
        for word in stop_words(lang) {
            self.common.insert(surface(word), NOT_IN_DOCUMENTS);
        }
        for word in everyday {
            let term = self.analyzer.term(&word.replace('\'', ""));
            let id = self.terms.get(&term).copied().unwrap_or(NOT_IN_DOCUMENTS);
            self.common.insert(surface(word), id);
        }
    }

    /// A synonym phrase as the terms a question is matched on: its stop
    /// words dropped, as they are from questions ("the tip" is "tip").
    fn phrase_terms(&self, phrase: &str) -> Vec<String> {
        let terms = self.analyzer.terms(phrase);
        let content: Vec<String> = terms
            .iter()
            .filter(|term| !self.analyzer.is_stop_word(term))
            .cloned()
            .collect();
        if content.is_empty() { terms } else { content }
    }

    /// The term dictionary, document frequencies, typo index and each
    /// document's term set, from each document's term ids.
    fn index_terms(&mut self, dictionary: Dictionary, analysed: Vec<(Vec<u32>, usize)>) {
        self.df = vec![0; dictionary.texts.len()];
        for (mut ids, head_length) in analysed {
            let mut head = ids[..head_length].to_vec();
            head.sort_unstable();
            head.dedup();
            self.head_terms.push(head);
            ids.sort_unstable();
            ids.dedup();
            for id in &ids {
                self.df[*id as usize] += 1;
            }
            self.document_terms.push(ids);
        }
        // Typos are corrected on written words, not terms: a stemmer makes
        // no sense of "recyclng", but it is one letter from "recycling". A
        // surface keeps the term of the first word written that way.
        let mut surfaces: HashMap<String, u32> = HashMap::new();
        for (written, id) in dictionary.written {
            surfaces.entry(surface(&written)).or_insert(id);
        }
        for (written, term) in surfaces {
            if written.chars().count() >= SWAP_MIN_LENGTH {
                self.spelling.insert(written, term);
            }
        }
        self.terms = dictionary.ids;
        self.term_texts = dictionary.texts;
    }

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
    pub(super) fn explain(
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
    pub(super) fn knows(&self, word: &str) -> bool {
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
    pub(super) fn search(
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

    /// The number of documents, for diagnostics.
    pub(super) fn len(&self) -> usize {
        self.documents.len()
    }
}

include!(concat!(env!("OUT_DIR"), "/stopwords.rs"));

/// `lang`'s stop words as written in `src/text/stopwords/`.
fn stop_words(lang: &LangTag) -> impl Iterator<Item = &'static str> {
    STOP_WORDS
        .iter()
        .filter(move |(code, _)| *code == lang.primary())
        .flat_map(|(_, text)| text.lines())
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}
