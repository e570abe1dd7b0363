use std::path::PathBuf;
use std::process::Command;

pub type Result<T = ()> = std::result::Result<T, String>;

/// The checkout this xtask runs for. `cargo run` sets CARGO_MANIFEST_DIR at run time too; that
/// one wins over the compile-time path, because a target dir shared between checkouts can hand
/// one checkout the xtask binary built in another.
pub fn root() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from)
        .join("..")
        .canonicalize()
        .unwrap_or_else(|_| PathBuf::from(".."))
}

pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), PathBuf::from)
}

pub fn step(what: &str) {
    eprintln!("\n==> {what}");
}

pub fn run(mut cmd: Command) -> Result {
    let shown = format!("{cmd:?}");
    let status = cmd
        .status()
        .map_err(|e| format!("cannot start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

pub fn cargo(args: &[&str]) -> Result {
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.args(args).current_dir(root());
    run(cmd)
}

pub fn npm(args: &[&str]) -> Result {
    let mut cmd = Command::new("npm");
    cmd.args(args).current_dir(root().join("ui"));
    run(cmd)
}

/// Whether a program answers on PATH.
pub fn has(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

pub fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// A TCP port nobody listens on right now.
pub fn free_port() -> Result<u16> {
    let l = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    Ok(l.local_addr().map_err(|e| e.to_string())?.port())
}

/// Waits until something accepts connections on `port`.
pub fn wait_for_port(port: u16, what: &str) -> Result {
    for _ in 0..200 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    Err(format!(
        "{what} did not start listening on port {port} within 10 s"
    ))
}

pub fn has_path(path: &str) -> bool {
    std::path::Path::new(path).exists()
}

/// Caches kept between runs and clones (runner rootfs logs, daemon logs).
pub fn cache_dir() -> PathBuf {
    std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(|| PathBuf::from("/tmp"))
        .join("rehearse")
}
