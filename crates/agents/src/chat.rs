//! What a call to a model carries, whichever provider answers it.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::ops::AddAssign;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    User,
    Assistant,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub role: Role,
    pub text: String,
}

impl Message {
    pub fn user(text: impl Into<String>) -> Message {
        Message {
            role: Role::User,
            text: text.into(),
        }
    }

    pub fn assistant(text: impl Into<String>) -> Message {
        Message {
            role: Role::Assistant,
            text: text.into(),
        }
    }
}

/// A tool the model may call (the interviewer's hint tool), or the JSON a structured answer
/// must be: a name the provider sees, what it is for, and its JSON Schema (see [`crate::schema`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Tool {
    pub name: String,
    pub description: String,
    pub schema: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// Instructions and the problem: the same for every call of a session, so the provider
    /// caches it where it can.
    pub system: String,
    /// The conversation, starting with the user; consecutive turns of one role are joined.
    pub messages: Vec<Message>,
    pub max_tokens: u32,
    pub temperature: Option<f32>,
    /// Tools the model may call.
    pub tools: Vec<Tool>,
    /// The answer must be JSON of this shape (Anthropic: a forced tool; OpenAI-compatible: a
    /// strict `json_schema` response format). Set by [`crate::Llm::ask`].
    pub shape: Option<Tool>,
}

impl Request {
    pub fn new(system: impl Into<String>, messages: Vec<Message>, max_tokens: u32) -> Request {
        Request {
            system: system.into(),
            messages,
            max_tokens,
            temperature: None,
            tools: Vec::new(),
            shape: None,
        }
    }

    /// The conversation with consecutive turns of one role joined, as both APIs want it.
    pub(crate) fn turns(&self) -> Vec<Message> {
        let mut out: Vec<Message> = Vec::new();
        for m in &self.messages {
            match out.last_mut() {
                Some(last) if last.role == m.role => {
                    last.text.push_str("\n\n");
                    last.text.push_str(&m.text);
                }
                _ => out.push(m.clone()),
            }
        }
        out
    }
}

/// Tokens a call used. `input` counts only tokens read at the full price: cache reads and
/// cache writes are counted apart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usage {
    pub input: u64,
    pub output: u64,
    pub cache_read: u64,
    pub cache_write: u64,
}

impl AddAssign for Usage {
    fn add_assign(&mut self, o: Usage) {
        self.input += o.input;
        self.output += o.output;
        self.cache_read += o.cache_read;
        self.cache_write += o.cache_write;
    }
}

/// A tool call the model made, its input as the JSON text it sent.
#[derive(Debug, Clone, PartialEq)]
pub struct ToolCall {
    pub name: String,
    pub input: String,
}

/// A model's whole answer.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Answer {
    pub text: String,
    /// The structured answer's JSON text, when the request had a shape.
    pub structured: Option<String>,
    pub tool_calls: Vec<ToolCall>,
    pub stop_reason: Option<String>,
    pub usage: Usage,
    /// The model that answered, as the provider names it.
    pub model: String,
    /// Requests sent for this answer (retries and a repair included).
    pub attempts: u32,
    pub latency_ms: u64,
}
