//! What goes wrong, scripted: rate limits, overload, server errors, error events after a 200,
//! streams cut mid-way, slow first tokens, a refused key, an unreachable server, a context
//! too long, cancellation. Each ends in its own code, retried only where that may help.

use crate::{client, fake, quick, request, BOTH};
use rehearse_agents::{backoff, AgentError, CancellationToken, Endpoint, Llm, Policy, Wire};
use rehearse_core::error::Coded;
use rehearse_core::ErrorCode;
use rehearse_fakes::llm::{FakeLlm, Flavor, Reply};
use std::time::Duration;

async fn outcome(llm: &Llm) -> Result<rehearse_agents::Answer, AgentError> {
    llm.complete(&request("Hello"), &CancellationToken::new(), &mut |_| {})
        .await
        .map_err(|f| f.error)
}

#[tokio::test]
async fn rate_limits_overload_and_server_errors_are_retried() {
    for flavor in BOTH {
        let (fake, llm) = fake(flavor).await;
        fake.push(Reply::Status {
            status: 429,
            retry_after: Some("0".into()),
            kind: "rate_limit_error".into(),
            message: "Number of request tokens has exceeded your per-minute rate limit".into(),
        });
        fake.push(Reply::status(529, "overloaded_error", "Overloaded"));
        fake.push(Reply::status(500, "api_error", "Internal server error"));
        fake.push(Reply::text("Here I am."));
        let a = outcome(&llm).await.expect("answer after retries");
        assert_eq!(a.text, "Here I am.");
        assert_eq!(a.attempts, 4, "{flavor:?}");
        assert_eq!(fake.requests().len(), 4);
        assert_eq!(fake.violations(), Vec::<String>::new());
    }
}

#[tokio::test]
async fn retries_stop_at_the_policy_limit_with_the_last_error() {
    let (fake, llm) = fake(Flavor::Anthropic).await;
    for _ in 0..4 {
        fake.push(Reply::status(529, "overloaded_error", "Overloaded"));
    }
    let err = outcome(&llm).await.expect_err("overloaded");
    assert_eq!(err.code(), ErrorCode::Overloaded);
    assert_eq!(fake.requests().len(), 4);
}

