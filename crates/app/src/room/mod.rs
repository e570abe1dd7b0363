//! The interview room: one live session and everything attached to it. The room owns the
//! session's clock (warnings and time up are written here, once), autosave, runs and
//! submits, hints, checkpoints and the end. Participants (the voice or the text interviewer,
//! the code observer) attach through [`Participant`] and hear every
//! [`RoomEvent`] in the order it happened. The window and the terminal hold a room and are
//! told what happens through [`RoomUpdate`]s; they do not coordinate the session themselves.

mod autosave;
mod budget;
mod hints;
mod lobby;
mod observer;
mod text;
mod voice;

pub use budget::CostMeter;
pub use lobby::Lobby;
pub use text::{TextCall, WRAP_UP_MINUTES};
pub use voice::{VoiceCall, VoiceControl};

use crate::{App, AppError, HintReveal, Notice};
use autosave::Autosave;
use rehearse_core::error::Coded;
use rehearse_core::evaluate::Evaluation;
use rehearse_core::run::{RunMode, RunReport, SandboxProgress};
use rehearse_core::session::{EndReason, Session, SessionStatus, SnapshotKind};
use rehearse_core::{now_ms, ErrorBody, Language};
use rehearse_voice::interview::LiveEvent;
use serde::Serialize;
use std::sync::{Arc, Mutex, MutexGuard, Weak};
use ts_rs::TS;

/// What participants hear, in the order it happened.
#[derive(Debug, Clone, PartialEq)]
pub enum RoomEvent {
    /// The editor's code changed (autosave decides when it is stored).
    CodeChanged {
        code: String,
        language: Language,
        at_ms: i64,
    },
    /// A Run or Submit finished.
    RunResult { report: RunReport, at_ms: i64 },
    /// A warning of the clock.
    ClockWarning {
        minutes_left: u32,
        remaining_ms: i64,
    },
    /// The candidate typed a message to the interviewer.
    CandidateMessage { text: String },
    /// The code observer's note, when it changed materially since its last one.
    CodeNote {
        note: rehearse_core::observer::CodeNote,
    },
    /// The session's budget is used up: the interviewer wraps up, the observer stops.
    BudgetReached,
    /// The time is up; the session has ended on the clock. `Closed` follows.
    TimeUp,
    /// The room closes (the session ended, or its window moved on): participants stop.
    Closed,
}

/// One participant of a live interview.
pub trait Participant: Send {
    /// Who this is, in notices and logs ("voice interviewer").
    fn name(&self) -> &'static str;
    /// Hears one event. It must not wait, nor call the room back: a participant that needs
    /// time or answers works in its own task and reaches the room from there. An error
    /// detaches the participant, and the session goes on without it.
    fn hear(&mut self, event: &RoomEvent) -> Result<(), AppError>;
}

/// Sent every second while a session runs (`session-tick`), and at once when the clock warns
/// or the session ends.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SessionTick {
    pub id: String,
    pub elapsed_ms: i64,
    pub remaining_ms: i64,
    pub status: SessionStatus,
    /// Warnings given at this tick, in minutes left.
    pub warnings: Vec<u32>,
    /// Set when saving failed; the session goes on in memory meanwhile.
    pub storage_error: Option<ErrorBody>,
}

/// What the room tells its window or terminal.
#[derive(Debug, Clone, PartialEq)]
pub enum RoomUpdate {
    Tick(SessionTick),
    /// The interviewer's connection, transcript, level and notices (voice, or text).
    Voice(LiveEvent),
    /// Something to tell the candidate: a participant stopped, a line was not saved.
    Notice(Notice),
    /// What the session has cost so far (voice and agents), against its budget.
    Cost(CostMeter),
    /// The session ended (time up, End, or elsewhere).
    Ended {
        reason: Option<EndReason>,
    },
}

type Show = Arc<dyn Fn(RoomUpdate) + Send + Sync>;

/// A live session. Clones share the room.
#[derive(Clone)]
pub struct Room {
    inner: Arc<Inner>,
}

struct Inner {
    app: App,
    sid: String,
    language: Language,
    show: Show,
    state: Mutex<State>,
    participants: Mutex<Vec<Attached>>,
    /// Cancelled when the session ends: a model call still under way for it stops.
    closing: rehearse_agents::CancellationToken,
}

struct Attached {
    id: u64,
    participant: Box<dyn Participant>,
}

