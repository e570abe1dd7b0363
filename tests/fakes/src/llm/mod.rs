//! Fake chat APIs on 127.0.0.1: Anthropic Messages and OpenAI-compatible chat completions.
//! Every request is checked against what the API accepts (see `check`); a request that is
//! off is answered 400 in the API's own error shape and recorded as a violation. Replies
//! are scripted in order: streamed text, a structured answer or tool call, an HTTP error
//! (429 with retry-after, 529, 500 …), an error event after a 200, a stream cut mid-way, or
//! a slow first token. Prompt caching is modelled: a system prompt marked for caching is
//! written to the cache the first time and read from it after.

mod check;
mod http;
mod stream;

pub use http::Received;

use serde_json::Value;
use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::BufReader;
use tokio::net::TcpListener;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    Anthropic,
    OpenAi,
}

/// What the fake answers to the next request.
#[derive(Debug, Clone)]
pub enum Reply {
    /// Streams this text, a few characters per event.
    Text(String),
    /// A structured answer, this JSON text streamed as it is (malformed on purpose, if so
    /// written): Anthropic, a `tool_use` block of the forced tool; OpenAI, the content.
    Json(String),
    /// Text, then a call of the tool `name` with `input`.
    Tool {
        text: String,
        name: String,
        input: String,
    },
    /// An HTTP error in the API's shape.
    Status {
        status: u16,
        retry_after: Option<String>,
        /// The error's `type` (Anthropic) or `code` (OpenAI), and its message.
        kind: String,
        message: String,
    },
    /// Streams the first `after` events of this text, then closes the connection.
    Cut { text: String, after: usize },
    /// Streams the first `after` events of this text, then sends nothing more on a connection
    /// it keeps open for a minute (a provider that hangs mid-answer).
    Stall { text: String, after: usize },
    /// A 200, then an `error` event (Anthropic) or error chunk (OpenAI) of this kind.
    StreamError { kind: String, message: String },
    /// Waits this long before the first event.
    Slow { first: Duration, then: Box<Reply> },
    /// The reply made from the request's body (to cite what the request holds).
    From(fn(&Value) -> Reply),
}

impl Reply {
    pub fn text(t: &str) -> Reply {
        Reply::Text(t.into())
    }

    pub fn json(v: &Value) -> Reply {
        Reply::Json(v.to_string())
    }

    pub fn status(status: u16, kind: &str, message: &str) -> Reply {
        Reply::Status {
            status,
            retry_after: None,
            kind: kind.into(),
            message: message.into(),
        }
    }
}

#[derive(Default)]
struct State {
    replies: VecDeque<Reply>,
    requests: Vec<Received>,
    violations: Vec<String>,
    cache: HashSet<String>,
    first_text: Vec<std::time::Instant>,
    /// Models answered by a function of the request rather than from the queue.
    by_model: HashMap<String, fn(&Value) -> Reply>,
}

/// A fake API listening on 127.0.0.1.
#[derive(Clone)]
pub struct FakeLlm {
    /// The base URL a client is given: `http://127.0.0.1:P` (Anthropic) or
    /// `http://127.0.0.1:P/v1` (OpenAI-compatible).
    pub url: String,
    pub flavor: Flavor,
    state: Arc<Mutex<State>>,
}

impl FakeLlm {
    /// Starts a fake that accepts `key` (None: any request, as a local server).
    pub async fn start(flavor: Flavor, key: Option<&str>) -> FakeLlm {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let state = Arc::new(Mutex::new(State::default()));
        let shared = state.clone();
        let key = key.map(str::to_string);
        tokio::spawn(async move {
            while let Ok((tcp, _)) = listener.accept().await {
                tokio::spawn(serve(
                    flavor,
                    key.clone(),
                    shared.clone(),
                    BufReader::new(tcp),
                ));
            }
        });
        let url = match flavor {
            Flavor::Anthropic => format!("http://127.0.0.1:{port}"),
            Flavor::OpenAi => format!("http://127.0.0.1:{port}/v1"),
        };
        FakeLlm { url, flavor, state }
    }

    /// Queues the answer to a coming request.
    pub fn push(&self, reply: Reply) {
        self.lock().replies.push_back(reply);
    }

