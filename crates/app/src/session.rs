//! Interview sessions as use-cases: start (a chosen or a random problem), snapshot, run,
//! hint, end with the offline evaluation, replay, and recovery of a session whose process is
//! gone. Every call works from the database alone, so the CLI can drive a session one
//! process per command. Reads here never write: the clock's writes (warnings, time up) are
//! the interview room's ([`crate::room`]), which reads the clock before every change.

use crate::{App, AppError};
use rehearse_core::evaluate::{evaluate, Complexity, Evaluation, Evidence};
use rehearse_core::problem::{Category, Difficulty, ProblemStatus};
use rehearse_core::run::{RunMode, RunReport, Verdict};
use rehearse_core::session::{
    duration_ms, EndReason, InterviewerMode, Session, SessionEvent, SessionStatus, SnapshotKind,
    TranscriptLine,
};
use rehearse_core::{now_ms, Language};
use rehearse_sandbox::Sandbox;
use rehearse_store::{NewSession, ProblemQuery, SessionQuery, Snapshot, TimelineEntry};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the Start button (and `rehearse session start`) asks for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StartSession {
    /// None: a random problem matching the filters, not solved recently.
    pub problem: Option<String>,
    pub difficulty: Option<Difficulty>,
    pub category: Option<Category>,
    pub language: Language,
    pub minutes: f64,
    #[serde(default)]
    pub mode: InterviewerMode,
}

/// A session with its clock read now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SessionState {
    pub session: Session,
    pub elapsed_ms: i64,
    pub remaining_ms: i64,
    /// The code to show: the latest snapshot.
    pub code: String,
    pub hints: Vec<String>,
    /// The interview so far (a window that reopens the room, or text taking over from voice).
    pub transcript: Vec<TranscriptLine>,
}

/// Everything the replay shows.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Replay {
    pub session: Session,
    pub timeline: Vec<TimelineEntry>,
    pub snapshots: Vec<Snapshot>,
    /// The code observer's notes, each on one of `snapshots`.
    pub notes: Vec<rehearse_core::observer::CodeNote>,
    pub transcript: Vec<TranscriptLine>,
    pub hints: Vec<String>,
    /// The report shown: the newest evaluation.
    pub evaluation: Option<Evaluation>,
    /// Every evaluation of the session, newest first (offline, AI, re-gradings).
    pub evaluations: Vec<Evaluation>,
    /// What each agent role's calls cost (the voice provider's estimate is shown live only).
    pub costs: Vec<crate::ai::RoleCost>,
}

/// Problems solved this recently are not drawn at random.
const RECENT_DAYS: i64 = 14;

impl App {
    pub fn start_session(&self, req: &StartSession) -> Result<SessionState, AppError> {
        let duration = duration_ms(req.minutes).map_err(AppError::InvalidInput)?;
        let slug = match &req.problem {
            Some(slug) => slug.clone(),
            None => self.random_problem(req.difficulty, req.category)?,
        };
        let session = self.store.create_session(&NewSession {
            problem_slug: slug.clone(),
            language: req.language,
            mode: req.mode,
            duration_ms: duration,
            owner_pid: Some(std::process::id()),
        })?;
        tracing::info!(session = %session.id, problem = %slug, "session started");
        let starter = self.starter(&slug, req.language)?;
        self.store.add_snapshot(
            &session.id,
            &slug,
            req.language,
            &starter,
            SnapshotKind::Auto,
            0,
        )?;
        self.session_state(&session.id)
    }

    fn random_problem(
        &self,
        difficulty: Option<Difficulty>,
        category: Option<Category>,
    ) -> Result<String, AppError> {
        let page = self.store.list_problems(&ProblemQuery {
            difficulty,
            category,
            ..Default::default()
        })?;
        let recent = self
            .store
            .recently_solved(now_ms() - RECENT_DAYS * 86_400_000)?;
        let mut pool: Vec<&str> = page
            .problems
            .iter()
            .filter(|p| !recent.contains(&p.slug))
            .map(|p| p.slug.as_str())
            .collect();
        if pool.is_empty() {
            // Everything matching was solved recently: prefer what is not solved at all.
            pool = page
                .problems
                .iter()
                .filter(|p| p.status != ProblemStatus::Solved)
                .map(|p| p.slug.as_str())
                .collect();
        }
        if pool.is_empty() {
            pool = page.problems.iter().map(|p| p.slug.as_str()).collect();
        }
        let pick = uuid::Uuid::new_v4().as_u128() as usize;
        pool.get(pick % pool.len().max(1))
            .map(|s| s.to_string())
            .ok_or_else(|| AppError::InvalidInput("No problem matches those filters.".into()))
    }

