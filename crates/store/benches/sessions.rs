//! Session storage speed (`cargo xtask bench sessions`): code snapshot writes (each its own
//! committed transaction, WAL), the history list over 1,000 past sessions, and loading what
//! one replay step shows.

use rehearse_core::evaluate::{evaluate, Attempt, Complexity, Evidence, HintUse};
use rehearse_core::run::Verdict;
use rehearse_core::session::{InterviewerMode, SessionStatus, SnapshotKind};
use rehearse_core::Language;
use rehearse_store::{NewSession, ProblemQuery, SessionQuery, Store};
use std::time::{Duration, Instant};

fn pct(mut v: Vec<Duration>, q: f64) -> f64 {
    v.sort();
    v[((v.len() as f64 * q).ceil() as usize)
        .saturating_sub(1)
        .min(v.len() - 1)]
    .as_secs_f64()
        * 1e3
}

fn report(label: &str, v: Vec<Duration>) {
    println!(
        "{label:<46} n={:<5} p50 {:>7.3} ms  p99 {:>7.3} ms  max {:>7.3} ms",
        v.len(),
        pct(v.clone(), 0.5),
        pct(v.clone(), 0.99),
        pct(v, 1.0)
    );
}

/// 1,000 past sessions over varied problems and languages, each with a few snapshots and a
/// report whose scores vary with the evidence (how many tests passed, failed submits, hints).
fn seed_history(store: &Store, code: &str) {
    let page = store
        .list_problems(&ProblemQuery::default())
        .expect("problems");
    let languages = [
        Language::Python,
        Language::Java,
        Language::Cpp,
        Language::Go,
    ];
    for i in 0..1000usize {
        let problem = &page.problems[(i * 7) % page.problems.len()];
        let past = store
            .create_session(&NewSession {
                problem_slug: problem.slug.clone(),
                language: languages[i % languages.len()],
                mode: InterviewerMode::Silent,
                duration_ms: 45 * 60_000,
                owner_pid: None,
            })
            .expect("session");
        for k in 0..5 {
            store
                .add_snapshot(
                    &past.id,
                    &problem.slug,
                    languages[i % languages.len()],
                    code,
                    SnapshotKind::Auto,
                    k * 4000,
                )
                .expect("snapshot");
        }
        let passed = (i % 10) as u32;
        let attempts = (0..(i % 3))
            .map(|k| Attempt {
                at_ms: 60_000 * (k as i64 + 5),
                submit: true,
                verdict: Verdict::WrongAnswer,
                passed,
                total: 10,
            })
            .chain((passed >= 6).then_some(Attempt {
                at_ms: 20 * 60_000,
                submit: true,
                verdict: Verdict::Accepted,
                passed: 10,
                total: 10,
            }))
            .collect();
        let hints = (0..(i % 4) as u32)
            .map(|level| HintUse {
                at_ms: 120_000 * level as i64,
                level: level + 1,
            })
            .collect();
        let evaluation = evaluate(&Evidence {
            duration_ms: 45 * 60_000,
            elapsed_ms: 30 * 60_000,
            attempts,
            hints,
            transcript_lines: 0,
            complexity: Complexity::NoGenerator,
        });
        store
            .end_session(&past.id, SessionStatus::Completed, &evaluation)
            .expect("end");
    }
}

fn main() {
    // With REHEARSE_BENCH_KEEP=<data dir>, the seeded database is left there for the window's
    // history benchmark (`cargo xtask bench history`).
    let keep = std::env::var_os("REHEARSE_BENCH_KEEP").map(std::path::PathBuf::from);
    let dir = keep.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("rehearse-bench-sessions-{}", std::process::id()))
    });
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let store = Store::open(&dir.join("rehearse.db")).expect("open").store;
    let new = NewSession {
        problem_slug: "pair-sum-indices".into(),
        language: Language::Python,
        mode: InterviewerMode::Silent,
        duration_ms: 45 * 60_000,
        owner_pid: None,
    };

    let code = "def pair_sum_indices(nums, target):\n    seen = {}\n    for i, x in enumerate(nums):\n        if target - x in seen:\n            return [seen[target - x], i]\n        seen[x] = i\n    return []\n".repeat(3);
    seed_history(&store, &code);
    // The session the replay measurements open: the newest, so it heads the history list.
    let s = store.create_session(&new).expect("session");
    let mut writes = Vec::new();
    for i in 0..1000 {
        let t = Instant::now();
        store
            .add_snapshot(
                &s.id,
                "pair-sum-indices",
                Language::Python,
                &code,
                SnapshotKind::Auto,
                i * 4000,
            )
            .expect("snapshot");
        writes.push(t.elapsed());
    }
    report("code snapshot write (own transaction)", writes);
    let evaluation = evaluate(&Evidence {
        duration_ms: 45 * 60_000,
        elapsed_ms: 45 * 60_000,
        attempts: vec![],
        hints: vec![],
        transcript_lines: 0,
        complexity: Complexity::NoGenerator,
    });
    store
        .end_session(&s.id, SessionStatus::Completed, &evaluation)
        .expect("end");

    let mut lists = Vec::new();
    for _ in 0..50 {
        let t = Instant::now();
        let list = store.sessions(&SessionQuery::default()).expect("list");
        lists.push(t.elapsed());
        assert_eq!(list.len(), 1000, "the list shows the newest 1,000");
        assert_eq!(list[0].id, s.id);
    }
    report("history list: newest 1,000 of 1,001, with scores", lists);

    let mut steps = Vec::new();
    for _ in 0..200 {
        let t = Instant::now();
        let timeline = store.timeline(&s.id).expect("timeline");
        let snapshots = store.snapshots(&s.id).expect("snapshots");
        steps.push(t.elapsed());
        assert!(timeline.len() > 1000 && snapshots.len() == 1000);
    }
    report("replay load, 1,000 snapshots and their events", steps);
    if keep.is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
}
