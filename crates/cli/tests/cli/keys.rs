//! `rehearse keys` against the kernel keyring and a fake provider on 127.0.0.1 that checks how
//! the key is sent; afterwards the key is nowhere in the data folder, config folder, logs or
//! any output.

use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Mutex};

const KEY: &str = "sk-rehearse-test-key-0123456789-LEAKCHECK-9f2e";

/// A provider that answers 200 to requests carrying `KEY` and 401 to any other, recording the
/// request line and auth headers of each.
pub fn fake_provider() -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let mut request = String::new();
            let mut authorised = false;
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 0) {
                let l = line.trim_end().to_string();
                line.clear();
                if l.is_empty() {
                    break;
                }
                let lower = l.to_ascii_lowercase();
                if request.is_empty() {
                    request = l.clone();
                } else if lower.starts_with("authorization:")
                    || lower.starts_with("x-goog-api-key:")
                    || lower.starts_with("x-api-key:")
                    || lower.starts_with("anthropic-version:")
                {
                    let (name, value) = l.split_once(':').unwrap_or((&l, ""));
                    request.push_str(&format!(
                        " | {}: {}",
                        name.to_ascii_lowercase(),
                        value.trim()
                    ));
                    authorised |= l.ends_with(KEY);
                }
            }
            log.lock().expect("log").push(request);
            let (status, body) = if authorised {
                ("200 OK", r#"{"data":[]}"#)
            } else {
                (
                    "401 Unauthorized",
                    r#"{"error":{"message":"Incorrect API key"}}"#,
                )
            };
            let mut s = stream;
            let _ = write!(
                s,
                "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    (port, seen)
}

struct Env<'a> {
    data: &'a Path,
    service: String,
    port: u16,
}

impl Env<'_> {
    fn run(&self, args: &[&str], stdin: &str, extra: &[(&str, &str)]) -> Output {
        let base = format!("http://127.0.0.1:{}", self.port);
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_rehearse"));
        cmd.args(args)
            .env("REHEARSE_DATA_DIR", self.data)
            .env("REHEARSE_CONFIG_DIR", self.data.join("config"))
            .env("REHEARSE_KEYCHAIN", "kernel")
            .env("REHEARSE_KEYCHAIN_SERVICE", &self.service)
            .env("REHEARSE_OPENAI_BASE_URL", format!("{base}/v1"))
            .env("REHEARSE_GEMINI_BASE_URL", &base)
            .env("REHEARSE_ANTHROPIC_BASE_URL", &base)
            .env("RUST_LOG", "debug")
            .envs(extra.iter().copied());
        for var in [
            "OPENAI_API_KEY",
            "GEMINI_API_KEY",
            "ANTHROPIC_API_KEY",
            "REHEARSE_COMPATIBLE_API_KEY",
        ] {
            if !extra.iter().any(|(k, _)| *k == var) {
                cmd.env_remove(var);
            }
        }
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(stdin.as_bytes())
            .expect("write stdin");
        let out = child.wait_with_output().expect("output");
        for stream in [&out.stdout, &out.stderr] {
            assert!(
                !String::from_utf8_lossy(stream).contains(KEY),
                "the key was printed by {args:?}"
            );
        }
        out
    }
}

fn stdout_json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// Every file under `dir` that contains `needle`.
fn files_containing(dir: &Path, needle: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if std::fs::read(&path)
                .is_ok_and(|bytes| bytes.windows(needle.len()).any(|w| w == needle.as_bytes()))
            {
                found.push(path.display().to_string());
            }
        }
    }
    found
}

