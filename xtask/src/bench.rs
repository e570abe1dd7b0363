//! `cargo xtask bench`: library search latency, app start to library rendered, the
//! memory of the app's process tree, the sandbox's speed, session storage, and the history
//! view over 1,000 sessions, and the voice pipeline. Figures go to docs/performance.md by hand.

use crate::bundle;
use crate::e2e;
use crate::util::{self, step, Result};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub fn run(which: &str) -> Result {
    match which {
        "search" => search(),
        "startup" => startup(),
        "sandbox" => sandbox(),
        "sessions" => sessions(),
        "history" => history(),
        "voice" => voice(),
        "agents" => agents(),
        "all" => search()
            .and_then(|()| startup())
            .and_then(|()| sandbox())
            .and_then(|()| sessions())
            .and_then(|()| history())
            .and_then(|()| voice())
            .and_then(|()| agents()),
        other => Err(format!(
            "unknown benchmark `{other}`; use search, startup, sandbox, sessions, history, voice, agents or all"
        )),
    }
}

fn search() -> Result {
    step("library search latency (release)");
    util::cargo(&["bench", "-p", "rehearse-store", "--bench", "search"])
}

/// The local voice pipeline on the headless sound server, against a fake Realtime server.
fn voice() -> Result {
    crate::audio::ensure_running()?;
    step("voice pipeline: mic frame → wire, reply → output, interruption → flushed, CPU (release)");
    util::cargo(&["bench", "-p", "rehearse-voice", "--bench", "voice"])
}

/// The agents' host overhead against the fake APIs, and the evaluator's request size and cost.
fn agents() -> Result {
    step("agents: observer and first-token overhead, evaluator request size, cost (release)");
    util::cargo(&["bench", "-p", "rehearse-app", "--bench", "agents"])
}

fn sessions() -> Result {
    step("sessions: snapshot writes, history list over 1,000 sessions, replay load (release)");
    util::cargo(&["bench", "-p", "rehearse-store", "--bench", "sessions"])
}

/// The history view in the window over 1,000 past sessions (from opening the view until the
/// list and both charts are painted, as the view measures it), then replay steps.
fn history() -> Result {
    let data = std::env::temp_dir().join(format!("rehearse-bench-history-{}", std::process::id()));
    step("seeding 1,000 past sessions (the sessions benchmark, keeping its database)");
    let mut seed = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    seed.args(["bench", "-p", "rehearse-store", "--bench", "sessions"])
        .env("REHEARSE_BENCH_KEEP", &data)
        .current_dir(util::root());
    util::run(seed)?;
    let bin = bundle::release_binary()?;
    let (_x, display) = e2e::xvfb()?;
    step("history view: list and charts over 1,000 sessions rendered (release, Xvfb, 10 runs)");
    let mut views = Vec::new();
    for i in 0..10 {
        let (_, line) = launch_view(&bin, &display, &data, "history", None)?;
        eprintln!("run {:>2}: {line}", i + 1);
        let ms = line
            .rsplit_once("(view ")
            .and_then(|(_, v)| v.trim_end_matches(" ms)").parse::<f64>().ok())
            .ok_or_else(|| format!("no render time in `{line}`"))?;
        views.push(ms);
    }
    views.sort_by(f64::total_cmp);
    eprintln!(
        "history view: p50 {:.1} ms, max {:.1} ms",
        views[views.len() / 2],
        views[views.len() - 1]
    );
    drop(_x);
    step("replay steps over a session with 1,000 snapshots (release, WebDriver)");
    let driver = e2e::driver(&bin, &data)?;
    let result = e2e::cargo_with(
        &driver,
        &["bench", "-p", "rehearse-e2e", "--bench", "replay"],
    );
    let _ = std::fs::remove_dir_all(&data);
    result
}

fn sandbox() -> Result {
    crate::docker::ensure_running()?;
    crate::images::build(None)?;
    step("sandbox: warm-pool Run/Submit against cold docker run, Java compile-cache hit, 20 concurrent Submits");
    util::cargo(&["bench", "-p", "rehearse-sandbox", "--bench", "sandbox"])?;
    exec_process()
}

