//! The offline evaluator: scores a session from what can be measured (tests passed, time to
//! the first accepted submit, failed submits and errors, hints by level, measured time
//! complexity), never from guesses. A dimension without evidence is "not assessed" and its
//! weight goes to the others, and the report says so.

pub(crate) use crate::report::markdown;
use crate::run::Verdict;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub const EVALUATOR: &str = "offline";
pub const EVALUATOR_VERSION: &str = "2";

/// A recommendation needs at least this share of the weight assessed from evidence.
pub const MIN_ASSESSED_FOR_RECOMMENDATION: f64 = 0.7;

/// One Run or Submit as the evaluator sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Attempt {
    pub at_ms: i64,
    pub submit: bool,
    pub verdict: Verdict,
    pub passed: u32,
    pub total: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HintUse {
    pub at_ms: i64,
    pub level: u32,
}

/// What the sandbox measured of the accepted solution's growth.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Complexity {
    /// Fitted from runs on inputs of growing size; `rank` orders the classes (O(1) = 0 …).
    Measured {
        fitted: String,
        fitted_rank: u32,
        target: String,
        target_rank: u32,
    },
    /// The problem has no input generator (`[scaling]` in problem.toml).
    NoGenerator,
    /// Nothing to measure (no accepted solution) or the measurement failed.
    NotMeasured { why: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Evidence {
    pub duration_ms: i64,
    pub elapsed_ms: i64,
    pub attempts: Vec<Attempt>,
    pub hints: Vec<HintUse>,
    pub transcript_lines: u32,
    pub complexity: Complexity,
}

impl EvidenceItem {
    /// A statement of the host's with no moment.
    pub fn said(text: impl Into<String>) -> EvidenceItem {
        EvidenceItem {
            at_ms: None,
            text: text.into(),
            cite: None,
            quote: None,
        }
    }
}

/// Strengths and improvements as stored: items, or plain lines in evaluations written before
/// they carried their evidence.
fn observations_or_lines<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Vec<EvidenceItem>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Stored {
        Item(EvidenceItem),
        Line(String),
    }
    Ok(Vec::<Stored>::deserialize(d)?
        .into_iter()
        .map(|s| match s {
            Stored::Item(i) => i,
            Stored::Line(l) => cited_line(&l).unwrap_or_else(|| EvidenceItem::said(l)),
        })
        .collect())
}

/// An AI evaluator's strength as it was once stored in one line:
/// `text (transcript:<id> at mm:ss: “quote”)`.
fn cited_line(line: &str) -> Option<EvidenceItem> {
    let rest = line.strip_suffix("”)")?;
    let (head, quote) = rest.rsplit_once(": “")?;
    let (head, at) = head.rsplit_once(" at ")?;
    let (text, cite) = head.rsplit_once(" (")?;
    let (kind, _) = cite.split_once(':')?;
    if !["transcript", "snapshot", "run", "hint"].contains(&kind) {
        return None;
    }
    let (m, s) = at.split_once(':')?;
    let at_ms = (m.parse::<i64>().ok()? * 60 + s.parse::<i64>().ok()?) * 1000;
    Some(EvidenceItem {
        at_ms: Some(at_ms),
        text: text.to_string(),
        cite: Some(cite.to_string()),
        quote: Some(quote.to_string()),
    })
}

