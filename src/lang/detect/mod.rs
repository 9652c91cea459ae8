//! Language detection tuned for short resident messages.
//!
//! Plain whatlang reads short English right only about half the time, confuses
//! close languages and knows nothing of Somali or Albanian. This detector:
//! - picks the message's script first, preferring a non-Latin script that holds a
//!   fair share of the letters (residents drop English nouns into Arabic or
//!   Cyrillic text, not the other way round); a script written by one language
//!   (Bengali, Gurmukhi, Greek, Thai, …) decides on its own;
//! - within a shared script (Latin, Arabic, Cyrillic, Devanagari, Ethiopic) counts
//!   votes for each language councilbot knows in it: one per recognised word from
//!   the seed lexicons and the council's own content (split between languages
//!   that share the word; English council nouns borrowed into other languages
//!   count for little), a character-trigram likeness to each language's
//!   vocabulary, whatlang restricted to the script's languages (worth more as the
//!   message grows), and a small prior for the council's languages;
//! - calls the winner *confident*, which lets the policy switch the conversation,
//!   only with a clear lead, so "ok" or a street name never flips a conversation.

mod tables;
mod vocabulary;
mod whatlang_pick;

use whatlang::Script;

use super::LangTag;
use crate::text;
pub use vocabulary::seed_words as everyday_words;
use vocabulary::{Builder, ScriptGroup, Vocabulary};
use whatlang_pick::{detect_single_script, whatlang_among_front_runners};

/// The result for one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detection {
    /// Best guess, any language; `None` when the message has no language in it.
    pub lang: Option<LangTag>,
    /// Whether the evidence is strong enough for the policy to switch language.
    pub confident: bool,
}

impl Detection {
    fn none() -> Detection {
        Detection {
            lang: None,
            confident: false,
        }
    }
}

/// Text written in one of the council's languages (locales, intents, FAQ files),
/// whose words become evidence for that language.
pub struct ProfileText {
    pub lang: LangTag,
    pub text: String,
}

/// How the evidence is weighed; tuned on `tests/data/language-dev.tsv` only (the
/// evaluation set stays held out).
#[derive(Debug, Clone, Copy)]
pub struct Weights {
    /// Votes a borrowed English council noun is worth, instead of one.
    pub loanword: f32,
    /// Votes for the full trigram likeness.
    pub trigram: f32,
    /// whatlang's votes on a message of `whatlang_full_letters` letters or more,
    /// scaled by its own confidence; shorter messages get proportionally fewer.
    pub whatlang: f32,
    pub whatlang_full_letters: f32,
    /// Votes every council language starts with.
    pub council_prior: f32,
    /// Lead in votes over the runner-up needed to be confident.
    pub confident_margin: f32,
    /// Least votes for naming a language at all; gibberish scores below it.
    pub min_votes: f32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            loanword: 0.25,
            trigram: 1.0,
            whatlang: 1.5,
            whatlang_full_letters: 30.0,
            council_prior: 0.1,
            confident_margin: 1.0,
            min_votes: 0.5,
        }
    }
}

type LangIndex = u16;

/// Detects the language of resident messages. Built once per content load;
/// shared read-only between conversations.
pub struct Detector {
    vocabulary: Vocabulary,
    weights: Weights,
}

/// One word of a message: lowercased as typed, folded for lookups, its script.
pub(super) struct MessageWord {
    lower: String,
    /// `None` when folding leaves the word as it is (plain ASCII).
    folded: Option<String>,
    script: Option<Script>,
}

impl MessageWord {
    /// The word folded for lookups.
    fn folded(&self) -> &str {
        self.folded.as_deref().unwrap_or(&self.lower)
    }
}

/// Splits text into words the way the detector sees them.
pub(super) fn message_words(text: &str) -> Vec<MessageWord> {
    lowered_words(text)
        .split(' ')
        .filter(|word| !word.is_empty() && !word.chars().any(char::is_numeric))
        .map(|word| {
            // Plain ASCII words (most English) need no folding and are Latin.
            if word.is_ascii() {
                return MessageWord {
                    lower: word.to_owned(),
                    folded: None,
                    script: Some(Script::Latin),
                };
            }
            MessageWord {
                lower: word.to_owned(),
                folded: Some(text::fold_keeping_script_letters(word).replace(' ', "")),
                script: whatlang::detect_script(word),
            }
        })
        .collect()
}

