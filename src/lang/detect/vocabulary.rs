//! Builds the detector's evidence: which languages use each word, which use
//! each character trigram, and the groups of languages sharing a script.

use std::collections::{HashMap, HashSet};

use whatlang::{Lang, Script};

use super::tables::whatlang_for_tag;
use super::{LangIndex, MessageWord};
use crate::lang::LangTag;

include!(concat!(env!("OUT_DIR"), "/lexicons.rs"));

const LOANWORDS: &str = include_str!("loanwords.txt");

/// Scripts that several languages share, where word evidence is needed.
pub(super) const SHARED_SCRIPTS: &[Script] = &[
    Script::Latin,
    Script::Arabic,
    Script::Cyrillic,
    Script::Devanagari,
    Script::Ethiopic,
];

/// A language the detector can name.
pub(super) struct Known {
    pub tag: LangTag,
    pub script: Option<Script>,
    pub whatlang: Option<Lang>,
    pub council: bool,
}

/// The languages sharing one script, and a whatlang restricted to them.
pub(super) struct ScriptGroup {
    pub script: Script,
    pub members: Vec<LangIndex>,
    pub whatlang: whatlang::Detector,
}

/// Everything the detector looks words and trigrams up in.
pub(super) struct Vocabulary {
    pub known: Vec<Known>,
    /// Folded word to the languages whose vocabulary has it.
    pub words: HashMap<Box<str>, Vec<LangIndex>>,
    /// Packed trigram of a lowercased word (with boundary spaces) to its languages.
    pub trigrams: HashMap<u64, Vec<LangIndex>>,
    pub loanwords: HashSet<Box<str>>,
    pub groups: Vec<ScriptGroup>,
}

/// Accumulates vocabulary language by language, then groups languages by script.
#[derive(Default)]
pub(super) struct Builder {
    known: Vec<Known>,
    by_tag: HashMap<LangTag, LangIndex>,
    words: HashMap<Box<str>, Vec<LangIndex>>,
    trigrams: HashMap<u64, Vec<LangIndex>>,
    script_counts: HashMap<LangIndex, HashMap<Script, usize>>,
}

impl Builder {
    /// Starts from the seed lexicons shipped with councilbot.
    pub(super) fn with_seed_lexicons() -> Builder {
        let mut builder = Builder::default();
        for (code, text) in SEED_LEXICONS {
            let Ok(tag) = LangTag::parse(code) else {
                continue;
            };
            let index = builder.language(&tag);
            for line in text.lines().filter(|line| !line.starts_with('#')) {
                builder.add_text(index, line);
            }
        }
        builder
    }

    pub(super) fn language(&mut self, tag: &LangTag) -> LangIndex {
        if let Some(index) = self.by_tag.get(tag) {
            return *index;
        }
        let index = LangIndex::try_from(self.known.len()).unwrap_or(LangIndex::MAX);
        let whatlang = whatlang_for_tag(tag);
        self.known.push(Known {
            tag: tag.clone(),
            script: None,
            whatlang,
            council: false,
        });
        self.by_tag.insert(tag.clone(), index);
        index
    }

    pub(super) fn mark_council(&mut self, index: LangIndex) {
        self.known[usize::from(index)].council = true;
    }

    /// Adds every word of `text` to the language's vocabulary.
    pub(super) fn add_text(&mut self, index: LangIndex, text: &str) {
        for word in super::message_words(text) {
            if let Some(script) = word.script {
                *self
                    .script_counts
                    .entry(index)
                    .or_default()
                    .entry(script)
                    .or_default() += 1;
            }
            add_language(
                self.words.entry(word.folded.as_str().into()).or_default(),
                index,
            );
            for trigram in trigrams(&word) {
                add_language(self.trigrams.entry(trigram).or_default(), index);
            }
        }
    }

    pub(super) fn finish(mut self) -> Vocabulary {
        for (index, counts) in &self.script_counts {
            let script = counts
                .iter()
                .max_by_key(|(_, count)| **count)
                .map(|(script, _)| *script);
            self.known[usize::from(*index)].script = script;
        }
        let mut groups = Vec::new();
        for script in SHARED_SCRIPTS {
            let members: Vec<LangIndex> = (0..self.known.len())
                .filter(|i| self.known[*i].script == Some(*script))
                .filter_map(|i| LangIndex::try_from(i).ok())
                .collect();
            if members.is_empty() {
                continue;
            }
            let allow: Vec<Lang> = members
                .iter()
                .filter_map(|m| self.known[usize::from(*m)].whatlang)
                .collect();
            let whatlang = whatlang::Detector::with_allowlist(allow);
            groups.push(ScriptGroup {
                script: *script,
                members,
                whatlang,
            });
        }
        let loanwords = LOANWORDS
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .map(|line| line.trim().into())
            .collect();
        Vocabulary {
            known: self.known,
            words: self.words,
            trigrams: self.trigrams,
            loanwords,
            groups,
        }
    }
}

fn add_language(languages: &mut Vec<LangIndex>, index: LangIndex) {
    if !languages.contains(&index) {
        languages.push(index);
    }
}

/// The character trigrams of a word padded with a space at each end, packed
/// into one integer each (a char fits in 21 bits).
pub(super) fn trigrams(word: &MessageWord) -> impl Iterator<Item = u64> + '_ {
    let padded: Vec<char> = std::iter::once(' ')
        .chain(word.lower.chars())
        .chain(std::iter::once(' '))
        .collect();
    (0..padded.len().saturating_sub(2)).map(move |i| {
        (u64::from(u32::from(padded[i])) << 42)
            | (u64::from(u32::from(padded[i + 1])) << 21)
            | u64::from(u32::from(padded[i + 2]))
    })
}
