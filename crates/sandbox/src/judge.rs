//! Run and Submit: the candidate's function against tests, one verdict per test. The harness
//! runs in the candidate's process and is not trusted: the supervisor hands it one test at a
//! time and times each answer, and the host compares the answers with the expected ones.
//! Accepted means every test ran and passed.

use crate::frames::{Frame, Reader, Status};
use crate::harness::{self, Program};
use crate::supervisor::{Event, Exit, Job, Mode, Stop};
use crate::{images, Compiled, Lease, Progress, Result, Sandbox, SandboxError, MAX_CODE_BYTES};
use rehearse_core::problem::{Problem, TestCase};
use rehearse_core::run::{answers_match, RunMode, RunReport, SandboxProgress, TestResult, Verdict};
use rehearse_core::{Comparator, Language, Signature};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use tokio::time::Instant;

/// Grace on top of a test's time limit before the program is stopped; the supervisor's
/// measurement decides the verdict of a test that does finish.
const KILL_GRACE_MS: u64 = 300;

#[derive(Debug, Clone, PartialEq)]
pub struct JudgeTest {
    pub input: BTreeMap<String, Value>,
    /// None for input the candidate typed and no reference answer is known.
    pub expected: Option<Value>,
    pub example: bool,
    pub custom: bool,
}

#[derive(Debug, Clone)]
pub struct JudgeRequest {
    pub language: Language,
    pub code: String,
    pub signature: Signature,
    pub comparator: Comparator,
    /// The problem's checker.py, for the `custom` comparator.
    pub checker: Option<String>,
    pub tests: Vec<JudgeTest>,
    pub time_limit_ms: u32,
    pub mode: RunMode,
    /// Overrides the wall limit of the mode (measuring growth runs longer than a Submit).
    pub wall_ms: Option<u64>,
    /// Runs of each test (measuring growth keeps the fastest); 1 for Run and Submit.
    pub repeat: u32,
}

/// What a problem gives the judge, from the library (`Problem`) or the store.
#[derive(Debug, Clone, Copy)]
pub struct Suite<'a> {
    pub signature: &'a Signature,
    pub comparator: &'a Comparator,
    pub checker: Option<&'a str>,
    pub time_limit_ms: u32,
    pub tests: &'a [TestCase],
}

impl<'a> From<&'a Problem> for Suite<'a> {
    fn from(p: &'a Problem) -> Suite<'a> {
        Suite {
            signature: &p.signature,
            comparator: &p.comparator,
            checker: p.checker.as_deref(),
            time_limit_ms: p.time_limit_ms,
            tests: &p.tests,
        }
    }
}

impl JudgeRequest {
    /// A Run (the problem's examples) or a Submit (every test) of `code`.
    pub fn new(suite: Suite<'_>, language: Language, code: &str, mode: RunMode) -> JudgeRequest {
        let tests = suite
            .tests
            .iter()
            .filter(|t| mode == RunMode::Submit || t.example)
            .map(|t| JudgeTest {
                input: t.input.clone(),
                expected: Some(t.expected.clone()),
                example: t.example,
                custom: false,
            })
            .collect();
        JudgeRequest {
            language,
            code: code.to_string(),
            signature: suite.signature.clone(),
            comparator: suite.comparator.clone(),
            checker: suite.checker.map(str::to_string),
            tests,
            time_limit_ms: suite.time_limit_ms,
            mode,
            wall_ms: None,
            repeat: 1,
        }
    }
}

/// What the supervisor saw of a judge run.
#[derive(Default)]
struct Observed {
    /// Per test: each run's answer (when one came) with the supervisor's time and memory.
    answers: HashMap<u32, Vec<Answer>>,
    /// The test in hand: handed over, not answered.
    current: Option<u32>,
    /// The first frame the harness wrote on starting (ready, compile or fatal).
    hello: Option<Frame>,
    /// The first frame after a test was handed over.
    reply: Option<Frame>,
    stray_out: HashMap<u32, String>,
    stderr: Vec<u8>,
    exit: Option<Exit>,
    stop: Option<Stop>,
}

struct Answer {
    frame: Option<Frame>,
    ms: f64,
    peak_kb: u64,
}

