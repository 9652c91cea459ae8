//! Stage 5, knowledge base: answers free questions from the council's FAQ files,
//! quoting the document and citing its page.
//!
//! The question is searched in the language it was written in, then in the
//! conversation's language and along its fallback chain. The answer is shown in
//! the first language of the chain that has the document, saying so when that
//! is not the conversation's language. Close runners-up become "related"
//! buttons (`faq:<id>`), which show that document.

use super::pipeline::{Outcome, TurnContext};
use super::{BotMessage, Button, Link, Source, localised_message, payload};
use crate::content::Content;
use crate::kb::{Document, Hit};
use crate::lang::{Arg, LangTag, messages};

pub(crate) struct Stage;

impl super::pipeline::Stage for Stage {
    fn name(&self) -> &'static str {
        "knowledge"
    }

    fn run(&self, turn: &mut TurnContext<'_>) -> Outcome {
        let content = turn.content;
        let chain = chain(content, &turn.lang);
        if let Some(pressed) = turn.input.payload {
            let Some(id) = pressed.strip_prefix(payload::FAQ_PREFIX) else {
                return Outcome::Continue;
            };
            return match content.knowledge.translation(&chain, id) {
                Some((lang, document)) => Outcome::Reply(present(turn, lang, document, &[])),
                None => Outcome::Continue,
            };
        }
        let (written_in, langs) = search_languages(turn, &chain);
        let Some(answer) = content
            .knowledge
            .answer(&langs, &written_in, turn.input.text)
        else {
            return Outcome::Continue;
        };
        let best = answer.best;
        let (lang, document) = content
            .knowledge
            .translation(&chain, &best.document.id)
            .unwrap_or((best.lang, best.document));
        Outcome::Reply(present(turn, lang, document, &answer.related))
    }
}

/// Whether an FAQ answer fits the message clearly better than an
/// information intent that matched it with `intent_score`: the intent matched
/// loosely (not one of its examples, near enough), and the answer covers the
/// message well ("council tax bands" is not "pay council tax").
pub(crate) fn answers_better(turn: &TurnContext<'_>, intent_score: f32) -> bool {
    let content = turn.content;
    let limits = content.knowledge.thresholds();
    if intent_score >= limits.intent_close_match {
        return false;
    }
    let chain = chain(content, &turn.lang);
    let (written_in, langs) = search_languages(turn, &chain);
    content
        .knowledge
        .answer(&langs, &written_in, turn.input.text)
        .is_some_and(|answer| answer.best.coverage >= limits.prefer_coverage)
}

/// The conversation language's fallback chain (itself first).
fn chain(content: &Content, lang: &LangTag) -> Vec<LangTag> {
    content
        .languages
        .info(lang)
        .map_or_else(|| vec![lang.clone()], |info| info.chain.clone())
}

/// The council language the message was written in, and where to look, in
/// order: that language (an English question in a Welsh conversation is
/// searched in English first), the conversation's language, the rest of its
/// fallback chain.
fn search_languages(turn: &TurnContext<'_>, chain: &[LangTag]) -> (LangTag, Vec<LangTag>) {
    let written_in = turn
        .detection
        .lang
        .as_ref()
        .and_then(|lang| turn.content.languages.negotiate(lang))
        .unwrap_or_else(|| turn.lang.clone());
    let mut langs = vec![written_in.clone()];
    for lang in chain {
        if !langs.contains(lang) {
            langs.push(lang.clone());
        }
    }
    (written_in, langs)
}

/// The answer: a note when it is in another language, then the document's
/// excerpt with its review date, its page as a citation link, and a button
/// for each related document.
fn present(
    turn: &TurnContext<'_>,
    lang: &LangTag,
    document: &Document,
    related: &[Hit<'_>],
) -> Vec<BotMessage> {
    let content = turn.content;
    let source = Source::Faq {
        id: document.id.clone(),
        title: document.title.clone(),
        url: document.url.clone(),
    };
    let mut replies = Vec::new();
    if *lang != turn.lang {
        let name = content
            .languages
            .info(lang)
            .map_or_else(|| lang.to_string(), |info| info.name.clone());
        let args = [
            ("language", Arg::Text(name)),
            ("code", Arg::Text(lang.primary().to_owned())),
        ];
        replies.push(localised_message(
            content,
            &turn.lang,
            messages::FAQ_IN_OTHER_LANGUAGE.id,
            &args,
            source.clone(),
        ));
    }
    let mut text = document.excerpt.clone();
    if let Some(reviewed) = document.reviewed {
        let date = content.words.get(lang).map_or_else(
            || reviewed.to_string(),
            |words| words.date_display(reviewed),
        );
        let args = [("date", Arg::Text(date))];
        let line = content
            .localiser
            .format(lang, messages::FAQ_REVIEWED.id, &args);
        text.push_str("\n\n");
        text.push_str(&line.text);
    }
    let chain = chain(content, &turn.lang);
    let buttons = related
        .iter()
        .filter(|hit| hit.document.id != document.id)
        .map(|hit| {
            let title = content
                .knowledge
                .translation(&chain, &hit.document.id)
                .map_or(&hit.document.title, |(_, translated)| &translated.title);
            Button {
                label: title.clone(),
                payload: format!("{}{}", payload::FAQ_PREFIX, hit.document.id),
            }
        })
        .collect();
    let links = document
        .url
        .iter()
        .map(|url| Link {
            title: document.title.clone(),
            url: url.clone(),
        })
        .collect();
    replies.push(BotMessage {
        text,
        lang: lang.clone(),
        dir: lang.direction(),
        source,
        buttons,
        links,
        personal: false,
    });
    replies
}
