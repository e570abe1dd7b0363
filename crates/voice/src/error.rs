use rehearse_core::error::Coded;

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
    fn code(&self) -> &'static str {
        match self {
            VoiceError::Unreachable { .. } => "provider_unreachable",
            VoiceError::Rejected { .. } => "key_rejected",
            VoiceError::SetupRefused { .. } | VoiceError::Protocol(_) => "provider_error",
            VoiceError::Closed => "voice_closed",
        }
    }
}
