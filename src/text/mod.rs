//! Text normalisation shared by every matcher: case, diacritics, Arabic-script
//! letter variants, punctuation and whitespace.
//!
//! Matching compares folded forms on both sides (the editor's phrase and the
//! resident's message), so "czuje gaz" typed without Polish letters still matches
//! "czuję gaz". Language detection works on the raw text, where diacritics are
//! evidence, and only borrows `words` from here.

pub mod analysis;
mod fold;
mod phrases;
#[cfg(test)]
mod words_tests;

pub use fold::{fold, fold_keeping_script_letters};
pub use phrases::PhraseSet;

/// Splits folded text into words; CJK ideographs count as one word each.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(' ')
        .filter(|word| !word.is_empty())
        .flat_map(split_ideographs)
}

fn split_ideographs(word: &str) -> WordParts<'_> {
    if word.chars().any(is_ideograph) {
        WordParts::EachCharacter(word)
    } else {
        WordParts::Whole(Some(word))
    }
}

/// The parts one word splits into: the whole word, or each of its
/// characters. Every word of every message goes through here, so it is a
/// plain enum rather than a boxed iterator.
enum WordParts<'a> {
    Whole(Option<&'a str>),
    /// What is left of a word with ideographs in it, one character a part.
    EachCharacter(&'a str),
}

impl<'a> Iterator for WordParts<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        match self {
            WordParts::Whole(word) => word.take(),
            WordParts::EachCharacter(rest) => {
                let first = rest.chars().next()?;
                let (part, tail) = rest.split_at(first.len_utf8());
                *rest = tail;
                Some(part)
            }
        }
    }
}

/// The word with each one of its characters removed in turn: the keys that
/// let typo-tolerant lookups find a word one letter off in a few probes.
pub(crate) fn one_deletions(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    (0..chars.len())
        .map(|skip| {
            chars
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, c)| *c)
                .collect()
        })
        .collect()
}

/// Calls `each` with what [`one_deletions`] returns, in the same order,
/// reusing one buffer: typo lookups on every message word go through here.
pub(crate) fn for_each_one_deletion(word: &str, mut each: impl FnMut(&str)) {
    let mut variant = String::with_capacity(word.len());
    for (skip, c) in word.char_indices() {
        variant.clear();
        variant.push_str(&word[..skip]);
        variant.push_str(&word[skip + c.len_utf8()..]);
        each(&variant);
    }
}

/// Han ideographs, which are written without spaces between words.
pub fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// The apostrophes dropped from inside words ("don't", "o'clock").
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}')
}

/// A phrase an editor wrote, matched against folded messages: its words must appear
/// in order with at most [`Phrase::MAX_GAP`] other words between them; a word
/// ending in `*` matches any word it begins ("kill*" matches "killing").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    words: Vec<PhraseWord>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum PhraseWord {
    Exact(String),
    Prefix(String),
}

impl PhraseWord {
    fn matches(&self, word: &str) -> bool {
        match self {
            PhraseWord::Exact(exact) => word == exact,
            PhraseWord::Prefix(prefix) => word.starts_with(prefix.as_str()),
        }
    }
}

impl Phrase {
    /// Words a phrase may skip between two of its own.
    pub const MAX_GAP: usize = 2;

    /// Compiles an editor's phrase; `None` when nothing matchable is left after folding.
    pub fn parse(text: &str) -> Option<Phrase> {
        let mut words = Vec::new();
        for raw in text.split_whitespace() {
            let (body, prefix) = match raw.strip_suffix('*') {
                Some(body) => (body, true),
                None => (raw, false),
            };
            let folded = fold(body);
            // Punctuation inside a word or Han characters yield several words.
            let parts: Vec<&str> = self::words(&folded).collect();
            for (index, part) in parts.iter().enumerate() {
                let is_last = index + 1 == parts.len();
                words.push(if prefix && is_last {
                    PhraseWord::Prefix((*part).to_owned())
                } else {
                    PhraseWord::Exact((*part).to_owned())
                });
            }
        }
        (!words.is_empty()).then_some(Phrase { words })
    }

    /// How many words the phrase has.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Never true: a phrase has at least one word.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether the phrase occurs in `words` (a folded message, split by [`words`]).
    pub fn matches(&self, words: &[&str]) -> bool {
        let Some((first, rest)) = self.words.split_first() else {
            return false;
        };
        (0..words.len()).any(|start| {
            first.matches(words[start]) && Self::rest_matches(rest, &words[start + 1..])
        })
    }

    fn rest_matches(rest: &[PhraseWord], words: &[&str]) -> bool {
        let Some((next, remaining)) = rest.split_first() else {
            return true;
        };
        words
            .iter()
            .take(Self::MAX_GAP + 1)
            .enumerate()
            .any(|(offset, word)| {
                next.matches(word) && Self::rest_matches(remaining, &words[offset + 1..])
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_deletions_come_the_same_either_way() {
        for word in ["", "a", "bin", "żółw", "مدرسه", "한국"] {
            let mut each = Vec::new();
            for_each_one_deletion(word, |variant| each.push(variant.to_owned()));
            assert_eq!(each, one_deletions(word), "{word}");
        }
        assert_eq!(one_deletions("bin"), ["in", "bn", "bi"]);
    }

    fn phrase_matches(phrase: &str, message: &str) -> bool {
        let folded = fold(message);
        let words: Vec<&str> = words(&folded).collect();
        Phrase::parse(phrase).unwrap().matches(&words)
    }

    #[test]
    fn phrases_match_in_order_with_small_gaps() {
        assert!(phrase_matches(
            "smell gas",
            "I can SMELL gas in the kitchen"
        ));
        assert!(phrase_matches("smell gas", "i can smell lots of gas"));
        assert!(
            !phrase_matches("smell gas", "i can smell a lot of gas"),
            "three words apart is too far"
        );
        assert!(!phrase_matches("smell gas", "gas bill, and the bins smell"));
        assert!(!phrase_matches(
            "smell gas",
            "smell in the hall near the gas meter"
        ));
        assert!(phrase_matches("czuję gaz", "czuje gaz w mieszkaniu"));
    }

    #[test]
    fn starred_words_match_prefixes() {
        assert!(phrase_matches(
            "kill* myself",
            "I keep thinking of killing myself"
        ));
        assert!(!phrase_matches(
            "kill* myself",
            "the weeds are killing my garden"
        ));
        assert!(Phrase::parse(" ?! ").is_none());
    }

    #[test]
    fn splits_han_characters() {
        let folded = fold("垃圾没有收");
        assert_eq!(
            words(&folded).collect::<Vec<_>>(),
            ["垃", "圾", "没", "有", "收"]
        );
        // Letters beside ideographs in one word split with them; other
        // words stay whole.
        assert_eq!(
            words("bin day 垃圾x").collect::<Vec<_>>(),
            ["bin", "day", "垃", "圾", "x"]
        );
    }
}
