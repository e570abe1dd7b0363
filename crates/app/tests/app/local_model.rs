//! A real model behind the compatible provider: SmolLM2-135M-Instruct on llama.cpp's server
//! (both from PyPI, installed by `cargo xtask setup`). A short text interview and an observer
//! pass go over the real transport, streaming and schema check; what the model says is not
//! judged (a 135M model's reading of code is poor), only that it arrives, is checked and kept.
//! `cargo xtask test` runs it alone, as it keeps both cores busy.

use super::ai_session;
use rehearse_agents::{CancellationToken, Endpoint, Llm, Message, Policy, Request, Tool, Wire};
use rehearse_app::room::Room;
use rehearse_core::error::Coded;
use rehearse_core::session::{InterviewerMode, Speaker};
use rehearse_core::settings::{AiChoice, AiRole};
use rehearse_core::ErrorCode;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Where `cargo xtask setup` put the virtualenv and the model.
fn llm_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("REHEARSE_LLM_DIR") {
        return d.into();
    }
    std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .expect("a home folder")
        .join("rehearse/llm")
}

struct Server {
    child: Child,
    url: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn serve() -> Server {
    let dir = llm_dir();
    let (python, model) = (
        dir.join("venv/bin/python"),
        dir.join("SmolLM2-135M-Instruct.Q4_1.gguf"),
    );
    assert!(
        python.is_file() && model.is_file(),
        "no local model in {}: run `cargo xtask setup`",
        dir.display()
    );
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/local-llm/serve.py");
    let child = Command::new(python)
        .arg(script)
        .arg(&model)
        .arg(port.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start llama.cpp's server");
    let mut server = Server {
        child,
        url: format!("http://127.0.0.1:{port}/v1"),
    };
    // The deadline only keeps a server that never comes up from hanging the suite.
    let deadline = Instant::now() + Duration::from_secs(600);
    let health = format!("http://127.0.0.1:{port}/health");
    loop {
        if let Ok(r) = reqwest::get(&health).await {
            if r.status().is_success() {
                return server;
            }
        }
        if let Some(status) = server.child.try_wait().expect("server status") {
            panic!("llama.cpp's server exited: {status}");
        }
        assert!(
            Instant::now() < deadline,
            "llama.cpp's server did not come up"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

const NESTED: &str = "def pair_sum_indices(nums, target):\n    for i in range(len(nums)):\n        for j in range(i + 1, len(nums)):\n            if nums[i] + nums[j] == target:\n                return [i, j]\n";

#[test]
#[ignore = "a real model on the CPU: cargo xtask test runs it alone"]
fn a_real_local_model_interviews_in_text_and_reads_the_code() {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        let server = serve().await;
        let d = tempfile::tempdir().expect("temp");
        let roles = [
            (AiRole::Interviewer, "smollm2"),
            (AiRole::Observer, "smollm2"),
        ];
        let (app, id) = ai_session(d.path(), Some(&server.url), &roles, InterviewerMode::Text);
        // A model on a busy CPU is slow; the deadline is for a hang, not for speed.
        super::write_config(
            &app,
            "[ai.interviewer]\ntimeout_s = 1800\n[ai.observer]\ntimeout_s = 1800\n",
        );

        let room = Room::open(&app, &id, |_| {}).expect("room");
        room.start();
        let mut call = room
            .start_text(&AiChoice::default())
            .expect("text interviewer");
        room.code_changed(NESTED.into()).expect("code");
        room.say("I check every pair of indices first. Is that fine?".into())
            .expect("say");
        call.settled().await;
        room.observed(1).await;

        let lines = app.store.transcript(&id).expect("transcript");
        let reply = lines
            .iter()
            .find(|l| l.speaker == Speaker::Interviewer)
            .unwrap_or_else(|| panic!("the model's reply is in the transcript: {lines:#?}"));
        assert!(!reply.text.trim().is_empty(), "{reply:?}");

        let calls = app.store.agent_calls(&id).expect("calls");
        let chat = calls
            .iter()
            .find(|c| c.role == AiRole::Interviewer)
            .expect("the interviewer's call is recorded");
        assert!(chat.ok && chat.output > 0 && chat.input > 0, "{chat:?}");
        assert_eq!(chat.provider, "compatible");

        let notes = app.store.code_notes(&id).expect("notes");
        let note = notes.last().expect("the observer's note");
        assert!(
            note.syntax.is_empty(),
            "the parser finds nothing wrong: {note:?}"
        );
        // The grammar-constrained answer passed our own schema check, or failed it twice
        // (the answer and its one repair): never a transport failure, never taken on trust.
        match (&note.reading, &note.unread) {
            (Some(_), _) => assert!(
                note.model.is_some(),
                "the note names the model that read the code"
            ),
            (None, Some(why)) => assert!(why.contains("bad_output"), "{why}"),
            (None, None) => panic!("a note with neither a reading nor a reason: {note:?}"),
        }
        let reads: Vec<_> = calls
            .iter()
            .filter(|c| c.role == AiRole::Observer)
            .collect();
        assert_eq!(reads.len(), 1, "one look, recorded once: {reads:?}");
        assert!(reads[0].input > 0 && reads[0].output > 0, "{:?}", reads[0]);
        room.end(Some(NESTED)).await.expect("end");

        repair_then_bad_output(&server.url).await;
    });
}

/// The repair path with the real model: an answer cut off after a few tokens is not JSON, so
/// it goes back once with what is wrong; the repair is cut off too, and the call ends in
/// `bad_output` with both answers' tokens counted.
async fn repair_then_bad_output(url: &str) {
    let llm = Llm::new(
        reqwest::Client::new(),
        Endpoint {
            wire: Wire::Compatible,
            label: "llama.cpp".into(),
            base_url: url.into(),
            key: None,
            model: "smollm2".into(),
        },
    )
    .with_policy(Policy {
        deadline: Duration::from_secs(1800),
        ..Policy::default()
    });
    let shape = Tool {
        name: "code_reading".into(),
        description: "What the code does.".into(),
        schema: rehearse_core::observer::reading_schema(),
    };
    let req = Request::new(
        "Describe the code.",
        vec![Message::user(NESTED)],
        // Too few tokens for any answer that follows the schema.
        6,
    );
    let err = llm
        .ask(&req, &shape, &CancellationToken::new())
        .await
        .expect_err("an answer cut off after 6 tokens cannot follow the schema");
    assert_eq!(err.code(), ErrorCode::BadOutput, "{err}");
    let spent = err.spent;
    assert!(
        spent.output > 6 && spent.output <= 12 && spent.input > 0,
        "two answers of at most 6 tokens each, both counted: {spent:?}"
    );
}
