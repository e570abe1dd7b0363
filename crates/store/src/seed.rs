//! Seeding the built-in library into SQLite (idempotent, versioned by content hash) and
//! importing problem packs (validated whole, all or nothing).

use crate::db::Store;
use crate::embedded::{BUILTIN, BUILTIN_HASH};
use crate::error::{Result, StoreError};
use rehearse_core::library::{self, Issue, RawProblem};
use rehearse_core::problem::Problem;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde_json::json;
use std::path::Path;

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SeedReport {
    /// False when the stored library already matched the built-in one.
    pub changed: bool,
    pub written: usize,
    pub removed: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    pub added: Vec<String>,
    pub updated: Vec<String>,
}

/// The built-in library's files, as compiled into the app.
pub fn builtin_problems() -> Vec<RawProblem> {
    BUILTIN
        .iter()
        .map(|p| RawProblem {
            dir: p.dir.to_string(),
            files: p
                .files
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        })
        .collect()
}

pub(crate) fn seed_builtin(conn: &mut Connection) -> Result<SeedReport> {
    let stored: Option<String> = conn
        .query_row(
            "SELECT value FROM library_meta WHERE key = 'builtin_hash'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    if stored.as_deref() == Some(BUILTIN_HASH) {
        return Ok(SeedReport::default());
    }
    let problems = library::parse_all(&builtin_problems())
        .map_err(|issues| StoreError::InvalidLibrary { issues })?;
    let tx = conn.transaction()?;
    let mut report = SeedReport {
        changed: true,
        ..SeedReport::default()
    };
    for (problem, embedded) in problems.iter().zip(BUILTIN) {
        let current: Option<String> = tx
            .query_row(
                "SELECT content_hash FROM problems WHERE slug = ?1 AND source = 'builtin'",
                [&problem.slug],
                |r| r.get(0),
            )
            .optional()?;
        if current.as_deref() != Some(embedded.hash) {
            write_problem(&tx, problem, "builtin", embedded.hash)?;
            report.written += 1;
        }
    }
    let keep: Vec<&str> = BUILTIN.iter().map(|p| p.dir).collect();
    let stale: Vec<(i64, String)> = tx
        .prepare("SELECT id, slug FROM problems WHERE source = 'builtin'")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, slug) in stale
        .into_iter()
        .filter(|(_, s)| !keep.contains(&s.as_str()))
    {
        delete_problem(&tx, id)?;
        tracing::info!(slug, "removed a problem no longer in the built-in library");
        report.removed += 1;
    }
    tx.execute(
        "INSERT INTO library_meta (key, value) VALUES ('builtin_hash', ?1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [BUILTIN_HASH],
    )?;
    tx.commit()?;
    tracing::info!(
        written = report.written,
        removed = report.removed,
        "seeded the built-in library"
    );
    Ok(report)
}

fn delete_problem(tx: &Transaction<'_>, id: i64) -> Result<()> {
    tx.execute("DELETE FROM problems_fts WHERE rowid = ?1", [id])?;
    tx.execute("DELETE FROM problems WHERE id = ?1", [id])?;
    Ok(())
}

fn write_problem(tx: &Transaction<'_>, p: &Problem, source: &str, hash: &str) -> Result<()> {
    let existing: Option<i64> = tx
        .query_row("SELECT id FROM problems WHERE slug = ?1", [&p.slug], |r| {
            r.get(0)
        })
        .optional()?;
    if let Some(id) = existing {
        delete_problem(tx, id)?;
    }
    let categories: Vec<&str> = p.categories.iter().map(|c| c.id()).collect();
    let sig = &p.signature;
    tx.execute(
        "INSERT INTO problems (slug, title, difficulty, categories, companies, statement, signature,
            signature_json, comparator, time_complexity, space_complexity, time_limit_ms, hints,
            follow_ups, checker, source, content_hash, updated_at, scaling, unscaled)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
        params![
            p.slug,
            p.title,
            p.difficulty.id(),
            json!(categories).to_string(),
            json!(p.companies).to_string(),
            p.statement,
            sig.display(),
            sig.to_json().to_string(),
            p.comparator.to_string(),
            p.time_complexity,
            p.space_complexity,
            p.time_limit_ms,
            json!(p.hints).to_string(),
            json!(p.follow_ups).to_string(),
            p.checker,
            source,
            hash,
            rehearse_core::now_ms(),
            p.scaling.as_ref().and_then(|s| serde_json::to_string(s).ok()),
            p.unscaled,
        ],
    )?;
    let id = tx.last_insert_rowid();
    let labels: Vec<&str> = p.categories.iter().map(|c| c.label()).collect();
    tx.execute(
        "INSERT INTO problems_fts (rowid, title, statement, categories) VALUES (?1, ?2, ?3, ?4)",
        params![id, p.title, p.statement, labels.join(" ")],
    )?;
    let mut test = tx.prepare_cached(
        "INSERT INTO problem_tests (problem_id, ordinal, input, expected, hidden, explanation) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, t) in (0_i64..).zip(&p.tests) {
        test.execute(params![
            id,
            i,
            json!(t.input).to_string(),
            t.expected.to_string(),
            !t.example,
            t.explanation
        ])?;
    }
    let mut sol = tx.prepare_cached(
        "INSERT INTO reference_solutions (problem_id, language, code) VALUES (?1, ?2, ?3)",
    )?;
    for (lang, code) in &p.solutions {
        sol.execute(params![id, lang.id(), code])?;
    }
    Ok(())
}

impl Store {
    /// Validates every problem under `dir` and adds them all, or none: an invalid pack is
    /// refused with one issue per problem and field. A pack cannot replace a built-in problem.
    pub fn import_pack(&self, dir: &Path) -> Result<ImportReport> {
        let raws = library::read_dir(dir).map_err(|e| {
            StoreError::Invalid(format!("Cannot read the pack at {}: {e}.", dir.display()))
        })?;
        if raws.is_empty() {
            return Err(StoreError::Invalid(format!(
                "{} holds no problems: a pack is a folder of problem folders, each with a problem.toml.",
                dir.display()
            )));
        }
        let problems =
            library::parse_all(&raws).map_err(|issues| StoreError::InvalidPack { issues })?;
        self.with(|conn| {
            let tx = conn.transaction()?;
            let mut issues = Vec::new();
            let mut report = ImportReport { added: Vec::new(), updated: Vec::new() };
            for p in &problems {
                let source: Option<String> =
                    tx.query_row("SELECT source FROM problems WHERE slug = ?1", [&p.slug], |r| r.get(0)).optional()?;
                match source.as_deref() {
                    Some("builtin") => {
                        issues.push(Issue {
                            problem: p.slug.clone(),
                            field: "slug".into(),
                            message: "a built-in problem already uses this slug; rename the pack's problem".into(),
                        });
                        continue;
                    }
                    Some(_) => report.updated.push(p.slug.clone()),
                    None => report.added.push(p.slug.clone()),
                }
                write_problem(&tx, p, "pack", "pack")?;
            }
            if !issues.is_empty() {
                return Err(StoreError::InvalidPack { issues });
            }
            tx.commit()?;
            Ok(report)
        })
    }
}
