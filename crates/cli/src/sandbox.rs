//! `rehearse run` and `rehearse exec`: code through the sandbox, with a progress line on
//! stderr while an image downloads or code compiles.

use crate::output::{print_json, CliError};
use clap::Args;
use rehearse_app::App;
use rehearse_core::error::Coded;
use rehearse_core::run::{RunMode, RunReport, SandboxProgress, Verdict};
use rehearse_core::ErrorBody;
use rehearse_core::ErrorCode;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct RunArgs {
    /// The problem's slug (see `rehearse problems list`).
    #[arg(long)]
    problem: String,
    /// python, javascript, typescript, java, cpp, go or rust.
    #[arg(long)]
    lang: String,
    /// The file with the solution.
    file: PathBuf,
    /// Every test, hidden ones included (a Submit); without it only the examples run.
    #[arg(long)]
    all: bool,
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct ExecArgs {
    #[arg(long)]
    lang: String,
    /// The program.
    file: PathBuf,
    /// A file to give the program as stdin (none: empty stdin).
    #[arg(long)]
    stdin: Option<PathBuf>,
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct WarmArgs {
    #[arg(long)]
    lang: String,
    #[arg(long)]
    json: bool,
}

pub fn warm(args: WarmArgs) -> Result<ExitCode, CliError> {
    let json = args.json;
    let fail = |e: &dyn Coded| CliError {
        body: e.body(),
        json,
    };
    let lang = rehearse_app::language(&args.lang).map_err(|e| fail(&e))?;
    let app = open(json)?;
    let started = runtime(json)?
        .block_on(async {
            let sandbox = app.sandbox().await?;
            sandbox
                .warm(lang)
                .await
                .map_err(rehearse_app::AppError::from)
        })
        .map_err(|e| fail(&e))?;
    if json {
        print_json(&serde_json::json!({ "language": lang, "started": started }))?;
    } else {
        outln!("{}: {started} container(s) started", lang.id());
    }
    Ok(ExitCode::SUCCESS)
}

/// Starts `rehearse warm` in the background for each language whose pool this process used,
/// so the next command finds a container waiting and this one need not wait for it to start.
fn refill_later(sandbox: &rehearse_app::sandbox::Sandbox) {
    let Ok(me) = std::env::current_exe() else {
        return;
    };
    for lang in sandbox.deferred_refills() {
        let mut cmd = std::process::Command::new(&me);
        cmd.args(["warm", "--lang", lang.id()])
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
        if let Err(e) = cmd.spawn() {
            tracing::warn!(error = %e, "could not start refilling the sandbox pool");
        }
    }
}

pub fn runtime(json: bool) -> Result<tokio::runtime::Runtime, CliError> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| CliError {
            body: ErrorBody::new(
                ErrorCode::Internal,
                format!("cannot start the async runtime: {e}"),
            ),
            json,
        })
}

fn read(path: &PathBuf, what: &str, json: bool) -> Result<Vec<u8>, CliError> {
    std::fs::read(path).map_err(|e| CliError {
        body: ErrorBody::new(
            ErrorCode::InvalidInput,
            format!("cannot read the {what} {}: {e}", path.display()),
        ),
        json,
    })
}

fn open(json: bool) -> Result<App, CliError> {
    App::open().map_err(|e| CliError::new(&e, json))
}

/// Progress on stderr: a bar per download, a line per phase. Quiet when stderr is not a
/// terminal and nothing is slow.
fn progress(event: SandboxProgress) {
    let mut err = std::io::stderr();
    let tty = err.is_terminal();
    match event {
        SandboxProgress::Pulling { image, layers } => {
            let (done, total) = layers
                .iter()
                .fold((0u64, 0u64), |(d, t), l| (d + l.current, t + l.total));
            let width = 30usize;
            let filled = if total > 0 {
                (done as f64 / total as f64 * width as f64) as usize
            } else {
                0
            };
            let bar = format!(
                "[{}{}]",
                "#".repeat(filled.min(width)),
                "-".repeat(width - filled.min(width))
            );
            let line = format!(
                "pulling {image} {bar} {:.1}/{:.1} MB, {} layers",
                done as f64 / 1e6,
                total as f64 / 1e6,
                layers.len()
            );
            if tty {
                let _ = write!(err, "\r{line}");
            } else {
                let _ = writeln!(err, "{line}");
            }
        }
        SandboxProgress::Compiling { language } => {
            let _ = writeln!(
                err,
                "{}compiling ({})",
                if tty { "\r" } else { "" },
                language.display_name()
            );
        }
        SandboxProgress::Starting { .. } | SandboxProgress::Running { .. } => {}
    }
}

