//! The fake realtime servers' conversation, whatever the wire: turn taking, replies, hints,
//! interruptions, drops. What happens is said as [`Out`] events, which each protocol's
//! module writes in its own words.

use crate::script::{Record, Script, Truncate, Turns};
use base64::Engine;
use serde_json::Value;
use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, watch};
use tokio_tungstenite::tungstenite::Message;

/// The interviewer's audio rate, for both protocols.
pub const RATE: u32 = 24_000;

/// Which protocol a connection speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    OpenAi,
    Gemini,
}

/// What happened in the conversation, for the client to hear.
pub(crate) enum Out<'a> {
    /// The candidate started speaking; `interrupting` a reply being streamed.
    SpeechStarted {
        ms: u64,
        item: &'a str,
        interrupting: bool,
    },
    SpeechStopped {
        ms: u64,
        item: &'a str,
    },
    /// The candidate's utterance, transcribed.
    Transcribed {
        item: &'a str,
        text: &'a str,
    },
    /// The interviewer calls the hint tool.
    ToolCall {
        call: &'a str,
        turn: u32,
    },
    ReplyStarted {
        item: &'a str,
    },
    Audio {
        item: &'a str,
        pcm: &'a [u8],
    },
    Words {
        item: &'a str,
        text: &'a str,
    },
    ReplyDone {
        item: &'a str,
        text: &'a str,
        completed: bool,
        turn: u32,
    },
    /// No reply this turn: the limits are used up.
    RateLimited,
    /// The server will close this connection soon (Gemini).
    GoAway,
}

/// What every task of one connection shares.
#[derive(Clone)]
pub(crate) struct Shared {
    pub rec: Arc<Mutex<Record>>,
    pub out: mpsc::UnboundedSender<Message>,
    pub dialect: Dialect,
    pub script: Script,
    /// 1 for the first connection.
    pub index: u32,
    /// Set to cut the connection without a close frame.
    pub cut: watch::Sender<bool>,
}

impl Shared {
    pub fn send(&self, v: Value) {
        let _ = self.out.send(Message::text(v.to_string()));
    }

    pub fn emit(&self, out: Out) {
        match self.dialect {
            Dialect::OpenAi => crate::openai::encode(self, out),
            Dialect::Gemini => crate::gemini::encode(self, out),
        }
    }

    pub fn violation(&self, what: String) {
        self.rec.lock().expect("record").violations.push(what);
    }

    pub fn record<T>(&self, f: impl FnOnce(&mut Record) -> T) -> T {
        f(&mut self.rec.lock().expect("record"))
    }
}

/// The reply being streamed.
struct Reply {
    item_id: String,
    first_audio: Arc<Mutex<Option<Instant>>>,
    sent_ms: Arc<Mutex<u64>>,
    cancel: Arc<AtomicBool>,
    /// The reply's turn is over (Gemini: its audio has had time to play).
    done: Arc<AtomicBool>,
}

pub(crate) struct Conn {
    pub shared: Shared,
    turn: u32,
    loud: u32,
    quiet: u32,
    speaking: bool,
    timed_done: bool,
    reply: Option<Reply>,
    replies: HashSet<String>,
    hint_call: Option<String>,
    /// The hint from the tool's output, until the reply that gives it.
    hint_output: Option<String>,
    /// The tool's output arrived.
    hint_answered: bool,
}

const LOUD: f64 = 650.0;

impl Conn {
    /// Turns are numbered across connections, as the conversation goes on.
    pub fn new(shared: Shared) -> Conn {
        let turn = shared.record(|r| r.candidate_said.len()) as u32;
        Conn {
            shared,
            turn,
            loud: 0,
            quiet: 0,
            speaking: false,
            timed_done: false,
            reply: None,
            replies: HashSet::new(),
            hint_call: None,
            hint_output: None,
            hint_answered: false,
        }
    }

