//! A fake OpenAI Realtime server (GA protocol). It checks every client event and records
//! what it saw. Turns are taken either by time (`Turns::Timed`: speech is reported after so
//! much audio, once) or by listening (`Turns::Energy`: voice activity on the audio actually
//! received, turn after turn). Replies stream real speech or a tone at twice real time with
//! transcript deltas, are cancelled when the candidate speaks over them, and can be scripted to
//! call the hint tool first or to drop the connection afterwards.

use crate::realtime::{check_session, Conn, Shared};
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use std::time::Instant;
use tokio::net::TcpListener;
use tokio::sync::{mpsc, watch};
use tokio_tungstenite::tungstenite::handshake::server::{ErrorResponse, Request, Response};
use tokio_tungstenite::tungstenite::Message;

pub const RATE: u32 = 24_000;
pub(crate) const FRAME_BYTES: usize = (RATE as usize / 50) * 2;

/// How the fake decides the candidate spoke.
#[derive(Debug, Clone, PartialEq)]
pub enum Turns {
    /// Speech starts after this much audio, whatever it holds, and stops 600 ms later; once.
    Timed(u64),
    /// Voice activity on the audio received: a turn ends after 500 ms of quiet.
    Energy,
}

#[derive(Debug, Clone)]
pub struct Script {
    pub key: String,
    pub model: String,
    pub turns: Turns,
    /// Length of a tone reply, when no speech is given.
    pub reply_ms: u64,
    /// The interviewer's voice: these samples (24 kHz) instead of a tone.
    pub speech: Option<Arc<Vec<i16>>>,
    /// (Timed turns) the candidate speaks again this long into the reply.
    pub interrupt_after_ms: Option<u64>,
    /// On this turn the interviewer first calls the hint tool.
    pub hint_on_turn: Option<u32>,
    /// After this turn's reply the first connection is cut (no close frame).
    pub drop_after_turn: Option<u32>,
}

impl Script {
    pub fn new(key: &str, model: &str) -> Script {
        Script {
            key: key.into(),
            model: model.into(),
            turns: Turns::Timed(200),
            reply_ms: 2000,
            speech: None,
            interrupt_after_ms: None,
            hint_on_turn: None,
            drop_after_turn: None,
        }
    }
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
    /// The instructions of every `session.update`, in order (one per connection).
    pub instructions: Vec<String>,
    pub appended_ms: u64,
    /// When each append arrived.
    pub appends: Vec<Instant>,
    pub truncate: Option<Truncate>,
    pub truncates: Vec<Truncate>,
    /// Texts of `conversation.item.create` messages.
    pub items: Vec<String>,
    /// Outputs of `function_call_output` items.
    pub tool_outputs: Vec<String>,
    /// What the fake said: candidate transcriptions and interviewer transcripts, in order.
    pub candidate_said: Vec<String>,
    pub interviewer_said: Vec<String>,
    /// When each reply's first audio delta was sent, by item.
    pub first_audio: Vec<(String, Instant)>,
    /// When the fake reported the candidate speaking over a reply.
    pub barge_ins: Vec<Instant>,
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
    let index = {
        let mut r = rec.lock().expect("record");
        r.connections += 1;
        r.connections
    };
    let (mut sink, mut stream) = socket.split();
    let (out, mut outgoing) = mpsc::unbounded_channel::<Value>();
    let (cut, mut cut_rx) = watch::channel(false);
    tokio::spawn(async move {
        loop {
            tokio::select! {
                v = outgoing.recv() => match v {
                    Some(v) => if sink.send(Message::text(v.to_string())).await.is_err() { break },
                    None => break,
                },
                _ = cut_rx.changed() => break,
            }
        }
    });
    let shared = Shared {
        rec: rec.clone(),
        out,
        script: script.clone(),
        index,
        cut,
    };
    shared.send(json!({"type": "session.created", "event_id": "evt_0", "session": {"type": "realtime", "object": "realtime.session", "id": format!("sess_fake_{index}")}}));
    let mut conn = Conn::new(shared);
    let mut stop = conn.shared.cut.subscribe();
    loop {
        let msg = tokio::select! {
            m = stream.next() => match m { Some(Ok(m)) => m, _ => break },
            _ = stop.changed() => break,
        };
        let Message::Text(text) = msg else {
            if !matches!(msg, Message::Close(_) | Message::Ping(_) | Message::Pong(_)) {
                conn.shared
                    .violation("a binary message (client events are JSON text)".into());
            }
            continue;
        };
        let Ok(v) = serde_json::from_str::<Value>(&text) else {
            conn.shared.violation(format!("not JSON: {text:.80}"));
            continue;
        };
        let kind = v["type"].as_str().unwrap_or_default().to_string();
        rec.lock().expect("record").events.push(kind.clone());
        match kind.as_str() {
            "session.update" => {
                check_session(&v, &conn.shared);
                {
                    let mut r = rec.lock().expect("record");
                    r.session = Some(v["session"].clone());
                    r.instructions.push(
                        v["session"]["instructions"]
                            .as_str()
                            .unwrap_or_default()
                            .into(),
                    );
                }
                conn.shared.send(
                    json!({"type": "session.updated", "event_id": "evt_1", "session": v["session"]}),
                );
            }
            "input_audio_buffer.append" => conn.append(&v),
            "conversation.item.truncate" => conn.truncate(&v),
            "conversation.item.create" => conn.item(&v),
            "response.create" => conn.respond(),
            "response.cancel" => conn.cancel(),
            "input_audio_buffer.commit" | "input_audio_buffer.clear" => {}
            other => conn
                .shared
                .violation(format!("an unknown client event `{other}`")),
        }
    }
}
