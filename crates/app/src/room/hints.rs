//! Hints in the room: with the hints role on (Settings → AI), the next hint is written by its
//! model for the candidate's current code, checked by the host (`core::hints::vet`) and given
//! at the next level; a refused or failed one gives that level's authored hint instead.

use super::{Room, RoomUpdate};
use crate::{AppError, HintReveal};
use rehearse_agents::{Message, Request};
use rehearse_core::hints;
use rehearse_core::now_ms;
use rehearse_core::settings::{AiChoice, AiRole};
use rehearse_voice::interview::LiveEvent;

/// A hint is a few sentences.
const HINT_TOKENS: u32 = 300;

impl Room {
    /// The next hint, asked for by the interviewer's tool (voice or text): given as the hint
    /// button gives it, and shown to the candidate, who did not ask for it in the window.
    pub(super) async fn interviewer_hint(&self) -> Result<HintReveal, AppError> {
        let h = self.hint_now().await?;
        self.show(RoomUpdate::Voice(LiveEvent::Hint {
            text: h.text.clone(),
        }));
        Ok(h)
    }

    /// The next hint, counted: the model's for this code when the hints role is on and its
    /// hint passes the host's check, else the authored one.
    pub async fn hint_now(&self) -> Result<HintReveal, AppError> {
        self.live()?;
        let app = &self.inner.app;
        let agent = app
            .agent(AiRole::Hints, &AiChoice::default())
            .unwrap_or_else(|e| {
                tracing::warn!(error = %e, "authored hints only");
                None
            });
        let Some(agent) = agent.filter(|_| !self.over_budget()) else {
            return self.hint();
        };
        let session = app.store.session(self.id())?;
        let (level, authored) = app.store.next_hint(self.id(), &session.problem_slug)?;
        let problem = app.store.problem(&session.problem_slug)?;
        let material = app.store.judge_material(&session.problem_slug)?;
        let code = self.code()?;
        let req = Request::new(
            hints::instructions(&problem, self.inner.language),
            vec![Message::user(hints::request(
                level,
                &authored,
                &code,
                self.inner.language,
            ))],
            HINT_TOKENS,
        );
        let result = agent
            .llm
            .complete(&req, &self.inner.closing, &mut |_| {})
            .await;
        self.record(&agent, &result);
        let why_not = match result {
            Ok(answer) => {
                let solutions: Vec<&str> =
                    material.solutions.values().map(String::as_str).collect();
                match hints::vet(&answer.text, &solutions) {
                    Ok(text) => {
                        self.live()?;
                        let at = session.elapsed_ms(now_ms());
                        let (level, text) = app.store.reveal_session_hint(
                            self.id(),
                            &session.problem_slug,
                            at,
                            Some(&text),
                        )?;
                        return Ok(HintReveal {
                            level,
                            text,
                            from_model: true,
                            note: None,
                        });
                    }
                    Err(refusal) => {
                        tracing::info!(%refusal, "a model's hint was refused");
                        format!("The model's hint was not given ({refusal}), so this is the authored hint.")
                    }
                }
            }
            Err(e) => format!("The model gave no hint ({e}), so this is the authored hint."),
        };
        let mut reveal = self.hint()?;
        reveal.note = Some(why_not);
        Ok(reveal)
    }
}
