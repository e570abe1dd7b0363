//! OpenAI chat completions, as OpenAI and compatible servers speak them: the request body
//! (structured answers through a strict `json_schema` response format) and the stream's
//! chunks, ending in `[DONE]`.

use crate::chat::{Request, Role, ToolCall};
use crate::wire::{garbled, stream_error, Collected};
use crate::AgentError;
use serde_json::{json, Value};

pub(crate) fn url(base: &str) -> String {
    format!("{base}/chat/completions")
}

/// `openai`: OpenAI itself (`max_completion_tokens`, little reasoning for its GPT-5 models),
/// else a compatible server (`max_tokens`).
pub(crate) fn body(model: &str, req: &Request, openai: bool) -> Value {
    let mut messages = vec![json!({"role": "system", "content": req.system})];
    messages.extend(req.turns().iter().map(|m| {
        json!({
            "role": match m.role { Role::User => "user", Role::Assistant => "assistant" },
            "content": m.text,
        })
    }));
    let mut body = json!({
        "model": model,
        "messages": messages,
        "stream": true,
        "stream_options": {"include_usage": true},
    });
    if openai {
        body["max_completion_tokens"] = json!(req.max_tokens);
        if model.starts_with("gpt-5") {
            // Its reasoning tokens count against the budget: an interviewer's turn needs few.
            body["reasoning_effort"] = json!("minimal");
        }
    } else {
        body["max_tokens"] = json!(req.max_tokens);
    }
    if let Some(t) = req.temperature {
        body["temperature"] = json!(t);
    }
    if !req.tools.is_empty() {
        body["tools"] = req
            .tools
            .iter()
            .map(|t| {
                json!({"type": "function", "function": {"name": t.name, "description": t.description, "parameters": t.schema}})
            })
            .collect();
    }
    if let Some(shape) = &req.shape {
        body["response_format"] = json!({
            "type": "json_schema",
            "json_schema": {"name": shape.name, "description": shape.description, "schema": shape.schema, "strict": true},
        });
    }
    body
}

/// Takes one chunk of the stream into the answer; text is also given to `on_text` as it
/// comes (a structured answer's JSON is not: it is not for reading).
pub(crate) fn feed(
    provider: &str,
    data: &str,
    acc: &mut Collected,
    on_text: &mut (dyn FnMut(&str) + Send),
) -> Result<(), AgentError> {
    if data.trim() == "[DONE]" {
        acc.done = true;
        return Ok(());
    }
    let v: Value = serde_json::from_str(data).map_err(|_| garbled(provider, data))?;
    if let Some(e) = v.get("error") {
        let kind = e["type"].as_str().or(e["code"].as_str()).unwrap_or("error");
        let message = e["message"].as_str().unwrap_or_default();
        return Err(stream_error(provider, kind, message));
    }
    if let Some(m) = v["model"].as_str() {
        acc.answer.model = m.to_string();
    }
    if let Some(u) = v.get("usage").filter(|u| u.is_object()) {
        let prompt = u["prompt_tokens"].as_u64().unwrap_or(0);
        let cached = u["prompt_tokens_details"]["cached_tokens"]
            .as_u64()
            .unwrap_or(0);
        acc.answer.usage.input = prompt.saturating_sub(cached);
        acc.answer.usage.cache_read = cached;
        acc.answer.usage.output = u["completion_tokens"].as_u64().unwrap_or(0);
    }
    for choice in v["choices"].as_array().into_iter().flatten() {
        let delta = &choice["delta"];
        if let Some(t) = delta["content"].as_str().filter(|t| !t.is_empty()) {
            if acc.shape.is_some() {
                acc.answer
                    .structured
                    .get_or_insert_with(String::new)
                    .push_str(t);
            } else {
                acc.answer.text.push_str(t);
                on_text(t);
            }
        }
        for call in delta["tool_calls"].as_array().into_iter().flatten() {
            let index = call["index"].as_u64().unwrap_or(0);
            let entry = acc.calls.entry(index).or_insert_with(|| ToolCall {
                name: String::new(),
                input: String::new(),
            });
            // The name comes once; some servers repeat it in every chunk.
            if let Some(name) = call["function"]["name"].as_str() {
                if entry.name.is_empty() {
                    entry.name = name.to_string();
                }
            }
            if let Some(args) = call["function"]["arguments"].as_str() {
                entry.input.push_str(args);
            }
        }
        if let Some(r) = choice["finish_reason"].as_str() {
            acc.answer.stop_reason = Some(r.to_string());
        }
    }
    Ok(())
}