    fn cand_item(&self) -> String {
        format!("item_cand_{}_{}", self.shared.index, self.turn + 1)
    }

    /// One 20 ms frame of the candidate's audio, already decoded and checked.
    pub fn append(&mut self, samples: &[i16]) {
        let ms = self.shared.record(|r| {
            r.appended_ms += 20;
            r.appends.push(Instant::now());
            r.appended_ms
        });
        match self.shared.script.turns {
            Turns::Timed(after) => {
                if !self.timed_done && !self.speaking && ms >= after {
                    self.started(ms);
                }
                if !self.timed_done && self.speaking && ms >= after + 600 {
                    self.timed_done = true;
                    self.stopped(ms);
                }
            }
            Turns::Energy => {
                let rms = (samples.iter().map(|&s| f64::from(s).powi(2)).sum::<f64>()
                    / samples.len() as f64)
                    .sqrt();
                if rms >= LOUD {
                    self.loud += 1;
                    self.quiet = 0;
                } else {
                    self.loud = 0;
                    self.quiet += 1;
                }
                if !self.speaking && self.loud >= 3 {
                    self.started(ms);
                } else if self.speaking && self.quiet >= 25 {
                    self.stopped(ms);
                }
            }
        }
    }

    fn started(&mut self, ms: u64) {
        self.speaking = true;
        // The real services cancel a reply the candidate speaks over.
        let interrupting = self.reply.as_ref().is_some_and(|r| {
            !r.done.load(Ordering::SeqCst) && !r.cancel.swap(true, Ordering::SeqCst)
        });
        let item = self.cand_item();
        self.shared.emit(Out::SpeechStarted {
            ms,
            item: &item,
            interrupting,
        });
        if interrupting {
            self.shared.record(|rec| rec.barge_ins.push(Instant::now()));
        }
    }

    fn stopped(&mut self, ms: u64) {
        self.speaking = false;
        let item = self.cand_item();
        self.turn += 1;
        let said = format!("Candidate turn {}.", self.turn);
        self.shared.emit(Out::SpeechStopped { ms, item: &item });
        self.shared.emit(Out::Transcribed {
            item: &item,
            text: &said,
        });
        self.shared.record(|r| r.candidate_said.push(said));
        if self.shared.script.rate_limit_on_turn == Some(self.turn) {
            self.shared.emit(Out::RateLimited);
        } else if self.shared.script.hint_on_turn == Some(self.turn) && self.hint_call.is_none() {
            self.call_hint();
        } else {
            self.start_reply();
        }
    }

    fn call_hint(&mut self) {
        let call = format!("call_{}_{}", self.shared.index, self.turn);
        self.shared.emit(Out::ToolCall {
            call: &call,
            turn: self.turn,
        });
        self.hint_call = Some(call);
        if self.shared.index == 1 && self.shared.script.drop_after_hint {
            let _ = self.shared.cut.send(true);
        }
    }

    fn start_reply(&mut self) {
        let n = self.replies.len() + 1;
        let item_id = format!("item_reply_{}_{n}", self.shared.index);
        let text = match self.hint_output.take() {
            Some(hint) => format!("Here is a hint for you. {hint}"),
            None => format!("This is reply {} number {n}.", self.shared.index),
        };
        let reply = Reply {
            item_id: item_id.clone(),
            first_audio: Arc::default(),
            sent_ms: Arc::default(),
            cancel: Arc::default(),
            done: Arc::default(),
        };
        self.replies.insert(item_id.clone());
        tokio::spawn(stream_reply(
            self.shared.clone(),
            Streamed {
                item_id,
                text,
                turn: self.turn,
                first_audio: reply.first_audio.clone(),
                sent_ms: reply.sent_ms.clone(),
                cancel: reply.cancel.clone(),
                done: reply.done.clone(),
            },
        ));
        self.reply = Some(reply);
    }

