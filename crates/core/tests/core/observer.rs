//! When an observer's note is news for the interviewer: a new syntax error, another kind of
//! approach, another complexity; the same reading in other words is not.

use rehearse_core::observer::{Approach, ApproachKind, CodeNote, CodeReading, SyntaxIssue};
use rehearse_core::Language;

fn note(kind: ApproachKind, name: &str, time: &str, syntax: &[&str]) -> CodeNote {
    CodeNote {
        id: String::new(),
        snapshot_id: "s".into(),
        at_ms: 0,
        language: Language::Python,
        syntax: syntax
            .iter()
            .map(|m| SyntaxIssue {
                line: 1,
                column: 1,
                message: (*m).into(),
            })
            .collect(),
        reading: Some(CodeReading {
            approach: Approach {
                kind,
                name: name.into(),
            },
            time_complexity: time.into(),
            space_complexity: "O(1)".into(),
            warnings: vec![],
            ready_to_run: true,
            summary: String::new(),
        }),
        model: Some("m".into()),
        unread: None,
        version: "1".into(),
    }
}

#[test]
fn other_words_for_the_same_reading_are_not_news() {
    let before = note(ApproachKind::BruteForce, "two nested loops", "O(n^2)", &[]);
    let reworded = note(
        ApproachKind::BruteForce,
        "nested loops over pairs",
        "O(n²)",
        &[],
    );
    assert!(!reworded.changed_from(Some(&before)));
    let spaced = note(ApproachKind::BruteForce, "pairs", "O(n * n)", &[]);
    assert!(!spaced.changed_from(Some(&before)));
}

#[test]
fn another_approach_complexity_or_syntax_error_is_news() {
    let before = note(ApproachKind::BruteForce, "two nested loops", "O(n^2)", &[]);
    assert!(note(ApproachKind::Optimized, "hash map", "O(n^2)", &[]).changed_from(Some(&before)));
    assert!(note(ApproachKind::BruteForce, "loops", "O(n)", &[]).changed_from(Some(&before)));
    assert!(note(
        ApproachKind::BruteForce,
        "loops",
        "O(n^2)",
        &["missing `)`"]
    )
    .changed_from(Some(&before)));
    assert!(before.changed_from(None), "the first reading is news");
}

#[test]
fn the_model_reads_new_code_at_most_once_an_interval_and_the_last_look_always() {
    use rehearse_core::observer::{Pace, Read};
    let mut pace = Pace::new(60_000);
    assert_eq!(
        pace.decide(5_000, 1, false),
        Read::Now,
        "the first code is read at once"
    );
    pace.read(5_000, 1);
    assert_eq!(
        pace.decide(7_000, 1, false),
        Read::Done,
        "code read is not read again"
    );
    assert_eq!(
        pace.decide(90_000, 1, true),
        Read::Done,
        "not even by the last look"
    );
    assert_eq!(
        pace.decide(20_000, 2, false),
        Read::At(65_000),
        "new code too soon waits for the interval"
    );
    assert_eq!(pace.decide(65_000, 2, false), Read::Now);
    assert_eq!(
        pace.decide(20_000, 2, true),
        Read::Now,
        "the last look waives it"
    );
    pace.read(65_000, 2);
    assert_eq!(
        pace.decide(70_000, 1, false),
        Read::At(125_000),
        "going back is new code too"
    );
    pace.failed(130_000);
    assert_eq!(
        pace.decide(131_000, 1, false),
        Read::At(190_000),
        "a failed reading was paid for too"
    );
    assert_eq!(
        pace.decide(131_000, 2, false),
        Read::Done,
        "the last code read stays read"
    );
    let mut every = Pace::new(0);
    every.read(10, 3);
    assert_eq!(
        every.decide(10, 4, false),
        Read::Now,
        "no interval: every settle"
    );
}
