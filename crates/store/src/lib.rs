//! Rehearse's local database: one SQLite file (WAL, foreign keys, FTS5) in the data
//! directory, its embedded migrations, the built-in problem library seeded into it, and the
//! queries the app's use-cases need, including the record of every run and of every call an
//! agent made to a model.

mod agents;
mod db;
mod error;
mod evaluations;
mod history;
pub mod migrate;
mod notes;
mod practice;
mod problems;
mod runs;
mod seed;
mod sessions;

pub use agents::AgentCall;
pub use db::{Opened, Store};
pub use error::StoreError;
pub use history::ScoredSession;
pub use problems::{CategoryInfo, Facets, LibraryCounts, LibraryPage, ProblemQuery};
pub use runs::{JudgeMaterial, RunSummary, SessionRun};
pub use seed::{builtin_problems, ImportReport, SeedReport};
pub use sessions::{ActiveSession, NewSession, SessionQuery, Snapshot, TimelineEntry};

mod embedded {
    pub struct BuiltinProblem {
        pub dir: &'static str,
        pub hash: &'static str,
        pub files: &'static [(&'static str, &'static str)],
    }
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}
