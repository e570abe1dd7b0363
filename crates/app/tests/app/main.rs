//! The shared use-cases against a real database in a temporary folder.

mod budget;
mod evaluator;
mod hints;
mod local_model;
mod observer;
mod room;
mod text;

use rehearse_app::room::Room;
use rehearse_app::session::StartSession;
use rehearse_app::App;
use rehearse_core::paths::Paths;
use rehearse_core::session::{SessionStatus, SnapshotKind};
use rehearse_core::Language;
use rehearse_store::NewSession;

/// Writes `toml` as the app's config.toml.
pub(crate) fn write_config(app: &App, toml: &str) {
    let file = app.config_file();
    std::fs::create_dir_all(file.parent().expect("its folder")).expect("config folder");
    std::fs::write(file, toml).expect("config.toml");
}

pub(crate) fn app(dir: &std::path::Path) -> App {
    App::open_at(Paths {
        data_dir: dir.to_path_buf(),
        config_dir: dir.join("config"),
    })
    .expect("open")
}

/// A 30-minute Python session on `slug`.
pub(crate) fn start_on(app: &App, slug: &str) -> rehearse_app::session::SessionState {
    app.start_session(&StartSession {
        problem: Some(slug.into()),
        difficulty: None,
        category: None,
        language: Language::Python,
        minutes: 30.0,
        mode: Default::default(),
    })
    .expect("start")
}

/// An app whose `roles` are models of the OpenAI-compatible server at `url`, and a 10-minute
/// Python session on `pair-sum-indices` in `mode`.
pub(crate) fn ai_session(
    dir: &std::path::Path,
    url: Option<&str>,
    roles: &[(rehearse_core::settings::AiRole, &str)],
    mode: rehearse_core::session::InterviewerMode,
) -> (App, String) {
    use rehearse_core::settings::{AiChoice, AiProvider, AiRole};
    let app = app(dir);
    if let Some(url) = url {
        let mut settings = app.settings().expect("settings");
        settings.compatible_base_url = url.to_string();
        for (role, model) in roles {
            let choice = AiChoice {
                provider: Some(AiProvider::Compatible),
                model: Some(model.to_string()),
                enabled: None,
            };
            match role {
                AiRole::Interviewer => settings.ai.interviewer = choice,
                AiRole::Observer => settings.ai.observer = choice,
                AiRole::Evaluator => settings.ai.evaluator = choice,
                AiRole::Hints => settings.ai.hints = choice,
            }
        }
        app.store.save_settings(&settings).expect("save");
    }
    let s = app
        .start_session(&StartSession {
            problem: Some("pair-sum-indices".into()),
            difficulty: None,
            category: None,
            language: Language::Python,
            minutes: 10.0,
            mode,
        })
        .expect("start");
    (app, s.session.id)
}

/// The pid of a process that has ended.
fn dead_pid() -> u32 {
    let mut child = std::process::Command::new("true").spawn().expect("spawn");
    let pid = child.id();
    child.wait().expect("wait");
    pid
}

#[test]
fn a_session_whose_process_died_is_offered_and_resumed_without_the_lost_time() {
    let d = tempfile::tempdir().expect("temp");
    let app = app(d.path());
    let orphan = app
        .store
        .create_session(&NewSession {
            problem_slug: "stair-paths".into(),
            language: Language::Python,
            mode: Default::default(),
            duration_ms: 30 * 60_000,
            owner_pid: Some(dead_pid()),
        })
        .expect("session");
    app.store
        .add_snapshot(
            &orphan.id,
            "stair-paths",
            Language::Python,
            "def stair_paths(n):\n    return 1\n",
            SnapshotKind::Auto,
            1_000,
        )
        .expect("snapshot");
    let mine = app
        .start_session(&StartSession {
            problem: Some("balanced-brackets".into()),
            difficulty: None,
            category: None,
            language: Language::Go,
            minutes: 30.0,
            mode: Default::default(),
        })
        .expect("start");

    let offered: Vec<String> = app
        .recoverable_sessions()
        .expect("recoverable")
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(
        offered,
        vec![orphan.id.clone()],
        "only the orphan, not this process's own session"
    );

    std::thread::sleep(std::time::Duration::from_millis(300));
    let resumed = app.resume_session(&orphan.id).expect("resume");
    assert!(
        resumed.session.paused_ms >= 250,
        "the time it lay still does not count: {}",
        resumed.session.paused_ms
    );
    assert!(
        resumed.code.contains("return 1"),
        "the latest snapshot is back"
    );
    assert!(
        app.recoverable_sessions().expect("recoverable").is_empty(),
        "now owned by this process"
    );

    let report = app.abandon_session(&mine.session.id).expect("abandon");
    assert_eq!(
        app.store.session(&mine.session.id).expect("session").status,
        SessionStatus::Abandoned
    );
    assert!(report.markdown.contains("No code was run or submitted"));
}

