//! Interview sessions: created, recorded as they happen (each write its own committed
//! transaction), ended with an evaluation, listed, exported and deleted.

use crate::db::Store;
use crate::error::{Result, StoreError};
use crate::problems::parse_json;
use rehearse_core::evaluate::{Attempt, Evaluation, HintUse};
use rehearse_core::run::{RunMode, RunReport, Verdict};
use rehearse_core::session::{
    InterviewerMode, Session, SessionEvent, SessionStatus, SnapshotKind, Speaker,
};
use rehearse_core::{now_ms, Language};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What starts a session.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub problem_slug: String,
    pub language: Language,
    pub mode: InterviewerMode,
    pub duration_ms: i64,
    pub owner_pid: Option<u32>,
}

/// One moment of the replay: an event with what it refers to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TimelineEntry {
    pub at_ms: i64,
    pub event: SessionEvent,
}

/// A code snapshot as the replay shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Snapshot {
    pub id: String,
    pub at_ms: i64,
    pub kind: SnapshotKind,
    pub language: Language,
    pub code: String,
}

/// A running session, with the process that ran it and when it was last heard of.
#[derive(Debug, Clone)]
pub struct ActiveSession {
    pub session: Session,
    pub owner_pid: Option<u32>,
    pub heartbeat_at: Option<i64>,
}

/// Filters for the history list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct SessionQuery {
    pub status: Option<SessionStatus>,
    pub problem: Option<String>,
    pub limit: Option<u32>,
}

fn no_session(sid: &str) -> StoreError {
    StoreError::NotFound {
        what: format!("Session `{sid}` (`rehearse sessions list` shows them all)"),
    }
}

fn id() -> String {
    uuid::Uuid::now_v7().to_string()
}

fn json<T: Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| StoreError::Invalid(e.to_string()))
}

const SESSION_COLUMNS: &str = "s.id, s.problem_slug, COALESCE(p.title, s.problem_slug), s.language, s.mode, s.status, s.duration_ms, s.started_at, s.ended_at, s.paused_ms, (SELECT e.overall FROM evaluations e WHERE e.session_id = s.id ORDER BY e.created_at DESC LIMIT 1)";

fn session_row(r: &Row<'_>) -> rusqlite::Result<Session> {
    let enum_of = |i: usize| -> rusqlite::Result<serde_json::Value> {
        Ok(serde_json::Value::String(r.get(i)?))
    };
    let bad = |i: usize, e: serde_json::Error| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    };
    Ok(Session {
        id: r.get(0)?,
        problem_slug: r.get(1)?,
        problem_title: r.get(2)?,
        language: serde_json::from_value(enum_of(3)?).map_err(|e| bad(3, e))?,
        mode: serde_json::from_value(enum_of(4)?).map_err(|e| bad(4, e))?,
        status: serde_json::from_value(enum_of(5)?).map_err(|e| bad(5, e))?,
        duration_ms: r.get(6)?,
        started_at: r.get(7)?,
        ended_at: r.get(8)?,
        paused_ms: r.get(9)?,
        score: r.get(10)?,
    })
}

fn tag<T: Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

