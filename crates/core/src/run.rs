//! What running code produces: verdicts, per-test results, run and exec reports, and the
//! comparison of an answer with the expected one. The sandbox fills these in; the store keeps
//! them; the UI and the CLI show them.

use crate::language::Language;
use crate::problem::Comparator;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Accepted,
    WrongAnswer,
    TimeLimitExceeded,
    MemoryLimitExceeded,
    RuntimeError,
    CompileError,
    OutputLimitExceeded,
    InternalError,
    /// An earlier test stopped the run before this one started.
    NotRun,
}

impl Verdict {
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Accepted => "accepted",
            Verdict::WrongAnswer => "wrong_answer",
            Verdict::TimeLimitExceeded => "time_limit_exceeded",
            Verdict::MemoryLimitExceeded => "memory_limit_exceeded",
            Verdict::RuntimeError => "runtime_error",
            Verdict::CompileError => "compile_error",
            Verdict::OutputLimitExceeded => "output_limit_exceeded",
            Verdict::InternalError => "internal_error",
            Verdict::NotRun => "not_run",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Verdict::Accepted => "Accepted",
            Verdict::WrongAnswer => "Wrong Answer",
            Verdict::TimeLimitExceeded => "Time Limit Exceeded",
            Verdict::MemoryLimitExceeded => "Memory Limit Exceeded",
            Verdict::RuntimeError => "Runtime Error",
            Verdict::CompileError => "Compile Error",
            Verdict::OutputLimitExceeded => "Output Limit Exceeded",
            Verdict::InternalError => "Internal Error",
            Verdict::NotRun => "Not run",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum RunMode {
    /// The example tests, plus any custom input.
    Run,
    /// Every test, hidden ones included.
    Submit,
}

/// One test as run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TestResult {
    pub index: u32,
    pub example: bool,
    /// Input the candidate typed rather than one of the problem's tests.
    pub custom: bool,
    pub verdict: Verdict,
    pub time_ms: Option<f64>,
    pub memory_kb: Option<u64>,
    pub stdout: String,
    pub stderr: String,
    /// The app leaves out input, expected and actual answers of hidden tests that pass.
    #[ts(type = "Record<string, unknown> | null")]
    pub input: Option<Value>,
    #[ts(type = "unknown")]
    pub expected: Option<Value>,
    #[ts(type = "unknown")]
    pub actual: Option<Value>,
    /// The exception, signal or limit behind a failure, for a person to read.
    pub message: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RunReport {
    pub verdict: Verdict,
    pub passed: u32,
    pub total: u32,
    pub wall_ms: u64,
    pub compile_output: Option<String>,
    pub compile_ms: Option<u64>,
    /// The compiled program came from the cache (source unchanged since an earlier run).
    pub compile_cached: bool,
    pub language: Language,
    pub mode: RunMode,
    pub tests: Vec<TestResult>,
}

impl RunReport {
    /// Accepted when every test ran and passed. Otherwise the first failing test decides,
    /// as on the judges people know; tests that did not run with nothing that stopped them
    /// (which the sandbox never reports) are an Internal Error, never a pass.
    pub fn overall(tests: &[TestResult]) -> Verdict {
        if tests.is_empty() {
            return Verdict::InternalError;
        }
        if let Some(failed) = tests
            .iter()
            .map(|t| t.verdict)
            .find(|v| !matches!(v, Verdict::Accepted | Verdict::NotRun))
        {
            return failed;
        }
        if tests.iter().all(|t| t.verdict == Verdict::Accepted) {
            Verdict::Accepted
        } else {
            Verdict::InternalError
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExecStatus {
    Ok,
    RuntimeError,
    TimeLimitExceeded,
    MemoryLimitExceeded,
    OutputLimitExceeded,
    CompileError,
}

/// A program run with stdin (the playground).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExecReport {
    pub status: ExecStatus,
    pub exit_code: Option<i32>,
    pub signal: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub time_ms: u64,
    pub memory_kb: Option<u64>,
    pub timed_out: bool,
    pub oom_killed: bool,
    pub output_truncated: bool,
    pub compile_output: Option<String>,
}

/// Whether `actual` answers a test whose expected answer is `expected`.
/// `Custom` is decided by the problem's checker, not here.
pub fn answers_match(comparator: &Comparator, expected: &Value, actual: &Value) -> bool {
    match comparator {
        Comparator::Exact | Comparator::Custom => expected == actual,
        Comparator::Float(tol) => close(expected, actual, *tol),
        Comparator::Unordered => match (expected, actual) {
            (Value::Array(e), Value::Array(a)) => {
                let mut e: Vec<String> = e.iter().map(canonical).collect();
                let mut a: Vec<String> = a.iter().map(canonical).collect();
                e.sort();
                a.sort();
                e == a
            }
            _ => expected == actual,
        },
    }
}

/// An order-free form of a value: nested arrays are sorted too, so `[[2,1],[3]]` and
/// `[[3],[1,2]]` compare equal under the unordered comparator.
fn canonical(v: &Value) -> String {
    match v {
        Value::Array(items) => {
            let mut parts: Vec<String> = items.iter().map(canonical).collect();
            parts.sort();
            format!("[{}]", parts.join(","))
        }
        other => other.to_string(),
    }
}

fn close(expected: &Value, actual: &Value, tol: f64) -> bool {
    match (expected, actual) {
        (Value::Number(e), Value::Number(a)) => match (e.as_f64(), a.as_f64()) {
            (Some(e), Some(a)) => (e - a).abs() <= tol * e.abs().max(1.0),
            _ => false,
        },
        (Value::Array(e), Value::Array(a)) => {
            e.len() == a.len() && e.iter().zip(a).all(|(e, a)| close(e, a, tol))
        }
        _ => expected == actual,
    }
}

/// One layer of an image being downloaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LayerProgress {
    pub id: String,
    /// Docker's word for the step: "Downloading", "Extracting", "Pull complete", …
    pub status: String,
    pub current: u64,
    pub total: u64,
}

/// What the sandbox is doing while a person waits for a result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SandboxProgress {
    Pulling {
        image: String,
        layers: Vec<LayerProgress>,
    },
    Starting {
        language: Language,
    },
    Compiling {
        language: Language,
    },
    Running {
        started: u32,
        total: u32,
    },
}

/// Whether a language's runner image is on this machine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RunnerInfo {
    pub language: Language,
    pub image: String,
    pub present: bool,
}
