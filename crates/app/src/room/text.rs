//! The text interviewer as a participant of the room: the same instructions and data framing
//! as the voice interviewer (`core::interviewer`), over a chat model (Settings → AI, role
//! `interviewer`). Each typed message gets a streamed reply; code, runs and clock notes since
//! the last message go with the next one as quoted data; at the clock's last warning it
//! wraps up unprompted. Its hint tool is counted by the host like the UI's hints. Every line
//! is stored in the transcript, every call's tokens and cost in `agent_calls`.

use super::{Participant, Room, RoomEvent, RoomUpdate};
use crate::ai::Agent;
use crate::AppError;
use rehearse_agents::{AgentError, CancellationToken, Failed, Message, Request, Tool};
use rehearse_core::error::Coded;
use rehearse_core::interviewer::{
    self, candidate_message, code_context, run_context, time_note, Medium, HINT_TOOL,
    HINT_TOOL_DESCRIPTION,
};
use rehearse_core::session::{InterviewerMode, Speaker};
use rehearse_core::settings::{AiChoice, AiRole};
use rehearse_voice::interview::{LinkState, LiveEvent};
use tokio::sync::{mpsc, watch};

/// The clock's warning (minutes left) at which the interviewer wraps up: its last one.
pub const WRAP_UP_MINUTES: u32 = 2;
/// A reply is a few sentences.
const REPLY_TOKENS: u32 = 700;

enum Heard {
    /// The latest code, quoted: only the newest is sent.
    Code(String),
    /// A run or a clock note, quoted: all are sent with the next turn.
    Data(String),
    Message(String),
    WrapUp(String),
}

struct TextInterviewer {
    heard: mpsc::UnboundedSender<Heard>,
    pending: watch::Sender<usize>,
    cancel: CancellationToken,
}

impl Participant for TextInterviewer {
    fn name(&self) -> &'static str {
        "text interviewer"
    }

    fn hear(&mut self, event: &RoomEvent) -> Result<(), AppError> {
        let heard = match event {
            RoomEvent::CodeChanged {
                code,
                language,
                at_ms,
            } => Heard::Code(code_context(code, *language, *at_ms)),
            RoomEvent::RunResult { report, at_ms } => Heard::Data(run_context(report, *at_ms)),
            RoomEvent::ClockWarning {
                minutes_left,
                remaining_ms,
            } if *minutes_left <= WRAP_UP_MINUTES => Heard::WrapUp(time_note(*remaining_ms)),
            RoomEvent::ClockWarning { remaining_ms, .. } => Heard::Data(time_note(*remaining_ms)),
            RoomEvent::CandidateMessage { text } => Heard::Message(text.clone()),
            RoomEvent::CodeNote { note } => Heard::Data(note.context()),
            RoomEvent::BudgetReached => {
                Heard::WrapUp("[Host: this session's budget is used up.]".into())
            }
            RoomEvent::TimeUp => return Ok(()),
            RoomEvent::Closed => {
                self.cancel.cancel();
                return Ok(());
            }
        };
        let turn = matches!(heard, Heard::Message(_) | Heard::WrapUp(_));
        if turn {
            self.pending.send_modify(|n| *n += 1);
        }
        self.heard.send(heard).map_err(|_| {
            if turn {
                self.pending.send_modify(|n| *n = n.saturating_sub(1));
            }
            AppError::Agent(AgentError::Cancelled)
        })
    }
}

/// A text interview going on in a room.
pub struct TextCall {
    pending: watch::Receiver<usize>,
    done: tokio::task::JoinHandle<()>,
}

impl TextCall {
    /// Waits until every message sent so far has its reply (or its failure told).
    pub async fn settled(&mut self) {
        let _ = self.pending.wait_for(|n| *n == 0).await;
    }

    /// Waits until the interviewer has stopped (the room closed).
    pub async fn finished(self) {
        let _ = self.done.await;
    }
}

