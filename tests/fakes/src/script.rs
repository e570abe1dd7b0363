//! What a fake realtime server is asked to do, and what it saw.

use serde_json::Value;
use std::sync::Arc;
use std::time::Instant;

/// How the fake decides the candidate spoke.
#[derive(Debug, Clone, PartialEq)]
pub enum Turns {
    /// Speech starts after this much audio, whatever it holds, and stops 600 ms later; once.
    Timed(u64),
    /// Voice activity on the audio received: a turn ends after 500 ms of quiet.
    Energy,
}

#[derive(Debug, Clone)]
pub struct Script {
    pub key: String,
    pub model: String,
    pub turns: Turns,
    /// Length of a tone reply, when no speech is given.
    pub reply_ms: u64,
    /// The interviewer's voice: these samples (24 kHz) instead of a tone.
    pub speech: Option<Arc<Vec<i16>>>,
    /// (Timed turns) the candidate speaks again this long into the reply.
    pub interrupt_after_ms: Option<u64>,
    /// On this turn the interviewer first calls the hint tool.
    pub hint_on_turn: Option<u32>,
    /// After this turn's reply the first connection is cut (no close frame).
    pub drop_after_turn: Option<u32>,
    /// The first connection is cut (no close frame) right after its hint call, before the
    /// client has answered it.
    pub drop_after_hint: bool,
    /// (Gemini) after this turn's reply the first connection gets a `goAway`, and is closed
    /// two seconds later if the client has not moved on.
    pub go_away_after_turn: Option<u32>,
    /// On this turn, instead of a reply: rate limits exhausted and an error.
    pub rate_limit_on_turn: Option<u32>,
    /// Handshakes after this many connections are refused with 503: the provider went down.
    pub connections_allowed: Option<u32>,
}

impl Script {
    pub fn new(key: &str, model: &str) -> Script {
        Script {
            key: key.into(),
            model: model.into(),
            turns: Turns::Timed(200),
            reply_ms: 2000,
            speech: None,
            interrupt_after_ms: None,
            hint_on_turn: None,
            drop_after_turn: None,
            drop_after_hint: false,
            go_away_after_turn: None,
            rate_limit_on_turn: None,
            connections_allowed: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Truncate {
    pub item_id: String,
    pub audio_end_ms: u64,
    /// From sending the reply's first audio to receiving the truncate.
    pub since_first_audio_ms: u64,
    /// How much reply audio had been sent by then.
    pub sent_ms: u64,
}

impl Truncate {
    /// The most the candidate can have heard: the time the reply has been playing, or all of
    /// the audio sent when it ran out first.
    pub fn audible_ms(&self) -> u64 {
        self.since_first_audio_ms.min(self.sent_ms)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Record {
    /// Every protocol rule a client message broke, in words.
    pub violations: Vec<String>,
    /// The `type` of every client event, in order.
    pub events: Vec<String>,
    pub session: Option<Value>,
    /// The instructions of every `session.update`, in order (one per connection).
    pub instructions: Vec<String>,
    pub appended_ms: u64,
    /// When each append arrived.
    pub appends: Vec<Instant>,
    pub truncate: Option<Truncate>,
    pub truncates: Vec<Truncate>,
    /// Texts of `conversation.item.create` messages.
    pub items: Vec<String>,
    /// Outputs of `function_call_output` items.
    pub tool_outputs: Vec<String>,
    /// What the fake said: candidate transcriptions and interviewer transcripts, in order.
    pub candidate_said: Vec<String>,
    pub interviewer_said: Vec<String>,
    /// When each reply's first audio delta was sent, by item.
    pub first_audio: Vec<(String, Instant)>,
    /// When the fake reported the candidate speaking over a reply.
    pub barge_ins: Vec<Instant>,
    pub connections: u32,
    /// (Gemini) every `setup`, and the resumption handle each connection came with.
    pub setups: Vec<Value>,
    pub resumed_with: Vec<Option<String>>,
    /// (Gemini) the handles the fake gave out, in order.
    pub handles: Vec<String>,
    pub go_aways: u32,
}
