//! Session storage speed (`cargo xtask bench sessions`): code snapshot writes (each its own
//! committed transaction, WAL), the history list over 1,000 past sessions, and loading what
//! one replay step shows.

use rehearse_core::evaluate::{evaluate, Complexity, Evidence};
use rehearse_core::session::{InterviewerMode, SessionStatus, SnapshotKind};
use rehearse_core::Language;
use rehearse_store::{NewSession, SessionQuery, Store};
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

fn main() {
    let dir = std::env::temp_dir().join(format!("rehearse-bench-sessions-{}", std::process::id()));
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

    let s = store.create_session(&new).expect("session");
    let code = "def pair_sum_indices(nums, target):\n    seen = {}\n    for i, x in enumerate(nums):\n        if target - x in seen:\n            return [seen[target - x], i]\n        seen[x] = i\n    return []\n".repeat(3);
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

    // 1,000 past sessions, each with a few snapshots and a report.
    let evaluation = evaluate(&Evidence {
        duration_ms: 45 * 60_000,
        elapsed_ms: 30 * 60_000,
        attempts: vec![],
        hints: vec![],
        transcript_lines: 0,
        complexity: Complexity::NoGenerator,
    });
    for _ in 0..1000 {
        let past = store.create_session(&new).expect("session");
        for k in 0..5 {
            store
                .add_snapshot(
                    &past.id,
                    "pair-sum-indices",
                    Language::Python,
                    &code,
                    SnapshotKind::Auto,
                    k * 4000,
                )
                .expect("snapshot");
        }
        store
            .end_session(&past.id, SessionStatus::Completed, &evaluation)
            .expect("end");
    }
    let mut lists = Vec::new();
    for _ in 0..50 {
        let t = Instant::now();
        let list = store.sessions(&SessionQuery::default()).expect("list");
        lists.push(t.elapsed());
        assert_eq!(list.len(), 1000, "the list shows the newest 1,000");
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
    let _ = std::fs::remove_dir_all(&dir);
}
