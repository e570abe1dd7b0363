use rehearse_core::error::{Coded, ErrorBody};
use rehearse_core::ErrorCode;

/// Everything that can stop the sandbox from producing a verdict. A verdict about the
/// candidate's code (wrong answer, time limit, compile error, …) is never an error.
#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    #[error("Docker is not installed. Install Docker Engine (on Debian or Ubuntu: `sudo apt install docker.io`) or Docker Desktop, then press Retry.")]
    DockerNotInstalled,
    #[error("Docker is installed but not running ({0}). Start it (`sudo systemctl start docker`, or open Docker Desktop), then press Retry.")]
    DockerNotRunning(String),
    #[error("You are not allowed to use Docker ({0}). Add yourself to the `docker` group (`sudo usermod -aG docker $USER`, then log out and back in), then press Retry.")]
    DockerPermissionDenied(String),
    #[error("Docker answered with an error: {0}")]
    Docker(String),
    #[error("The runner image `{image}` is not on this machine and could not be downloaded: {reason}. Connect to the internet and press Retry, or choose a local image in Settings → Sandbox (`cargo xtask images` builds them).")]
    ImageUnavailable { image: String, reason: String },
    #[error("The sandbox's cache folder {path} cannot be used: {reason}")]
    Cache { path: String, reason: String },
    #[error("{0}")]
    InvalidInput(String),
    #[error("The sandbox failed unexpectedly: {0}")]
    Internal(String),
    /// A step whose supervisor went silent before saying how the program ended: the
    /// container's doing, not the program's (a judge runs it once more in a fresh container).
    #[error("The sandbox failed unexpectedly: {0}")]
    StepLost(String),
}

impl Coded for SandboxError {
    fn code(&self) -> ErrorCode {
        match self {
            SandboxError::DockerNotInstalled => ErrorCode::DockerNotInstalled,
            SandboxError::DockerNotRunning(_) => ErrorCode::DockerNotRunning,
            SandboxError::DockerPermissionDenied(_) => ErrorCode::DockerPermissionDenied,
            SandboxError::Docker(_) => ErrorCode::DockerError,
            SandboxError::ImageUnavailable { .. } => ErrorCode::ImageUnavailable,
            SandboxError::Cache { .. } => ErrorCode::SandboxCacheUnusable,
            SandboxError::InvalidInput(_) => ErrorCode::InvalidInput,
            SandboxError::Internal(_) | SandboxError::StepLost(_) => ErrorCode::SandboxInternal,
        }
    }
}

impl From<SandboxError> for ErrorBody {
    fn from(e: SandboxError) -> Self {
        ErrorBody::new(e.code(), e.to_string())
    }
}

impl From<bollard::errors::Error> for SandboxError {
    fn from(e: bollard::errors::Error) -> Self {
        SandboxError::Docker(crate::docker::describe(&e))
    }
}

pub type Result<T, E = SandboxError> = std::result::Result<T, E>;
