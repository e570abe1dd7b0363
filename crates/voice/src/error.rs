use rehearse_core::error::Coded;
use rehearse_core::ErrorCode;

#[derive(Debug, thiserror::Error)]
pub enum VoiceError {
    #[error(
        "Cannot reach the voice provider at {url} ({detail}): check your network or the base URL."
    )]
    Unreachable { url: String, detail: String },
    #[error("The voice provider refused the key (HTTP {status}): check it on the Settings page.")]
    Rejected { status: u16 },
    #[error("The voice provider refused the session ({reason}): check the key on the Settings page and the model in config.toml.")]
    SetupRefused { reason: String },
    #[error("The voice connection failed: {0}")]
    Protocol(String),
    #[error("The voice connection is closed.")]
    Closed,
}

impl Coded for VoiceError {
    fn code(&self) -> ErrorCode {
        match self {
            VoiceError::Unreachable { .. } => ErrorCode::ProviderUnreachable,
            VoiceError::Rejected { .. } => ErrorCode::KeyRejected,
            VoiceError::SetupRefused { .. } | VoiceError::Protocol(_) => ErrorCode::ProviderError,
            VoiceError::Closed => ErrorCode::VoiceClosed,
        }
    }
}
