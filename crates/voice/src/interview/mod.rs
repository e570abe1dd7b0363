//! A voice interview, end to end: the candidate's frames go through the echo gate (and mute,
//! push-to-talk) to the provider; the interviewer's audio goes to the playback queue; speech
//! over the interviewer stops it at once and truncates the reply at what was heard; lines are
//! handed to the [`Host`] (which stores them) as they complete; the interviewer's hint tool is
//! answered when the host has written the hint (and counted and shown it); code reaches the
//! interviewer at most every few seconds, run results at once; a dropped connection is retried
//! with backoff and resumed with a summary of the conversation; the host hears about levels,
//! speaking, latency and cost.

pub mod cost;
pub mod gate;
mod hints;
mod resume;
mod slow;
pub mod transcript;

use crate::audio::duplex::AudioEvent;
use crate::audio::playback::Playback;
use crate::interrupt::barge_in;
use crate::link::{Connection, Provider, Resume};
use crate::{pcm, Usage, VoiceError, VoiceEvent};
use cost::Prices;
use gate::{Gate, Pass, SpeakerMode};
use rehearse_core::session::Speaker;
use rehearse_core::ErrorCode;
use serde::Serialize;
use std::time::{Duration, Instant};
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};
use transcript::{Heard, Replies};
use ts_rs::TS;

pub use hints::HintFuture;

#[derive(Debug, Clone)]
pub struct Options {
    pub speaker_mode: SpeakerMode,
    pub push_to_talk: bool,
    /// The latest code reaches the interviewer at most this often.
    pub code_every: Duration,
    pub prices: Prices,
    /// Reconnection attempts after a drop, the first after `backoff`, each next twice later.
    pub retries: u32,
    pub backoff: Duration,
    /// Receives when each frame sent was captured (for the benchmark).
    pub frame_times: Option<std::sync::mpsc::Sender<Instant>>,
}

impl Options {
    pub fn new(prices: Prices) -> Options {
        Options {
            speaker_mode: SpeakerMode::Headphones,
            push_to_talk: false,
            code_every: Duration::from_secs(10),
            prices,
            retries: 5,
            backoff: Duration::from_millis(500),
            frame_times: None,
        }
    }
}

/// What the candidate (the UI, the terminal) asks of the interview.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Mute(bool),
    /// Push-to-talk on or off; with it on, only frames while talking are sent.
    PushToTalk(bool),
    Talk(bool),
    /// A typed message.
    Say(String),
    /// The candidate's code, already framed as data; sent rate-limited.
    Code(String),
    /// Something to tell the interviewer at once (a run's results, the time), framed.
    Context(String),
    End,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LinkState {
    Connecting,
    Live,
    Reconnecting,
    /// Every retry failed; typing is offered.
    Lost,
}

/// What the host shows, stores and prints.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LiveEvent {
    Connection {
        state: LinkState,
        detail: String,
    },
    Level {
        rms: f32,
    },
    /// The interviewer is (or stopped being) audible.
    Speaking {
        on: bool,
    },
    /// A line still being said or transcribed.
    Partial {
        speaker: Speaker,
        text: String,
    },
    /// A complete line, for the transcript.
    Line {
        speaker: Speaker,
        text: String,
        truncated: bool,
    },
    Interrupted {
        played_ms: u64,
    },
    /// End of the candidate's speech → first interviewer audio played.
    Latency {
        last_ms: u64,
        p50_ms: u64,
    },
    Cost {
        usage: Usage,
        usd: f64,
    },
    Hint {
        text: String,
    },
    OfferTyping {
        reason: String,
    },
    Notice {
        code: ErrorCode,
        message: String,
    },
}

/// The interview's owner: stores lines, counts hints, shows the rest.
pub trait Host: Send {
    fn event(&mut self, event: LiveEvent);
    /// The next hint, counted as used and shown to the candidate; Err with a sentence when
    /// there is none. The interview goes on while it is written.
    fn hint(&mut self) -> HintFuture;
}

/// How the interview went, when it ends.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    pub latency_p50_ms: Option<u64>,
    pub usage: Usage,
    pub usd: f64,
    pub reconnects: u32,
}

/// A frame at least this loud (RMS, full scale 1.0) holds the candidate's voice.
const VOICED: f32 = 0.02;