impl Store {
    pub fn create_session(&self, new: &NewSession) -> Result<Session> {
        let sid = id();
        let now = now_ms();
        self.with(|c| {
            let tx = c.transaction()?;
            let known: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM problems WHERE slug = ?1)", [&new.problem_slug], |r| r.get(0))?;
            if !known {
                return Err(crate::problems::not_found(&new.problem_slug));
            }
            tx.execute(
                "INSERT INTO sessions (id, problem_slug, language, mode, status, duration_ms, started_at, created_at, updated_at, owner_pid, heartbeat_at) VALUES (?1, ?2, ?3, ?4, 'active', ?5, ?6, ?6, ?6, ?7, ?6)",
                params![sid, new.problem_slug, new.language.id(), tag(new.mode), new.duration_ms, now, new.owner_pid],
            )?;
            tx.execute(
                "INSERT INTO session_events (id, session_id, at_ms, kind, payload, created_at) VALUES (?1, ?2, 0, 'started', ?3, ?4)",
                params![id(), sid, json(&SessionEvent::Started)?, now],
            )?;
            tx.commit()?;
            Ok(())
        })?;
        self.session(&sid)
    }

    pub fn session(&self, sid: &str) -> Result<Session> {
        self.with(|c| {
            c.query_row(&format!("SELECT {SESSION_COLUMNS} FROM sessions s LEFT JOIN problems p ON p.slug = s.problem_slug WHERE s.id = ?1"), [sid], session_row)
                .optional()?
                .ok_or_else(|| no_session(sid))
        })
    }

    /// Sessions, newest first.
    pub fn sessions(&self, q: &SessionQuery) -> Result<Vec<Session>> {
        self.with(|c| {
            let sql = format!(
                "SELECT {SESSION_COLUMNS} FROM sessions s LEFT JOIN problems p ON p.slug = s.problem_slug WHERE (?1 IS NULL OR s.status = ?1) AND (?2 IS NULL OR s.problem_slug = ?2) ORDER BY s.created_at DESC, s.id DESC LIMIT ?3"
            );
            let rows = c
                .prepare_cached(&sql)?
                .query_map(params![q.status.map(tag), q.problem, q.limit.unwrap_or(1000)], session_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    /// Active sessions with the process that ran them and when it was last heard of.
    pub fn active_sessions(&self) -> Result<Vec<ActiveSession>> {
        let active = self.sessions(&SessionQuery {
            status: Some(SessionStatus::Active),
            ..Default::default()
        })?;
        active
            .into_iter()
            .map(|s| {
                let (owner_pid, heartbeat_at) = self.with(|c| {
                    Ok(c.query_row(
                        "SELECT owner_pid, heartbeat_at FROM sessions WHERE id = ?1",
                        [&s.id],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )?)
                })?;
                Ok(ActiveSession {
                    session: s,
                    owner_pid,
                    heartbeat_at,
                })
            })
            .collect()
    }

    pub fn add_event(&self, sid: &str, at_ms: i64, event: &SessionEvent) -> Result<()> {
        let kind = serde_json::to_value(event)
            .ok()
            .and_then(|v| v["kind"].as_str().map(String::from))
            .unwrap_or_default();
        self.with(|c| {
            c.execute(
                "INSERT INTO session_events (id, session_id, at_ms, kind, payload, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![id(), sid, at_ms, kind, json(event)?, now_ms()],
            )?;
            c.execute("UPDATE sessions SET heartbeat_at = ?2, updated_at = ?2 WHERE id = ?1", params![sid, now_ms()])?;
            Ok(())
        })
    }

    /// Stores a code snapshot and its timeline event in one transaction.
    pub fn add_snapshot(
        &self,
        sid: &str,
        slug: &str,
        lang: Language,
        code: &str,
        kind: SnapshotKind,
        at_ms: i64,
    ) -> Result<String> {
        let snap = id();
        let event = SessionEvent::Snapshot {
            snapshot_id: snap.clone(),
            snapshot: kind,
        };
        self.with(|c| {
            let tx = c.transaction()?;
            tx.execute(
                "INSERT INTO code_snapshots (id, session_id, problem_slug, language, code, kind, at_ms, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![snap, sid, slug, lang.id(), code, tag(kind), at_ms, now_ms()],
            )?;
            tx.execute(
                "INSERT INTO session_events (id, session_id, at_ms, kind, payload, created_at) VALUES (?1, ?2, ?3, 'snapshot', ?4, ?5)",
                params![id(), sid, at_ms, json(&event)?, now_ms()],
            )?;
            tx.execute("UPDATE sessions SET heartbeat_at = ?2, updated_at = ?2 WHERE id = ?1", params![sid, now_ms()])?;
            tx.commit()?;
            Ok(())
        })?;
        Ok(snap)
    }

    pub fn latest_snapshot(&self, sid: &str) -> Result<Option<Snapshot>> {
        Ok(self.snapshots(sid)?.pop())
    }

    /// The newest snapshot of session `sid` whose code is exactly `code`.
    pub fn snapshot_with(&self, sid: &str, code: &str) -> Result<Option<String>> {
        self.with(|c| {
            Ok(c.prepare_cached(
                "SELECT id FROM code_snapshots WHERE session_id = ?1 AND code = ?2 ORDER BY at_ms DESC, created_at DESC, id DESC LIMIT 1",
            )?
            .query_row(params![sid, code], |r| r.get(0))
            .optional()?)
        })
    }

    pub fn snapshots(&self, sid: &str) -> Result<Vec<Snapshot>> {
        self.with(|c| {
            let rows = c
                .prepare_cached("SELECT id, at_ms, kind, language, code FROM code_snapshots WHERE session_id = ?1 ORDER BY at_ms, created_at, id")?
                .query_map([sid], |r| {
                    Ok(Snapshot {
                        id: r.get(0)?,
                        at_ms: r.get(1)?,
                        kind: serde_json::from_value(serde_json::Value::String(r.get(2)?)).unwrap_or(SnapshotKind::Auto),
                        language: Language::parse(&r.get::<_, String>(3)?).unwrap_or(Language::Python),
                        code: r.get(4)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    /// A Run or Submit inside a session: the run, a snapshot of its code and the event.
    pub fn record_session_run(
        &self,
        sid: &str,
        slug: &str,
        code: &str,
        report: &RunReport,
        at_ms: i64,
    ) -> Result<String> {
        let run_id = self.record_run_in(Some(sid), slug, code, report)?;
        self.add_snapshot(sid, slug, report.language, code, SnapshotKind::Run, at_ms)?;
        let mode = match report.mode {
            RunMode::Run => "run",
            RunMode::Submit => "submit",
        };
        self.add_event(
            sid,
            at_ms,
            &SessionEvent::Run {
                run_id: run_id.clone(),
                mode: mode.into(),
                verdict: report.verdict.id().into(),
                passed: report.passed,
                total: report.total,
            },
        )?;
        Ok(run_id)
    }

    /// Reveals the next hint within a session (levels one at a time) and returns its text.
    pub fn session_hint(&self, sid: &str, slug: &str, at_ms: i64) -> Result<(u32, String)> {
        self.reveal_session_hint(sid, slug, at_ms, None)
    }

    /// The next hint's level and authored text, without revealing it.
    pub fn next_hint(&self, sid: &str, slug: &str) -> Result<(u32, String)> {
        self.with(|c| next_hint(c, sid, slug))
    }

    /// Reveals the next hint level; `ai_text`, when given, is what the candidate was shown
    /// instead of the authored text (a model's hint for their code).
    pub fn reveal_session_hint(
        &self,
        sid: &str,
        slug: &str,
        at_ms: i64,
        ai_text: Option<&str>,
    ) -> Result<(u32, String)> {
        let (level, text) = self.with(|c| {
            let (level, authored) = next_hint(c, sid, slug)?;
            c.execute("INSERT INTO hint_reveals (problem_slug, level, session_id, revealed_at, ai_text) VALUES (?1, ?2, ?3, ?4, ?5)", params![slug, level, sid, now_ms(), ai_text])?;
            Ok((level, ai_text.map_or(authored, str::to_string)))
        })?;
        self.add_event(sid, at_ms, &SessionEvent::Hint { level })?;
        Ok((level, text))
    }

    /// The hints revealed in a session, in order.
    pub fn session_hints(&self, sid: &str) -> Result<Vec<(HintUse, String)>> {
        let session = self.session(sid)?;
        let start = session.started_at.unwrap_or(0);
        self.with(|c| {
            let hints: String = c.query_row("SELECT hints FROM problems WHERE slug = ?1", [&session.problem_slug], |r| r.get(0))?;
            let hints: Vec<String> = serde_json::from_str(&hints).unwrap_or_default();
            let rows = c
                .prepare_cached("SELECT level, revealed_at, ai_text FROM hint_reveals WHERE session_id = ?1 ORDER BY level")?
                .query_map([sid], |r| Ok((r.get::<_, u32>(0)?, r.get::<_, i64>(1)?, r.get::<_, Option<String>>(2)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            // The hint's moment is its event's offset (the clock excludes paused time).
            let at: Vec<i64> = c
                .prepare_cached("SELECT at_ms FROM session_events WHERE session_id = ?1 AND kind = 'hint' ORDER BY at_ms")?
                .query_map([sid], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows
                .into_iter()
                .enumerate()
                .map(|(i, (level, revealed, ai_text))| {
                    let at_ms = at.get(i).copied().unwrap_or(revealed - start);
                    let text = ai_text.unwrap_or_else(|| hints.get(level as usize - 1).cloned().unwrap_or_default());
                    (HintUse { at_ms, level }, text)
                })
                .collect())
        })
    }

    /// Runs and submits of a session as the evaluator reads them, in order.
    pub fn session_attempts(&self, sid: &str) -> Result<Vec<Attempt>> {
        self.with(|c| {
            let rows = c
                .prepare_cached("SELECT payload FROM session_events WHERE session_id = ?1 AND kind = 'run' ORDER BY at_ms, created_at")?
                .query_map([sid], |r| Ok((r.get::<_, String>(0)?,)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let at: Vec<i64> = c
                .prepare_cached("SELECT at_ms FROM session_events WHERE session_id = ?1 AND kind = 'run' ORDER BY at_ms, created_at")?
                .query_map([sid], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows
                .into_iter()
                .zip(at)
                .filter_map(|((payload,), at_ms)| match serde_json::from_str(&payload).ok()? {
                    SessionEvent::Run { mode, verdict, passed, total, .. } => Some(Attempt {
                        at_ms,
                        submit: mode == "submit",
                        verdict: serde_json::from_value(serde_json::Value::String(verdict)).unwrap_or(Verdict::InternalError),
                        passed,
                        total,
                    }),
                    _ => None,
                })
                .collect())
        })
    }

    /// Appends a transcript line (already redacted by the caller) and its event.
    pub fn add_transcript(
        &self,
        sid: &str,
        at_ms: i64,
        speaker: Speaker,
        text: &str,
    ) -> Result<String> {
        let line = id();
        self.with(|c| {
            c.execute(
                "INSERT INTO transcripts (id, session_id, at_ms, speaker, text, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![line, sid, at_ms, tag(speaker), text, now_ms()],
            )?;
            Ok(())
        })?;
        self.add_event(
            sid,
            at_ms,
            &SessionEvent::Transcript {
                line_id: line.clone(),
            },
        )?;
        Ok(line)
    }

    pub fn transcript(&self, sid: &str) -> Result<Vec<rehearse_core::session::TranscriptLine>> {
        self.with(|c| {
            let rows = c
                .prepare_cached("SELECT at_ms, speaker, text, id FROM transcripts WHERE session_id = ?1 ORDER BY at_ms, created_at")?
                .query_map([sid], |r| {
                    Ok(rehearse_core::session::TranscriptLine {
                        id: r.get(3)?,
                        at_ms: r.get(0)?,
                        speaker: serde_json::from_value(serde_json::Value::String(r.get(1)?)).unwrap_or(Speaker::System),
                        text: r.get(2)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    /// Deletes transcript lines stored before `before` (Unix ms); returns how many.
    pub fn purge_transcripts(&self, before: i64) -> Result<usize> {
        self.with(|c| Ok(c.execute("DELETE FROM transcripts WHERE created_at < ?1", [before])?))
    }

    pub fn transcript_count(&self, sid: &str) -> Result<u32> {
        self.with(|c| {
            Ok(c.query_row(
                "SELECT COUNT(*) FROM transcripts WHERE session_id = ?1",
                [sid],
                |r| r.get(0),
            )?)
        })
    }

    pub fn timeline(&self, sid: &str) -> Result<Vec<TimelineEntry>> {
        self.with(|c| {
            let rows = c
                .prepare_cached("SELECT at_ms, payload FROM session_events WHERE session_id = ?1 ORDER BY at_ms, created_at, id")?
                .query_map([sid], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows
                .into_iter()
                .filter_map(|(at_ms, payload)| Some(TimelineEntry { at_ms, event: serde_json::from_str(&payload).ok()? }))
                .collect())
        })
    }

    pub fn warned(&self, sid: &str) -> Result<Vec<u32>> {
        self.with(|c| {
            let text: String =
                c.query_row("SELECT warned FROM sessions WHERE id = ?1", [sid], |r| {
                    r.get(0)
                })?;
            Ok(serde_json::from_str(&text).unwrap_or_default())
        })
    }

    /// Records a time warning as given, with its event.
    pub fn warn(&self, sid: &str, minutes_left: u32, at_ms: i64) -> Result<()> {
        let mut given = self.warned(sid)?;
        given.push(minutes_left);
        self.with(|c| {
            Ok(c.execute(
                "UPDATE sessions SET warned = ?2 WHERE id = ?1",
                params![sid, json(&given)?],
            )
            .map(|_| ())?)
        })?;
        self.add_event(sid, at_ms, &SessionEvent::Warning { minutes_left })
    }

    /// Takes over a session after its process ended: the time it lay still does not count.
    /// The interviewer an active session goes on with (voice falling back to text).
    pub fn set_session_mode(&self, sid: &str, mode: InterviewerMode) -> Result<Session> {
        self.with(|c| {
            c.execute(
                "UPDATE sessions SET mode = ?2, updated_at = ?3 WHERE id = ?1 AND status = 'active'",
                params![sid, tag(mode), now_ms()],
            )?;
            Ok(())
        })?;
        self.session(sid)
    }

    pub fn resume_session(
        &self,
        sid: &str,
        pid: u32,
        paused_ms: i64,
        at_ms: i64,
    ) -> Result<Session> {
        self.with(|c| {
            c.execute(
                "UPDATE sessions SET paused_ms = paused_ms + ?2, owner_pid = ?3, heartbeat_at = ?4, updated_at = ?4 WHERE id = ?1 AND status = 'active'",
                params![sid, paused_ms.max(0), pid, now_ms()],
            )?;
            Ok(())
        })?;
        self.add_event(sid, at_ms, &SessionEvent::Resumed { paused_ms })?;
        self.session(sid)
    }

    /// Ends an active session and stores its evaluation, in one transaction; a session that
    /// has ended already (elsewhere) keeps its report.
    pub fn end_session(
        &self,
        sid: &str,
        status: SessionStatus,
        evaluation: &Evaluation,
    ) -> Result<Session> {
        let now = now_ms();
        self.with(|c| {
            let tx = c.transaction()?;
            let ended = tx.execute(
                "UPDATE sessions SET status = ?2, ended_at = ?3, updated_at = ?3, owner_pid = NULL WHERE id = ?1 AND status = 'active'",
                params![sid, tag(status), now],
            )?;
            if ended == 0 {
                // Ended already (another window or process): its report stands.
                return Ok(());
            }
            tx.execute(
                "INSERT INTO evaluations (id, session_id, evaluator, evaluator_version, overall, report, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![id(), sid, evaluation.evaluator, evaluation.evaluator_version, evaluation.overall, json(evaluation)?, now],
            )?;
            tx.commit()?;
            Ok(())
        })?;
        self.session(sid)
    }

    /// Every evaluation of a session, newest first (a later evaluator may re-grade).
    pub fn evaluations(&self, sid: &str) -> Result<Vec<Evaluation>> {
        self.with(|c| {
            let rows = c
                .prepare_cached("SELECT report FROM evaluations WHERE session_id = ?1 ORDER BY created_at DESC, id DESC")?
                .query_map([sid], |r| parse_json(r, 0))?
                .collect::<rusqlite::Result<Vec<Evaluation>>>()?;
            Ok(rows)
        })
    }

    /// Deletes a session and everything recorded in it.
    pub fn delete_session(&self, sid: &str) -> Result<()> {
        let n = self.with(|c| Ok(c.execute("DELETE FROM sessions WHERE id = ?1", [sid])?))?;
        if n == 0 {
            return Err(no_session(sid));
        }
        Ok(())
    }
}

fn next_hint(c: &rusqlite::Connection, sid: &str, slug: &str) -> Result<(u32, String)> {
    let hints: String = c.query_row("SELECT hints FROM problems WHERE slug = ?1", [slug], |r| {
        r.get(0)
    })?;
    let hints: Vec<String> =
        serde_json::from_str(&hints).map_err(|e| StoreError::Invalid(e.to_string()))?;
    let shown: u32 = c.query_row(
        "SELECT COALESCE(MAX(level), 0) FROM hint_reveals WHERE session_id = ?1",
        [sid],
        |r| r.get(0),
    )?;
    let text = hints.get(shown as usize).cloned().ok_or_else(|| {
        StoreError::Invalid(format!("All {} hints are already revealed.", hints.len()))
    })?;
    Ok((shown + 1, text))
}
