//! `cargo xtask test`: every check CI runs, in order, stopping at the first failure.

use crate::util::{self, step, Result};
use crate::{bundle, e2e, setup};

pub fn all() -> Result {
    let started = std::time::Instant::now();
    setup::all()?;
    setup::build_ui()?;

    step("rustfmt");
    util::cargo(&["fmt", "--all", "--", "--check"])?;
    step("clippy (warnings are errors)");
    util::cargo(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ])?;
    crate::audio::ensure_running()?;
    step("Rust tests (includes the generated-bindings drift check)");
    util::cargo(&["test", "--workspace", "--exclude", "rehearse-e2e"])?;
    step("timing-sensitive tests, each alone (measured growth on a machine kept busy by the test itself)");
    util::cargo(&[
        "test",
        "-p",
        "rehearse-sandbox",
        "--test",
        "sandbox",
        "--",
        "--ignored",
        "--test-threads=1",
    ])?;

    step("a real local model (SmolLM2 on llama.cpp's server): a text interview and an observer pass, alone");
    let mut local =
        std::process::Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    local
        .args([
            "test",
            "-p",
            "rehearse-app",
            "--test",
            "app",
            "local_model::",
            "--",
            "--ignored",
        ])
        .env("REHEARSE_LLM_DIR", crate::llm::dir())
        .current_dir(util::root());
    util::run(local)?;

    secret_service()?;

    step("UI: type check and unit tests");
    util::npm(&["run", "--silent", "check"])?;
    util::npm(&["run", "--silent", "test"])?;

    e2e::run(None)?;

    let deb = bundle::build()?;
    bundle::install_smoke(&deb)?;

    eprintln!("\nxtask: every check passed in {:.0?}", started.elapsed());
    Ok(())
}

/// The keychain tests that need a Secret Service: GNOME Keyring, unlocked, on a private session
/// bus, keeping its keyring in a temporary folder.
fn secret_service() -> Result {
    step("keychain: the Secret Service (GNOME Keyring on a private session bus)");
    let home = std::env::temp_dir().join(format!("rehearse-keyring-{}", std::process::id()));
    std::fs::create_dir_all(&home).map_err(|e| e.to_string())?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut cmd = std::process::Command::new("dbus-run-session");
    cmd.args([
        "--",
        "sh",
        "-c",
        "echo -n rehearse | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec \"$0\" test -p rehearse-secrets --test secrets -- --ignored",
        &cargo,
    ])
    .env("XDG_DATA_HOME", &home)
    .current_dir(util::root());
    let result = util::run(cmd);
    let _ = std::fs::remove_dir_all(&home);
    result
}
