//! Case reference numbers: `CB-7K3Q-9X`. Five random characters and a check
//! character from Crockford's base 32 (no I, L, O or U), so a reference read
//! over the phone or mistyped is caught before it is looked up.

use std::fmt;

const PREFIX: &str = "CB";
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Random characters in a reference (32^5, about 33.5 million).
pub const RANDOM_CHARS: usize = 5;

/// A well-formed case reference.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Reference(String);

impl Reference {
    /// Builds a reference from random bytes (one character each).
    pub fn from_random(bytes: [u8; RANDOM_CHARS]) -> Reference {
        let body: Vec<u8> = bytes
            .iter()
            .map(|byte| ALPHABET[usize::from(byte % 32)])
            .collect();
        let check = ALPHABET[check_value(&body)];
        let text = format!(
            "{PREFIX}-{}-{}{}",
            std::str::from_utf8(&body[..4]).unwrap_or_default(),
            char::from(body[4]),
            char::from(check)
        );
        Reference(text)
    }

    /// Reads a reference as a resident may type it: any case, spaces or dashes
    /// anywhere, O for 0 and I or L for 1. `None` if it is not one of ours.
    pub fn parse(text: &str) -> Option<Reference> {
        let compact: Vec<u8> = text
            .bytes()
            .filter(|b| !matches!(b, b' ' | b'-' | b'.'))
            .map(|b| match b.to_ascii_uppercase() {
                b'O' => b'0',
                b'I' | b'L' => b'1',
                other => other,
            })
            .collect();
        let rest = compact.strip_prefix(PREFIX.as_bytes())?;
        if rest.len() != RANDOM_CHARS + 1 || !rest.iter().all(|b| ALPHABET.contains(b)) {
            return None;
        }
        let (body, check) = rest.split_at(RANDOM_CHARS);
        (ALPHABET[check_value(body)] == check[0]).then(|| {
            let text = String::from_utf8_lossy(&compact).into_owned();
            Reference(format!("{PREFIX}-{}-{}", &text[2..6], &text[6..8]))
        })
    }

    /// The first reference written in a longer message ("it's cb 7k3q 9x thanks").
    pub fn find_in(text: &str) -> Option<Reference> {
        let upper = text.to_ascii_uppercase();
        upper.match_indices(PREFIX).find_map(|(start, _)| {
            let candidate: String = upper[start..].chars().take(14).collect();
            (0..=candidate.len())
                .rev()
                .find_map(|end| candidate.get(..end).and_then(Reference::parse))
        })
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Position-weighted sum of the characters' values, modulo 32.
fn check_value(body: &[u8]) -> usize {
    body.iter()
        .enumerate()
        .map(|(position, byte)| {
            (position + 1) * ALPHABET.iter().position(|a| a == byte).unwrap_or(0)
        })
        .sum::<usize>()
        % 32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_references_parse_back() {
        for seed in 0..=255_u8 {
            let reference =
                Reference::from_random([seed, seed.wrapping_mul(7), 3, seed ^ 0x5a, 200]);
            assert_eq!(reference.as_str().len(), 10);
            assert_eq!(
                Reference::parse(reference.as_str()),
                Some(reference.clone())
            );
        }
    }

    #[test]
    fn typed_variants_are_read_and_typos_are_caught() {
        let reference = Reference::from_random([1, 2, 3, 4, 5]);
        let sloppy = reference
            .as_str()
            .to_lowercase()
            .replace('-', " ")
            .replace('0', "o")
            .replace('1', "l");
        assert_eq!(Reference::parse(&sloppy), Some(reference.clone()));
        let mut typo = reference.as_str().to_owned().into_bytes();
        typo[4] = if typo[4] == b'A' { b'B' } else { b'A' };
        assert_eq!(
            Reference::parse(&String::from_utf8(typo).unwrap()),
            None,
            "one wrong character fails the check"
        );
        assert_eq!(Reference::parse("hello"), None);
    }

    #[test]
    fn finds_a_reference_inside_a_message() {
        let reference = Reference::from_random([9, 8, 7, 6, 5]);
        let message = format!(
            "hi, any news on {} please?",
            reference.as_str().to_lowercase()
        );
        assert_eq!(Reference::find_in(&message), Some(reference));
        assert_eq!(Reference::find_in("no reference here, cb"), None);
    }
}
