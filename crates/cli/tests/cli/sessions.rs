//! Interview sessions driven one command at a time.

use super::{json, rehearse, write};
use serde_json::Value;
use std::process::Output;

fn session_id(out: &Output) -> String {
    json(out)["session"]["id"]
        .as_str()
        .expect("session id")
        .to_string()
}

/// Starts a Python session on `stair-paths`, with `extra` arguments; its id.
fn start_stair_paths(dir: &std::path::Path, extra: &[&str]) -> String {
    let mut args = vec![
        "session",
        "start",
        "--problem",
        "stair-paths",
        "--lang",
        "python",
        "--json",
    ];
    args.extend_from_slice(extra);
    session_id(&rehearse(dir, &args))
}

#[test]
fn a_session_driven_from_the_cli_ends_with_an_honest_report() {
    let d = tempfile::tempdir().expect("temp");
    let id = start_stair_paths(d.path(), &["--minutes", "5"]);
    let wrong = write(d.path(), "wrong.py", "def stair_paths(n):\n    return n\n");
    json(&rehearse(
        d.path(),
        &["session", "snapshot", &id, &wrong, "--json"],
    ));
    let out = rehearse(d.path(), &["session", "run", &id, "--all", "--json"]);
    assert_eq!(out.status.code(), Some(1), "a failed submit");
    let hint = json(&rehearse(d.path(), &["session", "hint", &id, "--json"]));
    assert_eq!(hint["level"], 1);
    let good = write(d.path(), "good.py", "def stair_paths(n):\n    a, b = 1, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n");
    json(&rehearse(
        d.path(),
        &["session", "snapshot", &id, &good, "--json"],
    ));
    assert_eq!(
        json(&rehearse(
            d.path(),
            &["session", "run", &id, "--all", "--json"]
        ))["verdict"],
        "accepted"
    );

    let report = json(&rehearse(d.path(), &["session", "end", &id, "--json"]));
    assert!(
        report["overall"].as_u64().is_some_and(|o| o <= 100),
        "{report:#}"
    );
    assert!(
        ["strong-yes", "yes", "maybe", "no", "insufficient-evidence"]
            .contains(&report["recommendation"].as_str().unwrap_or(""))
    );
    for name in [
        "problem_solving",
        "code_quality",
        "communication",
        "efficiency",
    ] {
        let dim = &report["dimensions"][name];
        for key in ["score", "weight", "assessed", "evidence"] {
            assert!(dim.get(key).is_some(), "{name}.{key}: {report:#}");
        }
    }
    let comm = &report["dimensions"]["communication"];
    assert_eq!(
        (comm["assessed"].clone(), comm["score"].clone()),
        (Value::Bool(false), Value::Null),
        "no transcript, no score"
    );
    let ps = report["dimensions"]["problem_solving"]["evidence"].to_string();
    assert!(ps.contains("Hint 1") && ps.contains("9/9"), "{ps}");
    assert!(report["dimensions"]["code_quality"]["evidence"]
        .to_string()
        .contains("Wrong Answer"));
    assert_eq!(
        json(&rehearse(d.path(), &["session", "end", &id, "--json"]))["overall"],
        report["overall"],
        "ending again shows the report"
    );

    let list = json(&rehearse(d.path(), &["sessions", "list", "--json"]));
    assert_eq!(list[0]["id"], id.as_str());
    assert_eq!(list[0]["status"], "completed");
    assert_eq!(list[0]["score"], report["overall"]);
    let shown = json(&rehearse(d.path(), &["sessions", "show", &id, "--json"]));
    let kinds: Vec<String> = shown["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .map(|t| t["event"]["kind"].as_str().unwrap_or("").to_string())
        .collect();
    for kind in ["started", "snapshot", "run", "hint", "ended"] {
        assert!(kinds.iter().any(|k| k == kind), "{kind} in {kinds:?}");
    }
    let out = rehearse(d.path(), &["session", "hint", &id]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("session_over"));

    json(&rehearse(d.path(), &["sessions", "delete", &id, "--json"]));
    assert_eq!(
        json(&rehearse(d.path(), &["sessions", "list", "--json"]))
            .as_array()
            .map(Vec::len),
        Some(0)
    );
    assert_eq!(
        rehearse(d.path(), &["sessions", "show", &id]).status.code(),
        Some(2),
        "deleted is not found"
    );
}

#[test]
fn the_observer_reads_the_final_code_of_a_session_driven_from_the_cli() {
    let d = tempfile::tempdir().expect("temp");
    let id = start_stair_paths(d.path(), &[]);
    let broken = write(
        d.path(),
        "broken.py",
        "def stair_paths(n):\n    return (n +\n",
    );
    json(&rehearse(
        d.path(),
        &["session", "snapshot", &id, &broken, "--json"],
    ));
    json(&rehearse(d.path(), &["session", "end", &id, "--json"]));
    let shown = json(&rehearse(d.path(), &["sessions", "show", &id, "--json"]));
    let notes = shown["notes"].as_array().expect("notes");
    assert_eq!(notes.len(), 1, "one look at the final code: {shown:#}");
    assert!(
        notes[0]["syntax"].as_array().is_some_and(|e| !e.is_empty()),
        "the parser's finding, with no model configured: {:#}",
        notes[0]
    );
    assert!(notes[0]["reading"].is_null() && notes[0]["unread"].is_string());
}

#[test]
fn a_session_ends_itself_when_time_is_up() {
    let d = tempfile::tempdir().expect("temp");
    let id = session_id(&rehearse(
        d.path(),
        &[
            "session",
            "start",
            "--lang",
            "go",
            "--difficulty",
            "easy",
            "--minutes",
            "0.02",
            "--json",
        ],
    ));
    std::thread::sleep(std::time::Duration::from_millis(1_500));
    let state = json(&rehearse(d.path(), &["session", "status", &id, "--json"]));
    assert_eq!(state["session"]["status"], "completed");
    assert_eq!(state["remaining_ms"], 0);
    let report = json(&rehearse(d.path(), &["session", "end", &id, "--json"]));
    assert_eq!(
        report["recommendation"], "insufficient-evidence",
        "nothing was run or submitted, so too little could be assessed: {report:#}"
    );
    assert!(
        report["strengths"].as_array().is_some_and(Vec::is_empty),
        "no invented praise"
    );
    let out = rehearse(
        d.path(),
        &[
            "session",
            "start",
            "--problem",
            "stair-paths",
            "--lang",
            "python",
            "--minutes",
            "500",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn sessions_export_writes_a_zip() {
    let d = tempfile::tempdir().expect("temp");
    let id = session_id(&rehearse(
        d.path(),
        &[
            "session",
            "start",
            "--problem",
            "stair-paths",
            "--lang",
            "cpp",
            "--minutes",
            "10",
            "--json",
        ],
    ));
    json(&rehearse(d.path(), &["session", "end", &id, "--json"]));
    let out = d.path().join("all.zip");
    let summary = json(&rehearse(
        d.path(),
        &[
            "sessions",
            "export",
            "--out",
            &out.display().to_string(),
            "--json",
        ],
    ));
    assert_eq!(summary["sessions"], 1);
    assert!(std::fs::metadata(&out).is_ok_and(|m| m.len() > 100));
    let out = rehearse(
        d.path(),
        &[
            "sessions",
            "export",
            "nope",
            "--out",
            &d.path().join("x.zip").display().to_string(),
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown session is not found"
    );
}
