//! `rehearse keys`: provider API keys in the OS keychain. A key is read from stdin (never from
//! the command line, where other users' `ps` would see it) and shown only by its last four
//! characters.

use crate::output::{print_json, CliError};
use clap::{Subcommand, ValueEnum};
use rehearse_app::App;
use rehearse_core::ErrorCode;
use rehearse_secrets::{KeySource, KeyStatus, Provider};
use std::io::BufRead;
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum)]
pub enum ProviderArg {
    Openai,
    Gemini,
    Anthropic,
    Compatible,
}

impl From<ProviderArg> for Provider {
    fn from(p: ProviderArg) -> Provider {
        match p {
            ProviderArg::Openai => Provider::Openai,
            ProviderArg::Gemini => Provider::Gemini,
            ProviderArg::Anthropic => Provider::Anthropic,
            ProviderArg::Compatible => Provider::Compatible,
        }
    }
}

#[derive(Subcommand)]
pub enum KeysCommand {
    /// Which keys are set (last four characters), and which keychain holds them.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Store a key, read from the first line of stdin: `rehearse keys set openai < key.txt`.
    Set {
        provider: ProviderArg,
        #[arg(long)]
        json: bool,
    },
    /// Remove a stored key.
    Remove {
        provider: ProviderArg,
        #[arg(long)]
        json: bool,
    },
    /// Try the key in use with one cheap request to the provider (exit 1 if refused).
    Test {
        provider: ProviderArg,
        #[arg(long)]
        json: bool,
    },
}

fn describe(s: &KeyStatus) -> String {
    match (&s.last4, s.source) {
        (Some(last4), Some(KeySource::Env)) => {
            format!(
                "set …{last4} (from {})",
                s.env_var.as_deref().unwrap_or("the environment")
            )
        }
        (Some(last4), _) => format!("set …{last4}"),
        _ => "not set".into(),
    }
}

fn print_status(status: &KeyStatus, json: bool) -> Result<ExitCode, CliError> {
    if json {
        print_json(status)?;
    } else {
        outln!("{}: {}", status.label, describe(status));
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run(command: KeysCommand) -> Result<ExitCode, CliError> {
    let json = matches!(
        command,
        KeysCommand::List { json: true }
            | KeysCommand::Set { json: true, .. }
            | KeysCommand::Remove { json: true, .. }
            | KeysCommand::Test { json: true, .. }
    );
    let app = App::open().map_err(|e| CliError::new(&e, json))?;
    let fail = |e: rehearse_app::AppError| CliError::new(&e, json);
    match command {
        KeysCommand::List { json } => {
            let view = app.keys();
            if json {
                print_json(&view)?;
            } else {
                match (&view.keychain, &view.keychain_error) {
                    (Some(b), _) => outln!("keychain: {}", b.label()),
                    (None, Some(e)) => outln!("keychain: none — {}", e.message),
                    (None, None) => {}
                }
                for k in &view.keys {
                    outln!("{:<28} {}", k.label, describe(k));
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        KeysCommand::Set { provider, json } => {
            let mut line = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut line)
                .map_err(|e| CliError {
                    body: rehearse_core::ErrorBody::new(
                        ErrorCode::InvalidInput,
                        format!("cannot read the key from stdin: {e}"),
                    ),
                    json,
                })?;
            print_status(&app.set_key(provider.into(), &line).map_err(fail)?, json)
        }
        KeysCommand::Remove { provider, json } => {
            print_status(&app.remove_key(provider.into()).map_err(fail)?, json)
        }
        KeysCommand::Test { provider, json } => {
            let check = crate::sandbox::runtime(json)?
                .block_on(app.check_key(provider.into()))
                .map_err(fail)?;
            if json {
                print_json(&check)?;
            } else {
                let mark = if check.ok { "ok  " } else { "FAIL" };
                outln!("{mark} {} ({} ms)", check.message, check.latency_ms);
            }
            Ok(if check.ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
    }
}
