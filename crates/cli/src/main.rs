//! `rehearse`: the same use-cases as the desktop app, headless. Human text by default,
//! stable JSON with `--json`; errors as `{code, message}` and a non-zero exit code.

mod output;
mod problems;

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
        Command::Doctor { json } => doctor(&paths, json),
    };
    match result {
        Ok(code) => code,
        Err(e) => fail(e),
    }
}

fn doctor(paths: &Paths, json: bool) -> Result<ExitCode, CliError> {
    let checks = rehearse_app::doctor::run(paths);
    if json {
        output::print_json(&checks)?;
    } else {
        for c in &checks {
            let mark = match c.status {
                rehearse_app::CheckStatus::Ok => "ok  ",
                rehearse_app::CheckStatus::Fail => "FAIL",
            };
            println!("{mark} {:<10} {}", c.name, c.detail);
        }
    }
    let failed = checks
        .iter()
        .any(|c| c.status == rehearse_app::CheckStatus::Fail);
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
