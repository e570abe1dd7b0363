//! Speakers instead of headphones: a PulseAudio loopback carries what the virtual speaker
//! plays back into the virtual microphone at a quarter of its level, as a room would. With
//! headphones mode that echo reaches the provider and cuts the interviewer off (the control:
//! the echo is real); with speakers mode the gate keeps it out, and the candidate speaking up
//! over the interviewer still interrupts it.

use crate::audio::pulse;
use crate::interview::{options, runtime, speak, start, Running, KEY};
use crate::MODEL;
use rehearse_core::session::Speaker;
use rehearse_fakes::openai::{FakeOpenAi, Script, Turns};
use rehearse_voice::interview::gate::SpeakerMode;
use rehearse_voice::interview::{Command, LiveEvent, Options};
use std::process::Command as Cmd;
use std::time::Duration;

/// The loopback module, unloaded when dropped (also when a test fails).
struct Echo(String);

fn loopback_inputs() -> Vec<String> {
    let out = Cmd::new("pactl")
        .args(["list", "short", "sink-inputs"])
        .output()
        .expect("pactl");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.contains("module-loopback"))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}

impl Echo {
    fn on() -> Echo {
        let before = loopback_inputs();
        let out = Cmd::new("pactl")
            .args([
                "load-module",
                "module-loopback",
                "source=spk.monitor",
                "sink=micsink",
                "latency_msec=20",
                "source_dont_move=true",
                "sink_dont_move=true",
            ])
            .output()
            .expect("pactl");
        assert!(out.status.success(), "module-loopback loads: {out:?}");
        let echo = Echo(String::from_utf8_lossy(&out.stdout).trim().to_string());
        let input = loopback_inputs()
            .into_iter()
            .find(|i| !before.contains(i))
            .expect("the loopback's sink input");
        let quieter = Cmd::new("pactl")
            .args(["set-sink-input-volume", &input, "0.25"])
            .status()
            .expect("pactl");
        assert!(quieter.success());
        echo
    }
}

impl Drop for Echo {
    fn drop(&mut self) {
        let _ = Cmd::new("pactl").args(["unload-module", &self.0]).status();
    }
}

fn speakers(mode: SpeakerMode) -> Options {
    Options {
        speaker_mode: mode,
        ..options()
    }
}

/// Waits until the interviewer has started speaking `times` times.
async fn interviewer_speaking(r: &Running, times: usize) {
    let until = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        let n = r
            .seen
            .events
            .lock()
            .unwrap()
            .iter()
            .filter(|(_, e)| matches!(e, LiveEvent::Speaking { on: true }))
            .count();
        if n >= times {
            return;
        }
        assert!(
            std::time::Instant::now() < until,
            "waited 20 s for the interviewer to speak"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn script() -> Script {
    Script {
        turns: Turns::Energy,
        reply_ms: 3000,
        ..Script::new(KEY, MODEL)
    }
}

#[test]
fn with_headphones_mode_the_echo_of_speakers_cuts_the_interviewer_off() {
    let _devices = pulse();
    let _echo = Echo::on();
    runtime().block_on(async {
        let fake = FakeOpenAi::start(script()).await;
        let r = start(&fake, speakers(SpeakerMode::Headphones)).await;
        speak(&r.candidate).await;
        r.seen
            .wait("the echo taken for the candidate", |e| {
                matches!(e, LiveEvent::Interrupted { .. })
            })
            .await;
        r.commands.send(Command::End).unwrap();
        r.done.await.unwrap();
        assert!(!fake.record().barge_ins.is_empty());
    });
}

#[test]
fn with_speakers_mode_the_echo_is_kept_out_and_speaking_up_still_interrupts() {
    let _devices = pulse();
    let _echo = Echo::on();
    runtime().block_on(async {
        let fake = FakeOpenAi::start(script()).await;
        let r = start(&fake, speakers(SpeakerMode::Speakers)).await;
        speak(&r.candidate).await;
        interviewer_speaking(&r, 1).await;
        r.seen
            .wait("the first reply heard to the end", |e| {
                matches!(
                    e,
                    LiveEvent::Line {
                        speaker: Speaker::Interviewer,
                        ..
                    }
                )
            })
            .await;
        assert!(
            !r.seen.any(|e| matches!(e, LiveEvent::Interrupted { .. })),
            "the echo did not interrupt"
        );
        assert!(
            fake.record().barge_ins.is_empty(),
            "nor reached the provider as speech"
        );

        speak(&r.candidate).await;
        interviewer_speaking(&r, 2).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        speak(&r.candidate).await;
        r.seen
            .wait("the candidate's interruption", |e| {
                matches!(e, LiveEvent::Interrupted { .. })
            })
            .await;
        r.commands.send(Command::End).unwrap();
        r.done.await.unwrap();
        let rec = fake.record();
        assert!(rec.violations.is_empty(), "{:#?}", rec.violations);
        let lines = r.seen.lines();
        assert_eq!(
            lines[..3],
            [
                (Speaker::Candidate, "Candidate turn 1.".to_string(), false),
                (
                    Speaker::Interviewer,
                    "This is reply 1 number 1.".into(),
                    false
                ),
                (Speaker::Candidate, "Candidate turn 2.".into(), false),
            ],
            "{lines:#?}"
        );
        assert!(
            lines
                .iter()
                .any(|(s, t, cut)| *s == Speaker::Interviewer && *cut && t.ends_with('…')),
            "the second reply cut where the candidate spoke: {lines:#?}"
        );
    });
}
