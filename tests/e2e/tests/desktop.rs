//! The desktop app end to end: library, search, filters, a problem, hints, the editor, and a
//! draft that survives a restart.

use rehearse_e2e::Session;
use serde_json::json;

fn set_select(s: &Session, testid: &str, value: &str) {
    s.script(
        "const el = document.querySelector(`[data-testid=\"${arguments[0]}\"]`); el.value = arguments[1]; el.dispatchEvent(new Event('change', {bubbles: true}));",
        json!([testid, value]),
    );
}

fn slugs(s: &Session) -> Vec<String> {
    s.attrs("[data-testid=problem-row]", "data-slug")
}

#[test]
fn library_problem_hint_editor_and_draft_after_restart() {
    let s = Session::start();
    let rows = s.wait_all("[data-testid=problem-row]", 8);
    let total = rows.len();
    assert!(s
        .find("[data-testid=counts]")
        .text()
        .starts_with(&format!("{total} problems")));
    s.screenshot("library");

    s.find("[data-testid=search]").send_keys("brackets");
    let found = s.wait_until("search results", || {
        let v = slugs(&s);
        (v.len() < total).then_some(v)
    });
    assert_eq!(
        found.first().map(String::as_str),
        Some("balanced-brackets"),
        "search ranks the title match first: {found:?}"
    );
    s.script("const el = document.querySelector('[data-testid=search]'); el.value = ''; el.dispatchEvent(new Event('input', {bubbles: true}));", json!([]));
    s.wait_until("the full list again", || {
        (slugs(&s).len() == total).then_some(())
    });

    set_select(&s, "filter-category", "trees");
    let trees = s.wait_until("tree problems only", || {
        let cats = s.texts("[data-testid=problem-row] td.muted");
        (!cats.is_empty() && cats.len() < total && cats.iter().all(|c| c.contains("Trees")))
            .then_some(cats.len())
    });
    set_select(&s, "filter-difficulty", "easy");
    s.wait_until("easy tree problems only", || {
        let badges = s.texts("[data-testid=problem-row] .badge");
        (!badges.is_empty() && badges.len() <= trees && badges.iter().all(|b| b == "Easy"))
            .then_some(())
    });
    assert!(s.find("[data-testid=counts]").text().contains(" easy"));
    set_select(&s, "filter-difficulty", "");
    set_select(&s, "filter-category", "");
    s.wait_until("the full list again", || {
        (slugs(&s).len() == total).then_some(())
    });

    s.find("[data-testid=problem-row][data-slug=balanced-brackets] td.title")
        .click();
    assert_eq!(
        s.find("[data-testid=problem-title]").text(),
        "Balanced Brackets"
    );
    assert!(s
        .find("[data-testid=statement]")
        .text()
        .contains("balanced"));
    assert!(s.wait_all("[data-testid=example]", 2).len() >= 2);

    s.find("[data-testid=reveal-hint]").click();
    let hints = s.wait_all("[data-testid=hint]", 1);
    assert!(!hints[0].text().is_empty());

    let editor = s.find("[data-testid=editor-content]");
    assert!(
        editor.text().contains("def balanced_brackets"),
        "python starter code is shown"
    );
    editor.click();
    s.script(
        "document.querySelector('[data-testid=editor-content]').focus()",
        json!([]),
    );
    editor.send_keys("# e2e draft marker");
    s.wait_until("the draft to be saved", || {
        let state = s.find("[data-testid=save-state]").text();
        (state == "Draft saved"
            && s.find("[data-testid=editor-content]")
                .text()
                .contains("e2e draft marker"))
        .then_some(())
    });
    s.screenshot("problem");
    s.quit();

    let s = Session::start();
    s.find("[data-testid=problem-row][data-slug=balanced-brackets] td.title")
        .click();
    s.wait_until("the draft after a restart", || {
        s.find("[data-testid=editor-content]")
            .text()
            .contains("e2e draft marker")
            .then_some(())
    });
    assert_eq!(
        s.wait_all("[data-testid=hint]", 1).len(),
        1,
        "the revealed hint is remembered"
    );
    s.screenshot("problem-after-restart");
    s.find("[data-testid=nav-settings]").click();
    assert!(
        !s.find("[data-testid=data-dir]").text().trim().is_empty(),
        "the data folder is shown"
    );
    s.find("[data-testid=theme-dark]").click();
    s.wait_until("the dark theme", || {
        (s.script("return document.documentElement.dataset.theme", json!([])) == "dark")
            .then_some(())
    });
    s.screenshot("settings-dark");
    s.find("[data-testid=nav-library]").click();
    s.wait_all("[data-testid=problem-row]", 8);
    s.screenshot("library-dark");
    s.find("[data-testid=nav-settings]").click();
    s.find("[data-testid=theme-system]").click();
    s.quit();
}

