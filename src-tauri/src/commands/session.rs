use super::{err, Ctx};
use rehearse_app::session::{Autosaver, SessionState, StartSession};
use rehearse_app::HintReveal;
use rehearse_core::evaluate::Evaluation;
use rehearse_core::interviewer::{code_context, run_context, time_note};
use rehearse_core::now_ms;
use rehearse_core::run::{RunMode, RunReport, SandboxProgress};
use rehearse_core::session::{Session, SessionStatus, SnapshotKind};
use rehearse_core::ErrorBody;
use rehearse_store::{SessionQuery, Snapshot, TimelineEntry};
use rehearse_voice::interview::Command;
use serde::Serialize;
use std::sync::{Arc, Mutex};
use tauri::Emitter;
use ts_rs::TS;

/// The session on screen, and its auto snapshots.
#[derive(Default)]
pub struct Running {
    pub current: Option<String>,
    pub autosaver: Autosaver,
    /// The voice interviewer of the session on screen, when in voice mode.
    pub voice: Option<super::voice::Live>,
}

pub type SessionSlot = Arc<Mutex<Running>>;

/// Sent every second while a session runs (`session-tick`).
#[derive(Debug, Clone, Serialize, TS)]
pub struct SessionTick {
    pub id: String,
    pub elapsed_ms: i64,
    pub remaining_ms: i64,
    pub status: SessionStatus,
    /// Warnings due at this tick, in minutes left.
    pub warnings: Vec<u32>,
    /// Set when saving failed; the session goes on in memory meanwhile.
    pub storage_error: Option<ErrorBody>,
}

/// Everything the replay shows.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Replay {
    pub session: Session,
    pub timeline: Vec<TimelineEntry>,
    pub snapshots: Vec<Snapshot>,
    pub hints: Vec<String>,
    pub evaluation: Option<Evaluation>,
}

/// The clock: writes held-back snapshots every 250 ms, and every second reads the session on
/// screen and tells the UI (warnings, time up).
pub fn start_clock(app: rehearse_app::App, slot: SessionSlot, handle: tauri::AppHandle) {
    std::thread::spawn(move || {
        let mut storage_error = None;
        for beat in 0u64.. {
            std::thread::sleep(std::time::Duration::from_millis(250));
            let mut running = slot.lock().expect("session slot");
            let Some(id) = running.current.clone() else {
                continue;
            };
            if let Err(e) = running.autosaver.flush_due(&app, now_ms()) {
                storage_error = Some(ErrorBody::from(e));
            }
            if beat % 4 == 0 {
                tick(&app, &mut running, id, storage_error.take(), &handle);
            }
        }
    });
}

/// One second of the clock: warnings, time up, and the `session-tick` event.
fn tick(
    app: &rehearse_app::App,
    running: &mut Running,
    id: String,
    storage_error: Option<ErrorBody>,
    handle: &tauri::AppHandle,
) {
    match app.session_state(&id) {
        Ok(state) => {
            if state.session.status != SessionStatus::Active {
                running.current = None;
                if let Some(live) = running.voice.take() {
                    let _ = live.commands.send(Command::End);
                }
            } else if let Some(live) = running.voice.as_ref() {
                for _ in &state.warnings {
                    let _ = live
                        .commands
                        .send(Command::Context(time_note(state.remaining_ms)));
                }
            }
            let _ = handle.emit(
                "session-tick",
                SessionTick {
                    id,
                    elapsed_ms: state.elapsed_ms,
                    remaining_ms: state.remaining_ms,
                    status: state.session.status,
                    warnings: state.warnings,
                    storage_error,
                },
            );
        }
        Err(e) => tracing::warn!(error = %e, "session clock"),
    }
}

fn current(ctx: &Ctx, id: &str) {
    ctx.session.lock().expect("session slot").current = Some(id.to_string());
}

pub fn start(ctx: &Ctx, request: StartSession) -> Result<SessionState, ErrorBody> {
    let state = ctx.app.start_session(&request).map_err(err)?;
    current(ctx, &state.session.id);
    Ok(state)
}

pub fn state(ctx: &Ctx, id: String) -> Result<SessionState, ErrorBody> {
    let state = ctx.app.session_state(&id).map_err(err)?;
    if state.session.status == SessionStatus::Active {
        current(ctx, &id);
    }
    Ok(state)
}

