//! `cargo xtask bench agents`: the host's overhead around the agents, against the fake
//! OpenAI-compatible server on 127.0.0.1 — the last keystroke to the observer's request
//! arriving (beyond its 2 s debounce), a text reply's first piece sent to it shown in the
//! room — and the evaluator's request for scripted 30- and 60-minute sessions, with what the
//! observer and the evaluator would cost at list prices. Figures go to docs/performance.md.

use rehearse_agents::Usage;
use rehearse_app::ai::{TokenPrices, LIST_PRICES};
use rehearse_app::room::{Room, RoomUpdate};
use rehearse_app::session::StartSession;
use rehearse_app::App;
use rehearse_core::observer::DEBOUNCE_MS;
use rehearse_core::paths::Paths;
use rehearse_core::review;
use rehearse_core::session::{InterviewerMode, SnapshotKind, Speaker};
use rehearse_core::settings::{AiChoice, AiProvider, AiRole};
use rehearse_core::Language;
use rehearse_fakes::llm::{FakeLlm, Flavor, Reply};
use serde_json::json;
use std::sync::{Arc, Mutex};
use std::time::Instant;

const LOOKS: usize = 12;
const REPLIES: usize = 30;
/// A reading is about this long (the schema's fields, filled in briefly).
const READING_OUT: u64 = 150;
/// An evaluation: scores, feedback, evidence with quotes and a Markdown report.
const EVALUATION_OUT: u64 = 2_500;

fn main() {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        let observer_in = observer().await;
        first_token().await;
        let d = tempfile::tempdir().expect("temp");
        let app = open(d.path(), None, &[]);
        for minutes in [30u32, 60] {
            let tokens = evaluator_request(&app, minutes);
            println!("evaluator request, scripted {minutes}-minute session: ~{tokens} input tokens (target ≤ 20,000 for 60 minutes)");
            if minutes == 30 {
                cost(observer_in, tokens);
            }
        }
    });
}

fn open(dir: &std::path::Path, url: Option<&str>, roles: &[(AiRole, &str)]) -> App {
    let app = App::open_at(Paths {
        data_dir: dir.to_path_buf(),
        config_dir: dir.join("config"),
    })
    .expect("open");
    if let Some(url) = url {
        let mut settings = app.settings().expect("settings");
        settings.compatible_base_url = url.to_string();
        for (role, model) in roles {
            let choice = AiChoice {
                provider: Some(AiProvider::Compatible),
                model: Some(model.to_string()),
                enabled: None,
            };
            match role {
                AiRole::Observer => settings.ai.observer = choice,
                _ => settings.ai.interviewer = choice,
            }
        }
        app.store.save_settings(&settings).expect("save");
    }
    app
}

fn start(app: &App, minutes: f64, mode: InterviewerMode) -> String {
    app.start_session(&StartSession {
        problem: Some("pair-sum-indices".into()),
        difficulty: None,
        category: None,
        language: Language::Python,
        minutes,
        mode,
    })
    .expect("start")
    .session
    .id
}

fn summary(name: &str, mut ms: Vec<f64>) {
    ms.sort_by(f64::total_cmp);
    let p50 = ms[ms.len() / 2];
    let max = ms[ms.len() - 1];
    println!(
        "{name}: p50 {p50:.2} ms, max {max:.2} ms over {} samples",
        ms.len()
    );
}

