//! Reads `locales/<lang>/*.ftl`, checks them and builds the localiser.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use fluent_bundle::FluentResource;
use fluent_syntax::ast;

use super::findings::{Findings, line_at};
use super::intents;
use super::references::{Reference, collect_literal_text, collect_references};
use crate::flows::parse::InlineText;
use crate::lang::messages::{self, Msg};
use crate::lang::{LangTag, Languages, LocaleSource, Localiser, ProfileText};

/// Where an entry is defined and what it refers to.
struct Entry {
    file: PathBuf,
    line: Option<usize>,
    references: Vec<Reference>,
}

/// One language's files, parsed.
#[derive(Default)]
struct LocaleFiles {
    resources: Vec<FluentResource>,
    messages: BTreeMap<String, Entry>,
    terms: BTreeMap<String, Entry>,
    /// The literal text of every message, for the language detector.
    literal_text: String,
}

/// Where a message is defined (file, line) and the variables it uses.
type CatalogEntry = (PathBuf, Option<usize>, Vec<String>);

/// Where each message is defined and the variables it uses, per language (its
/// own definitions only, not its fallbacks').
pub(super) struct Catalog {
    entries: HashMap<LangTag, BTreeMap<String, CatalogEntry>>,
}

impl Catalog {
    /// The variables message `id` uses in `lang`'s own files.
    pub(super) fn variables(&self, lang: &LangTag, id: &str) -> Vec<String> {
        self.entries
            .get(lang)
            .and_then(|messages| messages.get(id))
            .map(|(_, _, v)| v.clone())
            .unwrap_or_default()
    }

    /// Where `lang` defines message `id`.
    pub(super) fn location(&self, lang: &LangTag, id: &str) -> Option<(PathBuf, Option<usize>)> {
        self.entries
            .get(lang)
            .and_then(|messages| messages.get(id))
            .map(|(file, line, _)| (file.clone(), *line))
    }
}

/// Lists the language folders under `locales/`.
pub(super) fn discover(root: &Path, findings: &mut Findings) -> Vec<LangTag> {
    let dir = root.join("locales");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        findings.error(
            &dir,
            None,
            "there is no locales/ folder; every language needs locales/<code>/*.ftl",
        );
        return Vec::new();
    };
    let mut tags = Vec::new();
    for entry in entries.filter_map(Result::ok).filter(|e| e.path().is_dir()) {
        let name = entry.file_name().to_string_lossy().into_owned();
        match LangTag::parse(&name) {
            Ok(tag) => tags.push(tag),
            Err(error) => findings.error(&entry.path(), None, format!("folder name: {error}")),
        }
    }
    tags.sort();
    tags
}

/// Loads every council language's files and the intents' inline texts,
/// reports problems, and returns the localiser, the message catalogue and each
/// language's literal text.
pub(super) fn load(
    root: &Path,
    languages: &Languages,
    inline: &[(PathBuf, InlineText)],
    findings: &mut Findings,
) -> (Localiser, Catalog, Vec<ProfileText>) {
    let mut files: HashMap<LangTag, LocaleFiles> = HashMap::new();
    let inline_by_language = intents::inline_by_language(inline);
    for info in languages.all() {
        let folder = root.join("locales").join(info.tag.as_str());
        let mut locale = read_language(&folder, findings);
        for (path, text) in inline_by_language.get(&info.tag).into_iter().flatten() {
            add_inline(&mut locale, path, text, findings);
        }
        files.insert(info.tag.clone(), locale);
    }
    for info in languages.all() {
        check_language(
            root,
            &info.tag,
            &info.chain,
            &files,
            languages.default(),
            findings,
        );
    }
    let catalog = Catalog {
        entries: files
            .iter()
            .map(|(lang, locale)| {
                let messages = locale
                    .messages
                    .iter()
                    .map(|(id, entry)| {
                        let variables = entry.references.iter().filter_map(|r| match r {
                            Reference::Variable(name) => Some(name.clone()),
                            _ => None,
                        });
                        (
                            id.clone(),
                            (entry.file.clone(), entry.line, variables.collect()),
                        )
                    })
                    .collect();
                (lang.clone(), messages)
            })
            .collect(),
    };
    let profiles = files
        .iter()
        .map(|(lang, locale)| ProfileText {
            lang: lang.clone(),
            text: locale.literal_text.clone(),
        })
        .collect();
    let sources = files
        .into_iter()
        .map(|(lang, locale)| LocaleSource {
            lang,
            resources: locale.resources,
        })
        .collect();
    let chains = languages
        .all()
        .iter()
        .map(|info| (info.tag.clone(), info.chain.clone()))
        .collect();
    (Localiser::new(sources, chains), catalog, profiles)
}

/// Adds one inline text from an intent file as a message of its language.
fn add_inline(locale: &mut LocaleFiles, path: &Path, text: &InlineText, findings: &mut Findings) {
    let source = intents::inline_source(&[text]);
    let resource = match FluentResource::try_new(source.clone()) {
        Ok(resource) => resource,
        Err((resource, errors)) => {
            for error in errors {
                findings.error(
                    path,
                    text.line,
                    format!("inline {} text: Fluent syntax: {error}", text.lang),
                );
            }
            resource
        }
    };
    index_entries(path, &source, &resource, locale, findings, text.line);
    locale.resources.push(resource);
}

