use rehearse_core::error::Coded;
use rehearse_core::ErrorCode;
use std::time::Duration;

/// Why a call to a model failed. Every variant maps to one stable [`ErrorCode`].
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AgentError {
    #[error("{provider} refused the key (HTTP {status}): check that it was copied whole and is still active.")]
    KeyRejected { provider: String, status: u16 },
    #[error("{provider} asks to slow down{}", retry_hint(.retry_after, *.spend_limit))]
    RateLimited {
        provider: String,
        retry_after: Option<Duration>,
        /// The account's spending limit or credit is used up: waiting does not help.
        spend_limit: bool,
    },
    #[error("{provider} is overloaded for now: try again in a minute.")]
    Overloaded {
        provider: String,
        retry_after: Option<Duration>,
    },
    #[error("{provider} answered with an error{}: {message}", status.map(|s| format!(" (HTTP {s})")).unwrap_or_default())]
    Provider {
        provider: String,
        status: Option<u16>,
        message: String,
        /// Whether trying again may help (a 5xx, a stream cut mid-way).
        transient: bool,
    },
    #[error("Cannot reach {provider} at {url} ({reason}): check your network or the base URL.")]
    Unreachable {
        provider: String,
        url: String,
        reason: String,
    },
    #[error(
        "The model's answer did not follow its schema, even after one repair attempt: {reason}"
    )]
    BadOutput { reason: String },
    #[error("The request is longer than {provider}'s model can read: {message}")]
    ContextTooLong { provider: String, message: String },
    #[error("{provider} did not answer within {} s.", .after.as_secs())]
    Timeout { provider: String, after: Duration },
    #[error("The request was cancelled.")]
    Cancelled,
}

fn retry_hint(after: &Option<Duration>, spend_limit: bool) -> String {
    if spend_limit {
        return ": the account's spending limit or credit is used up; check your plan.".into();
    }
    match after {
        Some(d) => format!(": try again in {} s.", d.as_secs().max(1)),
        None => ": try again in a minute.".into(),
    }
}

impl AgentError {
    /// Whether the same request may succeed if sent again.
    pub fn is_transient(&self) -> bool {
        match self {
            AgentError::RateLimited { spend_limit, .. } => !spend_limit,
            AgentError::Overloaded { .. } | AgentError::Unreachable { .. } => true,
            AgentError::Provider { transient, .. } => *transient,
            _ => false,
        }
    }

    /// How long the provider asked us to wait before trying again.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            AgentError::RateLimited { retry_after, .. }
            | AgentError::Overloaded { retry_after, .. } => *retry_after,
            _ => None,
        }
    }
}

impl Coded for AgentError {
    fn code(&self) -> ErrorCode {
        match self {
            AgentError::KeyRejected { .. } => ErrorCode::KeyRejected,
            AgentError::RateLimited { .. } => ErrorCode::RateLimited,
            AgentError::Overloaded { .. } => ErrorCode::Overloaded,
            AgentError::Provider { .. } => ErrorCode::ProviderError,
            AgentError::Unreachable { .. } => ErrorCode::ProviderUnreachable,
            AgentError::BadOutput { .. } => ErrorCode::BadOutput,
            AgentError::ContextTooLong { .. } => ErrorCode::ContextTooLong,
            AgentError::Timeout { .. } => ErrorCode::Timeout,
            AgentError::Cancelled => ErrorCode::Cancelled,
        }
    }
}

/// A call that failed, and the tokens the provider had counted for it by then: attempts whose
/// stream broke off, an answer cut by the deadline or a cancel, answers off their schema. They
/// are billed all the same. Output the provider had not reported yet when the stream stopped
/// (Anthropic reports it at the end) is not in `spent`: it is a lower bound.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{error}")]
pub struct Failed {
    pub error: AgentError,
    pub spent: crate::chat::Usage,
}

impl Coded for Failed {
    fn code(&self) -> ErrorCode {
        self.error.code()
    }
}
