//! `councilbot check`: every finding in the configuration and content, one a
//! line as `file:line: severity: explanation`, and a summary.

use std::io::Write;

use crate::config::Config;
use crate::content::{self, Severity};

/// Prints the findings; returns whether the content may be served (no errors).
pub fn run(config: &Config, out: &mut impl Write) -> std::io::Result<bool> {
    let (findings, ok) = match content::load(config) {
        Ok(loaded) => (loaded.findings, true),
        Err(findings) => (findings, false),
    };
    write!(out, "{findings}")?;
    let errors = findings.count(Severity::Error);
    let warnings = findings.count(Severity::Warning);
    let folder = config.content.dir.display();
    match (ok, errors, warnings) {
        (true, _, 0) => writeln!(out, "{folder}: no problems found")?,
        (true, _, warnings) => writeln!(
            out,
            "{folder}: no errors, {warnings} warning(s); the content can be served"
        )?,
        (false, errors, warnings) => {
            writeln!(
                out,
                "{folder}: {errors} error(s), {warnings} warning(s); fix the errors before serving this content"
            )?;
        }
    }
    Ok(ok)
}
