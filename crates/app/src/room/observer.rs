//! The code observer as a participant of the room, in every mode. It looks at the code 2 s
//! after the last change (so at most once every 2 s), skips code it has already seen (comments
//! and layout aside, by the parser's tokens), and writes a note on the snapshot of that code:
//! syntax errors from the parser (always, offline) and, when the observer role is on, what its
//! model read in the code. The model reads at most once an interval ([`Pace`]): code that
//! settles sooner is read when the interval is up, if it is still on screen, and the session's
//! final code is always read. Notes go to the replay and the report; one that changed
//! materially is told to the room, where an interviewer hears it as quoted data.

use super::{Participant, Room, RoomEvent};
use crate::ai::Agent;
use crate::AppError;
use rehearse_agents::{AgentError, CancellationToken, Message, Request, Tool};
use rehearse_core::error::Coded;
use rehearse_core::observer::{
    self, CodeNote, CodeReading, Pace, Read, SyntaxIssue, DEBOUNCE_MS, READING_TOOL,
};
use rehearse_core::session::SnapshotKind;
use rehearse_core::settings::{AiChoice, AiRole};
use rehearse_core::{now_ms, Language};
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::time::Duration;
use tokio::sync::{mpsc, oneshot, watch};
use tokio::time::Instant;

/// How long ending a session waits for the observer's note on the final code.
const FINAL_LOOK: Duration = Duration::from_secs(15);
/// A reading is a short structure.
const READING_TOKENS: u32 = 600;

/// The room's hold on its observer.
pub(super) struct Observing {
    passes: watch::Receiver<u64>,
    last: FinalLook,
}

struct CodeObserver {
    code: watch::Sender<Option<String>>,
    cancel: CancellationToken,
}

impl Participant for CodeObserver {
    fn name(&self) -> &'static str {
        "code observer"
    }

    fn hear(&mut self, event: &RoomEvent) -> Result<(), AppError> {
        match event {
            RoomEvent::CodeChanged { code, .. } => {
                self.code.send_replace(Some(code.clone()));
            }
            RoomEvent::Closed => self.cancel.cancel(),
            _ => {}
        }
        Ok(())
    }
}

fn hash(code: &str) -> u64 {
    let mut h = DefaultHasher::new();
    code.hash(&mut h);
    h.finish()
}

impl Room {
    /// Attaches the code observer. Its model is the observer role's (Settings → AI); when
    /// that is off or cannot run, the notes carry the parser's findings only.
    pub(super) fn start_observer(&self) -> Result<(), AppError> {
        let app = &self.inner.app;
        let agent = app
            .agent(AiRole::Observer, &AiChoice::default())
            .unwrap_or_else(|e| {
                tracing::warn!(error = %e, "the code observer reads without a model");
                None
            });
        let slug = app.store.session(self.id())?.problem_slug;
        let system = observer::instructions(&app.store.problem(&slug)?, self.inner.language);
        let every = app.observer_read_every()?.as_millis() as u64;
        let (code, seen) = watch::channel(None);
        let cancel = CancellationToken::new();
        let (passes, finals) = {
            let mut st = self.state();
            if st.ended {
                return Err(AppError::SessionOver(self.id().to_string()));
            }
            self.attach_locked(
                &mut st,
                Box::new(CodeObserver {
                    code,
                    cancel: cancel.clone(),
                }),
            );
            let (passes, watching) = watch::channel(0u64);
            let (last, finals) = mpsc::unbounded_channel();
            st.observer = Some(Observing {
                passes: watching,
                last,
            });
            (passes, finals)
        };
        let watcher = Watcher {
            room: self.clone(),
            agent,
            system,
            cancel,
            last_hash: None,
            last: None,
            pace: Pace::new(every),
            started: Instant::now(),
            due: None,
        };
        tokio::spawn(watcher.run(seen, finals, passes));
        Ok(())
    }

    /// Waits until the observer has looked at the code `n` times (each look writes a note, or
    /// skips code it has seen), or has stopped. For tests and benchmarks.
    pub async fn observed(&self, n: u64) {
        let Some(mut passes) = self.state().observer.as_ref().map(|o| o.passes.clone()) else {
            return;
        };
        let _ = passes.wait_for(|p| *p >= n).await;
    }

