//! What each API accepts, checked on every request the fake receives: the path and headers,
//! required and unknown fields, message roles and content blocks, tool schemas, and the
//! structured-output rules (OpenAI's strict schemas). Each problem found is one sentence.

use super::http::Received;
use super::Flavor;
use serde_json::{Map, Value};

pub(crate) fn request(flavor: Flavor, r: &Received) -> Vec<String> {
    let mut out = Vec::new();
    if r.method != "POST" {
        out.push(format!("method {} (POST expected)", r.method));
    }
    if !r
        .header("content-type")
        .is_some_and(|v| v.starts_with("application/json"))
    {
        out.push("content-type is not application/json".into());
    }
    let body: Value = match serde_json::from_str(&r.body) {
        Ok(Value::Object(m)) => Value::Object(m),
        _ => {
            out.push("the body is not a JSON object".into());
            return out;
        }
    };
    match flavor {
        Flavor::Anthropic => anthropic(r, &body, &mut out),
        Flavor::OpenAi => openai(r, &body, &mut out),
    }
    out
}

fn unknown(obj: &Map<String, Value>, known: &[&str], what: &str, out: &mut Vec<String>) {
    for k in obj.keys() {
        if !known.contains(&k.as_str()) {
            out.push(format!("{what}: unknown field `{k}`"));
        }
    }
}

fn tool_name(name: &Value) -> bool {
    name.as_str().is_some_and(|n| {
        (1..=64).contains(&n.len())
            && n.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    })
}

fn anthropic(r: &Received, b: &Value, out: &mut Vec<String>) {
    if r.path != "/v1/messages" {
        out.push(format!("path {} (/v1/messages expected)", r.path));
    }
    match r.header("anthropic-version") {
        Some("2023-06-01") | Some("2023-01-01") => {}
        other => out.push(format!(
            "anthropic-version {other:?} is not a version the API accepts"
        )),
    }
    let o = b.as_object().expect("object");
    unknown(
        o,
        &[
            "model",
            "max_tokens",
            "messages",
            "system",
            "stream",
            "temperature",
            "top_p",
            "top_k",
            "stop_sequences",
            "tools",
            "tool_choice",
            "metadata",
        ],
        "body",
        out,
    );
    if b["model"].as_str().is_none_or(str::is_empty) {
        out.push("`model` is missing".into());
    }
    if b["max_tokens"].as_u64().is_none_or(|n| n == 0) {
        out.push("`max_tokens` must be a positive integer".into());
    }
    if b["stream"] != Value::Bool(true) {
        out.push("`stream` is not true (this fake only streams)".into());
    }
    if let Some(t) = b.get("temperature") {
        if !t.as_f64().is_some_and(|t| (0.0..=1.0).contains(&t)) {
            out.push("`temperature` must be between 0 and 1".into());
        }
    }
    let mut cached = 0;
    match &b["system"] {
        Value::Null | Value::String(_) => {}
        Value::Array(blocks) => blocks
            .iter()
            .for_each(|x| text_block(x, "system", &mut cached, out)),
        _ => out.push("`system` must be a string or text blocks".into()),
    }
    let messages = b["messages"].as_array().cloned().unwrap_or_default();
    if messages.is_empty() {
        out.push("`messages` is missing or empty".into());
    }
    let mut last = "assistant";
    for (i, m) in messages.iter().enumerate() {
        let what = format!("messages[{i}]");
        if let Some(obj) = m.as_object() {
            unknown(obj, &["role", "content"], &what, out);
        }
        let role = m["role"].as_str().unwrap_or("");
        if role != "user" && role != "assistant" {
            out.push(format!("{what}: role {role:?}"));
        }
        if role == last {
            out.push(format!("{what}: two {role} turns in a row"));
        }
        last = role;
        match &m["content"] {
            Value::String(s) if !s.is_empty() => {}
            Value::Array(blocks) if !blocks.is_empty() => blocks
                .iter()
                .for_each(|x| text_block(x, &what, &mut cached, out)),
            _ => out.push(format!("{what}: content must be non-empty text or blocks")),
        }
    }
    if messages.first().is_some_and(|m| m["role"] != "user") {
        out.push("the first message is not the user's".into());
    }
    if cached > 4 {
        out.push(format!("{cached} cache_control marks (at most 4)"));
    }
    let tools = b["tools"].as_array().cloned().unwrap_or_default();
    for (i, t) in tools.iter().enumerate() {
        let what = format!("tools[{i}]");
        if let Some(obj) = t.as_object() {
            unknown(
                obj,
                &["name", "description", "input_schema", "cache_control"],
                &what,
                out,
            );
        }
        if !tool_name(&t["name"]) {
            out.push(format!("{what}: name must match ^[a-zA-Z0-9_-]{{1,64}}$"));
        }
        if t["input_schema"]["type"] != "object" {
            out.push(format!("{what}: input_schema must be an object schema"));
        }
    }
    if let Some(choice) = b.get("tool_choice") {
        match choice["type"].as_str() {
            Some("auto") | Some("any") | Some("none") => {}
            Some("tool") => {
                if !tools.iter().any(|t| t["name"] == choice["name"]) {
                    out.push("tool_choice names a tool that is not in `tools`".into());
                }
            }
            _ => out.push("tool_choice: unknown type".into()),
        }
    }
}