    /// Answers every request for `model` with `reply(body)`, whenever it comes: for a role
    /// whose calls interleave with others' unpredictably (the code observer).
    pub fn answer_model(&self, model: &str, reply: fn(&Value) -> Reply) {
        self.lock().by_model.insert(model.to_string(), reply);
    }

    /// The requests received so far, in order.
    pub fn requests(&self) -> Vec<Received> {
        self.lock().requests.clone()
    }

    /// The request bodies received so far, parsed.
    pub fn bodies(&self) -> Vec<Value> {
        self.requests()
            .iter()
            .map(|r| serde_json::from_str(&r.body).unwrap_or(Value::Null))
            .collect()
    }

    /// When each streamed reply's first piece of text was sent, in order.
    pub fn first_text_sent(&self) -> Vec<std::time::Instant> {
        self.lock().first_text.clone()
    }

    /// Everything a request got wrong; empty when every request was one the API accepts.
    pub fn violations(&self) -> Vec<String> {
        self.lock().violations.clone()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().expect("fake state")
    }
}

async fn serve(
    flavor: Flavor,
    key: Option<String>,
    state: Arc<Mutex<State>>,
    mut tcp: BufReader<tokio::net::TcpStream>,
) {
    let Some(req) = http::read(&mut tcp).await else {
        return;
    };
    let problems = check::request(flavor, &req);
    let authorized = match (&key, flavor) {
        (None, _) => true,
        (Some(k), Flavor::Anthropic) => req.header("x-api-key") == Some(k.as_str()),
        (Some(k), Flavor::OpenAi) => {
            req.header("authorization") == Some(format!("Bearer {k}").as_str())
        }
    };
    let body: Value = serde_json::from_str(&req.body).unwrap_or(Value::Null);
    let (reply, cached) = {
        let mut s = state.lock().expect("fake state");
        s.requests.push(req);
        s.violations.extend(problems.iter().cloned());
        let cached = cache(flavor, &body, &mut s.cache);
        let by_model = body["model"]
            .as_str()
            .and_then(|m| s.by_model.get(m).copied());
        let reply = if problems.is_empty() && authorized {
            match by_model {
                Some(f) => Some(f(&body)),
                None => s.replies.pop_front(),
            }
        } else {
            None
        };
        if problems.is_empty() && authorized && reply.is_none() {
            s.violations
                .push("a request arrived that no reply was scripted for".into());
        }
        (reply, cached)
    };
    if !problems.is_empty() {
        let message = problems.join("; ");
        return stream::error(
            &mut tcp,
            flavor,
            400,
            None,
            "invalid_request_error",
            &message,
        )
        .await;
    }
    if !authorized {
        return stream::error(
            &mut tcp,
            flavor,
            401,
            None,
            "authentication_error",
            "invalid x-api-key",
        )
        .await;
    }
    let reply = match reply {
        Some(Reply::From(make)) => make(&body),
        Some(r) => r,
        None => {
            return stream::error(&mut tcp, flavor, 500, None, "api_error", "nothing scripted")
                .await
        }
    };
    if let Some(at) = stream::reply(&mut tcp, flavor, &body, cached, reply).await {
        state.lock().expect("fake state").first_text.push(at);
    }
}

/// Prompt caching, modelled: the system prompt's tokens as (written, read) this time.
fn cache(flavor: Flavor, body: &Value, seen: &mut HashSet<String>) -> (u64, u64) {
    let (text, marked) = match flavor {
        Flavor::Anthropic => {
            let blocks = body["system"].as_array().cloned().unwrap_or_default();
            let marked = blocks.iter().any(|b| b.get("cache_control").is_some());
            (
                blocks
                    .iter()
                    .filter_map(|b| b["text"].as_str())
                    .collect::<String>(),
                marked,
            )
        }
        // OpenAI caches long prefixes by itself.
        Flavor::OpenAi => (
            body["messages"][0]["content"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
            true,
        ),
    };
    let tokens = stream::tokens(&text);
    if !marked || tokens == 0 {
        return (0, 0);
    }
    if seen.insert(text) {
        (tokens, 0)
    } else {
        (0, tokens)
    }
}
