//! Session clocks, redaction and the offline evaluator.

use rehearse_core::evaluate::{evaluate, Attempt, Complexity, Evidence, HintUse, Recommendation};
use rehearse_core::run::Verdict;
use rehearse_core::session::{duration_ms, redact, InterviewerMode, Session, SessionStatus};
use rehearse_core::Language;

fn session(minutes: f64) -> Session {
    Session {
        id: "s".into(),
        problem_slug: "p".into(),
        problem_title: "P".into(),
        language: Language::Python,
        mode: InterviewerMode::Silent,
        status: SessionStatus::Active,
        duration_ms: duration_ms(minutes).expect("valid"),
        started_at: Some(1_000_000),
        ended_at: None,
        paused_ms: 0,
        score: None,
    }
}

#[test]
fn the_clock_excludes_paused_time_and_warns_once_at_10_and_2_minutes() {
    let mut s = session(30.0);
    assert_eq!(s.remaining_ms(1_000_000), 30 * 60_000);
    let at_21 = 1_000_000 + 21 * 60_000;
    assert_eq!(s.due_warnings(at_21, &[]), vec![10]);
    assert!(s.due_warnings(at_21, &[10]).is_empty());
    let at_29 = 1_000_000 + 29 * 60_000;
    assert_eq!(s.due_warnings(at_29, &[10]), vec![2]);
    s.paused_ms = 5 * 60_000;
    assert_eq!(
        s.remaining_ms(at_29),
        6 * 60_000,
        "five minutes of a crash do not count"
    );
    assert_eq!(s.remaining_ms(at_29 + 3_600_000), 0);
    assert!(duration_ms(121.0).is_err() && duration_ms(0.0).is_err());
    assert_eq!(duration_ms(0.05), Ok(3_000));
    let short = session(5.0);
    assert_eq!(
        short.due_warnings(1_000_000, &[]),
        Vec::<u32>::new(),
        "no 10-minute warning in a 5-minute session"
    );
}

#[test]
fn emails_and_phone_numbers_are_redacted_but_numbers_are_not() {
    assert_eq!(
        redact("mail me at ana.lopez@example.com, thanks"),
        "mail me at [email], thanks"
    );
    assert_eq!(
        redact("call +1 415 555 0100 or (020) 7946-0958"),
        "call [phone] or [phone]"
    );
    assert_eq!(
        redact("the array 1 2 3 4 5 6 7 has n = 1000000"),
        "the array 1 2 3 4 5 6 7 has n = 1000000"
    );
    assert_eq!(
        redact("O(n log n) with 10^5 items"),
        "O(n log n) with 10^5 items"
    );
    assert_eq!(redact("my number is 0612345678."), "my number is [phone].");
}

fn attempt(at_s: i64, submit: bool, verdict: Verdict, passed: u32, total: u32) -> Attempt {
    Attempt {
        at_ms: at_s * 1000,
        submit,
        verdict,
        passed,
        total,
    }
}

