//! When to offer typing because the interviewer answers slowly: the median of its recent reply
//! latencies has stayed above a limit for a whole stretch of time. One slow turn is not enough,
//! and neither is a few slow turns scattered between fast ones.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

/// Replies the rolling median is taken over.
const WINDOW: usize = 5;
/// Replies needed before the median says anything.
const MIN_SAMPLES: usize = 3;

pub struct SlowWatch {
    limit_ms: u64,
    stretch: Duration,
    recent: VecDeque<u64>,
    /// Since when the rolling median has been above the limit.
    slow_since: Option<Instant>,
    offered: bool,
}

impl SlowWatch {
    /// Offers once the rolling median stays above `limit_ms` for `stretch`.
    pub fn new(limit_ms: u64, stretch: Duration) -> SlowWatch {
        SlowWatch {
            limit_ms,
            stretch,
            recent: VecDeque::with_capacity(WINDOW),
            slow_since: None,
            offered: false,
        }
    }

    /// A reply's latency, measured at `now`. True when the offer is due (once per interview).
    pub fn reply(&mut self, now: Instant, ms: u64) -> bool {
        if self.recent.len() == WINDOW {
            self.recent.pop_front();
        }
        self.recent.push_back(ms);
        match self.median() {
            Some(p50) if p50 > self.limit_ms => {
                self.slow_since.get_or_insert(now);
            }
            _ => self.slow_since = None,
        }
        self.due(now)
    }

    /// The clock moved on without a reply. True when the offer is due (once per interview).
    pub fn due(&mut self, now: Instant) -> bool {
        match self.slow_since {
            Some(since)
                if !self.offered && now.saturating_duration_since(since) >= self.stretch =>
            {
                self.offered = true;
                true
            }
            _ => false,
        }
    }

    /// The median of the recent replies, once there are enough of them.
    pub fn median(&self) -> Option<u64> {
        if self.recent.len() < MIN_SAMPLES {
            return None;
        }
        let mut v: Vec<u64> = self.recent.iter().copied().collect();
        v.sort_unstable();
        Some(v[v.len() / 2])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn watch() -> (SlowWatch, Instant) {
        (SlowWatch::new(800, Duration::from_secs(30)), Instant::now())
    }

    fn at(t0: Instant, s: u64) -> Instant {
        t0 + Duration::from_secs(s)
    }

    #[test]
    fn a_median_above_the_limit_for_thirty_seconds_offers_once() {
        let (mut w, t0) = watch();
        assert!(!w.reply(at(t0, 0), 1200));
        assert!(!w.reply(at(t0, 5), 1100));
        assert!(!w.reply(at(t0, 10), 900), "slow from here");
        assert!(!w.reply(at(t0, 25), 1500));
        assert!(!w.due(at(t0, 39)));
        assert!(w.due(at(t0, 40)), "30 s after the median went above 800 ms");
        assert!(!w.due(at(t0, 80)), "offered once");
        assert!(!w.reply(at(t0, 90), 2000));
    }

    #[test]
    fn two_slow_turns_are_not_a_slow_interviewer() {
        let (mut w, t0) = watch();
        assert!(!w.reply(at(t0, 0), 2000));
        assert!(!w.reply(at(t0, 5), 2000));
        assert_eq!(w.median(), None);
        assert!(!w.due(at(t0, 60)));
    }

    #[test]
    fn fast_replies_in_between_restart_the_stretch() {
        let (mut w, t0) = watch();
        for (s, ms) in [(0, 900), (5, 900), (10, 900)] {
            assert!(!w.reply(at(t0, s), ms));
        }
        for (s, ms) in [(20, 300), (25, 300)] {
            assert!(!w.reply(at(t0, s), ms));
        }
        assert_eq!(w.median(), Some(900), "still three of five slow");
        assert!(!w.reply(at(t0, 30), 300), "the median is fast again");
        assert!(!w.due(at(t0, 45)));
        for (s, ms) in [(50, 1000), (55, 1000), (60, 1000)] {
            assert!(!w.reply(at(t0, s), ms));
        }
        assert!(!w.due(at(t0, 89)), "the stretch began again at 60 s");
        assert!(w.due(at(t0, 90)));
    }
}
