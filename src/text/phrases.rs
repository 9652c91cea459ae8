//! Many editors' phrases matched against one message at once.
//!
//! Trying every phrase on every message costs a comparison per phrase and
//! message word. A [`PhraseSet`] indexes its phrases by their first word, so a
//! message meets only the phrases that could start at one of its words: by the
//! exact word, or, for a first word written `word*`, by each prefix length the
//! set's prefixes have. Those few candidates are then matched as usual.

use rustc_hash::FxHashMap;

use super::{Phrase, PhraseWord};

/// Phrases numbered in the order they were given, indexed by first word.
#[derive(Debug, Clone, Default)]
pub struct PhraseSet {
    phrases: Vec<Phrase>,
    /// Exact first word to the phrases that start with it.
    exact: FxHashMap<String, Vec<u32>>,
    /// `word*` first word (without the star) to the phrases that start with it.
    prefixes: FxHashMap<String, Vec<u32>>,
    /// The byte lengths of the keys of `prefixes`, shortest first.
    prefix_lengths: Vec<usize>,
}

impl PhraseSet {
    /// Indexes `phrases`; the first is number 0, the next 1, and so on.
    pub fn new(phrases: impl IntoIterator<Item = Phrase>) -> PhraseSet {
        let mut set = PhraseSet::default();
        for (number, phrase) in phrases.into_iter().enumerate() {
            let number = u32::try_from(number).unwrap_or(u32::MAX);
            match phrase.words.first() {
                Some(PhraseWord::Exact(word)) => {
                    set.exact.entry(word.clone()).or_default().push(number);
                }
                Some(PhraseWord::Prefix(prefix)) => {
                    set.prefixes.entry(prefix.clone()).or_default().push(number);
                    set.prefix_lengths.push(prefix.len());
                }
                None => {}
            }
            set.phrases.push(phrase);
        }
        set.prefix_lengths.sort_unstable();
        set.prefix_lengths.dedup();
        set
    }

    /// How many phrases the set holds.
    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// Whether the set holds no phrase.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The numbers of the phrases that occur in `words` (a folded message,
    /// split by [`super::words`]), smallest first.
    pub fn matching(&self, words: &[&str]) -> Vec<u32> {
        let mut candidates: Vec<u32> = Vec::new();
        for word in words {
            if let Some(numbers) = self.exact.get(*word) {
                candidates.extend_from_slice(numbers);
            }
            for &length in &self.prefix_lengths {
                if length > word.len() {
                    break;
                }
                if !word.is_char_boundary(length) {
                    continue;
                }
                if let Some(numbers) = self.prefixes.get(&word[..length]) {
                    candidates.extend_from_slice(numbers);
                }
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        candidates.retain(|&number| self.phrases[number as usize].matches(words));
        candidates
    }

    /// The smallest number of a phrase that occurs in `words`.
    pub fn first_match(&self, words: &[&str]) -> Option<u32> {
        self.matching(words).first().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{fold, words};

    fn set(phrases: &[&str]) -> (Vec<Phrase>, PhraseSet) {
        let parsed: Vec<Phrase> = phrases.iter().filter_map(|p| Phrase::parse(p)).collect();
        assert_eq!(parsed.len(), phrases.len());
        (parsed.clone(), PhraseSet::new(parsed))
    }

    fn matching(set: &PhraseSet, message: &str) -> Vec<u32> {
        let folded = fold(message);
        let words: Vec<&str> = words(&folded).collect();
        set.matching(&words)
    }

    #[test]
    fn finds_exact_and_prefix_first_words() {
        let (_, set) = set(&["council tax", "bin*", "missed bin", "gaz", "czuj* gaz"]);
        assert_eq!(matching(&set, "My bins were missed"), vec![1]);
        assert_eq!(matching(&set, "missed bin collection"), vec![1, 2]);
        assert_eq!(matching(&set, "Czuję gaz!"), vec![3, 4]);
        assert_eq!(matching(&set, "council   tax please"), vec![0]);
        assert_eq!(matching(&set, "tax council"), Vec::<u32>::new());
        assert_eq!(set.first_match(&["bin"]), Some(1));
        assert_eq!(set.first_match(&[]), None);
    }

    #[test]
    fn prefixes_of_other_scripts_and_the_whole_word() {
        let (_, set) = set(&["مساعد*", "żół*", "b*"]);
        assert_eq!(matching(&set, "مساعدة من فضلك"), vec![0]);
        assert_eq!(matching(&set, "مساعد"), vec![0]);
        // Folding takes the Polish letters off on both sides.
        assert_eq!(matching(&set, "Żółty"), vec![1]);
        assert_eq!(matching(&set, "a b"), vec![2]);
        assert!(matching(&set, "مسا").is_empty());
    }

    /// The set finds exactly the phrases that match when each is tried alone.
    #[test]
    fn agrees_with_each_phrase_tried_alone() {
        let phrases = [
            "rent*",
            "rent arrears",
            "pay* rent",
            "i want to pay",
            "council tax",
            "tax*",
            "bin",
            "bin* day",
            "report a pothole",
            "pot*",
            "speak to a person",
            "person",
            "dw i",
            "dw i eisiau",
            "chce zgłosić",
            "zglos*",
        ];
        let (parsed, set) = set(&phrases);
        let messages = [
            "I want to pay my rent",
            "rent arrears help",
            "paying rent late",
            "council tax bill",
            "bins day tomorrow",
            "report a big pothole on the road",
            "pots and pans",
            "speak to a real person",
            "Dw i eisiau siarad",
            "Chcę zgłosić problem",
            "zgłoszenie",
            "",
            "nothing here at all",
            "i want want to to pay",
        ];
        for message in messages {
            let folded = fold(message);
            let words: Vec<&str> = words(&folded).collect();
            let alone: Vec<u32> = (0..parsed.len() as u32)
                .filter(|&n| parsed[n as usize].matches(&words))
                .collect();
            assert_eq!(set.matching(&words), alone, "{message}");
        }
    }
}