fn text_block(x: &Value, what: &str, cached: &mut usize, out: &mut Vec<String>) {
    if let Some(obj) = x.as_object() {
        unknown(obj, &["type", "text", "cache_control"], what, out);
    }
    if x["type"] != "text" || x["text"].as_str().is_none_or(str::is_empty) {
        out.push(format!("{what}: a block that is not non-empty text"));
    }
    if let Some(c) = x.get("cache_control") {
        *cached += 1;
        if c["type"] != "ephemeral" {
            out.push(format!("{what}: cache_control type must be ephemeral"));
        }
    }
}

fn openai(r: &Received, b: &Value, out: &mut Vec<String>) {
    if r.path != "/v1/chat/completions" {
        out.push(format!("path {} (/v1/chat/completions expected)", r.path));
    }
    let o = b.as_object().expect("object");
    unknown(
        o,
        &[
            "model",
            "messages",
            "stream",
            "stream_options",
            "max_tokens",
            "max_completion_tokens",
            "temperature",
            "top_p",
            "response_format",
            "tools",
            "tool_choice",
            "seed",
            "stop",
            "n",
            "user",
            "parallel_tool_calls",
            "reasoning_effort",
        ],
        "body",
        out,
    );
    if b["model"].as_str().is_none_or(str::is_empty) {
        out.push("`model` is missing".into());
    }
    if b["stream"] != Value::Bool(true) {
        out.push("`stream` is not true (this fake only streams)".into());
    }
    let model = b["model"].as_str().unwrap_or_default();
    if (model.starts_with("gpt-5") || model.starts_with('o')) && b.get("max_tokens").is_some() {
        out.push(format!(
            "{model} takes `max_completion_tokens`, not `max_tokens`"
        ));
    }
    if b.get("stream_options").is_some() && b["stream_options"]["include_usage"].as_bool().is_none()
    {
        out.push("stream_options without include_usage".into());
    }
    let messages = b["messages"].as_array().cloned().unwrap_or_default();
    if !messages.iter().any(|m| m["role"] == "user") {
        out.push("no user message".into());
    }
    for (i, m) in messages.iter().enumerate() {
        let what = format!("messages[{i}]");
        if let Some(obj) = m.as_object() {
            unknown(
                obj,
                &["role", "content", "name", "tool_calls", "tool_call_id"],
                &what,
                out,
            );
        }
        if !matches!(
            m["role"].as_str(),
            Some("system" | "developer" | "user" | "assistant" | "tool")
        ) {
            out.push(format!("{what}: unknown role"));
        }
        if !m["content"].is_string() {
            out.push(format!("{what}: content is not text"));
        }
    }
    for (i, t) in b["tools"].as_array().into_iter().flatten().enumerate() {
        let what = format!("tools[{i}]");
        if t["type"] != "function" || !tool_name(&t["function"]["name"]) {
            out.push(format!("{what}: must be a function with a valid name"));
        }
        if t["function"]["parameters"]["type"] != "object" {
            out.push(format!("{what}: parameters must be an object schema"));
        }
    }
    if let Some(f) = b.get("response_format") {
        match f["type"].as_str() {
            Some("text") | Some("json_object") => {}
            Some("json_schema") => {
                let js = &f["json_schema"];
                if let Some(obj) = js.as_object() {
                    unknown(
                        obj,
                        &["name", "description", "schema", "strict"],
                        "json_schema",
                        out,
                    );
                }
                if !tool_name(&js["name"]) {
                    out.push("json_schema: name must match ^[a-zA-Z0-9_-]{1,64}$".into());
                }
                if js["strict"] == Value::Bool(true) {
                    strict(&js["schema"], "$", out);
                }
            }
            _ => out.push("response_format: unknown type".into()),
        }
    }
}

/// OpenAI's strict structured outputs: every object lists all its properties as required and
/// forbids others.
fn strict(s: &Value, path: &str, out: &mut Vec<String>) {
    let types: Vec<&str> = match &s["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    if types.contains(&"object") {
        if s["additionalProperties"] != Value::Bool(false) {
            out.push(format!(
                "strict schema {path}: additionalProperties must be false"
            ));
        }
        let props = s["properties"].as_object().cloned().unwrap_or_default();
        let required: Vec<&str> = s["required"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        for (k, sub) in &props {
            if !required.contains(&k.as_str()) {
                out.push(format!("strict schema {path}: `{k}` must be required"));
            }
            strict(sub, &format!("{path}.{k}"), out);
        }
    }
    if types.contains(&"array") {
        strict(&s["items"], &format!("{path}[]"), out);
    }
}
