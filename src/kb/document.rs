//! One FAQ answer: `knowledge-base/<lang>/**/<name>.md`, YAML front matter and a
//! Markdown body. Parsing is pure; reading the files is `content`'s job.

use jiff::civil::Date;
use serde::Deserialize;

use crate::yaml;

/// An FAQ answer, ready to index and quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub id: String,
    pub title: String,
    pub url: Option<String>,
    pub tags: Vec<String>,
    pub reviewed: Option<Date>,
    pub summary: Option<String>,
    /// The body as plain text, Markdown marks removed.
    pub body: String,
    /// What the bot quotes: the summary, or else the first paragraph.
    pub excerpt: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    id: String,
    title: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    reviewed: Option<String>,
    #[serde(default)]
    summary: Option<String>,
}

/// A problem in a document, located by line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: Option<usize>,
    pub error: bool,
    pub message: String,
}

/// Parses one file; `None` when it cannot be used.
pub fn parse(text: &str) -> (Option<Document>, Vec<Problem>) {
    let mut problems = Vec::new();
    let error = |line, message: String| Problem {
        line,
        error: true,
        message,
    };
    let Some((front, body, body_line)) = split_front_matter(text) else {
        problems.push(error(Some(1), "a document must start with front matter: a line `---`, then id, title and the rest, then `---`".to_owned()));
        return (None, problems);
    };
    let matter: FrontMatter = match yaml::from_str(front) {
        Ok(matter) => matter,
        // Front matter starts on line 2 of the file.
        Err(e) => {
            problems.push(error(
                e.line.map(|l| l + 1),
                format!("front matter: {}", e.message),
            ));
            return (None, problems);
        }
    };
    let line_of = |key: &str| yaml::line_of(front, key, "").map(|l| l + 1);
    if matter.id.trim().is_empty()
        || !matter
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        problems.push(error(
            line_of("id"),
            format!(
                "id {:?} must be lowercase letters, digits and dashes (e.g. bin-collection-days)",
                matter.id
            ),
        ));
    }
    if matter.title.trim().is_empty() {
        problems.push(error(
            line_of("title"),
            "`title` is empty; residents see it on the citation link".to_owned(),
        ));
    }
    let reviewed = match matter.reviewed.as_deref().map(str::parse::<Date>) {
        None => None,
        Some(Ok(date)) => Some(date),
        Some(Err(_)) => {
            let written = matter.reviewed.clone().unwrap_or_default();
            problems.push(error(
                line_of("reviewed"),
                format!("reviewed {written:?} is not a date; write it as 2026-03-14"),
            ));
            None
        }
    };
    if let Some(url) = &matter.url
        && !(url.starts_with("https://") || url.starts_with("http://"))
    {
        problems.push(error(
            line_of("url"),
            format!("url {url:?} must start with https://"),
        ));
    }
    let lead = first_paragraph(&plain_text(&without_headings(body)));
    let body = plain_text(body);
    if body.trim().is_empty() {
        problems.push(error(
            Some(body_line),
            "the document has no body: write the answer after the front matter".to_owned(),
        ));
    }
    if problems.iter().any(|p| p.error) {
        return (None, problems);
    }
    let summary = matter
        .summary
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty());
    let excerpt = summary.clone().unwrap_or(lead);
    let document = Document {
        id: matter.id,
        title: matter.title.trim().to_owned(),
        url: matter.url,
        tags: matter.tags,
        reviewed,
        summary,
        body,
        excerpt,
    };
    (Some(document), problems)
}

/// The front matter, the body, and the body's first line number.
fn split_front_matter(text: &str) -> Option<(&str, &str, usize)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text
        .strip_prefix("---")?
        .strip_prefix(['\n', '\r'])?
        .trim_start_matches('\n');
    let end = rest.find("\n---")?;
    let front = &rest[..end];
    let after = &rest[end + 4..];
    let body = after.split_once('\n').map_or("", |(_, body)| body);
    let body_line = text[..text.len() - body.len()].lines().count() + 1;
    Some((front, body, body_line))
}

/// The Markdown without its heading lines: the excerpt is the first paragraph
/// of prose, not the page's heading.
fn without_headings(markdown: &str) -> String {
    markdown
        .lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Markdown to plain text: headings, emphasis, list marks and link targets removed.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for line in markdown.lines() {
        let mut line = line.trim();
        line = line.trim_start_matches('#').trim_start();
        if let Some(item) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
            line = item;
        }
        let mut text = String::with_capacity(line.len());
        let mut rest = line;
        // [text](url) becomes text.
        while let Some(open) = rest.find('[') {
            let Some(close) = rest[open..].find("](").map(|c| open + c) else {
                break;
            };
            let Some(end) = rest[close..].find(')').map(|e| close + e) else {
                break;
            };
            text.push_str(&rest[..open]);
            text.push_str(&rest[open + 1..close]);
            rest = &rest[end + 1..];
        }
        text.push_str(rest);
        out.push_str(&text.replace("**", "").replace("__", "").replace('`', ""));
        out.push('\n');
    }
    out
}

/// The first paragraph of plain text (up to a blank line), at most ~500 characters.
pub fn first_paragraph(text: &str) -> String {
    let paragraph: Vec<&str> = text
        .lines()
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| !l.trim().is_empty())
        .collect();
    let joined = paragraph.join(" ");
    if joined.chars().count() <= 500 {
        return joined;
    }
    let cut: String = joined.chars().take(500).collect();
    match cut.rfind(". ") {
        Some(end) => cut[..=end].to_owned(),
        None => format!("{cut}…"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "---\nid: bin-day\ntitle: Find your bin day\nurl: https://www.glanafon.example/bins\ntags: [bin day]\nreviewed: 2026-03-14\n---\n# Bin days\n\nEnter your **postcode** on [our bins page](https://www.glanafon.example/bins).\n\n- Food waste: weekly\n";

    #[test]
    fn reads_front_matter_and_plain_body() {
        let (document, problems) = parse(GOOD);
        assert!(problems.is_empty(), "{problems:?}");
        let document = document.unwrap();
        assert_eq!(document.id, "bin-day");
        assert_eq!(document.reviewed, Some(jiff::civil::date(2026, 3, 14)));
        assert!(
            document
                .body
                .contains("Enter your postcode on our bins page."),
            "{}",
            document.body
        );
        assert_eq!(
            document.excerpt, "Enter your postcode on our bins page.",
            "no summary: the first paragraph of prose"
        );
    }

    #[test]
    fn the_summary_is_what_is_quoted() {
        let text = GOOD.replace(
            "reviewed: 2026-03-14\n",
            "reviewed: 2026-03-14\nsummary: Look it up by postcode.\n",
        );
        assert_eq!(parse(&text).0.unwrap().excerpt, "Look it up by postcode.");
    }

    #[test]
    fn problems_name_their_line() {
        let (document, problems) = parse(&GOOD.replace("2026-03-14", "14th March"));
        assert!(document.is_none());
        assert_eq!(problems[0].line, Some(6), "{problems:?}");
        let (_, problems) = parse("---\nid: x\ntitle: T\ncolour: red\n---\nbody\n");
        assert_eq!(
            (
                problems[0].line,
                problems[0].message.contains("unknown field `colour`")
            ),
            (Some(4), true),
            "{problems:?}"
        );
        let (_, problems) = parse("---\nid: x\ntitle: T\n---\n\n");
        assert!(problems[0].message.contains("no body"), "{problems:?}");
        let (_, problems) = parse("no front matter here");
        assert_eq!(problems[0].line, Some(1));
    }
}
