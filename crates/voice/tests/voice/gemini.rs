//! Gemini Live through the same driver: speech into the virtual microphone at 16 kHz, the
//! fake Live server listening, tool calls, `goAway` answered by moving to a resumed
//! connection, `interrupted` stopping the interviewer, and clear errors for a bad key or model.

use crate::audio::pulse;
use crate::interview::{
    options, runtime, speak, speak_over_the_interviewer, start_with, LONG_REPLY,
};
use rehearse_core::error::Coded;
use rehearse_core::session::Speaker;
use rehearse_fakes::gemini::{FakeGemini, Script, Turns};
use rehearse_fakes::speech::say;
use rehearse_voice::gemini::{Gemini, LiveConfig};
use rehearse_voice::interview::{Command, LinkState, LiveEvent};
use rehearse_voice::link::{Provider, Resume};
use std::sync::Arc;
use std::time::Duration;

const KEY: &str = "gemini-fake-key";
const MODEL: &str = "gemini-live-test";

fn gemini(base_url: String, key: &str, model: &str) -> Gemini {
    Gemini {
        config: LiveConfig {
            base_url,
            model: model.into(),
            instructions: "You are a friendly technical interviewer.".into(),
            voice: "Kore".into(),
            compression_trigger_tokens: 25_600,
            heartbeat: Duration::from_secs(2),
            setup_timeout: Duration::from_secs(5),
        },
        key: key.into(),
    }
}

fn voice(text: &str) -> Arc<Vec<i16>> {
    let dir = tempfile::tempdir().unwrap();
    Arc::new(say(dir.path(), text, 24_000).1)
}

#[test]
fn a_gemini_interview_moves_on_go_away_and_keeps_a_whole_transcript() {
    let _devices = pulse();
    runtime().block_on(async {
        let fake = FakeGemini::start(Script {
            turns: Turns::Energy,
            speech: Some(voice("Sounds good. What is the complexity?")),
            go_away_after_turn: Some(1),
            hint_on_turn: Some(2),
            ..Script::new(KEY, MODEL)
        })
        .await;
        let r = start_with(Box::new(gemini(fake.base_url(), KEY, MODEL)), options()).await;
        r.commands.send(Command::Code("CODE-A".into())).unwrap();
        speak(&r.candidate).await;
        r.seen
            .wait("the move to a new connection", |e| {
                matches!(e, LiveEvent::Connection { state: LinkState::Live, detail } if detail.contains("Moved"))
            })
            .await;
        speak(&r.candidate).await;
        r.seen
            .wait("the hint, given", |e| {
                matches!(e, LiveEvent::Line { speaker: Speaker::Interviewer, text, .. } if text.contains("hash map"))
            })
            .await;
        r.commands
            .send(Command::Context("RUN: 3 of 3 passed".into()))
            .unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
        r.commands.send(Command::End).unwrap();
        let outcome = r.done.await.unwrap();

        let rec = fake.record();
        assert!(rec.violations.is_empty(), "{:#?}", rec.violations);
        assert_eq!(rec.go_aways, 1);
        assert_eq!(rec.connections, 2, "one move after goAway");
        assert_eq!(
            rec.resumed_with,
            [None, Some(rec.handles[0].clone())],
            "the second connection resumes the session with the handle given after turn 1"
        );
        assert!(
            !rec.instructions[1].contains("The conversation so far"),
            "a resumed session needs no summary: the server has the conversation"
        );
        assert_eq!(
            r.seen.lines(),
            [
                (Speaker::Candidate, "Candidate turn 1.".to_string(), false),
                (Speaker::Interviewer, "This is reply 1 number 1.".into(), false),
                (Speaker::Candidate, "Candidate turn 2.".into(), false),
                (
                    Speaker::Interviewer,
                    "Here is a hint for you. Try a hash map from value to index.".into(),
                    false
                ),
            ],
            "no gaps, no duplicates, in order"
        );
        assert_eq!(*r.seen.hints.lock().unwrap(), 1);
        assert_eq!(rec.tool_outputs.len(), 1);
        assert!(rec.items.iter().any(|i| i == "CODE-A"));
        assert!(rec.items.iter().any(|i| i == "RUN: 3 of 3 passed"));
        assert_eq!(outcome.reconnects, 1);
        assert!(
            outcome.latency_p50_ms.is_some(),
            "latency measured from the last voiced frame"
        );
        assert!(outcome.usage.output_audio_tokens > 0 && outcome.usd > 0.0);
    });
}

#[test]
fn speaking_over_gemini_stops_it_and_keeps_only_what_was_heard() {
    let _devices = pulse();
    runtime().block_on(async {
        let fake = FakeGemini::start(Script {
            turns: Turns::Energy,
            speech: Some(voice(LONG_REPLY)),
            ..Script::new(KEY, MODEL)
        })
        .await;
        let r = start_with(Box::new(gemini(fake.base_url(), KEY, MODEL)), options()).await;
        speak_over_the_interviewer(r).await;
        let rec = fake.record();
        assert!(rec.violations.is_empty(), "{:#?}", rec.violations);
        assert!(
            !rec.barge_ins.is_empty(),
            "the fake heard the candidate over its reply"
        );
    });
}

#[test]
fn a_wrong_gemini_key_or_model_is_a_clear_error() {
    runtime().block_on(async {
        let fake = FakeGemini::start(Script::new(KEY, MODEL)).await;
        let resume = Resume::default();
        let Err(e) = gemini(fake.base_url(), "wrong", MODEL)
            .connect(&resume)
            .await
        else {
            panic!("a wrong key connects");
        };
        assert_eq!(e.code(), "key_rejected", "{e}");
        let Err(e) = gemini(fake.base_url(), KEY, "no-such-model")
            .connect(&resume)
            .await
        else {
            panic!("a wrong model connects");
        };
        assert_eq!(e.code(), "provider_error");
        assert!(e.to_string().contains("no-such-model is not found"), "{e}");
        let Err(e) = gemini("http://127.0.0.1:9".into(), KEY, MODEL)
            .connect(&resume)
            .await
        else {
            panic!("nothing listens on port 9");
        };
        assert_eq!(e.code(), "provider_unreachable");
        assert!(
            !e.to_string().contains(KEY),
            "the key never appears in an error"
        );
    });
}
