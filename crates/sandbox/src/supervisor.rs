//! The supervisor (`harness/supervise.pl`): the job it is given and what it reports. It runs
//! as root inside the container and starts the step's program as another user, so its
//! reports travel on a stream the program cannot reach: the exit status, the signal, memory,
//! which tests ran and how long each took are its word, never the program's.

use crate::error::{Result, SandboxError};

pub const SCRIPT: &str = include_str!("../harness/supervise.pl");

/// Where the supervisor's files go: a tmpfs only root can enter.
const PRIVATE: &str = "rehearse";
/// Where the program's files go.
const WORK: &str = "work";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A program run to its end with a given stdin.
    Exec,
    /// The judge harness, handed one test at a time.
    Judge,
}

/// One step for the supervisor.
pub struct Job<'a> {
    pub mode: Mode,
    /// A sh command, run in /work as the unprivileged user.
    pub cmd: &'a str,
    /// A tar of the compiled program, unpacked into /work/build before it starts.
    pub build: Option<Vec<u8>>,
    /// Exec: the program's stdin.
    pub stdin: Option<Vec<u8>>,
    /// Judge: one JSON line per test (never readable by the program).
    pub tests: Option<Vec<u8>>,
    /// Judge: how many times each test runs.
    pub repeat: u32,
    /// Judge: how long one test may take before the program is stopped.
    pub test_ms: u64,
    pub wall_ms: u64,
    pub out_cap: usize,
    pub err_cap: usize,
}

impl<'a> Job<'a> {
    /// A program run to its end (`cmd` in /work), with no input, build or tests; set the
    /// other fields with `..Job::exec(…)`.
    pub fn exec(cmd: &'a str, wall_ms: u64, out_cap: usize, err_cap: usize) -> Job<'a> {
        Job {
            mode: Mode::Exec,
            cmd,
            build: None,
            stdin: None,
            tests: None,
            repeat: 1,
            test_ms: 0,
            wall_ms,
            out_cap,
            err_cap,
        }
    }

    /// The step's files as the container unpacks them: the program's under /work, the
    /// supervisor's under /rehearse.
    pub fn files(self, program: Vec<(String, Vec<u8>)>) -> Vec<(String, Vec<u8>)> {
        let mut conf = format!(
            "mode={}\nrepeat={}\ntest_ms={}\ntest_wall_ms={}\nwall_ms={}\nout_cap={}\nerr_cap={}\n",
            match self.mode {
                Mode::Exec => "exec",
                Mode::Judge => "judge",
            },
            self.repeat.max(1),
            self.test_ms,
            test_wall_ms(self.test_ms),
            self.wall_ms,
            self.out_cap,
            self.err_cap,
        );
        let mut files: Vec<(String, Vec<u8>)> = program
            .into_iter()
            .map(|(name, data)| (format!("{WORK}/{name}"), data))
            .collect();
        if let Some(stdin) = self.stdin {
            conf.push_str(&format!("stdin=/{PRIVATE}/stdin\n"));
            files.push((format!("{PRIVATE}/stdin"), stdin));
        }
        if let Some(build) = self.build {
            conf.push_str(&format!("unpack=/{PRIVATE}/build.tar\n"));
            files.push((format!("{PRIVATE}/build.tar"), build));
        }
        if let Some(tests) = self.tests {
            conf.push_str(&format!("tests=/{PRIVATE}/tests\n"));
            files.push((format!("{PRIVATE}/tests"), tests));
        }
        files.push((
            format!("{PRIVATE}/supervise.pl"),
            SCRIPT.as_bytes().to_vec(),
        ));
        files.push((format!("{PRIVATE}/cmd"), self.cmd.as_bytes().to_vec()));
        files.push((format!("{PRIVATE}/job"), conf.into_bytes()));
        files
    }
}

/// The wall time a test may take, its CPU limit being `test_ms` (told to supervise.pl in the
/// job file): enough for a program that gets a quarter of a CPU on a busy machine.
pub fn test_wall_ms(test_ms: u64) -> u64 {
    4 * test_ms + 1_000
}

/// Why the supervisor stopped the program before it ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The test's CPU time reached its limit.
    TestTime,
    /// No answer after 4 x the test's limit + 1 s of wall time: the program mostly waited.
    TestWall,
    Wall,
    Stdout,
    Stderr,
}

