//! Per-language analysis for matching: words are lowercased, stemmed where a
//! Snowball stemmer exists (English, Arabic, French, …), truncated where
//! inflection is rich and no stemmer exists (Polish, Welsh), then folded like
//! [`super::fold`]. Welsh words also yield the radical forms their initial
//! mutation may hide ("fin", "min" → "bin"), so "fy min" and "bin" meet.

use std::collections::HashSet;

use rust_stemmers::{Algorithm, Stemmer};

use crate::lang::LangTag;

include!(concat!(env!("OUT_DIR"), "/stopwords.rs"));

/// Characters kept of a word in languages analysed by truncation.
const TRUNCATE_AT: usize = 6;

/// Turns text in one language into matching terms.
pub struct Analyzer {
    stemmer: Option<Stemmer>,
    truncate: bool,
    welsh: bool,
    /// Arabic-script letter variants are unified before stemming, or the
    /// stemmer treats إلغاء and الغاء as different words.
    unify_first: bool,
    /// The language's stop words (`src/text/stopwords/<code>.txt`), as terms.
    stop_words: HashSet<String>,
}

impl Analyzer {
    pub fn for_language(lang: &LangTag) -> Analyzer {
        let primary = lang.primary();
        let stemmer = stemmer_algorithm(primary).map(Stemmer::create);
        let truncate = stemmer.is_none()
            && matches!(
                primary,
                "pl" | "cy" | "cs" | "sk" | "lt" | "lv" | "hr" | "sl" | "uk" | "bg" | "so" | "sq"
            );
        let unify_first = matches!(primary, "ar" | "fa" | "ur" | "ps" | "ku" | "ckb");
        let mut analyzer = Analyzer {
            stemmer,
            truncate,
            welsh: primary == "cy",
            unify_first,
            stop_words: HashSet::new(),
        };
        let list = STOP_WORDS
            .iter()
            .find(|(code, _)| *code == primary)
            .map_or("", |(_, text)| text);
        analyzer.stop_words = list
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .flat_map(|word| analyzer.terms(word))
            .collect();
        analyzer
    }

    /// Whether `term` is one of the language's stop words: words that say
    /// nothing about what a question is about ("the", "my", "how").
    pub fn is_stop_word(&self, term: &str) -> bool {
        self.stop_words.contains(term)
    }

    /// One term per word, for text written by editors (examples, keywords).
    pub fn terms(&self, text: &str) -> Vec<String> {
        words(text)
            .map(|word| self.term(&word.replace('\'', "")))
            .filter(|term| !term.is_empty())
            .collect()
    }

    /// For each word of a message, its term and any alternatives (Welsh radicals).
    pub fn alternatives(&self, text: &str) -> Vec<Vec<String>> {
        self.analyse(text)
            .into_iter()
            .map(|(_, forms)| forms)
            .collect()
    }

    /// Each word of a message, lowercased, with its term and any alternatives.
    pub fn analyse(&self, text: &str) -> Vec<(String, Vec<String>)> {
        words(text)
            .map(|written| {
                let forms = self.forms(&written);
                (written, forms)
            })
            .filter(|(_, forms)| !forms.is_empty())
            .collect()
    }

    /// The term of one word as [`words`] yields it, then any alternatives;
    /// empty when nothing of the word is left to match on.
    pub fn forms(&self, written: &str) -> Vec<String> {
        let word = written.replace('\'', "");
        let mut forms = vec![self.term(&word)];
        // "mae'r" is "mae" and "the"; "don't" typed as "dont" still meets "don't".
        if let Some((before, _)) = written.split_once('\'')
            && before.chars().count() >= 2
        {
            let term = self.term(before);
            if !forms.contains(&term) {
                forms.push(term);
            }
        }
        if self.welsh {
            for radical in welsh_radicals(&word) {
                let term = self.term(&radical);
                if !forms.contains(&term) {
                    forms.push(term);
                }
            }
        }
        forms.retain(|form| !form.is_empty());
        forms
    }

