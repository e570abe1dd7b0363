//! The interview room on screen, adapted to IPC: each command finds the session's room in
//! the lobby and forwards what the room reports to the window (`session-tick`,
//! `voice-event`).

use super::{blocking, err, Ctx};
use rehearse_app::room::{Lobby, Room, RoomUpdate};
use rehearse_app::session::{Replay, SessionState, StartSession};
use rehearse_app::{App, HintReveal};
use rehearse_core::evaluate::Evaluation;
use rehearse_core::run::{RunMode, RunReport, SandboxProgress};
use rehearse_core::session::{Session, SessionStatus};
use rehearse_core::ErrorBody;
use rehearse_store::SessionQuery;
use rehearse_voice::interview::LiveEvent;
use tauri::Emitter;

/// The lobby of this window: what its rooms report becomes window events.
pub fn lobby(app: App, handle: tauri::AppHandle) -> Lobby {
    Lobby::new(app, move |update| {
        let sent = match update {
            RoomUpdate::Tick(tick) => handle.emit("session-tick", tick),
            RoomUpdate::Voice(event) => handle.emit("voice-event", event),
            RoomUpdate::Notice(n) => handle.emit(
                "voice-event",
                LiveEvent::Notice {
                    code: n.code,
                    message: n.message,
                },
            ),
            RoomUpdate::Cost(meter) => handle.emit("session-cost", meter),
            RoomUpdate::Ended { .. } => Ok(()),
        };
        if let Err(e) = sent {
            tracing::warn!(error = %e, "an event did not reach the window");
        }
    })
}

pub(super) fn room(ctx: &Ctx, id: &str) -> Result<Room, ErrorBody> {
    ctx.lobby.enter(id).map_err(err)
}

pub async fn start(ctx: &Ctx, request: StartSession) -> Result<SessionState, ErrorBody> {
    let state = ctx.app.start_session(&request).map_err(err)?;
    room(ctx, &state.session.id)?;
    Ok(state)
}

pub async fn state(ctx: &Ctx, id: String) -> Result<SessionState, ErrorBody> {
    let state = ctx.app.session_state(&id).map_err(err)?;
    if state.session.status != SessionStatus::Active {
        return Ok(state);
    }
    room(ctx, &id)?.state_now().map_err(err)
}

pub async fn autosave(ctx: &Ctx, id: String, code: String) -> Result<(), ErrorBody> {
    room(ctx, &id)?.code_changed(code).map_err(err)
}

pub async fn checkpoint(ctx: &Ctx, id: String, code: String) -> Result<(), ErrorBody> {
    room(ctx, &id)?.checkpoint(&code).map(|_| ()).map_err(err)
}

pub async fn run(
    ctx: &Ctx,
    id: String,
    code: String,
    mode: RunMode,
) -> Result<RunReport, ErrorBody> {
    let handle = ctx.handle.clone();
    let progress = move |event: SandboxProgress| {
        let _ = handle.emit("sandbox-progress", event);
    };
    room(ctx, &id)?
        .run(Some(code), mode, &progress)
        .await
        .map_err(err)
}

pub async fn hint(ctx: &Ctx, id: String) -> Result<HintReveal, ErrorBody> {
    room(ctx, &id)?.hint_now().await.map_err(err)
}

pub async fn end(ctx: &Ctx, id: String, code: String) -> Result<Evaluation, ErrorBody> {
    room(ctx, &id)?.end(Some(&code)).await.map_err(err)
}

pub async fn list(ctx: &Ctx, query: SessionQuery) -> Result<Vec<Session>, ErrorBody> {
    ctx.app.sessions(&query).map_err(err)
}

pub async fn recoverable(ctx: &Ctx) -> Result<Vec<Session>, ErrorBody> {
    ctx.app.recoverable_sessions().map_err(err)
}

pub async fn resume(ctx: &Ctx, id: String) -> Result<SessionState, ErrorBody> {
    ctx.app.resume_session(&id).map_err(err)?;
    room(ctx, &id)?.state_now().map_err(err)
}

pub async fn abandon(ctx: &Ctx, id: String) -> Result<Evaluation, ErrorBody> {
    ctx.app.abandon_session(&id).map_err(err)
}

pub async fn replay(ctx: &Ctx, id: String) -> Result<Replay, ErrorBody> {
    ctx.app.replay(&id).map_err(err)
}

pub async fn regrade(ctx: &Ctx, id: String) -> Result<Evaluation, ErrorBody> {
    ctx.app
        .regrade(&id, &rehearse_core::settings::AiChoice::default())
        .await
        .map_err(err)
}

pub async fn delete(ctx: &Ctx, id: String) -> Result<(), ErrorBody> {
    ctx.app.delete_session(&id).map_err(err)
}

pub async fn export(
    ctx: &Ctx,
    ids: Vec<String>,
) -> Result<rehearse_app::export::ExportSummary, ErrorBody> {
    let what = if ids.len() == 1 {
        "session"
    } else {
        "sessions"
    };
    let app = ctx.app.clone();
    // Zipping every session takes a while: off the async runtime.
    blocking(move || app.export_sessions(&ids, &app.export_path(what))).await
}

pub async fn progress(ctx: &Ctx) -> Result<rehearse_app::progress::Progress, ErrorBody> {
    let app = ctx.app.clone();
    blocking(move || app.progress()).await
}
