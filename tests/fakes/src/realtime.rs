//! The fake Realtime server's conversation: message checks, turn taking, and replies.

use crate::openai::{Record, Script, Truncate, Turns, FRAME_BYTES, RATE};
use base64::Engine;
use serde_json::{json, Value};
use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, watch};

/// What every task of one connection shares.
#[derive(Clone)]
pub(crate) struct Shared {
    pub rec: Arc<Mutex<Record>>,
    pub out: mpsc::UnboundedSender<Value>,
    pub script: Script,
    /// 1 for the first connection.
    pub index: u32,
    /// Set to cut the connection without a close frame.
    pub cut: watch::Sender<bool>,
}

impl Shared {
    pub fn send(&self, v: Value) {
        let _ = self.out.send(v);
    }

    pub fn violation(&self, what: String) {
        self.rec.lock().expect("record").violations.push(what);
    }

    fn record<T>(&self, f: impl FnOnce(&mut Record) -> T) -> T {
        f(&mut self.rec.lock().expect("record"))
    }
}

/// The reply being streamed.
struct Reply {
    item_id: String,
    first_audio: Arc<Mutex<Option<Instant>>>,
    sent_ms: Arc<Mutex<u64>>,
    cancel: Arc<AtomicBool>,
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
    hint_output: Option<String>,
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
        }
    }

    fn cand_item(&self) -> String {
        format!("item_cand_{}_{}", self.shared.index, self.turn + 1)
    }

    pub fn append(&mut self, v: &Value) {
        let audio = v["audio"].as_str().unwrap_or_default();
        let samples = match base64::engine::general_purpose::STANDARD.decode(audio) {
            Ok(bytes) if bytes.len() == FRAME_BYTES => crate::speech::samples(&bytes),
            Ok(bytes) => {
                return self.shared.violation(format!(
                    "an append of {} bytes (20 ms of 24 kHz PCM16 is {FRAME_BYTES})",
                    bytes.len()
                ))
            }
            Err(_) => {
                return self
                    .shared
                    .violation("an append whose audio is not base64".into())
            }
        };
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
        self.shared.send(json!({"type": "input_audio_buffer.speech_started", "audio_start_ms": ms, "item_id": self.cand_item()}));
        // The real service cancels a reply the candidate speaks over (interrupt_response).
        if let Some(r) = &self.reply {
            if !r.cancel.swap(true, Ordering::SeqCst) {
                self.shared.record(|rec| rec.barge_ins.push(Instant::now()));
            }
        }
    }

    fn stopped(&mut self, ms: u64) {
        self.speaking = false;
        let item = self.cand_item();
        self.turn += 1;
        let said = format!("Candidate turn {}.", self.turn);
        self.shared.send(json!({"type": "input_audio_buffer.speech_stopped", "audio_end_ms": ms, "item_id": item}));
        self.shared.send(json!({"type": "conversation.item.input_audio_transcription.completed", "item_id": item, "content_index": 0, "transcript": said}));
        self.shared.record(|r| r.candidate_said.push(said));
        if self.shared.script.hint_on_turn == Some(self.turn) && self.hint_call.is_none() {
            self.call_hint();
        } else {
            self.start_reply();
        }
    }

    fn call_hint(&mut self) {
        let call = format!("call_{}_{}", self.shared.index, self.turn);
        let resp = format!("resp_tool_{}", self.turn);
        self.shared.send(
            json!({"type": "response.created", "response": {"id": resp, "status": "in_progress"}}),
        );
        self.shared.send(json!({"type": "response.output_item.added", "response_id": resp, "output_index": 0, "item": {"id": format!("item_{call}"), "type": "function_call", "call_id": call, "name": "reveal_hint", "arguments": ""}}));
        self.shared.send(json!({"type": "response.function_call_arguments.done", "response_id": resp, "item_id": format!("item_{call}"), "output_index": 0, "call_id": call, "name": "reveal_hint", "arguments": "{}"}));
        self.shared.send(json!({"type": "response.done", "response": {"id": resp, "status": "completed", "usage": usage()}}));
        self.hint_call = Some(call);
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
        };
        self.replies.insert(item_id.clone());
        tokio::spawn(stream_reply(
            self.shared.clone(),
            item_id,
            text,
            self.turn,
            reply.first_audio.clone(),
            reply.sent_ms.clone(),
            reply.cancel.clone(),
        ));
        self.reply = Some(reply);
    }

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

    pub fn item(&mut self, v: &Value) {
        let item = &v["item"];
        if item["type"] == "function_call_output" {
            let call = item["call_id"].as_str().unwrap_or_default();
            let output = item["output"].as_str();
            match (&self.hint_call, output) {
                (Some(expected), Some(out)) if expected == call => {
                    self.hint_output = serde_json::from_str::<Value>(out)
                        .ok()
                        .and_then(|o| o["hint"].as_str().map(str::to_string));
                    let out = out.to_string();
                    self.shared.record(|r| r.tool_outputs.push(out));
                }
                _ => self.shared.violation(format!(
                    "a function_call_output for `{call}` that was not called, or without a string output"
                )),
            }
            return;
        }
        let ok = item["type"] == "message"
            && ["user", "system", "assistant"].contains(&item["role"].as_str().unwrap_or_default())
            && item["content"].as_array().is_some_and(|c| {
                !c.is_empty()
                    && c.iter()
                        .all(|p| p["type"] == "input_text" && p["text"].is_string())
            });
        if ok {
            let text = item["content"][0]["text"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            self.shared.record(|r| r.items.push(text));
        } else {
            self.shared
                .violation(format!("a malformed conversation.item.create: {item}"));
        }
    }

    /// `response.create`: after a tool output, the reply that gives the hint; otherwise an
    /// answer to a typed message.
    pub fn respond(&mut self) {
        if self.hint_call.is_some() && self.hint_output.is_none() {
            return self
                .shared
                .violation("response.create before the tool's output".into());
        }
        self.start_reply();
    }

    pub fn cancel(&mut self) {
        if let Some(r) = &self.reply {
            r.cancel.store(true, Ordering::SeqCst);
        }
    }
}

