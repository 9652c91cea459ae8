//! The words slot answers are read with, per language: yes and no, today,
//! yesterday and tomorrow, months and weekdays. They come from the locales
//! (`answer-yes = yes, yeah, yep`), so a council adding a language teaches the
//! validators its words without touching code. A language also accepts the
//! words of its fallback languages: Welsh speakers often type "yes".

use crate::text::{self, Phrase};

/// Items the month and weekday lists must have.
pub const MONTHS: usize = 12;
pub const WEEKDAYS: usize = 7;

/// One language's answer words, folded for matching.
#[derive(Debug, Clone, Default)]
pub struct LanguageWords {
    pub yes: Vec<Phrase>,
    pub no: Vec<Phrase>,
    pub today: Vec<Phrase>,
    pub yesterday: Vec<Phrase>,
    pub tomorrow: Vec<Phrase>,
    /// Per month: its names; the first is how dates are written ("14 March 2026").
    pub months: Vec<Vec<String>>,
    /// Per month: its names as phrases (some are two words: كانون الثاني).
    pub month_phrases: Vec<Vec<Phrase>>,
    /// Monday first; folded names.
    pub weekdays: Vec<Vec<String>>,
}

impl LanguageWords {
    /// Builds from the lists' texts: `lookup(id)` gives the list in each language
    /// of the chain that has it, own language first. A list is comma-separated
    /// items with `|` between alternative forms of one item.
    pub fn from_lists(lookup: impl Fn(&str) -> Vec<(String, bool)>) -> LanguageWords {
        let items = |id: &str| -> Vec<Vec<String>> {
            let mut merged: Vec<Vec<String>> = Vec::new();
            for (text, own) in lookup(id) {
                for (index, mut item) in parse_items(&text).into_iter().enumerate() {
                    // A fallback language's one-letter words ("y" for yes) are
                    // ordinary words elsewhere (Welsh "y" is "the").
                    if !own {
                        item.retain(|form| form.chars().count() > 1);
                    }
                    match merged.get_mut(index) {
                        Some(forms) => {
                            for form in item {
                                if !forms.contains(&form) {
                                    forms.push(form);
                                }
                            }
                        }
                        None => merged.push(item),
                    }
                }
            }
            merged
        };
        let phrases = |id: &str| {
            items(id)
                .into_iter()
                .flatten()
                .filter_map(|form| Phrase::parse(&form))
                .collect()
        };
        LanguageWords {
            yes: phrases("answer-yes"),
            no: phrases("answer-no"),
            today: phrases("date-today"),
            yesterday: phrases("date-yesterday"),
            tomorrow: phrases("date-tomorrow"),
            months: items("date-months"),
            month_phrases: items("date-months")
                .iter()
                .map(|forms| forms.iter().filter_map(|f| Phrase::parse(f)).collect())
                .collect(),
            weekdays: items("date-weekdays")
                .into_iter()
                .map(|forms| forms.iter().map(|f| text::fold(f)).collect())
                .collect(),
        }
    }

    /// The month (1–12) named in a folded message's words, if any; the
    /// longest name wins (a two-word name over a one-word one inside it).
    pub fn month_in(&self, words: &[&str]) -> Option<i8> {
        let mut best: Option<(usize, usize)> = None;
        for (index, phrases) in self.month_phrases.iter().enumerate() {
            for phrase in phrases.iter().filter(|p| p.matches(words)) {
                if best.is_none_or(|(_, length)| phrase.len() > length) {
                    best = Some((index, phrase.len()));
                }
            }
        }
        best.and_then(|(index, _)| i8::try_from(index + 1).ok())
    }

    /// The weekday (0 = Monday) a folded word names, if any.
    pub fn weekday(&self, folded_word: &str) -> Option<usize> {
        self.weekdays
            .iter()
            .position(|forms| forms.iter().any(|form| form == folded_word))
    }

    /// A date as residents read it: "14 March 2026", with the language's month
    /// name (or the month's number when the language has no month names).
    pub fn date_display(&self, date: jiff::civil::Date) -> String {
        let month = self
            .month_name(date.month())
            .map_or_else(|| format!("{:02}", date.month()), str::to_owned);
        format!("{} {month} {}", date.day(), date.year())
    }

    /// How a month is written in dates: the first form of its item.
    pub fn month_name(&self, month: i8) -> Option<&str> {
        let index = usize::try_from(month).ok()?.checked_sub(1)?;
        self.months
            .get(index)
            .and_then(|forms| forms.first())
            .map(String::as_str)
    }
}

/// The items of a list, each with its forms.
pub fn parse_items(text: &str) -> Vec<Vec<String>> {
    text.split(',')
        .map(|item| {
            item.split('|')
                .map(|form| form.trim().to_owned())
                .filter(|f| !f.is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|forms| !forms.is_empty())
        .collect()
}
