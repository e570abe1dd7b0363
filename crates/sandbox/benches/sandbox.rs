//! Sandbox speed, measured in one run on one machine (`cargo xtask bench sandbox`): Python
//! Run and Submit with the warm pool against a cold `docker run --rm` of the same program,
//! Java Run with a compile-cache hit, and 20 concurrent Submits. Uses the runner images
//! `cargo xtask images` builds.

use rehearse_core::library;
use rehearse_core::run::{RunMode, Verdict};
use rehearse_core::{Language, Problem};
use rehearse_sandbox::harness::{plan, Program};
use rehearse_sandbox::{JudgeRequest, Sandbox, SandboxConfig};
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ROUNDS: usize = 30;
const PROBLEM: &str = "pair-sum-indices";

fn request(p: &Problem, lang: Language, mode: RunMode) -> JudgeRequest {
    JudgeRequest::new(p.into(), lang, &p.solutions[&lang], mode)
}

fn stats(label: &str, mut times: Vec<Duration>) -> Duration {
    times.sort();
    let pick = |q: f64| {
        times[((times.len() as f64 * q).ceil() as usize)
            .saturating_sub(1)
            .min(times.len() - 1)]
    };
    let (p50, p95) = (pick(0.5), pick(0.95));
    println!(
        "{label:<48} n={:<3} p50 {:>7.1} ms  p95 {:>7.1} ms  min {:>7.1} ms",
        times.len(),
        p50.as_secs_f64() * 1e3,
        p95.as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3
    );
    p50
}

async fn timed_runs(sb: &Sandbox, req: &JudgeRequest, rounds: usize) -> Vec<Duration> {
    let mut times = Vec::new();
    for _ in 0..rounds {
        // A person reads the result before running again: the pool refills meanwhile.
        sb.settle().await;
        let t = Instant::now();
        let report = sb.judge(req, &|_| {}).await.expect("judge");
        times.push(t.elapsed());
        assert_eq!(report.verdict, Verdict::Accepted, "{report:#?}");
    }
    sb.settle().await;
    times
}

/// The same program as a Run, started the simple way: a new container per run.
fn cold_docker_run(p: &Problem, image: &str, rounds: usize) -> Vec<Duration> {
    let req = request(p, Language::Python, RunMode::Run);
    let plan = plan(Language::Python, &req.code, &Program::Judge(&p.signature));
    let mut lines = Vec::new();
    for t in &req.tests {
        let args: Vec<&serde_json::Value> = p
            .signature
            .params
            .iter()
            .map(|par| &t.input[&par.name])
            .collect();
        serde_json::to_writer(&mut lines, &args).expect("json");
        lines.push(b'\n');
    }
    let mut files = plan.run_files.clone();
    files.push(("tests.txt".into(), lines));
    let mut tar = tar::Builder::new(Vec::new());
    for (name, data) in &files {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        tar.append_data(&mut h, name, data.as_slice()).expect("tar");
    }
    let tar = tar.into_inner().expect("tar");
    (0..rounds)
        .map(|_| {
            let t = Instant::now();
            let mut child = Command::new("docker")
                .args([
                    "run",
                    "--rm",
                    "-i",
                    "--network",
                    "none",
                    "--user",
                    "65534:65534",
                    "--tmpfs",
                    "/work:rw,exec,uid=65534,gid=65534",
                    "-w",
                    "/work",
                    image,
                    "sh",
                    "-c",
                    "tar -x -f - -C /work && python3 -S harness.py < tests.txt",
                ])
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .expect("docker run");
            child
                .stdin
                .take()
                .expect("stdin")
                .write_all(&tar)
                .expect("write");
            let out = child.wait_with_output().expect("wait");
            assert!(
                String::from_utf8_lossy(&out.stdout).contains("\"done\""),
                "the cold run completed"
            );
            t.elapsed()
        })
        .collect()
}

fn main() {
    let root = std::path::PathBuf::from(
        std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into()),
    )
    .join("../..");
    let raws = library::read_dir(&root.join("problems")).expect("problems");
    let problems = library::parse_all(&raws).expect("library");
    let p = problems
        .iter()
        .find(|p| p.slug == PROBLEM)
        .expect("problem")
        .clone();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let mut config = SandboxConfig::default();
    config
        .apply_env(|k| {
            if k == "REHEARSE_LOCAL_IMAGES" {
                Some("1".into())
            } else {
                std::env::var(k).ok()
            }
        })
        .expect("env");
    config.pool.size = 2;
    let cache = std::env::temp_dir().join(format!("rehearse-bench-sandbox-{}", std::process::id()));
    let python_image = config.image(Language::Python);
    rt.block_on(async {
        let sb = Sandbox::connect(config, cache.clone())
            .await
            .expect("Docker");
        for lang in [Language::Python, Language::Java] {
            sb.warm(lang).await.expect("warm");
        }
        println!(
            "problem: {PROBLEM} ({} example tests, {} in all), {} cores\n",
            p.tests.iter().filter(|t| t.example).count(),
            p.tests.len(),
            std::thread::available_parallelism().map_or(0, |n| n.get())
        );

        let run = request(&p, Language::Python, RunMode::Run);
        let submit = request(&p, Language::Python, RunMode::Submit);
        let run_p50 = stats(
            "Python Run (examples), warm pool",
            timed_runs(&sb, &run, ROUNDS).await,
        );
        stats(
            "Python Submit (all tests), warm pool",
            timed_runs(&sb, &submit, ROUNDS).await,
        );
        let cold_p50 = stats(
            "same program, cold `docker run --rm` (CLI)",
            cold_docker_run(&p, &python_image, 10),
        );
        println!(
            "  warm Run / cold docker run = {:.2}",
            run_p50.as_secs_f64() / cold_p50.as_secs_f64()
        );

        let java = request(&p, Language::Java, RunMode::Run);
        let t = Instant::now();
        let first = sb.judge(&java, &|_| {}).await.expect("java");
        println!(
            "{:<48} {:>7.1} ms (compile {} ms)",
            "Java Run, first (compiles)",
            t.elapsed().as_secs_f64() * 1e3,
            first.compile_ms.unwrap_or(0)
        );
        stats(
            "Java Run, compile-cache hit, warm pool",
            timed_runs(&sb, &java, ROUNDS).await,
        );

        sb.settle().await;
        let sb = std::sync::Arc::new(sb);
        let t = Instant::now();
        let tasks: Vec<_> = (0..20)
            .map(|_| {
                let (sb, req) = (sb.clone(), submit.clone());
                tokio::spawn(async move { sb.judge(&req, &|_| {}).await })
            })
            .collect();
        let mut accepted = 0;
        for task in tasks {
            let report = task.await.expect("task").expect("judge");
            accepted += usize::from(report.verdict == Verdict::Accepted);
        }
        println!(
            "{:<48} {accepted}/20 accepted, all done in {:.1} s",
            "20 concurrent Python Submits",
            t.elapsed().as_secs_f64()
        );
        sb.settle().await;
    });
    let _ = std::fs::remove_dir_all(cache);
}
