//! Echo handling without echo cancellation. With headphones the microphone is always open
//! (full duplex). With speakers the interviewer's voice would reach the microphone and be
//! taken for the candidate's, so while it plays (and for a short tail after) the microphone is
//! gated; a candidate who speaks up — louder than the echo, for a few frames in a row — opens
//! the gate, stops the interviewer, and is heard from the start of those frames.

use crate::pcm;
pub use rehearse_core::settings::SpeakerMode;
use std::collections::VecDeque;

/// What to do with a microphone frame.
#[derive(Debug, Clone, PartialEq)]
pub enum Pass {
    /// Send these frames.
    Send(Vec<Vec<i16>>),
    /// Gated: the interviewer is speaking.
    Hold,
    /// The candidate spoke over the interviewer: stop playback, then send these frames.
    BargeIn(Vec<Vec<i16>>),
}

pub struct Gate {
    mode: SpeakerMode,
    /// RMS (0–1) a frame must exceed while the interviewer plays to count as the candidate.
    threshold: f32,
    /// Loud frames in a row that open the gate.
    frames_to_open: usize,
    /// Frames after playback ends during which the room's echo still dies away.
    tail_frames: usize,
    tail: usize,
    held: VecDeque<Vec<i16>>,
    loud: usize,
}

impl Gate {
    pub fn new(mode: SpeakerMode) -> Gate {
        Gate {
            mode,
            threshold: 0.06,
            frames_to_open: 3,
            tail_frames: 8,
            tail: 0,
            held: VecDeque::new(),
            loud: 0,
        }
    }

    pub fn mode(&self) -> SpeakerMode {
        self.mode
    }

    /// `playing`: the interviewer is audible now.
    pub fn pass(&mut self, frame: Vec<i16>, playing: bool) -> Pass {
        if self.mode == SpeakerMode::Headphones {
            return Pass::Send(vec![frame]);
        }
        if playing {
            self.tail = self.tail_frames;
        } else if self.tail > 0 {
            self.tail -= 1;
        } else {
            self.held.clear();
            self.loud = 0;
            return Pass::Send(vec![frame]);
        }
        let loud = pcm::rms(&frame) >= self.threshold;
        self.loud = if loud { self.loud + 1 } else { 0 };
        self.held.push_back(frame);
        while self.held.len() > self.frames_to_open {
            self.held.pop_front();
        }
        if self.loud >= self.frames_to_open {
            self.loud = 0;
            self.tail = 0;
            let frames = self.held.drain(..).collect();
            return if playing {
                Pass::BargeIn(frames)
            } else {
                Pass::Send(frames)
            };
        }
        Pass::Hold
    }
}