/// The interview's state between events.
struct Driver<'a> {
    provider: &'a dyn Provider,
    host: &'a mut dyn Host,
    playback: Playback,
    opts: Options,
    gate: Gate,
    replies: Replies,
    said: Vec<(Speaker, String)>,
    muted: bool,
    talking: bool,
    speaking: bool,
    code: Option<String>,
    code_sent: Instant,
    turn_end: Option<Instant>,
    latencies: Vec<(Instant, u64)>,
    slow: slow::SlowWatch,
    usage: Usage,
    reconnects: u32,
    /// The provider's handle to resume the session on a new connection.
    handle: Option<String>,
    /// When the candidate's voice was last sent, for providers that do not report the end
    /// of speech (the latency then runs from it).
    last_voice: Option<Instant>,
    /// Where hints the host has written arrive.
    hinted: UnboundedSender<hints::Hinted>,
    /// A hint is being written.
    hint_pending: bool,
}

/// Runs the interview until [`Command::End`] (or the commands' sender is dropped). Fails only
/// when the first connection cannot be made; later drops are retried.
pub async fn run(
    provider: &dyn Provider,
    host: &mut dyn Host,
    playback: Playback,
    mut audio: UnboundedReceiver<AudioEvent>,
    mut commands: UnboundedReceiver<Command>,
    opts: Options,
) -> Result<Outcome, VoiceError> {
    host.event(LiveEvent::Connection {
        state: LinkState::Connecting,
        detail: format!("Connecting to {}…", provider.name()),
    });
    let first = provider.connect(&Resume::default()).await?;
    let (hinted, mut hints) = unbounded_channel();
    let mut d = Driver {
        provider,
        host,
        playback,
        gate: Gate::new(opts.speaker_mode),
        talking: false,
        opts,
        replies: Replies::default(),
        said: Vec::new(),
        muted: false,
        speaking: false,
        code: None,
        code_sent: Instant::now() - Duration::from_secs(3600),
        turn_end: None,
        latencies: Vec::new(),
        slow: slow::SlowWatch::new(800, Duration::from_secs(30)),
        usage: Usage::default(),
        reconnects: 0,
        handle: None,
        last_voice: None,
        hinted,
        hint_pending: false,
    };
    d.live(0);
    let mut conn = Some(first);
    // Lines heard, the speaking indicator and rate-limited code: 20 ms (one frame) is soon
    // enough, and twice as cheap as 10.
    let mut tick = tokio::time::interval(Duration::from_millis(20));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            event = next_event(&mut conn) => match event {
                Some(VoiceEvent::Closed { reason }) => conn = d.reconnect(&reason, &mut commands).await,
                None => conn = d.reconnect("the connection ended", &mut commands).await,
                Some(VoiceEvent::GoAway { time_left }) => {
                    if let Some(next) = d.move_on(&time_left).await {
                        if let Some(old) = conn.replace(next) {
                            old.link.close();
                        }
                    }
                }
                Some(e) => d.on_event(e, conn.as_ref()),
            },
            a = audio.recv() => match a {
                Some(a) => d.on_audio(a, conn.as_ref()),
                None => d.host.event(LiveEvent::Notice {
                    code: ErrorCode::NoMicrophone,
                    message: "The audio stopped. You can go on by typing.".into(),
                }),
            },
            c = commands.recv() => match c {
                None | Some(Command::End) => break,
                Some(Command::Say(text)) if conn.is_none() => {
                    conn = d.retry_now().await;
                    d.on_command(Command::Say(text), conn.as_ref());
                }
                Some(c) => d.on_command(c, conn.as_ref()),
            },
            Some(h) = hints.recv() => d.hinted(h, conn.as_ref()),
            _ = tick.tick() => d.on_tick(conn.as_ref()),
        }
    }
    Ok(d.finish(conn))
}

async fn next_event(conn: &mut Option<Connection>) -> Option<VoiceEvent> {
    match conn {
        Some(c) => c.events.recv().await,
        None => std::future::pending().await,
    }
}

