//! A fake OpenAI Realtime server (GA protocol). Scripted: after `speech_after_ms` of the
//! candidate's audio it reports speech, then a finished turn with its transcription, then
//! streams a reply (a tone, faster than real time, as the real service does); optionally it
//! reports the candidate speaking again `interrupt_after_ms` into the reply and expects a
//! `conversation.item.truncate`.

use base64::Engine;
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::net::TcpListener;
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::handshake::server::{ErrorResponse, Request, Response};
use tokio_tungstenite::tungstenite::Message;

pub const RATE: u32 = 24_000;
const FRAME_BYTES: usize = (RATE as usize / 50) * 2;
const REPLY_ITEM: &str = "item_reply_1";

#[derive(Debug, Clone)]
pub struct Script {
    pub key: String,
    pub model: String,
    pub speech_after_ms: u64,
    pub reply_ms: u64,
    pub interrupt_after_ms: Option<u64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Truncate {
    pub item_id: String,
    pub audio_end_ms: u64,
    /// From sending the reply's first audio to receiving the truncate.
    pub since_first_audio_ms: u64,
    /// How much reply audio had been sent by then.
    pub sent_ms: u64,
}

impl Truncate {
    /// The most the candidate can have heard: the time the reply has been playing, or all of
    /// the audio sent when it ran out first.
    pub fn audible_ms(&self) -> u64 {
        self.since_first_audio_ms.min(self.sent_ms)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Record {
    /// Every protocol rule a client message broke, in words.
    pub violations: Vec<String>,
    /// The `type` of every client event, in order.
    pub events: Vec<String>,
    pub session: Option<Value>,
    pub appended_ms: u64,
    pub truncate: Option<Truncate>,
    /// Texts of `conversation.item.create` messages.
    pub items: Vec<String>,
    pub connections: u32,
}

pub struct FakeOpenAi {
    pub port: u16,
    record: Arc<Mutex<Record>>,
}

impl FakeOpenAi {
    pub async fn start(script: Script) -> FakeOpenAi {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let record = Arc::new(Mutex::new(Record::default()));
        let rec = record.clone();
        tokio::spawn(async move {
            while let Ok((tcp, _)) = listener.accept().await {
                tokio::spawn(serve(tcp, script.clone(), rec.clone()));
            }
        });
        FakeOpenAi { port, record }
    }

    /// The API base URL a client is configured with.
    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}/v1", self.port)
    }

