//! Typo correction for the FAQ search: the written words of the documents,
//! and which of them a word typed with one slip (a letter missing, added or
//! wrong, or two letters swapped) was meant to be.

use std::collections::HashMap;

use crate::text::{for_each_one_deletion, one_deletions};

/// Whether a word is in a script that leaves out vowels, where one letter
/// more or less is usually another word, not a slip.
pub(super) fn is_abjad(word: &str) -> bool {
    word.chars()
        .any(|c| matches!(c, '\u{0590}'..='\u{06ff}' | '\u{0750}'..='\u{077f}'))
}

/// A written word as typo correction compares it: folded, no apostrophes.
pub(super) fn surface(written: &str) -> String {
    crate::text::fold(&written.replace('\'', "")).replace(' ', "")
}

/// Written words and their payloads, for finding the word a typo was meant
/// to be. Each word is also stored with each one of its letters deleted, so
/// a lookup costs a few hash probes however many words there are.
#[derive(Default)]
pub(super) struct Spelling {
    words: Vec<(String, u32)>,
    known: HashMap<String, u32>,
    deletions: HashMap<String, Vec<u32>>,
}

impl Spelling {
    /// Adds `written` (already in [`surface`] form) unless it is there already.
    pub(super) fn insert(&mut self, written: String, payload: u32) {
        if self.known.contains_key(&written) {
            return;
        }
        let position = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
        for variant in one_deletions(&written) {
            self.deletions.entry(variant).or_default().push(position);
        }
        self.known.insert(written.clone(), position);
        self.words.push((written, payload));
    }

    /// The payloads of the words one typing slip from `word`, among the
    /// slips `allowed` accepts between words of at least the given length.
    pub(super) fn near(&self, word: &str, allowed: impl Fn(Slip, usize) -> bool) -> Vec<u32> {
        let mut positions: Vec<u32> = Vec::new();
        positions.extend(self.deletions.get(word).into_iter().flatten());
        for_each_one_deletion(word, |variant| {
            positions.extend(self.known.get(variant));
            positions.extend(self.deletions.get(variant).into_iter().flatten());
        });
        positions.sort_unstable();
        positions.dedup();
        positions
            .into_iter()
            .map(|position| &self.words[position as usize])
            .filter(|(candidate, _)| {
                let shorter = word.chars().count().min(candidate.chars().count());
                one_slip(word, candidate).is_some_and(|slip| allowed(slip, shorter))
            })
            .map(|(_, payload)| *payload)
            .collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Slip {
    /// A letter left out ("wat" for "what").
    Omission,
    /// A letter too many, or the wrong letter.
    Edit,
    /// Two neighbouring letters swapped ("lsit" for "list").
    Swap,
}

/// How `typed` differs from `meant` when it is by exactly one slip.
fn one_slip(typed: &str, meant: &str) -> Option<Slip> {
    let typed: Vec<char> = typed.chars().collect();
    let meant: Vec<char> = meant.chars().collect();
    let prefix = typed.iter().zip(&meant).take_while(|(a, b)| a == b).count();
    let suffix = typed[prefix..]
        .iter()
        .rev()
        .zip(meant[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let typed_rest = &typed[prefix..typed.len() - suffix];
    let meant_rest = &meant[prefix..meant.len() - suffix];
    match (typed_rest, meant_rest) {
        ([], []) => None,
        ([], [_]) => Some(Slip::Omission),
        ([_], []) | ([_], [_]) => Some(Slip::Edit),
        ([a, b], [c, d]) if a == d && b == c => Some(Slip::Swap),
        _ => None,
    }
}
