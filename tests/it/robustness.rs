//! Property tests: whatever a resident types, or whatever a client sends as a
//! button payload, the detector, the matcher, the validators and whole
//! conversations neither panic nor leave a flow in an impossible state.

use std::sync::LazyLock;

use councilbot::content::Content;
use councilbot::conversation::{self, ConversationState, InMemoryServices, Input};
use councilbot::flows::model::{Slot, SlotKind};
use councilbot::flows::reference::Reference;
use councilbot::flows::slots;
use councilbot::lang::LangTag;
use proptest::prelude::*;

use crate::helpers::test_config;

static CONTENT: LazyLock<Content> = LazyLock::new(|| {
    let data = tempfile::tempdir().unwrap();
    councilbot::content::load(&test_config(data.path()))
        .expect("demo content")
        .content
});

/// Text from every script residents use, with punctuation, digits and oddities.
fn resident_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-zA-Z0-9 ,.!?'’-]{0,80}",
        "[\\p{Arabic}\\p{Latin}\\p{Cyrillic}\\p{Han} 0-9]{0,40}",
        Just("CB-7K3Q-9X cf10 3ab 07700 900123 jo@example.com 14/03/2026".to_owned()),
    ]
}

/// Payloads a client could send back, real and made up.
fn payload() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        Just(Some("answer:yes".to_owned())),
        Just(Some("answer:garden".to_owned())),
        Just(Some("command:cancel".to_owned())),
        Just(Some("command:continue".to_owned())),
        Just(Some("intent:missed-bin".to_owned())),
        Just(Some("intent:nonexistent".to_owned())),
        Just(Some("handoff".to_owned())),
        Just(Some("lang:cy".to_owned())),
        Just(Some("lang:zz".to_owned())),
        "[a-z:]{0,20}".prop_map(Some),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn detection_and_matching_take_any_text(text in resident_text()) {
        let content = &*CONTENT;
        content.detector.detect(&text);
        for info in content.languages.all() {
            let ranked = content.matcher.rank(&content.intents, &info.tag, &text);
            content.matcher.decide(&ranked);
        }
        Reference::find_in(&text);
        councilbot::text::fold(&text);
    }

    #[test]
    fn validators_take_any_answer(text in resident_text()) {
        let words = &CONTENT.words[&LangTag::parse("en").unwrap()];
        let context = slots::Context { words, today: jiff::civil::date(2026, 11, 22), labels: &[] };
        for kind in ["text", "number", "date", "time", "postcode", "email", "phone", "choice", "yes_no", "reference"] {
            let slot = Slot {
                name: "x".into(), kind: SlotKind::parse(kind).unwrap(), prompt: "p".into(), choices: Vec::new(),
                not_future: true, not_past: false, min: Some(0.0), max: Some(10.0),
            };
            let _ = slots::validate(&slot, &text, None, &context);
        }
    }

    #[test]
    fn conversations_survive_any_sequence_of_messages(
        turns in proptest::collection::vec((resident_text(), payload()), 1..12),
    ) {
        let content = &*CONTENT;
        let services = InMemoryServices::new(jiff::civil::date(2026, 11, 22));
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let mut state = ConversationState::new(content, None, None);
        for (text, payload) in &turns {
            let input = Input { text, payload: payload.as_deref() };
            let turn = runtime.block_on(conversation::turn(content, &mut state, input, &services));
            prop_assert!(!turn.messages.is_empty(), "every message gets an answer");
            if let Some(flow) = &state.flow {
                let intent = content.intents.get(&flow.intent);
                prop_assert!(intent.is_some_and(|i| flow.step < i.steps.len()), "a flow waits on a real step");
            }
        }
    }
}
