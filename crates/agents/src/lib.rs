//! rehearse-agents: the LLM clients the interview's agents (text interviewer, code observer,
//! evaluator, hints) speak through. Anthropic Messages and OpenAI-compatible chat completions
//! over one reqwest client, streamed over server-sent events; structured answers are checked
//! against their schema here (one repair attempt, then `bad_output`); transient failures
//! are retried with jittered backoff that honours `retry-after`; every call has a deadline
//! and can be cancelled; every answer says what it used.
//!
//! The client is our own, thin, over reqwest and `eventsource-stream`: the two protocols are
//! small, and a crate of our own keeps the error codes, the retry rules and the schema check
//! exactly as the app needs them, on the TLS stack the rest of the app uses.

mod anthropic;
mod chat;
mod client;
mod error;
mod openai;
pub mod schema;
mod wire;

pub use anthropic::VERSION as ANTHROPIC_VERSION;
pub use chat::{Answer, Message, Request, Role, Tool, ToolCall, Usage};
pub use client::{backoff, root_cause, Endpoint, Llm, Policy};
pub use error::{AgentError, Failed};
pub use tokio_util::sync::CancellationToken;
pub use wire::Wire;
