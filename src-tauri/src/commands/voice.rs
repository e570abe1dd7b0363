//! Voice mode in the interview room: the room's voice interviewer started and stopped, and
//! the room's controls (mute, push-to-talk, typed messages); its events reach the window as
//! `voice-event` through the lobby.

use super::session::room;
use super::{blocking, err, Ctx};
use rehearse_app::room::VoiceControl;
use rehearse_core::error::Coded;
use rehearse_core::settings::VoiceProvider;
use rehearse_core::ErrorBody;
use rehearse_voice::audio::DeviceInfo;
use serde::Serialize;
use ts_rs::TS;

/// The machine's microphones and outputs, for the settings page.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AudioDevices {
    pub inputs: Vec<DeviceInfo>,
    pub outputs: Vec<DeviceInfo>,
    /// Why devices could not be listed (no sound server).
    pub error: Option<ErrorBody>,
}

/// Connects the interviewer of session `id` and returns once it is live (or failed to be).
pub async fn start(
    ctx: &Ctx,
    id: String,
    provider: Option<VoiceProvider>,
) -> Result<(), ErrorBody> {
    let which = match provider {
        Some(p) => p,
        None => ctx.app.settings().map_err(err)?.voice.provider,
    };
    let room = room(ctx, &id)?;
    // Reading the key may wait on the keychain (a prompt to unlock it).
    let call = blocking(move || room.start_voice(which)).await?;
    call.connected().await.map_err(err)
}

pub async fn text_start(ctx: &Ctx, id: String) -> Result<(), ErrorBody> {
    let room = room(ctx, &id)?;
    // Reading the key may wait on the keychain.
    blocking(move || room.ensure_text()).await
}

pub async fn text_continue(ctx: &Ctx, id: String) -> Result<(), ErrorBody> {
    let room = room(ctx, &id)?;
    blocking(move || {
        room.continue_in_text(&rehearse_core::settings::AiChoice::default())
            .map(drop)
    })
    .await
}

pub async fn text_say(ctx: &Ctx, id: String, text: String) -> Result<(), ErrorBody> {
    room(ctx, &id)?.say(text).map_err(err)
}

pub async fn control(ctx: &Ctx, id: String, control: VoiceControl) -> Result<(), ErrorBody> {
    room(ctx, &id)?.voice_control(control).map_err(err)
}

pub async fn stop(ctx: &Ctx, id: String) -> Result<(), ErrorBody> {
    room(ctx, &id)?.stop_voice();
    Ok(())
}

pub async fn devices(_ctx: &Ctx) -> Result<AudioDevices, ErrorBody> {
    use rehearse_voice::audio::devices;
    let listed = tokio::task::spawn_blocking(|| (devices(true), devices(false))).await;
    Ok(match listed {
        Ok((Ok(inputs), Ok(outputs))) => AudioDevices {
            inputs,
            outputs,
            error: None,
        },
        Ok((Err(e), _) | (_, Err(e))) => AudioDevices {
            inputs: Vec::new(),
            outputs: Vec::new(),
            error: Some(e.body()),
        },
        Err(e) => return Err(super::join_failed(e)),
    })
}
