//! The use-cases of Rehearse, wired to their adapters, shared by the desktop shell and the
//! `rehearse` CLI so that anything the UI can do, a test can do headless.

pub mod ai;
pub mod doctor;
mod error;
mod evaluator;
pub mod export;
pub mod keys;
pub mod logging;
mod problems;
pub mod progress;
pub mod providers;
pub mod room;
pub mod sandbox;
pub mod session;
pub mod voice;

pub use doctor::Check;
pub use error::AppError;
pub use problems::{language, HintReveal, ProblemView};

use rehearse_core::paths::Paths;
use rehearse_core::ErrorCode;
use rehearse_store::Store;
use serde::Serialize;
use std::sync::Arc;
use ts_rs::TS;

/// Something the user should be told once, at start.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Notice {
    pub code: rehearse_core::ErrorCode,
    pub message: String,
}

/// The open application: its folders, its database, what happened while opening, and the
/// sandbox once connected (shared by every clone, so a window and a CLI command connect once).
#[derive(Clone)]
pub struct App {
    pub paths: Paths,
    pub store: Arc<Store>,
    pub notices: Vec<Notice>,
    sandbox: sandbox::SandboxSlot,
    /// The one HTTP client: the agents' models and the key checks.
    http: reqwest::Client,
}

impl App {
    /// Opens the data folder named by the environment (see [`Paths::from_env`]).
    pub fn open() -> Result<App, AppError> {
        App::open_at(Paths::from_env())
    }

    pub fn open_at(paths: Paths) -> Result<App, AppError> {
        let opened = Store::open(&paths.database())?;
        let notices = opened
            .moved_aside
            .iter()
            .map(|aside| Notice {
                code: ErrorCode::DatabaseRecovered,
                message: format!(
                    "Your database could not be read, so it was moved to {} and a fresh one was started. Nothing was deleted.",
                    aside.display()
                ),
            })
            .collect();
        let app = App {
            paths,
            store: Arc::new(opened.store),
            notices,
            sandbox: Default::default(),
            http: ai::http_client(),
        };
        match app.purge_old_transcripts() {
            Ok(0) => {}
            Ok(n) => tracing::info!(lines = n, "transcript lines past their retention deleted"),
            Err(e) => tracing::warn!(error = %e, "transcript retention not applied"),
        }
        Ok(app)
    }
}