/// The observer's overhead per look, and its last request's input tokens: its instructions,
/// and the whole request.
async fn observer() -> (u64, u64) {
    let d = tempfile::tempdir().expect("temp");
    let fake = FakeLlm::start(Flavor::OpenAi, None).await;
    let app = open(
        d.path(),
        Some(&fake.url),
        &[(AiRole::Observer, "bench-observer")],
    );
    let sid = start(&app, 30.0, InterviewerMode::Silent);
    let room = Room::open(&app, &sid, |_| {}).expect("room");
    room.start();
    let mut overhead = Vec::new();
    let mut code = String::from("def pair_sum_indices(nums, target):\n    seen = {}\n");
    for look in 0..LOOKS {
        fake.push(Reply::json(&json!({
            "approach": {"kind": "optimized", "name": "hash map of complements"},
            "time_complexity": "O(n)", "space_complexity": "O(n)",
            "warnings": [], "ready_to_run": false, "summary": "Builds a map of seen values."
        })));
        code.push_str(&format!(
            "    want_{look} = target - nums[{look} % len(nums)]  # the complement\n"
        ));
        let typed = Instant::now();
        room.code_changed(code.clone()).expect("code");
        room.observed(look as u64 + 1).await;
        let arrived = fake.requests()[look].at;
        let waited = arrived.duration_since(typed).as_secs_f64() * 1000.0;
        overhead.push(waited - DEBOUNCE_MS as f64);
    }
    summary(
        "observer: last keystroke → request arrived, beyond the 2 s debounce (target ≤ 20 ms)",
        overhead,
    );
    let last = fake.bodies().pop().expect("a request");
    let system = last["messages"][0]["content"]
        .as_str()
        .unwrap_or_default()
        .len()
        / 4;
    room.close();
    // The whole request counts: instructions, code and the answer's schema.
    (system as u64, (last.to_string().len() / 4) as u64)
}

/// A streamed reply's first piece: sent by the fake → shown by the room.
async fn first_token() {
    let d = tempfile::tempdir().expect("temp");
    let fake = FakeLlm::start(Flavor::OpenAi, None).await;
    let app = open(
        d.path(),
        Some(&fake.url),
        &[(AiRole::Interviewer, "bench-chat")],
    );
    let sid = start(&app, 30.0, InterviewerMode::Text);
    let shown: Arc<Mutex<Vec<Instant>>> = Arc::default();
    let first = Arc::new(Mutex::new(true));
    let (s, f) = (shown.clone(), first.clone());
    let room = Room::open(&app, &sid, move |u| match u {
        RoomUpdate::Voice(rehearse_voice::interview::LiveEvent::Partial { .. })
            if std::mem::replace(&mut *f.lock().unwrap(), false) =>
        {
            s.lock().unwrap().push(Instant::now());
        }
        RoomUpdate::Voice(rehearse_voice::interview::LiveEvent::Line {
            speaker: Speaker::Interviewer,
            ..
        }) => {
            *f.lock().unwrap() = true;
        }
        _ => {}
    })
    .expect("room");
    let mut call = room.start_text(&AiChoice::default()).expect("text");
    for turn in 0..REPLIES {
        fake.push(Reply::text(
            "That works. What happens when the same number appears twice in the input?",
        ));
        room.say(format!("Turn {turn}: I keep a map from value to index."))
            .expect("say");
        call.settled().await;
    }
    let sent = fake.first_text_sent();
    let shown = shown.lock().unwrap().clone();
    let ms = sent
        .iter()
        .zip(&shown)
        .map(|(a, b)| b.duration_since(*a).as_secs_f64() * 1000.0)
        .collect();
    summary(
        "text reply: first piece sent → shown in the room (target ≤ 10 ms)",
        ms,
    );
    room.close();
}

