//! Voice mode in the interview room: the interviewer of the session on screen is started and
//! stopped here, the UI's controls (mute, push-to-talk, typed messages) reach it, and every
//! event it reports goes to the window as `voice-event`. Code, runs and clock warnings of the
//! session reach it from the session commands through [`tell`].

use super::session::SessionSlot;
use super::{err, Ctx};
use rehearse_core::error::Coded;
use rehearse_core::settings::VoiceProvider;
use rehearse_core::ErrorBody;
use rehearse_voice::audio::DeviceInfo;
use rehearse_voice::interview::{Command, LinkState, LiveEvent};
use serde::{Deserialize, Serialize};
use tauri::Emitter;
use tokio::sync::mpsc::UnboundedSender;
use ts_rs::TS;

/// The voice interview running, if any.
pub struct Live {
    pub session_id: String,
    pub commands: UnboundedSender<Command>,
}

/// What the interview room's controls ask.
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

/// The machine's microphones and outputs, for the settings page.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AudioDevices {
    pub inputs: Vec<DeviceInfo>,
    pub outputs: Vec<DeviceInfo>,
    /// Why devices could not be listed (no sound server).
    pub error: Option<ErrorBody>,
}

/// Sends `command` to the voice interview of session `id`, if it is running.
pub fn tell(slot: &SessionSlot, id: &str, command: Command) {
    if let Some(live) = slot.lock().expect("session slot").voice.as_ref() {
        if live.session_id == id {
            let _ = live.commands.send(command);
        }
    }
}

/// Stops the voice interview of session `id`, if it is running.
pub fn stop_for(slot: &SessionSlot, id: &str) {
    let mut running = slot.lock().expect("session slot");
    if running.voice.as_ref().is_some_and(|l| l.session_id == id) {
        if let Some(l) = running.voice.take() {
            let _ = l.commands.send(Command::End);
        }
    }
}

/// Connects the interviewer of session `id` and returns once it is live (or failed to be).
pub fn start(ctx: &Ctx, id: String, provider: Option<VoiceProvider>) -> Result<(), ErrorBody> {
    let settings = ctx.app.store.settings().map_err(err)?;
    let which = provider.unwrap_or(settings.voice.provider);
    ctx.app.voice_ready(which).map_err(err)?;
    let (commands, rx) = tokio::sync::mpsc::unbounded_channel();
    let old = ctx
        .session
        .lock()
        .expect("session slot")
        .voice
        .replace(Live {
            session_id: id.clone(),
            commands,
        });
    if let Some(old) = old {
        let _ = old.commands.send(Command::End);
    }
    let (live_tx, live_rx) = std::sync::mpsc::channel::<Result<(), ErrorBody>>();
    let (app, handle, slot) = (ctx.app.clone(), ctx.handle.clone(), ctx.session.clone());
    tauri::async_runtime::spawn(async move {
        let forward_handle = handle.clone();
        let ready = live_tx.clone();
        let result = app
            .voice_interview(&id, which, rx, move |e| {
                if let LiveEvent::Connection {
                    state: LinkState::Live,
                    ..
                } = &e
                {
                    let _ = ready.send(Ok(()));
                }
                let _ = forward_handle.emit("voice-event", e);
            })
            .await;
        if let Err(e) = &result {
            tracing::warn!(error = %e, "the voice interview stopped");
            let _ = live_tx.send(Err(e.body()));
            let _ = handle.emit(
                "voice-event",
                LiveEvent::Connection {
                    state: LinkState::Lost,
                    detail: e.to_string(),
                },
            );
        }
        let mut running = slot.lock().expect("session slot");
        if running.voice.as_ref().is_some_and(|l| l.session_id == id) {
            running.voice = None;
        }
    });
    live_rx.recv().unwrap_or_else(|_| {
        Err(ErrorBody::new(
            "voice_closed",
            "The voice interview stopped before it connected.",
        ))
    })
}

pub fn control(ctx: &Ctx, id: String, control: VoiceControl) -> Result<(), ErrorBody> {
    let running = ctx.session.lock().expect("session slot");
    let Some(live) = running.voice.as_ref().filter(|l| l.session_id == id) else {
        return Err(ErrorBody::new(
            "voice_closed",
            "The interviewer is not connected: start voice again from the interview room.",
        ));
    };
    let command = match control {
        VoiceControl::Mute { on } => Command::Mute(on),
        VoiceControl::PushToTalk { on } => Command::PushToTalk(on),
        VoiceControl::Talk { on } => Command::Talk(on),
        VoiceControl::Say { text } => Command::Say(text),
    };
    live.commands
        .send(command)
        .map_err(|_| ErrorBody::new("voice_closed", "The voice interview has ended."))
}

pub fn stop(ctx: &Ctx, id: String) -> Result<(), ErrorBody> {
    stop_for(&ctx.session, &id);
    Ok(())
}

pub fn devices(_ctx: &Ctx) -> Result<AudioDevices, ErrorBody> {
    use rehearse_voice::audio::devices;
    Ok(match (devices(true), devices(false)) {
        (Ok(inputs), Ok(outputs)) => AudioDevices {
            inputs,
            outputs,
            error: None,
        },
        (Err(e), _) | (_, Err(e)) => AudioDevices {
            inputs: Vec::new(),
            outputs: Vec::new(),
            error: Some(e.body()),
        },
    })
}
