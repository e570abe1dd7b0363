//! Reading the library: filtered full-text search, facets, problem details, starter code.

use crate::db::Store;
use crate::error::{Result, StoreError};
use rehearse_core::problem::{Category, Difficulty, Example, ProblemDetail, ProblemSummary};
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
    /// Return at most this many rows (the counts still cover every match).
    pub limit: Option<u32>,
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
    /// Counts over every match, even when `problems` was cut at the query's limit.
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

macro_rules! solved_sql {
    () => {
        "EXISTS (SELECT 1 FROM runs r WHERE r.problem_slug = p.slug AND r.mode = 'submit' AND r.verdict = 'accepted')"
    };
}

const SOLVED_SQL: &str = solved_sql!();

const STATUS_SQL: &str = concat!(
    "CASE WHEN ",
    solved_sql!(),
    " THEN 'solved' WHEN EXISTS (SELECT 1 FROM runs r WHERE r.problem_slug = p.slug) THEN 'attempted' ELSE 'new' END"
);

/// Turns what a person typed into an FTS5 query: each word quoted (so operators and
/// punctuation are inert) and prefix-matched, all words required. A lone character is too
/// short to search statements with (it matches nearly everything), so it matches titles only.
pub(crate) fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let quoted: Vec<String> = words.iter().map(|w| format!("\"{w}\"*")).collect();
    match words.as_slice() {
        [] => None,
        [one] if one.chars().count() == 1 => Some(format!("title : {}", quoted[0])),
        _ => Some(quoted.join(" ")),
    }
}

pub(crate) fn parse_json<T: serde::de::DeserializeOwned>(
    row: &Row<'_>,
    idx: usize,
) -> rusqlite::Result<T> {
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
        let mut from = String::from(" FROM problems p");
        let mut args: Vec<Sql> = Vec::new();
        let mut filters: Vec<&str> = Vec::new();
        let fts = q.search.as_deref().and_then(fts_query);
        if let Some(fts) = &fts {
            from.push_str(" JOIN problems_fts f ON f.rowid = p.id");
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
            from.push_str(" WHERE ");
            from.push_str(&filters.join(" AND "));
        }
        let order = if fts.is_some() {
            " ORDER BY f.rank, p.title"
        } else {
            " ORDER BY CASE p.difficulty WHEN 'easy' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, p.title"
        };
        // One pass over every match counts them and keeps the ids of the first page; only
        // that page's rows are then read in full.
        let scan_sql = format!("SELECT p.id, p.difficulty, {SOLVED_SQL}{from}{order}");
        let limit = q.limit.map_or(usize::MAX, |n| n as usize);
        self.with(|c| {
            let mut counts = LibraryCounts::default();
            let mut page: Vec<i64> = Vec::new();
            let mut stmt = c.prepare_cached(&scan_sql)?;
            let mut rows = stmt.query(params_from_iter(args.iter()))?;
            while let Some(r) = rows.next()? {
                if page.len() < limit {
                    page.push(r.get(0)?);
                }
                match r.get_ref(1)?.as_bytes().map_err(rusqlite::Error::from)? {
                    b"easy" => counts.easy += 1,
                    b"medium" => counts.medium += 1,
                    _ => counts.hard += 1,
                }
                counts.solved += u32::from(r.get::<_, bool>(2)?);
            }
            counts.total = counts.easy + counts.medium + counts.hard;
            Ok(LibraryPage {
                problems: summaries(c, &page)?,
                counts,
            })
        })
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
    /// What the interviewer is told beyond the candidate's view: the hints in order and the
    /// follow-up questions (never solutions or hidden tests).
    pub fn interviewer_notes(&self, slug: &str) -> Result<(Vec<String>, Vec<String>)> {
        self.with(|c| {
            let found: Option<(String, String)> = c
                .query_row(
                    "SELECT hints, follow_ups FROM problems WHERE slug = ?1",
                    [slug],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let (hints, follow_ups) = found.ok_or_else(|| not_found(slug))?;
            let parse = |t: &str| {
                serde_json::from_str::<Vec<String>>(t)
                    .map_err(|e| StoreError::Invalid(e.to_string()))
            };
            Ok((parse(&hints)?, parse(&follow_ups)?))
        })
    }

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

/// The library rows for `ids`, in that order.
fn summaries(c: &rusqlite::Connection, ids: &[i64]) -> Result<Vec<ProblemSummary>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let sql = format!(
        "SELECT p.id, p.slug, p.title, p.difficulty, p.categories, p.companies, {STATUS_SQL} FROM problems p WHERE p.id IN ({list})"
    );
    let mut by_id: std::collections::HashMap<i64, ProblemSummary> = c
        .prepare(&sql)?
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                ProblemSummary {
                    slug: r.get(1)?,
                    title: r.get(2)?,
                    difficulty: parse_enum(r, 3)?,
                    categories: parse_json(r, 4)?,
                    companies: parse_json(r, 5)?,
                    status: parse_enum(r, 6)?,
                },
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
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
        assert_eq!(
            fts_query("A").as_deref(),
            Some("title : \"a\"*"),
            "one letter searches titles"
        );
        assert_eq!(fts_query("ab").as_deref(), Some("\"ab\"*"));
    }
}
