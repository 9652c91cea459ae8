//! The word splitter's shortcut for ASCII checked against the splitter
//! without it.

use super::analysis::for_each_word;

/// Words as the splitter found them before ASCII had a path of its own:
/// every character through Unicode's lowercase and alphanumeric tables
/// (ideographs, which it splits further, are left out).
fn words_through_unicode(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut finish = |current: &mut String| {
        let word = current.trim_matches('\'');
        if !word.is_empty() {
            words.push(word.to_owned());
        }
        current.clear();
    };
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = if matches!(c, '\u{2019}' | '\u{2018}' | '\u{02bc}') {
            '\''
        } else {
            c
        };
        let in_word = c.is_alphanumeric()
            || c == '\''
            || (!c.is_ascii() && unicode_normalization::char::is_combining_mark(c));
        if in_word {
            current.push(c);
        } else if !current.is_empty() {
            finish(&mut current);
        }
    }
    if !current.is_empty() {
        finish(&mut current);
    }
    words
}

fn words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for_each_word(text, |word| words.push(word.to_owned()));
    words
}

#[test]
fn every_ascii_character_splits_as_through_unicode() {
    for byte in 0..=0x7f_u8 {
        let c = char::from(byte);
        for text in [
            format!("{c}ab"),
            format!("aB{c}cD"),
            format!("ab{c}"),
            format!("Łódź{c}Ab"),
            format!("’{c}’"),
        ] {
            assert_eq!(words(&text), words_through_unicode(&text), "{text:?}");
        }
    }
}

#[test]
fn mixed_texts_split_as_through_unicode() {
    for text in [
        "Don't put PAINT in the bin — it's £25 to collect İstanbul's KELVIN \u{212a}",
        "Mae'r biniau’n cael eu casglu ar DDYDD Llun",
        "Kiedy WYWÓZ śmieci? 'quoted' ''",
        "متى يتم جمع القمامة؟ Bin 2B",
    ] {
        assert_eq!(words(text), words_through_unicode(text), "{text:?}");
    }
}
