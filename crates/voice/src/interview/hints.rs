//! The interviewer's hint tool: the host may take seconds to write a hint (a model does it),
//! so the call is answered when the hint arrives while the interview goes on. One hint is
//! written at a time. A hint that arrives after the connection it was asked on was replaced
//! is told to the new one as quoted data (it never saw the call); one that arrives with no
//! connection joins the conversation the next connection resumes from.

use super::Driver;
use crate::link::{Connection, HINT_TOOL};
use rehearse_core::interviewer::late_hint;
use rehearse_core::session::Speaker;
use std::future::Future;
use std::pin::Pin;

/// The next hint, counted as used and shown to the candidate, or a sentence saying why there
/// is none.
pub type HintFuture = Pin<Box<dyn Future<Output = Result<String, String>> + Send + 'static>>;

/// A hint the host has written, for the tool call that asked for it.
pub(super) struct Hinted {
    call_id: String,
    /// The connection it was asked on (its count of reconnections then).
    on: u32,
    result: Result<String, String>,
}

impl Driver<'_> {
    /// A tool call from the interviewer: the hint tool starts the host's hint; a second one
    /// while it is written, or any other name, is answered at once with an error.
    pub(super) fn tool_call(&mut self, call_id: String, name: String, conn: &Connection) {
        let refusal = if name != HINT_TOOL {
            format!("there is no tool named {name}")
        } else if self.hint_pending {
            "a hint is being written already; it comes with the earlier call".to_string()
        } else {
            self.hint_pending = true;
            let pending = self.host.hint();
            let done = self.hinted.clone();
            let on = self.reconnects;
            // Not aborted with the interview: the host has counted the hint and pays for it.
            tokio::spawn(async move {
                let result = pending.await;
                let _ = done.send(Hinted {
                    call_id,
                    on,
                    result,
                });
            });
            return;
        };
        let output = serde_json::json!({ "error": refusal });
        conn.link.tool_result(&call_id, &name, &output.to_string());
    }

    /// The host's hint arrived: the answer to its call.
    pub(super) fn hinted(&mut self, h: Hinted, conn: Option<&Connection>) {
        self.hint_pending = false;
        match (conn, &h.result) {
            (Some(conn), _) if h.on == self.reconnects => {
                let output = match &h.result {
                    Ok(text) => serde_json::json!({ "hint": text }),
                    Err(message) => serde_json::json!({ "error": message }),
                };
                conn.link
                    .tool_result(&h.call_id, HINT_TOOL, &output.to_string());
            }
            (Some(conn), Ok(text)) => conn.link.say(&late_hint(text)),
            (None, Ok(text)) => self.said.push((
                Speaker::System,
                format!("Hint revealed by {HINT_TOOL}: {text}"),
            )),
            (_, Err(_)) => {}
        }
    }
}
