use rehearse_core::error::Coded;
use rehearse_core::library::Issue;
use rehearse_core::ErrorCode;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("The database failed: {0}. If this keeps happening, run `rehearse doctor`.")]
    Sqlite(rusqlite::Error),
    #[error("The disk holding your data folder is full. What you are doing is kept in memory and saved as soon as there is room: free some space.")]
    DiskFull,
    #[error("Your data folder cannot be written to (read-only). What you are doing is kept in memory and saved as soon as it can be: make the folder writable, or set REHEARSE_DATA_DIR.")]
    ReadOnly,
    #[error("The data folder {path} cannot be used: {source}. Check that it exists and is writable, or set REHEARSE_DATA_DIR.")]
    DataDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("The database at {path} is damaged and could not be moved aside ({source}). Move or delete it yourself, then start Rehearse again.")]
    CorruptStuck {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("The database was written by a newer version of Rehearse (schema {found}, this version knows up to {known}). Update Rehearse, or point REHEARSE_DATA_DIR at another folder.")]
    SchemaTooNew { found: u32, known: u32 },
    #[error("{what} was not found.")]
    NotFound { what: String },
    #[error("The problem pack was refused; nothing was imported:\n{}", .issues.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    InvalidPack { issues: Vec<Issue> },
    #[error("The built-in problem library is invalid (a build defect):\n{}", .issues.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    InvalidLibrary { issues: Vec<Issue> },
    #[error("Reveal hint {expected} first: hints open one level at a time.")]
    HintLocked { expected: u32 },
    #[error("{0}")]
    Invalid(String),
}

impl Coded for StoreError {
    fn code(&self) -> ErrorCode {
        match self {
            StoreError::Sqlite(_) => ErrorCode::DatabaseError,
            StoreError::DiskFull => ErrorCode::DiskFull,
            StoreError::ReadOnly => ErrorCode::DataDirReadOnly,
            StoreError::DataDir { .. } => ErrorCode::DataDirUnusable,
            StoreError::CorruptStuck { .. } => ErrorCode::DatabaseCorrupt,
            StoreError::SchemaTooNew { .. } => ErrorCode::SchemaTooNew,
            StoreError::NotFound { .. } => ErrorCode::NotFound,
            StoreError::InvalidPack { .. } => ErrorCode::InvalidPack,
            StoreError::InvalidLibrary { .. } => ErrorCode::InvalidLibrary,
            StoreError::HintLocked { .. } => ErrorCode::HintLocked,
            StoreError::Invalid(_) => ErrorCode::InvalidInput,
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(rusqlite::ErrorCode::ReadOnly) => StoreError::ReadOnly,
            _ => StoreError::Sqlite(e),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
