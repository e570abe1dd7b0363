//! The LLM clients against the fake Anthropic and OpenAI-compatible servers (tests/fakes),
//! which check every request; and the schema check on its own.

mod faults;
mod schema;
mod wire;

use rehearse_agents::{Endpoint, Llm, Message, Policy, Request, Tool, Wire};
use rehearse_fakes::llm::{FakeLlm, Flavor};
use serde_json::json;
use std::time::Duration;

pub const KEY: &str = "sk-test-0123456789";

pub async fn fake(flavor: Flavor) -> (FakeLlm, Llm) {
    let fake = FakeLlm::start(flavor, Some(KEY)).await;
    let llm = client(&fake, Some(KEY));
    (fake, llm)
}

pub fn client(fake: &FakeLlm, key: Option<&str>) -> Llm {
    let wire = match fake.flavor {
        Flavor::Anthropic => Wire::Anthropic,
        Flavor::OpenAi => Wire::OpenAi,
    };
    Llm::new(
        reqwest::Client::new(),
        Endpoint {
            wire,
            label: format!("{:?}", fake.flavor),
            base_url: fake.url.clone(),
            key: key.map(str::to_string),
            model: "test-model".into(),
        },
    )
    .with_policy(quick())
}

/// Retries a few milliseconds apart, a deadline no healthy test comes near.
pub fn quick() -> Policy {
    Policy {
        attempts: 4,
        first_delay: Duration::from_millis(5),
        max_delay: Duration::from_millis(40),
        deadline: Duration::from_secs(60),
    }
}

pub fn request(text: &str) -> Request {
    Request::new(
        "You are a careful interviewer. The problem: two-sum.",
        vec![Message::user(text)],
        256,
    )
}

/// The observer-like shape the tests ask for.
pub fn note_shape() -> Tool {
    Tool {
        name: "code_note".into(),
        description: "What the code does.".into(),
        schema: json!({
            "type": "object",
            "properties": {
                "approach": {"type": "string", "enum": ["brute-force", "optimized", "unknown"]},
                "summary": {"type": "string", "maxLength": 200},
                "warnings": {"type": "array", "items": {"type": "string"}},
            },
            "required": ["approach", "summary", "warnings"],
            "additionalProperties": false,
        }),
    }
}

pub const BOTH: [Flavor; 2] = [Flavor::Anthropic, Flavor::OpenAi];
