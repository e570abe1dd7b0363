//! Installers (.deb, .rpm) through the npm Tauri CLI, icons from one SVG, and the smoke test
//! that installs the .deb and starts the installed app under Xvfb.

use crate::e2e;
use crate::util::{self, step, Result};
use std::path::PathBuf;
use std::process::Command;

fn tauri_cli(args: &[&str]) -> Result {
    let cli = util::root().join("ui/node_modules/.bin/tauri");
    let mut cmd = Command::new(cli);
    cmd.args(args).current_dir(util::root());
    util::run(cmd)
}

/// A release build of the desktop app as the installers ship it, without bundling.
pub fn release_binary() -> Result<PathBuf> {
    crate::setup::build_ui()?;
    step("release build of the desktop app");
    tauri_cli(&["build", "--no-bundle", "--ci"])?;
    Ok(util::target_dir().join("release/rehearse-desktop"))
}

/// Builds the .deb and .rpm; returns the .deb's path.
pub fn build() -> Result<PathBuf> {
    crate::setup::build_ui()?;
    step("bundling .deb and .rpm (tauri build)");
    tauri_cli(&["build", "--bundles", "deb,rpm", "--ci"])?;
    let dir = util::target_dir().join("release/bundle");
    let find = |sub: &str, ext: &str| -> Result<PathBuf> {
        std::fs::read_dir(dir.join(sub))
            .map_err(|e| format!("no {sub} bundle in {}: {e}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.extension().is_some_and(|x| x == ext))
            .ok_or_else(|| format!("no .{ext} file in {}", dir.join(sub).display()))
    };
    let deb = find("deb", "deb")?;
    let rpm = find("rpm", "rpm")?;
    for f in [&deb, &rpm] {
        let size = std::fs::metadata(f).map(|m| m.len()).unwrap_or(0);
        eprintln!(
            "bundle: {} ({:.1} MiB)",
            f.display(),
            size as f64 / 1048576.0
        );
    }
    Ok(deb)
}

/// Installs the .deb with dpkg and starts the installed binary in smoke mode under Xvfb.
pub fn install_smoke(deb: &std::path::Path) -> Result {
    step("installer smoke test: dpkg -i, then start the installed app under Xvfb");
    if !util::is_root() {
        return Err("the installer smoke test installs a package and needs root".into());
    }
    let mut dpkg = Command::new("dpkg");
    dpkg.arg("-i").arg(deb);
    util::run(dpkg)?;
    let (_x, display) = e2e::xvfb()?;
    let data = std::env::temp_dir().join(format!("rehearse-smoke-{}", std::process::id()));
    let out = Command::new("/usr/bin/rehearse-desktop")
        .arg("--smoke")
        .env("DISPLAY", &display)
        .env("REHEARSE_DATA_DIR", &data)
        .output()
        .map_err(|e| format!("cannot start the installed app: {e}"))?;
    let _ = std::fs::remove_dir_all(&data);
    let stdout = String::from_utf8_lossy(&out.stdout);
    if out.status.success() && stdout.contains("smoke: library rendered") {
        eprintln!("installer: {}", stdout.trim());
        Ok(())
    } else {
        Err(format!(
            "the installed app failed its smoke test ({}):\n{stdout}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// Regenerates the PNG icons from icons/rehearse.svg (RGBA, as Tauri requires).
pub fn icons() -> Result {
    let dir = util::root().join("icons");
    for (size, name) in [
        (32, "32x32.png"),
        (128, "128x128.png"),
        (256, "128x128@2x.png"),
        (512, "icon.png"),
    ] {
        let mut c = Command::new("convert");
        c.args(["-background", "none", "-density", "300"])
            .arg(dir.join("rehearse.svg"))
            .args(["-resize", &format!("{size}x{size}")])
            .arg(format!("PNG32:{}", dir.join(name).display()));
        util::run(c)?;
    }
    eprintln!("icons: regenerated in {}", dir.display());
    Ok(())
}