pub fn run(args: RunArgs) -> Result<ExitCode, CliError> {
    let json = args.json;
    let fail = |e: &dyn Coded| CliError {
        body: e.body(),
        json,
    };
    let lang = rehearse_app::language(&args.lang).map_err(|e| fail(&e))?;
    let code = String::from_utf8(read(&args.file, "solution", json)?).map_err(|_| CliError {
        body: ErrorBody::new(
            ErrorCode::InvalidInput,
            format!("{} is not UTF-8 text", args.file.display()),
        ),
        json,
    })?;
    let app = open(json)?;
    let mode = if args.all {
        RunMode::Submit
    } else {
        RunMode::Run
    };
    let rt = runtime(json)?;
    let report = rt.block_on(async {
        let sandbox = app.sandbox().await?;
        sandbox.defer_refills();
        let request = rehearse_app::sandbox::RunRequest {
            slug: args.problem.clone(),
            language: lang,
            code: code.clone(),
            mode,
            custom: Vec::new(),
        };
        let report = app.judge(&sandbox, &request, &progress).await;
        refill_later(&sandbox);
        report
    });
    let report = report.map_err(|e| fail(&e))?;
    print_run(&report, json)?;
    Ok(if report.verdict == Verdict::Accepted {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

pub fn print_run(report: &RunReport, json: bool) -> Result<(), CliError> {
    if json {
        print_json(&json_report(report))
    } else {
        print_report(report);
        Ok(())
    }
}

/// The documented JSON of `rehearse run` (docs/cli.md).
fn json_report(r: &RunReport) -> serde_json::Value {
    serde_json::json!({
        "verdict": r.verdict,
        "passed": r.passed,
        "total": r.total,
        "wall_ms": r.wall_ms,
        "compile_output": r.compile_output,
        "tests": r.tests.iter().map(|t| serde_json::json!({
            "index": t.index,
            "example": t.example,
            "verdict": t.verdict,
            "time_ms": t.time_ms,
            "memory_kb": t.memory_kb,
            "stdout": t.stdout,
            "stderr": t.stderr,
            "input": t.input,
            "expected": t.expected,
            "actual": t.actual,
            "message": t.message,
        })).collect::<Vec<_>>(),
    })
}

fn print_report(r: &RunReport) {
    outln!(
        "{}: {}/{} tests passed in {} ms",
        r.verdict.label(),
        r.passed,
        r.total,
        r.wall_ms
    );
    if let Some(out) = &r.compile_output {
        outln!("\n{out}\n");
    }
    for t in &r.tests {
        let time = t
            .time_ms
            .map(|ms| format!("{ms:.1} ms"))
            .unwrap_or_default();
        outln!(
            "  test {:>2} {:<8} {:<22} {time}",
            t.index + 1,
            if t.example { "example" } else { "hidden" },
            t.verdict.label()
        );
        if t.verdict == Verdict::Accepted || t.verdict == Verdict::NotRun {
            continue;
        }
        let show = |v: &Option<serde_json::Value>| {
            v.as_ref()
                .map(|v| clip(&v.to_string()))
                .unwrap_or_else(|| "-".into())
        };
        if t.verdict == Verdict::WrongAnswer {
            outln!("      input:    {}", show(&t.input));
            outln!("      expected: {}", show(&t.expected));
            outln!("      actual:   {}", show(&t.actual));
        }
        if let Some(m) = &t.message {
            for line in m.lines() {
                outln!("      {line}");
            }
        }
        for (name, text) in [("stdout", &t.stdout), ("stderr", &t.stderr)] {
            if !text.is_empty() {
                outln!("      {name}: {}", clip(text.trim_end()));
            }
        }
    }
}

fn clip(s: &str) -> String {
    if s.chars().count() > 300 {
        format!(
            "{}… ({} characters)",
            s.chars().take(300).collect::<String>(),
            s.chars().count()
        )
    } else {
        s.to_string()
    }
}

pub fn exec(args: ExecArgs) -> Result<ExitCode, CliError> {
    let json = args.json;
    let fail = |e: &dyn Coded| CliError {
        body: e.body(),
        json,
    };
    let lang = rehearse_app::language(&args.lang).map_err(|e| fail(&e))?;
    let code = String::from_utf8(read(&args.file, "program", json)?).map_err(|_| CliError {
        body: ErrorBody::new(
            ErrorCode::InvalidInput,
            format!("{} is not UTF-8 text", args.file.display()),
        ),
        json,
    })?;
    let stdin = match &args.stdin {
        Some(path) => read(path, "stdin file", json)?,
        None => Vec::new(),
    };
    let app = open(json)?;
    let rt = runtime(json)?;
    let report = rt.block_on(async {
        let sandbox = app.sandbox().await?;
        sandbox.defer_refills();
        let report = app.exec(&sandbox, lang, &code, &stdin, &progress).await;
        refill_later(&sandbox);
        report
    });
    let report = report.map_err(|e| fail(&e))?;
    if json {
        print_json(&serde_json::json!({
            "status": report.status,
            "exit_code": report.exit_code,
            "signal": report.signal,
            "stdout": report.stdout,
            "stderr": report.stderr,
            "time_ms": report.time_ms,
            "memory_kb": report.memory_kb,
            "timed_out": report.timed_out,
            "oom_killed": report.oom_killed,
            "output_truncated": report.output_truncated,
            "compile_output": report.compile_output,
        }))?;
    } else {
        if let Some(out) = &report.compile_output {
            eprintln!("{out}");
        }
        out!("{}", report.stdout);
        eprint!("{}", report.stderr);
        let _ = std::io::stdout().flush();
        let status = serde_json::to_value(report.status)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
        eprintln!(
            "\n[{status}: exit {}{} in {} ms{}]",
            report.exit_code.map_or("-".into(), |c| c.to_string()),
            report
                .signal
                .map_or(String::new(), |s| format!(", signal {s}")),
            report.time_ms,
            if report.output_truncated {
                ", output cut at the limit"
            } else {
                ""
            }
        );
    }
    Ok(match report.exit_code {
        Some(0) => ExitCode::SUCCESS,
        _ => ExitCode::FAILURE,
    })
}
