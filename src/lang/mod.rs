//! Which language: tags, the council's language set, detection, the policy that
//! picks a conversation's language, and the Fluent strings in each language.
//!
//! This module is the one owner of "which language"; other modules ask it and
//! never compare language codes themselves.

mod detect;
mod localiser;
pub mod messages;
pub mod policy;
mod tag;

pub use detect::{Detection, Detector, ProfileText, everyday_words};
pub use localiser::{Arg, LocaleSource, Localised, Localiser};
pub use tag::{BadLangTag, Direction, LangTag};

/// One of the council's languages.
#[derive(Debug, Clone)]
pub struct LanguageInfo {
    pub tag: LangTag,
    /// The language's name in itself ("Cymraeg"), for the language switcher.
    pub name: String,
    pub direction: Direction,
    /// This language, then its fallbacks in order, ending with the default.
    pub chain: Vec<LangTag>,
}

/// The council's languages and its default.
#[derive(Debug, Clone)]
pub struct Languages {
    enabled: Vec<LanguageInfo>,
    default: LangTag,
}

impl Languages {
    /// `enabled` must contain `default`; the content loader guarantees it.
    pub fn new(enabled: Vec<LanguageInfo>, default: LangTag) -> Languages {
        Languages { enabled, default }
    }

    pub fn default(&self) -> &LangTag {
        &self.default
    }

    pub fn all(&self) -> &[LanguageInfo] {
        &self.enabled
    }

    pub fn info(&self, tag: &LangTag) -> Option<&LanguageInfo> {
        self.enabled.iter().find(|info| &info.tag == tag)
    }

    pub fn is_enabled(&self, tag: &LangTag) -> bool {
        self.info(tag).is_some()
    }

    /// Maps any tag to a council language: the same tag, else one with the same
    /// primary subtag (`cy-GB` to `cy`, `pt` to `pt-BR`).
    pub fn negotiate(&self, tag: &LangTag) -> Option<LangTag> {
        if self.is_enabled(tag) {
            return Some(tag.clone());
        }
        self.enabled
            .iter()
            .find(|info| info.tag.primary() == tag.primary())
            .map(|info| info.tag.clone())
    }

    #[cfg(test)]
    pub(crate) fn for_tests(codes: &[&str], default: &str) -> Languages {
        let default = LangTag::parse(default).unwrap();
        let enabled = codes
            .iter()
            .map(|code| {
                let tag = LangTag::parse(code).unwrap();
                let mut chain = vec![tag.clone()];
                if tag != default {
                    chain.push(default.clone());
                }
                LanguageInfo {
                    name: code.to_string(),
                    direction: tag.direction(),
                    tag,
                    chain,
                }
            })
            .collect();
        Languages { enabled, default }
    }
}