/// `text` lowercased, apostrophes dropped, and every character that is not
/// part of a word a space.
fn lowered_words(text: &str) -> String {
    // ASCII characters (most of most messages) without Unicode's tables.
    let mut lowered = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            if c != '\'' {
                lowered.push(if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    ' '
                });
            }
            continue;
        }
        for c in c.to_lowercase() {
            if !text::is_apostrophe(c) {
                lowered.push(if word_char(c) { c } else { ' ' });
            }
        }
    }
    lowered
}

/// A lowercased character that belongs to a word.
fn word_char(c: char) -> bool {
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

impl Detector {
    /// Builds from the seed lexicons, the council's languages and their content.
    pub fn new(council: &[LangTag], content: &[ProfileText]) -> Detector {
        Detector::with_weights(council, content, Weights::default())
    }

    /// As [`Detector::new`] with explicit weights (for tuning).
    pub fn with_weights(
        council: &[LangTag],
        content: &[ProfileText],
        weights: Weights,
    ) -> Detector {
        let mut builder = Builder::with_seed_lexicons();
        for tag in council {
            let index = builder.language(tag);
            builder.mark_council(index);
        }
        for profile in content {
            let index = builder.language(&profile.lang);
            builder.add_content(index, &profile.text);
        }
        Detector {
            vocabulary: builder.finish(),
            weights,
        }
    }

    /// Detects the language of one message.
    pub fn detect(&self, message: &str) -> Detection {
        let words = message_words(message);
        let Some(script) = dominant_script(&words) else {
            return Detection::none();
        };
        let words: Vec<&MessageWord> = words.iter().filter(|w| w.script == Some(script)).collect();
        match self
            .vocabulary
            .groups
            .iter()
            .find(|group| group.script == script)
        {
            Some(group) => {
                let votes = self.votes(group, &words);
                self.decide(group, &votes)
            }
            None => detect_single_script(&words),
        }
    }

    /// Each group member's votes for these words.
    fn votes(&self, group: &ScriptGroup, words: &[&MessageWord]) -> Vec<f32> {
        let mut votes = vec![0.0_f32; group.members.len()];
        // Borrowed English nouns say nothing about the language around them, so
        // the character evidence leaves them out (unless they are all there is).
        let mut native: Vec<&MessageWord> = Vec::with_capacity(words.len());
        for word in words {
            let Some(evidence) = group.words.get(word.folded()) else {
                native.push(word);
                continue;
            };
            let worth = if evidence.loanword {
                self.weights.loanword
            } else {
                native.push(word);
                1.0
            };
            let share = worth / evidence.positions.len() as f32;
            for position in &evidence.positions {
                votes[usize::from(*position)] += share;
            }
        }
        let words: &[&MessageWord] = if native.is_empty() { words } else { &native };
        self.add_trigram_likeness(group, words, &mut votes);
        for position in &group.council {
            votes[usize::from(*position)] += self.weights.council_prior;
        }
        // whatlang's vote is at most its weight scaled by the message's length:
        // with a lead larger than that plus the confidence margin it could change
        // neither the winner nor the confidence, so it is skipped (it is most of
        // the cost).
        let letters: usize = words.iter().map(|w| w.lower.chars().count()).sum();
        let length_share = (letters as f32 / self.weights.whatlang_full_letters).min(1.0);
        let reach = self.weights.whatlang * length_share + self.weights.confident_margin;
        if lead(&votes) > reach {
            return votes;
        }
        let text: String = words
            .iter()
            .map(|w| w.lower.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if let Some((lang, confidence)) = whatlang_among_front_runners(group, &votes, reach, &text)
        {
            let vote = self.weights.whatlang * length_share * confidence as f32;
            if let Some((_, position)) = group
                .whatlang_positions
                .iter()
                .find(|(known, _)| *known == lang)
            {
                votes[usize::from(*position)] += vote;
            }
        }
        votes
    }

    /// Adds each member's share of the message's trigrams, each trigram weighted
    /// by how few of the group's languages share it.
    fn add_trigram_likeness(&self, group: &ScriptGroup, words: &[&MessageWord], votes: &mut [f32]) {
        let mut likeness = vec![0.0_f32; votes.len()];
        let mut total = 0.0_f32;
        for word in words {
            for trigram in vocabulary::trigrams(word) {
                let Some(evidence) = group.trigrams.get(&trigram) else {
                    // Unseen anywhere still counts, so gibberish scores low everywhere.
                    total += group.unseen_trigram_weight;
                    continue;
                };
                total += evidence.weight;
                for position in &evidence.positions {
                    likeness[usize::from(*position)] += evidence.weight;
                }
            }
        }
        if total > 0.0 {
            for (vote, like) in votes.iter_mut().zip(likeness) {
                *vote += self.weights.trigram * like / total;
            }
        }
    }

    fn decide(&self, group: &ScriptGroup, votes: &[f32]) -> Detection {
        let Some((best, runner_up)) = best_and_runner_up(votes) else {
            return Detection::none();
        };
        if votes[best] < self.weights.min_votes {
            return Detection::none();
        }
        let known = &self.vocabulary.known[usize::from(group.members[best])];
        let confident = votes[best] - runner_up >= self.weights.confident_margin;
        Detection {
            lang: Some(known.tag.clone()),
            confident,
        }
    }

    /// Every group member's votes for `message`, best first (for tuning).
    #[cfg(test)]
    fn explain(&self, message: &str) -> Vec<(String, f32)> {
        let words = message_words(message);
        let Some(script) = dominant_script(&words) else {
            return Vec::new();
        };
        let words: Vec<&MessageWord> = words.iter().filter(|w| w.script == Some(script)).collect();
        let Some(group) = self.vocabulary.groups.iter().find(|g| g.script == script) else {
            return Vec::new();
        };
        let votes = self.votes(group, &words);
        let mut named: Vec<(String, f32)> = group
            .members
            .iter()
            .zip(votes)
            .map(|(m, v)| (self.vocabulary.known[usize::from(*m)].tag.to_string(), v))
            .collect();
        named.sort_by(|a, b| b.1.total_cmp(&a.1));
        named.truncate(4);
        named
    }
}

/// The position of the highest vote (the first of equal highest) and the
/// next highest vote (0 when there is no other); `None` for no votes.
fn best_and_runner_up(votes: &[f32]) -> Option<(usize, f32)> {
    let best = (0..votes.len()).reduce(|best, i| {
        if votes[i].total_cmp(&votes[best]).is_gt() {
            i
        } else {
            best
        }
    })?;
    let runner_up = (0..votes.len())
        .filter(|i| *i != best)
        .map(|i| votes[i])
        .max_by(f32::total_cmp)
        .unwrap_or(0.0);
    Some((best, runner_up))
}

/// How far the best score is ahead of the second best.
fn lead(votes: &[f32]) -> f32 {
    best_and_runner_up(votes).map_or(f32::MIN, |(best, runner_up)| votes[best] - runner_up)
}

/// The script the message is written in: a non-Latin script holding at least a
/// quarter of the letters wins over Latin; otherwise the script with most letters.
fn dominant_script(words: &[MessageWord]) -> Option<Script> {
    let mut letters: Vec<(Script, usize)> = Vec::new();
    for word in words {
        let Some(script) = word.script else { continue };
        let count = word.lower.chars().count();
        match letters.iter_mut().find(|(s, _)| *s == script) {
            Some((_, total)) => *total += count,
            None => letters.push((script, count)),
        }
    }
    let total: usize = letters.iter().map(|(_, count)| count).sum();
    let non_latin = letters
        .iter()
        .filter(|(script, count)| *script != Script::Latin && *count * 4 >= total)
        .max_by_key(|(_, count)| *count);
    non_latin
        .or_else(|| letters.iter().max_by_key(|(_, count)| *count))
        .map(|(script, _)| *script)
}

#[cfg(test)]
mod tests;
