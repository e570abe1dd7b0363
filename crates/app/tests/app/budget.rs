//! The session budget (`[budget] session_usd` in config.toml) against the fake OpenAI-compatible
//! server: the room's meter counts every agent call; at 80 % the candidate is told; at 100 %
//! the text interviewer wraps up, the observer stops asking its model and hints are authored;
//! the report has the cost per role.

use super::ai_session;
use rehearse_app::room::{Room, RoomUpdate};
use rehearse_core::session::InterviewerMode;
use rehearse_core::settings::{AiChoice, AiRole};
use rehearse_core::ErrorCode;
use rehearse_fakes::llm::{FakeLlm, Flavor, Reply};
use std::sync::{Arc, Mutex};

const PRICES: &str = "[prices.\"local-chat\"]\ninput = 100.0\noutput = 0.0\n";

/// A text session whose interviewer is priced (and whose observer is free), and the room's
/// budget notices; `budget` in US dollars.
async fn session(
    dir: &std::path::Path,
    fake: &FakeLlm,
    budget: Option<f64>,
) -> (rehearse_app::App, String, Room, Arc<Mutex<Vec<String>>>) {
    let roles = [
        (AiRole::Interviewer, "local-chat"),
        (AiRole::Observer, "local-observer"),
    ];
    let (app, id) = ai_session(dir, Some(&fake.url), &roles, InterviewerMode::Text);
    let budget = budget
        .map(|b| format!("[budget]\nsession_usd = {b}\n"))
        .unwrap_or_default();
    super::write_config(&app, &format!("{PRICES}{budget}"));
    let notices = Arc::new(Mutex::new(Vec::new()));
    let heard = notices.clone();
    let room = Room::open(&app, &id, move |u| {
        if let RoomUpdate::Notice(n) = u {
            if n.code == ErrorCode::BudgetReached {
                heard.lock().unwrap().push(n.message);
            }
        }
    })
    .expect("room");
    (app, id, room, notices)
}

#[test]
fn the_budget_warns_at_80_percent_then_wraps_up_and_stops_the_observer() {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        // What the first turn costs, measured on a session without a budget.
        let d = tempfile::tempdir().expect("temp");
        let fake = FakeLlm::start(Flavor::OpenAi, None).await;
        let (_, _, room, _) = session(d.path(), &fake, None).await;
        let mut call = room.start_text(&AiChoice::default()).expect("text");
        fake.push(Reply::text("Tell me your approach."));
        room.say("I would use a hash map.".into()).expect("say");
        call.settled().await;
        let first = room.cost().usd;
        assert!(first > 0.0 && room.cost().budget_usd.is_none());
        room.close();

        // The same first turn against a budget it uses 83 % of.
        let d = tempfile::tempdir().expect("temp");
        let fake = FakeLlm::start(Flavor::OpenAi, None).await;
        let (app, id, room, notices) = session(d.path(), &fake, Some(first * 1.2)).await;
        room.start();
        let mut call = room.start_text(&AiChoice::default()).expect("text");
        fake.push(Reply::text("Tell me your approach."));
        room.say("I would use a hash map.".into()).expect("say");
        call.settled().await;
        assert!((room.cost().usd - first).abs() < 1e-9, "{:?}", room.cost());
        assert_eq!(notices.lock().unwrap().len(), 1, "told at 80 %");
        assert!(
            notices.lock().unwrap()[0].contains("80 %"),
            "{:?}",
            notices.lock().unwrap()
        );
        assert!(!room.over_budget());

        // The next turn goes over: the interviewer is told to wrap up, and does.
        fake.push(Reply::text("What is its complexity?"));
        fake.push(Reply::text(
            "We have to stop here. Summarise your solution, please.",
        ));
        room.say("Each lookup is constant time.".into())
            .expect("say");
        call.settled().await;
        assert!(room.over_budget(), "{:?}", room.cost());
        assert!(
            notices.lock().unwrap()[1].contains("used up"),
            "{:?}",
            notices.lock().unwrap()
        );
        let bodies = fake.bodies();
        assert_eq!(bodies.len(), 3, "one wrap-up call after the budget");
        let last = bodies[2]["messages"]
            .as_array()
            .expect("messages")
            .last()
            .expect("turn")["content"]
            .to_string();
        assert!(
            last.contains("budget is used up") && last.contains("Begin wrapping up now"),
            "{last}"
        );

        // The observer no longer asks its model; hints are the authored ones.
        room.code_changed("def pair_sum_indices(nums, target):\n    return []\n".into())
            .expect("code");
        room.observed(1).await;
        assert_eq!(fake.bodies().len(), 3, "no model call for the observer");
        let note = app
            .store
            .code_notes(&id)
            .expect("notes")
            .pop()
            .expect("a note");
        assert!(
            note.unread.as_deref().is_some_and(|u| u.contains("budget")),
            "{note:?}"
        );

        room.end(None).await.expect("end");
        let costs = app.replay(&id).expect("replay").costs;
        assert_eq!(costs.len(), 1, "{costs:?}");
        assert_eq!((costs[0].role, costs[0].calls), (AiRole::Interviewer, 3));
        assert!((costs[0].usd - room.cost().agents_usd).abs() < 1e-9);
    });
}

#[test]
fn a_budget_that_is_not_a_number_of_dollars_is_refused_with_where_to_fix_it() {
    let d = tempfile::tempdir().expect("temp");
    let app = super::app(d.path());
    super::write_config(&app, "[budget]\nsession_usd = -1.0\n");
    let e = app.session_budget().expect_err("refused");
    assert!(e.to_string().contains("session_usd"), "{e}");
}
