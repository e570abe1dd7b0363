//! Anthropic Messages: the request body (system prompt cached, structured answers through a
//! forced tool) and the stream's events.

use crate::chat::{Request, Role, ToolCall};
use crate::wire::{garbled, stream_error, Collected};
use crate::AgentError;
use serde_json::{json, Value};

/// The API version sent with every request: the long-stable one.
pub const VERSION: &str = "2023-06-01";

pub(crate) fn url(base: &str) -> String {
    format!("{base}/v1/messages")
}

pub(crate) fn body(model: &str, req: &Request) -> Value {
    let messages: Vec<Value> = req
        .turns()
        .iter()
        .map(|m| {
            json!({
                "role": match m.role { Role::User => "user", Role::Assistant => "assistant" },
                "content": [{"type": "text", "text": m.text}],
            })
        })
        .collect();
    let mut body = json!({
        "model": model,
        "max_tokens": req.max_tokens,
        "stream": true,
        "system": [{"type": "text", "text": req.system, "cache_control": {"type": "ephemeral"}}],
        "messages": messages,
    });
    if let Some(t) = req.temperature {
        body["temperature"] = json!(t);
    }
    let mut tools: Vec<Value> = req
        .tools
        .iter()
        .chain(req.shape.iter())
        .map(|t| json!({"name": t.name, "description": t.description, "input_schema": t.schema}))
        .collect();
    if let Some(shape) = &req.shape {
        body["tool_choice"] = json!({"type": "tool", "name": shape.name});
    }
    if !tools.is_empty() {
        body["tools"] = Value::Array(std::mem::take(&mut tools));
    }
    body
}

fn count(v: &Value, key: &str) -> u64 {
    v.get(key).and_then(Value::as_u64).unwrap_or(0)
}

/// Takes one event of the stream into the answer; text is also given to `on_text` as it comes.
pub(crate) fn feed(
    provider: &str,
    event: &str,
    data: &str,
    acc: &mut Collected,
    on_text: &mut (dyn FnMut(&str) + Send),
) -> Result<(), AgentError> {
    if event == "ping" {
        return Ok(());
    }
    let v: Value = serde_json::from_str(data).map_err(|_| garbled(provider, data))?;
    let kind = v.get("type").and_then(Value::as_str).unwrap_or(event);
    let index = v.get("index").and_then(Value::as_u64).unwrap_or(0);
    match kind {
        "message_start" => {
            let m = &v["message"];
            acc.answer.model = m["model"].as_str().unwrap_or_default().to_string();
            let u = &m["usage"];
            acc.answer.usage.input = count(u, "input_tokens");
            acc.answer.usage.cache_read = count(u, "cache_read_input_tokens");
            acc.answer.usage.cache_write = count(u, "cache_creation_input_tokens");
            acc.answer.usage.output = count(u, "output_tokens");
        }
        "content_block_start" => {
            let block = &v["content_block"];
            match block["type"].as_str() {
                Some("tool_use") => {
                    acc.calls.insert(
                        index,
                        ToolCall {
                            name: block["name"].as_str().unwrap_or_default().to_string(),
                            input: String::new(),
                        },
                    );
                }
                Some("text") => {
                    if let Some(t) = block["text"].as_str().filter(|t| !t.is_empty()) {
                        acc.answer.text.push_str(t);
                        on_text(t);
                    }
                }
                _ => {}
            }
        }
        "content_block_delta" => {
            let d = &v["delta"];
            match d["type"].as_str() {
                Some("text_delta") => {
                    let t = d["text"].as_str().unwrap_or_default();
                    acc.answer.text.push_str(t);
                    on_text(t);
                }
                Some("input_json_delta") => {
                    if let Some(call) = acc.calls.get_mut(&index) {
                        call.input
                            .push_str(d["partial_json"].as_str().unwrap_or_default());
                    }
                }
                _ => {}
            }
        }
        "message_delta" => {
            if let Some(r) = v["delta"]["stop_reason"].as_str() {
                acc.answer.stop_reason = Some(r.to_string());
            }
            let u = &v["usage"];
            if u.get("output_tokens").is_some() {
                acc.answer.usage.output = count(u, "output_tokens");
            }
        }
        "message_stop" => acc.done = true,
        "error" => {
            let e = &v["error"];
            return Err(stream_error(
                provider,
                e["type"].as_str().unwrap_or("error"),
                e["message"].as_str().unwrap_or_default(),
            ));
        }
        // content_block_stop, and event types added after this was written.
        _ => {}
    }
    Ok(())
}
