//! The one module that parses YAML.
//!
//! serde_yaml is archived upstream; everything else in councilbot calls these
//! functions, so a maintained fork can replace it here and nowhere else. Errors
//! carry the 1-based line so `check` can point editors at `file:line`.

use serde::de::DeserializeOwned;

/// A YAML document that could not be read into the expected shape.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct YamlError {
    /// 1-based line of the problem, when the parser knows it.
    pub line: Option<usize>,
    /// Plain-English description without the location suffix.
    pub message: String,
}

/// Parses `text` into `T`; an empty document is read as `null`, so structs whose
/// fields all have defaults accept an empty file.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    let text = if text.trim().is_empty() { "{}" } else { text };
    serde_yaml::from_str(text).map_err(|error| {
        let line = error.location().map(|location| location.line());
        let mut message = error.to_string();
        // serde_yaml appends " at line L column C"; the caller prints file:line itself.
        if let Some(cut) = message.find(" at line ") {
            message.truncate(cut);
        }
        YamlError { line, message }
    })
}

/// Finds the 1-based line on which `key: value` (or `- value` under a list) is written,
/// for findings about a value the parser accepted but the content check rejects.
pub fn line_of(text: &str, key: &str, value: &str) -> Option<usize> {
    let unquote = |s: &str| s.trim().trim_matches(|c| c == '"' || c == '\'').to_owned();
    text.lines()
        .position(|line| {
            let trimmed = line.trim_start().trim_start_matches("- ");
            match trimmed.split_once(':') {
                Some((found_key, found_value)) if found_key.trim() == key => {
                    value.is_empty() || unquote(found_value) == value
                }
                _ => false,
            }
        })
        .map(|index| index + 1)
}

/// Finds the 1-based line of the first list item or value equal to `value`.
pub fn line_of_value(text: &str, value: &str) -> Option<usize> {
    text.lines()
        .position(|line| {
            let trimmed = line.trim().trim_start_matches("- ").trim();
            let trimmed = trimmed.rsplit_once(": ").map_or(trimmed, |(_, v)| v);
            trimmed.trim_matches(|c| c == '"' || c == '\'') == value
        })
        .map(|index| index + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Shape {
        id: String,
    }

    #[test]
    fn unknown_field_reports_its_line_and_name() {
        let error = from_str::<Shape>("id: a\ncolour: red\n").unwrap_err();
        assert_eq!(error.line, Some(2));
        assert!(
            error.message.contains("unknown field `colour`"),
            "{}",
            error.message
        );
        assert!(!error.message.contains("at line"));
    }

    #[test]
    fn locates_keys_and_values() {
        let text = "id: pothole\nmessages:\n  - \"safeguarding-gas\"\n";
        assert_eq!(line_of(text, "id", "pothole"), Some(1));
        assert_eq!(line_of(text, "messages", ""), Some(2));
        assert_eq!(line_of_value(text, "safeguarding-gas"), Some(3));
    }
}
