use super::*;

const MINUTE: i64 = 60_000;

fn settings() -> Settings {
    Settings {
        max_wait_ms: 20 * MINUTE,
        default_handling_ms: 5 * MINUTE,
        agent_grace_ms: MINUTE,
        resident_grace_ms: 2 * MINUTE,
        default_capacity: 2,
    }
}

fn lang(code: &str) -> LangTag {
    LangTag::parse(code).unwrap()
}

fn entry(conversation: &str, code: &str, topic: Option<&str>, urgent: bool, at: i64) -> Entry {
    Entry {
        handoff_id: format!("h-{conversation}"),
        conversation_id: conversation.to_owned(),
        lang: lang(code),
        topic: topic.map(str::to_owned),
        urgent,
        summary: "help".to_owned(),
        page: None,
        queued_at: at,
    }
}

fn agent(id: &str, languages: &[&str], topics: &[&str]) -> AgentProfile {
    AgentProfile {
        id: id.to_owned(),
        name: format!("Agent {id}"),
        languages: languages.iter().map(|l| lang(l)).collect(),
        topics: topics.iter().map(|t| (*t).to_owned()).collect(),
    }
}

fn desk_with(agents: &[AgentProfile]) -> Desk {
    let mut desk = Desk::new(settings());
    for profile in agents {
        desk.agent_online(profile.clone());
    }
    desk
}

#[test]
fn residents_queue_in_order_with_places_and_waits() {
    let mut desk = desk_with(&[agent("a", &["en"], &[])]);
    let first = desk
        .request(entry("c1", "en", None, false, 0), true)
        .unwrap();
    let second = desk
        .request(entry("c2", "en", None, false, 1), true)
        .unwrap();
    assert_eq!(
        first,
        Place {
            position: 1,
            wait_minutes: 5
        }
    );
    assert_eq!(
        second,
        Place {
            position: 2,
            wait_minutes: 10
        }
    );
    assert_eq!(
        desk.request(entry("c1", "en", None, false, 5), true),
        Ok(first),
        "asking again keeps the place"
    );
}

#[test]
fn safeguarding_goes_first() {
    let mut desk = desk_with(&[agent("a", &["en"], &[])]);
    desk.request(entry("c1", "en", None, false, 0), true)
        .unwrap();
    let urgent = desk
        .request(entry("c2", "en", None, true, 9), true)
        .unwrap();
    assert_eq!(urgent.position, 1);
    assert_eq!(desk.place("c1").unwrap().position, 2);
}

#[test]
fn nobody_to_answer_is_said_plainly() {
    let mut desk = desk_with(&[agent("a", &["en", "pl"], &["bins"])]);
    let closed = desk.request(entry("c1", "en", None, false, 0), false);
    assert_eq!(closed, Err(Unavailable::Closed));
    let somali = desk.request(entry("c2", "so", None, false, 0), true);
    assert_eq!(
        somali,
        Err(Unavailable::NoAgent),
        "no Somali speaker online"
    );
    let parking = desk.request(entry("c3", "pl", Some("parking"), false, 0), true);
    assert_eq!(parking, Err(Unavailable::NoAgent), "topic not covered");
    desk.set_status("a", false, None);
    let away = desk.request(entry("c4", "en", Some("bins"), false, 0), true);
    assert_eq!(
        away,
        Err(Unavailable::NoAgent),
        "an away agent does not count"
    );
}

#[test]
fn routing_follows_the_resident_s_language() {
    let mut desk = desk_with(&[agent("so", &["so", "en"], &[]), agent("en", &["en"], &[])]);
    desk.request(entry("c1", "so", None, false, 0), true)
        .unwrap();
    desk.request(entry("c2", "en", None, false, 1), true)
        .unwrap();
    assert_eq!(desk.queue_for("so").len(), 2);
    assert_eq!(desk.queue_for("en").len(), 1);
    assert_eq!(desk.take("en", "c1", 5), Err(DeskError::NotYourSkill));
    assert!(desk.take("so", "c1", 5).is_ok());
    assert_eq!(
        desk.place("c2").unwrap().position,
        1,
        "places count by language"
    );
}

#[test]
fn a_wait_too_long_is_refused_and_leaves_no_trace() {
    let mut desk = desk_with(&[agent("a", &["en"], &[])]);
    for n in 0..4 {
        desk.request(entry(&format!("c{n}"), "en", None, false, n), true)
            .unwrap();
    }
    let fifth = desk.request(entry("c9", "en", None, false, 9), true);
    assert_eq!(fifth, Err(Unavailable::TooLong), "25 minutes > 20");
    assert_eq!(desk.place("c9"), None);
}

#[test]
fn two_agents_race_and_exactly_one_wins() {
    let mut desk = desk_with(&[agent("a", &["en"], &[]), agent("b", &["en"], &[])]);
    desk.request(entry("c1", "en", None, false, 0), true)
        .unwrap();
    let a = desk.take("a", "c1", 1);
    let b = desk.take("b", "c1", 1);
    assert_eq!(a.unwrap().agent_id, "a");
    assert_eq!(b, Err(DeskError::NotWaiting));
    assert_eq!(desk.chat("b", "c1"), Err(DeskError::NotYours));
}