/// Replaces the editor's whole document, as a paste would (typing would be re-indented).
fn set_code(s: &Session, code: &str) {
    // The editor mounts a moment after the room appears.
    s.find(".cm-content");
    s.script(
        "const view = document.querySelector('.cm-content').cmTile.root.view; view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: arguments[0]}});",
        json!([code]),
    );
}

fn verdict(s: &Session) -> String {
    s.wait_until("a verdict", || {
        let v = s.texts("[data-testid=verdict]");
        v.first().cloned()
    })
}

#[test]
fn run_and_submit_in_the_sandbox() {
    let s = Session::start();
    s.wait_all("[data-testid=problem-row]", 8);
    s.find("[data-testid=problem-row][data-slug=stair-paths] td.title")
        .click();
    s.wait_until("the sandbox to be ready", || {
        (!s.texts("[data-testid=sandbox-ready]").is_empty()).then_some(())
    });

    // The starter code returns nothing: every example fails, each with its own row, and
    // so does the input typed in; its expected answer comes from the reference solution.
    s.script(
        "const el = document.querySelector('[data-testid=custom-input]'); el.value = arguments[0]; el.dispatchEvent(new Event('input', {bubbles: true}));",
        json!(["{\"n\": 10}"]),
    );
    s.find("[data-testid=run]").click();
    assert_eq!(verdict(&s), "Wrong Answer");
    let rows = s.attrs("[data-testid=result-row]", "data-verdict");
    assert!(rows.len() >= 3, "examples plus the custom input: {rows:?}");
    assert!(!s.find("[data-testid=result-detail]").text().is_empty());
    s.find("[data-testid=result-row]:last-child td").click();
    let detail = s.find("[data-testid=result-detail]").text();
    assert!(
        detail.contains("89"),
        "the reference answer for n = 10: {detail}"
    );
    s.screenshot("run-wrong-answer");

    set_code(
        &s,
        "def stair_paths(n):\n    a, b = 1, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n",
    );
    s.find("[data-testid=submit]").click();
    let rows = s.wait_until("the submit to finish", || {
        let rows = s.attrs("[data-testid=result-row]", "data-verdict");
        (s.texts("[data-testid=verdict]").first().map(String::as_str) == Some("Accepted")
            && rows.len() > 3)
            .then_some(rows)
    });
    assert!(
        rows.len() > 3 && rows.iter().all(|v| v == "accepted"),
        "{rows:?}"
    );
    s.screenshot("submit-accepted");

    set_select(&s, "language", "java");
    s.wait_until("the Java starter", || {
        s.find("[data-testid=editor-content]")
            .text()
            .contains("class Solution")
            .then_some(())
    });
    set_code(
        &s,
        "class Solution {\n    public int stairPaths(int n) {\n        return n +;\n    }\n}\n",
    );
    s.find("[data-testid=run]").click();
    assert_eq!(verdict(&s), "Compile Error");
    assert!(s
        .find("[data-testid=compile-output]")
        .text()
        .contains("Solution.java:3"));
    s.screenshot("run-compile-error");

    s.find("[data-testid=back]").click();
    s.wait_until("the problem marked solved", || {
        s.attrs(
            "[data-testid=problem-row][data-slug=stair-paths] td.status",
            "class",
        )
        .first()
        .filter(|c| c.contains("solved"))
        .map(|_| ())
    });
    s.quit();
}

