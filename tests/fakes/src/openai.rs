//! A fake OpenAI Realtime server (GA protocol). It checks every client event and records
//! what it saw. Turns are taken either by time (`Turns::Timed`: speech is reported after so
//! much audio, once) or by listening (`Turns::Energy`: voice activity on the audio actually
//! received, turn after turn). Replies stream real speech or a tone at twice real time with
//! transcript deltas, are cancelled when the candidate speaks over them, and can be scripted to
//! call the hint tool first, to drop the connection afterwards, or to run out of rate limit.

use crate::realtime::{frame, Conn, Dialect, Out, Shared};
use crate::ws::{listen, Incoming, Listening};
use base64::Engine;
use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::handshake::server::Request;

pub use crate::realtime::RATE;
pub use crate::script::{Record, Script, Truncate, Turns};

pub struct FakeOpenAi {
    pub port: u16,
    server: Listening,
}

impl FakeOpenAi {
    pub async fn start(script: Script) -> FakeOpenAi {
        FakeOpenAi::start_on(0, script).await
    }

    /// Listens on a given port (0: any free one).
    pub async fn start_on(port: u16, script: Script) -> FakeOpenAi {
        let server = listen(port, Dialect::OpenAi, script, check, |s, i| {
            Box::pin(serve(s, i))
        })
        .await;
        FakeOpenAi {
            port: server.port,
            server,
        }
    }

    /// The API base URL a client is configured with.
    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}/v1", self.port)
    }

    pub fn record(&self) -> Record {
        self.server.record()
    }
}

fn check(req: &Request, script: &Script) -> Result<(), u16> {
    let path_ok = req.uri().path() == "/v1/realtime"
        && req.uri().query() == Some(format!("model={}", script.model).as_str());
    let auth_ok = req
        .headers()
        .get("authorization")
        .is_some_and(|v| v.as_bytes() == format!("Bearer {}", script.key).as_bytes());
    match (auth_ok, path_ok) {
        (true, true) => Ok(()),
        (true, false) => Err(404),
        (false, _) => Err(401),
    }
}

async fn serve(shared: Shared, mut incoming: Incoming) {
    let index = shared.index;
    shared.send(json!({"type": "session.created", "event_id": "evt_0", "session": {"type": "realtime", "object": "realtime.session", "id": format!("sess_fake_{index}")}}));
    let mut conn = Conn::new(shared);
    while let Some(v) = incoming.next(&conn.shared).await {
        let kind = v["type"].as_str().unwrap_or_default().to_string();
        conn.shared.record(|r| r.events.push(kind.clone()));
        match kind.as_str() {
            "session.update" => {
                check_session(&v, &conn.shared);
                conn.shared.record(|r| {
                    r.session = Some(v["session"].clone());
                    r.instructions.push(
                        v["session"]["instructions"]
                            .as_str()
                            .unwrap_or_default()
                            .into(),
                    );
                });
                conn.shared.send(
                    json!({"type": "session.updated", "event_id": "evt_1", "session": v["session"]}),
                );
            }
            "input_audio_buffer.append" => {
                if let Some(samples) =
                    frame(&conn.shared, v["audio"].as_str().unwrap_or_default(), RATE)
                {
                    conn.append(&samples);
                }
            }
            "conversation.item.truncate" => conn.truncate(&v),
            "conversation.item.create" => item(&mut conn, &v["item"]),
            "response.create" if conn.replying() => {
                conn.shared
                    .violation("a response.create while a response is under way".into());
                conn.shared.send(json!({"type": "error", "event_id": "evt_busy", "error": {"type": "invalid_request_error", "code": "conversation_already_has_active_response", "message": "Conversation already has an active response in progress. Wait until the response is finished before creating a new one."}}));
            }
            "response.create" => conn.respond(),
            "response.cancel" => conn.cancel(),
            "input_audio_buffer.commit" | "input_audio_buffer.clear" => {}
            other => conn
                .shared
                .violation(format!("an unknown client event `{other}`")),
        }
    }
}

