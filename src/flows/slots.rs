//! Validates a resident's answer to a slot by its type, giving back a value to
//! store and a form to show, or why it is not acceptable.

use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};
use regex::Regex;

use super::model::{Slot, SlotKind};
use super::reference::Reference;
use super::words::LanguageWords;
use crate::text::{self, Phrase};

/// An accepted answer.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SlotValue {
    /// Canonical: `2026-03-14`, `CF10 3AB`, a choice's value, `yes`.
    pub value: String,
    /// As shown back to the resident: `14 March 2026`, a choice's label id.
    pub display: String,
}

/// Why an answer was not accepted: the Fluent id of the explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invalid {
    Text,
    Number,
    NumberRange,
    Date,
    DateFuture,
    DatePast,
    Time,
    Postcode,
    Email,
    Phone,
    Choice,
    YesNo,
    Reference,
}

impl Invalid {
    pub fn message_id(self) -> &'static str {
        match self {
            Invalid::Text => "slot-invalid-text",
            Invalid::Number => "slot-invalid-number",
            Invalid::NumberRange => "slot-invalid-number-range",
            Invalid::Date => "slot-invalid-date",
            Invalid::DateFuture => "slot-invalid-date-future",
            Invalid::DatePast => "slot-invalid-date-past",
            Invalid::Time => "slot-invalid-time",
            Invalid::Postcode => "slot-invalid-postcode",
            Invalid::Email => "slot-invalid-email",
            Invalid::Phone => "slot-invalid-phone",
            Invalid::Choice => "slot-invalid-choice",
            Invalid::YesNo => "slot-invalid-yes-no",
            Invalid::Reference => "slot-invalid-reference",
        }
    }
}

/// Longest free-text answer kept.
const MAX_TEXT: usize = 1000;

/// What a validator needs to know about the resident's language and day.
pub struct Context<'a> {
    pub words: &'a LanguageWords,
    pub today: Date,
    /// The slot's choice labels in the resident's language, in order.
    pub labels: &'a [String],
}

/// Checks `answer` (or a pressed button's `choice`) against `slot`.
pub fn validate(
    slot: &Slot,
    answer: &str,
    choice: Option<&str>,
    context: &Context<'_>,
) -> Result<SlotValue, Invalid> {
    let (words, today) = (context.words, context.today);
    let answer = western_digits(answer.trim());
    match slot.kind {
        SlotKind::Text => text_answer(&answer),
        SlotKind::Number => number(&answer, slot),
        SlotKind::Date => date(&answer, slot, words, today),
        SlotKind::Time => time(&answer),
        SlotKind::Postcode => postcode(&answer),
        SlotKind::Email => email(&answer),
        SlotKind::Phone => phone(&answer),
        SlotKind::Choice => choose(slot, &answer, choice, context.labels),
        SlotKind::YesNo => yes_no(&answer, choice, words),
        SlotKind::Reference => Reference::find_in(&answer)
            .map(|r| plain(r.as_str()))
            .ok_or(Invalid::Reference),
    }
}

fn plain(value: &str) -> SlotValue {
    SlotValue {
        value: value.to_owned(),
        display: value.to_owned(),
    }
}

/// Arabic-Indic and Persian digits read as 0–9.
fn western_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06f0}'..='\u{06f9}' => char::from(b'0' + (c as u32 - 0x06f0) as u8),
            other => other,
        })
        .collect()
}

fn text_answer(answer: &str) -> Result<SlotValue, Invalid> {
    if !answer.chars().any(char::is_alphanumeric) {
        return Err(Invalid::Text);
    }
    let kept: String = answer.chars().take(MAX_TEXT).collect();
    Ok(plain(&kept))
}

fn number(answer: &str, slot: &Slot) -> Result<SlotValue, Invalid> {
    static NUMBER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"-?\d+(?:[.,]\d+)?").unwrap_or_else(|e| panic!("{e}")));
    let found = NUMBER
        .find(answer)
        .ok_or(Invalid::Number)?
        .as_str()
        .replace(',', ".");
    let value: f64 = found.parse().map_err(|_| Invalid::Number)?;
    if slot.min.is_some_and(|min| value < min) || slot.max.is_some_and(|max| value > max) {
        return Err(Invalid::NumberRange);
    }
    Ok(plain(&found))
}

