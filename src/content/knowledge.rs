//! Reads `knowledge-base/<lang>/**/*.md` and `knowledge-base/<lang>/synonyms.yaml`,
//! checks them, and builds the knowledge base.

use std::collections::{BTreeMap, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

use super::findings::Findings;
use super::read_text;
use crate::kb::{self, Document, KnowledgeBase, Thresholds};
use crate::lang::{LangTag, Languages};
use crate::yaml;

/// The folder of FAQ answers, under the content folder.
const FOLDER: &str = "knowledge-base";
/// Each language's synonyms file.
const SYNONYMS: &str = "synonyms.yaml";
/// Notes for editors that are not answers.
const README: &str = "README.md";

/// A document and where it came from: its file and the line of its id.
struct Located {
    path: PathBuf,
    id_line: Option<usize>,
    document: Document,
    /// The hash of its file, if it parsed without a problem.
    clean_hash: Option<u64>,
}

/// One language's documents.
struct LanguageDocuments {
    lang: LangTag,
    documents: Vec<Located>,
    synonyms: Vec<Vec<String>>,
    /// Every file read for the language, as one hash.
    fingerprint: u64,
}

/// Reads and checks every enabled language's FAQ answers; `None` only when the
/// index cannot be built (the findings say why). With the knowledge base
/// that serves now (`previous`), files that have not changed are not parsed
/// again and a language with no change keeps its index.
///
/// The answers' text is not given to the language detector: English answers
/// are full of words other languages' residents borrow ("council tax"), and
/// the detector is tuned on the intents' examples and the locales.
pub(super) fn load(
    root: &Path,
    languages: &Languages,
    findings: &mut Findings,
    previous: Option<&KnowledgeBase>,
) -> Option<KnowledgeBase> {
    let folder = root.join(FOLDER);
    let mut all = Vec::new();
    for dir in language_folders(&folder, languages, findings) {
        let Some(lang) = dir
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| LangTag::parse(n).ok())
        else {
            continue;
        };
        let parsed = previous
            .map(|previous| previous.parsed(&lang))
            .unwrap_or_default();
        let mut fingerprint = DefaultHasher::new();
        let documents = read_documents(&dir, findings, &parsed, &mut fingerprint);
        let synonyms = read_synonyms(&dir.join(SYNONYMS), findings);
        synonyms.hash(&mut fingerprint);
        all.push(LanguageDocuments {
            lang,
            documents,
            synonyms,
            fingerprint: fingerprint.finish(),
        });
    }
    warn_untranslated(&all, languages.default(), findings);
    // A language without answers still gets an (empty) index: its everyday
    // words tell its questions apart when they are searched in another.
    for info in languages.all() {
        if !all.iter().any(|language| language.lang == info.tag) {
            all.push(LanguageDocuments {
                lang: info.tag.clone(),
                documents: Vec::new(),
                synonyms: Vec::new(),
                fingerprint: DefaultHasher::new().finish(),
            });
        }
    }
    let sources = all
        .into_iter()
        .map(|language| {
            let (documents, file_hashes) = language
                .documents
                .into_iter()
                .map(|located| (located.document, located.clean_hash))
                .unzip();
            kb::Source {
                lang: language.lang,
                documents,
                synonyms: language.synonyms,
                fingerprint: Some(language.fingerprint),
                file_hashes,
            }
        })
        .collect();
    match KnowledgeBase::build_after(sources, Thresholds::default(), previous) {
        Ok(knowledge) => Some(knowledge),
        Err(error) => {
            findings.error(
                &folder,
                None,
                format!("the FAQ index could not be built: {error}"),
            );
            None
        }
    }
}

/// The folders of `knowledge-base/` named after an enabled language; other
/// folders get a warning, since their answers would never be given.
fn language_folders(folder: &Path, languages: &Languages, findings: &mut Findings) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    dirs.retain(|dir| {
        let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        match LangTag::parse(name) {
            Ok(tag) if languages.is_enabled(&tag) => true,
            Ok(tag) => {
                findings.warning(
                    dir,
                    None,
                    format!("{tag} is not one of the council's languages, so these answers are never given"),
                );
                false
            }
            Err(_) => {
                findings.warning(
                    dir,
                    None,
                    "knowledge-base/ holds one folder per language code (en, cy, pl); this folder is not read",
                );
                false
            }
        }
    });
    dirs
}