fn read_language(folder: &Path, findings: &mut Findings) -> LocaleFiles {
    let mut locale = LocaleFiles::default();
    let paths = super::files_in(folder, &["ftl"]);
    if paths.is_empty() {
        findings.error(
            folder,
            None,
            "this language has no .ftl files; add at least one",
        );
    }
    for path in paths {
        let Some(text) = super::read_text(&path, "UTF-8 Fluent text", findings) else {
            continue;
        };
        let resource = match FluentResource::try_new(text.clone()) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                for error in errors {
                    // At the end of a file the parser points past the last line;
                    // the mistake is on the last line with something on it.
                    let last_content = text.trim_end().len().saturating_sub(1);
                    let line = line_at(&text, error.pos.start.min(last_content));
                    findings.error(&path, Some(line), format!("Fluent syntax: {error}"));
                }
                resource
            }
        };
        index_entries(&path, &text, &resource, &mut locale, findings, None);
        locale.resources.push(resource);
    }
    locale
}

/// Records each entry's location (`line_override` for inline texts) and references.
fn index_entries(
    path: &Path,
    text: &str,
    resource: &FluentResource,
    locale: &mut LocaleFiles,
    findings: &mut Findings,
    line_override: Option<usize>,
) {
    for entry in resource.entries() {
        let (id, is_term, value, attributes) = match entry {
            ast::Entry::Message(m) => (m.id.name, false, m.value.as_ref(), &m.attributes),
            ast::Entry::Term(t) => (t.id.name, true, Some(&t.value), &t.attributes),
            _ => continue,
        };
        let line = line_override.or_else(|| entry_line(text, id, is_term));
        let mut references = Vec::new();
        for pattern in value.into_iter().chain(attributes.iter().map(|a| &a.value)) {
            collect_references(pattern, &mut references);
            if !is_term {
                collect_literal_text(pattern, &mut locale.literal_text);
            }
        }
        let table = if is_term {
            &mut locale.terms
        } else {
            &mut locale.messages
        };
        let prefix = if is_term { "-" } else { "" };
        if let Some(first) = table.get(id) {
            let first_at = format!("{}:{}", first.file.display(), first.line.unwrap_or(0));
            findings.error(
                path,
                line,
                format!(
                    "`{prefix}{id}` is defined twice in this language; the first is at {first_at}"
                ),
            );
            continue;
        }
        table.insert(
            id.to_owned(),
            Entry {
                file: path.to_owned(),
                line,
                references,
            },
        );
    }
}

/// The line where `id =` (or `-id =` for a term) starts an entry.
fn entry_line(text: &str, id: &str, is_term: bool) -> Option<usize> {
    let prefix = if is_term {
        format!("-{id}")
    } else {
        id.to_owned()
    };
    text.lines()
        .position(|line| {
            line.strip_prefix(prefix.as_str())
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|index| index + 1)
}

fn check_language(
    root: &Path,
    lang: &LangTag,
    chain: &[LangTag],
    files: &HashMap<LangTag, LocaleFiles>,
    default: &LangTag,
    findings: &mut Findings,
) {
    let folder = root.join("locales").join(lang.as_str());
    let own = &files[lang];
    let in_chain = |table: fn(&LocaleFiles) -> &BTreeMap<String, Entry>, id: &str| {
        chain
            .iter()
            .filter_map(|l| files.get(l))
            .any(|locale| table(locale).contains_key(id))
    };
    for (id, entry) in own.messages.iter().chain(own.terms.iter()) {
        for reference in &entry.references {
            let missing = match reference {
                Reference::Message(target) => !in_chain(|l| &l.messages, target),
                Reference::Term(target) => !in_chain(|l| &l.terms, target),
                Reference::Variable(_) => false,
            };
            if missing {
                findings.error(&entry.file, entry.line, format!("`{id}` refers to {reference}, which is not defined in {lang} or its fallback languages"));
            }
        }
    }
    for required in messages::all_required() {
        check_required(required, lang, chain, files, &folder, findings);
    }
    if lang != default {
        report_gaps(lang, own, &files[default], default, &folder, findings);
    }
}

fn check_required(
    required: &Msg,
    lang: &LangTag,
    chain: &[LangTag],
    files: &HashMap<LangTag, LocaleFiles>,
    folder: &Path,
    findings: &mut Findings,
) {
    let own_only = *required == messages::LANGUAGE_NAME;
    let defined = chain
        .iter()
        .take(if own_only { 1 } else { chain.len() })
        .filter_map(|l| files.get(l))
        .find_map(|locale| locale.messages.get(required.id));
    let Some(entry) = defined else {
        let hint = if own_only {
            "the language switcher needs every language's own name"
        } else {
            "councilbot shows it to residents"
        };
        findings.error(
            folder,
            None,
            format!(
                "message `{}` is missing in {lang} and its fallback languages; {hint}",
                required.id
            ),
        );
        return;
    };
    for reference in &entry.references {
        if let Reference::Variable(name) = reference
            && !required.variables.contains(&name.as_str())
        {
            let offered = if required.variables.is_empty() {
                "it is given no variables".to_owned()
            } else {
                format!(
                    "it is given only {}",
                    required
                        .variables
                        .iter()
                        .map(|v| format!("${v}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            findings.error(
                &entry.file,
                entry.line,
                format!("`{}` uses ${name}, but {offered}", required.id),
            );
        }
    }
}

fn report_gaps(
    lang: &LangTag,
    own: &LocaleFiles,
    default_files: &LocaleFiles,
    default: &LangTag,
    folder: &Path,
    findings: &mut Findings,
) {
    for id in default_files.messages.keys() {
        if !own.messages.contains_key(id) {
            findings.warning(folder, None, format!("message `{id}` has no {lang} text; residents using {lang} will see the {default} text"));
        }
    }
    for (id, entry) in &own.messages {
        if !default_files.messages.contains_key(id) {
            findings.warning(&entry.file, entry.line, format!("message `{id}` is not in the default language {default}; check the id for a typo"));
        }
    }
}
