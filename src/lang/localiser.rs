//! Fluent bundles per language and message-by-message fallback.
//!
//! Each language's bundle holds its own resources and, without overriding, those of
//! its fallback chain, so terms such as `-council-phone` fall back automatically. A
//! message is formatted with the bundle of the first language in the chain that
//! defines it, so the text and the `lang` reported with it always agree.

use std::collections::{HashMap, HashSet};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::LangTag;

/// One language's parsed Fluent files, ready to be bundled.
pub struct LocaleSource {
    pub lang: LangTag,
    pub resources: Vec<FluentResource>,
}

/// Formats messages for any configured language, falling back along its chain.
pub struct Localiser {
    bundles: HashMap<LangTag, FluentBundle<FluentResource>>,
    own_messages: HashMap<LangTag, HashSet<String>>,
    chains: HashMap<LangTag, Vec<LangTag>>,
}

/// A value passed to a message, such as `$limit` or `$language`.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

macro_rules! number_arg {
    ($($number:ty),*) => {$(
        impl From<$number> for Arg {
            fn from(number: $number) -> Arg {
                Arg::Number(number as f64)
            }
        }
    )*};
}
number_arg!(u32, i64, usize);

impl Arg {
    fn to_fluent(&self) -> FluentValue<'_> {
        match self {
            Arg::Text(text) => FluentValue::from(text.as_str()),
            Arg::Number(number) => FluentValue::from(*number),
        }
    }
}

/// A formatted message and the language its text is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Localised {
    pub text: String,
    pub lang: LangTag,
}

impl Localiser {
    /// Builds bundles; `chains[lang]` lists `lang` first, then its fallbacks in order.
    pub fn new(sources: Vec<LocaleSource>, chains: HashMap<LangTag, Vec<LangTag>>) -> Localiser {
        let mut own_messages = HashMap::new();
        let mut sources_by_lang = HashMap::new();
        for source in sources {
            let ids = source
                .resources
                .iter()
                .flat_map(|resource| resource.entries())
                .filter_map(|entry| match entry {
                    fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_owned()),
                    _ => None,
                })
                .collect::<HashSet<_>>();
            own_messages.insert(source.lang.clone(), ids);
            sources_by_lang.insert(source.lang.clone(), source.resources);
        }
        let mut bundles = HashMap::new();
        for (lang, chain) in &chains {
            bundles.insert(lang.clone(), build_bundle(chain, &sources_by_lang));
        }
        Localiser {
            bundles,
            own_messages,
            chains,
        }
    }

    /// The language in `lang`'s chain whose own files define message `id`.
    pub fn resolving_language(&self, lang: &LangTag, id: &str) -> Option<&LangTag> {
        let chain = self.chains.get(lang)?;
        chain.iter().find(|candidate| {
            self.own_messages
                .get(*candidate)
                .is_some_and(|ids| ids.contains(id))
        })
    }

    /// Whether `lang`'s own files define message `id` (no fallback).
    pub fn defines(&self, lang: &LangTag, id: &str) -> bool {
        self.own_messages
            .get(lang)
            .is_some_and(|ids| ids.contains(id))
    }

    /// Formats message `id` in `lang`, or in the first fallback that has it. A message
    /// missing from the whole chain (which `check` reports) yields its id, logged.
    pub fn format(&self, lang: &LangTag, id: &str, args: &[(&str, Arg)]) -> Localised {
        let Some(resolved) = self.resolving_language(lang, id) else {
            tracing::error!(message_id = id, lang = %lang, "message missing from every fallback language");
            return Localised {
                text: id.to_owned(),
                lang: lang.clone(),
            };
        };
        let Some(bundle) = self.bundles.get(resolved) else {
            return Localised {
                text: id.to_owned(),
                lang: resolved.clone(),
            };
        };
        let Some(pattern) = bundle.get_message(id).and_then(|message| message.value()) else {
            return Localised {
                text: id.to_owned(),
                lang: resolved.clone(),
            };
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.to_fluent());
        }
        let mut errors = Vec::new();
        let text = bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned();
        if !errors.is_empty() {
            tracing::warn!(message_id = id, lang = %resolved, errors = ?errors, "fluent formatting problems");
        }
        Localised {
            text,
            lang: resolved.clone(),
        }
    }

    /// Shorthand for messages without arguments.
    pub fn text(&self, lang: &LangTag, id: &str) -> Localised {
        self.format(lang, id, &[])
    }
}

fn build_bundle(
    chain: &[LangTag],
    sources: &HashMap<LangTag, Vec<FluentResource>>,
) -> FluentBundle<FluentResource> {
    let identifiers = chain.iter().map(LangTag::identifier).collect();
    let mut bundle = FluentBundle::new_concurrent(identifiers);
    // Bidi isolation marks would leak into the terminal, logs and JSON; the widget
    // sets `dir` on each message instead.
    bundle.set_use_isolating(false);
    for lang in chain {
        for resource in sources.get(lang).into_iter().flatten() {
            // Re-parse: a FluentResource cannot be shared between bundles by value.
            let copy = FluentResource::try_new(resource.source().to_owned())
                .unwrap_or_else(|(partial, _)| partial);
            // Entries the earlier (more specific) language defined win; the
            // "overriding" errors for them are expected and ignored.
            let _ = bundle.add_resource(copy);
        }
    }
    bundle
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(text: &str) -> LangTag {
        LangTag::parse(text).unwrap()
    }

    fn localiser() -> Localiser {
        let source = |lang: &str, ftl: &str| LocaleSource {
            lang: tag(lang),
            resources: vec![FluentResource::try_new(ftl.to_owned()).unwrap()],
        };
        let sources = vec![
            source(
                "en",
                "-council-phone = 01632 960 100\nhello = Hello\nbye = Goodbye\ncall = Call { -council-phone }, { $name }\n",
            ),
            source(
                "cy",
                "hello = Helo\ncall = Ffoniwch { -council-phone }, { $name }\n",
            ),
        ];
        let chains = HashMap::from([
            (tag("en"), vec![tag("en")]),
            (tag("cy"), vec![tag("cy"), tag("en")]),
        ]);
        Localiser::new(sources, chains)
    }

    #[test]
    fn formats_in_the_language_that_has_the_message() {
        let l10n = localiser();
        assert_eq!(
            l10n.text(&tag("cy"), "hello"),
            Localised {
                text: "Helo".into(),
                lang: tag("cy")
            }
        );
        assert_eq!(
            l10n.text(&tag("cy"), "bye"),
            Localised {
                text: "Goodbye".into(),
                lang: tag("en")
            }
        );
    }

    #[test]
    fn terms_fall_back_inside_a_language() {
        let l10n = localiser();
        let call = l10n.format(&tag("cy"), "call", &[("name", Arg::from("Siân"))]);
        assert_eq!(call.text, "Ffoniwch 01632 960 100, Siân");
        assert_eq!(call.lang, tag("cy"));
    }

    #[test]
    fn missing_everywhere_yields_the_id() {
        assert_eq!(
            localiser().text(&tag("cy"), "nothing-here").text,
            "nothing-here"
        );
    }
}
