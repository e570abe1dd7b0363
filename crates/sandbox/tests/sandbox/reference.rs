//! Reference solutions through the sandbox.

use crate::support::*;
use rehearse_core::run::{RunMode, Verdict};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn python_reference_solution_is_accepted() {
    let sb = sandbox().await;
    let p = problem("add-digit-chains");
    let report = submit(
        &sb,
        &p,
        rehearse_core::Language::Python,
        &solution(&p, "py"),
    )
    .await;
    assert_eq!(report.verdict, Verdict::Accepted, "{report:#?}");
    assert_eq!(report.mode, RunMode::Submit);
    sb.settle().await;
}

/// Every reference solution of every problem, through the sandbox, in every language the
/// problem ships one for.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_reference_solution_is_accepted() {
    let sb = std::sync::Arc::new(sandbox().await);
    let only = std::env::var("REHEARSE_TEST_LANGS").ok();
    let mut jobs = Vec::new();
    for p in library() {
        for (lang, code) in &p.solutions {
            if only
                .as_deref()
                .is_some_and(|o| !o.split(',').any(|l| l == lang.id()))
            {
                continue;
            }
            jobs.push((p.clone(), *lang, code.clone()));
        }
    }
    let mut failures = Vec::new();
    let queue = std::sync::Arc::new(tokio::sync::Mutex::new(jobs));
    let mut workers = Vec::new();
    for _ in 0..2 {
        let (sb, queue) = (sb.clone(), queue.clone());
        workers.push(tokio::spawn(async move {
            let mut failed = Vec::new();
            loop {
                let Some((p, lang, code)) = queue.lock().await.pop() else {
                    break;
                };
                let report = submit(&sb, &p, lang, &code).await;
                if report.verdict != Verdict::Accepted {
                    let bad = report.tests.iter().find(|t| t.verdict != Verdict::Accepted);
                    failed.push(format!(
                        "{} [{}]: {:?} {:?} {}",
                        p.slug,
                        lang.id(),
                        report.verdict,
                        bad.map(|t| (
                            t.index, &t.message, &t.actual, &t.stdout, &t.stderr, t.time_ms
                        )),
                        report.compile_output.unwrap_or_default()
                    ));
                }
            }
            failed
        }));
    }
    for w in workers {
        failures.extend(w.await.expect("worker"));
    }
    sb.settle().await;
    assert!(
        failures.is_empty(),
        "{} failing:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
