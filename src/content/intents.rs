//! Reads `intents/*.yaml` (one intent or flow per file) and checks each against
//! the locales: messages that exist, variables that are known at that step,
//! examples in every council language, and examples that collide.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::findings::Findings;
use super::locales::Catalog;
use crate::flows::model::{Intent, IntentSet, StepKind};
use crate::flows::parse::{self, InlineText};
use crate::lang::{LangTag, Languages, Localiser};
use crate::text::analysis::Analyzer;
use crate::yaml;

/// Intents as read, with where each came from and its inline texts.
pub(super) struct ReadIntents {
    pub intents: Vec<(PathBuf, String, Intent)>,
    pub inline: Vec<(PathBuf, InlineText)>,
}

/// Reads and parses every intent file; structural problems become findings.
pub(super) fn read(root: &Path, findings: &mut Findings) -> ReadIntents {
    let dir = root.join("intents");
    let paths = super::files_in(&dir, &["yaml", "yml"]);
    let mut read = ReadIntents {
        intents: Vec::new(),
        inline: Vec::new(),
    };
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    for path in paths {
        let Some(text) = super::read_text(&path, "UTF-8 YAML", findings) else {
            continue;
        };
        let (parsed, problems) = parse::parse(&text);
        for problem in problems {
            if problem.error {
                findings.error(&path, problem.line, problem.message);
            } else {
                findings.warning(&path, problem.line, problem.message);
            }
        }
        let Some(parsed) = parsed else { continue };
        let id = parsed.intent.id.clone();
        if let Some(first) = seen.get(&id) {
            let line = yaml::line_of(&text, "id", &id);
            findings.error(
                &path,
                line,
                format!(
                    "intent id `{id}` is already used by {}",
                    findings.relative(first).display()
                ),
            );
            continue;
        }
        seen.insert(id, path.clone());
        read.inline.extend(
            parsed
                .inline
                .into_iter()
                .map(|inline| (path.clone(), inline)),
        );
        read.intents.push((path, text, parsed.intent));
    }
    read
}

/// Checks what needs the locales, and returns the intents as a set.
pub(super) fn check(
    read: ReadIntents,
    languages: &Languages,
    localiser: &Localiser,
    catalog: &Catalog,
    findings: &mut Findings,
) -> IntentSet {
    let mut commands: HashMap<&'static str, PathBuf> = HashMap::new();
    for (path, text, intent) in &read.intents {
        if let Some(command) = intent.command
            && let Some(first) = commands.insert(command.as_str(), path.clone())
        {
            let line = yaml::line_of(text, "command", command.as_str());
            findings.error(
                path,
                line,
                format!(
                    "command `{}` is already given by {}",
                    command.as_str(),
                    findings.relative(&first).display()
                ),
            );
        }
        for info in languages.all() {
            if intent.examples.get(&info.tag).is_none_or(Vec::is_empty) {
                let line = yaml::line_of(text, "examples", "");
                findings.warning(
                    path,
                    line,
                    format!(
                        "no {} examples: residents writing {} cannot reach `{}`",
                        info.tag, info.name, intent.id
                    ),
                );
            }
        }
        check_messages(path, text, intent, languages, localiser, catalog, findings);
    }
    check_collisions(&read.intents, languages, findings);
    IntentSet::new(
        read.intents
            .into_iter()
            .map(|(_, _, intent)| intent)
            .collect(),
    )
}