#[derive(Default)]
struct State {
    autosave: Autosave,
    ended: bool,
    storage_error: Option<ErrorBody>,
    voice: Option<voice::Link>,
    /// A text interviewer is attached.
    text: bool,
    /// How many times the code observer has looked at the code.
    observer: Option<observer::Observing>,
    spend: budget::Spend,
    next_id: u64,
}

/// How often the clock runs: autosave flushes at each beat; every fourth, the clock is read
/// (warnings, time up) and the window hears it.
const BEAT_MS: u64 = 250;

impl Room {
    /// Opens the room of session `sid` and reads its clock once (a session whose time ran out
    /// while nobody watched ends now). A session that has ended opens as a closed room: reads
    /// work, changes are refused with `session_over`.
    pub fn open(
        app: &App,
        sid: &str,
        show: impl Fn(RoomUpdate) + Send + Sync + 'static,
    ) -> Result<Room, AppError> {
        Room::open_shown(app, sid, Arc::new(show))
    }

    fn open_shown(app: &App, sid: &str, show: Show) -> Result<Room, AppError> {
        let s = app.store.session(sid)?;
        let room = Room {
            inner: Arc::new(Inner {
                app: app.clone(),
                sid: sid.to_string(),
                language: s.language,
                show,
                closing: rehearse_agents::CancellationToken::new(),
                state: Mutex::new(State {
                    ended: s.status != SessionStatus::Active,
                    spend: budget::Spend::new(
                        app.session_budget().unwrap_or_else(|e| {
                            tracing::warn!(error = %e, "no budget for this session");
                            None
                        }),
                        app.session_agent_usd(sid)?,
                    ),
                    ..State::default()
                }),
                participants: Mutex::new(Vec::new()),
            }),
        };
        room.tick()?;
        Ok(room)
    }

    pub fn id(&self) -> &str {
        &self.inner.sid
    }