#[tokio::test]
async fn a_spent_account_is_not_retried() {
    let spent = [
        (
            Flavor::OpenAi,
            429,
            "insufficient_quota",
            "You exceeded your current quota, please check your plan and billing details.",
        ),
        (
            Flavor::Anthropic,
            400,
            "invalid_request_error",
            "You have reached your specified API usage limits. You will regain access on 2027-01-01 at 00:00 UTC.",
        ),
        (
            Flavor::Anthropic,
            400,
            "invalid_request_error",
            "Your credit balance is too low to access the Anthropic API.",
        ),
        (
            Flavor::Anthropic,
            429,
            "rate_limit_error",
            "Extra usage is required for long context requests.",
        ),
    ];
    for (flavor, status, kind, message) in spent {
        let (fake, llm) = fake(flavor).await;
        fake.push(Reply::status(status, kind, message));
        let err = outcome(&llm).await.expect_err("spent");
        assert_eq!(err.code(), ErrorCode::RateLimited, "{message}");
        assert!(
            matches!(
                err,
                AgentError::RateLimited {
                    spend_limit: true,
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(
            err.to_string().contains("spending limit or credit"),
            "{err}"
        );
        assert_eq!(fake.requests().len(), 1, "not retried: {message}");
    }
}

#[test]
fn backoff_honours_retry_after_and_otherwise_grows_with_jitter() {
    let p = Policy {
        attempts: 5,
        first_delay: Duration::from_millis(400),
        max_delay: Duration::from_secs(2),
        deadline: Duration::from_secs(60),
    };
    assert_eq!(
        backoff(&p, 1, Some(Duration::from_secs(7))),
        Duration::from_secs(7)
    );
    for attempt in 1..=5 {
        let step = (400u64 << (attempt - 1)).min(2000);
        let d = backoff(&p, attempt, None).as_millis() as u64;
        assert!(
            d >= step / 2 && d <= step,
            "attempt {attempt}: {d} ms for a {step} ms step"
        );
    }
}

#[tokio::test]
async fn retry_after_beyond_the_deadline_fails_at_once_with_it() {
    let (fake, llm) = fake(Flavor::Anthropic).await;
    let llm = llm.with_policy(Policy {
        deadline: Duration::from_secs(20),
        ..quick()
    });
    fake.push(Reply::Status {
        status: 429,
        retry_after: Some("3600".into()),
        kind: "rate_limit_error".into(),
        message: "rate limited".into(),
    });
    let err = outcome(&llm).await.expect_err("rate limited");
    assert_eq!(err.retry_after(), Some(Duration::from_secs(3600)));
    assert!(err.to_string().contains("try again in 3600 s"), "{err}");
    assert_eq!(fake.requests().len(), 1);
}

#[tokio::test]
async fn an_error_event_after_a_200_is_read_and_retried_when_transient() {
    for flavor in BOTH {
        let (fake, llm) = fake(flavor).await;
        fake.push(Reply::StreamError {
            kind: "overloaded_error".into(),
            message: "Overloaded".into(),
        });
        fake.push(Reply::text("Back."));
        assert_eq!(
            outcome(&llm).await.expect("answer").attempts,
            2,
            "{flavor:?}"
        );
        fake.push(Reply::StreamError {
            kind: "invalid_request_error".into(),
            message: "bad".into(),
        });
        let err = outcome(&llm).await.expect_err("refused");
        assert_eq!(err.code(), ErrorCode::ProviderError, "{flavor:?}");
        assert!(err.to_string().contains("bad"), "{err}");
    }
}

#[tokio::test]
async fn a_stream_cut_before_any_text_is_retried_and_after_text_is_an_error() {
    for flavor in BOTH {
        let (fake, llm) = fake(flavor).await;
        fake.push(Reply::Cut {
            text: "Hello there".into(),
            after: 1,
        });
        fake.push(Reply::text("Hello there"));
        let retried = outcome(&llm).await.expect("answer");
        assert_eq!(retried.attempts, 2, "{flavor:?}");
        fake.push(Reply::text("Hello there"));
        let once = outcome(&llm).await.expect("answer");
        if flavor == Flavor::Anthropic {
            // The cut attempt had begun (`message_start` counts the input): it is billed too.
            assert_eq!(
                retried.usage.input,
                2 * once.usage.input,
                "{:?}",
                retried.usage
            );
        }

        fake.push(Reply::Cut {
            text: "A long answer that breaks off".into(),
            after: 5,
        });
        let mut shown = String::new();
        let err = llm
            .complete(&request("Hello"), &CancellationToken::new(), &mut |t| {
                shown.push_str(t)
            })
            .await
            .expect_err("cut");
        assert_eq!(err.code(), ErrorCode::ProviderError);
        assert!(err.to_string().contains("stopped before its end"), "{err}");
        assert!(
            !shown.is_empty(),
            "{flavor:?}: the text before the cut was shown"
        );
        assert_eq!(
            fake.requests().len(),
            4,
            "text already shown is not asked for again"
        );
    }
}

#[tokio::test]
async fn a_slow_first_token_is_waited_for_within_the_deadline() {
    let (fake, llm) = fake(Flavor::OpenAi).await;
    fake.push(Reply::Slow {
        first: Duration::from_millis(700),
        then: Box::new(Reply::text("Finally.")),
    });
    assert_eq!(outcome(&llm).await.expect("answer").text, "Finally.");
}

#[tokio::test]
async fn a_call_past_its_deadline_is_a_timeout() {
    let (fake, llm) = fake(Flavor::Anthropic).await;
    let llm = llm.with_policy(Policy {
        deadline: Duration::from_millis(300),
        ..quick()
    });
    fake.push(Reply::Slow {
        first: Duration::from_secs(30),
        then: Box::new(Reply::text("late")),
    });
    let err = outcome(&llm).await.expect_err("timeout");
    assert_eq!(err.code(), ErrorCode::Timeout);
}

#[tokio::test]
async fn cancelling_ends_the_call() {
    let (fake, llm) = fake(Flavor::Anthropic).await;
    fake.push(Reply::Slow {
        first: Duration::from_secs(30),
        then: Box::new(Reply::text("late")),
    });
    let cancel = CancellationToken::new();
    let stop = cancel.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(100)).await;
        stop.cancel();
    });
    let err = llm
        .complete(&request("Hello"), &cancel, &mut |_| {})
        .await
        .expect_err("cancelled");
    assert_eq!(err.code(), ErrorCode::Cancelled);
}