#[test]
fn a_random_session_skips_problems_solved_recently_and_respects_the_filters() {
    let d = tempfile::tempdir().expect("temp");
    let app = app(d.path());
    let hard = app
        .store
        .list_problems(&rehearse_store::ProblemQuery {
            difficulty: Some(rehearse_core::Difficulty::Hard),
            ..Default::default()
        })
        .expect("list")
        .problems;
    let (left, solved) = hard.split_last().expect("hard problems");
    for p in solved {
        let report = rehearse_core::run::RunReport {
            verdict: rehearse_core::run::Verdict::Accepted,
            passed: 1,
            total: 1,
            wall_ms: 1,
            compile_output: None,
            compile_ms: None,
            compile_cached: false,
            language: Language::Python,
            mode: rehearse_core::run::RunMode::Submit,
            tests: Vec::new(),
        };
        app.store
            .record_run(&p.slug, "solved", &report)
            .expect("run");
    }
    for _ in 0..20 {
        let s = app
            .start_session(&StartSession {
                problem: None,
                difficulty: Some(rehearse_core::Difficulty::Hard),
                category: None,
                language: Language::Python,
                minutes: 45.0,
                mode: Default::default(),
            })
            .expect("start");
        assert_eq!(
            s.session.problem_slug, left.slug,
            "the only hard problem not solved recently"
        );
    }
    assert!(app
        .start_session(&StartSession {
            problem: Some("nope".into()),
            difficulty: None,
            category: None,
            language: Language::Python,
            minutes: 45.0,
            mode: Default::default()
        })
        .is_err());
}

#[test]
fn auto_snapshots_come_at_most_every_4_s_and_the_latest_code_is_never_lost() {
    let d = tempfile::tempdir().expect("temp");
    let app = app(d.path());
    let s = start_on(&app, "stair-paths");
    let id = s.session.id;
    let room = Room::open(&app, &id, |_| {}).expect("room");
    let t0 = rehearse_core::now_ms();
    room.code_changed_at("v1".into(), t0).expect("offer");
    room.code_changed_at("v2".into(), t0 + 1_000)
        .expect("offer");
    room.code_changed_at("v3".into(), t0 + 2_000)
        .expect("offer");
    assert_eq!(app.session_state(&id).expect("state").code, "v1");
    assert_eq!(room.code().expect("code"), "v3", "held back, not lost");
    room.tick_at(t0 + 3_000).expect("tick");
    assert_eq!(app.session_state(&id).expect("state").code, "v1");
    room.tick_at(t0 + 4_000).expect("tick");
    assert_eq!(
        app.session_state(&id).expect("state").code,
        "v3",
        "the latest held-back code, 4 s after the last write"
    );
    let autos = app
        .store
        .snapshots(&id)
        .expect("snapshots")
        .iter()
        .filter(|s| s.kind == SnapshotKind::Auto)
        .count();
    assert_eq!(autos, 3, "the starter, v1 and v3");
}

