//! Gemini Live over a WebSocket: a `setup` with the model, audio responses, the interviewer's
//! instructions, the hint tool, input and output transcription, voice activity detection
//! tuned for a candidate who pauses to think, session resumption and context window
//! compression (audio sessions past 15 minutes need it); the candidate's audio as
//! `realtimeInput` at 16 kHz; the interviewer's as `serverContent` audio at 24 kHz.
//!
//! Gemini has no item ids: this client numbers the candidate's utterances and the
//! interviewer's replies itself, unique across connections. It has no truncation either: on
//! `interrupted` the server stops, and the driver cuts the stored line at what was heard.
//! Context sent while the interviewer speaks would interrupt it, so it waits for the turn to
//! complete. `goAway` and `sessionResumptionUpdate` become [`VoiceEvent::GoAway`] and
//! [`VoiceEvent::Resumable`]; the driver moves to a new connection with the handle.

use crate::link::{
    Connecting, Connection, Link, Provider, Resume, HINT_TOOL, HINT_TOOL_DESCRIPTION,
};
use crate::openai::with_summary;
use crate::socket::{self, Socket};
use crate::{pcm, Usage, VoiceError, VoiceEvent};
use serde_json::{json, Value};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::tungstenite::Message;

/// The candidate's audio rate Gemini Live takes.
pub const INPUT_RATE: u32 = 16_000;
/// The rate of the interviewer's audio.
pub const OUTPUT_RATE: u32 = 24_000;
/// Compression starts at this many tokens of conversation (about 20 minutes of two-way
/// audio), keeping the most recent half.
pub const COMPRESSION_TRIGGER_TOKENS: u64 = 64_000;
/// How long the setup may take by default.
pub const SETUP_TIMEOUT: Duration = Duration::from_secs(10);
/// The Live API's WebSocket path under the base URL.
pub const LIVE_PATH: &str =
    "/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent";

#[derive(Debug, Clone)]
pub struct LiveConfig {
    /// The API base, e.g. `https://generativelanguage.googleapis.com` or `http://127.0.0.1:9001`.
    pub base_url: String,
    /// Without the `models/` prefix.
    pub model: String,
    pub instructions: String,
    pub voice: String,
    /// Context compression starts when the conversation reaches this many tokens.
    pub compression_trigger_tokens: u64,
    pub heartbeat: Duration,
    /// How long the setup may take before the connection counts as failed.
    pub setup_timeout: Duration,
}

/// `ws(s)://…/ws/…BidiGenerateContent` from the API base URL. The key goes in a header,
/// never in the address (which may end up in logs).
pub fn live_url(base_url: &str) -> Result<String, VoiceError> {
    Ok(format!("{}{LIVE_PATH}", socket::ws_base(base_url)?))
}

/// The `setup` message; a resumed session carries its handle (the server restores the
/// conversation), a fresh one after a drop carries the summary in its instructions.
pub fn setup(cfg: &LiveConfig, resume: &Resume) -> Value {
    let instructions = match resume.handle {
        Some(_) => cfg.instructions.clone(),
        None => with_summary(&cfg.instructions, resume),
    };
    let resumption = match &resume.handle {
        Some(handle) => json!({ "handle": handle }),
        None => json!({}),
    };
    json!({
        "setup": {
            "model": format!("models/{}", cfg.model),
            "generationConfig": {
                "responseModalities": ["AUDIO"],
                "speechConfig": {"voiceConfig": {"prebuiltVoiceConfig": {"voiceName": cfg.voice}}},
            },
            "systemInstruction": {"parts": [{"text": instructions}]},
            "tools": [{"functionDeclarations": [{"name": HINT_TOOL, "description": HINT_TOOL_DESCRIPTION}]}],
            "realtimeInputConfig": {
                "automaticActivityDetection": {
                    "startOfSpeechSensitivity": "START_SENSITIVITY_LOW",
                    "endOfSpeechSensitivity": "END_SENSITIVITY_LOW",
                    "silenceDurationMs": 1200,
                },
                "activityHandling": "START_OF_ACTIVITY_INTERRUPTS",
            },
            "inputAudioTranscription": {},
            "outputAudioTranscription": {},
            "sessionResumption": resumption,
            "contextWindowCompression": {
                "triggerTokens": cfg.compression_trigger_tokens,
                "slidingWindow": {"targetTokens": cfg.compression_trigger_tokens / 2},
            },
        }
    })
}

/// Gemini Live as a [`Provider`].
pub struct Gemini {
    pub config: LiveConfig,
    pub key: String,
}

/// Connections opened by this process, so item ids never repeat across reconnects.
static CONNECTIONS: AtomicU64 = AtomicU64::new(0);

