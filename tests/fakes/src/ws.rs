//! The WebSocket side of a fake server: accept on 127.0.0.1, check the handshake, write what
//! the conversation says (until the script cuts the line), read client messages as JSON.

use crate::realtime::{Dialect, Shared};
use crate::script::{Record, Script};
use futures_util::stream::SplitStream;
use futures_util::{SinkExt, StreamExt};
use serde_json::Value;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, watch};
use tokio_tungstenite::tungstenite::handshake::server::{ErrorResponse, Request, Response};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::WebSocketStream;

/// Whether a handshake is let in: Err with the HTTP status to refuse it with.
pub(crate) type Check = fn(&Request, &Script) -> Result<(), u16>;
/// Serves one accepted connection.
pub(crate) type Serve = fn(Shared, Incoming) -> Pin<Box<dyn Future<Output = ()> + Send>>;

/// A fake server listening: its port, and what it saw.
#[derive(Clone)]
pub(crate) struct Listening {
    pub port: u16,
    pub record: Arc<Mutex<Record>>,
}

impl Listening {
    pub fn record(&self) -> Record {
        self.record.lock().expect("record").clone()
    }
}

/// Listens on 127.0.0.1:`port` (0: any free port).
pub(crate) async fn listen(
    port: u16,
    dialect: Dialect,
    script: Script,
    check: Check,
    serve: Serve,
) -> Listening {
    let listener = TcpListener::bind(("127.0.0.1", port))
        .await
        .unwrap_or_else(|e| panic!("bind 127.0.0.1:{port}: {e}"));
    let port = listener.local_addr().expect("addr").port();
    let record = Arc::new(Mutex::new(Record::default()));
    let rec = record.clone();
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            tokio::spawn(accept(
                tcp,
                dialect,
                script.clone(),
                rec.clone(),
                check,
                serve,
            ));
        }
    });
    Listening { port, record }
}

// The handshake callback's error type is tungstenite's, large or not.
#[allow(clippy::result_large_err)]
async fn accept(
    tcp: TcpStream,
    dialect: Dialect,
    script: Script,
    rec: Arc<Mutex<Record>>,
    check: Check,
    serve: Serve,
) {
    let _ = tcp.set_nodelay(true);
    let callback = |req: &Request, resp: Response| -> Result<Response, ErrorResponse> {
        let down = script
            .connections_allowed
            .is_some_and(|n| rec.lock().expect("record").connections >= n);
        match check(req, &script).and(if down { Err(503) } else { Ok(()) }) {
            Ok(()) => Ok(resp),
            Err(status) => {
                let mut refused = ErrorResponse::new(Some("refused".into()));
                *refused.status_mut() = status.try_into().expect("status");
                Err(refused)
            }
        }
    };
    let Ok(socket) = tokio_tungstenite::accept_hdr_async(tcp, callback).await else {
        return;
    };
    let index = {
        let mut r = rec.lock().expect("record");
        r.connections += 1;
        r.connections
    };
    let (mut sink, stream) = socket.split();
    let (out, mut outgoing) = mpsc::unbounded_channel::<Message>();
    let (cut, mut cut_rx) = watch::channel(false);
    tokio::spawn(async move {
        // The cut's sender goes when the connection's handler ends; what it queued (a close
        // frame) is still written. What was queued before a cut is written before it.
        let mut can_cut = true;
        loop {
            tokio::select! {
                biased;
                m = outgoing.recv() => match m {
                    Some(m) => {
                        let close = matches!(m, Message::Close(_));
                        if sink.send(m).await.is_err() || close { break }
                    }
                    None => break,
                },
                changed = cut_rx.changed(), if can_cut => match changed {
                    Ok(()) => break,
                    Err(_) => can_cut = false,
                },
            }
        }
    });
    let stop = cut.subscribe();
    let shared = Shared {
        rec,
        out,
        dialect,
        script,
        index,
        cut,
    };
    serve(shared, Incoming { stream, stop }).await;
}

/// The client's messages on one connection.
pub(crate) struct Incoming {
    stream: SplitStream<WebSocketStream<TcpStream>>,
    stop: watch::Receiver<bool>,
}

impl Incoming {
    /// The next client message as JSON; None once the connection is closed or cut. Anything
    /// that is not JSON text is a violation.
    pub async fn next(&mut self, s: &Shared) -> Option<Value> {
        loop {
            let msg = tokio::select! {
                m = self.stream.next() => match m { Some(Ok(m)) => m, _ => return None },
                _ = self.stop.changed() => return None,
            };
            let Message::Text(text) = msg else {
                if matches!(msg, Message::Close(_)) {
                    return None;
                }
                if !matches!(msg, Message::Ping(_) | Message::Pong(_)) {
                    s.violation("a binary message (client messages are JSON text)".into());
                }
                continue;
            };
            match serde_json::from_str::<Value>(&text) {
                Ok(v) => return Some(v),
                Err(_) => s.violation(format!("not JSON: {text:.80}")),
            }
        }
    }
}
