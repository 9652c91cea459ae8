//! How the detector asks whatlang: among a script group's front-runners, or
//! alone for a script that one language writes.

use super::vocabulary::ScriptGroup;
use super::{Detection, MessageWord, tables};

/// whatlang's pick for `text`, and its confidence, among the front-runners:
/// the languages within `reach` of the best, the only ones whose votes it
/// could change. Its cost grows with the languages it weighs, and with one
/// alone it would pick that one with full confidence, so it is not asked.
/// When the best is a language whatlang does not know (Somali, Albanian), it
/// weighs the whole group: its confidence among a few others alone would
/// count against the best.
pub(super) fn whatlang_among_front_runners(
    group: &ScriptGroup,
    votes: &[f32],
    reach: f32,
    text: &str,
) -> Option<(whatlang::Lang, f64)> {
    let best = (0..votes.len()).max_by(|a, b| votes[*a].total_cmp(&votes[*b]))?;
    let best_known = group
        .whatlang_positions
        .iter()
        .any(|(_, position)| usize::from(*position) == best);
    let pick = |info: whatlang::Info| (info.lang(), info.confidence());
    if !best_known {
        return group.whatlang.detect(text).map(pick);
    }
    let front_runners: Vec<whatlang::Lang> = group
        .whatlang_positions
        .iter()
        .filter(|(_, position)| votes[usize::from(*position)] >= votes[best] - reach)
        .map(|(lang, _)| *lang)
        .collect();
    match front_runners[..] {
        [only] => Some((only, 1.0)),
        _ => whatlang::Detector::with_allowlist(front_runners)
            .detect(text)
            .map(pick),
    }
}

/// Scripts written by one language, or the Han and kana scripts: whatlang
/// decides, and the script makes it certain.
pub(super) fn detect_single_script(words: &[&MessageWord]) -> Detection {
    let text: String = words
        .iter()
        .map(|w| w.lower.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let Some(info) = whatlang::detect(&text) else {
        return Detection::none();
    };
    let lang = tables::tag_for_whatlang(info.lang());
    Detection {
        confident: lang.is_some(),
        lang,
    }
}