#[test]
fn a_key_is_stored_tested_and_removed_and_never_written_anywhere_else() {
    let d = tempfile::tempdir().expect("temp");
    let (port, seen) = fake_provider();
    let env = Env {
        data: d.path(),
        service: format!("app.rehearse.cli-test-{}", std::process::id()),
        port,
    };

    let set = env.run(
        &["keys", "set", "openai", "--json"],
        &format!("{KEY}\n"),
        &[],
    );
    assert!(
        set.status.success(),
        "{}",
        String::from_utf8_lossy(&set.stderr)
    );
    let status = stdout_json(&set);
    assert_eq!(status["set"], true);
    assert_eq!(status["last4"], "9f2e");

    // Another process finds it.
    let list = stdout_json(&env.run(&["keys", "list", "--json"], "", &[]));
    assert_eq!(list["keychain"], "kernel");
    let openai = &list["keys"][0];
    assert_eq!(
        (openai["provider"].as_str(), openai["set"].as_bool()),
        (Some("openai"), Some(true))
    );
    assert_eq!(openai["source"], "keychain");
    assert_eq!(list["keys"][1]["set"], false, "gemini has none");

    let test = env.run(&["keys", "test", "openai", "--json"], "", &[]);
    assert!(
        test.status.success(),
        "{}",
        String::from_utf8_lossy(&test.stdout)
    );
    assert_eq!(stdout_json(&test)["ok"], true);
    assert_eq!(
        seen.lock().expect("log").last().cloned(),
        Some(format!(
            "GET /v1/models HTTP/1.1 | authorization: Bearer {KEY}"
        )),
        "one GET of the model list with the key as a bearer token"
    );

    // A wrong key (from the environment, which overrides the keychain) is refused.
    let wrong = env.run(
        &["keys", "test", "gemini", "--json"],
        "",
        &[("GEMINI_API_KEY", "AIza-wrong-key-0000")],
    );
    assert_eq!(wrong.status.code(), Some(1));
    let check = stdout_json(&wrong);
    assert_eq!(
        (check["ok"].as_bool(), check["code"].as_str()),
        (Some(false), Some("key_rejected"))
    );
    assert!(seen.lock().expect("log").iter().any(|r| r.starts_with(
        "GET /v1beta/models?pageSize=1 HTTP/1.1 | x-goog-api-key: AIza-wrong-key-0000"
    )));
    let listed = stdout_json(&env.run(
        &["keys", "list", "--json"],
        "",
        &[("GEMINI_API_KEY", "AIza-wrong-key-0000")],
    ));
    assert_eq!(listed["keys"][1]["source"], "env");

    // Nobody listening at the base URL.
    let closed = TcpListener::bind("127.0.0.1:0").expect("bind");
    let dead = format!(
        "http://127.0.0.1:{}/v1",
        closed.local_addr().expect("addr").port()
    );
    drop(closed);
    let unreachable = env.run(
        &["keys", "test", "openai", "--json"],
        "",
        &[("REHEARSE_OPENAI_BASE_URL", &dead)],
    );
    assert_eq!(stdout_json(&unreachable)["code"], "provider_unreachable");

    // An https endpoint that does not speak TLS: the handshake fails with a sentence, no crash.
    let not_tls = TcpListener::bind("127.0.0.1:0").expect("bind");
    let https = format!(
        "https://127.0.0.1:{}/v1",
        not_tls.local_addr().expect("addr").port()
    );
    std::thread::spawn(move || {
        for mut s in not_tls.incoming().flatten() {
            let _ = s.write_all(b"HTTP/1.1 400 Bad Request\r\n\r\n");
        }
    });
    let handshake = env.run(
        &["keys", "test", "openai", "--json"],
        "",
        &[("REHEARSE_OPENAI_BASE_URL", &https)],
    );
    assert_eq!(
        handshake.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&handshake.stderr)
    );
    assert_eq!(stdout_json(&handshake)["code"], "provider_unreachable");

    let leaks = files_containing(d.path(), KEY);
    assert!(leaks.is_empty(), "the key was written to {leaks:?}");
    assert!(
        d.path()
            .join("logs")
            .read_dir()
            .is_ok_and(|mut r| r.next().is_some()),
        "logs were written"
    );

    let removed = stdout_json(&env.run(&["keys", "remove", "openai", "--json"], "", &[]));
    assert_eq!(removed["set"], false);
    let none = env.run(&["keys", "test", "openai", "--json"], "", &[]);
    assert_eq!(none.status.code(), Some(2));
    assert_eq!(stdout_json(&none)["error"]["code"], "no_key");
}

#[test]
fn without_a_keychain_keys_cannot_be_stored_but_the_environment_still_works() {
    let d = tempfile::tempdir().expect("temp");
    let env = Env {
        data: d.path(),
        service: format!("app.rehearse.cli-nokeychain-{}", std::process::id()),
        port: 9,
    };
    let no_bus = [
        ("REHEARSE_KEYCHAIN", "secret-service"),
        ("DBUS_SESSION_BUS_ADDRESS", ""),
    ];
    let set = env.run(
        &["keys", "set", "openai", "--json"],
        &format!("{KEY}\n"),
        &no_bus,
    );
    assert_eq!(set.status.code(), Some(2));
    let body = stdout_json(&set);
    assert_eq!(body["error"]["code"], "keychain_unavailable");
    assert!(body["error"]["message"]
        .as_str()
        .is_some_and(|m| m.contains("OPENAI_API_KEY")));

    let with_env = [
        no_bus[0],
        no_bus[1],
        ("ANTHROPIC_API_KEY", "sk-ant-env-only-7777"),
    ];
    let list = stdout_json(&env.run(&["keys", "list", "--json"], "", &with_env));
    assert_eq!(list["keychain"], Value::Null);
    assert_eq!(list["keychain_error"]["code"], "keychain_unavailable");
    let anthropic = &list["keys"][2];
    assert_eq!(
        (anthropic["set"].as_bool(), anthropic["last4"].as_str()),
        (Some(true), Some("7777"))
    );
    assert!(
        files_containing(d.path(), KEY).is_empty(),
        "nothing fell back to a file"
    );
}
