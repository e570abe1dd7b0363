//! The interviewer's voice link. A realtime provider (OpenAI Realtime or Gemini Live) takes the candidate's 20 ms PCM16 frames and returns the interviewer's audio and both
//! transcripts as [`VoiceEvent`]s; the [`ledger::PlaybackLedger`] knows how much of each reply
//! was really heard, so an interruption truncates the reply there.

pub mod audio;
pub mod error;
pub mod gemini;
pub mod interrupt;
pub mod interview;
pub mod ledger;
pub mod link;
pub mod openai;
pub mod pcm;
mod socket;

pub use error::VoiceError;

/// What the link reports, in the order it happened.
#[derive(Debug, Clone, PartialEq)]
pub enum VoiceEvent {
    /// The provider accepted the session configuration.
    Ready,
    /// The provider heard the candidate start speaking (its own voice detection).
    SpeechStarted,
    SpeechStopped,
    /// The candidate's words, as the provider transcribed them; `done` once final.
    CandidateText {
        item_id: String,
        text: String,
        done: bool,
    },
    /// A piece of the interviewer's reply, at the provider's output rate.
    InterviewerAudio {
        item_id: String,
        samples: Vec<i16>,
    },
    /// The interviewer's words; `done` once the reply's transcript is complete.
    InterviewerText {
        item_id: String,
        text: String,
        done: bool,
    },
    /// A reply ended; token counts for the cost estimate.
    ResponseDone {
        status: String,
        usage: Usage,
    },
    /// The candidate spoke over the interviewer: playback stopped after `played_ms` of the
    /// item, and the provider was told to forget the rest.
    Interrupted {
        item_id: String,
        played_ms: u64,
    },
    /// The interviewer called a tool (the next hint); answer with [`link::Link::tool_result`].
    ToolCall {
        call_id: String,
        name: String,
    },
    RateLimits(Vec<RateLimit>),
    /// The provider reported an error; the link stays open unless it closes.
    ProviderError {
        code: String,
        message: String,
    },
    /// The session can be resumed on a new connection with this handle (Gemini Live).
    Resumable {
        handle: String,
    },
    /// The provider will close this connection soon (`time_left` as it said it): move to a
    /// new one, resuming.
    GoAway {
        time_left: String,
    },
    Closed {
        reason: String,
    },
}

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct Usage {
    pub input_tokens: u64,
    pub output_tokens: u64,
    pub input_audio_tokens: u64,
    pub output_audio_tokens: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RateLimit {
    pub name: String,
    pub remaining: f64,
    pub reset_seconds: f64,
}
