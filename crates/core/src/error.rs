use serde::Serialize;
use ts_rs::TS;

/// What every error looks like when it crosses IPC, HTTP or the CLI's `--json` output:
/// a stable machine code and a sentence a person can act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ErrorBody {
    pub code: String,
    pub message: String,
}

impl ErrorBody {
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            message: message.into(),
        }
    }
}

/// Errors that carry a stable code.
pub trait Coded: std::fmt::Display {
    fn code(&self) -> &'static str;

    fn body(&self) -> ErrorBody {
        ErrorBody::new(self.code(), self.to_string())
    }
}
