//! The microphone and the speaker of one interview, on a thread of their own (audio streams
//! stay on the thread that opened them). Frames and levels are forwarded to the interview;
//! a microphone that fails or disappears is replaced by the default one, and the interview
//! is told in words.

use super::capture::{CaptureOptions, MicEvent, Microphone};
use super::playback::{Playback, Speaker};
use super::AudioError;
use std::sync::mpsc::{channel, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};
use tokio::sync::mpsc::UnboundedSender;

/// What the audio thread reports.
#[derive(Debug, Clone, PartialEq)]
pub enum AudioEvent {
    /// 20 ms of the candidate at the provider's rate, and when it was ready.
    Frame(Vec<i16>, Instant),
    Level(f32),
    /// The microphone failed; capture went on with `now_using`.
    Switched {
        reason: String,
        now_using: String,
    },
    /// The microphone failed and no other could be opened.
    MicrophoneLost(String),
}

#[derive(Debug, Clone, Default)]
pub struct Devices {
    /// Device ids from [`super::devices`]; None for the defaults.
    pub input: Option<String>,
    pub output: Option<String>,
}

/// The interview's audio; both devices close when it is dropped.
pub struct Duplex {
    pub playback: Playback,
    pub microphone: String,
    pub speaker: String,
    stop: Sender<()>,
}

impl Drop for Duplex {
    fn drop(&mut self) {
        let _ = self.stop.send(());
    }
}

impl Duplex {
    /// Opens both devices: the microphone at `input_rate`, the speaker at `output_rate`.
    pub fn open(
        devices: &Devices,
        input_rate: u32,
        output_rate: u32,
        events: UnboundedSender<AudioEvent>,
    ) -> Result<Duplex, AudioError> {
        let (opened, result) = channel();
        let (stop, stopped) = channel::<()>();
        let devices = devices.clone();
        std::thread::Builder::new()
            .name("rehearse-audio".into())
            .spawn(move || {
                let (mic_tx, mic_rx) = channel();
                let mut opts = CaptureOptions {
                    device: devices.input.clone(),
                    rate: input_rate,
                    native_format: false,
                };
                let speaker = match Speaker::open(devices.output.as_deref(), output_rate) {
                    Ok(s) => s,
                    Err(e) => return drop(opened.send(Err(e))),
                };
                let mut _mic = match Microphone::open(&opts, mic_tx.clone()) {
                    Ok(m) => Some(m),
                    Err(e) => return drop(opened.send(Err(e))),
                };
                let names = (
                    _mic.as_ref()
                        .map(|m| m.device_name.clone())
                        .unwrap_or_default(),
                    speaker.device_name.clone(),
                );
                if opened.send(Ok((speaker.playback(), names))).is_err() {
                    return;
                }
                loop {
                    if !matches!(
                        stopped.try_recv(),
                        Err(std::sync::mpsc::TryRecvError::Empty)
                    ) {
                        return;
                    }
                    let event = match mic_rx.recv_timeout(Duration::from_millis(50)) {
                        Ok(MicEvent::Frame(f)) => AudioEvent::Frame(f, Instant::now()),
                        Ok(MicEvent::Level(l)) => AudioEvent::Level(l),
                        Ok(MicEvent::Lost(reason)) => {
                            _mic = None;
                            opts.device = None;
                            match Microphone::open(&opts, mic_tx.clone()) {
                                Ok(m) => {
                                    let now_using = m.device_name.clone();
                                    _mic = Some(m);
                                    AudioEvent::Switched { reason, now_using }
                                }
                                Err(e) => AudioEvent::MicrophoneLost(format!("{reason}; {e}")),
                            }
                        }
                        Err(RecvTimeoutError::Timeout) => continue,
                        Err(RecvTimeoutError::Disconnected) => return,
                    };
                    if events.send(event).is_err() {
                        return;
                    }
                }
            })
            .map_err(|e| AudioError::Device(e.to_string()))?;
        let (playback, (microphone, speaker)) = result
            .recv()
            .map_err(|_| AudioError::Device("the audio thread stopped".into()))??;
        Ok(Duplex {
            playback,
            microphone,
            speaker,
            stop,
        })
    }
}
