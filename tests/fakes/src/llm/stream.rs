//! The fake's answers, written as each API streams them.

use super::http::{event, respond, start_stream};
use super::{Flavor, Reply};
use serde_json::{json, Value};
use tokio::io::BufReader;
use tokio::net::TcpStream;

type Tcp = BufReader<TcpStream>;

/// A rough token count (four characters a token), enough for usage figures.
pub(crate) fn tokens(text: &str) -> u64 {
    (text.chars().count() as u64).div_ceil(4)
}

fn chunks(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    chars.chunks(7).map(|c| c.iter().collect()).collect()
}

fn input_tokens(body: &Value) -> u64 {
    tokens(&body["messages"].to_string())
}

pub(crate) async fn error(
    tcp: &mut Tcp,
    flavor: Flavor,
    status: u16,
    retry_after: Option<&str>,
    kind: &str,
    message: &str,
) {
    let body = match flavor {
        Flavor::Anthropic => json!({"type": "error", "error": {"type": kind, "message": message}}),
        Flavor::OpenAi => {
            json!({"error": {"message": message, "type": kind, "param": null, "code": kind}})
        }
    };
    let mut extra = Vec::new();
    if let Some(r) = retry_after {
        extra.push(("retry-after", r.to_string()));
    }
    if flavor == Flavor::Anthropic {
        extra.push(("request-id", "req_fake".to_string()));
    }
    respond(tcp, status, &extra, &body.to_string()).await;
}

/// Answers with `reply`; when it streamed text, the moment its first piece was sent.
pub(crate) async fn reply(
    tcp: &mut Tcp,
    flavor: Flavor,
    body: &Value,
    cached: (u64, u64),
    reply: Reply,
) -> Option<std::time::Instant> {
    let mut reply = reply;
    if let Reply::Slow { first, then } = reply {
        tokio::time::sleep(first).await;
        reply = *then;
    }
    if let Reply::Status {
        status,
        retry_after,
        kind,
        message,
    } = &reply
    {
        error(tcp, flavor, *status, retry_after.as_deref(), kind, message).await;
        return None;
    }
    start_stream(tcp).await;
    let model = body["model"].as_str().unwrap_or("fake-model").to_string();
    let events = match flavor {
        Flavor::Anthropic => anthropic(&model, body, cached, &reply),
        Flavor::OpenAi => openai(&model, body, cached, &reply),
    };
    let limit = match &reply {
        Reply::Cut { after, .. } | Reply::Stall { after, .. } => *after,
        _ => usize::MAX,
    };
    let mut first_text = None;
    for (name, data) in events.into_iter().take(limit) {
        let text = data["delta"]["text"]
            .as_str()
            .or(data["choices"][0]["delta"]["content"].as_str());
        if first_text.is_none() && text.is_some_and(|t| !t.is_empty()) {
            first_text = Some(std::time::Instant::now());
        }
        let data = match data {
            Value::String(done) => done,
            other => other.to_string(),
        };
        event(tcp, name, &data).await;
    }
    if let Reply::Stall { .. } = reply {
        tokio::time::sleep(std::time::Duration::from_secs(60)).await;
    }
    // Dropping the connection ends the body (and, for Cut, the stream mid-way).
    first_text
}

