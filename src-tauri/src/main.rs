//! The Rehearse desktop app: a Tauri 2 window over the shared use-cases in `rehearse-app`.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod bindings;
mod commands;
mod shell;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--write-bindings") {
        return bindings::write_from_args(&args);
    }
    shell::run(shell::Options {
        smoke: args.iter().find_map(|a| match a.as_str() {
            "--smoke" => Some("library".to_string()),
            _ => a.strip_prefix("--smoke=").map(str::to_string),
        }),
    })
}
