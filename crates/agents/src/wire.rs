//! What the two wire protocols share: the answer being collected from a stream, and how an
//! HTTP error status becomes an [`AgentError`].

use crate::chat::{Answer, ToolCall};
use crate::AgentError;
use reqwest::header::HeaderMap;
use serde_json::Value;
use std::collections::BTreeMap;
use std::time::Duration;

/// The protocol an endpoint speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wire {
    /// Anthropic Messages (`POST /v1/messages`).
    Anthropic,
    /// OpenAI's chat completions (`POST {base}/chat/completions`), as OpenAI serves them:
    /// the answer's budget is `max_completion_tokens`, and its reasoning models think little.
    OpenAi,
    /// The same API as compatible servers speak it (Ollama, llama.cpp's server, vLLM, LM
    /// Studio): the budget is `max_tokens`.
    Compatible,
}

/// An answer as its stream arrives.
#[derive(Debug, Default)]
pub(crate) struct Collected {
    pub answer: Answer,
    /// The stream said it was complete (`message_stop`, `[DONE]`).
    pub done: bool,
    /// The structured answer's tool name (Anthropic), when the request had a shape.
    pub shape: Option<String>,
    /// Tool calls (and the structured answer) by their index in the stream.
    pub calls: BTreeMap<u64, ToolCall>,
}

impl Collected {
    pub fn new(shape: Option<String>) -> Collected {
        Collected {
            shape,
            ..Collected::default()
        }
    }

    pub fn finish(mut self, latency: Duration) -> Answer {
        for (_, mut call) in std::mem::take(&mut self.calls) {
            if call.input.trim().is_empty() {
                call.input = "{}".into();
            }
            if self.shape.as_deref() == Some(call.name.as_str()) {
                self.answer.structured = Some(call.input);
            } else {
                self.answer.tool_calls.push(call);
            }
        }
        self.answer.latency_ms = latency.as_millis() as u64;
        self.answer
    }
}

/// How long the provider asks us to wait: `retry-after-ms`, else `retry-after` in seconds.
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let get = |name: &str| headers.get(name)?.to_str().ok()?.trim().parse::<f64>().ok();
    if let Some(ms) = get("retry-after-ms").filter(|v| v.is_finite() && *v >= 0.0) {
        return Some(Duration::from_millis(ms as u64));
    }
    get("retry-after")
        .filter(|v| v.is_finite() && *v >= 0.0)
        .map(Duration::from_secs_f64)
}

/// The provider's own sentence from an error body (`{"error": {"message": …}}` in both
/// APIs), else the body itself, shortened.
pub(crate) fn error_message(body: &str) -> String {
    let parsed: Option<Value> = serde_json::from_str(body).ok();
    let message = parsed.as_ref().and_then(|v| {
        v.pointer("/error/message")
            .or_else(|| v.get("message"))
            .or_else(|| v.get("error").filter(|e| e.is_string()))
            .and_then(Value::as_str)
            .map(str::to_string)
    });
    let text = message.unwrap_or_else(|| body.trim().to_string());
    let mut short: String = text.chars().take(300).collect();
    if short.is_empty() {
        short = "no details given".into();
    }
    short
}

/// How both APIs say a request is longer than the model's context.
const TOO_LONG: &[&str] = &[
    "prompt is too long",
    "context_length_exceeded",
    "maximum context length",
    "context window",
    "too many tokens",
];

fn mentions(body: &str, words: &[&str]) -> bool {
    let lower = body.to_lowercase();
    words.iter().any(|w| lower.contains(w))
}

/// How the providers say the account's spending limit or credit is used up (OpenAI's
/// `insufficient_quota`; Anthropic's credit balance, usage limits and extra usage).
const SPENT: &[&str] = &[
    "insufficient_quota",
    "spend limit",
    "spending limit",
    "credit balance",
    "billing",
    "usage limits",
    "extra usage",
    "usage credits",
];

/// What a non-2xx answer means.
pub(crate) fn http_error(
    provider: &str,
    status: u16,
    retry_after: Option<Duration>,
    body: &str,
) -> AgentError {
    let provider = provider.to_string();
    match status {
        401 | 403 => AgentError::KeyRejected { provider, status },
        429 => AgentError::RateLimited {
            provider,
            retry_after,
            spend_limit: mentions(body, SPENT),
        },
        // Anthropic says a spent account with 400: retrying cannot help, and it is no bug of ours.
        400 if mentions(body, SPENT) => AgentError::RateLimited {
            provider,
            retry_after: None,
            spend_limit: true,
        },
        529 => AgentError::Overloaded {
            provider,
            retry_after,
        },
        503 if mentions(body, &["overloaded"]) => AgentError::Overloaded {
            provider,
            retry_after,
        },
        400 | 413 if mentions(body, TOO_LONG) => AgentError::ContextTooLong {
            provider,
            message: error_message(body),
        },
        _ => AgentError::Provider {
            provider,
            status: Some(status),
            message: error_message(body),
            transient: status >= 500 || status == 408,
        },
    }
}

/// An `error` the provider sent inside a stream it had begun with 200.
pub(crate) fn stream_error(provider: &str, kind: &str, message: &str) -> AgentError {
    let provider = provider.to_string();
    match kind {
        "overloaded_error" => AgentError::Overloaded {
            provider,
            retry_after: None,
        },
        "rate_limit_error" => AgentError::RateLimited {
            provider,
            retry_after: None,
            spend_limit: false,
        },
        _ if mentions(message, TOO_LONG) => AgentError::ContextTooLong {
            provider,
            message: message.to_string(),
        },
        _ => AgentError::Provider {
            provider,
            status: None,
            message: format!("{kind}: {message}"),
            transient: kind == "api_error" || kind == "server_error",
        },
    }
}

/// A stream that broke or ended before the provider said it was complete.
pub(crate) fn cut(provider: &str, why: &str) -> AgentError {
    AgentError::Provider {
        provider: provider.to_string(),
        status: None,
        message: format!("the answer stopped before its end ({why})"),
        transient: true,
    }
}

/// A stream event whose data is not the JSON the protocol promises.
pub(crate) fn garbled(provider: &str, data: &str) -> AgentError {
    AgentError::Provider {
        provider: provider.to_string(),
        status: None,
        message: format!(
            "the stream held an event that is not JSON: {}",
            data.chars().take(120).collect::<String>()
        ),
        transient: true,
    }
}