    /// `conversation.item.truncate` (OpenAI).
    pub fn truncate(&mut self, v: &Value) {
        let item = v["item_id"].as_str().unwrap_or_default().to_string();
        let Some(reply) = self.reply.as_ref().filter(|r| r.item_id == item) else {
            return self.shared.violation(format!(
                "a truncate of `{item}`, which is not the reply being played"
            ));
        };
        if v["content_index"] != 0 {
            self.shared
                .violation("a truncate without content_index 0".into());
        }
        let since = reply
            .first_audio
            .lock()
            .expect("clock")
            .map_or(0, |t| t.elapsed().as_millis() as u64);
        let sent = *reply.sent_ms.lock().expect("sent");
        match v["audio_end_ms"].as_u64() {
            Some(end) if end <= sent => {
                let t = Truncate {
                    item_id: item,
                    audio_end_ms: end,
                    since_first_audio_ms: since,
                    sent_ms: sent,
                };
                self.shared.record(|r| {
                    r.truncate = Some(t.clone());
                    r.truncates.push(t);
                });
            }
            other => self.shared.violation(format!(
                "a truncate with audio_end_ms {other:?} beyond the {sent} ms sent"
            )),
        }
    }

    /// The answer to the hint tool: `output` is the JSON text of the result.
    pub fn tool_output(&mut self, call: &str, output: Option<String>) {
        match (&self.hint_call, output) {
            (Some(expected), Some(out)) if expected == call && !self.hint_answered => {
                self.hint_answered = true;
                self.hint_output = serde_json::from_str::<Value>(&out)
                    .ok()
                    .and_then(|o| o["hint"].as_str().map(str::to_string));
                self.shared.record(|r| r.tool_outputs.push(out));
            }
            _ => self.shared.violation(format!(
                "a tool result for `{call}`, which was not called, was answered already, or has no output"
            )),
        }
    }

    /// Text the client added to the conversation (context or a typed message).
    pub fn message(&mut self, text: &str) {
        let text = text.to_string();
        self.shared.record(|r| r.items.push(text));
    }

    /// A reply is asked for: after a tool output, the one that gives the hint; otherwise an
    /// answer to a typed message.
    pub fn respond(&mut self) {
        if self.hint_call.is_some() && !self.hint_answered {
            return self
                .shared
                .violation("a reply asked for before the tool's output".into());
        }
        self.start_reply();
    }

    /// A reply is being streamed (or, for Gemini, still has time to play).
    pub fn replying(&self) -> bool {
        self.reply
            .as_ref()
            .is_some_and(|r| !r.done.load(Ordering::SeqCst) && !r.cancel.load(Ordering::SeqCst))
    }

    pub fn cancel(&mut self) {
        if let Some(r) = &self.reply {
            r.cancel.store(true, Ordering::SeqCst);
        }
    }
}

/// One 20 ms PCM16 frame at `rate` from base64, or a violation.
pub(crate) fn frame(s: &Shared, audio: &str, rate: u32) -> Option<Vec<i16>> {
    let expected = (rate as usize / 50) * 2;
    match base64::engine::general_purpose::STANDARD.decode(audio) {
        Ok(bytes) if bytes.len() == expected => Some(crate::speech::samples(&bytes)),
        Ok(bytes) => {
            s.violation(format!(
                "audio of {} bytes (20 ms of {rate} Hz PCM16 is {expected})",
                bytes.len()
            ));
            None
        }
        Err(_) => {
            s.violation("audio that is not base64".into());
            None
        }
    }
}

/// The reply's audio: the script's speech, or a 440 Hz tone of `reply_ms`.
fn voice(script: &Script) -> Arc<Vec<i16>> {
    script.speech.clone().unwrap_or_else(|| {
        let n = (script.reply_ms * u64::from(RATE) / 1000) as usize;
        Arc::new(
            (0..n)
                .map(|i| {
                    let t = i as f64 / f64::from(RATE);
                    ((t * 440.0 * std::f64::consts::TAU).sin() * 8000.0) as i16
                })
                .collect(),
        )
    })
}

