//! What goes over the wire when everything works: streamed text, usage and cache counts,
//! structured answers, tool calls, the repair attempt.

use crate::{fake, note_shape, request, BOTH};
use rehearse_agents::{CancellationToken, Tool};
use rehearse_fakes::llm::{Flavor, Reply};
use serde_json::json;

#[tokio::test]
async fn text_streams_in_pieces_and_usage_is_counted() {
    for flavor in BOTH {
        let (fake, llm) = fake(flavor).await;
        let reply = "Good morning. Walk me through how you would find two numbers that add up to the target.";
        fake.push(Reply::text(reply));
        fake.push(Reply::text("Go on."));
        let mut pieces = Vec::new();
        let cancel = CancellationToken::new();
        let a = llm
            .complete(&request("Hello"), &cancel, &mut |t| {
                pieces.push(t.to_string())
            })
            .await
            .expect("answer");
        assert_eq!(a.text, reply, "{flavor:?}");
        assert!(
            pieces.len() > 3,
            "{flavor:?}: streamed in {} pieces",
            pieces.len()
        );
        assert_eq!(pieces.concat(), reply);
        assert_eq!(a.model, "test-model");
        assert_eq!(a.attempts, 1);
        assert!(
            a.usage.input > 0 && a.usage.output > 0,
            "{flavor:?}: {:?}",
            a.usage
        );
        let b = llm
            .complete(&request("Hello"), &cancel, &mut |_| {})
            .await
            .expect("second");
        assert_eq!(b.text, "Go on.");
        // The same instructions the second time are read from the provider's cache.
        assert!(b.usage.cache_read > 0, "{flavor:?}: {:?}", b.usage);
        if flavor == Flavor::Anthropic {
            assert!(a.usage.cache_write > 0, "{:?}", a.usage);
            assert_eq!(b.usage.cache_write, 0);
        }
        assert_eq!(fake.violations(), Vec::<String>::new(), "{flavor:?}");
    }
}

#[tokio::test]
async fn requests_carry_the_key_the_version_and_the_cached_prefix() {
    let (fake, llm) = fake(Flavor::Anthropic).await;
    fake.push(Reply::text("Hi."));
    llm.complete(&request("Hello"), &CancellationToken::new(), &mut |_| {})
        .await
        .expect("answer");
    let r = &fake.requests()[0];
    assert_eq!(r.header("x-api-key"), Some(crate::KEY));
    assert_eq!(
        r.header("anthropic-version"),
        Some(rehearse_agents::ANTHROPIC_VERSION)
    );
    let body = &fake.bodies()[0];
    assert_eq!(
        body["system"][0]["cache_control"],
        json!({"type": "ephemeral"})
    );
    assert_eq!(body["stream"], true);

    let (fake, llm) = crate::fake(Flavor::OpenAi).await;
    fake.push(Reply::text("Hi."));
    llm.complete(&request("Hello"), &CancellationToken::new(), &mut |_| {})
        .await
        .expect("answer");
    let r = &fake.requests()[0];
    assert_eq!(
        r.header("authorization"),
        Some(format!("Bearer {}", crate::KEY).as_str())
    );
    let body = &fake.bodies()[0];
    assert_eq!(body["messages"][0]["role"], "system");
    assert_eq!(body["stream_options"]["include_usage"], true);
    // OpenAI itself takes the answer's budget as max_completion_tokens; compatible servers
    // (faults.rs, the app's tests) as max_tokens.
    assert_eq!(body["max_completion_tokens"], 256);
    assert!(body.get("max_tokens").is_none(), "{body}");
}

/// Asks for a code note.
async fn ask_note(
    llm: &rehearse_agents::Llm,
) -> Result<(serde_json::Value, rehearse_agents::Answer), rehearse_agents::Failed> {
    llm.ask(
        &request("The code: ..."),
        &note_shape(),
        &CancellationToken::new(),
    )
    .await
}

#[tokio::test]
async fn a_structured_answer_is_parsed_and_sent_with_its_schema() {
    for flavor in BOTH {
        let (fake, llm) = fake(flavor).await;
        let note = json!({"approach": "optimized", "summary": "One pass with a hash map.", "warnings": ["empty input"]});
        fake.push(Reply::json(&note));
        let (value, answer) = ask_note(&llm).await.expect("note");
        assert_eq!(value, note, "{flavor:?}");
        assert_eq!(answer.attempts, 1);
        let body = &fake.bodies()[0];
        match flavor {
            Flavor::Anthropic => {
                assert_eq!(
                    body["tool_choice"],
                    json!({"type": "tool", "name": "code_note"})
                );
                assert_eq!(body["tools"][0]["input_schema"], note_shape().schema);
            }
            Flavor::OpenAi => {
                assert_eq!(body["response_format"]["type"], "json_schema");
                assert_eq!(body["response_format"]["json_schema"]["strict"], true);
                assert_eq!(
                    body["response_format"]["json_schema"]["schema"],
                    note_shape().schema
                );
            }
        }
        assert_eq!(fake.violations(), Vec::<String>::new(), "{flavor:?}");
    }
}

