//! Rehearse's domain: the problem model and its validation, the signature type vocabulary,
//! languages and starter-code generation, run results and verdicts, interview sessions and
//! their offline evaluation, data paths, and the error shape every boundary
//! uses. Knows nothing of Tauri, SQL or HTTP; of the machine it reads only the environment
//! (`paths`: the data and config folders) and problem directories (`library`).

pub mod error;
pub mod evaluate;
pub mod growth;
pub mod hints;
pub mod interviewer;
pub mod language;
pub mod library;
pub mod observer;
pub mod paths;
pub mod problem;
mod report;
pub mod review;
pub mod rubric;
pub mod run;
pub mod session;
pub mod settings;
pub mod starter;
pub mod types;

pub use error::{ErrorBody, ErrorCode};
pub use language::Language;
pub use problem::{Category, Comparator, Difficulty, Problem, Signature, TestCase};
pub use types::TypeRef;

/// Milliseconds since the Unix epoch (UTC), the time unit of every stored timestamp.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}
