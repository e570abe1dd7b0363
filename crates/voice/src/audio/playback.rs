//! The interviewer's voice: a rodio source fed from a queue. What the source hands to the
//! output is counted in the [`PlaybackLedger`] (so an interruption knows what was heard), and a
//! flush empties the queue at once: the output plays at most one more 10 ms block.

use super::{describe, find, AudioError};
use crate::ledger::{Cut, PlaybackLedger};
use rodio::Source;
use std::collections::VecDeque;
use std::num::NonZero;
use std::sync::{Arc, Mutex};
use std::time::Duration;

struct Queue {
    samples: VecDeque<f32>,
    ledger: PlaybackLedger,
}

/// An open output; playback stops when it is dropped. Its [`Playback`] (also through Deref)
/// queues, flushes and counts, and can be cloned to other threads.
pub struct Speaker {
    _sink: rodio::MixerDeviceSink,
    playback: Playback,
    pub device_name: String,
}

/// The queue in front of an output.
#[derive(Clone)]
pub struct Playback {
    queue: Arc<Mutex<Queue>>,
}

impl Speaker {
    pub fn playback(&self) -> Playback {
        self.playback.clone()
    }
}

impl std::ops::Deref for Speaker {
    type Target = Playback;

    fn deref(&self) -> &Playback {
        &self.playback
    }
}

impl Speaker {
    /// Opens `device` (None: the default) for mono PCM16 at `rate`.
    pub fn open(device: Option<&str>, rate: u32) -> Result<Speaker, AudioError> {
        let dev =
            find(false, device).ok_or_else(|| AudioError::NoSpeaker("no output device".into()))?;
        let device_name = describe(&dev).1;
        let builder = rodio::DeviceSinkBuilder::from_device(dev)
            .map_err(|e| AudioError::NoSpeaker(e.to_string()))?;
        let mut sink = builder
            .with_buffer_size(cpal::BufferSize::Fixed(512))
            .with_error_callback(|e| tracing::debug!(error = %e, "audio output stream"))
            .open_stream()
            .map_err(|e| AudioError::NoSpeaker(e.to_string()))?;
        sink.log_on_drop(false);
        let queue = Arc::new(Mutex::new(Queue {
            samples: VecDeque::new(),
            ledger: PlaybackLedger::new(rate),
        }));
        let rate =
            NonZero::new(rate).ok_or_else(|| AudioError::Device("a sample rate of 0".into()))?;
        sink.mixer().add(QueueSource {
            queue: queue.clone(),
            rate,
            block: Vec::new(),
            at: 0,
        });
        Ok(Speaker {
            _sink: sink,
            playback: Playback { queue },
            device_name,
        })
    }
}

impl Playback {
    fn ledger<T>(&self, f: impl FnOnce(&mut PlaybackLedger) -> T) -> T {
        f(&mut self.queue.lock().unwrap_or_else(|p| p.into_inner()).ledger)
    }

    /// Queues `samples` of the interviewer's item `item_id`.
    pub fn play(&self, item_id: &str, samples: &[i16]) {
        let mut q = self.queue.lock().unwrap_or_else(|p| p.into_inner());
        q.samples
            .extend(samples.iter().map(|&s| f32::from(s) / 32768.0));
        q.ledger.queued(item_id, samples.len());
    }

    /// Stops playback now; returns the item that was playing and how much of it was heard.
    pub fn flush(&self) -> Option<Cut> {
        let mut q = self.queue.lock().unwrap_or_else(|p| p.into_inner());
        q.samples.clear();
        q.ledger.flush()
    }

    pub fn is_playing(&self) -> bool {
        self.ledger(|l| l.is_playing())
    }

    pub fn played_ms(&self, item_id: &str) -> Option<u64> {
        self.ledger(|l| l.played_ms(item_id))
    }

    /// The item that most recently began to be heard, and when.
    pub fn last_started(&self) -> Option<(String, std::time::Instant)> {
        self.ledger(|l| l.last_started().cloned())
    }
}

/// Never ends: silence when the queue is empty. Takes 10 ms blocks from the queue.
struct QueueSource {
    queue: Arc<Mutex<Queue>>,
    rate: NonZero<u32>,
    block: Vec<f32>,
    at: usize,
}

impl Iterator for QueueSource {
    type Item = f32;

    fn next(&mut self) -> Option<f32> {
        if self.at == self.block.len() {
            let n = (self.rate.get() / 100) as usize;
            let mut q = self.queue.lock().unwrap_or_else(|p| p.into_inner());
            let take = n.min(q.samples.len());
            self.block.clear();
            self.block.extend(q.samples.drain(..take));
            q.ledger.played(take);
            drop(q);
            self.block.resize(n, 0.0);
            self.at = 0;
        }
        let s = self.block[self.at];
        self.at += 1;
        Some(s)
    }
}

impl Source for QueueSource {
    fn current_span_len(&self) -> Option<usize> {
        None
    }

    fn channels(&self) -> rodio::ChannelCount {
        NonZero::<u16>::MIN
    }

    fn sample_rate(&self) -> rodio::SampleRate {
        self.rate
    }

    fn total_duration(&self) -> Option<Duration> {
        None
    }
}