    /// Has the observer look at the session's final code now, so that the report and the
    /// replay have a note on it; waits for it at most [`FINAL_LOOK`].
    pub(super) async fn final_look(&self, code: String) {
        let Some(last) = self.state().observer.as_ref().map(|o| o.last.clone()) else {
            return;
        };
        let (done, looked) = oneshot::channel();
        if last.send((code, done)).is_ok()
            && tokio::time::timeout(FINAL_LOOK, looked).await.is_err()
        {
            tracing::warn!(session = %self.id(), "the observer's last look took too long; the report goes on without it");
        }
    }

    /// The id of the snapshot holding `code`: autosave's held-back code is written now, code
    /// never stored gets an auto snapshot. None once the session is over.
    fn snapshot_of(&self, code: &str) -> Result<Option<String>, AppError> {
        let app = &self.inner.app;
        let mut st = self.state();
        if st.ended {
            return Ok(None);
        }
        if st.autosave.pending() == Some(code) {
            st.autosave.flush(app, self.id(), now_ms(), true)?;
        }
        if let Some(id) = app.store.snapshot_with(self.id(), code)? {
            return Ok(Some(id));
        }
        match app.session_snapshot(self.id(), code, SnapshotKind::Auto) {
            Ok(id) => Ok(Some(id)),
            Err(AppError::SessionOver(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

struct Watcher {
    room: Room,
    agent: Option<Agent>,
    system: String,
    cancel: CancellationToken,
    last_hash: Option<u64>,
    /// What the interviewer last heard: the last note, with the model's last reading (and its
    /// model) when it had none. Code that comes back to that reading is not read again.
    last: Option<CodeNote>,
    pace: Pace,
    /// The pace's clock starts here.
    started: Instant,
    /// When code that settled too soon for the model is read, if it is still on screen.
    due: Option<Instant>,
}

/// Asks the observer to look at the final code at once, and says when it has.
pub(super) type FinalLook = mpsc::UnboundedSender<(String, oneshot::Sender<()>)>;

impl Watcher {
    async fn run(
        mut self,
        mut seen: watch::Receiver<Option<String>>,
        mut finals: mpsc::UnboundedReceiver<(String, oneshot::Sender<()>)>,
        passes: watch::Sender<u64>,
    ) {
        let quiet = Duration::from_millis(DEBOUNCE_MS);
        let mut dirty = false;
        loop {
            // Every event starts the debounce again: the sleep is made anew each time round.
            tokio::select! {
                biased;
                _ = self.cancel.cancelled() => return,
                last = finals.recv() => {
                    let Some((code, done)) = last else { return };
                    let going = self.pass(&code, true).await;
                    let _ = done.send(());
                    if !going {
                        return;
                    }
                    dirty = seen.borrow_and_update().as_deref() != Some(code.as_str());
                }
                changed = seen.changed() => {
                    if changed.is_err() {
                        return;
                    }
                    dirty = true;
                }
                _ = tokio::time::sleep(quiet), if dirty => {
                    dirty = false;
                    // Marked seen before the look: a change during it starts the next debounce.
                    let code = seen.borrow_and_update().clone();
                    if !self.settled(code, &passes).await {
                        return;
                    }
                }
                // Code that settled too soon for the model, still on screen when its time comes.
                _ = tokio::time::sleep_until(self.due.unwrap_or_else(Instant::now)), if self.due.is_some() && !dirty => {
                    self.due = None;
                    let code = seen.borrow().clone();
                    if !self.settled(code, &passes).await {
                        return;
                    }
                }
            }
        }
    }

    /// A pass over the code on screen (if any), counted in `passes`. False once the session
    /// is over.
    async fn settled(&mut self, code: Option<String>, passes: &watch::Sender<u64>) -> bool {
        let Some(code) = code else { return true };
        let going = self.pass(&code, false).await;
        if going {
            passes.send_modify(|p| *p += 1);
        }
        going
    }

    /// Looks at `code` unless it is the last looked at in substance (a comment or the layout
    /// changed: nothing to read again) and has no reading due; `last_look` (the session's
    /// final code) is read whatever the pace. False once the session is over.
    async fn pass(&mut self, code: &str, last_look: bool) -> bool {
        let parsed = rehearse_syntax::read(self.room.inner.language, code);
        let h = hash(&parsed.substance);
        let now = self.started.elapsed().as_millis() as u64;
        let asks = self.agent.is_some() && !self.room.over_budget();
        let read = if asks {
            self.pace.decide(now, h, last_look)
        } else {
            Read::Now
        };
        if self.last_hash == Some(h) && !(asks && read == Read::Now) {
            return true;
        }
        self.due = match read {
            Read::At(t) => Some(self.started + Duration::from_millis(t)),
            _ => None,
        };
        match self.look(code, parsed.syntax, read, (now, h)).await {
            Ok(Some(())) => {
                self.last_hash = Some(h);
                true
            }
            Ok(None) => false,
            Err(e) => {
                tracing::warn!(error = %e, session = %self.room.id(), "a code note was not stored");
                true
            }
        }
    }

    /// One note on `code`, whose syntax errors the parser found, with the model's reading when
    /// `read` says so; a reading asked for is put on the pace at `(now, hash of the code)`.
    /// None when the session is over.
    async fn look(
        &mut self,
        code: &str,
        syntax: Vec<SyntaxIssue>,
        read: Read,
        (now, h): (u64, u64),
    ) -> Result<Option<()>, AppError> {
        let language = self.room.inner.language;
        let app = self.room.inner.app.clone();
        let at_ms = app.store.session(self.room.id())?.elapsed_ms(now_ms());
        let Some(snapshot_id) = self.room.snapshot_of(code)? else {
            return Ok(None);
        };
        let mut note = CodeNote {
            id: String::new(),
            snapshot_id,
            at_ms,
            language,
            syntax,
            reading: None,
            model: None,
            unread: None,
            version: observer::OBSERVER_VERSION.into(),
        };
        match read {
            Read::Done => {
                if let Some(last) = &self.last {
                    (note.reading, note.model) = (last.reading.clone(), last.model.clone());
                }
            }
            Read::At(_) => {
                note.unread = Some(format!(
                    "Not read by the model yet: it reads the code at most once every {} s (`[observer] read_every_s` in config.toml), and reads this code then if it is still on screen.",
                    self.pace.every_ms() / 1000
                ));
            }
            Read::Now => match self.read(code, language, &note).await {
                Ok(Some((reading, model))) => {
                    self.pace.read(now, h);
                    note.reading = Some(reading);
                    note.model = Some(model);
                }
                Ok(None) if self.room.over_budget() => {
                    note.unread = Some(
                        "The session's budget is used up, so the observer's model was not asked."
                            .into(),
                    );
                }
                Ok(None) => {
                    note.unread = Some("The observer's model is off (Settings → AI).".into())
                }
                Err(AgentError::Cancelled) => return Ok(None),
                Err(e) => {
                    self.pace.failed(now);
                    note.unread = Some(format!("{} ({})", e, e.code().as_str()));
                }
            },
        }
        app.store.add_code_note(self.room.id(), &mut note)?;
        if note.changed_from(self.last.as_ref()) && self.room.is_open() {
            self.room.tell(RoomEvent::CodeNote { note: note.clone() });
        }
        // A note the model did not read leaves the interviewer's picture of the code as it was.
        if note.reading.is_none() {
            if let Some(last) = self.last.take() {
                (note.reading, note.model) = (last.reading, last.model);
            }
        }
        self.last = Some(note);
        Ok(Some(()))
    }

    /// The model's reading of `code`, and the model that gave it; None without a model.
    async fn read(
        &self,
        code: &str,
        language: Language,
        note: &CodeNote,
    ) -> Result<Option<(CodeReading, String)>, AgentError> {
        let Some(agent) = self.agent.as_ref().filter(|_| !self.room.over_budget()) else {
            return Ok(None);
        };
        let req = Request::new(
            self.system.clone(),
            vec![Message::user(observer::request(
                code,
                language,
                &note.syntax,
            ))],
            READING_TOKENS,
        );
        let shape = Tool {
            name: READING_TOOL.into(),
            description: "What the candidate's code does, for the interviewer.".into(),
            schema: observer::reading_schema(),
        };
        match agent.llm.ask(&req, &shape, &self.cancel).await {
            Ok((value, answer)) => {
                let model = answer.model.clone();
                self.room.record(agent, &Ok(answer));
                let reading = serde_json::from_value(value).map_err(|e| AgentError::BadOutput {
                    reason: e.to_string(),
                })?;
                let model = if model.is_empty() {
                    agent.llm.endpoint().model.clone()
                } else {
                    model
                };
                Ok(Some((reading, model)))
            }
            Err(e) => {
                self.room.record(agent, &Err(e.clone()));
                Err(e.error)
            }
        }
    }
}
