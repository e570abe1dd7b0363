//! One trait, two providers: a [`Provider`] opens a [`Connection`], whose [`Link`] sends the
//! candidate's audio, context, typed messages, truncations and tool results, and whose
//! events arrive as [`VoiceEvent`]s. The interview driver knows nothing else of a provider.

use crate::{VoiceError, VoiceEvent};
use std::future::Future;
use std::pin::Pin;
use tokio::sync::mpsc;

/// The sending half of a live connection. Never blocks; a closed connection drops what is
/// sent (the driver learns of the close from the events).
pub trait Link: Send + Sync {
    /// One 20 ms frame of the candidate's audio at the provider's input rate.
    fn append(&self, samples: &[i16]);
    /// Something the interviewer should know but not obey (code, run results), as data.
    fn context(&self, text: &str);
    /// A typed message from the candidate, answered at once.
    fn say(&self, text: &str);
    /// The candidate heard only `played_ms` of the interviewer's item `item_id`.
    fn truncate(&self, item_id: &str, played_ms: u64);
    /// The answer to a tool call the interviewer made (a hint), then a reply to it.
    fn tool_result(&self, call_id: &str, name: &str, output: &str);
    fn close(&self);
}

/// A live connection: how to send, and what happens.
pub struct Connection {
    pub link: Box<dyn Link>,
    pub events: mpsc::UnboundedReceiver<VoiceEvent>,
}

/// What a new connection carries over from the one that dropped.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resume {
    /// The conversation so far, compact, appended to the instructions.
    pub summary: Option<String>,
    /// A provider session handle to resume from (Gemini Live's session resumption).
    pub handle: Option<String>,
}

pub type Connecting<'a> = Pin<Box<dyn Future<Output = Result<Connection, VoiceError>> + Send + 'a>>;

/// A realtime voice provider.
pub trait Provider: Send + Sync {
    /// A short name for messages ("OpenAI", "Gemini").
    fn name(&self) -> &'static str;
    /// The candidate's audio rate the provider takes.
    fn input_rate(&self) -> u32;
    /// The rate of the interviewer's audio.
    fn output_rate(&self) -> u32;
    fn connect<'a>(&'a self, resume: &'a Resume) -> Connecting<'a>;
}

pub use rehearse_core::interviewer::{HINT_TOOL, HINT_TOOL_DESCRIPTION};
