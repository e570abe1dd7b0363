//! A small WebDriver client (W3C protocol over HTTP) for driving the desktop app through
//! tauri-driver. `cargo xtask test` starts Xvfb and tauri-driver and sets the environment.

mod settings;

use base64::Engine;
use serde_json::{json, Value};
use std::path::PathBuf;
use std::time::{Duration, Instant};

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!("{name} is not set: run the desktop end-to-end tests with `cargo xtask test`, which starts Xvfb and tauri-driver")
    })
}

pub struct Session {
    base: String,
    id: String,
    agent: ureq::Agent,
}

pub struct Element<'a> {
    session: &'a Session,
    id: String,
}

impl Session {
    /// Starts the app (a new process) and connects to its window.
    pub fn start() -> Session {
        let base = env("REHEARSE_E2E_WEBDRIVER");
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let caps = json!({"capabilities": {"alwaysMatch": {"tauri:options": {"application": env("REHEARSE_E2E_APP"), "args": []}}}});
        let mut s = Session {
            base,
            id: String::new(),
            agent,
        };
        let v = s.call("POST", "/session", Some(caps));
        s.id = v["sessionId"].as_str().expect("a session id").to_string();
        s
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}{}", self.base, path);
        let mut resp = match method {
            "GET" => self.agent.get(&url).call(),
            "DELETE" => self.agent.delete(&url).call(),
            _ => self
                .agent
                .post(&url)
                .send_json(body.unwrap_or_else(|| json!({}))),
        }
        .unwrap_or_else(|e| panic!("{method} {url}: {e}"));
        let status = resp.status();
        let v: Value = resp.body_mut().read_json().unwrap_or(Value::Null);
        assert!(
            status.is_success(),
            "{method} {path} failed ({status}): {v}"
        );
        v.get("value").cloned().unwrap_or(v)
    }

    fn at(&self, rest: &str) -> String {
        format!("/session/{}{rest}", self.id)
    }

    fn try_find_all(&self, css: &str) -> Vec<Element<'_>> {
        let v = self.call(
            "POST",
            &self.at("/elements"),
            Some(json!({"using": "css selector", "value": css})),
        );
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| e[ELEMENT].as_str())
                    .map(|id| Element {
                        session: self,
                        id: id.into(),
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Waits up to 10 s for `css` to match at least `n` elements.
    pub fn wait_all(&self, css: &str, n: usize) -> Vec<Element<'_>> {
        self.wait_until(&format!("{n} × {css}"), || {
            let found = self.try_find_all(css);
            (found.len() >= n).then_some(found)
        })
    }

    pub fn find(&self, css: &str) -> Element<'_> {
        self.wait_all(css, 1)
            .into_iter()
            .next()
            .expect("one element")
    }

    /// Polls `f` until it returns Some, for up to 10 s.
    pub fn wait_until<T>(&self, what: &str, f: impl FnMut() -> Option<T>) -> T {
        self.wait_within(what, Duration::from_secs(10), f)
    }

    /// Polls `f` until it returns Some, for up to `limit`: a bound on waiting for work whose
    /// length depends on the machine (compiling, on a cold cache), never a speed check.
    pub fn wait_within<T>(
        &self,
        what: &str,
        limit: Duration,
        mut f: impl FnMut() -> Option<T>,
    ) -> T {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(v) = f() {
                return v;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn script(&self, script: &str, args: Value) -> Value {
        self.call(
            "POST",
            &self.at("/execute/sync"),
            Some(json!({"script": script, "args": args})),
        )
    }

    /// Runs an async script: it gets `arguments` plus a callback as the last argument, and its
    /// result is what it passes to that callback.
    pub fn script_async(&self, script: &str, args: Value) -> Value {
        self.call(
            "POST",
            &self.at("/execute/async"),
            Some(json!({"script": script, "args": args})),
        )
    }

    /// The text of every element matching `css`, read in one step (no stale references while
    /// the page re-renders).
    pub fn texts(&self, css: &str) -> Vec<String> {
        self.strings(
            "return Array.from(document.querySelectorAll(arguments[0])).map((e) => e.textContent);",
            json!([css]),
        )
    }

    /// The attribute `name` of every element matching `css`, read in one step.
    pub fn attrs(&self, css: &str, name: &str) -> Vec<String> {
        self.strings("return Array.from(document.querySelectorAll(arguments[0])).map((e) => e.getAttribute(arguments[1]));", json!([css, name]))
    }

    fn strings(&self, script: &str, args: Value) -> Vec<String> {
        self.script(script, args)
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|v| v.as_str().unwrap_or_default().to_string())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Saves a PNG of the window under `target/e2e/` (or `$REHEARSE_E2E_SHOTS`).
    pub fn screenshot(&self, name: &str) -> PathBuf {
        let v = self.call("GET", &self.at("/screenshot"), None);
        let png = base64::engine::general_purpose::STANDARD
            .decode(v.as_str().expect("base64 PNG"))
            .expect("valid base64");
        let dir = PathBuf::from(env("REHEARSE_E2E_SHOTS"));
        std::fs::create_dir_all(&dir).expect("screenshot folder");
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).expect("write screenshot");
        path
    }

    /// Ends the session, which quits the app.
    /// Closes the app (dropping the session does the same).
    pub fn quit(self) {}
}

/// A test that fails mid-way still closes its app, so the next test can start one.
impl Drop for Session {
    fn drop(&mut self) {
        let _ = self
            .agent
            .delete(&format!("{}/session/{}", self.base, self.id))
            .call();
    }
}

impl Element<'_> {
    pub fn click(&self) {
        self.session.call(
            "POST",
            &self.session.at(&format!("/element/{}/click", self.id)),
            None,
        );
    }

    pub fn send_keys(&self, text: &str) {
        self.session.call(
            "POST",
            &self.session.at(&format!("/element/{}/value", self.id)),
            Some(json!({"text": text})),
        );
    }

    pub fn text(&self) -> String {
        self.session
            .call(
                "GET",
                &self.session.at(&format!("/element/{}/text", self.id)),
                None,
            )
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    pub fn attr(&self, name: &str) -> Option<String> {
        self.session
            .call(
                "GET",
                &self
                    .session
                    .at(&format!("/element/{}/attribute/{name}", self.id)),
                None,
            )
            .as_str()
            .map(String::from)
    }
}