    pub fn is_open(&self) -> bool {
        !self.state().ended
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.inner.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn show(&self, update: RoomUpdate) {
        (self.inner.show)(update)
    }

    /// Stores an interviewer's transcript line; a line that is not stored is told.
    fn keep_line(&self, speaker: rehearse_core::session::Speaker, text: &str) {
        if let Err(e) = self.inner.app.session_say(self.id(), speaker, text) {
            tracing::error!(error = %e, "a transcript line was not stored");
            self.show(RoomUpdate::Voice(LiveEvent::Notice {
                code: e.code(),
                message: format!("A line of the transcript could not be saved: {e}"),
            }));
        }
    }

    /// Starts the live interview's background work: the clock, until the session ends or the
    /// room is dropped, and the code observer. Call from within a Tokio runtime.
    pub fn start(&self) {
        if let Err(e) = self.start_observer() {
            tracing::warn!(error = %e, session = %self.id(), "the code observer did not start");
        }
        self.start_clock();
    }

    fn start_clock(&self) {
        let room: Weak<Inner> = Arc::downgrade(&self.inner);
        tokio::spawn(async move {
            let mut beats = tokio::time::interval(std::time::Duration::from_millis(BEAT_MS));
            for beat in 0u64.. {
                beats.tick().await;
                let Some(inner) = room.upgrade() else { return };
                let room = Room { inner };
                if !room.is_open() {
                    return;
                }
                if beat % 4 != 0 {
                    // Between the clock's readings, only held-back code that is due.
                    room.flush_due(now_ms());
                    continue;
                }
                match room.tick() {
                    Ok(tick) => {
                        let over = tick.status != SessionStatus::Active;
                        room.show(RoomUpdate::Tick(tick));
                        if over {
                            return;
                        }
                    }
                    // The session was deleted.
                    Err(e) if e.code() == rehearse_core::ErrorCode::NotFound => return,
                    Err(e) => tracing::warn!(error = %e, session = %room.id(), "session clock"),
                }
            }
        });
    }

    /// Reads the clock now: writes held-back code, gives due warnings, ends the session when
    /// its time is up. Participants hear each of these once.
    pub fn tick(&self) -> Result<SessionTick, AppError> {
        self.tick_at(now_ms())
    }

    /// Writes held-back code whose time has come; a failure is told with the next tick.
    fn flush_due(&self, now: i64) {
        self.flush_locked(&mut self.state(), now);
    }

    fn flush_locked(&self, st: &mut State, now: i64) {
        if let Err(e) = st
            .autosave
            .flush(&self.inner.app, &self.inner.sid, now, false)
        {
            st.storage_error = Some(e.body());
        }
    }

    /// [`Room::tick`] at `now` (Unix ms).
    pub fn tick_at(&self, now: i64) -> Result<SessionTick, AppError> {
        let mut st = self.state();
        let app = &self.inner.app;
        self.flush_locked(&mut st, now);
        let mut s = app.store.session(&self.inner.sid)?;
        let mut warnings = Vec::new();
        if s.status == SessionStatus::Active && !st.ended {
            for minutes in s.due_warnings(now, &app.store.warned(&s.id)?) {
                app.store.warn(&s.id, minutes, s.elapsed_ms(now))?;
                warnings.push(minutes);
                self.tell(RoomEvent::ClockWarning {
                    minutes_left: minutes,
                    remaining_ms: s.remaining_ms(now),
                });
            }
            if s.remaining_ms(now) == 0 {
                self.keep_code(&mut st, &s, None, now)?;
                app.finish(&s, EndReason::TimeUp, now)?;
                s = app.store.session(&s.id)?;
                self.tell(RoomEvent::TimeUp);
                self.close_locked(&mut st, Some(EndReason::TimeUp));
            }
        } else if !st.ended {
            // Ended by another window or process.
            self.close_locked(&mut st, None);
        }
        Ok(SessionTick {
            id: s.id.clone(),
            elapsed_ms: s.elapsed_ms(now),
            remaining_ms: s.remaining_ms(now),
            status: s.status,
            warnings,
            storage_error: st.storage_error.take(),
        })
    }

    /// The session with its clock, as stored.
    pub fn state_now(&self) -> Result<crate::session::SessionState, AppError> {
        self.inner.app.session_state(&self.inner.sid)
    }

    /// The session, while the room is open and its time is not up.
    fn live(&self) -> Result<Session, AppError> {
        if self.state().ended {
            return Err(AppError::SessionOver(self.inner.sid.clone()));
        }
        self.inner.app.active(&self.inner.sid)
    }

    /// The editor's code: participants hear it; it is stored at most every few seconds.
    pub fn code_changed(&self, code: String) -> Result<(), AppError> {
        self.code_changed_at(code, now_ms())
    }

    /// [`Room::code_changed`] at `now` (Unix ms).
    pub fn code_changed_at(&self, code: String, now: i64) -> Result<(), AppError> {
        let s = self.live()?;
        // Under the lock, so that what participants hear and what is stored keep one order.
        let mut st = self.state();
        self.tell(RoomEvent::CodeChanged {
            code: code.clone(),
            language: self.inner.language,
            at_ms: s.elapsed_ms(now),
        });
        st.autosave
            .offer(&self.inner.app, &self.inner.sid, code, now)
    }

    /// The latest code: held back by autosave, else the latest snapshot.
    pub fn code(&self) -> Result<String, AppError> {
        match self.state().autosave.pending() {
            Some(code) => Ok(code.to_string()),
            None => self.inner.app.latest_code(&self.inner.sid),
        }
    }

    /// A checkpoint the candidate asked for.
    pub fn checkpoint(&self, code: &str) -> Result<String, AppError> {
        self.live()?;
        self.inner
            .app
            .session_snapshot(&self.inner.sid, code, SnapshotKind::Manual)
    }

    /// Run or Submit `code` (the latest code when None), recorded with a snapshot of it.
    pub async fn run(
        &self,
        code: Option<String>,
        mode: RunMode,
        progress: &(dyn Fn(SandboxProgress) + Send + Sync),
    ) -> Result<RunReport, AppError> {
        self.live()?;
        let code = match code {
            Some(code) => code,
            None => self.code()?,
        };
        let app = &self.inner.app;
        let sandbox = app.sandbox().await?;
        let report = app
            .session_run_with(&sandbox, &self.inner.sid, &code, mode, progress)
            .await?;
        let at_ms = app.store.session(&self.inner.sid)?.elapsed_ms(now_ms());
        self.tell(RoomEvent::RunResult {
            report: report.clone(),
            at_ms,
        });
        Ok(report)
    }

    /// Reveals the next hint, counted in the report.
    pub fn hint(&self) -> Result<HintReveal, AppError> {
        self.live()?;
        let (level, text) = self.inner.app.session_hint(&self.inner.sid)?;
        Ok(HintReveal {
            level,
            text,
            from_model: false,
            note: None,
        })
    }

    /// A message the candidate typed to the interviewer.
    pub fn say(&self, text: String) -> Result<(), AppError> {
        self.live()?;
        self.tell(RoomEvent::CandidateMessage { text });
        Ok(())
    }

    /// Ends the session (`code`, when given, is its final state) and returns its report; the
    /// accepted solution's growth is measured first when the sandbox can be reached. A
    /// session that has already ended returns its report.
    pub async fn end(&self, code: Option<&str>) -> Result<Evaluation, AppError> {
        let app = &self.inner.app;
        if self.is_open() {
            let last = match code {
                Some(c) => c.to_string(),
                None => self.code()?,
            };
            self.final_look(last).await;
        }
        {
            let mut st = self.state();
            let s = app.store.session(&self.inner.sid)?;
            self.keep_code(&mut st, &s, code.map(str::to_string), now_ms())?;
            if !st.ended {
                self.close_locked(&mut st, Some(EndReason::Candidate));
            }
        }
        let sandbox = app.sandbox().await.ok();
        let offline = app
            .end_session_measured(sandbox.as_deref(), &self.inner.sid)
            .await?;
        Ok(app.evaluate_ended(&self.inner.sid, offline).await)
    }

    /// Stores the session's last code before it ends: `code` when given (the editor's last
    /// word), else what autosave holds back. Written even when the time is just up.
    fn keep_code(
        &self,
        st: &mut State,
        s: &Session,
        code: Option<String>,
        now: i64,
    ) -> Result<(), AppError> {
        let held = st.autosave.take_pending();
        let Some(code) = code.or(held) else {
            return Ok(());
        };
        if s.status != SessionStatus::Active {
            return Ok(());
        }
        self.inner.app.store.add_snapshot(
            &s.id,
            &s.problem_slug,
            s.language,
            &code,
            SnapshotKind::Auto,
            s.elapsed_ms(now),
        )?;
        Ok(())
    }

    /// Leaves the room without ending the session (its window moved on): participants stop.
    pub fn close(&self) {
        let mut st = self.state();
        if let Err(e) = st
            .autosave
            .flush(&self.inner.app, &self.inner.sid, now_ms(), true)
        {
            tracing::error!(error = %e, session = %self.inner.sid, "the latest code was not saved");
        }
        if !st.ended {
            st.ended = true;
            st.voice = None;
            self.tell(RoomEvent::Closed);
        }
    }

    fn close_locked(&self, st: &mut State, reason: Option<EndReason>) {
        st.ended = true;
        st.voice = None;
        self.inner.closing.cancel();
        self.tell(RoomEvent::Closed);
        self.show(RoomUpdate::Ended { reason });
    }

    /// Attaches a participant; it hears every event from now on. Returns its id.
    pub fn attach(&self, participant: Box<dyn Participant>) -> u64 {
        self.attach_locked(&mut self.state(), participant)
    }

    fn attach_locked(&self, st: &mut State, participant: Box<dyn Participant>) -> u64 {
        st.next_id += 1;
        let id = st.next_id;
        self.participants().push(Attached { id, participant });
        id
    }

    pub fn detach(&self, id: u64) {
        self.participants().retain(|a| a.id != id);
    }

    fn participants(&self) -> MutexGuard<'_, Vec<Attached>> {
        self.inner
            .participants
            .lock()
            .unwrap_or_else(|p| p.into_inner())
    }

    /// Tells every participant; one that fails is detached with a notice, and the rest go on.
    fn tell(&self, event: RoomEvent) {
        let mut failed = Vec::new();
        {
            let mut all = self.participants();
            all.retain_mut(|a| match a.participant.hear(&event) {
                Ok(()) => true,
                Err(e) => {
                    failed.push((a.participant.name(), e));
                    false
                }
            });
            if event == RoomEvent::Closed {
                all.clear();
            }
        }
        for (name, e) in failed {
            tracing::warn!(participant = name, error = %e, session = %self.inner.sid, "a participant stopped");
            self.show(RoomUpdate::Notice(Notice {
                code: e.code(),
                message: format!("The {name} stopped ({e}); the interview goes on without it."),
            }));
        }
    }
}
