//! The WebSocket under every provider: connect without Nagle, one task writing (with a ping
//! every heartbeat), one task reading and decoding server messages into [`VoiceEvent`]s. A
//! server silent for three heartbeats, an error or a close ends the events with `Closed`.

use crate::{VoiceError, VoiceEvent};
use futures_util::{SinkExt, StreamExt};
use std::time::Duration;
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::handshake::client::Request;
use tokio_tungstenite::tungstenite::Message;

/// A connected socket: what to send, and what the server's messages meant.
pub(crate) struct Socket {
    pub out: mpsc::UnboundedSender<Message>,
    pub events: mpsc::UnboundedReceiver<VoiceEvent>,
}

/// `ws(s)://` from an `http(s)://` base URL.
pub(crate) fn ws_base(base_url: &str) -> Result<String, VoiceError> {
    let base = base_url.trim_end_matches('/');
    if let Some(rest) = base.strip_prefix("https://") {
        Ok(format!("wss://{rest}"))
    } else if let Some(rest) = base.strip_prefix("http://") {
        Ok(format!("ws://{rest}"))
    } else {
        Err(VoiceError::Protocol(format!(
            "the base URL `{base_url}` must start with http:// or https://"
        )))
    }
}

/// Connects; `shown` is the address used in error messages (never one carrying a key).
/// `decode` turns each text message into events; it may keep state between messages, and
/// may answer the server through the sender it is given.
pub(crate) async fn open(
    request: Request,
    shown: &str,
    beat: Duration,
    mut decode: impl FnMut(&str, &mpsc::UnboundedSender<Message>) -> Vec<VoiceEvent> + Send + 'static,
) -> Result<Socket, VoiceError> {
    // No Nagle: audio frames are small and every millisecond of delay is heard.
    let (socket, _) = tokio_tungstenite::connect_async_with_config(request, None, true)
        .await
        .map_err(|e| connect_error(shown, e))?;
    let (mut sink, mut stream) = socket.split();
    let (out, mut outgoing) = mpsc::unbounded_channel::<Message>();
    let (events_tx, events) = mpsc::unbounded_channel();
    let answer = out.clone();
    tokio::spawn(async move {
        let mut ping = tokio::time::interval_at(tokio::time::Instant::now() + beat, beat);
        loop {
            let m = tokio::select! {
                m = outgoing.recv() => match m { Some(m) => m, None => break },
                _ = ping.tick() => Message::Ping(Vec::new().into()),
            };
            let close = matches!(m, Message::Close(_));
            if sink.send(m).await.is_err() || close {
                break;
            }
        }
    });
    tokio::spawn(async move {
        let reason = loop {
            let Ok(next) = tokio::time::timeout(beat * 3, stream.next()).await else {
                break format!(
                    "nothing heard from the provider for {} s",
                    (beat * 3).as_secs()
                );
            };
            match next {
                Some(Ok(Message::Text(text))) => {
                    for event in decode(&text, &answer) {
                        if events_tx.send(event).is_err() {
                            return;
                        }
                    }
                }
                Some(Ok(Message::Close(frame))) => {
                    break frame.map_or_else(
                        || "closed".to_string(),
                        |f| format!("{} ({})", f.reason, u16::from(f.code)),
                    )
                }
                Some(Ok(_)) => {}
                Some(Err(e)) => break e.to_string(),
                None => break "the connection ended".to_string(),
            }
        };
        let _ = events_tx.send(VoiceEvent::Closed { reason });
    });
    Ok(Socket { out, events })
}

fn connect_error(url: &str, e: tokio_tungstenite::tungstenite::Error) -> VoiceError {
    use tokio_tungstenite::tungstenite::Error;
    match e {
        Error::Http(resp) if matches!(resp.status().as_u16(), 401 | 403) => VoiceError::Rejected {
            status: resp.status().as_u16(),
        },
        Error::Http(resp) => VoiceError::Protocol(format!("HTTP {} from {url}", resp.status())),
        other => VoiceError::Unreachable {
            url: url.into(),
            detail: other.to_string(),
        },
    }
}
