//! The language policy of DESIGN.md: explicit choice (pinned) > confident detection
//! on this message > the conversation's current language > the page's language
//! hint > the default. Pure: it decides, the conversation stores.

use super::{Detection, LangTag, Languages};

/// Why the policy chose the language it chose; logged with each turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Pinned,
    Detected,
    Current,
    PageHint,
    Default,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Pinned => "pinned",
            Reason::Detected => "detected",
            Reason::Current => "current",
            Reason::PageHint => "page_hint",
            Reason::Default => "default",
        }
    }
}

/// What the policy looks at for one message.
#[derive(Debug, Default)]
pub struct Inputs<'a> {
    pub pinned: Option<&'a LangTag>,
    pub detection: Option<&'a Detection>,
    pub current: Option<&'a LangTag>,
    pub page_hint: Option<&'a LangTag>,
}

/// Picks the conversation's language. Only council languages can win; a confident
/// detection of any other language is reported but does not change the language.
pub fn resolve(languages: &Languages, inputs: &Inputs<'_>) -> (LangTag, Reason) {
    let enabled = |tag: Option<&LangTag>| tag.and_then(|tag| languages.negotiate(tag));
    if let Some(pinned) = enabled(inputs.pinned) {
        return (pinned, Reason::Pinned);
    }
    let confident = inputs
        .detection
        .filter(|d| d.confident)
        .and_then(|d| d.lang.as_ref());
    if let Some(detected) = enabled(confident) {
        return (detected, Reason::Detected);
    }
    if let Some(current) = enabled(inputs.current) {
        return (current, Reason::Current);
    }
    if let Some(hint) = enabled(inputs.page_hint) {
        return (hint, Reason::PageHint);
    }
    (languages.default().clone(), Reason::Default)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(text: &str) -> LangTag {
        LangTag::parse(text).unwrap()
    }

    fn languages() -> Languages {
        Languages::for_tests(&["en", "cy", "pl", "ar"], "en")
    }

    fn detection(lang: &str, confident: bool) -> Detection {
        Detection {
            lang: Some(tag(lang)),
            confident,
        }
    }

    #[test]
    fn each_rule_wins_over_the_ones_below_it() {
        let langs = languages();
        let (pl, cy, ar, en) = (tag("pl"), tag("cy"), tag("ar"), tag("en"));
        let sure_pl = detection("pl", true);
        let all = Inputs {
            pinned: Some(&cy),
            detection: Some(&sure_pl),
            current: Some(&ar),
            page_hint: Some(&en),
        };
        assert_eq!(resolve(&langs, &all), (cy.clone(), Reason::Pinned));
        let unpinned = Inputs {
            pinned: None,
            ..all
        };
        assert_eq!(resolve(&langs, &unpinned), (pl.clone(), Reason::Detected));
        let undetected = Inputs {
            detection: None,
            ..unpinned
        };
        assert_eq!(resolve(&langs, &undetected), (ar.clone(), Reason::Current));
        let fresh = Inputs {
            current: None,
            ..undetected
        };
        assert_eq!(resolve(&langs, &fresh), (en.clone(), Reason::PageHint));
        assert_eq!(resolve(&langs, &Inputs::default()), (en, Reason::Default));
    }

    #[test]
    fn unconfident_or_foreign_detection_keeps_the_current_language() {
        let langs = languages();
        let cy = tag("cy");
        let unsure = detection("pl", false);
        let inputs = Inputs {
            detection: Some(&unsure),
            current: Some(&cy),
            ..Inputs::default()
        };
        assert_eq!(resolve(&langs, &inputs), (cy.clone(), Reason::Current));
        let french = detection("fr", true);
        let inputs = Inputs {
            detection: Some(&french),
            current: Some(&cy),
            ..Inputs::default()
        };
        assert_eq!(resolve(&langs, &inputs), (cy, Reason::Current));
    }

    #[test]
    fn regional_tags_negotiate_to_council_languages() {
        let langs = languages();
        let hint = tag("cy-GB");
        let inputs = Inputs {
            page_hint: Some(&hint),
            ..Inputs::default()
        };
        assert_eq!(resolve(&langs, &inputs), (tag("cy"), Reason::PageHint));
        let unknown = tag("de-DE");
        let inputs = Inputs {
            page_hint: Some(&unknown),
            ..Inputs::default()
        };
        assert_eq!(resolve(&langs, &inputs), (tag("en"), Reason::Default));
    }
}
