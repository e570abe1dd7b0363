//! The machine's audio: the microphone through cpal (any device, any format, brought to the
//! provider's rate as 20 ms mono PCM16 frames with a level ~20 times a second) and the
//! interviewer's voice through rodio (a queue that counts what was really played and can be
//! flushed at once).

pub mod capture;
pub mod duplex;
pub mod playback;

use cpal::traits::{DeviceTrait, HostTrait};
use rehearse_core::error::Coded;
use rehearse_core::ErrorCode;

#[derive(Debug, thiserror::Error)]
pub enum AudioError {
    #[error("No microphone is available ({0}). Connect one, check that the sound server is running, and choose it in Settings.")]
    NoMicrophone(String),
    #[error("No speaker or headphones are available ({0}). Connect some, check that the sound server is running, and choose them in Settings.")]
    NoSpeaker(String),
    #[error("The audio device failed: {0}")]
    Device(String),
}

impl Coded for AudioError {
    fn code(&self) -> ErrorCode {
        match self {
            AudioError::NoMicrophone(_) => ErrorCode::NoMicrophone,
            AudioError::NoSpeaker(_) => ErrorCode::NoSpeaker,
            AudioError::Device(_) => ErrorCode::AudioError,
        }
    }
}

/// A device as the settings page lists it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct DeviceInfo {
    pub id: String,
    pub name: String,
    pub default: bool,
}

fn describe(d: &cpal::Device) -> (String, String) {
    let id = d.id().map(|i| i.to_string()).unwrap_or_default();
    let name = d
        .description()
        .map(|x| x.name().to_string())
        .unwrap_or_else(|_| id.clone());
    (id, name)
}

/// Input (`input = true`) or output devices, the default first marked.
pub fn devices(input: bool) -> Result<Vec<DeviceInfo>, AudioError> {
    let host = cpal::default_host();
    let default = if input {
        host.default_input_device()
    } else {
        host.default_output_device()
    }
    .map(|d| describe(&d).0);
    let list = if input {
        host.input_devices().map(|d| d.collect::<Vec<_>>())
    } else {
        host.output_devices().map(|d| d.collect::<Vec<_>>())
    }
    .map_err(|e| AudioError::Device(e.to_string()))?;
    Ok(list
        .iter()
        .map(|d| {
            let (id, name) = describe(d);
            DeviceInfo {
                default: Some(&id) == default.as_ref(),
                id,
                name,
            }
        })
        .collect())
}

/// The device with `id`, or the default when `id` is None.
pub(crate) fn find(input: bool, id: Option<&str>) -> Option<cpal::Device> {
    let host = cpal::default_host();
    match id {
        None => {
            if input {
                host.default_input_device()
            } else {
                host.default_output_device()
            }
        }
        Some(id) => {
            let mut all = if input {
                host.input_devices().ok()?.collect::<Vec<_>>()
            } else {
                host.output_devices().ok()?.collect::<Vec<_>>()
            };
            let at = all.iter().position(|d| describe(d).0 == id)?;
            Some(all.swap_remove(at))
        }
    }
}
