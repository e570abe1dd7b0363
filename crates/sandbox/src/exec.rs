//! The playground: a whole program run once with the given stdin.

use crate::frames::EXIT_TRAILER;
use crate::harness::{self, Program};
use crate::{
    images, run_files, Compiled, Lease, Progress, Result, Sandbox, SandboxError, UNPACK_BUILD,
};
use rehearse_core::run::{ExecReport, ExecStatus, SandboxProgress};
use rehearse_core::Language;
use tokio::time::Instant;

const MAX_STDIN_BYTES: usize = 8 << 20;

impl Sandbox {
    pub async fn exec(
        &self,
        lang: Language,
        code: &str,
        stdin: &[u8],
        progress: Progress<'_>,
    ) -> Result<ExecReport> {
        if stdin.len() > MAX_STDIN_BYTES {
            return Err(SandboxError::InvalidInput(format!(
                "stdin is {} MiB; the limit is {} MiB",
                stdin.len() >> 20,
                MAX_STDIN_BYTES >> 20
            )));
        }
        progress(SandboxProgress::Starting { language: lang });
        let image = self.config.image(lang);
        images::ensure(&self.docker, &image, progress).await?;
        let plan = harness::plan(lang, code, &Program::Main);
        let mut lease = Lease::new(lang, image);
        let outcome = self.exec_in(&mut lease, &plan, stdin).await;
        self.release(lease);
        outcome
    }

    async fn exec_in(
        &self,
        lease: &mut Lease,
        plan: &harness::Plan,
        stdin: &[u8],
    ) -> Result<ExecReport> {
        let build = match self.compile(lease, plan, &|_| {}).await? {
            Compiled::Ready { build, .. } => build,
            Compiled::Failed { output } => {
                return Ok(ExecReport {
                    status: ExecStatus::CompileError,
                    exit_code: None,
                    signal: None,
                    stdout: String::new(),
                    stderr: String::new(),
                    time_ms: 0,
                    memory_kb: None,
                    timed_out: false,
                    oom_killed: false,
                    output_truncated: false,
                    compile_output: Some(output),
                })
            }
        };
        let nonce = uuid::Uuid::new_v4().simple().to_string();
        let files = run_files(plan, build, vec![("stdin.txt".into(), stdin.to_vec())]);
        let script = format!("{UNPACK_BUILD}{} < stdin.txt\n{EXIT_TRAILER}", plan.run);
        let limits = &self.config.limits;
        let cap = usize::try_from(limits.output_bytes).unwrap_or(usize::MAX);
        let started = Instant::now();
        let out = self
            .run_to_end(
                lease,
                &script,
                vec![("REHEARSE_NONCE".to_string(), nonce.clone())],
                files,
                limits.exec_wall_ms,
                crate::Caps {
                    stdout: cap + 512,
                    stderr: cap,
                    until: Some(format!("\n{nonce} {{\"t\":\"exit\"").as_bytes()),
                },
            )
            .await?;
        let time_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        let (stdout, exit) = split_trailer(&out.stdout, &nonce);
        let stdout = &stdout[..stdout.len().min(cap)];
        let (code, oom, peak) = exit.unwrap_or((-1, 0, 0));
        let signal = (code > 128).then(|| i32::try_from(code - 128).unwrap_or(0));
        let oom_killed = oom > 0;
        let status = if out.timed_out {
            ExecStatus::TimeLimitExceeded
        } else if out.overflow {
            ExecStatus::OutputLimitExceeded
        } else if oom_killed {
            ExecStatus::MemoryLimitExceeded
        } else if code == 0 {
            ExecStatus::Ok
        } else {
            ExecStatus::RuntimeError
        };
        let finished = exit.is_some() && !out.timed_out && !out.overflow;
        Ok(ExecReport {
            status,
            exit_code: finished.then(|| i32::try_from(code).unwrap_or(-1)),
            signal: signal.filter(|_| finished),
            stdout: String::from_utf8_lossy(stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            time_ms,
            memory_kb: (peak > 0).then_some(peak / 1024),
            timed_out: out.timed_out,
            oom_killed,
            output_truncated: out.overflow,
            compile_output: None,
        })
    }
}

/// The program's own stdout, and the exit line the run script appended after it.
fn split_trailer<'a>(stdout: &'a [u8], nonce: &str) -> (&'a [u8], Option<(i64, u64, u64)>) {
    let marker = format!("\n{nonce} ");
    let Some(at) = stdout
        .windows(marker.len())
        .rposition(|w| w == marker.as_bytes())
    else {
        return (stdout, None);
    };
    let line = String::from_utf8_lossy(&stdout[at + marker.len()..]);
    let exit = serde_json::from_str::<crate::frames::Frame>(line.trim())
        .ok()
        .and_then(|f| match f {
            crate::frames::Frame::Exit {
                code,
                oom_kill,
                peak_bytes,
            } => Some((code, oom_kill, peak_bytes)),
            _ => None,
        });
    (&stdout[..at], exit)
}
