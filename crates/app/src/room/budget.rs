//! What a session costs as it goes, against its budget (`[budget] session_usd` in
//! config.toml): the voice provider's estimate plus every agent call. The window and the CLI
//! see a meter; at 80 % the candidate is told; at 100 % the observer stops reading with its
//! model and the interviewer wraps up.

use super::{Room, RoomEvent, RoomUpdate};
use crate::ai::Agent;
use crate::Notice;
use rehearse_agents::{Answer, Failed};
use rehearse_core::ErrorCode;
use serde::Serialize;
use ts_rs::TS;

/// The share of the budget at which the candidate is told.
pub const WARN_AT: f64 = 0.8;

/// The running cost of a session, in US dollars.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
pub struct CostMeter {
    pub usd: f64,
    pub voice_usd: f64,
    pub agents_usd: f64,
    /// `[budget] session_usd`; None without a budget.
    pub budget_usd: Option<f64>,
}

#[derive(Debug, Default)]
pub(super) struct Spend {
    /// Voice calls that have ended, and the running one's estimate.
    voice_before: f64,
    voice_now: f64,
    agents: f64,
    budget: Option<f64>,
    warned: bool,
    reached: bool,
}

impl Spend {
    /// A session's spend as it opens: what its agent calls cost before (a resumed session).
    pub(super) fn new(budget: Option<f64>, agents: f64) -> Spend {
        let mut s = Spend {
            budget,
            agents,
            ..Spend::default()
        };
        (s.warned, s.reached) = (s.share() >= WARN_AT, s.share() >= 1.0);
        s
    }

    fn meter(&self) -> CostMeter {
        let voice = self.voice_before + self.voice_now;
        CostMeter {
            usd: voice + self.agents,
            voice_usd: voice,
            agents_usd: self.agents,
            budget_usd: self.budget,
        }
    }

    fn share(&self) -> f64 {
        match self.budget {
            Some(b) if b > 0.0 => self.meter().usd / b,
            Some(_) => f64::INFINITY,
            None => 0.0,
        }
    }

    /// A voice call starts: the last one's estimate is final.
    pub(super) fn new_voice_call(&mut self) {
        self.voice_before += self.voice_now;
        self.voice_now = 0.0;
    }
}

enum Crossed {
    Nothing,
    Warn,
    Reached,
}

impl Room {
    /// The session's cost so far.
    pub fn cost(&self) -> CostMeter {
        self.state().spend.meter()
    }

    /// The budget is used up: models that can be spared are not called any more.
    pub fn over_budget(&self) -> bool {
        self.state().spend.reached
    }

    /// Records one agent call of this session and counts its cost.
    pub(super) fn record(&self, agent: &Agent, outcome: &Result<Answer, Failed>) {
        let usd = self
            .inner
            .app
            .record_call(Some(self.id()), agent, outcome)
            .unwrap_or(0.0);
        self.spend(|s| s.agents += usd);
    }

    /// The voice call's running estimate (it grows with each reply).
    pub(super) fn voice_cost(&self, usd: f64) {
        self.spend(|s| s.voice_now = usd.max(s.voice_now));
    }

    fn spend(&self, change: impl FnOnce(&mut Spend)) {
        let (meter, crossed) = {
            let mut st = self.state();
            let s = &mut st.spend;
            change(s);
            let share = s.share();
            let crossed = if share >= 1.0 && !s.reached {
                (s.reached, s.warned) = (true, true);
                Crossed::Reached
            } else if share >= WARN_AT && !s.warned {
                s.warned = true;
                Crossed::Warn
            } else {
                Crossed::Nothing
            };
            (s.meter(), crossed)
        };
        self.show(RoomUpdate::Cost(meter));
        let budget = meter.budget_usd.unwrap_or_default();
        let message = match crossed {
            Crossed::Nothing => return,
            Crossed::Warn => format!(
                "This session has used {:.0} % of its ${budget:.2} budget (${:.2}). At 100 % the code observer stops and the interviewer wraps up.",
                WARN_AT * 100.0,
                meter.usd
            ),
            Crossed::Reached => format!(
                "This session's ${budget:.2} budget is used up (${:.2}): the code observer has stopped and the interviewer is wrapping up. Raise `session_usd` under [budget] in config.toml for longer sessions.",
                meter.usd
            ),
        };
        self.show(RoomUpdate::Notice(Notice {
            code: ErrorCode::BudgetReached,
            message,
        }));
        if matches!(crossed, Crossed::Reached) {
            self.tell(RoomEvent::BudgetReached);
        }
    }
}