impl Room {
    /// Attaches the text interviewer: the role's model from Settings → AI (`over`: the CLI's
    /// flags). A role that cannot run fails here with what to do, before anything starts.
    pub fn start_text(&self, over: &AiChoice) -> Result<TextCall, AppError> {
        self.live()?;
        let agent = self.inner.app.require_agent(AiRole::Interviewer, over)?;
        self.attach_text(agent)
    }

    /// Goes on in text when the voice interview cannot (it could not connect, or stayed
    /// slow): the voice interviewer leaves, the session becomes a text interview, and the
    /// text interviewer is given the transcript so far. Fails before anything changes when
    /// the text interviewer cannot run.
    pub fn continue_in_text(&self, over: &AiChoice) -> Result<TextCall, AppError> {
        self.live()?;
        let app = &self.inner.app;
        let agent = app.require_agent(AiRole::Interviewer, over)?;
        self.stop_voice();
        app.store
            .set_session_mode(self.id(), InterviewerMode::Text)?;
        self.attach_text(agent)
    }

    fn attach_text(&self, agent: Agent) -> Result<TextCall, AppError> {
        let app = &self.inner.app;
        let system = app.interviewer_instructions(self.id(), Medium::Text)?;
        let earlier = app.store.transcript(self.id())?;
        let (heard, inbox) = mpsc::unbounded_channel();
        let (pending, watching) = watch::channel(0usize);
        let cancel = CancellationToken::new();
        {
            let mut st = self.state();
            if st.ended {
                return Err(AppError::SessionOver(self.id().to_string()));
            }
            if st.text {
                return Err(AppError::Unready(rehearse_core::ErrorBody::new(
                    rehearse_core::ErrorCode::InvalidInput,
                    "The text interviewer is already in this interview.",
                )));
            }
            st.text = true;
            if !earlier.is_empty() {
                let _ = heard.send(Heard::Data(interviewer::earlier_transcript(&earlier)));
            }
            let participant = Box::new(TextInterviewer {
                heard,
                pending: pending.clone(),
                cancel: cancel.clone(),
            });
            self.attach_locked(&mut st, participant);
        }
        let room = self.clone();
        let done = tokio::spawn(async move {
            Conversation {
                room,
                agent,
                system,
                history: Vec::new(),
                cancel,
            }
            .run(inbox, pending)
            .await
        });
        Ok(TextCall {
            pending: watching,
            done,
        })
    }

    /// The window's text interviewer: attached once (the Settings' model); it goes on in its
    /// own task until the room closes.
    pub fn ensure_text(&self) -> Result<(), AppError> {
        if self.state().text {
            return Ok(());
        }
        self.start_text(&AiChoice::default()).map(drop)
    }

    /// Stores a line of the transcript and shows it.
    fn line(&self, speaker: Speaker, text: &str) {
        self.keep_line(speaker, text);
        self.show(RoomUpdate::Voice(LiveEvent::Line {
            speaker,
            text: text.to_string(),
            truncated: false,
        }));
    }
}

fn hint_tool() -> Tool {
    Tool {
        name: HINT_TOOL.into(),
        description: HINT_TOOL_DESCRIPTION.into(),
        schema: serde_json::json!({"type": "object", "properties": {}, "additionalProperties": false}),
    }
}

struct Conversation {
    room: Room,
    agent: Agent,
    system: String,
    history: Vec<Message>,
    cancel: CancellationToken,
}

/// Brings the count of unanswered turns to zero when the conversation stops, however it
/// stops, so nobody waits for replies that will not come.
struct Settle(watch::Sender<usize>);

impl Drop for Settle {
    fn drop(&mut self) {
        self.0.send_replace(0);
    }
}

