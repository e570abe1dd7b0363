//! A fake Gemini Live server (v1beta `BidiGenerateContent`). The first message must be a
//! `setup` (model, audio responses, system instruction, input and output transcription,
//! tools, session resumption, context window compression); then `realtimeInput` audio at
//! 16 kHz in 20 ms frames, `clientContent` and `toolResponse`, each checked. The interviewer
//! answers with `serverContent` (24 kHz audio, transcriptions, `interrupted`, `turnComplete`
//! once the audio has had time to play), `toolCall`, `usageMetadata`,
//! `sessionResumptionUpdate` after every turn, and when scripted `goAway` or a
//! quota-exhausted close.

use crate::realtime::{frame, Conn, Dialect, Out, Shared};
use crate::ws::{listen, Incoming, Listening};
use base64::Engine;
use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::handshake::server::Request;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::Message;

pub use crate::script::{Record, Script, Turns};

/// The candidate's audio rate Gemini Live takes.
pub const INPUT_RATE: u32 = 16_000;
pub const PATH: &str =
    "/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent";

pub struct FakeGemini {
    pub port: u16,
    server: Listening,
}

impl FakeGemini {
    pub async fn start(script: Script) -> FakeGemini {
        FakeGemini::start_on(0, script).await
    }

    /// Listens on a given port (0: any free one).
    pub async fn start_on(port: u16, script: Script) -> FakeGemini {
        let server = listen(port, Dialect::Gemini, script, check, |s, i| {
            Box::pin(serve(s, i))
        })
        .await;
        FakeGemini {
            port: server.port,
            server,
        }
    }

    /// The API base URL a client is configured with.
    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn record(&self) -> Record {
        self.server.record()
    }
}

fn check(req: &Request, script: &Script) -> Result<(), u16> {
    let key_ok = req
        .headers()
        .get("x-goog-api-key")
        .is_some_and(|v| v.as_bytes() == script.key.as_bytes());
    if req.uri().query().is_some_and(|q| q.contains("key=")) {
        return Err(400);
    }
    match (key_ok, req.uri().path() == PATH) {
        (true, true) => Ok(()),
        (true, false) => Err(404),
        (false, _) => Err(401),
    }
}

fn close(s: &Shared, code: CloseCode, reason: &str) {
    let _ = s.out.send(Message::Close(Some(CloseFrame {
        code,
        reason: reason.to_string().into(),
    })));
}

