//! Which image each language runs in, the limits every run gets, and the warm pool's size.
//! Defaults, overridden by `[sandbox]` in config.toml, then by the settings page (images),
//! then by environment variables.

use crate::error::{Result, SandboxError};
use rehearse_core::Language;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The public official images used when nothing else is configured.
pub fn default_image(lang: Language) -> &'static str {
    match lang {
        Language::Python => "python:3.12-slim",
        Language::Javascript => "node:22-slim",
        Language::Typescript => "node:22-slim",
        Language::Java => "eclipse-temurin:21-jdk",
        Language::Cpp => "gcc:14",
        Language::Go => "golang:1.23",
        Language::Rust => "rust:1.83-slim",
    }
}

/// Images `cargo xtask images` builds from a Debian rootfs, for machines with no registry.
pub fn local_image(lang: Language) -> String {
    include_str!("../runners/local-images.txt")
        .lines()
        .map(str::split_whitespace)
        .find_map(|mut words| {
            (words.next() == Some(lang.id()))
                .then(|| words.next())
                .flatten()
                .map(String::from)
        })
        .unwrap_or_else(|| default_image(lang).to_string())
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Whole Run (examples and custom input), from the first test to the last.
    pub run_wall_ms: u64,
    /// Whole Submit.
    pub submit_wall_ms: u64,
    /// A raw program run (the playground).
    pub exec_wall_ms: u64,
    /// Compilation, under the same sandbox.
    pub compile_ms: u64,
    pub memory_mb: u64,
    pub cpus: f64,
    pub pids: i64,
    /// Size of each of the two tmpfs mounts (/work and /tmp).
    pub tmpfs_mb: u64,
    pub nofile: i64,
    /// The largest file a program may write (compilers included).
    pub fsize_mb: i64,
    /// Everything a run may print, all tests together.
    pub output_bytes: u64,
    /// What is kept of each test's stdout and stderr to show.
    pub shown_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            run_wall_ms: 5_000,
            submit_wall_ms: 15_000,
            exec_wall_ms: 5_000,
            compile_ms: 30_000,
            memory_mb: 512,
            cpus: 1.0,
            pids: 64,
            tmpfs_mb: 64,
            nofile: 256,
            fsize_mb: 64,
            output_bytes: 1 << 20,
            shown_bytes: 16 << 10,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PoolConfig {
    /// Containers kept started per language that is warm.
    pub size: u32,
    /// A pooled container nobody claims removes itself after this long.
    pub idle_timeout_s: u64,
    /// Rehearse's containers on this machine, all languages and processes together.
    pub max_containers: u32,
}

impl Default for PoolConfig {
    fn default() -> Self {
        PoolConfig {
            size: 2,
            idle_timeout_s: 600,
            max_containers: 12,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SandboxConfig {
    /// Image per language id (`python`, `cpp`, …); missing ones use the defaults.
    pub images: BTreeMap<String, String>,
    pub limits: Limits,
    pub pool: PoolConfig,
}

impl SandboxConfig {
    pub fn image(&self, lang: Language) -> String {
        self.images
            .get(lang.id())
            .filter(|s| !s.trim().is_empty())
            .cloned()
            .unwrap_or_else(|| default_image(lang).to_string())
    }

    /// Reads the `[sandbox]` table of a config.toml; a file without one gives the defaults.
    pub fn from_toml(text: &str) -> Result<SandboxConfig> {
        #[derive(Deserialize)]
        struct File {
            #[serde(default)]
            sandbox: SandboxConfig,
        }
        let file: toml::Table = toml::from_str(text)
            .map_err(|e| SandboxError::InvalidInput(format!("config.toml: {e}")))?;
        let sandbox = file
            .get("sandbox")
            .cloned()
            .unwrap_or(toml::Value::Table(Default::default()));
        let file = File {
            sandbox: sandbox
                .try_into()
                .map_err(|e| SandboxError::InvalidInput(format!("config.toml [sandbox]: {e}")))?,
        };
        Ok(file.sandbox)
    }

    /// `REHEARSE_IMAGE_<LANG>` (e.g. `REHEARSE_IMAGE_CPP`), `REHEARSE_LOCAL_IMAGES=1` (every
    /// language uses the image `cargo xtask images` builds), `REHEARSE_POOL_SIZE`,
    /// `REHEARSE_POOL_IDLE_S`, `REHEARSE_POOL_MAX`.
    pub fn apply_env(&mut self, get: impl Fn(&str) -> Option<String>) -> Result<()> {
        if get("REHEARSE_LOCAL_IMAGES").is_some_and(|v| v == "1") {
            for lang in Language::ALL {
                self.images.insert(lang.id().into(), local_image(lang));
            }
        }
        for lang in Language::ALL {
            let var = format!("REHEARSE_IMAGE_{}", lang.id().to_uppercase());
            if let Some(image) = get(&var).filter(|v| !v.trim().is_empty()) {
                self.images.insert(lang.id().into(), image);
            }
        }
        let number = |var: &str| -> Result<Option<u64>> {
            get(var)
                .map(|v| {
                    v.trim().parse::<u64>().map_err(|_| {
                        SandboxError::InvalidInput(format!("{var}={v} is not a whole number"))
                    })
                })
                .transpose()
        };
        if let Some(n) = number("REHEARSE_POOL_SIZE")? {
            self.pool.size = u32::try_from(n).unwrap_or(u32::MAX);
        }
        if let Some(n) = number("REHEARSE_POOL_IDLE_S")? {
            self.pool.idle_timeout_s = n.max(30);
        }
        if let Some(n) = number("REHEARSE_POOL_MAX")? {
            self.pool.max_containers = u32::try_from(n).unwrap_or(u32::MAX);
        }
        Ok(())
    }
}
