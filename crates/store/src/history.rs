//! What progress over time reads: every finished session with the scores of its latest
//! evaluation, in one query (the history view asks for it over hundreds of sessions).

use crate::db::Store;
use crate::error::Result;

/// A finished session's latest scores (None: the dimension was not assessed).
#[derive(Debug, Clone, PartialEq)]
pub struct ScoredSession {
    pub session_id: String,
    pub problem_slug: String,
    pub started_at: Option<i64>,
    pub overall: u32,
    pub problem_solving: Option<u32>,
    pub code_quality: Option<u32>,
    pub communication: Option<u32>,
    pub efficiency: Option<u32>,
    /// A submit in the session was accepted.
    pub solved: bool,
}

const SCORED: &str = "
SELECT s.id, s.problem_slug, s.started_at,
       json_extract(e.report, '$.overall'),
       json_extract(e.report, '$.dimensions.problem_solving.score'),
       json_extract(e.report, '$.dimensions.code_quality.score'),
       json_extract(e.report, '$.dimensions.communication.score'),
       json_extract(e.report, '$.dimensions.efficiency.score'),
       EXISTS (SELECT 1 FROM runs r
               WHERE r.session_id = s.id AND r.mode = 'submit' AND r.verdict = 'accepted')
FROM sessions s
JOIN evaluations e ON e.id = (SELECT id FROM evaluations
                              WHERE session_id = s.id ORDER BY created_at DESC, id DESC LIMIT 1)
WHERE s.status != 'active'
ORDER BY s.created_at, s.id";

impl Store {
    /// Every finished session that has an evaluation, oldest first.
    pub fn scored_sessions(&self) -> Result<Vec<ScoredSession>> {
        self.with(|c| {
            let rows = c
                .prepare_cached(SCORED)?
                .query_map([], |r| {
                    Ok(ScoredSession {
                        session_id: r.get(0)?,
                        problem_slug: r.get(1)?,
                        started_at: r.get(2)?,
                        overall: r.get(3)?,
                        problem_solving: r.get(4)?,
                        code_quality: r.get(5)?,
                        communication: r.get(6)?,
                        efficiency: r.get(7)?,
                        solved: r.get(8)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }
}
