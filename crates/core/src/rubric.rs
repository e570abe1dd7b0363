//! The evaluator's rubric: the four dimensions, their weights, and anchored descriptions of
//! each score band, versioned. The AI evaluator is shown this rubric and scores against it;
//! the offline evaluator uses the same weights. A change of wording or weight bumps
//! [`RUBRIC_VERSION`], and every evaluation stores the version it was made with.

pub const RUBRIC_VERSION: &str = "1";

/// The four dimensions, in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DimensionId {
    ProblemSolving,
    CodeQuality,
    Communication,
    Efficiency,
}

impl DimensionId {
    pub const ALL: [DimensionId; 4] = [
        DimensionId::ProblemSolving,
        DimensionId::CodeQuality,
        DimensionId::Communication,
        DimensionId::Efficiency,
    ];

    /// The key in the evaluator's answer and in stored evaluations.
    pub fn key(self) -> &'static str {
        match self {
            DimensionId::ProblemSolving => "problem_solving",
            DimensionId::CodeQuality => "code_quality",
            DimensionId::Communication => "communication",
            DimensionId::Efficiency => "efficiency",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            DimensionId::ProblemSolving => "Problem solving",
            DimensionId::CodeQuality => "Code quality",
            DimensionId::Communication => "Communication",
            DimensionId::Efficiency => "Efficiency",
        }
    }

    /// The nominal weight, out of 100.
    pub fn weight(self) -> u32 {
        match self {
            DimensionId::ProblemSolving => 30,
            DimensionId::CodeQuality => 25,
            DimensionId::Communication => 25,
            DimensionId::Efficiency => 20,
        }
    }

    /// What the dimension judges, and what each band of scores means.
    pub fn anchors(self) -> (&'static str, [(&'static str, &'static str); 4]) {
        match self {
            DimensionId::ProblemSolving => (
                "understanding the problem, finding a correct approach, reaching a working solution",
                [
                    ("85-100", "a correct solution reached with little or no help; edge cases handled unprompted"),
                    ("65-84", "a correct or nearly correct solution; some hints or several attempts"),
                    ("40-64", "the right idea but an incomplete or buggy solution, or one reached with strong hints"),
                    ("0-39", "no workable approach, or only what the hints gave"),
                ],
            ),
            DimensionId::CodeQuality => (
                "readable, idiomatic, well-structured code; sensible names; no dead code",
                [
                    ("85-100", "clean and idiomatic; a colleague would approve it as it is"),
                    ("65-84", "clear with minor issues (naming, a little duplication)"),
                    ("40-64", "works but is hard to follow, or mixes concerns"),
                    ("0-39", "confusing or fragile code"),
                ],
            ),
            DimensionId::Communication => (
                "explaining the approach before and while coding, answering questions, reasoning aloud about complexity and edge cases",
                [
                    ("85-100", "explained the plan first, kept the interviewer informed, answered precisely"),
                    ("65-84", "explained most steps; needed some prompting"),
                    ("40-64", "terse or unclear; explanations came only when asked"),
                    ("0-39", "little or no explanation"),
                ],
            ),
            DimensionId::Efficiency => (
                "time and space complexity of the solution against the target, and the candidate's analysis of it",
                [
                    ("85-100", "meets the target complexity, with a correct analysis"),
                    ("65-84", "meets the target, with a shaky analysis; or close to it"),
                    ("40-64", "a slower class than the target, recognised as such"),
                    ("0-39", "far from the target, or no analysis"),
                ],
            ),
        }
    }
}

/// The rubric as the evaluator reads it.
pub fn text() -> String {
    let mut out = String::new();
    for d in DimensionId::ALL {
        let (what, bands) = d.anchors();
        out.push_str(&format!(
            "- {} (`{}`, weight {}): {what}.\n",
            d.title(),
            d.key(),
            d.weight()
        ));
        for (band, meaning) in bands {
            out.push_str(&format!("  - {band}: {meaning}\n"));
        }
    }
    out
}
