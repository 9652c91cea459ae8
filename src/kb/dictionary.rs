//! The term dictionary an FAQ index is built with: each distinct written
//! word analysed once, and each term numbered.

use rustc_hash::FxHashMap;

use crate::text::analysis::Analyzer;

/// The terms of one language's documents as they are indexed. Each distinct
/// written word is analysed once: documents repeat their words, and
/// stemming and folding are most of the cost of indexing.
#[derive(Default)]
pub(super) struct Dictionary {
    /// Term texts by id…
    pub(super) texts: Vec<String>,
    /// …and ids by text. Its keys and the memo's come from the council's
    /// pages, never from residents, so a keyed hash buys nothing here.
    pub(super) ids: FxHashMap<String, u32>,
    /// Each written word's term, if it has one.
    memo: FxHashMap<String, Option<u32>>,
    /// Written words with a term, in the order first met.
    pub(super) written: Vec<(String, u32)>,
}

impl Dictionary {
    /// Appends the term ids of `text`'s words to `ids`.
    pub(super) fn analyse(&mut self, analyzer: &Analyzer, text: &str, ids: &mut Vec<u32>) {
        crate::text::analysis::for_each_word(text, |written| {
            let id = match self.memo.get(written) {
                Some(id) => *id,
                None => {
                    let id = analyzer
                        .forms(written)
                        .into_iter()
                        .next()
                        .map(|term| self.intern(term));
                    if let Some(id) = id {
                        self.written.push((written.to_owned(), id));
                    }
                    self.memo.insert(written.to_owned(), id);
                    id
                }
            };
            ids.extend(id);
        });
    }

    fn intern(&mut self, term: String) -> u32 {
        if let Some(id) = self.ids.get(&term) {
            return *id;
        }
        let id = u32::try_from(self.texts.len()).unwrap_or(u32::MAX);
        self.texts.push(term.clone());
        self.ids.insert(term, id);
        id
    }
}
