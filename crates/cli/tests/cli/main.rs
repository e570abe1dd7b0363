//! The `rehearse` binary, run as a user would, against a temporary data folder.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

/// The binary with its folders in `data`, on the runner images `cargo xtask images` builds
/// (no registry here).
fn command(data: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rehearse"));
    cmd.env("REHEARSE_DATA_DIR", data)
        .env("REHEARSE_CONFIG_DIR", data.join("config"))
        .env("REHEARSE_LOCAL_IMAGES", "1")
        .env_remove("RUST_LOG");
    cmd
}

fn rehearse(data: &Path, args: &[&str]) -> Output {
    command(data).args(args).output().expect("runs")
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
            [
                "categories",
                "companies",
                "difficulty",
                "slug",
                "status",
                "title"
            ]
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
    // The voice provider's reachability, against a local endpoint (no internet here).
    let (port, _) = keys::fake_provider();
    std::fs::create_dir_all(d.path().join("config")).expect("config dir");
    std::fs::write(
        d.path().join("config/config.toml"),
        format!("[providers.openai]\nbase_url = \"http://127.0.0.1:{port}/v1\"\n"),
    )
    .expect("config");
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
    let report = json(&rehearse(d.path(), &["doctor", "--json"]));
    let checks = report["checks"].as_array().expect("checks");
    assert!(checks.iter().all(|c| c["ok"] == true), "{report:#}");
    for name in [
        "keychain",
        "audio input",
        "audio output",
        "voice provider",
        "docker",
        "image python",
        "image rust",
    ] {
        assert!(
            checks.iter().any(|c| c["name"] == name),
            "{name} is checked"
        );
    }
    assert_eq!(report["runners"]["cpp"]["present"], true);
    assert!(report["runners"]["go"]["image"].is_string());

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

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path.display().to_string()
}

#[test]
fn run_exits_0_only_when_accepted_and_prints_the_documented_json() {
    let d = tempfile::tempdir().expect("temp");
    let good = write(d.path(), "good.py", "def stair_paths(n):\n    a, b = 1, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n");
    let out = rehearse(
        d.path(),
        &[
            "run",
            "--problem",
            "stair-paths",
            "--lang",
            "python",
            &good,
            "--all",
            "--json",
        ],
    );
    let report = json(&out);
    assert_eq!(report["verdict"], "accepted", "{report:#}");
    assert_eq!(report["passed"], report["total"]);
    let first = &report["tests"][0];
    for key in [
        "index",
        "example",
        "verdict",
        "time_ms",
        "memory_kb",
        "stdout",
        "stderr",
        "input",
        "expected",
        "actual",
    ] {
        assert!(
            first.get(key).is_some(),
            "tests[0].{key} is present: {first:#}"
        );
    }

    let bad = write(
        d.path(),
        "bad.py",
        "def stair_paths(n):\n    print('thinking')\n    return n + 100\n",
    );
    let out = rehearse(
        d.path(),
        &["run", "--problem", "stair-paths", "--lang", "python", &bad],
    );
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("Wrong Answer") && text.contains("expected:") && text.contains("thinking"),
        "{text}"
    );

    let listed = json(&rehearse(
        d.path(),
        &["problems", "list", "--search", "stair", "--json"],
    ));
    assert_eq!(listed[0]["slug"], "stair-paths");
    assert_eq!(
        listed[0]["status"], "solved",
        "runs are stored, an accepted submit solves: {listed:#}"
    );
}

