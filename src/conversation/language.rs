//! Stage 2, language: settles the language of this turn by the policy in
//! `lang::policy`, and handles the resident's explicit choice.

use super::pipeline::{Outcome, TurnContext, with_engine};
use super::{BotMessage, ConversationState, Source, localised_message, payload, render};
use crate::content::Content;
use crate::flows::engine::Progress;
use crate::lang::{LangTag, messages, policy};

pub(crate) struct Stage;

impl super::pipeline::Stage for Stage {
    fn name(&self) -> &'static str {
        "language"
    }

    fn run(&self, turn: &mut TurnContext<'_>) -> Outcome {
        if let Some(code) = turn
            .input
            .payload
            .and_then(|p| p.strip_prefix(payload::LANGUAGE_PREFIX))
        {
            let mut messages = choose(turn.content, turn.state, Some(code));
            turn.lang = turn.state.lang.clone();
            if turn.state.flow.is_some() {
                let (content, lang, today) = (turn.content, turn.lang.clone(), turn.today);
                let progress = with_engine(content, &lang, today, |engine| {
                    engine.ask_again(&mut turn.state.flow)
                });
                if let Progress::Say(said) = progress {
                    messages.extend(said.into_iter().map(|u| render(content, &lang, u)));
                }
            }
            return Outcome::Reply(messages);
        }
        apply(turn);
        Outcome::Continue
    }
}

/// Applies the policy to this turn: updates the conversation's language and the
/// language replies are written in.
pub(crate) fn apply(turn: &mut TurnContext<'_>) {
    let state = &*turn.state;
    let inputs = policy::Inputs {
        pinned: state.pinned.then_some(&state.lang),
        detection: Some(&turn.detection),
        current: Some(&state.lang),
        page_hint: state.page_hint.as_ref(),
    };
    let (lang, reason) = policy::resolve(&turn.content.languages, &inputs);
    if lang != turn.state.lang {
        tracing::debug!(from = %turn.state.lang, to = %lang, reason = reason.as_str(), "language switched");
    }
    turn.state.lang = lang.clone();
    turn.lang = lang;
}

/// Pins the conversation to the language `code` names, or unpins it with `None`.
pub(crate) fn choose(
    content: &Content,
    state: &mut ConversationState,
    code: Option<&str>,
) -> Vec<BotMessage> {
    let Some(code) = code else {
        state.pinned = false;
        let source = Source::System {
            id: messages::LANGUAGE_AUTO.id.to_owned(),
        };
        return vec![localised_message(
            content,
            &state.lang,
            messages::LANGUAGE_AUTO.id,
            &[],
            source,
        )];
    };
    let Some(tag) = LangTag::parse(code)
        .ok()
        .and_then(|tag| content.languages.negotiate(&tag))
    else {
        return vec![not_available(content, &state.lang, code)];
    };
    state.lang = tag.clone();
    state.pinned = true;
    let name = content
        .languages
        .info(&tag)
        .map_or_else(|| tag.to_string(), |info| info.name.clone());
    let source = Source::System {
        id: messages::LANGUAGE_CHANGED.id.to_owned(),
    };
    vec![localised_message(
        content,
        &tag,
        messages::LANGUAGE_CHANGED.id,
        &[("language", name.into())],
        source,
    )]
}

fn not_available(content: &Content, lang: &LangTag, code: &str) -> BotMessage {
    let source = Source::System {
        id: messages::LANGUAGE_NOT_AVAILABLE.id.to_owned(),
    };
    let code = code.chars().take(16).collect::<String>();
    localised_message(
        content,
        lang,
        messages::LANGUAGE_NOT_AVAILABLE.id,
        &[("code", code.into())],
        source,
    )
}
