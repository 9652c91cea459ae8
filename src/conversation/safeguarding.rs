//! Stage 1, safeguarding: a global layer of risk phrases checked before anything
//! else on every typed message, inside any flow. A match replies with the rule's
//! emergency message in the resident's language and offers a person at once.
//!
//! Rules are content (`safeguarding/*.yaml`, loaded by `content`); this module
//! holds their compiled form and the matching.

use super::pipeline::{Outcome, TurnContext};
use super::{Source, language, localised_message, person_button};
use crate::lang::LangTag;
use crate::text::{Phrase, PhraseSet};

/// One compiled safeguarding rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    /// Fluent id of the reply, with the emergency numbers.
    pub message: String,
    /// Whether the reply offers a person straight away.
    pub offer_handoff: bool,
    /// Risk phrases and the language each is written in.
    pub phrases: Vec<(LangTag, Phrase)>,
}

/// All rules, in file order; the first match wins.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    rules: Vec<Rule>,
    /// Every rule's phrases, in rule then phrase order.
    phrases: PhraseSet,
    /// For each phrase of `phrases`, its rule and its place in the rule.
    owners: Vec<(usize, usize)>,
}

impl Rules {
    /// Compiles `rules`, in the order given.
    pub fn new(rules: Vec<Rule>) -> Rules {
        let owners = rules
            .iter()
            .enumerate()
            .flat_map(|(rule, r)| (0..r.phrases.len()).map(move |phrase| (rule, phrase)))
            .collect();
        let phrases = PhraseSet::new(
            rules
                .iter()
                .flat_map(|rule| rule.phrases.iter().map(|(_, phrase)| phrase.clone())),
        );
        Rules {
            rules,
            phrases,
            owners,
        }
    }

    /// The first rule with a phrase in `words`, and that phrase's language.
    pub fn find(&self, words: &[&str]) -> Option<(&Rule, &LangTag)> {
        // Phrases are numbered in rule order, so the smallest number that
        // matches is the first rule's first matching phrase.
        let number = self.phrases.first_match(words)?;
        let &(rule, phrase) = self.owners.get(number as usize)?;
        let rule = &self.rules[rule];
        Some((rule, &rule.phrases[phrase].0))
    }
}

pub(crate) struct Stage;

impl super::pipeline::Stage for Stage {
    fn name(&self) -> &'static str {
        "safeguarding"
    }

    fn run(&self, turn: &mut TurnContext<'_>) -> Outcome {
        if turn.input.payload.is_some() {
            return Outcome::Continue;
        }
        let words = turn.words();
        let Some((rule, phrase_lang)) = turn.content.safeguarding.find(&words) else {
            return Outcome::Continue;
        };
        let (rule_id, message, offer) = (rule.id.clone(), rule.message.clone(), rule.offer_handoff);
        // The phrase that matched is the surest sign of the resident's language.
        let phrase_lang = turn.content.languages.negotiate(phrase_lang);
        language::apply(turn);
        let lang = phrase_lang.unwrap_or_else(|| turn.lang.clone());
        let source = Source::Safeguarding {
            id: rule_id.clone(),
        };
        let mut reply = localised_message(turn.content, &lang, &message, &[], source);
        if offer {
            reply.buttons.push(person_button(
                turn.content,
                &lang,
                Some(&format!("safeguarding:{rule_id}")),
            ));
        }
        tracing::warn!(rule = %rule_id, "safeguarding rule matched");
        turn.state.safeguarding = Some(rule_id);
        Outcome::Reply(vec![reply])
    }
}
