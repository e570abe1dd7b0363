/// `println!` for the command's output (see `write_out`).
macro_rules! outln {
    () => { $crate::output::write_out(format_args!(""), true) };
    ($($arg:tt)*) => { $crate::output::write_out(format_args!($($arg)*), true) };
}

/// `print!` for the command's output (see `write_out`).
macro_rules! out {
    ($($arg:tt)*) => { $crate::output::write_out(format_args!($($arg)*), false) };
}

use rehearse_core::error::Coded;
use rehearse_core::ErrorBody;
use serde::Serialize;
use std::process::ExitCode;

/// An error ready to print: its body and the exit code it maps to.
pub struct CliError {
    pub body: ErrorBody,
    pub json: bool,
}

impl CliError {
    pub fn new(e: &impl Coded, json: bool) -> CliError {
        CliError {
            body: e.body(),
            json,
        }
    }
}

/// Exit codes: 2 for "not found", bad input and a sandbox that is not set up (the user can
/// fix the command or the machine), 1 otherwise.
pub fn fail(e: CliError) -> ExitCode {
    if e.json {
        let text =
            serde_json::to_string(&serde_json::json!({ "error": e.body })).unwrap_or_default();
        outln!("{text}");
    } else {
        eprintln!("error[{}]: {}", e.body.code, e.body.message);
    }
    match e.body.code.as_str() {
        "not_found"
        | "unknown_language"
        | "invalid_pack"
        | "invalid_input"
        | "docker_not_installed"
        | "docker_not_running"
        | "docker_permission_denied"
        | "docker_error"
        | "image_unavailable"
        | "sandbox_cache_unusable"
        | "keychain_unavailable"
        | "keychain_locked"
        | "invalid_key"
        | "no_key"
        | "invalid_config" => ExitCode::from(2),
        _ => ExitCode::FAILURE,
    }
}

pub fn print_json<T: Serialize>(value: &T) -> Result<(), CliError> {
    let text = serde_json::to_string_pretty(value).map_err(|e| CliError {
        body: ErrorBody::new("internal", format!("cannot encode the output: {e}")),
        json: true,
    })?;
    outln!("{text}");
    Ok(())
}

/// Writes the command's output. When the reader has gone away (`rehearse … --json | head`),
/// the command ends quietly, as Unix tools do, instead of panicking on the broken pipe.
pub fn write_out(args: std::fmt::Arguments, newline: bool) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let written = out
        .write_fmt(args)
        .and_then(|()| {
            if newline {
                out.write_all(b"\n")
            } else {
                Ok(())
            }
        })
        .and_then(|()| if newline { Ok(()) } else { out.flush() });
    if let Err(e) = written {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
    }
}