#[test]
fn capacity_limits_an_agent_s_chats() {
    let mut desk = desk_with(&[agent("a", &["en"], &[])]);
    desk.set_status("a", true, Some(1));
    desk.request(entry("c1", "en", None, false, 0), true)
        .unwrap();
    desk.request(entry("c2", "en", None, false, 1), true)
        .unwrap();
    desk.take("a", "c1", 2).unwrap();
    assert_eq!(desk.take("a", "c2", 2), Err(DeskError::AtCapacity));
}

#[test]
fn finished_chats_teach_the_wait_estimate() {
    let mut desk = desk_with(&[agent("a", &["en"], &[])]);
    desk.request(entry("c1", "en", None, false, 0), true)
        .unwrap();
    desk.take("a", "c1", 0).unwrap();
    desk.finish("a", "c1", 2 * MINUTE).unwrap();
    let place = desk
        .request(entry("c2", "en", None, false, 0), true)
        .unwrap();
    assert_eq!(place.wait_minutes, 2);
    assert_eq!(
        desk.finish("a", "c1", 0),
        Err(DeskError::NotYours),
        "only once"
    );
}

#[test]
fn a_dropped_agent_gets_a_grace_period_then_chats_return_to_the_queue() {
    let mut desk = desk_with(&[agent("a", &["en"], &[]), agent("b", &["en"], &[])]);
    desk.request(entry("c1", "en", None, false, 0), true)
        .unwrap();
    desk.request(entry("c2", "en", None, false, 10), true)
        .unwrap();
    desk.take("a", "c1", 20).unwrap();
    desk.agent_offline("a", 100);
    assert_eq!(desk.expire(100 + MINUTE - 1), Expired::default());
    desk.agent_online(agent("a", &["en"], &[]));
    desk.agent_offline("a", 200);
    let expired = desk.expire(200 + MINUTE);
    assert_eq!(expired.requeued.len(), 1);
    assert_eq!(
        desk.place("c1").unwrap().position,
        1,
        "back ahead of those who asked later"
    );
    assert!(desk.take("b", "c1", 300).is_ok());
}

#[test]
fn a_resident_who_leaves_while_queued_is_removed_after_the_grace_period() {
    let mut desk = desk_with(&[agent("a", &["en"], &[])]);
    desk.request(entry("c1", "en", None, false, 0), true)
        .unwrap();
    desk.request(entry("c2", "en", None, false, 1), true)
        .unwrap();
    desk.resident_away("c1", 0);
    desk.resident_away("c2", 0);
    desk.resident_back("c2");
    let expired = desk.expire(2 * MINUTE);
    assert_eq!(expired.abandoned.len(), 1);
    assert_eq!(expired.abandoned[0].conversation_id, "c1");
    assert_eq!(desk.place("c2").unwrap().position, 1);
}

#[test]
fn transfers_go_to_an_agent_or_back_to_the_queue_under_a_topic() {
    let mut desk = desk_with(&[agent("a", &["en"], &[]), agent("b", &["en"], &["housing"])]);
    desk.request(entry("c1", "en", Some("bins"), false, 0), true)
        .unwrap();
    desk.take("a", "c1", 1).unwrap();
    assert_eq!(
        desk.transfer_to_agent("a", "c1", "b", 2),
        Err(DeskError::NotYourSkill),
        "b covers housing only"
    );
    let entry = desk
        .transfer_to_topic("a", "c1", Some("housing".to_owned()))
        .unwrap();
    assert_eq!(entry.topic.as_deref(), Some("housing"));
    assert_eq!(desk.queue_for("b").len(), 1);
    let chat = desk.take("b", "c1", 3).unwrap();
    assert_eq!(chat.agent_name, "Agent b");
    let moved = desk.transfer_to_agent("b", "c1", "a", 4).unwrap();
    assert_eq!(moved.agent_id, "a");
}

#[test]
fn leaving_ends_a_wait_or_a_chat() {
    let mut desk = desk_with(&[agent("a", &["en"], &[])]);
    desk.request(entry("c1", "en", None, false, 0), true)
        .unwrap();
    desk.request(entry("c2", "en", None, false, 1), true)
        .unwrap();
    desk.take("a", "c2", 1).unwrap();
    assert!(matches!(desk.leave("c1"), Some(Left::Queue(_))));
    assert!(matches!(desk.leave("c2"), Some(Left::Chat(_))));
    assert_eq!(desk.leave("c2"), None);
}

#[test]
fn restored_chats_wait_for_their_agent() {
    let mut desk = Desk::new(settings());
    let chat = Chat {
        entry: entry("c1", "en", None, false, 0),
        agent_id: "a".to_owned(),
        agent_name: "Sam".to_owned(),
        assigned_at: 0,
    };
    desk.restore(vec![entry("c2", "en", None, false, 1)], vec![chat], 1_000);
    desk.agent_online(agent("a", &["en"], &[]));
    assert_eq!(desk.chats_of("a").len(), 1);
    assert_eq!(desk.queue_for("a").len(), 1);
    assert_eq!(
        desk.expire(1_000 + MINUTE),
        Expired::default(),
        "back in time"
    );
}
