//! Whole voice interviews through the driver: speech played into the virtual microphone, a
//! fake Realtime server that listens for turns, the interviewer's voice on the virtual
//! speaker. Lines, hints, code context, a dropped connection and an interruption.

use crate::audio::pulse;
use rehearse_core::session::Speaker;
use rehearse_fakes::openai::{FakeOpenAi, Script, Turns};
use rehearse_fakes::speech::say;
use rehearse_voice::audio::duplex::{Devices, Duplex};
use rehearse_voice::interview::cost::Prices;
use rehearse_voice::interview::{
    self, Command, HintFuture, Host, LinkState, LiveEvent, Options, Outcome,
};
use rehearse_voice::link::Provider;
use rehearse_voice::openai::{OpenAi, RealtimeConfig, RATE};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::mpsc;

pub(crate) const KEY: &str = "sk-fake-interview-key";
use crate::MODEL;

#[derive(Clone, Default)]
pub(crate) struct Seen {
    pub(crate) events: Arc<Mutex<Vec<(Instant, LiveEvent)>>>,
    pub(crate) hints: Arc<Mutex<u32>>,
    /// When set, the next hint is written only once this is sent to (or dropped).
    pub(crate) hint_gate: Arc<Mutex<Option<tokio::sync::oneshot::Receiver<()>>>>,
}

impl Host for Seen {
    fn event(&mut self, e: LiveEvent) {
        self.events.lock().unwrap().push((Instant::now(), e));
    }

    fn hint(&mut self) -> HintFuture {
        *self.hints.lock().unwrap() += 1;
        let gate = self.hint_gate.lock().unwrap().take();
        Box::pin(async move {
            if let Some(gate) = gate {
                let _ = gate.await;
            }
            Ok("Try a hash map from value to index.".into())
        })
    }
}

impl Seen {
    pub(crate) fn lines(&self) -> Vec<(Speaker, String, bool)> {
        self.events
            .lock()
            .unwrap()
            .iter()
            .filter_map(|(_, e)| match e {
                LiveEvent::Line {
                    speaker,
                    text,
                    truncated,
                } => Some((*speaker, text.clone(), *truncated)),
                _ => None,
            })
            .collect()
    }

    pub(crate) fn any(&self, f: impl Fn(&LiveEvent) -> bool) -> bool {
        self.events.lock().unwrap().iter().any(|(_, e)| f(e))
    }

