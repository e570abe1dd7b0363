use rehearse_core::error::Coded;
use rehearse_core::ErrorCode;
use rehearse_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Sandbox(#[from] rehearse_sandbox::SandboxError),
    #[error(transparent)]
    Secrets(#[from] rehearse_secrets::SecretsError),
    #[error(transparent)]
    Voice(#[from] rehearse_voice::VoiceError),
    #[error(transparent)]
    Audio(#[from] rehearse_voice::audio::AudioError),
    #[error(transparent)]
    Agent(#[from] rehearse_agents::AgentError),
    #[error("{0}")]
    InvalidInput(String),
    /// Something needed is not set up (a key, a base URL, a role turned off), with its code.
    #[error("{}", .0.message)]
    Unready(rehearse_core::ErrorBody),
    #[error("Session {0} has ended; `rehearse sessions show {0}` shows its report.")]
    SessionOver(String),
    #[error("`{0}` is not a language Rehearse knows; use one of python, javascript, typescript, java, cpp, go, rust.")]
    UnknownLanguage(String),
}

/// Drops what the failed call spent: record it (`App::record_call`) before converting.
impl From<rehearse_agents::Failed> for AppError {
    fn from(f: rehearse_agents::Failed) -> Self {
        AppError::Agent(f.error)
    }
}

impl Coded for AppError {
    fn code(&self) -> ErrorCode {
        match self {
            AppError::Store(e) => e.code(),
            AppError::Sandbox(e) => e.code(),
            AppError::Secrets(e) => e.code(),
            AppError::Voice(e) => e.code(),
            AppError::Audio(e) => e.code(),
            AppError::Agent(e) => e.code(),
            AppError::InvalidInput(_) => ErrorCode::InvalidInput,
            AppError::Unready(b) => b.code,
            AppError::SessionOver(_) => ErrorCode::SessionOver,
            AppError::UnknownLanguage(_) => ErrorCode::UnknownLanguage,
        }
    }
}

impl From<AppError> for rehearse_core::ErrorBody {
    fn from(e: AppError) -> Self {
        e.body()
    }
}
