//! Builds the detector's evidence: which languages use each word, which use
//! each character trigram, and the groups of languages sharing a script.

use std::collections::{HashMap, HashSet};

use rustc_hash::FxHashMap;
use whatlang::{Lang, Script};

use super::tables::whatlang_for_tag;
use super::{LangIndex, MessageWord};
use crate::lang::LangTag;

include!(concat!(env!("OUT_DIR"), "/lexicons.rs"));

/// The seed lexicon's words for `tag`'s language (its everyday function
/// words: pronouns, articles, question words), empty if it has none.
pub fn seed_words(tag: &LangTag) -> Vec<&'static str> {
    SEED_LEXICONS
        .iter()
        .filter(|(code, _)| {
            LangTag::parse(code).is_ok_and(|lexicon| lexicon.primary() == tag.primary())
        })
        .flat_map(|(_, text)| text.lines())
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
}

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

/// A member's place in its script group.
pub(super) type Position = u8;

/// The languages sharing one script, with their evidence indexed by position in
/// the group, so scoring a message allocates nothing but its tally.
pub(super) struct ScriptGroup {
    pub script: Script,
    pub members: Vec<LangIndex>,
    pub whatlang: whatlang::Detector,
    /// Each whatlang language in the group and its position.
    pub whatlang_positions: Vec<(Lang, Position)>,
    /// Positions of the council's languages.
    pub council: Vec<Position>,
    /// Folded word to the members whose vocabulary has it.
    pub words: FxHashMap<Box<str>, WordEvidence>,
    /// Packed trigram to its weight and the members whose vocabulary has it.
    pub trigrams: FxHashMap<u64, TrigramEvidence>,
    /// Weight of a trigram no member has; it still counts in a message's total.
    pub unseen_trigram_weight: f32,
}

pub(super) struct WordEvidence {
    /// An English council noun residents borrow into other languages.
    pub loanword: bool,
    pub positions: Box<[Position]>,
}

pub(super) struct TrigramEvidence {
    /// Higher for trigrams few of the group's languages share.
    pub weight: f32,
    pub positions: Box<[Position]>,
}

/// Everything the detector looks words and trigrams up in.
pub(super) struct Vocabulary {
    pub known: Vec<Known>,
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
    /// The seed lexicons' words, for telling loanwords in content.
    seed_words: HashMap<Box<str>, Vec<LangIndex>>,
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
        builder.seed_words = builder.words.clone();
        builder
    }

    /// Adds the council's text in a language, leaving out loanwords: words
    /// another language's seed lexicon has and this one's does not ("help" and
    /// "bin" in Welsh messages are English).
    pub(super) fn add_content(&mut self, index: LangIndex, text: &str) {
        let kept: Vec<String> = super::message_words(text)
            .into_iter()
            .filter(|word| match self.seed_words.get(word.folded()) {
                Some(langs) => langs.contains(&index),
                None => true,
            })
            .map(|word| word.lower)
            .collect();
        self.add_text(index, &kept.join(" "));
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
            add_language(self.words.entry(word.folded().into()).or_default(), index);
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
        let loanwords: HashSet<&str> = LOANWORDS
            .lines()
            .map(str::trim)
            .filter(|line| !line.starts_with('#') && !line.is_empty())
            .collect();
        let groups = SHARED_SCRIPTS
            .iter()
            .filter_map(|script| self.group(*script, &loanwords))
            .collect();
        Vocabulary {
            known: self.known,
            groups,
        }
    }

    /// Indexes the evidence of the languages written in `script`.
    fn group(&self, script: Script, loanwords: &HashSet<&str>) -> Option<ScriptGroup> {
        let members: Vec<LangIndex> = (0..self.known.len())
            .filter(|i| self.known[*i].script == Some(script))
            .filter_map(|i| LangIndex::try_from(i).ok())
            .take(usize::from(Position::MAX))
            .collect();
        if members.is_empty() {
            return None;
        }
        let positions_of = |langs: &[LangIndex]| -> Box<[Position]> {
            members
                .iter()
                .enumerate()
                .filter(|(_, member)| langs.contains(member))
                .filter_map(|(position, _)| Position::try_from(position).ok())
                .collect()
        };
        let words = self
            .words
            .iter()
            .filter_map(|(word, langs)| {
                let positions = positions_of(langs);
                let loanword = loanwords.contains(&**word);
                (!positions.is_empty()).then(|| {
                    (
                        word.clone(),
                        WordEvidence {
                            loanword,
                            positions,
                        },
                    )
                })
            })
            .collect();
        let size = members.len() as f32;
        let weight = |sharing: usize| (1.0 + size / (1.0 + sharing as f32)).ln();
        let trigrams = self
            .trigrams
            .iter()
            .filter_map(|(trigram, langs)| {
                let positions = positions_of(langs);
                let evidence = TrigramEvidence {
                    weight: weight(positions.len()),
                    positions,
                };
                (!evidence.positions.is_empty()).then_some((*trigram, evidence))
            })
            .collect();
        let position = |member: &LangIndex| {
            members
                .iter()
                .position(|m| m == member)
                .and_then(|p| Position::try_from(p).ok())
        };
        let whatlang_positions: Vec<(Lang, Position)> = members
            .iter()
            .filter_map(|m| Some((self.known[usize::from(*m)].whatlang?, position(m)?)))
            .collect();
        let council = members
            .iter()
            .filter(|m| self.known[usize::from(**m)].council)
            .filter_map(position)
            .collect();
        let whatlang = whatlang::Detector::with_allowlist(
            whatlang_positions.iter().map(|(lang, _)| *lang).collect(),
        );
        Some(ScriptGroup {
            script,
            members,
            whatlang,
            whatlang_positions,
            council,
            words,
            trigrams,
            unseen_trigram_weight: weight(0),
        })
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
    let mut chars = word.lower.chars().chain(std::iter::once(' '));
    let (mut first, mut second) = (' ', chars.next().unwrap_or(' '));
    std::iter::from_fn(move || {
        let third = chars.next()?;
        let packed = (u64::from(u32::from(first)) << 42)
            | (u64::from(u32::from(second)) << 21)
            | u64::from(u32::from(third));
        (first, second) = (second, third);
        Some(packed)
    })
}
