//! Embedded, numbered migrations (`migrations/desktop/NNNN_name.{up,down}.sql`), applied in
//! one transaction and recorded in `schema_migrations`.

use crate::embedded::MIGRATIONS;
use crate::error::{Result, StoreError};
use rusqlite::{params, Connection};

/// The newest schema version this build knows.
pub fn latest() -> u32 {
    MIGRATIONS.iter().map(|m| m.0).max().unwrap_or(0)
}

/// The schema version of a database (0 when empty).
pub fn current(conn: &Connection) -> Result<u32> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)",
    )?;
    Ok(conn.query_row(
        "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
        [],
        |r| r.get(0),
    )?)
}

/// Brings the schema to `target` (up or down), all steps in one transaction. Refuses a
/// database newer than this build knows.
pub fn migrate_to(conn: &mut Connection, target: u32) -> Result<u32> {
    let from = current(conn)?;
    let known = latest();
    if from > known {
        return Err(StoreError::SchemaTooNew { found: from, known });
    }
    let tx = conn.transaction()?;
    if target >= from {
        for (version, name, up, _) in MIGRATIONS.iter().filter(|m| m.0 > from && m.0 <= target) {
            tracing::info!(version, name, "applying migration");
            tx.execute_batch(up)?;
            tx.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)",
                params![version, name, rehearse_core::now_ms()],
            )?;
        }
    } else {
        for (version, name, _, down) in MIGRATIONS
            .iter()
            .rev()
            .filter(|m| m.0 <= from && m.0 > target)
        {
            tracing::info!(version, name, "reverting migration");
            tx.execute_batch(down)?;
            tx.execute(
                "DELETE FROM schema_migrations WHERE version = ?1",
                [version],
            )?;
        }
    }
    tx.commit()?;
    current(conn)
}
