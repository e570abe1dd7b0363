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
        println!("{text}");
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
    println!("{text}");
    Ok(())
}