/// In the child process of the kill test: resume the session (its previous process was
/// killed) and edit its code every 20 ms forever, reporting each edit on stdout.
fn edit_until_killed(dir: &str) -> ! {
    use std::io::Write;
    let app = app(std::path::Path::new(dir));
    let id = app
        .recoverable_sessions()
        .expect("recoverable")
        .first()
        .expect("an interrupted session")
        .id
        .clone();
    app.resume_session(&id).expect("resume");
    let room = Room::open(&app, &id, |_| {}).expect("room");
    let mut out = std::io::stdout();
    for edit in 0u64.. {
        let now = rehearse_core::now_ms();
        room.code_changed_at(format!("# edit {edit} at {now}\n"), now)
            .expect("offer");
        room.tick_at(now).expect("flush");
        writeln!(out, "{now}").expect("stdout");
        out.flush().expect("flush stdout");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    unreachable!()
}

/// Kills a process that is editing a session, with SIGKILL, `rounds` times; after each kill
/// the database must pass `PRAGMA integrity_check` and the code must be at most 5 s older
/// than the last edit.
fn kill_and_restart(rounds: usize, alive_ms: impl Fn(usize) -> u64) {
    use std::io::BufRead;
    let d = tempfile::tempdir().expect("temp");
    let dir = d.path().to_string_lossy().into_owned();
    let app = app(d.path());
    let s = app
        .start_session(&StartSession {
            problem: Some("stair-paths".into()),
            difficulty: None,
            category: None,
            language: Language::Python,
            minutes: 120.0,
            mode: Default::default(),
        })
        .expect("start");
    // Let a dead process own it, as after a crash.
    app.store
        .resume_session(&s.session.id, dead_pid(), 0, 0)
        .expect("orphan");
    drop(app);
    for round in 0..rounds {
        let mut child = std::process::Command::new(std::env::current_exe().expect("test binary"))
            .args([
                "--exact",
                "killed_mid_session_the_code_survives_and_the_database_is_intact",
                "--nocapture",
            ])
            .env("REHEARSE_KILL_TEST_CHILD", &dir)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("child");
        let stdout = child.stdout.take().expect("stdout");
        let last_edit = std::sync::Arc::new(std::sync::atomic::AtomicI64::new(0));
        let seen = last_edit.clone();
        let reader = std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
            {
                if let Ok(t) = line.trim().parse::<i64>() {
                    seen.store(t, std::sync::atomic::Ordering::SeqCst);
                }
            }
        });
        std::thread::sleep(std::time::Duration::from_millis(alive_ms(round)));
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        reader.join().expect("reader");
        let last = last_edit.load(std::sync::atomic::Ordering::SeqCst);
        let app = self::app(d.path());
        assert_eq!(
            app.store.integrity_check().expect("check"),
            "ok",
            "round {round}"
        );
        let code = app
            .store
            .latest_snapshot(&s.session.id)
            .expect("snapshot")
            .expect("some")
            .code;
        let saved_at: i64 = code
            .rsplit(' ')
            .next()
            .and_then(|t| t.trim().parse().ok())
            .unwrap_or(0);
        if last > 0 {
            assert!(saved_at > 0, "round {round}: an edit was saved: {code:?}");
            assert!(
                last - saved_at <= 5_000,
                "round {round}: the code is {} ms older than the last edit",
                last - saved_at
            );
        }
    }
}

#[test]
fn killed_mid_session_the_code_survives_and_the_database_is_intact() {
    if let Ok(dir) = std::env::var("REHEARSE_KILL_TEST_CHILD") {
        edit_until_killed(&dir);
    }
    // Long enough for several auto snapshots before each kill.
    kill_and_restart(2, |_| 9_500);
}

#[test]
fn fifty_kills_and_restarts_in_a_row() {
    kill_and_restart(50, |round| 300 + (round as u64 * 37) % 900);
}

#[test]
fn sessions_export_as_a_zip_and_transcripts_are_redacted_and_expire() {
    use rehearse_core::session::Speaker;
    use std::io::Read;
    let d = tempfile::tempdir().expect("temp");
    let app = app(d.path());
    let s = app
        .start_session(&StartSession {
            problem: Some("stair-paths".into()),
            difficulty: None,
            category: None,
            language: Language::Rust,
            minutes: 30.0,
            mode: Default::default(),
        })
        .expect("start");
    let id = s.session.id.clone();
    app.session_snapshot(&id, "impl Solution {}\n", SnapshotKind::Manual)
        .expect("snapshot");
    app.session_say(
        &id,
        Speaker::Candidate,
        "reach me at ana@example.com or +44 20 7946 0958",
    )
    .expect("say");
    assert_eq!(
        app.store.transcript(&id).expect("transcript")[0].text,
        "reach me at [email] or [phone]"
    );
    app.end_session(&id).expect("end");

    let out = d.path().join("out/export.zip");
    let summary = app.export_sessions(&[], &out).expect("export");
    assert_eq!(
        (summary.sessions, summary.files),
        (1, 2 + 3),
        "session.json, report.md and 3 snapshots (starter, manual, final)"
    );
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).expect("zip")).expect("a zip");
    let mut doc = String::new();
    zip.by_name(&format!("sessions/{id}/session.json"))
        .expect("session.json")
        .read_to_string(&mut doc)
        .expect("read");
    let doc: serde_json::Value = serde_json::from_str(&doc).expect("json");
    assert_eq!(doc["session"]["id"], id.as_str());
    assert!(doc["transcript"][0]["text"]
        .as_str()
        .is_some_and(|t| !t.contains("example.com")));
    assert_eq!(doc["evaluations"].as_array().map(Vec::len), Some(1));
    let code_files = (0..zip.len())
        .filter(|i| {
            zip.by_index(*i)
                .is_ok_and(|f| f.name().is_ok_and(|n| n.ends_with(".rs")))
        })
        .count();
    assert_eq!(code_files, 3);

    // Lines older than the retention period are deleted at the next start.
    let conn = rusqlite::Connection::open(d.path().join("rehearse.db")).expect("db");
    conn.execute(
        "UPDATE transcripts SET created_at = created_at - 91 * 86400000",
        [],
    )
    .expect("age");
    drop(conn);
    drop(app);
    let app = self::app(d.path());
    assert!(app.store.transcript(&id).expect("transcript").is_empty());
}

