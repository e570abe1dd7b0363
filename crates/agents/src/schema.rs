//! Checks a model's structured answer against its JSON Schema on our side, whatever the
//! provider claims to enforce (local servers drop schemas silently). Our schemas use a small
//! subset of JSON Schema, and this checks all of it: `type` (one or a list), `properties`,
//! `required`, `additionalProperties: false`, `enum`, `items`, `minimum`, `maximum`,
//! `minLength`, `maxLength`, `minItems`, `maxItems`. Other keywords (`description`) are notes.

use serde_json::Value;

/// Every place `value` breaks `schema`, as `path: what is wrong` (empty when it conforms).
pub fn violations(schema: &Value, value: &Value) -> Vec<String> {
    let mut out = Vec::new();
    check(schema, value, "$", &mut out);
    out
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn has_type(v: &Value, ty: &str) -> bool {
    let actual = type_name(v);
    actual == ty || (ty == "number" && actual == "integer")
}

fn check(schema: &Value, v: &Value, path: &str, out: &mut Vec<String>) {
    let Some(s) = schema.as_object() else { return };
    if let Some(ty) = s.get("type") {
        let allowed: Vec<&str> = match ty {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        if !allowed.iter().any(|t| has_type(v, t)) {
            out.push(format!(
                "{path}: expected {}, found {}",
                allowed.join(" or "),
                type_name(v)
            ));
            return;
        }
    }
    if let Some(Value::Array(options)) = s.get("enum") {
        if !options.contains(v) {
            let shown: Vec<String> = options.iter().map(Value::to_string).collect();
            out.push(format!("{path}: {v} is not one of {}", shown.join(", ")));
        }
    }
    match v {
        Value::Object(map) => {
            let props = s.get("properties").and_then(Value::as_object);
            for name in s
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                if let Some(name) = name.as_str() {
                    if !map.contains_key(name) {
                        out.push(format!("{path}: `{name}` is missing"));
                    }
                }
            }
            for (key, item) in map {
                match props.and_then(|p| p.get(key)) {
                    Some(sub) => check(sub, item, &format!("{path}.{key}"), out),
                    None if s.get("additionalProperties") == Some(&Value::Bool(false)) => {
                        out.push(format!("{path}: `{key}` is not a field of this answer"));
                    }
                    None => {}
                }
            }
        }
        Value::Array(items) => {
            bound(
                s,
                "minItems",
                "maxItems",
                items.len() as f64,
                path,
                "items",
                out,
            );
            if let Some(sub) = s.get("items") {
                for (i, item) in items.iter().enumerate() {
                    check(sub, item, &format!("{path}[{i}]"), out);
                }
            }
        }
        Value::String(text) => {
            bound(
                s,
                "minLength",
                "maxLength",
                text.chars().count() as f64,
                path,
                "characters",
                out,
            );
        }
        Value::Number(n) => {
            if let Some(x) = n.as_f64() {
                bound(s, "minimum", "maximum", x, path, "", out);
            }
        }
        _ => {}
    }
}

fn bound(
    s: &serde_json::Map<String, Value>,
    low: &str,
    high: &str,
    x: f64,
    path: &str,
    unit: &str,
    out: &mut Vec<String>,
) {
    let unit = if unit.is_empty() {
        String::new()
    } else {
        format!(" {unit}")
    };
    if let Some(min) = s.get(low).and_then(Value::as_f64) {
        if x < min {
            out.push(format!("{path}: {x}{unit} is below the minimum of {min}"));
        }
    }
    if let Some(max) = s.get(high).and_then(Value::as_f64) {
        if x > max {
            out.push(format!("{path}: {x}{unit} is above the maximum of {max}"));
        }
    }
}
