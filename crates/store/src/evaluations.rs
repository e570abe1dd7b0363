//! Evaluations beyond the one written when a session ends: the AI evaluator's and every
//! re-grading, each kept beside the others.

use crate::db::Store;
use crate::error::{Result, StoreError};
use rehearse_core::evaluate::Evaluation;
use rehearse_core::now_ms;
use rusqlite::params;

impl Store {
    /// Adds an evaluation of session `sid`; it becomes the one shown first.
    pub fn add_evaluation(&self, sid: &str, evaluation: &Evaluation) -> Result<()> {
        let report =
            serde_json::to_string(evaluation).map_err(|e| StoreError::Invalid(e.to_string()))?;
        self.with(|c| {
            c.execute(
                "INSERT INTO evaluations (id, session_id, evaluator, evaluator_version, overall, report, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![uuid::Uuid::now_v7().to_string(), sid, evaluation.evaluator, evaluation.evaluator_version, evaluation.overall, report, now_ms()],
            )?;
            Ok(())
        })
    }
}
