use crate::Provider;
use rehearse_core::error::Coded;
use rehearse_core::ErrorCode;

#[derive(Debug, thiserror::Error)]
pub enum SecretsError {
    #[error("No OS keychain is available ({detail}). Rehearse keeps API keys only in the keychain: start a Secret Service (GNOME Keyring or KWallet) in your session, or set the provider's environment variable (e.g. OPENAI_API_KEY) instead.")]
    Unavailable { detail: String },
    #[error(
        "The keychain refused access ({detail}). Unlock it (your login keyring) and try again."
    )]
    Locked { detail: String },
    #[error("The keychain failed: {detail}")]
    Failure { detail: String },
    #[error("The key is empty: paste the whole key.")]
    EmptyKey,
    #[error("The key contains spaces or line breaks: paste the key alone.")]
    MalformedKey,
    #[error("No {} key is set. Add one on the Settings page, with `rehearse keys set {}`, or in {}.", .0.label(), .0.id(), .0.env_var().unwrap_or("the environment"))]
    NoKey(Provider),
    #[error("Unknown keychain `{0}`: use auto, secret-service or kernel.")]
    UnknownBackend(String),
}

impl Coded for SecretsError {
    fn code(&self) -> ErrorCode {
        match self {
            SecretsError::Unavailable { .. } => ErrorCode::KeychainUnavailable,
            SecretsError::Locked { .. } => ErrorCode::KeychainLocked,
            SecretsError::Failure { .. } => ErrorCode::KeychainError,
            SecretsError::EmptyKey | SecretsError::MalformedKey => ErrorCode::InvalidKey,
            SecretsError::NoKey(_) => ErrorCode::NoKey,
            SecretsError::UnknownBackend(_) => ErrorCode::InvalidConfig,
        }
    }
}
