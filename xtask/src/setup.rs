//! Installs what is missing: Debian packages, the UI's npm packages, tauri-driver.

use crate::util::{self, step, Result};
use std::process::Command;

/// Building the app (Tauri 2 on WebKitGTK), testing it headless, and bundling it.
const PACKAGES: &[&str] = &[
    "build-essential",
    "pkg-config",
    "file",
    "libssl-dev",
    "libwebkit2gtk-4.1-dev",
    "libgtk-3-dev",
    "librsvg2-dev",
    "libayatana-appindicator3-dev",
    "libxdo-dev",
    "xvfb",
    "xauth",
    "x11-utils",
    "webkit2gtk-driver",
    "imagemagick",
    "dbus-x11",
    "at-spi2-core",
    "rpm",
    "docker.io",
    "debootstrap",
    "docker-registry",
    // The OS keychain: the Secret Service's client library and GNOME Keyring to test against.
    "libdbus-1-dev",
    "dbus",
    "gnome-keyring",
    // Audio: ALSA headers for cpal, and a headless sound server with virtual devices, speech
    // samples and recording tools for the audio tests.
    "libasound2-dev",
    "pulseaudio",
    "pulseaudio-utils",
    "libasound2-plugins",
    "alsa-utils",
    "espeak-ng",
    "sox",
    // A real LLM for the agents' tests: llama.cpp's server from PyPI, in a virtualenv.
    "python3",
    "python3-venv",
];

pub const TAURI_DRIVER_VERSION: &str = "2.1.0";

pub fn all() -> Result {
    packages()?;
    npm_packages()?;
    tauri_driver()?;
    crate::llm::ensure()?;
    sandbox()
}

/// Docker running and the runner images built (the tests need both).
pub fn sandbox() -> Result {
    crate::docker::ensure_running()?;
    crate::images::build(None)
}

/// For `cargo xtask run`: the app starts without Docker (it says so where code runs), so a
/// sandbox that cannot be set up here is a warning, not a stop.
pub fn for_app() -> Result {
    packages()?;
    npm_packages()?;
    tauri_driver()?;
    if let Err(e) = sandbox() {
        eprintln!("setup: the sandbox is not ready, so Run and Submit will say why: {e}");
    }
    Ok(())
}

fn missing_packages() -> Vec<&'static str> {
    PACKAGES
        .iter()
        .copied()
        .filter(|p| {
            let out = Command::new("dpkg-query")
                .args(["-W", "-f=${Status}", p])
                .output();
            !out.is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
        })
        .collect()
}

fn packages() -> Result {
    if !util::has("dpkg-query") {
        eprintln!(
            "setup: not a Debian-based system; install the equivalents of: {}",
            PACKAGES.join(" ")
        );
        return Ok(());
    }
    let missing = missing_packages();
    if missing.is_empty() {
        eprintln!("setup: system packages: all {} present", PACKAGES.len());
        return Ok(());
    }
    let install = format!(
        "apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends {}",
        missing.join(" ")
    );
    if !util::is_root() {
        return Err(format!(
            "missing system packages; run as root:\n  apt-get update && {install}"
        ));
    }
    step(&format!(
        "installing {} system packages: {}",
        missing.len(),
        missing.join(" ")
    ));
    let apt = |args: &str| {
        let mut c = Command::new("sh");
        c.args(["-c", args])
            .env("DEBIAN_FRONTEND", "noninteractive");
        util::run(c)
    };
    apt("apt-get -o DPkg::Lock::Timeout=900 update -qq")?;
    apt(&install)
}

fn npm_packages() -> Result {
    let ui = util::root().join("ui");
    let stamp = ui.join("node_modules/.package-lock.json");
    let lock = ui.join("package-lock.json");
    let fresh = match (
        std::fs::metadata(&stamp).and_then(|m| m.modified()),
        std::fs::metadata(&lock).and_then(|m| m.modified()),
    ) {
        (Ok(installed), Ok(locked)) => installed >= locked,
        _ => false,
    };
    if fresh {
        eprintln!("setup: ui/node_modules: up to date");
        return Ok(());
    }
    // Not `npm ci`: npm 11 writes lockfiles without other platforms' optional packages and
    // then its own `npm ci` refuses them (npm/cli#8726, #4828). `npm install` installs
    // exactly what the committed lockfile pins and leaves it unchanged.
    step("installing the UI's npm packages (npm install, from package-lock.json)");
    util::npm(&["install", "--no-audit", "--no-fund"])
}

fn cargo_home() -> std::path::PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".cargo")))
        .unwrap_or_default()
}

pub fn tauri_driver_path() -> std::path::PathBuf {
    cargo_home().join("bin/tauri-driver")
}

/// tauri-driver has no `--version`; cargo's record of installed crates says which is there.
fn tauri_driver() -> Result {
    let record = std::fs::read_to_string(cargo_home().join(".crates.toml")).unwrap_or_default();
    let pinned = format!("\"tauri-driver {TAURI_DRIVER_VERSION} ");
    if tauri_driver_path().is_file() && record.contains(&pinned) {
        eprintln!("setup: tauri-driver {TAURI_DRIVER_VERSION}: present");
        return Ok(());
    }
    step(&format!("installing tauri-driver {TAURI_DRIVER_VERSION}"));
    util::cargo(&[
        "install",
        "tauri-driver",
        "--version",
        TAURI_DRIVER_VERSION,
        "--locked",
    ])
}

/// Builds the UI into ui/dist (the desktop crate embeds it at compile time).
pub fn build_ui() -> Result {
    step("building the UI (vite)");
    util::npm(&["run", "--silent", "build"])
}
