//! Shared by the sandbox tests: a sandbox on the local runner images, and the library.

#![allow(dead_code)]

use rehearse_core::library;
use rehearse_core::run::{RunMode, RunReport};
use rehearse_core::{Language, Problem};
use rehearse_sandbox::{JudgeRequest, Sandbox, SandboxConfig};
use std::path::PathBuf;
use std::sync::OnceLock;

pub fn repo() -> PathBuf {
    std::path::PathBuf::from(
        std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into()),
    )
    .join("../..")
}

pub fn library() -> &'static Vec<Problem> {
    static LIB: OnceLock<Vec<Problem>> = OnceLock::new();
    LIB.get_or_init(|| {
        let raws = library::read_dir(&repo().join("problems")).expect("problems/ readable");
        library::parse_all(&raws).expect("library valid")
    })
}

pub fn problem(slug: &str) -> Problem {
    library()
        .iter()
        .find(|p| p.slug == slug)
        .cloned()
        .unwrap_or_else(|| panic!("no problem {slug}"))
}

/// The reference solution shipped with the problem, by file extension.
pub fn solution(p: &Problem, ext: &str) -> String {
    let lang = Language::from_extension(ext).expect("known extension");
    p.solutions
        .get(&lang)
        .cloned()
        .unwrap_or_else(|| panic!("{} has no {ext} solution", p.slug))
}

pub fn config() -> SandboxConfig {
    let mut config = SandboxConfig::default();
    config
        .apply_env(|k| {
            if k == "REHEARSE_LOCAL_IMAGES" {
                Some("1".into())
            } else {
                std::env::var(k).ok()
            }
        })
        .expect("sandbox env");
    config.pool.size = 1;
    // Tests run side by side; the machine-wide cap would make their pools depend on each other.
    config.pool.max_containers = 200;
    config
}

pub async fn sandbox() -> Sandbox {
    sandbox_with(config()).await
}

pub async fn sandbox_with(config: SandboxConfig) -> Sandbox {
    let cache = std::env::temp_dir().join(format!("rehearse-sandbox-tests-{}", std::process::id()));
    Sandbox::connect(config, cache)
        .await
        .expect("Docker answers (cargo xtask setup starts it)")
}

pub fn request(p: &Problem, lang: Language, code: &str, mode: RunMode) -> JudgeRequest {
    JudgeRequest::new(p.into(), lang, code, mode)
}

pub async fn submit(sb: &Sandbox, p: &Problem, lang: Language, code: &str) -> RunReport {
    sb.judge(&request(p, lang, code, RunMode::Submit), &|_| {})
        .await
        .expect("the sandbox runs")
}

pub async fn run(sb: &Sandbox, p: &Problem, lang: Language, code: &str) -> RunReport {
    sb.judge(&request(p, lang, code, RunMode::Run), &|_| {})
        .await
        .expect("the sandbox runs")
}
