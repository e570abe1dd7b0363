//! A text interview in the window against the fake OpenAI-compatible API (a local model's):
//! the roles pointed at it under Settings → AI, the chat typed (Enter sends), the reply
//! streamed in, a hint asked for and counted, the interview ended into the AI evaluator's
//! report, whose quoted evidence opens the replay at the cited moment. The settings are put
//! back at the end: the tests after this one share the data folder.

use rehearse_e2e::Session;
use rehearse_fakes::llm::{FakeLlm, Flavor, Reply};
use serde_json::{json, Value};

/// The evaluator's answer, citing the candidate's first message as the record shows it.
fn evaluation(body: &Value) -> Reply {
    let record = body["messages"][1]["content"].as_str().unwrap_or_default();
    let line = record
        .lines()
        .find(|l| l.starts_with("[transcript:") && l.contains("candidate: I would keep a map"))
        .and_then(|l| l.strip_prefix("[transcript:"))
        .and_then(|l| l.split(']').next())
        .unwrap_or("missing");
    let cite = format!("transcript:{line}");
    let backed = |score: u32| json!({"score": score, "feedback": "From the chat.", "evidence": [{"cite": cite, "quote": "keep a map from value to index", "claim": "Explained the plan before coding."}]});
    Reply::json(&json!({
        "dimensions": {
            "problem_solving": backed(60),
            "code_quality": {"score": null, "feedback": "No code to judge.", "evidence": []},
            "communication": backed(75),
            "efficiency": {"score": 50, "feedback": "Claimed.", "evidence": [{"cite": "run:none", "quote": "O(n)", "claim": "Invented."}]}
        },
        "strengths": [{"text": "A clear plan.", "evidence": [{"cite": cite, "quote": "I would keep a map", "claim": "Plan."}]}],
        "improvements": [],
        "recommendation": "maybe",
        "summary": "The candidate explained a hash-map plan in the chat."
    }))
}

/// The observer's reading of whatever code it is shown.
fn reading(_: &Value) -> Reply {
    Reply::json(&json!({
        "approach": {"kind": "unknown", "name": "not started yet"},
        "time_complexity": "O(1)",
        "space_complexity": "O(1)",
        "warnings": ["returns None for every input"],
        "ready_to_run": false,
        "summary": "Only the starter's pass so far."
    }))
}

/// A second grading of the same record: communication scored lower.
fn regraded(body: &Value) -> Reply {
    let Reply::Json(text) = evaluation(body) else {
        unreachable!("evaluation answers in JSON")
    };
    let mut v: Value = serde_json::from_str(&text).expect("json");
    v["dimensions"]["communication"]["score"] = json!(40);
    v["recommendation"] = json!("no");
    Reply::json(&v)
}

