//! OpenAI Realtime (the GA protocol) over a WebSocket: `session.update` with the interviewer's
//! instructions, 24 kHz PCM16 both ways, input transcription and turn detection; the
//! candidate's audio as `input_audio_buffer.append`; context and typed messages as
//! `conversation.item.create`; `response.create` / `response.cancel`; and after an
//! interruption `conversation.item.truncate` at what was really heard. A ping every few
//! seconds keeps the connection honest: silence from the server for three of them is a drop.

use crate::link::{
    Connecting, Connection, Link, Provider, Resume, HINT_TOOL, HINT_TOOL_DESCRIPTION,
};
use crate::socket::{self, Socket};
use crate::{pcm, RateLimit, Usage, VoiceError, VoiceEvent};
use floor::Floor;
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::tungstenite::Message;

mod floor;

/// OpenAI Realtime's only PCM rate, in and out.
pub const RATE: u32 = 24_000;

/// How the provider decides the candidate finished a turn.
#[derive(Debug, Clone, PartialEq)]
pub enum TurnDetection {
    /// Waits for the end of a thought, not just a pause; `eagerness` low lets a candidate think
    /// and type in silence without being cut in on.
    Semantic { eagerness: String },
    /// Silence-based: a turn ends after `silence_ms` below `threshold`.
    Server {
        threshold: f32,
        silence_ms: u32,
        prefix_padding_ms: u32,
    },
}

