//! Reading the library: filtered full-text search, facets, problem details, starter code.

use crate::db::Store;
use crate::error::{Result, StoreError};
use rehearse_core::problem::{
    Category, Difficulty, Example, ProblemDetail, ProblemStatus, ProblemSummary,
};
use rusqlite::{params_from_iter, types::Value as Sql, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Filters for the library list. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ProblemQuery {
    pub search: Option<String>,
    pub difficulty: Option<Difficulty>,
    pub category: Option<Category>,
    pub company: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct LibraryCounts {
    pub total: u32,
    pub easy: u32,
    pub medium: u32,
    pub hard: u32,
    pub solved: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LibraryPage {
    pub problems: Vec<ProblemSummary>,
    pub counts: LibraryCounts,
}

/// What the filters can offer: every category and company present in the library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Facets {
    pub categories: Vec<CategoryInfo>,
    pub companies: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CategoryInfo {
    pub id: Category,
    pub label: String,
    /// How many problems of the library practise it.
    pub count: u32,
}

const STATUS_SQL: &str = "CASE
    WHEN EXISTS (SELECT 1 FROM runs r WHERE r.problem_slug = p.slug AND r.mode = 'submit' AND r.verdict = 'accepted') THEN 'solved'
    WHEN EXISTS (SELECT 1 FROM runs r WHERE r.problem_slug = p.slug) THEN 'attempted'
    ELSE 'new' END";

/// Turns what a person typed into an FTS5 query: each word quoted (so operators and
/// punctuation are inert) and prefix-matched, all words required.
pub(crate) fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"*", w.to_lowercase()))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

fn parse_json<T: serde::de::DeserializeOwned>(row: &Row<'_>, idx: usize) -> rusqlite::Result<T> {
    let text: String = row.get(idx)?;
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn parse_enum<T: serde::de::DeserializeOwned>(row: &Row<'_>, idx: usize) -> rusqlite::Result<T> {
    let text: String = row.get(idx)?;
    serde_json::from_value(serde_json::Value::String(text)).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
    })
}