impl Provider for Gemini {
    fn name(&self) -> &'static str {
        "Gemini"
    }

    fn input_rate(&self) -> u32 {
        INPUT_RATE
    }

    fn output_rate(&self) -> u32 {
        OUTPUT_RATE
    }

    fn connect<'a>(&'a self, resume: &'a Resume) -> Connecting<'a> {
        Box::pin(async move {
            let cfg = &self.config;
            let url = live_url(&cfg.base_url)?;
            let mut request = url
                .as_str()
                .into_client_request()
                .map_err(|e| VoiceError::Protocol(e.to_string()))?;
            let key = HeaderValue::from_str(&self.key)
                .map_err(|_| VoiceError::Protocol("the key is not a valid header value".into()))?;
            request.headers_mut().insert("x-goog-api-key", key);
            let turn = Arc::new(Mutex::new(Turn::default()));
            let mut decoder =
                Decoder::new(CONNECTIONS.fetch_add(1, Ordering::Relaxed), turn.clone());
            let Socket { out, mut events } =
                socket::open(request, &url, cfg.heartbeat, move |text, out| {
                    decoder.decode(text, out)
                })
                .await?;
            let sender = LiveSender { out, turn };
            sender.send(setup(cfg, resume));
            match tokio::time::timeout(cfg.setup_timeout, events.recv()).await {
                Ok(Some(VoiceEvent::Ready)) => Ok(Connection {
                    link: Box::new(sender),
                    events,
                }),
                Ok(Some(VoiceEvent::Closed { reason })) => Err(VoiceError::SetupRefused { reason }),
                Ok(other) => Err(VoiceError::Protocol(format!(
                    "Gemini Live answered the setup with {other:?}"
                ))),
                Err(_) => Err(VoiceError::Protocol(format!(
                    "Gemini Live did not complete the setup within {} s",
                    cfg.setup_timeout.as_secs()
                ))),
            }
        })
    }
}

/// What the sender and the reader share about the interviewer's turn.
#[derive(Default)]
struct Turn {
    /// The interviewer is generating: context would interrupt it, so it waits.
    generating: bool,
    waiting: Vec<String>,
}

struct LiveSender {
    out: mpsc::UnboundedSender<Message>,
    turn: Arc<Mutex<Turn>>,
}

impl LiveSender {
    fn send(&self, message: Value) {
        let _ = self.out.send(Message::text(message.to_string()));
    }
}

fn client_content(text: &str, turn_complete: bool) -> Message {
    Message::text(
        json!({"clientContent": {
            "turns": [{"role": "user", "parts": [{"text": text}]}],
            "turnComplete": turn_complete,
        }})
        .to_string(),
    )
}

impl Link for LiveSender {
    fn append(&self, samples: &[i16]) {
        self.send(json!({"realtimeInput": {"audio": {
            "data": pcm::to_base64(samples),
            "mimeType": format!("audio/pcm;rate={INPUT_RATE}"),
        }}}));
    }

    fn context(&self, text: &str) {
        let mut turn = self.turn.lock().expect("turn");
        if turn.generating {
            turn.waiting.push(text.to_string());
        } else {
            let _ = self.out.send(client_content(text, false));
        }
    }

    fn say(&self, text: &str) {
        let _ = self.out.send(client_content(text, true));
    }

    /// Gemini has no truncation: the server stopped at `interrupted`, and assumes the
    /// candidate heard the audio in real time.
    fn truncate(&self, _item_id: &str, _played_ms: u64) {}

    fn tool_result(&self, call_id: &str, name: &str, output: &str) {
        let response = match serde_json::from_str::<Value>(output) {
            Ok(v) if v.is_object() => v,
            _ => json!({ "output": output }),
        };
        self.send(json!({"toolResponse": {"functionResponses": [
            {"id": call_id, "name": name, "response": response}
        ]}}));
    }

    fn close(&self) {
        let _ = self.out.send(Message::Close(None));
    }
}

/// Server messages to events, numbering utterances and replies as they go.
struct Decoder {
    connection: u64,
    utterance: u64,
    reply: u64,
    heard: String,
    said: String,
    /// The interviewer has produced something this turn.
    replying: bool,
    interrupted: bool,
    usage: Usage,
    turn: Arc<Mutex<Turn>>,
}

impl Decoder {
    fn new(connection: u64, turn: Arc<Mutex<Turn>>) -> Decoder {
        Decoder {
            connection,
            utterance: 1,
            reply: 1,
            heard: String::new(),
            said: String::new(),
            replying: false,
            interrupted: false,
            usage: Usage::default(),
            turn,
        }
    }

    fn utterance_id(&self) -> String {
        format!("gemini_{}_in_{}", self.connection, self.utterance)
    }

    fn reply_id(&self) -> String {
        format!("gemini_{}_out_{}", self.connection, self.reply)
    }

    /// The candidate's utterance is complete once the interviewer starts answering.
    fn close_utterance(&mut self, events: &mut Vec<VoiceEvent>) {
        if self.heard.trim().is_empty() {
            return;
        }
        events.push(VoiceEvent::CandidateText {
            item_id: self.utterance_id(),
            text: std::mem::take(&mut self.heard),
            done: true,
        });
        self.utterance += 1;
    }

    fn model_output(&mut self, events: &mut Vec<VoiceEvent>) {
        self.close_utterance(events);
        if !self.replying {
            self.replying = true;
            self.turn.lock().expect("turn").generating = true;
        }
    }