    /// The term for one lowercased word.
    pub fn term(&self, word: &str) -> String {
        let unified;
        let word = if self.unify_first {
            unified = without_arabic_marks(word);
            unified.as_str()
        } else {
            word
        };
        let stemmed = match &self.stemmer {
            Some(stemmer) => stemmer.stem(word).into_owned(),
            None => word.to_owned(),
        };
        let folded: String = super::fold(&stemmed).split(' ').collect();
        if self.truncate {
            folded.chars().take(TRUNCATE_AT).collect()
        } else {
            folded
        }
    }
}

/// Drops Arabic hamza and vowel marks (after NFD, أ is ا with a hamza above),
/// leaving ة and ى for the stemmer, which strips them as endings.
fn without_arabic_marks(word: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    word.nfd()
        .filter(|c| !matches!(c, '\u{064b}'..='\u{065f}' | '\u{0670}'))
        .nfc()
        .collect()
}

/// Lowercased words with their accents (stemmers need them), each with any
/// apostrophe inside it kept as `'` ("mae'r", "don't").
pub fn words(text: &str) -> impl Iterator<Item = String> {
    let mut words = Vec::new();
    for_each_word(text, |word| words.push(word.to_owned()));
    words.into_iter()
}

/// Calls `each` with every word [`words`] yields, without allocating a
/// string per word: indexing thousands of pages goes through here.
pub fn for_each_word(text: &str, mut each: impl FnMut(&str)) {
    let mut current = String::new();
    let mut finish = |current: &mut String| {
        let word = current.trim_matches('\'');
        if word.is_empty() {
        } else if word.chars().any(is_ideographic) {
            for part in split_ideographs(word) {
                each(&part);
            }
        } else {
            each(word);
        }
        current.clear();
    };
    for c in text.chars() {
        // ASCII (most of most texts) without Unicode's tables: the same as
        // below for every ASCII character.
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() || c == '\'' {
                current.push(c.to_ascii_lowercase());
            } else if !current.is_empty() {
                finish(&mut current);
            }
            continue;
        }
        for c in c.to_lowercase() {
            match word_char(c) {
                Some(c) => current.push(c),
                None if !current.is_empty() => finish(&mut current),
                None => {}
            }
        }
    }
    if !current.is_empty() {
        finish(&mut current);
    }
}

/// A lowercased character as it stands in a word (every apostrophe as `'`),
/// or `None` when it ends one.
pub(super) fn word_char(c: char) -> Option<char> {
    let c = if matches!(c, '\u{2019}' | '\u{2018}' | '\u{02bc}') {
        '\''
    } else {
        c
    };
    let in_word = c.is_alphanumeric()
        || c == '\''
        || (!c.is_ascii() && unicode_normalization::char::is_combining_mark(c));
    in_word.then_some(c)
}

/// Chinese and Japanese are written without spaces, so a whole sentence would
/// be one "word". Runs of ideographs and kana become overlapping pairs of
/// characters ("垃圾收集" → 垃圾, 圾收, 收集): most words are two characters
/// long, and a pair that straddles two words is rare enough in other texts
/// not to matter. Letters around a run stay whole words.
fn split_ideographs(word: &str) -> Vec<String> {
    if !word.chars().any(is_ideographic) {
        return vec![word.to_owned()];
    }
    let mut parts = Vec::new();
    let mut run: Vec<char> = Vec::new();
    let mut letters = String::new();
    let flush_run = |run: &mut Vec<char>, parts: &mut Vec<String>| {
        match run.len() {
            0 => {}
            1 => parts.push(run[0].to_string()),
            _ => parts.extend(run.windows(2).map(|pair| pair.iter().collect::<String>())),
        }
        run.clear();
    };
    for c in word.chars() {
        if is_ideographic(c) {
            if !letters.is_empty() {
                parts.push(std::mem::take(&mut letters));
            }
            run.push(c);
        } else {
            flush_run(&mut run, &mut parts);
            letters.push(c);
        }
    }
    flush_run(&mut run, &mut parts);
    if !letters.is_empty() {
        parts.push(letters);
    }
    parts
}