/// `rehearse exec` as a whole process (what a script pays per call) against a cold
/// `docker run --rm` of the same image and program, in turn, 20 pairs after a warm-up.
fn exec_process() -> Result {
    step("sandbox: `rehearse exec` whole process against cold `docker run --rm`, side by side");
    util::cargo(&["build", "--release", "-p", "rehearse-cli"])?;
    let cli = util::target_dir().join("release/rehearse");
    let dir = std::env::temp_dir().join(format!("rehearse-bench-exec-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let program = "print(sum(map(int, input().split())))\n";
    std::fs::write(dir.join("add.py"), program).map_err(|e| e.to_string())?;
    std::fs::write(dir.join("in.txt"), "1 2 3\n").map_err(|e| e.to_string())?;
    let image = crate::images::runners()?
        .into_iter()
        .find(|r| r.language == "python")
        .map(|r| r.tag)
        .ok_or("no local Python runner image in the list")?;
    let timed = |mut cmd: Command, expect: &str| -> Result<f64> {
        let t = Instant::now();
        let out = cmd
            .stdin(std::fs::File::open(dir.join("in.txt")).map_err(|e| e.to_string())?)
            .output()
            .map_err(|e| e.to_string())?;
        let ms = t.elapsed().as_secs_f64() * 1e3;
        let stdout = String::from_utf8_lossy(&out.stdout);
        if !stdout.contains(expect) {
            return Err(format!(
                "unexpected output: {stdout} {}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        Ok(ms)
    };
    let rehearse = || {
        let mut cmd = Command::new(&cli);
        cmd.args(["exec", "--lang", "python", "add.py", "--stdin", "in.txt"])
            .current_dir(&dir)
            .env("REHEARSE_DATA_DIR", dir.join("data"))
            .env("REHEARSE_LOCAL_IMAGES", "1");
        cmd
    };
    let docker = || {
        let mut cmd = Command::new("docker");
        cmd.args([
            "run",
            "--rm",
            "-i",
            "--network",
            "none",
            &image,
            "python3",
            "-c",
            program,
        ]);
        cmd
    };
    timed(rehearse(), "6")?;
    timed(docker(), "6")?;
    let (mut a, mut b, mut ratio) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..20 {
        let x = timed(rehearse(), "6")?;
        let y = timed(docker(), "6")?;
        a.push(x);
        b.push(y);
        ratio.push(x / y);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!(
        "rehearse exec (whole process): p50 {:.0} ms\ncold docker run --rm:          p50 {:.0} ms\nratio, pair by pair:           p50 {:.2} (goal ≤ 0.30)",
        median(&mut a),
        median(&mut b),
        median(&mut ratio)
    );
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

fn startup() -> Result {
    let bin = bundle::release_binary()?;
    let (_x, display) = e2e::xvfb()?;
    let data = std::env::temp_dir().join(format!("rehearse-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    step("app start to library rendered (release, Xvfb, 10 runs; the first seeds a new database)");
    let mut times = Vec::new();
    for i in 0..10 {
        let t = launch(&bin, &display, &data, None)?;
        eprintln!(
            "run {:>2}: {:>5} ms{}",
            i + 1,
            t.as_millis(),
            if i == 0 {
                " (first start: creates and seeds the database)"
            } else {
                ""
            }
        );
        if i > 0 {
            times.push(t);
        }
    }
    times.sort();
    eprintln!(
        "warm start: p50 {} ms, max {} ms",
        times[times.len() / 2].as_millis(),
        times[times.len() - 1].as_millis()
    );

    step("memory of the app's process tree after start (PSS)");
    launch(&bin, &display, &data, Some(Duration::from_secs(4)))?;
    let _ = std::fs::remove_dir_all(&data);
    Ok(())
}

/// Starts the app in smoke mode and returns the time until the library has rendered. With
/// `hold`, keeps it open that long and prints the PSS of its process tree meanwhile.
fn launch(
    bin: &std::path::Path,
    display: &str,
    data: &std::path::Path,
    hold: Option<Duration>,
) -> Result<Duration> {
    Ok(launch_view(bin, display, data, "library", hold)?.0)
}

/// Starts the app in smoke mode on `view` and returns when, after spawning, it printed that the
/// view had rendered, and that line.
fn launch_view(
    bin: &std::path::Path,
    display: &str,
    data: &std::path::Path,
    view: &str,
    hold: Option<Duration>,
) -> Result<(Duration, String)> {
    let started = Instant::now();
    let mut cmd = Command::new(bin);
    cmd.arg(format!("--smoke={view}"))
        .env("DISPLAY", display)
        .env("REHEARSE_DATA_DIR", data)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    if let Some(h) = hold {
        cmd.env("REHEARSE_SMOKE_HOLD_MS", h.as_millis().to_string());
    }
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let mut rendered = None;
    let expected = format!("smoke: {view} rendered");
    for line in BufReader::new(stdout).lines() {
        let line = line.map_err(|e| e.to_string())?;
        if line.starts_with(&expected) {
            rendered = Some((started.elapsed(), line));
            if hold.is_some() {
                std::thread::sleep(Duration::from_millis(2000));
                report_pss(child.id());
            }
            break;
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    match rendered {
        Some(t) if status.success() => Ok(t),
        _ => Err(format!("the app did not render the {view} view ({status})")),
    }
}

fn report_pss(root: u32) {
    let mut total = 0;
    for pid in tree(root) {
        let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
        let kb = pss_kb(pid);
        total += kb;
        eprintln!("  {:>6} {:<24} {:>7} kB", pid, name.trim(), kb);
    }
    eprintln!("total PSS: {:.1} MB", total as f64 / 1024.0);
}

fn pss_kb(pid: u32) -> u64 {
    let text = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).unwrap_or_default();
    text.lines()
        .find(|l| l.starts_with("Pss:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// `root` and all its descendants.
fn tree(root: u32) -> Vec<u32> {
    let parents: Vec<(u32, u32)> = std::fs::read_dir("/proc")
        .map(|rd| {
            rd.filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
                .filter_map(|pid| {
                    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
                    let after = stat.rsplit_once(')')?.1;
                    let ppid = after.split_whitespace().nth(1)?.parse().ok()?;
                    Some((pid, ppid))
                })
                .collect()
        })
        .unwrap_or_default();
    let mut out = vec![root];
    let mut i = 0;
    while i < out.len() {
        let p = out[i];
        out.extend(parents.iter().filter(|(_, pp)| *pp == p).map(|(c, _)| *c));
        i += 1;
    }
    out
}
