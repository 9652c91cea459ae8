//! Findings: what `check` (and a refused reload) tells editors, each with the
//! file and line it is about and a plain-English explanation.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The content cannot be served as it is.
    Error,
    /// Served, but residents may notice (a message falls back to another language).
    Warning,
}

/// One problem in the content, located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    /// Relative to the content folder.
    pub file: PathBuf,
    /// 1-based; `None` when the finding is about the file as a whole.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match self.line {
            Some(line) => write!(
                f,
                "{}:{line}: {severity}: {}",
                self.file.display(),
                self.message
            ),
            None => write!(f, "{}: {severity}: {}", self.file.display(), self.message),
        }
    }
}

/// The findings of one load or check, in the order they were made.
#[derive(Debug, Clone, Default)]
pub struct Findings {
    items: Vec<Finding>,
    root: PathBuf,
}

impl Findings {
    /// Findings about files under `root`; paths are shown relative to it.
    pub fn new(root: &Path) -> Findings {
        Findings {
            items: Vec::new(),
            root: root.to_owned(),
        }
    }

    pub fn error(&mut self, file: &Path, line: Option<usize>, message: impl Into<String>) {
        self.push(Severity::Error, file, line, message.into());
    }

    pub fn warning(&mut self, file: &Path, line: Option<usize>, message: impl Into<String>) {
        self.push(Severity::Warning, file, line, message.into());
    }

    fn push(&mut self, severity: Severity, file: &Path, line: Option<usize>, message: String) {
        let file = file.strip_prefix(&self.root).unwrap_or(file).to_owned();
        self.items.push(Finding {
            severity,
            file,
            line,
            message,
        });
    }

    /// `path` as findings show it: relative to the content folder.
    pub fn relative(&self, path: &Path) -> PathBuf {
        path.strip_prefix(&self.root).unwrap_or(path).to_owned()
    }

    pub fn has_errors(&self) -> bool {
        self.items
            .iter()
            .any(|finding| finding.severity == Severity::Error)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.items
            .iter()
            .filter(|finding| finding.severity == severity)
            .count()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Finding> {
        self.items.iter()
    }

    /// Sorted by file, then line, for stable output.
    pub fn sorted(&self) -> Vec<&Finding> {
        let mut sorted: Vec<&Finding> = self.items.iter().collect();
        sorted.sort_by(|a, b| (&a.file, a.line, a.severity).cmp(&(&b.file, b.line, b.severity)));
        sorted
    }
}

impl fmt::Display for Findings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for finding in self.sorted() {
            writeln!(f, "{finding}")?;
        }
        Ok(())
    }
}

/// The 1-based line holding byte `offset` of `text`.
pub(crate) fn line_at(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|byte| **byte == b'\n')
        .count()
        + 1
}
