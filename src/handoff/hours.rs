//! Opening hours: when staff answer chats, in the council's time zone, with
//! the days the council is closed although the weekday has hours.

use std::collections::BTreeMap;

use jiff::Zoned;
use jiff::civil::{Date, Time, Weekday};

use crate::config::HandoffConfig;

/// The weekday keys of `handoff.opening_hours`, Monday first.
const DAYS: [(&str, Weekday); 7] = [
    ("mon", Weekday::Monday),
    ("tue", Weekday::Tuesday),
    ("wed", Weekday::Wednesday),
    ("thu", Weekday::Thursday),
    ("fri", Weekday::Friday),
    ("sat", Weekday::Saturday),
    ("sun", Weekday::Sunday),
];

/// Staff hours per weekday and the closed dates.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OpeningHours {
    /// Per weekday, the ranges `[start, end)` in local time; `end` of `None`
    /// is midnight at the end of the day (`24:00`).
    ranges: BTreeMap<i8, Vec<(Time, Option<Time>)>>,
    closed: Vec<Date>,
}

impl OpeningHours {
    /// Reads the settings; each problem names the key it is under.
    pub fn from_config(config: &HandoffConfig) -> Result<OpeningHours, Vec<String>> {
        let mut problems = Vec::new();
        let mut ranges = BTreeMap::new();
        for (key, text) in &config.opening_hours {
            let Some((_, weekday)) = DAYS.iter().find(|(name, _)| name == key) else {
                problems.push(format!(
                    "handoff.opening_hours: {key:?} is not a weekday; use mon, tue, wed, thu, fri, sat or sun"
                ));
                continue;
            };
            match parse_ranges(text) {
                Ok(day) => {
                    ranges.insert(weekday.to_monday_zero_offset(), day);
                }
                Err(problem) => problems.push(format!("handoff.opening_hours.{key}: {problem}")),
            }
        }
        let mut closed = Vec::new();
        for text in &config.closed_dates {
            match text.parse::<Date>() {
                Ok(date) => closed.push(date),
                Err(_) => problems.push(format!(
                    "handoff.closed_dates: {text:?} is not a date; write it as 2026-12-25"
                )),
            }
        }
        if problems.is_empty() {
            Ok(OpeningHours { ranges, closed })
        } else {
            Err(problems)
        }
    }

    /// Open every hour of every day (for tests and round-the-clock teams).
    pub fn always() -> OpeningHours {
        let all_day = vec![(Time::midnight(), None)];
        OpeningHours {
            ranges: (0..7).map(|day| (day, all_day.clone())).collect(),
            closed: Vec::new(),
        }
    }

    /// Whether staff are working at `now` (in the council's time zone).
    pub fn is_open(&self, now: &Zoned) -> bool {
        if self.closed.contains(&now.date()) {
            return false;
        }
        let time = now.time();
        self.ranges
            .get(&now.weekday().to_monday_zero_offset())
            .is_some_and(|day| {
                day.iter()
                    .any(|(start, end)| time >= *start && end.is_none_or(|end| time < end))
            })
    }
}

/// `08:30-12:30, 13:30-17:00`.
fn parse_ranges(text: &str) -> Result<Vec<(Time, Option<Time>)>, String> {
    let mut ranges = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let Some((start, end)) = part.split_once('-') else {
            return Err(format!("{part:?} should look like 09:00-17:00"));
        };
        let start = parse_time(start.trim()).ok_or_else(|| format!("{start:?} is not a time"))?;
        let end = match end.trim() {
            "24:00" => None,
            other => Some(parse_time(other).ok_or_else(|| format!("{other:?} is not a time"))?),
        };
        if end.is_some_and(|end| end <= start) {
            return Err(format!("{part:?} ends before it starts"));
        }
        ranges.push((start, end));
    }
    Ok(ranges)
}

fn parse_time(text: &str) -> Option<Time> {
    let (hour, minute) = text.split_once(':')?;
    let (hour, minute): (i8, i8) = (hour.parse().ok()?, minute.parse().ok()?);
    Time::new(hour, minute, 0, 0).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Zoned {
        format!("{text}[Europe/London]").parse().unwrap()
    }

    fn hours(days: &[(&str, &str)], closed: &[&str]) -> Result<OpeningHours, Vec<String>> {
        OpeningHours::from_config(&HandoffConfig {
            opening_hours: days
                .iter()
                .map(|(d, h)| ((*d).to_owned(), (*h).to_owned()))
                .collect(),
            closed_dates: closed.iter().map(|d| (*d).to_owned()).collect(),
            ..HandoffConfig::default()
        })
    }

    #[test]
    fn open_within_the_day_s_ranges_and_not_on_closed_dates() {
        let hours = hours(
            &[("mon", "08:30-12:30, 13:30-17:00"), ("sat", "10:00-24:00")],
            &["2026-12-28"],
        )
        .unwrap();
        // 2026-12-07 is a Monday.
        assert!(hours.is_open(&at("2026-12-07T08:30")));
        assert!(!hours.is_open(&at("2026-12-07T08:29")));
        assert!(!hours.is_open(&at("2026-12-07T13:00")), "lunch");
        assert!(
            !hours.is_open(&at("2026-12-07T17:00")),
            "the end is not open"
        );
        assert!(
            !hours.is_open(&at("2026-12-08T10:00")),
            "tuesday is not listed"
        );
        assert!(hours.is_open(&at("2026-12-12T23:59")), "24:00 is midnight");
        assert!(
            !hours.is_open(&at("2026-12-28T10:00")),
            "a bank holiday monday"
        );
    }

    #[test]
    fn the_default_is_the_demo_council_s_weekday_hours() {
        let hours = OpeningHours::from_config(&HandoffConfig::default()).unwrap();
        assert!(hours.is_open(&at("2026-12-04T16:59")), "a friday");
        assert!(!hours.is_open(&at("2026-12-05T12:00")), "a saturday");
    }

    #[test]
    fn mistakes_name_their_key() {
        let problems = hours(
            &[
                ("monday", "09:00-17:00"),
                ("tue", "9-5"),
                ("wed", "17:00-09:00"),
            ],
            &["25/12/2026"],
        )
        .unwrap_err();
        let all = problems.join("\n");
        for expected in [
            "\"monday\" is not a weekday",
            "handoff.opening_hours.tue: \"9\" is not a time",
            "handoff.opening_hours.wed: \"17:00-09:00\" ends before it starts",
            "handoff.closed_dates: \"25/12/2026\" is not a date",
        ] {
            assert!(all.contains(expected), "{expected} in\n{all}");
        }
    }

    #[test]
    fn always_is_always_open() {
        assert!(OpeningHours::always().is_open(&at("2026-12-25T03:00")));
    }
}