    fn decode(&mut self, raw: &str, out: &mpsc::UnboundedSender<Message>) -> Vec<VoiceEvent> {
        let Ok(v) = serde_json::from_str::<Value>(raw) else {
            tracing::warn!("Gemini Live sent something that is not JSON");
            return vec![];
        };
        let mut events = Vec::new();
        if v.get("setupComplete").is_some() {
            events.push(VoiceEvent::Ready);
        }
        if let Some(u) = v.get("usageMetadata") {
            self.usage = usage(u);
        }
        if let Some(content) = v.get("serverContent") {
            self.content(content, &mut events, out);
        }
        if let Some(calls) = v["toolCall"]["functionCalls"].as_array() {
            self.model_output(&mut events);
            for call in calls {
                events.push(VoiceEvent::ToolCall {
                    call_id: text(call, "id"),
                    name: text(call, "name"),
                });
            }
        }
        if let Some(away) = v.get("goAway") {
            events.push(VoiceEvent::GoAway {
                time_left: text(away, "timeLeft"),
            });
        }
        if let Some(update) = v.get("sessionResumptionUpdate") {
            let handle = text(update, "newHandle");
            if update["resumable"].as_bool() == Some(true) && !handle.is_empty() {
                events.push(VoiceEvent::Resumable { handle });
            }
        }
        if let Some(e) = v.get("error") {
            events.push(VoiceEvent::ProviderError {
                code: e["status"].as_str().unwrap_or("error").to_string(),
                message: text(e, "message"),
            });
        }
        if events.is_empty() && v.get("toolCallCancellation").is_none() {
            tracing::debug!(message = %raw.chars().take(80).collect::<String>(), "Gemini Live message ignored");
        }
        events
    }

    fn content(
        &mut self,
        c: &Value,
        events: &mut Vec<VoiceEvent>,
        out: &mpsc::UnboundedSender<Message>,
    ) {
        if let Some(t) = c["inputTranscription"]["text"].as_str() {
            self.heard.push_str(t);
            events.push(VoiceEvent::CandidateText {
                item_id: self.utterance_id(),
                text: t.to_string(),
                done: false,
            });
        }
        if c["interrupted"].as_bool() == Some(true) {
            self.interrupted = true;
            events.push(VoiceEvent::SpeechStarted);
        }
        for part in c["modelTurn"]["parts"].as_array().into_iter().flatten() {
            let Some(data) = part.get("inlineData") else {
                continue;
            };
            self.model_output(events);
            let mime = data["mimeType"].as_str().unwrap_or_default();
            let rate_ok = mime.starts_with("audio/pcm")
                && (!mime.contains("rate=") || mime.contains(&format!("rate={OUTPUT_RATE}")));
            let samples =
                pcm::from_base64(data["data"].as_str().unwrap_or_default()).filter(|_| rate_ok);
            events.push(match samples {
                Some(samples) => VoiceEvent::InterviewerAudio {
                    item_id: self.reply_id(),
                    samples,
                },
                None => VoiceEvent::ProviderError {
                    code: "bad_audio".into(),
                    message: format!("Gemini Live sent audio that is not 24 kHz PCM16 (`{mime}`)"),
                },
            });
        }
        if let Some(t) = c["outputTranscription"]["text"].as_str() {
            self.model_output(events);
            self.said.push_str(t);
            events.push(VoiceEvent::InterviewerText {
                item_id: self.reply_id(),
                text: t.to_string(),
                done: false,
            });
        }
        if c["turnComplete"].as_bool() == Some(true) {
            self.turn_complete(events, out);
        }
    }

    fn turn_complete(
        &mut self,
        events: &mut Vec<VoiceEvent>,
        out: &mpsc::UnboundedSender<Message>,
    ) {
        self.close_utterance(events);
        if self.replying {
            events.push(VoiceEvent::InterviewerText {
                item_id: self.reply_id(),
                text: std::mem::take(&mut self.said),
                done: true,
            });
            self.reply += 1;
        }
        let status = if self.interrupted {
            "interrupted"
        } else {
            "completed"
        };
        events.push(VoiceEvent::ResponseDone {
            status: status.into(),
            usage: std::mem::take(&mut self.usage),
        });
        self.replying = false;
        self.interrupted = false;
        let waiting = {
            let mut turn = self.turn.lock().expect("turn");
            turn.generating = false;
            std::mem::take(&mut turn.waiting)
        };
        for text in waiting {
            let _ = out.send(client_content(&text, false));
        }
    }
}

fn text(v: &Value, key: &str) -> String {
    v[key].as_str().unwrap_or_default().to_string()
}

/// Token counts from `usageMetadata`, audio counted from the per-modality details.
fn usage(u: &Value) -> Usage {
    let n = |x: &Value| x.as_u64().unwrap_or(0);
    let audio = |details: &Value| {
        details
            .as_array()
            .into_iter()
            .flatten()
            .filter(|d| d["modality"] == "AUDIO")
            .map(|d| n(&d["tokenCount"]))
            .sum()
    };
    Usage {
        input_tokens: n(&u["promptTokenCount"]),
        output_tokens: n(&u["responseTokenCount"]),
        input_audio_tokens: audio(&u["promptTokensDetails"]),
        output_audio_tokens: audio(&u["responseTokensDetails"]),
    }
}