#[test]
fn submit_is_accepted_in_all_seven_languages() {
    let solutions = std::path::PathBuf::from(
        std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into()),
    )
    .join("../../problems/pair-sum-indices/solutions");
    let s = Session::start();
    s.wait_all("[data-testid=problem-row]", 8);
    s.find("[data-testid=problem-row][data-slug=pair-sum-indices] td.title")
        .click();
    s.wait_until("the sandbox to be ready", || {
        (!s.texts("[data-testid=sandbox-ready]").is_empty()).then_some(())
    });
    for (lang, file, starter) in [
        ("python", "solution.py", "def pair_sum_indices"),
        ("javascript", "solution.js", "function pairSumIndices"),
        ("typescript", "solution.ts", "function pairSumIndices"),
        ("java", "Solution.java", "class Solution"),
        ("cpp", "solution.cpp", "class Solution"),
        ("go", "solution.go", "func pairSumIndices"),
        ("rust", "solution.rs", "impl Solution"),
    ] {
        s.find("[data-testid=language]");
        set_select(&s, "language", lang);
        s.wait_until("the starter code", || {
            s.find("[data-testid=editor-content]")
                .text()
                .contains(starter)
                .then_some(())
        });
        let code = std::fs::read_to_string(solutions.join(file)).expect("reference solution");
        set_code(&s, &code);
        s.find("[data-testid=submit]").click();
        // The first Submit in a language compiles it (the cache is this test's own).
        let rows = s.wait_within(
            "the submit to finish",
            std::time::Duration::from_secs(120),
            || {
                let rows = s.attrs("[data-testid=result-row]", "data-verdict");
                let done = s.texts("[data-testid=run-progress]").is_empty();
                (done && !rows.is_empty()).then_some(rows)
            },
        );
        assert_eq!(verdict(&s), "Accepted", "{lang}");
        assert!(
            rows.len() > 3 && rows.iter().all(|v| v == "accepted"),
            "{lang}: {rows:?}"
        );
        if lang == "rust" {
            s.screenshot("submit-accepted-rust");
        }
        // A fresh page for the next language, so its verdict is not the previous one's.
        s.find("[data-testid=back]").click();
        s.find("[data-testid=problem-row][data-slug=pair-sum-indices] td.title")
            .click();
    }
    s.quit();
}

