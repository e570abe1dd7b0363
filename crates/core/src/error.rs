use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Declares every code once: its string, its CLI exit status and what it means.
macro_rules! codes {
    ($( $(#[doc = $doc:literal])+ $name:ident = $text:literal, exit $exit:literal; )*) => {
        /// Every stable code an error (or a notice) carries, in the app, the CLI and over IPC.
        /// `docs/cli.md` lists them all; a test checks that list against this one.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        pub enum ErrorCode {
            $( $(#[doc = $doc])+ #[serde(rename = $text)] $name, )*
        }

        impl ErrorCode {
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$name),*];

            pub fn as_str(self) -> &'static str {
                match self { $(ErrorCode::$name => $text),* }
            }

            /// The `rehearse` exit status: 2 when the user can fix the command or the machine
            /// (bad input, the sandbox or keychain not set up), 1 otherwise.
            pub fn exit_status(self) -> u8 {
                match self { $(ErrorCode::$name => $exit),* }
            }

            /// What the code means, in one line.
            pub fn meaning(self) -> &'static str {
                match self { $(ErrorCode::$name => concat!($($doc),+).trim_ascii()),* }
            }
        }
    };
}

codes! {
    /// The database could not be read or written.
    DatabaseError = "database_error", exit 1;
    /// The disk is full; the session goes on in memory.
    DiskFull = "disk_full", exit 1;
    /// The data folder is read-only.
    DataDirReadOnly = "data_dir_read_only", exit 1;
    /// The data folder cannot be created or used.
    DataDirUnusable = "data_dir_unusable", exit 1;
    /// The database is damaged and could not be moved aside.
    DatabaseCorrupt = "database_corrupt", exit 1;
    /// The database was written by a newer version of Rehearse.
    SchemaTooNew = "schema_too_new", exit 1;
    /// The database could not be read, so it was moved aside and a fresh one started (a notice).
    DatabaseRecovered = "database_recovered", exit 1;
    /// No problem, session or run has that name.
    NotFound = "not_found", exit 2;
    /// A problem pack that does not follow the format.
    InvalidPack = "invalid_pack", exit 2;
    /// The built-in library does not load.
    InvalidLibrary = "invalid_library", exit 1;
    /// Hints open one level at a time.
    HintLocked = "hint_locked", exit 1;
    /// Input the command or the form cannot take, with what to change.
    InvalidInput = "invalid_input", exit 2;
    /// A language Rehearse does not know.
    UnknownLanguage = "unknown_language", exit 2;
    /// The session has ended; changes are refused.
    SessionOver = "session_over", exit 1;
    /// Docker is not installed.
    DockerNotInstalled = "docker_not_installed", exit 2;
    /// Docker is installed but not running.
    DockerNotRunning = "docker_not_running", exit 2;
    /// This user may not use Docker.
    DockerPermissionDenied = "docker_permission_denied", exit 2;
    /// Docker refused a request.
    DockerError = "docker_error", exit 2;
    /// A runner image is missing and cannot be fetched.
    ImageUnavailable = "image_unavailable", exit 2;
    /// The compile cache folder cannot be used.
    SandboxCacheUnusable = "sandbox_cache_unusable", exit 2;
    /// The sandbox itself failed (never a verdict on the candidate's code).
    SandboxInternal = "sandbox_internal", exit 1;
    /// No keychain service can be reached.
    KeychainUnavailable = "keychain_unavailable", exit 2;
    /// The keychain is locked.
    KeychainLocked = "keychain_locked", exit 2;
    /// The keychain refused a request.
    KeychainError = "keychain_error", exit 1;
    /// A key that is empty or not in the provider's format.
    InvalidKey = "invalid_key", exit 2;
    /// The provider has no key in the keychain or the environment.
    NoKey = "no_key", exit 2;
    /// config.toml or the environment names something that does not exist.
    InvalidConfig = "invalid_config", exit 2;
    /// The provider refused the key.
    KeyRejected = "key_rejected", exit 1;
    /// The provider cannot be reached.
    ProviderUnreachable = "provider_unreachable", exit 1;
    /// The provider answered with an error.
    ProviderError = "provider_error", exit 1;
    /// The provider asks to slow down (a notice during a voice interview).
    RateLimited = "rate_limited", exit 1;
    /// The provider is overloaded for now; try again in a minute.
    Overloaded = "overloaded", exit 1;
    /// A model's answer did not follow its schema, even after one repair attempt.
    BadOutput = "bad_output", exit 1;
    /// The request is longer than the model's context.
    ContextTooLong = "context_too_long", exit 1;
    /// The provider did not answer in time.
    Timeout = "timeout", exit 1;
    /// The request was cancelled (the session ended).
    Cancelled = "cancelled", exit 1;
    /// The session's budget is used up, or nearly (a notice): the observer stops, the interviewer wraps up.
    BudgetReached = "budget_reached", exit 1;
    /// The voice interview is not connected, or has ended.
    VoiceClosed = "voice_closed", exit 1;
    /// No microphone can be opened.
    NoMicrophone = "no_microphone", exit 1;
    /// No audio output can be opened.
    NoSpeaker = "no_speaker", exit 1;
    /// The microphone went away and another one is used (a notice).
    MicrophoneSwitched = "microphone_switched", exit 1;
    /// An audio device failed.
    AudioError = "audio_error", exit 1;
    /// Something failed that should not: a bug to report.
    Internal = "internal", exit 1;
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// What every error looks like when it crosses IPC, HTTP or the CLI's `--json` output:
/// a stable machine code and a sentence a person can act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ErrorBody {
    pub code: ErrorCode,
    pub message: String,
}

impl ErrorBody {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}

/// Errors that carry a stable code.
pub trait Coded: std::fmt::Display {
    fn code(&self) -> ErrorCode;

    fn body(&self) -> ErrorBody {
        ErrorBody::new(self.code(), self.to_string())
    }
}
