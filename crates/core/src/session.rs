//! A timed interview session: its states, its clock, what is recorded during it, and the
//! port an interviewer (silent now; voice and text later) plugs into.

use crate::language::Language;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum SessionStatus {
    Scheduled,
    Active,
    Completed,
    Abandoned,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum InterviewerMode {
    /// No interviewer: the candidate works alone against the clock.
    #[default]
    Silent,
    Voice,
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum SnapshotKind {
    /// Taken while typing, at most every 5 s.
    Auto,
    /// Taken with every Run and Submit.
    Run,
    /// A checkpoint the candidate asked for.
    Manual,
    /// The code when the session ended.
    Final,
}

/// The longest a session may last, and the warnings given before the end (minutes left).
pub const MAX_MINUTES: f64 = 120.0;
pub const WARNINGS_MIN: [u32; 2] = [10, 2];
/// While the code changes, an auto snapshot is written at most this long after the last one
/// (and never more often). With the editor's 250 ms debounce and the clock's 250 ms flush, a
/// crash loses at most ~4.5 s of typing, inside the 5 s promised.
pub const AUTO_SNAPSHOT_MS: i64 = 4_000;

/// How long a session lasts: 30, 45 or 60 minutes in the app; any length up to 120 (fractions
/// too, so tests can run short sessions) from the CLI.
pub fn duration_ms(minutes: f64) -> Result<i64, String> {
    if !(minutes > 0.0 && minutes <= MAX_MINUTES) {
        return Err(format!(
            "a session lasts more than 0 and at most {MAX_MINUTES} minutes, not {minutes}"
        ));
    }
    Ok((minutes * 60_000.0).round() as i64)
}

/// A session as stored. Times are Unix milliseconds; the clock excludes `paused_ms`, the
/// time no process ran the session (between a crash and its recovery).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Session {
    pub id: String,
    pub problem_slug: String,
    pub problem_title: String,
    pub language: Language,
    pub mode: InterviewerMode,
    pub status: SessionStatus,
    pub duration_ms: i64,
    pub started_at: Option<i64>,
    pub ended_at: Option<i64>,
    pub paused_ms: i64,
    /// Overall score of the latest evaluation, once ended.
    pub score: Option<u32>,
}

impl Session {
    /// Time spent in the session at `now`.
    pub fn elapsed_ms(&self, now: i64) -> i64 {
        let Some(start) = self.started_at else {
            return 0;
        };
        let end = self.ended_at.unwrap_or(now);
        (end - start - self.paused_ms).clamp(0, self.duration_ms.max(end - start))
    }

    pub fn remaining_ms(&self, now: i64) -> i64 {
        (self.duration_ms - self.elapsed_ms(now)).max(0)
    }

    /// The warnings due at `now` (minutes left) that are not in `given`.
    pub fn due_warnings(&self, now: i64, given: &[u32]) -> Vec<u32> {
        let left = self.remaining_ms(now);
        WARNINGS_MIN
            .iter()
            .copied()
            .filter(|m| {
                let at = i64::from(*m) * 60_000;
                left <= at && self.duration_ms > at && !given.contains(m)
            })
            .collect()
    }
}

/// What happens in a session, in the order it happened (the replay's timeline).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SessionEvent {
    Started,
    Snapshot {
        snapshot_id: String,
        snapshot: SnapshotKind,
    },
    Run {
        run_id: String,
        mode: String,
        verdict: String,
        passed: u32,
        total: u32,
    },
    Hint {
        level: u32,
    },
    Warning {
        minutes_left: u32,
    },
    Transcript {
        line_id: String,
    },
    /// The code observer's note on a snapshot (`Replay::notes` holds it).
    CodeNote {
        note_id: String,
        snapshot_id: String,
    },
    Resumed {
        paused_ms: i64,
    },
    Ended {
        reason: EndReason,
    },
    /// The store could not write for a while; the session went on in memory.
    StorageTrouble {
        message: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EndReason {
    /// The candidate pressed End.
    Candidate,
    /// The clock reached zero.
    TimeUp,
    /// A crashed session the candidate chose not to resume.
    Abandoned,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Speaker {
    Candidate,
    Interviewer,
    System,
}

/// One line of the transcript, at its offset in the session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TranscriptLine {
    /// Cited by the evaluator as `transcript:<id>`.
    #[serde(default)]
    pub id: String,
    pub at_ms: i64,
    pub speaker: Speaker,
    pub text: String,
}

/// The port an interviewer implements: it is told what happens and may answer with lines
/// for the transcript. The voice and text interviewers arrive with later issues.
pub trait Interviewer: Send {
    fn mode(&self) -> InterviewerMode;
    fn on_event(&mut self, at_ms: i64, event: &SessionEvent) -> Vec<TranscriptLine>;
}

/// The interviewer of `silent` mode: says nothing.
pub struct Silent;

impl Interviewer for Silent {
    fn mode(&self) -> InterviewerMode {
        InterviewerMode::Silent
    }

    fn on_event(&mut self, _at_ms: i64, _event: &SessionEvent) -> Vec<TranscriptLine> {
        Vec::new()
    }
}

/// E-mail addresses and phone numbers in transcript text, replaced before it is stored.
pub fn redact(text: &str) -> String {
    let mut out = Vec::new();
    for word in text.split(' ') {
        let core = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '+');
        let is_email = {
            let mut parts = core.split('@');
            matches!((parts.next(), parts.next(), parts.next()), (Some(a), Some(b), None) if !a.is_empty() && b.contains('.') && !b.starts_with('.') && !b.ends_with('.'))
        };
        out.push(if is_email {
            word.replace(core, "[email]")
        } else {
            word.to_string()
        });
    }
    redact_phones(&out.join(" "))
}

/// Phone-like runs become `[phone]`: 7 or more digits in two or more groups of at least two (a
/// leading `+1`-style country code may be shorter), separated by spaces, dots, dashes or
/// brackets, or one unbroken run of 9 or more starting with `+` or `0`. "1 2 3 4 5 6 7" (an
/// array read aloud) and "1000000" are left alone.
fn redact_phones(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let starts = |i: usize| {
        chars[i].is_ascii_digit()
            || ((chars[i] == '+' || chars[i] == '(')
                && chars.get(i + 1).is_some_and(char::is_ascii_digit))
    };
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if starts(i) && (i == 0 || !chars[i - 1].is_alphanumeric()) {
            let plus = chars[i] == '+';
            let (mut j, mut groups, mut current, mut last_digit) = (i, Vec::new(), 0usize, i);
            while j < chars.len() && (chars[j].is_ascii_digit() || " .-()+".contains(chars[j])) {
                if chars[j].is_ascii_digit() {
                    current += 1;
                    last_digit = j;
                } else if current > 0 {
                    groups.push(current);
                    current = 0;
                }
                j += 1;
            }
            if current > 0 {
                groups.push(current);
            }
            let total: usize = groups.iter().sum();
            let grouped = groups.len() >= 2
                && groups
                    .iter()
                    .enumerate()
                    .all(|(k, g)| *g >= 2 || (k == 0 && plus));
            // One unbroken run is a phone number only when it looks dialled: `+…` or `0…`.
            let dialled = groups.len() == 1 && (plus || chars[i] == '0') && total >= 9;
            if total >= 7 && (grouped || dialled) {
                out.push_str("[phone]");
                i = last_digit + 1;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}