impl Sandbox {
    pub async fn judge(&self, req: &JudgeRequest, progress: Progress<'_>) -> Result<RunReport> {
        if req.tests.is_empty() {
            return Err(SandboxError::InvalidInput(
                "there are no tests to run".into(),
            ));
        }
        if req.code.len() > MAX_CODE_BYTES {
            return Err(SandboxError::InvalidInput(format!(
                "the code is {} KiB; the limit is {} KiB",
                req.code.len() / 1024,
                MAX_CODE_BYTES / 1024
            )));
        }
        let started = Instant::now();
        progress(SandboxProgress::Starting {
            language: req.language,
        });
        let image = self.config.image(req.language);
        images::ensure(&self.docker, &image, progress).await?;
        let plan = harness::plan(req.language, &req.code, &Program::Judge(&req.signature));
        let mut lease = Lease::new(req.language, image.clone());
        let mut outcome = self
            .judge_in(&mut lease, req, &plan, started, progress)
            .await;
        self.release(lease);
        if let Err(SandboxError::StepLost(why)) = &outcome {
            // Verdicts do not depend on the container: once more in a fresh one.
            tracing::warn!(language = req.language.id(), %why, "a judge step was lost; running it again");
            let mut lease = Lease::new(req.language, image);
            outcome = self
                .judge_in(&mut lease, req, &plan, started, progress)
                .await;
            self.release(lease);
        }
        outcome
    }

    async fn judge_in(
        &self,
        lease: &mut Lease,
        req: &JudgeRequest,
        plan: &harness::Plan,
        started: Instant,
        progress: Progress<'_>,
    ) -> Result<RunReport> {
        let report = |tests: Vec<TestResult>, compile_output, compile_ms, cached| RunReport {
            verdict: RunReport::overall(&tests),
            passed: u32::try_from(
                tests
                    .iter()
                    .filter(|t| t.verdict == Verdict::Accepted)
                    .count(),
            )
            .unwrap_or(0),
            total: u32::try_from(tests.len()).unwrap_or(0),
            wall_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
            compile_output,
            compile_ms,
            compile_cached: cached,
            language: req.language,
            mode: req.mode,
            tests,
        };
        let (build, compile_output, compile_ms, cached) =
            match self.compile(lease, plan, progress).await? {
                Compiled::Ready {
                    build,
                    output,
                    ms,
                    cached,
                } => (build, output, ms, cached),
                Compiled::Failed { output } => {
                    let tests = not_run(req, Verdict::CompileError);
                    return Ok(report(tests, Some(output), None, false));
                }
            };
        let mut lines = Vec::new();
        for t in &req.tests {
            let args: Vec<&Value> = req
                .signature
                .params
                .iter()
                .map(|p| t.input.get(&p.name).unwrap_or(&Value::Null))
                .collect();
            serde_json::to_writer(&mut lines, &args)
                .map_err(|e| SandboxError::Internal(e.to_string()))?;
            lines.push(b'\n');
        }
        let limits = &self.config.limits;
        let cmd = format!(
            "ulimit -f {blocks} 2>/dev/null\nREHEARSE_OUTPUT_CAP={cap} REHEARSE_SHOWN_CAP={shown} exec {run}\n",
            blocks = (limits.output_bytes * 2).div_ceil(512),
            cap = limits.output_bytes,
            shown = limits.shown_bytes,
            run = plan.run
        );
        let wall = req.wall_ms.unwrap_or(match req.mode {
            RunMode::Run => limits.run_wall_ms,
            RunMode::Submit => limits.submit_wall_ms,
        });
        let out_cap = usize::try_from(limits.output_bytes * 64 + (64 << 20)).unwrap_or(usize::MAX);
        let err_cap = usize::try_from(limits.output_bytes).unwrap_or(usize::MAX);
        let job = Job {
            mode: Mode::Judge,
            build,
            tests: Some(lines),
            repeat: req.repeat.max(1),
            test_ms: u64::from(req.time_limit_ms) + KILL_GRACE_MS,
            ..Job::exec(&cmd, wall, out_cap, err_cap)
        };
        let step = self.step(lease, job, plan.run_files.clone()).await?;
        progress(SandboxProgress::Running {
            started: 0,
            total: req.tests.len() as u32,
        });
        let mut reader = Reader::new();
        let mut seen = Observed::default();
        let total = req.tests.len() as u32;
        let shown = limits.shown_bytes as usize;
        self.follow(lease, step, wall, |event| match event {
            Event::Stdout(bytes) => {
                for frame in reader.feed(&bytes) {
                    if seen.current.is_some() {
                        seen.reply.get_or_insert(frame);
                    } else if seen.answers.is_empty() {
                        seen.hello.get_or_insert(frame);
                    }
                }
                let stray = std::mem::take(&mut reader.stray);
                if !stray.is_empty() {
                    let at = seen.current.unwrap_or(0);
                    let text = seen.stray_out.entry(at).or_default();
                    if text.len() < shown {
                        text.push_str(&String::from_utf8_lossy(&stray));
                    }
                }
            }
            Event::Stderr(bytes) => {
                if seen.stderr.len() < shown {
                    seen.stderr.extend_from_slice(&bytes);
                }
            }
            Event::Sent { i, r } => {
                seen.current = Some(i);
                seen.reply = None;
                if r == 0 {
                    progress(SandboxProgress::Running {
                        started: i + 1,
                        total,
                    });
                }
            }
            Event::Answered { i, ns, peak_kb, .. } => {
                seen.current = None;
                seen.answers.entry(i).or_default().push(Answer {
                    frame: seen.reply.take(),
                    ms: ns as f64 / 1e6,
                    peak_kb,
                });
            }
            Event::Stopped(stop) => seen.stop = Some(stop),
            Event::Exit(exit) => seen.exit = Some(exit),
            Event::Failed(_) => {}
        })
        .await?;
        reader.finish();
        if let Some(Frame::Compile { error }) = &seen.hello {
            let error = error.clone();
            return Ok(report(
                not_run(req, Verdict::CompileError),
                Some(error),
                compile_ms,
                cached,
            ));
        }
        let mut tests = verdicts(req, seen);
        if req.comparator == Comparator::Custom {
            self.check_answers(req, &mut tests, progress).await?;
        }
        Ok(report(tests, compile_output, compile_ms, cached))
    }
}

