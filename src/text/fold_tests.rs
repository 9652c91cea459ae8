use proptest::prelude::*;

use super::*;
use crate::text::words;

/// What folding gives with the whole text decomposed at once and every
/// character through Unicode's tables: the reference the shortcuts for
/// ASCII must agree with.
fn through_whole_text(text: &str, unify: bool) -> String {
    let mut folder = Folder::new(text.len(), unify);
    for c in text.nfd().flat_map(char::to_lowercase) {
        folder.push(c);
    }
    let folded = folder.folded;
    if unicode_normalization::is_nfc_quick(folded.chars()) == IsNormalized::Yes {
        folded
    } else {
        folded.nfc().collect()
    }
}

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
            assert_eq!(
                fold_ascii(&text),
                through_whole_text(&text, unify),
                "{text:?}"
            );
        }
    }
}

#[test]
fn ascii_beside_other_characters_folds_as_the_whole_text_does() {
    // Accented letters, marks that follow an ASCII letter (and must be
    // reordered among themselves), tashkeel, Hangul, a dotted capital I.
    let others = [
        "é",
        "Ŵ",
        "\u{0301}",
        "\u{0301}\u{0323}",
        "ً",
        "أ",
        "한",
        "İ",
        "ß",
        "’",
        "\u{0640}",
        "३",
    ];
    for byte in 0_u8..128 {
        let c = char::from(byte);
        for other in others {
            for text in [
                format!("{c}{other}"),
                format!("{other}{c}"),
                format!("a{other}{c}{other}B"),
                format!("{c}{other}{other}{c}"),
            ] {
                for unify in [true, false] {
                    assert_eq!(
                        fold_with(&text, unify),
                        through_whole_text(&text, unify),
                        "{text:?}"
                    );
                }
            }
        }
    }
}

proptest! {
    #[test]
    fn mixed_text_folds_as_the_whole_text_does(
        pieces in prop::collection::vec(
            prop::sample::select(vec![
                "a", "Z", "7", " ", "'", "-", "é", "E\u{0301}", "\u{0323}", "ł", "Ż",
                "ŵ", "\u{0302}", "ي", "ی", "ة", "ُ", "한", "ே", "ா", "İ", "ﬁ", "Σ", "\u{2019}",
            ]),
            0..24,
        ),
        unify in any::<bool>(),
    ) {
        let text: String = pieces.concat();
        prop_assert_eq!(fold_with(&text, unify), through_whole_text(&text, unify));
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