    /// The session with its clock read now. A pure read: a session whose time is up stays
    /// active here until a room reads its clock ([`crate::room::Room::tick`]).
    pub fn session_state(&self, sid: &str) -> Result<SessionState, AppError> {
        let session = self.store.session(sid)?;
        let now = now_ms();
        Ok(SessionState {
            elapsed_ms: session.elapsed_ms(now),
            remaining_ms: session.remaining_ms(now),
            session,
            code: self.latest_code(sid)?,
            hints: self.hint_texts(sid)?,
            transcript: self.store.transcript(sid)?,
        })
    }

    fn hint_texts(&self, sid: &str) -> Result<Vec<String>, AppError> {
        Ok(self
            .store
            .session_hints(sid)?
            .into_iter()
            .map(|(_, text)| text)
            .collect())
    }

    /// The session, if it is still running and its time is not up.
    pub(crate) fn active(&self, sid: &str) -> Result<Session, AppError> {
        let s = self.store.session(sid)?;
        if s.status != SessionStatus::Active || s.remaining_ms(now_ms()) == 0 {
            return Err(AppError::SessionOver(sid.to_string()));
        }
        Ok(s)
    }

    /// Past and running sessions, newest first.
    pub fn sessions(&self, query: &SessionQuery) -> Result<Vec<Session>, AppError> {
        Ok(self.store.sessions(query)?)
    }

    /// Deletes a session and everything recorded in it.
    pub fn delete_session(&self, sid: &str) -> Result<(), AppError> {
        Ok(self.store.delete_session(sid)?)
    }

    /// A session's timeline, snapshots, transcript, hints and report.
    pub fn replay(&self, sid: &str) -> Result<Replay, AppError> {
        let evaluations = self.store.evaluations(sid)?;
        Ok(Replay {
            session: self.store.session(sid)?,
            timeline: self.store.timeline(sid)?,
            snapshots: self.store.snapshots(sid)?,
            notes: self.store.code_notes(sid)?,
            transcript: self.store.transcript(sid)?,
            hints: self.hint_texts(sid)?,
            evaluation: evaluations.first().cloned(),
            evaluations,
            costs: self.session_costs(sid)?,
        })
    }

    pub fn session_snapshot(
        &self,
        sid: &str,
        code: &str,
        kind: SnapshotKind,
    ) -> Result<String, AppError> {
        let s = self.active(sid)?;
        Ok(self.store.add_snapshot(
            sid,
            &s.problem_slug,
            s.language,
            code,
            kind,
            s.elapsed_ms(now_ms()),
        )?)
    }

    /// The latest snapshot's code (the starter before any).
    pub fn latest_code(&self, sid: &str) -> Result<String, AppError> {
        match self.store.latest_snapshot(sid)? {
            Some(s) => Ok(s.code),
            None => {
                let s = self.store.session(sid)?;
                self.starter(&s.problem_slug, s.language)
            }
        }
    }

    /// Run or Submit inside a session on `code`; the run and a snapshot of its code are
    /// recorded at its moment.
    pub async fn session_run_with(
        &self,
        sandbox: &Sandbox,
        sid: &str,
        code: &str,
        mode: RunMode,
        progress: &(dyn Fn(rehearse_core::run::SandboxProgress) + Send + Sync),
    ) -> Result<RunReport, AppError> {
        let s = self.active(sid)?;
        let request = crate::sandbox::RunRequest {
            slug: s.problem_slug.clone(),
            language: s.language,
            code: code.to_string(),
            mode,
            custom: Vec::new(),
        };
        let report = self.judge_unrecorded(sandbox, &request, progress).await?;
        self.store.record_session_run(
            sid,
            &s.problem_slug,
            code,
            &report,
            s.elapsed_ms(now_ms()),
        )?;
        Ok(report)
    }