#[test]
fn a_timed_interview_from_start_to_report_history_and_replay() {
    let s = Session::start();
    s.wait_all("[data-testid=problem-row]", 8);
    s.find("[data-testid=problem-row][data-slug=stair-paths] td.title")
        .click();
    s.find("[data-testid=interview-minutes]");
    set_select(&s, "interview-minutes", "30");
    s.find("[data-testid=start-interview]").click();
    let first = s.wait_until("the clock to tick", || {
        let t = s.texts("[data-testid=timer]");
        t.first()
            .filter(|t| t.starts_with("29:") || t.as_str() == "30:00")
            .cloned()
    });
    assert_eq!(
        s.find("[data-testid=interviewer-mode]").text(),
        "Interviewer: silent"
    );
    s.wait_until("the clock to move", || {
        (s.find("[data-testid=timer]").text() != first).then_some(())
    });

    set_code(&s, "def stair_paths(n):\n    return n\n");
    s.find("[data-testid=submit]").click();
    assert_eq!(verdict(&s), "Wrong Answer");
    s.find("[data-testid=reveal-hint]").click();
    s.wait_all("[data-testid=hint]", 1);
    set_code(
        &s,
        "def stair_paths(n):\n    a, b = 1, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n",
    );
    s.find("[data-testid=checkpoint]").click();
    s.find("[data-testid=submit]").click();
    s.wait_until("an accepted submit", || {
        (s.texts("[data-testid=verdict]").first().map(String::as_str) == Some("Accepted"))
            .then_some(())
    });
    s.screenshot("interview-room");

    s.script("window.confirm = () => true;", json!([]));
    s.find("[data-testid=end-interview]").click();
    let overall: u32 = s
        .wait_until("the report", || {
            s.texts("[data-testid=overall]").first().cloned()
        })
        .parse()
        .expect("a number");
    assert!(overall <= 100);
    let dims = s.texts("[data-testid=dimension]");
    assert_eq!(dims.len(), 4);
    assert!(
        dims.iter()
            .any(|d| d.contains("Communication") && d.contains("not assessed")),
        "{dims:?}"
    );
    assert!(!s
        .find("[data-testid=recommendation-rule]")
        .text()
        .is_empty());
    s.screenshot("report");

    s.find("[data-testid=open-history]").click();
    let scores = s.wait_until("the session in history", || {
        let v = s.texts("[data-testid=session-score]");
        (!v.is_empty()).then_some(v)
    });
    assert_eq!(scores[0], overall.to_string());
    assert!(s
        .find("[data-testid=categories]")
        .text()
        .contains("Dynamic programming"));
    assert!(
        !s.find("[data-testid=next-problem]").text().is_empty(),
        "a recommended next problem"
    );
    let length = s.find("[data-testid=session-length]").text();
    assert!(
        length.ends_with("of 30:00") && !length.starts_with("30:00"),
        "the time the session took, beside the planned length: {length}"
    );
    s.screenshot("history");
    s.find("[data-testid=session-row] td.title").click();
    s.wait_all("[data-testid=overall]", 1);
    s.find("[data-testid=evidence-moment]").click();
    s.wait_all("[data-testid=replay-slider]", 1);
    let entries = s.texts("[data-testid=timeline-entry]");
    assert!(
        entries.iter().any(|e| e.contains("Submit: wrong answer"))
            && entries.iter().any(|e| e.contains("Hint 1")),
        "{entries:?}"
    );
    s.script("const el = document.querySelector('[data-testid=replay-slider]'); el.value = 0; el.dispatchEvent(new Event('input', {bubbles: true}));", json!([]));
    let start = s.find("[data-testid=replay-code]").text();
    assert!(start.contains("pass"), "the starter at the start: {start}");
    let last = entries.len() - 1;
    s.script(
        "const el = document.querySelector('[data-testid=replay-slider]'); el.value = arguments[0]; el.dispatchEvent(new Event('input', {bubbles: true}));",
        json!([last]),
    );
    s.wait_until("the final code", || {
        s.find("[data-testid=replay-code]")
            .text()
            .contains("a, b = b, a + b")
            .then_some(())
    });
    // The observer looked at the final code as the session ended: the parser's finding, and
    // why no model read it (no observer model is set up here).
    assert!(
        entries.iter().any(|e| e.contains("Observer's note")),
        "{entries:?}"
    );
    let note = s.find("[data-testid=observer-note]").text();
    assert!(
        note.contains("No syntax errors.") && note.contains("Settings → AI"),
        "{note}"
    );
    s.screenshot("replay-observer");
    s.find("[data-testid=replay-prev]").click();
    assert!(s.find("[data-testid=replay-moment]").text().contains(':'));
    s.screenshot("replay");

    // A random hard problem, ended at once: an honest report of nothing done.
    s.find("[data-testid=nav-history]").click();
    s.find("[data-testid=random-difficulty]");
    set_select(&s, "random-difficulty", "hard");
    s.find("[data-testid=start-random]").click();
    s.wait_all("[data-testid=timer]", 1);
    s.script("window.confirm = () => true;", json!([]));
    s.find("[data-testid=end-interview]").click();
    s.wait_all("[data-testid=overall]", 1);
    assert_eq!(
        s.find("[data-testid=recommendation]").text(),
        "Not enough evidence for a recommendation"
    );
    s.quit();
}

