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
    step("Rust tests (includes the generated-bindings drift check)");
    util::cargo(&["test", "--workspace", "--exclude", "rehearse-e2e"])?;

    step("UI: type check and unit tests");
    util::npm(&["run", "--silent", "check"])?;
    util::npm(&["run", "--silent", "test"])?;

    e2e::run()?;

    let deb = bundle::build()?;
    bundle::install_smoke(&deb)?;

    eprintln!("\nxtask: every check passed in {:.0?}", started.elapsed());
    Ok(())
}
