//! Examples, phrases, language codes, texts (Fluent ids or inline) and links.

use std::collections::{BTreeMap, HashMap};

use super::Parser;
use super::file::{LinkFile, TextSpec};
use crate::flows::model::LinkSpec;
use crate::flows::parse::InlineText;
use crate::lang::LangTag;
use crate::text::Phrase;
use crate::yaml;

impl Parser<'_> {
    pub(super) fn examples(
        &mut self,
        examples: &BTreeMap<String, Vec<String>>,
    ) -> HashMap<LangTag, Vec<String>> {
        let mut parsed = HashMap::new();
        for (code, list) in examples {
            let Some(lang) = self.language(code) else {
                continue;
            };
            for example in list {
                if example.trim().is_empty() {
                    self.error(
                        yaml::line_of(self.text, code, ""),
                        format!("an empty example in {code}"),
                    );
                }
            }
            parsed.insert(
                lang,
                list.iter()
                    .filter(|e| !e.trim().is_empty())
                    .cloned()
                    .collect(),
            );
        }
        parsed
    }

    pub(super) fn phrases(
        &mut self,
        field: &str,
        lists: &BTreeMap<String, Vec<String>>,
    ) -> HashMap<LangTag, Vec<Phrase>> {
        let mut parsed = HashMap::new();
        for (code, list) in lists {
            let Some(lang) = self.language(code) else {
                continue;
            };
            let mut phrases = Vec::new();
            for phrase in list {
                match Phrase::parse(phrase) {
                    Some(compiled) => phrases.push(compiled),
                    None => self.error(
                        yaml::line_of_value(self.text, phrase),
                        format!("{field} phrase {phrase:?} has no words to match"),
                    ),
                }
            }
            parsed.insert(lang, phrases);
        }
        parsed
    }

    pub(super) fn language(&mut self, code: &str) -> Option<LangTag> {
        match LangTag::parse(code) {
            Ok(lang) => Some(lang),
            Err(error) => {
                self.error(yaml::line_of(self.text, code, ""), error.to_string());
                None
            }
        }
    }

    /// The Fluent id for a text: the id as written, or a new one for inline text.
    pub(super) fn text_id(&mut self, spec: TextSpec, place: &str, key: &str) -> String {
        match spec {
            TextSpec::Id(id) => id,
            TextSpec::Inline(texts) => {
                let id = format!("{}--{place}", self.id);
                for (code, text) in texts {
                    let Some(lang) = self.language(&code) else {
                        continue;
                    };
                    let line = yaml::line_of(self.text, &code, &text)
                        .or_else(|| yaml::line_of(self.text, key, ""));
                    self.inline.push(InlineText {
                        id: id.clone(),
                        lang,
                        text,
                        line,
                    });
                }
                id
            }
        }
    }

    pub(super) fn links(&mut self, links: Vec<LinkFile>, place: &str) -> Vec<LinkSpec> {
        links
            .into_iter()
            .enumerate()
            .map(|(n, link)| {
                if !(link.url.starts_with("https://") || link.url.starts_with("http://")) {
                    self.error(
                        yaml::line_of(self.text, "url", &link.url),
                        format!("link {:?} must start with https:// (or http://)", link.url),
                    );
                }
                let title = self.text_id(link.title, &format!("{place}-link-{}", n + 1), "title");
                LinkSpec {
                    title,
                    url: link.url,
                }
            })
            .collect()
    }
}