/// How the program ended, measured by the supervisor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Exit {
    /// None when it was stopped or killed by a signal.
    pub code: Option<i64>,
    pub signal: Option<i64>,
    pub oom_kills: u64,
    pub peak_bytes: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Stdout(Vec<u8>),
    Stderr(Vec<u8>),
    /// Test `i` (run `r`) was handed to the program.
    Sent {
        i: u32,
        r: u32,
    },
    /// The program answered it after `ns` nanoseconds; its peak memory so far.
    Answered {
        i: u32,
        r: u32,
        ns: u64,
        peak_kb: u64,
    },
    Stopped(Stop),
    Exit(Exit),
    /// The supervisor could not do its job (never the program's doing).
    Failed(String),
}

/// Splits the supervisor's stream into events, across chunk boundaries.
#[derive(Default)]
pub struct Decoder {
    buf: Vec<u8>,
}

impl Decoder {
    pub fn feed(&mut self, chunk: &[u8]) -> Result<Vec<Event>> {
        self.buf.extend_from_slice(chunk);
        let mut events = Vec::new();
        let mut at = 0;
        while let Some(nl) = self.buf[at..].iter().position(|&b| b == b'\n') {
            let header = std::str::from_utf8(&self.buf[at..at + nl])
                .map_err(|_| garbled(&self.buf[at..at + nl]))?;
            let words: Vec<&str> = header.split(' ').collect();
            let num = |k: usize| -> Result<i64> {
                words
                    .get(k)
                    .and_then(|w| w.parse().ok())
                    .ok_or_else(|| garbled(header.as_bytes()))
            };
            let body = at + nl + 1;
            let event = match words[0] {
                "o" | "e" | "f" => {
                    let len = usize::try_from(num(1)?).map_err(|_| garbled(header.as_bytes()))?;
                    if self.buf.len() < body + len {
                        break;
                    }
                    let bytes = self.buf[body..body + len].to_vec();
                    at = body + len;
                    match words[0] {
                        "o" => Event::Stdout(bytes),
                        "e" => Event::Stderr(bytes),
                        _ => Event::Failed(String::from_utf8_lossy(&bytes).into_owned()),
                    }
                }
                tag => {
                    at = body;
                    let idx = |k| num(k).map(|n| u32::try_from(n).unwrap_or(u32::MAX));
                    match tag {
                        "s" => Event::Sent {
                            i: idx(1)?,
                            r: idx(2)?,
                        },
                        "t" => Event::Answered {
                            i: idx(1)?,
                            r: idx(2)?,
                            ns: u64::try_from(num(3)?).unwrap_or(0),
                            peak_kb: u64::try_from(num(4)?).unwrap_or(0),
                        },
                        "k" => Event::Stopped(match words.get(1).copied() {
                            Some("test_time") => Stop::TestTime,
                            Some("test_wall") => Stop::TestWall,
                            Some("wall") => Stop::Wall,
                            Some("output_stdout") => Stop::Stdout,
                            Some("output_stderr") => Stop::Stderr,
                            _ => return Err(garbled(header.as_bytes())),
                        }),
                        "x" => {
                            let code = num(1)?;
                            let signal = num(2)?;
                            Event::Exit(Exit {
                                code: (code >= 0).then_some(code),
                                signal: (signal > 0).then_some(signal),
                                oom_kills: u64::try_from(num(3)?).unwrap_or(0),
                                peak_bytes: u64::try_from(num(4)?).unwrap_or(0),
                            })
                        }
                        _ => return Err(garbled(header.as_bytes())),
                    }
                }
            };
            events.push(event);
        }
        self.buf.drain(..at);
        Ok(events)
    }
}

fn garbled(line: &[u8]) -> SandboxError {
    let shown: String = String::from_utf8_lossy(line).chars().take(120).collect();
    SandboxError::Internal(format!(
        "the sandbox's supervisor said something unreadable: {shown:?}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_split_across_chunks() {
        let stream = b"s 0 0\no 5\nab\ncdt 0 0 1200 77\ne 2\nxyk test_time 1 0\nx -1 0 0 4096\n";
        let mut d = Decoder::default();
        let mut events = Vec::new();
        for piece in stream.chunks(3) {
            events.extend(d.feed(piece).unwrap());
        }
        assert_eq!(
            events,
            vec![
                Event::Sent { i: 0, r: 0 },
                Event::Stdout(b"ab\ncd".to_vec()),
                Event::Answered {
                    i: 0,
                    r: 0,
                    ns: 1200,
                    peak_kb: 77
                },
                Event::Stderr(b"xy".to_vec()),
                Event::Stopped(Stop::TestTime),
                Event::Exit(Exit {
                    code: None,
                    signal: None,
                    oom_kills: 0,
                    peak_bytes: 4096
                }),
            ]
        );
    }

    #[test]
    fn nonsense_is_an_error() {
        assert!(Decoder::default().feed(b"zz 1\n").is_err());
        assert!(Decoder::default().feed(b"o nope\n").is_err());
    }
}