/// Every message an intent uses exists in each language's chain and uses only
/// variables known where it is said.
fn check_messages(
    path: &Path,
    text: &str,
    intent: &Intent,
    languages: &Languages,
    localiser: &Localiser,
    catalog: &Catalog,
    findings: &mut Findings,
) {
    let mut known: Vec<String> = Vec::new();
    let mut uses: Vec<(String, Vec<String>, Option<usize>)> = Vec::new();
    if let Some(title) = &intent.title {
        uses.push((title.clone(), Vec::new(), yaml::line_of(text, "title", "")));
    }
    for step in &intent.steps {
        let line = step.line;
        match &step.kind {
            StepKind::Ask(slot) => {
                uses.push((slot.prompt.clone(), known.clone(), line));
                for choice in &slot.choices {
                    uses.push((
                        choice.label.clone(),
                        Vec::new(),
                        yaml::line_of(text, "value", &choice.value),
                    ));
                }
                known.push(slot.name.clone());
            }
            StepKind::Confirm { message } => uses.push((message.clone(), known.clone(), line)),
            StepKind::Say { message, links } => {
                uses.push((message.clone(), known.clone(), line));
                for link in links {
                    uses.push((
                        link.title.clone(),
                        Vec::new(),
                        yaml::line_of(text, "url", &link.url),
                    ));
                }
            }
            StepKind::CreateCase { message } => {
                known.push("reference".to_owned());
                uses.push((message.clone(), known.clone(), line));
            }
            StepKind::CaseStatus {
                found, not_found, ..
            } => {
                let mut with_case = known.clone();
                with_case.extend(["status", "date", "topic"].map(str::to_owned));
                uses.push((found.clone(), with_case, line));
                uses.push((not_found.clone(), known.clone(), line));
            }
            StepKind::Handoff => {}
        }
    }
    for (message, variables, line) in uses {
        check_message(
            path, line, &intent.id, &message, &variables, languages, localiser, catalog, findings,
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn check_message(
    path: &Path,
    line: Option<usize>,
    intent: &str,
    message: &str,
    variables: &[String],
    languages: &Languages,
    localiser: &Localiser,
    catalog: &Catalog,
    findings: &mut Findings,
) {
    for info in languages.all() {
        let Some(resolved) = localiser.resolving_language(&info.tag, message) else {
            findings.error(
                path,
                line,
                format!(
                    "message `{message}` does not exist in locales/{}/ or its fallback languages",
                    info.tag
                ),
            );
            continue;
        };
        if resolved != &info.tag {
            continue;
        }
        for variable in catalog.variables(&info.tag, message) {
            if !variables.contains(&variable) {
                let known = if variables.is_empty() {
                    "none yet".to_owned()
                } else {
                    variables
                        .iter()
                        .map(|v| format!("${v}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let (file, at) = catalog
                    .location(&info.tag, message)
                    .unwrap_or((path.to_owned(), line));
                findings.error(&file, at, format!("`{message}` (intent `{intent}`) uses ${variable}, which is not known at that step (known: {known})"));
            }
        }
    }
}

/// The same example (after analysis) in two intents cannot be told apart.
fn check_collisions(
    intents: &[(PathBuf, String, Intent)],
    languages: &Languages,
    findings: &mut Findings,
) {
    for info in languages.all() {
        let analyzer = Analyzer::for_language(&info.tag);
        let mut owners: HashMap<Vec<String>, &str> = HashMap::new();
        for (path, text, intent) in intents {
            for example in intent.examples.get(&info.tag).into_iter().flatten() {
                let terms = analyzer.terms(example);
                if terms.is_empty() {
                    continue;
                }
                match owners.get(&terms) {
                    Some(other) if *other != intent.id => {
                        let line = yaml::line_of_value(text, example);
                        findings.error(path, line, format!("example {example:?} collides with an example of `{other}`: residents saying it cannot be told apart"));
                    }
                    _ => {
                        owners.insert(terms, &intent.id);
                    }
                }
            }
        }
    }
}

/// Fluent source for one language's inline texts.
pub(super) fn inline_source(texts: &[&InlineText]) -> String {
    let mut source = String::new();
    for text in texts {
        source.push_str(&text.id);
        source.push_str(" =\n");
        for line in text.text.lines() {
            if line.trim().is_empty() {
                source.push('\n');
                continue;
            }
            source.push_str("    ");
            // Lines starting like variants or attributes would change meaning.
            if line.trim_start().starts_with(['[', '*', '.']) {
                source.push_str("{\"\"}");
            }
            source.push_str(line.trim_start());
            source.push('\n');
        }
    }
    source
}

/// Inline texts by language.
pub(super) fn inline_by_language(
    inline: &[(PathBuf, InlineText)],
) -> HashMap<LangTag, Vec<&(PathBuf, InlineText)>> {
    let mut by_language: HashMap<LangTag, Vec<&(PathBuf, InlineText)>> = HashMap::new();
    for entry in inline {
        by_language
            .entry(entry.1.lang.clone())
            .or_default()
            .push(entry);
    }
    by_language
}