/// Han ideographs, hiragana and katakana (Korean separates its words with
/// spaces, so Hangul needs nothing of this).
fn is_ideographic(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}'
        | '\u{31f0}'..='\u{31ff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{20000}'..='\u{2ffff}')
}

fn stemmer_algorithm(primary: &str) -> Option<Algorithm> {
    Some(match primary {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "nb" | "nn" | "no" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => return None,
    })
}

/// Welsh initial mutations, undone: the mutated beginning and the radical
/// beginnings it may come from (soft, nasal and aspirate mutations).
const WELSH_MUTATIONS: &[(&str, &[&str])] = &[
    ("ngh", &["c"]),
    ("mh", &["p"]),
    ("nh", &["t"]),
    ("ph", &["p"]),
    ("th", &["t"]),
    ("ch", &["c"]),
    ("ng", &["g"]),
    ("dd", &["d"]),
    ("f", &["b", "m"]),
    ("g", &["c"]),
    ("b", &["p"]),
    ("d", &["t"]),
    ("m", &["b"]),
    ("n", &["d"]),
    ("l", &["ll"]),
    ("r", &["rh"]),
];

/// The radical forms a Welsh word may be a mutation of (not the word itself).
fn welsh_radicals(word: &str) -> Vec<String> {
    let mut radicals = Vec::new();
    if let Some((mutated, originals)) = WELSH_MUTATIONS
        .iter()
        .find(|(mutated, _)| word.starts_with(mutated))
    {
        let rest = &word[mutated.len()..];
        if !rest.is_empty() {
            radicals.extend(originals.iter().map(|original| format!("{original}{rest}")));
        }
    }
    // Soft mutation drops an initial g: "ardd" may be "gardd".
    if word.starts_with(|c: char| "aeiouwyâêîôûŵŷ".contains(c)) {
        radicals.push(format!("g{word}"));
    }
    radicals
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyzer(code: &str) -> Analyzer {
        Analyzer::for_language(&LangTag::parse(code).unwrap())
    }

    #[test]
    fn english_is_stemmed_and_folded() {
        assert_eq!(
            analyzer("en").terms("Collecting the Bins!"),
            ["collect", "the", "bin"]
        );
    }

    #[test]
    fn polish_is_truncated_without_diacritics() {
        let polish = analyzer("pl");
        assert_eq!(polish.terms("śmieci"), polish.terms("smieciami"));
        assert_eq!(polish.terms("Zapłacić podatek"), ["zaplac", "podate"]);
    }

    #[test]
    fn welsh_mutations_offer_the_radical() {
        let welsh = analyzer("cy");
        let forms = welsh.alternatives("fy min");
        assert!(forms[1].contains(&"bin".to_owned()), "{forms:?}");
        let forms = welsh.alternatives("nghasglu");
        assert!(forms[0].contains(&welsh.term("casglu")), "{forms:?}");
    }

    #[test]
    fn chinese_is_cut_into_pairs_of_characters() {
        let chinese = analyzer("zh");
        assert_eq!(chinese.terms("垃圾收集"), ["垃圾", "圾收", "收集"]);
        assert_eq!(
            chinese.terms("我的垃圾桶坏了"),
            ["我的", "的垃", "垃圾", "圾桶", "桶坏", "坏了"]
        );
        assert_eq!(chinese.terms("税"), ["税"], "a lone character is a word");
        assert_eq!(
            chinese.terms("council tax是多少"),
            ["council", "tax", "是多", "多少"],
            "letters around ideographs stay whole words"
        );
        assert_eq!(
            analyzer("ja").terms("ゴミの日"),
            ["ゴミ", "ミの", "の日"],
            "kana too"
        );
        assert_eq!(
            analyzer("ko").terms("쓰레기 수거"),
            ["쓰레기", "수거"],
            "Korean has spaces"
        );
    }

    #[test]
    fn arabic_is_stemmed_after_normalising() {
        let arabic = analyzer("ar");
        assert_eq!(arabic.terms("الحفرة"), arabic.terms("حفرة"));
        assert_eq!(
            arabic.terms("إلغاء"),
            arabic.terms("الغاء"),
            "with or without hamza"
        );
    }
}
