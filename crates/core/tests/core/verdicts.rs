//! The overall verdict of a run: Accepted only when every test ran and passed.

use rehearse_core::run::{RunReport, TestResult, Verdict};

fn with(verdicts: &[Verdict]) -> Vec<TestResult> {
    verdicts
        .iter()
        .enumerate()
        .map(|(i, v)| TestResult {
            index: i as u32,
            example: i < 2,
            custom: false,
            verdict: *v,
            time_ms: None,
            memory_kb: None,
            stdout: String::new(),
            stderr: String::new(),
            input: None,
            expected: None,
            actual: None,
            message: None,
        })
        .collect()
}

#[test]
fn accepted_only_when_every_test_ran_and_passed() {
    use Verdict::*;
    let mut forged = vec![Accepted; 2];
    forged.extend([NotRun; 9]);
    assert_eq!(RunReport::overall(&with(&forged)), InternalError);
    assert_eq!(RunReport::overall(&with(&[Accepted; 11])), Accepted);
    assert_eq!(
        RunReport::overall(&with(&[Accepted, TimeLimitExceeded, NotRun])),
        TimeLimitExceeded
    );
    assert_eq!(
        RunReport::overall(&with(&[Accepted, NotRun, WrongAnswer])),
        WrongAnswer
    );
    assert_eq!(RunReport::overall(&[]), InternalError);
}
