//! A voice interview in the window: a key added in Settings, the interviewer chosen on the
//! problem page, the first-run headphones question, speech played into the virtual
//! microphone and heard by a fake OpenAI Realtime server (on the port `cargo xtask test`
//! pointed the app at), the interviewer's hint tool answered with a hint the hints role's
//! model wrote (a fake OpenAI-compatible server), the reply played and written to the live
//! transcript, a typed message answered, and the interview ended into its report. Its own binary: the
//! provider port is free only in a fresh process.

use rehearse_e2e::Session;
use rehearse_fakes::llm::{FakeLlm, Flavor, Reply};
use rehearse_fakes::openai::{FakeOpenAi, Script, Turns};
use rehearse_fakes::speech::say;
use serde_json::json;

const KEY: &str = "sk-e2e-voice-key-7781";
const MODEL_HINT: &str = "Two pointers need sorted input: what does sorting do to the indices?";

fn lines(s: &Session) -> Vec<String> {
    s.texts("[data-testid=voice-line]")
}

#[test]
fn a_voice_interview_is_heard_answered_and_transcribed_in_the_window() {
    let port: u16 = std::env::var("REHEARSE_E2E_PROVIDER_PORT")
        .expect("set by cargo xtask test")
        .parse()
        .expect("a port");
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let fake = rt.block_on(FakeOpenAi::start_on(
        port,
        Script {
            turns: Turns::Energy,
            reply_ms: 1500,
            hint_on_turn: Some(1),
            ..Script::new(KEY, "gpt-realtime")
        },
    ));
    let llm = rt.block_on(FakeLlm::start(Flavor::OpenAi, None));
    llm.push(Reply::text(MODEL_HINT));
    let dir = tempfile::tempdir().expect("dir");
    let (wav, _) = say(
        dir.path(),
        "I would sort the numbers and walk two pointers inwards.",
        24_000,
    );

    let s = Session::start();
    s.find("[data-testid=nav-settings]").click();
    s.find("[data-testid=key-input-openai]").send_keys(KEY);
    s.find("[data-testid=key-save-openai]").click();
    s.wait_until("the key stored", || {
        (s.find("[data-testid=key-state-openai]").text() == "set …7781").then_some(())
    });
    s.script(
        "document.querySelector('[data-testid=voice-settings]').scrollIntoView();",
        json!([]),
    );
    s.screenshot("settings-voice");
    s.set_value("compatible-base-url", &llm.url, "change");
    // On first: the text test, which shares this data folder, turns the roles off.
    s.role_on("hints", true);
    s.route("hints", "compatible", "e2e-voice-hints");

    s.find("[data-testid=nav-library]").click();
    s.find("[data-testid=problem-row][data-slug=pair-sum-indices] td.title")
        .click();
    s.find("[data-testid=interview-mode]");
    s.set_value("interview-mode", "voice", "change");
    s.find("[data-testid=start-interview]").click();
    s.find("[data-testid=choose-headphones]").click();
    s.wait_until("the interviewer connected", || {
        (s.find("[data-testid=voice-connection]").text() == "Connected").then_some(())
    });

    let played = std::process::Command::new("paplay")
        .args(["-d", "micsink"])
        .arg(&wav)
        .status()
        .expect("paplay");
    assert!(played.success());
    s.wait_until("the turn and the hint in the transcript", || {
        (lines(&s).len() >= 2).then_some(())
    });
    assert_eq!(
        lines(&s)[..2],
        [
            "You: Candidate turn 1.".to_string(),
            format!("Interviewer: Here is a hint for you. {MODEL_HINT}")
        ]
    );
    assert_eq!(
        s.texts("[data-testid=hint]"),
        [MODEL_HINT],
        "the hint joins the list, counted"
    );
    let latency = s.find("[data-testid=voice-latency]").text();
    assert!(latency.ends_with(" ms"), "a latency figure: {latency}");
    assert_ne!(s.find("[data-testid=voice-cost]").text(), "≈ $0.000");

    s.find("[data-testid=voice-type]")
        .send_keys("What about duplicates?");
    s.script(
        "document.querySelector('[data-testid=voice-type]').form.requestSubmit();",
        json!([]),
    );
    s.wait_until("the typed message answered", || {
        (lines(&s).len() >= 4).then_some(())
    });
    assert_eq!(
        lines(&s)[2..4],
        [
            "You: What about duplicates?",
            "Interviewer: This is reply 1 number 2."
        ]
    );
    s.screenshot("voice-interview");

    s.script("window.confirm = () => true;", json!([]));
    s.find("[data-testid=end-interview]").click();
    s.wait_all("[data-testid=overall]", 1);
    let rec = fake.record();
    assert!(rec.violations.is_empty(), "{:#?}", rec.violations);
    assert!(
        rec.instructions[0].contains("Pair Sum Indices"),
        "the interviewer knows the problem"
    );
    assert!(rec.items.iter().any(|i| i == "What about duplicates?"));
    assert_eq!(rec.tool_outputs.len(), 1);
    assert!(
        rec.tool_outputs[0].contains(MODEL_HINT),
        "{:?}",
        rec.tool_outputs
    );
    assert_eq!(llm.violations(), Vec::<String>::new());
    assert_eq!(llm.bodies()[0]["model"], "e2e-voice-hints");
    let turns = &rec.session.as_ref().expect("a session")["audio"]["input"]["turn_detection"];
    assert_eq!(
        (turns["type"].as_str(), turns["eagerness"].as_str()),
        (Some("semantic_vad"), Some("low")),
        "by default a pause to think is not the end of the candidate's turn"
    );

    s.find("[data-testid=nav-settings]").click();
    s.role_on("hints", false);
    s.find("[data-testid=key-remove-openai]").click();
    s.wait_until("the key removed", || {
        (s.find("[data-testid=key-state-openai]").text() == "not set").then_some(())
    });
    s.quit();
}
