//! The interview room driven headless, with scripted participants: what they hear and in
//! which order, time up once, a failing participant, the room on screen.

use super::{app, start_on};
use rehearse_app::room::{Lobby, Participant, Room, RoomEvent, RoomUpdate};
use rehearse_app::AppError;
use rehearse_core::run::{RunMode, Verdict};
use rehearse_core::session::{EndReason, SessionEvent, SessionStatus};
use rehearse_core::Language;
use std::sync::{Arc, Mutex};

/// Writes down every event it hears, by kind.
struct Recorder(Arc<Mutex<Vec<String>>>);

impl Participant for Recorder {
    fn name(&self) -> &'static str {
        "recorder"
    }

    fn hear(&mut self, event: &RoomEvent) -> Result<(), AppError> {
        let heard = match event {
            RoomEvent::CodeChanged { code, .. } => format!("code {}", code.trim()),
            RoomEvent::RunResult { report, .. } => format!("run {}", report.verdict.id()),
            RoomEvent::ClockWarning { minutes_left, .. } => format!("warning {minutes_left}"),
            RoomEvent::CandidateMessage { text } => format!("message {text}"),
            RoomEvent::CodeNote { note } => format!("note {}", note.snapshot_id),
            RoomEvent::BudgetReached => "budget reached".into(),
            RoomEvent::TimeUp => "time up".into(),
            RoomEvent::Closed => "closed".into(),
        };
        self.0.lock().unwrap().push(heard);
        Ok(())
    }
}

fn recorder(room: &Room) -> Arc<Mutex<Vec<String>>> {
    let heard = Arc::new(Mutex::new(Vec::new()));
    room.attach(Box::new(Recorder(heard.clone())));
    heard
}

fn heard(log: &Arc<Mutex<Vec<String>>>) -> Vec<String> {
    log.lock().unwrap().clone()
}

fn started_at(app: &rehearse_app::App, id: &str) -> i64 {
    let s = app.store.session(id).expect("session");
    s.started_at.expect("started")
}

fn ended_events(app: &rehearse_app::App, id: &str) -> usize {
    app.store
        .timeline(id)
        .expect("timeline")
        .iter()
        .filter(|t| matches!(t.event, SessionEvent::Ended { .. }))
        .count()
}

#[test]
fn a_participant_hears_code_a_run_the_clock_and_time_up_in_order_and_time_up_ends_once() {
    let d = tempfile::tempdir().expect("temp");
    let app = app(d.path());
    let mut settings = app.settings().expect("settings");
    settings.images.insert(
        "python".into(),
        rehearse_sandbox::config::local_image(Language::Python),
    );
    app.store
        .save_settings(&settings)
        .expect("the image built by xtask");
    let s = start_on(&app, "stair-paths");
    let id = s.session.id.clone();
    let updates = Arc::new(Mutex::new(Vec::new()));
    let shown = updates.clone();
    let room = Room::open(&app, &id, move |u| shown.lock().unwrap().push(u)).expect("room");
    let log = recorder(&room);
    let solution = app
        .store
        .judge_material("stair-paths")
        .expect("material")
        .solutions[&Language::Python]
        .clone();

    room.code_changed(solution.clone()).expect("code");
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let report = rt
        .block_on(room.run(None, RunMode::Run, &|_| {}))
        .expect("run in the sandbox");
    assert_eq!(report.verdict, Verdict::Accepted, "{report:?}");
    room.say("Can I assume n fits in 64 bits?".into())
        .expect("message");
    let start = started_at(&app, &id);
    let minute = 60_000;
    room.tick_at(start + 20 * minute + 1).expect("tick");
    room.tick_at(start + 28 * minute + 1).expect("tick");
    let end = room.tick_at(start + 30 * minute).expect("tick");
    assert_eq!(end.status, SessionStatus::Completed);
    let again = room.tick_at(start + 31 * minute).expect("tick");
    assert_eq!(again.warnings, Vec::<u32>::new());

    assert_eq!(
        heard(&log),
        [
            format!("code {}", solution.trim()),
            "run accepted".into(),
            "message Can I assume n fits in 64 bits?".into(),
            "warning 10".into(),
            "warning 2".into(),
            "time up".into(),
            "closed".into(),
        ]
    );
    assert_eq!(ended_events(&app, &id), 1, "the session ended once");
    let ended: Vec<RoomUpdate> = updates
        .lock()
        .unwrap()
        .iter()
        .filter(|u| matches!(u, RoomUpdate::Ended { .. }))
        .cloned()
        .collect();
    assert_eq!(
        ended,
        [RoomUpdate::Ended {
            reason: Some(EndReason::TimeUp)
        }]
    );
    assert!(matches!(room.hint(), Err(AppError::SessionOver(_))));
    rt.block_on(async {
        if let Some(sb) = app.sandbox_if_connected().await {
            sb.settle().await;
        }
    });
}

