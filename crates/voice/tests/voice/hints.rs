//! The interviewer's hint tool when the host takes a while to write the hint (a model writes
//! it): the interview goes on meanwhile, the call is answered when the hint arrives, and a
//! hint that arrives after the connection was renewed reaches the interviewer as context.

use crate::audio::pulse;
use crate::interview::KEY;
use crate::interview::{options, runtime, speak, start, Running};
use crate::MODEL;
use rehearse_core::session::Speaker;
use rehearse_fakes::openai::{FakeOpenAi, Record, Script, Turns};
use rehearse_fakes::speech::say;
use rehearse_voice::interview::{Command, LinkState, LiveEvent};
use rehearse_voice::openai::RATE;
use std::sync::Arc;
use std::time::{Duration, Instant};

const HINT: &str = "Try a hash map from value to index.";

/// Starts an interview whose first turn asks for a hint that is held until the sender is used.
async fn held_hint(
    drop_after_hint: bool,
) -> (FakeOpenAi, Running, tokio::sync::oneshot::Sender<()>) {
    let dir = tempfile::tempdir().unwrap();
    let (_, voice) = say(dir.path(), "Here is a hint.", RATE);
    let fake = FakeOpenAi::start(Script {
        turns: Turns::Energy,
        speech: Some(Arc::new(voice)),
        hint_on_turn: Some(1),
        drop_after_hint,
        ..Script::new(KEY, MODEL)
    })
    .await;
    let r = start(&fake, options()).await;
    let (release, gate) = tokio::sync::oneshot::channel();
    *r.seen.hint_gate.lock().unwrap() = Some(gate);
    speak(&r.candidate).await;
    until("the hint to be asked for", || {
        *r.seen.hints.lock().unwrap() == 1
    })
    .await;
    (fake, r, release)
}

/// Waits for `done` (bounded, so a hang fails instead of stalling the suite).
async fn until(what: &str, done: impl Fn() -> bool) {
    let limit = Instant::now() + Duration::from_secs(60);
    while !done() {
        assert!(Instant::now() < limit, "waited 60 s for {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn recorded(fake: &FakeOpenAi, what: &str, done: impl Fn(&Record) -> bool) {
    until(what, || done(&fake.record())).await;
}

#[test]
fn a_hint_that_takes_a_while_is_given_when_it_arrives_and_the_interview_goes_on() {
    let _devices = pulse();
    runtime().block_on(async {
        let (fake, r, release) = held_hint(false).await;
        r.commands
            .send(Command::Context("RUN: 2 of 3 passed".into()))
            .unwrap();
        recorded(&fake, "the run to reach the interviewer while the hint is written", |rec| {
            rec.items.iter().any(|i| i == "RUN: 2 of 3 passed")
        })
        .await;
        // The candidate goes on talking, and the interviewer answers, while the hint is written.
        speak(&r.candidate).await;
        r.seen
            .wait("a reply while the hint is written", |e| {
                matches!(e, LiveEvent::Partial { speaker: Speaker::Interviewer, .. })
            })
            .await;
        assert!(fake.record().tool_outputs.is_empty(), "no answer before the hint exists");

        // It arrives while that reply may still be under way: the hint's reply is asked for
        // when the server allows (the fake counts a second response at once as a violation).
        release.send(()).unwrap();
        r.seen
            .wait("the hint, given", |e| {
                matches!(e, LiveEvent::Line { speaker: Speaker::Interviewer, text, .. } if text.contains(HINT))
            })
            .await;
        r.commands.send(Command::End).unwrap();
        r.done.await.unwrap();
        let rec = fake.record();
        assert!(rec.violations.is_empty(), "{:#?}", rec.violations);
        assert_eq!(rec.tool_outputs.len(), 1);
        assert!(rec.tool_outputs[0].contains(HINT), "{:?}", rec.tool_outputs);
        let interviewer: Vec<String> = r
            .seen
            .lines()
            .into_iter()
            .filter(|(who, ..)| *who == Speaker::Interviewer)
            .map(|(_, text, _)| text)
            .collect();
        assert_eq!(
            interviewer,
            ["This is reply 1 number 1.".to_string(), format!("Here is a hint for you. {HINT}")],
            "the reply to the second turn, then the hint"
        );
    });
}

#[test]
fn a_hint_that_arrives_after_a_reconnection_is_told_as_context() {
    let _devices = pulse();
    runtime().block_on(async {
        let (fake, r, release) = held_hint(true).await;
        r.seen
            .wait("the reconnection", |e| {
                matches!(e, LiveEvent::Connection { state: LinkState::Live, detail } if detail.contains("Reconnected"))
            })
            .await;
        release.send(()).unwrap();
        recorded(&fake, "the hint, as context on the new connection", |rec| {
            rec.items
                .iter()
                .any(|i| i.contains("after the connection was renewed") && i.contains(HINT))
        })
        .await;
        r.commands.send(Command::End).unwrap();
        r.done.await.unwrap();
        let rec = fake.record();
        assert!(
            rec.violations.is_empty(),
            "no answer to a call the new connection never made: {:#?}",
            rec.violations
        );
        assert!(rec.tool_outputs.is_empty(), "{:?}", rec.tool_outputs);
        assert_eq!(rec.connections, 2);
    });
}

#[test]
fn after_a_hint_a_typed_message_is_answered() {
    let _devices = pulse();
    runtime().block_on(async {
        let (fake, r, release) = held_hint(false).await;
        release.send(()).unwrap();
        r.seen
            .wait("the hint, given", |e| {
                matches!(e, LiveEvent::Line { speaker: Speaker::Interviewer, text, .. } if text.contains(HINT))
            })
            .await;
        r.commands
            .send(Command::Say("What about duplicates?".into()))
            .unwrap();
        r.seen
            .wait("the typed message answered", |e| {
                matches!(e, LiveEvent::Line { speaker: Speaker::Interviewer, text, .. } if text.starts_with("This is reply"))
            })
            .await;
        r.commands.send(Command::End).unwrap();
        r.done.await.unwrap();
        let rec = fake.record();
        assert!(rec.violations.is_empty(), "{:#?}", rec.violations);
        assert_eq!(rec.tool_outputs.len(), 1);
    });
}
