//! Progress over time: scores per session and per dimension, strengths and weaknesses per
//! category, and what to practise next (a failed problem due for another try, else the
//! weakest category's next unsolved problem).

use crate::{App, AppError};
use rehearse_core::now_ms;
use rehearse_core::problem::{Category, ProblemStatus};
use rehearse_core::session::SessionStatus;
use rehearse_store::{ProblemQuery, SessionQuery};
use serde::Serialize;
use std::collections::BTreeMap;
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
        let sessions = self.store.sessions(&SessionQuery::default())?;
        let mut points = Vec::new();
        let mut per_category: BTreeMap<Category, (u32, u32, u32)> = BTreeMap::new();
        let mut categories_of = BTreeMap::new();
        for s in sessions
            .iter()
            .rev()
            .filter(|s| s.status != SessionStatus::Active)
        {
            let Some(ev) = self.store.evaluations(&s.id)?.into_iter().next() else {
                continue;
            };
            let d = &ev.dimensions;
            points.push(ScorePoint {
                session_id: s.id.clone(),
                at: s.started_at.unwrap_or(0),
                overall: ev.overall,
                problem_solving: d.problem_solving.score,
                code_quality: d.code_quality.score,
                communication: d.communication.score,
                efficiency: d.efficiency.score,
            });
            if !categories_of.contains_key(&s.problem_slug) {
                let cats = self
                    .store
                    .problem(&s.problem_slug)
                    .map(|p| p.categories)
                    .unwrap_or_default();
                categories_of.insert(s.problem_slug.clone(), cats);
            }
            let solved = u32::from(
                self.store
                    .session_attempts(&s.id)?
                    .iter()
                    .any(|a| a.submit && a.verdict == rehearse_core::run::Verdict::Accepted),
            );
            for c in &categories_of[&s.problem_slug] {
                let entry = per_category.entry(*c).or_default();
                entry.0 += 1;
                entry.1 += ev.overall;
                entry.2 += solved;
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
        let next = self.next_problem(&sessions, &categories)?;
        Ok(Progress {
            points,
            categories,
            next,
        })
    }

    fn next_problem(
        &self,
        sessions: &[rehearse_core::session::Session],
        weakest: &[CategoryProgress],
    ) -> Result<Option<NextProblem>, AppError> {
        let page = self.store.list_problems(&ProblemQuery::default())?;
        let unsolved = |slug: &str| {
            page.problems
                .iter()
                .find(|p| p.slug == slug && p.status != ProblemStatus::Solved)
        };
        // Spaced repetition: the oldest failed session whose problem is still unsolved and has
        // not been tried again for a few days.
        let due = now_ms() - RETRY_AFTER_DAYS * 86_400_000;
        for s in sessions
            .iter()
            .filter(|s| s.status != SessionStatus::Active)
        {
            let latest_try = sessions
                .iter()
                .filter(|o| o.problem_slug == s.problem_slug)
                .filter_map(|o| o.started_at)
                .max()
                .unwrap_or(0);
            if latest_try <= due && s.score.is_some_and(|v| v < 70) {
                if let Some(p) = unsolved(&s.problem_slug) {
                    let days = (now_ms() - latest_try) / 86_400_000;
                    return Ok(Some(NextProblem {
                        slug: p.slug.clone(),
                        title: p.title.clone(),
                        reason: format!(
                            "You scored {} on it {days} days ago: time to try it again.",
                            s.score.unwrap_or(0)
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
