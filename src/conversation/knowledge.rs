//! Stage 5, knowledge base: answers free questions from the council's FAQ files,
//! quoting the document and citing its page.
//!
//! The question is searched in the conversation's language, then in the
//! language it was written in (when that is another council language), then
//! along the conversation language's fallback chain. The answer is shown in
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

/// The conversation language's fallback chain (itself first).
fn chain(content: &Content, lang: &LangTag) -> Vec<LangTag> {
    content
        .languages
        .info(lang)
        .map_or_else(|| vec![lang.clone()], |info| info.chain.clone())
}

/// The council language the message was written in, and where to look, in
/// order: the conversation's language, the language the message was written
/// in, the rest of the fallback chain.
fn search_languages(turn: &TurnContext<'_>, chain: &[LangTag]) -> (LangTag, Vec<LangTag>) {
    let detected = turn
        .detection
        .lang
        .as_ref()
        .and_then(|lang| turn.content.languages.negotiate(lang));
    let mut langs = vec![turn.lang.clone()];
    for lang in detected.iter().chain(chain) {
        if !langs.contains(lang) {
            langs.push(lang.clone());
        }
    }
    (detected.unwrap_or_else(|| turn.lang.clone()), langs)
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
