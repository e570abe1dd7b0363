//! What running code needs from the library (tests, comparator, limits, the reference
//! answer), and the record of every run.

use crate::db::Store;
use crate::error::{Result, StoreError};
use crate::problems::{not_found, parse_json};
use rehearse_core::problem::{Comparator, Signature, TestCase};
use rehearse_core::run::{RunMode, RunReport, TestResult, Verdict};
use rehearse_core::{now_ms, Language};
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// A problem as the judge needs it. Hidden tests are here: this never crosses IPC.
#[derive(Debug, Clone)]
pub struct JudgeMaterial {
    pub signature: Signature,
    pub comparator: Comparator,
    pub time_limit_ms: u32,
    pub tests: Vec<TestCase>,
    pub solutions: BTreeMap<Language, String>,
    /// checker.py, for the custom comparator.
    pub checker: Option<String>,
    pub scaling: Option<rehearse_core::problem::Scaling>,
    /// Without `scaling`: why growth is not measured for this problem.
    pub unscaled: Option<String>,
}

/// One stored run, as the problem view's history lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RunSummary {
    pub id: String,
    pub language: Language,
    pub mode: RunMode,
    pub verdict: Verdict,
    pub passed: u32,
    pub total: u32,
    pub duration_ms: u64,
    pub created_at: i64,
}

/// A Run or Submit inside a session, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SessionRun {
    pub id: String,
    pub mode: RunMode,
    pub language: Language,
    pub verdict: Verdict,
    pub tests: Vec<TestResult>,
    pub duration_ms: i64,
    pub created_at: i64,
    pub code: String,
}

fn mode(r: &rusqlite::Row, i: usize) -> rusqlite::Result<RunMode> {
    Ok(match r.get::<_, String>(i)?.as_str() {
        "submit" => RunMode::Submit,
        _ => RunMode::Run,
    })
}

fn verdict(r: &rusqlite::Row, i: usize) -> rusqlite::Result<Verdict> {
    Ok(serde_json::from_value(serde_json::Value::String(r.get(i)?))
        .unwrap_or(Verdict::InternalError))
}

fn language(r: &rusqlite::Row, i: usize) -> rusqlite::Result<Language> {
    Ok(Language::parse(&r.get::<_, String>(i)?).unwrap_or(Language::Python))
}

