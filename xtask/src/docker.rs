//! Docker Engine for the sandbox: start the daemon when none answers.

use crate::util::{self, step, Result};
use std::process::{Command, Stdio};
use std::time::Duration;

fn answers() -> bool {
    Command::new("docker")
        .args(["version", "--format", "{{.Server.Version}}"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

pub fn ensure_running() -> Result {
    if answers() {
        return Ok(());
    }
    if !util::has_path("/usr/sbin/dockerd") && !util::has("dockerd") {
        return Err("Docker Engine is not installed; run `cargo xtask setup` as root".into());
    }
    if !util::is_root() {
        return Err("the Docker daemon is not running; start it (as root: `dockerd &`)".into());
    }
    let log = util::cache_dir().join("dockerd.log");
    step(&format!("starting dockerd (log: {})", log.display()));
    std::fs::create_dir_all(util::cache_dir()).map_err(|e| e.to_string())?;
    let out = std::fs::File::create(&log).map_err(|e| e.to_string())?;
    Command::new("dockerd")
        .stdout(out.try_clone().map_err(|e| e.to_string())?)
        .stderr(out)
        .stdin(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start dockerd: {e}"))?;
    for _ in 0..120 {
        if answers() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    Err(format!(
        "dockerd did not answer within 30 s; see {}",
        log.display()
    ))
}
