//! The problem model: what `problems/<slug>/` holds once parsed, and the views of it that
//! leave the core (summaries and details never carry hidden tests or reference solutions).

use crate::language::Language;
use crate::types::TypeRef;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl Difficulty {
    pub fn id(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
        }
    }

    pub fn parse(s: &str) -> Option<Difficulty> {
        [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard]
            .into_iter()
            .find(|d| d.id().eq_ignore_ascii_case(s))
    }
}

macro_rules! categories {
    ($($variant:ident = $id:literal, $label:literal;)*) => {
        /// The topic a problem practises.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        pub enum Category {
            $(#[serde(rename = $id)] $variant,)*
        }

        impl Category {
            pub const ALL: &'static [Category] = &[$(Category::$variant),*];

            pub fn id(self) -> &'static str {
                match self { $(Category::$variant => $id,)* }
            }

            pub fn label(self) -> &'static str {
                match self { $(Category::$variant => $label,)* }
            }
        }
    };
}

categories! {
    ArraysHashing = "arrays-hashing", "Arrays & hashing";
    TwoPointers = "two-pointers", "Two pointers";
    SlidingWindow = "sliding-window", "Sliding window";
    Stack = "stack", "Stack";
    BinarySearch = "binary-search", "Binary search";
    LinkedList = "linked-list", "Linked list";
    Trees = "trees", "Trees";
    Graphs = "graphs", "Graphs";
    Heaps = "heaps", "Heaps";
    Backtracking = "backtracking", "Backtracking";
    DynamicProgramming = "dynamic-programming", "Dynamic programming";
    Intervals = "intervals", "Intervals";
    Greedy = "greedy", "Greedy";
    Bits = "bits", "Bit manipulation";
    Strings = "strings", "Strings";
    Matrices = "matrices", "Matrices";
    Math = "math", "Math";
}

impl Category {
    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.iter().copied().find(|c| c.id() == s)
    }
}

/// How a candidate's answer is compared with the expected one.
#[derive(Debug, Clone, PartialEq)]
pub enum Comparator {
    Exact,
    /// The answer is a list whose order does not matter (at the top level).
    Unordered,
    /// Numbers may differ by at most this absolute tolerance.
    Float(f64),
    /// A `checker.py` shipped with the problem decides.
    Custom,
}

impl Comparator {
    pub fn parse(s: &str) -> Result<Comparator, String> {
        match s {
            "exact" => Ok(Comparator::Exact),
            "unordered" => Ok(Comparator::Unordered),
            "custom" => Ok(Comparator::Custom),
            _ => match s.strip_prefix("float:").map(str::parse::<f64>) {
                Some(Ok(t)) if t > 0.0 && t < 1.0 => Ok(Comparator::Float(t)),
                _ => Err(format!(
                    "unknown comparator `{s}` (use exact, unordered, float:<tolerance> or custom)"
                )),
            },
        }
    }
}

impl std::fmt::Display for Comparator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Comparator::Exact => f.write_str("exact"),
            Comparator::Unordered => f.write_str("unordered"),
            Comparator::Float(t) => write!(f, "float:{t:e}"),
            Comparator::Custom => f.write_str("custom"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    pub name: String,
    pub ty: TypeRef,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    /// snake_case; each language's starter converts it to its own convention.
    pub function: String,
    pub params: Vec<Param>,
    pub returns: TypeRef,
    /// For `void` functions: the parameter whose final value is the answer.
    pub output: Option<String>,
}

impl Signature {
    /// The type the expected value of a test has.
    pub fn answer_type(&self) -> &TypeRef {
        match (&self.returns, &self.output) {
            (TypeRef::Void, Some(out)) => self
                .params
                .iter()
                .find(|p| &p.name == out)
                .map_or(&self.returns, |p| &p.ty),
            (returns, _) => returns,
        }
    }

    pub fn to_json(&self) -> Value {
        serde_json::json!({
            "function": self.function,
            "params": self.params.iter().map(|p| serde_json::json!({"name": p.name, "type": p.ty.to_string()})).collect::<Vec<_>>(),
            "returns": self.returns.to_string(),
            "output": self.output,
        })
    }

    /// Reads the form written by [`Signature::to_json`].
    pub fn from_json(text: &str) -> Result<Signature, String> {
        #[derive(Deserialize)]
        struct P {
            name: String,
            #[serde(rename = "type")]
            ty: String,
        }
        #[derive(Deserialize)]
        struct S {
            function: String,
            params: Vec<P>,
            returns: String,
            output: Option<String>,
        }
        let s: S = serde_json::from_str(text)
            .map_err(|e| format!("stored signature is unreadable: {e}"))?;
        let params = s
            .params
            .into_iter()
            .map(|p| {
                Ok(Param {
                    ty: TypeRef::parse(&p.ty)?,
                    name: p.name,
                })
            })
            .collect::<Result<_, String>>()?;
        Ok(Signature {
            function: s.function,
            params,
            returns: TypeRef::parse(&s.returns)?,
            output: s.output,
        })
    }

    /// `two_sum(nums: int[], target: int) -> int[]`
    pub fn display(&self) -> String {
        let params: Vec<String> = self
            .params
            .iter()
            .map(|p| format!("{}: {}", p.name, p.ty))
            .collect();
        format!(
            "{}({}) -> {}",
            self.function,
            params.join(", "),
            self.returns
        )
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TestCase {
    pub input: BTreeMap<String, Value>,
    pub expected: Value,
    #[serde(default)]
    pub example: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
}

/// A fully parsed and validated problem.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub slug: String,
    pub title: String,
    pub difficulty: Difficulty,
    pub categories: Vec<Category>,
    pub companies: Vec<String>,
    pub hints: Vec<String>,
    pub follow_ups: Vec<String>,
    pub signature: Signature,
    pub comparator: Comparator,
    pub time_complexity: String,
    pub space_complexity: String,
    pub time_limit_ms: u32,
    pub statement: String,
    pub tests: Vec<TestCase>,
    pub solutions: BTreeMap<Language, String>,
    pub checker: Option<String>,
    /// How to generate inputs of growing size, to measure a solution's growth.
    pub scaling: Option<Scaling>,
    /// Without `scaling`: why this problem's growth cannot be measured.
    pub unscaled: Option<String>,
}

/// `[scaling]` in problem.toml: a Python `generate(n, rng)` returning one input (parameter
/// name to value) of size `n`, the sizes to measure, and the growth the target complexity
/// means in terms of that `n`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scaling {
    pub generator: String,
    pub sizes: Vec<u32>,
    pub expect: crate::growth::Growth,
}

/// How far the candidate has got with a problem, from the runs stored for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ProblemStatus {
    New,
    Attempted,
    Solved,
}

/// One row of the library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ProblemSummary {
    pub slug: String,
    pub title: String,
    pub difficulty: Difficulty,
    pub categories: Vec<Category>,
    pub companies: Vec<String>,
    pub status: ProblemStatus,
}

/// An example test as shown to the candidate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Example {
    #[ts(type = "Record<string, unknown>")]
    pub input: BTreeMap<String, Value>,
    #[ts(type = "unknown")]
    pub expected: Value,
    pub explanation: Option<String>,
}

/// Everything the problem view shows. Never carries hidden tests or solutions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ProblemDetail {
    pub slug: String,
    pub title: String,
    pub difficulty: Difficulty,
    pub categories: Vec<Category>,
    pub companies: Vec<String>,
    pub statement: String,
    pub signature: String,
    pub examples: Vec<Example>,
    pub hint_count: u32,
    pub time_complexity: String,
    pub space_complexity: String,
    pub status: ProblemStatus,
}