pub fn autosave(ctx: &Ctx, id: String, code: String) -> Result<(), ErrorBody> {
    let mut running = ctx.session.lock().expect("session slot");
    if running.voice.is_some() {
        if let Ok(s) = ctx.app.store.session(&id) {
            let framed = code_context(&code, s.language, s.elapsed_ms(now_ms()));
            drop(running);
            super::voice::tell(&ctx.session, &id, Command::Code(framed));
            running = ctx.session.lock().expect("session slot");
        }
    }
    running
        .autosaver
        .offer(&ctx.app, &id, code, now_ms())
        .map(|_| ())
        .map_err(err)
}

pub fn checkpoint(ctx: &Ctx, id: String, code: String) -> Result<(), ErrorBody> {
    ctx.app
        .session_snapshot(&id, &code, SnapshotKind::Manual)
        .map(|_| ())
        .map_err(err)
}

pub fn run(ctx: &Ctx, id: String, code: String, mode: RunMode) -> Result<RunReport, ErrorBody> {
    let handle = ctx.handle.clone();
    let progress = move |event: SandboxProgress| {
        let _ = handle.emit("sandbox-progress", event);
    };
    let report = tauri::async_runtime::block_on(async {
        let sb = super::sandbox::connected(ctx).await?;
        ctx.app
            .session_run_with(&sb, &id, &code, mode, &progress)
            .await
            .map_err(err)
    })?;
    if let Ok(s) = ctx.app.store.session(&id) {
        let framed = run_context(&report, s.elapsed_ms(now_ms()));
        super::voice::tell(&ctx.session, &id, Command::Context(framed));
    }
    Ok(report)
}

pub fn hint(ctx: &Ctx, id: String) -> Result<HintReveal, ErrorBody> {
    let (level, text) = ctx.app.session_hint(&id).map_err(err)?;
    Ok(HintReveal { level, text })
}

pub fn end(ctx: &Ctx, id: String, code: String) -> Result<Evaluation, ErrorBody> {
    // The editor's last word becomes the final snapshot.
    match ctx.app.session_snapshot(&id, &code, SnapshotKind::Auto) {
        Ok(_) | Err(rehearse_app::AppError::SessionOver(_)) => {}
        Err(e) => return Err(err(e)),
    }
    let mut running = ctx.session.lock().expect("session slot");
    if running.current.as_deref() == Some(id.as_str()) {
        running.current = None;
    }
    drop(running);
    super::voice::stop_for(&ctx.session, &id);
    tauri::async_runtime::block_on(async {
        let sandbox = super::sandbox::connected(ctx).await.ok();
        ctx.app
            .end_session_measured(sandbox.as_deref(), &id)
            .await
            .map_err(err)
    })
}

pub fn list(ctx: &Ctx, query: SessionQuery) -> Result<Vec<Session>, ErrorBody> {
    ctx.app.store.sessions(&query).map_err(err)
}

pub fn recoverable(ctx: &Ctx) -> Result<Vec<Session>, ErrorBody> {
    ctx.app.recoverable_sessions().map_err(err)
}

pub fn resume(ctx: &Ctx, id: String) -> Result<SessionState, ErrorBody> {
    let state = ctx.app.resume_session(&id).map_err(err)?;
    current(ctx, &id);
    Ok(state)
}

pub fn abandon(ctx: &Ctx, id: String) -> Result<Evaluation, ErrorBody> {
    ctx.app.abandon_session(&id).map_err(err)
}

pub fn replay(ctx: &Ctx, id: String) -> Result<Replay, ErrorBody> {
    let store = &ctx.app.store;
    Ok(Replay {
        session: store.session(&id).map_err(err)?,
        timeline: store.timeline(&id).map_err(err)?,
        snapshots: store.snapshots(&id).map_err(err)?,
        hints: store
            .session_hints(&id)
            .map_err(err)?
            .into_iter()
            .map(|(_, t)| t)
            .collect(),
        evaluation: store.evaluations(&id).map_err(err)?.into_iter().next(),
    })
}

pub fn delete(ctx: &Ctx, id: String) -> Result<(), ErrorBody> {
    ctx.app.store.delete_session(&id).map_err(err)
}

pub fn export(
    ctx: &Ctx,
    ids: Vec<String>,
) -> Result<rehearse_app::export::ExportSummary, ErrorBody> {
    let what = if ids.len() == 1 {
        "session"
    } else {
        "sessions"
    };
    ctx.app
        .export_sessions(&ids, &ctx.app.export_path(what))
        .map_err(err)
}

pub fn progress(ctx: &Ctx) -> Result<rehearse_app::progress::Progress, ErrorBody> {
    ctx.app.progress().map_err(err)
}
