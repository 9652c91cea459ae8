//! Detector checks, and reports for tuning it.

mod unit {
    use super::super::*;
    use std::collections::BTreeMap;

    fn tag(text: &str) -> LangTag {
        LangTag::parse(text).unwrap()
    }

    #[test]
    fn words_fold_and_split_into_padded_trigrams() {
        let pack = |a: char, b: char, c: char| {
            (u64::from(u32::from(a)) << 42)
                | (u64::from(u32::from(b)) << 21)
                | u64::from(u32::from(c))
        };
        let words = message_words("Czuję GAZ, it's 2 o'clock");
        let lower: Vec<&str> = words.iter().map(|w| w.lower.as_str()).collect();
        assert_eq!(lower, ["czuję", "gaz", "its", "oclock"]);
        assert_eq!(words[0].folded(), "czuje");
        assert_eq!(words[1].folded(), "gaz");
        assert_eq!(
            vocabulary::trigrams(&words[1]).collect::<Vec<_>>(),
            [
                pack(' ', 'g', 'a'),
                pack('g', 'a', 'z'),
                pack('a', 'z', ' ')
            ]
        );
        let one = message_words("a");
        assert_eq!(
            vocabulary::trigrams(&one[0]).collect::<Vec<_>>(),
            [pack(' ', 'a', ' ')]
        );
    }

    /// The byte-by-byte path for ASCII gives what the Unicode path gives, on
    /// every ASCII character, at the start, inside and at the end of a word.
    #[test]
    fn ascii_text_is_split_as_unicode_text_is() {
        for byte in 0..=0x7f_u8 {
            let c = char::from(byte);
            for text in [format!("{c}ab"), format!("aB{c}cD"), format!("ab{c}")] {
                assert_eq!(lowered_words(&text), through_unicode(&text), "{text:?}");
                // The same beside a character that is not ASCII, which takes
                // the character-by-character path.
                let mixed = format!("{text}ł");
                assert_eq!(lowered_words(&mixed), through_unicode(&mixed), "{mixed:?}");
            }
        }
        for text in [
            "Hello!  When's my BIN day? Flat 2b, o'clock; x_y-z",
            "Pryd mae’r casgliad biniau? Dw i ddim yn siŵr",
            "Kiedy ODBIÓR śmieci? Chcę zgłosić Dziurę",
            "متى يتم جمع القمامة؟ أريد الإبلاغ",
            "İstanbul ΣΟΦΙΑ café naïve ʼokina 12:30",
            "ありがとう、收集日は？",
        ] {
            assert_eq!(lowered_words(text), through_unicode(text), "{text:?}");
        }
    }

    /// What `lowered_words` gives, from Unicode's tables alone: the reference
    /// its shortcuts for ASCII must agree with.
    fn through_unicode(text: &str) -> String {
        text.chars()
            .flat_map(char::to_lowercase)
            .filter(|c| !text::is_apostrophe(*c))
            .map(|c| if word_char(c) { c } else { ' ' })
            .collect()
    }

    fn council() -> Vec<LangTag> {
        ["en", "cy", "pl", "ar"]
            .iter()
            .map(|code| tag(code))
            .collect()
    }

    /// Per language: (messages, right guesses, confident, confident and wrong).
    fn score(detector: &Detector, file: &str) -> BTreeMap<String, (u32, u32, u32, u32)> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/").to_owned() + file;
        let text = std::fs::read_to_string(path).unwrap();
        let mut table: BTreeMap<String, (u32, u32, u32, u32)> = BTreeMap::new();
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let (lang, message) = line.split_once('\t').unwrap();
            let detection = detector.detect(message);
            let right = detection.lang.as_ref().is_some_and(|l| l.as_str() == lang);
            let row = table.entry(lang.to_owned()).or_default();
            row.0 += 1;
            row.1 += u32::from(right);
            row.2 += u32::from(detection.confident);
            row.3 += u32::from(detection.confident && !right);
            if !right && std::env::var_os("SHOW_MISSES").is_some() {
                let votes = detector.explain(message);
                eprintln!(
                    "{lang}\t{:?}\t{message}\t{votes:?}",
                    detection.lang.as_ref().map(LangTag::as_str)
                );
            }
        }
        table
    }

    #[test]
    fn gibberish_has_no_language_and_one_ambiguous_word_is_not_confident() {
        let detector = Detector::new(&council(), &[]);
        for gibberish in [
            "blah blah",
            "zxqv wibble",
            "asdfgh",
            "qwerty uiop",
            "1234",
            "?!",
        ] {
            assert_eq!(detector.detect(gibberish).lang, None, "{gibberish}");
        }
        for short in ["ok", "tak", "hi"] {
            assert!(!detector.detect(short).confident, "{short}");
        }
        assert_eq!(detector.detect("diolch").lang, Some(tag("cy")));
    }

    #[test]
    fn english_nouns_inside_other_languages_do_not_make_them_english() {
        let detector = Detector::new(&council(), &[]);
        for (message, lang) in [
            ("jak zapłacić council tax", "pl"),
            ("як оплатити council tax", "uk"),
            ("كيف ادفع council tax", "ar"),
        ] {
            assert_eq!(detector.detect(message).lang, Some(tag(lang)), "{message}");
        }
    }

    /// Prints accuracy tables; `cargo test tuning_report -- --ignored --nocapture`.
    #[test]
    #[ignore = "a report for tuning, not a check"]
    fn tuning_report() {
        let detector = Detector::new(&council(), &[]);
        for file in std::env::var("TUNE_FILES")
            .map(|f| f.split(',').map(str::to_owned).collect::<Vec<_>>())
            .unwrap_or_else(|_| vec!["language-dev.tsv".into(), "language-eval.tsv".into()])
        {
            let table = score(&detector, &file);
            let (mut total, mut right) = (0, 0);
            println!("{file}\nlang     n  right  confident  confident-wrong");
            for (lang, (n, ok, confident, wrong)) in &table {
                total += n;
                right += ok;
                println!(
                    "{lang:4} {n:5} {:5.0}% {:9.0}% {:8}",
                    100.0 * f64::from(*ok) / f64::from(*n),
                    100.0 * f64::from(*confident) / f64::from(*n),
                    wrong
                );
            }
            println!(
                "all  {total:5} {:5.1}%",
                100.0 * f64::from(right) / f64::from(total)
            );
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/").to_owned() + &file;
            let text = std::fs::read_to_string(path).unwrap();
            let messages: Vec<&str> = text
                .lines()
                .filter_map(|l| l.split_once('\t'))
                .map(|(_, m)| m)
                .collect();
            let started = std::time::Instant::now();
            for _ in 0..20 {
                for message in &messages {
                    std::hint::black_box(detector.detect(message));
                }
            }
            let per_message = started.elapsed() / (20 * messages.len() as u32);
            println!("{per_message:?} per detection (build with --release for real figures)\n");
        }
    }
}

mod demo_content_probe {
    /// Votes for messages in `EXPLAIN` (one per line), with the demo content:
    /// `EXPLAIN="..." cargo test --lib explain_with_demo_content -- --ignored --nocapture`.
    #[test]
    #[ignore = "a probe for tuning"]
    fn explain_with_demo_content() {
        let mut config = crate::config::Config::default();
        config.content.dir = env!("CARGO_MANIFEST_DIR").into();
        let content = crate::content::load(&config)
            .unwrap_or_else(|f| panic!("{f}"))
            .content;
        for message in std::env::var("EXPLAIN").unwrap_or_default().lines() {
            println!(
                "{message}: {:?} {:?}",
                content.detector.detect(message),
                content.detector.explain(message)
            );
        }
    }
}