impl Store {
    pub fn judge_material(&self, slug: &str) -> Result<JudgeMaterial> {
        self.with(|c| {
            let row = c
                .query_row(
                    "SELECT id, signature_json, comparator, time_limit_ms, checker, scaling, unscaled FROM problems WHERE slug = ?1",
                    [slug],
                    |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, u32>(3)?, r.get::<_, Option<String>>(4)?, r.get::<_, Option<String>>(5)?, r.get::<_, Option<String>>(6)?)),
                )
                .optional()?;
            let (id, sig, comparator, time_limit_ms, checker, scaling, unscaled) = row.ok_or_else(|| not_found(slug))?;
            let tests = c
                .prepare_cached("SELECT input, expected, hidden, explanation FROM problem_tests WHERE problem_id = ?1 ORDER BY ordinal")?
                .query_map([id], |r| {
                    Ok(TestCase {
                        input: parse_json(r, 0)?,
                        expected: parse_json(r, 1)?,
                        example: !r.get::<_, bool>(2)?,
                        explanation: r.get(3)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let solutions = c
                .prepare_cached("SELECT language, code FROM reference_solutions WHERE problem_id = ?1")?
                .query_map([id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?
                .into_iter()
                .filter_map(|(l, code)| Some((Language::parse(&l)?, code)))
                .collect();
            Ok(JudgeMaterial {
                signature: Signature::from_json(&sig).map_err(StoreError::Invalid)?,
                comparator: Comparator::parse(&comparator).map_err(StoreError::Invalid)?,
                time_limit_ms,
                tests,
                solutions,
                checker,
                scaling: scaling.and_then(|s| serde_json::from_str(&s).ok()),
                unscaled,
            })
        })
    }

    /// Stores a Run or Submit with its code and every test's result; returns the run's id.
    pub fn record_run(&self, slug: &str, code: &str, report: &RunReport) -> Result<String> {
        self.record_run_in(None, slug, code, report)
    }

    /// As `record_run`, inside a session.
    pub fn record_run_in(
        &self,
        session: Option<&str>,
        slug: &str,
        code: &str,
        report: &RunReport,
    ) -> Result<String> {
        let id = uuid::Uuid::now_v7().to_string();
        let mode = match report.mode {
            RunMode::Run => "run",
            RunMode::Submit => "submit",
        };
        let results =
            serde_json::to_string(&report.tests).map_err(|e| StoreError::Invalid(e.to_string()))?;
        self.with(|c| {
            c.execute(
                "INSERT INTO runs (id, session_id, problem_slug, language, code, mode, verdict, results, duration_ms, created_at) VALUES (?1, ?10, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                rusqlite::params![id, slug, report.language.id(), code, mode, report.verdict.id(), results, i64::try_from(report.wall_ms).unwrap_or(i64::MAX), now_ms(), session],
            )?;
            Ok(())
        })?;
        Ok(id)
    }

    /// Stores a playground run (`rehearse exec`); its results are the exec report.
    pub fn record_exec(
        &self,
        lang: Language,
        code: &str,
        status: &str,
        report: &impl Serialize,
        duration_ms: u64,
    ) -> Result<String> {
        let id = uuid::Uuid::now_v7().to_string();
        let results =
            serde_json::to_string(report).map_err(|e| StoreError::Invalid(e.to_string()))?;
        self.with(|c| {
            c.execute(
                "INSERT INTO runs (id, session_id, problem_slug, language, code, mode, verdict, results, duration_ms, created_at) VALUES (?1, NULL, '', ?2, ?3, 'exec', ?4, ?5, ?6, ?7)",
                rusqlite::params![id, lang.id(), code, status, results, i64::try_from(duration_ms).unwrap_or(i64::MAX), now_ms()],
            )?;
            Ok(())
        })?;
        Ok(id)
    }

    /// Problems with an accepted Submit since `since` (Unix ms).
    pub fn recently_solved(&self, since: i64) -> Result<std::collections::HashSet<String>> {
        self.with(|c| {
            let rows = c
                .prepare_cached("SELECT DISTINCT problem_slug FROM runs WHERE mode = 'submit' AND verdict = 'accepted' AND created_at >= ?1")?
                .query_map([since], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(rows)
        })
    }

    /// The latest runs of a problem, newest first.
    pub fn runs(&self, slug: &str, limit: u32) -> Result<Vec<RunSummary>> {
        self.with(|c| {
            let rows = c
                .prepare_cached("SELECT id, language, mode, verdict, results, duration_ms, created_at FROM runs WHERE problem_slug = ?1 ORDER BY created_at DESC, id DESC LIMIT ?2")?
                .query_map(rusqlite::params![slug, limit], |r| {
                    let results: Vec<serde_json::Value> = parse_json(r, 4)?;
                    let passed = results.iter().filter(|t| t["verdict"] == "accepted").count();
                    Ok(RunSummary {
                        id: r.get(0)?,
                        language: language(r, 1)?,
                        mode: mode(r, 2)?,
                        verdict: verdict(r, 3)?,
                        passed: u32::try_from(passed).unwrap_or(0),
                        total: u32::try_from(results.len()).unwrap_or(0),
                        duration_ms: u64::try_from(r.get::<_, i64>(5)?).unwrap_or(0),
                        created_at: r.get(6)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    /// The session's runs, oldest first.
    pub fn session_runs(&self, sid: &str) -> Result<Vec<SessionRun>> {
        self.with(|c| {
            let rows = c
                .prepare_cached("SELECT id, mode, language, verdict, results, duration_ms, created_at, code FROM runs WHERE session_id = ?1 ORDER BY created_at")?
                .query_map([sid], |r| {
                    Ok(SessionRun {
                        id: r.get(0)?,
                        mode: mode(r, 1)?,
                        language: language(r, 2)?,
                        verdict: verdict(r, 3)?,
                        tests: parse_json(r, 4)?,
                        duration_ms: r.get(5)?,
                        created_at: r.get(6)?,
                        code: r.get(7)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }
}