    pub(crate) async fn wait(&self, what: &str, f: impl Fn(&LiveEvent) -> bool) {
        let until = Instant::now() + Duration::from_secs(20);
        while !self.any(&f) {
            assert!(Instant::now() < until, "waited 20 s for {what}");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

pub(crate) fn provider(base_url: String) -> OpenAi {
    OpenAi {
        config: RealtimeConfig {
            heartbeat: Duration::from_secs(2),
            ..crate::config(base_url)
        },
        key: KEY.into(),
    }
}

/// Plays `wav` into the virtual microphone (returns when it has been played).
pub(crate) async fn speak(wav: &Path) {
    let wav = wav.to_path_buf();
    let ok = tokio::task::spawn_blocking(move || {
        std::process::Command::new("paplay")
            .args(["-d", "micsink"])
            .arg(&wav)
            .status()
            .is_ok_and(|s| s.success())
    })
    .await
    .unwrap();
    assert!(ok, "paplay");
}

pub(crate) struct Running {
    pub(crate) seen: Seen,
    pub(crate) commands: mpsc::UnboundedSender<Command>,
    pub(crate) done: tokio::task::JoinHandle<Outcome>,
    pub(crate) candidate: PathBuf,
    _dir: tempfile::TempDir,
}

pub(crate) async fn start(fake: &FakeOpenAi, opts: Options) -> Running {
    start_with(Box::new(provider(fake.base_url())), opts).await
}

/// Starts an interview with `p` on the default (virtual) devices; returns once it is live.
pub(crate) async fn start_with(p: Box<dyn Provider>, opts: Options) -> Running {
    let dir = tempfile::tempdir().unwrap();
    let (candidate, _) = say(
        dir.path(),
        "I would use a hash map to find the pair in one pass.",
        RATE,
    );
    let (audio_tx, audio) = mpsc::unbounded_channel();
    let (commands, commands_rx) = mpsc::unbounded_channel();
    let seen = Seen::default();
    let mut host = seen.clone();
    let done = tokio::spawn(async move {
        let duplex = Duplex::open(
            &Devices::default(),
            p.input_rate(),
            p.output_rate(),
            audio_tx,
        )
        .expect("devices");
        let out = interview::run(
            p.as_ref(),
            &mut host,
            duplex.playback.clone(),
            audio,
            commands_rx,
            opts,
        )
        .await
        .expect("the interview runs");
        drop(duplex);
        out
    });
    seen.wait("the connection", |e| {
        matches!(
            e,
            LiveEvent::Connection {
                state: LinkState::Live,
                ..
            }
        )
    })
    .await;
    Running {
        seen,
        commands,
        done,
        candidate,
        _dir: dir,
    }
}

pub(crate) fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

pub(crate) fn options() -> Options {
    Options {
        code_every: Duration::from_millis(800),
        backoff: Duration::from_millis(100),
        ..Options::new(Prices::OPENAI)
    }
}

#[test]
fn turns_hints_code_and_a_dropped_connection_leave_a_whole_transcript() {
    let _devices = pulse();
    runtime().block_on(turns_hints_code_and_a_dropped_connection_leave_a_whole_transcript_async());
}

async fn turns_hints_code_and_a_dropped_connection_leave_a_whole_transcript_async() {
    let dir = tempfile::tempdir().unwrap();
    let (_, voice) = say(dir.path(), "Sounds good. What is the complexity?", RATE);
    let fake = FakeOpenAi::start(Script {
        turns: Turns::Energy,
        speech: Some(Arc::new(voice)),
        drop_after_turn: Some(1),
        hint_on_turn: Some(2),
        ..Script::new(KEY, MODEL)
    })
    .await;
    let r = start(&fake, options()).await;
    r.commands.send(Command::Code("CODE-A".into())).unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    r.commands.send(Command::Code("CODE-B".into())).unwrap();
    r.commands.send(Command::Code("CODE-C".into())).unwrap();

    speak(&r.candidate).await;
    r.seen
        .wait("the reconnection", |e| {
            matches!(e, LiveEvent::Connection { state: LinkState::Live, detail } if detail.contains("Reconnected"))
        })
        .await;
    r.seen
        .wait("the first reply's line", |e| {
            matches!(
                e,
                LiveEvent::Line {
                    speaker: Speaker::Interviewer,
                    ..
                }
            )
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
    tokio::time::sleep(Duration::from_millis(200)).await;
    r.commands.send(Command::End).unwrap();
    let outcome = r.done.await.unwrap();

    let rec = fake.record();
    assert!(rec.violations.is_empty(), "{:#?}", rec.violations);
    assert_eq!(rec.connections, 2, "one drop, one reconnection");
    let lines = r.seen.lines();
    let expected = [
        (Speaker::Candidate, "Candidate turn 1.".to_string(), false),
        (
            Speaker::Interviewer,
            "This is reply 1 number 1.".into(),
            false,
        ),
        (Speaker::Candidate, "Candidate turn 2.".into(), false),
        (
            Speaker::Interviewer,
            "Here is a hint for you. Try a hash map from value to index.".into(),
            false,
        ),
    ];
    assert_eq!(lines, expected, "no gaps, no duplicates, in order");
    assert_eq!(
        *r.seen.hints.lock().unwrap(),
        1,
        "the hint was counted once"
    );
    assert_eq!(rec.tool_outputs.len(), 1);
    let resumed = &rec.instructions[1];
    assert!(
        resumed.contains("Candidate: Candidate turn 1.")
            && resumed.contains("Interviewer: This is reply 1 number 1."),
        "the second connection resumes with the conversation so far: {resumed}"
    );
    assert_eq!(
        rec.items
            .iter()
            .filter(|i| i.starts_with("CODE-"))
            .collect::<Vec<_>>(),
        ["CODE-A", "CODE-C"],
        "code is rate-limited and only the latest is sent"
    );
    assert!(rec.items.iter().any(|i| i == "RUN: 3 of 3 passed"));
    assert_eq!(outcome.reconnects, 1);
    assert!(outcome.latency_p50_ms.is_some(), "latency was measured");
    assert!(outcome.usd > 0.0, "cost from reported usage");
    assert!(r
        .seen
        .any(|e| matches!(e, LiveEvent::Speaking { on: true })));
    assert!(r
        .seen
        .any(|e| matches!(e, LiveEvent::Level { rms } if *rms > 0.02)));
}

#[test]
fn speaking_over_the_interviewer_stops_it_and_keeps_only_what_was_heard() {
    let _devices = pulse();
    runtime()
        .block_on(speaking_over_the_interviewer_stops_it_and_keeps_only_what_was_heard_async());
}

async fn speaking_over_the_interviewer_stops_it_and_keeps_only_what_was_heard_async() {
    let dir = tempfile::tempdir().unwrap();
    let (_, voice) = say(dir.path(), LONG_REPLY, RATE);
    let fake = FakeOpenAi::start(Script {
        turns: Turns::Energy,
        speech: Some(Arc::new(voice)),
        ..Script::new(KEY, MODEL)
    })
    .await;
    let r = start(&fake, options()).await;
    speak_over_the_interviewer(r).await;
    let rec = fake.record();
    assert!(rec.violations.is_empty(), "{:#?}", rec.violations);
    let t = rec.truncate.expect("a truncate");
    crate::heard_not_received(&t);
}

/// A long reply the candidate can speak over.
pub(crate) const LONG_REPLY: &str = "Before you code, let me describe the constraints of the input in some detail, including the size of the array, the range of the values, and whether duplicates can appear.";

/// The candidate answers, then speaks again 1.5 s into the interviewer's reply; the stored
/// interviewer line must be a cut prefix of the reply.
pub(crate) async fn speak_over_the_interviewer(r: Running) {
    speak(&r.candidate).await;
    r.seen
        .wait("the interviewer speaking", |e| {
            matches!(e, LiveEvent::Speaking { on: true })
        })
        .await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    speak(&r.candidate).await;
    r.seen
        .wait("the interruption", |e| {
            matches!(e, LiveEvent::Interrupted { .. })
        })
        .await;
    r.commands.send(Command::End).unwrap();
    r.done.await.unwrap();
    let cut = r
        .seen
        .lines()
        .into_iter()
        .find(|(s, _, _)| *s == Speaker::Interviewer)
        .expect("the interviewer's line");
    assert!(cut.2, "marked as cut short: {cut:?}");
    // How many words survive depends on how far the reply had streamed when it was cut (the
    // share heard of the audio received); what matters is a true, strict prefix.
    let kept = cut.1.strip_suffix('…').expect("ends in …").trim_end();
    let full = "This is reply 1 number 1.";
    assert!(
        !kept.is_empty() && full.starts_with(kept) && kept != full,
        "a strict prefix of the reply: {cut:?}"
    );
}

#[test]
fn running_out_of_rate_limit_is_said_and_the_interview_goes_on() {
    let _devices = pulse();
    runtime().block_on(async {
        let fake = FakeOpenAi::start(Script {
            turns: Turns::Energy,
            rate_limit_on_turn: Some(1),
            reply_ms: 800,
            ..Script::new(KEY, MODEL)
        })
        .await;
        let r = start(&fake, options()).await;
        speak(&r.candidate).await;
        r.seen
            .wait("the rate-limit notice", |e| {
                matches!(e, LiveEvent::Notice { code, .. } if *code == rehearse_core::ErrorCode::RateLimited)
            })
            .await;
        speak(&r.candidate).await;
        r.seen
            .wait("a reply on the next turn", |e| {
                matches!(e, LiveEvent::Line { speaker: Speaker::Interviewer, .. })
            })
            .await;
        r.commands.send(Command::End).unwrap();
        r.done.await.unwrap();
        assert!(fake.record().violations.is_empty());
        assert!(r.seen.any(|e| matches!(e, LiveEvent::Notice { code, message } if *code == rehearse_core::ErrorCode::ProviderError && message.contains("try again in 20s"))), "the provider's own words are shown");
        assert!(r.seen.any(|e| matches!(e, LiveEvent::Notice { message, .. } if message.contains("tokens limit is used up; it resets in 20 s"))));
    });
}

#[test]
fn a_provider_that_stays_down_is_told_and_typing_is_offered() {
    let _devices = pulse();
    runtime().block_on(async {
        let fake = FakeOpenAi::start(Script {
            turns: Turns::Energy,
            reply_ms: 400,
            drop_after_turn: Some(1),
            connections_allowed: Some(1),
            ..Script::new(KEY, MODEL)
        })
        .await;
        let r = start(
            &fake,
            Options {
                retries: 2,
                ..options()
            },
        )
        .await;
        speak(&r.candidate).await;
        r.seen
            .wait("the offer to go on in text", |e| {
                matches!(e, LiveEvent::OfferTyping { reason } if reason.contains("connection is lost"))
            })
            .await;
        r.commands.send(Command::End).unwrap();
        let outcome = r.done.await.unwrap();
        let rec = fake.record();
        assert!(rec.violations.is_empty(), "{:#?}", rec.violations);
        assert_eq!(rec.connections, 1, "the reconnections were refused");
        assert_eq!(outcome.reconnects, 0);
        assert!(r.seen.any(|e| matches!(
            e,
            LiveEvent::Connection { state: LinkState::Lost, detail } if detail.contains("after 2 attempts")
        )));
        assert!(
            r.seen.lines().iter().any(|(s, _, _)| *s == Speaker::Candidate),
            "what was said before the drop is kept"
        );
    });
}
