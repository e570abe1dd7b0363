//! Progress over time: scores per session and per dimension, strengths and weaknesses per
//! category, and what to practise next (a failed problem due for another try, else the
//! weakest category's next unsolved problem).

use crate::{App, AppError};
use rehearse_core::now_ms;
use rehearse_core::problem::{Category, ProblemStatus, ProblemSummary};
use rehearse_store::{ProblemQuery, ScoredSession};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use ts_rs::TS;

/// One finished session's scores (None: not assessed).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ScorePoint {
    pub session_id: String,
    pub at: i64,
    pub overall: u32,
    pub problem_solving: Option<u32>,
    pub code_quality: Option<u32>,
    pub communication: Option<u32>,
    pub efficiency: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CategoryProgress {
    pub category: Category,
    pub label: String,
    pub sessions: u32,
    pub average: u32,
    pub solved: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct NextProblem {
    pub slug: String,
    pub title: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Progress {
    /// Oldest first.
    pub points: Vec<ScorePoint>,
    /// Weakest first.
    pub categories: Vec<CategoryProgress>,
    pub next: Option<NextProblem>,
}

/// A failed problem comes back after this long.
const RETRY_AFTER_DAYS: i64 = 3;

impl App {
    pub fn progress(&self) -> Result<Progress, AppError> {
        let scored = self.store.scored_sessions()?;
        let library = self.store.list_problems(&ProblemQuery::default())?.problems;
        let categories_of: HashMap<&str, &[Category]> = library
            .iter()
            .map(|p| (p.slug.as_str(), p.categories.as_slice()))
            .collect();
        let mut per_category: BTreeMap<Category, (u32, u32, u32)> = BTreeMap::new();
        for s in &scored {
            for c in categories_of
                .get(s.problem_slug.as_str())
                .copied()
                .unwrap_or_default()
            {
                let entry = per_category.entry(*c).or_default();
                entry.0 += 1;
                entry.1 += s.overall;
                entry.2 += u32::from(s.solved);
            }
        }
        let mut categories: Vec<CategoryProgress> = per_category
            .into_iter()
            .map(|(category, (n, sum, solved))| CategoryProgress {
                category,
                label: category.label().into(),
                sessions: n,
                average: sum / n.max(1),
                solved,
            })
            .collect();
        categories.sort_by_key(|c| (c.average, c.sessions));
        let next = self.next_problem(&scored, &library, &categories)?;
        Ok(Progress {
            points: scored
                .into_iter()
                .map(|s| ScorePoint {
                    session_id: s.session_id,
                    at: s.started_at.unwrap_or(0),
                    overall: s.overall,
                    problem_solving: s.problem_solving,
                    code_quality: s.code_quality,
                    communication: s.communication,
                    efficiency: s.efficiency,
                })
                .collect(),
            categories,
            next,
        })
    }

    fn next_problem(
        &self,
        scored: &[ScoredSession],
        library: &[ProblemSummary],
        weakest: &[CategoryProgress],
    ) -> Result<Option<NextProblem>, AppError> {
        let unsolved = |slug: &str| {
            library
                .iter()
                .find(|p| p.slug == slug && p.status != ProblemStatus::Solved)
        };
        let mut latest_try: HashMap<&str, i64> = HashMap::new();
        for s in scored {
            let at = latest_try.entry(s.problem_slug.as_str()).or_default();
            *at = (*at).max(s.started_at.unwrap_or(0));
        }
        // Spaced repetition: the newest failed session whose problem is still unsolved and has
        // not been tried again for a few days.
        let due = now_ms() - RETRY_AFTER_DAYS * 86_400_000;
        for s in scored.iter().rev() {
            let latest = latest_try[s.problem_slug.as_str()];
            if latest <= due && s.overall < 70 {
                if let Some(p) = unsolved(&s.problem_slug) {
                    let days = (now_ms() - latest) / 86_400_000;
                    return Ok(Some(NextProblem {
                        slug: p.slug.clone(),
                        title: p.title.clone(),
                        reason: format!(
                            "You scored {} on it {days} days ago: time to try it again.",
                            s.overall
                        ),
                    }));
                }
            }
        }
        // The weakest category practised so far, else a category never practised.
        let practised: Vec<Category> = weakest.iter().map(|c| c.category).collect();
        let untried = Category::ALL
            .iter()
            .copied()
            .find(|c| !practised.contains(c));
        let target = weakest.first().filter(|c| c.average < 70).map(|c| {
            (
                c.category,
                format!(
                    "{} is your weakest category (average {}).",
                    c.label, c.average
                ),
            )
        });
        let target = target
            .or_else(|| untried.map(|c| (c, format!("You have not practised {} yet.", c.label()))));
        let Some((category, reason)) = target else {
            return Ok(None);
        };
        let in_category = self.store.list_problems(&ProblemQuery {
            category: Some(category),
            ..Default::default()
        })?;
        Ok(in_category
            .problems
            .iter()
            .find(|p| p.status == ProblemStatus::New)
            .or_else(|| {
                in_category
                    .problems
                    .iter()
                    .find(|p| p.status != ProblemStatus::Solved)
            })
            .map(|p| NextProblem {
                slug: p.slug.clone(),
                title: p.title.clone(),
                reason,
            }))
    }
}