/// Every answer under `dir`, in file order; a second document with the same
/// id is an error naming the first. A file whose hash is in `parsed` is not
/// parsed again. Each file's path and text go into `fingerprint`.
fn read_documents(
    dir: &Path,
    findings: &mut Findings,
    parsed: &HashMap<u64, &Document>,
    fingerprint: &mut DefaultHasher,
) -> Vec<Located> {
    let mut documents: Vec<Located> = Vec::new();
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    for path in markdown_files(dir) {
        let Some(text) = read_text(&path, "UTF-8 Markdown", findings) else {
            path.hash(fingerprint);
            continue;
        };
        let mut file = DefaultHasher::new();
        path.hash(&mut file);
        text.hash(&mut file);
        let hash = file.finish();
        hash.hash(fingerprint);
        let (document, problems) = match parsed.get(&hash) {
            Some(document) => (Some((*document).clone()), Vec::new()),
            None => kb::document::parse(&text),
        };
        let clean_hash = problems.is_empty().then_some(hash);
        for problem in problems {
            if problem.error {
                findings.error(&path, problem.line, problem.message);
            } else {
                findings.warning(&path, problem.line, problem.message);
            }
        }
        let Some(document) = document else { continue };
        let id_line = yaml::line_of(&text, "id", "");
        if let Some(first) = seen.get(&document.id) {
            let first = findings.relative(first);
            findings.error(
                &path,
                id_line,
                format!(
                    "id {:?} is already used by {}; each answer needs its own id in a language",
                    document.id,
                    first.display()
                ),
            );
            continue;
        }
        seen.insert(document.id.clone(), path.clone());
        documents.push(Located {
            path,
            id_line,
            document,
            clean_hash,
        });
    }
    documents
}

/// `*.md` files under `dir` at any depth, sorted, without editors' READMEs.
fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for path in entries.filter_map(Result::ok).map(|entry| entry.path()) {
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "md")
                && path.file_name().is_some_and(|n| n != README)
            {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// `synonyms.yaml`: a list of groups, each a list of words or phrases that mean
/// the same (`- [ctax, council tax]`).
fn read_synonyms(path: &Path, findings: &mut Findings) -> Vec<Vec<String>> {
    if !path.exists() {
        return Vec::new();
    }
    let Some(text) = read_text(path, "UTF-8 YAML", findings) else {
        return Vec::new();
    };
    let groups: Vec<Vec<String>> = match yaml::from_str::<Option<Vec<Vec<String>>>>(&text) {
        Ok(groups) => groups.unwrap_or_default(),
        Err(error) => {
            findings.error(
                path,
                error.line,
                format!(
                    "{}; synonyms.yaml is a list of groups, each a list of words that mean the same: - [ctax, council tax]",
                    error.message
                ),
            );
            return Vec::new();
        }
    };
    groups
        .into_iter()
        .filter_map(|group| {
            let group: Vec<String> = group
                .into_iter()
                .map(|phrase| phrase.trim().to_owned())
                .filter(|phrase| !phrase.is_empty())
                .collect();
            if group.len() < 2 {
                let line = group.first().and_then(|phrase| {
                    text.lines()
                        .position(|line| line.contains(phrase.as_str()))
                        .map(|index| index + 1)
                });
                findings.warning(
                    path,
                    line,
                    "a synonym group needs at least two words or phrases; this one changes nothing",
                );
                return None;
            }
            Some(group)
        })
        .collect()
}

/// A document outside the default language whose id no other language has is
/// probably a translation with a mistyped id.
fn warn_untranslated(all: &[LanguageDocuments], default: &LangTag, findings: &mut Findings) {
    let mut languages_of: BTreeMap<&str, usize> = BTreeMap::new();
    for language in all {
        for Located { document, .. } in &language.documents {
            *languages_of.entry(document.id.as_str()).or_default() += 1;
        }
    }
    if all.len() < 2 {
        return;
    }
    for language in all.iter().filter(|language| &language.lang != default) {
        for located in &language.documents {
            let document = &located.document;
            if languages_of.get(document.id.as_str()) == Some(&1) {
                findings.warning(
                    &located.path,
                    located.id_line,
                    format!(
                        "id {:?} is in {} only; if this translates an answer, use that answer's id so the two are linked",
                        document.id, language.lang
                    ),
                );
            }
        }
    }
}
