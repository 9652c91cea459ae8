//! The word splitter's shortcut for ASCII checked against the splitter
//! without it.

use super::analysis::{for_each_word, word_char};

/// Words as the splitter finds them with every character through Unicode's
/// lowercase table and [`word_char`], as before ASCII had a path of its own
/// (ideographs, which it splits further, are left out).
fn words_through_unicode(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    for c in text
        .chars()
        .flat_map(char::to_lowercase)
        .map(Some)
        .chain([None])
    {
        match c.and_then(word_char) {
            Some(c) => current.push(c),
            None => {
                let word = current.trim_matches('\'');
                if !word.is_empty() {
                    words.push(word.to_owned());
                }
                current.clear();
            }
        }
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
