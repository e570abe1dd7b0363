//! The code observer's notes, each stored with the snapshot it is about and put on the
//! session's timeline.

use crate::db::Store;
use crate::error::{Result, StoreError};
use rehearse_core::now_ms;
use rehearse_core::observer::CodeNote;
use rehearse_core::session::SessionEvent;
use rusqlite::params;

impl Store {
    /// Stores `note` (its id is set here) and its timeline event in one transaction.
    pub fn add_code_note(&self, sid: &str, note: &mut CodeNote) -> Result<()> {
        note.id = uuid::Uuid::now_v7().to_string();
        let event = SessionEvent::CodeNote {
            note_id: note.id.clone(),
            snapshot_id: note.snapshot_id.clone(),
        };
        let body = serde_json::to_string(note).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let payload =
            serde_json::to_string(&event).map_err(|e| StoreError::Invalid(e.to_string()))?;
        self.with(|c| {
            let tx = c.transaction()?;
            tx.execute(
                "INSERT INTO code_notes (id, session_id, snapshot_id, at_ms, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![note.id, sid, note.snapshot_id, note.at_ms, body, now_ms()],
            )?;
            tx.execute(
                "INSERT INTO session_events (id, session_id, at_ms, kind, payload, created_at) VALUES (?1, ?2, ?3, 'code_note', ?4, ?5)",
                params![uuid::Uuid::now_v7().to_string(), sid, note.at_ms, payload, now_ms()],
            )?;
            tx.commit()?;
            Ok(())
        })
    }

    /// A session's notes, in the order they were written. A note this build cannot read (a
    /// newer version's) is left out and logged.
    pub fn code_notes(&self, sid: &str) -> Result<Vec<CodeNote>> {
        let rows: Vec<(String, String)> = self.with(|c| {
            let rows = c
                .prepare_cached(
                    "SELECT id, note FROM code_notes WHERE session_id = ?1 ORDER BY at_ms, created_at, id",
                )?
                .query_map([sid], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, body)| match serde_json::from_str::<CodeNote>(&body) {
                Ok(note) => Some(note),
                Err(e) => {
                    tracing::warn!(note = %id, error = %e, "a code note could not be read");
                    None
                }
            })
            .collect())
    }
}
