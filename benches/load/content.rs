//! What the load bench serves and says: a copy of the demo council's content
//! with a generated knowledge base of realistic FAQ pages added, and the mixed
//! corpus of resident messages the load client draws from.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The content folders copied from the repository.
const FOLDERS: &[&str] = &["intents", "knowledge-base", "locales", "safeguarding"];
/// Generated pages per language; English carries most, as on a real site.
const SHARE: &[(&str, usize)] = &[("en", 70), ("cy", 10), ("pl", 10), ("ar", 10)];

/// A small deterministic generator: the same corpus on every run.
pub(crate) struct Lcg(pub(crate) u64);

impl Lcg {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// An index below `n`, skewed towards the start (common words first).
    fn skewed(&mut self, n: usize) -> usize {
        let x = (self.next() % 10_000) as f64 / 10_000.0;
        ((x * x * x) * n as f64) as usize % n
    }
}

pub(crate) fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies the demo content into `into` and adds `documents` generated pages
/// (ids shared across languages, so every non-English page is a translation).
pub(crate) fn prepare(into: &Path, documents: usize) -> std::io::Result<()> {
    let repo = repository();
    for folder in FOLDERS {
        copy_tree(&repo.join(folder), &into.join(folder))?;
    }
    let mut random = Lcg(7);
    let total_share: usize = SHARE.iter().map(|(_, share)| share).sum();
    for (lang, share) in SHARE {
        let count = documents * share / total_share;
        let vocabulary = vocabulary(&repo.join("knowledge-base").join(lang));
        let folder = into.join("knowledge-base").join(lang).join("generated");
        fs::create_dir_all(&folder)?;
        for n in 0..count {
            let page = page(&mut random, &vocabulary, n);
            fs::write(folder.join(format!("page-{n:05}.md")), page)?;
        }
    }
    Ok(())
}

fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

fn markdown_files(dir: &Path, into: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            markdown_files(&path, into);
        } else if path.extension().is_some_and(|e| e == "md") {
            into.push(path);
        }
    }
}

/// The words of a language's real answers, most frequent first.
fn vocabulary(folder: &Path) -> Vec<String> {
    let mut files = Vec::new();
    markdown_files(folder, &mut files);
    let mut counts = HashMap::<String, usize>::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap_or_default();
        // The body only: after the closing front-matter fence.
        let body = text.splitn(3, "---").nth(2).unwrap_or_default();
        for word in body.split_whitespace() {
            let word: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
            if word.chars().count() > 1 {
                *counts.entry(word.to_lowercase()).or_default() += 1;
            }
        }
    }
    let mut words: Vec<(String, usize)> = counts.into_iter().collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    words.into_iter().map(|(word, _)| word).collect()
}

/// One FAQ page of ~150 words: a title, tags, a summary and three paragraphs.
fn page(random: &mut Lcg, vocabulary: &[String], n: usize) -> String {
    let mut words = |count: usize| -> String {
        (0..count)
            .map(|_| vocabulary[random.skewed(vocabulary.len())].as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let title = words(5);
    let tags = words(2).replace(' ', ", ");
    let summary = words(25);
    let paragraphs: Vec<String> = (0..3).map(|_| format!("{}.", words(40))).collect();
    format!(
        "---\nid: generated-{n:05}\ntitle: \"{title}\"\nurl: https://www.glanafon.example/services/generated-{n:05}\n\
         tags: [{tags}]\nreviewed: 2026-10-01\nsummary: \"{summary}.\"\n---\n\n{}\n",
        paragraphs.join("\n\n")
    )
}

/// Resident messages: intent phrasings, FAQ questions, other languages and
/// nonsense, from the development sets (never the held-out ones). Messages
/// that ask for a person are left out: a handed-off conversation waits for
/// staff, which is not what this bench measures.
pub(crate) fn messages() -> Vec<String> {
    let data = repository().join("tests/data");
    let mut messages = Vec::new();
    let lines = |file: &str| -> Vec<Vec<String>> {
        fs::read_to_string(data.join(file))
            .unwrap_or_default()
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .map(|line| line.split('\t').map(str::to_owned).collect())
            .collect()
    };
    for fields in lines("intents-dev.tsv") {
        if fields.len() == 3 && fields[1] != "speak-to-person" {
            messages.push(fields[2].clone());
        }
    }
    for fields in lines("faq-dev.tsv") {
        if fields.len() == 3 {
            messages.push(fields[2].clone());
        }
    }
    for fields in lines("language-dev.tsv") {
        if fields.len() == 2 {
            messages.push(fields[1].clone());
        }
    }
    let mut random = Lcg(11);
    let letters: Vec<char> = "abcdefghijklmnopqrstuvwxyz".chars().collect();
    for _ in 0..40 {
        let words: Vec<String> = (0..2 + random.below(5))
            .map(|_| {
                (0..2 + random.below(8))
                    .map(|_| letters[random.below(letters.len())])
                    .collect()
            })
            .collect();
        messages.push(words.join(" "));
    }
    messages
}

/// A message as a `message` frame, with its client id.
pub(crate) fn frame(id: &str, text: &str) -> String {
    serde_json::json!({"type": "message", "id": id, "text": text}).to_string()
}