fn date(
    answer: &str,
    slot: &Slot,
    words: &LanguageWords,
    today: Date,
) -> Result<SlotValue, Invalid> {
    let folded = text::fold(answer);
    let tokens: Vec<&str> = text::words(&folded).collect();
    // A day number with a month beats a weekday of the same name (Welsh
    // "Mawrth" is both Tuesday and March).
    let date = numeric_date(answer, today)
        .or_else(|| named_month_date(&tokens, words, today))
        .or_else(|| relative_date(&tokens, words, today, slot.not_past))
        .ok_or(Invalid::Date)?;
    if slot.not_future && date > today {
        return Err(Invalid::DateFuture);
    }
    if slot.not_past && date < today {
        return Err(Invalid::DatePast);
    }
    let month = words
        .month_name(date.month())
        .map_or_else(|| format!("{:02}", date.month()), str::to_owned);
    Ok(SlotValue {
        value: date.to_string(),
        display: format!("{} {month} {}", date.day(), date.year()),
    })
}

fn relative_date(
    tokens: &[&str],
    words: &LanguageWords,
    today: Date,
    forward: bool,
) -> Option<Date> {
    let says = |phrases: &[Phrase]| phrases.iter().any(|phrase| phrase.matches(tokens));
    if says(&words.today) {
        return Some(today);
    }
    if says(&words.yesterday) {
        return today.yesterday().ok();
    }
    if says(&words.tomorrow) {
        return today.tomorrow().ok();
    }
    let weekday = tokens.iter().find_map(|token| words.weekday(token))?;
    let target = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ][weekday];
    let mut date = today;
    for _ in 0..7 {
        if date.weekday() == target {
            return Some(date);
        }
        date = if forward {
            date.tomorrow().ok()?
        } else {
            date.yesterday().ok()?
        };
    }
    None
}

fn numeric_date(answer: &str, today: Date) -> Option<Date> {
    static ISO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b").unwrap_or_else(|e| panic!("{e}"))
    });
    static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{2,4}))?\b")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    if let Some(parts) = ISO.captures(answer) {
        return Date::new(
            parts[1].parse().ok()?,
            parts[2].parse().ok()?,
            parts[3].parse().ok()?,
        )
        .ok();
    }
    let parts = DAY_FIRST.captures(answer)?;
    let year = match parts.get(3).map(|y| y.as_str()) {
        None => today.year(),
        Some(short) if short.len() == 2 => 2000 + short.parse::<i16>().ok()?,
        Some(full) => full.parse().ok()?,
    };
    Date::new(year, parts[2].parse().ok()?, parts[1].parse().ok()?).ok()
}

fn named_month_date(tokens: &[&str], words: &LanguageWords, today: Date) -> Option<Date> {
    let month = words.month_in(tokens)?;
    let numbers: Vec<i16> = tokens
        .iter()
        .filter_map(|token| {
            token
                .trim_end_matches(|c: char| c.is_alphabetic())
                .parse()
                .ok()
        })
        .collect();
    let day = numbers.iter().find(|n| (1..=31).contains(*n))?;
    let year = numbers
        .iter()
        .find(|n| **n >= 1900)
        .copied()
        .unwrap_or(today.year());
    Date::new(year, month, i8::try_from(*day).ok()?).ok()
}

fn time(answer: &str) -> Result<SlotValue, Invalid> {
    static TIME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let parts = TIME.captures(answer).ok_or(Invalid::Time)?;
    let mut hour: u32 = parts[1].parse().map_err(|_| Invalid::Time)?;
    let minute: u32 = parts
        .get(2)
        .map_or(Ok(0), |m| m.as_str().parse())
        .map_err(|_| Invalid::Time)?;
    let meridiem = parts.get(3).map(|m| m.as_str().to_ascii_lowercase());
    if parts.get(2).is_none() && meridiem.is_none() {
        return Err(Invalid::Time);
    }
    match meridiem.as_deref() {
        Some(m) if m.starts_with('p') && hour < 12 => hour += 12,
        Some(m) if m.starts_with('a') && hour == 12 => hour = 0,
        _ => {}
    }
    if hour > 23 || minute > 59 {
        return Err(Invalid::Time);
    }
    Ok(plain(&format!("{hour:02}:{minute:02}")))
}

