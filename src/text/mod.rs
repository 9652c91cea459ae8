//! Text normalisation shared by every matcher: case, diacritics, Arabic-script
//! letter variants, punctuation and whitespace.
//!
//! Matching compares folded forms on both sides (the editor's phrase and the
//! resident's message), so "czuje gaz" typed without Polish letters still matches
//! "czuję gaz". Language detection works on the raw text, where diacritics are
//! evidence, and only borrows `words` from here.

pub mod analysis;
mod phrases;
#[cfg(test)]
mod words_tests;

pub use phrases::PhraseSet;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization};

/// Folds `text` for matching: lowercase, Latin diacritics removed, Arabic-script
/// variants unified, tashkeel dropped, punctuation turned into single spaces.
/// Apostrophes inside words are removed ("don't" becomes "dont").
pub fn fold(text: &str) -> String {
    fold_with(text, true)
}

/// Folds like [`fold`] but keeps Arabic-script letter variants apart: Arabic ي/ك,
/// Persian ی/ک and Urdu ے are evidence of which language a message is in.
pub fn fold_keeping_script_letters(text: &str) -> String {
    fold_with(text, false)
}

fn fold_with(text: &str, unify_arabic_letters: bool) -> String {
    if text.is_ascii() {
        fold_ascii(text)
    } else {
        fold_unicode(text, unify_arabic_letters)
    }
}

/// [`fold_unicode`] for text with no character beyond ASCII, which has no
/// accents to decompose: most messages in English, and most of their words.
fn fold_ascii(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c == '\'' {
            continue;
        }
        if !c.is_ascii_alphanumeric() {
            pending_space = !folded.is_empty();
            continue;
        }
        if pending_space {
            folded.push(' ');
            pending_space = false;
        }
        folded.push(c.to_ascii_lowercase());
    }
    folded
}

fn fold_unicode(text: &str, unify_arabic_letters: bool) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut last_base_is_latin = false;
    for c in text.nfd().flat_map(char::to_lowercase) {
        if is_combining_mark(c) {
            // Marks on Latin letters are accents; on other scripts (Devanagari vowel
            // signs, Cyrillic breves) they are part of the letter and stay.
            if !last_base_is_latin && !is_arabic_tashkeel(c) {
                folded.push(c);
            }
            continue;
        }
        if is_apostrophe(c) {
            continue;
        }
        if !c.is_alphanumeric() {
            pending_space = !folded.is_empty();
            continue;
        }
        if pending_space {
            folded.push(' ');
            pending_space = false;
        }
        last_base_is_latin = c.is_ascii_alphabetic() || ('\u{00c0}'..='\u{024f}').contains(&c);
        if unify_arabic_letters {
            push_folded_letter(&mut folded, c);
        } else {
            push_folded_latin_letter(&mut folded, c);
        }
    }
    // Recomposing costs a second pass and string; most folded text (Latin
    // letters with their accents gone, Arabic) is already composed.
    if unicode_normalization::is_nfc_quick(folded.chars()) == IsNormalized::Yes {
        folded
    } else {
        folded.nfc().collect()
    }
}

/// Splits folded text into words; CJK ideographs count as one word each.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(' ')
        .filter(|word| !word.is_empty())
        .flat_map(split_ideographs)
}

fn split_ideographs(word: &str) -> Box<dyn Iterator<Item = &str> + '_> {
    if word.chars().any(is_ideograph) {
        Box::new(
            word.char_indices()
                .map(move |(i, c)| &word[i..i + c.len_utf8()]),
        )
    } else {
        Box::new(std::iter::once(word))
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

fn is_arabic_tashkeel(c: char) -> bool {
    matches!(c, '\u{064b}'..='\u{065f}' | '\u{0670}' | '\u{06d6}'..='\u{06ed}')
}

fn push_folded_latin_letter(out: &mut String, c: char) {
    match c {
        // Latin letters that are not a base plus an accent in Unicode.
        'ł' => out.push('l'),
        'ø' => out.push('o'),
        'đ' | 'ð' => out.push('d'),
        'ı' => out.push('i'),
        'ß' => out.push_str("ss"),
        'æ' => out.push_str("ae"),
        'œ' => out.push_str("oe"),
        'ـ' => {}
        other => out.push(other),
    }
}

fn push_folded_letter(out: &mut String, c: char) {
    match c {
        // Arabic-script variants that residents' keyboards mix freely.
        'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
        'ى' | 'ی' | 'ئ' => out.push('ي'),
        'ک' => out.push('ك'),
        'ة' => out.push('ه'),
        'ؤ' => out.push('و'),
        other => push_folded_latin_letter(out, other),
    }
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
    fn ascii_text_folds_as_the_full_fold_does() {
        let mut texts: Vec<String> = (0_u8..128).map(|b| format!("A{}b c", b as char)).collect();
        texts.extend(
            [
                "",
                "  Hello, World!  ",
                "don't   STOP--me'now",
                "Bin day? 12/05 'quoted' \"double\"\ttab\nline",
                "'''",
                "x'",
                "CB-7K2M-4Q",
            ]
            .map(str::to_owned),
        );
        for text in texts {
            assert!(text.is_ascii());
            for unify in [true, false] {
                assert_eq!(fold_ascii(&text), fold_unicode(&text, unify), "{text:?}");
            }
        }
    }

    #[test]
    fn folds_latin_accents_and_case() {
        assert_eq!(fold("Czuję GAZ!"), "czuje gaz");
        assert_eq!(fold("Dw i'n  ddigartref… heno"), "dw in ddigartref heno");
        assert_eq!(fold("Mae'r ŵyn yn y caeau"), "maer wyn yn y caeau");
        assert_eq!(fold("Złożyć wniosek, proszę"), "zlozyc wniosek prosze");
        assert_eq!(fold("I don’t know"), "i dont know");
    }

    #[test]
    fn unifies_arabic_variants_and_drops_tashkeel() {
        assert_eq!(fold("أُرِيدُ"), fold("اريد"));
        assert_eq!(fold("مدرسة"), "مدرسه");
        assert_eq!(fold("ـمرحبـاً"), "مرحبا");
    }

    #[test]
    fn one_deletions_come_the_same_either_way() {
        for word in ["", "a", "bin", "żółw", "مدرسه", "한국"] {
            let mut each = Vec::new();
            for_each_one_deletion(word, |variant| each.push(variant.to_owned()));
            assert_eq!(each, one_deletions(word), "{word}");
        }
        assert_eq!(one_deletions("bin"), ["in", "bn", "bi"]);
    }

    #[test]
    fn decomposed_scripts_come_back_composed() {
        // Hangul syllables and Indic two-part vowels decompose and must be
        // composed again, as editors' phrases and indexes hold them.
        for text in [
            "한국어 안녕하세요",
            "ଭୋଜନ",
            "கொடு",
            "Zürich Ångström",
            "Ελληνικά",
        ] {
            let folded = fold(text);
            assert_eq!(folded, folded.nfc().collect::<String>(), "{text}");
        }
        assert_eq!(fold("한국어"), "한국어");
        assert_eq!(fold("கொடு"), "கொடு");
        assert_eq!(fold("Zürich Ångström"), "zurich angstrom");
    }

    #[test]
    fn keeps_indic_vowel_signs_inside_words() {
        let folded = fold("मुझे मदद चाहिए");
        assert_eq!(words(&folded).count(), 3, "{folded}");
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
    }
}