#[test]
fn an_interview_survives_the_app_being_killed() {
    let s = Session::start();
    s.wait_all("[data-testid=problem-row]", 8);
    s.find("[data-testid=problem-row][data-slug=balanced-brackets] td.title")
        .click();
    s.find("[data-testid=start-interview]").click();
    s.wait_all("[data-testid=timer]", 1);
    set_code(
        &s,
        "def balanced_brackets(s):\n    return 'written before the crash'\n",
    );
    // The editor hands code over within 250 ms; the first auto snapshot is written at once.
    std::thread::sleep(std::time::Duration::from_millis(1_500));
    let app = std::env::var("REHEARSE_E2E_APP")
        .unwrap_or_else(|_| "target/debug/rehearse-desktop".into());
    let killed = std::process::Command::new("pkill")
        .args(["-KILL", "-f", &app])
        .status()
        .expect("pkill");
    assert!(killed.success(), "the app process was found and killed");
    drop(s);

    let s = Session::start();
    let prompt = s.wait_until("the offer to resume", || {
        s.texts("[data-testid=recover]").first().cloned()
    });
    assert!(prompt.contains("Balanced Brackets"), "{prompt}");
    s.screenshot("recover-prompt");
    s.find("[data-testid=recover-resume]").click();
    s.wait_until("the code written before the crash", || {
        s.find("[data-testid=editor-content]")
            .text()
            .contains("written before the crash")
            .then_some(())
    });
    s.wait_all("[data-testid=timer]", 1);
    s.script("window.confirm = () => true;", json!([]));
    s.find("[data-testid=end-interview]").click();
    s.wait_all("[data-testid=overall]", 1);
    s.quit();
}

/// A provider on the port `cargo xtask test` pointed the app's OpenAI base URL at: 200 to a
/// model listing that carries `key` as a bearer token, 401 to anything else.
fn fake_openai(key: &'static str) {
    use std::io::{BufRead, BufReader, Write};
    let port = std::env::var("REHEARSE_E2E_PROVIDER_PORT").expect("set by cargo xtask test");
    let listener = std::net::TcpListener::bind(format!("127.0.0.1:{port}")).expect("bind");
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let (mut first, mut ok, mut line) = (String::new(), false, String::new());
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                if first.is_empty() {
                    first = line.clone();
                }
                ok |= line
                    .trim_end()
                    .eq_ignore_ascii_case(&format!("authorization: Bearer {key}"));
                line.clear();
            }
            ok &= first.starts_with("GET /v1/models ");
            let status = if ok { "200 OK" } else { "401 Unauthorized" };
            let mut s = stream;
            let _ = write!(
                s,
                "HTTP/1.1 {status}\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{{}}"
            );
        }
    });
}

#[test]
fn a_provider_key_is_added_tested_and_removed_from_settings() {
    const KEY: &str = "sk-e2e-settings-key-5150";
    fake_openai(KEY);
    let s = Session::start();
    s.find("[data-testid=nav-settings]").click();
    assert_eq!(s.find("[data-testid=key-state-openai]").text(), "not set");
    s.find("[data-testid=key-input-openai]").send_keys(KEY);
    s.find("[data-testid=key-save-openai]").click();
    s.wait_until("the key stored", || {
        (s.find("[data-testid=key-state-openai]").text() == "set …5150").then_some(())
    });
    let html = s.script("return document.documentElement.outerHTML;", json!([]));
    assert!(
        !html.to_string().contains(KEY),
        "the key is not left in the page"
    );
    s.find("[data-testid=key-test-openai]").click();
    let check = s.wait_until("the key tested", || {
        let t = s.texts("[data-testid=key-check-openai]");
        t.into_iter().next()
    });
    assert!(check.contains("OpenAI accepted the key"), "{check}");
    s.screenshot("settings-keys");
    s.find("[data-testid=key-remove-openai]").click();
    s.wait_until("the key removed", || {
        (s.find("[data-testid=key-state-openai]").text() == "not set").then_some(())
    });
    s.quit();
}
