//! The words slot answers are read with, per language: yes and no, today,
//! yesterday and tomorrow, months and weekdays. They come from each language's
//! locale (`answer-yes = yes, yeah, yep`), so a council adding a language
//! teaches the validators its words without touching code.

use crate::text::{self, Phrase};

/// Fluent ids of the word lists, and how many items each must have (0: any).
pub const WORD_LISTS: &[(&str, usize)] = &[
    ("answer-yes", 0),
    ("answer-no", 0),
    ("date-today", 0),
    ("date-yesterday", 0),
    ("date-tomorrow", 0),
    ("date-months", 12),
    ("date-weekdays", 7),
];

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
    /// Monday first; folded names.
    pub weekdays: Vec<Vec<String>>,
}

impl LanguageWords {
    /// Builds from the lists' texts (`lookup(id)`), comma-separated items with
    /// `|` between alternative forms of one item.
    pub fn from_lists(lookup: impl Fn(&str) -> Option<String>) -> LanguageWords {
        let items = |id: &str| -> Vec<Vec<String>> {
            lookup(id)
                .map(|text| {
                    text.split(',')
                        .map(|item| {
                            item.split('|')
                                .map(|form| form.trim().to_owned())
                                .filter(|f| !f.is_empty())
                                .collect::<Vec<_>>()
                        })
                        .filter(|forms| !forms.is_empty())
                        .collect()
                })
                .unwrap_or_default()
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
            weekdays: items("date-weekdays")
                .into_iter()
                .map(|forms| forms.iter().map(|f| text::fold(f)).collect())
                .collect(),
        }
    }

    /// The month (1–12) a folded word names, if any.
    pub fn month(&self, folded_word: &str) -> Option<i8> {
        self.months
            .iter()
            .position(|forms| forms.iter().any(|form| text::fold(form) == folded_word))
            .and_then(|i| i8::try_from(i + 1).ok())
    }

    /// The weekday (0 = Monday) a folded word names, if any.
    pub fn weekday(&self, folded_word: &str) -> Option<usize> {
        self.weekdays
            .iter()
            .position(|forms| forms.iter().any(|form| form == folded_word))
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
