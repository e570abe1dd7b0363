//! The interviewer's hint tool: the host may take seconds to write a hint (a model does it),
//! so the call is answered when the hint arrives while the interview goes on. A hint that
//! arrives after the connection it was asked on was replaced is told as context instead,
//! since the new connection never saw the call.

use super::{Driver, LiveEvent};
use crate::link::{Connection, HINT_TOOL};
use std::future::Future;
use std::pin::Pin;

/// The next hint, counted as used, or a sentence saying why there is none.
pub type HintFuture = Pin<Box<dyn Future<Output = Result<String, String>> + Send + 'static>>;

/// A hint the host has written, for the tool call that asked for it.
pub(super) struct Hinted {
    call_id: String,
    /// The connection it was asked on (its count of reconnections then).
    on: u32,
    result: Result<String, String>,
}

impl Driver<'_> {
    /// A tool call from the interviewer: the hint tool starts the host's hint; any other
    /// name is answered at once with an error.
    pub(super) fn tool_call(&mut self, call_id: String, name: String, conn: &Connection) {
        if name != HINT_TOOL {
            let output = serde_json::json!({ "error": format!("there is no tool named {name}") });
            return conn.link.tool_result(&call_id, &name, &output.to_string());
        }
        let pending = self.host.hint();
        let done = self.hinted.clone();
        let on = self.reconnects;
        tokio::spawn(async move {
            let result = pending.await;
            let _ = done.send(Hinted {
                call_id,
                on,
                result,
            });
        });
    }

    /// The host's hint arrived: shown to the candidate, and the answer to its call.
    pub(super) fn hinted(&mut self, h: Hinted, conn: Option<&Connection>) {
        if let Ok(text) = &h.result {
            self.host.event(LiveEvent::Hint { text: text.clone() });
        }
        let Some(conn) = conn else { return };
        if h.on == self.reconnects {
            let output = match &h.result {
                Ok(text) => serde_json::json!({ "hint": text }),
                Err(message) => serde_json::json!({ "error": message }),
            };
            conn.link
                .tool_result(&h.call_id, HINT_TOOL, &output.to_string());
        } else if let Ok(text) = &h.result {
            conn.link.context(&format!(
                "[Host: {HINT_TOOL} revealed this hint after the connection was renewed: {text} Give it to the candidate in your own words.]"
            ));
        }
    }
}