impl Store {
    /// The library, filtered; with a search text, ranked by relevance (title matches first),
    /// otherwise ordered by difficulty then title.
    pub fn list_problems(&self, q: &ProblemQuery) -> Result<LibraryPage> {
        let mut sql = format!(
            "SELECT p.slug, p.title, p.difficulty, p.categories, p.companies, {STATUS_SQL} FROM problems p"
        );
        let mut args: Vec<Sql> = Vec::new();
        let mut filters: Vec<&str> = Vec::new();
        let fts = q.search.as_deref().and_then(fts_query);
        if let Some(fts) = &fts {
            sql.push_str(" JOIN problems_fts f ON f.rowid = p.id");
            filters.push("problems_fts MATCH ?");
            args.push(Sql::Text(fts.clone()));
        }
        if let Some(d) = q.difficulty {
            filters.push("p.difficulty = ?");
            args.push(Sql::Text(d.id().into()));
        }
        if let Some(c) = q.category {
            filters.push("EXISTS (SELECT 1 FROM json_each(p.categories) WHERE value = ?)");
            args.push(Sql::Text(c.id().into()));
        }
        if let Some(company) = q.company.as_deref().filter(|c| !c.is_empty()) {
            filters.push(
                "EXISTS (SELECT 1 FROM json_each(p.companies) WHERE value = ? COLLATE NOCASE)",
            );
            args.push(Sql::Text(company.into()));
        }
        if !filters.is_empty() {
            sql.push_str(" WHERE ");
            sql.push_str(&filters.join(" AND "));
        }
        sql.push_str(if fts.is_some() {
            " ORDER BY bm25(problems_fts, 10.0, 1.0, 4.0), p.title"
        } else {
            " ORDER BY CASE p.difficulty WHEN 'easy' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, p.title"
        });
        let problems = self.with(|c| {
            let mut stmt = c.prepare_cached(&sql)?;
            let rows = stmt.query_map(params_from_iter(args), |r| {
                Ok(ProblemSummary {
                    slug: r.get(0)?,
                    title: r.get(1)?,
                    difficulty: parse_enum(r, 2)?,
                    categories: parse_json(r, 3)?,
                    companies: parse_json(r, 4)?,
                    status: parse_enum(r, 5)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })?;
        let mut counts = LibraryCounts::default();
        for p in &problems {
            counts.total += 1;
            match p.difficulty {
                Difficulty::Easy => counts.easy += 1,
                Difficulty::Medium => counts.medium += 1,
                Difficulty::Hard => counts.hard += 1,
            }
            counts.solved += u32::from(p.status == ProblemStatus::Solved);
        }
        Ok(LibraryPage { problems, counts })
    }

    pub fn facets(&self) -> Result<Facets> {
        self.with(|c| {
            let cats: Vec<(String, u32)> = c
                .prepare_cached("SELECT j.value, COUNT(*) FROM problems p, json_each(p.categories) j GROUP BY 1")?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let companies = c
                .prepare_cached("SELECT DISTINCT j.value FROM problems p, json_each(p.companies) j ORDER BY 1 COLLATE NOCASE")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let mut categories: Vec<CategoryInfo> = cats
                .iter()
                .filter_map(|(id, count)| Category::parse(id).map(|id| CategoryInfo { id, label: id.label().into(), count: *count }))
                .collect();
            categories.sort_by_key(|c| c.id);
            Ok(Facets { categories, companies })
        })
    }

    /// A problem as the candidate sees it: statement and examples, never hidden tests or
    /// reference solutions.
    pub fn problem(&self, slug: &str) -> Result<ProblemDetail> {
        self.with(|c| {
            let sql = format!(
                "SELECT p.id, p.slug, p.title, p.difficulty, p.categories, p.companies, p.statement, p.signature,
                        json_array_length(p.hints), p.time_complexity, p.space_complexity, {STATUS_SQL}
                 FROM problems p WHERE p.slug = ?1"
            );
            let found = c
                .query_row(&sql, [slug], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        ProblemDetail {
                            slug: r.get(1)?,
                            title: r.get(2)?,
                            difficulty: parse_enum(r, 3)?,
                            categories: parse_json(r, 4)?,
                            companies: parse_json(r, 5)?,
                            statement: r.get(6)?,
                            signature: r.get(7)?,
                            examples: Vec::new(),
                            hint_count: r.get(8)?,
                            time_complexity: r.get(9)?,
                            space_complexity: r.get(10)?,
                            status: parse_enum(r, 11)?,
                        },
                    ))
                })
                .optional()?;
            let Some((id, mut detail)) = found else {
                return Err(not_found(slug));
            };
            detail.examples = c
                .prepare_cached("SELECT input, expected, explanation FROM problem_tests WHERE problem_id = ?1 AND hidden = 0 ORDER BY ordinal")?
                .query_map([id], |r| Ok(Example { input: parse_json(r, 0)?, expected: parse_json(r, 1)?, explanation: r.get(2)? }))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(detail)
        })
    }

    /// The problem's signature, for generating starter code.
    pub fn signature(&self, slug: &str) -> Result<rehearse_core::Signature> {
        let text: Option<String> = self.with(|c| {
            Ok(c.query_row(
                "SELECT signature_json FROM problems WHERE slug = ?1",
                [slug],
                |r| r.get(0),
            )
            .optional()?)
        })?;
        let text = text.ok_or_else(|| not_found(slug))?;
        rehearse_core::problem::Signature::from_json(&text).map_err(StoreError::Invalid)
    }
}

pub(crate) fn not_found(slug: &str) -> StoreError {
    StoreError::NotFound {
        what: format!("No problem is called `{slug}`; `rehearse problems list` shows them all"),
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn fts_query_quotes_words_and_ignores_operators() {
        assert_eq!(fts_query("two sum").as_deref(), Some("\"two\"* \"sum\"*"));
        assert_eq!(
            fts_query("NEAR(\"a\" OR b)*").as_deref(),
            Some("\"near\"* \"a\"* \"or\"* \"b\"*")
        );
        assert_eq!(fts_query("  -- "), None);
    }
}