type Events = Vec<(Option<&'static str>, Value)>;

fn text_block(out: &mut Events, index: usize, text: &str) {
    out.push((Some("content_block_start"), json!({"type": "content_block_start", "index": index, "content_block": {"type": "text", "text": ""}})));
    for c in chunks(text) {
        out.push((Some("content_block_delta"), json!({"type": "content_block_delta", "index": index, "delta": {"type": "text_delta", "text": c}})));
    }
    out.push((
        Some("content_block_stop"),
        json!({"type": "content_block_stop", "index": index}),
    ));
}

fn tool_block(out: &mut Events, index: usize, name: &str, input: &str) {
    out.push((Some("content_block_start"), json!({"type": "content_block_start", "index": index, "content_block": {"type": "tool_use", "id": format!("toolu_fake{index}"), "name": name, "input": {}}})));
    for c in chunks(input) {
        out.push((Some("content_block_delta"), json!({"type": "content_block_delta", "index": index, "delta": {"type": "input_json_delta", "partial_json": c}})));
    }
    out.push((
        Some("content_block_stop"),
        json!({"type": "content_block_stop", "index": index}),
    ));
}

fn anthropic(model: &str, body: &Value, (written, read): (u64, u64), reply: &Reply) -> Events {
    let mut out = vec![
        (
            Some("message_start"),
            json!({"type": "message_start", "message": {
                "id": "msg_fake", "type": "message", "role": "assistant", "content": [], "model": model,
                "stop_reason": null, "stop_sequence": null,
                "usage": {"input_tokens": input_tokens(body), "cache_creation_input_tokens": written, "cache_read_input_tokens": read, "output_tokens": 1},
            }}),
        ),
        (Some("ping"), json!({"type": "ping"})),
    ];
    let mut output = 0;
    let mut stop = "end_turn";
    match reply {
        Reply::Text(t) | Reply::Cut { text: t, .. } | Reply::Stall { text: t, .. } => {
            text_block(&mut out, 0, t);
            output = tokens(t);
        }
        Reply::Json(j) => {
            let name = body["tool_choice"]["name"].as_str().unwrap_or("answer");
            tool_block(&mut out, 0, name, j);
            output = tokens(j);
            stop = "tool_use";
        }
        Reply::Tool { text, name, input } => {
            let mut index = 0;
            if !text.is_empty() {
                text_block(&mut out, 0, text);
                index = 1;
            }
            tool_block(&mut out, index, name, input);
            output = tokens(text) + tokens(input);
            stop = "tool_use";
        }
        Reply::StreamError { kind, message } => {
            out.push((
                Some("error"),
                json!({"type": "error", "error": {"type": kind, "message": message}}),
            ));
            return out;
        }
        Reply::Status { .. } | Reply::Slow { .. } | Reply::From(_) => {}
    }
    out.push((Some("message_delta"), json!({"type": "message_delta", "delta": {"stop_reason": stop, "stop_sequence": null}, "usage": {"output_tokens": output}})));
    out.push((Some("message_stop"), json!({"type": "message_stop"})));
    out
}

fn openai(model: &str, body: &Value, (_, read): (u64, u64), reply: &Reply) -> Events {
    let chunk = |delta: Value, finish: Value| {
        (
            None,
            json!({"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": 1_764_633_600, "model": model,
            "choices": [{"index": 0, "delta": delta, "logprobs": null, "finish_reason": finish}]}),
        )
    };
    let mut out = vec![chunk(
        json!({"role": "assistant", "content": ""}),
        Value::Null,
    )];
    let mut finish = "stop";
    let output;
    match reply {
        Reply::Text(t)
        | Reply::Json(t)
        | Reply::Cut { text: t, .. }
        | Reply::Stall { text: t, .. } => {
            out.extend(
                chunks(t)
                    .into_iter()
                    .map(|c| chunk(json!({"content": c}), Value::Null)),
            );
            output = tokens(t);
        }
        Reply::Tool { text, name, input } => {
            out.extend(
                chunks(text)
                    .into_iter()
                    .map(|c| chunk(json!({"content": c}), Value::Null)),
            );
            out.push(chunk(json!({"tool_calls": [{"index": 0, "id": "call_fake", "type": "function", "function": {"name": name, "arguments": ""}}]}), Value::Null));
            out.extend(chunks(input).into_iter().map(|c| {
                chunk(
                    json!({"tool_calls": [{"index": 0, "function": {"arguments": c}}]}),
                    Value::Null,
                )
            }));
            output = tokens(text) + tokens(input);
            finish = "tool_calls";
        }
        Reply::StreamError { kind, message } => {
            out.push((
                None,
                json!({"error": {"message": message, "type": kind, "code": kind}}),
            ));
            return out;
        }
        Reply::Status { .. } | Reply::Slow { .. } | Reply::From(_) => output = 0,
    }
    out.push(chunk(json!({}), json!(finish)));
    if body["stream_options"]["include_usage"] == Value::Bool(true) {
        let prompt = input_tokens(body) + read;
        out.push((None, json!({"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": 1_764_633_600, "model": model, "choices": [],
            "usage": {"prompt_tokens": prompt, "completion_tokens": output, "total_tokens": prompt + output, "prompt_tokens_details": {"cached_tokens": read}}})));
    }
    out.push((None, Value::String("[DONE]".into())));
    out
}
