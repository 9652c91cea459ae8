//! Folding: the form of text every matcher compares. Lowercase, Latin
//! diacritics removed, Arabic-script variants unified, tashkeel dropped,
//! punctuation turned into single spaces, apostrophes inside words removed.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization};

use super::is_apostrophe;

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

pub(super) fn fold_with(text: &str, unify_arabic_letters: bool) -> String {
    if text.is_ascii() {
        fold_ascii(text)
    } else {
        fold_unicode(text, unify_arabic_letters)
    }
}

/// [`fold_unicode`] for text with no character beyond ASCII, which has no
/// accents to decompose: most messages in English, and most of their words.
fn fold_ascii(text: &str) -> String {
    let mut folder = Folder::new(text.len(), true);
    for byte in text.bytes() {
        folder.push_ascii(byte);
    }
    // ASCII is composed already.
    folder.folded
}

/// Text with characters beyond ASCII. Only the stretches between ASCII
/// characters are decomposed: an ASCII character decomposes to itself and
/// is a starter, which canonical ordering never moves anything across, so
/// decomposing the stretches alone gives what decomposing the whole text
/// gives. Most Welsh and Polish words are mostly ASCII letters.
fn fold_unicode(text: &str, unify_arabic_letters: bool) -> String {
    let mut folder = Folder::new(text.len(), unify_arabic_letters);
    let mut rest = text;
    while !rest.is_empty() {
        // No byte of a character beyond ASCII is an ASCII byte, so both
        // splits fall on character boundaries.
        let ascii = rest.bytes().take_while(u8::is_ascii).count();
        for byte in rest[..ascii].bytes() {
            folder.push_ascii(byte);
        }
        rest = &rest[ascii..];
        let beyond = rest.bytes().take_while(|b| !b.is_ascii()).count();
        for c in rest[..beyond].nfd().flat_map(char::to_lowercase) {
            folder.push(c);
        }
        rest = &rest[beyond..];
    }
    folder.finish()
}

/// Folded text being written, one decomposed, lowercased character at a time.
struct Folder {
    folded: String,
    pending_space: bool,
    last_base_is_latin: bool,
    unify_arabic_letters: bool,
}

impl Folder {
    fn new(capacity: usize, unify_arabic_letters: bool) -> Folder {
        Folder {
            folded: String::with_capacity(capacity),
            pending_space: false,
            last_base_is_latin: false,
            unify_arabic_letters,
        }
    }

    fn push(&mut self, c: char) {
        if is_combining_mark(c) {
            // Marks on Latin letters are accents; on other scripts (Devanagari vowel
            // signs, Cyrillic breves) they are part of the letter and stay.
            if !self.last_base_is_latin && !is_arabic_tashkeel(c) {
                self.folded.push(c);
            }
            return;
        }
        if is_apostrophe(c) {
            return;
        }
        if !c.is_alphanumeric() {
            self.pending_space = !self.folded.is_empty();
            return;
        }
        self.space_if_pending();
        self.last_base_is_latin = c.is_ascii_alphabetic() || ('\u{00c0}'..='\u{024f}').contains(&c);
        if self.unify_arabic_letters {
            push_folded_letter(&mut self.folded, c);
        } else {
            push_folded_latin_letter(&mut self.folded, c);
        }
    }

    /// [`Folder::push`] for an ASCII character, without Unicode's tables: it is
    /// its own decomposition, never a mark, and no letter of it is folded.
    fn push_ascii(&mut self, byte: u8) {
        if byte == b'\'' {
            return;
        }
        if !byte.is_ascii_alphanumeric() {
            self.pending_space = !self.folded.is_empty();
            return;
        }
        self.space_if_pending();
        self.last_base_is_latin = byte.is_ascii_alphabetic();
        self.folded.push(char::from(byte.to_ascii_lowercase()));
    }

    fn space_if_pending(&mut self) {
        if self.pending_space {
            self.folded.push(' ');
            self.pending_space = false;
        }
    }

    fn finish(self) -> String {
        // Recomposing costs a second pass and string; most folded text (Latin
        // letters with their accents gone, Arabic) is already composed.
        let folded = self.folded;
        if folded.is_ascii()
            || unicode_normalization::is_nfc_quick(folded.chars()) == IsNormalized::Yes
        {
            folded
        } else {
            folded.nfc().collect()
        }
    }
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

#[cfg(test)]
#[path = "fold_tests.rs"]
mod tests;