impl Default for TurnDetection {
    fn default() -> Self {
        TurnDetection::Semantic {
            eagerness: "low".into(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct RealtimeConfig {
    /// The API base, e.g. `https://api.openai.com/v1` or `http://127.0.0.1:9000/v1`.
    pub base_url: String,
    pub model: String,
    pub instructions: String,
    pub voice: String,
    pub transcription_model: String,
    pub turn_detection: TurnDetection,
    /// How often the client pings; nothing heard for three of these is a dropped connection.
    pub heartbeat: Duration,
}

/// The default heartbeat period.
pub const HEARTBEAT: Duration = Duration::from_secs(5);

/// `ws(s)://…/realtime?model=…` from the API base URL (http → ws, https → wss).
pub fn realtime_url(base_url: &str, model: &str) -> Result<String, VoiceError> {
    Ok(format!(
        "{}/realtime?model={model}",
        socket::ws_base(base_url)?
    ))
}

/// The `session.update` that configures an interview; a resumed one carries the summary of
/// the conversation so far in its instructions.
pub fn session_update(cfg: &RealtimeConfig, resume: &Resume) -> Value {
    let turn = match &cfg.turn_detection {
        TurnDetection::Semantic { eagerness } => json!({
            "type": "semantic_vad", "eagerness": eagerness,
            "create_response": true, "interrupt_response": true,
        }),
        TurnDetection::Server {
            threshold,
            silence_ms,
            prefix_padding_ms,
        } => json!({
            "type": "server_vad", "threshold": threshold, "silence_duration_ms": silence_ms,
            "prefix_padding_ms": prefix_padding_ms,
            "create_response": true, "interrupt_response": true,
        }),
    };
    let format = json!({"type": "audio/pcm", "rate": RATE});
    json!({
        "type": "session.update",
        "session": {
            "type": "realtime",
            "instructions": with_summary(&cfg.instructions, resume),
            "output_modalities": ["audio"],
            "tools": [{
                "type": "function", "name": HINT_TOOL, "description": HINT_TOOL_DESCRIPTION,
                "parameters": {"type": "object", "properties": {}},
            }],
            "tool_choice": "auto",
            "audio": {
                "input": {
                    "format": format,
                    "transcription": {"model": cfg.transcription_model},
                    "turn_detection": turn,
                },
                "output": {"format": format, "voice": cfg.voice},
            },
        },
    })
}

/// The instructions, followed on a reconnect by where the conversation had got to.
pub fn with_summary(instructions: &str, resume: &Resume) -> String {
    match &resume.summary {
        Some(summary) => format!(
            "{instructions}\n\n# The connection dropped and was restored\nContinue the interview from where it was; do not greet the candidate again. The conversation so far:\n{summary}"
        ),
        None => instructions.to_string(),
    }
}

/// OpenAI Realtime as a [`Provider`].
pub struct OpenAi {
    pub config: RealtimeConfig,
    pub key: String,
}

impl Provider for OpenAi {
    fn name(&self) -> &'static str {
        "OpenAI"
    }

    fn input_rate(&self) -> u32 {
        RATE
    }

    fn output_rate(&self) -> u32 {
        RATE
    }

    fn connect<'a>(&'a self, resume: &'a Resume) -> Connecting<'a> {
        Box::pin(async move {
            let c = OpenAiRealtime::connect_resumed(&self.config, &self.key, resume).await?;
            Ok(Connection {
                link: Box::new(c.sender),
                events: c.events,
            })
        })
    }
}

/// A connected session: a sender any task can clone (the microphone's, the editor's) and the
/// events, read through [`OpenAiRealtime::next`].
pub struct OpenAiRealtime {
    pub sender: RealtimeSender,
    events: mpsc::UnboundedReceiver<VoiceEvent>,
}

/// Sends client events; never blocks.
#[derive(Clone)]
pub struct RealtimeSender {
    out: mpsc::UnboundedSender<Message>,
    floor: Arc<Mutex<Floor>>,
}

impl OpenAiRealtime {
    /// Connects with `key` and sends the session configuration.
    pub async fn connect(cfg: &RealtimeConfig, key: &str) -> Result<OpenAiRealtime, VoiceError> {
        OpenAiRealtime::connect_resumed(cfg, key, &Resume::default()).await
    }

    pub async fn connect_resumed(
        cfg: &RealtimeConfig,
        key: &str,
        resume: &Resume,
    ) -> Result<OpenAiRealtime, VoiceError> {
        let url = realtime_url(&cfg.base_url, &cfg.model)?;
        let mut request = url
            .as_str()
            .into_client_request()
            .map_err(|e| VoiceError::Protocol(e.to_string()))?;
        let auth = HeaderValue::from_str(&format!("Bearer {key}"))
            .map_err(|_| VoiceError::Protocol("the key is not a valid header value".into()))?;
        request.headers_mut().insert("Authorization", auth);
        let floor = Arc::new(Mutex::new(Floor::default()));
        let heard = floor.clone();
        let Socket { out, events } = socket::open(request, &url, cfg.heartbeat, move |t, out| {
            map_event(t, &heard, out)
        })
        .await?;
        let sender = RealtimeSender { out, floor };
        sender.send(session_update(cfg, resume));
        Ok(OpenAiRealtime { sender, events })
    }

    pub async fn next(&mut self) -> Option<VoiceEvent> {
        self.events.recv().await
    }
}

impl RealtimeSender {
    fn send(&self, event: Value) {
        let _ = self.out.send(Message::text(event.to_string()));
    }

    /// Asks for a reply now, or as soon as the one under way ends and the candidate is not
    /// speaking (see [`Floor`]).
    fn respond(&self) {
        if lock(&self.floor).ask() {
            self.send(create_response());
        }
    }
}

impl Link for RealtimeSender {
    fn append(&self, samples: &[i16]) {
        self.send(json!({"type": "input_audio_buffer.append", "audio": pcm::to_base64(samples)}));
    }

    fn context(&self, text: &str) {
        self.send(json!({
            "type": "conversation.item.create",
            "item": {"type": "message", "role": "user", "content": [{"type": "input_text", "text": text}]},
        }));
    }

    fn say(&self, text: &str) {
        self.context(text);
        self.respond();
    }

    fn truncate(&self, item_id: &str, played_ms: u64) {
        self.send(json!({
            "type": "conversation.item.truncate",
            "item_id": item_id, "content_index": 0, "audio_end_ms": played_ms,
        }));
    }

    fn tool_result(&self, call_id: &str, _name: &str, output: &str) {
        self.send(json!({
            "type": "conversation.item.create",
            "item": {"type": "function_call_output", "call_id": call_id, "output": output},
        }));
        self.respond();
    }

    fn close(&self) {
        let _ = self.out.send(Message::Close(None));
    }
}

fn text(v: &Value, key: &str) -> String {
    v[key].as_str().unwrap_or_default().to_string()
}

fn create_response() -> Value {
    json!({"type": "response.create"})
}

fn lock(floor: &Mutex<Floor>) -> std::sync::MutexGuard<'_, Floor> {
    floor
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The events a server message means; unknown ones are logged and ignored. A reply owed (see
/// [`Floor`]) is asked for as soon as the message allows.
fn map_event(
    raw: &str,
    floor: &Mutex<Floor>,
    out: &mpsc::UnboundedSender<Message>,
) -> Vec<VoiceEvent> {
    let Ok(v) = serde_json::from_str::<Value>(raw) else {
        tracing::warn!("the voice provider sent something that is not JSON");
        return vec![];
    };
    let kind = v["type"].as_str().unwrap_or_default();
    if lock(floor).heard(kind) {
        let _ = out.send(Message::text(create_response().to_string()));
    }
    let event = match kind {
        "session.updated" => VoiceEvent::Ready,
        "input_audio_buffer.speech_started" => VoiceEvent::SpeechStarted,
        "input_audio_buffer.speech_stopped" => VoiceEvent::SpeechStopped,
        "conversation.item.input_audio_transcription.delta" => VoiceEvent::CandidateText {
            item_id: text(&v, "item_id"),
            text: text(&v, "delta"),
            done: false,
        },
        "conversation.item.input_audio_transcription.completed" => VoiceEvent::CandidateText {
            item_id: text(&v, "item_id"),
            text: text(&v, "transcript"),
            done: true,
        },
        "response.output_audio.delta" => {
            match pcm::from_base64(v["delta"].as_str().unwrap_or_default()) {
                Some(samples) => VoiceEvent::InterviewerAudio {
                    item_id: text(&v, "item_id"),
                    samples,
                },
                None => VoiceEvent::ProviderError {
                    code: "bad_audio".into(),
                    message: "the provider sent audio that is not PCM16".into(),
                },
            }
        }
        "response.output_audio_transcript.delta" => VoiceEvent::InterviewerText {
            item_id: text(&v, "item_id"),
            text: text(&v, "delta"),
            done: false,
        },
        "response.output_audio_transcript.done" => VoiceEvent::InterviewerText {
            item_id: text(&v, "item_id"),
            text: text(&v, "transcript"),
            done: true,
        },
        "response.done" => {
            let r = &v["response"];
            let u = &r["usage"];
            let n = |x: &Value| x.as_u64().unwrap_or(0);
            VoiceEvent::ResponseDone {
                status: text(r, "status"),
                usage: Usage {
                    input_tokens: n(&u["input_tokens"]),
                    output_tokens: n(&u["output_tokens"]),
                    input_audio_tokens: n(&u["input_token_details"]["audio_tokens"]),
                    output_audio_tokens: n(&u["output_token_details"]["audio_tokens"]),
                },
            }
        }
        "response.function_call_arguments.done" => VoiceEvent::ToolCall {
            call_id: text(&v, "call_id"),
            name: text(&v, "name"),
        },
        "rate_limits.updated" => VoiceEvent::RateLimits(
            v["rate_limits"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|l| RateLimit {
                    name: text(l, "name"),
                    remaining: l["remaining"].as_f64().unwrap_or(0.0),
                    reset_seconds: l["reset_seconds"].as_f64().unwrap_or(0.0),
                })
                .collect(),
        ),
        "error" => VoiceEvent::ProviderError {
            code: v["error"]["code"]
                .as_str()
                .or(v["error"]["type"].as_str())
                .unwrap_or("error")
                .to_string(),
            message: text(&v["error"], "message"),
        },
        other => {
            tracing::debug!(event = other, "voice provider event ignored");
            return vec![];
        }
    };
    vec![event]
}
