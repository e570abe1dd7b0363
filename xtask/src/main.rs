//! `cargo xtask <command>`: the only place that installs system packages and starts the
//! services tests need (Xvfb, tauri-driver). Every step prints what it does and skips what is
//! already done.

mod audio;
mod bench;
mod bundle;
mod docker;
mod e2e;
mod images;
mod llm;
mod setup;
mod test;
mod util;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  setup       install what building, testing and bundling need (idempotent)
  run         set up, build the UI and launch the desktop app
  test        set up, then run every check (fmt, clippy, Rust tests, UI tests, bindings, e2e, installer)
  e2e         [filter] only the desktop end-to-end tests (Xvfb + tauri-driver)
  bench       [search|startup|sandbox|sessions|history|all] measure search, app start, memory, sandbox, sessions, history view
  images      [LANG] build the sandbox's runner images from a Debian rootfs (kept once built)
  bundle      build the .deb and .rpm installers
  bindings    regenerate ui/src/bindings from the Rust command list
  icons       regenerate icons/*.png from icons/rehearse.svg";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::all(),
        Some("run") => run(),
        Some("test") => test::all(),
        Some("e2e") => setup::build_ui().and_then(|()| e2e::run(args.get(1).map(String::as_str))),
        Some("bench") => bench::run(args.get(1).map_or("all", String::as_str)),
        Some("images") => images::build(args.get(1).map(String::as_str)),
        Some("bundle") => bundle::build().map(|_| ()),
        Some("bindings") => bindings(),
        Some("icons") => bundle::icons(),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> util::Result {
    setup::for_app()?;
    setup::build_ui()?;
    util::cargo(&["build", "-p", "rehearse-desktop"])?;
    let bin = util::target_dir().join("debug/rehearse-desktop");
    util::step(&format!("launching {}", bin.display()));
    let mut app = std::process::Command::new(bin);
    // The runner images setup built work offline; without them the app pulls the public ones.
    let local = images::runners()?
        .iter()
        .all(|r| images::image_exists(&r.tag));
    if local && std::env::var_os("REHEARSE_LOCAL_IMAGES").is_none() {
        app.env("REHEARSE_LOCAL_IMAGES", "1");
    }
    util::run(app)
}

fn bindings() -> util::Result {
    setup::build_ui()?;
    let dir = util::root().join("ui/src/bindings");
    util::cargo(&[
        "run",
        "--quiet",
        "-p",
        "rehearse-desktop",
        "--",
        "--write-bindings",
        &dir.to_string_lossy(),
    ])
}