#[test]
fn a_clean_fast_solve_scores_high_and_says_only_what_was_measured() {
    let e = Evidence {
        duration_ms: 45 * 60_000,
        elapsed_ms: 20 * 60_000,
        attempts: vec![
            attempt(600, false, Verdict::Accepted, 2, 2),
            attempt(700, true, Verdict::Accepted, 9, 9),
        ],
        hints: vec![],
        transcript_lines: 0,
        complexity: Complexity::NoGenerator,
    };
    let ev = evaluate(&e);
    assert!(!ev.dimensions.communication.assessed && ev.dimensions.communication.score.is_none());
    assert!(!ev.dimensions.efficiency.assessed);
    let ps = &ev.dimensions.problem_solving;
    assert!(
        (ps.effective_weight - 30.0 / 55.0).abs() < 1e-9,
        "weights redistributed over the assessed ones"
    );
    assert!(ev.overall >= 85, "{ev:#?}");
    assert_eq!(
        ev.recommendation,
        Recommendation::InsufficientEvidence,
        "tests alone (55% of the weight) do not make a recommendation"
    );
    assert!(
        ev.recommendation_rule.contains("55%"),
        "{}",
        ev.recommendation_rule
    );
    assert!(ev
        .strengths
        .iter()
        .any(|s| s.text.contains("first submit") && s.at_ms.is_some()));
    assert!(ev.markdown.contains("not assessed") && ev.markdown.contains("redistributed"));
    assert!(ev
        .markdown
        .contains("Not enough evidence for a recommendation"));
    let json = serde_json::to_value(&ev).expect("json");
    assert_eq!(json["recommendation"], "insufficient-evidence");
    assert!(json["dimensions"]["communication"]["score"].is_null());

    let measured = evaluate(&Evidence {
        complexity: Complexity::Measured {
            fitted: "O(n)".into(),
            fitted_rank: 2,
            target: "O(n)".into(),
            target_rank: 2,
        },
        ..e
    });
    assert_eq!(
        measured.recommendation,
        Recommendation::StrongYes,
        "{measured:#?}"
    );
    assert_eq!(
        serde_json::to_value(&measured).expect("json")["recommendation"],
        "strong-yes"
    );
}

#[test]
fn the_starter_run_once_is_not_judged_as_quality_code() {
    let e = Evidence {
        duration_ms: 45 * 60_000,
        elapsed_ms: 5 * 60_000,
        attempts: vec![attempt(60, false, Verdict::WrongAnswer, 0, 2)],
        hints: vec![],
        transcript_lines: 0,
        complexity: Complexity::NotMeasured {
            why: "no accepted solution".into(),
        },
    };
    let ev = evaluate(&e);
    let cq = &ev.dimensions.code_quality;
    assert!(!cq.assessed && cq.score.is_none(), "{cq:#?}");
    assert!(cq
        .note
        .as_deref()
        .is_some_and(|n| n.contains("no working code")));
    assert_eq!(ev.overall, 0);
    assert_eq!(ev.recommendation, Recommendation::InsufficientEvidence);
}

#[test]
fn struggles_lower_the_score_with_the_evidence_named() {
    let e = Evidence {
        duration_ms: 30 * 60_000,
        elapsed_ms: 30 * 60_000,
        attempts: vec![
            attempt(300, true, Verdict::CompileError, 0, 9),
            attempt(900, true, Verdict::WrongAnswer, 5, 9),
            attempt(1700, true, Verdict::Accepted, 9, 9),
        ],
        hints: vec![
            HintUse {
                at_ms: 500_000,
                level: 1,
            },
            HintUse {
                at_ms: 800_000,
                level: 2,
            },
        ],
        transcript_lines: 0,
        complexity: Complexity::Measured {
            fitted: "O(n²)".into(),
            fitted_rank: 4,
            target: "O(n)".into(),
            target_rank: 2,
        },
    };
    let ev = evaluate(&e);
    assert_eq!(ev.dimensions.efficiency.score, Some(20));
    assert!(ev.dimensions.code_quality.score.unwrap_or(100) <= 75);
    assert!(ev
        .dimensions
        .problem_solving
        .evidence
        .iter()
        .any(|i| i.text.contains("Hint 2") && i.at_ms == Some(800_000)));
    assert!(ev
        .improvements
        .iter()
        .any(|s| s.text.contains("2 failed submits")));
    assert_ne!(ev.recommendation, Recommendation::StrongYes);

    let nothing = Evidence {
        attempts: vec![],
        hints: vec![],
        complexity: Complexity::NotMeasured {
            why: "no accepted solution".into(),
        },
        ..e
    };
    let ev = evaluate(&nothing);
    assert_eq!(
        (ev.overall, ev.recommendation),
        (0, Recommendation::InsufficientEvidence)
    );
    assert!(ev.strengths.is_empty(), "no invented praise");
}