async fn serve(shared: Shared, mut incoming: Incoming) {
    let mut conn = Conn::new(shared);
    let mut set_up = false;
    while let Some(v) = incoming.next(&conn.shared).await {
        let keys: Vec<String> = v
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default();
        let [kind] = keys.as_slice() else {
            conn.shared.violation(format!(
                "a client message must hold exactly one of setup, clientContent, realtimeInput, toolResponse; it held {keys:?}"
            ));
            continue;
        };
        conn.shared.record(|r| r.events.push(kind.clone()));
        if !set_up && kind != "setup" {
            conn.shared.violation(format!("`{kind}` before the setup"));
            continue;
        }
        let body = &v[kind.as_str()];
        match kind.as_str() {
            "setup" if set_up => conn.shared.violation("a second setup".into()),
            "setup" => match setup(&conn.shared, body) {
                Ok(()) => {
                    set_up = true;
                    conn.shared.send(json!({"setupComplete": {}}));
                }
                Err(reason) => return close(&conn.shared, CloseCode::Policy, &reason),
            },
            "realtimeInput" => realtime_input(&mut conn, body),
            "clientContent" => client_content(&mut conn, body),
            "toolResponse" => {
                let responses = body["functionResponses"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
                if responses.is_empty() {
                    conn.shared
                        .violation("a toolResponse without functionResponses".into());
                }
                for r in responses {
                    let output = r["response"].is_object().then(|| r["response"].to_string());
                    if r["name"] != "reveal_hint" {
                        conn.shared
                            .violation(format!("a function response without the tool's name: {r}"));
                    }
                    conn.tool_output(r["id"].as_str().unwrap_or_default(), output);
                }
                conn.respond();
            }
            other => conn
                .shared
                .violation(format!("an unknown client message `{other}`")),
        }
    }
}

/// Checks a setup and records it; Err with the close reason when the server would refuse it.
fn setup(s: &Shared, v: &Value) -> Result<(), String> {
    let mut bad = Vec::new();
    if v["generationConfig"]["responseModalities"] != json!(["AUDIO"]) {
        bad.push("generationConfig.responseModalities must be [\"AUDIO\"]");
    }
    let instructions = v["systemInstruction"]["parts"][0]["text"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    if instructions.trim().is_empty() {
        bad.push("systemInstruction.parts[0].text is missing");
    }
    if !v["inputAudioTranscription"].is_object() || !v["outputAudioTranscription"].is_object() {
        bad.push("input and output audio transcription must be asked for");
    }
    let tools_ok = v["tools"].as_array().is_some_and(|tools| {
        tools.iter().all(|t| {
            t["functionDeclarations"].as_array().is_some_and(|f| {
                f.iter().all(|d| {
                    d["name"].as_str().is_some_and(|n| !n.is_empty())
                        && d["description"].is_string()
                        && (d["parameters"].is_null() || d["parameters"]["type"].is_string())
                })
            })
        })
    });
    if !tools_ok {
        bad.push("tools must be functionDeclarations with a name and a description");
    }
    if !v["sessionResumption"].is_object() {
        bad.push("sessionResumption must be set (the interview resumes after goAway)");
    }
    let compression = &v["contextWindowCompression"];
    if !compression["slidingWindow"].is_object() || !compression["triggerTokens"].is_u64() {
        bad.push("contextWindowCompression needs a slidingWindow and triggerTokens");
    }
    for b in bad {
        s.violation(format!("setup: {b}"));
    }
    let handle = v["sessionResumption"]["handle"]
        .as_str()
        .map(str::to_string);
    let known = handle
        .as_ref()
        .is_none_or(|h| s.record(|r| r.handles.contains(h)));
    s.record(|r| {
        r.setups.push(v.clone());
        r.instructions.push(instructions);
        r.resumed_with.push(handle.clone());
    });
    if v["model"] != format!("models/{}", s.script.model) {
        return Err(format!(
            "{} is not found for API version v1beta, or is not supported for bidiGenerateContent.",
            v["model"].as_str().unwrap_or("(no model)")
        ));
    }
    if !known {
        s.violation(format!(
            "setup: resumption with a handle never given out: {handle:?}"
        ));
        return Err("Invalid session resumption handle.".into());
    }
    Ok(())
}

fn realtime_input(conn: &mut Conn, v: &Value) {
    if v.get("audioStreamEnd").is_some() {
        return;
    }
    let audio = &v["audio"];
    if audio["mimeType"] != format!("audio/pcm;rate={INPUT_RATE}") {
        return conn.shared.violation(format!(
            "realtimeInput audio must be audio/pcm;rate={INPUT_RATE}: {}",
            audio["mimeType"]
        ));
    }
    if let Some(samples) = frame(
        &conn.shared,
        audio["data"].as_str().unwrap_or_default(),
        INPUT_RATE,
    ) {
        conn.append(&samples);
    }
}

fn client_content(conn: &mut Conn, v: &Value) {
    let turns = v["turns"].as_array().cloned().unwrap_or_default();
    let well_formed = !turns.is_empty()
        && turns.iter().all(|t| {
            ["user", "model"].contains(&t["role"].as_str().unwrap_or_default())
                && t["parts"]
                    .as_array()
                    .is_some_and(|p| !p.is_empty() && p.iter().all(|p| p["text"].is_string()))
        });
    if !well_formed || !v["turnComplete"].is_boolean() {
        return conn
            .shared
            .violation(format!("a malformed clientContent: {v}"));
    }
    let answer = v["turnComplete"] == true;
    if !answer && conn.replying() {
        conn.shared.violation(
            "clientContent while the interviewer speaks (it would interrupt the reply)".into(),
        );
    }
    for t in &turns {
        conn.message(t["parts"][0]["text"].as_str().unwrap_or_default());
    }
    if answer {
        conn.cancel();
        conn.respond();
    }
}

fn usage() -> Value {
    json!({"promptTokenCount": 120, "responseTokenCount": 60, "totalTokenCount": 180,
        "promptTokensDetails": [{"modality": "AUDIO", "tokenCount": 100}, {"modality": "TEXT", "tokenCount": 20}],
        "responseTokensDetails": [{"modality": "AUDIO", "tokenCount": 50}, {"modality": "TEXT", "tokenCount": 10}]})
}

/// The conversation's events in the Live API's words.
pub(crate) fn encode(s: &Shared, out: Out) {
    match out {
        Out::SpeechStarted { interrupting, .. } => {
            if interrupting {
                s.send(json!({"serverContent": {"interrupted": true}}));
            }
        }
        Out::SpeechStopped { .. } | Out::ReplyStarted { .. } => {}
        Out::Transcribed { text, .. } => {
            let (a, b) = text.split_at(text.find(' ').unwrap_or(0));
            for piece in [a, b].into_iter().filter(|p| !p.is_empty()) {
                s.send(json!({"serverContent": {"inputTranscription": {"text": piece}}}));
            }
        }
        Out::ToolCall { call, .. } => s.send(
            json!({"toolCall": {"functionCalls": [{"id": call, "name": "reveal_hint", "args": {}}]}}),
        ),
        Out::Audio { pcm, .. } => s.send(json!({"serverContent": {"modelTurn": {"parts": [{"inlineData": {
            "mimeType": "audio/pcm;rate=24000",
            "data": base64::engine::general_purpose::STANDARD.encode(pcm),
        }}]}}})),
        Out::Words { text, .. } => {
            s.send(json!({"serverContent": {"outputTranscription": {"text": text}}}))
        }
        Out::ReplyDone {
            completed, turn, ..
        } => {
            if completed {
                s.send(json!({"serverContent": {"generationComplete": true}}));
            }
            s.send(json!({"serverContent": {"turnComplete": true}, "usageMetadata": usage()}));
            let handle = s.record(|r| {
                let h = format!("handle_{}_{turn}_{}", s.index, r.handles.len() + 1);
                r.handles.push(h.clone());
                h
            });
            s.send(json!({"sessionResumptionUpdate": {"newHandle": handle, "resumable": true}}));
        }
        Out::RateLimited => close(
            s,
            CloseCode::Error,
            "RESOURCE_EXHAUSTED: You exceeded your current quota, please check your plan and billing details.",
        ),
        Out::GoAway => s.send(json!({"goAway": {"timeLeft": "2s"}})),
    }
}
