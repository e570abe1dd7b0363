//! Reading what the harness reports. Each report is one line `<nonce> <json>` on the
//! harness's original stdout; the nonce is random per run, so nothing the candidate's code
//! prints can pass for a report. Other lines are the candidate's stray output.

use serde::Deserialize;
use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum Frame {
    Start {
        i: u32,
    },
    Result {
        i: u32,
        status: Status,
        #[serde(default)]
        value: Option<Value>,
        #[serde(default)]
        error: Option<String>,
        #[serde(default)]
        time_ms: Option<f64>,
        #[serde(default)]
        mem_kb: Option<u64>,
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
    /// Written by the run script after the harness ended.
    Exit {
        code: i64,
        oom_kill: u64,
        peak_bytes: u64,
    },
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

impl Reader {
    pub fn new(nonce: &str) -> Reader {
        Reader {
            prefix: format!("{nonce} ").into_bytes(),
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

/// The line the run script adds after the program ends: exit status, OOM kills, peak memory.
pub const EXIT_TRAILER: &str = r#"code=$?
oom=0
for f in /sys/fs/cgroup/memory/memory.oom_control /sys/fs/cgroup/memory.events; do
  if [ -r "$f" ]; then while read -r k v; do [ "$k" = oom_kill ] && oom=$v; done < "$f"; fi
done
peak=$(cat /sys/fs/cgroup/memory/memory.max_usage_in_bytes 2>/dev/null || cat /sys/fs/cgroup/memory.peak 2>/dev/null || echo 0)
printf '\n%s {"t":"exit","code":%s,"oom_kill":%s,"peak_bytes":%s}\n' "$REHEARSE_NONCE" "$code" "${oom:-0}" "${peak:-0}"
"#;
