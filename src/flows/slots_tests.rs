//! Slot validation, one question type at a time.

use jiff::civil::date;

use super::*;
use crate::flows::model::Choice;

fn words() -> LanguageWords {
    let lists = |id: &str| -> Vec<(String, bool)> {
        let text = match id {
            "answer-yes" => "yes, yeah, yep, that's right",
            "answer-no" => "no, nope, that's wrong",
            "date-today" => "today",
            "date-yesterday" => "yesterday, last night",
            "date-tomorrow" => "tomorrow",
            "date-months" => {
                "January|jan, February|feb, March|mar, April|apr, May, June|jun, July|jul, August|aug, September|sep, October|oct, November|nov, December|dec"
            }
            "date-weekdays" => {
                "Monday|mon, Tuesday|tue, Wednesday|wed, Thursday|thu, Friday|fri, Saturday|sat, Sunday|sun"
            }
            _ => "",
        };
        vec![(text.to_owned(), true)]
    };
    LanguageWords::from_lists(lists)
}

fn slot(kind: SlotKind) -> Slot {
    Slot {
        name: "x".into(),
        kind,
        prompt: "p".into(),
        choices: Vec::new(),
        not_future: false,
        not_past: false,
        min: None,
        max: None,
    }
}

/// Sunday 22 November 2026.
const TODAY: Date = date(2026, 11, 22);

fn check(slot: &Slot, answer: &str) -> Result<String, Invalid> {
    let words = words();
    let labels = [
        "Recycling (blue box)".to_owned(),
        "Garden waste (green bin)".to_owned(),
    ];
    let context = Context {
        words: &words,
        today: TODAY,
        labels: &labels,
    };
    validate(slot, answer, None, &context).map(|value| value.value)
}

#[test]
fn dates_in_the_forms_residents_type() {
    let day = slot(SlotKind::Date);
    for (answer, expected) in [
        ("14/03/2026", "2026-03-14"),
        ("14.3.26", "2026-03-14"),
        ("2026-03-14", "2026-03-14"),
        ("on the 14th of March", "2026-03-14"),
        ("march 14", "2026-03-14"),
        ("yesterday", "2026-11-21"),
        ("today", "2026-11-22"),
        ("last friday", "2026-11-20"),
        ("٢٠/١١/٢٠٢٦", "2026-11-20"),
    ] {
        assert_eq!(check(&day, answer).as_deref(), Ok(expected), "{answer}");
    }
    assert_eq!(check(&day, "31/02/2026"), Err(Invalid::Date));
    assert_eq!(check(&day, "soon"), Err(Invalid::Date));
}

#[test]
fn dates_can_be_limited_to_the_past_or_future() {
    let past = Slot {
        not_future: true,
        ..slot(SlotKind::Date)
    };
    assert_eq!(check(&past, "tomorrow"), Err(Invalid::DateFuture));
    assert!(check(&past, "yesterday").is_ok());
    let future = Slot {
        not_past: true,
        ..slot(SlotKind::Date)
    };
    assert_eq!(check(&future, "yesterday"), Err(Invalid::DatePast));
    assert_eq!(
        check(&future, "friday").as_deref(),
        Ok("2026-11-27"),
        "weekdays look forward"
    );
}

#[test]
fn dates_are_shown_with_the_month_name() {
    let words = words();
    let context = Context {
        words: &words,
        today: TODAY,
        labels: &[],
    };
    let value = validate(&slot(SlotKind::Date), "3/3/26", None, &context).unwrap();
    assert_eq!(value.display, "3 March 2026");
}

#[test]
fn times_postcodes_emails_and_phones() {
    for (answer, expected) in [
        ("14:30", "14:30"),
        ("2.30pm", "14:30"),
        ("2pm", "14:00"),
        ("12am", "00:00"),
        ("about 9h15", "09:15"),
    ] {
        assert_eq!(
            check(&slot(SlotKind::Time), answer).as_deref(),
            Ok(expected),
            "{answer}"
        );
    }
    assert_eq!(check(&slot(SlotKind::Time), "25:00"), Err(Invalid::Time));
    assert_eq!(
        check(&slot(SlotKind::Time), "7"),
        Err(Invalid::Time),
        "a bare number is not a time"
    );
    assert_eq!(
        check(&slot(SlotKind::Postcode), "it's cf10 3ab thanks").as_deref(),
        Ok("CF10 3AB")
    );
    assert_eq!(
        check(&slot(SlotKind::Postcode), "SW1A1AA").as_deref(),
        Ok("SW1A 1AA")
    );
    assert_eq!(
        check(&slot(SlotKind::Postcode), "12345"),
        Err(Invalid::Postcode)
    );
    assert_eq!(
        check(&slot(SlotKind::Email), "it's jo.bloggs+x@example.co.uk").as_deref(),
        Ok("jo.bloggs+x@example.co.uk")
    );
    assert_eq!(
        check(&slot(SlotKind::Email), "jo at example dot com"),
        Err(Invalid::Email)
    );
    assert_eq!(
        check(&slot(SlotKind::Phone), "07700 900123").as_deref(),
        Ok("07700900123")
    );
    assert_eq!(
        check(&slot(SlotKind::Phone), "+44 (0)7700 900123").as_deref(),
        Ok("07700900123")
    );
    assert_eq!(check(&slot(SlotKind::Phone), "12345"), Err(Invalid::Phone));
}

