//! The local voice pipeline's speed (`cargo xtask bench voice`), on the headless sound server
//! with a fake Realtime server in the same process (on its own runtime, whose threads are not
//! counted): a microphone frame complete → its append on the wire; the first audio delta of a
//! reply sent → handed to the audio output; the candidate's speech reported over a reply →
//! playback flushed; and the CPU the pipeline uses over 60 s. The provider's own latency is
//! not ours and is not in these figures.

use rehearse_fakes::openai::{FakeOpenAi, Script, Turns};
use rehearse_voice::audio::duplex::{Devices, Duplex};
use rehearse_voice::interview::cost::Prices;
use rehearse_voice::interview::{self, Command, HintFuture, Host, LiveEvent, Options};
use rehearse_voice::openai::{OpenAi, RealtimeConfig, TurnDetection, HEARTBEAT, RATE};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::mpsc;

const KEY: &str = "sk-bench";
const MODEL: &str = "gpt-realtime";

#[derive(Clone, Default)]
struct Times {
    interrupted: Arc<Mutex<Vec<Instant>>>,
}

impl Host for Times {
    fn event(&mut self, e: LiveEvent) {
        if let LiveEvent::Interrupted { .. } = e {
            self.interrupted.lock().unwrap().push(Instant::now());
        }
    }

