//! The microphone: frames from any device and format, downmixed to mono, resampled (rubato)
//! to the provider's rate when the device cannot give it, cut into 20 ms PCM16 frames, with a
//! level (RMS) about 20 times a second for the meter.

use super::{describe, find, AudioError};
use crate::pcm;
use cpal::traits::{DeviceTrait, StreamTrait};
use cpal::{FromSample, Sample, SizedSample, StreamConfig};
use rubato::audioadapter_buffers::direct::InterleavedSlice;
use rubato::{Fft, FixedSync, Resampler};
use std::sync::mpsc::{channel, Receiver, Sender};

/// What the microphone reports.
#[derive(Debug, Clone, PartialEq)]
pub enum MicEvent {
    /// 20 ms of mono PCM16 at the requested rate.
    Frame(Vec<i16>),
    /// Root-mean-square level of the last 50 ms, 0.0 to 1.0.
    Level(f32),
    /// The device failed or disappeared; capture stopped.
    Lost(String),
}

#[derive(Debug, Clone, Default)]
pub struct CaptureOptions {
    /// A device id from [`super::devices`]; None for the default.
    pub device: Option<String>,
    /// The rate frames are delivered at (24 kHz for OpenAI, 16 kHz for Gemini).
    pub rate: u32,
    /// Take the device's own format even if it could deliver `rate` mono directly.
    pub native_format: bool,
}

/// An open microphone; capture stops when it is dropped.
pub struct Microphone {
    _stream: cpal::Stream,
    pub device_name: String,
    pub device_rate: u32,
    pub device_channels: u16,
}

impl Microphone {
    pub fn open(opts: &CaptureOptions, events: Sender<MicEvent>) -> Result<Microphone, AudioError> {
        let device = find(true, opts.device.as_deref())
            .ok_or_else(|| AudioError::NoMicrophone("no input device".into()))?;
        let device_name = describe(&device).1;
        let direct = StreamConfig {
            channels: 1,
            sample_rate: opts.rate,
            buffer_size: cpal::BufferSize::Default,
        };
        if !opts.native_format {
            if let Ok(stream) = build::<i16>(&device, direct, opts.rate, events.clone()) {
                return Microphone::started(stream, device_name, opts.rate, 1);
            }
        }
        let native = device
            .default_input_config()
            .map_err(|e| AudioError::NoMicrophone(e.to_string()))?;
        let config: StreamConfig = native.config();
        let stream = match native.sample_format() {
            cpal::SampleFormat::F32 => build::<f32>(&device, config, opts.rate, events),
            cpal::SampleFormat::I16 => build::<i16>(&device, config, opts.rate, events),
            cpal::SampleFormat::I32 => build::<i32>(&device, config, opts.rate, events),
            cpal::SampleFormat::U8 => build::<u8>(&device, config, opts.rate, events),
            other => {
                return Err(AudioError::Device(format!(
                    "unsupported sample format {other}"
                )))
            }
        }?;
        Microphone::started(stream, device_name, config.sample_rate, config.channels)
    }

    fn started(
        stream: cpal::Stream,
        device_name: String,
        rate: u32,
        channels: u16,
    ) -> Result<Microphone, AudioError> {
        stream
            .play()
            .map_err(|e| AudioError::NoMicrophone(e.to_string()))?;
        Ok(Microphone {
            _stream: stream,
            device_name,
            device_rate: rate,
            device_channels: channels,
        })
    }
}

fn build<T>(
    device: &cpal::Device,
    config: StreamConfig,
    to: u32,
    events: Sender<MicEvent>,
) -> Result<cpal::Stream, AudioError>
where
    T: SizedSample + Send + 'static,
    f32: FromSample<T>,
{
    let channels = usize::from(config.channels.max(1));
    let (chunks, rx) = channel::<Vec<f32>>();
    let lost = events.clone();
    let stream = device
        .build_input_stream::<T, _, _>(
            config,
            move |data: &[T], _| {
                let mono = data
                    .chunks(channels)
                    .map(|f| f.iter().map(|&s| f32::from_sample(s)).sum::<f32>() / channels as f32)
                    .collect();
                let _ = chunks.send(mono);
            },
            move |e| {
                let _ = lost.send(MicEvent::Lost(e.to_string()));
            },
            None,
        )
        .map_err(|e| AudioError::NoMicrophone(e.to_string()))?;
    let from = config.sample_rate;
    std::thread::Builder::new()
        .name("rehearse-mic".into())
        .spawn(move || frames(rx, from, to, events))
        .map_err(|e| AudioError::Device(e.to_string()))?;
    Ok(stream)
}

/// Resamples and frames until the stream (and so the sender) goes away.
fn frames(rx: Receiver<Vec<f32>>, from: u32, to: u32, events: Sender<MicEvent>) {
    let mut resampler = (from != to)
        .then(|| {
            Fft::<f32>::new(
                from as usize,
                to as usize,
                (from / 100) as usize,
                1,
                FixedSync::Input,
            )
            .ok()
        })
        .flatten();
    let frame = pcm::frame_len(to);
    let window = (to / 20) as usize;
    let (mut input, mut output, mut level) = (Vec::new(), Vec::<f32>::new(), Vec::<i16>::new());
    for chunk in rx {
        match resampler.as_mut() {
            None => output.extend(chunk),
            Some(r) => {
                input.extend(chunk);
                while input.len() >= r.input_frames_next() {
                    let need = r.input_frames_next();
                    let mut out = vec![0.0f32; r.output_frames_next()];
                    let written = match (
                        InterleavedSlice::new(&input[..need], 1, need),
                        InterleavedSlice::new_mut(&mut out[..], 1, r.output_frames_next()),
                    ) {
                        (Ok(inb), Ok(mut outb)) => r
                            .process_into_buffer(&inb, &mut outb, None)
                            .map(|(_, w)| w)
                            .unwrap_or(0),
                        _ => 0,
                    };
                    output.extend_from_slice(&out[..written]);
                    input.drain(..need);
                }
            }
        }
        while output.len() >= frame {
            let samples: Vec<i16> = output
                .drain(..frame)
                .map(|s| (s.clamp(-1.0, 1.0) * 32767.0) as i16)
                .collect();
            level.extend_from_slice(&samples);
            if level.len() >= window {
                if events.send(MicEvent::Level(pcm::rms(&level))).is_err() {
                    return;
                }
                level.clear();
            }
            if events.send(MicEvent::Frame(samples)).is_err() {
                return;
            }
        }
    }
}
