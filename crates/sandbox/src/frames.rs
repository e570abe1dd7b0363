//! Reading what the harness says. Each frame is one line `@rehearse <json>` on the harness's
//! original stdout; other lines are the candidate's stray output. The harness shares its
//! process with the candidate's code, so a frame is only ever the program's claim: an answer
//! to compare, never a verdict, a time or an exit status (those come from the supervisor).

use serde::Deserialize;
use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum Frame {
    /// The candidate's code is loaded and the function found: tests may come.
    Ready,
    Result {
        status: Status,
        #[serde(default)]
        value: Option<Value>,
        #[serde(default)]
        error: Option<String>,
        #[serde(default)]
        stdout: String,
        #[serde(default)]
        stderr: String,
    },
    /// A Python or JavaScript syntax error, found before any test ran.
    Compile {
        error: String,
    },
    /// The candidate's code failed while loading, or the function is missing.
    Fatal {
        error: String,
        #[serde(default)]
        stdout: String,
        #[serde(default)]
        stderr: String,
    },
    Done,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Ok,
    Error,
    Memory,
    OutputLimit,
}

/// Splits a byte stream into frames and stray output, across chunk boundaries.
pub struct Reader {
    prefix: Vec<u8>,
    pending: Vec<u8>,
    pub stray: Vec<u8>,
}

impl Default for Reader {
    fn default() -> Self {
        Reader::new()
    }
}

impl Reader {
    pub fn new() -> Reader {
        Reader {
            prefix: b"@rehearse ".to_vec(),
            pending: Vec::new(),
            stray: Vec::new(),
        }
    }

    /// Feeds a chunk; returns the frames it completed.
    pub fn feed(&mut self, chunk: &[u8]) -> Vec<Frame> {
        self.pending.extend_from_slice(chunk);
        let mut frames = Vec::new();
        while let Some(end) = self.pending.iter().position(|&b| b == b'\n') {
            let line: Vec<u8> = self.pending.drain(..=end).collect();
            let line = &line[..line.len() - 1];
            match line.strip_prefix(self.prefix.as_slice()) {
                Some(json) => match serde_json::from_slice::<Frame>(json) {
                    Ok(frame) => frames.push(frame),
                    Err(e) => {
                        tracing::warn!(error = %e, "unreadable harness frame");
                        self.stray_line(line);
                    }
                },
                None if line.is_empty() => {}
                None => self.stray_line(line),
            }
        }
        frames
    }

    fn stray_line(&mut self, line: &[u8]) {
        self.stray.extend_from_slice(line);
        self.stray.push(b'\n');
    }

    /// Whatever was left without a final newline.
    pub fn finish(&mut self) {
        let rest = std::mem::take(&mut self.pending);
        if !rest.is_empty() {
            self.stray.extend_from_slice(&rest);
        }
    }
}
