//! Run and Submit: the candidate's function against tests, one verdict per test.

use crate::frames::{Frame, Reader, Status, EXIT_TRAILER};
use crate::harness::{self, Program};
use crate::{
    container, images, run_files, Compiled, Lease, Progress, Result, Sandbox, SandboxError,
    UNPACK_BUILD,
};
use bollard::container::LogOutput;
use futures_util::StreamExt;
use rehearse_core::run::{answers_match, RunMode, RunReport, SandboxProgress, TestResult, Verdict};
use rehearse_core::{Comparator, Language, Signature};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use tokio::time::{Duration, Instant};

/// Grace on top of a test's time limit before the container is stopped; the harness's own
/// measurement decides the verdict of a test that does finish.
const KILL_GRACE_MS: u64 = 300;
const MAX_CODE_BYTES: usize = 256 << 10;

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
}

/// Why the run's program stopped early, when it did not stop by itself.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Stopped {
    TestTime,
    WallTime,
    Output,
}

#[derive(Default)]
struct Observed {
    results: HashMap<u32, Frame>,
    current: Option<(u32, Instant)>,
    last_started: Option<u32>,
    stray_out: HashMap<u32, String>,
    stderr: Vec<u8>,
    compile_error: Option<String>,
    fatal: Option<Frame>,
    exit: Option<(i64, u64, u64)>,
    stopped: Option<Stopped>,
    done: bool,
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
        let mut lease = Lease::new(req.language, image);
        let outcome = self
            .judge_in(&mut lease, req, &plan, started, progress)
            .await;
        self.release(lease);
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
        let nonce = uuid::Uuid::new_v4().simple().to_string();
        let input: Vec<Vec<Value>> = req
            .tests
            .iter()
            .map(|t| {
                req.signature
                    .params
                    .iter()
                    .map(|p| t.input.get(&p.name).cloned().unwrap_or(Value::Null))
                    .collect()
            })
            .collect();
        let input =
            serde_json::to_vec(&input).map_err(|e| SandboxError::Internal(e.to_string()))?;
        let files = run_files(plan, build, vec![("input.json".into(), input)]);
        let limits = &self.config.limits;
        let script = format!(
            "{UNPACK_BUILD}ulimit -f {blocks} 2>/dev/null; {run} </dev/null\n{EXIT_TRAILER}",
            blocks = (limits.output_bytes * 2).div_ceil(512),
            run = plan.run
        );
        let env = vec![
            ("REHEARSE_NONCE".to_string(), nonce.clone()),
            (
                "REHEARSE_OUTPUT_CAP".to_string(),
                limits.output_bytes.to_string(),
            ),
            (
                "REHEARSE_SHOWN_CAP".to_string(),
                limits.shown_bytes.to_string(),
            ),
        ];
        let wall = req.wall_ms.unwrap_or(match req.mode {
            RunMode::Run => limits.run_wall_ms,
            RunMode::Submit => limits.submit_wall_ms,
        });
        let (mut step, first) = self.step(lease, &script, env, files).await?;
        progress(SandboxProgress::Running {
            started: 0,
            total: req.tests.len() as u32,
        });
        let run_started = Instant::now();
        let wall_deadline = run_started + Duration::from_millis(wall);
        let test_limit = Duration::from_millis(u64::from(req.time_limit_ms) + KILL_GRACE_MS);
        let mut reader = Reader::new(&nonce);
        let mut seen = Observed::default();
        let mut printed: u64 = 0;
        let mut pending = first.map(Ok);
        loop {
            let deadline = match seen.current {
                Some((_, t0)) => wall_deadline.min(t0 + test_limit),
                None => wall_deadline,
            };
            let next = match pending.take() {
                Some(chunk) => Ok(Some(chunk)),
                None => tokio::time::timeout_at(deadline, step.output.next()).await,
            };
            let chunk = match next {
                Err(_) => {
                    seen.stopped = Some(if deadline < wall_deadline {
                        Stopped::TestTime
                    } else {
                        Stopped::WallTime
                    });
                    break;
                }
                Ok(None) => break,
                Ok(Some(chunk)) => chunk?,
            };
            let (bytes, is_out) = match chunk {
                LogOutput::StdOut { message } => (message, true),
                LogOutput::StdErr { message } => (message, false),
                _ => continue,
            };
            printed += bytes.len() as u64;
            // Frames carry answers too, so the cap on what reaches us is generous; the
            // harness enforces the real output limit on the candidate's prints.
            if printed > limits.output_bytes * 64 + 64 * (1 << 20) {
                seen.stopped = Some(Stopped::Output);
                break;
            }
            if !is_out {
                if seen.stderr.len() < limits.shown_bytes as usize {
                    seen.stderr.extend_from_slice(&bytes);
                }
                continue;
            }
            for frame in reader.feed(&bytes) {
                self.observe(&mut seen, frame, req.tests.len(), progress);
            }
            // The run script has reported the program's end; anything it left running in
            // the background may keep the stream open, and goes with the container.
            if seen.exit.is_some() {
                break;
            }
            let stray = std::mem::take(&mut reader.stray);
            if !stray.is_empty() {
                let at = seen.current.map(|c| c.0).or(seen.last_started).unwrap_or(0);
                let text = seen.stray_out.entry(at).or_default();
                if text.len() < limits.shown_bytes as usize {
                    text.push_str(&String::from_utf8_lossy(&stray));
                }
            }
        }
        reader.finish();
        if seen.exit.is_none() && seen.stopped.is_none() {
            tracing::warn!(stray = %String::from_utf8_lossy(&reader.stray), "run step ended without its exit line");
        }
        if seen.stopped.is_some() {
            if let Some(id) = lease.containers.last() {
                container::remove(&self.docker, id).await;
            }
        }
        if let Some(error) = seen.compile_error.take() {
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

    fn observe(&self, seen: &mut Observed, frame: Frame, total: usize, progress: Progress<'_>) {
        match frame {
            Frame::Start { i } => {
                seen.current = Some((i, Instant::now()));
                seen.last_started = Some(i);
                progress(SandboxProgress::Running {
                    started: i + 1,
                    total: total as u32,
                });
            }
            Frame::Result { i, .. } => {
                seen.current = None;
                seen.results.insert(i, frame);
            }
            Frame::Compile { error } => seen.compile_error = Some(error),
            Frame::Fatal { .. } => seen.fatal = Some(frame),
            Frame::Done => seen.done = true,
            Frame::Exit {
                code,
                oom_kill,
                peak_bytes,
            } => seen.exit = Some((code, oom_kill, peak_bytes)),
        }
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
        4 => "SIGILL",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        25 => "SIGXFSZ",
        _ => "a signal",
    }
}

/// The verdict of the test that was running when the program stopped without reporting it.
fn stopped_verdict(seen: &Observed, limit_ms: u32) -> (Verdict, String) {
    let stderr = String::from_utf8_lossy(&seen.stderr).trim().to_string();
    match seen.stopped {
        Some(Stopped::TestTime) => {
            return (
                Verdict::TimeLimitExceeded,
                format!("Stopped after the test's time limit of {limit_ms} ms."),
            )
        }
        Some(Stopped::WallTime) => {
            return (
                Verdict::TimeLimitExceeded,
                "Stopped when the run's total time limit was reached.".into(),
            )
        }
        Some(Stopped::Output) => {
            return (
                Verdict::OutputLimitExceeded,
                "The program printed more than the output limit.".into(),
            )
        }
        None => {}
    }
    match seen.exit {
        Some((_, oom, _)) if oom > 0 => (
            Verdict::MemoryLimitExceeded,
            "The program used more memory than the limit and was stopped.".into(),
        ),
        Some((153, _, _)) => (
            Verdict::OutputLimitExceeded,
            "The program printed more than the output limit.".into(),
        ),
        Some((code, _, _)) if code > 128 => {
            let sig = code - 128;
            let what = format!("The program was killed by {} ({sig}).", signal_name(sig));
            (
                Verdict::RuntimeError,
                if stderr.is_empty() {
                    what
                } else {
                    format!("{what}\n{stderr}")
                },
            )
        }
        Some((code, _, _)) if code != 0 => (
            Verdict::RuntimeError,
            if stderr.is_empty() {
                format!("The program exited with status {code}.")
            } else {
                stderr
            },
        ),
        Some(_) => (
            Verdict::InternalError,
            "The harness ended without reporting this test.".into(),
        ),
        None => (
            Verdict::InternalError,
            format!("The sandbox stopped unexpectedly. {stderr}")
                .trim()
                .to_string(),
        ),
    }
}

fn verdicts(req: &JudgeRequest, mut seen: Observed) -> Vec<TestResult> {
    let peak_kb = seen.exit.map(|e| e.2 / 1024).filter(|k| *k > 0);
    let mut out = Vec::with_capacity(req.tests.len());
    let mut fatal = seen.fatal.take();
    let mut stopped_reported = false;
    for (i, t) in req.tests.iter().enumerate() {
        let idx = i as u32;
        let mut r = blank(i, t, Verdict::NotRun);
        if let Some(stray) = seen.stray_out.remove(&idx) {
            r.stdout = stray;
        }
        match seen.results.remove(&idx) {
            Some(Frame::Result {
                status,
                value,
                error,
                time_ms,
                mem_kb,
                stdout,
                stderr,
                ..
            }) => {
                r.time_ms = time_ms;
                r.memory_kb = mem_kb.or(peak_kb);
                r.stdout = format!("{stdout}{}", r.stdout);
                r.stderr = stderr;
                r.verdict = match status {
                    Status::Ok if time_ms.is_some_and(|ms| ms > f64::from(req.time_limit_ms)) => {
                        r.message = Some(format!(
                            "Took longer than the test's time limit of {} ms.",
                            req.time_limit_ms
                        ));
                        Verdict::TimeLimitExceeded
                    }
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
                        r.message = error;
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
                };
            }
            _ if i == 0 && fatal.is_some() => {
                if let Some(Frame::Fatal {
                    error,
                    stdout,
                    stderr,
                }) = fatal.take()
                {
                    r.verdict = Verdict::RuntimeError;
                    r.message = Some(error);
                    r.stdout = stdout;
                    r.stderr = stderr;
                }
            }
            _ if !stopped_reported
                && (seen.last_started == Some(idx)
                    || (seen.last_started.is_none() && i == 0 && !seen.done)) =>
            {
                let (verdict, message) = stopped_verdict(&seen, req.time_limit_ms);
                r.verdict = verdict;
                r.message = Some(message);
                r.memory_kb = peak_kb;
                stopped_reported = true;
            }
            _ => {}
        }
        out.push(r);
    }
    out
}
