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
use rehearse_core::{ErrorBody, ErrorCode};
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

/// Prints the error; the exit status comes from its code ([`ErrorCode::exit_status`]).
pub fn fail(e: CliError) -> ExitCode {
    if e.json {
        let text =
            serde_json::to_string(&serde_json::json!({ "error": e.body })).unwrap_or_default();
        outln!("{text}");
    } else {
        eprintln!("error[{}]: {}", e.body.code, e.body.message);
    }
    ExitCode::from(e.body.code.exit_status())
}

pub fn print_json<T: Serialize>(value: &T) -> Result<(), CliError> {
    let text = serde_json::to_string_pretty(value).map_err(|e| CliError {
        body: ErrorBody::new(
            ErrorCode::Internal,
            format!("cannot encode the output: {e}"),
        ),
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