fn usage() -> Value {
    json!({"total_tokens": 180, "input_tokens": 120, "output_tokens": 60, "input_token_details": {"audio_tokens": 100, "text_tokens": 20}, "output_token_details": {"audio_tokens": 50, "text_tokens": 10}})
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

/// Streams a reply in 100 ms deltas at twice real time, the transcript's words spread over
/// it; stops when cancelled; cuts the connection afterwards when scripted.
async fn stream_reply(
    s: Shared,
    item_id: String,
    text: String,
    turn: u32,
    first_audio: Arc<Mutex<Option<Instant>>>,
    sent_ms: Arc<Mutex<u64>>,
    cancel: Arc<AtomicBool>,
) {
    let resp = format!("resp_{item_id}");
    s.send(json!({"type": "response.created", "response": {"id": resp, "status": "in_progress"}}));
    s.send(json!({"type": "response.output_item.added", "response_id": resp, "output_index": 0, "item": {"id": item_id, "type": "message", "role": "assistant"}}));
    let audio = voice(&s.script);
    let chunk = (RATE / 10) as usize;
    let words: Vec<&str> = text.split_inclusive(' ').collect();
    let chunks = audio.len().div_ceil(chunk).max(1);
    let started = Instant::now();
    let mut scripted_barge_in = false;
    let mut status = "completed";
    for (n, piece) in audio.chunks(chunk).enumerate() {
        if cancel.load(Ordering::SeqCst) {
            status = "cancelled";
            break;
        }
        let bytes: Vec<u8> = piece.iter().flat_map(|x| x.to_le_bytes()).collect();
        if n == 0 {
            *first_audio.lock().expect("clock") = Some(Instant::now());
            s.record(|r| r.first_audio.push((item_id.clone(), Instant::now())));
        }
        s.send(json!({"type": "response.output_audio.delta", "response_id": resp, "item_id": item_id, "output_index": 0, "content_index": 0, "delta": base64::engine::general_purpose::STANDARD.encode(bytes)}));
        for w in &words[n * words.len() / chunks..(n + 1) * words.len() / chunks] {
            s.send(json!({"type": "response.output_audio_transcript.delta", "response_id": resp, "item_id": item_id, "output_index": 0, "content_index": 0, "delta": w}));
        }
        *sent_ms.lock().expect("sent") += (piece.len() * 1000 / RATE as usize) as u64;
        tokio::time::sleep(Duration::from_millis(50)).await;
        if let Some(at) = s.script.interrupt_after_ms {
            if !scripted_barge_in && started.elapsed() >= Duration::from_millis(at) {
                scripted_barge_in = true;
                s.send(json!({"type": "input_audio_buffer.speech_started", "audio_start_ms": 0, "item_id": format!("item_cand_{}_x", s.index)}));
                s.record(|r| r.barge_ins.push(Instant::now()));
            }
        }
    }
    if let Some(at) = s.script.interrupt_after_ms.filter(|_| !scripted_barge_in) {
        tokio::time::sleep(Duration::from_millis(at).saturating_sub(started.elapsed())).await;
        s.send(json!({"type": "input_audio_buffer.speech_started", "audio_start_ms": 0, "item_id": format!("item_cand_{}_x", s.index)}));
        s.record(|r| r.barge_ins.push(Instant::now()));
    }
    if status == "completed" {
        s.send(json!({"type": "response.output_audio.done", "response_id": resp, "item_id": item_id, "output_index": 0, "content_index": 0}));
        s.send(json!({"type": "response.output_audio_transcript.done", "response_id": resp, "item_id": item_id, "output_index": 0, "content_index": 0, "transcript": text}));
        s.record(|r| r.interviewer_said.push(text.clone()));
    }
    s.send(json!({"type": "response.done", "response": {"id": resp, "status": status, "usage": usage()}}));
    s.send(json!({"type": "rate_limits.updated", "rate_limits": [{"name": "requests", "limit": 1000, "remaining": 999, "reset_seconds": 0.06}]}));
    if s.index == 1 && s.script.drop_after_turn == Some(turn) {
        // Let the reply reach the client, then cut the connection as a network would.
        tokio::time::sleep(Duration::from_millis(300)).await;
        let _ = s.cut.send(true);
    }
}

pub(crate) fn check_session(v: &Value, s: &Shared) {
    let session = &v["session"];
    let pcm = json!({"type": "audio/pcm", "rate": RATE});
    let mut bad = Vec::new();
    if session["type"] != "realtime" {
        bad.push("session.type must be \"realtime\"");
    }
    if session["instructions"]
        .as_str()
        .is_none_or(|i| i.trim().is_empty())
    {
        bad.push("instructions are missing");
    }
    if session["audio"]["input"]["format"] != pcm || session["audio"]["output"]["format"] != pcm {
        bad.push("audio formats must be audio/pcm at 24000 Hz");
    }
    if session["audio"]["input"]["transcription"]["model"]
        .as_str()
        .is_none_or(str::is_empty)
    {
        bad.push("input transcription needs a model");
    }
    let turn = &session["audio"]["input"]["turn_detection"];
    match turn["type"].as_str() {
        Some("semantic_vad")
            if ["low", "medium", "high", "auto"]
                .contains(&turn["eagerness"].as_str().unwrap_or_default()) => {}
        Some("server_vad") if turn["silence_duration_ms"].is_u64() => {}
        _ => bad.push("turn_detection must be semantic_vad (with eagerness) or server_vad"),
    }
    let tools_ok = session["tools"].as_array().is_some_and(|tools| {
        tools.iter().all(|t| {
            t["type"] == "function"
                && t["name"].as_str().is_some_and(|n| !n.is_empty())
                && t["parameters"]["type"] == "object"
        })
    });
    if !session["tools"].is_null() && !tools_ok {
        bad.push("tools must be functions with a name and object parameters");
    }
    for b in bad {
        s.violation(format!("session.update: {b}"));
    }
}