fn not_run(req: &JudgeRequest, first: Verdict) -> Vec<TestResult> {
    req.tests
        .iter()
        .enumerate()
        .map(|(i, t)| blank(i, t, if i == 0 { first } else { Verdict::NotRun }))
        .collect()
}

fn blank(i: usize, t: &JudgeTest, verdict: Verdict) -> TestResult {
    TestResult {
        index: u32::try_from(i).unwrap_or(u32::MAX),
        example: t.example,
        custom: t.custom,
        verdict,
        time_ms: None,
        memory_kb: None,
        stdout: String::new(),
        stderr: String::new(),
        input: Some(Value::Object(t.input.clone().into_iter().collect())),
        expected: t.expected.clone(),
        actual: None,
        message: None,
    }
}

fn signal_name(sig: i64) -> &'static str {
    match sig {
        1 => "SIGHUP",
        2 => "SIGINT",
        3 => "SIGQUIT",
        4 => "SIGILL",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL",
        10 => "SIGUSR1",
        11 => "SIGSEGV",
        12 => "SIGUSR2",
        13 => "SIGPIPE",
        14 => "SIGALRM",
        15 => "SIGTERM",
        24 => "SIGXCPU",
        25 => "SIGXFSZ",
        _ => "a signal",
    }
}

/// When a signal nothing in the sandbox sends ended the program: who sent it.
pub(crate) fn unsent_signal(sig: i64) -> Option<&'static str> {
    matches!(sig, 1 | 2 | 3 | 9 | 10 | 12 | 14 | 15).then_some(
        "Nothing in the sandbox sends that signal: the program, or a process it started, sent it.",
    )
}

/// The verdict of the test in hand when the program stopped without answering it.
fn stopped_verdict(seen: &Observed, limit_ms: u32) -> (Verdict, String) {
    let stderr = String::from_utf8_lossy(&seen.stderr).trim().to_string();
    let with_stderr = |what: String| {
        if stderr.is_empty() {
            what
        } else {
            format!("{what}\n{stderr}")
        }
    };
    match seen.stop {
        Some(Stop::TestTime) => {
            return (
                Verdict::TimeLimitExceeded,
                format!("Stopped after the test's time limit of {limit_ms} ms."),
            )
        }
        Some(Stop::TestWall) => {
            return (
                Verdict::TimeLimitExceeded,
                format!(
                    "Stopped after {:.1} s without an answer, in which the program used little CPU: it may be sleeping or waiting for input.",
                    crate::supervisor::test_wall_ms(u64::from(limit_ms) + KILL_GRACE_MS) as f64 / 1000.0
                ),
            )
        }
        Some(Stop::Wall) => {
            return (
                Verdict::TimeLimitExceeded,
                "Stopped when the run's total time limit was reached.".into(),
            )
        }
        Some(Stop::Stdout | Stop::Stderr) => {
            return (
                Verdict::OutputLimitExceeded,
                "The program printed more than the output limit.".into(),
            )
        }
        None => {}
    }
    let Some(exit) = seen.exit else {
        return (
            Verdict::InternalError,
            "The sandbox ended the run without saying how the program ended.".into(),
        );
    };
    if exit.oom_kills > 0 {
        return (
            Verdict::MemoryLimitExceeded,
            "The program used more memory than the limit and was stopped.".into(),
        );
    }
    match (exit.code, exit.signal) {
        (_, Some(25)) | (Some(153), _) => (
            Verdict::OutputLimitExceeded,
            "The program printed more than the output limit.".into(),
        ),
        (_, Some(sig)) => {
            let mut what = format!("The program was killed by {} ({sig}).", signal_name(sig));
            if let Some(who) = unsent_signal(sig) {
                what = format!("{what} {who}");
            }
            (Verdict::RuntimeError, with_stderr(what))
        }
        (Some(code), None) => (
            Verdict::RuntimeError,
            with_stderr(format!(
                "The program exited with status {code} before answering this test."
            )),
        ),
        (None, None) => (
            Verdict::InternalError,
            "The program ended in a way the sandbox could not read.".into(),
        ),
    }
}

