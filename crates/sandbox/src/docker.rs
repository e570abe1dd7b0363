//! Finding and talking to the Docker Engine: `DOCKER_HOST` or the platform default, with
//! "not installed", "not running" and "permission denied" told apart.

use crate::error::{Result, SandboxError};
use bollard::Docker;
use serde::Serialize;

/// What the UI shows next to Run: whether code can run, and which Docker answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EngineInfo {
    pub host: String,
    pub version: String,
    pub api_version: String,
}

fn host() -> String {
    std::env::var("DOCKER_HOST")
        .ok()
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| {
            if cfg!(windows) {
                "npipe:////./pipe/docker_engine".into()
            } else {
                "unix:///var/run/docker.sock".into()
            }
        })
}

fn docker_program_installed() -> bool {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(["/usr/sbin".into(), "/usr/local/bin".into()])
        .any(|dir| dir.join("docker").is_file() || dir.join("dockerd").is_file())
}

/// Checks a Unix socket before bollard does, so each failure gets its own code.
#[cfg(unix)]
fn probe_socket(path: &str) -> Result<()> {
    use std::io::ErrorKind;
    match std::os::unix::net::UnixStream::connect(path) {
        Ok(_) => Ok(()),
        Err(e) => match e.kind() {
            ErrorKind::PermissionDenied => Err(SandboxError::DockerPermissionDenied(format!(
                "cannot open {path}: {e}"
            ))),
            ErrorKind::NotFound if !docker_program_installed() => {
                Err(SandboxError::DockerNotInstalled)
            }
            _ => Err(SandboxError::DockerNotRunning(format!("{path}: {e}"))),
        },
    }
}

/// Connects and agrees on an API version with the daemon.
pub async fn connect() -> Result<(Docker, EngineInfo)> {
    let host = host();
    #[cfg(unix)]
    if let Some(path) = host.strip_prefix("unix://") {
        probe_socket(path)?;
    }
    let docker = Docker::connect_with_defaults()
        .map_err(|e| SandboxError::DockerNotRunning(describe(&e)))?;
    let docker = docker.negotiate_version().await.map_err(|e| {
        let text = describe(&e);
        if text.contains("ermission denied") {
            SandboxError::DockerPermissionDenied(text)
        } else {
            SandboxError::DockerNotRunning(text)
        }
    })?;
    let version = docker.version().await?;
    Ok((
        docker,
        EngineInfo {
            host,
            version: version.version.unwrap_or_default(),
            api_version: version.api_version.unwrap_or_default(),
        },
    ))
}

/// A bollard error as one line a person can read.
pub fn describe(e: &bollard::errors::Error) -> String {
    use bollard::errors::Error as E;
    match e {
        E::DockerResponseServerError { message, .. } => message.trim().to_string(),
        other => {
            let mut text = other.to_string();
            let mut source = std::error::Error::source(other);
            while let Some(s) = source {
                text = format!("{text}: {s}");
                source = s.source();
            }
            text
        }
    }
}

pub fn is_not_found(e: &bollard::errors::Error) -> bool {
    matches!(
        e,
        bollard::errors::Error::DockerResponseServerError {
            status_code: 404,
            ..
        }
    )
}
