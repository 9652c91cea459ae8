//! `councilbot chat`: one conversation with the bot in a terminal, through the
//! same pipeline residents use. Lines starting with `/` are commands:
//! `/reset`, `/lang xx` (`/lang auto` to follow detection again), `/hint xx`
//! (start again as if on a page in xx), `/1`, `/2`… (press a button of the last
//! reply) and `/quit`. With `--json` every input line prints exactly one JSON line.

use std::io::{BufRead, Write};

use serde::Serialize;

use crate::content::Content;
use crate::conversation::{self, BotMessage, Button, ConversationState, Input, Services, Turn};
use crate::lang::LangTag;

/// One output line in `--json` mode.
#[derive(Serialize)]
struct JsonLine<'a> {
    detected: Option<&'a LangTag>,
    lang: &'a LangTag,
    messages: &'a [BotMessage],
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// What one input line did.
enum Step {
    Reply(Turn),
    Problem(String),
    Quit,
}

/// How `chat` talks.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// One JSON line per input line.
    pub json: bool,
    /// Show a `> ` prompt (for a person at a terminal, not for scripts).
    pub prompt: bool,
}

/// Runs the conversation until `/quit` or the end of input; cases are stored and
/// looked up through `services`.
pub async fn run(
    content: &Content,
    services: &impl Services,
    options: Options,
    input: impl BufRead,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let json = options.json;
    let prompt = options.prompt && !json;
    let mut state = ConversationState::new(content, None, None);
    let mut buttons: Vec<Button> = Vec::new();
    if !json {
        let greeting = conversation::greet(content, &state);
        print_turn(out, &greeting)?;
        buttons = buttons_of(&greeting);
    }
    if prompt {
        write!(out, "> ")?;
        out.flush()?;
    }
    for line in input.lines() {
        let line = line?;
        let step = step(content, services, &mut state, &buttons, line.trim()).await;
        match (&step, json) {
            (Step::Reply(turn), true) => write_json(
                out,
                turn.detected.as_ref(),
                &turn.lang,
                &turn.messages,
                None,
            )?,
            (Step::Reply(turn), false) => print_turn(out, turn)?,
            (Step::Problem(problem), true) => {
                write_json(out, None, &state.lang, &[], Some(problem.clone()))?
            }
            (Step::Problem(problem), false) => writeln!(out, "! {problem}")?,
            (Step::Quit, true) => write_json(out, None, &state.lang, &[], None)?,
            (Step::Quit, false) => {}
        }
        if let Step::Reply(turn) = &step {
            buttons = buttons_of(turn);
        }
        if matches!(step, Step::Quit) {
            break;
        }
        if prompt {
            write!(out, "> ")?;
        }
        out.flush()?;
    }
    Ok(())
}

async fn step(
    content: &Content,
    services: &impl Services,
    state: &mut ConversationState,
    buttons: &[Button],
    line: &str,
) -> Step {
    let Some(command) = line.strip_prefix('/') else {
        if line.is_empty() {
            return Step::Problem("empty message: type a question, or /quit".to_owned());
        }
        return Step::Reply(
            conversation::turn(
                content,
                state,
                Input {
                    text: line,
                    payload: None,
                },
                services,
            )
            .await,
        );
    };
    let (name, argument) = command
        .split_once(' ')
        .map_or((command, ""), |(n, a)| (n, a.trim()));
    match name {
        "quit" | "exit" => Step::Quit,
        "reset" => {
            *state = ConversationState::new(content, None, None);
            Step::Reply(conversation::greet(content, state))
        }
        "lang" if argument == "auto" => {
            Step::Reply(conversation::set_language(content, state, None, services).await)
        }
        "lang" if !argument.is_empty() => {
            Step::Reply(conversation::set_language(content, state, Some(argument), services).await)
        }
        "hint" if !argument.is_empty() => match LangTag::parse(argument) {
            Ok(hint) => {
                *state = ConversationState::new(content, None, Some(&hint));
                Step::Reply(conversation::greet(content, state))
            }
            Err(error) => Step::Problem(error.to_string()),
        },
        number if number.parse::<usize>().is_ok() => {
            let index = number.parse::<usize>().unwrap_or(0);
            match index.checked_sub(1).and_then(|i| buttons.get(i)) {
                Some(button) => Step::Reply(
                    conversation::turn(
                        content,
                        state,
                        Input {
                            text: &button.label,
                            payload: Some(&button.payload),
                        },
                        services,
                    )
                    .await,
                ),
                None => Step::Problem(format!("the last reply has no button {index}")),
            }
        }
        _ => Step::Problem(format!(
            "unknown command /{name}; try /reset, /lang xx, /lang auto, /hint xx, /1 or /quit"
        )),
    }
}

fn write_json(
    out: &mut impl Write,
    detected: Option<&LangTag>,
    lang: &LangTag,
    messages: &[BotMessage],
    error: Option<String>,
) -> std::io::Result<()> {
    let line = JsonLine {
        detected,
        lang,
        messages,
        error,
    };
    serde_json::to_writer(&mut *out, &line)?;
    writeln!(out)
}

/// The buttons of a turn, numbered from 1 in the order they are shown.
fn buttons_of(turn: &Turn) -> Vec<Button> {
    turn.messages
        .iter()
        .flat_map(|m| m.buttons.iter().cloned())
        .collect()
}

fn print_turn(out: &mut impl Write, turn: &Turn) -> std::io::Result<()> {
    let detected = turn.detected.as_ref().map_or("-", LangTag::as_str);
    writeln!(out, "  (detected: {detected}, answering in: {})", turn.lang)?;
    let mut number = 0;
    for message in &turn.messages {
        writeln!(
            out,
            "bot [{} · {}]: {}",
            message.lang,
            message.source.kind(),
            message.text.replace('\n', "\n     ")
        )?;
        for link in &message.links {
            writeln!(out, "     → {} <{}>", link.title, link.url)?;
        }
        for button in &message.buttons {
            number += 1;
            writeln!(out, "     [/{number}] {}", button.label)?;
        }
    }
    Ok(())
}