/// The evaluator's request for a scripted session of `minutes`: two transcript lines a
/// minute (a voice interview's pace, about 40 words each), a snapshot a minute (a 40-line
/// solution written a line at a time), a run every 6 minutes, 3 hints, an observer note
/// every 2 minutes. Tokens are estimated at four characters each.
fn evaluator_request(app: &App, minutes: u32) -> u64 {
    let sid = start(app, f64::from(minutes), InterviewerMode::Voice);
    let store = &app.store;
    let sentence = "I think we can keep a dictionary from each value to its index, then for every number look up whether target minus it was seen before, which makes the whole pass linear in time";
    let mut code = String::from("def pair_sum_indices(nums, target):\n");
    for m in 0..minutes {
        let at = i64::from(m) * 60_000;
        store.add_transcript(&sid, at, Speaker::Interviewer, &format!("Minute {m}: can you tell me more about the trade-off you are making there, and what happens for duplicates?")).expect("line");
        store
            .add_transcript(
                &sid,
                at + 20_000,
                Speaker::Candidate,
                &format!("{sentence} ({m})."),
            )
            .expect("line");
        code.push_str(&format!(
            "    value_{m} = nums[{m} % len(nums)] if nums else None  # step {m}\n"
        ));
        let snap = store
            .add_snapshot(
                &sid,
                "pair-sum-indices",
                Language::Python,
                &code,
                SnapshotKind::Auto,
                at + 30_000,
            )
            .expect("snapshot");
        if m % 6 == 5 {
            let report = serde_json::from_value(json!({
                "verdict": "wrong_answer", "passed": 6, "total": 9, "wall_ms": 180,
                "compile_output": null, "compile_ms": null, "compile_cached": false,
                "language": "python", "mode": "run",
                "tests": [{"index": 2, "example": false, "custom": false, "verdict": "wrong_answer",
                    "time_ms": 1.0, "memory_kb": 9000, "stdout": "", "stderr": "",
                    "input": {"nums": [3, 3], "target": 6}, "expected": [0, 1], "actual": null,
                    "message": "Expected [0, 1], got None"}]
            }))
            .expect("report");
            store
                .record_run_in(Some(&sid), "pair-sum-indices", &code, &report)
                .expect("run");
        }
        if m % 2 == 1 {
            let mut note = rehearse_core::observer::CodeNote {
                id: String::new(),
                snapshot_id: snap,
                at_ms: at + 31_000,
                language: Language::Python,
                syntax: Vec::new(),
                reading: serde_json::from_value(json!({
                    "approach": {"kind": "optimized", "name": "hash map"},
                    "time_complexity": "O(n)", "space_complexity": "O(n)",
                    "warnings": ["returns None when no pair exists"],
                    "ready_to_run": true, "summary": "One pass with a map of complements."
                }))
                .ok(),
                model: Some("bench".into()),
                unread: None,
                version: rehearse_core::observer::OBSERVER_VERSION.into(),
            };
            store.add_code_note(&sid, &mut note).expect("note");
        }
        if m == minutes / 4 || m == minutes / 2 || m == 3 * minutes / 4 {
            app.session_hint(&sid).expect("hint");
        }
    }
    app.end_session(&sid).expect("end");
    let case = app.case_file(&sid).expect("case file");
    let chars = review::instructions(&case).len()
        + review::request(&case).len()
        + review::answer_schema().to_string().len();
    (chars / 4) as u64
}

fn price(model: &str) -> TokenPrices {
    LIST_PRICES
        .iter()
        .find(|(m, _)| *m == model)
        .map(|(_, p)| *p)
        .expect("a listed model")
}

/// The observer (one look a minute) and the evaluator of a scripted 30-minute session, at the default models' list prices.
fn cost((system, observer_in): (u64, u64), evaluator_in: u64) {
    let haiku =
        price(rehearse_core::settings::AiRole::Observer.default_model(AiProvider::Anthropic));
    let sonnet =
        price(rehearse_core::settings::AiRole::Evaluator.default_model(AiProvider::Anthropic));
    let looks = 30u64;
    // Haiku-class models cache only prompts of 4,096 tokens or more: the observer's
    // instructions are read in full at every look.
    let observer = haiku.cost(&Usage {
        input: looks * observer_in,
        output: looks * READING_OUT,
        ..Usage::default()
    });
    let evaluator = sonnet.cost(&Usage {
        input: evaluator_in,
        output: EVALUATION_OUT,
        ..Usage::default()
    });
    println!(
        "cost of a scripted 30-minute session at list prices: observer ${observer:.4} ({looks} looks × ~{observer_in} in ({system} of instructions) / {READING_OUT} out tokens), evaluator ${evaluator:.4} (~{evaluator_in} in / {EVALUATION_OUT} out), together ${:.4} (target ≤ $0.05)",
        observer + evaluator
    );
}
