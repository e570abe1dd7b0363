//! One client for every model: a request goes out on the endpoint's wire protocol, streams
//! back, and is retried with jittered backoff when the provider says it may help; every call
//! has a deadline and ends at once when it is cancelled.

use crate::chat::{Answer, Message, Request, Tool, Usage};
use crate::wire::{cut, http_error, retry_after, Collected, Wire};
use crate::{anthropic, openai, schema, AgentError, Failed};
use eventsource_stream::Eventsource;
use futures_util::StreamExt;
use serde_json::Value;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio_util::sync::CancellationToken;

/// Where a model is reached.
#[derive(Debug, Clone, PartialEq)]
pub struct Endpoint {
    pub wire: Wire,
    /// The provider as people name it, for messages ("Anthropic").
    pub label: String,
    /// Without a trailing slash: `https://api.anthropic.com`, `https://api.openai.com/v1`,
    /// `http://127.0.0.1:11434/v1`.
    pub base_url: String,
    /// None for a local server that takes no key.
    pub key: Option<String>,
    pub model: String,
}

/// How hard a call tries.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Policy {
    /// Requests at most, the first included.
    pub attempts: u32,
    /// The first backoff; each next one doubles, up to `max_delay`.
    pub first_delay: Duration,
    pub max_delay: Duration,
    /// The whole call, retries included.
    pub deadline: Duration,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            attempts: 4,
            first_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(8),
            deadline: Duration::from_secs(90),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Llm {
    http: reqwest::Client,
    endpoint: Arc<Endpoint>,
    policy: Policy,
}

impl Llm {
    pub fn new(http: reqwest::Client, endpoint: Endpoint) -> Llm {
        Llm {
            http,
            endpoint: Arc::new(endpoint),
            policy: Policy::default(),
        }
    }

    pub fn with_policy(mut self, policy: Policy) -> Llm {
        self.policy = policy;
        self
    }

    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    /// Sends `req` and collects the answer; its text reaches `on_text` as it streams in. A
    /// failure says what the provider had counted for the call by then.
    pub async fn complete(
        &self,
        req: &Request,
        cancel: &CancellationToken,
        on_text: &mut (dyn FnMut(&str) + Send),
    ) -> Result<Answer, Failed> {
        let deadline = self.policy.deadline;
        // Kept out of the call's future, which a timeout or a cancel drops mid-stream.
        let meter = Mutex::new(Usage::default());
        let outcome = tokio::select! {
            biased;
            _ = cancel.cancelled() => Err(AgentError::Cancelled),
            r = tokio::time::timeout(deadline, self.with_retries(req, Instant::now() + deadline, on_text, &meter)) => {
                r.unwrap_or_else(|_| Err(AgentError::Timeout { provider: self.endpoint.label.clone(), after: deadline }))
            }
        };
        outcome.map_err(|error| Failed {
            error,
            spent: *lock(&meter),
        })
    }

    /// A structured answer of `shape`, checked against its schema here; an answer that does
    /// not follow it is sent back once with what is wrong, then the call fails with
    /// `bad_output`. Both answers are counted, whichever way the call ends.
    pub async fn ask(
        &self,
        req: &Request,
        shape: &Tool,
        cancel: &CancellationToken,
    ) -> Result<(Value, Answer), Failed> {
        let mut req = req.clone();
        req.shape = Some(shape.clone());
        let first = self.complete(&req, cancel, &mut |_| {}).await?;
        let reason = match conforming(shape, &first) {
            Ok(v) => return Ok((v, first)),
            Err(reason) => reason,
        };
        tracing::warn!(provider = %self.endpoint.label, shape = %shape.name, %reason, "structured answer does not follow its schema; asking once more");
        req.messages.push(Message::assistant(raw(&first)));
        req.messages.push(Message::user(format!(
            "That answer does not follow the `{}` schema: {reason}. Answer again with JSON that follows the schema exactly.",
            shape.name
        )));
        let mut second = match self.complete(&req, cancel, &mut |_| {}).await {
            Ok(second) => second,
            Err(mut failed) => {
                failed.spent += first.usage;
                return Err(failed);
            }
        };
        second.usage += first.usage;
        second.attempts += first.attempts;
        second.latency_ms += first.latency_ms;
        match conforming(shape, &second) {
            Ok(v) => Ok((v, second)),
            Err(reason) => Err(Failed {
                error: AgentError::BadOutput { reason },
                spent: second.usage,
            }),
        }
    }