#[test]
fn numbers_respect_their_range() {
    let bounded = Slot {
        min: Some(1.0),
        max: Some(10.0),
        ..slot(SlotKind::Number)
    };
    assert_eq!(check(&bounded, "about 3 of them").as_deref(), Ok("3"));
    assert_eq!(check(&bounded, "12"), Err(Invalid::NumberRange));
    assert_eq!(check(&bounded, "lots"), Err(Invalid::Number));
}

#[test]
fn choices_by_button_number_value_or_label() {
    let choices = vec![
        Choice {
            value: "recycling".into(),
            label: "l1".into(),
        },
        Choice {
            value: "garden".into(),
            label: "l2".into(),
        },
    ];
    let bin = Slot {
        choices,
        ..slot(SlotKind::Choice)
    };
    assert_eq!(check(&bin, "2").as_deref(), Ok("garden"));
    assert_eq!(check(&bin, "garden").as_deref(), Ok("garden"));
    assert_eq!(
        check(&bin, "the recycling").as_deref(),
        Ok("recycling"),
        "label words typed"
    );
    assert_eq!(check(&bin, "green bin").as_deref(), Ok("garden"));
    assert_eq!(check(&bin, "the black one"), Err(Invalid::Choice));
    let words = words();
    let context = Context {
        words: &words,
        today: TODAY,
        labels: &[],
    };
    assert_eq!(
        validate(&bin, "Garden", Some("garden"), &context)
            .unwrap()
            .value,
        "garden"
    );
}

#[test]
fn the_longest_yes_or_no_phrase_wins() {
    let words = LanguageWords::from_lists(|id| match id {
        "answer-yes" => vec![
            ("ie, ydw, nac oes problem".to_owned(), true),
            ("yes, y".to_owned(), false),
        ],
        "answer-no" => vec![
            ("na, nac ydw".to_owned(), true),
            ("no, n".to_owned(), false),
        ],
        _ => Vec::new(),
    });
    let context = Context {
        words: &words,
        today: TODAY,
        labels: &[],
    };
    let answer =
        |text: &str| validate(&slot(SlotKind::YesNo), text, None, &context).map(|v| v.value);
    assert_eq!(
        answer("nac ydw").as_deref(),
        Ok("no"),
        "ydw inside nac ydw is not a yes"
    );
    assert_eq!(answer("nac oes problem").as_deref(), Ok("yes"));
    assert_eq!(
        answer("na, y bin glas").as_deref(),
        Ok("no"),
        "the fallback's one-letter y is not used"
    );
    assert_eq!(
        answer("yes").as_deref(),
        Ok("yes"),
        "the fallback's longer words still are"
    );
}

#[test]
fn a_day_and_month_beat_a_weekday_of_the_same_name() {
    let words = LanguageWords::from_lists(|id| {
        match id {
        "date-months" => vec![("Ionawr, Chwefror, Mawrth, Ebrill, Mai, Mehefin, Gorffennaf, Awst, Medi, Hydref, Tachwedd, Rhagfyr".to_owned(), true)],
        "date-weekdays" => vec![("Llun, Mawrth, Mercher, Iau, Gwener, Sadwrn, Sul".to_owned(), true)],
        _ => Vec::new(),
    }
    });
    let context = Context {
        words: &words,
        today: TODAY,
        labels: &[],
    };
    let day = |text: &str| validate(&slot(SlotKind::Date), text, None, &context).map(|v| v.value);
    assert_eq!(day("14 Mawrth").as_deref(), Ok("2026-03-14"));
    assert_eq!(
        day("dydd Mawrth").as_deref(),
        Ok("2026-11-17"),
        "without a number it is Tuesday"
    );
}

#[test]
fn yes_and_no_in_words() {
    let question = slot(SlotKind::YesNo);
    assert_eq!(check(&question, "yeah that's right").as_deref(), Ok("yes"));
    assert_eq!(check(&question, "nope").as_deref(), Ok("no"));
    assert_eq!(check(&question, "maybe"), Err(Invalid::YesNo));
    assert_eq!(
        check(&question, "yes no"),
        Err(Invalid::YesNo),
        "both is neither"
    );
}

#[test]
fn references_and_free_text() {
    let reference = Reference::from_random([1, 2, 3, 4, 5]);
    let answer = format!("my ref is {}", reference.as_str().to_lowercase());
    assert_eq!(
        check(&slot(SlotKind::Reference), &answer).as_deref(),
        Ok(reference.as_str())
    );
    assert_eq!(
        check(&slot(SlotKind::Reference), "CB-1234-56"),
        Err(Invalid::Reference)
    );
    assert_eq!(check(&slot(SlotKind::Text), "?!"), Err(Invalid::Text));
    assert_eq!(
        check(&slot(SlotKind::Text), "outside number 12").as_deref(),
        Ok("outside number 12")
    );
}