fn postcode(answer: &str) -> Result<SlotValue, Invalid> {
    static POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b([a-z]{1,2}\d[a-z\d]?)\s*(\d[a-z]{2})\b")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let parts = POSTCODE.captures(answer).ok_or(Invalid::Postcode)?;
    Ok(plain(&format!(
        "{} {}",
        parts[1].to_ascii_uppercase(),
        parts[2].to_ascii_uppercase()
    )))
}

fn email(answer: &str) -> Result<SlotValue, Invalid> {
    static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)[a-z0-9._%+\-]+@[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let found = EMAIL.find(answer).ok_or(Invalid::Email)?.as_str();
    if found.len() > 254 {
        return Err(Invalid::Email);
    }
    Ok(plain(found))
}

fn phone(answer: &str) -> Result<SlotValue, Invalid> {
    let international = answer.trim_start().starts_with('+');
    let digits: String = answer.chars().filter(char::is_ascii_digit).collect();
    let national = match (international, digits.strip_prefix("44")) {
        (true, Some(rest)) => format!("0{}", rest.trim_start_matches('0')),
        (true, None) => return Err(Invalid::Phone),
        (false, _) => digits,
    };
    if !national.starts_with('0') || !(10..=11).contains(&national.len()) {
        return Err(Invalid::Phone);
    }
    Ok(plain(&national))
}

fn choose(
    slot: &Slot,
    answer: &str,
    pressed: Option<&str>,
    labels: &[String],
) -> Result<SlotValue, Invalid> {
    let by_value = |value: &str| slot.choices.iter().find(|c| c.value == value);
    let picked = pressed
        .and_then(by_value)
        .or_else(|| by_value(answer.trim()))
        .or_else(|| {
            answer
                .trim()
                .parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .and_then(|i| slot.choices.get(i))
        })
        .or_else(|| by_label(answer, labels).and_then(|i| slot.choices.get(i)));
    picked
        .map(|choice| SlotValue {
            value: choice.value.clone(),
            display: choice.label.clone(),
        })
        .ok_or(Invalid::Choice)
}

/// The one label the answer names: equal to it, or the label sharing the most
/// words with it (a word of the answer matching the start of a label's word),
/// when no other label shares as many.
fn by_label(answer: &str, labels: &[String]) -> Option<usize> {
    let answer = text::fold(answer);
    let answer_words: Vec<&str> = text::words(&answer)
        .filter(|w| w.chars().count() >= 2)
        .collect();
    let folded: Vec<String> = labels.iter().map(|label| text::fold(label)).collect();
    if let Some(exact) = folded.iter().position(|label| *label == answer) {
        return Some(exact);
    }
    let shared: Vec<usize> = folded
        .iter()
        .map(|label| {
            let label_words: Vec<&str> = text::words(label).collect();
            answer_words
                .iter()
                .filter(|w| label_words.iter().any(|l| l.starts_with(*w)))
                .count()
        })
        .collect();
    let best = *shared.iter().max()?;
    let winners: Vec<usize> = shared
        .iter()
        .enumerate()
        .filter(|(_, n)| **n == best)
        .map(|(i, _)| i)
        .collect();
    (best > 0 && winners.len() == 1).then(|| winners[0])
}

fn yes_no(
    answer: &str,
    pressed: Option<&str>,
    words: &LanguageWords,
) -> Result<SlotValue, Invalid> {
    if let Some(value @ ("yes" | "no")) = pressed {
        return Ok(plain(value));
    }
    let folded = text::fold(answer);
    let tokens: Vec<&str> = text::words(&folded).collect();
    // "nac ydw" holds a yes-word, "nie ma problemu" a no-word: the longest
    // phrase that matches says what was meant.
    let longest = |phrases: &[Phrase]| {
        phrases
            .iter()
            .filter(|p| p.matches(&tokens))
            .map(Phrase::len)
            .max()
            .unwrap_or(0)
    };
    let (yes, no) = (longest(&words.yes), longest(&words.no));
    match yes.cmp(&no) {
        std::cmp::Ordering::Greater => Ok(plain("yes")),
        std::cmp::Ordering::Less => Ok(plain("no")),
        std::cmp::Ordering::Equal => Err(Invalid::YesNo),
    }
}

#[cfg(test)]
#[path = "slots_tests.rs"]
mod tests;