/// A reply being streamed, and what the conversation watches of it.
struct Streamed {
    item_id: String,
    text: String,
    turn: u32,
    first_audio: Arc<Mutex<Option<Instant>>>,
    sent_ms: Arc<Mutex<u64>>,
    cancel: Arc<AtomicBool>,
    done: Arc<AtomicBool>,
}

/// Streams a reply in 100 ms pieces at twice real time, the transcript's words spread over
/// it; stops when cancelled; (Gemini) ends the turn only once the audio has had time to
/// play; cuts the connection or says `goAway` afterwards when scripted.
async fn stream_reply(s: Shared, r: Streamed) {
    let item = r.item_id.as_str();
    s.emit(Out::ReplyStarted { item });
    let audio = voice(&s.script);
    let chunk = (RATE / 10) as usize;
    let words: Vec<&str> = r.text.split_inclusive(' ').collect();
    let chunks = audio.len().div_ceil(chunk).max(1);
    let started = Instant::now();
    let mut scripted_barge_in = false;
    let barge_in = |s: &Shared| {
        let cand = format!("item_cand_{}_x", s.index);
        r.cancel.store(true, Ordering::SeqCst);
        s.emit(Out::SpeechStarted {
            ms: 0,
            item: &cand,
            interrupting: true,
        });
        s.record(|rec| rec.barge_ins.push(Instant::now()));
    };
    for (n, piece) in audio.chunks(chunk).enumerate() {
        if r.cancel.load(Ordering::SeqCst) {
            break;
        }
        let bytes: Vec<u8> = piece.iter().flat_map(|x| x.to_le_bytes()).collect();
        if n == 0 {
            *r.first_audio.lock().expect("clock") = Some(Instant::now());
            s.record(|rec| rec.first_audio.push((r.item_id.clone(), Instant::now())));
        }
        s.emit(Out::Audio { item, pcm: &bytes });
        for w in &words[n * words.len() / chunks..(n + 1) * words.len() / chunks] {
            s.emit(Out::Words { item, text: w });
        }
        *r.sent_ms.lock().expect("sent") += (piece.len() * 1000 / RATE as usize) as u64;
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        if let Some(at) = s.script.interrupt_after_ms {
            if !scripted_barge_in && started.elapsed() >= Duration::from_millis(at) {
                scripted_barge_in = true;
                barge_in(&s);
            }
        }
    }
    if let Some(at) = s.script.interrupt_after_ms.filter(|_| !scripted_barge_in) {
        tokio::time::sleep(Duration::from_millis(at).saturating_sub(started.elapsed())).await;
        barge_in(&s);
    }
    if s.dialect == Dialect::Gemini {
        let playing = Duration::from_millis(*r.sent_ms.lock().expect("sent"));
        while started.elapsed() < playing && !r.cancel.load(Ordering::SeqCst) {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
    let completed = !r.cancel.load(Ordering::SeqCst);
    if completed {
        s.record(|rec| rec.interviewer_said.push(r.text.clone()));
    }
    // Done before the client hears so: it may ask for the next reply at once.
    r.done.store(true, Ordering::SeqCst);
    s.emit(Out::ReplyDone {
        item,
        text: &r.text,
        completed,
        turn: r.turn,
    });
    if s.index == 1 && s.script.drop_after_turn == Some(r.turn) {
        // Let the reply reach the client, then cut the connection as a network would.
        tokio::time::sleep(Duration::from_millis(300)).await;
        let _ = s.cut.send(true);
    }
    if s.index == 1 && s.script.go_away_after_turn == Some(r.turn) {
        s.record(|rec| rec.go_aways += 1);
        s.emit(Out::GoAway);
        tokio::time::sleep(Duration::from_secs(2)).await;
        let _ = s.cut.send(true);
    }
}