impl Conversation {
    async fn run(
        mut self,
        mut inbox: mpsc::UnboundedReceiver<Heard>,
        pending: watch::Sender<usize>,
    ) {
        let pending = Settle(pending);
        let endpoint = self.agent.llm.endpoint();
        self.room.show(RoomUpdate::Voice(LiveEvent::Connection {
            state: LinkState::Live,
            detail: format!("Text interviewer: {} ({}).", endpoint.label, endpoint.model),
        }));
        let mut code: Option<String> = None;
        let mut data: Vec<String> = Vec::new();
        while let Some(heard) = inbox.recv().await {
            let turn = match heard {
                Heard::Code(c) => {
                    code = Some(c);
                    continue;
                }
                Heard::Data(d) => {
                    data.push(d);
                    continue;
                }
                Heard::Message(text) => {
                    self.room.line(Speaker::Candidate, &text);
                    candidate_message(&text)
                }
                Heard::WrapUp(note) => format!(
                    "{note}\n[Host: the interview is nearly over. Begin wrapping up now: ask for a last summary of their solution and its complexity, then thank them.]"
                ),
            };
            let (sent_code, sent_data) = (code.take(), std::mem::take(&mut data));
            let before = self.history.len();
            let mut parts: Vec<String> = sent_code.iter().chain(&sent_data).cloned().collect();
            parts.push(turn);
            self.history.push(Message::user(parts.join("\n\n")));
            if !self.cancel.is_cancelled() && !self.reply().await {
                // Unanswered: the turn is taken back (the candidate sends it again); what
                // it carried goes with the next one.
                self.history.truncate(before);
                code = code.or(sent_code);
                data.splice(0..0, sent_data);
            }
            pending.0.send_modify(|n| *n = n.saturating_sub(1));
        }
    }

    fn notice(&self, code: rehearse_core::ErrorCode, message: String) {
        self.room
            .show(RoomUpdate::Voice(LiveEvent::Notice { code, message }));
    }

    /// The interviewer's answer to the conversation so far, streamed to the window: one call,
    /// and when it asks for a hint, one more (without tools) to give it. False when no answer
    /// came.
    async fn reply(&mut self) -> bool {
        let mut hint: Option<String> = None;
        for call in 0..2 {
            let mut req = Request::new(self.system.clone(), self.history.clone(), REPLY_TOKENS);
            if call == 0 {
                req.tools.push(hint_tool());
            }
            let mut shown = String::new();
            let room = &self.room;
            let result = self
                .agent
                .llm
                .complete(&req, &self.cancel, &mut |t| {
                    shown.push_str(t);
                    room.show(RoomUpdate::Voice(LiveEvent::Partial {
                        speaker: Speaker::Interviewer,
                        text: shown.clone(),
                    }));
                })
                .await;
            self.room.record(&self.agent, &result);
            let given = hint
                .as_deref()
                .map(|h| format!(" The hint it revealed: {h}"))
                .unwrap_or_default();
            let answer = match result {
                Ok(a) => a,
                Err(f) if f.error == AgentError::Cancelled => return false,
                Err(Failed { error: e, .. }) => {
                    tracing::warn!(error = %e, "the text interviewer did not answer");
                    self.notice(
                        e.code(),
                        format!("The interviewer did not answer ({e}). Send your message again to retry.{given}"),
                    );
                    return false;
                }
            };
            let text = answer.text.trim();
            let asks_hint = call == 0 && answer.tool_calls.iter().any(|c| c.name == HINT_TOOL);
            if text.is_empty() && !asks_hint {
                let why = answer.stop_reason.as_deref().unwrap_or("no reason given");
                self.notice(
                    rehearse_core::ErrorCode::ProviderError,
                    format!("The interviewer's answer was empty (the model stopped: {why}). Send your message again to retry.{given}"),
                );
                return false;
            }
            if !text.is_empty() {
                self.room.line(Speaker::Interviewer, text);
                self.history.push(Message::assistant(text));
            }
            if !asks_hint {
                return true;
            }
            let note = match self.room.interviewer_hint().await {
                Ok(h) => {
                    let note = format!(
                        "[Host: {HINT_TOOL} revealed hint {}: {} Give it to the candidate in your own words.]",
                        h.level, h.text
                    );
                    hint = Some(h.text);
                    note
                }
                Err(e) => format!("[Host: {HINT_TOOL} gave no hint: {e}]"),
            };
            self.history.push(Message::user(note));
        }
        true
    }
}
