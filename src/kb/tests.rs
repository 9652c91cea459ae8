use super::*;

fn tag(code: &str) -> LangTag {
    LangTag::parse(code).unwrap()
}

fn doc(id: &str, title: &str, tags: &[&str], body: &str) -> Document {
    let front = format!(
        "---\nid: {id}\ntitle: {title}\nurl: https://www.glanafon.example/{id}\ntags: [{}]\nreviewed: 2026-10-01\n---\n{body}\n",
        tags.join(", ")
    );
    let (document, problems) = document::parse(&front);
    assert!(problems.is_empty(), "{problems:?}");
    document.unwrap()
}

/// A small council: English answers, a few in Welsh, Polish and Arabic.
fn knowledge() -> KnowledgeBase {
    let english = vec![
        doc(
            "bin-day",
            "Find your bin collection day",
            &["bin day", "rubbish"],
            "Enter your postcode in the bin day checker. Recycling is collected every week and the black bin every three weeks.",
        ),
        doc(
            "recycling",
            "What goes in your recycling",
            &["recycling box"],
            "Paper, card, glass bottles, cans and plastic pots go in the blue recycling box. Nappies and food do not.",
        ),
        doc(
            "council-tax-bands",
            "Council tax bands",
            &["valuation"],
            "Your council tax band depends on what your home was worth in 2003. You can challenge your band.",
        ),
        doc(
            "council-tax-discounts",
            "Council tax discounts",
            &["single person discount"],
            "If you live alone you get 25% off your council tax bill. Students do not pay council tax.",
        ),
        doc(
            "parking-fines",
            "Parking fines",
            &["penalty charge notice", "parking ticket"],
            "Pay a penalty charge notice within 14 days to pay half. You can challenge a ticket online.",
        ),
        doc(
            "library",
            "Join the library",
            &["library card"],
            "Joining the library is free. Bring proof of your address to any branch.",
        ),
    ];
    let welsh = vec![doc(
        "bin-day",
        "Dod o hyd i'ch diwrnod casglu biniau",
        &["diwrnod bin"],
        "Rhowch eich cod post yn y gwiriwr diwrnod bin. Rydym yn casglu ailgylchu bob wythnos a'r bin du bob tair wythnos.",
    )];
    let polish = vec![doc(
        "library",
        "Zapisz się do biblioteki",
        &["karta biblioteczna"],
        "Zapisanie się do biblioteki jest bezpłatne. Przynieś dowód adresu do dowolnej filii biblioteki.",
    )];
    let arabic = vec![doc(
        "recycling",
        "ما الذي يوضع في صندوق إعادة التدوير",
        &["إعادة التدوير"],
        "الورق والكرتون والزجاجات والعلب توضع في صندوق إعادة التدوير الأزرق.",
    )];
    let synonyms = vec![
        vec!["ctax".to_owned(), "council tax".to_owned()],
        vec!["pcn".to_owned(), "penalty charge notice".to_owned()],
    ];
    let sources = vec![
        Source {
            lang: tag("en"),
            documents: english,
            synonyms,
            fingerprint: None,
            file_hashes: Vec::new(),
        },
        Source {
            lang: tag("cy"),
            documents: welsh,
            synonyms: Vec::new(),
            fingerprint: None,
            file_hashes: Vec::new(),
        },
        Source {
            lang: tag("pl"),
            documents: polish,
            synonyms: Vec::new(),
            fingerprint: None,
            file_hashes: Vec::new(),
        },
        Source {
            lang: tag("ar"),
            documents: arabic,
            synonyms: Vec::new(),
            fingerprint: None,
            file_hashes: Vec::new(),
        },
    ];
    KnowledgeBase::build(sources, Thresholds::default()).unwrap()
}

/// The id of the answer to `question`, asked in `lang` (searching its chain).
fn answer(kb: &KnowledgeBase, lang: &str, question: &str) -> Option<String> {
    let lang = tag(lang);
    let chain = if lang.as_str() == "en" {
        vec![lang.clone()]
    } else {
        vec![lang.clone(), tag("en")]
    };
    kb.answer(&chain, &lang, question)
        .map(|answer| format!("{}:{}", answer.best.lang, answer.best.document.id))
}

#[test]
fn each_language_is_searched_with_its_own_analysis() {
    let kb = knowledge();
    let found = |lang, question| answer(&kb, lang, question);
    assert_eq!(
        found("en", "when are the bins collected"),
        Some("en:bin-day".into())
    );
    assert_eq!(
        found("cy", "pryd mae fy min yn cael ei gasglu"),
        Some("cy:bin-day".into()),
        "the mutated “fy min” meets “bin”"
    );
    assert_eq!(
        found("pl", "jak zapisać się do biblioteki"),
        Some("pl:library".into()),
        "inflected forms of “biblioteka” meet"
    );
    assert_eq!(
        found("ar", "هل الزجاجات تذهب في صندوق التدوير"),
        Some("ar:recycling".into())
    );
}