#[tokio::test]
async fn an_answer_off_its_schema_is_sent_back_once_to_be_repaired() {
    for flavor in BOTH {
        let (fake, llm) = fake(flavor).await;
        fake.push(Reply::json(
            &json!({"approach": "clever", "summary": "x", "warnings": []}),
        ));
        let good = json!({"approach": "brute-force", "summary": "Two loops.", "warnings": []});
        fake.push(Reply::json(&good));
        let (value, answer) = ask_note(&llm).await.expect("repaired");
        assert_eq!(value, good);
        assert_eq!(answer.attempts, 2);
        let bodies = fake.bodies();
        assert_eq!(bodies.len(), 2);
        let repair = bodies[1].to_string();
        assert!(repair.contains("is not one of"), "{flavor:?}: {repair}");
        assert!(
            repair.contains("clever"),
            "the bad answer goes back with the request"
        );
        assert_eq!(fake.violations(), Vec::<String>::new(), "{flavor:?}");
    }
}

#[tokio::test]
async fn malformed_json_twice_is_bad_output() {
    for flavor in BOTH {
        let (fake, llm) = fake(flavor).await;
        fake.push(Reply::Json("{\"approach\": \"optimized\", \"summ".into()));
        fake.push(Reply::Json("not json at all".into()));
        let err = ask_note(&llm).await.expect_err("bad output");
        assert_eq!(
            rehearse_core::error::Coded::code(&err),
            rehearse_core::ErrorCode::BadOutput,
            "{flavor:?}: {err}"
        );
        assert!(err.to_string().contains("not JSON"), "{err}");
        let spent = err.spent;
        assert!(
            spent.input + spent.cache_read + spent.cache_write > 0 && spent.output > 0,
            "both answers were paid for and are counted: {spent:?}"
        );
    }
}

#[tokio::test]
async fn a_repair_request_that_fails_still_counts_the_first_answer() {
    for flavor in BOTH {
        let (fake, llm) = fake(flavor).await;
        fake.push(Reply::Json("{\"approach\": \"clever\"}".into()));
        fake.push(Reply::status(400, "invalid_request_error", "bad"));
        let err = ask_note(&llm).await.expect_err("the repair is refused");
        assert_eq!(
            rehearse_core::error::Coded::code(&err),
            rehearse_core::ErrorCode::ProviderError,
            "{flavor:?}: {err}"
        );
        let spent = err.spent;
        assert!(
            spent.input + spent.cache_read + spent.cache_write > 0 && spent.output > 0,
            "{flavor:?}: the first answer was paid for and is counted: {spent:?}"
        );
    }
}

#[tokio::test]
async fn a_tool_call_comes_back_with_its_input() {
    for flavor in BOTH {
        let (fake, llm) = fake(flavor).await;
        fake.push(Reply::Tool {
            text: "Let me give you a nudge.".into(),
            name: "give_hint".into(),
            input: "{\"level\":1}".into(),
        });
        let mut req = request("I'm stuck");
        req.tools.push(Tool {
            name: "give_hint".into(),
            description: "Reveal the next hint.".into(),
            schema: json!({"type": "object", "properties": {"level": {"type": "integer"}}, "required": ["level"], "additionalProperties": false}),
        });
        let a = llm
            .complete(&req, &CancellationToken::new(), &mut |_| {})
            .await
            .expect("answer");
        assert_eq!(a.text, "Let me give you a nudge.");
        assert_eq!(a.tool_calls.len(), 1, "{flavor:?}");
        assert_eq!(a.tool_calls[0].name, "give_hint");
        assert_eq!(a.tool_calls[0].input, "{\"level\":1}");
        assert_eq!(fake.violations(), Vec::<String>::new(), "{flavor:?}");
    }
}

#[tokio::test]
async fn the_fake_refuses_a_request_the_api_would_refuse() {
    let fake = rehearse_fakes::llm::FakeLlm::start(Flavor::Anthropic, None).await;
    let resp = reqwest::Client::new()
        .post(format!("{}/v1/messages", fake.url))
        .header("content-type", "application/json")
        .header("anthropic-version", "2023-06-01")
        .body(json!({"model": "m", "messages": [{"role": "assistant", "content": ""}], "stream": true, "colour": 1}).to_string())
        .send()
        .await
        .expect("send");
    assert_eq!(resp.status().as_u16(), 400);
    let v = fake.violations();
    for expected in [
        "`max_tokens` must be a positive integer",
        "body: unknown field `colour`",
        "the first message is not the user's",
    ] {
        assert!(v.iter().any(|x| x == expected), "{expected} not in {v:?}");
    }
}
