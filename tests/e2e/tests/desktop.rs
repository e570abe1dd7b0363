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