#[test]
fn two_rooms_on_one_session_end_it_once_when_time_is_up() {
    let d = tempfile::tempdir().expect("temp");
    let app = app(d.path());
    let id = start_on(&app, "stair-paths").session.id;
    let (window, terminal) = (
        Room::open(&app, &id, |_| {}).expect("room"),
        Room::open(&app, &id, |_| {}).expect("room"),
    );
    let (w, t) = (recorder(&window), recorder(&terminal));
    let start = started_at(&app, &id);
    window.tick_at(start + 30 * 60_000).expect("tick");
    terminal.tick_at(start + 30 * 60_000).expect("tick");
    assert_eq!(ended_events(&app, &id), 1);
    assert_eq!(app.store.evaluations(&id).expect("reports").len(), 1);
    assert_eq!(heard(&w), ["warning 10", "warning 2", "time up", "closed"]);
    assert_eq!(
        heard(&t),
        ["closed"],
        "the other room closes without a second end"
    );
}

/// Fails on code, the way a participant whose provider went away would.
struct Failing;

impl Participant for Failing {
    fn name(&self) -> &'static str {
        "code observer"
    }

    fn hear(&mut self, event: &RoomEvent) -> Result<(), AppError> {
        match event {
            RoomEvent::CodeChanged { .. } => Err(AppError::InvalidInput("it broke".into())),
            _ => Ok(()),
        }
    }
}

#[test]
fn a_participant_that_fails_is_detached_with_a_notice_and_the_session_goes_on() {
    let d = tempfile::tempdir().expect("temp");
    let app = app(d.path());
    let id = start_on(&app, "stair-paths").session.id;
    let notices = Arc::new(Mutex::new(Vec::new()));
    let shown = notices.clone();
    let room = Room::open(&app, &id, move |u| {
        if let RoomUpdate::Notice(n) = u {
            shown.lock().unwrap().push(n.message);
        }
    })
    .expect("room");
    room.attach(Box::new(Failing));
    let log = recorder(&room);
    room.code_changed("v1".into()).expect("code");
    room.code_changed("v2".into()).expect("code");
    assert_eq!(heard(&log), ["code v1", "code v2"]);
    assert_eq!(
        *notices.lock().unwrap(),
        ["The code observer stopped (it broke); the interview goes on without it."]
    );
    room.checkpoint("v3").expect("checkpoint");
    assert_eq!(room.hint().expect("hint").level, 1);
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let evaluation = rt.block_on(room.end(Some("v4"))).expect("end");
    assert!(evaluation.overall <= 100);
    assert_eq!(
        app.store.session(&id).expect("session").status,
        SessionStatus::Completed
    );
    assert_eq!(heard(&log).last().map(String::as_str), Some("closed"));
    assert_eq!(app.session_state(&id).expect("state").code, "v4");
}

#[test]
fn entering_another_session_closes_the_room_before_and_keeps_its_code() {
    let d = tempfile::tempdir().expect("temp");
    let app = app(d.path());
    let first = start_on(&app, "stair-paths").session.id;
    let second = start_on(&app, "balanced-brackets").session.id;
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let _guard = rt.enter();
    let lobby = Lobby::new(app.clone(), |_| {});
    let room = lobby.enter(&first).expect("enter");
    assert_eq!(
        lobby.enter(&first).expect("again").id(),
        room.id(),
        "the same room"
    );
    let log = recorder(&room);
    room.code_changed("a".into()).expect("code");
    room.code_changed("b".into()).expect("held back");
    lobby.enter(&second).expect("enter the second");
    assert_eq!(heard(&log), ["code a", "code b", "closed"]);
    assert!(!room.is_open());
    assert_eq!(app.session_state(&first).expect("state").code, "b");
    assert_eq!(
        app.store.session(&first).expect("session").status,
        SessionStatus::Active,
        "left, not ended"
    );
}

#[test]
fn code_held_back_by_autosave_is_kept_when_time_runs_out_or_the_session_ends() {
    let d = tempfile::tempdir().expect("temp");
    let app = app(d.path());
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    for ends_on_the_clock in [true, false] {
        let id = start_on(&app, "stair-paths").session.id;
        let room = Room::open(&app, &id, |_| {}).expect("room");
        let t0 = rehearse_core::now_ms();
        room.code_changed_at("first".into(), t0).expect("code");
        room.code_changed_at("last".into(), t0 + 500)
            .expect("held back");
        if ends_on_the_clock {
            room.tick_at(started_at(&app, &id) + 30 * 60_000)
                .expect("time up");
        } else {
            rt.block_on(room.end(None)).expect("end");
        }
        let snapshots = app.store.snapshots(&id).expect("snapshots");
        let last = snapshots.last().expect("a final snapshot");
        assert_eq!(last.kind, rehearse_core::session::SnapshotKind::Final);
        assert_eq!(last.code, "last", "on the clock: {ends_on_the_clock}");
    }
}