#[test]
fn synonyms_typos_and_boosts() {
    let kb = knowledge();
    let found = |question| answer(&kb, "en", question);
    assert_eq!(
        found("do students pay ctax"),
        Some("en:council-tax-discounts".into())
    );
    assert_eq!(found("how do i pay a pcn"), Some("en:parking-fines".into()));
    assert_eq!(
        found("can glass go in the recyclng box"),
        Some("en:recycling".into()),
        "one-letter typos are corrected when the word is unknown"
    );
    let ranked = kb.search(&tag("en"), &tag("en"), "council tax bands", 3);
    assert_eq!(
        ranked[0].document.id, "council-tax-bands",
        "the title outweighs the body"
    );
}

#[test]
fn questions_no_document_answers_go_on() {
    let kb = knowledge();
    for question in [
        "who is the prime minister",
        "what is the weather tomorrow",
        "is it going to rain",
        "hello",
        "the and of my",
    ] {
        assert_eq!(answer(&kb, "en", question), None, "{question}");
    }
}

#[test]
fn a_language_without_the_answer_falls_back_along_its_chain() {
    let kb = knowledge();
    // Welsh has no parking page: the Welsh words are set aside and the
    // English page is found on the word the two share.
    assert_eq!(
        answer(&kb, "cy", "sut mae talu dirwy pcn"),
        Some("en:parking-fines".into())
    );
    // Without knowing the question is Welsh, its Welsh words would count
    // against every English page.
    let unaware = kb.answer(&[tag("en")], &tag("en"), "sut mae talu dirwy pcn");
    assert!(unaware.is_none());
    // A Welsh page is preferred to its English original.
    assert_eq!(answer(&kb, "cy", "diwrnod bin"), Some("cy:bin-day".into()));
    assert_eq!(
        kb.translation(&[tag("cy"), tag("en")], "library")
            .map(|(lang, _)| lang.as_str()),
        Some("en")
    );
}

#[test]
fn close_runners_up_are_related() {
    let kb = knowledge();
    let answer = kb
        .answer(&[tag("en")], &tag("en"), "questions about council tax")
        .unwrap();
    let mut found = vec![answer.best.document.id.as_str()];
    found.extend(answer.related.iter().map(|hit| hit.document.id.as_str()));
    found.sort_unstable();
    assert_eq!(found, ["council-tax-bands", "council-tax-discounts"]);
    let answer = kb
        .answer(
            &[tag("en")],
            &tag("en"),
            "council tax discount for students",
        )
        .unwrap();
    assert_eq!(answer.best.document.id, "council-tax-discounts");
}

#[test]
fn an_empty_knowledge_base_answers_nothing() {
    let kb = KnowledgeBase::empty();
    assert!(kb.answer(&[tag("en")], &tag("en"), "bin day").is_none());
    assert_eq!(kb.total(), 0);
}

#[test]
fn slips_are_corrected_to_the_word_meant() {
    let kb = knowledge();
    let explain = |question| kb.explain(&tag("en"), &tag("en"), question);
    assert_eq!(
        explain("bnad")[0].1,
        ["band"],
        "two letters swapped in a short word"
    );
    assert!(
        explain("bank")[0].1.is_empty(),
        "a short word one letter from another is not taken for it"
    );
    let (weight, terms) = &explain("wat")[0];
    assert!(
        terms.is_empty() && *weight < 0.5,
        "a slip on a stop word weighs little: {weight}"
    );
    assert_eq!(
        answer(&kb, "en", "wat bin day"),
        Some("en:bin-day".into()),
        "and does not keep the answer away"
    );
}

#[test]
fn arabic_proclitics_are_taken_off_unknown_words() {
    let kb = knowledge();
    let terms = kb.explain(&tag("ar"), &tag("ar"), "ولصندوق");
    assert_eq!(
        terms[0].1,
        kb.explain(&tag("ar"), &tag("ar"), "صندوق")[0].1,
        "“and for the box” is “box”"
    );
}

#[test]
fn a_word_only_in_a_page_body_covers_less() {
    let kb = knowledge();
    let in_body = kb.search(&tag("en"), &tag("en"), "nappies", 1);
    let in_title = kb.search(&tag("en"), &tag("en"), "recycling", 1);
    assert_eq!(in_body[0].document.id, "recycling");
    assert_eq!(in_title[0].document.id, "recycling");
    assert!(in_body[0].coverage < in_title[0].coverage);
}
