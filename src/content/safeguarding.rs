//! Reads `safeguarding/*.yaml`: one risk rule per file, with its phrases in each
//! language and the Fluent message that answers it.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::Deserialize;

use super::findings::Findings;
use crate::conversation::safeguarding::{Rule, Rules};
use crate::lang::{LangTag, Languages, Localiser, ProfileText};
use crate::text::Phrase;
use crate::yaml;

/// A rule file as editors write it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    id: String,
    /// Fluent id of the reply.
    message: String,
    #[serde(default = "offer_by_default")]
    offer_handoff: bool,
    /// Language code to risk phrases.
    phrases: BTreeMap<String, Vec<String>>,
}

fn offer_by_default() -> bool {
    true
}

/// Loads and checks every rule; phrases in council languages also become
/// vocabulary for the language detector.
pub(super) fn load(
    root: &Path,
    languages: &Languages,
    localiser: &Localiser,
    findings: &mut Findings,
) -> (Rules, Vec<ProfileText>) {
    let dir = root.join("safeguarding");
    let paths = super::files_in(&dir, &["yaml", "yml"]);
    if paths.is_empty() {
        findings.warning(&dir, None, "no safeguarding rules: messages about homelessness, abuse, self-harm or gas leaks get no emergency answer");
    }
    let mut rules = Vec::new();
    let mut profiles = Vec::new();
    let mut seen: HashMap<String, String> = HashMap::new();
    for path in paths {
        let Some((text, file)) = read_rule(&path, findings) else {
            continue;
        };
        let id_line = yaml::line_of(&text, "id", &file.id);
        if let Some(first) = seen.get(&file.id) {
            findings.error(
                &path,
                id_line,
                format!(
                    "safeguarding rule id `{}` is already used by {first}",
                    file.id
                ),
            );
            continue;
        }
        seen.insert(
            file.id.clone(),
            findings.relative(&path).display().to_string(),
        );
        check_message(&path, &text, &file, languages, localiser, findings);
        let phrases = compile_phrases(&path, &text, &file, languages, findings, &mut profiles);
        rules.push(Rule {
            id: file.id,
            message: file.message,
            offer_handoff: file.offer_handoff,
            phrases,
        });
    }
    (Rules::new(rules), profiles)
}

fn read_rule(path: &Path, findings: &mut Findings) -> Option<(String, RuleFile)> {
    let text = super::read_text(path, "UTF-8 YAML", findings)?;
    match yaml::from_str::<RuleFile>(&text) {
        Ok(file) if file.id.trim().is_empty() => {
            findings.error(
                path,
                yaml::line_of(&text, "id", ""),
                "`id` is empty; give the rule a short name such as gas-leak",
            );
            None
        }
        Ok(file) => Some((text, file)),
        Err(error) => {
            findings.error(
                path,
                error.line,
                format!("not a valid safeguarding rule: {}", error.message),
            );
            None
        }
    }
}

fn check_message(
    path: &Path,
    text: &str,
    file: &RuleFile,
    languages: &Languages,
    localiser: &Localiser,
    findings: &mut Findings,
) {
    let line = yaml::line_of(text, "message", &file.message);
    for info in languages.all() {
        if localiser
            .resolving_language(&info.tag, &file.message)
            .is_none()
        {
            findings.error(
                path,
                line,
                format!(
                    "message `{}` does not exist in locales/{}/ or its fallback languages",
                    file.message, info.tag
                ),
            );
        }
    }
}

fn compile_phrases(
    path: &Path,
    text: &str,
    file: &RuleFile,
    languages: &Languages,
    findings: &mut Findings,
    profiles: &mut Vec<ProfileText>,
) -> Vec<(LangTag, Phrase)> {
    let mut compiled = Vec::new();
    for (code, phrases) in &file.phrases {
        let Ok(lang) = LangTag::parse(code) else {
            findings.error(
                path,
                yaml::line_of(text, code, ""),
                format!("`{code}` is not a language code (expected a BCP 47 tag such as en or cy)"),
            );
            continue;
        };
        for phrase in phrases {
            match Phrase::parse(phrase) {
                Some(parsed) => compiled.push((lang.clone(), parsed)),
                None => findings.error(
                    path,
                    yaml::line_of_value(text, phrase),
                    format!("phrase {phrase:?} has no words left to match"),
                ),
            }
        }
        if languages.is_enabled(&lang) {
            profiles.push(ProfileText {
                lang: lang.clone(),
                text: phrases.join(" ").replace('*', ""),
            });
        }
    }
    for info in languages.all() {
        if !file
            .phrases
            .keys()
            .any(|code| LangTag::parse(code).is_ok_and(|tag| tag == info.tag))
        {
            findings.warning(
                path,
                yaml::line_of(text, "phrases", ""),
                format!(
                    "rule `{}` has no {} phrases, so messages in {} about it are not caught",
                    file.id, info.tag, info.name
                ),
            );
        }
    }
    compiled
}
