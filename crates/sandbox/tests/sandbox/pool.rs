//! The warm pool and the compile cache.

use crate::support::*;
use rehearse_core::run::{RunMode, Verdict};
use rehearse_core::Language;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_used_container_is_removed_and_the_pool_refilled() {
    let mut config = config();
    config.pool.size = 2;
    // Long enough that the container left waiting is still worth claiming when the pool is
    // refilled, however slow the run before it (a short timeout made this depend on speed).
    config.pool.idle_timeout_s = 300;
    // A limit of this process's own makes a spec no earlier run's containers share.
    config.limits.nofile = 10_000 + i64::from(std::process::id() % 10_000);
    let sb = sandbox_with(config).await;
    assert_eq!(sb.warm(Language::Javascript).await.expect("warm"), 2);
    assert_eq!(count(&sb, Language::Javascript).await, 2);
    let p = problem("stair-paths");
    let report = run(&sb, &p, Language::Javascript, &solution(&p, "js")).await;
    assert_eq!(report.verdict, Verdict::Accepted);
    sb.settle().await;
    assert_eq!(
        count(&sb, Language::Javascript).await,
        2,
        "used one removed, pool refilled"
    );
    assert_eq!(
        sb.warm(Language::Javascript).await.expect("warm"),
        0,
        "a full pool starts nothing"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_pooled_containers_end_themselves() {
    let mut config = config();
    config.pool.size = 2;
    config.pool.idle_timeout_s = 3;
    config.limits.nofile = 189;
    let sb = sandbox_with(config).await;
    assert_eq!(sb.warm(Language::Python).await.expect("warm"), 2);
    // Waits for the containers' own timeout; the deadline only keeps a hang from lasting.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(180);
    while count(&sb, Language::Python).await > 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "idle containers are still running 3 minutes after a 3 s timeout"
        );
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
}

async fn count(sb: &rehearse_sandbox::Sandbox, lang: Language) -> usize {
    sb.containers_of_this_spec(lang).await.expect("count")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_running_at_once_do_not_interfere() {
    // Two Sandbox values stand for the app and the CLI: separate connections, one pool.
    let mut config = config();
    config.limits.nofile = 191;
    config.pool.size = 1;
    let (app, cli) = (
        sandbox_with(config.clone()).await,
        sandbox_with(config).await,
    );
    app.warm(Language::Python).await.expect("warm");
    let p = problem("stair-paths");
    let good = solution(&p, "py");
    let bad = "def stair_paths(n):\n    return -n\n".to_string();
    let mut tasks = Vec::new();
    for k in 0..6 {
        let (p, code) = (
            p.clone(),
            if k % 2 == 0 {
                good.clone()
            } else {
                bad.clone()
            },
        );
        let sb = if k % 2 == 0 { &app } else { &cli };
        tasks.push(async move { (k, submit(sb, &p, Language::Python, &code).await) });
    }
    for (k, report) in futures_util::future::join_all(tasks).await {
        let want = if k % 2 == 0 {
            Verdict::Accepted
        } else {
            Verdict::WrongAnswer
        };
        assert_eq!(report.verdict, want, "run {k}: {report:#?}");
    }
    app.settle().await;
    cli.settle().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unchanged_program_is_not_compiled_again() {
    let sb = sandbox().await;
    let p = problem("stair-paths");
    let code = format!("{}\n// {}\n", solution(&p, "java"), std::process::id());
    let first = sb
        .judge(&request(&p, Language::Java, &code, RunMode::Run), &|_| {})
        .await
        .expect("judge");
    assert_eq!(first.verdict, Verdict::Accepted);
    assert!(!first.compile_cached && first.compile_ms.is_some());
    let again = sb
        .judge(
            &request(&p, Language::Java, &code, RunMode::Submit),
            &|_| {},
        )
        .await
        .expect("judge");
    assert_eq!(again.verdict, Verdict::Accepted);
    assert!(
        again.compile_cached && again.compile_ms.is_none(),
        "{again:#?}"
    );
    sb.settle().await;
}

/// Timing-sensitive: `cargo xtask test` runs it on its own, after the others, so that what
/// loads the machine is only the load it makes itself.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "timing-sensitive: cargo xtask test runs it alone (cargo test -- --ignored)"]
async fn growth_is_measured_on_generated_inputs() {
    use rehearse_core::growth::{fit, Growth};
    let sb = sandbox().await;
    let p = problem("has-repeat");
    let scaling = p.scaling.clone().expect("has-repeat has a generator");
    let points = |pts: Vec<(u32, f64)>| {
        pts.into_iter()
            .map(|(n, ms)| (f64::from(n), ms))
            .collect::<Vec<_>>()
    };
    let linear = sb
        .measure(
            Language::Python,
            &solution(&p, "py"),
            &p.signature,
            &scaling,
        )
        .await
        .expect("measure");
    let largest = scaling.sizes.iter().copied().max().expect("sizes");
    assert_eq!(
        (linear.len(), linear.last().map(|p| p.0)),
        (rehearse_sandbox::measure::POINTS, Some(largest)),
        "the largest sizes all finished: {linear:?}"
    );
    let linear_fit = fit(&points(linear.clone()));
    assert!(
        matches!(linear_fit, Some(Growth::Linear | Growth::Linearithmic)),
        "{linear_fit:?} from {linear:?}"
    );
    let quadratic = "def has_repeat(nums):\n    for i in range(len(nums)):\n        for j in range(i):\n            if nums[i] == nums[j]:\n                return True\n    return False\n";
    // On a busy machine: two threads spin beside the measurement the whole time. The sizes
    // follow the solution's speed, so a quadratic one still leaves enough points.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let spinners: Vec<_> = (0..2)
        .map(|_| {
            let stop = stop.clone();
            std::thread::spawn(move || {
                let mut x = 0u64;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(7));
                }
            })
        })
        .collect();
    let slow = sb
        .measure(Language::Python, quadratic, &p.signature, &scaling)
        .await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for s in spinners {
        s.join().expect("spinner");
    }
    let slow = slow.expect("measure");
    assert!(slow.len() >= 4, "{slow:?}");
    assert!(
        slow.last().is_some_and(|p| p.0 < largest),
        "a quadratic solution stops before the largest size: {slow:?}"
    );
    let slow_fit = fit(&points(slow.clone()));
    assert!(
        matches!(slow_fit, Some(Growth::Quadratic | Growth::Worse)),
        "{slow_fit:?} from {slow:?}"
    );
    sb.settle().await;
}
