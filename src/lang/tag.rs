//! `LangTag`: a validated, canonical BCP 47 language tag.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use unic_langid::{CharacterDirection, LanguageIdentifier};

/// A BCP 47 language tag in canonical form (`en`, `cy`, `pt-BR`). Cheap to clone.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LangTag(Arc<str>);

/// A string that is not a BCP 47 language tag.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a language code (expected a BCP 47 tag such as en, cy or pt-BR)")]
pub struct BadLangTag(pub String);

/// Text direction of a language's script.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Ltr,
    Rtl,
}

impl LangTag {
    /// Parses and canonicalises a tag: `EN-gb` becomes `en-GB`.
    pub fn parse(text: &str) -> Result<LangTag, BadLangTag> {
        let trimmed = text.trim();
        if trimmed.is_empty() || trimmed.len() > 35 {
            return Err(BadLangTag(text.to_owned()));
        }
        let identifier: LanguageIdentifier =
            trimmed.parse().map_err(|_| BadLangTag(text.to_owned()))?;
        if identifier.language.is_empty() {
            return Err(BadLangTag(text.to_owned()));
        }
        Ok(LangTag(identifier.to_string().into()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language subtag: `pt` for `pt-BR`.
    pub fn primary(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }

    /// The tag as a `unic-langid` identifier, for Fluent.
    pub fn identifier(&self) -> LanguageIdentifier {
        // Constructed from a tag that already parsed, so this cannot fail.
        self.0.parse().unwrap_or_default()
    }

    /// Right-to-left for Arabic, Urdu, Persian, Hebrew and the like.
    pub fn direction(&self) -> Direction {
        match self.identifier().character_direction() {
            CharacterDirection::RTL => Direction::Rtl,
            _ => Direction::Ltr,
        }
    }
}

impl fmt::Display for LangTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for LangTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "LangTag({})", self.0)
    }
}

impl FromStr for LangTag {
    type Err = BadLangTag;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        LangTag::parse(text)
    }
}

impl Serialize for LangTag {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for LangTag {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        LangTag::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonicalises_case() {
        assert_eq!(LangTag::parse("EN-gb").unwrap().as_str(), "en-GB");
        assert_eq!(LangTag::parse(" cy ").unwrap().as_str(), "cy");
        assert_eq!(LangTag::parse("pt-BR").unwrap().primary(), "pt");
    }

    #[test]
    fn rejects_garbage() {
        for bad in ["", "english please", "e", "12", "x".repeat(40).as_str()] {
            assert!(LangTag::parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn knows_right_to_left_languages() {
        for rtl in ["ar", "ur", "fa", "he"] {
            assert_eq!(
                LangTag::parse(rtl).unwrap().direction(),
                Direction::Rtl,
                "{rtl}"
            );
        }
        for ltr in ["en", "cy", "pl", "so"] {
            assert_eq!(
                LangTag::parse(ltr).unwrap().direction(),
                Direction::Ltr,
                "{ltr}"
            );
        }
    }
}
