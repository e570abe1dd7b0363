//! Real audio through the headless PulseAudio that `cargo xtask test` starts: espeak-ng speech
//! played into the virtual microphone is captured, and what the speaker plays is recorded from
//! its monitor; both must keep the source's energy envelope (correlation ≥ 0.9).

use rehearse_core::error::Coded;
use rehearse_fakes::speech::{best_correlation, envelope, samples, say};
use rehearse_voice::audio::capture::{CaptureOptions, MicEvent, Microphone};
use rehearse_voice::audio::playback::Speaker;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RATE: u32 = 24_000;

/// One audio test at a time: they share the virtual devices.
pub fn pulse() -> std::sync::MutexGuard<'static, ()> {
    static DEVICES: std::sync::Mutex<()> = std::sync::Mutex::new(());
    assert!(
        std::env::var_os("PULSE_SERVER").is_some(),
        "the audio tests need the headless sound server `cargo xtask test` starts"
    );
    DEVICES.lock().unwrap_or_else(|p| p.into_inner())
}

/// The sentence the audio tests speak.
fn speech(dir: &Path) -> (std::path::PathBuf, Vec<i16>) {
    say(
        dir,
        "Tell me about your approach. What is the time complexity of this solution?",
        RATE,
    )
}

fn capture(native_format: bool) {
    let _devices = pulse();
    let dir = tempfile::tempdir().expect("temp");
    let (wav, reference) = speech(dir.path());
    let (tx, rx) = std::sync::mpsc::channel();
    let mic = Microphone::open(
        &CaptureOptions {
            device: None,
            rate: RATE,
            native_format,
        },
        tx,
    )
    .expect("the virtual microphone opens");
    if native_format {
        assert!(
            mic.device_rate != RATE && mic.device_channels > 1,
            "the device's own format is {} Hz × {}: nothing to downmix or resample",
            mic.device_rate,
            mic.device_channels
        );
    }
    std::thread::sleep(Duration::from_millis(300));
    let ok = Command::new("paplay")
        .args(["-d", "micsink", &*wav.to_string_lossy()])
        .status()
        .expect("paplay")
        .success();
    assert!(ok);
    let until = Instant::now() + Duration::from_millis(700);
    let (mut got, mut levels) = (Vec::new(), Vec::new());
    while Instant::now() < until {
        match rx.recv_timeout(Duration::from_millis(100)) {
            Ok(MicEvent::Frame(f)) => {
                assert_eq!(f.len(), 480, "20 ms at 24 kHz");
                got.extend(f);
            }
            Ok(MicEvent::Level(l)) => levels.push(l),
            Ok(MicEvent::Lost(e)) => panic!("the microphone was lost: {e}"),
            Err(_) => {}
        }
    }
    // Drain what arrived meanwhile.
    while let Ok(e) = rx.try_recv() {
        if let MicEvent::Frame(f) = e {
            got.extend(f);
        }
    }
    drop(mic);
    let r = best_correlation(&reference, &got);
    eprintln!("captured (native format: {native_format}): correlation {r:.3}");
    assert!(
        r >= 0.9,
        "captured speech correlates {r:.3} with the source ({} samples)",
        got.len()
    );
    let per_second = levels.len() as f64 / (got.len() as f64 / f64::from(RATE));
    assert!(
        (15.0..=25.0).contains(&per_second),
        "{per_second:.1} level events a second"
    );
    assert!(
        levels.iter().any(|&l| l > 0.02),
        "the meter moved: {levels:?}"
    );
}

#[test]
fn speech_from_the_microphone_arrives_as_24_khz_frames() {
    capture(false);
}

#[test]
fn a_device_at_its_own_rate_and_channels_is_downmixed_and_resampled() {
    capture(true);
}