#[test]
fn a_text_interview_in_the_window_from_chat_to_the_evidence_in_the_replay() {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let fake = rt.block_on(FakeLlm::start(Flavor::OpenAi, None));
    let s = Session::start();
    s.find("[data-testid=nav-settings]").click();
    // With no key for the default provider, each role says what it needs.
    let needs = s.wait_until("the roles' status", || {
        let t = s.find("[data-testid=ai-status-evaluator]").text();
        (!t.is_empty()).then_some(t)
    });
    assert!(needs.starts_with("Add a key for Anthropic"), "{needs}");
    s.set_value("compatible-base-url", &fake.url, "change");
    s.route("interviewer", "compatible", "e2e-chat");
    s.route("evaluator", "compatible", "e2e-judge");
    s.route("hints", "compatible", "e2e-hints");
    // The observer's calls come whenever the code settles: answered apart from the queue.
    fake.answer_model("e2e-observer", reading);
    s.route("observer", "compatible", "e2e-observer");
    s.wait_until("the roles on", || {
        let on = s.find("[data-testid=ai-status-interviewer]").text();
        let observer = s.find("[data-testid=ai-status-observer]").text();
        (on.contains("e2e-chat") && observer.contains("e2e-observer")).then_some(())
    });
    s.script(
        "document.querySelector('[data-testid=ai-settings]').scrollIntoView();",
        json!([]),
    );
    s.screenshot("settings-ai");

    s.find("[data-testid=nav-library]").click();
    s.find("[data-testid=problem-row][data-slug=pair-sum-indices] td.title")
        .click();
    s.find("[data-testid=interview-mode]");
    s.set_value("interview-mode", "text", "change");
    s.find("[data-testid=start-interview]").click();
    s.wait_until("the text interviewer", || {
        s.find("[data-testid=text-interviewer]")
            .text()
            .contains("e2e-chat")
            .then_some(())
    });

    fake.push(Reply::text(
        "Good plan. What happens with duplicate values?",
    ));
    s.find("[data-testid=chat-input]")
        .send_keys("I would keep a map from value to index.\u{E007}");
    let lines = s.wait_until("the reply", || {
        let l = s.texts("[data-testid=chat-line]");
        (l.len() >= 2).then_some(l)
    });
    assert!(lines[0].contains("I would keep a map"), "{lines:?}");
    assert!(lines[1].contains("duplicate values"), "{lines:?}");
    s.wait_until("the cost meter", || {
        s.texts("[data-testid=cost-meter]")
            .first()
            .filter(|t| t.starts_with('$'))
            .map(|_| ())
    });

    // The interviewer's hint tool: the hints role's model writes hint 1 for the code.
    fake.push(Reply::Tool {
        text: String::new(),
        name: "reveal_hint".into(),
        input: "{}".into(),
    });
    fake.push(Reply::text(
        "Your loop looks at every pair: what could you remember instead?",
    ));
    fake.push(Reply::text(
        "Here is a hint: think about what you have already seen.",
    ));
    // Shift+Enter breaks the line (WebDriver: Shift, then Enter; the keys are released when
    // the call ends), and the button sends.
    let input = s.find("[data-testid=chat-input]");
    input.send_keys("Could I\u{E008}\u{E007}");
    input.send_keys("have a hint?");
    s.find("[data-testid=chat-send]").click();
    s.wait_until("the hint", || {
        s.texts("[data-testid=text-notice]")
            .first()
            .filter(|n| n.contains("hint"))
            .map(|_| ())
    });
    s.wait_until("the hint's reply", || {
        (s.texts("[data-testid=chat-line]").len() >= 4).then_some(())
    });
    let lines = s.texts("[data-testid=chat-line]");
    assert!(
        lines[2].contains("Could I\nhave a hint?"),
        "one message of two lines: {lines:?}"
    );
    let asked = fake.bodies()[2]["messages"].to_string();
    assert!(
        asked.contains("Hint level 1 of 3"),
        "the hints model was asked: {asked}"
    );

    // The button: a model's hint that shows too much code is refused, the authored one given.
    fake.push(Reply::text(
        "Just write:\n```python\nseen = {}\nfor i, n in enumerate(nums):\n    pass\n```",
    ));
    s.find("[data-testid=reveal-hint]").click();
    s.wait_until("the refused hint", || {
        s.texts("[data-testid=hint-note]")
            .first()
            .filter(|n| n.contains("3 lines of code"))
            .map(|_| ())
    });
    let hints = s.texts("[data-testid=hint]");
    assert_eq!(hints.len(), 2, "{hints:?}");
    assert!(!hints[1].contains("seen = {}"), "{hints:?}");
    s.screenshot("text-interview");

    fake.push(Reply::From(evaluation));
    s.script("window.confirm = () => true;", json!([]));
    s.find("[data-testid=end-interview]").click();
    s.wait_until("the AI report", || {
        s.texts("[data-testid=evaluator]")
            .first()
            .filter(|t| t.contains("e2e-judge"))
            .map(|_| ())
    });
    let quotes = s.texts("[data-testid=evidence-quote]");
    assert!(
        quotes
            .iter()
            .any(|q| q.contains("keep a map from value to index")),
        "{quotes:?}"
    );
    assert!(s
        .find("[data-testid=removed-claims]")
        .text()
        .contains("1 claim removed"));
    assert_eq!(
        s.texts("[data-testid=evaluation-tab]").len(),
        2,
        "the AI and offline reports side by side"
    );
    // Grade again (another answer from the same model): all three evaluations side by side.
    fake.push(Reply::From(regraded));
    s.find("[data-testid=regrade]").click();
    s.wait_until("the third evaluation", || {
        (s.texts("[data-testid=evaluation-tab]").len() == 3).then_some(())
    });
    s.script(
        "document.querySelector('[data-testid=evaluations]').scrollIntoView();",
        json!([]),
    );
    s.screenshot("report-compare");
    let overall = s.texts("[data-testid=compare-overall]");
    assert_eq!(overall.len(), 3, "{overall:?}");
    assert_ne!(
        overall[0], overall[1],
        "the new grade beside the first: {overall:?}"
    );
    assert!(s
        .find("[data-testid=detail]")
        .text()
        .contains("hash-map plan"));
    let cited = s.texts("[data-testid=observation]");
    assert!(
        cited
            .iter()
            .any(|t| t.contains("A clear plan") && !t.contains("transcript:")),
        "a strength shows its quote and moment, not the raw citation: {cited:?}"
    );
    s.screenshot("report-ai");

    s.find("[data-testid=evidence-moment]").click();
    s.wait_all("[data-testid=replay-slider]", 1);
    let moment = s.find("[data-testid=replay-moment]").text();
    assert!(
        moment.contains("Transcript line"),
        "the replay opens at the cited line: {moment}"
    );
    s.screenshot("replay-cited");
    // The last moment: the final code with the observer's note, its model's reading included.
    let last = s
        .texts("[data-testid=timeline-entry]")
        .len()
        .saturating_sub(1);
    s.set_value("replay-slider", &last.to_string(), "input");
    let note = s.wait_until("the observer's note", || {
        s.texts("[data-testid=observer-note]").into_iter().next()
    });
    assert!(
        note.contains("Only the starter's pass so far.")
            && note.contains("returns None for every input"),
        "{note}"
    );
    s.screenshot("replay-observer-model");
    assert_eq!(fake.violations(), Vec::<String>::new());

    // Turn the roles off for the tests that share this data folder, one change at a time.
    s.find("[data-testid=nav-settings]").click();
    for role in ["interviewer", "evaluator", "hints", "observer"] {
        s.role_on(role, false);
    }
    s.quit();
}