    pub fn record(&self) -> Record {
        self.record.lock().expect("record").clone()
    }
}

fn violation(rec: &Arc<Mutex<Record>>, what: String) {
    rec.lock().expect("record").violations.push(what);
}

// The handshake callback's error type is tungstenite's, large or not.
#[allow(clippy::result_large_err)]
async fn serve(tcp: tokio::net::TcpStream, script: Script, rec: Arc<Mutex<Record>>) {
    let expected_auth = format!("Bearer {}", script.key);
    let model = script.model.clone();
    let check = |req: &Request, resp: Response| -> Result<Response, ErrorResponse> {
        let path_ok = req.uri().path() == "/v1/realtime"
            && req.uri().query() == Some(format!("model={model}").as_str());
        let auth_ok = req
            .headers()
            .get("authorization")
            .is_some_and(|v| v.as_bytes() == expected_auth.as_bytes());
        if path_ok && auth_ok {
            Ok(resp)
        } else {
            let mut refused = ErrorResponse::new(Some("refused".into()));
            *refused.status_mut() = if auth_ok { 404 } else { 401 }.try_into().expect("status");
            Err(refused)
        }
    };
    let _ = tcp.set_nodelay(true);
    let Ok(socket) = tokio_tungstenite::accept_hdr_async(tcp, check).await else {
        return;
    };
    rec.lock().expect("record").connections += 1;
    let (mut sink, mut stream) = socket.split();
    let (out, mut outgoing) = mpsc::unbounded_channel::<Value>();
    tokio::spawn(async move {
        while let Some(v) = outgoing.recv().await {
            if sink.send(Message::text(v.to_string())).await.is_err() {
                break;
            }
        }
    });
    let send = move |v: Value| {
        let _ = out.send(v);
    };
    send(
        json!({"type": "session.created", "event_id": "evt_0", "session": {"type": "realtime", "object": "realtime.session", "id": "sess_fake"}}),
    );
    let first_audio: Arc<Mutex<Option<Instant>>> = Arc::default();
    let sent_ms: Arc<Mutex<u64>> = Arc::default();
    let mut heard = false;
    let mut replied = false;
    while let Some(Ok(msg)) = stream.next().await {
        let Message::Text(text) = msg else {
            if !matches!(msg, Message::Close(_) | Message::Ping(_) | Message::Pong(_)) {
                violation(
                    &rec,
                    "a binary message (client events are JSON text)".into(),
                );
            }
            continue;
        };
        let Ok(v) = serde_json::from_str::<Value>(&text) else {
            violation(&rec, format!("not JSON: {text:.80}"));
            continue;
        };
        let kind = v["type"].as_str().unwrap_or_default().to_string();
        rec.lock().expect("record").events.push(kind.clone());
        match kind.as_str() {
            "session.update" => {
                check_session(&v, &rec);
                rec.lock().expect("record").session = Some(v["session"].clone());
                send(
                    json!({"type": "session.updated", "event_id": "evt_1", "session": v["session"]}),
                );
            }
            "input_audio_buffer.append" => {
                let audio = v["audio"].as_str().unwrap_or_default();
                match base64::engine::general_purpose::STANDARD.decode(audio) {
                    Ok(bytes) if bytes.len() == FRAME_BYTES => {}
                    Ok(bytes) => violation(
                        &rec,
                        format!(
                            "an append of {} bytes (20 ms of 24 kHz PCM16 is {FRAME_BYTES})",
                            bytes.len()
                        ),
                    ),
                    Err(_) => violation(&rec, "an append whose audio is not base64".into()),
                }
                let ms = {
                    let mut r = rec.lock().expect("record");
                    r.appended_ms += 20;
                    r.appended_ms
                };
                if !heard && ms >= script.speech_after_ms {
                    heard = true;
                    send(
                        json!({"type": "input_audio_buffer.speech_started", "audio_start_ms": ms, "item_id": "item_cand_1"}),
                    );
                }
                if heard && !replied && ms >= script.speech_after_ms + 600 {
                    replied = true;
                    send(
                        json!({"type": "input_audio_buffer.speech_stopped", "audio_end_ms": ms, "item_id": "item_cand_1"}),
                    );
                    send(
                        json!({"type": "conversation.item.input_audio_transcription.completed", "item_id": "item_cand_1", "content_index": 0, "transcript": "Can I assume the input is sorted?"}),
                    );
                    tokio::spawn(reply(
                        script.clone(),
                        send.clone(),
                        first_audio.clone(),
                        sent_ms.clone(),
                    ));
                }
            }
            "conversation.item.truncate" => {
                let since = first_audio
                    .lock()
                    .expect("clock")
                    .map_or(0, |t| t.elapsed().as_millis() as u64);
                let item = v["item_id"].as_str().unwrap_or_default().to_string();
                if item != REPLY_ITEM {
                    violation(
                        &rec,
                        format!("a truncate of `{item}`, which is not the reply being played"),
                    );
                }
                if v["content_index"] != 0 {
                    violation(&rec, "a truncate without content_index 0".into());
                }
                match v["audio_end_ms"].as_u64() {
                    Some(end) if end <= script.reply_ms => {
                        rec.lock().expect("record").truncate = Some(Truncate {
                            item_id: item,
                            audio_end_ms: end,
                            since_first_audio_ms: since,
                            sent_ms: *sent_ms.lock().expect("sent"),
                        });
                    }
                    other => violation(
                        &rec,
                        format!(
                            "a truncate with audio_end_ms {other:?} beyond the {} ms sent",
                            script.reply_ms
                        ),
                    ),
                }
            }
            "conversation.item.create" => {
                let item = &v["item"];
                let ok = item["type"] == "message"
                    && ["user", "system", "assistant"]
                        .contains(&item["role"].as_str().unwrap_or_default())
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
                    rec.lock().expect("record").items.push(text);
                } else {
                    violation(
                        &rec,
                        format!("a malformed conversation.item.create: {item}"),
                    );
                }
            }
            "response.create"
            | "response.cancel"
            | "input_audio_buffer.commit"
            | "input_audio_buffer.clear" => {}
            other => violation(&rec, format!("an unknown client event `{other}`")),
        }
    }
}

