//! The `rehearse` binary, run as a user would, against a temporary data folder.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn rehearse(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rehearse"))
        .args(args)
        .env("REHEARSE_DATA_DIR", data)
        .env("REHEARSE_CONFIG_DIR", data.join("config"))
        .env_remove("RUST_LOG")
        .output()
        .expect("runs")
}

fn json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

#[test]
fn problems_list_json_has_the_documented_fields_and_filters() {
    let d = tempfile::tempdir().expect("temp");
    let all = json(&rehearse(d.path(), &["problems", "list", "--json"]));
    let items = all.as_array().expect("array");
    assert!(!items.is_empty());
    for item in items {
        let keys: Vec<&str> = item
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            ["categories", "companies", "difficulty", "slug", "title"]
        );
    }
    let easy = json(&rehearse(
        d.path(),
        &[
            "problems",
            "list",
            "--difficulty",
            "easy",
            "--category",
            "stack",
            "--json",
        ],
    ));
    assert!(easy
        .as_array()
        .expect("array")
        .iter()
        .all(|p| p["difficulty"] == "easy"
            && p["categories"]
                .as_array()
                .expect("cats")
                .contains(&"stack".into())));
    let found = json(&rehearse(
        d.path(),
        &["problems", "list", "--search", "brackets", "--json"],
    ));
    assert_eq!(found[0]["slug"], "balanced-brackets");
    let text = rehearse(d.path(), &["problems", "list"]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("problems ("));
}

#[test]
fn problems_show_json_never_includes_hidden_tests_or_solutions() {
    let d = tempfile::tempdir().expect("temp");
    let p = json(&rehearse(
        d.path(),
        &["problems", "show", "balanced-brackets", "--json"],
    ));
    let mut keys: Vec<&str> = p
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "categories",
            "difficulty",
            "examples",
            "hint_count",
            "language",
            "slug",
            "starter_code",
            "statement",
            "title"
        ]
    );
    assert_eq!(p["hint_count"], 3);
    assert!(p["starter_code"]
        .as_str()
        .expect("code")
        .starts_with("def balanced_brackets(s: str) -> bool:"));
    let examples = p["examples"].as_array().expect("examples");
    assert_eq!(examples.len(), 2);
    let text = serde_json::to_string(&p).expect("json");
    assert!(!text.contains("stack.pop()"), "no solution code leaks");

    let java = json(&rehearse(
        d.path(),
        &[
            "problems",
            "show",
            "balanced-brackets",
            "--lang",
            "java",
            "--json",
        ],
    ));
    assert!(java["starter_code"]
        .as_str()
        .expect("code")
        .contains("public boolean balancedBrackets(String s)"));
}

#[test]
fn unknown_slug_exits_2_with_not_found() {
    let d = tempfile::tempdir().expect("temp");
    let out = rehearse(d.path(), &["problems", "show", "no-such-thing"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("error[not_found]: "));
    let out = rehearse(d.path(), &["problems", "show", "no-such-thing", "--json"]);
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&out.stdout).expect("json error");
    assert_eq!(v["error"]["code"], "not_found");
    let out = rehearse(
        d.path(),
        &["problems", "show", "has-repeat", "--lang", "cobol"],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn import_refuses_an_invalid_pack_with_a_line_per_issue() {
    let d = tempfile::tempdir().expect("temp");
    let pack = tempfile::tempdir().expect("pack");
    let dir = pack.path().join("broken-one");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(
        dir.join("problem.toml"),
        "slug = \"broken-one\"\ntitle = \"\"\n",
    )
    .expect("write");
    let out = rehearse(
        d.path(),
        &["problems", "import", &pack.path().to_string_lossy()],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("error[invalid_pack]:"), "{err}");
    assert!(
        err.contains("broken-one: problem.toml: missing field"),
        "{err}"
    );
    let list = json(&rehearse(
        d.path(),
        &["problems", "list", "--search", "broken", "--json"],
    ));
    assert!(list.as_array().expect("array").is_empty());
}

#[test]
fn doctor_reports_each_check() {
    let d = tempfile::tempdir().expect("temp");
    let out = rehearse(d.path(), &["doctor"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines().any(|l| l.starts_with("ok   data dir")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("ok   database") && l.contains("integrity ok")),
        "{text}"
    );
    let checks = json(&rehearse(d.path(), &["doctor", "--json"]));
    assert!(checks
        .as_array()
        .expect("array")
        .iter()
        .all(|c| c["status"] == "ok"));

    let blocked = d.path().join("file-not-dir");
    std::fs::write(&blocked, "x").expect("write");
    let out = rehearse(&blocked, &["doctor"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("FAIL data dir"));
}

#[test]
fn logs_go_to_a_file_in_the_data_dir() {
    let d = tempfile::tempdir().expect("temp");
    json(&rehearse(d.path(), &["problems", "list", "--json"]));
    let logs: Vec<_> = std::fs::read_dir(d.path().join("logs"))
        .expect("logs dir")
        .collect();
    assert!(!logs.is_empty());
}

#[test]
fn a_damaged_database_is_moved_aside_and_the_user_told_where() {
    let d = tempfile::tempdir().expect("temp");
    std::fs::write(
        d.path().join("rehearse.db"),
        b"not a database at all, just bytes....................",
    )
    .expect("write");
    let out = rehearse(d.path(), &["problems", "list", "--json"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    let notice = err
        .lines()
        .find(|l| l.starts_with("notice[database_recovered]: "))
        .unwrap_or_else(|| panic!("no notice in {err}"));
    let aside = std::fs::read_dir(d.path())
        .expect("dir")
        .filter_map(Result::ok)
        .find(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("rehearse.db.damaged-")
        })
        .expect("the damaged file is kept");
    assert!(
        notice.contains(&aside.path().display().to_string()),
        "{notice} should name {}",
        aside.path().display()
    );
}
