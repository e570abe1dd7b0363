//! The AI evaluator: at the end of a session (when the evaluator role is on) and on
//! re-grading, the session's case file goes to the evaluator's model; its answer is checked
//! against the record by `core::review` (claims without evidence dropped and counted) and
//! stored beside the session's other evaluations, which are all kept.

use crate::{App, AppError};
use rehearse_agents::{AgentError, CancellationToken, Message, Request, Tool};
use rehearse_core::evaluate::Evaluation;
use rehearse_core::review::{self, Answer, CaseFile, CaseHint, CaseRun, CaseSnapshot};
use rehearse_core::run::Verdict;
use rehearse_core::session::{SessionEvent, SessionStatus};
use rehearse_core::settings::{AiChoice, AiRole};

/// The report is the longest answer an agent gives.
const REPORT_TOKENS: u32 = 3_000;

impl App {
    /// Everything the evaluator is shown of session `sid`, with its latest offline evaluation.
    pub fn case_file(&self, sid: &str) -> Result<CaseFile, AppError> {
        let s = self.store.session(sid)?;
        let evaluations = self.store.evaluations(sid)?;
        let offline = evaluations
            .iter()
            .find(|e| e.evaluator == rehearse_core::evaluate::EVALUATOR)
            .or(evaluations.first())
            .cloned()
            .ok_or_else(|| AppError::Unready(rehearse_core::ErrorBody::new(
                rehearse_core::ErrorCode::InvalidInput,
                format!("Session `{sid}` has no report yet: end it first (`rehearse sessions end {sid}`)."),
            )))?;
        let solutions = self.store.judge_material(&s.problem_slug)?.solutions;
        let reference = solutions
            .get(&s.language)
            .or_else(|| solutions.values().next())
            .cloned();
        let runs = self.store.session_runs(sid)?;
        let case_runs = self
            .store
            .timeline(sid)?
            .into_iter()
            .filter_map(|t| match t.event {
                SessionEvent::Run {
                    run_id,
                    mode,
                    verdict,
                    passed,
                    total,
                } => {
                    let failure = runs.iter().find(|r| r.id == run_id).and_then(|r| {
                        r.tests
                            .iter()
                            .find(|t| t.verdict != Verdict::Accepted)
                            .map(|t| {
                                let msg = t.message.as_deref().unwrap_or(t.verdict.id());
                                format!(
                                    "test {}: {}",
                                    t.index + 1,
                                    msg.chars().take(200).collect::<String>()
                                )
                            })
                    });
                    Some(CaseRun {
                        id: run_id,
                        at_ms: t.at_ms,
                        submit: mode == "submit",
                        verdict: serde_json::from_value(serde_json::Value::String(verdict))
                            .unwrap_or(Verdict::InternalError),
                        passed,
                        total,
                        failure,
                    })
                }
                _ => None,
            })
            .collect();
        Ok(CaseFile {
            problem: self.store.problem(&s.problem_slug)?,
            language: s.language,
            reference,
            lines: self.store.transcript(sid)?,
            snapshots: self
                .store
                .snapshots(sid)?
                .into_iter()
                .map(|s| CaseSnapshot {
                    id: s.id,
                    at_ms: s.at_ms,
                    kind: s.kind,
                    code: s.code,
                })
                .collect(),
            runs: case_runs,
            hints: self
                .store
                .session_hints(sid)?
                .into_iter()
                .map(|(h, text)| CaseHint {
                    at_ms: h.at_ms,
                    level: h.level,
                    text,
                })
                .collect(),
            notes: self.store.code_notes(sid)?,
            offline,
        })
    }

    /// Has the evaluator's model (`over`: the CLI's flags) evaluate ended session `sid`, and
    /// stores the evaluation beside the others. Fails with what to do when the role cannot
    /// run or the model gives no usable answer; the session's other reports stay.
    pub async fn regrade(&self, sid: &str, over: &AiChoice) -> Result<Evaluation, AppError> {
        let cancel = &CancellationToken::new();
        let s = self.store.session(sid)?;
        if s.status == SessionStatus::Active {
            return Err(AppError::Unready(rehearse_core::ErrorBody::new(
                rehearse_core::ErrorCode::InvalidInput,
                format!("Session `{sid}` is still running: end it before grading it again."),
            )));
        }
        let agent = self.require_agent(AiRole::Evaluator, over)?;
        let case = self.case_file(sid)?;
        let req = Request::new(
            review::instructions(&case),
            vec![Message::user(review::request(&case))],
            REPORT_TOKENS,
        );
        let shape = Tool {
            name: review::ANSWER_TOOL.into(),
            description: "The scored, evidence-linked evaluation of the interview.".into(),
            schema: review::answer_schema(),
        };
        let (value, answer) = match agent.llm.ask(&req, &shape, cancel).await {
            Ok(done) => done,
            Err(e) => {
                self.record_call(Some(sid), &agent, &Err(e.clone()));
                return Err(e.into());
            }
        };
        let model = if answer.model.is_empty() {
            agent.llm.endpoint().model.clone()
        } else {
            answer.model.clone()
        };
        self.record_call(Some(sid), &agent, &Ok(answer));
        let parsed: Answer = serde_json::from_value(value).map_err(|e| {
            AppError::Agent(AgentError::BadOutput {
                reason: e.to_string(),
            })
        })?;
        let evaluation = review::judge(&case, &parsed, &model);
        self.store.add_evaluation(sid, &evaluation)?;
        tracing::info!(session = %sid, %model, removed = evaluation.removed_claims, "evaluated by the AI evaluator");
        Ok(evaluation)
    }

    /// After a session's offline report: the AI evaluator's, once, when its role is on. Its
    /// failure is logged, and the offline report stands (re-grading can try again).
    pub(crate) async fn evaluate_ended(&self, sid: &str, offline: Evaluation) -> Evaluation {
        let done = self
            .store
            .evaluations(sid)
            .ok()
            .and_then(|all| all.into_iter().find(|e| e.evaluator == review::EVALUATOR));
        if let Some(ev) = done {
            return ev;
        }
        match self.agent(AiRole::Evaluator, &AiChoice::default()) {
            Ok(Some(_)) => {}
            _ => return offline,
        }
        match self.regrade(sid, &AiChoice::default()).await {
            Ok(ev) => ev,
            Err(e) => {
                tracing::warn!(session = %sid, error = %e, "the AI evaluator gave no report; the offline one stands");
                offline
            }
        }
    }

    /// Every evaluation of session `sid`, newest first.
    pub fn evaluations(&self, sid: &str) -> Result<Vec<Evaluation>, AppError> {
        Ok(self.store.evaluations(sid)?)
    }
}