    fn hint(&mut self) -> HintFuture {
        Box::pin(std::future::ready(Err("no hints in the benchmark".into())))
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn line(label: &str, target: &str, mut v: Vec<f64>) {
    assert!(!v.is_empty(), "no samples for {label}");
    v.sort_by(f64::total_cmp);
    let at = |q: f64| v[((v.len() as f64 * q) as usize).min(v.len() - 1)];
    println!(
        "{label:<48} n={:<5} p50 {:>6.1} ms  p95 {:>6.1} ms  max {:>6.1} ms  (target {target})",
        v.len(),
        at(0.5),
        at(0.95),
        at(1.0)
    );
}

/// CPU seconds (user + system) of this process, and of the fake server's threads.
fn cpu() -> (f64, f64) {
    let seconds = |stat: &str| -> f64 {
        let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
        let f: Vec<&str> = rest.split_whitespace().collect();
        let field = |i: usize| f.get(i).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0);
        (field(11) + field(12)) / 100.0
    };
    let total = seconds(&std::fs::read_to_string("/proc/self/stat").unwrap());
    let mut fake = 0.0;
    for t in std::fs::read_dir("/proc/self/task").unwrap().flatten() {
        let comm = std::fs::read_to_string(t.path().join("comm")).unwrap_or_default();
        if comm.starts_with("fake-") {
            fake += seconds(&std::fs::read_to_string(t.path().join("stat")).unwrap_or_default());
        }
    }
    (total, fake)
}

struct Run {
    frames: Vec<Instant>,
    fake: FakeOpenAi,
    first_played: Vec<(String, Instant)>,
    interrupted: Vec<Instant>,
    cpu_s: f64,
    wall_s: f64,
}

/// Holds an interview for `secs` with a typed message every `every` (each answered with a
/// 1.5 s reply), optionally interrupted `interrupt_ms` into each reply.
fn session(
    fake_rt: &tokio::runtime::Runtime,
    secs: u64,
    every: Duration,
    interrupt_ms: Option<u64>,
) -> Run {
    let fake = fake_rt.block_on(FakeOpenAi::start(Script {
        turns: Turns::Energy,
        reply_ms: 1500,
        interrupt_after_ms: interrupt_ms,
        ..Script::new(KEY, MODEL)
    }));
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let provider = OpenAi {
        config: RealtimeConfig {
            base_url: fake.base_url(),
            model: MODEL.into(),
            instructions: "You are an interviewer.".into(),
            voice: "marin".into(),
            transcription_model: "gpt-4o-mini-transcribe".into(),
            turn_detection: TurnDetection::default(),
            heartbeat: HEARTBEAT,
        },
        key: KEY.into(),
    };
    let (frame_tx, frame_rx) = std::sync::mpsc::channel();
    let mut host = Times::default();
    let interrupted = host.interrupted.clone();
    let first_played = Arc::new(Mutex::new(Vec::<(String, Instant)>::new()));
    let seen = first_played.clone();
    let (cpu_s, wall_s) = rt.block_on(async move {
        let (audio_tx, audio) = mpsc::unbounded_channel();
        let duplex = Duplex::open(&Devices::default(), RATE, RATE, audio_tx).expect("devices");
        let playback = duplex.playback.clone();
        let watch = playback.clone();
        let watcher = tokio::spawn(async move {
            let mut last: Option<String> = None;
            loop {
                if let Some((item, at)) = watch.last_started() {
                    if last.as_ref() != Some(&item) {
                        seen.lock().unwrap().push((item.clone(), at));
                        last = Some(item);
                    }
                }
                // The playback stamps when each item started; looking now and then is enough
                // (replies are 2.5 s apart) and keeps the watcher out of the CPU figure.
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        });
        let (commands, commands_rx) = mpsc::unbounded_channel();
        let opts = Options {
            frame_times: Some(frame_tx),
            ..Options::new(Prices::OPENAI)
        };
        let driver = tokio::spawn(async move {
            interview::run(&provider, &mut host, playback, audio, commands_rx, opts).await
        });
        tokio::time::sleep(Duration::from_secs(1)).await;
        let (cpu0, fake0) = cpu();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(secs) {
            commands
                .send(Command::Say("Next question, please.".into()))
                .unwrap();
            tokio::time::sleep(every).await;
        }
        let (cpu1, fake1) = cpu();
        let wall = start.elapsed().as_secs_f64();
        watcher.abort();
        commands.send(Command::End).unwrap();
        driver.await.unwrap().expect("the interview ran");
        drop(duplex);
        ((cpu1 - cpu0) - (fake1 - fake0), wall)
    });
    let frames = frame_rx.try_iter().collect();
    let first_played = first_played.lock().unwrap().clone();
    let interrupted = interrupted.lock().unwrap().clone();
    Run {
        frames,
        fake,
        first_played,
        interrupted,
        cpu_s,
        wall_s,
    }
}

fn main() {
    assert!(
        std::env::var_os("PULSE_SERVER").is_some(),
        "run through `cargo xtask bench voice` (it starts the headless sound server)"
    );
    let fake_rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .thread_name("fake-server")
        .enable_all()
        .build()
        .unwrap();

    // Replies every 2.5 s, heard to the end; the microphone streams all along.
    let r = session(&fake_rt, 60, Duration::from_millis(2500), None);
    let rec = r.fake.record();
    assert!(rec.violations.is_empty(), "{:#?}", rec.violations);
    // Appends arrive in the order frames were sent; the last ones sent may still be in flight.
    let wire: Vec<f64> = r
        .frames
        .iter()
        .zip(&rec.appends)
        .map(|(sent, arrived)| ms(arrived.saturating_duration_since(*sent)))
        .collect();
    let audible: Vec<f64> = rec
        .first_audio
        .iter()
        .filter_map(|(item, sent)| {
            let played = r.first_played.iter().find(|(i, _)| i == item)?;
            Some(ms(played.1.saturating_duration_since(*sent)))
        })
        .collect();
    line("mic frame complete → append on the wire", "≤ 30 ms", wire);
    line(
        "first audio delta sent → handed to the output",
        "≤ 60 ms",
        audible,
    );
    println!(
        "{:<48} {:.2} % of one core over {:.0} s (target ≤ 5 %)",
        "CPU of the pipeline (fake server excluded)",
        100.0 * r.cpu_s / r.wall_s,
        r.wall_s
    );

    // Replies interrupted 600 ms in.
    let r = session(&fake_rt, 30, Duration::from_millis(2500), Some(600));
    let rec = r.fake.record();
    assert!(rec.violations.is_empty(), "{:#?}", rec.violations);
    let stopped: Vec<f64> = rec
        .barge_ins
        .iter()
        .filter_map(|sent| {
            let at = r.interrupted.iter().find(|t| *t >= sent)?;
            Some(ms(at.duration_since(*sent)))
        })
        .collect();
    line(
        "speech over a reply reported → playback flushed",
        "≤ 50 ms",
        stopped,
    );
}