fn check_session(v: &Value, rec: &Arc<Mutex<Record>>) {
    let s = &v["session"];
    let pcm = json!({"type": "audio/pcm", "rate": RATE});
    let mut bad = Vec::new();
    if s["type"] != "realtime" {
        bad.push("session.type must be \"realtime\"");
    }
    if s["instructions"]
        .as_str()
        .is_none_or(|i| i.trim().is_empty())
    {
        bad.push("instructions are missing");
    }
    if s["audio"]["input"]["format"] != pcm || s["audio"]["output"]["format"] != pcm {
        bad.push("audio formats must be audio/pcm at 24000 Hz");
    }
    if s["audio"]["input"]["transcription"]["model"]
        .as_str()
        .is_none_or(str::is_empty)
    {
        bad.push("input transcription needs a model");
    }
    let turn = &s["audio"]["input"]["turn_detection"];
    match turn["type"].as_str() {
        Some("semantic_vad")
            if ["low", "medium", "high", "auto"]
                .contains(&turn["eagerness"].as_str().unwrap_or_default()) => {}
        Some("server_vad") if turn["silence_duration_ms"].is_u64() => {}
        _ => bad.push("turn_detection must be semantic_vad (with eagerness) or server_vad"),
    }
    for b in bad {
        violation(rec, format!("session.update: {b}"));
    }
}

/// Streams the reply: created, audio in 100 ms deltas at twice real time with transcript
/// deltas, and (when scripted) the candidate speaking again part-way.
async fn reply(
    script: Script,
    send: impl Fn(Value),
    first_audio: Arc<Mutex<Option<Instant>>>,
    sent_ms: Arc<Mutex<u64>>,
) {
    send(
        json!({"type": "response.created", "response": {"id": "resp_1", "status": "in_progress"}}),
    );
    send(
        json!({"type": "response.output_item.added", "response_id": "resp_1", "output_index": 0, "item": {"id": REPLY_ITEM, "type": "message", "role": "assistant"}}),
    );
    let chunk = (RATE / 10) as usize;
    let mut sent = 0u64;
    let mut n = 0usize;
    let words = ["Yes, ", "you ", "can ", "assume ", "it ", "is ", "sorted."];
    let started = Instant::now();
    let mut interrupted = false;
    while sent < script.reply_ms {
        let samples: Vec<u8> = (0..chunk)
            .flat_map(|i| {
                let t = (n * chunk + i) as f64 / f64::from(RATE);
                (((t * 440.0 * std::f64::consts::TAU).sin() * 8000.0) as i16).to_le_bytes()
            })
            .collect();
        if sent == 0 {
            *first_audio.lock().expect("clock") = Some(Instant::now());
        }
        send(
            json!({"type": "response.output_audio.delta", "response_id": "resp_1", "item_id": REPLY_ITEM, "output_index": 0, "content_index": 0, "delta": base64::engine::general_purpose::STANDARD.encode(samples)}),
        );
        if let Some(w) = words.get(n) {
            send(
                json!({"type": "response.output_audio_transcript.delta", "response_id": "resp_1", "item_id": REPLY_ITEM, "output_index": 0, "content_index": 0, "delta": w}),
            );
        }
        sent += 100;
        *sent_ms.lock().expect("sent") = sent;
        n += 1;
        tokio::time::sleep(Duration::from_millis(50)).await;
        if let Some(at) = script.interrupt_after_ms {
            let since = first_audio
                .lock()
                .expect("clock")
                .map_or(0, |t| t.elapsed().as_millis() as u64);
            if !interrupted && since >= at {
                interrupted = true;
                send(
                    json!({"type": "input_audio_buffer.speech_started", "audio_start_ms": 0, "item_id": "item_cand_2"}),
                );
            }
        }
    }
    if let Some(at) = script.interrupt_after_ms.filter(|_| !interrupted) {
        let wait = at.saturating_sub(started.elapsed().as_millis() as u64);
        tokio::time::sleep(Duration::from_millis(wait)).await;
        send(
            json!({"type": "input_audio_buffer.speech_started", "audio_start_ms": 0, "item_id": "item_cand_2"}),
        );
    }
    send(
        json!({"type": "response.output_audio.done", "response_id": "resp_1", "item_id": REPLY_ITEM, "output_index": 0, "content_index": 0}),
    );
    send(
        json!({"type": "response.output_audio_transcript.done", "response_id": "resp_1", "item_id": REPLY_ITEM, "output_index": 0, "content_index": 0, "transcript": words.concat()}),
    );
    send(
        json!({"type": "response.done", "response": {"id": "resp_1", "status": "completed", "usage": {"total_tokens": 180, "input_tokens": 120, "output_tokens": 60, "input_token_details": {"audio_tokens": 100, "text_tokens": 20}, "output_token_details": {"audio_tokens": 50, "text_tokens": 10}}}}),
    );
    send(
        json!({"type": "rate_limits.updated", "rate_limits": [{"name": "requests", "limit": 1000, "remaining": 999, "reset_seconds": 0.06}]}),
    );
}
