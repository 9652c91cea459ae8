//! The council's content: loading it from the content folder, checking it, and
//! the finished, immutable `Content` the bot answers from.
//!
//! Loading never half-succeeds: with any error-level finding the caller gets the
//! findings and keeps whatever content it had. Only this module reads the content
//! folder.

mod findings;
mod intents;
mod knowledge;
mod locales;
mod references;
mod safeguarding;
pub mod watch;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

pub use findings::{Finding, Findings, Severity};
pub use watch::{ReloadReport, ReloadStatus};

use crate::config::Config;
use crate::conversation::safeguarding::Rules;
use crate::flows::matcher::{MatchWeights, Matcher};
use crate::flows::model::IntentSet;
use crate::flows::words::{self, LanguageWords};
use crate::kb::KnowledgeBase;
use crate::lang::{Detector, LangTag, LanguageInfo, Languages, Localiser, ProfileText, messages};

/// Conversation settings that come from the configuration.
#[derive(Debug, Clone)]
pub struct Settings {
    /// After this many consecutive misses the fallback offers a person.
    pub offer_person_after_misses: u32,
    /// The intent that takes a message when nobody can answer.
    pub leave_message_intent: String,
}

/// Everything the bot answers from, loaded and checked. Immutable: a reload
/// builds a new one and swaps it in whole.
pub struct Content {
    pub root: PathBuf,
    pub languages: Languages,
    pub localiser: Localiser,
    pub detector: Detector,
    pub safeguarding: Rules,
    pub intents: IntentSet,
    pub matcher: Matcher,
    /// The FAQ answers, indexed per language.
    pub knowledge: KnowledgeBase,
    /// Each council language's answer words (yes, no, dates).
    pub words: HashMap<LangTag, LanguageWords>,
    pub settings: Settings,
}

/// Content that loaded, with the warnings found on the way.
pub struct Loaded {
    pub content: Content,
    pub findings: Findings,
}

/// Loads and checks the content folder named in `config`.
pub fn load(config: &Config) -> Result<Loaded, Findings> {
    load_after(config, None)
}

/// Loads and checks the content folder again while `previous` serves,
/// reusing what has not changed since: FAQ pages are not parsed again and a
/// language whose FAQ files are unchanged keeps its index. The result is the
/// same as [`load`]'s, only sooner.
pub fn load_after(config: &Config, previous: Option<&Content>) -> Result<Loaded, Findings> {
    let config_file = &config.source_label();
    let root = config.content.dir.clone();
    let mut findings = Findings::new(&root);
    if !root.is_dir() {
        findings.error(
            &root,
            None,
            "the content folder does not exist; pass --content DIR or set content.dir",
        );
        return Err(findings);
    }
    let discovered = locales::discover(&root, &mut findings);
    let Some(languages) = resolve_languages(config, config_file, &discovered, &mut findings) else {
        return Err(findings);
    };
    let read_intents = intents::read(&root, &mut findings);
    let (localiser, catalog, mut profiles) =
        locales::load(&root, &languages, &read_intents.inline, &mut findings);
    let languages = name_languages(languages, &localiser);
    let intents = intents::check(
        read_intents,
        &languages,
        &localiser,
        &catalog,
        &mut findings,
    );
    let words = answer_words(&languages, &localiser, &root, &mut findings);
    let (safeguarding, phrase_profiles) =
        safeguarding::load(&root, &languages, &localiser, &mut findings);
    profiles.extend(phrase_profiles);
    profiles.extend(example_profiles(&intents, &languages));
    let knowledge = knowledge::load(
        &root,
        &languages,
        &mut findings,
        previous.map(|previous| &previous.knowledge),
    );
    check_handoff(config, config_file, &intents, &mut findings);
    if findings.has_errors() {
        return Err(findings);
    }
    let Some(knowledge) = knowledge else {
        return Err(findings);
    };
    let council: Vec<LangTag> = languages
        .all()
        .iter()
        .map(|info| info.tag.clone())
        .collect();
    let detector = Detector::new(&council, &profiles);
    let matcher = Matcher::new(&intents, &council, MatchWeights::default());
    let settings = Settings {
        offer_person_after_misses: config.conversation.offer_person_after_misses.max(1),
        leave_message_intent: config.handoff.leave_message_intent.clone(),
    };
    let content = Content {
        root,
        languages,
        localiser,
        detector,
        safeguarding,
        intents,
        matcher,
        knowledge,
        words,
        settings,
    };
    Ok(Loaded { content, findings })
}

/// The staff hours must read, and the "leave a message" intent should exist:
/// without it, residents nobody can answer get only the contact details.
fn check_handoff(
    config: &Config,
    config_file: &Path,
    intents: &IntentSet,
    findings: &mut Findings,
) {
    if let Err(problems) = crate::handoff::OpeningHours::from_config(&config.handoff) {
        for problem in problems {
            findings.error(config_file, None, problem);
        }
    }
    let leave_message = &config.handoff.leave_message_intent;
    if intents.get(leave_message).is_none() {
        findings.warning(
            config_file,
            None,
            format!(
                "handoff.leave_message_intent: there is no intent {leave_message:?}, so residents nobody can answer are only given the council's contact details"
            ),
        );
    }
}

