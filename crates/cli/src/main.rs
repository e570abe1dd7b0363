//! `rehearse`: the same use-cases as the desktop app, headless. Human text by default,
//! stable JSON with `--json`; errors as `{code, message}` and a non-zero exit code.

#[macro_use]
mod output;
mod interview;
mod keys;
mod problems;
mod sandbox;
mod session;

use clap::{Parser, Subcommand};
use output::{fail, CliError};
use rehearse_core::paths::Paths;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "rehearse",
    version,
    about = "Practise coding interviews from the terminal."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Browse, read and import problems.
    Problems {
        #[command(subcommand)]
        command: problems::ProblemsCommand,
    },
    /// Run code against a problem's tests in the sandbox (the examples; all tests with --all).
    Run(sandbox::RunArgs),
    /// Run a whole program in the sandbox, with stdin from a file.
    Exec(sandbox::ExecArgs),
    /// Start a language's sandbox containers ahead of time (run and exec do it in the
    /// background after each use, so the next one finds a container waiting).
    Warm(sandbox::WarmArgs),
    /// Drive a timed interview session: start, snapshot, run, hint, status, end.
    Session {
        #[command(subcommand)]
        command: session::SessionCommand,
    },
    /// Hold an interview in the terminal, by voice or typed (`--mode text`): live transcript, code file watched, runs by key.
    Interview(interview::InterviewArgs),
    /// Past sessions: list, show, delete, export, regrade.
    Sessions {
        #[command(subcommand)]
        command: session::SessionsCommand,
    },
    /// Provider API keys in the OS keychain: list, set (from stdin), remove, test.
    Keys {
        #[command(subcommand)]
        command: keys::KeysCommand,
    },
    /// Check that everything Rehearse needs works, and say how to fix what does not.
    Doctor {
        /// Print the checks as JSON.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let paths = Paths::from_env();
    let _log = rehearse_app::logging::init(&paths, "cli", "warn");
    let result = match cli.command {
        Command::Problems { command } => problems::run(command),
        Command::Run(args) => sandbox::run(args),
        Command::Exec(args) => sandbox::exec(args),
        Command::Warm(args) => sandbox::warm(args),
        Command::Session { command } => session::run(command),
        Command::Interview(args) => interview::run(args),
        Command::Sessions { command } => session::sessions(command),
        Command::Keys { command } => keys::run(command),
        Command::Doctor { json } => doctor(&paths, json),
    };
    match result {
        Ok(code) => code,
        Err(e) => fail(e),
    }
}

fn doctor(paths: &Paths, json: bool) -> Result<ExitCode, CliError> {
    let report = sandbox::runtime(json)?.block_on(rehearse_app::doctor::run(paths));
    if json {
        output::print_json(&report)?;
    } else {
        for c in &report.checks {
            let mark = if c.ok { "ok  " } else { "FAIL" };
            outln!("{mark} {:<18} {}", c.name, c.detail);
        }
    }
    Ok(if report.checks.iter().all(|c| c.ok) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
