//! The flow engine driven step by step, without a conversation around it.

use jiff::civil::date;

use super::*;
use crate::flows::parse;

const REPORT: &str = r#"
id: report
topic: roads
examples: {en: [report a thing]}
steps:
  - ask: kind
    type: choice
    prompt: ask-kind
    choices:
      - {value: urgent, label: kind-urgent}
      - {value: normal, label: kind-normal}
  - say: call-now
    when: {kind: urgent}
    end: true
  - ask: postcode
    type: postcode
    prompt: ask-postcode
  - confirm: confirm-it
  - action: create_case
    say: done
"#;

const STATUS: &str = r#"
id: status
examples: {en: [status]}
steps:
  - ask: reference
    type: reference
    prompt: ask-reference
  - action: case_status
    slot: reference
    found: found
    not_found: not-found
"#;

fn intents() -> IntentSet {
    let parse = |text: &str| {
        let (parsed, problems) = parse::parse(text);
        assert!(problems.iter().all(|p| !p.error), "{problems:?}");
        parsed.unwrap().intent
    };
    IntentSet::new(vec![parse(REPORT), parse(STATUS)])
}

fn words() -> LanguageWords {
    LanguageWords::from_lists(|id| match id {
        "answer-yes" => vec![("yes".to_owned(), true)],
        "answer-no" => vec![("no".to_owned(), true)],
        _ => Vec::new(),
    })
}