/// Decides the council's languages, default and fallback chains from the config
/// and the `locales/` folders.
fn resolve_languages(
    config: &Config,
    config_file: &Path,
    discovered: &[LangTag],
    findings: &mut Findings,
) -> Option<Languages> {
    let settings = &config.languages;
    let enabled: Vec<LangTag> = match &settings.enabled {
        None => discovered.to_vec(),
        Some(codes) => codes
            .iter()
            .filter_map(|code| match LangTag::parse(code) {
                Ok(tag) => Some(tag),
                Err(error) => {
                    findings.error(config_file, None, format!("languages.enabled: {error}"));
                    None
                }
            })
            .collect(),
    };
    let mut enabled = enabled;
    if settings.enabled.is_none() {
        // Discovered folders: the default language first, the rest by code.
        let default_code = settings.default.clone().unwrap_or_else(|| "en".to_owned());
        enabled.sort_by_key(|tag| (tag.as_str() != default_code, tag.clone()));
    }
    for tag in &enabled {
        if !discovered.contains(tag) {
            findings.error(
                config_file,
                None,
                format!("language {tag} is enabled but has no locales/{tag}/ folder"),
            );
        }
    }
    if enabled.is_empty() {
        findings.error(
            config_file,
            None,
            "no languages: add locales/<code>/ folders or set languages.enabled",
        );
        return None;
    }
    let default = match &settings.default {
        Some(code) => LangTag::parse(code)
            .map_err(|e| findings.error(config_file, None, format!("languages.default: {e}")))
            .ok()?,
        None => enabled
            .iter()
            .find(|tag| tag.as_str() == "en")
            .unwrap_or(&enabled[0])
            .clone(),
    };
    if !enabled.contains(&default) {
        findings.error(
            config_file,
            None,
            format!("languages.default is {default}, which is not one of the enabled languages"),
        );
        return None;
    }
    let mut infos = Vec::new();
    for tag in &enabled {
        let chain = fallback_chain(tag, &default, config, config_file, &enabled, findings);
        infos.push(LanguageInfo {
            name: tag.to_string(),
            direction: tag.direction(),
            tag: tag.clone(),
            chain,
        });
    }
    Some(Languages::new(infos, default))
}

/// `lang`, then each configured fallback in turn, ending with the default.
fn fallback_chain(
    lang: &LangTag,
    default: &LangTag,
    config: &Config,
    config_file: &Path,
    enabled: &[LangTag],
    findings: &mut Findings,
) -> Vec<LangTag> {
    let mut chain = vec![lang.clone()];
    let mut seen: HashSet<LangTag> = HashSet::from([lang.clone()]);
    let mut current = lang.clone();
    while let Some(next) = config.languages.fallback.get(current.as_str()) {
        let Ok(next) = LangTag::parse(next) else {
            findings.error(
                config_file,
                None,
                format!("languages.fallback.{current}: {next:?} is not a language code"),
            );
            break;
        };
        if !enabled.contains(&next) {
            findings.error(
                config_file,
                None,
                format!("languages.fallback.{current} is {next}, which is not an enabled language"),
            );
            break;
        }
        if !seen.insert(next.clone()) {
            findings.error(
                config_file,
                None,
                format!("languages.fallback loops back to {next}; a fallback chain must end"),
            );
            break;
        }
        chain.push(next.clone());
        current = next;
    }
    if !chain.contains(default) {
        chain.push(default.clone());
    }
    chain
}

/// Fills in each language's own name from its `language-name` message.
fn name_languages(languages: Languages, localiser: &Localiser) -> Languages {
    let default = languages.default().clone();
    let infos = languages
        .all()
        .iter()
        .map(|info| {
            let mut info = info.clone();
            if localiser.defines(&info.tag, messages::LANGUAGE_NAME.id) {
                info.name = localiser.text(&info.tag, messages::LANGUAGE_NAME.id).text;
            }
            info
        })
        .collect();
    Languages::new(infos, default)
}

/// Each language's answer words, merged along its fallback chain; month and
/// weekday lists must name every month and day.
fn answer_words(
    languages: &Languages,
    localiser: &Localiser,
    root: &Path,
    findings: &mut Findings,
) -> HashMap<LangTag, LanguageWords> {
    let mut all = HashMap::new();
    for info in languages.all() {
        let lists = |id: &str| -> Vec<(String, bool)> {
            info.chain
                .iter()
                .filter(|lang| localiser.defines(lang, id))
                .map(|lang| (localiser.text(lang, id).text, *lang == info.tag))
                .collect()
        };
        for (id, count) in [
            ("date-months", words::MONTHS),
            ("date-weekdays", words::WEEKDAYS),
        ] {
            if localiser.defines(&info.tag, id) {
                let items = words::parse_items(&localiser.text(&info.tag, id).text).len();
                if items != count {
                    let folder = root.join("locales").join(info.tag.as_str());
                    findings.error(
                        &folder,
                        None,
                        format!(
                            "`{id}` in {} lists {items} items, comma-separated; it needs {count}",
                            info.tag
                        ),
                    );
                }
            }
        }
        all.insert(info.tag.clone(), LanguageWords::from_lists(lists));
    }
    all
}

/// The intents' examples, as vocabulary for the language detector.
fn example_profiles(intents: &IntentSet, languages: &Languages) -> Vec<ProfileText> {
    let mut profiles = Vec::new();
    for intent in intents.all() {
        for (lang, examples) in &intent.examples {
            if languages.is_enabled(lang) {
                profiles.push(ProfileText {
                    lang: lang.clone(),
                    text: examples.join(" "),
                });
            }
        }
    }
    profiles
}

/// The files in `dir` whose name ends in one of `extensions`, sorted; none if
/// the folder does not exist.
fn files_in(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|path| {
        path.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.contains(&e))
    });
    paths.sort();
    paths
}

/// A file's text, or an error finding saying why it could not be read (`kind`
/// names what the file should be: "UTF-8 YAML").
fn read_text(path: &Path, kind: &str, findings: &mut Findings) -> Option<String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(error) => {
            findings.error(
                path,
                None,
                format!("cannot read this file ({error}); it must be {kind}"),
            );
            None
        }
    }
}