/// `conversation.item.create`: a tool's output, or a message.
fn item(conn: &mut Conn, item: &Value) {
    if item["type"] == "function_call_output" {
        let call = item["call_id"].as_str().unwrap_or_default();
        return conn.tool_output(call, item["output"].as_str().map(str::to_string));
    }
    let ok = item["type"] == "message"
        && ["user", "system", "assistant"].contains(&item["role"].as_str().unwrap_or_default())
        && item["content"].as_array().is_some_and(|c| {
            !c.is_empty()
                && c.iter()
                    .all(|p| p["type"] == "input_text" && p["text"].is_string())
        });
    if ok {
        conn.message(item["content"][0]["text"].as_str().unwrap_or_default());
    } else {
        conn.shared
            .violation(format!("a malformed conversation.item.create: {item}"));
    }
}

fn usage() -> Value {
    json!({"total_tokens": 180, "input_tokens": 120, "output_tokens": 60, "input_token_details": {"audio_tokens": 100, "text_tokens": 20}, "output_token_details": {"audio_tokens": 50, "text_tokens": 10}})
}

/// The conversation's events in the Realtime protocol's words.
pub(crate) fn encode(s: &Shared, out: Out) {
    let resp = |item: &str| format!("resp_{item}");
    match out {
        Out::SpeechStarted { ms, item, .. } => s.send(json!({"type": "input_audio_buffer.speech_started", "audio_start_ms": ms, "item_id": item})),
        Out::SpeechStopped { ms, item } => s.send(json!({"type": "input_audio_buffer.speech_stopped", "audio_end_ms": ms, "item_id": item})),
        Out::Transcribed { item, text } => s.send(json!({"type": "conversation.item.input_audio_transcription.completed", "item_id": item, "content_index": 0, "transcript": text})),
        Out::ToolCall { call, turn } => {
            let resp = format!("resp_tool_{turn}");
            s.send(json!({"type": "response.created", "response": {"id": resp, "status": "in_progress"}}));
            s.send(json!({"type": "response.output_item.added", "response_id": resp, "output_index": 0, "item": {"id": format!("item_{call}"), "type": "function_call", "call_id": call, "name": "reveal_hint", "arguments": ""}}));
            s.send(json!({"type": "response.function_call_arguments.done", "response_id": resp, "item_id": format!("item_{call}"), "output_index": 0, "call_id": call, "name": "reveal_hint", "arguments": "{}"}));
            s.send(json!({"type": "response.done", "response": {"id": resp, "status": "completed", "usage": usage()}}));
        }
        Out::ReplyStarted { item } => {
            s.send(json!({"type": "response.created", "response": {"id": resp(item), "status": "in_progress"}}));
            s.send(json!({"type": "response.output_item.added", "response_id": resp(item), "output_index": 0, "item": {"id": item, "type": "message", "role": "assistant"}}));
        }
        Out::Audio { item, pcm } => s.send(json!({"type": "response.output_audio.delta", "response_id": resp(item), "item_id": item, "output_index": 0, "content_index": 0, "delta": base64::engine::general_purpose::STANDARD.encode(pcm)})),
        Out::Words { item, text } => s.send(json!({"type": "response.output_audio_transcript.delta", "response_id": resp(item), "item_id": item, "output_index": 0, "content_index": 0, "delta": text})),
        Out::ReplyDone { item, text, completed, .. } => {
            if completed {
                s.send(json!({"type": "response.output_audio.done", "response_id": resp(item), "item_id": item, "output_index": 0, "content_index": 0}));
                s.send(json!({"type": "response.output_audio_transcript.done", "response_id": resp(item), "item_id": item, "output_index": 0, "content_index": 0, "transcript": text}));
            }
            let status = if completed { "completed" } else { "cancelled" };
            s.send(json!({"type": "response.done", "response": {"id": resp(item), "status": status, "usage": usage()}}));
            s.send(json!({"type": "rate_limits.updated", "rate_limits": [{"name": "requests", "limit": 1000, "remaining": 999, "reset_seconds": 0.06}]}));
        }
        Out::RateLimited => {
            s.send(json!({"type": "rate_limits.updated", "rate_limits": [{"name": "tokens", "limit": 40000, "remaining": 0, "reset_seconds": 20.0}]}));
            s.send(json!({"type": "error", "event_id": "evt_rl", "error": {"type": "rate_limit_error", "code": "rate_limit_exceeded", "message": "Rate limit reached for tokens per min. Please try again in 20s."}}));
        }
        Out::GoAway => {}
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
