//! The record of every call an agent made to a model: role, model, tokens, latency, cost.

use crate::db::Store;
use crate::error::Result;
use rehearse_core::now_ms;
use rehearse_core::settings::AiRole;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One call, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AgentCall {
    pub role: AiRole,
    pub provider: String,
    pub model: String,
    pub input: u64,
    pub output: u64,
    pub cache_read: u64,
    pub cache_write: u64,
    pub latency_ms: u64,
    /// None when the model has no price in the table.
    pub usd: Option<f64>,
    /// False when the call failed (what it used until then is still counted).
    pub ok: bool,
}

impl Store {
    /// Records a call; `sid` is None for a call outside a session (a key check).
    pub fn add_agent_call(&self, sid: Option<&str>, call: &AgentCall) -> Result<()> {
        self.with(|c| {
            c.prepare_cached(
                "INSERT INTO agent_calls (id, session_id, role, provider, model, input, output, cache_read, cache_write, latency_ms, usd, ok, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?
            .execute(rusqlite::params![
                uuid::Uuid::now_v7().to_string(),
                sid,
                call.role.id(),
                call.provider,
                call.model,
                call.input as i64,
                call.output as i64,
                call.cache_read as i64,
                call.cache_write as i64,
                call.latency_ms as i64,
                call.usd,
                call.ok,
                now_ms(),
            ])?;
            Ok(())
        })
    }

    /// A session's calls, oldest first.
    pub fn agent_calls(&self, sid: &str) -> Result<Vec<AgentCall>> {
        self.with(|c| {
            let rows = c
                .prepare_cached(
                    "SELECT role, provider, model, input, output, cache_read, cache_write, latency_ms, usd, ok
                     FROM agent_calls WHERE session_id = ?1 ORDER BY created_at, id",
                )?
                .query_map([sid], |r| {
                    let role: String = r.get(0)?;
                    Ok(AgentCall {
                        role: AiRole::parse(&role).unwrap_or(AiRole::Interviewer),
                        provider: r.get(1)?,
                        model: r.get(2)?,
                        input: r.get::<_, i64>(3)? as u64,
                        output: r.get::<_, i64>(4)? as u64,
                        cache_read: r.get::<_, i64>(5)? as u64,
                        cache_write: r.get::<_, i64>(6)? as u64,
                        latency_ms: r.get::<_, i64>(7)? as u64,
                        usd: r.get(8)?,
                        ok: r.get(9)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }
}
