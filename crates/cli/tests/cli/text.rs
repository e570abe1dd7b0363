//! `rehearse interview --mode text` driven from stdin against the fake Anthropic Messages
//! server: each line gets its streamed reply, the end of input ends the interview with its
//! report, the transcript is stored, and every request was one the API accepts.

use rehearse_fakes::llm::{FakeLlm, Flavor, Reply};
use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

const KEY: &str = "sk-ant-text-cli-5e1f";

fn cli(data: &std::path::Path, base_url: &str) -> Command {
    let mut cmd = super::command(data);
    cmd.env("REHEARSE_ANTHROPIC_BASE_URL", base_url)
        .env("ANTHROPIC_API_KEY", KEY);
    cmd
}

const TEXT: [&str; 9] = [
    "interview",
    "--problem",
    "pair-sum-indices",
    "--lang",
    "python",
    "--mode",
    "text",
    "--provider",
    "anthropic",
];

#[test]
fn a_typed_interview_from_stdin_ends_at_the_end_of_input_with_its_report() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let fake = rt.block_on(FakeLlm::start(Flavor::Anthropic, Some(KEY)));
    fake.push(Reply::text("Hello. How would you approach this?"));
    fake.push(Reply::text("Good. What is its time complexity?"));
    // The observer (on by default with an Anthropic key) reads the final code as it ends.
    fake.push(Reply::json(&serde_json::json!({
        "approach": {"kind": "unknown", "name": "not started"},
        "time_complexity": "O(1)",
        "space_complexity": "O(1)",
        "warnings": [],
        "ready_to_run": false,
        "summary": "The starter, unchanged."
    })));
    // Then the evaluator (on by default too); its one claim cites nothing of this session.
    let unassessed =
        serde_json::json!({"score": null, "feedback": "Nothing to judge.", "evidence": []});
    fake.push(Reply::json(&serde_json::json!({
        "dimensions": {
            "problem_solving": {"score": 40, "feedback": "A plan only.", "evidence": [{"cite": "transcript:made-up", "quote": "map", "claim": "Had a plan."}]},
            "code_quality": unassessed, "communication": unassessed, "efficiency": unassessed
        },
        "strengths": [], "improvements": [],
        "recommendation": "maybe",
        "summary": "Too little to judge."
    })));
    let dir = tempfile::tempdir().unwrap();
    let mut child = cli(dir.path(), &fake.url)
        .args(TEXT)
        .args(["--model", "claude-test-model", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "I would keep a map from value to index.").unwrap();
    writeln!(stdin, "One pass, so linear.").unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let events: Vec<Value> = stdout
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let lines: Vec<(String, String)> = events
        .iter()
        .filter(|e| e["kind"] == "line")
        .map(|e| {
            (
                e["speaker"].as_str().unwrap().to_string(),
                e["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expected = [
        ("candidate", "I would keep a map from value to index."),
        ("interviewer", "Hello. How would you approach this?"),
        ("candidate", "One pass, so linear."),
        ("interviewer", "Good. What is its time complexity?"),
    ];
    assert_eq!(
        lines,
        expected.map(|(a, b)| (a.to_string(), b.to_string())),
        "{stdout}"
    );
    let ended = events.iter().find(|e| e["kind"] == "ended").expect("ended");
    assert!(ended["evaluation"]["overall"].is_number(), "{ended}");
    assert_eq!(ended["evaluation"]["evaluator"], "ai", "{ended}");
    assert_eq!(ended["evaluation"]["removed_claims"], 1, "{ended}");
    assert_eq!(
        ended["evaluation"]["recommendation"],
        "insufficient-evidence"
    );
    let sid = ended["session"].as_str().unwrap();

    let shown = cli(dir.path(), &fake.url)
        .args(["sessions", "show", sid, "--json"])
        .output()
        .unwrap();
    let shown: Value = serde_json::from_slice(&shown.stdout).unwrap();
    assert_eq!(shown["session"]["mode"], "text");
    assert_eq!(
        shown["transcript"].as_array().map(Vec::len),
        Some(4),
        "{shown}"
    );

    let notes = shown["notes"].as_array().expect("notes");
    assert_eq!(notes.len(), 1, "{shown}");
    assert_eq!(notes[0]["reading"]["summary"], "The starter, unchanged.");
    assert_eq!(notes[0]["syntax"], serde_json::json!([]));

    let bodies = fake.bodies();
    assert_eq!(bodies.len(), 4);
    assert_eq!(bodies[3]["model"], "claude-sonnet-4-5");
    assert_eq!(bodies[3]["tool_choice"]["name"], "interview_evaluation");
    assert_eq!(bodies[0]["model"], "claude-test-model");
    assert_eq!(bodies[2]["model"], "claude-haiku-4-5");
    assert_eq!(bodies[2]["tool_choice"]["name"], "code_reading");
    assert!(bodies[0]["system"][0]["text"]
        .as_str()
        .unwrap()
        .contains("Pair Sum Indices"));
    // The second request carries the whole conversation.
    assert_eq!(bodies[1]["messages"].as_array().map(Vec::len), Some(3));

    // Grade again, with evidence this time: the new evaluation is kept beside the first.
    // The record numbers its items (the first line is `transcript:1`); the stored evidence
    // names the line by its id.
    let line = shown["transcript"][0]["id"].as_str().expect("line id");
    let backed = serde_json::json!({"score": 70, "feedback": "Planned first.", "evidence": [{"cite": "transcript:1", "quote": "keep a map from value to index", "claim": "Said the plan before coding."}]});
    fake.push(Reply::json(&serde_json::json!({
        "dimensions": {
            "problem_solving": backed, "communication": backed,
            "code_quality": unassessed, "efficiency": unassessed
        },
        "strengths": [], "improvements": [],
        "recommendation": "maybe",
        "summary": "A plan, said clearly."
    })));
    let regraded = cli(dir.path(), &fake.url)
        .args(["sessions", "regrade", sid, "--json"])
        .output()
        .unwrap();
    assert!(regraded.status.success(), "{regraded:?}");
    let regraded: Value = serde_json::from_slice(&regraded.stdout).unwrap();
    assert_eq!(regraded["removed_claims"], 0, "{regraded}");
    assert_eq!(regraded["dimensions"]["communication"]["score"], 70);
    assert_eq!(
        regraded["dimensions"]["communication"]["evidence"][0]["cite"],
        format!("transcript:{line}")
    );
    let human = cli(dir.path(), &fake.url)
        .args(["sessions", "show", sid])
        .output()
        .unwrap();
    let human = String::from_utf8_lossy(&human.stdout);
    assert!(
        human.contains("Evaluations, newest first")
            && human.matches("AI (claude-sonnet-4-5)").count() == 2,
        "{human}"
    );
    let refused = cli(dir.path(), &fake.url)
        .args(["sessions", "regrade", sid, "--provider", "nobody", "--json"])
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stdout).contains("invalid_input")
            || String::from_utf8_lossy(&refused.stderr).contains("invalid_input")
    );
    assert_eq!(fake.violations(), Vec::<String>::new());
}

#[test]
fn a_typed_interview_without_a_key_says_so_and_starts_nothing() {
    let args: Vec<&str> = TEXT.iter().copied().chain(["--json"]).collect();
    super::interview::refused_without_a_key("ANTHROPIC_API_KEY", &args, "anthropic");
}