/// A fact behind a score, and when in the session it happened (for the replay link).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EvidenceItem {
    pub at_ms: Option<i64>,
    pub text: String,
    /// What the AI evaluator's claim cites (`transcript:<id>` …), checked by the host; None
    /// for the host's own measured facts.
    #[serde(default)]
    pub cite: Option<String>,
    /// The verbatim quote from the cited item.
    #[serde(default)]
    pub quote: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Dimension {
    /// 0–100, or None when not assessed.
    pub score: Option<u32>,
    /// The nominal weight (30, 25, 25, 20).
    pub weight: u32,
    /// The share of the overall score it actually carries, after redistributing the weight
    /// of dimensions not assessed.
    pub effective_weight: f64,
    pub assessed: bool,
    pub evidence: Vec<EvidenceItem>,
    /// Why it was not assessed, or what the score does not cover.
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Dimensions {
    pub problem_solving: Dimension,
    pub code_quality: Dimension,
    pub communication: Dimension,
    pub efficiency: Dimension,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub enum Recommendation {
    #[serde(rename = "strong-yes")]
    StrongYes,
    #[serde(rename = "yes")]
    Yes,
    #[serde(rename = "maybe")]
    Maybe,
    #[serde(rename = "no")]
    No,
    /// Less than 70 % of the weight could be assessed: no recommendation is made.
    #[serde(rename = "insufficient-evidence")]
    InsufficientEvidence,
}

impl Recommendation {
    pub fn label(self) -> &'static str {
        match self {
            Recommendation::StrongYes => "Strong yes",
            Recommendation::Yes => "Yes",
            Recommendation::Maybe => "Maybe",
            Recommendation::No => "No",
            Recommendation::InsufficientEvidence => "Not enough evidence for a recommendation",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Evaluation {
    pub evaluator: String,
    pub evaluator_version: String,
    pub overall: u32,
    pub recommendation: Recommendation,
    /// The rule that produced the recommendation, in words.
    pub recommendation_rule: String,
    pub dimensions: Dimensions,
    /// What went well, each with its moment and, from the AI evaluator, its citation.
    #[serde(deserialize_with = "observations_or_lines")]
    pub strengths: Vec<EvidenceItem>,
    #[serde(deserialize_with = "observations_or_lines")]
    pub improvements: Vec<EvidenceItem>,
    pub markdown: String,
    /// The model that evaluated (None offline).
    #[serde(default)]
    pub model: Option<String>,
    #[serde(default)]
    pub rubric_version: Option<String>,
    #[serde(default)]
    pub prompt_version: Option<String>,
    /// The evaluator's claims dropped because their evidence did not check out.
    #[serde(default)]
    pub removed_claims: u32,
    /// The AI evaluator's detailed report (Markdown).
    #[serde(default)]
    pub detail: Option<String>,
}

/// `mm:ss` of an offset in the session.
pub fn clock(ms: i64) -> String {
    let s = ms.max(0) / 1000;
    format!("{:02}:{:02}", s / 60, s % 60)
}

fn item(at_ms: i64, text: String) -> EvidenceItem {
    EvidenceItem {
        at_ms: Some(at_ms),
        text,
        cite: None,
        quote: None,
    }
}

/// A fact with no moment of its own.
fn fact(text: String) -> EvidenceItem {
    EvidenceItem {
        at_ms: None,
        text,
        cite: None,
        quote: None,
    }
}

fn ratio(a: &Attempt) -> f64 {
    if a.total == 0 {
        0.0
    } else {
        f64::from(a.passed) / f64::from(a.total)
    }
}

fn dim(
    weight: u32,
    score: Option<f64>,
    evidence: Vec<EvidenceItem>,
    note: Option<String>,
) -> Dimension {
    Dimension {
        score: score.map(|s| s.clamp(0.0, 100.0).round() as u32),
        weight,
        effective_weight: 0.0,
        assessed: score.is_some(),
        evidence,
        note,
    }
}

const HINT_COST: [f64; 3] = [5.0, 10.0, 15.0];

fn problem_solving(e: &Evidence) -> Dimension {
    let mut evidence = Vec::new();
    let submits: Vec<&Attempt> = e.attempts.iter().filter(|a| a.submit).collect();
    let accepted = submits.iter().find(|a| a.verdict == Verdict::Accepted);
    let best_submit = submits
        .iter()
        .copied()
        .max_by(|a, b| ratio(a).total_cmp(&ratio(b)));
    let mut score = match best_submit {
        Some(best) => {
            evidence.push(item(
                best.at_ms,
                format!("Best submit passed {}/{} tests", best.passed, best.total),
            ));
            70.0 * ratio(best)
        }
        None => match e
            .attempts
            .iter()
            .max_by(|a, b| ratio(a).total_cmp(&ratio(b)))
        {
            Some(best) => {
                evidence.push(item(
                    best.at_ms,
                    format!(
                        "Never submitted; the best run passed {}/{} example tests",
                        best.passed, best.total
                    ),
                ));
                30.0 * ratio(best)
            }
            None => {
                evidence.push(fact("No code was run or submitted".into()));
                0.0
            }
        },
    };
    if let Some(a) = accepted {
        let used = a.at_ms as f64 / e.duration_ms.max(1) as f64;
        score += 20.0 + 10.0 * (1.0 - used).clamp(0.0, 1.0);
        evidence.push(item(
            a.at_ms,
            format!(
                "First accepted submit at {} of {}",
                clock(a.at_ms),
                clock(e.duration_ms)
            ),
        ));
    }
    for h in &e.hints {
        let cost = HINT_COST[(h.level.clamp(1, 3) - 1) as usize];
        score -= cost;
        evidence.push(item(
            h.at_ms,
            format!(
                "Hint {} revealed at {} (−{cost:.0})",
                h.level,
                clock(h.at_ms)
            ),
        ));
    }
    dim(30, Some(score), evidence, None)
}

fn code_quality(e: &Evidence) -> Dimension {
    if e.attempts.is_empty() {
        return dim(
            25,
            None,
            Vec::new(),
            Some("Not assessed: no code was run.".into()),
        );
    }
    if e.attempts.iter().all(|a| a.passed == 0) {
        return dim(
            25,
            None,
            Vec::new(),
            Some(
                "Not assessed: no run passed a test, so there is no working code to judge.".into(),
            ),
        );
    }
    let mut evidence = Vec::new();
    let mut score = 100.0;
    let first_accept = e
        .attempts
        .iter()
        .position(|a| a.submit && a.verdict == Verdict::Accepted);
    for (i, a) in e.attempts.iter().enumerate() {
        let (cost, what) = match a.verdict {
            Verdict::CompileError => (10.0, "did not compile"),
            Verdict::RuntimeError => (10.0, "crashed"),
            Verdict::Accepted | Verdict::NotRun => continue,
            _ if a.submit && first_accept.is_none_or(|f| i < f) => (15.0, "failed"),
            _ => continue,
        };
        score -= cost;
        let kind = if a.submit { "Submit" } else { "Run" };
        evidence.push(item(
            a.at_ms,
            format!(
                "{kind} at {} {what} ({}) (−{cost:.0})",
                clock(a.at_ms),
                a.verdict.label()
            ),
        ));
    }
    if evidence.is_empty() {
        evidence.push(fact("No failed submit, compile error or crash".into()));
    }
    dim(25, Some(score), evidence, Some("Measured from failed submits, compile errors and crashes; style and naming need the AI evaluator.".into()))
}

fn communication(e: &Evidence) -> Dimension {
    let why = if e.transcript_lines == 0 {
        "Not assessed: there is no transcript (silent session)."
    } else {
        "Not assessed: judging what was said needs the AI evaluator."
    };
    dim(25, None, Vec::new(), Some(why.into()))
}

fn efficiency(e: &Evidence) -> Dimension {
    match &e.complexity {
        Complexity::Measured {
            fitted,
            fitted_rank,
            target,
            target_rank,
        } => {
            let behind = fitted_rank.saturating_sub(*target_rank);
            let score = match behind {
                0 => 100.0,
                1 => 50.0,
                _ => 20.0,
            };
            let text = format!("Measured {fitted}; the target is {target}");
            dim(20, Some(score), vec![fact(text)], None)
        }
        Complexity::NoGenerator => dim(
            20,
            None,
            Vec::new(),
            Some(
                "Not assessed: this problem has no input generator to measure growth with.".into(),
            ),
        ),
        Complexity::NotMeasured { why } => {
            dim(20, None, Vec::new(), Some(format!("Not assessed: {why}")))
        }
    }
}

pub fn evaluate(e: &Evidence) -> Evaluation {
    let mut dims = Dimensions {
        problem_solving: problem_solving(e),
        code_quality: code_quality(e),
        communication: communication(e),
        efficiency: efficiency(e),
    };
    let (overall, assessed_share) = weigh(&mut dims);
    let accepted = e
        .attempts
        .iter()
        .any(|a| a.submit && a.verdict == Verdict::Accepted);
    let top_hint = e.hints.iter().map(|h| h.level).max().unwrap_or(0);
    let (recommendation, recommendation_rule) = if assessed_share < MIN_ASSESSED_FOR_RECOMMENDATION
    {
        (
            Recommendation::InsufficientEvidence,
            format!(
                "Only {:.0}% of the weight could be assessed (a recommendation needs {:.0}%): not enough evidence for a recommendation",
                assessed_share * 100.0,
                MIN_ASSESSED_FOR_RECOMMENDATION * 100.0
            ),
        )
    } else if accepted && overall >= 85 && top_hint <= 1 {
        (
            Recommendation::StrongYes,
            format!("Accepted, overall {overall} ≥ 85, at most the first hint: strong yes"),
        )
    } else if accepted && overall >= 70 {
        (
            Recommendation::Yes,
            format!("Accepted and overall {overall} ≥ 70: yes"),
        )
    } else if overall >= 50 {
        (
            Recommendation::Maybe,
            format!(
                "Overall {overall} ≥ 50{}: maybe",
                if accepted {
                    ""
                } else {
                    " without an accepted submit"
                }
            ),
        )
    } else {
        (
            Recommendation::No,
            format!(
                "Overall {overall} < 50{}: no",
                if accepted {
                    ""
                } else {
                    " and no accepted submit"
                }
            ),
        )
    };
    let (strengths, improvements) = observations(e, &dims, accepted, top_hint);
    let mut evaluation = Evaluation {
        evaluator: EVALUATOR.into(),
        evaluator_version: EVALUATOR_VERSION.into(),
        overall,
        recommendation,
        recommendation_rule,
        dimensions: dims,
        strengths,
        improvements,
        markdown: String::new(),
        model: None,
        rubric_version: Some(crate::rubric::RUBRIC_VERSION.into()),
        prompt_version: None,
        removed_claims: 0,
        detail: None,
    };
    evaluation.markdown = markdown(&evaluation);
    evaluation
}

/// Sets each assessed dimension's effective weight (the weight of those not assessed goes to
/// the others); returns the overall score and the share of the weight assessed.
pub(crate) fn weigh(dims: &mut Dimensions) -> (u32, f64) {
    let assessed_weight: u32 = all(dims)
        .iter()
        .filter(|d| d.assessed)
        .map(|d| d.weight)
        .sum();
    for d in all_mut(dims) {
        d.effective_weight = if d.assessed {
            f64::from(d.weight) / f64::from(assessed_weight.max(1))
        } else {
            0.0
        };
    }
    let overall = all(dims)
        .iter()
        .filter_map(|d| d.score.map(|s| f64::from(s) * d.effective_weight))
        .sum::<f64>()
        .round() as u32;
    let total_weight: u32 = all(dims).iter().map(|d| d.weight).sum();
    (
        overall,
        f64::from(assessed_weight) / f64::from(total_weight.max(1)),
    )
}

pub(crate) fn dimension_mut(d: &mut Dimensions, id: crate::rubric::DimensionId) -> &mut Dimension {
    use crate::rubric::DimensionId as D;
    match id {
        D::ProblemSolving => &mut d.problem_solving,
        D::CodeQuality => &mut d.code_quality,
        D::Communication => &mut d.communication,
        D::Efficiency => &mut d.efficiency,
    }
}

fn all(d: &Dimensions) -> [&Dimension; 4] {
    [
        &d.problem_solving,
        &d.code_quality,
        &d.communication,
        &d.efficiency,
    ]
}

fn all_mut(d: &mut Dimensions) -> [&mut Dimension; 4] {
    [
        &mut d.problem_solving,
        &mut d.code_quality,
        &mut d.communication,
        &mut d.efficiency,
    ]
}

/// Strengths and things to improve, each a fact from the evidence (none is invented: with
/// nothing to say, the lists stay empty).
fn observations(
    e: &Evidence,
    d: &Dimensions,
    accepted: bool,
    top_hint: u32,
) -> (Vec<EvidenceItem>, Vec<EvidenceItem>) {
    let (mut good, mut better) = (Vec::new(), Vec::new());
    let submits: Vec<&Attempt> = e.attempts.iter().filter(|a| a.submit).collect();
    if let Some(first) = submits.first() {
        if first.verdict == Verdict::Accepted {
            good.push(EvidenceItem {
                at_ms: Some(first.at_ms),
                ..EvidenceItem::said("Accepted on the first submit.")
            });
        }
    }
    if accepted && e.hints.is_empty() {
        good.push(EvidenceItem::said("Solved without hints."));
    }
    if d.efficiency.score == Some(100) {
        good.push(EvidenceItem::said(
            "The measured time complexity meets the target.",
        ));
    }
    if !accepted {
        better.push(EvidenceItem::said(if submits.is_empty() {
            "No solution was submitted."
        } else {
            "No submit was accepted within the time."
        }));
    }
    let failed = submits
        .iter()
        .take_while(|a| a.verdict != Verdict::Accepted)
        .count();
    if accepted && failed > 0 {
        better.push(EvidenceItem::said(format!("{failed} failed submit{} before the accepted one: run the examples and edge cases first.", if failed == 1 { "" } else { "s" })));
    }
    if top_hint >= 2 {
        better.push(EvidenceItem::said(format!(
            "Needed hint {top_hint}: practise this category until the approach comes unaided."
        )));
    }
    if matches!(d.efficiency.score, Some(s) if s < 100) {
        better.push(EvidenceItem::said(
            "The measured growth is slower than the target complexity.",
        ));
    }
    (good, better)
}