    /// Attempts until one succeeds or may not be retried; `meter` holds what every attempt
    /// so far was counted, the one streaming included.
    async fn with_retries(
        &self,
        req: &Request,
        deadline: Instant,
        on_text: &mut (dyn FnMut(&str) + Send),
        meter: &Mutex<Usage>,
    ) -> Result<Answer, AgentError> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let mut shown = false;
            let result = {
                let mut relay = |t: &str| {
                    shown = true;
                    on_text(t);
                };
                self.once(req, &mut relay, meter).await
            };
            match result {
                Ok(mut answer) => {
                    answer.attempts = attempt;
                    answer.usage = *lock(meter);
                    return Ok(answer);
                }
                // Text already shown cannot be taken back: a retry would repeat it.
                Err(e) if e.is_transient() && !shown && attempt < self.policy.attempts => {
                    let wait = backoff(&self.policy, attempt, e.retry_after());
                    if Instant::now() + wait >= deadline {
                        return Err(e);
                    }
                    tracing::warn!(provider = %self.endpoint.label, attempt, wait_ms = wait.as_millis() as u64, error = %e, "retrying");
                    tokio::time::sleep(wait).await;
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// One request. What the provider counts for it is added to `meter` as the stream
    /// reports it.
    async fn once(
        &self,
        req: &Request,
        on_text: &mut (dyn FnMut(&str) + Send),
        meter: &Mutex<Usage>,
    ) -> Result<Answer, AgentError> {
        let ep = &*self.endpoint;
        let started = Instant::now();
        let (url, body) = match ep.wire {
            Wire::Anthropic => (
                anthropic::url(&ep.base_url),
                anthropic::body(&ep.model, req),
            ),
            Wire::OpenAi | Wire::Compatible => (
                openai::url(&ep.base_url),
                openai::body(&ep.model, req, ep.wire == Wire::OpenAi),
            ),
        };
        let mut call = self
            .http
            .post(&url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .header(reqwest::header::ACCEPT, "text/event-stream")
            .body(body.to_string());
        call = match (ep.wire, ep.key.as_deref()) {
            (Wire::Anthropic, key) => call
                .header("x-api-key", key.unwrap_or_default())
                .header("anthropic-version", anthropic::VERSION),
            (_, Some(key)) => call.bearer_auth(key),
            (_, None) => call,
        };
        let response = call.send().await.map_err(|e| AgentError::Unreachable {
            provider: ep.label.clone(),
            url: url.clone(),
            reason: root_cause(&e),
        })?;
        let status = response.status().as_u16();
        if !(200..300).contains(&status) {
            let wait = retry_after(response.headers());
            let text = response.text().await.unwrap_or_default();
            return Err(http_error(&ep.label, status, wait, &text));
        }
        let shape = req.shape.as_ref().map(|s| s.name.clone());
        let mut acc = Collected::new(shape);
        let before = *lock(meter);
        self.stream(response, &mut acc, on_text, &mut |counted| {
            let mut total = before;
            total += counted;
            *lock(meter) = total;
        })
        .await?;
        Ok(acc.finish(started.elapsed()))
    }

    async fn stream(
        &self,
        response: reqwest::Response,
        acc: &mut Collected,
        on_text: &mut (dyn FnMut(&str) + Send),
        counted: &mut (dyn FnMut(Usage) + Send),
    ) -> Result<(), AgentError> {
        let ep = &*self.endpoint;
        let mut events = response.bytes_stream().eventsource();
        while let Some(event) = events.next().await {
            let event = event.map_err(|e| cut(&ep.label, &e.to_string()))?;
            let fed = match ep.wire {
                Wire::Anthropic => {
                    anthropic::feed(&ep.label, &event.event, &event.data, acc, on_text)
                }
                Wire::OpenAi | Wire::Compatible => {
                    openai::feed(&ep.label, &event.data, acc, on_text)
                }
            };
            counted(acc.answer.usage);
            fed?;
            if acc.done {
                return Ok(());
            }
        }
        Err(cut(&ep.label, "the connection closed"))
    }
}

fn lock(meter: &Mutex<Usage>) -> std::sync::MutexGuard<'_, Usage> {
    meter
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The wait before attempt `attempt + 1`: what the provider asked for, else exponential
/// backoff with jitter (half to all of the step), so clients that failed together do not
/// return together.
pub fn backoff(policy: &Policy, attempt: u32, asked: Option<Duration>) -> Duration {
    if let Some(asked) = asked {
        return asked;
    }
    let step = policy
        .first_delay
        .saturating_mul(1 << (attempt.saturating_sub(1)).min(16))
        .min(policy.max_delay);
    step.mul_f64(0.5 + 0.5 * jitter())
}

/// A number in [0, 1) that differs from call to call.
fn jitter() -> f64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    (h.finish() >> 11) as f64 / (1u64 << 53) as f64
}

/// The innermost reason of an HTTP failure ("Connection refused"), not reqwest's wrapping.
pub fn root_cause(e: &reqwest::Error) -> String {
    let mut source: &dyn std::error::Error = e;
    while let Some(next) = source.source() {
        source = next;
    }
    source.to_string()
}

/// The JSON text a structured answer came as (the text, where a server ignored the shape).
fn raw(answer: &Answer) -> String {
    answer
        .structured
        .clone()
        .unwrap_or_else(|| answer.text.clone())
}

/// The answer's JSON when it follows the shape's schema, else what is wrong with it.
fn conforming(shape: &Tool, answer: &Answer) -> Result<Value, String> {
    let text = raw(answer);
    let trimmed = text.trim();
    let unfenced = trimmed
        .strip_prefix("```json")
        .or_else(|| trimmed.strip_prefix("```"))
        .and_then(|t| t.strip_suffix("```"))
        .unwrap_or(trimmed);
    let value: Value = serde_json::from_str(unfenced.trim()).map_err(|e| {
        format!(
            "it is not JSON ({e}): {}",
            trimmed.chars().take(120).collect::<String>()
        )
    })?;
    let problems = schema::violations(&shape.schema, &value);
    if problems.is_empty() {
        Ok(value)
    } else {
        Err(problems.into_iter().take(5).collect::<Vec<_>>().join("; "))
    }
}