fn with_engine(test: impl FnOnce(&Engine<'_>, &IntentSet)) {
    let intents = intents();
    let words = words();
    let text = |id: &str| format!("<{id}>");
    let engine = Engine {
        intents: &intents,
        env: Env {
            lang: "en",
            words: &words,
            today: date(2026, 11, 22),
            text: &text,
        },
    };
    test(&engine, &intents);
}

fn said(progress: &Progress) -> Vec<&str> {
    let utterances = match progress {
        Progress::Say(u) | Progress::Effect(u, _) | Progress::Handoff(u, _) => u,
    };
    utterances.iter().map(|u| u.message.as_str()).collect()
}

#[test]
fn a_flow_asks_confirms_and_asks_for_a_case() {
    with_engine(|engine, intents| {
        let mut flow = None;
        let started = engine.start(&mut flow, intents.get("report").unwrap(), "report a thing");
        assert_eq!(said(&started), ["ask-kind"]);
        let Progress::Say(question) = &started else {
            panic!()
        };
        assert_eq!(
            question[0]
                .buttons
                .iter()
                .map(|b| b.payload.as_str())
                .collect::<Vec<_>>(),
            ["answer:urgent", "answer:normal"]
        );
        assert_eq!(
            said(&engine.answer(&mut flow, "Normal", Some("answer:normal"))),
            ["ask-postcode"]
        );
        let confirm = engine.answer(&mut flow, "it's cf10 3ab", None);
        assert_eq!(said(&confirm), ["confirm-it"]);
        let Progress::Say(confirm) = confirm else {
            panic!()
        };
        assert!(
            confirm[0]
                .args
                .contains(&("postcode".to_owned(), ArgValue::Text("CF10 3AB".to_owned())))
        );
        assert!(
            confirm[0].personal,
            "a confirmation repeating a postcode is personal"
        );
        let Progress::Effect(_, Effect::CreateCase(case)) = engine.answer(&mut flow, "yes", None)
        else {
            panic!("a case is asked for")
        };
        assert_eq!(
            (
                case.topic.as_str(),
                case.slots["kind"].as_str(),
                case.lang.as_str()
            ),
            ("roads", "normal", "en")
        );
        let reference = Reference::from_random([1, 1, 1, 1, 1]);
        let done = engine.resume(&mut flow, EffectResult::CaseCreated(reference.clone()));
        assert_eq!(said(&done), ["done"]);
        let Progress::Say(done) = done else { panic!() };
        assert!(done[0].args.contains(&(
            "reference".to_owned(),
            ArgValue::Text(reference.to_string())
        )));
        assert_eq!(flow, None, "the flow is over");
    });
}

#[test]
fn wrong_answers_are_explained_then_a_person_is_offered() {
    with_engine(|engine, intents| {
        let mut flow = None;
        engine.start(&mut flow, intents.get("report").unwrap(), "");
        engine.answer(&mut flow, "normal", None);
        assert_eq!(
            said(&engine.answer(&mut flow, "nowhere", None)),
            ["slot-invalid-postcode", "ask-postcode"]
        );
        engine.answer(&mut flow, "still nowhere", None);
        let stuck = engine.answer(&mut flow, "no idea", None);
        assert_eq!(said(&stuck), ["slot-too-many-tries"]);
        let Progress::Say(stuck) = stuck else {
            panic!()
        };
        let payloads: Vec<&str> = stuck[0]
            .buttons
            .iter()
            .map(|b| b.payload.as_str())
            .collect();
        assert_eq!(payloads, ["handoff:roads", "command:cancel"]);
        assert_eq!(
            flow.as_ref().unwrap().slots["kind"].value,
            "normal",
            "answers so far are kept"
        );
        assert_eq!(
            said(&engine.answer(&mut flow, "SW1A 1AA", None)),
            ["confirm-it"],
            "and a good answer carries on"
        );
    });
}

#[test]
fn no_at_the_confirmation_starts_again() {
    with_engine(|engine, intents| {
        let mut flow = None;
        engine.start(&mut flow, intents.get("report").unwrap(), "");
        engine.answer(&mut flow, "2", None);
        engine.answer(&mut flow, "CF10 3AB", None);
        assert_eq!(
            said(&engine.answer(&mut flow, "maybe", None)),
            ["slot-invalid-yes-no", "confirm-it"]
        );
        assert_eq!(
            said(&engine.answer(&mut flow, "no", None)),
            ["flow-confirm-no", "ask-kind"]
        );
        assert!(flow.as_ref().unwrap().slots.is_empty());
    });
}

#[test]
fn a_condition_can_end_the_flow_early() {
    with_engine(|engine, intents| {
        let mut flow = None;
        engine.start(&mut flow, intents.get("report").unwrap(), "");
        assert_eq!(
            said(&engine.answer(&mut flow, "urgent", None)),
            ["call-now"]
        );
        assert_eq!(flow, None);
    });
}

#[test]
fn answers_in_the_first_message_are_not_asked_again() {
    with_engine(|engine, intents| {
        let mut flow = None;
        let reference = Reference::from_random([3, 1, 4, 1, 5]);
        let started = engine.start(
            &mut flow,
            intents.get("status").unwrap(),
            &format!("any news on {reference}?"),
        );
        let Progress::Effect(said_first, Effect::FindCase(looked_up)) = started else {
            panic!("looked up at once")
        };
        assert!(said_first.is_empty());
        assert_eq!(looked_up, reference);
        let found = CaseSummary {
            reference: reference.clone(),
            intent: "report".into(),
            status: "open".into(),
            created: date(2026, 11, 2),
        };
        let Progress::Say(answer) = engine.resume(&mut flow, EffectResult::CaseFound(Some(found)))
        else {
            panic!()
        };
        assert_eq!(answer[0].message, "found");
        assert!(answer[0].args.contains(&(
            "status".to_owned(),
            ArgValue::Message("case-status-open".to_owned())
        )));
    });
}

#[test]
fn a_failed_action_ends_the_flow_with_a_person_offered() {
    with_engine(|engine, intents| {
        let mut flow = None;
        engine.start(&mut flow, intents.get("report").unwrap(), "CF10 3AB");
        engine.answer(&mut flow, "normal", None);
        engine.answer(&mut flow, "yes", None);
        let failed = engine.resume(&mut flow, EffectResult::Failed);
        assert_eq!(said(&failed), ["flow-action-failed"]);
        assert_eq!(flow, None);
    });
}

#[test]
fn a_flow_whose_intent_was_removed_simply_ends() {
    with_engine(|engine, _| {
        let mut flow = Some(FlowState {
            intent: "gone".into(),
            step: 2,
            slots: BTreeMap::new(),
            tries: 0,
        });
        assert_eq!(
            said(&engine.answer(&mut flow, "anything", None)),
            Vec::<&str>::new()
        );
        assert_eq!(flow, None);
    });
}
