//! One language's FAQ index: tantivy (BM25 over title, tags, summary and body,
//! each analysed by councilbot's analyser for the language) for ranking, and a
//! small term dictionary of our own for typo correction, synonyms, and the
//! coverage that decides whether the best document really answers.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use rustc_hash::FxHashMap;
use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyDocument};

use super::Thresholds;
use super::dictionary::Dictionary;
use super::document::Document;
use super::spelling::{Slip, Spelling, is_abjad, surface};
use crate::lang::LangTag;
use crate::text::analysis::Analyzer;

mod question;

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
