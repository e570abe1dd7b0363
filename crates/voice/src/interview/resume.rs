//! Carrying an interview over to a new connection: after a drop, with backoff and a summary
//! of the conversation so far; when the provider asks to move, at once with its resumption
//! handle.

use super::{Command, Driver, LinkState, LiveEvent};
use crate::link::{Connection, Resume};
use rehearse_core::session::Speaker;
use std::time::Duration;
use tokio::sync::mpsc::UnboundedReceiver;

impl Driver<'_> {
    /// The conversation so far, compact, for a resumed connection.
    fn summary(&self) -> Option<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut size = 0;
        let playing = self
            .replies
            .still_playing()
            .map(|t| (Speaker::Interviewer, t.to_string()));
        let said: Vec<(Speaker, String)> = self.said.iter().cloned().chain(playing).collect();
        for (who, text) in said.iter().rev() {
            let who = match who {
                Speaker::Candidate => "Candidate",
                Speaker::Interviewer => "Interviewer",
                Speaker::System => "Note",
            };
            let text: String = text.chars().take(300).collect();
            size += text.len();
            if size > 6000 || lines.len() >= 30 {
                break;
            }
            lines.push(format!("{who}: {text}"));
        }
        lines.reverse();
        (!lines.is_empty()).then(|| lines.join("\n"))
    }

    /// Closes what was said on the dropped connection, then retries with backoff. None after
    /// the last attempt failed: typing is offered and a typed message retries once more.
    pub(super) async fn reconnect(
        &mut self,
        reason: &str,
        commands: &mut UnboundedReceiver<Command>,
    ) -> Option<Connection> {
        tracing::warn!(%reason, "the voice connection dropped");
        self.replies.dropped();
        self.turn_end = None;
        let mut wait = self.opts.backoff;
        for attempt in 1..=self.opts.retries {
            self.host.event(LiveEvent::Connection {
                state: LinkState::Reconnecting,
                detail: format!(
                    "The connection dropped ({reason}). Reconnecting (attempt {attempt} of {})…",
                    self.opts.retries
                ),
            });
            let sleep = tokio::time::sleep(wait);
            tokio::pin!(sleep);
            loop {
                tokio::select! {
                    _ = &mut sleep => break,
                    c = commands.recv() => match c {
                        None | Some(Command::End) => return None,
                        Some(c) => self.on_command(c, None),
                    },
                }
            }
            wait *= 2;
            if let Some(c) = self.connect_resumed().await {
                self.reconnects += 1;
                self.live(attempt);
                return Some(c);
            }
        }
        self.host.event(LiveEvent::Connection {
            state: LinkState::Lost,
            detail: format!(
                "The interviewer could not be reached after {} attempts ({reason}).",
                self.opts.retries
            ),
        });
        self.host.event(LiveEvent::OfferTyping {
            reason: "The voice connection is lost. You can go on in text with the same transcript, or type a message to try the voice connection once more.".into(),
        });
        None
    }

    /// A new connection carrying the session over: the provider's handle when there is one
    /// (forgotten if it fails, so the next attempt starts afresh), and the summary.
    async fn connect_resumed(&mut self) -> Option<Connection> {
        let resume = Resume {
            summary: self.summary(),
            handle: self.handle.clone(),
        };
        let failed =
            match tokio::time::timeout(Duration::from_secs(10), self.provider.connect(&resume))
                .await
            {
                Ok(Ok(c)) => return Some(c),
                Ok(Err(e)) => e.to_string(),
                Err(_) => "no answer within 10 s".to_string(),
            };
        tracing::warn!(error = %failed, resumed = resume.handle.is_some(), "reconnect failed");
        self.handle = None;
        None
    }

    /// The provider asked to move (Gemini's `goAway`): a new connection, resumed, before the
    /// old one closes. None when it could not be made; the old one's close then reconnects.
    pub(super) async fn move_on(&mut self, time_left: &str) -> Option<Connection> {
        tracing::info!(%time_left, "the voice provider asked to reconnect");
        let c = self.connect_resumed().await?;
        self.reconnects += 1;
        self.host.event(LiveEvent::Connection {
            state: LinkState::Live,
            detail: format!(
                "Moved to a new connection to {} (the provider asked).",
                self.provider.name()
            ),
        });
        Some(c)
    }

    pub(super) async fn retry_now(&mut self) -> Option<Connection> {
        let c = self.connect_resumed().await?;
        self.reconnects += 1;
        self.live(self.reconnects);
        Some(c)
    }
}
