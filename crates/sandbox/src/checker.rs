//! The `custom` comparator: the problem's own checker.py decides whether each answer is
//! right. It runs in the Python runner image under the same sandbox as everything else, and
//! sees the candidate's answers only as data.

use crate::{JudgeRequest, Progress, Result, Sandbox, SandboxError};
use rehearse_core::run::{TestResult, Verdict};
use serde_json::{json, Value};

const RUNNER: &str = r#"import json, os, sys
sys.path.insert(0, os.getcwd())
from checker import check
verdicts = []
for case in json.load(open("cases.json")):
    try:
        verdicts.append(bool(check(case["input"], case["expected"], case["actual"])))
    except Exception as e:
        verdicts.append("%s: %s" % (type(e).__name__, e))
sys.stdout.write(json.dumps(verdicts))
"#;

impl Sandbox {
    /// Replaces the verdict of every test that produced an answer with the checker's.
    pub(crate) async fn check_answers(
        &self,
        req: &JudgeRequest,
        tests: &mut [TestResult],
        progress: Progress<'_>,
    ) -> Result<()> {
        let Some(checker) = &req.checker else {
            return Err(SandboxError::InvalidInput(
                "the problem uses a custom comparator but ships no checker.py".into(),
            ));
        };
        let judged: Vec<usize> = tests
            .iter()
            .enumerate()
            .filter(|(_, t)| {
                matches!(t.verdict, Verdict::Accepted | Verdict::WrongAnswer)
                    && t.expected.is_some()
                    && t.actual.is_some()
            })
            .map(|(i, _)| i)
            .collect();
        if judged.is_empty() {
            return Ok(());
        }
        let cases: Vec<Value> = judged
            .iter()
            .map(|&i| json!({"input": tests[i].input, "expected": tests[i].expected, "actual": tests[i].actual}))
            .collect();
        let files = vec![
            ("checker.py".to_string(), checker.as_bytes().to_vec()),
            ("run_checker.py".to_string(), RUNNER.as_bytes().to_vec()),
            (
                "cases.json".to_string(),
                serde_json::to_vec(&cases).map_err(|e| SandboxError::Internal(e.to_string()))?,
            ),
        ];
        let verdicts = match self
            .python_json::<Vec<Value>>(files, "run_checker.py", 16 << 20, progress)
            .await?
        {
            Ok(v) if v.len() == judged.len() => Ok(v),
            Ok(v) => Err(format!(
                "It gave {} verdicts for {} tests.",
                v.len(),
                judged.len()
            )),
            Err(why) => Err(why),
        };
        let verdicts = match verdicts {
            Ok(v) => v,
            Err(why) => {
                for &i in &judged {
                    tests[i].verdict = Verdict::InternalError;
                    tests[i].message = Some(
                        format!("The problem's checker failed. {why}")
                            .trim()
                            .to_string(),
                    );
                }
                return Ok(());
            }
        };
        for (&i, verdict) in judged.iter().zip(verdicts) {
            match verdict {
                Value::Bool(true) => tests[i].verdict = Verdict::Accepted,
                Value::Bool(false) => tests[i].verdict = Verdict::WrongAnswer,
                other => {
                    tests[i].verdict = Verdict::InternalError;
                    tests[i].message = Some(format!(
                        "The problem's checker failed on this test: {}",
                        other.as_str().unwrap_or("")
                    ));
                }
            }
        }
        Ok(())
    }
}
