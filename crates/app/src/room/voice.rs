//! The voice interviewer as a participant of the room: it hears code, runs, the clock and
//! typed messages (framed as data by `core::interviewer`), and from its own task stores every
//! transcript line, gives its hints as the hint button does (the model's, when the hints role
//! is on), and reports its connection.

use super::{Participant, Room, RoomEvent, RoomUpdate};
use crate::AppError;
use rehearse_core::interviewer::{code_context, run_context, time_note};
use rehearse_core::settings::{VoiceProvider, VoiceSettings};
use rehearse_voice::audio::duplex::{Devices, Duplex};
use rehearse_voice::interview::cost::Prices;
use rehearse_voice::interview::{
    self, Command, HintFuture, Host, LinkState, LiveEvent, Options, Outcome,
};
use rehearse_voice::link::Provider;
use rehearse_voice::VoiceError;
use serde::Deserialize;
use tokio::sync::{mpsc, oneshot};
use ts_rs::TS;

/// What the interview room's voice controls ask.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum VoiceControl {
    Mute {
        on: bool,
    },
    PushToTalk {
        on: bool,
    },
    /// The push-to-talk key is held (true) or released.
    Talk {
        on: bool,
    },
    /// A typed message to the interviewer.
    Say {
        text: String,
    },
}

/// The voice interviewer attached to a room: its participant id and its controls.
pub(super) struct Link {
    id: u64,
    commands: mpsc::UnboundedSender<Command>,
}

struct VoiceInterviewer {
    commands: mpsc::UnboundedSender<Command>,
}

impl Participant for VoiceInterviewer {
    fn name(&self) -> &'static str {
        "voice interviewer"
    }

    fn hear(&mut self, event: &RoomEvent) -> Result<(), AppError> {
        let command = match event {
            RoomEvent::CodeChanged {
                code,
                language,
                at_ms,
            } => Command::Code(code_context(code, *language, *at_ms)),
            RoomEvent::RunResult { report, at_ms } => Command::Context(run_context(report, *at_ms)),
            RoomEvent::ClockWarning { remaining_ms, .. } => {
                Command::Context(time_note(*remaining_ms))
            }
            RoomEvent::CandidateMessage { text } => Command::Say(text.clone()),
            RoomEvent::CodeNote { note } => Command::Context(note.context()),
            RoomEvent::BudgetReached => Command::Context(
                "[Host: this session's budget is used up. Begin wrapping up now: ask for a last summary of their solution and its complexity, then thank them.]".into(),
            ),
            RoomEvent::TimeUp => return Ok(()),
            RoomEvent::Closed => Command::End,
        };
        self.commands
            .send(command)
            .map_err(|_| VoiceError::Closed.into())
    }
}

/// A voice interview started in a room.
pub struct VoiceCall {
    live: Option<oneshot::Receiver<()>>,
    done: tokio::task::JoinHandle<Result<Outcome, AppError>>,
}

impl VoiceCall {
    /// Waits until the interviewer is live; the error says why it could not connect. The call
    /// goes on after this returns; use this or [`VoiceCall::finished`], not both.
    pub async fn connected(mut self) -> Result<(), AppError> {
        if let Some(live) = self.live.take() {
            if live.await.is_ok() {
                return Ok(());
            }
        }
        // It ended before it went live: say why, or that it closed.
        self.finished()
            .await
            .and_then(|_| Err(VoiceError::Closed.into()))
    }

    /// Waits until the interview ends (the room closes, or every reconnection failed).
    pub async fn finished(self) -> Result<Outcome, AppError> {
        match self.done.await {
            Ok(result) => result,
            Err(_) => Err(VoiceError::Closed.into()),
        }
    }
}

/// Stores the voice interview's lines and hints in the room's session, and shows its events.
struct RoomHost {
    room: Room,
    live: Option<oneshot::Sender<()>>,
}

impl Host for RoomHost {
    fn event(&mut self, event: LiveEvent) {
        if let LiveEvent::Line { speaker, text, .. } = &event {
            self.room.keep_line(*speaker, text);
        }
        if let LiveEvent::Connection {
            state: LinkState::Live,
            ..
        } = &event
        {
            if let Some(live) = self.live.take() {
                let _ = live.send(());
            }
        }
        if let LiveEvent::Cost { usd, .. } = &event {
            self.room.voice_cost(*usd);
        }
        self.room.show(RoomUpdate::Voice(event));
    }