impl Driver<'_> {
    fn live(&mut self, attempt: u32) {
        let detail = if attempt == 0 {
            format!("Connected to {}.", self.provider.name())
        } else {
            format!(
                "Reconnected to {} (attempt {attempt}).",
                self.provider.name()
            )
        };
        self.host.event(LiveEvent::Connection {
            state: LinkState::Live,
            detail,
        });
    }

    fn line(&mut self, speaker: Speaker, heard: Heard) {
        self.said.push((speaker, heard.text.clone()));
        self.host.event(LiveEvent::Line {
            speaker,
            text: heard.text,
            truncated: heard.truncated,
        });
    }

    fn interrupt(&mut self, conn: Option<&Connection>) {
        let cut = self.playback.flush();
        let Some(conn) = conn else { return };
        if let Some(VoiceEvent::Interrupted { item_id, played_ms }) =
            barge_in(cut, conn.link.as_ref())
        {
            self.host.event(LiveEvent::Interrupted { played_ms });
            if let Some(h) = self.replies.cut(&item_id, played_ms) {
                self.line(Speaker::Interviewer, h);
            }
        }
    }

    fn on_event(&mut self, e: VoiceEvent, conn: Option<&Connection>) {
        match e {
            VoiceEvent::Ready => {}
            VoiceEvent::SpeechStarted => {
                self.turn_end = None;
                if self.playback.is_playing() {
                    self.interrupt(conn);
                }
            }
            VoiceEvent::SpeechStopped => {
                self.turn_end = Some(Instant::now());
                self.last_voice = None;
            }
            VoiceEvent::CandidateText { text, done, .. } => {
                if !done {
                    self.host.event(LiveEvent::Partial {
                        speaker: Speaker::Candidate,
                        text,
                    });
                } else if !text.trim().is_empty() {
                    let text = text.trim().to_string();
                    self.line(
                        Speaker::Candidate,
                        Heard {
                            text,
                            truncated: false,
                        },
                    );
                }
            }
            VoiceEvent::InterviewerAudio { item_id, samples } => {
                let ms = pcm::ms(samples.len(), self.provider.output_rate());
                if self.turn_end.is_none() {
                    self.turn_end = self
                        .last_voice
                        .take()
                        .filter(|t| t.elapsed() < Duration::from_secs(10));
                }
                if self.replies.audio(&item_id, ms) {
                    self.playback.play(&item_id, &samples);
                }
            }
            VoiceEvent::InterviewerText {
                item_id,
                text,
                done,
            } => {
                if let Some(text) = self.replies.text(&item_id, &text, done) {
                    self.host.event(LiveEvent::Partial {
                        speaker: Speaker::Interviewer,
                        text,
                    });
                }
            }
            VoiceEvent::ToolCall { call_id, name } => {
                if let Some(conn) = conn {
                    self.tool_call(call_id, name, conn);
                }
            }
            VoiceEvent::ResponseDone { usage, .. } => {
                self.usage.add(&usage);
                self.host.event(LiveEvent::Cost {
                    usage: self.usage.clone(),
                    usd: self.opts.prices.cost(&self.usage),
                });
            }
            VoiceEvent::Resumable { handle } => self.handle = Some(handle),
            VoiceEvent::RateLimits(limits) => {
                if let Some(l) = limits.iter().find(|l| l.remaining <= 0.0) {
                    self.host.event(LiveEvent::Notice {
                        code: ErrorCode::RateLimited,
                        message: format!(
                            "The provider's {} limit is used up; it resets in {:.0} s. The interviewer may not answer until then: keep going, or check your plan.",
                            l.name,
                            l.reset_seconds.ceil()
                        ),
                    });
                }
            }
            VoiceEvent::Interrupted { .. } | VoiceEvent::GoAway { .. } => {}
            VoiceEvent::ProviderError { code, message } => {
                tracing::warn!(%code, %message, "the voice provider reported an error");
                self.host.event(LiveEvent::Notice {
                    code: ErrorCode::ProviderError,
                    message: format!("The interviewer's provider reported: {message} ({code})"),
                });
            }
            VoiceEvent::Closed { .. } => {}
        }
    }

    fn on_audio(&mut self, a: AudioEvent, conn: Option<&Connection>) {
        match a {
            AudioEvent::Level(level) => self.host.event(LiveEvent::Level { rms: level }),
            AudioEvent::Frame(frame, at) => {
                let open = !self.muted && (!self.opts.push_to_talk || self.talking);
                // Frames that waited out a reconnect are stale: the moment has passed.
                if !open || at.elapsed() > Duration::from_millis(500) {
                    return;
                }
                let frames = match self.gate.pass(frame, self.playback.is_playing()) {
                    Pass::Hold => return,
                    Pass::Send(f) => f,
                    Pass::BargeIn(f) => {
                        self.interrupt(conn);
                        f
                    }
                };
                let Some(conn) = conn else { return };
                for f in frames {
                    if pcm::rms(&f) >= VOICED {
                        self.last_voice = Some(at);
                    }
                    conn.link.append(&f);
                }
                if let Some(times) = &self.opts.frame_times {
                    let _ = times.send(at);
                }
            }
            AudioEvent::Switched { reason, now_using } => self.host.event(LiveEvent::Notice {
                code: ErrorCode::MicrophoneSwitched,
                message: format!(
                    "The microphone stopped ({reason}); now using {now_using}. Choose another in Settings."
                ),
            }),
            AudioEvent::MicrophoneLost(reason) => self.host.event(LiveEvent::Notice {
                code: ErrorCode::NoMicrophone,
                message: format!(
                    "The microphone stopped ({reason}) and no other could be opened. Connect one, or go on by typing."
                ),
            }),
        }
    }

    fn on_command(&mut self, c: Command, conn: Option<&Connection>) {
        match c {
            Command::Mute(m) => self.muted = m,
            Command::PushToTalk(on) => self.opts.push_to_talk = on,
            Command::Talk(t) => {
                self.talking = t;
                if t && self.playback.is_playing() {
                    self.interrupt(conn);
                }
            }
            Command::Code(text) => self.code = Some(text),
            Command::Context(text) => {
                if let Some(c) = conn {
                    c.link.context(&text);
                }
            }
            Command::Say(text) => {
                let Some(c) = conn else {
                    return self.host.event(LiveEvent::Notice {
                        code: ErrorCode::VoiceClosed,
                        message: "The interviewer cannot be reached; your message was not sent. Check your network and try again.".into(),
                    });
                };
                if self.playback.is_playing() {
                    self.interrupt(conn);
                }
                c.link.say(&text);
                self.turn_end = Some(Instant::now());
                self.line(
                    Speaker::Candidate,
                    Heard {
                        text,
                        truncated: false,
                    },
                );
            }
            Command::End => {}
        }
    }

    fn on_tick(&mut self, conn: Option<&Connection>) {
        let playback = self.playback.clone();
        for h in self.replies.heard(|item| playback.played_ms(item)) {
            self.line(Speaker::Interviewer, h);
        }
        let playing = self.playback.is_playing();
        if playing != self.speaking {
            self.speaking = playing;
            self.host.event(LiveEvent::Speaking { on: playing });
        }
        if let (Some(end), Some((_, started))) = (self.turn_end, self.playback.last_started()) {
            if started > end {
                self.turn_end = None;
                self.last_voice = None;
                self.latency(started.duration_since(end).as_millis() as u64);
            }
        }
        if let (Some(c), true) = (conn, self.code_sent.elapsed() >= self.opts.code_every) {
            if let Some(code) = self.code.take() {
                c.link.context(&code);
                self.code_sent = Instant::now();
            }
        }
    }

    fn latency(&mut self, ms: u64) {
        let now = Instant::now();
        self.latencies.push((now, ms));
        let p50 = p50(&self.latencies);
        self.host.event(LiveEvent::Latency {
            last_ms: ms,
            p50_ms: p50.unwrap_or(ms),
        });
        if self.slow.reply(now, ms) {
            self.host.event(LiveEvent::OfferTyping {
                reason: "The interviewer has been slow to answer (a median over 800 ms) for 30 seconds. You can go on in text with the same transcript.".into(),
            });
        }
    }

    fn finish(mut self, conn: Option<Connection>) -> Outcome {
        let playback = self.playback.clone();
        for h in self.replies.close_all(|item| playback.played_ms(item)) {
            self.line(Speaker::Interviewer, h);
        }
        playback.flush();
        if let Some(c) = conn {
            c.link.close();
        }
        Outcome {
            latency_p50_ms: p50(&self.latencies),
            usd: self.opts.prices.cost(&self.usage),
            usage: self.usage,
            reconnects: self.reconnects,
        }
    }
}

fn p50(samples: &[(Instant, u64)]) -> Option<u64> {
    let mut v: Vec<u64> = samples.iter().map(|(_, ms)| *ms).collect();
    v.sort_unstable();
    v.get(v.len() / 2).copied()
}