    pub fn session_hint(&self, sid: &str) -> Result<(u32, String), AppError> {
        let s = self.active(sid)?;
        Ok(self
            .store
            .session_hint(sid, &s.problem_slug, s.elapsed_ms(now_ms()))?)
    }

    /// Ends the session (final snapshot, evaluation) or, if it already ended, returns its
    /// latest evaluation.
    pub fn end_session(&self, sid: &str) -> Result<Evaluation, AppError> {
        let s = self.store.session(sid)?;
        if s.status == SessionStatus::Active {
            let reason = if s.remaining_ms(now_ms()) == 0 {
                EndReason::TimeUp
            } else {
                EndReason::Candidate
            };
            return self.finish(&s, reason, now_ms());
        }
        self.store
            .evaluations(sid)?
            .into_iter()
            .next()
            .ok_or_else(|| AppError::InvalidInput(format!("Session {sid} has no report.")))
    }

    /// Ends the session like `end_session`, first measuring how the accepted solution's time
    /// grows (in the sandbox) when the problem has an input generator.
    pub async fn end_session_measured(
        &self,
        sandbox: Option<&Sandbox>,
        sid: &str,
    ) -> Result<Evaluation, AppError> {
        let s = self.store.session(sid)?;
        if s.status != SessionStatus::Active || s.remaining_ms(now_ms()) == 0 {
            return self.end_session(sid);
        }
        let complexity = self.measure_session(sandbox, &s).await;
        // Measuring takes seconds: the session may have ended meanwhile (elsewhere).
        let s = self.store.session(sid)?;
        if s.status != SessionStatus::Active {
            return self.end_session(sid);
        }
        self.finish_with(&s, EndReason::Candidate, Some(complexity), now_ms())
    }

    async fn measure_session(&self, sandbox: Option<&Sandbox>, s: &Session) -> Complexity {
        let accepted = self.store.session_runs(&s.id).ok().and_then(|runs| {
            runs.into_iter()
                .rev()
                .find(|r| r.mode == RunMode::Submit && r.verdict == Verdict::Accepted)
        });
        let Some(run) = accepted else {
            return Complexity::NotMeasured {
                why: "no submit was accepted, so there is no solution to measure.".into(),
            };
        };
        let Some(sandbox) = sandbox else {
            return Complexity::NotMeasured {
                why: "the sandbox was not available when the session ended.".into(),
            };
        };
        self.measure_complexity(sandbox, &s.problem_slug, s.language, &run.code)
            .await
    }

    /// Runs `code` on the problem's generated inputs of growing size and fits the growth.
    pub async fn measure_complexity(
        &self,
        sandbox: &Sandbox,
        slug: &str,
        language: Language,
        code: &str,
    ) -> Complexity {
        let material = match self.store.judge_material(slug) {
            Ok(m) => m,
            Err(e) => return Complexity::NotMeasured { why: e.to_string() },
        };
        let Some(scaling) = material.scaling else {
            return unmeasurable(material.unscaled);
        };
        match sandbox
            .measure(language, code, &material.signature, &scaling)
            .await
        {
            Ok(points) => {
                let pts: Vec<(f64, f64)> =
                    points.iter().map(|(n, ms)| (f64::from(*n), *ms)).collect();
                match rehearse_core::growth::fit(&pts) {
                    Some(g) => Complexity::Measured {
                        fitted: g.label().into(),
                        fitted_rank: g.rank(),
                        target: scaling.expect.label().into(),
                        target_rank: scaling.expect.rank(),
                    },
                    None => Complexity::NotMeasured {
                        why: format!("only {} input sizes finished within the time limit; at least 3 are needed.", points.len()),
                    },
                }
            }
            Err(e) => Complexity::NotMeasured {
                why: format!("measuring failed: {e}"),
            },
        }
    }

    /// Ends a session whose process is gone without resuming it: abandoned, with a report on
    /// what was recorded.
    pub fn abandon_session(&self, sid: &str) -> Result<Evaluation, AppError> {
        let s = self.store.session(sid)?;
        if s.status != SessionStatus::Active {
            return Err(AppError::SessionOver(sid.to_string()));
        }
        self.finish(&s, EndReason::Abandoned, now_ms())
    }

