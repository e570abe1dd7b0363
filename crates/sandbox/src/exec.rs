//! The playground: a whole program run once with the given stdin. Its exit status, signal
//! and memory are the supervisor's measurements; nothing the program prints can change them.

use crate::harness::{self, Program};
use crate::supervisor::{Job, Stop};
use crate::{images, Compiled, Lease, Progress, Result, Sandbox, SandboxError, MAX_CODE_BYTES};
use rehearse_core::run::{ExecReport, ExecStatus, SandboxProgress};
use rehearse_core::Language;
use tokio::time::Instant;

const MAX_STDIN_BYTES: usize = 8 << 20;

fn too_big(what: &str, len: usize, cap: usize) -> Option<SandboxError> {
    (len > cap).then(|| {
        let unit = |n: usize| {
            if cap >= 1 << 20 {
                format!("{:.1} MiB", n as f64 / f64::from(1 << 20))
            } else {
                format!("{} KiB", n.div_ceil(1024))
            }
        };
        SandboxError::InvalidInput(format!(
            "{what} is {}; the limit is {}. Make it smaller and run it again.",
            unit(len),
            unit(cap)
        ))
    })
}

impl Sandbox {
    pub async fn exec(
        &self,
        lang: Language,
        code: &str,
        stdin: &[u8],
        progress: Progress<'_>,
    ) -> Result<ExecReport> {
        if let Some(e) = too_big("The program", code.len(), MAX_CODE_BYTES)
            .or_else(|| too_big("The input", stdin.len(), MAX_STDIN_BYTES))
        {
            return Err(e);
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
        let mut report = ExecReport {
            status: ExecStatus::Ok,
            exit_code: None,
            signal: None,
            stdout: String::new(),
            stderr: String::new(),
            time_ms: 0,
            memory_kb: None,
            timed_out: false,
            oom_killed: false,
            output_truncated: false,
            compile_output: None,
        };
        let build = match self.compile(lease, plan, &|_| {}).await? {
            Compiled::Ready { build, .. } => build,
            Compiled::Failed { output } => {
                report.status = ExecStatus::CompileError;
                report.compile_output = Some(output);
                return Ok(report);
            }
        };
        let limits = &self.config.limits;
        let cap = usize::try_from(limits.output_bytes).unwrap_or(usize::MAX);
        let cmd = format!("exec {}", plan.run);
        let job = Job {
            build,
            stdin: Some(stdin.to_vec()),
            ..Job::exec(&cmd, limits.exec_wall_ms, cap, cap)
        };
        let started = Instant::now();
        let out = self.run_to_end(lease, job, plan.run_files.clone()).await?;
        report.time_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        let exit = out.exit.unwrap_or_default();
        report.timed_out = out.stop == Some(Stop::Wall);
        report.output_truncated = matches!(out.stop, Some(Stop::Stdout | Stop::Stderr));
        report.oom_killed = exit.oom_kills > 0;
        report.exit_code = exit.code.map(|c| i32::try_from(c).unwrap_or(-1));
        report.signal = exit.signal.map(|s| i32::try_from(s).unwrap_or(0));
        report.memory_kb = (exit.peak_bytes > 0).then_some(exit.peak_bytes / 1024);
        report.status = if report.timed_out {
            ExecStatus::TimeLimitExceeded
        } else if report.output_truncated {
            ExecStatus::OutputLimitExceeded
        } else if report.oom_killed {
            ExecStatus::MemoryLimitExceeded
        } else if report.exit_code == Some(0) {
            ExecStatus::Ok
        } else {
            ExecStatus::RuntimeError
        };
        report.stdout =
            String::from_utf8_lossy(&out.stdout[..out.stdout.len().min(cap)]).into_owned();
        report.stderr =
            String::from_utf8_lossy(&out.stderr[..out.stderr.len().min(cap)]).into_owned();
        if let Some(why) = exit.signal.and_then(crate::judge::unsent_signal) {
            report.stderr.push_str(why);
        }
        Ok(report)
    }
}