#[tokio::test]
async fn a_refused_key_is_key_rejected_and_not_retried() {
    for flavor in BOTH {
        let fake = FakeLlm::start(flavor, Some("the-right-key")).await;
        let llm = client(&fake, Some("a-wrong-key"));
        let err = outcome(&llm).await.expect_err("refused");
        assert_eq!(err.code(), ErrorCode::KeyRejected, "{flavor:?}: {err}");
        assert_eq!(fake.requests().len(), 1);
    }
}

#[tokio::test]
async fn a_server_nobody_listens_on_is_unreachable() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    };
    let llm = Llm::new(
        reqwest::Client::new(),
        Endpoint {
            wire: Wire::Compatible,
            label: "the local server".into(),
            base_url: format!("http://127.0.0.1:{port}/v1"),
            key: None,
            model: "m".into(),
        },
    )
    .with_policy(Policy {
        attempts: 2,
        ..quick()
    });
    let err = outcome(&llm).await.expect_err("unreachable");
    assert_eq!(err.code(), ErrorCode::ProviderUnreachable);
    assert!(
        err.to_string().contains(&format!("127.0.0.1:{port}")),
        "{err}"
    );
}

#[tokio::test]
async fn a_prompt_too_long_is_context_too_long() {
    let (fake, llm) = fake(Flavor::Anthropic).await;
    fake.push(Reply::status(
        400,
        "invalid_request_error",
        "prompt is too long: 210000 tokens > 200000 maximum",
    ));
    let err = outcome(&llm).await.expect_err("too long");
    assert_eq!(err.code(), ErrorCode::ContextTooLong);
    assert!(err.to_string().contains("210000 tokens"), "{err}");
}

/// Anthropic counts the input in `message_start`: a call that fails after it says so.
#[tokio::test]
async fn a_call_that_fails_after_its_stream_began_still_counts_its_tokens() {
    let (fake, llm) = fake(Flavor::Anthropic).await;
    let counted_input =
        |spent: rehearse_agents::Usage| spent.input + spent.cache_read + spent.cache_write;

    fake.push(Reply::Cut {
        text: "A long answer that breaks off".into(),
        after: 5,
    });
    let err = llm
        .complete(&request("Hello"), &CancellationToken::new(), &mut |_| {})
        .await
        .expect_err("cut after text");
    assert_eq!(err.code(), ErrorCode::ProviderError);
    let once = counted_input(err.spent);
    assert!(once > 0, "the cut call's input is counted: {:?}", err.spent);

    // A cut before any text is retried, and the retry is refused: the cut attempt's input
    // counts (the refusal has none).
    fake.push(Reply::Cut {
        text: "Hello".into(),
        after: 1,
    });
    fake.push(Reply::status(400, "invalid_request_error", "bad"));
    let err = llm
        .complete(&request("Hello"), &CancellationToken::new(), &mut |_| {})
        .await
        .expect_err("refused after a retry");
    assert_eq!(err.code(), ErrorCode::ProviderError);
    assert_eq!(counted_input(err.spent), once, "{:?}", err.spent);

    // Cancelled while the answer streams (the session ended).
    fake.push(Reply::Stall {
        text: "An answer that hangs".into(),
        after: 4,
    });
    let cancel = CancellationToken::new();
    let err = llm
        .complete(&request("Hello"), &cancel, &mut |_| cancel.cancel())
        .await
        .expect_err("cancelled");
    assert_eq!(err.code(), ErrorCode::Cancelled);
    assert_eq!(counted_input(err.spent), once, "{:?}", err.spent);

    // Past the deadline while the answer streams.
    let llm = llm.with_policy(Policy {
        deadline: Duration::from_secs(5),
        ..quick()
    });
    fake.push(Reply::Stall {
        text: "An answer that hangs".into(),
        after: 4,
    });
    let mut shown = false;
    let err = llm
        .complete(&request("Hello"), &CancellationToken::new(), &mut |_| {
            shown = true
        })
        .await
        .expect_err("timeout");
    assert_eq!(err.code(), ErrorCode::Timeout);
    assert!(shown, "the answer had begun before its deadline");
    assert_eq!(counted_input(err.spent), once, "{:?}", err.spent);
    assert_eq!(fake.violations(), Vec::<String>::new());
}