    /// Ends a session at `now` (Unix ms) with the offline evaluation.
    pub(crate) fn finish(
        &self,
        s: &Session,
        reason: EndReason,
        now: i64,
    ) -> Result<Evaluation, AppError> {
        self.finish_with(s, reason, None, now)
    }

    /// Ends a session; `complexity` is what was measured of its accepted solution, if anything.
    fn finish_with(
        &self,
        s: &Session,
        reason: EndReason,
        complexity: Option<Complexity>,
        now: i64,
    ) -> Result<Evaluation, AppError> {
        let at = s.elapsed_ms(now);
        if let Some(last) = self.store.latest_snapshot(&s.id)? {
            self.store.add_snapshot(
                &s.id,
                &s.problem_slug,
                last.language,
                &last.code,
                SnapshotKind::Final,
                at,
            )?;
        }
        self.store
            .add_event(&s.id, at, &SessionEvent::Ended { reason })?;
        let mut evidence = self.evidence(s, now)?;
        if let Some(c) = complexity {
            evidence.complexity = c;
        }
        let evaluation = evaluate(&evidence);
        let status = if reason == EndReason::Abandoned {
            SessionStatus::Abandoned
        } else {
            SessionStatus::Completed
        };
        self.store.end_session(&s.id, status, &evaluation)?;
        tracing::info!(session = %s.id, ?reason, "session ended");
        Ok(evaluation)
    }

    fn evidence(&self, s: &Session, now: i64) -> Result<Evidence, AppError> {
        let attempts = self.store.session_attempts(&s.id)?;
        let accepted = attempts
            .iter()
            .any(|a| a.submit && a.verdict == Verdict::Accepted);
        Ok(Evidence {
            duration_ms: s.duration_ms,
            elapsed_ms: s.elapsed_ms(now),
            hints: self
                .store
                .session_hints(&s.id)?
                .into_iter()
                .map(|(h, _)| h)
                .collect(),
            transcript_lines: self.store.transcript_count(&s.id)?,
            complexity: if !accepted {
                Complexity::NotMeasured {
                    why: "no submit was accepted, so there is no solution to measure.".into(),
                }
            } else {
                match self.store.judge_material(&s.problem_slug)? {
                    m if m.scaling.is_none() => unmeasurable(m.unscaled),
                    _ => Complexity::NotMeasured {
                        why: "the session ended without the sandbox, so growth was not measured."
                            .into(),
                    },
                }
            },
            attempts,
        })
    }

    /// Active sessions whose process is gone (crashed or killed): offered to resume or end.
    pub fn recoverable_sessions(&self) -> Result<Vec<Session>, AppError> {
        let me = std::process::id();
        Ok(self
            .store
            .active_sessions()?
            .into_iter()
            .filter(|a| match a.owner_pid {
                Some(pid) if pid == me => false,
                Some(pid) => !process_alive(pid, a.heartbeat_at),
                None => true,
            })
            .map(|a| a.session)
            .collect())
    }

    /// Takes over a session whose process is gone; the time it lay still does not count.
    pub fn resume_session(&self, sid: &str) -> Result<SessionState, AppError> {
        let active = self
            .store
            .active_sessions()?
            .into_iter()
            .find(|a| a.session.id == sid)
            .ok_or_else(|| AppError::SessionOver(sid.to_string()))?;
        let (s, beat) = (active.session, active.heartbeat_at);
        let now = now_ms();
        let paused = beat.map_or(0, |b| (now - b).max(0));
        let at = s.elapsed_ms(now) - paused;
        self.store
            .resume_session(sid, std::process::id(), paused, at.max(0))?;
        self.session_state(sid)
    }
}

/// Whether the process that owned a session still runs. Where the OS cannot be asked, a
/// session not heard of for a minute counts as gone.
fn process_alive(pid: u32, heartbeat: Option<i64>) -> bool {
    if cfg!(target_os = "linux") {
        return std::path::Path::new(&format!("/proc/{pid}")).exists();
    }
    heartbeat.is_some_and(|b| now_ms() - b < 60_000)
}

/// A problem without an input generator: the reason its growth cannot be measured, when
/// problem.toml gives one.
fn unmeasurable(unscaled: Option<String>) -> Complexity {
    match unscaled {
        Some(why) => Complexity::NotMeasured {
            why: format!("growth is not measured on this problem. {why}"),
        },
        None => Complexity::NoGenerator,
    }
}