    /// The hints role's model writes it for the current code when it is on (the authored
    /// level otherwise, or when its hint is refused), as with the hint button.
    fn hint(&mut self) -> HintFuture {
        let room = self.room.clone();
        Box::pin(async move {
            // Shown by the room, not by the voice call, which may stop while it is written.
            let h = room.interviewer_hint().await.map_err(|e| e.to_string())?;
            Ok(h.text)
        })
    }
}

impl Room {
    /// Connects the voice interviewer (`which` provider) to this room: the devices from
    /// Settings, the provider keyed from the keychain. A missing key or config fails here,
    /// before anything starts. It replaces a voice interviewer already attached.
    pub fn start_voice(&self, which: VoiceProvider) -> Result<VoiceCall, AppError> {
        self.live()?;
        let app = &self.inner.app;
        app.voice_ready(which)?;
        let settings = app.store.settings()?.voice;
        let (provider, prices) = app.voice_provider(which, self.id())?;
        let (commands, rx) = mpsc::unbounded_channel();
        let (id, old) = {
            // The room may have closed while the keychain was read: then nothing starts.
            let mut st = self.state();
            if st.ended {
                return Err(AppError::SessionOver(self.id().to_string()));
            }
            let interviewer = Box::new(VoiceInterviewer {
                commands: commands.clone(),
            });
            st.spend.new_voice_call();
            let id = self.attach_locked(&mut st, interviewer);
            (id, st.voice.replace(Link { id, commands }))
        };
        if let Some(old) = old {
            self.detach(old.id);
            let _ = old.commands.send(Command::End);
        }
        let (live_tx, live) = oneshot::channel();
        let room = self.clone();
        let done = tokio::spawn(async move {
            let host = RoomHost {
                room: room.clone(),
                live: Some(live_tx),
            };
            let result = call(provider, prices, &settings, host, rx).await;
            room.voice_gone(id, &result);
            result
        });
        Ok(VoiceCall {
            live: Some(live),
            done,
        })
    }

    fn voice_gone(&self, id: u64, result: &Result<Outcome, AppError>) {
        self.detach(id);
        let mut st = self.state();
        if st.voice.as_ref().is_some_and(|l| l.id == id) {
            st.voice = None;
        }
        drop(st);
        match result {
            Ok(outcome) => tracing::info!(?outcome, "voice interview ended"),
            Err(e) => {
                tracing::warn!(error = %e, "the voice interview stopped");
                self.show(RoomUpdate::Voice(LiveEvent::Connection {
                    state: LinkState::Lost,
                    detail: e.to_string(),
                }));
            }
        }
    }

    /// Mute, push-to-talk, or a typed message for the voice interviewer.
    pub fn voice_control(&self, control: VoiceControl) -> Result<(), AppError> {
        let commands = match self.state().voice.as_ref() {
            Some(link) => link.commands.clone(),
            None => return Err(VoiceError::Closed.into()),
        };
        let command = match control {
            VoiceControl::Mute { on } => Command::Mute(on),
            VoiceControl::PushToTalk { on } => Command::PushToTalk(on),
            VoiceControl::Talk { on } => Command::Talk(on),
            VoiceControl::Say { text } => return self.say(text),
        };
        commands
            .send(command)
            .map_err(|_| VoiceError::Closed.into())
    }

    /// Disconnects the voice interviewer; the session goes on.
    pub fn stop_voice(&self) {
        let link = self.state().voice.take();
        if let Some(link) = link {
            self.detach(link.id);
            let _ = link.commands.send(Command::End);
        }
    }
}

/// One voice interview, until the room closes or every reconnection failed.
async fn call(
    provider: Box<dyn Provider>,
    prices: Prices,
    settings: &VoiceSettings,
    mut host: RoomHost,
    commands: mpsc::UnboundedReceiver<Command>,
) -> Result<Outcome, AppError> {
    let (audio_tx, audio) = mpsc::unbounded_channel();
    let devices = Devices {
        input: settings.input_device.clone(),
        output: settings.output_device.clone(),
    };
    let duplex = Duplex::open(
        &devices,
        provider.input_rate(),
        provider.output_rate(),
        audio_tx,
    )?;
    tracing::info!(microphone = %duplex.microphone, speaker = %duplex.speaker, "voice interview audio");
    let opts = Options {
        speaker_mode: settings.speaker_mode.unwrap_or_default(),
        push_to_talk: settings.push_to_talk,
        ..Options::new(prices)
    };
    Ok(interview::run(
        provider.as_ref(),
        &mut host,
        duplex.playback.clone(),
        audio,
        commands,
        opts,
    )
    .await?)
}