#[test]
fn the_interviewer_is_heard_on_the_speaker_and_a_flush_stops_it() {
    let _devices = pulse();
    let dir = tempfile::tempdir().expect("temp");
    let (_, reference) = speech(dir.path());
    let recording = dir.path().join("played.raw");
    let mut rec = Command::new("parecord")
        .args([
            "--raw",
            "-d",
            "spk.monitor",
            "--rate=24000",
            "--channels=1",
            "--format=s16le",
            "--latency-msec=20",
        ])
        .arg(&recording)
        .stdout(Stdio::null())
        .spawn()
        .expect("parecord");
    let speaker = Speaker::open(None, RATE).expect("the virtual speaker opens");
    std::thread::sleep(Duration::from_millis(300));
    speaker.play("item_1", &reference);
    let length = Duration::from_millis(reference.len() as u64 * 1000 / u64::from(RATE));
    std::thread::sleep(length);
    let limit = std::time::Instant::now() + Duration::from_secs(10);
    while speaker.is_playing() {
        assert!(
            std::time::Instant::now() < limit,
            "still playing 10 s after its length"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(
        speaker
            .played_ms("item_1")
            .map(|ms| ms.abs_diff(length.as_millis() as u64) < 20),
        Some(true)
    );

    // Again, cut after about one second: what was played, never more than the time since.
    let queued = std::time::Instant::now();
    speaker.play("item_2", &reference);
    std::thread::sleep(Duration::from_millis(1000));
    let cut = speaker.flush().expect("it was playing");
    let since = queued.elapsed().as_millis() as u64;
    assert_eq!(cut.item_id, "item_2");
    assert!(
        cut.played_ms > 0 && cut.played_ms <= since + 20,
        "heard {} ms in {since} ms",
        cut.played_ms
    );
    std::thread::sleep(Duration::from_millis(500));
    drop(speaker);
    let _ = rec.kill();
    let _ = rec.wait();
    let played = samples(&std::fs::read(&recording).expect("recording"));
    let env = envelope(&played);
    let r = best_correlation(&reference, &played);
    eprintln!("played: correlation {r:.3}, cut after {} ms", cut.played_ms);
    assert!(r >= 0.9, "played speech correlates {r:.3} with the source");
    // After the flush the speaker is silent: the recording ends in ~0.5 s of silence.
    let tail = &env[env.len().saturating_sub(20)..];
    assert!(
        tail.iter().all(|&e| e < 50.0),
        "silence after the flush: {tail:?}"
    );
}

#[test]
fn no_device_is_a_clear_error() {
    let e = Speaker::open(Some("no-such-device"), RATE)
        .err()
        .expect("refused");
    assert_eq!(e.code(), "no_speaker");
    let (tx, _rx) = std::sync::mpsc::channel();
    let e = Microphone::open(
        &CaptureOptions {
            device: Some("no-such-device".into()),
            rate: RATE,
            native_format: false,
        },
        tx,
    )
    .err()
    .expect("refused");
    assert_eq!(e.code(), "no_microphone");
    assert!(e.to_string().contains("Settings"), "{e}");
}

/// A spare virtual microphone, made the default while it lives; the real one is the default
/// again when it is dropped.
struct SpareMic(String);

impl SpareMic {
    fn plug_in() -> SpareMic {
        let out = Command::new("pactl")
            .args([
                "load-module",
                "module-null-sink",
                "sink_name=sparemic",
                "rate=48000",
                "channels=2",
            ])
            .output()
            .expect("pactl");
        assert!(out.status.success(), "{out:?}");
        let spare = SpareMic(String::from_utf8_lossy(&out.stdout).trim().to_string());
        let default = Command::new("pactl")
            .args(["set-default-source", "sparemic.monitor"])
            .status()
            .expect("pactl");
        assert!(default.success());
        spare
    }

    fn unplug(&self) {
        let _ = Command::new("pactl")
            .args(["unload-module", &self.0])
            .status();
    }
}

impl Drop for SpareMic {
    fn drop(&mut self) {
        self.unplug();
        let _ = Command::new("pactl")
            .args(["set-default-source", "micsink.monitor"])
            .status();
    }
}

/// Under PulseAudio (and PipeWire) the sound server itself moves a stream whose source
/// vanished to the default source, without an error reaching the app: capture must go on, now
/// hearing the default microphone. (Backends that do report the loss get the app's own
/// fallback: `Switched`, said in words.)
#[test]
fn a_microphone_unplugged_mid_interview_keeps_capturing_from_the_default() {
    use rehearse_voice::audio::duplex::{AudioEvent, Devices, Duplex};
    let _devices = pulse();
    let dir = tempfile::tempdir().expect("temp");
    let (wav, _) = speech(dir.path());
    let spare = SpareMic::plug_in();
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let duplex = Duplex::open(&Devices::default(), RATE, RATE, tx).expect("devices");
    let mut wait = |what: &str, f: &dyn Fn(&AudioEvent) -> bool| {
        let until = Instant::now() + Duration::from_secs(8);
        loop {
            match rx.try_recv() {
                Ok(e) if f(&e) => return e,
                Ok(_) => {}
                Err(_) if Instant::now() < until => std::thread::sleep(Duration::from_millis(10)),
                Err(_) => panic!("waited 8 s for {what}"),
            }
        }
    };
    wait("frames from the spare microphone", &|e| {
        matches!(e, AudioEvent::Frame(..))
    });
    let _ = Command::new("pactl")
        .args(["set-default-source", "micsink.monitor"])
        .status();
    spare.unplug();
    let speaking = Command::new("paplay")
        .args(["-d", "micsink"])
        .arg(&wav)
        .spawn()
        .expect("paplay");
    let heard = wait("speech from the default microphone", &|e| {
        matches!(e, AudioEvent::Level(l) if *l > 0.02) || matches!(e, AudioEvent::MicrophoneLost(_))
    });
    assert!(matches!(heard, AudioEvent::Level(_)), "{heard:?}");
    let _ = speaking.wait_with_output();
    drop(duplex);
}
