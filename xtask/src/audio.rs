//! A private, headless PulseAudio for the audio tests: a virtual speaker (`spk`) and a virtual
//! microphone (`micsink.monitor`, fed with `paplay -d micsink`). It runs under its own runtime
//! folder, so a developer's own sound server is left alone; the tests reach it through
//! `PULSE_SERVER`, and ALSA's default device goes through it.

use crate::util::{self, step, Result};
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn runtime_dir() -> PathBuf {
    std::env::temp_dir().join("rehearse-pulse")
}

/// Starts the server if it does not answer, and points this process (and so every test it
/// runs) at it.
pub fn ensure_running() -> Result {
    let dir = runtime_dir();
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700));
    }
    let server = format!("unix:{}", dir.join("pulse/native").display());
    // xtask is single-threaded here: setting the environment is safe.
    std::env::set_var("XDG_RUNTIME_DIR", &dir);
    std::env::set_var("PULSE_SERVER", &server);
    if answers() {
        return keep_awake();
    }
    step("starting a headless PulseAudio with a virtual speaker and microphone");
    let config = util::root().join("tests/audio/pulse.pa");
    let status = Command::new("pulseaudio")
        .args([
            "--daemonize=yes",
            "--exit-idle-time=-1",
            "--disallow-exit=yes",
            "-n",
        ])
        .arg(format!("--file={}", config.display()))
        .arg(format!(
            "--log-target=file:{}",
            dir.join("pulse.log").display()
        ))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map_err(|e| format!("cannot start pulseaudio (run `cargo xtask setup`): {e}"))?;
    if !status.success() {
        return Err(format!(
            "pulseaudio did not start ({status}); see {}",
            dir.join("pulse.log").display()
        ));
    }
    for _ in 0..50 {
        if answers() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    if !answers() {
        return Err("pulseaudio started but does not answer".into());
    }
    keep_awake()
}

/// A null sink only wakes every 2 s unless someone asks for low latency, which would cut the
/// first ~1.7 s of every capture: keep a low-latency stream of silence on each (once).
fn keep_awake() -> Result {
    let inputs = Command::new("pactl")
        .args(["list", "short", "sink-inputs"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).lines().count())
        .unwrap_or(0);
    if inputs >= 2 {
        return Ok(());
    }
    for sink in ["spk", "micsink"] {
        Command::new("sh")
            .args([
                "-c",
                &format!("exec pacat --playback -d {sink} --latency-msec=20 --format=s16le --rate=48000 --channels=2 < /dev/zero"),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start pacat: {e}"))?;
    }
    // A freshly woken null sink finishes its 2 s block first.
    std::thread::sleep(std::time::Duration::from_secs(2));
    Ok(())
}

fn answers() -> bool {
    Command::new("pactl")
        .arg("info")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}
