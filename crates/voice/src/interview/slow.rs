//! When to offer typing because the interviewer answers slowly: the median of its recent reply
//! latencies has stayed above a limit for a whole stretch of time. One slow turn is not enough,
//! and neither is a few slow turns scattered between fast ones.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

/// Replies the rolling median is taken over: the last five, none older than twice the stretch.
const WINDOW: usize = 5;
/// Replies needed before the median says anything.
const MIN_SAMPLES: usize = 3;

pub struct SlowWatch {
    limit_ms: u64,
    stretch: Duration,
    recent: VecDeque<(Instant, u64)>,
    /// The reply since which the rolling median has been above the limit.
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

    /// A reply's latency, measured at `now`. True when the offer is due (once per interview):
    /// this reply keeps the median above the limit, and it has been above since a reply at
    /// least the stretch ago. Quiet time proves nothing, so only a reply can make it due.
    pub fn reply(&mut self, now: Instant, ms: u64) -> bool {
        if self.recent.len() == WINDOW {
            self.recent.pop_front();
        }
        self.recent.push_back((now, ms));
        let max_age = self.stretch * 2;
        self.recent
            .retain(|(t, _)| now.saturating_duration_since(*t) <= max_age);
        match self.median() {
            Some(p50) if p50 > self.limit_ms => {
                let since = *self.slow_since.get_or_insert(now);
                if !self.offered && now.saturating_duration_since(since) >= self.stretch {
                    self.offered = true;
                    return true;
                }
            }
            _ => self.slow_since = None,
        }
        false
    }

    /// The median of the recent replies (the lower one of an even count), once there are
    /// enough of them.
    pub fn median(&self) -> Option<u64> {
        if self.recent.len() < MIN_SAMPLES {
            return None;
        }
        let mut v: Vec<u64> = self.recent.iter().map(|(_, ms)| *ms).collect();
        v.sort_unstable();
        Some(v[(v.len() - 1) / 2])
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
        assert!(!w.reply(at(t0, 39), 1000));
        assert!(
            w.reply(at(t0, 40), 1000),
            "30 s after the median went above 800 ms"
        );
        assert!(!w.reply(at(t0, 80), 2000), "offered once");
    }

    #[test]
    fn two_slow_turns_or_slow_turns_then_silence_are_not_a_slow_interviewer() {
        let (mut w, t0) = watch();
        assert!(!w.reply(at(t0, 0), 2000));
        assert!(!w.reply(at(t0, 5), 2000));
        assert_eq!(w.median(), None);
        assert!(!w.reply(at(t0, 6), 2000), "three slow warm-up replies");
        // Then 60 s of quiet coding, and a fast reply: no offer, and the stretch is over.
        assert!(!w.reply(at(t0, 66), 300));
        assert!(!w.reply(at(t0, 70), 300));
        assert_eq!(w.median(), None, "the slow ones are over a minute old");
    }

    #[test]
    fn fast_replies_in_between_restart_the_stretch() {
        let (mut w, t0) = watch();
        for (s, ms) in [(0, 900), (5, 900), (10, 900), (20, 300)] {
            assert!(!w.reply(at(t0, s), ms));
        }
        assert_eq!(w.median(), Some(900), "one fast of four: the lower median");
        assert!(!w.reply(at(t0, 25), 300));
        assert_eq!(w.median(), Some(900), "still three of five slow");
        assert!(!w.reply(at(t0, 30), 300), "the median is fast again");
        for (s, ms) in [(50, 1000), (55, 1000), (60, 1000), (89, 1000)] {
            assert!(!w.reply(at(t0, s), ms), "{s}");
        }
        assert!(w.reply(at(t0, 90), 1000), "the stretch began again at 60 s");
    }
}