#[test]
fn run_and_exec_say_what_is_wrong_with_the_setup() {
    let d = tempfile::tempdir().expect("temp");
    let file = write(d.path(), "s.py", "def stair_paths(n):\n    return n\n");
    let out = rehearse(
        d.path(),
        &[
            "run",
            "--problem",
            "no-such-problem",
            "--lang",
            "python",
            &file,
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let out = rehearse(
        d.path(),
        &["run", "--problem", "stair-paths", "--lang", "cobol", &file],
    );
    assert_eq!(out.status.code(), Some(2));
    let out = Command::new(env!("CARGO_BIN_EXE_rehearse"))
        .args(["exec", "--lang", "python", &file, "--json"])
        .env("REHEARSE_DATA_DIR", d.path())
        .env(
            "DOCKER_HOST",
            format!("unix://{}/no-docker.sock", d.path().display()),
        )
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let body: Value = serde_json::from_slice(&out.stdout).expect("json error");
    let code = body["error"]["code"].as_str().unwrap_or_default();
    assert!(
        code == "docker_not_running" || code == "docker_not_installed",
        "{body:#}"
    );
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("Retry"),
        "{body:#}"
    );
}

#[test]
fn exec_runs_a_program_with_stdin() {
    let d = tempfile::tempdir().expect("temp");
    let program = write(d.path(), "main.cpp", "#include <iostream>\nint main() { long long a, b; std::cin >> a >> b; std::cout << a * b << std::endl; return 3; }\n");
    let stdin = write(d.path(), "in.txt", "6 7\n");
    let out = rehearse(
        d.path(),
        &[
            "exec", "--lang", "cpp", &program, "--stdin", &stdin, "--json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "a non-zero exit is a failure");
    let report: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(report["stdout"], "42\n");
    assert_eq!(report["exit_code"], 3);
    assert_eq!(report["status"], "runtime_error");
    for key in [
        "signal",
        "stderr",
        "time_ms",
        "memory_kb",
        "timed_out",
        "oom_killed",
        "output_truncated",
    ] {
        assert!(report.get(key).is_some(), "{key} is present");
    }
    let spin = write(d.path(), "spin.py", "while True:\n    pass\n");
    let report: Value = serde_json::from_slice(
        &rehearse(d.path(), &["exec", "--lang", "python", &spin, "--json"]).stdout,
    )
    .expect("json");
    assert_eq!(report["timed_out"], true);
    assert_eq!(report["status"], "time_limit_exceeded");
}

#[test]
fn output_into_a_reader_that_went_away_ends_quietly() {
    let d = tempfile::tempdir().expect("temp");
    let mut child = Command::new(env!("CARGO_BIN_EXE_rehearse"))
        .args(["problems", "list", "--json"])
        .env("REHEARSE_DATA_DIR", d.path())
        .env("REHEARSE_CONFIG_DIR", d.path().join("config"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    // The reader goes away before anything is written, as `| head` does once it has enough.
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("ends");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("panicked") && !err.contains("Broken pipe"),
        "{err}"
    );
    assert_eq!(out.status.code(), Some(0), "{err}");
}

#[test]
fn exec_returns_with_its_result_and_the_pool_is_refilled_behind_it() {
    let d = tempfile::tempdir().expect("temp");
    // A pool of this test's own (a limit nobody else uses, not even this test in an earlier
    // run whose pooled container may still wait), so the count is this run's; and a
    // machine-wide cap that containers left by other tests or runs cannot fill.
    let nofile = 200 + i64::from(std::process::id() % 5000);
    std::fs::create_dir_all(d.path().join("config")).expect("config dir");
    std::fs::write(
        d.path().join("config/config.toml"),
        format!(
            "[sandbox.limits]\nnofile = {nofile}\n[sandbox.pool]\nsize = 1\nmax_containers = 1000\n"
        ),
    )
    .expect("config");
    let warm = json(&rehearse(d.path(), &["warm", "--lang", "python", "--json"]));
    assert_eq!(warm["started"], 1, "{warm}");
    let again = json(&rehearse(d.path(), &["warm", "--lang", "python", "--json"]));
    assert_eq!(again["started"], 0, "the pool is full: {again}");

    let before = waiting_containers(nofile);
    assert_eq!(before.len(), 1, "{before:?}");

    let program = write(
        d.path(),
        "add.py",
        "print(sum(map(int, input().split())))\n",
    );
    let stdin = write(d.path(), "in.txt", "1 2 3\n");
    let report = json(&rehearse(
        d.path(),
        &[
            "exec", "--lang", "python", &program, "--stdin", &stdin, "--json",
        ],
    ));
    assert_eq!(report["stdout"], "6\n");
    // The exec took the waiting container; a `rehearse warm` it left in the background puts
    // a new one in its place.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let now = waiting_containers(nofile);
        if now.len() == 1 && now != before {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the pool was not refilled after exec: {now:?}"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

/// Ids of the pooled Python containers nobody has claimed, among those started with the
/// open-files limit `nofile` (which tells one test's pool from the others').
fn waiting_containers(nofile: i64) -> Vec<String> {
    let ids = Command::new("docker")
        .args([
            "ps",
            "-q",
            "--no-trunc",
            "--filter",
            "label=app.rehearse.language=python",
            "--filter",
            "name=^/rehearse-pool-",
        ])
        .output()
        .expect("docker ps");
    let ids: Vec<String> = String::from_utf8_lossy(&ids.stdout)
        .split_whitespace()
        .map(String::from)
        .collect();
    if ids.is_empty() {
        return ids;
    }
    let out = Command::new("docker")
        .arg("inspect")
        .args([
            "--format",
            "{{.Id}} {{.Name}} {{range .HostConfig.Ulimits}}{{.Name}}={{.Soft}} {{end}}",
        ])
        .args(&ids)
        .output()
        .expect("docker inspect");
    let mut found: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.contains(" /rehearse-pool-") && l.contains(&format!("nofile={nofile} ")))
        .filter_map(|l| l.split_whitespace().next().map(String::from))
        .collect();
    found.sort();
    found
}

mod interview;
mod keys;
mod sessions;
mod text;
