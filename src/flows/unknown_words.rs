//! What the matcher found for words the intents' examples do not use, kept as
//! messages bring them.
//!
//! A word no example uses is analysed (stemmed, Welsh radicals undone), then
//! looked up as a typo and as a prefix of the examples' terms: most of what
//! ranking a message costs. Residents use the same few thousand words again
//! and again, so what a word came to is kept, per language index, and the
//! next message with it looks it up instead.
//!
//! The words come from residents, so the table is bounded: it holds at most
//! [`KEPT`] words of at most [`LONGEST`] bytes, and starts again empty when
//! full (the words residents use most come back first). Its hash is keyed per
//! process, so no message can be written to make the lookups slow.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

/// Words kept per language index: a few MB at most (each word takes about
/// 100 bytes, and 8 more for each term it may stand for).
const KEPT: usize = 20_000;
/// Longer words are analysed every time (they are rare, and would cost the
/// most to keep).
const LONGEST: usize = 32;

pub(super) struct UnknownWords<V> {
    words: Mutex<HashMap<Box<str>, V>>,
}

impl<V> Default for UnknownWords<V> {
    fn default() -> Self {
        UnknownWords {
            words: Mutex::new(HashMap::new()),
        }
    }
}

impl<V: Clone> UnknownWords<V> {
    /// What `word` came to the last time, or what `find` finds now (kept
    /// for next time).
    pub(super) fn get_or_find(&self, word: &str, find: impl FnOnce() -> V) -> V {
        if word.len() > LONGEST {
            return find();
        }
        if let Some(found) = self.lock().get(word) {
            return found.clone();
        }
        // Found outside the lock: the other sessions' lookups do not wait
        // for it. Two finding the same word at once find the same.
        let found = find();
        let mut words = self.lock();
        if words.len() >= KEPT {
            words.clear();
        }
        words.insert(word.into(), found.clone());
        found
    }

    /// Forgets every word.
    #[cfg(test)]
    pub(super) fn clear(&self) {
        self.lock().clear();
    }

    /// Words kept now.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.lock().len()
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<Box<str>, V>> {
        // A panic elsewhere cannot leave the table half-written: it holds
        // only finished entries.
        self.words.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    fn one(term: u32) -> Arc<[(u32, f32)]> {
        Arc::from(vec![(term, 1.0)])
    }

    #[test]
    fn a_word_is_found_once_then_kept() {
        let table: UnknownWords<Arc<[(u32, f32)]>> = UnknownWords::default();
        let mut finds = 0;
        for _ in 0..3 {
            let found = table.get_or_find("bins", || {
                finds += 1;
                one(7)
            });
            assert_eq!(&found[..], &[(7, 1.0)]);
        }
        assert_eq!(finds, 1);
    }

    #[test]
    fn the_table_never_holds_more_than_its_bound() {
        let table: UnknownWords<Arc<[(u32, f32)]>> = UnknownWords::default();
        for n in 0..KEPT * 2 + 5 {
            table.get_or_find(&format!("w{n}"), || one(1));
            assert!(table.len() <= KEPT);
        }
        assert!(table.len() > 0);
    }

    #[test]
    fn long_words_are_never_kept() {
        let table: UnknownWords<Arc<[(u32, f32)]>> = UnknownWords::default();
        let long = "a".repeat(LONGEST + 1);
        let mut finds = 0;
        for _ in 0..2 {
            table.get_or_find(&long, || {
                finds += 1;
                one(2)
            });
        }
        assert_eq!((finds, table.len()), (2, 0));
    }
}