/// The verdict of one answer the program gave, on the supervisor's clock.
fn judged(req: &JudgeRequest, t: &JudgeTest, answer: &Answer, r: &mut TestResult) -> Verdict {
    let limit = f64::from(req.time_limit_ms);
    r.time_ms = Some((answer.ms * 1000.0).round() / 1000.0);
    r.memory_kb = (answer.peak_kb > 0).then_some(answer.peak_kb);
    let Some(Frame::Result {
        status,
        value,
        error,
        stdout,
        stderr,
        ..
    }) = answer.frame.clone()
    else {
        r.message = Some(
            "The program's answer to this test could not be read (it wrote something other than the harness's report)."
                .into(),
        );
        return Verdict::RuntimeError;
    };
    r.stdout = format!("{stdout}{}", r.stdout);
    r.stderr = stderr;
    if answer.ms > limit {
        r.message = Some(format!(
            "Took longer than the test's time limit of {} ms.",
            req.time_limit_ms
        ));
        return Verdict::TimeLimitExceeded;
    }
    match status {
        Status::Ok => {
            let actual = value.unwrap_or(Value::Null);
            let ok = t
                .expected
                .as_ref()
                .is_none_or(|e| answers_match(&req.comparator, e, &actual));
            r.actual = Some(actual);
            if ok {
                Verdict::Accepted
            } else {
                Verdict::WrongAnswer
            }
        }
        Status::Error => {
            r.message = Some(error.unwrap_or_else(|| {
                "The harness reported an error in the program without saying which.".into()
            }));
            Verdict::RuntimeError
        }
        Status::Memory => {
            r.message = Some(error.unwrap_or_else(|| "Out of memory.".into()));
            Verdict::MemoryLimitExceeded
        }
        Status::OutputLimit => {
            r.message = Some("The code printed more than the output limit.".into());
            Verdict::OutputLimitExceeded
        }
    }
}

fn verdicts(req: &JudgeRequest, mut seen: Observed) -> Vec<TestResult> {
    let peak_kb = seen.exit.map(|e| e.peak_bytes / 1024).filter(|k| *k > 0);
    let mut out = Vec::with_capacity(req.tests.len());
    // The harness never said it was ready: it failed while loading the candidate's code.
    let fatal = match seen.hello.take() {
        Some(Frame::Fatal {
            error,
            stdout,
            stderr,
        }) => Some((error, stdout, stderr)),
        _ => None,
    };
    let stopped_at = seen
        .current
        .or_else(|| (seen.answers.is_empty() && fatal.is_none()).then_some(0));
    let mut fatal = fatal;
    for (i, t) in req.tests.iter().enumerate() {
        let idx = u32::try_from(i).unwrap_or(u32::MAX);
        let mut r = blank(i, t, Verdict::NotRun);
        if let Some(stray) = seen.stray_out.remove(&idx) {
            r.stdout = stray;
        }
        if let Some(answers) = seen.answers.remove(&idx) {
            r.verdict = judged(req, t, &answers[0], &mut r);
            let fastest = answers.iter().map(|a| a.ms).fold(f64::INFINITY, f64::min);
            if answers.len() > 1 && r.verdict == Verdict::Accepted {
                r.time_ms = Some((fastest * 1000.0).round() / 1000.0);
            }
        } else if let Some((error, stdout, stderr)) = fatal.take().filter(|_| i == 0) {
            r.verdict = Verdict::RuntimeError;
            r.message = Some(error);
            r.stdout = stdout;
            r.stderr = stderr;
        } else if stopped_at == Some(idx) {
            let (verdict, message) = stopped_verdict(&seen, req.time_limit_ms);
            r.verdict = verdict;
            r.message = Some(message);
            r.memory_kb = peak_kb;
        }
        out.push(r);
    }
    out
}