/// Runs `f` with a 64 MiB tmpfs mounted at a fresh folder (root only: CI runs as root).
fn with_small_disk(f: impl FnOnce(&std::path::Path)) {
    let d = tempfile::tempdir().expect("temp");
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64m", "tmpfs"])
        .arg(d.path())
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        mounted || !rehearse_is_root(),
        "as root, a tmpfs can be mounted"
    );
    if !mounted {
        eprintln!("skipped: mounting a small disk needs root");
        return;
    }
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(d.path())));
    let _ = std::process::Command::new("umount").arg(d.path()).status();
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
}

fn rehearse_is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

#[test]
fn a_full_disk_keeps_the_code_in_memory_and_writes_it_when_space_returns() {
    with_small_disk(|dir| {
        let app = app(dir);
        let s = start_on(&app, "stair-paths");
        let id = s.session.id;
        // Fill the disk to the last byte.
        let filler = dir.join("filler");
        {
            use std::io::Write;
            let mut f = std::fs::File::create(&filler).expect("filler");
            let chunk = vec![0u8; 64 << 10];
            while f.write_all(&chunk).is_ok() {}
            let mut byte = [0u8; 1];
            while f.write_all(&byte).is_ok() {
                byte[0] = 1;
            }
        }
        let room = Room::open(&app, &id, |_| {}).expect("room");
        let t0 = rehearse_core::now_ms();
        let mut failed = None;
        for k in 0..20 {
            let big = format!("# edit {k}\n{}", "x = 1\n".repeat(170_000));
            if let Err(e) = room.code_changed_at(big, t0 + k * 5_000) {
                failed = Some(rehearse_core::error::Coded::code(&e));
            }
        }
        assert_eq!(
            failed,
            Some(rehearse_core::ErrorCode::DiskFull),
            "writing to a full disk fails and says why"
        );
        std::fs::remove_file(&filler).expect("free space");
        let tick = room.tick_at(t0 + 200_000).expect("writes resume");
        assert_eq!(tick.storage_error, None, "written once space returned");
        let code = app.session_state(&id).expect("state").code;
        assert!(
            code.starts_with("# edit 19"),
            "the latest code was kept in memory and written: {}",
            &code[..20.min(code.len())]
        );
        assert_eq!(app.store.integrity_check().expect("check"), "ok");
    });
}

#[test]
fn progress_shows_scores_over_time_the_weakest_category_and_what_to_practise_next() {
    let d = tempfile::tempdir().expect("temp");
    let app = app(d.path());
    assert!(app.progress().expect("progress").points.is_empty());
    let mut ids = Vec::new();
    for slug in ["stair-paths", "balanced-brackets"] {
        let s = start_on(&app, slug);
        if slug == "balanced-brackets" {
            let accepted = rehearse_core::run::RunReport {
                verdict: rehearse_core::run::Verdict::Accepted,
                passed: 3,
                total: 3,
                wall_ms: 40,
                compile_output: None,
                compile_ms: None,
                compile_cached: false,
                language: Language::Python,
                mode: rehearse_core::run::RunMode::Submit,
                tests: vec![],
            };
            app.store
                .record_session_run(&s.session.id, slug, "def f(): pass", &accepted, 1_000)
                .expect("run");
        }
        app.end_session(&s.session.id).expect("end");
        ids.push(s.session.id);
    }
    // A session still running has no score and is not a point.
    start_on(&app, "stair-paths");
    let p = app.progress().expect("progress");
    assert_eq!(
        p.points.iter().map(|pt| &pt.session_id).collect::<Vec<_>>(),
        ids.iter().collect::<Vec<_>>(),
        "finished sessions, oldest first"
    );
    assert!(p
        .categories
        .iter()
        .any(|c| c.label == "Stack" && c.sessions == 1 && c.solved == 1));
    assert!(
        p.points.iter().all(|pt| pt.communication.is_none()),
        "not assessed stays empty, never 0"
    );
    assert!(p
        .categories
        .iter()
        .any(|c| c.label == "Dynamic programming" && c.sessions == 1 && c.solved == 0));
    let next = p.next.expect("a recommendation");
    assert!(!next.reason.is_empty());
    let detail = app.store.problem(&next.slug).expect("problem");
    assert!(
        detail.categories.contains(&p.categories[0].category),
        "from the weakest category: {next:?}"
    );
}
