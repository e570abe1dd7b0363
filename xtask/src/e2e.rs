//! Desktop end-to-end tests: the real app in WebKitGTK under Xvfb, driven through
//! tauri-driver and WebKitWebDriver by the `rehearse-e2e` test crate.

use crate::setup;
use crate::util::{self, step, Result};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// A child process killed when dropped.
pub struct Guard(pub Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts Xvfb on a free display; returns the guard and the DISPLAY value.
pub fn xvfb() -> Result<(Guard, String)> {
    let n = (90..200)
        .find(|n| {
            !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
        })
        .ok_or("no free X display number between :90 and :199")?;
    let display = format!(":{n}");
    let child = Command::new("Xvfb")
        .args([
            display.as_str(),
            "-screen",
            "0",
            "1280x800x24",
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start Xvfb (run `cargo xtask setup`): {e}"))?;
    let guard = Guard(child);
    let socket = PathBuf::from(format!("/tmp/.X11-unix/X{n}"));
    for _ in 0..100 {
        if socket.exists() {
            return Ok((guard, display));
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    Err(format!(
        "Xvfb did not create {} within 5 s",
        socket.display()
    ))
}

/// Xvfb and tauri-driver serving `app`, whose data lives in `data`; both stop when dropped.
pub struct Driver {
    _x: Guard,
    _driver: Guard,
    /// What the `rehearse-e2e` crate needs to reach them.
    pub env: Vec<(&'static str, String)>,
}

pub fn driver(app: &Path, data: &Path) -> Result<Driver> {
    let (x, display) = xvfb()?;
    let port = util::free_port()?;
    let native = util::free_port()?;
    let provider = util::free_port()?;
    let driver = Command::new(setup::tauri_driver_path())
        .args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native.to_string(),
        ])
        .env("DISPLAY", &display)
        .env("REHEARSE_DATA_DIR", data)
        .env("REHEARSE_CONFIG_DIR", data.join("config"))
        // WebKitWebDriver stalls after capturing a page when the app renders without GPU
        // compositing (its Linux default); people using the app are not affected. The
        // installer smoke test and `cargo xtask bench startup|history` run the default mode.
        .env("REHEARSE_GPU_COMPOSITING", "1")
        // The runner images `cargo xtask images` builds (no registry here).
        .env("REHEARSE_LOCAL_IMAGES", "1")
        // Keys in the kernel keyring under a name of this run's own; OpenAI is a fake the
        // tests serve on `provider`.
        .env("REHEARSE_KEYCHAIN", "kernel")
        .env(
            "REHEARSE_KEYCHAIN_SERVICE",
            format!("app.rehearse.e2e-{}", std::process::id()),
        )
        .env(
            "REHEARSE_OPENAI_BASE_URL",
            format!("http://127.0.0.1:{provider}/v1"),
        )
        .env_remove("OPENAI_API_KEY")
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start tauri-driver (run `cargo xtask setup`): {e}"))?;
    let driver = Guard(driver);
    util::wait_for_port(port, "tauri-driver")?;
    let shots = util::target_dir().join("e2e");
    std::fs::create_dir_all(&shots).map_err(|e| e.to_string())?;
    Ok(Driver {
        _x: x,
        _driver: driver,
        env: vec![
            ("REHEARSE_E2E_WEBDRIVER", format!("http://127.0.0.1:{port}")),
            ("REHEARSE_E2E_APP", app.display().to_string()),
            ("REHEARSE_E2E_SHOTS", shots.display().to_string()),
            ("REHEARSE_E2E_PROVIDER_PORT", provider.to_string()),
            ("DISPLAY", display),
        ],
    })
}

/// `cargo <args>` in the workspace with the driver's environment.
pub fn cargo_with(driver: &Driver, args: &[&str]) -> Result {
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.args(args)
        .current_dir(util::root())
        .envs(driver.env.iter().map(|(k, v)| (*k, v)));
    util::run(cmd)
}

/// Every end-to-end test, or those whose name contains `filter`.
pub fn run(filter: Option<&str>) -> Result {
    step("desktop end-to-end tests (Xvfb + tauri-driver + WebKitWebDriver)");
    // The voice interview test speaks into the virtual microphone.
    crate::audio::ensure_running()?;
    util::cargo(&["build", "-p", "rehearse-desktop"])?;
    let app = util::target_dir().join("debug/rehearse-desktop");
    let data = std::env::temp_dir().join(format!("rehearse-e2e-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    let driver = driver(&app, &data)?;
    let mut args = vec!["test", "-p", "rehearse-e2e", "--", "--test-threads=1"];
    args.extend(filter);
    let result = cargo_with(&driver, &args);
    let _ = std::fs::remove_dir_all(&data);
    result?;
    eprintln!(
        "e2e: screenshots in {}",
        util::target_dir().join("e2e").display()
    );
    Ok(())
}
