//! Removes personal data from text before it is stored or logged: email
//! addresses, card-like numbers, phone numbers and UK postcodes.
//!
//! Redaction is deliberately greedy: a false positive costs a few characters of
//! transcript, a false negative leaks a resident's details.

use std::sync::LazyLock;

use regex::Regex;

struct Pattern {
    regex: Regex,
    replacement: &'static str,
}

static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    let pattern = |regex: &str, replacement| Pattern {
        regex: Regex::new(regex)
            .unwrap_or_else(|error| panic!("redaction pattern {regex:?}: {error}")),
        replacement,
    };
    vec![
        pattern(r"(?i)[a-z0-9._%+\-]+@[a-z0-9.\-]+\.[a-z]{2,}", "[email]"),
        // 13–19 digits in groups: payment cards.
        pattern(r"\b(?:\d[ \-]?){12,18}\d\b", "[card]"),
        // 10–11 digit UK numbers, with +44 or 0, spaces, dashes or brackets.
        pattern(
            r"(?:\+44\s?\(?0?\)?|\(?\b0)(?:[\s\-()]*\d){9,10}\b",
            "[phone]",
        ),
        pattern(r"(?i)\b[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}\b", "[postcode]"),
    ]
});

/// `text` with personal data replaced by `[email]`, `[card]`, `[phone]` or
/// `[postcode]`.
pub fn redact(text: &str) -> String {
    let mut redacted = text.to_owned();
    // Every pattern needs an `@` or a digit; most messages have neither.
    if !may_hold_personal_data(text) {
        return redacted;
    }
    for pattern in PATTERNS.iter() {
        if pattern.regex.is_match(&redacted) {
            redacted = pattern
                .regex
                .replace_all(&redacted, pattern.replacement)
                .into_owned();
        }
    }
    redacted
}

/// Whether any pattern could match: an email needs `@`, the others a digit
/// (any script's: the patterns' `\d` is Unicode's).
fn may_hold_personal_data(text: &str) -> bool {
    text.chars().any(|c| c == '@' || c.is_numeric())
}

#[cfg(test)]
mod tests {
    use super::{PATTERNS, may_hold_personal_data, redact};
    use proptest::prelude::*;

    /// `redact` without its shortcut: every pattern tried on every text.
    fn every_pattern(text: &str) -> String {
        PATTERNS.iter().fold(text.to_owned(), |text, pattern| {
            pattern
                .regex
                .replace_all(&text, pattern.replacement)
                .into_owned()
        })
    }

    proptest! {
        /// Skipping the patterns for text without `@` or a digit changes
        /// nothing they would have found.
        #[test]
        fn the_shortcut_changes_nothing(text in "[a-zA-Z \\-+.()@٠-٩0-9ŵأ]{0,40}") {
            prop_assert_eq!(redact(&text), every_pattern(&text));
        }
    }

    #[test]
    fn the_shortcut_changes_nothing_in_the_development_messages() {
        let data = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/");
        let mut skipped = 0;
        for file in ["language-dev.tsv", "intents-dev.tsv", "faq-dev.tsv"] {
            let text = std::fs::read_to_string(format!("{data}{file}")).unwrap();
            let messages = text
                .lines()
                .filter(|line| !line.starts_with('#'))
                .filter_map(|line| line.rsplit_once('\t').map(|(_, message)| message));
            for message in messages {
                assert_eq!(redact(message), every_pattern(message), "{message}");
                skipped += usize::from(!may_hold_personal_data(message));
            }
        }
        assert!(skipped > 100, "most messages take the shortcut");
    }

    #[test]
    fn redacts_contact_details_and_cards() {
        assert_eq!(
            redact("email me at Jo.Bloggs+bins@example.co.uk please"),
            "email me at [email] please"
        );
        assert_eq!(
            redact("call 07700 900123 or (01632) 960 100"),
            "call [phone] or [phone]"
        );
        assert_eq!(redact("ring +44 7700 900123"), "ring [phone]");
        assert_eq!(
            redact("card 4111 1111 1111 1111 exp 12/29"),
            "card [card] exp 12/29"
        );
        assert_eq!(
            redact("bins at CF10 3AB and sw1a1aa"),
            "bins at [postcode] and [postcode]"
        );
    }

    #[test]
    fn leaves_ordinary_numbers_and_words() {
        let text = "my bin wasn't collected on 3 March, house number 42, band D";
        assert_eq!(redact(text), text);
        assert_eq!(redact("reference CB-7K3Q-92"), "reference CB-7K3Q-92");
    }
}
