//! `cargo xtask images`: builds the sandbox's runner images from a Debian rootfs
//! (debootstrap + `docker import`) on machines that cannot pull from a registry. Images that
//! already exist are kept.

use crate::util::{self, step, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Runner {
    pub language: String,
    pub tag: String,
    pub packages: Vec<String>,
}

/// The list shared with the sandbox crate, which points its tests at these tags.
pub fn runners() -> Result<Vec<Runner>> {
    let path = util::root().join("crates/sandbox/runners/local-images.txt");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut words = l.split_whitespace().map(String::from);
            Some(Runner {
                language: words.next()?,
                tag: words.next()?,
                packages: words.collect(),
            })
        })
        .collect())
}

pub fn build(only: Option<&str>) -> Result {
    crate::docker::ensure_running()?;
    for runner in runners()? {
        if only.is_some_and(|l| l != runner.language) {
            continue;
        }
        if image_exists(&runner.tag) {
            eprintln!("images: {} present", runner.tag);
            continue;
        }
        build_one(&runner)?;
    }
    Ok(())
}

pub fn image_exists(tag: &str) -> bool {
    Command::new("docker")
        .args(["image", "inspect", "--format", "{{.Id}}", tag])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The Debian mirror apt already uses (deb822 or one-line sources).
fn mirror() -> String {
    let mut files: Vec<PathBuf> = std::fs::read_dir("/etc/apt/sources.list.d")
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    files.insert(0, PathBuf::from("/etc/apt/sources.list"));
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for line in text.lines().map(str::trim) {
            let url = line
                .strip_prefix("URIs:")
                .map(str::trim)
                .or_else(|| {
                    line.strip_prefix("deb ")
                        .and_then(|rest| rest.split_whitespace().find(|w| w.contains("://")))
                })
                .and_then(|u| u.split_whitespace().next());
            if let Some(url) = url.filter(|u| !u.contains("security")) {
                return url.to_string();
            }
        }
    }
    "http://deb.debian.org/debian".to_string()
}

fn build_one(runner: &Runner) -> Result {
    step(&format!(
        "building {} from a Debian rootfs ({})",
        runner.tag,
        runner.packages.join(", ")
    ));
    let cache = util::cache_dir().join("rootfs");
    std::fs::create_dir_all(&cache).map_err(|e| e.to_string())?;
    let dir = cache.join(&runner.language);
    if dir.exists() {
        std::fs::remove_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let mut debootstrap = Command::new("debootstrap");
    debootstrap
        .arg("--variant=minbase")
        .arg(format!("--include={}", runner.packages.join(",")))
        .args(["bookworm", &dir.to_string_lossy(), &mirror()]);
    let log = cache.join(format!("{}.log", runner.language));
    let out = std::fs::File::create(&log).map_err(|e| e.to_string())?;
    debootstrap.stdout(out.try_clone().map_err(|e| e.to_string())?);
    debootstrap.stderr(out);
    util::run(debootstrap).map_err(|e| format!("{e}; see {}", log.display()))?;
    trim(&dir);
    let mut import = Command::new("sh");
    import.arg("-c").arg(format!(
        "tar -C '{}' -c . | docker import --change 'ENV LANG=C.UTF-8' - '{}'",
        dir.display(),
        runner.tag
    ));
    util::run(import)?;
    std::fs::remove_dir_all(&dir).map_err(|e| e.to_string())
}

/// Drops what a runner never needs. (Debian's JDK already ships its class-data archive,
/// which is what makes the JVM start fast.)
fn trim(dir: &Path) {
    for sub in [
        "var/cache/apt/archives",
        "var/lib/apt/lists",
        "usr/share/doc",
        "usr/share/man",
    ] {
        let _ = std::fs::remove_dir_all(dir.join(sub));
    }
}
